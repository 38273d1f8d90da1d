package segment

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// readBoth reads page with the walker on the whole tree (forceHTMLWalker) and streamed
// (streamHTMLAbove 0), and returns both documents, or the errors.
func readBoth(t testing.TB, page string, opt Options) (tree, stream *Document, treeErr, streamErr error) {
	t.Helper()
	forceHTMLWalker = true
	tree, treeErr = Read(strings.NewReader(page), "page.html", opt)
	forceHTMLWalker = false
	streamHTMLAbove = 0
	stream, streamErr = Read(strings.NewReader(page), "page.html", opt)
	streamHTMLAbove = maxReadability
	return
}

// sameDocs reports the first difference between the two readings, "" for none.
func sameDocs(tree, stream *Document) string {
	for i := range max(len(tree.Blocks), len(stream.Blocks)) {
		if i >= len(tree.Blocks) || i >= len(stream.Blocks) {
			return fmt.Sprintf("%d blocks on the tree, %d streamed; first extra: %q", len(tree.Blocks), len(stream.Blocks), extraBlock(tree.Blocks, stream.Blocks))
		}
		a, b := tree.Blocks[i], stream.Blocks[i]
		if a.Kind != b.Kind || a.Level != b.Level || a.Marker != b.Marker || a.Text != b.Text || a.Lang != b.Lang {
			return fmt.Sprintf("block %d: tree %v %d %q %q %q, streamed %v %d %q %q %q", i, a.Kind, a.Level, a.Marker, a.Text, a.Lang, b.Kind, b.Level, b.Marker, b.Text, b.Lang)
		}
	}
	if !slices.Equal(tree.Removed, stream.Removed) {
		for i := range max(len(tree.Removed), len(stream.Removed)) {
			var a, b Removal
			if i < len(tree.Removed) {
				a = tree.Removed[i]
			}
			if i < len(stream.Removed) {
				b = stream.Removed[i]
			}
			if a != b {
				return fmt.Sprintf("removal %d: tree %v, streamed %v", i, a, b)
			}
		}
	}
	return ""
}

func extraBlock(a, b []Block) string {
	if len(a) > len(b) {
		return a[len(b)].Text
	}
	return b[len(a)].Text
}

func TestHTMLStreamSameAsWalker(t *testing.T) {
	var nested strings.Builder
	nested.WriteString("<html><body><h1>Liste</h1><ol start=3>")
	for i := range 30 {
		fmt.Fprintf(&nested, "<li>Punkt %d<ul><li>Unterpunkt %d mit <b>fettem</b> Text<li>noch einer</ul>", i, i)
	}
	nested.WriteString("</ol></body></html>")
	pages := []struct{ name, page string }{
		{"table", tablePage(50)},
		{"flat", flatPage(20 << 10)},
		{"nested lists", nested.String()},
		{"chrome", `<html><head><title>T</title><style>p{}</style><script>var x = "<p>nein</p>";</script></head><body>
<nav><ul><li>Start</li><li>Politik</li></ul></nav><header><p>Kopf der Seite.</p></header>
<article><h1><span class="kicker">Dachzeile</span> Die Schlagzeile des Tages</h1><p>Der Rat hat am Dienstag beschlossen, dass die Stadt neue Schulen baut.<p>Unclosed paragraph with <i>inline</i>text and &amp; entities.<br>After a break.</p>
<div class="comments"><p>Ein Kommentar.</p></div><aside><p>Sidebar.</p></aside><pre>code  block</pre><script>alert(1)</script>
<table><tr><td>a<td>b</tr></table><noscript>Bitte JavaScript.</noscript><form><input value=x><p>Formtext.</p></form></article>
<footer><p>Impressum.</p></footer></body></html>`},
		{"aside article", `<html><body><h1>Titel</h1><p>Kurz.</p><aside><p>` + strings.Repeat("Die Agentur meldet, dass der Rat am Dienstag einen neuen Haushalt beschlossen hat. ", 10) + `</p></aside></body></html>`},
		{"json-ld", `<html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"` + strings.Repeat("Die Agentur meldet, dass der Rat am Dienstag einen neuen Haushalt beschlossen hat. ", 10) + `"}</script></head><body><h1>Titel</h1><p>Wird geladen …</p></body></html>`},
		{"misnested", `<p><b>fett <i>beides</b> kursiv</i> normal.</p><div><span>Eins:</span>Zwei<span>drei</span></div><table><tr><td>Zelle</td></tr></table>`},
		{"formatting across blocks", `<b><div>fett</b>nicht mehr</div><p><a>Abo</a> <a>Abonnement</a> und <i>so</i>: weiter</p>`},
		// The parser moves the <div>'s children, an unknown element among them, into a copy of
		// the <b> at "</b>": the element is then inline (FuzzHTMLStream: "00" whole, "0" and
		// "0" streamed), whether it was still open or already closed.
		{"unknown element adopted", `<B><div>0<C>0</B>`},
		{"unknown element adopted in the second round", `<B><div><div>0<C>0</B>`},
		{"closed unknown element adopted", `<b><div>Vorspann <subtitle>Untertitel</subtitle> und mehr</b> Text.</div>`},
		{"unknown element adopted around a block", `<b><div>Eins <x-box>zwei<p>drei</p>vier</x-box> fünf</b></div><p>Danach.</p>`},
		{"unknown element not adopted", `<b><div>Vorspann<subtitle>Untertitel</subtitle>Text.</div></b><font><section><x-credit>Foto: X</x-credit><p>Absatz.</p></section>`},
		{"empty-ish", `<html><body>   </body></html>`},
		{"latin1", "<html><head><meta charset=iso-8859-1></head><body><p>Gr\xfc\xdfe aus K\xf6ln.</p></body></html>"},
		{"nul", "<p>Text\x00 mit NUL.</p>"},
		{"bom", "\xef\xbb\xbf<p>Mit BOM.</p>"},
		{"doubled spaces", strings.Repeat("<p>Zu  viele   Leerzeichen  hier .</p>", 50)},
		{"deep unclosed", "<article><p>Der Rat tagt.</p></article><footer>" + strings.Repeat("<div class=post>Beitrag. ", 600) + "</footer>"},
	}
	for _, p := range pages {
		for _, keep := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/keep=%v", p.name, keep), func(t *testing.T) {
				tree, stream, err1, err2 := readBoth(t, p.page, Options{KeepBoilerplate: keep})
				if err1 != nil || err2 != nil {
					if fmt.Sprint(err1) != fmt.Sprint(err2) {
						t.Fatalf("tree: %v, streamed: %v", err1, err2)
					}
					return
				}
				if d := sameDocs(tree, stream); d != "" {
					t.Error(d)
				}
			})
		}
	}
}

