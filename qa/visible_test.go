package qa

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/glossary"
)

// controlCases are the characters that must never reach a report raw, with the escape the text
// report writes for each.
var controlCases = []struct {
	name, char, esc string
}{
	{"line feed", "\n", `\n`},
	{"carriage return", "\r", `\r`},
	{"tab", "\t", `\t`},
	{"NUL", "\x00", `\x00`},
	{"BEL", "\a", `\a`},
	{"backspace", "\b", `\b`},
	{"vertical tab", "\v", `\v`},
	{"form feed", "\f", `\f`},
	{"ESC", "\x1b", `\x1b`},
	{"unit separator", "\x1f", `\x1f`},
	{"DEL", "\x7f", `\x7f`},
	{"C1 NEL", "\u0085", `\u0085`},
	{"C1 CSI", "\u009b", `\u009b`},
	{"line separator", "\u2028", `\u2028`},
	{"paragraph separator", "\u2029", `\u2029`},
	{"left-to-right embedding", "\u202a", `\u202a`},
	{"right-to-left embedding", "\u202b", `\u202b`},
	{"pop directional formatting", "\u202c", `\u202c`},
	{"left-to-right override", "\u202d", `\u202d`},
	{"right-to-left override", "\u202e", `\u202e`},
	{"left-to-right isolate", "\u2066", `\u2066`},
	{"right-to-left isolate", "\u2067", `\u2067`},
	{"first strong isolate", "\u2068", `\u2068`},
	{"pop directional isolate", "\u2069", `\u2069`},
	{"right-to-left mark", "\u200f", `\u200f`},
	{"byte order mark", "\ufeff", `\ufeff`},
	{"invalid UTF-8", "\xff", `\xff`},
}

