// Package ctxio makes reading stop when a context is done: every loop that reads input, however
// it reads, then notices Ctrl-C.
package ctxio

import (
	"context"
	"io"
)

// maxRead bounds one Read, so that readers that ask for much more (io.ReadAll, a tokenizer with
// a growing buffer) still look at the context often.
const maxRead = 64 << 10

type reader struct {
	ctx context.Context
	r   io.Reader
}

// NewReader returns a reader of r that fails with ctx's error once ctx is done, handing out at
// most 64 KB per Read.
func NewReader(ctx context.Context, r io.Reader) io.Reader { return reader{ctx, r} }

func (c reader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if len(p) > maxRead {
		p = p[:maxRead]
	}
	return c.r.Read(p)
}
