package corpus

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/internal/textcheck"
)

// checkFirstLine rejects a first line starting with a byte-order mark in line-based formats:
// readers drop a BOM at the start of a file, so it would not read back.
func checkFirstLine(f Format, s string) error {
	if strings.HasPrefix(s, "\uFEFF") {
		return fmt.Errorf("%s: the first line starts with U+FEFF, which readers take for a byte-order mark", f)
	}
	return nil
}

// checkText rejects what the readers would reject, so that every writer's output reads back:
// invalid UTF-8 anywhere, and NUL bytes in the line-based formats (TSV, Moses).
func checkText(f Format, p Pair) error {
	for _, fld := range []struct{ name, s string }{
		{"doc", p.Doc}, {"source", p.Source}, {"target", p.Target}, {"provider", p.Provider}, {"model", p.Model},
	} {
		if !utf8.ValidString(fld.s) {
			return fmt.Errorf("%s: %s has invalid UTF-8 at byte %d", f, fld.name, textcheck.InvalidUTF8([]byte(fld.s)))
		}
		if (f == TSV || f == Moses) && strings.IndexByte(fld.s, 0) >= 0 {
			return fmt.Errorf("%s: %s has a NUL byte at byte %d", f, fld.name, strings.IndexByte(fld.s, 0))
		}
	}
	return nil
}
