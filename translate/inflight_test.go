package translate

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
)

// cancelOnSend cancels the run as its first request goes out, as a Ctrl-C would.
type cancelOnSend struct {
	*fakeProvider
	cancel context.CancelFunc
}

func (c cancelOnSend) Translate(ctx context.Context, req *providers.Request) (*providers.Response, error) {
	c.cancel()
	return c.fakeProvider.Translate(ctx, req)
}

// TestInflightAnswersKept: an answer already on its way when the user stops the run is waited
// for (up to InflightGrace) and stored, because it is paid for; no new request is sent.
func TestInflightAnswersKept(t *testing.T) {
	docs := []*segment.Document{doc("a", []string{"Der Kreml schweigt.", "Die NATO warnt."}, []string{"Ein dritter Satz.", "Ein vierter Satz."})}
	fp := &fakeProvider{latency: 50 * time.Millisecond, caps: providers.Capabilities{MaxSegments: 2, MaxChars: 1000, DefaultConcurrency: 1}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	mem := &memMemory{}
	_, _, err := collect(ctx, &Translator{Provider: cancelOnSend{fp, cancel}, Memory: mem, Concurrency: 1}, docs)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if n := len(fp.requests()); n != 1 {
		t.Errorf("%d requests, want 1: none after the stop", n)
	}
	if len(mem.m) != 2 {
		t.Errorf("memory holds %d answers, want the 2 of the request in flight", len(mem.m))
	}
}
