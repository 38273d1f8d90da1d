package tm

import (
	"crypto/sha256"
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/bitext/bitext/document"
)

// Key identifies a machine translation in the memory.
type Key struct {
	Provider, Model        string
	SourceLang, TargetLang string // BCP 47 tags; compared case-insensitively
	Source                 string // the source segment as sent; normalized for the key
	// Terms are the glossary terms that applied to the segment, each in any stable rendering
	// (for example "Außenministerium=State Department"); order and duplicates do not matter.
	Terms []string
	// PromptVersion changes whenever the prompt or request shape changes, so that translations
	// made with an older prompt are not reused.
	PromptVersion string
	// Note is what the source is, where its file says it (a PO msgctxt: "menu", "door"): a
	// machine translation made with a note answers only the same source with the same note.
	// Imported and reviewed entries carry none and answer the source whatever its note. A key
	// without a note hashes as keys did before notes existed.
	Note string
	// Codes is what the inline codes of a tagged Source stand for (package document's
	// <g1>…</g1> and <x2/>, Codes[i].ID the number of one of them): their markup in the
	// document the source came from, such as an HTML <b> or <a href="…">. A machine
	// translation is stored with it, so that an export writes the markup (TMX
	// <bpt>&lt;b&gt;</bpt>), not empty codes. It is no part of the key: a lookup ignores it, and
	// the entry answers the same tagged source whatever its codes stand for elsewhere.
	Codes []document.Code
}

// scope says how an entry was made and so which lookups it answers.
type scope int

const (
	scopeMT            scope = iota // machine translation: the full key must match
	scopeProviderModel              // imported for one provider and model
	scopeProvider                   // imported for one provider, any model
	scopeAny                        // imported for any provider and model
	// scopeReviewed is a translation a person reviewed (StoreReviewed), for any provider and
	// model; it outranks every other entry. Bitext releases that predate it never compute its
	// hash, so its entries are invisible to their lookups rather than misread.
	scopeReviewed
	// scopeImportedMT is an imported machine translation that says its provider and model but
	// not the rest of its key (a pair file translate wrote): a hit for that provider and model,
	// below every entry people made and above the provider's own answers.
	scopeImportedMT
)

// hashLen is the length of stored key hashes; 128 bits make collisions negligible.
const hashLen = 16

// NormalizeSource is the form of a source segment that keys use: NFC, whitespace runs collapsed
// to one space, leading and trailing whitespace removed. Case and punctuation are kept.
func NormalizeSource(s string) string {
	if isNormalized(s) {
		return s // most segments: no copy, no allocation
	}
	return slowNormalize(s)
}

// slowNormalize builds the normal form (invalid UTF-8 becomes U+FFFD).
func slowNormalize(s string) string {
	if !utf8.ValidString(s) {
		// U+FFFD for each invalid byte (as the loop below wrote them) before NFC, not after:
		// NFC left the text after an invalid byte as it was, so "\xf6\u037e" became
		// "\ufffd\u037e", whose normal form is "\ufffd;", and one text had two keys.
		s = strings.Map(func(r rune) rune { return r }, s)
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isNormalized tells whether NormalizeSource(s) == s without building the normal form: valid
// UTF-8 in NFC, no whitespace but single spaces between other characters.
func isNormalized(s string) bool {
	prevSpace := true // a leading space is not normal
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return isNormalizedUnicode(s)
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

// isNormalizedUnicode is isNormalized for text beyond ASCII.
func isNormalizedUnicode(s string) bool {
	if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
		return false
	}
	prevSpace := true
	for _, r := range s {
		switch {
		case r == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case unicode.IsSpace(r):
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace
}

// normalizeLang lower-cases a language tag and uses "-" as its separator.
func normalizeLang(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "_", "-"))
}

// normalizeTerms returns the terms normalized like sources, sorted and without duplicates.
func normalizeTerms(terms []string) []string {
	if len(terms) == 0 {
		return nil
	}
	out := make([]string, 0, len(terms))
	for _, t := range terms {
		if t = NormalizeSource(t); t != "" {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// normKey is a Key with every field in the form that is hashed and stored.
type normKey struct {
	provider, model, sourceLang, targetLang, source, promptVersion, note string
	terms                                                                []string
}

// identity is k's fields as they are, each length-prefixed: equal identities are equal keys
// (the converse does not hold — normalization makes more keys equal — which only costs a second
// lookup).
func (k Key) identity() string {
	b := make([]byte, 0, len(k.Provider)+len(k.Model)+len(k.SourceLang)+len(k.TargetLang)+len(k.Source)+len(k.PromptVersion)+16)
	put := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	for _, f := range [...]string{k.Provider, k.Model, k.SourceLang, k.TargetLang, k.PromptVersion, k.Source} {
		put(f)
	}
	b = binary.AppendUvarint(b, uint64(len(k.Terms)))
	for _, t := range k.Terms {
		put(t)
	}
	if k.Note != "" {
		put(k.Note)
	}
	return string(b)
}

func (k Key) normalize() normKey {
	return normKey{
		provider:      strings.TrimSpace(k.Provider),
		model:         strings.TrimSpace(k.Model),
		sourceLang:    normalizeLang(k.SourceLang),
		targetLang:    normalizeLang(k.TargetLang),
		source:        NormalizeSource(k.Source),
		promptVersion: strings.TrimSpace(k.PromptVersion),
		terms:         normalizeTerms(k.Terms),
		note:          strings.TrimSpace(k.Note),
	}
}

// hash is the stored key of an entry of the given scope. Every field is length-prefixed so
// that no two different keys encode alike; fields a scope ignores are left out.
func (k normKey) hash(s scope) []byte {
	sum := k.hashKey(s)
	return sum[:]
}

// hashKey is hash as an array, which maps and batches hold without allocating. The fields are
// appended to one buffer (on the stack for keys of ordinary length) and hashed at once.
func (k normKey) hashKey(s scope) (sum [hashLen]byte) {
	var arr [512]byte
	b := append(arr[:0], byte(s))
	put := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	put(k.sourceLang)
	put(k.targetLang)
	put(k.source)
	switch s {
	case scopeMT:
		put(k.provider)
		put(k.model)
		put(k.promptVersion)
		b = binary.AppendUvarint(b, uint64(len(k.terms)))
		for _, t := range k.terms {
			put(t)
		}
		// After the terms, whose count says where they end, and only when there is one: the
		// keys of every entry stored before notes existed are unchanged.
		if k.note != "" {
			put(k.note)
		}
	case scopeProviderModel, scopeImportedMT:
		put(k.provider)
		put(k.model)
	case scopeProvider:
		put(k.provider)
	}
	full := sha256.Sum256(b)
	copy(sum[:], full[:])
	return sum
}

// lookupScopes lists the entries that answer a lookup, best first.
var lookupScopes = []scope{scopeReviewed, scopeProviderModel, scopeProvider, scopeAny, scopeImportedMT, scopeMT}

// reviewedScopes is what LookupReviewedMany asks for.
var reviewedScopes = []scope{scopeReviewed}
