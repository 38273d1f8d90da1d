package report

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"unicode"

	"golang.org/x/sync/errgroup"

	"github.com/bitext/bitext/qa"
)

// Flag kinds raised by the QA checks: qa's kinds, so a report, check and review name a finding
// alike. Glossary findings carry qa's glossary kinds (qa.Missing, qa.Forbidden,
// qa.Inconsistent; see qa.IsGlossary).
const (
	FlagEmpty        = qa.Empty        // no output for a non-empty source
	FlagRepeated     = qa.Repeated     // same output as another segment, or a stuttering loop
	FlagUntranslated = qa.Untranslated // output reads as German (a copy of the source or not)
	FlagNumber       = qa.Number       // numbers, dates or times that did not survive
	FlagLength       = qa.Length       // length ratio far from the rest of the document

	// FlagGlossary was the one kind of every glossary flag. Report no longer raises it:
	// glossary flags keep their real kind (qa.IsGlossary). Kept for callers that skip it.
	FlagGlossary = "glossary"
)

// Flag is one finding on a segment: bitext's one violation type, so a report's JSON and HTML
// carry the term, the renderings and their offsets as check and review do. QA flags have a
// Message and no span; glossary flags have their term, expected and found renderings, spans,
// and a Message describing them for readers of Kind and Message alone.
type Flag = qa.Violation

// QAOptions configures the reference-free checks.
type QAOptions struct {
	// Glossary checks one segment pair against a term list (GlossaryQA adapts the glossary
	// package, returning qa.FromGlossary's violations); nil skips glossary checks. Offsets
	// are into source and target; the segment's place is filled in by the report.
	Glossary func(source, target string) []Flag
	// MinRatio and MaxRatio bound the target/source character ratio (defaults 0.5 and 2.0).
	MinRatio, MaxRatio float64
}

// CheckQA runs every reference-free check over line-aligned sources and targets (sources may
// be nil when unknown: then only the target-only checks run) and returns the flags of each
// segment.
func CheckQA(sources, targets []string, opt QAOptions) [][]Flag {
	flags, _ := checkQA(nil, sources, targets, opt)
	return flags
}

// CheckQAContext is CheckQA that stops when ctx is cancelled, with an error for which
// errors.Is(err, ctx.Err()) holds.
func CheckQAContext(ctx context.Context, sources, targets []string, opt QAOptions) ([][]Flag, error) {
	flags, err := checkQA(newPoller(ctx), sources, targets, opt)
	if err != nil {
		return nil, cancelled(err)
	}
	return flags, nil
}

