//go:build !linux

package tm

import (
	"os"
	"time"
)

// childUsage reports nothing where the unit of the peak RSS differs (or is not reported).
func childUsage(ps *os.ProcessState) (maxRSS float64, cpu time.Duration, ok bool) {
	return 0, ps.UserTime() + ps.SystemTime(), false
}
