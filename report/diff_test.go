package report

import (
	"fmt"
	"github.com/rivo/uniseg"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/internal/cputime"
)

// reconstruct rebuilds both sides of a diff.
func reconstruct(spans []DiffSpan) (oldText, newText string) {
	var a, b strings.Builder
	for _, s := range spans {
		switch s.Op {
		case Equal:
			a.WriteString(s.Text)
			b.WriteString(s.Text)
		case Delete:
			a.WriteString(s.Text)
		case Insert:
			b.WriteString(s.Text)
		case Replace:
			a.WriteString(s.Old)
			b.WriteString(s.Text)
		}
	}
	return a.String(), b.String()
}

// noSpace removes white space and keeps every other byte as it is, until no white space is
// left. strings.Map turned each invalid byte into U+FFFD, so "\xcf \xa50" compared unequal to
// its diff's old side "\xcf\xa50", where the new text's spacing joins the bytes into "ϥ"; and
// a join can make white space (U+0085 of "\xc2 \x85"), hence the repeat.
func noSpace(s string) string {
	for {
		var b strings.Builder
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				b.WriteString(s[i : i+n])
			}
			i += n
		}
		if b.Len() == len(s) {
			return s
		}
		s = b.String()
	}
}

func TestWordDiff(t *testing.T) {
	tests := []struct {
		old, new, want string
	}{
		{"The dog bit the man.", "The dog bit the man.", "The dog bit the man."},
		{"The dog bit the man.", "The cat bit the man.", "The [-dog-]{+cat+} bit the man."},
		{"the big dog", "a small dog", "[-the big-]{+a small+} dog"},
		{"It was not unexpected.", "It wasn't surprising.", "It [-was not unexpected-]{+wasn't surprising+}."},
		{"Hello world", "Hello brave new world", "Hello {+brave new+} world"},
		{"Hello brave new world", "Hello world", "Hello[- brave new-] world"},
		{"", "new text", "{+new text+}"},
		{"old text", "", "[-old text-]"},
		{"<script>alert(1)</script>", "<b>x</b>", "<[-script-]{+b+}>[-alert(1)-]{+x+}</[-script-]{+b+}>"},
	}
	for _, tt := range tests {
		spans := WordDiff(tt.old, tt.new)
		if got := WdiffString(spans); got != tt.want {
			t.Errorf("WordDiff(%q, %q) = %q, want %q", tt.old, tt.new, got, tt.want)
		}
		if a, b := reconstruct(spans); noSpace(a) != noSpace(tt.old) || b != tt.new {
			t.Errorf("reconstructed %q / %q", a, b)
		}
	}
}

func TestWordDiffCharacterRefinement(t *testing.T) {
	spans := WordDiff("Obama und Netanyahu", "Obama und Netanjahu")
	var rep *DiffSpan
	for i := range spans {
		if spans[i].Op == Replace {
			rep = &spans[i]
		}
	}
	if rep == nil || rep.Old != "Netanyahu" || rep.Text != "Netanjahu" {
		t.Fatalf("spans = %+v", spans)
	}
	if len(rep.Chars) == 0 {
		t.Fatalf("no character diff for a one-letter change: %+v", rep)
	}
	var del, ins string
	for _, c := range rep.Chars {
		switch c.Op {
		case Delete:
			del += c.Text
		case Insert:
			ins += c.Text
		}
	}
	if del != "y" || ins != "j" {
		t.Errorf("char diff deletes %q inserts %q, want y → j", del, ins)
	}
	// unrelated words get no character diff
	for _, s := range WordDiff("a dog barked", "a cat barked") {
		if s.Op == Replace && s.Chars != nil {
			t.Errorf("dog → cat refined to characters: %+v", s)
		}
	}
}

func FuzzWordDiff(f *testing.F) {
	f.Add("The dog bit the man.", "The cat bit a man!")
	f.Add("Netanyahu", "Netanjahu")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		spans := WordDiff(a, b)
		// the new text comes back exactly, the old one up to whitespace (equal stretches
		// are shown with the new text's spacing)
		if ga, gb := reconstruct(spans); noSpace(ga) != noSpace(a) || gb != b {
			t.Fatalf("WordDiff(%q, %q) reconstructs %q / %q", a, b, ga, gb)
		}
	})
}

// texts builds two 10,000-word texts where about 30 % of the words differ.
func diffBenchTexts() (string, string) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := make([]string, 2000)
	for i := range words {
		words[i] = fmt.Sprintf("w%d", i)
	}
	a := make([]string, 10000)
	b := make([]string, 0, 10000)
	for i := range a {
		a[i] = words[rng.IntN(len(words))]
	}
	for _, w := range a {
		switch x := rng.Float64(); {
		case x < 0.10: // substitution
			b = append(b, words[rng.IntN(len(words))])
		case x < 0.20: // deletion
		case x < 0.30: // insertion
			b = append(b, w, words[rng.IntN(len(words))])
		default:
			b = append(b, w)
		}
	}
	return strings.Join(a, " "), strings.Join(b, " ")
}

