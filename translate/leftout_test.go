package translate

import (
	"context"
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
