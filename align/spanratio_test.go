package align

import (
	"context"
	"fmt"
	"math"
	"testing"
)

func TestOrderedChain(t *testing.T) {
	for _, tc := range []struct {
		pairs []point // sorted by i, then j
		want  string
	}{
		{nil, "[]"},
		{[]point{{0, 0}}, "[{0 0}]"},
		{[]point{{0, 0}, {1, 1}, {2, 2}}, "[{0 0} {1 1} {2 2}]"},
		// A pair out of order (a word the other side has elsewhere) is left out.
		{[]point{{0, 0}, {1, 9}, {2, 2}, {3, 3}}, "[{0 0} {2 2} {3 3}]"},
		// Two pairs of one source sentence never chain with each other.
		{[]point{{0, 0}, {0, 1}, {0, 2}}, "[{0 0}]"},
		{[]point{{0, 5}, {1, 0}, {1, 6}, {2, 1}, {3, 2}}, "[{1 0} {2 1} {3 2}]"},
	} {
		if got := fmt.Sprint(orderedChain(tc.pairs)); got != tc.want && !(tc.want == "[]" && got == "[]") {
			t.Errorf("orderedChain(%v) = %s, want %s", tc.pairs, got, tc.want)
		}
	}
}

// TestAnchorSpanRatio: the ratio of the stretch the anchors span replaces the totals' only when
// the two stand far apart.
func TestAnchorSpanRatio(t *testing.T) {
	src := []string{"Der Gipfel Piola misst 3100 Meter.", "Am Kingspitz lag Schnee.", "Die Hütte Forno war 1957 voll.",
		"Der Weg über Zocca ist lang.", "Im Bergell regnete es.", "Die Fahrt nach Maloja dauerte.", "Ende."}
	tgt := []string{"The Piola summit is 3100 metres high.", "There was snow on the Kingspitz.", "The Forno hut was full in 1957.",
		"The path over Zocca is long.", "It rained in the Bergell.", "The drive to Maloja took long.", "The end."}
	lens := func(ss []string) []float64 { return charLens(ss) }
	st := &stopper{ctx: context.Background()}
	if r, _ := anchorSpanRatio(newAnchorSides(st, src, tgt), lens(src), lens(tgt)); r != 0 {
		t.Errorf("a whole translation: ratio %v, want 0 (the totals')", r)
	}
	// The English with as much again appended that shares no anchor: the anchored stretch's
	// ratio (about the sentences' own) instead of the totals' (about twice it).
	long := append([]string(nil), tgt...)
	for k := range 12 {
		long = append(long, fmt.Sprintf("An unrelated sentence about something else entirely, number %c.", 'a'+k))
	}
	r, _ := anchorSpanRatio(newAnchorSides(st, src, long), lens(src), lens(long))
	var sx, sy float64
	for _, x := range lens(src[:6]) {
		sx += x
	}
	for _, y := range lens(tgt[:6]) {
		sy += y
	}
	if math.Abs(r-sy/sx) > 1e-9 {
		t.Errorf("appended passage: ratio %v, want %v (sentences 0-5 of both)", r, sy/sx)
	}
	// Too few anchors: nothing measured.
	if r, _ := anchorSpanRatio(newAnchorSides(st, src[:3], long), lens(src[:3]), lens(long)); r != 0 {
		t.Errorf("three anchored sentences: ratio %v, want 0", r)
	}
}

// TestAppendedPassage: a German chapter against its English with more than twice as much other
// English text appended (the report tests' news sentences and the tram article: 142 sentences
// after the chapter's 60). The totals' ratio (2.5 English characters per German one) made every
// true pair look like a 1-3 and the alignment fell apart: 15 pairs, most of them across the
// appended text. The German is paired within the chapter's English, and most of it with its own
// line, as when the chapter is aligned alone (60 paired, 51 with their own line); with the
// ratio alone, but the counterparts still looked for along the diagonal, 25 of them.
func TestAppendedPassage(t *testing.T) {
	de := readLines(t, "../testdata/align/rustbook/ch14-03.de")
	chapter := readLines(t, "../testdata/align/rustbook/ch14-03.mt.en")
	en := append([]string(nil), chapter...)
	for _, f := range []string{"../testdata/report/de-en-news/reference.en", "../testdata/report/de-en-news/mt-a.en", "../testdata/align/tram.en"} {
		for _, l := range readLines(t, f) {
			if l != "" {
				en = append(en, l)
			}
		}
	}
	beads, err := Documents(context.Background(), &Document{Sentences: de, Lang: "de"}, &Document{Sentences: en, Lang: "en"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	paired, own, beyond := 0, 0, 0
	for _, b := range beads {
		if len(b.Src) == 0 || len(b.Tgt) == 0 {
			continue
		}
		paired += len(b.Src)
		if b.Tgt[len(b.Tgt)-1] >= len(chapter) {
			beyond++
		}
		if len(b.Src) == 1 && len(b.Tgt) == 1 && b.Src[0] == b.Tgt[0] {
			own++
		}
	}
	t.Logf("%d of %d German sentences paired, %d with their own line", paired, len(de), own)
	if paired < 55 || beyond > 0 || own < 45 {
		t.Errorf("%d of %d German sentences paired, %d with their own line, %d beads reaching into the appended text", paired, len(de), own, beyond)
	}
}

func TestPathGuide(t *testing.T) {
	g := pathGuide{{2, 4}, {4, 8}, {10, 12}}
	for _, tc := range []struct{ i, want int }{
		{0, 2},   // before the first anchor: at the stretch's slope (8 target units over 8 source units)
		{2, 4},   // on an anchor
		{3, 6},   // between two
		{7, 10},  // between two others
		{10, 12}, // the last
		{12, 14}, // beyond it
		{40, 19}, // clipped to the document
	} {
		if got := g.at(tc.i, 41, 20); got != tc.want {
			t.Errorf("at(%d) = %d, want %d", tc.i, got, tc.want)
		}
	}
	if got := pathGuide(nil).at(10, 20, 40); got != 20 {
		t.Errorf("no guide: at(10) = %d, want the diagonal's 20", got)
	}
	if lo, hi := g.sourceSpan(41); lo != 2 || hi != 11 {
		t.Errorf("sourceSpan = %d, %d; want 2, 11", lo, hi)
	}
	if lo, hi := pathGuide(nil).sourceSpan(41); lo != 0 || hi != 41 {
		t.Errorf("no guide: sourceSpan = %d, %d; want 0, 41", lo, hi)
	}
	if got := fmt.Sprint(g.halve()); got != "[{1 2} {2 4} {5 6}]" {
		t.Errorf("halve = %s", got)
	}
	if got := fmt.Sprint(pathGuide{{2, 4}, {3, 9}}.halve()); got != "[{1 2}]" {
		t.Errorf("halve of two anchors in one unit = %s", got)
	}
}
