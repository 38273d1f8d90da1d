package segment

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var renderBlocks = []Block{
	{Kind: Heading, Level: 1, Text: "Titel <mit> & \"Zeichen\""},
	{Kind: Paragraph, Text: "Ein *Absatz* mit [Klammern] und `Code`, a_b und \\."},
	{Kind: Paragraph, Text: "1. FC Köln gewinnt."},
	{Kind: Paragraph, Text: "# keine Überschrift"},
	{Kind: ListItem, Level: 1, Marker: "-", Text: "eins"},
	{Kind: ListItem, Level: 2, Marker: "-", Text: "innen <b>"},
	{Kind: ListItem, Level: 1, Marker: "-", Text: "zwei"},
	{Kind: ListItem, Level: 1, Marker: "1.", Text: "nummeriert"},
	{Kind: Heading, Level: 2, Text: "Schluss"},
	{Kind: Paragraph, Text: "Ende."},
}

func TestRenderMarkdownRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(&buf, Markdown, "T", renderBlocks); err != nil {
		t.Fatal(err)
	}
	doc := readString(t, buf.String(), Markdown, true)
	if diff := cmp.Diff(blockSummary(renderBlocks), blockSummary(doc.Blocks)); diff != "" {
		t.Errorf("Markdown round trip (-want +got):\n%s\n%s", diff, buf.String())
	}
}

func TestRenderHTMLRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(&buf, HTML, "Titel </title><script>", renderBlocks); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<mit>", "<b>", "</title><script>"} {
		if strings.Contains(out, bad) {
			t.Errorf("unescaped %q in\n%s", bad, out)
		}
	}
	if !strings.Contains(out, "<title>Titel &lt;/title&gt;&lt;script&gt;</title>") {
		t.Errorf("title not escaped:\n%s", out)
	}
	doc := readString(t, out, HTML, true)
	want := blockSummary(renderBlocks) // the markers written ("-", "1.") are what HTML gives back
	if diff := cmp.Diff(want, blockSummary(doc.Blocks)); diff != "" {
		t.Errorf("HTML round trip (-want +got):\n%s\n%s", diff, out)
	}
}

func TestRenderText(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(&buf, Text, "", renderBlocks[3:]); err != nil {
		t.Fatal(err)
	}
	want := "# keine Überschrift\n\n- eins\n  - innen <b>\n- zwei\n1. nummeriert\n\nSchluss\n\nEnde.\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	doc := readString(t, buf.String(), Text, true)
	got := blockSummary(doc.Blocks)
	if len(got) != 7 || got[1] != "list-item/1 -: eins" || got[2] != "list-item/2 -: innen <b>" {
		t.Errorf("text round trip: %q", got)
	}
}

func TestBlockLines(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    Block
		want []string
	}{
		{"paragraph", Block{Kind: Paragraph, Sentences: []Span{{Text: "Eins."}, {Text: "Zwei."}}}, []string{"Eins.", "Zwei."}},
		{"list item", Block{Kind: ListItem, Marker: "1.", Sentences: []Span{{Text: "Erstens."}, {Text: "Mehr."}}}, []string{"1. Erstens.", "Mehr."}},
		{"list item without marker", Block{Kind: ListItem, Sentences: []Span{{Text: "Punkt."}}}, []string{"Punkt."}},
		{"heading keeps no marker", Block{Kind: Heading, Marker: "-", Sentences: []Span{{Text: "Titel"}}}, []string{"Titel"}},
	} {
		if got := tc.b.Lines(); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
