package align

import (
	"math"
	"testing"
)

func TestFastMath(t *testing.T) {
	for x := -29.9; x < 9.9; x += 0.0137 {
		if got, want := fastExp(x), math.Exp(x); math.Abs(got-want) > 1e-4*want {
			t.Fatalf("fastExp(%v) = %v, want %v", x, got, want)
		}
	}
	for d := 0.0; d < 8; d += 0.0113 {
		want := -math.Log(math.Erfc(d / math.Sqrt2))
		if got := gcCost(d); math.Abs(got-want) > 1e-3*(1+want) {
			t.Fatalf("gcCost(%v) = %v, want %v", d, got, want)
		}
	}
	if fastExp(-100) != 0 || gcCost(1000) != gcCost(40) {
		t.Error("clamping")
	}
}
