package heappeak

import "testing"

var sink [][]byte

func TestMeasureSeesAllocation(t *testing.T) {
	const size = 64 << 20
	got := Measure(func() {
		sink = append(sink, make([]byte, size))
		for i := range sink[0] {
			sink[0][i] = byte(i) // touch the pages
		}
	})
	sink = nil
	if got < size {
		t.Fatalf("peak %d bytes, want at least %d", got, size)
	}
	if got > 4*size {
		t.Fatalf("peak %d bytes for a %d-byte allocation", got, size)
	}
}
