package google_test

import (
	"testing"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/google"
	"github.com/bitext/bitext/providers/providertest"
)

var conformance = providertest.Conformance{
	NewServer: providertest.NewGoogle,
	Open: func(t testing.TB, srv *providertest.Server, cfg providers.Config) (providers.Provider, error) {
		cfg.Getenv = func(string) string { return "" }
		return google.Driver{}.Open(cfg)
	},
	Faults: []providertest.Fault{
		providertest.TooMany, providertest.ServerError, providertest.Unavailable, providertest.Reset,
		providertest.Malformed, providertest.MissingID, providertest.ExtraID, providertest.EmptyText, providertest.Slow,
	},
}

func TestConformance(t *testing.T) {
	providertest.RunConformance(t, conformance)
}

// BenchmarkThroughput: go test ./providers/google -run '^$' -bench Throughput
func BenchmarkThroughput(b *testing.B) {
	providertest.RunThroughputBenchmark(b, conformance)
}
