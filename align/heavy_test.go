package align

import "testing"

// heavy skips a test that needs many CPU-seconds when the race detector (5–20× slower) is on or
// with -short: such tests check results, not concurrency, and .ci/run runs them once without
// -race (go test ./align).
func heavy(t *testing.T) {
	t.Helper()
	if raceEnabled {
		t.Skip("many CPU-seconds under the race detector; run without -race (.ci/run does)")
	}
	if testing.Short() {
		t.Skip("many CPU-seconds; skipped with -short")
	}
}
