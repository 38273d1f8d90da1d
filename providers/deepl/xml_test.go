package deepl

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/cputime"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/deepl/deepltest"
	"github.com/bitext/bitext/providers/providertest"
)

func TestProtect(t *testing.T) {
	names := []providers.Term{{Source: "NATO", DoNotTranslate: true}, {Source: "NATO-Gipfel", DoNotTranslate: true}, {Source: "Kreml", Target: "Kremlin"}}
	// Glossary mode mask: every term found in the text (inflected, as translate finds it) goes
	// as do-not-translate with its required rendering.
	masked := []providers.Term{
		{Source: "US-Außenministeriums", Target: "State Department", DoNotTranslate: true},
		{Source: "Kreml", Target: "Kremlin", DoNotTranslate: true},
		{Source: "NATO", Target: "NATO", DoNotTranslate: true},
		{Source: "Procter & Gamble", Target: "P&G", DoNotTranslate: true},
	}
	for _, tc := range []struct {
		in    string
		terms []providers.Term
		want  string
	}{
		{"Die NATO tagt.", names, "Die <keep>NATO</keep> tagt."},
		{"Der NATO-Gipfel & die NATO <b>", names, "Der <keep>NATO-Gipfel</keep> &amp; die <keep>NATO</keep> &lt;b&gt;"},
		{"Der Kreml schweigt.", names, ""},
		{"Vertreter des US-Außenministeriums besuchten den Kreml.", masked, "Vertreter des <keep>State Department</keep> besuchten den <keep>Kremlin</keep>."},
		{"Die NATO und Procter & Gamble", masked, "Die <keep>NATO</keep> und <keep>P&amp;G</keep>"},
		// Whole words only: a target never replaces part of a compound.
		{"Der Kremlsprecher schweigt.", masked, ""},
		{"Die NATOstaaten und der Kreml-Sprecher", masked, "Die NATOstaaten und der <keep>Kremlin</keep>-Sprecher"},
	} {
		got, ok := protect(tc.in, tc.terms)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("protect(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

// FuzzProtect: what protect sends, unprotect turns back into the text (DeepL leaves kept terms
// and the rest of an untouched answer as they are).
func FuzzProtect(f *testing.F) {
	f.Add("Die NATO tagt & <keep> 2,5 ’ Grüße")
	f.Add("NATONATO")
	f.Fuzz(func(t *testing.T, s string) {
		terms := []providers.Term{{Source: "NATO", DoNotTranslate: true}, {Source: "Grüße", DoNotTranslate: true}}
		p, ok := protect(s, terms)
		if !ok {
			p = escape(s)
		}
		if got := unprotect(p); got != xmlChars(s) && !containsTagLike(s) {
			t.Errorf("round trip %q -> %q -> %q", s, p, got)
		}
	})
}

// containsTagLike: a source that itself contains "<keep>" text or entity-like sequences cannot
// round-trip through unkeep/unescape exactly; those are not what the test is about.
func containsTagLike(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '&' || s[i] == '<' {
			return true
		}
	}
	return false
}

func TestEncodeTagged(t *testing.T) {
	terms := []providers.Term{{Source: "NATO", DoNotTranslate: true}}
	for _, tc := range []struct {
		in, want, wantHTML string
		names              []string
		kept               bool
	}{
		{"Die <g1>neue Brücke</g1> &amp; mehr<x2/>", "Die <g1>neue Brücke</g1> &amp; mehr<x2/>", "Die <g1>neue Brücke</g1> &amp; mehr<x2></x2>", []string{"g1", "x2"}, false},
		{"a &lt; b ]]> <g1>c</g1>", "a &lt; b ]]&gt; <g1>c</g1>", "a &lt; b ]]&gt; <g1>c</g1>", []string{"g1"}, false},
		{"Die <g1>NATO</g1> tagt<x2 />", "Die <g1><keep>NATO</keep></g1> tagt<x2/>", "Die <g1><keep>NATO</keep></g1> tagt<x2></x2>", []string{"g1", "x2"}, true},
		{"<g1><g2>x</g2></g1> &amp;nbsp;", "<g1><g2>x</g2></g1> &amp;nbsp;", "<g1><g2>x</g2></g1> &amp;nbsp;", []string{"g1", "g2"}, false},
		{"<g01>a\x01b&#2;</G01 >\uFFFF", "<g1>a b </g1> ", "<g1>a b </g1> ", []string{"g1"}, false},
	} {
		got, names, kept := encodeTagged(tc.in, terms, false)
		if got != tc.want || kept != tc.kept || strings.Join(names, ",") != strings.Join(tc.names, ",") {
			t.Errorf("encodeTagged(%q) = %q %v %v; want %q %v %v", tc.in, got, names, kept, tc.want, tc.names, tc.kept)
		}
		if err := deepltest.WellFormed(got); err != nil {
			t.Errorf("encodeTagged(%q) = %q is not XML: %v", tc.in, got, err)
		}
		if got, _, _ := encodeTagged(tc.in, terms, true); got != tc.wantHTML {
			t.Errorf("encodeTagged(%q, html) = %q; want %q", tc.in, got, tc.wantHTML)
		}
	}
}

func TestDecodeTagged(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"The <g1>new bridge</g1> &amp; more<x2/>", "The <g1>new bridge</g1> &amp; more<x2/>"},
		{"<x2></x2> more &amp; <g1>new bridge</g1> The", "<x2/> more &amp; <g1>new bridge</g1> The"},
		{"It&#39;s &#34;<g1><keep>NATO</keep></g1>&#34; &lt;b&gt; ]]&gt;<x2 />", `It's "<g1>NATO</g1>" &lt;b> ]]><x2/>`},
		{"<G1>x</G1 >&apos;", "<g1>x</g1>'"},
		{"&amp;nbsp; &lt;g3&gt;", "&amp;nbsp; &lt;g3>"},
		// Elements that are none of the codes (renamed, added) are markup DeepL made: dropped,
		// their words kept, so the tag check sees the code missing instead of text "<g-en1>".
		{"<g-en1>The new rule</g-en1> applies", "The new rule applies"},
		{"The <b>new</b> <span class=\"x\">rule</span><g1>!</g1>", "The new rule<g1>!</g1>"},
	} {
		if got := decodeTagged(tc.in); got != tc.want {
			t.Errorf("decodeTagged(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzTaggedXML: a tagged segment encoded for DeepL is well-formed XML, and what DeepL sends
// back unchanged (but for characters XML cannot hold, sent as spaces) — or re-serialized by an XML encoder with its words and elements reordered —
// decodes to a tagged text with the same codes, properly nested, and the same words.
func FuzzTaggedXML(f *testing.F) {
	f.Add("Die <g1>neue</g1> Brücke<x2/> &amp; mehr", "Brücke")
	f.Add("<g1><g2>a</g2></g1> b &lt; c ]]> \"d\" 'e'", "b")
	f.Add("NATO-Gipfel <g1>NATO</g1>&amp;amp;", "NATO")
	f.Fuzz(func(t *testing.T, text, term string) {
		if !utf8.ValidString(text) || !utf8.ValidString(term) || !document.HasTags(text) || document.CheckTags(document.CodesOf(text), text) != nil {
			return
		}
		codes := document.CodesOf(text)
		x, _, _ := encodeTagged(text, []providers.Term{{Source: term, DoNotTranslate: true}}, false)
		if err := deepltest.WellFormed(x); err != nil {
			t.Fatalf("%q → %q: not XML: %v", text, x, err)
		}
		got := decodeTagged(x)
		if err := document.CheckTags(codes, got); err != nil {
			t.Fatalf("%q → %q → %q: %v", text, x, got, err)
		}
		if want := xmlChars(document.Plain(text)); document.Plain(got) != want {
			t.Fatalf("words changed: %q → %q → %q", text, x, got)
		}
		back := deepltest.ReorderTags(providertest.Segment{Text: x}, providertest.RequestInfo{Format: "xml", TargetLang: "en"})
		got = decodeTagged(strings.TrimSuffix(strings.TrimPrefix(back, "EN("), ")"))
		if err := document.CheckTags(codes, got); err != nil {
			t.Fatalf("reordered %q → %q → %q: %v", text, back, got, err)
		}
	})
}

// FuzzDecodeTagged: whatever DeepL answers, the decoded text is a tagged text: every "<" starts
// a code written the canonical way, and decoding it again changes nothing.
func FuzzDecodeTagged(f *testing.F) {
	f.Add("The <g1>new bridge</g1> &amp; more<x2></x2>")
	f.Add("<G1 >x</g1><x3 /> &#39;&quot;&lt;b&gt; <keep>NATO</keep> <keep>")
	f.Add("&amp;lt; <g1/> </x2> <g1234567>")
	f.Fuzz(func(t *testing.T, answer string) {
		got := decodeTagged(answer)
		for i := 0; i < len(got); i++ {
			if got[i] == '<' {
				m := placeholder.FindStringIndex(got[i:])
				if m == nil || m[0] != 0 {
					t.Fatalf("%q → %q: a '<' at %d that starts no code", answer, got, i)
				}
			}
		}
		if again := decodeTagged(got); again != got && utf8.ValidString(answer) {
			t.Fatalf("%q → %q → %q: not stable", answer, got, again)
		}
	})
}

// BenchmarkEncodeDecodeTagged: a 40-word tagged sentence with a kept term, encoded for DeepL and
// its answer decoded.
func BenchmarkEncodeDecodeTagged(b *testing.B) {
	text := strings.Repeat("Die <g1>NATO</g1> &amp; das <g2>Außenministerium</g2> sagten<x3/> am Montag, ", 4) + "dass alles gut sei."
	terms := []providers.Term{{Source: "NATO", DoNotTranslate: true}}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cputime.Used()
	for b.Loop() {
		x, _, _ := encodeTagged(text, terms, false)
		decodeTagged(x)
	}
	// CPU time beside wall time: the machine is shared, wall time alone says little.
	b.ReportMetric(float64((cputime.Used()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

// placeholder is the definition codes is held to.
var placeholder = regexp.MustCompile(`</?[gxGX][0-9]{1,6} */?>`)

// FuzzCodes: codes finds what the regular expression finds.
func FuzzCodes(f *testing.F) {
	f.Add("a <g1>b</g1> <x2/><x3 /></x3> <g01 > <G7/> </x9/> <g1234567> <g\n1> <<g1>")
	f.Fuzz(func(t *testing.T, s string) {
		want := placeholder.FindAllStringIndex(s, -1)
		got := codes(s)
		if len(got) != len(want) {
			t.Fatalf("codes(%q) = %v, want %v", s, got, want)
		}
		for i := range got {
			if got[i][0] != want[i][0] || got[i][1] != want[i][1] {
				t.Fatalf("codes(%q) = %v, want %v", s, got, want)
			}
		}
	})
}

// FuzzUnkeep: unkeep removes what the regular expression <keep>(.*?)</keep> would.
func FuzzUnkeep(f *testing.F) {
	f.Add("a <keep>NATO</keep> b <keep><keep>x</keep></keep> <keep>")
	re := regexp.MustCompile(`(?s)<keep>(.*?)</keep>`)
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := unkeep(s), re.ReplaceAllString(s, "$1"); got != want {
			t.Fatalf("unkeep(%q) = %q, want %q", s, got, want)
		}
	})
}

// protectNaive is protect the obvious way (at each character, the longest term that starts
// there as a whole word), the reference FuzzProtectLinear holds the linear scan to.
func protectNaive(text string, dnt []providers.Term) string {
	var b strings.Builder
	for i := 0; i < len(text); {
		var matched *providers.Term
		for k, t := range dnt {
			if strings.HasPrefix(text[i:], t.Source) && providers.WordBoundary(text, i, i+len(t.Source)) && (matched == nil || len(t.Source) > len(matched.Source)) {
				matched = &dnt[k]
			}
		}
		if matched != nil {
			b.WriteString("<keep>" + escape(matched.Protected(matched.Source)) + "</keep>")
			i += len(matched.Source)
			continue
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		b.WriteString(escape(text[i : i+n]))
		i += n
	}
	return b.String()
}

// FuzzProtectLinear: protect's linear scan keeps the same terms as the obvious one, and a
// long text with a long, almost matching term takes no quadratic time.
func FuzzProtectLinear(f *testing.F) {
	f.Add("Der NATO-Gipfel der NATO-GipfelNATO", "NATO", "NATO-Gipfel")
	f.Add("aaaaab aab", "aab", "a")
	f.Add("Vertreter des US-Außenministeriums, des US-Außenministeriumsx", "US-Außenministeriums", "des")
	f.Fuzz(func(t *testing.T, text, t1, t2 string) {
		if !utf8.ValidString(text) || !utf8.ValidString(t1) || !utf8.ValidString(t2) {
			return
		}
		// The second term has a rendering of its own, as in glossary mode mask.
		terms := []providers.Term{{Source: t1, DoNotTranslate: true}, {Source: t2, Target: "T&2", DoNotTranslate: true}}
		got, ok := protect(text, terms)
		if !ok {
			got = escape(text)
		}
		var dnt []providers.Term
		for _, term := range terms {
			if term.Source != "" {
				dnt = append(dnt, term)
			}
		}
		want := protectNaive(text, dnt)
		if got != want || ok != strings.Contains(want, "<keep>") {
			t.Fatalf("protect(%q, %q, %q) = %q, %v; want %q", text, t1, t2, got, ok, want)
		}
	})
}

func TestProtectLongTerm(t *testing.T) {
	term := strings.Repeat("a", 20000) + "b"
	// The long run of a's holds the term, but not as a word of its own; the end does.
	text := strings.Repeat("a", 40000) + "b " + term
	got, ok := protect(text, []providers.Term{{Source: term, DoNotTranslate: true}})
	if !ok || got != strings.Repeat("a", 40000)+"b <keep>"+term+"</keep>" {
		t.Errorf("long term: ok %v, %d bytes", ok, len(got))
	}
	// The same term repeated inside one long word is passed a word at a time.
	text = strings.Repeat("a", 40000)
	if got, ok := protect(text, []providers.Term{{Source: "aa", DoNotTranslate: true}}); ok {
		t.Errorf("term inside a word: %d bytes, kept", len(got))
	}
}
