package tm

import (
	"os"
	"syscall"
	"time"
)

// childUsage is the peak RSS in bytes and the CPU time of a finished child process.
func childUsage(ps *os.ProcessState) (maxRSS float64, cpu time.Duration, ok bool) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, 0, false
	}
	return float64(ru.Maxrss) * 1024, time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true // Linux reports KiB
}
