package corpus

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestMosesPaths(t *testing.T) {
	for _, tc := range []struct {
		name, src, tgt   string
		wantSrc, wantTgt string
		wantErr          bool
	}{
		{"out/c", "de", "en", "out/c.de", "out/c.en", false},
		{"out/c.de", "de", "en", "out/c.de", "out/c.en", false},
		{"out/c.en", "de", "en", "out/c.de", "out/c.en", false},
		{"out/c.moses", "de", "en", "out/c.de", "out/c.en", false},
		{"out/c.fr", "de", "en", "out/c.fr.de", "out/c.fr.en", false},
		{"c", "", "", "c.de", "c.en", false},
		{"c", "fr", "en", "c.fr", "c.en", false},
		{"c", "de", "DE", "", "", true},
	} {
		s, g, err := MosesPaths(tc.name, tc.src, tc.tgt)
		if (err != nil) != tc.wantErr || s != tc.wantSrc || g != tc.wantTgt {
			t.Errorf("MosesPaths(%q, %q, %q) = %q, %q, %v", tc.name, tc.src, tc.tgt, s, g, err)
		}
	}
}

func TestCreateMoses(t *testing.T) {
	dir := t.TempDir()
	var warnings []Warning
	m, err := CreateMoses(filepath.Join(dir, "sub", "corpus.moses"), WriterOptions{Warn: func(w Warning) { warnings = append(warnings, w) }})
	if err != nil {
		t.Fatal(err)
	}
	pairs := []Pair{{Source: "Der Rat tagt.", Target: "The council meets."}, {Source: "Zeile\teins", Target: "line\u2028one"}}
	for _, p := range pairs {
		if err := m.Write(p); err != nil {
			t.Fatal(err)
		}
	}
	// Nothing is visible before Commit.
	if _, err := os.Stat(m.Source); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("%s exists before Commit: %v", m.Source, err)
	}
	if err := m.Commit(); err != nil {
		t.Fatal(err)
	}
	m.Abort() // no-op after Commit
	src, _ := os.ReadFile(filepath.Join(dir, "sub", "corpus.de"))
	tgt, _ := os.ReadFile(filepath.Join(dir, "sub", "corpus.en"))
	if string(src) != "Der Rat tagt.\nZeile eins\n" || string(tgt) != "The council meets.\nline one\n" {
		t.Fatalf("files:\n%q\n%q", src, tgt)
	}
	if len(warnings) != 2 {
		t.Errorf("%d warnings, want 2 (tab, U+2028)", len(warnings))
	}

	// Abort leaves nothing.
	m, err = CreateMoses(filepath.Join(dir, "gone"), WriterOptions{SourceLang: "fr", TargetLang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	m.Write(pairs[0])
	m.Abort()
	left, _ := filepath.Glob(filepath.Join(dir, "gone*"))
	if len(left) != 0 {
		t.Fatalf("Abort left %v", left)
	}
	if _, err := CreateMoses(filepath.Join(dir, "x"), WriterOptions{SourceLang: "en", TargetLang: "en"}); err == nil {
		t.Fatal("equal languages accepted")
	}
}

func TestLineReader(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
		wantErr  string
		sentinel error
	}{
		{"lf", "a\nb\n", []string{"a", "b"}, "", nil},
		{"crlf no final newline", "a\r\nb", []string{"a", "b"}, "", nil},
		{"bom and blank lines", "\uFEFFa\n\nb\n", []string{"a", "", "b"}, "", nil},
		{"utf16", "\xff\xfea\x00\n\x00b\x00\n\x00", []string{"a", "b"}, "", nil},
		{"empty", "", nil, "f.txt: empty file", ErrEmpty},
		{"blank", " \n\t\n", nil, "f.txt: empty file", ErrEmpty},
		{"invalid utf8", "ok\nab\xffc\n", nil, "f.txt:2:3: invalid UTF-8", ErrInvalidUTF8},
		{"nul", "ok\nok\na\x00\n", nil, "f.txt:3:2: NUL byte", ErrBinary},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadLines(strings.NewReader(tc.in), "f.txt")
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !errors.Is(err, tc.sentinel) {
					t.Fatalf("error %v, want %q wrapping %v", err, tc.wantErr, tc.sentinel)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Fatal(diff)
			}
		})
	}
	lr := NewLineReader(strings.NewReader("a\nb"), "f")
	for range 2 {
		if _, err := lr.Next(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := lr.Next(); err != io.EOF || lr.Line() != 2 || lr.Blank() {
		t.Fatalf("at EOF: %v, line %d, blank %v", err, lr.Line(), lr.Blank())
	}
}

// FuzzLineReader: lines never hold a line feed or NUL and are valid UTF-8; bad input is an
// *InputError naming the file.
func FuzzLineReader(f *testing.F) {
	for _, s := range []string{"a\nb", "a\r\n", "\uFEFFx", "\xff\xfea\x00", "a\x00", "\xc3"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		lines, err := ReadLines(strings.NewReader(string(in)), "f")
		var ie *InputError
		if err != nil {
			if !errors.As(err, &ie) || ie.File != "f" {
				t.Fatalf("error %v is not an *InputError naming the file", err)
			}
			return
		}
		for _, l := range lines {
			if strings.ContainsAny(l, "\n\x00") || !utf8.ValidString(l) {
				t.Fatalf("line %q", l)
			}
		}
	})
}

// TestMosesOrder: the two files of a Moses corpus given the wrong way round, by their
// extensions, are refused; extensions that are no language of the pair say nothing.
func TestMosesOrder(t *testing.T) {
	for _, tt := range []struct {
		src, tgt, srcLang, tgtLang string
		refused                    bool
	}{
		{"c.de", "c.en", "de", "en", false},
		{"c.en", "c.de", "de", "en", true},
		{"c.en", "c.de", "", "", true}, // the defaults are de → en
		{"c.EN", "c.De", "de-DE", "en-US", true},
		{"c.en", "c.de", "en", "de", false},
		{"c.src", "c.tgt", "de", "en", false},
		{"c.de", "c.de", "de", "en", true}, // the target file says German
		{"c.fr", "c.es", "de", "en", false},
	} {
		r, err := NewReader(Moses, strings.NewReader("a\n"), tt.src, ReaderOptions{
			Target: strings.NewReader("b\n"), TargetName: tt.tgt, SourceLang: tt.srcLang, TargetLang: tt.tgtLang,
		})
		if (err != nil) != tt.refused {
			t.Errorf("%s %s (%s → %s): err %v, want refused %v", tt.src, tt.tgt, tt.srcLang, tt.tgtLang, err, tt.refused)
		}
		if err == nil && r == nil {
			t.Errorf("%s %s: no reader", tt.src, tt.tgt)
		}
	}
}
