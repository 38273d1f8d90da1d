// Package inputs opens what a command reads: files by name and standard input for "-", every
// reader stopping on the run's cancellation. Commands used to do this six ways, each with its
// own idea of whether "-" may be read twice and whether Ctrl-C stops a long read.
package inputs

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

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

// WalkFiles calls fn, in lexical order, with each regular file under the folder dir and its
// path relative to dir. A symbolic link to a regular file counts as one; named pipes, sockets,
// devices and links to folders or to nothing are left out (opening a named pipe nobody writes
// to waits forever: translate hung on a folder holding one), and so are hidden files and
// folders. dir itself may be a symbolic link to a folder (ln -s artikel link): walked as it
// was, it read as an empty folder.
func WalkFiles(dir string, fn func(path, rel string) error) error {
	root := dir
	if st, err := os.Lstat(dir); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		root = dir + string(filepath.Separator) // followed: the link's folder is walked
	}
	return filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path == root {
			return nil
		}
		if strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			return nil
		}
		if e.Type()&fs.ModeSymlink != 0 {
			if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
				return nil
			}
		} else if !e.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		return fn(filepath.Join(dir, rel), rel)
	})
}
