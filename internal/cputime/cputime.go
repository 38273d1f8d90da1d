// Package cputime reads the CPU time this process has used. Benchmarks report rates per
// CPU-second next to rates per wall-clock second because on a shared machine (CI has two cores
// and runs packages in parallel) the wall clock also measures everyone else.
package cputime

import "time"

// Used returns the user plus system CPU time of this process, or 0 where the platform does not
// tell.
func Used() time.Duration { return used() }

// Seconds is Used in seconds.
func Seconds() float64 { return Used().Seconds() }
