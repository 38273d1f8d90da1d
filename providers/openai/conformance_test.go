package openai_test

import (
	"testing"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/openai"
	"github.com/bitext/bitext/providers/providertest"
)

var conformance = providertest.Conformance{
	NewServer: providertest.NewOpenAI,
	Open: func(t testing.TB, srv *providertest.Server, cfg providers.Config) (providers.Provider, error) {
		cfg.Getenv = func(string) string { return "" }
		return openai.Driver{}.Open(cfg)
	},
	IDs: true,
	Faults: []providertest.Fault{
		providertest.TooMany, providertest.ServerError, providertest.Unavailable, providertest.Reset,
		providertest.Malformed, providertest.BadContent, providertest.MissingID, providertest.DuplicateID,
		providertest.ExtraID, providertest.EmptyText, providertest.Truncated, providertest.Slow,
	},
}

func TestConformance(t *testing.T) {
	providertest.RunConformance(t, conformance)
}

// BenchmarkThroughput: go test ./providers/openai -run '^$' -bench Throughput
func BenchmarkThroughput(b *testing.B) {
	providertest.RunThroughputBenchmark(b, conformance)
}
