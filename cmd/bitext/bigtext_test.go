package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeArticlePair writes a German article and its English version of about size bytes each,
// built from the real seed articles and their English versions: every copy of a paragraph is
// numbered ("Bericht 12: …" / "Report 12: …"), so that the sentences differ as in a long
// document and numbers are evidence for the aligner. It returns the two paths.
func writeArticlePair(t testing.TB, dir string, size int) (de, en string) {
	t.Helper()
	deParas := seedParagraphs(t, "articles")
	enParas := seedParagraphs(t, "articles-en")
	n := min(len(deParas), len(enParas))
	de, en = filepath.Join(dir, "big.de.txt"), filepath.Join(dir, "big.en.txt")
	write := func(path, label string, paras []string) {
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriterSize(f, 1<<20)
		written := 0
		for copyNo := 1; written < size; copyNo++ {
			for i := range n {
				k, _ := fmt.Fprintf(w, "%s %d.%d: %s\n\n", label, copyNo, i+1, paras[i])
				written += k
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	write(de, "Bericht", deParas)
	write(en, "Report", enParas)
	return de, en
}

// seedParagraphs returns the paragraphs of the seed articles (testdata/NAME/*.txt) that have at
// least one full sentence, in file order.
func seedParagraphs(t testing.TB, name string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", name, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed articles in testdata/%s", name)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range strings.Split(string(b), "\n\n") {
			p = strings.Join(strings.Fields(p), " ")
			if len(p) > 60 && strings.ContainsAny(p[len(p)-2:], ".“”\"") {
				out = append(out, p)
			}
		}
	}
	return out
}

// writeBitextTSV pairs the non-empty lines of the articles de and en, the k-th with the k-th,
// as a TSV bitext: real sentences with glossary terms, satisfied or not.
func writeBitextTSV(t testing.TB, dir, de, en string) string {
	t.Helper()
	lines := func(name string) []string {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, l := range strings.Split(string(data), "\n") {
			if l = strings.TrimSpace(strings.ReplaceAll(l, "\t", " ")); l != "" {
				out = append(out, l)
			}
		}
		return out
	}
	src, tgt := lines(de), lines(en)
	var b strings.Builder
	for k := range min(len(src), len(tgt)) {
		b.WriteString(src[k] + "\t" + tgt[k] + "\n")
	}
	path := filepath.Join(dir, "big.tsv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
