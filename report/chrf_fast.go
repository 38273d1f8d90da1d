package report

import (
	"slices"
	"unicode/utf8"
)

// The n-gram counting behind chrF dominates report time, so it runs on integers: the
// characters of a segment and its references get small ids (10 bits each, so an n-gram of up
// to six characters packs exactly into a uint64), words get 32-bit ids (two per uint64), and
// counts come from sorting. The result is identical to counting substrings in maps, which
// remains the fallback for segments with more than 1023 distinct characters or orders above 6.
//
// Memory: the sides are held as ids (2 bytes a character, 4 a word), and the sorted keys of
// one order at a time, for the hypothesis and one reference (8 bytes an n-gram each). Keys of
// every order of both sides at once took 14 times the characters in 8-byte keys: 1 GB for a
// 10 MB line.

const chrfCharBits = 10

// packedNgrams sets keys to the sorted packed n-grams of order n of ids (bits bits an id),
// reusing keys' array.
func packedNgrams[T uint16 | uint32](keys []uint64, ids []T, n int, bits uint, p *poller) ([]uint64, error) {
	if c := len(ids) - n + 1; cap(keys) < c {
		keys = make([]uint64, 0, c)
	}
	keys = keys[:0]
	for i := 0; i+n <= len(ids); i++ {
		var k uint64
		for j := 0; j < n; j++ {
			k |= uint64(ids[i+j]) << (bits * uint(j))
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys, p.tick(8 * len(keys))
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
	alphabet := map[rune]uint16{}
	// charIDs is the ids of the characters of s, without white space unless m.Whitespace
	// (sacreBLEU's ''.join(line.split())).
	charIDs := func(s string) ([]uint16, bool) {
		ids := make([]uint16, 0, utf8.RuneCountInString(s))
		for _, r := range s {
			if !m.Whitespace && pyIsSpace(r) {
				continue
			}
			id, ok := alphabet[r]
			if !ok {
				if len(alphabet)+1 >= 1<<chrfCharBits {
					return nil, false
				}
				id = uint16(len(alphabet) + 1)
				alphabet[r] = id
			}
			ids = append(ids, id)
		}
		return ids, true
	}
	vocab := map[string]uint32{}
	wordIDs := func(s string) []uint32 {
		var ids []uint32
		chrfWords(s, func(w string) {
			id, ok := vocab[w]
			if !ok {
				id = uint32(len(vocab) + 1)
				vocab[w] = id
			}
			ids = append(ids, id)
		})
		return ids
	}
	hc, ok := charIDs(hyp)
	if !ok {
		return nil, false, nil
	}
	rc := make([][]uint16, len(refs))
	for i, r := range refs {
		if rc[i], ok = charIDs(r); !ok {
			return nil, false, nil
		}
	}
	if err := p.tick(len(hyp)); err != nil {
		return nil, false, err
	}
	order := m.CharOrder + m.WordOrder
	stats := make([][]float64, len(refs))
	for i := range stats {
		stats[i] = make([]float64, 3*order)
	}
	var hk, rk []uint64
	// count fills the triples of n-gram order o (0-based, characters then words) for every
	// reference, from the hypothesis keys hk and each reference's keys.
	count := func(o int, refKeys func(i int, keys []uint64) ([]uint64, error)) error {
		for i := range refs {
			var err error
			if rk, err = refKeys(i, rk); err != nil {
				return err
			}
			hypCount := len(hk)
			if len(rk) == 0 { // no hits are counted when the reference has no n-grams
				hypCount = 0
			}
			stats[i][3*o], stats[i][3*o+1], stats[i][3*o+2] = float64(hypCount), float64(len(rk)), float64(matchSorted(hk, rk))
		}
		return nil
	}
	for n := 1; n <= m.CharOrder; n++ {
		var err error
		if hk, err = packedNgrams(hk, hc, n, chrfCharBits, p); err != nil {
			return nil, false, err
		}
		if err := count(n-1, func(i int, keys []uint64) ([]uint64, error) {
			return packedNgrams(keys, rc[i], n, chrfCharBits, p)
		}); err != nil {
			return nil, false, err
		}
	}
	if m.WordOrder > 0 {
		hc, rc = nil, nil
		hw := wordIDs(hyp)
		rw := make([][]uint32, len(refs))
		for i, r := range refs {
			rw[i] = wordIDs(r)
		}
		if err := p.tick(len(hyp)); err != nil {
			return nil, false, err
		}
		for n := 1; n <= m.WordOrder; n++ {
			var err error
			if hk, err = packedNgrams(hk, hw, n, 32, p); err != nil {
				return nil, false, err
			}
			if err := count(m.CharOrder+n-1, func(i int, keys []uint64) ([]uint64, error) {
				return packedNgrams(keys, rw[i], n, 32, p)
			}); err != nil {
				return nil, false, err
			}
		}
	}
	var best []float64
	bestF := -1.0
	for _, st := range stats {
		if f := m.Score(st); f > bestF {
			bestF, best = f, st
		}
	}
	return best, true, nil
}
