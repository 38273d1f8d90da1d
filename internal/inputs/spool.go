package inputs

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/bitext/bitext/internal/ctxio"
)

// SpoolMemory is how much of a spooled input is held in memory; the rest goes to a temporary
// file.
const SpoolMemory = 8 << 20

// Spool holds an input that a run reads more than once, as translate reads standard input for
// its plan and again for the run: its first SpoolMemory bytes in memory, the rest in a
// temporary file, so that memory stays bounded whatever is piped in (io.ReadAll held all of a
// 2 GB pipe). The file is removed as soon as it is made (on Unix: the open handle keeps its
// data), so nothing is left behind however the run ends.
type Spool struct {
	head []byte
	file *os.File // nil when the input fitted in head
	size int64    // bytes in file
}

// NewSpool reads r to its end, stopping with ctx's error once ctx is done.
func NewSpool(ctx context.Context, r io.Reader) (*Spool, error) {
	if ctx != nil {
		r = ctxio.NewReader(ctx, r)
	}
	s := &Spool{}
	head, err := io.ReadAll(io.LimitReader(r, SpoolMemory))
	s.head = head
	if err != nil || len(head) < SpoolMemory {
		return s, err
	}
	f, err := os.CreateTemp("", "bitext-stdin-*")
	if err != nil {
		return nil, fmt.Errorf("standard input is over %d MiB and cannot be kept in a temporary file: %w", SpoolMemory>>20, err)
	}
	os.Remove(f.Name()) // unlinked at once: nothing to clean up later
	s.file = f
	s.size, err = io.Copy(f, r)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("keeping standard input in a temporary file: %w", err)
	}
	return s, nil
}

// Head returns the input's first bytes (all of it when it is small), for sniffing its format.
func (s *Spool) Head() []byte { return s.head }

// Reader returns a reader of the whole input from its start; each call starts anew.
func (s *Spool) Reader() io.Reader {
	if s.file == nil {
		return bytes.NewReader(s.head)
	}
	return io.MultiReader(bytes.NewReader(s.head), io.NewSectionReader(s.file, 0, s.size))
}

// Close releases the temporary file, if any.
func (s *Spool) Close() error {
	if s == nil || s.file == nil {
		return nil
	}
	return s.file.Close()
}
