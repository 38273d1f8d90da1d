//go:build !unix

package align

func cpuSeconds() float64 { return 0 }
