package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

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

// pushEntries are the glossary's entries as exact pairs, plus every inflected form of a term
// found in the texts (Außenministeriums → the same target), without duplicates.
func pushEntries(g *glossary.Glossary, texts []string) []providers.Term {
	seen := map[string]bool{}
	var out []providers.Term
	add := func(src, tgt string, dnt bool) {
		if src == "" || seen[src] {
			return
		}
		if tgt == "" && !dnt {
			return
		}
		seen[src] = true
		out = append(out, providers.Term{Source: src, Target: tgt, DoNotTranslate: dnt})
	}
	for _, e := range g.Entries {
		add(e.Source, e.Target, e.DoNotTranslate)
	}
	var forms []providers.Term
	for _, text := range texts {
		for _, m := range g.FindSource(text) {
			// Only the term itself as a text writes it is a form to push: a compound part, a
			// verb form or a term whose words are apart holds other words, which the provider's
			// glossary would replace with the term's rendering.
			if f, ok := m.Form(); ok && !seen[f] {
				forms = append(forms, providers.Term{Source: f, Target: m.Entry.Target, DoNotTranslate: m.Entry.DoNotTranslate})
			}
		}
	}
	sort.SliceStable(forms, func(i, j int) bool { return forms[i].Source < forms[j].Source })
	for _, f := range forms {
		add(f.Source, f.Target, f.DoNotTranslate)
	}
	return out
}

func runGlossaryPush(c *cli.Context) error {
	if c.NArg() == 0 {
		return usageErrorf("glossary push needs at least one glossary file")
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
	name := c.String("name")
	if name == "" {
		name = strings.TrimSuffix(filepath.Base(c.Args().First()), filepath.Ext(c.Args().First()))
	}
	p, gm, err := openGlossaryManager(c)
	if err != nil {
		return err
	}
	defer providers.Close(p)
	info, err := gm.CreateGlossary(c.Context, name, orLang(g.SourceLang, "de"), orLang(g.TargetLang, "en"), entries)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.App.Writer, info.ID)
	if !c.Bool("quiet") {
		fmt.Fprintf(c.App.ErrWriter, "%s: glossary %q created with %d entries (%d from the files, %d inflected forms)%s\n",
			p.Name(), info.Name, len(entries), len(g.Entries), len(entries)-min(len(entries), len(g.Entries)), useHint(p.Name(), info.ID))
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
	for _, id := range c.Args().Slice() {
		if err := gm.DeleteGlossary(c.Context, id); err != nil {
			return err
		}
		if !c.Bool("quiet") {
			fmt.Fprintf(c.App.ErrWriter, "%s: glossary %s deleted\n", p.Name(), id)
		}
	}
	return nil
}
