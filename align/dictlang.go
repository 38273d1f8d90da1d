package align

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// Dictionaries go one way: FreeDict's freedict-deu-fra translates German into French (and many
// of its pairs exist in one direction only), Debian's /usr/share/trans/de-en German into
// English. Their file names say which, so a dictionary can be checked against the documents'
// languages and, named for the other direction, read reversed, instead of matching nothing
// without a word.

// LanguageMismatchError is a dictionary whose file name gives other languages than the
// documents'.
type LanguageMismatchError struct {
	File             string
	DictSrc, DictTgt string // the dictionary's languages, as its name gives them
	SrcLang, TgtLang string // the documents'
}

func (e *LanguageMismatchError) Error() string {
	return fmt.Sprintf("%s translates %s into %s, but the documents are %s → %s", e.File, e.DictSrc, e.DictTgt, e.SrcLang, e.TgtLang)
}

// dictionaryLangs returns the two languages a dictionary's file name gives. Only the names of
// the formats that use them count: a dictd dictionary (.index, .dict.dz, .dict) named like
// FreeDict's, deu-fra or freedict-deu-fra, and a file without an extension named like Debian's
// Ding, de-en (/usr/share/trans/de-en). A word list's name (med-eng.tsv) says nothing.
func dictionaryLangs(path string) (src, tgt string, ok bool) {
	name := filepath.Base(path)
	dictd := false
	for _, suf := range []string{".index", ".dict.dz", ".dict"} {
		if strings.HasSuffix(name, suf) {
			name, dictd = strings.TrimSuffix(name, suf), true
			break
		}
	}
	if !dictd && strings.Contains(name, ".") {
		return "", "", false
	}
	name = strings.TrimPrefix(name, "freedict-")
	src, tgt, ok = strings.Cut(name, "-")
	if !ok || !isLanguageCode(src) || !isLanguageCode(tgt) {
		return "", "", false
	}
	return src, tgt, true
}

// isLanguageCode is a known ISO 639 code of two or three lower-case letters.
func isLanguageCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	_, ok := parseLanguage(s)
	return ok
}

// bibliographic maps the ISO 639-2/B codes that differ from their 639-2/T (and 639-3) codes,
// which golang.org/x/text does not know: a user may say ger for German.
var bibliographic = map[string]string{
	"alb": "sqi", "arm": "hye", "baq": "eus", "bur": "mya", "chi": "zho", "cze": "ces",
	"dut": "nld", "fre": "fra", "geo": "kat", "ger": "deu", "gre": "ell", "ice": "isl",
	"mac": "mkd", "mao": "mri", "may": "msa", "per": "fas", "rum": "ron", "slo": "slk",
	"tib": "bod", "wel": "cym",
}

// parseLanguage parses a language code (ISO 639-1, -2/T, -2/B or -3; a region or script after
// "-" or "_" is ignored: "de-CH").
func parseLanguage(code string) (language.Base, bool) {
	code = strings.ToLower(strings.SplitN(strings.ReplaceAll(code, "_", "-"), "-", 2)[0])
	if t, ok := bibliographic[code]; ok {
		code = t
	}
	b, err := language.ParseBase(code)
	return b, err == nil
}

// sameLanguage tells whether two language codes name one language: "de", "deu", "ger" and
// "de-CH" do; so do "he" and "heb", whichever of its codes the library prefers.
func sameLanguage(a, b string) bool {
	ba, okA := parseLanguage(a)
	bb, okB := parseLanguage(b)
	if !okA || !okB {
		return okA == okB && strings.EqualFold(a, b)
	}
	return ba == bb || ba.ISO3() == bb.ISO3()
}

