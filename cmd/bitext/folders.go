package main

import (
	"fmt"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/align"
)

// pairFolders pairs the documents of two folders by relative path (align.PairFolders) for a
// command that takes a source and a target folder (align, check), and says on stderr what it
// could not pair. A source file without its translation is left out and named, and the caller
// ends with exit code 2, as for a file that cannot be read: one untranslated page stopped the
// whole run. A target named alike (another extension or language code) is named with it, with
// nearHint saying how to pair the two. owns says whether this run is the one to name a source
// file (under --shard, the shard its relative path falls to); missing counts those named.
//
// A target folder may hold more than the translations of the source folder (other languages,
// notes): its extra files are no error, but they are named, since a misnamed translation
// (a.txt against a.en.txt) would otherwise be left out without a word.
func pairFolders(c *cli.Context, srcDir, tgtDir string, owns func(rel string) bool, nearHint string) (pairs []align.DocPair, missing int, err error) {
	fp, err := align.PairFolders(srcDir, tgtDir)
	if err != nil {
		return nil, 0, inputError(err)
	}
	if !c.Bool("quiet") {
		for _, p := range fp.CaseOnly {
			fmt.Fprintf(c.App.ErrWriter, "bitext: note: %s paired with %s (their names differ in case only)\n", p.Src, p.Tgt)
		}
	}
	var names []string
	for _, m := range fp.Missing {
		if rel, err := filepath.Rel(srcDir, m); err == nil && !owns(filepath.ToSlash(rel)) {
			continue
		}
		name := m
		if near, ok := fp.Near[m]; ok {
			name += " (" + near + " is named alike: " + nearHint + ")"
		}
		names = append(names, name)
	}
	if len(names) > 0 {
		fmt.Fprintf(c.App.ErrWriter, "bitext: %s in %s without a counterpart in %s, left out: %s\n", count(len(names), "file"), srcDir, tgtDir, someNames(names))
	}
	if len(fp.Extra) > 0 {
		fmt.Fprintf(c.App.ErrWriter, "bitext: warning: %s in %s without a counterpart in %s, left out: %s\n", count(len(fp.Extra), "file"), tgtDir, srcDir, someNames(fp.Extra))
	}
	return fp.Pairs, len(names), nil
}
