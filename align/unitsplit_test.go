package align

import (
	"context"
	"errors"
	"io"
	"slices"
	"testing"

	"github.com/bitext/bitext/corpus"
)

type pairList struct {
	pairs []corpus.Pair
	next  int
}

func (l *pairList) Next() (corpus.Pair, error) {
	if l.next >= len(l.pairs) {
		return corpus.Pair{}, io.EOF
	}
	l.next++
	return l.pairs[l.next-1], nil
}

func (l *pairList) Skipped() int { return 7 }

// TestSentencePairs: a unit of several sentences is followed by its sentence pairs when they
// align one to one with confidence; a unit with codes, with another number of sentences on each
// side, or whose sentences the aligner does not vouch for stays whole. The sentences of the
// units below are bitext's answers of the kind a fake provider gives (EN(…), the source's
// words), and a pair of the tram article translated by hand in the wrong order.
func TestSentencePairs(t *testing.T) {
	const (
		de1, de2, de3 = "Der Rat der Stadt tagte am Montag im Rathaus.", "Die Sitzung wurde nach drei Stunden vertagt.", "Eine Entscheidung über den Haushalt fällt erst im Dezember."
	)
	en := func(s string) string { return "EN(" + s + ")" }
	tests := []struct {
		name string
		in   corpus.Pair
		want []string // the sources of the sentence pairs after the unit
	}{
		{"three sentences", corpus.Pair{ID: "u1", Source: de1 + " " + de2 + " " + de3, Target: en(de1) + " " + en(de2) + " " + en(de3)}, []string{de1, de2, de3}},
		{"one sentence", corpus.Pair{Source: de1, Target: en(de1)}, nil},
		{"counts differ", corpus.Pair{Source: de1 + " " + de2, Target: en("Der Rat der Stadt tagte am Montag im Rathaus, die Sitzung wurde nach drei Stunden vertagt.")}, nil},
		{"codes", corpus.Pair{Source: de1 + " " + de2, Target: en(de1) + " " + en(de2), SourceTagged: "<g1>" + de1 + "</g1> " + de2, TargetTagged: "<g1>" + en(de1) + "</g1> " + en(de2)}, nil},
		{"unrelated", corpus.Pair{Source: de1 + " " + de2, Target: "Bananas are a yellow fruit. The sky is blue today."}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := SentencePairs(context.Background(), &pairList{pairs: []corpus.Pair{tc.in}}, Options{})
			first, err := r.Next()
			if err != nil || first.Source != tc.in.Source {
				t.Fatalf("first pair %+v, %v; want the unit", first, err)
			}
			var got []string
			for {
				p, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				if p.Sentence != len(got)+1 || p.Target != en(p.Source) || p.Confidence < SplitMinConfidence {
					t.Errorf("sentence pair %+v", p)
				}
				if tc.in.ID != "" && p.ID != tc.in.ID+"#"+string(rune('0'+p.Sentence)) {
					t.Errorf("id %q", p.ID)
				}
				got = append(got, p.Source)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("sentence pairs %q, want %q", got, tc.want)
			}
			if units, n := r.Split(); units != min(len(tc.want), 1) || n != len(tc.want) {
				t.Errorf("Split() = %d, %d", units, n)
			}
			if r.Skipped() != 7 {
				t.Errorf("Skipped() = %d, want the reader's 7", r.Skipped())
			}
		})
	}
	var none *SentenceReader
	if u, n := none.Split(); u != 0 || n != 0 {
		t.Errorf("nil reader: Split() = %d, %d", u, n)
	}
}

// TestSentencePairsCancelled: a cancelled import stops in the aligner with ctx's error.
func TestSentencePairsCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := SentencePairs(ctx, &pairList{pairs: []corpus.Pair{{Source: "Der Rat tagt. Es regnet.", Target: "EN(Der Rat tagt.) EN(Es regnet.)"}}}, Options{})
	if _, err := r.Next(); !errors.Is(err, context.Canceled) {
		t.Errorf("Next() = %v, want context.Canceled", err)
	}
}
