package review

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// xmlEncoding finds the encoding declared in an XML declaration (its value is group 1).
var xmlEncoding = regexp.MustCompile(`^(?:\x{FEFF})?<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// xliffUTF8 returns an XLIFF file's bytes as UTF-8, its declaration saying so, and the encoding
// it was read from ("" when it was UTF-8 already). The file reviewed into itself is written as
// UTF-8, as translate writes every document it decodes: patched in its own encoding, a decision
// in windows-1252 would have needed re-encoding every target, and the first write failed.
func xliffUTF8(data []byte, name string) ([]byte, string, error) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		out, err := io.ReadAll(transform.NewReader(bytes.NewReader(data), unicode.BOMOverride(unicode.UTF8.NewDecoder())))
		if err != nil {
			return nil, "", fmt.Errorf("%s: %w", name, err)
		}
		return redeclare(out), "UTF-16", nil
	}
	m := xmlEncoding.FindSubmatch(data)
	label := ""
	if m != nil {
		label = strings.ToLower(string(m[1]))
	}
	if label == "" || label == "utf-8" || label == "utf8" {
		return data, "", nil
	}
	if utf8.Valid(data) && isASCIICompatible(label) && !hasHighBytes(data) {
		return redeclare(data), "", nil // an ASCII file declared as Latin-1: the same bytes
	}
	r, err := charset.NewReaderLabel(label, bytes.NewReader(data))
	if err != nil {
		return nil, "", fmt.Errorf("%s: encoding %q: %w", name, label, err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", name, err)
	}
	return redeclare(out), label, nil
}

// redeclare makes the XML declaration of a UTF-8 text say UTF-8.
func redeclare(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	loc := xmlEncoding.FindSubmatchIndex(data)
	if loc == nil {
		return data
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:loc[2]]...)
	out = append(out, "UTF-8"...)
	return append(out, data[loc[3]:]...)
}

func isASCIICompatible(label string) bool {
	return !strings.HasPrefix(label, "utf-16") && !strings.HasPrefix(label, "utf-32") && !strings.HasPrefix(label, "ucs")
}

func hasHighBytes(data []byte) bool {
	for _, b := range data {
		if b >= 0x80 {
			return true
		}
	}
	return false
}