func BenchmarkWordDiff10k(b *testing.B) {
	x, y := diffBenchTexts()
	b.ResetTimer()
	cpu0 := cputime.Used()
	for b.Loop() {
		WordDiff(x, y)
	}
	b.ReportMetric(float64((cputime.Used()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/diff")
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/diff")
}

// TestCoarseDiffOfLongSegments checks the fallback for segments too long to diff word by word:
// the common beginning and end stay equal, the middle is one replacement, both texts can be
// rebuilt from the spans (up to spacing), and BuildContext says so in Report.Notices.
func TestCoarseDiffOfLongSegments(t *testing.T) {
	_, ref, hyp := newsCorpus(t, 2000)
	head, tail := "Breaking news from Brussels:", "That was the news."
	oldText := head + " " + longLine(ref, 40_000) + " " + tail
	newText := head + " " + longLine(hyp, 40_000) + " " + tail
	spans, full, err := wordDiff(nil, oldText, newText)
	if err != nil || full {
		t.Fatalf("full = %v, err = %v; want the coarse diff", full, err)
	}
	if len(spans) != 3 || spans[0].Op != Equal || spans[1].Op != Replace || spans[2].Op != Equal {
		ops := make([]string, len(spans))
		for i, s := range spans {
			ops[i] = s.Op.String()
		}
		t.Fatalf("spans %v, want equal, replace, equal", ops)
	}
	if !strings.HasPrefix(spans[0].Text, head) || !strings.HasSuffix(spans[2].Text, tail) {
		t.Errorf("common beginning %q…, end …%q", spans[0].Text[:20], spans[2].Text)
	}
	a, b := reconstruct(spans)
	if noSpace(a) != noSpace(oldText) || noSpace(b) != noSpace(newText) {
		t.Error("the spans do not rebuild the texts")
	}
	rep, err := Build(Input{References: [][]string{{oldText}}, Systems: []System{{Name: "mt", Hypotheses: []string{newText}}}},
		Options{Metrics: []Metric{BLEU{}}, Details: DetailsWorst})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Notices) != 1 || !strings.Contains(rep.Notices[0], "mt, segment 1: the word diff only marks the differing middle") {
		t.Errorf("notices %q", rep.Notices)
	}
}

func TestCountDiffTokens(t *testing.T) {
	for _, s := range []string{"", " ", " \t\n", "a", " a ", "The U.S.  said, \"no\".\n", "Grüße aus Köln…", "a\u00a0b\u2003 c", "\xff\xfe x"} {
		if got, want := countDiffTokens(s), len(diffTokens(s)); got != want {
			t.Errorf("countDiffTokens(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestDiffKeepsGraphemeClusters: a diff never cuts a grapheme cluster apart — an emoji
// sequence joined by U+200D, a flag, a Devanagari vowel sign or a combining accent with its
// letter — in the word diff nor in the characters of a replaced word; and a zero-width space
// is shown, so that its insertion is no empty <ins>.
func TestDiffKeepsGraphemeClusters(t *testing.T) {
	for _, tc := range []struct{ old, new string }{
		{"Die Familie 👨‍👩‍👧 kam.", "Die Familie 👨‍👩‍👦 kam."},
		{"Flagge 🇩🇪 und 🇫🇷", "Flagge 🇩🇪 und 🇮🇹"},
		{"नमस्ते दुनिया", "नमस्ता दुनिया"},
		{"Cafe\u0301 au lait", "Cafe\u0300 au lait"},
	} {
		spans := WordDiff(tc.old, tc.new)
		var pieces []string
		for _, s := range spans {
			pieces = append(pieces, s.Old, s.Text)
			for _, c := range s.Chars {
				pieces = append(pieces, c.Text)
			}
		}
		for _, p := range pieces {
			if p == "" {
				continue
			}
			for _, whole := range []string{tc.old, tc.new} {
				// every piece must start and end on a cluster boundary of the text it is from
				if i := strings.Index(whole, p); i >= 0 && !clusterBoundary(whole, i) || i >= 0 && !clusterBoundary(whole, i+len(p)) {
					t.Errorf("%q → %q: piece %q cuts a grapheme cluster", tc.old, tc.new, p)
				}
			}
		}
	}
	if got := string(diffHTML(WordDiff("Ein Wort", "Ein\u200b Wort"))); !strings.Contains(got, "U+200B") && !strings.Contains(got, "200B") {
		t.Errorf("an inserted zero-width space is not shown: %s", got)
	}
}

// clusterBoundary reports whether byte i of s is at a grapheme cluster boundary.
func clusterBoundary(s string, i int) bool {
	at := 0
	state := -1
	for at < i {
		var c string
		c, _, _, state = uniseg.FirstGraphemeClusterInString(s[at:], state)
		at += len(c)
	}
	return at == i
}
