package report

import (
	"fmt"
	"math"
	"strings"
	"sync"
)

// Smoothing names a BLEU smoothing method (Chen & Cherry 2014), spelled as in sacreBLEU.
type Smoothing string

// Smoothing methods.
const (
	SmoothExp   Smoothing = "exp"   // NIST geometric sequence smoothing (mteval-v13a), default
	SmoothFloor Smoothing = "floor" // zero counts replaced by a floor (default 0.1)
	SmoothAddK  Smoothing = "add-k" // k added to counts and totals of orders > 1 (default 1)
	SmoothNone  Smoothing = "none"
)

// ParseSmoothing checks a smoothing name ("" means exp).
func ParseSmoothing(name string) (Smoothing, error) {
	switch s := Smoothing(name); s {
	case "":
		return SmoothExp, nil
	case SmoothExp, SmoothFloor, SmoothAddK, SmoothNone:
		return s, nil
	}
	return "", fmt.Errorf("unknown smoothing %q (want exp, floor, add-k or none)", name)
}

// CheckValue checks a smoothing value given for method s. Only floor and add-k take one, and
// for both it must be a finite number above 0: sacreBLEU documents floor as needing "a small
// positive value" (0.1 in Chen & Cherry's paper) and add-k as adding k to the counts of
// orders above 1 (1 in the paper). sacreBLEU itself does not check: a negative k makes counts
// negative (its log then fails; here BLEU was NaN), 0 is no smoothing (--smooth none says so),
// and NaN or infinity make every score NaN.
func (s Smoothing) CheckValue(v float64) error {
	if s == "" {
		s = SmoothExp
	}
	if _, ok := s.defaultValue(); !ok {
		return fmt.Errorf("only floor and add-k smoothing take a value, not %s", s)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 {
		return fmt.Errorf("%s smoothing needs a finite value above 0, not %v", s, v)
	}
	return nil
}

// defaultValue returns sacreBLEU's default value for methods that take one.
func (s Smoothing) defaultValue() (float64, bool) {
	switch s {
	case SmoothFloor:
		return 0.1, true
	case SmoothAddK:
		return 1, true
	}
	return 0, false
}

// BLEU is corpus or sentence BLEU with sacreBLEU's options. The zero value is sacreBLEU's
// default: 13a tokenizer, mixed case, exp smoothing, max order 4, no effective order.
type BLEU struct {
	Tokenizer      Tokenizer
	Lowercase      bool // sacreBLEU's -lc, which applies to BLEU only
	Smooth         Smoothing
	SmoothValue    *float64 // nil: the method's default
	MaxOrder       int      // 0 means 4
	EffectiveOrder bool     // recommended for sentence-level BLEU
}

const bleuMaxOrder = 4

func (m BLEU) order() int {
	if m.MaxOrder > 0 {
		return m.MaxOrder
	}
	return bleuMaxOrder
}

// Name implements Metric.
func (m BLEU) Name() string { return "BLEU" }

// HigherIsBetter implements Metric.
func (m BLEU) HigherIsBetter() bool { return true }

// Signature implements Metric.
func (m BLEU) Signature(nrefs, version string) string {
	smooth := m.Smooth
	if smooth == "" {
		smooth = SmoothExp
	}
	smoothStr := string(smooth)
	if def, ok := smooth.defaultValue(); ok {
		v := def
		if m.SmoothValue != nil {
			v = *m.SmoothValue
		}
		smoothStr += fmt.Sprintf("[%.2f]", v)
	}
	tok := m.Tokenizer
	if tok == "" {
		tok = Tok13a
	}
	return signature("BLEU", nrefs, []string{
		"case:" + caseName(m.Lowercase),
		"eff:" + yesNo(m.EffectiveOrder),
		"tok:" + string(tok),
		"smooth:" + smoothStr,
	}, version)
}

func caseName(lower bool) string {
	if lower {
		return "lc"
	}
	return "mixed"
}

// tokens is BLEU._preprocess_segment followed by the split into tokens: optional lowercasing,
// then the tokenizer on the right-stripped line.
func (m BLEU) tokens(s string) []string {
	if m.Lowercase {
		s = pyLower(s)
	}
	return pyFields(m.Tokenizer.Tokenize(pyRstrip(s)))
}

// ngramCounts counts all n-grams of orders 1..maxOrder. Keys are the n-gram's tokens joined
// by single spaces (tokens never contain whitespace, so this is as unique as Python's tuples).
func ngramCounts(tokens []string, maxOrder int, p *poller) (map[string]int, error) {
	joined := strings.Join(tokens, " ")
	// start[i] is the byte offset of token i in joined.
	start := make([]int, len(tokens)+1)
	off := 0
	for i, t := range tokens {
		start[i] = off
		off += len(t) + 1
	}
	start[len(tokens)] = off
	counts := make(map[string]int, len(tokens)*maxOrder)
	for n := 1; n <= maxOrder; n++ {
		for i := 0; i+n <= len(tokens); i++ {
			counts[joined[start[i]:start[i+n]-1]]++
			if err := p.tick(4); err != nil {
				return nil, err
			}
		}
	}
	return counts, nil
}

var bleuScratchPool = sync.Pool{New: func() any { return newBLEUScratch() }}

// Stats implements Metric: [hyp_len, ref_len, correct_1..N, total_1..N], the reference length
// being the closest to the hypothesis length (the shorter one on ties), and the reference
// n-gram counts being the maximum over the references.
func (m BLEU) Stats(hyp string, refs []string) []float64 {
	sc := bleuScratchPool.Get().(*bleuScratch)
	defer bleuScratchPool.Put(sc)
	st, _ := m.statsContext(nil, sc, hyp, refs)
	return st
}

// statsContext is Stats with the caller's scratch buffers, stopping when p's context is
// cancelled.
func (m BLEU) statsContext(p *poller, sc *bleuScratch, hyp string, refs []string) ([]float64, error) {
	st, ok, err := m.fastStats(sc, hyp, refs, p)
	if ok || err != nil {
		return st, err
	}
	return m.mapStats(hyp, refs, p)
}

// mapStats is the direct transcription of sacreBLEU, with n-grams counted as strings.
func (m BLEU) mapStats(hyp string, refs []string, p *poller) ([]float64, error) {
	n := m.order()
	var refCounts map[string]int
	refLens := make([]int, 0, len(refs))
	for i, r := range refs {
		toks := m.tokens(r)
		refLens = append(refLens, len(toks))
		c, err := ngramCounts(toks, n, p)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			refCounts = c
			continue
		}
		for k, v := range c {
			if v > refCounts[k] {
				refCounts[k] = v
			}
		}
	}
	htoks := m.tokens(hyp)
	hypLen := len(htoks)
	refLen := closestRefLen(hypLen, refLens)
	stats := make([]float64, 2+2*n)
	stats[0] = float64(hypLen)
	stats[1] = float64(refLen)
	hc, err := ngramCounts(htoks, n, p)
	if err != nil {
		return nil, err
	}
	for k, c := range hc {
		order := strings.Count(k, " ") // n-gram order minus one
		stats[2+n+order] += float64(c)
		if rc, ok := refCounts[k]; ok {
			stats[2+order] += float64(min(c, rc))
		}
	}
	return stats, nil
}

