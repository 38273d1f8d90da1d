package outfile

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func write(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCheckInputs(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "in", "a.txt"), "Guten Tag.")
	write(t, filepath.Join(dir, "other.txt"), "Hallo.")
	if err := os.Symlink(filepath.Join(dir, "in", "a.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "in"), filepath.Join(dir, "indir")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(filepath.Join(dir, "in", "a.txt"), filepath.Join(dir, "hard.txt")); err != nil {
		t.Fatal(err)
	}
	p := func(s string) string { return filepath.Join(dir, s) }
	tests := []struct {
		out    string
		inputs []string
		how    string // "" when allowed
	}{
		{p("in/a.txt"), []string{p("in/a.txt")}, "is"},
		{p("in/./a.txt"), []string{p("in/a.txt")}, "is"},
		{p("link.txt"), []string{p("in/a.txt")}, "is"},
		{p("hard.txt"), []string{p("in/a.txt")}, "is"},
		{p("in"), []string{p("in")}, "is"},
		{p("in/en"), []string{p("in")}, "lies inside"},
		{p("indir/new/x.txt"), []string{p("in")}, "lies inside"},
		{p("in/corpus.jsonl"), []string{p("in")}, "lies inside"},
		{dir, []string{p("in/a.txt")}, "contains"},
		{p("out"), []string{p("in")}, ""},
		{p("out.txt"), []string{p("in/a.txt"), p("other.txt")}, ""},
		{p("in2"), []string{p("in")}, ""},
		{"-", []string{p("in/a.txt")}, ""},
		{"", []string{p("in/a.txt")}, ""},
		{p("x.txt"), []string{"-"}, ""},
	}
	for _, tc := range tests {
		err := CheckInputs(tc.out, tc.inputs...)
		var oe *OverwriteError
		switch {
		case tc.how == "" && err != nil:
			t.Errorf("CheckInputs(%s, %v) = %v, want nil", tc.out, tc.inputs, err)
		case tc.how != "" && !errors.As(err, &oe):
			t.Errorf("CheckInputs(%s, %v) = %v, want an OverwriteError (%s)", tc.out, tc.inputs, err, tc.how)
		case tc.how != "" && oe.How != tc.how:
			t.Errorf("CheckInputs(%s, %v): %q, want %q", tc.out, tc.inputs, oe.How, tc.how)
		}
	}
}

func TestCommitAndAbort(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "sub", "out.txt")
	f, err := Create(name)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(f, "hello")
	if _, err := os.Stat(name); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("output visible before Commit: %v", err)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(name); string(b) != "hello" {
		t.Fatalf("got %q", b)
	}
	if st, _ := os.Stat(name); st.Mode().Perm() != NewFileMode() {
		t.Errorf("mode %v, want %v", st.Mode().Perm(), NewFileMode())
	}

	g, err := Create(name)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(g, "partial")
	g.Abort()
	if b, _ := os.ReadFile(name); string(b) != "hello" {
		t.Fatalf("abort changed the file: %q", b)
	}
	assertOnly(t, filepath.Join(dir, "sub"), "out.txt")
}

func TestWriteFileCancelled(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "out.txt")
	ctx, cancel := context.WithCancel(context.Background())
	err := WriteFile(ctx, name, func(w io.Writer) error {
		io.WriteString(w, "everything")
		cancel() // the work finished, but the user asked to stop meanwhile
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	assertOnly(t, dir)
}

func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	// A PID far above any pid_max stands for a writer that is gone; our own PID for a live one.
	dead := ".out.txt.999999999.123" + tmpSuffix
	live := tmpPattern("out.txt")
	live = strings.Replace(live, "*", "456", 1)
	other := ".other.txt.999999999.1" + tmpSuffix // another output's leftover, gone too
	for _, n := range []string{dead, live, other, "out.txt"} {
		write(t, filepath.Join(dir, n), "x")
	}
	// Written just now, a dead PID's file may be a live writer's in another container or on
	// another host sharing the folder: it stays until nothing has written it for staleAfter.
	removeStale(dir)
	assertOnly(t, dir, dead, live, other, "out.txt")
	old := time.Now().Add(-2 * staleAfter)
	for _, n := range []string{dead, live, other} {
		if err := os.Chtimes(filepath.Join(dir, n), old, old); err != nil {
			t.Fatal(err)
		}
	}
	removeStale(dir)
	assertOnly(t, dir, live, "out.txt")
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	if len(got) != len(names) {
		t.Fatalf("%s holds %v, want %v", dir, got, names)
	}
	for _, n := range got {
		if !want[n] {
			t.Fatalf("%s holds %v, want %v", dir, got, names)
		}
	}
}

