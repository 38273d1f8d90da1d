// Package outfile writes output files so that they are complete or absent, never half-written,
// and never written over the user's input.
//
// A File is written where its final name will be and renamed into place by Commit. On Linux
// the data goes into an anonymous O_TMPFILE inode that the kernel frees if the process dies, so
// kill -9 leaves nothing behind; it gets a name only for the instant between a link and the
// rename. Where O_TMPFILE is not available the data goes to a hidden named temporary file
// (".NAME.PID.bitext-tmp") and Create removes those left behind by processes that no longer
// exist.
//
// An output that exists and is not a regular file — a device (-o /dev/null, /dev/stdout), a named
// pipe, a socket — is written in place: renaming a file over it would replace it (run as root,
// /dev/null itself), and it has no contents to keep whole. An output that is a symbolic link is
// written where the link points, so the link stays.
package outfile

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// File is an output being written. It is an io.Writer; nothing appears under its name until
// Commit succeeds (but for an output that is not a regular file, written in place).
type File struct {
	f      *os.File
	name   string // final name, as the caller gave it
	path   string // where Commit renames the data to: name with its symbolic links resolved
	tmp    string // named temporary file, or "" for an anonymous O_TMPFILE
	direct bool   // f is the output itself (not a regular file: see the package comment)
	done   bool
}

// tmpSuffix marks the named temporary files this package creates.
const tmpSuffix = ".bitext-tmp"

// protected holds the files Protect names.
var protected struct {
	sync.Mutex
	files map[string]os.FileInfo // by the name given to Protect
}

// Protect names files that no File may replace, whatever name or link leads to them: files a
// command reads beside its arguments, such as the config file (which may hold API keys), that
// a careless -o could otherwise name. A file that does not exist is not protected.
func Protect(names ...string) {
	protected.Lock()
	defer protected.Unlock()
	for _, n := range names {
		if n == "" || n == "-" {
			continue
		}
		if st, err := os.Stat(n); err == nil && st.Mode().IsRegular() {
			if protected.files == nil {
				protected.files = map[string]os.FileInfo{}
			}
			protected.files[n] = st
		}
	}
}

// checkProtected refuses to write name when it is (after links) a file Protect named.
func checkProtected(name string) error {
	st, err := os.Stat(name)
	if err != nil {
		return nil
	}
	protected.Lock()
	defer protected.Unlock()
	for n, p := range protected.files {
		if os.SameFile(st, p) {
			return &OverwriteError{Output: name, Input: n, How: "is"}
		}
	}
	return nil
}

// Create starts writing name, creating its folder if needed.
func Create(name string) (*File, error) {
	if err := checkProtected(name); err != nil {
		return nil, err
	}
	if st, err := os.Stat(name); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		f, err := os.OpenFile(name, os.O_WRONLY, 0)
		if err != nil {
			return nil, fmt.Errorf("writing %s: %w", name, err)
		}
		return &File{f: f, name: name, path: name, direct: true}, nil
	}
	path := linkTarget(name)
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, fmt.Errorf("writing %s: %w", name, err)
	}
	removeStaleOnce(dir)
	if f, err := openAnonymous(dir); err == nil {
		return &File{f: f, name: name, path: path}, nil
	}
	f, err := os.CreateTemp(dir, tmpPattern(filepath.Base(path)))
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", name, err)
	}
	return &File{f: f, name: name, path: path, tmp: f.Name()}, nil
}

// tmpPattern is the os.CreateTemp pattern of name's temporary files: the process ID lets a
// later run tell a dead writer's leftovers from a live one's.
func tmpPattern(base string) string {
	return "." + base + "." + strconv.Itoa(os.Getpid()) + ".*" + tmpSuffix
}

// Name is the final name of the file.
func (f *File) Name() string { return f.name }

// Write writes to the temporary file. An error names the output (the temporary file has no
// name of its own: "write (anonymous): no space left on device" said nothing of which).
func (f *File) Write(p []byte) (int, error) {
	n, err := f.f.Write(p)
	if err != nil {
		err = fmt.Errorf("writing %s: %w", f.name, unwrapPathError(err))
	}
	return n, err
}

