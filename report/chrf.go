package report

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// CHRF is chrF / chrF++ (Popović 2015, 2017) with sacreBLEU 2.x's options. The zero value is
// not useful; use NewCHRF or NewCHRFPlusPlus for sacreBLEU's defaults.
type CHRF struct {
	CharOrder    int  // character n-gram order (6)
	WordOrder    int  // word n-gram order: 0 for chrF, 2 for chrF++
	Beta         int  // recall weight (2)
	Lowercase    bool // case-insensitive (sacreBLEU's --chrf-lowercase; its -lc only lowercases BLEU)
	Whitespace   bool // keep whitespace in character n-grams (sacreBLEU: off)
	EpsSmoothing bool // chrF++.py/NLTK/Moses epsilon smoothing instead of effective order (off)
}

// NewCHRF returns chrF2 with sacreBLEU's defaults.
func NewCHRF() CHRF { return CHRF{CharOrder: 6, WordOrder: 0, Beta: 2} }

// NewCHRFPlusPlus returns chrF2++ (word order 2) with sacreBLEU's defaults.
func NewCHRFPlusPlus() CHRF { return CHRF{CharOrder: 6, WordOrder: 2, Beta: 2} }

// Name implements Metric: chrF<beta> followed by one '+' per word order.
func (m CHRF) Name() string {
	return "chrF" + strconv.Itoa(m.Beta) + strings.Repeat("+", m.WordOrder)
}

// HigherIsBetter implements Metric.
func (m CHRF) HigherIsBetter() bool { return true }

// Signature implements Metric.
func (m CHRF) Signature(nrefs, version string) string {
	return signature(m.Name(), nrefs, []string{
		"case:" + caseName(m.Lowercase),
		"eff:" + yesNo(!m.EpsSmoothing),
		"nc:" + strconv.Itoa(m.CharOrder),
		"nw:" + strconv.Itoa(m.WordOrder),
		"space:" + yesNo(m.Whitespace),
	}, version)
}

// charNgrams counts the character n-grams of orders 1..order. Keys are substrings of s, so
// counting allocates no strings.
func charNgrams(s string, order int, whitespace bool, p *poller) ([]map[string]int, error) {
	if !whitespace {
		s = strings.Join(pyFields(s), "")
	}
	// offsets of every code point, plus the end
	offs := make([]int, 0, len(s)+1)
	for i := range s {
		offs = append(offs, i)
	}
	nchars := len(offs)
	offs = append(offs, len(s))
	out := make([]map[string]int, order)
	for n := 1; n <= order; n++ {
		m := make(map[string]int, max(nchars-n+1, 0))
		for i := 0; i+n <= nchars; i++ {
			m[s[offs[i]:offs[i+n]]]++
			if err := p.tick(1); err != nil {
				return nil, err
			}
		}
		out[n-1] = m
	}
	return out, nil
}

// wordNgrams counts word n-grams of exactly order n, keys joined with single spaces.
func wordNgrams(words []string, n int) map[string]int {
	m := make(map[string]int, max(len(words)-n+1, 0))
	for i := 0; i+n <= len(words); i++ {
		m[strings.Join(words[i:i+n], " ")]++
	}
	return m
}

// chrfPuncts is Python's string.punctuation, which chrF++ splits off word edges.
const chrfPuncts = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// removePunctuation is sacreBLEU's CHRF._remove_punctuation: one punctuation character is
// split off the end of a word, or else off its start (so "(hi)" becomes "(hi" and ")").
func removePunctuation(sent string) []string {
	var out []string
	chrfWords(sent, func(w string) { out = append(out, w) })
	return out
}

// chrfWords calls f with each word of removePunctuation in turn, without holding them.
func chrfWords(sent string, f func(string)) {
	pyEachField(sent, func(w string) {
		if utf8.RuneCountInString(w) == 1 {
			f(w)
			return
		}
		last := w[len(w)-1]
		first := w[0]
		switch {
		case strings.IndexByte(chrfPuncts, last) >= 0 && last < utf8.RuneSelf:
			f(w[:len(w)-1])
			f(w[len(w)-1:])
		case strings.IndexByte(chrfPuncts, first) >= 0 && first < utf8.RuneSelf:
			f(w[:1])
			f(w[1:])
		default:
			f(w)
		}
	})
}

