//go:build unix

package cputime

import "testing"

func TestUsedCountsWork(t *testing.T) {
	before := Used()
	if before <= 0 {
		t.Fatalf("Used() = %v at start; a running process has used some CPU", before)
	}
	x := 0
	for i := 0; i < 200_000_000; i++ {
		x += i % 7
	}
	if x == 0 {
		t.Fatal("unreachable")
	}
	if after := Used(); after <= before {
		t.Fatalf("CPU time did not grow over a busy loop: %v then %v", before, after)
	}
}
