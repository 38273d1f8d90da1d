package review

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/document"
)

// TestTokenText: codes are shown as tokens and words as they read — never escaped (&amp;,
// &lt;) — with brackets of the words doubled, on the tagged texts corpus reads from real
// files (Angular's catalogue, Okapi's .docx extraction and quality-check file).
func TestTokenText(t *testing.T) {
	for _, tc := range []struct{ tagged, want string }{
		{"{VAR_PLURAL, plural, =0 {à l'instant} =1 {il y a une minute} other {il y a <x1/> minutes} }",
			"{VAR_PLURAL, plural, =0 {à l'instant} =1 {il y a une minute} other {il y a ⟨1/⟩ minutes} }"},
		{"There is a <g2>second</g2><g3> sentence</g3> here.", "There is a ⟨2⟩second⟨/2⟩⟨3⟩ sentence⟨/3⟩ here."},
		{"<g1>TrgSentence</g1> of p7 <x2/>.", "⟨1⟩TrgSentence⟨/1⟩ of p7 ⟨2/⟩."},
		{"&lt;=lt, &amp;=amp, >=gt", "<=lt, &=amp, >=gt"},
		{"die Menge ⟨a, b⟩ <x1/>", "die Menge ⟨⟨a, b⟩⟩ ⟨1/⟩"},
	} {
		if got := tokenText(tc.tagged); got != tc.want {
			t.Errorf("tokenText(%q) = %q, want %q", tc.tagged, got, tc.want)
		}
	}
}

// TestReadTokens: what the reviewer typed is read back to tagged text when its tokens are the
// segment's codes, moved, nested or left out; otherwise it is refused, saying where and why.
func TestReadTokens(t *testing.T) {
	codes := codesOf("Text with <g1>code</g1> and <g2>bold</g2> <x3/>.")
	for _, tc := range []struct {
		text, want string
		at         int    // for a refusal: the character it names
		problem    string // and a part of its message
	}{
		{"Texte avec ⟨1⟩code⟨/1⟩ et ⟨2⟩gras⟨/2⟩ ⟨3/⟩.", "Texte avec <g1>code</g1> et <g2>gras</g2> <x3/>.", 0, ""},
		{"⟨3/⟩ ⟨2⟩Gras ⟨1⟩et code⟨/1⟩⟨/2⟩ & <autre>.", "<x3/> <g2>Gras <g1>et code</g1></g2> &amp; &lt;autre>.", 0, ""},
		{"Texte sans codes.", "Texte sans codes.", 0, ""},
		{"Texte ⟨1⟩avec⟨/1⟩ deux codes en moins.", "Texte <g1>avec</g1> deux codes en moins.", 0, ""},
		{"Menge ⟨⟨a⟩⟩ ⟨⟨⟨3/⟩", "Menge ⟨a⟩ ⟨<x3/>", 0, ""},
		{"Texte ⟨1⟩code⟨/1⟩ ⟨7/⟩.", "", 19, "⟨7/⟩ is not one of this segment's codes (⟨1⟩…⟨/1⟩, ⟨2⟩…⟨/2⟩, ⟨3/⟩)"},
		{"Texte ⟨3⟩code⟨/3⟩.", "", 7, "⟨3⟩ should be ⟨3/⟩: code 3 stands alone"},
		{"Texte ⟨1/⟩.", "", 7, "⟨1/⟩ should be the pair ⟨1⟩…⟨/1⟩: code 1 goes around words"},
		{"Texte ⟨1⟩code.", "", 7, "⟨1⟩ is never closed: add ⟨/1⟩"},
		{"Texte 1⟩code⟨/1⟩.", "", 8, "a stray ⟩"},
		{"Texte ⟨1code⟨/1⟩.", "", 7, `"⟨1code⟨/" is not a code`},
		{"⟨1⟩a ⟨2⟩b⟨/1⟩ c⟨/2⟩", "", 10, "⟨/1⟩ closes before ⟨/2⟩"},
		{"a⟨/1⟩ b ⟨1⟩c", "", 2, "⟨/1⟩ comes before ⟨1⟩"},
		{"⟨3/⟩ a ⟨3/⟩", "", 8, "⟨3/⟩ is there twice"},
		{"⟨1⟩a⟨/1⟩ ⟨1⟩b⟨/1⟩", "", 10, "⟨1⟩ is there twice"},
		{"Texte ⟨⟩.", "", 7, "is not a code"},
	} {
		got, err := readTokens(tc.text, codes)
		if tc.problem == "" {
			if err != nil || got != tc.want {
				t.Errorf("readTokens(%q) = %q, %v; want %q", tc.text, got, err, tc.want)
			}
			continue
		}
		var te *TokenError
		if !errors.As(err, &te) || te.At != tc.at || !strings.Contains(te.Problem, tc.problem) {
			t.Errorf("readTokens(%q) = %q, %v; want a refusal at character %d saying %q", tc.text, got, err, tc.at, tc.problem)
		}
	}
}

// TestDroppedCodes: the codes a decision took out of the translation it replaced, as tokens.
func TestDroppedCodes(t *testing.T) {
	got := droppedCodes("<x1/> von <x2/> erlaubten <g3>Token</g3>", "<x2/> of <x1/> allowed tokens")
	if strings.Join(got, " ") != "⟨3⟩…⟨/3⟩" {
		t.Errorf("dropped %q", got)
	}
}

// FuzzReadTokens: reading what the reviewer typed never panics; a text it accepts is exactly
// what the tagged text it reads shows (tokenText), so nothing the reviewer typed is lost or
// changed; and a tagged text whose codes pair up reads back from its tokens as it was.
func FuzzReadTokens(f *testing.F) {
	for _, s := range []string{
		"Text with <g1>code</g1> and <g2>bold</g2> <x3/>.",
		"{VAR_PLURAL, plural, =0 {à l'instant} other {il y a <x1/> minutes} }",
		"⟨1⟩a⟨/1⟩ ⟨⟨b⟩⟩ ⟨2/⟩",
		"Menge ⟨a⟩ &amp; &lt;b> <x1/>",
	} {
		f.Add(s, "Text with <g1>code</g1> and <g2>bold</g2> <x3/>.")
	}
	f.Fuzz(func(t *testing.T, text, tagged string) {
		codes := codesOf(tagged)
		got, err := readTokens(text, codes)
		if err == nil && utf8.ValidString(text) && tokenText(got) != text {
			t.Errorf("readTokens(%q) = %q, shown as %q", text, got, tokenText(got))
		}
		if !utf8.ValidString(tagged) || document.CheckTags(document.CodesOf(tagged), tagged) != nil {
			return
		}
		canonical := canonicalTagged(tagged)
		back, err := readTokens(tokenText(tagged), codesOf(tagged))
		if err != nil || back != canonical {
			t.Errorf("tagged %q shown as %q reads back %q, %v; want %q", tagged, tokenText(tagged), back, err, canonical)
		}
	})
}

// canonicalTagged writes a tagged text as readTokens writes it: words escaped as
// document.EscapeText does, codes as <gN>, </gN>, <xN/>.
func canonicalTagged(tagged string) string {
	var b strings.Builder
	for _, p := range document.Pieces(tagged) {
		switch p.Kind {
		case document.PieceText:
			b.WriteString(document.EscapeText(p.Text))
		case document.PieceOpen:
			b.WriteString("<g" + strconv.Itoa(p.ID) + ">")
		case document.PieceClose:
			b.WriteString("</g" + strconv.Itoa(p.ID) + ">")
		default:
			b.WriteString("<x" + strconv.Itoa(p.ID) + "/>")
		}
	}
	return b.String()
}
