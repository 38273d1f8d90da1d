package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"

	"github.com/bitext/bitext/document"
	"github.com/google/go-cmp/cmp"
)

// trickyPairs exercise escaping in every format.
var trickyPairs = []Pair{
	{Doc: "nato-russland.txt", Paragraph: 1, Sentence: 1, Source: "Der NATO-Generalsekretär sprach am 15. Dezember.",
		Target: "The NATO Secretary General spoke on 15 December.", Provider: "openai", Model: "gpt-4o-mini"},
	{Doc: "a&b <c>.html", Paragraph: 2, Sentence: 3, Source: `<script>alert("x & y")</script>`,
		Target: `<script>alert('x & y')</script>`, TMHit: true, Confidence: 0.875},
	{Source: "„Zitat“ mit 'Apostroph' und \"Anführung\"", Target: "“Quote” with 'apostrophe' and \"quotes\"",
		Violations: []Violation{{Kind: "missing", SourceTerm: "US-Außenministerium", Expected: "State Department", Found: ""}}},
	{Source: "Tab\there, 2,5 Jahren", Target: "Tab\there, 2.5 years"},
	{Source: "Emoji 🇩🇪 😀 und Zeilen\numbruch", Target: "emoji 🇩🇪 😀 and line\nbreak"},
	{Source: `Backslash \t is not a tab \\ \n`, Target: `C:\new\table`},
	{Source: "Carriage\r\nreturn", Target: "CR\ronly"},
	{Source: "", Target: ""},
	{Source: "  leading and trailing  ", Target: " x "},
	{Source: "]]> and &amp; literally", Target: "&lt;&#xD;"},
}

func writeAll(t testing.TB, f Format, pairs []Pair) (main, target []byte) {
	t.Helper()
	var a, b bytes.Buffer
	w, err := NewWriter(f, &a, WriterOptions{Target: &b})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pairs {
		if err := w.Write(p); err != nil {
			t.Fatalf("%s: Write(%+v): %v", f, p, err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return a.Bytes(), b.Bytes()
}

func readAll(f Format, main, target []byte, opt ReaderOptions) ([]Pair, error) {
	if f == Moses {
		opt.Target = bytes.NewReader(target)
		opt.TargetName = "test.en"
	}
	r, err := NewReader(f, bytes.NewReader(main), "test."+string(f), opt)
	if err != nil {
		return nil, err
	}
	var out []Pair
	prev := 0
	for {
		p, err := r.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		// Line says where the reader found the pair, which no format carries: it is checked
		// (a line of the file, not before the pair before's) and cleared, so that round trips
		// compare what the formats carry.
		if p.Line < 1 || p.Line < prev {
			return out, fmt.Errorf("%s: pair %d: Line %d, the pair before's %d", f, len(out)+1, p.Line, prev)
		}
		prev, p.Line = p.Line, 0
		// Machine and NeedsReview are what a CAT file says of its target (XLIFF leveraged-mt,
		// which the writer puts on a provider's pair, and needs-review-translation, on a pair
		// with violations): no field any format writes.
		p.Machine, p.NeedsReview = false, false
		out = append(out, p)
	}
}

// carried is what format f can carry of p, the first pair written when first is set: invalid
// UTF-8 becomes U+FFFD everywhere; Moses lines lose tabs and line breaks (mosesLine); TSV and
// Moses carry no metadata.
func carried(f Format, p Pair, first bool) Pair {
	fix := func(s string) string { s, _ = validUTF8(s); return s }
	switch f {
	case Moses:
		src, _, _ := mosesLine(fix(p.Source), first)
		tgt, _, _ := mosesLine(fix(p.Target), first)
		return Pair{Source: src, Target: tgt}
	case TSV:
		return Pair{Source: fix(p.Source), Target: fix(p.Target)}
	case XLIFF:
		// Characters XML cannot carry are dropped; a pair without a document is in the file
		// "bitext"; metadata are note lines, on one line each; the writer numbers pairs
		// without an id (compare with sameIDs).
		strip := func(s string) string { s, _, _ = splitControls(fix(s)); return s }
		p.Doc, p.Source, p.Target, p.Note = strip(p.Doc), strip(p.Source), strip(p.Target), strip(p.Note)
		p.Provider, p.Model, p.ID = oneLine(strip(p.Provider)), oneLine(strip(p.Model)), strip(p.ID)
		p.SourceTagged, p.TargetTagged = strip(p.SourceTagged), strip(p.TargetTagged)
		if p.Doc == "" {
			p.Doc = "bitext"
		}
		var lines []string
		for _, l := range strings.Split(p.Note, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		p.Note = strings.Join(lines, "\n")
		p.Codes = strippedCodes(p.Codes)
	}
	p.Doc, p.Source, p.Target, p.Provider, p.Model = fix(p.Doc), fix(p.Source), fix(p.Target), fix(p.Provider), fix(p.Model)
	p.Codes = strippedCodes(p.Codes)
	if p.Violations != nil {
		vs := make([]Violation, len(p.Violations))
		for i, v := range p.Violations {
			vs[i] = Violation{Kind: fix(v.Kind), SourceTerm: fix(v.SourceTerm), Expected: fix(v.Expected), Found: fix(v.Found)}
		}
		p.Violations = vs
	}
	return p
}

// blank reports whether every pair has only white space, which a line-based format reads back
// as ErrEmpty.
func blank(pairs []Pair) bool {
	for _, p := range pairs {
		if strings.TrimFunc(p.Source+p.Target, unicode.IsSpace) != "" {
			return false
		}
	}
	return true
}

func TestRoundTrip(t *testing.T) {
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			main, target := writeAll(t, f, trickyPairs)
			if f != Moses {
				target = nil
			}
			got, err := readAll(f, main, target, ReaderOptions{})
			if err != nil {
				t.Fatalf("reading back:\n%s\nerror: %v", main, err)
			}
			var want []Pair
			for i, p := range trickyPairs {
				want = append(want, carried(f, p, i == 0))
			}
			sameIDs(want, got)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("round trip (-want +got):\n%s\nwritten:\n%s", diff, main)
			}
		})
	}
}

