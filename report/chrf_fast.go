package report

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The n-gram counting behind chrF dominates report time, so it runs on integers: the
// characters of a segment and its references get small ids (10 bits each, so an n-gram of up
// to six characters packs exactly into a uint64), words get 32-bit ids (two per uint64), and
// counts come from sorting. The result is identical to counting substrings in maps, which
// remains the fallback for segments with more than 1023 distinct characters or orders above 6.

const chrfCharBits = 10

// ngramKeys returns the sorted packed keys of the n-grams of ids for n = 1..order.
func ngramKeys(ids []uint64, order int, bits uint, p *poller) ([][]uint64, error) {
	out := make([][]uint64, order)
	prev := append([]uint64(nil), ids...)
	for n := 1; n <= order; n++ {
		cnt := len(ids) - n + 1
		if cnt <= 0 {
			break
		}
		if n > 1 {
			for i := 0; i < cnt; i++ {
				prev[i] |= ids[i+n-1] << (bits * uint(n-1))
			}
		}
		keys := append([]uint64(nil), prev[:cnt]...)
		slices.Sort(keys)
		out[n-1] = keys
		if err := p.tick(8 * cnt); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// matchSorted returns the size of the multiset intersection of two sorted slices.
func matchSorted(a, b []uint64) int {
	i, j, m := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			m++
			i++
			j++
		}
	}
	return m
}

// fastStats computes CHRF.Stats with packed integer n-grams; ok is false when the input does
// not fit the packing.
func (m CHRF) fastStats(hyp string, refs []string, p *poller) ([]float64, bool, error) {
	if m.CharOrder > 6 || m.WordOrder > 2 || !utf8.ValidString(hyp) {
		return nil, false, nil
	}
	for _, r := range refs {
		if !utf8.ValidString(r) {
			return nil, false, nil // substrings of invalid UTF-8 are compared byte-wise by mapStats
		}
	}
	if m.Lowercase {
		hyp = pyLower(hyp)
		refs = slices.Clone(refs)
		for i := range refs {
			refs[i] = pyLower(refs[i])
		}
	}
	prepChars := func(s string) string {
		if m.Whitespace {
			return s
		}
		return strings.Join(pyFields(s), "")
	}
	alphabet := map[rune]uint64{}
	charIDs := func(s string) ([]uint64, bool) {
		ids := make([]uint64, 0, len(s))
		for _, r := range prepChars(s) {
			id, ok := alphabet[r]
			if !ok {
				id = uint64(len(alphabet) + 1)
				if id >= 1<<chrfCharBits {
					return nil, false
				}
				alphabet[r] = id
			}
			ids = append(ids, id)
		}
		return ids, true
	}
	vocab := map[string]uint64{}
	wordIDs := func(s string) []uint64 {
		words := removePunctuation(s)
		ids := make([]uint64, len(words))
		for i, w := range words {
			id, ok := vocab[w]
			if !ok {
				id = uint64(len(vocab) + 1)
				vocab[w] = id
			}
			ids[i] = id
		}
		return ids
	}
	hc, ok := charIDs(hyp)
	if !ok {
		return nil, false, nil
	}
	hKeys, err := ngramKeys(hc, m.CharOrder, chrfCharBits, p)
	if err != nil {
		return nil, false, err
	}
	if m.WordOrder > 0 {
		hKeys = append(hKeys, wordNgramKeys(wordIDs(hyp), m.WordOrder)...)
		if err := p.tick(len(hyp)); err != nil {
			return nil, false, err
		}
	}
	var best []float64
	bestF := -1.0
	for _, ref := range refs {
		rc, ok := charIDs(ref)
		if !ok {
			return nil, false, nil
		}
		rKeys, err := ngramKeys(rc, m.CharOrder, chrfCharBits, p)
		if err != nil {
			return nil, false, err
		}
		if m.WordOrder > 0 {
			rKeys = append(rKeys, wordNgramKeys(wordIDs(ref), m.WordOrder)...)
			if err := p.tick(len(ref)); err != nil {
				return nil, false, err
			}
		}
		stats := make([]float64, 0, 3*len(hKeys))
		for i := range hKeys {
			hypCount := len(hKeys[i])
			if len(rKeys[i]) == 0 {
				hypCount = 0
			}
			stats = append(stats, float64(hypCount), float64(len(rKeys[i])), float64(matchSorted(hKeys[i], rKeys[i])))
		}
		if f := m.Score(stats); f > bestF {
			bestF, best = f, stats
		}
	}
	return best, true, nil
}

// wordNgramKeys returns sorted keys of word n-grams of exactly orders 1..order (≤ 2).
func wordNgramKeys(ids []uint64, order int) [][]uint64 {
	out := make([][]uint64, order)
	for n := 1; n <= order; n++ {
		var keys []uint64
		for i := 0; i+n <= len(ids); i++ {
			k := ids[i]
			if n == 2 {
				k = ids[i]<<32 | ids[i+1]
			}
			keys = append(keys, k)
		}
		slices.Sort(keys)
		out[n-1] = keys
	}
	return out
}
