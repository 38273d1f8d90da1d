package main

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/providers"
)

// glossaryProviderCommands are `bitext glossary push|list|delete`: glossaries kept by the
// provider itself (DeepL's glossary API), made from our TSV/CSV/TBX files. Drivers offer them
// through providers.GlossaryManager; this file names none.
func glossaryProviderCommands() []*cli.Command {
	return []*cli.Command{
		{
			Name:      "push",
			Usage:     "create a provider-side glossary from glossary files (exact forms, plus the inflected forms found in --forms-from)",
			UsageText: "bitext glossary push [--provider NAME] [--name NAME] [--forms-from FILE]... GLOSSARY...",
			Flags: append(providerFlags(),
				&cli.StringFlag{Name: "name", Usage: "glossary `NAME` at the provider (default: the first file's base name)"},
				&cli.StringSliceFlag{Name: "forms-from", Usage: "German text `FILE` whose inflected forms of the terms are pushed too (provider glossaries match exact forms only)"},
			),
			Action: runGlossaryPush,
		},
		{
			Name:      "list",
			Usage:     "list the provider's glossaries",
			UsageText: "bitext glossary list [--provider NAME]",
			Flags:     providerFlags(),
			Action:    runGlossaryList,
		},
		{
			Name:      "delete",
			Usage:     "delete provider glossaries by ID",
			UsageText: "bitext glossary delete [--provider NAME] ID...",
			Flags:     providerFlags(),
			Action:    runGlossaryDelete,
		},
	}
}

// openGlossaryManager opens the chosen provider and its glossary API.
func openGlossaryManager(c *cli.Context) (providers.Provider, providers.GlossaryManager, error) {
	p, err := openProvider(c)
	if err != nil {
		return nil, nil, err
	}
	gm, ok := providers.Glossaries(p)
	if !ok {
		providers.Close(p)
		return nil, nil, usageErrorf("provider %s keeps no glossaries of its own through bitext", p.Name())
	}
	return p, gm, nil
}

// pushTerm is one pair to push and where it comes from: the entry's file and line, and
// whether it is an inflected form found in a --forms-from text.
type pushTerm struct {
	providers.Term
	file      string
	line      int
	inflected bool
}

// pushEntries are the glossary's entries as exact pairs, plus every inflected form of a term
// found in the texts (Außenministeriums → the same target), without duplicates and without
// entries the provider cannot take (no source, or no target and not do-not-translate). Terms
// are trimmed, as the driver sends them, so that duplicates are seen here and counted right.
func pushEntries(g *glossary.Glossary, texts []string) []pushTerm {
	seen := map[string]bool{}
	var out []pushTerm
	add := func(t pushTerm) {
		t.Source, t.Target = strings.TrimSpace(t.Source), strings.TrimSpace(t.Target)
		if t.Source == "" || seen[t.Source] {
			return
		}
		if t.Target == "" && !t.DoNotTranslate {
			return
		}
		seen[t.Source] = true
		out = append(out, t)
	}
	for _, e := range g.Entries {
		add(pushTerm{Term: providers.Term{Source: e.Source, Target: e.Target, DoNotTranslate: e.DoNotTranslate}, file: e.File, line: e.Line})
	}
	var forms []pushTerm
	for _, text := range texts {
		for _, m := range g.FindSource(text) {
			// Only the term itself as a text writes it is a form to push: a compound part, a
			// verb form or a term whose words are apart holds other words, which the provider's
			// glossary would replace with the term's rendering.
			if f, ok := m.Form(); ok && !seen[strings.TrimSpace(f)] {
				forms = append(forms, pushTerm{
					Term: providers.Term{Source: f, Target: m.Entry.Target, DoNotTranslate: m.Entry.DoNotTranslate},
					file: m.Entry.File, line: m.Entry.Line, inflected: true,
				})
			}
		}
	}
	sort.SliceStable(forms, func(i, j int) bool { return forms[i].Source < forms[j].Source })
	for _, f := range forms {
		add(f)
	}
	return out
}

// maxGlossaryTermBytes is DeepL's limit on each source and target of a glossary entry (its
// glossary API documentation: at most 1024 UTF-8 bytes); DeepL's is the provider glossary API
// bitext drives.
const maxGlossaryTermBytes = 1024

// checkPushTerms refuses, before anything is sent, an entry DeepL would answer with HTTP 400:
// a term longer than maxGlossaryTermBytes, or holding a C0 or C1 control character or a Unicode
// line or paragraph separator (the characters DeepL's own client library, deepl-python's
// validate_glossary_term, refuses). The error names the entry's file and line.
func checkPushTerms(terms []pushTerm) error {
	for _, t := range terms {
		target := t.Target
		if target == "" && t.DoNotTranslate {
			target = t.Source
		}
		for _, side := range []struct{ name, text string }{{"source", t.Source}, {"target", target}} {
			problem := ""
			if n := len(side.text); n > maxGlossaryTermBytes {
				problem = fmt.Sprintf("is %d bytes long; provider glossaries take at most %d bytes (UTF-8) per term", n, maxGlossaryTermBytes)
			} else if i := strings.IndexFunc(side.text, forbiddenInGlossaryTerm); i >= 0 {
				r, _ := utf8.DecodeRuneInString(side.text[i:])
				problem = fmt.Sprintf("holds %U at byte %d: provider glossaries refuse control characters and line or paragraph separators", r, i+1)
			}
			if problem == "" {
				continue
			}
			what := "entry"
			if t.inflected {
				what = fmt.Sprintf("inflected form %q of the entry", truncateTerm(t.Source))
			}
			return inputError(fmt.Errorf("%s:%d: the %s's %s %q %s", t.file, t.line, what, side.name, truncateTerm(side.text), problem))
		}
	}
	return nil
}