// TestHTMLStreamAdoptionWaitEnds: an unknown element that the parser may still move into a copy
// of a formatting element is held back (awaitsAdoption), but not for ever: after
// maxAdoptionWait tokens it is read where it stands, as a block of its <div>, so that a page
// whose unclosed <b> encloses everything is not held whole.
func TestHTMLStreamAdoptionWaitEnds(t *testing.T) {
	page := "<b><div>Vorspann<subtitle>Untertitel</subtitle>" + strings.Repeat("<p>Ein Absatz.</p>", 20) + "</b></div>"
	defer func(n int) { maxAdoptionWait = n }(maxAdoptionWait)
	for _, tc := range []struct {
		wait int
		want string // the first blocks, " | " between them
	}{
		{1 << 16, "VorspannUntertitel | Ein Absatz."}, // as the tree has it: <subtitle> inside the copy of <b>
		{8, "Vorspann | Untertitel | Ein Absatz."},    // read where it stood: a block of the <div>
	} {
		maxAdoptionWait = tc.wait
		_, stream, _, err := readBoth(t, page, Options{KeepBoilerplate: true})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range stream.Blocks[:min(3, len(stream.Blocks))] {
			got = append(got, b.Text)
		}
		if g := strings.Join(got, " | "); !strings.HasPrefix(g, tc.want) {
			t.Errorf("wait %d: got %q, want %q", tc.wait, g, tc.want)
		}
	}
}

// TestDeepHTML: a page nesting more than 512 open elements (html.Parse refuses it) is read,
// whole or streamed, extracted or kept, and not refused: segment and translate read the same
// pages.
func TestDeepHTML(t *testing.T) {
	article := "<html><body><article><h1>Titel</h1><p>" + strings.Repeat("Der Rat hat am Dienstag einen neuen Haushalt beschlossen. ", 8) + "</p></article>"
	for _, tc := range []struct{ name, page string }{
		{"unclosed posts", article + "<footer>" + strings.Repeat("<div class=post>Beitrag. ", 600) + "</footer>"},
		{"closed divs", article + strings.Repeat("<div>", 2000) + "Tief." + strings.Repeat("</div>", 2000)},
	} {
		for _, keep := range []bool{false, true} {
			doc, err := Read(strings.NewReader(tc.page), "deep.html", Options{KeepBoilerplate: keep})
			if err != nil {
				t.Fatalf("%s keep=%v: %v", tc.name, keep, err)
			}
			if len(doc.Blocks) == 0 {
				t.Fatalf("%s keep=%v: no blocks", tc.name, keep)
			}
			found := false
			for _, b := range doc.Blocks {
				for _, s := range b.Sentences {
					found = found || strings.Contains(s.Text, "Haushalt")
				}
			}
			if !found {
				t.Errorf("%s keep=%v: the article is missing: %+v", tc.name, keep, doc.Blocks)
			}
		}
	}
}

// TestHTMLStreamDevSet reads every page of the extraction development set with the walker on
// the tree and streamed: the same blocks and the same changes.
func TestHTMLStreamDevSet(t *testing.T) {
	dir, pages := loadExtractSet(t)
	differ := 0
	for _, p := range pages {
		data, err := os.ReadFile(filepath.Join(dir, p.File))
		if err != nil {
			t.Fatal(err)
		}
		for _, keep := range []bool{false, true} {
			tree, stream, err1, err2 := readBoth(t, string(data), Options{KeepBoilerplate: keep})
			if err1 != nil || err2 != nil {
				if fmt.Sprint(err1) != fmt.Sprint(err2) {
					t.Errorf("%s (keep %v): tree: %v, streamed: %v", p.File, keep, err1, err2)
				}
				continue
			}
			if d := sameDocs(tree, stream); d != "" {
				differ++
				t.Errorf("%s (keep %v): %s", p.File, keep, d)
			}
		}
	}
	t.Logf("%d pages read both ways, with and without --keep-boilerplate: %d differ", len(pages), differ)
}

