package report

import (
	"strings"
)

// TER is the translation edit rate (Snover et al. 2006) as sacreBLEU computes it: Tercom's
// shift heuristics over a beam-limited edit distance. The zero value is sacreBLEU's default:
// case-insensitive, no normalization, punctuation kept.
type TER struct {
	CaseSensitive bool
	Normalized    bool // Tercom's Western normalization and tokenization
	NoPunct       bool // remove . , ? : ; ! " ( )
}

// Name implements Metric.
func (m TER) Name() string { return "TER" }

// HigherIsBetter implements Metric: TER is an error rate.
func (m TER) HigherIsBetter() bool { return false }

// Signature implements Metric.
func (m TER) Signature(nrefs, version string) string {
	c := "lc"
	if m.CaseSensitive {
		c = "mixed"
	}
	return signature("TER", nrefs, []string{
		"case:" + c,
		"tok:tercom",
		"norm:" + yesNo(m.Normalized),
		"punct:" + yesNo(!m.NoPunct),
		"asian:no",
	}, version)
}

// Tokenize is sacreBLEU's TercomTokenizer applied to a right-stripped line.
func (m TER) Tokenize(sent string) string {
	sent = pyRstrip(sent)
	if sent == "" {
		return ""
	}
	if !m.CaseSensitive {
		sent = pyLower(sent)
	}
	if m.Normalized {
		sent = normalizeWestern(sent)
	}
	if m.NoPunct {
		sent = strings.Map(func(r rune) rune {
			if strings.ContainsRune(`.,?:;!"()`, r) {
				return -1
			}
			return r
		}, sent)
	}
	return pyJoinFields(sent)
}

// normalizeWestern is Tercom's general and Western normalization (sacreBLEU's
// _normalize_general_and_western).
func normalizeWestern(sent string) string {
	sent = strings.ReplaceAll(sent, "\n-", "")
	sent = strings.ReplaceAll(sent, "\n", " ")
	sent = strings.ReplaceAll(sent, "&quot;", `"`)
	sent = strings.ReplaceAll(sent, "&amp;", "&")
	sent = strings.ReplaceAll(sent, "&lt;", "<")
	sent = strings.ReplaceAll(sent, "&gt;", ">")
	s := " " + sent + " "
	s = spacePunct13a(s)
	// possessives; "'s$" cannot match because the line was padded with a space
	s = strings.ReplaceAll(s, "'s ", " 's ")
	s = subPairs(s, func(a, c byte) bool { return !isDigit(a) && (c == '.' || c == ',') }, pairSpaceAfterBoth)
	s = subPairs(s, func(a, c byte) bool { return (a == '.' || a == ',') && !isDigit(c) }, pairSpaceBeforeBoth)
	s = subPairs(s, func(a, c byte) bool { return isDigit(a) && c == '-' }, pairSpaceAfterBoth)
	return s
}

// Stats implements Metric: [fewest edits over the references, average reference length].
func (m TER) Stats(hyp string, refs []string) []float64 {
	st, _ := m.statsContext(nil, hyp, refs)
	return st
}

// statsContext is Stats that stops when p's context is cancelled.
func (m TER) statsContext(p *poller, hyp string, refs []string) ([]float64, error) {
	dict := map[string]int32{}
	ids := func(s string) []int32 {
		var out []int32
		pyEachField(m.Tokenize(s), func(w string) {
			id, ok := dict[w]
			if !ok {
				id = int32(len(dict))
				dict[w] = id
			}
			out = append(out, id)
		})
		return out
	}
	h := ids(hyp)
	if err := p.tick(len(hyp)); err != nil {
		return nil, err
	}
	best := -1
	refLens := 0
	for _, r := range refs {
		rids := ids(r)
		if err := p.tick(len(r)); err != nil {
			return nil, err
		}
		edits, n, err := translationEditRate(h, rids, p)
		if err != nil {
			return nil, err
		}
		refLens += n
		if best < 0 || edits < best {
			best = edits
		}
	}
	return []float64{float64(best), float64(refLens) / float64(len(refs))}, nil
}

// Score implements Metric, on a 0–100 scale.
func (m TER) Score(stats []float64) float64 {
	edits, refLen := stats[0], stats[1]
	switch {
	case refLen > 0:
		return 100 * (edits / refLen) // sacreBLEU: score = edits / ref length; 100 * score
	case edits > 0:
		return 100 // empty reference, non-empty hypothesis
	}
	return 0
}
