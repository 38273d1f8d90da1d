package document

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func codesOf(kinds string) []Code {
	var cs []Code
	for i, k := range kinds {
		c := Code{ID: i + 1, Kind: Paired, Name: "b", Open: "<b>", Close: "</b>"}
		if k == 'x' {
			c = Code{ID: i + 1, Kind: Standalone, Name: "br", Open: "<br>"}
		}
		if k == 'a' {
			c.Name, c.Open, c.Close = "a", `<a href="/">`, "</a>"
		}
		cs = append(cs, c)
	}
	return cs
}

func TestCheckTags(t *testing.T) {
	tests := []struct {
		kinds, target, problem string
	}{
		{"g", "The <g1>new bridge</g1> opened.", ""},
		{"gx", "<g1>Bridge</g1><x2/> opened.", ""},
		{"gx", "<g1>Bridge</g1><x2> opened.", ""},         // <x2> without slash
		{"gx", "<g1>Bridge</g1><x2></x2> opened.", ""},    // as an HTML serializer writes it
		{"gg", "<g2>opened</g2> the <g1>bridge</g1>", ""}, // reordered
		{"gg", "<g1>a <g2>b</g2> c</g1>", ""},             // nested
		{"g", "The bridge opened.", "missing"},
		{"gx", "<g1>Bridge</g1> opened.", "<x2/> is missing"},
		{"g", "<g1>a</g1> <g1>b</g1>", "twice"},
		{"gg", "<g1>a <g2>b</g1> c</g2>", "nested"},
		{"g", "<g1>a", "never closed"},
		{"g", "a</g1>", "before"},
		{"g", "<g1>a</g1> <g3>b</g3>", "not in the source"},
		{"x", "a <g1>b</g1>", "standalone"},
		{"g", "a <x1/>", "paired"},
		{"g", "a <g1/>", "enclose words"},
		{"", "a < b &amp; c", ""},
		{"", "Tom &amp; Jerry <b>", ""}, // a "<" that starts no placeholder is text
	}
	for _, tt := range tests {
		err := CheckTags(codesOf(tt.kinds), tt.target)
		if tt.problem == "" {
			if err != nil {
				t.Errorf("CheckTags(%q) = %v, want nil", tt.target, err)
			}
			continue
		}
		var te *TagError
		if !errors.As(err, &te) || !strings.Contains(err.Error(), tt.problem) {
			t.Errorf("CheckTags(%q) = %v, want a TagError about %q", tt.target, err, tt.problem)
		}
	}
}

func TestSafePlacement(t *testing.T) {
	tests := []struct {
		kinds, source, target, want string
	}{
		{"g", "Die <g1>neue</g1> Brücke", "The new bridge", "<g1>The new bridge</g1>"},
		{"xg", "<x1/>Die <g2>neue</g2> Brücke", "The <g2>new bridge", "<x1/><g2>The new bridge</g2>"},
		{"gx", "Die <g1>neue</g1><x2/> Brücke", "The new</g1> bridge", "<g1>The new bridge</g1><x2/>"},
		{"aa", "<g1>Eins</g1> und <g2>zwei</g2>", "One and two", "<g1>One and two</g1><g2></g2>"},
		{"", "Text", "A &lt; b", "A &lt; b"},
		// Tags the engine renamed or invented are dropped, not written into the document as text.
		{"g", "<g1>Die neue Regel</g1> gilt ab heute.", "<g-en1>The new rule</g-en1> applies from today.", "<g1>The new rule applies from today.</g1>"},
		{"g", "Die <g1>neue</g1> Regel", "The <b>new</b> <span class=\"x\">rule</span>", "<g1>The new rule</g1>"},
		{"g", "Die <g1>neue</g1> Regel", "The new rule &lt;b&gt;", "<g1>The new rule &lt;b></g1>"},
	}
	for _, tt := range tests {
		codes := codesOf(tt.kinds)
		got := SafePlacement(codes, tt.source, tt.target)
		if got != tt.want {
			t.Errorf("SafePlacement(%q, %q) = %q, want %q", tt.source, tt.target, got, tt.want)
		}
		if err := CheckTags(codes, got); err != nil {
			t.Errorf("SafePlacement(%q, %q) = %q: %v", tt.source, tt.target, got, err)
		}
	}
}

func TestPlainAndEscape(t *testing.T) {
	if got := Plain("Tom &amp; <g1>Jerry</g1> &lt;3<x2/>"); got != "Tom & Jerry <3" {
		t.Errorf("Plain = %q", got)
	}
	if got := EscapeText("a<b & c"); got != "a&lt;b &amp; c" {
		t.Errorf("EscapeText = %q", got)
	}
	if !HasTags("a <g1>b</g1>") || HasTags("a <b>") {
		t.Error("HasTags")
	}
}

