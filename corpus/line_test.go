package corpus

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
)

// utf16LE is s in UTF-16 little endian with a byte-order mark, as Windows tools write text.
func utf16LE(s string) string {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

const tmxHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n" +
	"<header srclang=\"de\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" o-tmf=\"t\" creationtool=\"t\" creationtoolversion=\"1\"/>\n"

// TestPairLines: every reader gives each pair the line of its file where the pair starts, so
// that a location FILE:LINE opens the right line: blank lines, CR LF, a byte-order mark,
// UTF-16, pairs a reader holds back or skips, and start tags over several lines do not shift it.
func TestPairLines(t *testing.T) {
	tests := []struct {
		name   string
		f      Format
		main   string
		target string // Moses
		want   []string
	}{
		{"tsv blank lines", TSV, "Der Rat tagte.\tThe board met.\n\n\nDer Rat tagte.\tThe board met.\n",
			"", []string{"Der Rat tagte.@1", "Der Rat tagte.@4"}},
		{"tsv CRLF, white space lines, no final newline", TSV, "a\tA\r\n\r\n  \r\nb\tB\r\nc\tC",
			"", []string{"a@1", "b@4", "c@5"}},
		// Pairs of white space at the start are held back until a line with text shows the
		// file is not empty; they keep their own lines, and so does the pair that shows it.
		{"tsv leading blank pairs", TSV, " \t \n\n\t\na\tA\nb\tB\n",
			"", []string{" @1", "@3", "a@4", "b@5"}},
		{"tsv byte-order mark", TSV, "\uFEFFa\tA\n\nb\tB\n", "", []string{"a@1", "b@3"}},
		{"tsv UTF-16", TSV, utf16LE("a\tA\r\n\r\nb\tB\r\n"), "", []string{"a@1", "b@3"}},
		{"tsv UTF-16 without a byte-order mark", TSV, utf16LE("Grüße aus Köln.\tRegards.\n\nb\tB\n")[2:], "", []string{"Grüße aus Köln.@1", "b@3"}},
		{"jsonl UTF-16 without a byte-order mark", JSONL, utf16LE("{\"source\":\"a\",\"target\":\"A\"}\n")[2:], "", []string{"a@1"}},
		{"tsv escaped line break stays on its line", TSV, `a\nzwei` + "\tA\nb\tB\n", "", []string{"a\nzwei@1", "b@2"}},

		{"jsonl leading and inner blank lines", JSONL, "\n{\"source\":\"a\",\"target\":\"A\"}\n\n{\"source\":\"b\",\"target\":\"B\"}\n",
			"", []string{"a@2", "b@4"}},
		{"jsonl CRLF and white space lines", JSONL, " \r\n{\"source\":\"a\",\"target\":\"A\"}\r\n\t \r\n\r\n{\"source\":\"b\",\"target\":\"B\"}",
			"", []string{"a@2", "b@5"}},

		{"moses blank lines are pairs", Moses, "a\n\nc\n", "A\n\nC\n", []string{"a@1", "@2", "c@3"}},
		{"moses leading blank pairs, CRLF", Moses, "\r\n \r\nc\r\nd", "\r\n\r\nC\r\nD", []string{"@1", " @2", "c@3", "d@4"}},

		{"tmx skipped unit, comment, start tag over two lines, two units on a line, CRLF", TMX,
			strings.ReplaceAll(tmxHead+"<body>\n\n"+ // 1-5
				"<tu>\n  <tuv xml:lang=\"de\"><seg>Eins.</seg></tuv>\n  <tuv xml:lang=\"en\"><seg>One.</seg></tuv>\n</tu>\n"+ // 6-9
				"<tu><tuv xml:lang=\"de\"><seg>Zwei.</seg></tuv></tu>\n"+ // 10: no English, skipped
				"<!-- a comment\nover two lines -->\n"+ // 11-12
				"<tu\n tuid=\"3\"><tuv xml:lang=\"de\"><seg>Drei.</seg></tuv><tuv xml:lang=\"en\"><seg>Three.</seg></tuv></tu>"+ // 13-14
				"<tu><tuv xml:lang=\"de\"><seg>Vier.</seg></tuv><tuv xml:lang=\"en\"><seg>Four.</seg></tuv></tu>\n"+ // 14
				"<tu><tuv xml:lang=\"de\"><seg>Fünf\nZeilen.</seg></tuv>\n<tuv xml:lang=\"en\"><seg>Five.</seg></tuv></tu>\n"+ // 15-17
				"  <tu><tuv xml:lang=\"de\"><seg>Sechs.</seg></tuv><tuv xml:lang=\"en\"><seg>Six.</seg></tuv></tu>\n"+ // 18
				"</body>\n</tmx>\n", "\n", "\r\n"),
			"", []string{"Eins.@6", "Drei.@13", "Vier.@14", "Fünf\nZeilen.@15", "Sechs.@18"}},
		{"tmx declared encoding", TMX,
			"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<tmx version=\"1.4\"><header srclang=\"de\"/>\n<body>\n\n" +
				"<tu><tuv xml:lang=\"de\"><seg>Gr\xfcn.</seg></tuv><tuv xml:lang=\"en\"><seg>Green.</seg></tuv></tu>\n</body></tmx>\n",
			"", []string{"Grün.@5"}},
		{"tmx UTF-16", TMX, utf16LE(tmxHead + "<body>\n<tu><tuv xml:lang=\"de\"><seg>a</seg></tuv><tuv xml:lang=\"en\"><seg>A</seg></tuv></tu>\n\n" +
			"<tu><tuv xml:lang=\"de\"><seg>b</seg></tuv><tuv xml:lang=\"en\"><seg>B</seg></tuv></tu></body></tmx>"),
			"", []string{"a@5", "b@7"}},

		{"xliff 1.2 skipped units, group, start tag over two lines, CRLF", XLIFF,
			strings.ReplaceAll("<?xml version=\"1.0\"?>\n"+ // 1
				"<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"+ // 2
				"<file original=\"a.txt\" source-language=\"de\" target-language=\"en\" datatype=\"plaintext\"><body>\n"+ // 3
				"<trans-unit id=\"1\" translate=\"no\"><source>Code</source><target>Code</target></trans-unit>\n"+ // 4: skipped
				"<group id=\"g\">\n\n"+ // 5-6
				"  <trans-unit\n    id=\"2\">\n    <source>Zwei</source>\n    <target>Two</target>\n  </trans-unit>\n"+ // 7-11
				"</group>\n"+ // 12
				"<trans-unit id=\"3\"><source>Drei</source></trans-unit>\n"+ // 13: no target, skipped
				"<trans-unit id=\"4\"><source>Vier</source><target>Four</target></trans-unit><trans-unit id=\"5\"><source>Fünf</source><target>Five</target></trans-unit>\n"+ // 14
				"</body></file></xliff>\n", "\n", "\r\n"),
			"", []string{"Zwei@7", "Vier@14", "Fünf@14"}},
		{"xliff 2 segments of a unit, a skipped segment", XLIFF,
			"<?xml version=\"1.0\"?>\n" + // 1
				"<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"de\" trgLang=\"en\">\n" + // 2
				"<file id=\"f\" original=\"a.txt\">\n" + // 3
				"<unit id=\"u1\">\n" + // 4
				"  <segment id=\"s1\"><source>Eins</source><target>One</target></segment>\n" + // 5
				"  <segment id=\"s2\" state=\"initial\"><source>Zwei</source><target>Zwei</target></segment>\n" + // 6: skipped
				"  <ignorable><source> </source></ignorable>\n" + // 7
				"  <segment\n     id=\"s3\">\n    <source>Drei</source>\n    <target>Three</target>\n  </segment>\n" + // 8-12
				"</unit>\n" + // 13
				"<unit id=\"u2\" translate=\"no\"><segment><source>Code</source><target>Code</target></segment></unit>\n" + // 14: skipped
				"<unit id=\"u3\"><segment><source>Vier</source><target>Four</target></segment><segment><source>Fünf</source><target>Five</target></segment></unit>\n" + // 15
				"</file></xliff>\n",
			"", []string{"Eins@5", "Drei@8", "Vier@15", "Fünf@15"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := ReaderOptions{}
			if tt.f == Moses {
				opt.Target, opt.TargetName = strings.NewReader(tt.target), "t.en"
			}
			r, err := NewReader(tt.f, strings.NewReader(tt.main), "t."+string(tt.f), opt)
			if err != nil {
				t.Fatal(err)
			}
			// A message about a pair names the file by the reader's Name and the line.
			if n, ok := r.(interface{ Name() string }); !ok {
				t.Errorf("%T has no Name method", r)
			} else if got := n.Name(); got != "t."+string(tt.f) {
				t.Errorf("Name() = %q, want %q", got, "t."+string(tt.f))
			}
			pairs, err := nextAll(r)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range pairs {
				got = append(got, p.Source+"@"+strconv.Itoa(p.Line))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("source@line (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPairLineNotWritten: Line is where a reader found a pair; no writer writes it.
func TestPairLineNotWritten(t *testing.T) {
	p := Pair{Doc: "d", Source: "Eins", Target: "One", Line: 4711}
	for _, f := range Formats {
		main, target := writeAll(t, f, []Pair{p})
		if out := string(main) + string(target); strings.Contains(out, "4711") {
			t.Errorf("%s writes Line:\n%s", f, out)
		}
	}
	var b bytes.Buffer
	w, _ := NewWriter(JSONL, &b, WriterOptions{})
	w.Write(p)
	w.Close()
	if strings.Contains(strings.ToLower(b.String()), `"line"`) {
		t.Errorf("JSONL has a line field: %s", b.String())
	}
}

// TestPairWhere: a pair's place for people, by what it knows.
func TestPairWhere(t *testing.T) {
	for _, tt := range []struct {
		p    Pair
		want string
	}{
		{Pair{Doc: "a.txt", Paragraph: 3, Sentence: 2, Line: 7}, "a.txt ¶3.2"},
		{Pair{Line: 7}, "p.tsv:7"},
		{Pair{}, "p.tsv: pair 4"},
		// A bilingual file's unit id, which a CAT tool finds the segment by (check review).
		{Pair{Line: 7, ID: "u12"}, "p.tsv:7 (unit u12)"},
		{Pair{Doc: "a.txt", Paragraph: 3, Sentence: 2, ID: "5"}, "a.txt ¶3.2 (unit 5)"},
	} {
		if got := tt.p.Where("p.tsv", 4); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.p, got, tt.want)
		}
	}
}
