//go:build unix

package tm

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user and system) this process has used. Benchmarks report it next to
// wall time because they share two cores with other work: CPU time per segment stays
// meaningful when the machine is loaded.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
