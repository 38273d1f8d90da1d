//go:build race

package tm

// raceEnabled: the race detector slows CPU-heavy tests several times; they check less under it.
const raceEnabled = true
