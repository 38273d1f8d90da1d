package providers

import "testing"

// TestAddressSuspect: an answer that lost or changed an address of its source is suspect
// (the Markdown review's fake turned "kontakt@example.de" into "tkatnok@elpmaxe.ed" and it was
// written without a word, in four CorrelAid pages and the Astro docs); an address kept, in
// any case or followed by other punctuation, is fine.
func TestAddressSuspect(t *testing.T) {
	for _, tc := range []struct {
		src, tr string
		want    string
	}{
		{"Schreibt uns an kontakt@correlaid.org.", "Write to us at kontakt@correlaid.org.", ""},
		{"Schreibt uns an kontakt@correlaid.org.", "Write to us at contact@correlaid.org.", "address changed: kontakt@correlaid.org is not in the translation"},
		{"Mehr unter https://docs.astro.build/de/guides/deploy/ (auf Deutsch).", "More at https://docs.astro.build/de/guides/deploy/ (in German).", ""},
		{"Mehr unter https://docs.astro.build/de/guides/deploy/.", "More at https://docs.astro.build/en/guides/deploy/.", "address changed: https://docs.astro.build/de/guides/deploy/ is not in the translation"},
		{"Siehe www.bundesregierung.de, dort steht es.", "See WWW.Bundesregierung.de, it says so there.", ""},
		{"Die Datei liegt unter „https://example.de/a.pdf“.", "The file is at “https://example.de/a.pdf”.", ""},
		{"Kein Link hier, nur 3.5 Prozent.", "No link here, only 3.5 percent.", ""},
		{"Die Firma @heise meldet das.", "The company @heise reports it.", ""},
	} {
		if got := AddressSuspect(tc.src, tc.tr); got != tc.want {
			t.Errorf("AddressSuspect(%q, %q) = %q, want %q", tc.src, tc.tr, got, tc.want)
		}
	}
	if got := BasicSuspectReason("Schreibt uns an kontakt@correlaid.org, wir antworten.", "Write to us at tkatnok@diallerroc.gro, we answer."); got == "" {
		t.Error("BasicSuspectReason misses a changed address")
	}
}
