package review

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// TestReadXLIFFEncodings: an XLIFF file in windows-1252 or UTF-16 (Okapi's real test files
// are windows-1252) is reviewed into itself as UTF-8, its declaration saying so; before, every
// decision's write failed ("encoding windows-1252 declared but Decoder.CharsetReader is nil")
// and the review could not resume.
func TestReadXLIFFEncodings(t *testing.T) {
	const doc = `<?xml version="1.0" encoding="%s"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" target-language="en" datatype="plaintext"><body>
<trans-unit id="1"><source>Größe ändern</source><target>Change size</target></trans-unit>
</body></file></xliff>
`
	w1252, _ := charmap.Windows1252.NewEncoder().String(strings.Replace(doc, "%s", "windows-1252", 1))
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(strings.Replace(doc, "%s", "UTF-16", 1))
	for _, tc := range []struct{ name, data, from string }{
		{"windows-1252", w1252, "windows-1252 (declared windows-1252)"},
		{"UTF-16", u16, "UTF-16LE"},
		{"UTF-8", strings.Replace(doc, "%s", "UTF-8", 1), ""},
	} {
		in, _, err := ReadXLIFF(context.Background(), strings.NewReader(tc.data), "a.xlf", corpus.ReaderOptions{})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if in.Decoded() != tc.from || len(in.Items) != 1 || in.Items[0].Pair.Source != "Größe ändern" {
			t.Fatalf("%s: decoded from %q, %d items", tc.name, in.Decoded(), len(in.Items))
		}
		target := "Resize"
		var out bytes.Buffer
		if _, err := corpus.PatchXLIFF(&out, in.xliff, []corpus.XLIFFPatch{{Doc: "a", ID: "1", Target: &target, Reviewed: true}}); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !strings.Contains(strings.ToUpper(out.String()), `ENCODING="UTF-8"`) || !strings.Contains(out.String(), `<source>Größe ändern</source><target state="signed-off">Resize</target>`) {
			t.Errorf("%s: written\n%s", tc.name, out.String())
		}
	}
}