// TestRoundTripEmpty: an empty corpus written as TMX or XLIFF is a document without units, which reads
// back as no pairs; the line-based formats write nothing, which reads back as ErrEmpty.
func TestRoundTripEmpty(t *testing.T) {
	for _, f := range Formats {
		main, target := writeAll(t, f, nil)
		if f != Moses {
			target = nil
		} else if target == nil {
			target = []byte{}
		}
		got, err := readAll(f, main, target, ReaderOptions{})
		if f == TMX || f == XLIFF {
			if err != nil || len(got) != 0 {
				t.Errorf("%s: empty corpus read back as %v, %v\n%s", f, got, err, main)
			}
			continue
		}
		if !errors.Is(err, ErrEmpty) {
			t.Errorf("%s: empty corpus read back as %v, %v; want ErrEmpty", f, got, err)
		}
	}
}

// TestReadEmpty: every reader reports a file without content as an *InputError naming the file
// and wrapping ErrEmpty, not as a corpus without pairs.
func TestReadEmpty(t *testing.T) {
	inputs := map[string]string{
		"0 bytes": "", "blank lines": "\n\n  \n", "UTF-8 BOM": "\uFEFF", "BOM and spaces": "\uFEFF \r\n\t\n",
		"UTF-16LE BOM": "\xFF\xFE", "UTF-16BE BOM and newline": "\xFE\xFF\x00\n",
	}
	for _, f := range Formats {
		for name, in := range inputs {
			t.Run(string(f)+"/"+name, func(t *testing.T) {
				opt := ReaderOptions{}
				if f == Moses {
					opt.Target, opt.TargetName = strings.NewReader(in), "empty.en"
				}
				r, err := NewReader(f, strings.NewReader(in), "empty."+string(f), opt)
				if err != nil {
					t.Fatal(err)
				}
				_, err = r.Next()
				var ie *InputError
				if !errors.Is(err, ErrEmpty) || !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), "empty."+string(f)+": ") {
					t.Errorf("Next() = %v; want an *InputError naming empty.%s and wrapping ErrEmpty", err, f)
				}
			})
		}
	}
	// Not empty: an XML declaration alone is not a TMX document; a Moses corpus with one blank
	// side is a mismatch or a corpus with empty segments, not an empty one.
	r, _ := NewReader(TMX, strings.NewReader(`<?xml version="1.0"?>`), "decl.tmx", ReaderOptions{})
	if _, err := r.Next(); err == nil || errors.Is(err, ErrEmpty) {
		t.Errorf("XML declaration alone: %v, want a not-TMX error", err)
	}
	r, _ = NewReader(Moses, strings.NewReader("\n"), "a.de", ReaderOptions{Target: strings.NewReader("x\n"), TargetName: "a.en"})
	if p, err := r.Next(); err != nil || p.Target != "x" {
		t.Errorf("blank source line with a target: %+v, %v", p, err)
	}
}

