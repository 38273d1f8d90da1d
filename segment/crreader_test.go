package segment

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
	"testing/iotest"
)

var loneCR = regexp.MustCompile("\r(\n?)")

// wantCR is what crReader must make of s: every CR not followed by LF becomes LF.
func wantCR(s string) string {
	return loneCR.ReplaceAllStringFunc(s, func(m string) string {
		if m == "\r\n" {
			return m
		}
		return "\n"
	})
}

// TestCRReader: a lone carriage return is a line ending (classic Mac OS files), a CRLF stays as
// it is, whatever the cuts between reads.
func TestCRReader(t *testing.T) {
	for _, in := range []string{
		"", "\r", "\r\n", "a\rb\rc", "a\r\nb\r\n", "a\r\rb", "a\r", "\r\r\n\r", "Erster Absatz.\r\rZweiter.\r",
	} {
		for name, wrap := range map[string]func(io.Reader) io.Reader{
			"whole": func(r io.Reader) io.Reader { return r },
			"bytes": iotest.OneByteReader,
			"half":  iotest.HalfReader,
			"eof":   iotest.DataErrReader,
		} {
			got, err := io.ReadAll(&crReader{r: wrap(strings.NewReader(in))})
			if err != nil || string(got) != wantCR(in) {
				t.Errorf("%s %q: got %q, %v; want %q", name, in, got, err, wantCR(in))
			}
		}
	}
}

// FuzzCRReader: any input, any cut, the same as the whole replaced at once.
func FuzzCRReader(f *testing.F) {
	f.Add([]byte("a\rb\r\nc\r"))
	f.Fuzz(func(t *testing.T, in []byte) {
		got, err := io.ReadAll(&crReader{r: iotest.OneByteReader(bytes.NewReader(in))})
		if err != nil || string(got) != wantCR(string(in)) {
			t.Fatalf("got %q, %v; want %q", got, err, wantCR(string(in)))
		}
	})
}

// TestClassicMacLineEndings: a text file with CR line endings reads as the same file with LF.
func TestClassicMacLineEndings(t *testing.T) {
	lf := "Überschrift\n\nDer erste Absatz hat zwei Sätze. Hier ist der zweite.\n\nDer zweite Absatz.\n"
	a, err := Read(strings.NewReader(lf), "lf.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Read(strings.NewReader(strings.ReplaceAll(lf, "\n", "\r")), "cr.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Blocks) != 3 || len(a.Blocks) != len(b.Blocks) {
		t.Fatalf("LF: %d blocks, CR: %d blocks; want 3", len(a.Blocks), len(b.Blocks))
	}
	for i := range a.Blocks {
		if a.Blocks[i].Text != b.Blocks[i].Text {
			t.Errorf("block %d: LF %q, CR %q", i, a.Blocks[i].Text, b.Blocks[i].Text)
		}
	}
}

// TestCRLFAtBufferEdge: a CRLF whose CR ends bufio's 64 KiB buffer, where bufio asks for one
// byte at a time: the CR waited for the byte after it by answering reads with nothing, and
// bufio gave up ("multiple Read calls return no data or error") on a valid file.
func TestCRLFAtBufferEdge(t *testing.T) {
	for _, n := range []int{65534, 65535, 65536} {
		in := strings.Repeat("a", n) + "\r\nDer Satz ist hier.\r\n"
		doc, err := Read(strings.NewReader(in), "long.txt", Options{Format: Text})
		if err != nil {
			t.Fatalf("%d bytes before the CRLF: %v", n, err)
		}
		last := doc.Blocks[len(doc.Blocks)-1]
		if last.Text != "Der Satz ist hier." {
			t.Errorf("%d bytes before the CRLF: last block %q", n, last.Text)
		}
	}
}
