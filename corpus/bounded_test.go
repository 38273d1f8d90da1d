package corpus

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// endless is an io.Reader of n bytes b, made as they are read.
type endless struct {
	b byte
	n int64
}

func (e *endless) Read(p []byte) (int, error) {
	if e.n <= 0 {
		return 0, io.EOF
	}
	k := min(int64(len(p)), e.n)
	for i := range p[:k] {
		p[i] = e.b
	}
	e.n -= k
	return int(k), nil
}

// TestBoundedReading: a line longer than MaxLine, and a NUL byte in an XML file, end the
// reading at once with the place, instead of holding the line or the text whole (a 2 GB
// sparse file took 4.1 GB to be refused); of a NUL byte and invalid UTF-8 in one line, the
// first is named.
func TestBoundedReading(t *testing.T) {
	for f, first := range map[Format]string{TSV: "Satz.\tSentence.\n", JSONL: `{"source":"Satz.","target":"Sentence."}` + "\n"} {
		r, err := NewReader(f, io.MultiReader(strings.NewReader(first), &endless{'a', MaxLine + 10}), "big."+string(f), ReaderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var ie *InputError
		for {
			_, err = r.Next()
			if err != nil {
				break
			}
		}
		if !errors.As(err, &ie) || ie.Line != 2 || !strings.Contains(ie.Msg, "line longer than 16 MiB") {
			t.Errorf("%s: %v, want line 2 too long", f, err)
		}
	}
	for f, root := range map[Format]string{TMX: "<tmx>", XLIFF: "<xliff>"} {
		head := "<?xml version=\"1.0\"?>\n" + root
		r, err := NewReader(f, io.MultiReader(strings.NewReader(head), &endless{0, 1 << 30}), "sparse."+string(f), ReaderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		_, err = r.Next()
		var ie *InputError
		if !errors.As(err, &ie) || !errors.Is(err, ErrBinary) || ie.Offset != int64(len(head)) {
			t.Errorf("%s: %v, want a NUL byte at byte %d", f, err, len(head))
		}
	}
	r, _ := NewReader(TSV, strings.NewReader("ELF\x00\x01\xff\tx\n"), "bin.tsv", ReaderOptions{})
	if _, err := r.Next(); !errors.Is(err, ErrBinary) {
		t.Errorf("NUL before invalid UTF-8: %v, want ErrBinary", err)
	}
}