// TestReadUTF16: line-based files in UTF-16 with a byte-order mark are decoded, not taken for
// binary data.
func TestReadUTF16(t *testing.T) {
	enc := func(s string, big bool) string {
		var b strings.Builder
		if big {
			b.WriteString("\xFE\xFF")
		} else {
			b.WriteString("\xFF\xFE")
		}
		for _, u := range utf16.Encode([]rune(s)) {
			hi, lo := byte(u>>8), byte(u)
			if big {
				b.WriteByte(hi)
				b.WriteByte(lo)
			} else {
				b.WriteByte(lo)
				b.WriteByte(hi)
			}
		}
		return b.String()
	}
	for _, big := range []bool{false, true} {
		tsv := enc("Außenministerium\tState Department 🇩🇪\r\nzwei\ttwo\r\n", big)
		got, err := readAll(TSV, []byte(tsv), nil, ReaderOptions{})
		want := []Pair{{Source: "Außenministerium", Target: "State Department 🇩🇪"}, {Source: "zwei", Target: "two"}}
		if err != nil || !cmp.Equal(got, want) {
			t.Errorf("TSV UTF-16 (big endian %v): %+v, %v", big, got, err)
		}
		jsonl := enc(`{"source":"ä","target":"a"}`+"\n", big)
		if got, err := readAll(JSONL, []byte(jsonl), nil, ReaderOptions{}); err != nil || len(got) != 1 || got[0].Source != "ä" {
			t.Errorf("JSONL UTF-16 (big endian %v): %+v, %v", big, got, err)
		}
		de, en := enc("eins\nzwei\n", big), "one\ntwo\n"
		if got, err := readAll(Moses, []byte(de), []byte(en), ReaderOptions{}); err != nil || len(got) != 2 || got[1].Source != "zwei" {
			t.Errorf("Moses UTF-16 (big endian %v): %+v, %v", big, got, err)
		}
	}
}

func TestTMXWriterHeader(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewWriter(TMX, &buf, WriterOptions{SourceLang: "de-DE", TargetLang: "en-GB", ToolVersion: "1.2.3"})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(Pair{Source: "a", Target: "b", Doc: "d.txt", Paragraph: 4})
	w.Close()
	for _, want := range []string{
		`<?xml version="1.0" encoding="UTF-8"?>`, `<tmx version="1.4">`, `creationtool="bitext"`,
		`creationtoolversion="1.2.3"`, `srclang="de-DE"`, `segtype="sentence"`, `o-tmf="bitext"`,
		`adminlang="en"`, `datatype="plaintext"`, `<tuv xml:lang="de-DE"><seg>a</seg></tuv>`,
		`<tuv xml:lang="en-GB"><seg>b</seg></tuv>`, `<prop type="x-doc">d.txt</prop>`,
		`<prop type="x-paragraph">4</prop>`, "</body>\n</tmx>\n",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("TMX output lacks %q:\n%s", want, buf.String())
		}
	}
}

