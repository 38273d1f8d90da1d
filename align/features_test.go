package align

import "testing"

func TestNumberWeight(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want float32
	}{
		{0, numWeightShort},
		{70, numWeightShort},
		{250, numWeightShort},
		{300, 2.5}, // halfway
		{350, numWeight},
		{422, numWeight},
		{1_000_000, numWeight},
	} {
		if got := numberWeight(tc.n); got != tc.want {
			t.Errorf("numberWeight(%d) = %v, want %v", tc.n, got, tc.want)
		}
	}
}

// TestSurfaceNumberWeight checks that numbers, and only numbers, take the weight given to
// surfaceNum, also when they come from a dictionary's translations.
func TestSurfaceNumberWeight(t *testing.T) {
	feats := func(s string, numW float32) map[uint32]float32 {
		m := map[uint32]float32{}
		surfaceNum(nil, numW)(s, func(id uint32, w float32) { m[id] += w })
		return m
	}
	for _, tc := range []struct {
		s    string
		numW float32
	}{
		{"Im Jahr 1956 bestiegen sie den Gipfel", 2},
		{"Im Jahr 1956 bestiegen sie den Gipfel", 3},
		{"4478 Meter", 3},
	} {
		for id, w := range feats(tc.s, tc.numW) {
			if w != 1 && w != tc.numW {
				t.Errorf("%q: feature %x weighs %v, want 1 or %v", tc.s, id, w, tc.numW)
			}
		}
	}
	if got := feats("1956", 3)[fnvString(hashNumber, "1956")]; got != 3 {
		t.Errorf("number feature weighs %v, want 3", got)
	}
	if got := feats("Gipfel", 3)[fnvString(hashWord, "gipfel")]; got != 1 {
		t.Errorf("word feature weighs %v, want 1", got)
	}
}
