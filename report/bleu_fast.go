package report

import (
	"unicode/utf8"
)

// Corpus BLEU at scale is dominated by tokenizing and by counting n-grams, so the statistics
// are computed without strings: the 13a tokenizer runs over reusable byte buffers, each token
// of a segment gets a small id (per segment, so ids fit in 16 bits), an n-gram of up to four
// tokens packs exactly into a uint64, and counts come from sorting those keys. Packing is
// exact (no hashing), so the statistics equal the string-keyed ones, which remain the fallback
// for segments with 65,535 or more distinct tokens or orders above 4.

const bleuIDBits = 16

// bleuScratch holds the buffers one goroutine reuses from segment to segment. A segment's
// sides are held as token ids (4 bytes a token), and n-gram keys (8 bytes an n-gram) for one
// order at a time: keys of every order of both sides at once took 64 bytes a token.
type bleuScratch struct {
	a, b  []byte
	vocab map[string]uint32
	ids   []uint32 // the ids of every side of the segment, the hypothesis first
	ends  []int    // side k is ids[ends[k-1]:ends[k]]
	hyp   []uint64 // the hypothesis's n-gram keys of one order, sorted
	ref   []uint64 // a reference's
	runs  []uint64 // the distinct hypothesis n-grams
	hcnt  []int32  // their counts
	best  []int32  // their largest count in a reference
}

func newBLEUScratch() *bleuScratch { return &bleuScratch{vocab: map[string]uint32{}} }

// tokenize13a is Tokenize13a on reusable buffers: the same steps in the same order, on bytes
// (the patterns only test ASCII bytes, see Tokenize13a). It returns the tokenized line with
// tokens separated by runs of Python whitespace; the caller splits it.
func (sc *bleuScratch) tokenize13a(line string) string {
	line = unescape13a(line)
	a := sc.a[:0]
	// " " + line + " ", then ([\{-\~\[-\` -\&\(-\+\:-\@\/]) -> " \1 "
	a = append(a, ' ', ' ', ' ')
	for i := 0; i < len(line); i++ {
		if c := line[i]; is13aPunct(c) {
			a = append(a, ' ', c, ' ')
		} else {
			a = append(a, c)
		}
	}
	a = append(a, ' ', ' ', ' ')
	// ([^0-9])([\.,]) -> "\1 \2 "
	b := sc.b[:0]
	for i := 0; i < len(a); {
		if i+1 < len(a) && !isDigit(a[i]) && (a[i+1] == '.' || a[i+1] == ',') {
			b = append(b, a[i], ' ', a[i+1], ' ')
			i += 2
			continue
		}
		b = append(b, a[i])
		i++
	}
	// ([\.,])([^0-9]) -> " \1 \2"
	a = a[:0]
	for i := 0; i < len(b); {
		if i+1 < len(b) && (b[i] == '.' || b[i] == ',') && !isDigit(b[i+1]) {
			a = append(a, ' ', b[i], ' ', b[i+1])
			i += 2
			continue
		}
		a = append(a, b[i])
		i++
	}
	// ([0-9])(-) -> "\1 \2 "
	b = b[:0]
	for i := 0; i < len(a); {
		if i+1 < len(a) && isDigit(a[i]) && a[i+1] == '-' {
			b = append(b, a[i], ' ', a[i+1], ' ')
			i += 2
			continue
		}
		b = append(b, a[i])
		i++
	}
	sc.a, sc.b = a, b
	return string(b)
}

// tokenIDs splits a tokenized line on Python whitespace and appends the segment-local id of
// every token to sc.ids. ok is false when the segment has too many distinct tokens to pack.
func (sc *bleuScratch) tokenIDs(s string, p *poller) (n int, ok bool, err error) {
	i := 0
	for i < len(s) {
		// skip whitespace
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if !asciiPySpace[c] {
					break
				}
				i++
				continue
			}
			r, w := utf8.DecodeRuneInString(s[i:])
			if !pyIsSpace(r) {
				break
			}
			i += w
		}
		if i == len(s) {
			break
		}
		start := i
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if asciiPySpace[c] {
					break
				}
				i++
				continue
			}
			r, w := utf8.DecodeRuneInString(s[i:])
			if pyIsSpace(r) {
				break
			}
			i += w
		}
		tok := s[start:i]
		id, seen := sc.vocab[tok]
		if !seen {
			id = uint32(len(sc.vocab) + 1)
			if id >= 1<<bleuIDBits {
				return 0, false, nil
			}
			sc.vocab[tok] = id
		}
		sc.ids = append(sc.ids, id)
		n++
		if err := p.tick(i - start + 1); err != nil {
			return 0, false, err
		}
	}
	return n, true, nil
}

