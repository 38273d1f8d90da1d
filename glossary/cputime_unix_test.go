//go:build unix

package glossary

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used, user and system. Benchmarks report rates per
// CPU-second as well as per wall-clock second, because on a shared machine the wall clock also
// measures everyone else.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
