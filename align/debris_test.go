package align

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
)

func TestIsDebris(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{".....", true},
		{"- _-", true},
		{"h * \"", true},
		{"24 a !", true},
		{".:-- , .", true},
		{"", true},
		{"1956", false}, // a number is aligned with its counterpart
		{"12.", true},   // a lone list number carries nothing
		{"Ja.", false},  // a word is text
		{"Literatur :", false},
		{"é » .", true},
	} {
		if got := isDebris(tc.s); got != tc.want {
			t.Errorf("isDebris(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// TestIsPageMark: a line of numbers is a page mark unless the other side has its numbers near
// where its counterpart would be.
func TestIsPageMark(t *testing.T) {
	other := []string{"La montagne mesure 8 848 mètres.", "Liste des années :", "1. 1950 :", "Fin."}
	for _, tc := range []struct {
		s    string
		i    int
		want bool
	}{
		{"— 212 —", 1, true},
		{"212", 3, true},
		{"1. 1950 :", 2, false}, // its counterpart has 1950
		{"8848", 0, false},      // "8 848" on the other side
		{"Tafel 12", 1, false},  // words: text, not a page mark
		{"…", 1, false},         // no number
	} {
		if got := isPageMark(tc.s, tc.i, 4, other); got != tc.want {
			t.Errorf("isPageMark(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// TestDebrisLeftOut aligns a document whose translation has OCR specks after a sentence: they
// are left unaligned, not merged into the sentence's bead.
func TestDebrisLeftOut(t *testing.T) {
	src := []string{"Der Berg ist 8848 Meter hoch.", "Die Expedition erreichte 1953 den Gipfel.", "Sie kehrte im Juni zurück."}
	tgt := []string{"La montagne mesure 8848 mètres.", "L'expédition atteignit le sommet en 1953.", ".....", "- _-", "Elle revint en juin."}
	beads, err := Align(src, tgt, Options{NoRealign: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"[0]:[0]", "[1]:[1]", "[]:[2]", "[]:[3]", "[2]:[4]"}
	if len(beads) != len(want) {
		t.Fatalf("beads %v, want %v", beadList(beads), want)
	}
	for k, b := range beads {
		if got := formatIDs(b.Src) + ":" + formatIDs(b.Tgt); got != want[k] {
			t.Fatalf("beads %v, want %v", beadList(beads), want)
		}
	}
}

func beadList(bs []Bead) []string {
	var out []string
	for _, b := range bs {
		out = append(out, formatIDs(b.Src)+":"+formatIDs(b.Tgt))
	}
	return out
}

// TestJointTexts checks the units of the joint MT channel: the target-language half first, an
// MT line equal to its source left empty, and separators inside a line blanked.
func TestJointTexts(t *testing.T) {
	src := []string{"Der Berg", "Zürich", "a\x00b"}
	mt := []string{"La montagne", "Zürich", "c"}
	if got, want := jointTexts(mt, src, true), []string{"La montagne\x00Der Berg", "\x00Zürich", "c\x00a b"}; !slices.Equal(got, want) {
		t.Errorf("source units %q, want %q", got, want)
	}
	if got, want := jointTexts(mt, src, false), []string{"Der Berg\x00La montagne", "Zürich\x00", "a b\x00c"}; !slices.Equal(got, want) {
		t.Errorf("target units %q, want %q", got, want)
	}
	// The halves' n-grams never meet: "berg" in the source-language half is not "berg" in the
	// target-language half.
	feats := func(s string) map[uint32]bool {
		m := map[uint32]bool{}
		jointNgrams(4)(s, func(id uint32, _ float32) { m[id] = true })
		return m
	}
	a, b := feats("berg\x00"), feats("\x00berg")
	for id := range a {
		if b[id] {
			t.Fatalf("halves share feature %d", id)
		}
	}
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("features %d and %d", len(a), len(b))
	}
}

// TestExplainJointMT checks that with both MT directions Explain names the joint channel and
// lists the words it shares.
func TestExplainJointMT(t *testing.T) {
	src, tgt, mt, _ := syntheticMT(30, 3)
	sd, td := &Document{Sentences: src}, &Document{Sentences: tgt}
	opt := Options{MT: mt, MTTgt: reverseMT(tgt)}
	ex, err := Explain(context.Background(), sd, td, opt, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.Channels) == 0 || ex.Channels[0].Name != "mt+mt-tgt" || len(ex.Channels[0].Shared) == 0 {
		t.Errorf("channels %+v", ex.Channels)
	}
}

// TestScatterAndTableDots checks the two fast dot products against dot on random sparse vectors:
// the scatter array gives the very same float32 sum, the hash table the same up to rounding.
func TestScatterAndTableDots(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	randVec := func() vec {
		m := map[uint32]float32{}
		for range rng.IntN(40) {
			m[uint32(rng.IntN(300))] = rng.Float32()
		}
		return vecFromCounts(m)
	}
	var vs []vec
	for range 50 {
		vs = append(vs, randVec())
	}
	sc := newScatter(vs)
	for _, a := range vs {
		tab := newSparseTable(a)
		sc.set(a)
		for _, b := range vs {
			want := dot(a, b)
			if got := sc.dot(b); got != want {
				t.Fatalf("scatter dot %v, want %v", got, want)
			}
			if got := tab.dot(b); got-float64(want) > 1e-4 || float64(want)-got > 1e-4 {
				t.Fatalf("table dot %v, want %v", got, want)
			}
		}
		sc.clear(a)
		for _, x := range sc {
			if x != 0 {
				t.Fatal("scatter not cleared")
			}
		}
	}
}

// TestCrossing aligns a translation that swapped two neighbouring sentences: with Crossing the
// two come out as crosswise 1-1 beads, without it as one 2-2 bead.
func TestCrossing(t *testing.T) {
	src := []string{"Der Mount Everest ist 8848 Meter hoch.", "Tenzing Norgay und Edmund Hillary erreichten 1953 den Gipfel.",
		"Reinhold Messner bestieg ihn 1978 ohne Sauerstoff.", "Heute wird er jedes Jahr von Hunderten bestiegen."}
	tgt := []string{"Mount Everest is 8848 metres high.", "Reinhold Messner climbed it without oxygen in 1978.",
		"Tenzing Norgay and Edmund Hillary reached the summit in 1953.", "Today hundreds climb it every year."}
	for _, tc := range []struct {
		crossing bool
		want     []string
	}{
		{false, []string{"[0]:[0]", "[1, 2]:[1, 2]", "[3]:[3]"}},
		{true, []string{"[0]:[0]", "[1]:[2]", "[2]:[1]", "[3]:[3]"}},
	} {
		beads, err := Align(src, tgt, Options{NoRealign: true, Crossing: tc.crossing})
		if err != nil {
			t.Fatal(err)
		}
		got := beadList(beads)
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("crossing %v: beads %v, want %v", tc.crossing, got, tc.want)
		}
		for _, b := range beads {
			if !(b.Confidence >= 0 && b.Confidence <= 1) {
				t.Errorf("confidence %v", b.Confidence)
			}
		}
	}
}

// TestWeighDirections checks that the joint MT channel weighs each direction by its quality:
// two directions of like quality share the evidence about evenly, a garbled reverse MT (its
// lines shuffled) gets little of it, and its features count less than the forward's.
func TestWeighDirections(t *testing.T) {
	src, tgt, mt, _ := syntheticMT(300, 5)
	rev := reverseMT(tgt)
	shuffled := slices.Clone(rev)
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	st := &stopper{ctx: context.Background()}
	jg := jointNgrams(mtOrders...)
	for _, tc := range []struct {
		name   string
		rev    []string
		lo, hi float64 // bounds of the reverse direction's share
	}{
		{"like", rev, 0.3, 0.7},
		{"shuffled", shuffled, 0, 0.1},
	} {
		c := newChannel(st, jointTexts(mt, src, true), jointTexts(tc.rev, tgt, false), jg, jg, 1)
		fwd, r := weighDirections(st, c, nil)
		t.Logf("%s: shares %.3f/%.3f", tc.name, fwd, r)
		if math.Abs(fwd+r-1) > 1e-9 || r < tc.lo || r > tc.hi {
			t.Errorf("%s: shares %.3f/%.3f, want the reverse's in [%.1f, %.1f]", tc.name, fwd, r, tc.lo, tc.hi)
		}
	}
}

// vecFromCounts builds a sorted vec from feature counts.
func vecFromCounts(counts map[uint32]float32) vec {
	v := make(vec, 0, len(counts))
	for id, w := range counts {
		v = append(v, entry{id, w})
	}
	sort.Slice(v, func(a, b int) bool { return v[a].id < v[b].id })
	return v
}

// TestMarkupLinesPair: a line of marks alone that both versions carry near the same place (an
// AsciiDoc delimiter "====", a Markdown rule "---", a section break "* * *") is paired with its
// twin, not left out as debris on both sides (Pro Git's German and English AsciiDoc: 113 of its
// delimiters came out as a 0-1 and a 1-0 bead side by side). OCR specks stay debris. The text
// is the seed article's sentences with its English translation, section breaks between them.
func TestMarkupLinesPair(t *testing.T) {
	de := []string{
		"Die Vereinigten Staaten unterstützten die Wiederaufnahme der Missionen Russlands und der NATO.",
		"* * *",
		"Das erklärte ein Sprecher des Außenministeriums am Montag in Washington.",
		"====",
		"Russland hatte seine Vertretung bei der NATO im vergangenen Jahr geschlossen.",
		".....",
		"Beide Seiten wollen nun wieder miteinander reden.",
	}
	en := []string{
		"The United States supported the resumption of the missions of Russia and NATO.",
		"* * *",
		"A State Department spokesman said so in Washington on Monday.",
		"====",
		"Russia had closed its mission to NATO last year.",
		"Both sides now want to talk to each other again.",
	}
	beads, err := Align(de, en, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Bead{{Src: []int{0}, Tgt: []int{0}}, {Src: []int{1}, Tgt: []int{1}}, {Src: []int{2}, Tgt: []int{2}}, {Src: []int{3}, Tgt: []int{3}}, {Src: []int{4}, Tgt: []int{4}}, {Src: []int{5}}, {Src: []int{6}, Tgt: []int{5}}}
	var got []Bead
	for _, b := range beads {
		got = append(got, Bead{Src: b.Src, Tgt: b.Tgt})
	}
	if !slices.EqualFunc(got, want, func(a, b Bead) bool { return slices.Equal(a.Src, b.Src) && slices.Equal(a.Tgt, b.Tgt) }) {
		t.Errorf("beads %v, want %v", got, want)
	}
	for _, tc := range []struct {
		s    string
		i    int
		want bool
	}{
		{"====", 3, true},
		{"* * *", 1, true},
		{"*  *  *", 1, true}, // spaced otherwise
		{".....", 5, false},  // no twin
		{"----", 3, false},   // another mark
	} {
		if got := markupLine(tc.s, tc.i, len(de), en); got != tc.want {
			t.Errorf("markupLine(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
