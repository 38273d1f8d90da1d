package document

import (
	"slices"
	"strings"
	"testing"
)

// TestHTMLKeptLineBreaks: where an element's CSS keeps line breaks (white-space: pre-line,
// pre-wrap; inherited; on an inline element), each line break of its text is a code, written
// back as it was; elsewhere line breaks are collapsed as before. The first case is the
// reviewer's repro (rv-html22 ws.html).
func TestHTMLKeptLineBreaks(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
		out       string
	}{
		{"pre-line",
			"<div class=\"x\" style=\"white-space: pre-line\">Erste Zeile der Adresse\nZweite Zeile der Adresse</div>",
			[]string{"Erste Zeile der Adresse<x1/>Zweite Zeile der Adresse"},
			"<div class=\"x\" style=\"white-space: pre-line\">ERSTE ZEILE DER ADRESSE\nZWEITE ZEILE DER ADRESSE</div>"},
		{"pre-wrap inherited, blanks and CRLF",
			"<div style=\"color:red;WHITE-SPACE:pre-wrap\"><p>Musterstraße 1  \r\n  12345 Berlin<br>Tel. <b>030\r\n1234</b></p></div>\r\n",
			[]string{"Musterstraße 1<x1/>12345 Berlin<x2/>Tel. <g3>030<x4/>1234</g3>"},
			"<div style=\"color:red;WHITE-SPACE:pre-wrap\"><p>MUSTERSTRAßE 1  \r\n  12345 BERLIN<br>TEL. <b>030\r\n1234</b></p></div>\r\n"},
		{"on an inline element",
			"<p>Adresse: <span style=\"white-space:pre-line\">Erste Zeile\nZweite Zeile</span>\nund mehr</p>",
			[]string{"Adresse: <g1>Erste Zeile<x2/>Zweite Zeile</g1> und mehr"},
			"<p>ADRESSE: <span style=\"white-space:pre-line\">ERSTE ZEILE\nZWEITE ZEILE</span> UND MEHR</p>"},
		{"normal again inside, and collapsed elsewhere",
			"<div style=\"white-space: pre-line\"><p style=\"white-space: normal\">Ein Absatz,\n der umbrochen ist.</p></div><p>\n    Ein Absatz,\n    der umbrochen ist.\n</p>",
			[]string{"Ein Absatz, der umbrochen ist.", "Ein Absatz, der umbrochen ist."},
			"<div style=\"white-space: pre-line\"><p style=\"white-space: normal\">EIN ABSATZ, DER UMBROCHEN IST.</p></div><p> EIN ABSATZ, DER UMBROCHEN IST. </p>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkHTMLSegments(t, tc.src, Options{}, tc.want, tc.out) })
	}
}

// checkHTMLSegments reads src as a page and checks its segments against want, that writing
// them back unchanged gives src byte for byte, and, when out is not "", that writing them
// upper-cased (a translation) gives out.
func checkHTMLSegments(t *testing.T, src string, o Options, want []string, out string) {
	t.Helper()
	d, err := Read(strings.NewReader(src), "x.html", o)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Identity(); !slices.Equal(got, want) {
		t.Errorf("segments %q, want %q", got, want)
	}
	if got, _ := write(t, d, d.Identity(), ""); got != src {
		t.Errorf("identity wrote %q, want the input", got)
	}
	if out == "" {
		return
	}
	got, probs := write(t, d, translateAll(d, upper), "en")
	if len(probs) > 0 {
		t.Error(probs)
	}
	if got != out {
		t.Errorf("wrote\n%q\nwant\n%q", got, out)
	}
}
