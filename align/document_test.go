package align

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
)

func TestReadDocument(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		ro       ReadOptions
		sents    int
		breaks   []int
		para     []int
		sen      []int
		err      string
	}{
		{"presplit paragraphs", "Eins.\nZwei.\n\nDrei.\n", ReadOptions{Presplit: true}, 3, []int{2}, []int{1, 1, 2}, []int{1, 2, 1}, ""},
		{"article", "Erster Satz. Zweiter Satz.\n\nDritter Satz.\n", ReadOptions{Format: "text"}, 3, []int{2}, []int{1, 1, 2}, []int{1, 2, 1}, ""},
		{"empty", "\n\n", ReadOptions{Presplit: true}, 0, nil, nil, nil, "doc.txt: no sentences to align"},
		{"binary", "a\x00b\n", ReadOptions{Presplit: true}, 0, nil, nil, nil, "doc.txt:1: NUL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ReadDocument(context.Background(), strings.NewReader(tc.in), "doc.txt", "de", tc.ro)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Sentences) != tc.sents || !equalInts(d.Breaks, tc.breaks) || !equalInts(d.Para, tc.para) || !equalInts(d.Sen, tc.sen) {
				t.Errorf("got %q breaks %v para %v sen %v", d.Sentences, d.Breaks, d.Para, d.Sen)
			}
		})
	}
	if _, err := ReadDocument(context.Background(), strings.NewReader(""), "e", "de", ReadOptions{Presplit: true}); !errors.Is(err, ErrNoSentences) {
		t.Errorf("empty document: %v, want ErrNoSentences", err)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestReadMT(t *testing.T) {
	doc := &Document{Name: "src.txt", Sentences: []string{"a", "b", "c"}}
	for _, tc := range []struct {
		name, in, want, err string
	}{
		{"one per line", "A\nB\nC\n", "A|B|C", ""},
		{"blank is an empty translation", "A\n\nC\n", "A||C", ""},
		{"paragraph breaks skipped", "A\nB\n\nC\n", "A|B|C", ""},
		{"too short", "A\nB\n", "", "mt.txt: 2 lines (2 not blank), but src.txt has 3 sentences"},
		{"bad UTF-8", "A\n\xff\nC\n", "", "mt.txt:2: invalid UTF-8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mt, err := ReadMT(context.Background(), strings.NewReader(tc.in), "mt.txt", doc)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(mt, "|"); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func FuzzReadMT(f *testing.F) {
	f.Add("A\n\nC\n", 3)
	f.Add("\uFEFFx\r\ny", 2)
	f.Fuzz(func(t *testing.T, in string, n int) {
		if n < 0 || n > 1000 {
			return
		}
		doc := &Document{Name: "d", Sentences: make([]string, n)}
		mt, err := ReadMT(context.Background(), strings.NewReader(in), "mt", doc)
		if err == nil && len(mt) != n {
			t.Fatalf("%d lines for %d sentences", len(mt), n)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "mt") {
			t.Fatalf("error without the file's name: %v", err)
		}
	})
}

func TestPairsAndFilter(t *testing.T) {
	src := &Document{Name: "a.de", Sentences: []string{"Eins.", "Zwei.", "Drei."}, Breaks: []int{2}}
	tgt := &Document{Sentences: []string{"One. Two.", "Three.", "Extra."}}
	beads := []Bead{{Src: []int{0, 1}, Tgt: []int{0}, Confidence: 0.91234}, {Src: []int{2}, Tgt: []int{1}, Confidence: 0.4}, {Tgt: []int{2}, Confidence: 0.7}}
	got := Pairs(src, tgt, beads)
	want := []corpus.Pair{
		{Doc: "a.de", Paragraph: 1, Sentence: 1, Source: "Eins. Zwei.", Target: "One. Two.", Confidence: 0.912},
		{Doc: "a.de", Paragraph: 2, Sentence: 1, Source: "Drei.", Target: "Three.", Confidence: 0.4},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for k := range want {
		if got[k].Doc != want[k].Doc || got[k].Paragraph != want[k].Paragraph || got[k].Sentence != want[k].Sentence ||
			got[k].Source != want[k].Source || got[k].Target != want[k].Target || got[k].Confidence != want[k].Confidence {
			t.Errorf("pair %d: got %+v, want %+v", k, got[k], want[k])
		}
	}
	if f := FilterConfidence(beads, 0, 0.8); len(f) != 2 || f[0].Confidence != 0.4 {
		t.Errorf("FilterConfidence(0, 0.8) = %v", f)
	}
	var sb strings.Builder
	if err := WriteText(&sb, src, tgt, beads); err != nil {
		t.Fatal(err)
	}
	if want := "Eins. ~~~ Zwei.\tOne. Two.\t0.91\t[0, 1]:[0]\nDrei.\tThree.\t0.40\t[2]:[1]\n\tExtra.\t0.70\t[]:[2]\n"; sb.String() != want {
		t.Errorf("WriteText:\n%q\nwant\n%q", sb.String(), want)
	}
}

// TestRoundConfRoundsDown: the pair formats' three-decimal confidence never exceeds the bead's,
// so a filter on the written value keeps no pair --min-confidence dropped.
func TestRoundConfRoundsDown(t *testing.T) {
	for _, tc := range []struct{ in, want float64 }{
		{0.9596, 0.959}, {0.96, 0.96}, {0.29, 0.29}, {0.9999, 0.999}, {1, 1}, {0, 0}, {0.0004, 0},
	} {
		if got := roundConf(tc.in); got != tc.want {
			t.Errorf("roundConf(%v) = %v, want %v", tc.in, got, tc.want)
		}
		if got := roundConf(tc.in); got > tc.in {
			t.Errorf("roundConf(%v) = %v, above the confidence", tc.in, got)
		}
	}
}