// TestHTMLStreamCancel: a streamed page stops with the context's error.
func TestHTMLStreamCancel(t *testing.T) {
	streamHTMLAbove = 0
	defer func() { streamHTMLAbove = maxReadability }()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sc := NewScannerContext(ctx, strings.NewReader(tablePage(2000)), "t.html", Options{})
	n := 0
	for sc.Scan() {
		if n++; n == 10 {
			cancel()
		}
	}
	if !errors.Is(sc.Err(), context.Canceled) {
		t.Fatalf("err = %v after %d blocks, want context.Canceled", sc.Err(), n)
	}
}

// TestHTMLStreamStrayTableText: text standing in a table outside its cells, which the parser
// moves in front of the table, is read after the table when streamed (the one known difference
// from the walker on the tree), and not lost.
func TestHTMLStreamStrayTableText(t *testing.T) {
	page := `<table><tr><td>Zelle eins</td></tr>verirrt<tr><td>Zelle zwei</td></tr></table>`
	tree, stream, err1, err2 := readBoth(t, page, Options{})
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	texts := func(d *Document) (out []string) {
		for _, b := range d.Blocks {
			out = append(out, b.Text)
		}
		return out
	}
	if got, want := texts(tree), []string{"verirrt", "Zelle eins", "Zelle zwei"}; !slices.Equal(got, want) {
		t.Errorf("tree: %q, want %q", got, want)
	}
	if got, want := texts(stream), []string{"Zelle eins", "Zelle zwei", "verirrt"}; !slices.Equal(got, want) {
		t.Errorf("streamed: %q, want %q", got, want)
	}
}

// FuzzHTMLStream reads any input the streaming way and with the walker on the whole tree: the
// same error, and the same blocks and changes, or, when the page has a table (whose stray content
// the stream reads after it), the same letters and digits.
func FuzzHTMLStream(f *testing.F) {
	f.Add(tablePage(3))
	f.Add(flatPage(2 << 10))
	f.Add(`<h1><span class="kicker">Dachzeile</span> Die Schlagzeile heute</h1><p>Text <a>mit</a> Link.</p><nav>Menü</nav>`)
	f.Add(`<b><div>fett</b>nicht<p>mehr<li>eins<li>zwei</ol><table>x<tr><td>y</table>`)
	f.Add("<meta charset=latin1><p>Gr\xfc\xdfe\x00</p>")
	f.Add("\xff\xfe<\x00p\x00>\x00A\x00")
	f.Add(`<p>Gib dies ein:</p><pre lang="en"><code class="language-console">$ mkdir ~/projects` + "\n" + `$ cd ~/projects</code></pre><div><code>a` + "\n" + `b</code></div><blockquote lang="en"><p>x</p></blockquote>`)
	f.Fuzz(func(t *testing.T, page string) {
		for _, keep := range []bool{false, true} {
			tree, stream, err1, err2 := readBoth(t, page, Options{KeepBoilerplate: keep})
			if err1 != nil || err2 != nil {
				if errors.Is(err1, ErrEmpty) != errors.Is(err2, ErrEmpty) && (err1 == nil) == (err2 == nil) {
					t.Fatalf("tree: %v, streamed: %v", err1, err2)
				}
				continue
			}
			if strings.Contains(strings.ToLower(page), "<table") {
				// The stream reads a table's stray text after the table, which can change what
				// the rules on the first blocks decide (a paragraph one word shorter is no
				// title, so the short line above it stays): every letter and digit must then be
				// either in the text or among the removals, on both sides alike.
				a, b := docRunes(tree), docRunes(stream)
				slices.Sort(a)
				slices.Sort(b)
				if !slices.Equal(a, b) {
					a, b = append(a, removedRunes(tree)...), append(b, removedRunes(stream)...)
					slices.Sort(a)
					slices.Sort(b)
				}
				if !slices.Equal(a, b) {
					t.Fatalf("keep %v: tree %q, streamed %q", keep, string(a), string(b))
				}
				continue
			}
			if d := sameDocs(tree, stream); d != "" {
				t.Fatalf("keep %v: %s", keep, d)
			}
		}
	})
}

// removedRunes is docRunes of the text d's rules removed.
func removedRunes(d *Document) []rune {
	var out []rune
	for _, r := range d.Removed {
		if r.Kind != Removed && r.Kind != Tidied {
			continue
		}
		for _, c := range r.Text {
			if unicode.IsLetter(c) || unicode.IsDigit(c) {
				out = append(out, c)
			}
		}
	}
	return out
}

func docRunes(d *Document) []rune {
	var out []rune
	for _, b := range d.Blocks {
		for _, r := range b.Text {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				out = append(out, r)
			}
		}
	}
	return out
}
