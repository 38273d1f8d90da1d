package align

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
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
		{"terms/en_de.tsv", "", ""}, // a word list's name says nothing
		{"med-eng.tsv", "", ""},
		{"/data/fr-de", "fr", "de"},
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
		{"ger", "de", true}, {"fre", "fra", true}, {"heb", "he", true}, {"ind", "id", true},
		{"GER", "de", true}, {"xx-unknown", "de", false},
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
			"soir":    {"abend"}, // Abend's first and third senses, once
			"mont":    {"berg"},
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

// BenchmarkReversedDictionaries reports strict F1 without MT for documents aligned the other
// way round from the installed dictionaries (each skipped without its package): the dev article
// French → German, without a dictionary and with FreeDict's deu-fra read reversed, and the
// perturbed German–English dev English → German, without one and with Debian's Ding
// (trans-de-en) and FreeDict's deu-eng read reversed.
//
//	BITEXT_FIXTURES=/path/to/fixtures go test -count=1 -run XXX -bench ReversedDictionaries -benchtime 1x ./align
func BenchmarkReversedDictionaries(b *testing.B) {
	swap := func(gold []Bead) []Bead {
		out := make([]Bead, len(gold))
		for i, g := range gold {
			out[i] = Bead{Src: g.Tgt, Tgt: g.Src}
		}
		return out
	}
	for _, tc := range []struct{ name, path, pkg string }{
		{"dev-fr-de/none", "", ""},
		{"dev-fr-de/freedict-deu-fra", "/usr/share/dictd/freedict-deu-fra.index", "dict-freedict-deu-fra"},
		{"perturbed-en-de/none", "", ""},
		{"perturbed-en-de/ding-de-en", dingFile, "trans-de-en"},
		{"perturbed-en-de/freedict-deu-eng", "/usr/share/dictd/freedict-deu-eng.index", "dict-freedict-deu-eng"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			src, tgt := "fr", "de"
			if strings.HasPrefix(tc.name, "perturbed") {
				src, tgt = "en", "de"
			}
			var dict *Dictionary
			if tc.path != "" {
				dict = installedDict(b, tc.path, tc.pkg, src, tgt)
			}
			var c Counts
			for b.Loop() {
				c = Counts{}
				if src == "fr" {
					d := loadTextberg(b)
					beads, err := Align(d.fr, d.de, Options{SrcLang: src, TgtLang: tgt, Dict: dict})
					if err != nil {
						b.Fatal(err)
					}
					c = Evaluate(swap(d.gold), beads)
					continue
				}
				for _, d := range loadPerturbed(b) {
					beads, err := Align(d.en, d.de, Options{SrcLang: src, TgtLang: tgt, Dict: dict})
					if err != nil {
						b.Fatal(err)
					}
					c = c.Add(Evaluate(swap(d.gold), beads))
				}
			}
			b.ReportMetric(c.Strict().F1, "strict-F1")
		})
	}
}

// TestReverseIntoDeterministic reverses one dictionary several times: the reversed entries'
// translations come in the same order every time.
func TestReverseIntoDeterministic(t *testing.T) {
	fwd := NewDictionary()
	for _, p := range [][2]string{{"Haus", "maison"}, {"Heim", "maison"}, {"Gebäude", "maison"}, {"Wohnung", "maison"}, {"Bau", "maison"}, {"Hütte", "cabane"}, {"Kate", "cabane"}} {
		fwd.Add(p[0], p[1])
	}
	var first []string
	for range 20 {
		r := NewDictionary()
		if err := fwd.reverseInto(context.Background(), r); err != nil {
			t.Fatal(err)
		}
		got := r.lookup("maison")
		if first == nil {
			first = got
			if !slices.Equal(got, []string{"bau", "gebaude", "haus", "heim", "wohnung"}) {
				t.Fatalf("maison → %q", got)
			}
		}
		if !slices.Equal(got, first) {
			t.Fatalf("maison → %q, then %q", first, got)
		}
	}
}

func TestFindDictionary(t *testing.T) {
	dir1, dir2 := t.TempDir(), t.TempDir()
	for _, p := range []string{
		filepath.Join(dir1, "freedict-fra-deu.index"),
		filepath.Join(dir2, "freedict-deu-fra.index"),
		filepath.Join(dir2, "de-en"),
		filepath.Join(dir2, "nld-eng.index"),
	} {
		writeFile(t, p, "")
	}
	for _, tc := range []struct {
		src, tgt string
		dirs     []string
		want     string
	}{
		{"de", "fr", []string{dir2}, filepath.Join(dir2, "freedict-deu-fra.index")},
		{"fr", "de", []string{dir2}, filepath.Join(dir2, "freedict-deu-fra.index")},       // read reversed
		{"de", "fr", []string{dir1, dir2}, filepath.Join(dir2, "freedict-deu-fra.index")}, // the direction wins over the folder order
		{"de", "fr", []string{dir1}, filepath.Join(dir1, "freedict-fra-deu.index")},
		{"de-CH", "fr", []string{dir2}, filepath.Join(dir2, "freedict-deu-fra.index")},
		{"en", "de", []string{dir2}, filepath.Join(dir2, "de-en")},
		{"nl", "en", []string{dir2}, filepath.Join(dir2, "nld-eng.index")},
		{"de", "it", []string{dir1, dir2}, ""},
		{"it", "de", nil, ""},
		{"ger", "fre", []string{dir2}, filepath.Join(dir2, "freedict-deu-fra.index")},
		{"xx-unknown", "de", []string{dir2}, ""},
	} {
		got, err := FindDictionary(tc.dirs, tc.src, tc.tgt)
		if got != tc.want || (err == nil) != (tc.want != "") {
			t.Errorf("FindDictionary(%s → %s) = %q, %v; want %q", tc.src, tc.tgt, got, err, tc.want)
		}
	}
}

func TestFindDictionaryError(t *testing.T) {
	_, err := FindDictionary([]string{"/nonexistent/a", "/nonexistent/b"}, "de", "it")
	want := "no dictionary for de → it in /nonexistent/a, /nonexistent/b (FreeDict's is freedict-deu-ita or freedict-ita-deu: on Debian, apt-get install dict-freedict-deu-ita)"
	if err == nil || err.Error() != want {
		t.Fatalf("error %v, want %q", err, want)
	}
}

// TestReadDictionaryFileOnce reads one dictionary twice, under each of its names and once
// reversed: a file read already adds nothing, so no translation counts twice; the reversed
// reading is another dictionary.
func TestReadDictionaryFileOnce(t *testing.T) {
	ctx := context.Background()
	d := NewDictionary()
	for _, p := range []string{freeDictSample, strings.TrimSuffix(freeDictSample, ".index") + ".dict.dz", "./" + freeDictSample} {
		for _, cache := range []string{"", t.TempDir()} {
			if err := d.ReadDictionaryFileFor(ctx, p, cache, "de", "fr"); err != nil {
				t.Fatal(err)
			}
		}
	}
	if got := d.lookup("gletscher"); !slices.Equal(got, []string{"glacier"}) {
		t.Errorf("gletscher → %q, want glacier once", got)
	}
	if err := d.ReadDictionaryFileFor(ctx, freeDictSample, "", "fr", "de"); err != nil {
		t.Fatal(err)
	}
	if got := d.lookup("glacier"); !slices.Equal(got, []string{"gletscher"}) {
		t.Errorf("reversed: glacier → %q, want gletscher", got)
	}
}