// sideIDs tokenizes one side and appends the ids of its tokens to sc.ids. It returns the
// number of tokens; ok is false when the segment has too many distinct tokens to pack.
func (m BLEU) sideIDs(sc *bleuScratch, s string, p *poller) (int, bool, error) {
	if m.Lowercase {
		s = pyLower(s)
	}
	s = pyRstrip(s)
	var tok string
	if m.Tokenizer == "" || m.Tokenizer == Tok13a {
		tok = sc.tokenize13a(s)
	} else {
		tok = m.Tokenizer.Tokenize(s)
	}
	if err := p.tick(len(tok)); err != nil {
		return 0, false, err
	}
	return sc.tokenIDs(tok, p)
}

// fastStats is BLEU.Stats on packed token ids; ok is false when the segment does not fit the
// packing (then the string-keyed statsMap gives the same statistics).
func (m BLEU) fastStats(sc *bleuScratch, hyp string, refs []string, p *poller) ([]float64, bool, error) {
	n := m.order()
	if n > bleuMaxOrder {
		return nil, false, nil
	}
	clear(sc.vocab)
	sc.ids, sc.ends = sc.ids[:0], sc.ends[:0]
	hypLen, ok, err := m.sideIDs(sc, hyp, p)
	if !ok || err != nil {
		return nil, ok, err
	}
	sc.ends = append(sc.ends, len(sc.ids))
	refLens := make([]int, 0, len(refs))
	for _, r := range refs {
		l, ok, err := m.sideIDs(sc, r, p)
		if !ok || err != nil {
			return nil, ok, err
		}
		refLens = append(refLens, l)
		sc.ends = append(sc.ends, len(sc.ids))
	}
	stats := make([]float64, 2+2*n)
	stats[0] = float64(hypLen)
	stats[1] = float64(closestRefLen(hypLen, refLens))
	for o := 0; o < n; o++ {
		if sc.hyp, err = packedNgrams(sc.hyp, sc.ids[:sc.ends[0]], o+1, bleuIDBits, p); err != nil {
			return nil, false, err
		}
		// distinct hypothesis n-grams (runs) with their counts
		runs, cnt := sc.runs[:0], sc.hcnt[:0]
		for _, k := range sc.hyp {
			if l := len(runs); l > 0 && runs[l-1] == k {
				cnt[l-1]++
				continue
			}
			runs = append(runs, k)
			cnt = append(cnt, 1)
		}
		best := sc.best[:0]
		for range runs {
			best = append(best, 0)
		}
		sc.runs, sc.hcnt, sc.best = runs, cnt, best
		// the largest count of each hypothesis n-gram over the references
		for r := range refs {
			if sc.ref, err = packedNgrams(sc.ref, sc.ids[sc.ends[r]:sc.ends[r+1]], o+1, bleuIDBits, p); err != nil {
				return nil, false, err
			}
			rk := sc.ref
			j := 0
			for h, k := range runs {
				for j < len(rk) && rk[j] < k {
					j++
				}
				c := int32(0)
				for j < len(rk) && rk[j] == k {
					c++
					j++
				}
				best[h] = max(best[h], c)
			}
		}
		correct := 0
		for h, c := range cnt {
			correct += int(min(c, best[h]))
		}
		stats[2+o] = float64(correct)
		stats[2+n+o] = float64(len(sc.hyp))
	}
	return stats, true, nil
}

// asciiPySpace is pyIsSpace for ASCII bytes: \t \n \v \f \r, space and U+001C–U+001F.
var asciiPySpace = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = pyIsSpace(rune(c))
	}
	return t
}()
