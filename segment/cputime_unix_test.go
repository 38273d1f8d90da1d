//go:build unix

package segment

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used so far (user + system). Benchmarks report
// throughput per CPU-second too, which stays meaningful on a machine shared with other jobs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
