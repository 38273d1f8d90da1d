package main

import (
	"os"
	"runtime/debug"
)

// boundMemory sets the Go runtime's soft memory limit for a command that must hold whole
// documents (align, and check of an article pair: the alignment is a global optimum over both;
// check of a bitext streams and sets no limit, a soft limit under its live heap would only burn
// CPU). The aligner's live
// data is about three times its input, but by default the garbage collector lets the heap grow
// to twice the live data before collecting; the limit makes it collect earlier instead, so the
// peak stays near 4× the input (see BenchmarkCommandMemory) at some extra CPU. A GOMEMLIMIT the
// user set wins. The returned function restores the previous limit.
func boundMemory(paths ...string) (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	var n int64
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			n += st.Size()
		}
	}
	// Small inputs keep a floor, so that parsing a dictionary or a glossary does not make the
	// collector run continuously.
	prev := debug.SetMemoryLimit(max(3*n+64<<20, 256<<20))
	return func() { debug.SetMemoryLimit(prev) }
}
