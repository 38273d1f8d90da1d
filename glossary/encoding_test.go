package glossary

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// tbxIn is a small v2 file with letters outside Latin-1 (Turkish ğ, ş, ı; German ä, ß), whose
// XML declaration names the given encoding ("" for none).
func tbxIn(declared string) string {
	decl := `<?xml version="1.0"?>`
	if declared != "" {
		decl = `<?xml version="1.0" encoding="` + declared + `"?>`
	}
	return decl + "\n" + `<martif type="TBX"><text><body>
<termEntry id="e1">
 <langSet xml:lang="de"><tig><term>Außenministerium</term></tig></langSet>
 <langSet xml:lang="en"><tig><term>Foreign Ministry</term></tig></langSet>
 <langSet xml:lang="tr"><tig><term>Dışişleri Bakanlığı</term></tig></langSet>
</termEntry>
</body></text></martif>
`
}

func encode(t *testing.T, e encoding.Encoding, s string) string {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDeclaredEncodingsAndBOMs(t *testing.T) {
	utf16le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	utf16be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	utf16leNoBOM := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	tests := []struct {
		name string
		in   func(t *testing.T) string
		f    Format
		o    Options
		want Entry
	}{
		{"tbx windows-1254", func(t *testing.T) string {
			return encode(t, charmap.Windows1254, tbxIn("windows-1254"))
		}, TBX, Options{Source: "tr", Target: "de"}, Entry{Source: "Dışişleri Bakanlığı", Target: "Außenministerium", Match: MatchStem, Line: 6}},
		{"tbx iso-8859-1 declared, German", func(t *testing.T) string {
			s := strings.Replace(tbxIn("ISO-8859-1"), "Dışişleri Bakanlığı", "Disisleri", 1)
			return encode(t, charmap.ISO8859_1, s)
		}, TBX, Options{}, Entry{Source: "Außenministerium", Target: "Foreign Ministry", Match: MatchStem, Line: 4}},
		{"tbx utf-16le with BOM, declared UTF-16 (MultiTerm)", func(t *testing.T) string {
			return encode(t, utf16le, tbxIn("UTF-16"))
		}, TBX, Options{}, Entry{Source: "Außenministerium", Target: "Foreign Ministry", Match: MatchStem, Line: 4}},
		{"tbx utf-16be with BOM", func(t *testing.T) string {
			return encode(t, utf16be, tbxIn("UTF-16"))
		}, TBX, Options{Source: "de", Target: "tr"}, Entry{Source: "Außenministerium", Target: "Dışişleri Bakanlığı", Match: MatchStem, Line: 4}},
		{"tbx utf-16le without BOM, sniffed from <?xml", func(t *testing.T) string {
			return encode(t, utf16leNoBOM, tbxIn("UTF-16"))
		}, TBX, Options{}, Entry{Source: "Außenministerium", Target: "Foreign Ministry", Match: MatchStem, Line: 4}},
		{"tbx utf-8 BOM, declared UTF-16 by a tool that re-saved it", func(t *testing.T) string {
			return "\ufeff" + tbxIn("UTF-16")
		}, TBX, Options{}, Entry{Source: "Außenministerium", Target: "Foreign Ministry", Match: MatchStem, Line: 4}},
		{"tsv utf-16le with BOM (Excel's Unicode text)", func(t *testing.T) string {
			return encode(t, utf16le, "de\ten\r\nAußenministerium\tForeign Ministry\r\n")
		}, TSV, Options{}, Entry{Source: "Außenministerium", Target: "Foreign Ministry", Match: MatchStem, Line: 2}},
		{"csv utf-16be with BOM", func(t *testing.T) string {
			return encode(t, utf16be, "Außenministerium,Foreign Ministry\n")
		}, CSV, Options{}, Entry{Source: "Außenministerium", Target: "Foreign Ministry", Match: MatchStem, Line: 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := ParseWith(strings.NewReader(tc.in(t)), "g", tc.f, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Entries) != 1 {
				t.Fatalf("%d entries: %v", len(g.Entries), derefs(g.Entries))
			}
			got := *g.Entries[0]
			got.File = ""
			if got.Source != tc.want.Source || got.Target != tc.want.Target || got.Line != tc.want.Line {
				t.Errorf("got %q → %q at line %d, want %q → %q at line %d", got.Source, got.Target, got.Line, tc.want.Source, tc.want.Target, tc.want.Line)
			}
		})
	}
}

func TestEncodingErrors(t *testing.T) {
	tests := []struct {
		name, in string
		f        Format
		want     string
	}{
		{"unknown declared encoding", tbxIn("x-klingon"), TBX, `g.tbx:1: unsupported encoding "x-klingon"`},
		{"latin-1 bytes declared as nothing", strings.Replace(tbxIn(""), "ß", "\xdf", 1), TBX, "g.tbx:4: invalid UTF-8 at byte"},
		{"tsv utf-16 without BOM", "K\x00r\x00e\x00m\x00l\x00\t\x00K\x00r\x00e\x00m\x00l\x00i\x00n\x00\n\x00", TSV, "g.tbx: UTF-16 without a byte-order mark"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tc.in), "g.tbx", tc.f)
			var ge *Error
			if !errors.As(err, &ge) {
				t.Fatalf("error %v (%T), want *Error", err, err)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %q, want prefix %q", err, tc.want)
			}
		})
	}
}
