package main

import "testing"

// TestBaseLanguage: a CAT tool's XLIFF names regions (de-DE, en-US); review files its
// decisions under the languages translate keys the memory by (de, en), so that a rerun of the
// same file gets them (the CAT reviewer's decisions on Okapi's OnTramTest01.xlf went under
// de-de → en-us and were never used).
func TestBaseLanguage(t *testing.T) {
	for in, want := range map[string]string{"de-DE": "de", "en-US": "en", "fr": "fr", "pt-BR": "pt", "zh-Hant-TW": "zh", "x-klingon": "x-klingon"} {
		if got := baseLanguage(in); got != want {
			t.Errorf("baseLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}