// Standard input redirected from a file ("bitext translate - -o a.txt < a.txt") is that file:
// the output must not be it. A pipe, or another file, is no conflict.
func TestCheckInputsStdinRedirected(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	write(t, a, "Guten Tag.")
	write(t, b, "Hallo.")
	f, err := os.Open(a)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	old := stdin
	defer func() { stdin = old }()
	stdin = f
	var ow *OverwriteError
	if err := CheckInputs(a, "-"); !errors.As(err, &ow) || ow.How != "is" {
		t.Fatalf("output = redirected stdin: err = %v", err)
	}
	if err := CheckInputs(filepath.Join(dir, "c.txt"), "-"); err != nil {
		t.Fatalf("new output: %v", err)
	}
	if err := CheckInputs(b, "-"); err != nil {
		t.Fatalf("other file: %v", err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	stdin = r
	if err := CheckInputs(a, "-"); err != nil {
		t.Fatalf("pipe: %v", err)
	}
}

// CheckFiles refuses only an output that is one of the files: a folder holding one is fine.
func TestCheckFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cache", "tm.sqlite")
	write(t, db, "SQLite format 3")
	if err := os.Symlink(db, filepath.Join(dir, "link.sqlite")); err != nil {
		t.Fatal(err)
	}
	var ow *OverwriteError
	for _, out := range []string{db, filepath.Join(dir, "link.sqlite")} {
		if err := CheckFiles(out, db); !errors.As(err, &ow) || ow.How != "is" {
			t.Errorf("%s: err = %v, want 'is'", out, err)
		}
	}
	for _, out := range []string{filepath.Join(dir, "cache"), dir, filepath.Join(dir, "cache", "out.jsonl")} {
		if err := CheckFiles(out, db); err != nil {
			t.Errorf("%s: %v", out, err)
		}
	}
	if err := CheckInputs(filepath.Join(dir, "cache"), db); !errors.As(err, &ow) || ow.How != "contains" {
		t.Errorf("CheckInputs of the folder: %v, want 'contains'", err)
	}
}

func TestCheckTarget(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	write(t, file, "x")
	for _, tc := range []struct {
		name, output, err string
	}{
		{"standard output", "-", ""},
		{"none", "", ""},
		{"new file", filepath.Join(dir, "new.txt"), ""},
		{"existing file", file, ""},
		{"folder", dir, "is a folder; give a file name"},
		{"missing folder (created on writing)", filepath.Join(dir, "no", "x.txt"), ""},
		{"inside a file", filepath.Join(file, "x.txt"), "is a file, not a folder"},
		{"below a file", filepath.Join(file, "sub", "x.txt"), "is a file, not a folder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckTarget(tc.output)
			if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
				t.Errorf("CheckTarget(%q) = %v, want %q", tc.output, err, tc.err)
			}
		})
	}
}