// TestWritersNeverRefuseText: no character makes a writer fail; what the format cannot carry is
// changed as documented, each change is reported once per field with the document and segment,
// and bitext's reader restores what is marked reversible.
func TestWritersNeverRefuseText(t *testing.T) {
	p := Pair{Doc: "nato\x01.txt", Paragraph: 2, Sentence: 3,
		Source: "Satz\x01 mit\fSeitenvorschub\x00 und \uFFFE\u2028Ende\tTab", Target: "bad \xff utf8\r\nline",
		Provider: "p\x1b", Model: "m", Violations: []Violation{{Kind: "missing", SourceTerm: "a\x02b\uFFFF", Expected: "\x80"}}}
	tests := []struct {
		f    Format
		want []string // Warning.String() of every warning, in order
	}{
		{TMX, []string{
			`"nato\x01.txt"` + " paragraph 2 sentence 3 (pair 1): tmx: doc: U+0001 at byte 4: XML 1.0 cannot carry it; removed from the text and kept in <prop type=\"x-bitext-controls\">, which bitext reads back",
			`"nato\x01.txt"` + " paragraph 2 sentence 3 (pair 1): tmx: provider: U+001B at byte 1: XML 1.0 cannot carry it; removed from the text and kept in <prop type=\"x-bitext-controls\">, which bitext reads back",
			`"nato\x01.txt"` + " paragraph 2 sentence 3 (pair 1): tmx: violation: invalid UTF-8 at byte 0: not UTF-8; each bad byte replaced by U+FFFD",
			`"nato\x01.txt"` + " paragraph 2 sentence 3 (pair 1): tmx: source: U+0001 at byte 4 (4 in all): XML 1.0 cannot carry it; removed from the text and kept in <prop type=\"x-bitext-controls\">, which bitext reads back",
			`"nato\x01.txt"` + " paragraph 2 sentence 3 (pair 1): tmx: target: invalid UTF-8 at byte 4: not UTF-8; each bad byte replaced by U+FFFD",
		}},
		{Moses, []string{
			`"nato\x01.txt"` + " paragraph 2 sentence 3 (pair 1): moses: source: U+000C at byte 9 (3 in all): a Moses line cannot hold a tab or line break; replaced by a space (CR LF by one)",
			`"nato\x01.txt"` + " paragraph 2 sentence 3 (pair 1): moses: source: U+0000 at byte 24: Moses readers take it for binary data or a byte-order mark; removed",
			`"nato\x01.txt"` + " paragraph 2 sentence 3 (pair 1): moses: target: invalid UTF-8 at byte 4: not UTF-8; each bad byte replaced by U+FFFD",
			`"nato\x01.txt"` + " paragraph 2 sentence 3 (pair 1): moses: target: U+000D at byte 12: a Moses line cannot hold a tab or line break; replaced by a space (CR LF by one)",
		}},
		{TSV, []string{
			`"nato\x01.txt"` + " paragraph 2 sentence 3 (pair 1): tsv: source: U+000C at byte 9 (3 in all): it breaks lines for some line-based tools; written as \\uXXXX, which bitext reads back",
			`"nato\x01.txt"` + " paragraph 2 sentence 3 (pair 1): tsv: target: invalid UTF-8 at byte 4: not UTF-8; each bad byte replaced by U+FFFD",
		}},
		{JSONL, []string{
			`"nato\x01.txt"` + " paragraph 2 sentence 3 (pair 1): jsonl: target: invalid UTF-8 at byte 4: not UTF-8; each bad byte replaced by U+FFFD",
			`"nato\x01.txt"` + " paragraph 2 sentence 3 (pair 1): jsonl: violation: invalid UTF-8 at byte 0: not UTF-8; each bad byte replaced by U+FFFD",
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.f), func(t *testing.T) {
			var a, b bytes.Buffer
			var got []string
			w, err := NewWriter(tt.f, &a, WriterOptions{Target: &b, Warn: func(w Warning) { got = append(got, w.String()) }})
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(p); err != nil {
				t.Fatalf("Write: %v", err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
			back, err := readAll(tt.f, a.Bytes(), b.Bytes(), ReaderOptions{})
			if err != nil {
				t.Fatalf("reading back: %v\n%s", err, a.Bytes())
			}
			if diff := cmp.Diff([]Pair{carried(tt.f, p, true)}, back); diff != "" {
				t.Errorf("read back (-want +got):\n%s\nwritten:\n%q", diff, a.Bytes())
			}
		})
	}
}

// TestTMXControls: the x-bitext-controls property as written, and what the reader does with it.
func TestTMXControls(t *testing.T) {
	main, _ := writeAll(t, TMX, []Pair{{Doc: "a\x01b", Source: "\x01x\x0cy\uFFFF", Target: "ok"}})
	for _, want := range []string{
		`<prop type="x-doc">ab</prop>`, `<prop type="x-bitext-controls">x-doc 1:U+0001</prop>`,
		`<tuv xml:lang="de"><prop type="x-bitext-controls">0:U+0001 2:U+000C 4:U+FFFF</prop><seg>xy</seg></tuv>`,
		`<tuv xml:lang="en"><seg>ok</seg></tuv>`,
	} {
		if !bytes.Contains(main, []byte(want)) {
			t.Errorf("output lacks %s:\n%s", want, main)
		}
	}
	tu := func(props, seg string) string {
		return `<tmx><header srclang="de"/><body><tu><tuv xml:lang="de">` + props + `<seg>` + seg + `</seg></tuv><tuv xml:lang="en"><seg>e</seg></tuv></tu></body></tmx>`
	}
	for _, tt := range []struct {
		name, doc, want, err string
	}{
		{"adjacent and at the end", tu(`<prop type="x-bitext-controls">1:U+0001 2:U+0002 5:U+FFFE</prop>`, "abc"), "a\x01\x02bc\uFFFE", ""},
		{"multibyte text", tu(`<prop type="x-bitext-controls">2:U+000B</prop>`, "äb"), "ä\vb", ""},
		{"inside a rune", tu(`<prop type="x-bitext-controls">1:U+000B</prop>`, "äb"), "", "offset 1 does not fit"},
		{"beyond the text", tu(`<prop type="x-bitext-controls">9:U+000B</prop>`, "ab"), "", "offset 9 does not fit"},
		{"out of order", tu(`<prop type="x-bitext-controls">2:U+0001 1:U+0002</prop>`, "abc"), "", "does not fit"},
		{"an XML character", tu(`<prop type="x-bitext-controls">0:U+0041</prop>`, "abc"), "", "not a character XML cannot carry"},
		{"garbage", tu(`<prop type="x-bitext-controls">zwei</prop>`, "abc"), "", "not OFFSET:U+XXXX"},
		{"other props are ignored", tu(`<prop type="x-other">1:U+0001</prop>`, "abc"), "abc", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readAll(TMX, []byte(tt.doc), nil, ReaderOptions{})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil || len(got) != 1 || got[0].Source != tt.want {
				t.Errorf("got %+v, %v; want source %q", got, err, tt.want)
			}
		})
	}
}

// TestTSVEscapes: what TSV writes for each character that needs it, and that foreign
// backslashes read as written.
func TestTSVEscapes(t *testing.T) {
	main, _ := writeAll(t, TSV, []Pair{
		{Source: "\uFEFFbom\\ \t\r\n", Target: "\v\f\x00\u0085\u2028\u2029\x1c"},
		{Source: "\uFEFFnot first", Target: "\\u2028 literally"},
	})
	want := `\uFEFFbom\\ \t\r\n` + "\t" + `\u000B\u000C\u0000\u0085\u2028\u2029\u001C` + "\n" +
		"\uFEFFnot first\t" + `\\u2028 literally` + "\n"
	if string(main) != want {
		t.Errorf("TSV output\n%q\nwant\n%q", main, want)
	}
	// One byte-order mark opens the file; a second one is text.
	if got, err := readAll(TSV, []byte("\uFEFF\uFEFFa\tb\n"), nil, ReaderOptions{}); err != nil || len(got) != 1 || got[0].Source != "\uFEFFa" {
		t.Errorf("two BOMs: %+v, %v", got, err)
	}
	for in, out := range map[string]string{
		`C:\new\table`: "C:\new\table", `\x \u12 \u12345 \uZZZZ \uD800 \`: `\x \u12 ` + "\u1234" + `5 \uZZZZ \uD800 \`,
		`\u00e4\u00C4`: "äÄ", `\\u00e4`: `\u00e4`,
	} {
		if got := tsvUnescape(in); got != out {
			t.Errorf("tsvUnescape(%q) = %q, want %q", in, got, out)
		}
	}
}

// TestTSVHeader: a first line naming the columns by the pair's languages or as source and
// target is no pair (the check reviewer's Europarl TSV was checked from its "de<TAB>en"
// line); a pair that merely looks short is.
func TestTSVHeader(t *testing.T) {
	for _, tc := range []struct {
		in   string
		opt  ReaderOptions
		want []string // sources read
	}{
		{"de\ten\nHallo\tHello\n", ReaderOptions{}, []string{"Hallo"}},
		{"\uFEFFDE-de\tEN_GB\nHallo\tHello\n", ReaderOptions{}, []string{"Hallo"}},
		{"source\ttarget\nHallo\tHello\n", ReaderOptions{}, []string{"Hallo"}},
		{"\nde\ten\nHallo\tHello\n", ReaderOptions{}, []string{"Hallo"}},
		{"fr\tde\nBonjour\tHallo\n", ReaderOptions{SourceLang: "fr", TargetLang: "de"}, []string{"Bonjour"}},
		{"Ja\tYes\nNein\tNo\n", ReaderOptions{}, []string{"Ja", "Nein"}},
		{"de\ten\n", ReaderOptions{SourceLang: "en", TargetLang: "de"}, []string{"de"}}, // another pair's names
		{"Hallo\tHello\nde\ten\n", ReaderOptions{}, []string{"Hallo", "de"}},            // not the first line
	} {
		got, err := readAll(TSV, []byte(tc.in), nil, tc.opt)
		var srcs []string
		for _, p := range got {
			srcs = append(srcs, p.Source)
		}
		if err != nil || !slices.Equal(srcs, tc.want) {
			t.Errorf("%q: read %q, %v; want %q", tc.in, srcs, err, tc.want)
		}
	}
}

func TestMosesWriterNeedsTarget(t *testing.T) {
	if _, err := NewWriter(Moses, io.Discard, WriterOptions{}); err == nil {
		t.Error("NewWriter(Moses) without a target writer succeeded")
	}
	if _, err := NewReader(Moses, strings.NewReader(""), "a.de", ReaderOptions{}); err == nil {
		t.Error("NewReader(Moses) without a target reader succeeded")
	}
}

func TestFormatFromName(t *testing.T) {
	for name, want := range map[string]Format{
		"pairs.jsonl": JSONL, "x.NDJSON": JSONL, "memory.tmx": TMX, "a.TSV": TSV, "a.tab": TSV,
		"corpus.de": Moses, "corpus.en": Moses, "train.de-DE": Moses, "x.moses": Moses,
		"-": "", "pairs.txt": "", "noext": "", "a.html": "", "x.d3": "",
	} {
		if got := FormatFromName(name); got != want {
			t.Errorf("FormatFromName(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, s := range []string{"jsonl", "TMX", " moses ", "tsv"} {
		if _, err := ParseFormat(s); err != nil {
			t.Errorf("ParseFormat(%q): %v", s, err)
		}
	}
	for _, s := range []string{"", "csv", "text"} {
		if _, err := ParseFormat(s); err == nil {
			t.Errorf("ParseFormat(%q) succeeded", s)
		}
	}
}

// TestWarningString: a warning names the document and segment, or quotes the start of the
// source (control characters escaped) when the document is unknown.
func TestWarningString(t *testing.T) {
	var got []string
	w, _ := NewWriter(TMX, io.Discard, WriterOptions{Warn: func(w Warning) { got = append(got, w.String()) }})
	w.Write(Pair{Source: "ok", Target: "ok"})
	w.Write(Pair{Source: "Glocke\a läutet, eine sehr lange Quelle über vierzig Bytes", Target: "bell"})
	w.Write(Pair{Doc: "a.txt", Source: "x", Target: "\x01"})
	w.Close()
	want := []string{
		`pair 2 (source "Glocke\a läutet, eine sehr lange Quelle …"): tmx: source: U+0007 at byte 6: XML 1.0 cannot carry it; removed from the text and kept in <prop type="x-bitext-controls">, which bitext reads back`,
		`a.txt (pair 3): tmx: target: U+0001 at byte 0: XML 1.0 cannot carry it; removed from the text and kept in <prop type="x-bitext-controls">, which bitext reads back`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// sameIDs copies the ids of got into want where want has none, or one an earlier pair of the
// same <file> (a run of pairs of one Doc) has: the XLIFF writer numbers its units, and makes
// their ids unique within a file as the schema wants.
func sameIDs(want, got []Pair) {
	seen := map[string]bool{}
	for i := range want {
		if i > 0 && want[i].Doc != want[i-1].Doc {
			seen = map[string]bool{}
		}
		if i < len(got) && (want[i].ID == "" || seen[want[i].ID]) {
			want[i].ID = got[i].ID
		}
		seen[want[i].ID] = true
	}
}

// strippedCodes is codes with the characters XML cannot carry removed from their markup, as
// the TMX and XLIFF writers write it.
func strippedCodes(codes []document.Code) []document.Code {
	if codes == nil {
		return nil
	}
	out := make([]document.Code, len(codes))
	for i, c := range codes {
		c.Open, c.Close = xmlSafe(c.Open), xmlSafe(c.Close)
		out[i] = c
	}
	return out
}

// TestJSONLCodes: a pair's codes' native markup (a TMX's <bpt>&lt;b></bpt>) goes through JSONL
// as "codes", in pair and entry output alike, so that a memory exported as JSONL and
// imported again writes the CAT tool's markup back; before, JSONL dropped it and the codes
// came back empty. Codes of a pair without tagged texts are not written; a bad kind is an
// error naming the line.
func TestJSONLCodes(t *testing.T) {
	codes := []document.Code{
		{ID: 1, Kind: document.Paired, Name: "bpt", Open: "<b>", Close: "</b>"},
		{ID: 2, Kind: document.Standalone, Name: "ph", Open: `<br class="x"/>`},
	}
	p := Pair{Source: "Die neue Brücke.", Target: "The new bridge.",
		SourceTagged: "Die <g1>neue</g1> Brücke.<x2/>", TargetTagged: "The <g1>new</g1> bridge.<x2/>", Codes: codes}
	for _, entries := range []bool{false, true} {
		var b bytes.Buffer
		w, _ := NewWriter(JSONL, &b, WriterOptions{Entries: entries})
		w.Write(p)
		w.Write(Pair{Source: "Ohne.", Target: "Without.", Codes: codes})
		w.Close()
		if !strings.Contains(b.String(), `"codes":[{"id":1,"kind":"paired","name":"bpt","open":"<b>","close":"</b>"},{"id":2,"kind":"standalone","name":"ph","open":"<br class=\"x\"/>"}]`) ||
			strings.Count(b.String(), `"codes"`) != 1 {
			t.Errorf("entries=%v: JSONL\n%s", entries, b.String())
		}
		got, err := readAll(JSONL, b.Bytes(), nil, ReaderOptions{})
		if err != nil || len(got) != 2 || !cmp.Equal(got[0].Codes, codes) || got[1].Codes != nil {
			t.Errorf("entries=%v: read back %+v, %v", entries, got, err)
		}
	}
	// Codes that do not describe the tagged texts (hand-edited): an error naming the line.
	const tagged = `"source_tagged":"Die <g1>neue</g1> Brücke.","target_tagged":"The <g1>new</g1> bridge."`
	for _, tc := range []struct{ codes, want string }{
		{`[{"id":1,"kind":"bold"}]`, `kind "bold"`},
		{`[{"id":99,"kind":"paired"}]`, `id 99 is no code of the tagged texts`},
		{`[{"id":1,"kind":"paired"},{"id":1,"kind":"paired"}]`, `2 codes for the 1`},
		{`[{"id":1,"kind":"standalone","open":"<br/>"}]`, `id 1 is paired in the tagged texts, not standalone`},
	} {
		in := `{"source":"a","target":"b"}` + "\n" + `{"source":"Die neue Brücke.","target":"The new bridge.",` + tagged + `,"codes":` + tc.codes + `}` + "\n"
		_, err := readAll(JSONL, []byte(in), nil, ReaderOptions{})
		if err == nil || !strings.Contains(err.Error(), `:2:`) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("codes %s: %v, want an error at line 2 saying %q", tc.codes, err, tc.want)
		}
	}
	if _, err := readAll(JSONL, []byte(`{"source":"a","target":"b","codes":[{"id":1,"kind":"paired"}]}`+"\n"), nil, ReaderOptions{}); err == nil || !strings.Contains(err.Error(), "without source_tagged") {
		t.Errorf("codes without tagged texts: %v", err)
	}
}