func TestVisible(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Das Außenministerium – „Zitat“ <b> & \"x\"", "Das Außenministerium – „Zitat“ <b> & \"x\""},
		{"2,5\u00a0Mio.", "2,5\u00a0Mio."}, // a no-break space is text, not a control
		{"Der Rat\ntagte.\a\x1b[31mROT", `Der Rat\ntagte.\a\x1b[31mROT`},
		{"Minsker\nAbkommen", `Minsker\nAbkommen`},
		{"a\tb\r\n", `a\tb\r\n`},
		{`C:\new`, `C:\\new`}, // a backslash of the text is doubled: \n above is a line feed
		{"x\xffy\xc3", `x\xffy\xc3`},
		{"\u202eabc\u202c", `\u202eabc\u202c`},
	}
	for _, tt := range tests {
		if got := Visible(tt.in); got != tt.want {
			t.Errorf("Visible(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, c := range controlCases {
		if got := Visible("a" + c.char + "b"); got != "a"+c.esc+"b" {
			t.Errorf("%s: Visible = %q, want %q", c.name, got, "a"+c.esc+"b")
		}
		if c.char != "\xff" {
			// The escape is Go's, as %q writes it.
			if q := strconv.Quote(c.char); q != `"`+c.esc+`"` {
				t.Errorf("%s: strconv.Quote = %s, the table says %s", c.name, q, c.esc)
			}
		}
	}
}

// FuzzVisible: whatever the text, Visible's result is valid UTF-8, one line, free of control
// characters, and the same as the text when it holds none (and no backslash).
func FuzzVisible(f *testing.F) {
	for _, c := range controlCases {
		f.Add("Der Rat" + c.char + "tagte.")
	}
	f.Add(`Pfad C:\n`)
	f.Fuzz(func(t *testing.T, s string) {
		v := Visible(s)
		if !utf8.ValidString(v) {
			t.Fatalf("Visible(%q) = %q: invalid UTF-8", s, v)
		}
		for _, r := range v {
			if escaped(r) {
				t.Fatalf("Visible(%q) = %q holds %U", s, v, r)
			}
		}
		if !needsEscape(s, true) && v != s {
			t.Fatalf("Visible(%q) = %q, want it unchanged", s, v)
		}
		var b strings.Builder
		for _, m := range MarkControls(s) {
			b.WriteString(m.Text)
			if m.Title == "" && needsEscape(m.Text, false) {
				t.Fatalf("MarkControls(%q): plain piece %q holds a control character", s, m.Text)
			}
		}
		if strings.ReplaceAll(v, `\\`, `\`) != b.String() {
			t.Fatalf("MarkControls(%q) shows %q, Visible %q", s, b.String(), v)
		}
	})
}

// controlReport is a report whose every text field carries c: location, term, entry,
// expected, found, note, message, source and target.
func controlReport(c string) *Report {
	label := "doc" + c + ".txt:1"
	src := "Der Rat" + c + "tagte über das Minsker" + c + "Abkommen."
	tgt := "The board" + c + "met on the Minsk" + c + "treaty."
	term := "Minsker" + c + "Abkommen"
	found := "Minsk" + c + "treaty"
	loc := Location{Document: "doc" + c, Segment: 1, Label: label,
		SourceStart: strings.Index(src, term), SourceEnd: strings.Index(src, term) + len(term),
		TargetStart: strings.Index(tgt, found), TargetEnd: strings.Index(tgt, found) + len(found)}
	r := NewReport([]Segment{{Document: "doc" + c, Index: 1, Label: label, Source: src, Target: tgt}}, []Violation{
		{Kind: Forbidden, Term: term, Entry: "Abkommen" + c, Expected: "Minsk" + c + "agreement", Found: found, Note: "note" + c, Location: loc},
		NewFlag(Number, "2,5"+c+"→ 2.5 missing", loc),
	}, glossary.Summary{Segments: 1, TermsFound: 1, Violations: 2, ByKind: map[string]int{Forbidden: 1}})
	r.Terms = []TermStat{{Term: "Abkommen" + c, Expected: "Minsk" + c + "agreement", Found: 1, Violated: 1}}
	return r
}

// renderings writes r in format with Report and with a ReportWriter.
func renderings(t *testing.T, r *Report, format string) []string {
	t.Helper()
	var whole, streamed bytes.Buffer
	var err error
	switch format {
	case FormatText:
		err = r.WriteText(&whole)
	case FormatHTML:
		err = r.WriteHTML(&whole)
	}
	if err != nil {
		t.Fatal(err)
	}
	rw, err := NewReportWriter(context.Background(), &streamed, format)
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Abort()
	for _, s := range r.Segments {
		if err := rw.WriteSegment(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := rw.Close(r.Summary, r.Terms); err != nil {
		t.Fatal(err)
	}
	return []string{whole.String(), streamed.String()}
}

// TestTextReportEscapesControls: a finding is one line whatever its fields hold, no control
// character reaches the output raw, and each field shows the character by its escape.
func TestTextReportEscapesControls(t *testing.T) {
	for _, c := range controlCases {
		t.Run(c.name, func(t *testing.T) {
			e := c.esc
			want := "doc" + e + ".txt:1: forbidden: Minsker" + e + "Abkommen → \"Minsk" + e + "agreement\" (found \"Minsk" + e + "treaty\"): " +
				"Der Rat" + e + "tagte über das Minsker" + e + "Abkommen.\n" +
				"doc" + e + ".txt:1: number: 2,5" + e + "→ 2.5 missing: Der Rat" + e + "tagte über das Minsker" + e + "Abkommen.\n"
			for i, got := range renderings(t, controlReport(c.char), FormatText) {
				if got != want {
					t.Errorf("writer %d wrote\n%q\nwant\n%q", i, got, want)
				}
				if c.char != "\n" && strings.Contains(got, c.char) {
					t.Errorf("writer %d: %q reaches the output raw", i, c.char)
				}
				if n := strings.Count(got, "\n"); n != 2 {
					t.Errorf("writer %d: %d lines for 2 findings", i, n)
				}
			}
		})
	}
}

// TestHTMLReportMarksControls: the page holds a control character of a text nowhere raw (only
// the page's own line breaks), shows it as a marker wherever the text is element content, and
// as its escape in attribute values, which the filters compare.
func TestHTMLReportMarksControls(t *testing.T) {
	var base bytes.Buffer
	if err := controlReport("").WriteHTML(&base); err != nil {
		t.Fatal(err)
	}
	for _, c := range controlCases {
		t.Run(c.name, func(t *testing.T) {
			r := rune(c.char[0])
			title := "invalid UTF-8 byte"
			if c.char != "\xff" {
				r, _ = utf8.DecodeRuneInString(c.char)
				title = fmt.Sprintf("U+%04X control character", r)
			}
			marker := `<span class="ctl" title="` + title + `">` + c.esc + `</span>`
			for i, page := range renderings(t, controlReport(c.char), FormatHTML) {
				if got, want := strings.Count(page, c.char), strings.Count(base.String(), c.char); got != want {
					t.Errorf("writer %d: %q %d times in the page, %d without it in the texts", i, c.char, got, want)
				}
				// location, source (twice), target (twice), term, expected, found, note,
				// message, the term table's term and expected (html/template writes the
				// title's "+" as "&#43;")
				if n := strings.Count(html.UnescapeString(page), marker); n != 12 {
					t.Errorf("writer %d: marker %s shown %d times, want 12", i, marker, n)
				}
				for _, attr := range []string{
					`data-term="abkommen` + c.esc + `"`, // the segment's sort key
					`data-term="Abkommen` + c.esc + `"`, // the violation, and the term table's button
					`<option value="Abkommen` + c.esc + `">Abkommen` + c.esc + ` (1)</option>`,
				} {
					if !strings.Contains(page, attr) {
						t.Errorf("writer %d: no %s", i, attr)
					}
				}
			}
		})
	}
}

// TestCheckReportOfNewlines is the review's report: a JSONL corpus whose texts carry line
// breaks, BEL and an ANSI colour sequence, checked against a glossary.
func TestCheckReportOfNewlines(t *testing.T) {
	g, err := glossary.Parse(strings.NewReader("de\ten\tvariants\tforbidden\nRat\tcouncil\t\tboard\nAbkommen\tagreement\t\ttreaty\n"), "g.tsv", glossary.TSV)
	if err != nil {
		t.Fatal(err)
	}
	segs := []glossary.Segment{
		{Doc: "nl.jsonl", Index: 1, Label: "nl.jsonl:1", Source: "Der Rat\ntagte.\a\x1b[31mROT", Target: "The board\nmet."},
		{Doc: "nl.jsonl", Index: 2, Label: "nl.jsonl:2", Source: "Die Minsker\nAbkommen gelten.", Target: "The Minsk\ntreaty applies."},
	}
	for _, format := range []string{FormatText, FormatHTML} {
		var b bytes.Buffer
		rw, err := NewReportWriter(context.Background(), &b, format)
		if err != nil {
			t.Fatal(err)
		}
		run, err := NewCheckRun(g, glossary.CheckOptions{}, rw, true)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range segs {
			if err := run.Add(s); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := run.Close(); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.ContainsAny(out, "\a\x1b") {
			t.Errorf("%s: BEL or ESC reaches the report raw: %q", format, out)
		}
		if format != FormatText {
			continue
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		for _, l := range lines {
			if !strings.HasPrefix(l, "nl.jsonl:") {
				t.Errorf("a finding is split over lines: %q", out)
				break
			}
		}
		if !strings.Contains(out, `Der Rat\ntagte.\a\x1b[31mROT`) {
			t.Errorf("the segment is not shown escaped: %q", out)
		}
	}
}

// TestExcerptOfLongSegment: a finding in a segment too long to read shows the part around its
// term, cut at characters; a normal segment is shown whole.
func TestExcerptOfLongSegment(t *testing.T) {
	long := strings.Repeat("Wörter ", 2000) + "Der Rat tagte." + strings.Repeat(" Ende", 2000)
	at := strings.Index(long, "Rat")
	v := Violation{Location: Location{SourceStart: at, SourceEnd: at + len("Rat")}}
	got := excerpt(long, v)
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") || !strings.Contains(got, "Der Rat tagte.") || len(got) > 2*shownAround+20 || !utf8.ValidString(got) {
		t.Errorf("excerpt of %d bytes: %d bytes, %.40q…", len(long), len(got), got)
	}
	if got := excerpt(long, Violation{Location: Location{SourceStart: NoSpan, SourceEnd: NoSpan}}); strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") || !utf8.ValidString(got) {
		t.Errorf("excerpt without a place: %.40q…", got)
	}
	if short := "Der Rat tagte."; excerpt(short, v) != short {
		t.Errorf("a short segment is not shown whole")
	}
}
