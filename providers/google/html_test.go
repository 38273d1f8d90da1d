package google

import (
	"strings"
	"testing"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/providers"
)

func TestProtect(t *testing.T) {
	nato := providers.Term{Source: "NATO", Target: "NATO", DoNotTranslate: true}
	state := providers.Term{Source: "Außenministerium", Target: "State Department"}
	tests := []struct {
		name    string
		text    string
		terms   []providers.Term
		onlyDNT bool
		want    string
		found   bool
	}{
		{"no terms escapes", "A < B & 'C'", nil, false, "A &lt; B &amp; &#39;C&#39;", false},
		{"dnt in compound", "Der NATO-Generalsekretär", []providers.Term{nato}, false, `Der <span translate="no">NATO</span>-Generalsekretär`, true},
		{"case-insensitive keeps the source spelling", "die nato tagt", []providers.Term{nato}, false, `die <span translate="no">nato</span> tagt`, true},
		{"not inside a word", "NATOS und ANATOLIEN", []providers.Term{nato}, false, "NATOS und ANATOLIEN", false},
		{"target rendering replaces", "Das Außenministerium sagte", []providers.Term{state}, false, `Das <span translate="no">State Department</span> sagte`, true},
		{"inflected form left alone", "des Außenministeriums", []providers.Term{state}, false, "des Außenministeriums", false},
		{"only dnt", "Das Außenministerium und die NATO", []providers.Term{state, nato}, true, `Das Außenministerium und die <span translate="no">NATO</span>`, true},
		{"longest wins", "Minsker Abkommen", []providers.Term{{Source: "Minsker Abkommen", Target: "Minsk agreements"}, {Source: "Abkommen", Target: "agreement"}}, false, `<span translate="no">Minsk agreements</span>`, true},
		{"markup in term is escaped", "R&D <x>", []providers.Term{{Source: "R&D", DoNotTranslate: true}}, false, `<span translate="no">R&amp;D</span> &lt;x&gt;`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, found := protect(tt.text, tt.terms, tt.onlyDNT)
			if got != tt.want || found != tt.found {
				t.Errorf("protect(%q) = %q, %v; want %q, %v", tt.text, got, found, tt.want, tt.found)
			}
		})
	}
}

func TestUnprotect(t *testing.T) {
	tests := []struct{ in, want string }{
		{`The <span translate="no">NATO</span> met.`, "The NATO met."},
		{`It&#39;s &quot;fine&quot; &amp; A &lt; B`, `It's "fine" & A < B`},
		{`<SPAN TRANSLATE='no' class="x">R&amp;D</span >`, "R&D"},
	}
	for _, tt := range tests {
		if got := unprotect(tt.in); got != tt.want {
			t.Errorf("unprotect(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzProtect checks that protecting do-not-translate terms and unprotecting gives the text
// back: nothing is lost or added on the way through HTML.
func FuzzProtect(f *testing.F) {
	f.Add("Der NATO-Generalsekretär sagte: „Wir & die <EU>“.", "NATO")
	f.Add("it's a 'quote' &amp; more", "amp")
	f.Fuzz(func(t *testing.T, text, term string) {
		if strings.ContainsAny(text, "\x00") || !isValidUTF8(text) || !isValidUTF8(term) {
			return
		}
		if document.HasTags(text) {
			return // a document's tagged segment: FuzzTagged
		}
		h, _ := protect(text, []providers.Term{{Source: term, DoNotTranslate: true}}, false)
		if got := unprotect(h); got != text {
			t.Fatalf("round trip of %q with term %q: %q via %q", text, term, got, h)
		}
	})
}

func isValidUTF8(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

func TestTaggedHTML(t *testing.T) {
	tests := []struct{ in, sent, back, want string }{
		{"Die <g1>neue Brücke</g1> &amp; mehr<x2/>", "Die <g1>neue Brücke</g1> &amp; mehr<x2></x2>", "The <g1>new bridge</g1> &amp; more<x2></x2>", "The <g1>new bridge</g1> &amp; more<x2/>"},
		{"a &lt; b <g1>c</g1>", "a &lt; b <g1>c</g1>", "a &lt; b <g1>c</g1>", "a &lt; b <g1>c</g1>"},
		{"It's <g1>x</g1>", "It&#39;s <g1>x</g1>", "It&#39;s <G1>x</G1 >", "It's <g1>x</g1>"},
	}
	for _, tt := range tests {
		sent, _ := protect(tt.in, nil, true)
		if sent != tt.sent {
			t.Errorf("protect(%q) = %q, want %q", tt.in, sent, tt.sent)
		}
		if got := unprotectTagged(strings.ToLower(tt.back)); !strings.EqualFold(got, tt.want) {
			t.Errorf("unprotectTagged(%q) = %q, want %q", tt.back, got, tt.want)
		}
	}
}

// FuzzTagged checks that a tagged segment survives the way through HTML: its codes valid, its
// words the same.
func FuzzTagged(f *testing.F) {
	f.Add("Die <g1>neue</g1> Brücke<x2/> &amp; mehr", "Brücke")
	f.Add("<g1><g2>a</g2></g1> b &lt; c", "b")
	f.Fuzz(func(t *testing.T, text, term string) {
		if !isValidUTF8(text) || !isValidUTF8(term) || !document.HasTags(text) || document.CheckTags(document.CodesOf(text), text) != nil {
			return
		}
		h, _ := protect(text, []providers.Term{{Source: term, DoNotTranslate: true}}, false)
		got := unprotectTagged(h)
		if err := document.CheckTags(document.CodesOf(text), got); err != nil {
			t.Fatalf("%q → %q → %q: %v", text, h, got, err)
		}
		if document.Plain(got) != document.Plain(text) {
			t.Fatalf("words changed: %q → %q → %q", text, h, got)
		}
	})
}
