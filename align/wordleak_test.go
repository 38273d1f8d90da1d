package align

import (
	"context"
	"testing"
)

func TestWordSidesCrossing(t *testing.T) {
	st := &stopper{ctx: context.Background()}
	// The translated source side (already in the target language) and the target. Source 1's
	// clause "250 mètres deux jours" went into target 2; source 2 is translated in target 2.
	mt := []string{
		"Les premières longueurs coûtèrent des heures.",
		"Premières longueurs au-dessus de la rimaye, 250 mètres demandèrent deux journées.",
		"Six heures de cramponnage jusqu'à l'échancrure.",
	}
	tgt := []string{
		"Les premières longueurs coûtèrent des heures.",
		"Premières longueurs au-dessus de la rimaye.",
		"Il fallut deux journées pour 250 mètres. Six heures de cramponnage jusqu'à l'échancrure.",
	}
	w := newWordSides(st, mt, tgt, 1)
	for _, tc := range []struct {
		name string
		i, j int
		want int
	}{
		// "250", "deux", "mètre" and "journ" of source 1 are in target 2 and in neither target 1
		// nor source 2.
		{"cut through the moved clause", 2, 2, 4},
		{"clean cut", 1, 1, 0},
		{"start of the documents", 0, 0, 0},
		{"end of the documents", 3, 3, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := w.crossing(tc.i, tc.j); got != tc.want {
				t.Errorf("crossing(%d, %d) = %d, want %d", tc.i, tc.j, got, tc.want)
			}
		})
	}
}

func TestExclusive(t *testing.T) {
	for _, tc := range []struct {
		a, b, c, d []uint32
		want       int
	}{
		{nil, nil, nil, nil, 0},
		{[]uint32{1, 2, 3}, []uint32{2, 3, 4}, nil, nil, 2},
		{[]uint32{1, 2, 3}, []uint32{2, 3, 4}, []uint32{3}, nil, 1},
		{[]uint32{1, 2, 3}, []uint32{2, 3, 4}, []uint32{3}, []uint32{2}, 0},
		{[]uint32{5}, []uint32{1, 2, 3}, nil, nil, 0},
	} {
		if got := exclusive(tc.a, tc.b, tc.c, tc.d); got != tc.want {
			t.Errorf("exclusive(%v, %v, %v, %v) = %d, want %d", tc.a, tc.b, tc.c, tc.d, got, tc.want)
		}
	}
}
