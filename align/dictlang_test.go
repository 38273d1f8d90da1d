package align

import (
	"context"
	"errors"
	"slices"
	"testing"
)

func TestDictionaryLangs(t *testing.T) {
	for _, tc := range []struct {
		path, src, tgt string
	}{
		{"/usr/share/dictd/freedict-deu-fra.index", "deu", "fra"},
		{"freedict-fra-deu.dict.dz", "fra", "deu"},
		{"dicts/deu-eng.dict", "deu", "eng"},
		{"/usr/share/trans/de-en", "de", "en"},
		{"terms/en_de.tsv", "en", "de"},
		{"deu-fra-sample.index", "", ""},
		{"words.index", "", ""},
		{"freedict-xyz-deu.index", "", ""}, // no such language
		{"DE-EN.tsv", "", ""},              // codes are lower case
		{"tram.dict.tsv", "", ""},
		{"sample.ding", "", ""},
		{"de-en-extra.tsv", "", ""},
	} {
		src, tgt, ok := dictionaryLangs(tc.path)
		if src != tc.src || tgt != tc.tgt || ok != (tc.src != "") {
			t.Errorf("dictionaryLangs(%q) = %q, %q, %v; want %q, %q", tc.path, src, tgt, ok, tc.src, tc.tgt)
		}
	}
}

func TestSameLanguage(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"deu", "de", true}, {"fra", "fr", true}, {"eng", "en", true}, {"de-CH", "deu", true},
		{"de_AT", "de", true}, {"nld", "nl", true}, {"deu", "en", false}, {"fra", "de", false},
		{"xx-unknown", "xx-unknown", true}, {"qqq", "de", false},
	} {
		if got := sameLanguage(tc.a, tc.b); got != tc.want {
			t.Errorf("sameLanguage(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

// TestReadDictionaryFileFor reads the committed deu-fra excerpt for German → French documents
// (as it is), for French → German ones (reversed, with and without the cache) and for German →
// English ones (refused).
func TestReadDictionaryFileFor(t *testing.T) {
	ctx := context.Background()
	cache := t.TempDir() // the forward form stored first: the reversed one must not be taken for it
	fwd := NewDictionary()
	if err := fwd.ReadDictionaryFileFor(ctx, freeDictSample, cache, "de", "fr"); err != nil {
		t.Fatal(err)
	}
	if got := fwd.lookup("gletscher"); !slices.Equal(got, []string{"glacier"}) {
		t.Errorf("de → fr: gletscher → %q", got)
	}
	for _, dir := range []string{"", cache, cache} {
		rev := NewDictionary()
		if err := rev.ReadDictionaryFileFor(ctx, freeDictSample, dir, "fr", "de"); err != nil {
			t.Fatal(err)
		}
		for key, want := range map[string][]string{
			"glacier": {"gletscher"},
			"soir":    {"abend", "abend"}, // Abend's first and third senses
			"mont":    {"berg", "berg"},
		} {
			if got := rev.lookup(key); !slices.Equal(got, want) {
				t.Errorf("fr → de (cache %q): %s → %q, want %q", dir, key, got, want)
			}
		}
		if got := rev.lookup("gletscher"); got != nil {
			t.Errorf("fr → de: the German headword is still a key: %q", got)
		}
	}
	err := NewDictionary().ReadDictionaryFileFor(ctx, freeDictSample, "", "de", "en")
	var lm *LanguageMismatchError
	if !errors.As(err, &lm) || lm.DictSrc != "deu" || lm.DictTgt != "fra" {
		t.Fatalf("de → en with deu-fra: %v, want a *LanguageMismatchError", err)
	}
	// A file whose name says nothing is read as it is, whatever the languages.
	plain := NewDictionary()
	if err := plain.ReadDictionaryFileFor(ctx, "../testdata/align/tram.dict.tsv", "", "fr", "it"); err != nil || plain.Len() == 0 {
		t.Fatalf("tram.dict.tsv for fr → it: %v, %d entries", err, plain.Len())
	}
}
