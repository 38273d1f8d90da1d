package segment

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A <br> is a line break, read as the plain-text reader reads one: a headline without final
// punctuation on the first line and the lines of an address end their sentences; a line break
// inside a phrase is joined. Before, every <br> was a space, and "Hinweis zur Nutzung von KI"
// ran into the sentence below it, an address into one "sentence". The texts are from real
// pages (testdata/SOURCES.md): CorrelAid's imprint as its Hugo site renders the Markdown's hard
// breaks, Spektrum der Wissenschaft's credit line (Postlight Parser's fixture), a team page
// (inscriptis' real-world fixture, avantec-team.html), inscriptis' br.html, the title of Die
// Verwandlung (Project Gutenberg's HTML) and a Silicon Exposed post (Mozilla Readability's
// "blogger" test page).
func TestReadHTMLLineBreaks(t *testing.T) {
	const (
		quanta    = "Von »Spektrum der Wissenschaft« übersetzte und bearbeitete Fassung des Artikels »DNA of Giant ›Corpse Flower‹ Parasite Surprises Biologists« aus »Quanta Magazine«, einem inhaltlich unabhängigen Magazin der Simons Foundation, die sich die Verbreitung von Forschungsergebnissen aus Mathematik und den Naturwissenschaften zum Ziel gesetzt hat."
		greenpakA = "GreenPak devices are kind of like itty bitty PSoCs - they have a mixed signal fabric with an ADC, DACs, comparators, voltage references, plus a digital LUT/FF fabric and some typical digital MCU peripherals like counters and oscillators (but no CPU)."
		greenpakB = "It's actually an interesting architecture - FPGAs (including some devices marketed as CPLDs) are a 2D array of LUTs connected via wires to adjacent cells, and true (product term) CPLDs are a star topology of AND-OR arrays connected by a crossbar. GreenPak, on the other hand, is a star topology of LUTs, flipflops, and analog/digital hard IP connected to a crossbar."
	)
	tests := []struct {
		name, body string
		want       []string
	}{
		{
			name: "address block",
			body: "<p>CorrelAid e.V.<br>\nPasteurstr. 34<br>\n10407 Berlin<br>\nE-Mail: <a href=\"info@correlaid.org\">info@correlaid.org</a></p>",
			want: []string{"paragraph: CorrelAid e.V.", "paragraph: Pasteurstr. 34", "paragraph: 10407 Berlin", "paragraph: E-Mail: info@correlaid.org"},
		},
		{
			name: "name over its e-mail",
			body: "<p>Sebastian Zezulka<br />\nE-Mail: <a href=\"sebastian.z@correlaid.org\">sebastian.z@correlaid.org</a></p>",
			want: []string{"paragraph: Sebastian Zezulka", "paragraph: E-Mail: sebastian.z@correlaid.org"},
		},
		{
			name: "headline line over its sentence",
			body: `<p style="font-size:initial"><a class="line" target="_blank" href="https://www.quantamagazine.org/">&#xA9; Quanta Magazine</a><br>Von &#xBB;Spektrum der Wissenschaft&#xAB; &#xFC;bersetzte und bearbeitete
Fassung des Artikels <a href="https://www.quantamagazine.org/dna-of-giant-corpse-flower-parasite-surprises-biologists-20210421/" target="_blank">&#xBB;DNA of Giant &#x203A;Corpse Flower&#x2039; Parasite
Surprises Biologists&#xAB;</a> aus &#xBB;Quanta Magazine&#xAB;, einem inhaltlich
unabh&#xE4;ngigen Magazin der Simons Foundation, die sich die
Verbreitung von Forschungsergebnissen aus Mathematik und
den Naturwissenschaften zum Ziel gesetzt hat.</p>`,
			want: []string{"paragraph: © Quanta Magazine", "paragraph: " + quanta},
		},
		{
			name: "line ending in a comma continues",
			body: "<p>Matthias Hostettler<br /> Leiter Innendienst,<br />Gesch&auml;ftsleitung</p>",
			want: []string{"paragraph: Matthias Hostettler Leiter Innendienst, Geschäftsleitung"},
		},
		{
			name: "lower-case continuation",
			body: "<p>First line <br>\nsecond line</p>",
			want: []string{"paragraph: First line second line"},
		},
		{
			name: "heading keeps its lines",
			body: "<h1>DIE<br/>\nVERWANDLUNG</h1>",
			want: []string{"heading/1: DIE VERWANDLUNG"},
		},
		{
			name: "two breaks end a paragraph",
			body: `<div class='post-body entry-content'>GreenPak devices are kind of like itty bitty <a href="http://www.cypress.com/products/32-bit-arm-cortex-m-psoc">PSoCs</a> - they have a mixed signal fabric with an ADC, DACs, comparators, voltage references, plus a digital LUT/FF fabric and some typical digital MCU peripherals like counters and oscillators (but no CPU).<br />
<br /> ` + greenpakB + `<br />
<br /></div>`,
			want: []string{"paragraph: " + greenpakA, "paragraph: " + greenpakB},
		},
		{
			name: "break in code is a space",
			body: "<p>Rufen Sie <code>make<br>install</code> auf.</p>",
			want: []string{"paragraph: Rufen Sie make install auf."},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := readString(t, page("", tc.body), HTML, true)
			if diff := cmp.Diff(tc.want, blockSummary(doc.Blocks)); diff != "" {
				t.Errorf("blocks (-want +got):\n%s\nchanges:\n%s", diff, strings.Join(explainLines(doc), "\n"))
			}
		})
	}
}

// The split is listed for --explain with the plain-text reader's reason, and the page read as
// a whole article (not only with --keep-boilerplate) splits the same way.
func TestReadHTMLLineBreaksExplained(t *testing.T) {
	body := "<article><h1>Impressum</h1><h2>Angaben gemäß § 5 TMG</h2><p>CorrelAid e.V.<br>\nPasteurstr. 34<br>\n10407 Berlin<br>\nE-Mail: <a href=\"info@correlaid.org\">info@correlaid.org</a></p>" +
		"<h3>1. Vorsitzender</h3><p>Sebastian Zezulka<br />\nE-Mail: <a href=\"sebastian.z@correlaid.org\">sebastian.z@correlaid.org</a></p></article>"
	doc := readString(t, page("<title>Impressum</title>", body), HTML, false)
	var texts []string
	for _, b := range doc.Blocks {
		texts = append(texts, b.Text)
	}
	want := []string{"Impressum", "Angaben gemäß § 5 TMG", "CorrelAid e.V.", "Pasteurstr. 34", "10407 Berlin", "E-Mail: info@correlaid.org", "1. Vorsitzender", "Sebastian Zezulka", "E-Mail: sebastian.z@correlaid.org"}
	if diff := cmp.Diff(want, texts); diff != "" {
		t.Errorf("blocks (-want +got):\n%s\nchanges:\n%s", diff, strings.Join(explainLines(doc), "\n"))
	}
	explained := strings.Join(explainLines(doc), "\n")
	for _, line := range []string{
		`split "CorrelAid e.V.⏎Pasteurstr. 34": ` + itemRunReason + " (<br>)",
		`split "Sebastian Zezulka⏎E-Mail: sebastian.z@": ` + headlineReason + " (<br>)",
	} {
		if !strings.Contains(explained, line) {
			t.Errorf("changes lack %q:\n%s", line, explained)
		}
	}
}
