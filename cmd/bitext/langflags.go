package main

import "github.com/urfave/cli/v2"

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
		&cli.StringFlag{Name: "source-lang", Aliases: src, Value: "de", Usage: usageSource},
		&cli.StringFlag{Name: "target-lang", Aliases: tgt, Value: "en", Usage: usageTarget},
	}
}
