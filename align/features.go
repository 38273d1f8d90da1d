package align

import (
	"hash/fnv"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A channel is one kind of lexical evidence: feature vectors for both sides, built so that a
// translation pair shares features. Only features that occur on both sides are kept, weighted
// by inverse document frequency, so frequent words and n-grams count little.
type channel struct {
	src, tgt []vec
	weight   float64 // how much this channel counts in a bead's cost
}

// featureFunc extracts the raw features of one text.
type featureFunc func(s string, add func(key string, w float32))

func hashKey(k string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(k))
	return h.Sum32()
}

// newChannel extracts features of every sentence on both sides and weights them.
func newChannel(src, tgt []string, fsrc, ftgt featureFunc, weight float64) *channel {
	extract := func(texts []string, f featureFunc) ([]map[uint32]float32, map[uint32]int) {
		out := make([]map[uint32]float32, len(texts))
		df := map[uint32]int{}
		for i, t := range texts {
			m := map[uint32]float32{}
			f(t, func(k string, w float32) { m[hashKey(k)] += w })
			for id := range m {
				df[id]++
			}
			out[i] = m
		}
		return out, df
	}
	sm, sdf := extract(src, fsrc)
	tm, tdf := extract(tgt, ftgt)
	n := float64(len(src) + len(tgt))
	idf := map[uint32]float32{}
	for id, a := range sdf {
		if b, ok := tdf[id]; ok {
			idf[id] = float32(math.Log(1 + n/float64(a+b)))
		}
	}
	build := func(ms []map[uint32]float32) []vec {
		vs := make([]vec, len(ms))
		for i, m := range ms {
			for id, w := range m {
				if f, ok := idf[id]; ok {
					m[id] = w * f
				} else {
					delete(m, id)
				}
			}
			vs[i] = vecFromCounts(m)
		}
		return vs
	}
	return &channel{src: build(sm), tgt: build(tm), weight: weight}
}

// normalizeText folds case and diacritics and collapses white space, for n-gram matching.
func normalizeText(s string) string {
	s = fold(s)
	var b strings.Builder
	space := true
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimSpace(b.String())
}

// charNgrams adds the character n-grams of s (case and diacritics folded) for each n in ns.
func charNgrams(ns ...int) featureFunc {
	return func(s string, add func(string, float32)) {
		rs := []rune(" " + normalizeText(s) + " ")
		for _, n := range ns {
			for i := 0; i+n <= len(rs); i++ {
				add(string(rs[i:i+n]), 1)
			}
		}
	}
}

// tokens splits s into folded words and numbers, plus single punctuation marks that carry
// meaning across languages.
func tokens(s string) (words []string, punct []rune) {
	s = fold(s)
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			words = append(words, s[start:i])
			start = -1
		}
		if strings.ContainsRune("?!:;()%", r) {
			punct = append(punct, r)
		}
	}
	if start >= 0 {
		words = append(words, s[start:])
	}
	return words, punct
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// prefixLen is the length of the cognate prefix: "Expedition"/"expédition", "Regierung"/… .
const prefixLen = 5

// wordFeatures adds what a word and its translation share: numbers, identical tokens and
// cognate prefixes.
func wordFeatures(w string, add func(string, float32)) {
	switch {
	case isNumber(w):
		add("n:"+w, 2)
	case utf8.RuneCountInString(w) >= 2:
		add("w:"+w, 1)
		if utf8.RuneCountInString(w) >= prefixLen {
			add("p:"+string([]rune(w)[:prefixLen]), 1)
		}
	}
}

// surface extracts the language-independent surface evidence of a sentence; with a dictionary,
// the target-language features of the translations of its words too.
func surface(d *Dictionary) featureFunc {
	return func(s string, add func(string, float32)) {
		words, punct := tokens(s)
		for _, w := range words {
			wordFeatures(w, add)
		}
		for _, p := range punct {
			add("c:"+string(p), 1)
		}
		if d.Len() == 0 {
			return
		}
		for i := range words {
			for n := 3; n >= 1; n-- { // longest phrase first
				if i+n > len(words) {
					continue
				}
				ts, ok := d.m[strings.Join(words[i:i+n], " ")]
				if !ok {
					continue
				}
				for _, t := range ts {
					tw, _ := tokens(t)
					for _, x := range tw {
						wordFeatures(x, add)
					}
				}
				break
			}
		}
	}
}
