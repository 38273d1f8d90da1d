package main

import (
	"github.com/urfave/cli/v2"
	"golang.org/x/text/language"
)

// langFlags are the language pair of a command, named alike everywhere: --source-lang and
// --target-lang, also spelled --from/--to (translate-shell, DeepL CLI) and --src-lang/--tgt-lang
// (hunalign), so that habits from any of them work. A command whose --to means something else
// (glossary convert's output format) passes fromTo false.
func langFlags(fromTo bool, usageSource, usageTarget string) []cli.Flag {
	src, tgt := []string{"src-lang"}, []string{"tgt-lang"}
	if fromTo {
		src, tgt = append(src, "from"), append(tgt, "to")
	}
	return []cli.Flag{
		&cli.StringFlag{Name: "source-lang", Aliases: src, Value: "de", Usage: usageSource, Action: checkLangFlag("source-lang")},
		&cli.StringFlag{Name: "target-lang", Aliases: tgt, Value: "en", Usage: usageTarget, Action: checkLangFlag("target-lang")},
	}
}

// checkLangFlag refuses a language that is not a BCP 47 tag ("english", "", `e"n`): it would be
// written into TMX's xml:lang and XLIFF's srcLang, which must be one, sent to providers, and
// choose stemmers and dictionaries by a code nothing knows.
func checkLangFlag(name string) func(*cli.Context, string) error {
	return func(_ *cli.Context, v string) error {
		if _, err := language.Parse(v); err != nil || v == "" {
			return usageErrorf("--%s %q: not a language code (want an ISO 639-1 code such as de, en, fr, or a BCP 47 tag such as pt-BR)", name, v)
		}
		return nil
	}
}