func TestBuilderPeelsEdges(t *testing.T) {
	var b builder
	b.text("  ")
	b.open("a", `<a href="/">`, "")
	b.alone("img", "<img>")
	b.text("Startseite ")
	b.open("b", "<b>", "")
	b.text("jetzt")
	b.close("</b>")
	b.close("</a>")
	b.text("\n")
	seg, pre, suf := b.finish()
	if seg.Text != "Startseite <g1>jetzt</g1>" || pre != `  <a href="/"><img>` || suf != "</a>\n" {
		t.Errorf("finish = %q, %q, %q", seg.Text, pre, suf)
	}
	if len(seg.Codes) != 1 || seg.Codes[0].ID != 1 || seg.Codes[0].Open != "<b>" {
		t.Errorf("codes = %+v", seg.Codes)
	}
}

// FuzzFix checks that whatever a provider answers, Fix gives a translation that passes
// CheckTags, and that rendering it never panics.
func FuzzFix(f *testing.F) {
	f.Add("gxg", "<g1>a</g1><x2/> b <g3>c</g3>", "<g3>c</g3> b <g1>a<x2/></g1>")
	f.Add("g", "<g1>a</g1>", "<g1>a</g2>")
	f.Add("ax", "x", "<x2><x2/></g1><g1 id=1>&amp;")
	f.Fuzz(func(t *testing.T, kinds, source, target string) {
		if len(kinds) > 20 {
			kinds = kinds[:20]
		}
		codes := codesOf(kinds)
		fixed, err := Fix(codes, source, target)
		if cerr := CheckTags(codes, fixed); cerr != nil {
			t.Fatalf("Fix(%q, %q) = %q (%v), which fails: %v", source, target, fixed, err, cerr)
		}
		_ = render(codes, fixed, escapeHTMLText)
	})
}

func TestShiftCodes(t *testing.T) {
	tests := []struct {
		in    string
		delta int
		want  string
		first int
	}{
		{"Laut <g2>Bericht</g2> &lt;3<x3/>", -1, "Laut <g1>Bericht</g1> &lt;3<x2/>", 2},
		{"Laut <g1>Bericht</g1>", 4, "Laut <g5>Bericht</g5>", 1},
		{"ohne", -3, "ohne", 0},
		{"<g12><g13>a</g13></g12>", -11, "<g1><g2>a</g2></g1>", 12},
	}
	for _, tt := range tests {
		if got := ShiftCodes(tt.in, tt.delta); got != tt.want {
			t.Errorf("ShiftCodes(%q, %d) = %q, want %q", tt.in, tt.delta, got, tt.want)
		}
		if got := FirstCode(tt.in); got != tt.first {
			t.Errorf("FirstCode(%q) = %d, want %d", tt.in, got, tt.first)
		}
	}
}

// TestEdgePieces: white space, standalone codes at the edges and a pair around everything go to
// the segment's prefix and suffix, in the order they stand, again until none is left; a pair
// around part of the words stays.
func TestEdgePieces(t *testing.T) {
	tests := []struct {
		tagged, rest, before, after string
	}{
		{" <x1/><g2>Die Brücke</g2> ", "Die Brücke", " <x1/><g2>", "</g2> "},
		{"<g1> <x2/>Text <x3/></g1>", "Text", "<g1> <x2/>", " <x3/></g1>"},
		{"Die <g1>neue</g1> Brücke", "Die <g1>neue</g1> Brücke", "", ""},
		{"<g1>neue</g1> Brücke", "<g1>neue</g1> Brücke", "", ""},
		{"  ", "", "  ", ""},
	}
	join := func(ps []Piece) string {
		var b strings.Builder
		for _, p := range ps {
			switch p.Kind {
			case PieceText:
				b.WriteString(p.Text)
			case PieceOpen:
				fmt.Fprintf(&b, "<g%d>", p.ID)
			case PieceClose:
				fmt.Fprintf(&b, "</g%d>", p.ID)
			default:
				fmt.Fprintf(&b, "<x%d/>", p.ID)
			}
		}
		return b.String()
	}
	for _, tc := range tests {
		rest, before, after := EdgePieces(Pieces(tc.tagged))
		if join(rest) != tc.rest || join(before) != tc.before || join(after) != tc.after {
			t.Errorf("EdgePieces(%q) = %q | %q | %q, want %q | %q | %q", tc.tagged, join(before), join(rest), join(after), tc.before, tc.rest, tc.after)
		}
	}
}
