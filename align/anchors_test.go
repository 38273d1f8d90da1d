package align

import (
	"context"
	"slices"
	"testing"
)

func TestAppendNumbers(t *testing.T) {
	for _, c := range []struct {
		s    string
		want []string
	}{
		{"1 200 Meter", []string{"#1200"}},
		{"1.200 m, 1'200 m und 1200 m", []string{"#1200", "#1200", "#1200"}},
		{"1\u202f200 000 Franken", []string{"#1200000"}},
		{"im Jahr 1956 200 Bergsteiger", []string{"#1956", "#200"}},
		{"am 12.3.1956, der 3e, le 3. jour", []string{"#12", "#3", "#1956", "#3", "#3"}},
		{"1,5 Stunden", []string{"#1", "#5"}},
		{"keine Zahl", nil},
	} {
		if got := appendNumbers(c.s, nil); !slices.Equal(got, c.want) {
			t.Errorf("appendNumbers(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}

// TestAnchorsCrossing: a name of the first source sentence that the translator put into the
// second target sentence crosses the cut between the two 1-1 beads, and nothing crosses the
// edges; a word shared by both source sentences does not count.
func TestAnchorsCrossing(t *testing.T) {
	src := []string{"Wir erreichten den Kingspitz nach 1956 Schritten, sagte Piola.", "Dann stiegen wir mit Piola ab."}
	tgt := []string{"Nous arrivâmes au sommet après 1956 pas.", "Au Kingspitz, dit Piola, nous redescendîmes."}
	a := newAnchorSides(&stopper{ctx: context.Background()}, src, tgt)
	if got := a.at(1, 1); !slices.Equal(got, []string{"kingspitz"}) {
		t.Errorf("anchors crossing (1, 1) = %q, want [kingspitz]", got)
	}
	if n := a.crossing(1, 1); n != 1 {
		t.Errorf("crossing(1, 1) = %d, want 1", n)
	}
	if n := a.crossing(0, 0) + a.crossing(2, 2); n != 0 {
		t.Errorf("crossing at the edges = %d, want 0", n)
	}
	// The cut between the two 1-1 beads pays for it.
	st := &stopper{ctx: context.Background()}
	lv := newLevel(st, src, tgt, Options{}, nil)
	md := newModel(lv, 3)
	lv.prepare(3)
	sc := newScorer(md, lv, fullRegion(0, 0))
	sc.leave()
	with := sc.leakAt(1, 1)
	md.anchorLeak = 0
	if d := with - sc.leakAt(1, 1); d < 0.99 || d > 1.01 {
		t.Errorf("the crossing anchor adds %.3f to the leak at (1, 1), want 1", d)
	}
}
