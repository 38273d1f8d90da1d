package providers_test

import (
	"strings"
	"testing"

	"github.com/bitext/bitext/providers"
)

// TestEstimateTokensOneEstimator: the limiter's estimate counts runes like the batcher's (one
// token per three runes, rounded up), not bytes, so umlauts do not price a request higher for
// the limiter than for the batcher that sized it.
func TestEstimateTokensOneEstimator(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", 0}, {"a", 1}, {"abc", 1}, {"abcd", 2},
		{"äöü", 1}, {"Grüße aus Köln", 5}, {strings.Repeat("ß", 300), 100},
	} {
		if got := providers.EstimateTokens(tc.in); got != tc.want {
			t.Errorf("EstimateTokens(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

type fixedEstimator struct{}

func (fixedEstimator) EstimateTokens(string) int { return 42 }

func TestEstimateTokensFor(t *testing.T) {
	if got := providers.EstimateTokensFor(fixedEstimator{}, "x"); got != 42 {
		t.Errorf("driver estimator not used: %d", got)
	}
	if got := providers.EstimateTokensFor(struct{}{}, "abcd"); got != 2 {
		t.Errorf("default estimator: %d", got)
	}
}