func forbiddenInGlossaryTerm(r rune) bool {
	return r <= 0x1f || (r >= 0x7f && r <= 0x9f) || r == '\u2028' || r == '\u2029'
}

// truncateTerm shortens a term for an error message.
func truncateTerm(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func runGlossaryPush(c *cli.Context) error {
	if c.NArg() == 0 {
		return usageErrorf("glossary push needs at least one glossary file")
	}
	if err := refuseStdoutOnto(append(c.Args().Slice(), c.StringSlice("forms-from")...)...); err != nil {
		return err // the glossary's id appended to the glossary made it unreadable
	}
	g, err := glossary.Load(c.Args().Slice()...)
	if err != nil {
		return inputError(err)
	}
	var texts []string
	for _, path := range c.StringSlice("forms-from") {
		data, err := os.ReadFile(path)
		if err != nil {
			return inputError(err)
		}
		texts = append(texts, string(data))
	}
	entries := pushEntries(g, texts)
	if len(entries) == 0 {
		return inputError(fmt.Errorf("%s: no entries with a target to push", c.Args().First()))
	}
	if err := checkPushTerms(entries); err != nil {
		return err
	}
	name := c.String("name")
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(c.Args().First()), filepath.Ext(c.Args().First()))
	}
	p, gm, err := openGlossaryManager(c)
	if err != nil {
		return err
	}
	defer providers.Close(p)
	terms := make([]providers.Term, len(entries))
	inflected := 0
	for i, e := range entries {
		terms[i] = e.Term
		if e.inflected {
			inflected++
		}
	}
	info, err := gm.CreateGlossary(c.Context, name, orLang(g.SourceLang, "de"), orLang(g.TargetLang, "en"), terms)
	var pe *providers.Error
	if errors.As(err, &pe) && (pe.Status == http.StatusRequestEntityTooLarge || pe.Status == http.StatusBadRequest) {
		// The driver's advice is about translation requests (shorten the segment, check
		// --model); terms were checked above, so what is left is the glossary's size or its
		// languages.
		e := *pe
		if pe.Status == http.StatusRequestEntityTooLarge {
			e.Message = fmt.Sprintf("the glossary of %s is too large for the provider: push the files as separate glossaries", count(len(terms), "entry"))
		} else {
			e.Message = fmt.Sprintf("the provider refused the glossary: check that it takes glossaries from %s to %s", orLang(g.SourceLang, "de"), orLang(g.TargetLang, "en"))
		}
		err = &e
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(c.App.Writer, info.ID)
	if !c.Bool("quiet") {
		// What was sent, not what the files held: entries without a target and repeated
		// sources are not pushed.
		fmt.Fprintf(c.App.ErrWriter, "%s: glossary %q created with %s (%d from the files, %s)%s\n",
			p.Name(), info.Name, count(len(terms), "entry"), len(terms)-inflected, count(inflected, "inflected form"), useHint(p.Name(), info.ID))
	}
	return nil
}

// useHint says how to translate with the glossary: the driver's glossary flag, if it declares
// one.
func useHint(driver, id string) string {
	info, _ := providers.Describe(driver)
	for _, o := range info.Options {
		if o.Flag != "" && strings.HasSuffix(o.Key, "glossary") {
			return "; translate with --" + o.Flag + " " + id
		}
	}
	return ""
}

func orLang(l, d string) string {
	if l == "" {
		return d
	}
	return l
}

func runGlossaryList(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageErrorf("glossary list takes no arguments")
	}
	p, gm, err := openGlossaryManager(c)
	if err != nil {
		return err
	}
	defer providers.Close(p)
	list, err := gm.ListGlossaries(c.Context)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(c.App.Writer, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tLANGUAGES\tENTRIES\tREADY")
	for _, g := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s→%s\t%d\t%v\n", g.ID, g.Name, g.SourceLang, g.TargetLang, g.Entries, g.Ready)
	}
	return tw.Flush()
}

func runGlossaryDelete(c *cli.Context) error {
	if c.NArg() == 0 {
		return usageErrorf("glossary delete needs at least one glossary ID")
	}
	p, gm, err := openGlossaryManager(c)
	if err != nil {
		return err
	}
	defer providers.Close(p)
	// Every ID is tried: one that does not exist (a typo, one deleted before) must not leave
	// the others behind. Each failure is reported; the exit status is the worst of them.
	code := exitOK
	for _, id := range c.Args().Slice() {
		err := gm.DeleteGlossary(c.Context, id)
		if err == nil {
			if !c.Bool("quiet") {
				fmt.Fprintf(c.App.ErrWriter, "%s: glossary %s deleted\n", p.Name(), id)
			}
			continue
		}
		if c.Context.Err() != nil {
			return err
		}
		var pe *providers.Error
		switch {
		case errors.As(err, &pe) && pe.Status == http.StatusNotFound:
			// Not a wrong --model or --base-url: the list answered, this ID is not in it.
			e := *pe
			e.Message = fmt.Sprintf("no glossary with ID %s (bitext glossary list shows the IDs)", id)
			err = &e
			code = max(code, exitUsage)
		case errors.As(err, &pe):
			code = max(code, exitProvider)
		default:
			code = max(code, exitUsage)
		}
		fmt.Fprintf(c.App.ErrWriter, "bitext: %v\n", err)
	}
	if code != exitOK {
		return &exitError{code: code}
	}
	return nil
}
