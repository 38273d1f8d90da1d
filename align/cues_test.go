package align

import "testing"

func TestBoundaryCue(t *testing.T) {
	for _, tc := range []struct {
		prev, next string
		want       cue
	}{
		{"Denn auch beim Makalu wird die Höhenzahl jetzt aufgegeben ;", "der neue amtliche Wert ist 8481 m.", cueSoft},
		{"Die erfolgreichen Bergsteiger waren :", "Hartog , J. Brown und Dr. Tom Patey .", cueSoft},
		{"Er sagte: »", "Gehen wir.", cueSoft},
		{"Grâce aux cordes fixes , l' arête", "est atteinte rapidement .", cueSoft},
		{"Die neue Kote ist jedoch 8222 m.", "Über Manaslu ist nichts Neues zu vermelden .", cueStop},
		{"Lhotsé ( 8501 m )", "Officiellement , le Lhotsé mesure 8501 m .", cueStop},
		{"Was nun ?", "Zwei Tage lang wurden Gräben gezogen .", cueAsk},
		{"Que faire?»", "Pendant deux jours on creusa .", cueAsk},
		{"Es ist 1956.", "1957 kam die nächste .", cueStop},
		{"他说：", "「我们走吧。」", cueSoft},
		{"真的吗？」", "是的。", cueAsk},
		{"是的。", "我们走吧。", cueStop},
	} {
		if got := boundaryCue(tc.prev, tc.next); got != tc.want {
			t.Errorf("boundaryCue(%q, %q) = %v, want %v", tc.prev, tc.next, got, tc.want)
		}
	}
}

// TestCutCost checks that a matched bead pays half the mismatch cost for each end where the
// two sides' boundaries differ, that edges agree with anything, and that an anchored segment's
// ends become edges.
func TestCutCost(t *testing.T) {
	src := []string{"Eins ;", "zwei .", "Drei ?", "Vier ."}
	tgt := []string{"Un deux .", "Trois .", "Quatre ."}
	lv := &level{n: len(src), m: len(tgt), srcCue: boundaryCues(src), tgtCue: boundaryCues(tgt)}
	s := &scorer{md: &model{cueMismatch: 0.2}, lv: lv}
	for _, tc := range []struct {
		i0, j0, i, j int
		want         float64
	}{
		{0, 0, 2, 1, 0},   // [Eins ; zwei .]:[Un deux .]: both ends agree
		{0, 0, 1, 1, 0.1}, // [Eins ;]:[Un deux .]: a soft break faces a full stop at the end
		{1, 1, 2, 2, 0.1}, // the same cut, seen from the next bead
		{3, 2, 4, 3, 0.1}, // [Vier .]:[Quatre .]: a question faces a full stop at the start; the end is an edge
		{2, 1, 3, 2, 0.1}, // [Drei ?]:[Trois .]: the question faces a full stop at the end
	} {
		if got := s.cutCost(tc.i0, tc.j0, tc.i, tc.j); got != tc.want {
			t.Errorf("cutCost(%d,%d→%d,%d) = %v, want %v", tc.i0, tc.j0, tc.i, tc.j, got, tc.want)
		}
	}
	seg := sliceCues(lv.srcCue, 1, 3)
	if len(seg) != 3 || seg[0] != cueEdge || seg[2] != cueEdge || seg[1] != cueStop {
		t.Errorf("sliceCues = %v", seg)
	}
}
