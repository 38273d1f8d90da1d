// Package inputs opens what a command reads: files by name and standard input for "-", every
// reader stopping on the run's cancellation. Commands used to do this six ways, each with its
// own idea of whether "-" may be read twice and whether Ctrl-C stops a long read.
package inputs

import (
	"context"
	"errors"
	"io"
	"os"

	"github.com/bitext/bitext/internal/ctxio"
)

// StdinName is how standard input is named in messages.
const StdinName = "<stdin>"

// ErrStdinTwice is returned when "-" is opened a second time in one run: standard input can
// be read only once.
var ErrStdinTwice = errors.New("standard input (-) can be read only once")

// Opener opens the inputs of one run. The zero value reads no standard input.
type Opener struct {
	Ctx   context.Context // reading fails with its error once it is done; nil: never
	Stdin io.Reader       // read for "-"
	used  bool
}

// New returns an Opener for a run with context ctx and standard input stdin.
func New(ctx context.Context, stdin io.Reader) *Opener { return &Opener{Ctx: ctx, Stdin: stdin} }

// File is an opened input.
type File struct {
	io.Reader
	// Name is the name to use in messages: the path as given, or StdinName.
	Name   string
	closer io.Closer
}

// Close closes the file; closing standard input is a no-op.
func (f *File) Close() error {
	if f.closer == nil {
		return nil
	}
	return f.closer.Close()
}

// Open opens name, or standard input for "-". Errors are os.Open's (they name the file) or
// ErrStdinTwice.
func (o *Opener) Open(name string) (*File, error) {
	var r io.Reader
	var closer io.Closer
	display := name
	if name == "-" {
		if o.used || o.Stdin == nil {
			if o.Stdin == nil {
				return nil, errors.New("standard input (-) is not available here")
			}
			return nil, ErrStdinTwice
		}
		o.used = true
		r, display = o.Stdin, StdinName
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		r, closer = f, f
	}
	if o.Ctx != nil {
		r = ctxio.NewReader(o.Ctx, r)
	}
	return &File{Reader: r, Name: display, closer: closer}, nil
}

// ReadAll opens name, reads it whole and closes it.
func (o *Opener) ReadAll(name string) ([]byte, string, error) {
	f, err := o.Open(name)
	if err != nil {
		return nil, name, err
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	return b, f.Name, err
}
