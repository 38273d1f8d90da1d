package document

import (
	"os"
	"strings"
	"testing"
)

// checkXLIFFMatching holds the end index of tokenizeXLIFF to the depth-counting scan it replaces.
func checkXLIFFMatching(t *testing.T, src string) {
	t.Helper()
	r, err := tokenizeXLIFF(&Doc{}, src, "x.xlf")
	if err != nil {
		return
	}
	for i := range r.toks {
		if got, want := r.matching(i), r.matchingScan(i); got != want {
			t.Fatalf("token %d (%q): matching %d, the scan says %d", i, r.toks[i].raw, got, want)
		}
	}
}

// nestedG is a trans-unit whose source is a sentence inside levels nested <g>s, the shape the
// black-box review read for minutes (levels 200,000: 3.7 MB).
func nestedG(levels int, sentence string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.html" source-language="de" datatype="html"><body><trans-unit id="1"><source>`)
	for i := 1; i <= levels; i++ {
		b.WriteString(`<g id="` + itoa(i) + `">`)
	}
	b.WriteString(sentence)
	b.WriteString(strings.Repeat("</g>", levels))
	b.WriteString("</source></trans-unit></body></file></xliff>\n")
	return b.String()
}

func TestXLIFFMatching(t *testing.T) {
	for _, f := range []string{"testdata/artikel-1.2.xlf", "testdata/artikel-2.0.xlf", "testdata/okapi-docxsegtest.xlf", "testdata/icu/angular-aio-messages.xlf"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkXLIFFMatching(t, string(data))
	}
	checkXLIFFMatching(t, nestedG(50, "Hier ist ein Beispiel einer Kontrollschleife: ein Thermostat in einem Zimmer."))
	// The nested source is read: its sentence is the one segment's text (the pairs around
	// all of it are kept in the file, not sent).
	const sentence = "Hier ist ein Beispiel einer Kontrollschleife."
	d, err := Read(strings.NewReader(nestedG(50, sentence)), "x.xlf", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Segments) != 1 || d.Segments[0].Text != sentence {
		t.Fatalf("segments %+v", d.Segments)
	}
}

// FuzzXLIFFMatching compares the end index with the scan on any well-formed XML.
func FuzzXLIFFMatching(f *testing.F) {
	f.Add(nestedG(3, "Ein Satz."))
	f.Add(`<xliff version="2.0"><file><unit id="1"><segment><source>a <pc id="1">b <pc id="2">c</pc></pc><ph id="3"/></source></segment></unit></file></xliff>`)
	f.Fuzz(func(t *testing.T, src string) {
		checkXLIFFMatching(t, src)
	})
}
