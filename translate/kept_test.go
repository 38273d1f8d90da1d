package translate

import (
	"strings"
	"testing"

	"github.com/bitext/bitext/segment"
)

// TestProtectKept: a sentence's kept pieces become codes that the answer carries back, the
// words around them escaped as tagged text and unescaped again; a piece outside the sentence
// or a sentence without one is left as it is.
func TestProtectKept(t *testing.T) {
	block := "Der Dienst heißt BundID Konto & mehr. Die Schnittstelle GET /a<b> ist offen."
	span := func(s string) segment.Span {
		i := strings.Index(block, s)
		return segment.Span{Text: s, Start: i, End: i + len(s)}
	}
	code := []segment.Span{span("BundID Konto"), span("GET /a<b>")}
	second := strings.Index(block, "Die Schnittstelle")
	tests := []struct {
		text        string
		start       int
		wantTagged  string
		answer      string
		wantRestore string
	}{
		{block[:second-1], 0, "Der Dienst heißt <x1/> &amp; mehr.", "The service is called <x1/> &amp; more.", "The service is called BundID Konto & more."},
		{block[second:], second, "Die Schnittstelle <x1/> ist offen.", "The interface <x1/> is open.", "The interface GET /a<b> is open."},
		{"Kein Code hier.", 100, "Kein Code hier.", "", ""},
	}
	for _, tc := range tests {
		tagged, kept := protectKept(tc.text, tc.start, code)
		if tagged != tc.wantTagged {
			t.Errorf("protectKept(%q) = %q, want %q", tc.text, tagged, tc.wantTagged)
		}
		if kept == nil {
			continue
		}
		if got := restoreKept(tagged, kept); got != tc.text {
			t.Errorf("restoreKept of its own source = %q, want %q", got, tc.text)
		}
		if got := restoreKept(tc.answer, kept); got != tc.wantRestore {
			t.Errorf("restoreKept(%q) = %q, want %q", tc.answer, got, tc.wantRestore)
		}
	}
}
