package translate

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/segment"
)

// TestLeftOut: a plain-text article read for translation says how many of its passages reading
// left out as web debris, once its blocks are read; tidied characters are not passages, and
// what KeepBoilerplate keeps, or a document read whole, leaves nothing out.
func TestLeftOut(t *testing.T) {
	article := "Von Anna Schmidt\n\n" +
		"Berlin (dpa) - Die Bundesregierung hat am Mittwoch neue Regeln für den Export von Waffen beschlossen.\n\n" +
		"Teilen Sie diesen Artikel\n\n" +
		"Der Kanzler sagte, die Regeln seien notwendig. Kritiker halten sie für zu schwach.\n\n" +
		"Foto: dpa\n\n" +
		"Lesen Sie auch: Warum die Opposition protestiert\n"
	tidy := "Die Regierung hat  am Mittwoch neue Regeln beschlossen .\n\nDer Kanzler sagte, die Regeln seien not\u00adwendig.\n\nEr sagte < /p> nichts.\n"
	tests := []struct {
		name string
		text string
		file string
		opt  ReadOptions
		want int
	}{
		{name: "bylines, credits, prompts and links", text: article, file: "a.txt", want: 4},
		{name: "kept with KeepBoilerplate", text: article, file: "a.txt", opt: ReadOptions{Segment: segment.Options{KeepBoilerplate: true}}},
		{name: "tidied spaces and soft hyphens are not passages", text: tidy, file: "b.txt"},
		{name: "read whole, all kept", text: "# Titel\n\nFoto: dpa\n\nDer Kanzler sagte, die Regeln seien notwendig.\n", file: "c.md", opt: ReadOptions{Whole: document.Markdown}},
		{name: "a page read for its main text: by design", text: "Der Kanzler sagte, die Regeln seien notwendig.\n\n```\nCode bleibt hier stehen\n```\n", file: "d.md"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in, _, err := Read(context.Background(), strings.NewReader(tc.text), tc.file, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, err := range in.Blocks {
				if err != nil {
					t.Fatal(err)
				}
			}
			if got := in.LeftOut(); got != tc.want {
				t.Errorf("LeftOut() = %d, want %d", got, tc.want)
			}
		})
	}
}

// TestReadFindsBadTextEarly: Read reads an article far enough to give its input error (binary,
// not UTF-8, empty) itself, whether or not the language is checked, so that a caller can name
// the file and go on with the others before any of it is sent. Only an error past the first
// megabyte of text comes later, from Blocks.
func TestReadFindsBadTextEarly(t *testing.T) {
	good := strings.Repeat("Die Regierung hat am Mittwoch neue Regeln für den Export beschlossen.\n\n", 100) // 7 KB
	tests := []struct {
		name      string
		text      string
		lang      string
		wantRead  error // from Read
		wantLater bool  // from Blocks instead
	}{
		{name: "NUL byte at the start", text: "Der\x00Text.\n", lang: "de", wantRead: segment.ErrBinary},
		{name: "NUL byte at the start, no language check", text: "Der\x00Text.\n", wantRead: segment.ErrBinary},
		{name: "Latin-1 past the language sample", text: good + "Gr\xfc\xdfe aus K\xf6ln.\n", lang: "de", wantRead: segment.ErrInvalidUTF8},
		{name: "Latin-1 past the language sample, no language check", text: good + "Gr\xfc\xdfe aus K\xf6ln.\n", wantRead: segment.ErrInvalidUTF8},
		{name: "empty, no language check", text: " \n\n", wantRead: segment.ErrEmpty},
		{name: "past the first megabyte", text: strings.Repeat(good, 160) + "Gr\xfc\xdfe.\n", wantLater: true},
		{name: "good", text: good, lang: "de"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in, _, err := Read(context.Background(), strings.NewReader(tc.text), "a.txt", ReadOptions{Check: tc.lang})
			if tc.wantRead != nil {
				var ie *segment.InputError
				if !errors.Is(err, tc.wantRead) || !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), "a.txt") {
					t.Fatalf("Read: err = %v, want a.txt: … %v", err, tc.wantRead)
				}
				return
			}
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			var later error
			for _, err := range in.Blocks {
				if err != nil {
					later = err
				}
			}
			if (later != nil) != tc.wantLater {
				t.Errorf("Blocks: err = %v", later)
			}
		})
	}
}
