package document

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// fuzzRead checks a reader: no panic, every segment's codes numbered in order, and for formats
// that promise it, the identity round trip is byte-identical; a translation that breaks every
// tag still writes.
func fuzzRead(f *testing.F, name string, seeds ...string) {
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(string(b))
		} else {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Read(strings.NewReader(src), name, Options{})
		if err != nil {
			return
		}
		for _, s := range d.Segments {
			for i, c := range s.Codes {
				if c.ID != i+1 {
					t.Fatalf("segment %q: code %d has ID %d", s.Text, i, c.ID)
				}
			}
			if err := CheckTags(s.Codes, s.Text); err != nil {
				t.Fatalf("segment %q fails its own check: %v", s.Text, err)
			}
		}
		var b bytes.Buffer
		if _, err := d.Write(&b, d.Identity(), WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		switch d.Format {
		case HTML, Markdown, SRT, VTT:
			if b.String() != src {
				t.Fatalf("identity round trip differs:\n%q\n%q", src, b.String())
			}
		}
		b.Reset()
		if _, err := d.Write(&b, translateAll(d, breakTags), WriteOptions{TargetLang: "en"}); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzReadHTML(f *testing.F) {
	fuzzRead(f, "x.html", "testdata/artikel.html", `<p lang=de title='a'>x<a>y</b>z<code>q</p>`, "<title>&amp;</title><p>a<br/>b")
}

func FuzzReadMarkdown(f *testing.F) {
	fuzzRead(f, "x.md", "testdata/artikel.md", "a *b **c** d* [e](f) `g`\n", "---\ntitle: 'x'\n---\n# h #\n")
}

func FuzzReadSRT(f *testing.F) {
	fuzzRead(f, "x.srt", "testdata/folge.srt", "1\n00:00:01,000 --> 00:00:02,000\n<i>a</i>\n\n")
}

func FuzzReadVTT(f *testing.F) {
	fuzzRead(f, "x.vtt", "testdata/folge.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>x &amp; y</v>\n")
}

func FuzzReadPO(f *testing.F) {
	fuzzRead(f, "x.po", "testdata/app.po", "msgid \"a %s\"\nmsgstr \"\"\n")
}

func FuzzReadXLIFF(f *testing.F) {
	fuzzRead(f, "x.xlf", "testdata/artikel-1.2.xlf", "testdata/artikel-2.0.xlf")
}
