package document

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// overLines is what a provider may answer: the words upper-cased and the translation over two
// lines, broken at its first space with eol (a chat model's "\n", or "\r\n").
func overLines(eol string) func(string) string {
	return func(seg string) string {
		u := upper(seg)
		if i := strings.IndexByte(u, ' '); i > 0 {
			u = u[:i] + eol + u[i+1:]
		}
		return u
	}
}

// TestLineEndings: a translated document keeps its line ending — a file written on Windows
// stays CRLF, an LF file stays LF — whatever line breaks the translations hold, and its UTF-8
// byte-order mark (but for a .po catalogue). The CRLF files are real (testdata/windows/SOURCES.md, po/SOURCES.md); the
// ones written for bitext's tests with LF are also read with their lines ending in CRLF.
func TestLineEndings(t *testing.T) {
	tests := []struct {
		file  string
		crlf  bool   // the file's LF made CRLF before reading
		answr string // the line break inside the translations
	}{
		{"windows/okapi-ruby.html", false, "\n"},
		{"windows/okapi-srttest.srt", false, "\n"},
		{"windows/okapi-TDAMatchTest.xlf", false, "\n"},
		{"windows/okapi-omegatpack-test01.properties.xlf", false, "\n"},
		{"po/okapi-Test03-bom-crlf.po", false, "\n"},
		{"artikel.md", true, "\n"}, // a hard line break is a code: its break is the file's
		{"artikel.html", true, "\n"},
		{"artikel-2.1.xlf", true, "\n"},
		{"folge.vtt", true, "\n"},
		{"artikel.html", false, "\r\n"},
		{"artikel.md", false, "\r\n"},
		{"okapi-docxsegtest.xlf", false, "\r\n"},
		{"app.po", false, "\r\n"},
	}
	for _, tc := range tests {
		name := tc.file
		if tc.crlf {
			name += " as CRLF"
		}
		t.Run(name+", answered with "+strings.ReplaceAll(strings.ReplaceAll(tc.answr, "\r", "CR"), "\n", "LF"), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if tc.crlf {
				data = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
			}
			crlf := bytes.Count(data, []byte("\r\n"))
			if crlf != 0 && crlf != bytes.Count(data, []byte("\n")) {
				t.Fatalf("the fixture mixes line endings: %d CRLF, %d LF", crlf, bytes.Count(data, []byte("\n")))
			}
			d, err := Read(bytes.NewReader(data), tc.file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			out, probs := write(t, d, translateAll(d, overLines(tc.answr)), "en")
			if len(probs) > 0 {
				t.Error(probs)
			}
			if out == string(data) {
				t.Fatal("nothing was translated")
			}
			if crlf > 0 {
				if n := strings.Count(out, "\n") - strings.Count(out, "\r\n"); n > 0 {
					t.Errorf("a CRLF file written with %d bare LF:\n%q", n, out)
				}
			} else if strings.Contains(out, "\r") {
				t.Errorf("an LF file written with CR:\n%q", out)
			}
			// A .po catalogue is written without one: gettext refuses it.
			if bom := bytes.HasPrefix(data, utf8BOM) && d.Format != PO; bom != strings.HasPrefix(out, "\ufeff") {
				t.Errorf("byte-order mark %v, written %v", bom, !bom)
			}
			if _, err := Read(strings.NewReader(out), tc.file, Options{}); err != nil {
				t.Errorf("the output does not read back: %v", err)
			}
			if d.Format == XLIFF {
				// The strict schema refuses Okapi's own attribute (its wildcard is strict).
				validateXLIFF(t, tc.file, strings.Replace(out, ` okp:inputEncoding="windows-1252"`, "", 1))
			}
		})
	}
}