func (m CHRF) ngrams(s string, p *poller) ([]map[string]int, error) {
	if m.Lowercase {
		s = pyLower(s)
	}
	all, err := charNgrams(s, m.CharOrder, m.Whitespace, p)
	if err != nil {
		return nil, err
	}
	if m.WordOrder > 0 {
		words := removePunctuation(s)
		for n := 1; n <= m.WordOrder; n++ {
			all = append(all, wordNgrams(words, n))
			if err := p.tick(len(words)); err != nil {
				return nil, err
			}
		}
	}
	return all, nil
}

// Stats implements Metric: for every order (characters first, then words) the triple
// [hyp n-grams, ref n-grams, matches], taken from the reference with the best F-score.
func (m CHRF) Stats(hyp string, refs []string) []float64 {
	st, _ := m.statsContext(nil, hyp, refs)
	return st
}

// statsContext is Stats that stops when p's context is cancelled.
func (m CHRF) statsContext(p *poller, hyp string, refs []string) ([]float64, error) {
	st, ok, err := m.fastStats(hyp, refs, p)
	if ok || err != nil {
		return st, err
	}
	return m.mapStats(hyp, refs, p)
}

// mapStats counts n-grams as substrings in maps: the direct transcription of sacreBLEU.
func (m CHRF) mapStats(hyp string, refs []string, p *poller) ([]float64, error) {
	h, err := m.ngrams(hyp, p)
	if err != nil {
		return nil, err
	}
	var best []float64
	bestF := -1.0
	for _, ref := range refs {
		r, err := m.ngrams(ref, p)
		if err != nil {
			return nil, err
		}
		stats := make([]float64, 0, 3*len(h))
		for i := range h {
			hypCount, match, refCount := 0, 0, 0
			for ng, c := range h[i] {
				hypCount += c
				if rc, ok := r[i][ng]; ok {
					match += min(c, rc)
				}
			}
			for _, c := range r[i] {
				refCount += c
			}
			if len(r[i]) == 0 { // no hits are counted when the reference has no n-grams
				hypCount = 0
			}
			stats = append(stats, float64(hypCount), float64(refCount), float64(match))
		}
		if f := m.Score(stats); f > bestF {
			bestF, best = f, stats
		}
	}
	return best, nil
}

// Score implements Metric (sacreBLEU's CHRF._compute_f_score), on a 0–100 scale.
func (m CHRF) Score(stats []float64) float64 {
	const eps = 1e-16
	factor := float64(m.Beta * m.Beta)
	order := m.CharOrder + m.WordOrder
	score, avgPrec, avgRec := 0.0, 0.0, 0.0
	effOrder := 0
	for i := 0; i < order; i++ {
		nHyp, nRef, nMatch := stats[3*i], stats[3*i+1], stats[3*i+2]
		prec, rec := eps, eps
		if nHyp > 0 {
			prec = nMatch / nHyp
		}
		if nRef > 0 {
			rec = nMatch / nRef
		}
		if denom := factor*prec + rec; denom > 0 {
			score += (1 + factor) * prec * rec / denom
		} else {
			score += eps
		}
		if nHyp > 0 && nRef > 0 {
			avgPrec += prec
			avgRec += rec
			effOrder++
		}
	}
	if m.EpsSmoothing {
		return 100 * score / float64(order)
	}
	if effOrder == 0 {
		return 0
	}
	avgPrec /= float64(effOrder)
	avgRec /= float64(effOrder)
	if avgPrec+avgRec == 0 {
		return 0
	}
	f := (1 + factor) * avgPrec * avgRec
	f /= factor*avgPrec + avgRec
	return 100 * f
}
