package inputs

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

// TestSpool: an input read twice comes back whole each time, small ones from memory and large
// ones through the temporary file, which holds what memory does not.
func TestSpool(t *testing.T) {
	for _, n := range []int{0, 10, SpoolMemory - 1, SpoolMemory, SpoolMemory + 12345} {
		in := bytes.Repeat([]byte("Die Lage ist ernst. "), n/20+1)[:n]
		s, err := NewSpool(context.Background(), bytes.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Head()) > SpoolMemory {
			t.Errorf("%d bytes: head holds %d bytes, more than %d", n, len(s.Head()), SpoolMemory)
		}
		if (s.file != nil) != (n >= SpoolMemory) {
			t.Errorf("%d bytes: temporary file %v", n, s.file != nil)
		}
		for pass := range 2 {
			got, err := io.ReadAll(s.Reader())
			if err != nil || !bytes.Equal(got, in) {
				t.Errorf("%d bytes, pass %d: read %d bytes, %v", n, pass, len(got), err)
			}
		}
		s.Close()
	}
}

// TestSpoolCancelled: a cancelled run stops reading.
func TestSpoolCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := NewSpool(ctx, strings.NewReader("Text"))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}
