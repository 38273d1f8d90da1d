package segment

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestUDPairs evaluates sentence splitting on a Universal Dependencies treebank's dev or train
// split (never a test split: those are held aside for evaluation), when SEGMENT_UD names a
// .conllu file. Each pair of consecutive sentences is joined with a space and must split into
// exactly those two sentences: a pair fails on a missed boundary and on any spurious split
// inside either sentence. The treebanks are not in the repository (licence, size); fetch e.g.
// UD_German-GSD and run
//
//	SEGMENT_UD=path/de_gsd-ud-dev.conllu go test ./segment -run TestUDPairs -v
func TestUDPairs(t *testing.T) {
	path := os.Getenv("SEGMENT_UD")
	if path == "" {
		t.Skip("SEGMENT_UD not set")
	}
	if strings.Contains(path, "-test.") {
		t.Fatal("UD test splits are held aside: use dev or train")
	}
	lang := "de"
	if strings.Contains(path, "/en_") || strings.HasPrefix(path, "en_") {
		lang = "en"
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sents []string
	var parStart []bool // the sentence starts a paragraph or document (# newpar, # newdoc)
	newPar := false
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "# newpar") || strings.HasPrefix(line, "# newdoc") {
			newPar = true
		}
		if s, ok := strings.CutPrefix(line, "# text = "); ok {
			sents = append(sents, strings.TrimSpace(s))
			parStart = append(parStart, newPar)
			newPar = false
		}
	}
	missed, spurious, ok := 0, 0, 0
	for i := 0; i+1 < len(sents); i++ {
		a, b := sents[i], sents[i+1]
		spans := SplitSentences(a+" "+b, lang)
		boundary := false
		extra := 0
		for _, s := range spans {
			switch {
			case s.End == len(a) || s.Start == len(a)+1:
				if s.End == len(a) {
					boundary = true
				}
			}
		}
		extra = len(spans) - 2
		if !boundary {
			extra = len(spans) - 1
		}
		switch {
		case boundary && extra == 0:
			ok++
		case !boundary:
			missed++
			if os.Getenv("SEGMENT_UD_SHOW") != "" {
				t.Logf("missed:   %s ‖ %s", a, b)
			}
		default:
			spurious++
			if os.Getenv("SEGMENT_UD_SHOW") != "" {
				t.Logf("spurious: %s ‖ %s  →  %v", a, b, spanTexts(spans))
			}
		}
	}
	n := len(sents) - 1
	t.Logf("%d pairs: %d right (%.2f%%), %d missed boundaries, %d with a spurious split", n, ok, 100*float64(ok)/float64(n), missed, spurious)
	bp, br, bf := udBoundaryF1(sents, nil, lang)
	t.Logf("running text (sentences joined by a space): boundary precision %.2f, recall %.2f, F1 %.2f", 100*bp, 100*br, 100*bf)
	bp, br, bf = udBoundaryF1(sents, parStart, lang)
	t.Logf("text with the treebank's paragraphs on lines of their own: boundary precision %.2f, recall %.2f, F1 %.2f", 100*bp, 100*br, 100*bf)
}

// udBoundaryF1 joins the sentences into one text, with a space between sentences or, where
// parStart says a paragraph begins, a line break, and scores the sentence boundaries
// SplitSentences finds in it against the treebank's.
func udBoundaryF1(sents []string, parStart []bool, lang string) (p, r, f float64) {
	var b strings.Builder
	gold := make(map[int]bool, len(sents))
	for i, s := range sents {
		if i > 0 {
			gold[b.Len()] = true // the end of the previous sentence
			if parStart != nil && parStart[i] {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s)
	}
	text := b.String()
	tp, fp := 0, 0
	spans := SplitSentences(text, lang)
	for _, s := range spans[:max(len(spans)-1, 0)] {
		if gold[s.End] {
			tp++
		} else {
			fp++
		}
	}
	fn := len(gold) - tp
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func spanTexts(spans []Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = s.Text
	}
	return out
}
