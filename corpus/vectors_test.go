package corpus

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var update = flag.Bool("update", false, "rewrite testdata/corpus/want/*.jsonl from what the readers return")

const vectors = "../testdata/corpus"

// vectorFiles lists the test vectors with the given prefix: one entry per corpus (the .de file
// of a Moses pair), skipping expectation files.
func vectorFiles(t testing.TB, prefix string) []string {
	names, err := filepath.Glob(filepath.Join(vectors, prefix+"*"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range names {
		if strings.HasSuffix(n, ".err") || strings.HasSuffix(n, ".en") {
			continue
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		t.Fatalf("no %s* vectors in %s", prefix, vectors)
	}
	return out
}

// readVector reads a vector file (and the .en companion of a Moses .de file).
func readVector(t testing.TB, path string) ([]Pair, error) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f := FormatFromName(path)
	opt := ReaderOptions{}
	if f == Moses {
		tgtName := strings.TrimSuffix(path, ".de") + ".en"
		tgt, err := os.ReadFile(tgtName)
		if err != nil {
			t.Fatal(err)
		}
		opt.Target, opt.TargetName = bytes.NewReader(tgt), filepath.Base(tgtName)
	}
	r, err := NewReader(f, bytes.NewReader(data), filepath.Base(path), opt)
	if err != nil {
		t.Fatal(err)
	}
	return nextAll(r)
}

// nextAll reads r to its end: the pairs, and the error that stopped it (nil at io.EOF).
func nextAll(r Reader) ([]Pair, error) {
	var out []Pair
	for {
		p, err := r.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, p)
	}
}

// TestGoodVectors reads every good_* corpus and compares it with want/<name>.jsonl.
func TestGoodVectors(t *testing.T) {
	for _, path := range vectorFiles(t, "good_") {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			got, err := readVector(t, path)
			if err != nil {
				t.Fatalf("reading a good vector: %v", err)
			}
			wantPath := filepath.Join(vectors, "want", name+".jsonl")
			if *update {
				var buf bytes.Buffer
				w, _ := NewWriter(JSONL, &buf, WriterOptions{})
				for _, p := range got {
					w.Write(p)
				}
				w.Close()
				if err := os.WriteFile(wantPath, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := readVector(t, wantPath)
			if err != nil {
				t.Fatal(err)
			}
			// JSONL does not carry the codes' markup (Pair.Codes); the tagged texts it does.
			// Line is where each file has the pair (TestPairLines).
			if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(Pair{}, "Codes", "Line")); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestFailVectors reads every fail_* corpus and expects the error in <name>.err.
func TestFailVectors(t *testing.T) {
	for _, path := range vectorFiles(t, "fail_") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			want, err := os.ReadFile(path + ".err")
			if err != nil {
				t.Fatal(err)
			}
			_, err = readVector(t, path)
			if err == nil {
				t.Fatalf("read without error, want %q", want)
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Errorf("error %v is %T, want *InputError", err, err)
			}
			if !strings.Contains(err.Error(), strings.TrimSpace(string(want))) {
				t.Errorf("error\n\t%v\nwant it to contain\n\t%s", err, want)
			}
		})
	}
}
