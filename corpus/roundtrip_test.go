package corpus

import (
	"bytes"
	"io"
	"strings"
	"testing"

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
	for {
		p, err := r.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, p)
	}
}

// carried is what format f can carry of p.
func carried(f Format, p Pair) Pair {
	switch f {
	case Moses:
		return Pair{Source: lineBreaks.Replace(p.Source), Target: lineBreaks.Replace(p.Target)}
	case TSV:
		return Pair{Source: p.Source, Target: p.Target}
	}
	return p
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
			for _, p := range trickyPairs {
				want = append(want, carried(f, p))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("round trip (-want +got):\n%s\nwritten:\n%s", diff, main)
			}
		})
	}
}

func TestRoundTripEmpty(t *testing.T) {
	for _, f := range Formats {
		main, target := writeAll(t, f, nil)
		if f != Moses {
			target = nil
		} else if target == nil {
			target = []byte{}
		}
		got, err := readAll(f, main, target, ReaderOptions{})
		if err != nil || len(got) != 0 {
			t.Errorf("%s: empty corpus read back as %v, %v\n%s", f, got, err, main)
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

func TestTMXWriterRejectsUnrepresentable(t *testing.T) {
	for _, p := range []Pair{
		{Source: "bell\x07", Target: "x"},
		{Source: "x", Target: "bad \xff utf8"},
		{Source: "x", Target: "y", Doc: "nul\x00"},
		{Source: "\uFFFE", Target: "y"},
	} {
		w, _ := NewWriter(TMX, io.Discard, WriterOptions{})
		if err := w.Write(p); err == nil {
			t.Errorf("Write(%+v) succeeded, want an error", p)
		}
	}
}

func TestWritersRejectUnreadable(t *testing.T) {
	for _, tt := range []struct {
		f Format
		p Pair
	}{
		{JSONL, Pair{Source: "bad \xff", Target: "x"}},
		{TSV, Pair{Source: "x", Target: "bad \xc3"}},
		{TSV, Pair{Source: "nul\x00", Target: "x"}},
		{Moses, Pair{Source: "x", Target: "nul\x00"}},
		{Moses, Pair{Source: "x", Target: "y", Doc: "\xff"}},
	} {
		w, _ := NewWriter(tt.f, io.Discard, WriterOptions{Target: io.Discard})
		if err := w.Write(tt.p); err == nil {
			t.Errorf("%s: Write(%+v) succeeded, want an error", tt.f, tt.p)
		}
	}
	w, _ := NewWriter(JSONL, io.Discard, WriterOptions{})
	if err := w.Write(Pair{Source: "nul\x00 is fine in JSON", Target: "x"}); err != nil {
		t.Errorf("JSONL: %v", err)
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