// TestCommitKeepsMode: an output replaced keeps its permissions (a private 0600 file stays
// private); a new one is 0666 less the umask.
func TestCommitKeepsMode(t *testing.T) {
	dir := t.TempDir()
	write := func(name string) {
		t.Helper()
		if err := WriteFile(context.Background(), name, func(w io.Writer) error {
			_, err := io.WriteString(w, "neu\n")
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	for _, mode := range []os.FileMode{0o600, 0o640, 0o664} {
		name := filepath.Join(dir, fmt.Sprintf("out-%o.txt", mode))
		if err := os.WriteFile(name, []byte("alt\n"), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(name, mode); err != nil { // whatever the umask
			t.Fatal(err)
		}
		write(name)
		if st, err := os.Stat(name); err != nil || st.Mode().Perm() != mode {
			t.Errorf("%s replaced: mode %v, want %v (%v)", name, st.Mode().Perm(), mode, err)
		}
	}
	// A new one gets 0666 less the umask, as any program's new file: under umask 077 a fixed
	// 0644 made confidential outputs readable by everyone.
	defer func(m os.FileMode) { umask = m }(umask)
	for _, tc := range []struct{ umask, want os.FileMode }{{0o022, 0o644}, {0o077, 0o600}, {0o002, 0o664}} {
		umask = tc.umask
		name := filepath.Join(dir, fmt.Sprintf("new-%o.txt", tc.umask))
		write(name)
		if st, err := os.Stat(name); err != nil || st.Mode().Perm() != tc.want {
			t.Errorf("new output under umask %o: mode %v, want %v (%v)", tc.umask, st.Mode().Perm(), tc.want, err)
		}
	}
}

// TestProtect: a protected file is not replaced by any name leading to it.
func TestProtect(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(cfg, []byte("[providers]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(cfg, link); err != nil {
		t.Skip(err)
	}
	Protect(cfg)
	defer func() { protected.files = nil }()
	for _, name := range []string{cfg, link, filepath.Join(dir, ".", "config.toml")} {
		var oe *OverwriteError
		if _, err := Create(name); !errors.As(err, &oe) {
			t.Errorf("Create(%s) = %v, want an OverwriteError", name, err)
		}
	}
	if f, err := Create(filepath.Join(dir, "other.txt")); err != nil {
		t.Errorf("another file: %v", err)
	} else {
		f.Abort()
	}
}

// TestCheckInputsStdoutRedirected: standard output redirected (or appended, >>) to an input is
// refused: segment read its own output back and grew the file until the disk was full. A pipe,
// another file or /dev/null is no conflict.
func TestCheckInputsStdoutRedirected(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	write(t, a, "Guten Tag.")
	write(t, b, "Hallo.")
	f, err := os.OpenFile(a, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	oldOut, oldIn := stdout, stdin
	defer func() { stdout, stdin = oldOut, oldIn }()
	stdout = f
	var ow *OverwriteError
	for _, out := range []string{"", "-"} {
		if err := CheckInputs(out, b, a); !errors.As(err, &ow) || ow.Input != a {
			t.Errorf("stdout >> a.txt, output %q: err = %v", out, err)
		}
	}
	if err := CheckFiles("", a); !errors.As(err, &ow) {
		t.Errorf("CheckFiles, stdout >> a.txt: err = %v", err)
	}
	// "- < a.txt >> a.txt"
	in, err := os.Open(a)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	stdin = in
	if err := CheckInputs("", "-"); !errors.As(err, &ow) {
		t.Errorf("stdin and stdout both a.txt: err = %v", err)
	}
	stdin = oldIn
	if err := CheckInputs("", b); err != nil {
		t.Errorf("stdout >> a.txt, input b.txt: %v", err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	stdout = w
	if err := CheckInputs("", a); err != nil {
		t.Errorf("pipe: %v", err)
	}
}

// TestDanglingLink: an output that is a symbolic link to a file not there yet is written where
// it points, and the link stays (it was replaced by a regular file).
func TestDanglingLink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "out.txt")
	if err := os.Symlink(filepath.Join("real", "target.txt"), link); err != nil {
		t.Skip(err)
	}
	if err := WriteFile(context.Background(), link, func(w io.Writer) error {
		_, err := io.WriteString(w, "neu\n")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", st.Mode(), err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "real", "target.txt")); err != nil || string(b) != "neu\n" {
		t.Errorf("target: %q %v", b, err)
	}
}

// BenchmarkInputsCheck checks the planned outputs of a folder of 3,000 files translated into a
// folder against its inputs, as translate does before its first request: resolved once, each
// check costs the output's own resolving, not every input's (4 minutes for 3,175 files before).
func BenchmarkInputsCheck(b *testing.B) {
	dir := b.TempDir()
	var inputs []string
	for i := range 3000 {
		p := filepath.Join(dir, "de", fmt.Sprintf("%04d.md", i))
		if i == 0 {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				b.Fatal(err)
			}
		}
		if err := os.WriteFile(p, []byte("Text."), 0o644); err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, p)
	}
	b.ResetTimer()
	for b.Loop() {
		in, err := NewInputs(inputs...)
		if err != nil {
			b.Fatal(err)
		}
		for i := range inputs {
			if err := in.Check(filepath.Join(dir, "en", fmt.Sprintf("%04d.md", i))); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/3000-outputs")
}
