//go:build !unix

package tm

import "time"

// cpuTime is not measured on this platform; benchmarks then report 0 CPU time.
func cpuTime() time.Duration { return 0 }
