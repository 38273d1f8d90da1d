package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bitext/bitext/qa"
)

// TestHTMLShowsControlCharacters renders a report whose texts carry one control character
// each and checks that none reaches the page raw and each is shown by its marker.
func TestHTMLShowsControlCharacters(t *testing.T) {
	cases := []struct {
		name, char, marker string
	}{
		{"SOH", "\x01", "␁"},
		{"NUL", "\x00", "␀"},
		{"form feed", "\f", "␌"},
		{"carriage return", "\r", "␍"},
		{"escape", "\x1b", "␛"},
		{"unit separator", "\x1f", "␟"},
		{"DEL", "\x7f", "␡"},
		{"C1 NEL", "\u0085", "U+0085"},
		{"C1 CSI", "\u009b", "U+009B"},
		{"line separator", "\u2028", "U+2028"},
		{"paragraph separator", "\u2029", "U+2029"},
		{"right-to-left override", "\u202e", "U+202E"},
		{"first strong isolate", "\u2068", "U+2068"},
		{"byte order mark", "\ufeff", "U+FEFF"},
		{"noncharacter", "\uffff", "U+FFFF"},
		{"invalid UTF-8", "\xff", `\xFF`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := Input{
				Sources:    []string{"Der Hund" + c.char + " biss den Mann."},
				References: [][]string{{"The dog bit the man."}},
				Systems:    []System{{Name: "mt" + c.char, Hypotheses: []string{"The dog" + c.char + " bit the man."}, Flags: [][]Flag{{{Kind: qa.Missing, Term: "term" + c.char, Expected: "term", Message: "term" + c.char}}}}},
			}
			for _, details := range []Details{DetailsAll, DetailsWorst} {
				rep, err := Build(in, Options{Details: details})
				if err != nil {
					t.Fatal(err)
				}
				var b bytes.Buffer
				if err := WriteHTML(&b, rep, HTMLOptions{Title: "Report" + c.char}); err != nil {
					t.Fatal(err)
				}
				page := b.String()
				if strings.Contains(page, c.char) {
					t.Errorf("%s: the page carries %q raw", c.name, c.char)
				}
				// source, hypothesis (in the diff), system name (twice), flag (text and title), title (twice)
				if n := strings.Count(page, c.marker); n < 6 {
					t.Errorf("%s: marker %q shown %d times, want at least 6", c.name, c.marker, n)
				}
				var md bytes.Buffer
				if err := WriteMarkdown(&md, rep, TextOptions{}); err != nil {
					t.Fatal(err)
				}
				if c.char != "\xff" && strings.Contains(md.String(), c.char) {
					t.Errorf("%s: the Markdown carries %q raw", c.name, c.char)
				}
			}
		})
	}
}

func TestEscapeVisible(t *testing.T) {
	cases := []struct{ in, html, text string }{
		{"plain <b>&", "plain &lt;b&gt;&amp;", "plain <b>&"},
		{"tab\tand\nnewline", "tab\tand\nnewline", "tab\tand\nnewline"},
		{"a\x01b", `a<span class="ctl" title="U+0001 control character">␁</span>b`, "a⟨␁⟩b"},
		{"<\u2028>", `&lt;<span class="ctl" title="U+2028 control character">U+2028</span>&gt;`, "<⟨U+2028⟩>"},
		{"x\xffy", `x<span class="ctl" title="invalid UTF-8 byte">\xFF</span>y`, `x⟨\xFF⟩y`},
		{"Grüße – “quoted”", "Grüße – “quoted”", "Grüße – “quoted”"},
	}
	for _, c := range cases {
		if got := escapeVisible(c.in); got != c.html {
			t.Errorf("escapeVisible(%q) = %q, want %q", c.in, got, c.html)
		}
		if got := visibleText(c.in); got != c.text {
			t.Errorf("visibleText(%q) = %q, want %q", c.in, got, c.text)
		}
	}
}
