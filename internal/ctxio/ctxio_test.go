package ctxio

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestReaderStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r := NewReader(ctx, strings.NewReader(strings.Repeat("x", 1<<20)))
	buf := make([]byte, 1<<20)
	n, err := r.Read(buf)
	if err != nil || n != maxRead {
		t.Fatalf("first read: %d, %v; want %d bytes", n, err, maxRead)
	}
	cancel()
	if _, err := io.ReadAll(r); !errors.Is(err, context.Canceled) {
		t.Fatalf("after cancel: %v, want context.Canceled", err)
	}
}
