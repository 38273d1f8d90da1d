package segment

import (
	"bufio"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUDPairs evaluates sentence splitting on Universal Dependencies treebanks' dev or train
// splits (never a test split: those are held aside for evaluation). SEGMENT_UD names one or more
// .conllu files (separated by the OS path-list separator, ":" on Unix), or "fixtures" for every
// dev and train file in $BITEXT_FIXTURES/ud. The treebanks are not in the repository (licence,
// size); fetch e.g. UD_German-GSD and run
//
//	SEGMENT_UD=path/de_gsd-ud-dev.conllu:path/de_gsd-ud-train.conllu go test ./segment -run TestUDPairs -v
//
// Three measures per file:
//   - pairs: each pair of consecutive sentences, joined with a space, must split into exactly
//     those two sentences (a pair fails on a missed boundary and on any spurious split);
//   - running text: all sentences joined by a space, boundary precision, recall and F1;
//   - shuffled: the same with the sentences in a fixed random order. The GSD train and test
//     splits hold single sentences from unrelated web pages, Wikipedia articles and reviews in
//     random order (the dev split keeps whole documents), so a sentence is as often followed by
//     one that starts with an ordinary noun or name as by a typical sentence opener; this is the
//     dev split read the way the other splits are written.
//
// SEGMENT_UD_SHOW=1 logs every wrong pair.
func TestUDPairs(t *testing.T) {
	env := os.Getenv("SEGMENT_UD")
	if env == "" {
		t.Skip("SEGMENT_UD not set")
	}
	var paths []string
	if env == "fixtures" {
		dir := os.Getenv("BITEXT_FIXTURES")
		if dir == "" {
			t.Skip("SEGMENT_UD=fixtures needs BITEXT_FIXTURES")
		}
		paths, _ = filepath.Glob(filepath.Join(dir, "ud", "*.conllu"))
	} else {
		paths = filepath.SplitList(env)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) { udEval(t, path) })
	}
}

func udEval(t *testing.T, path string) {
	if strings.Contains(filepath.Base(path), "-test.") {
		t.Fatal("UD test splits are held aside: use dev or train")
	}
	lang := "de"
	if strings.HasPrefix(filepath.Base(path), "en_") {
		lang = "en"
	}
	sents, parStart := readUDText(t, path)
	if len(sents) < 2 {
		// An empty file is what a checkout without Git LFS (or a mirror that leaves large
		// files out) has in place of the treebank.
		t.Skipf("%s holds %d sentences: not a treebank (a Git LFS pointer or an empty placeholder?)", path, len(sents))
	}
	show := os.Getenv("SEGMENT_UD_SHOW") != ""
	missed, spurious, ok := 0, 0, 0
	for i := 0; i+1 < len(sents); i++ {
		a, b := sents[i], sents[i+1]
		spans := SplitSentences(a+" "+b, lang)
		boundary := false
		for _, s := range spans {
			if s.End == len(a) {
				boundary = true
			}
		}
		extra := len(spans) - 2
		if !boundary {
			extra = len(spans) - 1
		}
		switch {
		case boundary && extra == 0:
			ok++
		case !boundary:
			missed++
			if show {
				t.Logf("missed:   %s ‖ %s", a, b)
			}
		default:
			spurious++
			if show {
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
	shuffled := append([]string(nil), sents...)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	bp, br, bf = udBoundaryF1(shuffled, nil, lang)
	t.Logf("shuffled (sentences in a fixed random order, joined by a space): boundary precision %.2f, recall %.2f, F1 %.2f", 100*bp, 100*br, 100*bf)
}

// readUDText returns the sentences of a .conllu file (its "# text =" lines) and whether each
// starts a paragraph or document (# newpar, # newdoc).
func readUDText(t *testing.T, path string) (sents []string, parStart []bool) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
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
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return sents, parStart
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
