package report

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokenize13a(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The dog bit the man.", "The dog bit the man ."},
		{"It wasn't surprising.", "It wasn't surprising ."},
		{"Hello, world!", "Hello , world !"},
		{"It costs $2,500.00 (approx.).", "It costs $ 2,500.00 ( approx . ) ."},
		{"In 2.5 years, 1,000 people", "In 2.5 years , 1,000 people"},
		{"ages 5-10 and well-known", "ages 5 - 10 and well-known"},
		{"a &quot;quote&quot; &amp; &lt;tag&gt;", `a " quote " & < tag >`},
		{"line one-\ncontinued\nnext", "line onecontinued next"},
		{"<skipped> text", "text"},
		{"Mr. Smith's U.S. trip", "Mr . Smith's U . S . trip"},
		{"x.,y", "x . , y"},
		{"„Wir haben“ gesagt", "„Wir haben“ gesagt"},
		{"   spaced    out   ", "spaced out"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Tokenize13a(tt.in); got != tt.want {
			t.Errorf("Tokenize13a(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenizeIntl(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The dog bit the man.", "The dog bit the man ."},
		{"„Wir haben“ gesagt", "„ Wir haben “ gesagt"},
		{"Price: 2,500.00€", "Price : 2,500.00 €"},
		{"in 2025.", "in 2025."}, // mteval-v14 keeps a final period after a number
		{"a+b=c", "a + b = c"},
	}
	for _, tt := range tests {
		if got := TokenizeIntl(tt.in); got != tt.want {
			t.Errorf("TokenizeIntl(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := TokChar.Tokenize("ab c"); got != "a b   c" {
		t.Errorf("char tokenizer: %q", got)
	}
}

// reference13a applies sacreBLEU's regular expressions literally with Go's regexp, whose
// leftmost, non-overlapping ReplaceAll has the semantics of Python's re.sub for these patterns.
// Tokenize13a's byte-level passes must agree with it.
var ref13a = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])"), " ${1} "},
	{regexp.MustCompile(`([^0-9])([\.,])`), "${1} ${2} "},
	{regexp.MustCompile(`([\.,])([^0-9])`), " ${1} ${2}"},
	{regexp.MustCompile(`([0-9])(-)`), "${1} ${2} "},
}

func reference13a(line string) string {
	line = strings.ReplaceAll(line, "<skipped>", "")
	line = strings.ReplaceAll(line, "-\n", "")
	line = strings.ReplaceAll(line, "\n", " ")
	line = strings.ReplaceAll(line, "&quot;", `"`)
	line = strings.ReplaceAll(line, "&amp;", "&")
	line = strings.ReplaceAll(line, "&lt;", "<")
	line = strings.ReplaceAll(line, "&gt;", ">")
	line = " " + line + " "
	for _, r := range ref13a {
		line = r.re.ReplaceAllString(line, r.repl)
	}
	return pyJoinFields(line)
}

var refIntl = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`(\P{N})(\p{P})`), "${1} ${2} "},
	{regexp.MustCompile(`(\p{P})(\P{N})`), " ${1} ${2}"},
	{regexp.MustCompile(`(\p{S})`), " ${1} "},
}

func referenceIntl(line string) string {
	for _, r := range refIntl {
		line = r.re.ReplaceAllString(line, r.repl)
	}
	return pyJoinFields(line)
}

func FuzzTokenize13a(f *testing.F) {
	for _, s := range []string{"The dog bit the man.", "It costs $2,500.00 (approx.).", "5-10", "a &amp;lt; b",
		"x.,y", "1.000,5", "line-\nbreak", "<skipped>", "„Zitat“ – 15. Dezember", "\x1c\u00a0\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Tokenize13a(s)
		if want := reference13a(s); got != want {
			t.Fatalf("Tokenize13a(%q) = %q, regexp reference %q", s, got, want)
		}
		if got != pyJoinFields(got) {
			t.Fatalf("Tokenize13a(%q) = %q: not single-spaced", s, got)
		}
		if !utf8.ValidString(s) {
			return
		}
		if gi, wi := TokenizeIntl(s), referenceIntl(s); gi != wi {
			t.Fatalf("TokenizeIntl(%q) = %q, regexp reference %q", s, gi, wi)
		}
	})
}

func TestPyEachField(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a  b ", "a\tb\nc\x1fd", "x\u00a0y\u2003z\u3000", "\xffa b"} {
		var got []string
		pyEachField(s, func(f string) { got = append(got, f) })
		if want := pyFields(s); strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Errorf("pyEachField(%q) = %q, want %q", s, got, want)
		}
	}
}
