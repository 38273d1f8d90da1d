package report

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// EmptyReferenceError reports a segment whose references are all empty or white space only.
// sacreBLEU scores such a segment (BLEU and chrF 0, TER 100 unless the hypothesis is empty
// too), but a segment without any reference text is almost always a misaligned or truncated
// file, so bitext refuses it and names the place instead of scoring it.
type EmptyReferenceError struct {
	Segment int // 0-based
	// Places name the empty references in their files ("ref.txt:2", "ref.md: segment 2"),
	// when the files are known (Assemble); nil otherwise.
	Places []string
}

func (e *EmptyReferenceError) Error() string {
	if len(e.Places) == 0 {
		return fmt.Sprintf("segment %d: every reference is empty", e.Segment+1)
	}
	what := "empty reference"
	if len(e.Places) > 1 {
		what = "every reference of the segment is empty"
	}
	return fmt.Sprintf("%s: %s (white space only counts as empty); a segment needs a reference to be scored",
		strings.Join(e.Places, ", "), what)
}

// blankRef reports whether a reference counts as empty: nothing but white space, which
// sacreBLEU's command line strips from the end of every line it reads.
func blankRef(s string) bool { return pyRstrip(s) == "" }

// SegmentRefs regroups reference streams (refs[k][i]: stream k, segment i, sacreBLEU's layout)
// by segment, in stream order. An empty (or white-space-only) reference among others is kept,
// as sacreBLEU keeps it: it counts in nrefs, its length 0 can be BLEU's closest reference
// length, it can be chrF's best reference (the first one wins a tie of F-scores) and it
// lowers TER's average reference length. A segment whose references are all empty is an
// *EmptyReferenceError; one no stream reaches is a *LineCountError. SegmentRefs also returns the nrefs value of the signature: the common
// number of references, or "var" when it varies (a stream shorter than n).
func SegmentRefs(n int, refs [][]string) ([][]string, string, error) {
	out := make([][]string, n)
	counts := map[int]bool{}
	for i := 0; i < n; i++ {
		text := false
		for _, stream := range refs {
			if i < len(stream) {
				out[i] = append(out[i], stream[i])
				text = text || !blankRef(stream[i])
			}
		}
		if len(out[i]) == 0 {
			// No stream reaches this far: the references are too few, not empty.
			longest := 0
			for _, stream := range refs {
				longest = max(longest, len(stream))
			}
			return nil, "", &LineCountError{What: "the longest reference stream", Got: longest, Want: n, First: "the hypotheses"}
		}
		if !text {
			return nil, "", &EmptyReferenceError{Segment: i}
		}
		counts[len(out[i])] = true
	}
	nrefs := strconv.Itoa(len(refs))
	if len(counts) > 1 {
		nrefs = "var"
	} else {
		for c := range counts {
			nrefs = strconv.Itoa(c)
		}
	}
	return out, nrefs, nil
}

// firstRef is the reference a segment's word diff is shown against: the first one with text
// (an empty reference among several is scored, but a diff against it says nothing).
func firstRef(refs []string) string {
	for _, r := range refs {
		if !blankRef(r) {
			return r
		}
	}
	if len(refs) > 0 {
		return refs[0]
	}
	return ""
}

// Stats computes every segment's sufficient statistics. segRefs is indexed by segment.
func Stats(m Metric, hyps []string, segRefs [][]string) [][]float64 {
	out := make([][]float64, len(hyps))
	for i, h := range hyps {
		out[i] = m.Stats(h, segRefs[i])
	}
	return out
}

// Sum adds up segment statistics.
func Sum(stats [][]float64) []float64 {
	if len(stats) == 0 {
		return nil
	}
	total := make([]float64, len(stats[0]))
	for _, s := range stats {
		sumStats(total, s)
	}
	return total
}

// CorpusScore scores hypotheses against reference streams (refs[k][i]) from summed
// statistics, with the signature for bitext version v.
func CorpusScore(m Metric, hyps []string, refs [][]string, v string) (Score, error) {
	return CorpusScoreContext(context.Background(), m, hyps, refs, v)
}

// CorpusScoreContext is CorpusScore in one streaming pass (segment statistics are summed and
// dropped), stopping when ctx is cancelled with an error for which errors.Is(err, ctx.Err())
// holds.
func CorpusScoreContext(ctx context.Context, m Metric, hyps []string, refs [][]string, v string) (Score, error) {
	if err := checkMetric(m); err != nil {
		return Score{}, err
	}
	segRefs, nrefs, err := SegmentRefs(len(hyps), refs)
	if err != nil {
		return Score{}, err
	}
	p := newPoller(ctx)
	stats := statserFor(m)
	var total []float64
	for i, h := range hyps {
		st, err := stats(p, h, segRefs[i])
		if err != nil {
			return Score{}, cancelled(err)
		}
		if total == nil {
			total = make([]float64, len(st))
		}
		sumStats(total, st)
		if err := p.tick(len(h) + 64); err != nil {
			return Score{}, cancelled(err)
		}
	}
	return scoreFromStats(m, total, nrefs, v), nil
}

func scoreFromStats(m Metric, total []float64, nrefs, v string) Score {
	s := Score{Name: m.Name(), Signature: m.Signature(nrefs, v)}
	if total == nil {
		return s
	}
	if b, ok := m.(BLEU); ok {
		r := b.Compute(total)
		s.Score, s.Verbose = r.Score, r.Verbose()
		return s
	}
	s.Score = m.Score(total)
	return s
}

// SentenceScore scores one hypothesis against its references, as sacreBLEU's sentence_score
// does: empty references included; 0 without any reference.
func SentenceScore(m Metric, hyp string, refs []string) float64 {
	if len(refs) == 0 {
		return 0
	}
	return m.Score(m.Stats(hyp, refs))
}