// unwrapPathError is the cause of a *os.PathError, whose text names the anonymous temporary
// file; other errors as they are.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Commit closes the file and gives it its final name, replacing what was there.
func (f *File) Commit() error {
	if f.done {
		return nil
	}
	f.done = true
	if f.direct {
		if err := f.f.Close(); err != nil {
			return fmt.Errorf("writing %s: %w", f.name, err)
		}
		return nil
	}
	fail := func(err error) error {
		f.f.Close()
		if f.tmp != "" {
			os.Remove(f.tmp)
		}
		return fmt.Errorf("writing %s: %w", f.name, err)
	}
	// A file replaced keeps its permissions: a private output (chmod 600) must not become
	// readable by everyone because bitext wrote it again. A new one gets what any program's new
	// file gets, 0666 less the umask (an O_TMPFILE or CreateTemp file starts at 0600; a fixed
	// 0644 made outputs world-readable under umask 077).
	mode := NewFileMode()
	if st, err := os.Stat(f.path); err == nil && st.Mode().IsRegular() {
		mode = st.Mode().Perm()
	}
	if err := f.f.Chmod(mode); err != nil {
		return fail(err)
	}
	if f.tmp == "" {
		tmp, err := linkAnonymous(f.f, filepath.Dir(f.path), filepath.Base(f.path))
		if err != nil {
			return fail(err)
		}
		f.tmp = tmp
	}
	if err := f.f.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(f.tmp, f.path); err != nil {
		os.Remove(f.tmp)
		return fmt.Errorf("writing %s: %w", f.name, err)
	}
	return nil
}

// Abort discards the file (what went to a device or pipe written in place has gone); after
// Commit it does nothing.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.f.Close()
	if f.tmp != "" {
		os.Remove(f.tmp)
	}
}

// WriteFile writes name through write: the file appears only when write succeeds and ctx has
// not been cancelled meanwhile, so an interrupted command never leaves a partial output.
func WriteFile(ctx context.Context, name string, write func(io.Writer) error) error {
	f, err := Create(name)
	if err != nil {
		return err
	}
	defer f.Abort()
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err // File.Write's, naming the file
	}
	return f.Commit()
}

// cleaned holds the folders whose leftovers this process has already removed: a folder of
// thousands of outputs is listed once, not once per file.
var cleaned sync.Map

func removeStaleOnce(dir string) {
	if _, done := cleaned.LoadOrStore(dir, true); !done {
		removeStale(dir)
	}
}

// staleAfter is how long a named temporary file must have gone unwritten before removeStale
// takes its writer for gone. The PID alone does not say it: a writer in another container or PID
// namespace, or on another host sharing the folder (NFS, where O_TMPFILE is missing and named
// temporary files are used), is no process here, and its live file was removed under it. Every
// writer writes its temporary file as its output comes and renames it at once when done.
var staleAfter = time.Hour

// removeStale deletes the named temporary files in dir (".NAME.PID.N.bitext-tmp") whose writing
// process is gone here and that nothing has written for staleAfter.
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasPrefix(n, ".") || !strings.HasSuffix(n, tmpSuffix) {
			continue
		}
		// NAME may hold dots; the PID is the second field from the end.
		parts := strings.Split(strings.TrimSuffix(n, tmpSuffix), ".")
		if len(parts) < 4 {
			continue
		}
		pidText := parts[len(parts)-2]
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid <= 0 || processAlive(pid) {
			continue
		}
		if info, err := e.Info(); err != nil || time.Since(info.ModTime()) < staleAfter {
			continue
		}
		if err := os.Remove(filepath.Join(dir, n)); err != nil && !errors.Is(err, os.ErrNotExist) {
			continue
		}
	}
}

// NewFileMode is the mode of a new file: 0666 less the process's umask, as open(2) gives it.
func NewFileMode() os.FileMode { return 0o666 &^ umask }

// linkTarget is the file an output named name is written to: name, or where the symbolic link(s)
// it names point, even to a file that does not exist yet (a dangling link was replaced by a
// regular file: the link must stay).
func linkTarget(name string) string {
	if real, err := filepath.EvalSymlinks(name); err == nil {
		return real
	}
	path := name
	for range 40 { // as the kernel's limit on links followed
		st, err := os.Lstat(path)
		if err != nil || st.Mode()&os.ModeSymlink == 0 {
			return path
		}
		to, err := os.Readlink(path)
		if err != nil {
			return path
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(path), to)
		}
		path = to
	}
	return path
}