func closestRefLen(hypLen int, refLens []int) int {
	closestDiff, closestLen := -1, -1
	for _, l := range refLens {
		d := l - hypLen
		if d < 0 {
			d = -d
		}
		if closestDiff == -1 || d < closestDiff {
			closestDiff, closestLen = d, l
		} else if d == closestDiff && l < closestLen {
			closestLen = l
		}
	}
	return closestLen
}

// Score implements Metric.
func (m BLEU) Score(stats []float64) float64 { return m.Compute(stats).Score }

// BLEUResult is a BLEU score with its parts, as sacreBLEU's BLEUScore.
type BLEUResult struct {
	Score      float64
	Counts     []float64
	Totals     []float64
	Precisions []float64
	BP         float64
	SysLen     float64
	RefLen     float64
}

// Verbose is sacreBLEU's "54.4/26.6/14.9/8.7 (BP = 1.000 ratio = 1.026 hyp_len = … ref_len = …)".
func (r BLEUResult) Verbose() string {
	ps := make([]string, len(r.Precisions))
	for i, p := range r.Precisions {
		ps[i] = fmt.Sprintf("%.1f", p)
	}
	ratio := 0.0
	if r.RefLen != 0 {
		ratio = r.SysLen / r.RefLen
	}
	return fmt.Sprintf("%s (BP = %.3f ratio = %.3f hyp_len = %d ref_len = %d)",
		strings.Join(ps, "/"), r.BP, ratio, int(r.SysLen), int(r.RefLen))
}

// smoothing is the smoothing method (exp when none is set) and its value (the method's
// default unless SmoothValue is set).
func (m BLEU) smoothing() (Smoothing, float64) {
	smooth := m.Smooth
	if smooth == "" {
		smooth = SmoothExp
	}
	v, _ := smooth.defaultValue()
	if m.SmoothValue != nil {
		v = *m.SmoothValue
	}
	return smooth, v
}

// Compute is sacreBLEU's BLEU.compute_bleu on summed statistics.
func (m BLEU) Compute(stats []float64) BLEUResult {
	n := m.order()
	smooth, smoothValue := m.smoothing()
	sysLen, refLen := stats[0], stats[1]
	correct := append([]float64(nil), stats[2:2+n]...)
	total := append([]float64(nil), stats[2+n:2+2*n]...)
	res := BLEUResult{Counts: correct, Totals: total, SysLen: sysLen, RefLen: refLen, Precisions: make([]float64, n)}

	if sysLen < refLen {
		if sysLen > 0 {
			res.BP = math.Exp(1 - refLen/sysLen)
		}
	} else {
		res.BP = 1
	}
	anyCorrect := false
	for _, c := range correct {
		if c != 0 {
			anyCorrect = true
		}
	}
	if !anyCorrect { // sacreBLEU #141: no matches at all is 0 whatever the smoothing
		return res
	}
	smoothMteval := 1.0
	effOrder := n
	for i := 1; i <= n; i++ {
		if smooth == SmoothAddK && i > 1 {
			correct[i-1] += smoothValue
			total[i-1] += smoothValue
		}
		if total[i-1] == 0 {
			break
		}
		if m.EffectiveOrder {
			effOrder = i
		}
		if correct[i-1] == 0 {
			switch smooth {
			case SmoothExp:
				smoothMteval *= 2
				res.Precisions[i-1] = 100 / (smoothMteval * total[i-1])
			case SmoothFloor:
				res.Precisions[i-1] = 100 * smoothValue / total[i-1]
			}
		} else {
			res.Precisions[i-1] = 100 * correct[i-1] / total[i-1]
		}
	}
	sum := 0.0
	for _, p := range res.Precisions[:effOrder] {
		sum += myLog(p)
	}
	res.Score = res.BP * math.Exp(sum/float64(effOrder))
	return res
}

// myLog is sacreBLEU's utils.my_log: log with log(0) = -9999999999.
func myLog(x float64) float64 {
	if x == 0 {
		return -9999999999
	}
	return math.Log(x)
}
