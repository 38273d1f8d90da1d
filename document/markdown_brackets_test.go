package document

import (
	"os"
	"strings"
	"testing"
)

// checkSpanIndex holds mdSpanIndex to the scans it replaces: for every "[" of s the same link
// parts as linkPartsScan, for every "`" the same code span end as codeSpanEndScan.
func checkSpanIndex(t *testing.T, s string) {
	t.Helper()
	x := newMdSpanIndex(s)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			gc, ge := x.linkParts(i)
			wc, we := linkPartsScan(s, i)
			if gc != wc || ge != we {
				t.Fatalf("%q: linkParts(%d) = %d, %d, the scan says %d, %d", s, i, gc, ge, wc, we)
			}
		case '`':
			n := runLen(s, i, '`')
			if got, want := x.codeSpanEnd(i, n), codeSpanEndScan(s, i, n); got != want {
				t.Fatalf("%q: codeSpanEnd(%d, %d) = %d, the scan says %d", s, i, n, got, want)
			}
		}
	}
}

func TestMarkdownSpanIndex(t *testing.T) {
	for _, s := range []string{
		// Real lines (testdata/markdown/SOURCES.md): links, code spans, a shortcode.
		"Laut [Bericht der Stadt](https://example.org/bericht \"Bericht\") kostete sie *2,5 Millionen* Euro.",
		"- Zweiter Punkt mit [Verweis][ref] und `inline code` im Satz",
		// The review's shapes: a "[" before every sentence, a bare run of them.
		"[Hier ist ein Beispiel einer Kontrollschleife. [Wenn Sie die Temperatur einstellen. [Die tatsächliche Raumtemperatur ist der Istzustand.",
		strings.Repeat("[", 50) + "]" + strings.Repeat("]", 3) + "(x)",
		// Escapes and code spans inside the brackets, and a backslash before a run of backticks.
		"[a \\] b](c) [d `]` e](f) [g ``h`` ]][i] \\```x`` `` y`",
		"[[a](b)](c) [`](d) ![bild](e.png) [x]",
		"`` a ` b ``` c `` d",
		"[a\\",
		"[a`",
	} {
		checkSpanIndex(t, s)
	}
	// Every line of a real page.
	data, err := os.ReadFile("testdata/markdown/k8s-controller.md")
	if err != nil {
		t.Fatal(err)
	}
	checkSpanIndex(t, string(data))
}

// FuzzMarkdownSpanIndex compares mdSpanIndex with the scans on any text.
func FuzzMarkdownSpanIndex(f *testing.F) {
	for _, s := range []string{"[a](b) [c][d] [e][] `f` [`]` g]", "\\[x] [y\\]](z) ``a`b``", "[[[]]](((x)))"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSpanIndex(t, s)
	})
}