func checkQA(p *poller, sources, targets []string, opt QAOptions) ([][]Flag, error) {
	flags := make([][]Flag, len(targets))
	// Each segment's checks are its own: chunks of segments go to every core (a review of
	// 100,000 pairs waits for this pass before it serves anything). Each worker polls the
	// context through its own poller; the first error stops the others at their next chunk.
	const chunk = 512
	var next atomic.Int64
	var g errgroup.Group
	for range min(runtime.GOMAXPROCS(0), (len(targets)+chunk-1)/chunk) {
		wp := p.fork()
		g.Go(func() error {
			for {
				from := int(next.Add(chunk)) - chunk
				if from >= len(targets) {
					return nil
				}
				for i := from; i < min(from+chunk, len(targets)); i++ {
					var src string
					if sources != nil {
						src = sources[i]
					}
					fs, err := checkSegment(wp, src, targets[i], opt)
					if err != nil {
						next.Store(int64(len(targets))) // the others stop at their next chunk
						return err
					}
					flags[i] = fs
				}
			}
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if err := p.check(); err != nil {
		return nil, err
	}
	repeatedOutputs(sources, targets, flags)
	if err := p.check(); err != nil {
		return nil, err
	}
	if sources != nil {
		lengthOutliers(sources, targets, flags, opt)
	}
	for i, fs := range flags {
		place(fs, qa.Location{Segment: i + 1})
	}
	return flags, p.check()
}

// checkSegment runs the checks of one segment: those of the target alone, and with a source
// those of the pair and the glossary's.
func checkSegment(p *poller, s, t string, opt QAOptions) ([]Flag, error) {
	// A few passes over the segment per check: one poll per check keeps even a
	// megabyte-long segment well under a second between polls.
	if err := p.tick(len(t) + 64); err != nil {
		return nil, err
	}
	flags, err := checkTarget(p, t)
	if err != nil || s == "" {
		return flags, err
	}
	if err := p.tick(len(s) + len(t)); err != nil {
		return nil, err
	}
	fs, err := checkPair(p, s, t)
	if err != nil {
		return nil, err
	}
	flags = append(flags, fs...)
	if opt.Glossary != nil && strings.TrimSpace(t) != "" {
		if err := p.tick(len(s) + len(t)); err != nil {
			return nil, err
		}
		flags = append(flags, opt.Glossary(s, t)...)
	}
	return flags, nil
}

// newFlag is a QA flag with no span; its place is filled in by checkQA.
func newFlag(kind, message string) Flag { return qa.NewFlag(kind, message, qa.Location{}) }

// place fills in where the flags fs are: the document, segment and label of loc where a flag
// has none. A side whose span is empty (a Flag{Kind, Message} literal leaves all offsets 0)
// gets qa.NoSpan, so JSON readers and highlighting see no span rather than one at byte 0.
func place(fs []Flag, loc qa.Location) {
	for i := range fs {
		f := &fs[i]
		if f.Document == "" {
			f.Document = loc.Document
		}
		if f.Segment == 0 {
			f.Segment = loc.Segment
		}
		if f.Label == "" {
			f.Label = loc.Label
		}
		if f.SourceEnd <= f.SourceStart {
			f.SourceStart, f.SourceEnd = qa.NoSpan, qa.NoSpan
		}
		if f.TargetEnd <= f.TargetStart {
			f.TargetStart, f.TargetEnd = qa.NoSpan, qa.NoSpan
		}
	}
}

// checkTarget looks at the output alone: empty, stuttering.
func checkTarget(p *poller, t string) ([]Flag, error) {
	if strings.TrimSpace(t) == "" {
		return []Flag{newFlag(FlagEmpty, "empty output")}, nil
	}
	loop, err := stutter(p, strings.Fields(strings.ToLower(t)))
	if err != nil {
		return nil, err
	}
	if loop != "" {
		return []Flag{newFlag(FlagRepeated, fmt.Sprintf("%q repeated 3 or more times in a row", loop))}, nil
	}
	return nil, nil
}

// doubledEnding finds the words an output ends with twice in a row ("… in the side panel. side
// panel."), a common MT error: the last n ≥ 2 words, compared without case and punctuation,
// equal the n before them. It returns them as written the second time, or "".
func doubledEnding(t string) string {
	fields := strings.Fields(t)
	words := make([]string, len(fields))
	for i, f := range fields {
		words[i] = strings.ToLower(strings.TrimFunc(f, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }))
	}
	for n := 2; 2*n <= len(words); n++ {
		end := words[len(words)-n:]
		if slices.Equal(end, words[len(words)-2*n:len(words)-n]) && hasLetter(strings.Join(end, "")) {
			return strings.Join(fields[len(fields)-n:], " ")
		}
	}
	return ""
}

// stutter finds an n-gram (n ≤ 4) repeated at least three times in a row, the typical loop of
// a degenerate MT output. It compares words in place (no joined strings), so it costs a few
// comparisons per word.
func stutter(p *poller, words []string) (string, error) {
	for n := 1; n <= 4; n++ {
		for i := 0; i+3*n <= len(words); i++ {
			if err := p.tick(n); err != nil {
				return "", err
			}
			if !slices.Equal(words[i:i+n], words[i+n:i+2*n]) || !slices.Equal(words[i:i+n], words[i+2*n:i+3*n]) {
				continue
			}
			a := strings.Join(words[i:i+n], " ")
			if n == 1 && !hasLetter(a) {
				continue // "- - -" or "* * *" are typography, not a loop
			}
			return a, nil
		}
	}
	return "", nil
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// checkPair runs the checks that need the source: untranslated output and numbers.
func checkPair(p *poller, s, t string) ([]Flag, error) {
	var out []Flag
	if strings.TrimSpace(t) == "" {
		return nil, nil
	}
	if reason := untranslated(s, t); reason != "" {
		out = append(out, newFlag(FlagUntranslated, reason))
	}
	// A doubled ending the source has too is the text's own ("Klicken, klicken." aside, rare).
	if end := doubledEnding(t); end != "" && doubledEnding(s) == "" {
		out = append(out, newFlag(FlagRepeated, fmt.Sprintf("%q repeated at the end", end)))
	}
	if err := p.tick(len(s) + len(t)); err != nil {
		return nil, err
	}
	missing, extra, err := numberMismatch(p, s, t)
	if err != nil {
		return nil, err
	}
	if len(missing) > 0 || len(extra) > 0 {
		var parts []string
		if len(missing) > 0 {
			parts = append(parts, "not in the translation: "+strings.Join(missing, ", "))
		}
		if len(extra) > 0 {
			parts = append(parts, "not in the source: "+strings.Join(extra, ", "))
		}
		out = append(out, newFlag(FlagNumber, strings.Join(parts, "; ")))
	}
	return out, nil
}

// repeatedOutputs flags outputs identical to an earlier segment's output whose source differs
// (or, without sources, any identical multi-word output).
func repeatedOutputs(sources, targets []string, flags [][]Flag) {
	first := map[string]int{}
	for i, t := range targets {
		k := norm(t)
		if len(strings.Fields(k)) < 3 {
			continue // short outputs ("Yes.", a name) legitimately repeat
		}
		j, seen := first[k]
		if !seen {
			first[k] = i
			continue
		}
		if sources != nil && norm(sources[i]) == norm(sources[j]) {
			continue // same source, same translation: consistent, not repeated
		}
		flags[i] = append(flags[i], newFlag(FlagRepeated, fmt.Sprintf("same output as segment %d", j+1)))
	}
}

// lengthOutliers flags segments whose target/source character ratio is outside fixed bounds,
// or (with 20 or more segments) far from the document's median by a robust z-score.
func lengthOutliers(sources, targets []string, flags [][]Flag, opt QAOptions) {
	lo, hi := opt.MinRatio, opt.MaxRatio
	if lo == 0 {
		lo = 0.5
	}
	if hi == 0 {
		hi = 2.0
	}
	type seg struct {
		i     int
		ratio float64
	}
	var segs []seg
	for i := range targets {
		r, ok := qa.LengthRatio(sources[i], targets[i])
		if !ok {
			continue // too short to judge; empty outputs are flagged on their own
		}
		segs = append(segs, seg{i, r})
	}
	var med, mad float64
	if len(segs) >= 20 {
		logs := make([]float64, len(segs))
		for k, s := range segs {
			logs[k] = math.Log(s.ratio)
		}
		med = median(logs)
		dev := make([]float64, len(logs))
		for k, l := range logs {
			dev[k] = math.Abs(l - med)
		}
		mad = median(dev)
		if mad == 0 { // more than half the ratios are equal: fall back to the mean deviation
			sum := 0.0
			for _, d := range dev {
				sum += d
			}
			mad = 1.253314 * sum / float64(len(dev)) * 0.6745
		}
	}
	for _, s := range segs {
		out := s.ratio < lo || s.ratio > hi
		if mad > 0 && math.Abs(0.6745*(math.Log(s.ratio)-med)/mad) > 3.5 {
			out = true
		}
		if out {
			flags[s.i] = append(flags[s.i], newFlag(FlagLength, fmt.Sprintf("length ratio %.2f (target/source characters)", s.ratio)))
		}
	}
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
