package providers

import (
	"context"
	"time"
)

// NewTransportWithClock is NewTransport(cfg) on a fake clock, for the tests of package
// providers_test that send through a real client library to a providertest server.
func NewTransportWithClock(cfg Config, now func() time.Time, sleep func(context.Context, time.Duration) error) *Transport {
	t := NewTransport(cfg)
	t.now, t.sleep = now, sleep
	return t
}