// ReadDictionaryFileFor is ReadDictionaryFile for documents in srcLang and tgtLang. A
// dictionary whose file name gives the other direction (freedict-fra-deu for German → French,
// /usr/share/trans/de-en for English → German; see dictionaryLangs) is read reversed: each
// translation becomes a source entry with the headword as its translation. One whose name
// gives other languages is a *LanguageMismatchError. A file whose name gives no languages is
// read as it is.
func (d *Dictionary) ReadDictionaryFileFor(ctx context.Context, path, cacheDir, srcLang, tgtLang string) error {
	ds, dt, ok := dictionaryLangs(path)
	switch {
	case !ok, sameLanguage(ds, srcLang) && sameLanguage(dt, tgtLang):
		return d.ReadDictionaryFile(ctx, path, cacheDir)
	case sameLanguage(ds, tgtLang) && sameLanguage(dt, srcLang):
		return d.readFile(ctx, path, cacheDir, true)
	}
	return &LanguageMismatchError{File: path, DictSrc: ds, DictTgt: dt, SrcLang: srcLang, TgtLang: tgtLang}
}

// reverseInto adds every (source, translation) pair of d's own entries to r as (translation,
// source). The sources are taken in sorted order, so that a reversed entry's translations
// always come in the same order (the features they add, and so the alignment, do not depend on
// the map's iteration order).
func (d *Dictionary) reverseInto(ctx context.Context, r *Dictionary) error {
	for n, k := range slices.Sorted(maps.Keys(d.m)) {
		if n%pollEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		for _, t := range d.m[k] {
			if tk := foldKey(t); tk != "" {
				r.m[tk] = append(r.m[tk], k)
			}
		}
	}
	return nil
}

// DictionaryDirs are the folders FindDictionary looks in by default: where Debian's
// dict-freedict-* packages and a local dictd installation put FreeDict's dictionaries, and
// where trans-de-en puts Ding's.
var DictionaryDirs = []string{"/usr/share/dictd", "/usr/local/share/dictd", "/usr/share/trans"}

// FindDictionary returns the first installed dictionary in dirs for documents in srcLang and
// tgtLang: a FreeDict dictionary for the pair (freedict-deu-fra.index, or deu-fra.index as
// FreeDict names it) in any of the folders, in their order, then one for the other direction
// (read reversed by ReadDictionaryFileFor), then a Ding-style file named for the pair (de-en)
// or the other way round. A dictionary in the documents' direction wins over a reversed one
// wherever they are. Without one the error names the languages, the folders and FreeDict's package.
func FindDictionary(dirs []string, srcLang, tgtLang string) (string, error) {
	s2, s3, okS := languageCodes(srcLang)
	t2, t3, okT := languageCodes(tgtLang)
	if !okS || !okT {
		return "", fmt.Errorf("no dictionary for %s → %s: not ISO 639 language codes", srcLang, tgtLang)
	}
	var names []string
	for _, p := range [][2]string{{s3, t3}, {t3, s3}} {
		names = append(names, "freedict-"+p[0]+"-"+p[1]+".index", p[0]+"-"+p[1]+".index")
	}
	if s2 != "" && t2 != "" {
		names = append(names, s2+"-"+t2, t2+"-"+s2)
	}
	for _, n := range names {
		for _, dir := range dirs {
			p := filepath.Join(dir, n)
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				return p, nil
			}
		}
	}
	return "", fmt.Errorf("no dictionary for %s → %s in %s (FreeDict's is freedict-%s-%s or freedict-%s-%s: on Debian, apt-get install dict-freedict-%s-%s)",
		srcLang, tgtLang, strings.Join(dirs, ", "), s3, t3, t3, s3, s3, t3)
}

// languageCodes returns a language's ISO 639-1 code (empty when it has none) and its ISO 639-3
// code, from any code parseLanguage takes.
func languageCodes(lang string) (two, three string, ok bool) {
	b, ok := parseLanguage(lang)
	if !ok {
		return "", "", false
	}
	two, three = b.String(), b.ISO3()
	if len(two) != 2 {
		two = ""
	}
	return two, three, three != ""
}
