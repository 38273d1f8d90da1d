package formats

import (
	"bytes"
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

func TestLooksHTML(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{"<!DOCTYPE html>\n<html>", true},
		{"<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", true},
		{"<html lang=de>", true},
		{"\xef\xbb\xbf \r\n<HTML>", true},
		{"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">", true},
		{"<!-- saved from url=(0041)https://www.heise.de/ -->\n<html>", true},
		{"\xef\xbb\xbf<?xml version=\"1.0\"?><!-- a --><!-- b --><?php echo 1 ?>\n<html>", true},
		{"<!-- <html> in a comment is no page -->\nHallo Welt.", false},
		{"<!-- a comment not closed within the head <html>", false},
		{"<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">", false},
		{"<?xml version=\"1.0\"", false},
		{"Ein Satz über <html>.", false},
		{"<htm", false},
		{"", false},
		{"<!---->", false},
		{"<!--->--><html>", true},
	}
	for _, tc := range tests {
		if got := LooksHTML([]byte(tc.head)); got != tc.want {
			t.Errorf("LooksHTML(%q) = %v, want %v", tc.head, got, tc.want)
		}
	}
}

func FuzzLooksHTML(f *testing.F) {
	for _, s := range []string{"<!DOCTYPE html>", "<?xml version=\"1.0\"?><html>", "<!-- x --><html>", "<!--", "<?", "text"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, head []byte) {
		got := LooksHTML(head)
		// A page stays a page behind a comment, and text stays text.
		if LooksHTML(append([]byte("<!-- saved -->\n"), head...)) != got {
			t.Fatalf("%q: a leading comment changed the answer", head)
		}
		if got && !bytes.Contains(bytes.ToLower(head), []byte("<html")) && !bytes.Contains(bytes.ToLower(head), []byte("<!doctype html")) {
			t.Fatalf("%q: a page without a doctype or <html>", head)
		}
	})
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
