package htmlcharset

import (
	"context"
	"strconv"
	"strings"
	"testing"
)

func TestDeclared(t *testing.T) {
	pad := "<script>" + strings.Repeat("x", 2000) + "</script>"
	for _, tt := range []struct {
		page, label, where string
	}{
		{`<meta charset="iso-8859-1"><p>x`, "iso-8859-1", "<meta charset> at byte 0"},
		{`<head>` + pad + `<meta charset=windows-1252></head>`, "windows-1252", "<meta charset> at byte 2023"},
		{`<meta http-equiv="Content-Type" content="text/html; charset='ISO-8859-15'">`, "ISO-8859-15", "<meta http-equiv=Content-Type> at byte 0"},
		{`<meta http-equiv="content-type" content="text/html;CHARSET=utf-8">`, "utf-8", "<meta http-equiv=Content-Type> at byte 0"},
		{`<head></head><meta charset="latin1">`, "", ""}, // after the head
		{`<p>Text</p><meta charset="latin1">`, "", ""},   // after body content
		{`<meta http-equiv="Content-Type" content="text/html">`, "", ""},
		{"<metA http-equiv=\"Content-tYpe\"Content=\xcaChArset=0>", "0", "<meta http-equiv=Content-Type> at byte 0"},
	} {
		label, where := Declared(context.Background(), []byte(tt.page))
		if label != tt.label || where != tt.where {
			t.Errorf("%.60q: %q %q, want %q %q", tt.page, label, where, tt.label, tt.where)
		}
	}
}

func TestGuess(t *testing.T) {
	utf8Page := strings.Repeat("Grüße aus München. ", 100)
	for _, tt := range []struct {
		name  string
		body  string
		want  Reading
		text  string // Decode's result, "" not checked
		wantN int
	}{
		{"one broken byte", utf8Page + "\xff", Repaired, "", 1},
		{"Latin-1 pasted in", strings.Repeat("Grüße ", 20) + strings.Repeat("Gr\xfc\xdfe ", 5), Mixed, strings.Repeat("Grüße ", 25), 10},
		{"Latin-1", "Sch\xf6ne Gr\xfc\xdfe aus M\xfcnchen \x96 heute.", Windows1252, "Schöne Grüße aus München – heute.", 5},
	} {
		r, n := Guess([]byte(tt.body))
		if r != tt.want || n != tt.wantN {
			t.Errorf("%s: %v, %d invalid; want %v, %d", tt.name, r, n, tt.want, tt.wantN)
		}
		if got := Decode([]byte(tt.body), r); tt.text != "" && got != tt.text {
			t.Errorf("%s: decoded %q, want %q", tt.name, got, tt.text)
		}
	}
}

// FuzzDeclared: any page, no panic; a label found is trimmed and its place is the start of a
// tag of the page.
func FuzzDeclared(f *testing.F) {
	f.Add([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`))
	f.Add([]byte("<metA http-equiv=\"Content-tYpe\"Content=\xcaChArset=0>"))
	f.Fuzz(func(t *testing.T, page []byte) {
		label, where := Declared(context.Background(), page)
		if label == "" {
			return
		}
		_, at, _ := strings.Cut(where, " at byte ")
		n, err := strconv.Atoi(at)
		if strings.TrimSpace(label) != label || err != nil || n >= len(page) || page[n] != '<' {
			t.Fatalf("label %q, %q", label, where)
		}
		r, _ := Guess(page)
		_ = Decode(page, r)
	})
}
