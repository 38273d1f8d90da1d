package formats

import (
	"errors"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	out := Spec{Command: "report", Flag: "-o", Output: true, Supported: []string{".txt", ".json", ".md", ".html", ".htm"}, Override: "--format"}
	in := Spec{Command: "tm import", Supported: []string{".tmx", ".tsv", ".jsonl"}, Override: "--input-format"}
	tests := []struct {
		spec    Spec
		name    string
		wantErr string // substring; "" means accepted
	}{
		{out, "", ""},
		{out, "-", ""},
		{out, "report", ""},       // no extension: the command's default
		{out, "r.en", ""},         // names no format
		{out, "r.out", ""},        // names no format
		{out, "dir.d/report", ""}, // a dot in a folder is no extension
		{out, "R.HTML", ""},       // case-insensitive
		{out, "r.md", ""},
		{out, "r.pdf", "report -o r.pdf: PDF files (.pdf) are not a format report can write; it writes .htm, .html, .json, .md, .txt (--format names the format whatever the extension)"},
		{out, "r.docx", "Word files (.docx)"},
		{out, "r.XLSX", "Excel files (.xlsx)"},
		{in, "pairs.tmx", ""},
		{in, "pairs.de", ""}, // a Moses language suffix
		{in, "pairs.docx", "tm import pairs.docx: Word files (.docx) are not a format tm import can read; it reads .jsonl, .tmx, .tsv (--input-format"},
		{in, "sub.srt", "SubRip subtitles"},
	}
	for _, tc := range tests {
		err := tc.spec.Check(tc.name)
		if tc.wantErr == "" {
			if err != nil {
				t.Errorf("%s %q: %v", tc.spec.Command, tc.name, err)
			}
			continue
		}
		var fe *Error
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.wantErr) {
			t.Errorf("%s %q: got %v, want an *Error containing %q", tc.spec.Command, tc.name, err, tc.wantErr)
		}
	}
	if err := in.CheckAll("a.tmx", "b.pdf", "c.docx"); err == nil || !strings.Contains(err.Error(), "b.pdf") {
		t.Errorf("CheckAll: %v, want the first bad name", err)
	}
}

func FuzzCheck(f *testing.F) {
	for _, s := range []string{"a.pdf", "-", "", "x.tar.gz", ".hidden", "a.", "ä.DOCX"} {
		f.Add(s)
	}
	spec := Spec{Command: "c", Supported: []string{".txt"}}
	f.Fuzz(func(t *testing.T, name string) {
		err := spec.Check(name)
		var fe *Error
		if err != nil && (!errors.As(err, &fe) || Name(fe.Ext) == "" || !strings.Contains(err.Error(), fe.Ext)) {
			t.Fatalf("%q: %v", name, err)
		}
	})
}
