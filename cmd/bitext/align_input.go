package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/internal/inputs"
	"github.com/bitext/bitext/segment"
)

// alignSide is one document as the aligner sees it (align.Document), with short names for the
// fields the shard code reads.
type alignSide struct {
	doc       *align.Document
	name      string
	lang      string
	sentences []string
	breaks    []int
}

// openAlignInput opens one of align's inputs through internal/inputs: "-" is standard input,
// and every reader stops on Ctrl-C. That at most one input is "-" is checked before any is
// opened (oneStdin), so the message names them.
func openAlignInput(c *cli.Context, name string) (io.ReadCloser, error) {
	f, err := inputs.New(c.Context, c.App.Reader).Open(name)
	if err != nil {
		return nil, inputError(err)
	}
	return f, nil
}

// alignReadOptions are --presplit and --input-format.
func alignReadOptions(c *cli.Context) (align.ReadOptions, error) {
	ro := align.ReadOptions{Presplit: c.Bool("presplit")}
	if in := c.String("input-format"); in != "" && !ro.Presplit {
		f, err := segment.ParseFormat(in)
		if err != nil {
			return ro, usageErrorf("--input-format: %v", err)
		}
		ro.Format = f
	}
	return ro, nil
}

// readAlignSide reads SRC or TGT (align.ReadDocument).
func readAlignSide(c *cli.Context, name, lang string) (*alignSide, error) {
	ro, err := alignReadOptions(c)
	if err != nil {
		return nil, err
	}
	r, err := openAlignInput(c, name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	d, err := align.ReadDocument(c.Context, r, name, lang, ro)
	if err != nil {
		return nil, inputError(err)
	}
	return newAlignSide(d), nil
}

func newAlignSide(d *align.Document) *alignSide {
	return &alignSide{doc: d, name: d.Name, lang: d.Lang, sentences: d.Sentences, breaks: d.Breaks}
}

// readAlignMT reads a machine translation of side, one line per sentence (align.ReadMT).
func readAlignMT(c *cli.Context, name string, side *alignSide) ([]string, error) {
	r, err := openAlignInput(c, name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	mt, err := align.ReadMT(c.Context, r, name, side.doc)
	if err != nil {
		return nil, inputError(err)
	}
	return mt, nil
}

// dictionaryFiles are the files the --dict flags read (two for a dictd dictionary).
func dictionaryFiles(c *cli.Context) []string {
	var files []string
	for _, name := range c.StringSlice("dict") {
		if path, err := dictionaryPath(c, name); err == nil {
			files = append(files, align.DictionaryFiles(path)...)
		} // the error is reported when the dictionary is read
	}
	return files
}

// dictionaryPath is the file of one --dict: "auto" finds the installed one for the documents'
// languages in $BITEXT_DICT_PATH (folders, separated as in $PATH) or align.DictionaryDirs.
func dictionaryPath(c *cli.Context, name string) (string, error) {
	if name == "-" {
		// A dictionary is read by path: a FreeDict one is two files, and any is cached by
		// content, which standard input cannot be stat'ed or seeked for.
		return "", usageErrorf("--dict -: a dictionary is read from a file, not standard input")
	}
	if name != "auto" {
		return name, nil
	}
	dirs := align.DictionaryDirs
	if env := os.Getenv("BITEXT_DICT_PATH"); env != "" {
		dirs = slices.DeleteFunc(filepath.SplitList(env), func(d string) bool { return d == "" })
	}
	path, err := align.FindDictionary(dirs, c.String("source-lang"), c.String("target-lang"))
	if err != nil {
		return "", usageErrorf("--dict auto: %v", err)
	}
	return path, nil
}

// readAlignDict builds one dictionary from every --dict and --glossary.
func readAlignDict(c *cli.Context) (*align.Dictionary, error) {
	dictNames, glossName := c.StringSlice("dict"), c.String("glossary")
	if len(dictNames) == 0 && glossName == "" {
		return nil, nil
	}
	d := align.NewDictionary()
	// The parsed dictionary is cached by content hash: Ding's 360k entries load in a tenth of
	// the time of parsing them. Without a cache folder it is parsed each time.
	cache, err := align.DictionaryCacheDir()
	if err != nil {
		cache = ""
	}
	for _, name := range dictNames { // a file named twice (or found by auto too) is read once
		path, err := dictionaryPath(c, name)
		if err != nil {
			return nil, err
		}
		if name == "auto" && !checkQuiet(c) {
			fmt.Fprintf(c.App.ErrWriter, "bitext: --dict auto: %s\n", path)
		}
		if err := d.ReadDictionaryFileFor(c.Context, path, cache, c.String("source-lang"), c.String("target-lang")); err != nil {
			return nil, inputError(err)
		}
	}
	if glossName != "" {
		g, err := loadGlossary(c, glossName)
		if err != nil {
			return nil, err
		}
		d.AddGlossary(g)
	}
	return d, nil
}
