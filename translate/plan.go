package translate

import (
	"context"
	"iter"
	"strings"

	"github.com/bitext/bitext/segment"
)

// Estimate is what a run would send, computed without sending anything.
type Estimate struct {
	Documents  int
	Segments   int
	TMHits     int
	Repeats    int // segments identical to an earlier one of the run: answered by its request
	Misses     int // segments the provider would be asked for
	Characters int // source characters of the misses
	Tokens     int // estimated input tokens of the requests, context included
	Requests   int // requests at the provider's batch limits, before retries and repairs
	Terms      int // glossary term occurrences found
	// TermsFound counts the occurrences of each glossary entry found (keyed by Term.Entry).
	TermsFound map[string]int
}

// Plan reads the documents, looks them up in the memory and cuts the misses into batches
// exactly as Run would, without sending anything. It holds a piece of one document at a time
// (a few hundred segments), besides the documents the iterator holds.
func (t *Translator) Plan(ctx context.Context, docs iter.Seq2[*segment.Document, error]) (Estimate, error) {
	return t.plan(ctx, wholeDocs(docs))
}

// PlanInputs is Plan for documents read block by block: memory stays bounded whatever the size
// of a document.
func (t *Translator) PlanInputs(ctx context.Context, ins iter.Seq2[Input, error]) (Estimate, error) {
	return t.plan(ctx, inputs(ins))
}

func (t *Translator) plan(ctx context.Context, srcs iter.Seq2[source, error]) (Estimate, error) {
	est := Estimate{TermsFound: map[string]int{}}
	tl := &tally{}
	count := func(b *batch) error {
		if b == nil {
			return nil
		}
		est.Requests++
		est.Characters += b.chars
		est.Tokens += b.tokens
		return nil
	}
	keep := func(j *job) error {
		if j.final {
			est.Documents++
		}
		for i := range j.units {
			for _, e := range j.units[i].entries {
				est.TermsFound[e]++
			}
		}
		return nil
	}
	if err := t.read(ctx, srcs, tl, &repeats{}, true, keep, keep, count); err != nil {
		return est, err
	}
	s := tl.snapshot()
	est.Segments, est.TMHits, est.Repeats = s.Segments, s.TMHits, s.Repeats
	est.Misses = s.Segments - s.TMHits - s.Repeats
	for _, n := range est.TermsFound {
		est.Terms += n
	}
	return est, nil
}

// String is a one-line plan: "12 segments, 3 TM hits, 9 to translate: 1,204 characters, ~530
// tokens, 1 request; 4 glossary terms found".
func (e Estimate) String() string {
	var b strings.Builder
	b.WriteString(plural(e.Documents, "document") + ", " + plural(e.Segments, "segment") + ", " +
		plural(e.TMHits, "TM hit") + ", ")
	if e.Repeats > 0 {
		b.WriteString(itoa(e.Repeats) + " repeated, ")
	}
	b.WriteString(itoa(e.Misses) + " to translate: " +
		plural(e.Characters, "character") + ", ~" + plural(e.Tokens, "token") + ", " + plural(e.Requests, "request"))
	if len(e.TermsFound) > 0 {
		b.WriteString("; " + plural(e.Terms, "glossary term") + " found (" + plural(len(e.TermsFound), "distinct term") + ")")
	}
	return b.String()
}

func plural(n int, word string) string { return Count(n, word) }

// Count is n and word, plural unless n is 1 ("retry" → "retries"), n with thousands separators:
// how the plan and the run's summary count things, alike.
func Count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") {
		return itoa(n) + " " + strings.TrimSuffix(word, "y") + "ies"
	}
	return itoa(n) + " " + word + "s"
}

// Thousands is n with thousands separators (3,952).
func Thousands(n int) string { return itoa(n) }

// itoa formats with thousands separators for readability.
func itoa(n int) string {
	s := []byte{}
	neg := n < 0
	if neg {
		n = -n
	}
	digits := 0
	for {
		if digits > 0 && digits%3 == 0 {
			s = append(s, ',')
		}
		s = append(s, byte('0'+n%10))
		digits++
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		s = append(s, '-')
	}
	for i, k := 0, len(s)-1; i < k; i, k = i+1, k-1 {
		s[i], s[k] = s[k], s[i]
	}
	return string(s)
}
