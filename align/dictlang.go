package align

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/text/language"
)

// FreeDict's dictionaries go one way: freedict-deu-fra translates German into French, and many
// pairs exist in one direction only. Its file names say which (ISO 639-3 codes), so a
// dictionary can be checked against the documents' languages and, named for the other
// direction, read reversed, instead of matching nothing without a word.

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

// freeDictLangs returns the two languages of a FreeDict dictionary from its file name: deu-fra
// (FreeDict's own name) or freedict-deu-fra (Debian's), then .index, .dict.dz or .dict; the
// codes are ISO 639-3.
func freeDictLangs(path string) (src, tgt string, ok bool) {
	name := filepath.Base(path)
	for _, suf := range []string{".index", ".dict.dz", ".dict"} {
		name = strings.TrimSuffix(name, suf)
	}
	name = strings.TrimPrefix(name, "freedict-")
	src, tgt, ok = strings.Cut(name, "-")
	if !ok || len(src) != 3 || len(tgt) != 3 {
		return "", "", false
	}
	if _, err := language.ParseBase(src); err != nil {
		return "", "", false
	}
	if _, err := language.ParseBase(tgt); err != nil {
		return "", "", false
	}
	return src, tgt, true
}

// sameLanguage tells whether two language codes (ISO 639-1 or -3, with or without a region:
// "de", "deu", "de-CH") name one language.
func sameLanguage(a, b string) bool {
	ba, err := language.ParseBase(strings.SplitN(strings.ReplaceAll(a, "_", "-"), "-", 2)[0])
	if err != nil {
		return strings.EqualFold(a, b)
	}
	bb, err := language.ParseBase(strings.SplitN(strings.ReplaceAll(b, "_", "-"), "-", 2)[0])
	if err != nil {
		return false
	}
	return ba == bb
}

// ReadDictionaryFileFor is ReadDictionaryFile for documents in srcLang and tgtLang. A FreeDict
// dictionary whose file name gives the other direction (freedict-fra-deu for German → French)
// is read reversed: each translation becomes a source entry with the headword as its
// translation. One whose name gives other languages is a *LanguageMismatchError. Any other
// file is read as it is.
func (d *Dictionary) ReadDictionaryFileFor(ctx context.Context, path, cacheDir, srcLang, tgtLang string) error {
	ds, dt, ok := freeDictLangs(path)
	switch {
	case !ok, sameLanguage(ds, srcLang) && sameLanguage(dt, tgtLang):
		return d.ReadDictionaryFile(ctx, path, cacheDir)
	case sameLanguage(ds, tgtLang) && sameLanguage(dt, srcLang):
		return d.readFile(ctx, path, cacheDir, true)
	}
	return &LanguageMismatchError{File: path, DictSrc: ds, DictTgt: dt, SrcLang: srcLang, TgtLang: tgtLang}
}

// reverseInto adds every (source, translation) pair of d's own entries to r as (translation,
// source).
func (d *Dictionary) reverseInto(r *Dictionary) {
	for k, ts := range d.m {
		for _, t := range ts {
			if tk := foldKey(t); tk != "" {
				r.m[tk] = append(r.m[tk], k)
			}
		}
	}
}
