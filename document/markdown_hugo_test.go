package document

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestMarkdownHugoShortcodes: a Hugo shortcode is written back byte for byte and never sent; a
// line of nothing but shortcodes is kept as it is and ends the paragraph before it. The cases
// are lines of Kubernetes' German documentation (testdata/markdown/SOURCES.md); before, "{{<"
// came back as "{{\<" (no shortcode for Hugo) and the shortcode's name and parameters were
// sent as words.
func TestMarkdownHugoShortcodes(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"block shortcodes around a paragraph (components.md)",
			"{{% capture overview %}}\nIn diesem Dokument werden die verschiedenen binären Komponenten beschrieben, die zur Bereitstellung eines funktionsfähigen Kubernetes-Clusters erforderlich sind.\n{{% /capture %}}\n",
			[]string{"In diesem Dokument werden die verschiedenen binären Komponenten beschrieben, die zur Bereitstellung eines funktionsfähigen Kubernetes-Clusters erforderlich sind."},
			"{{% capture overview %}}\nIN DIESEM DOKUMENT WERDEN DIE VERSCHIEDENEN BINÄREN KOMPONENTEN BESCHRIEBEN, DIE ZUR BEREITSTELLUNG EINES FUNKTIONSFÄHIGEN KUBERNETES-CLUSTERS ERFORDERLICH SIND.\n{{% /capture %}}\n"},
		{"caution around lines (nodes.md)",
			"{{< caution >}}\nWenn Sie diese Funktion aktivieren, entsteht eine kleine Verzögerung zwischen der Zeit,\nin der eine Bedingung beobachtet wird, und der Zeit, in der ein Taint entsteht.\n{{< /caution >}}\n",
			[]string{"Wenn Sie diese Funktion aktivieren, entsteht eine kleine Verzögerung zwischen der Zeit, in der eine Bedingung beobachtet wird, und der Zeit, in der ein Taint entsteht."},
			"{{< caution >}}\nWENN SIE DIESE FUNKTION AKTIVIEREN, ENTSTEHT EINE KLEINE VERZÖGERUNG ZWISCHEN DER ZEIT, IN DER EINE BEDINGUNG BEOBACHTET WIRD, UND DER ZEIT, IN DER EIN TAINT ENTSTEHT.\n{{< /caution >}}\n"},
		{"inline shortcode (controller.md)",
			"Der {{< glossary_tooltip text=\"Job\" term_id=\"job\" >}} Controller ist ein Beispiel eines eingebauten Kubernetes Controllers.\n",
			[]string{"Der <x1/> Controller ist ein Beispiel eines eingebauten Kubernetes Controllers."},
			"DER {{< glossary_tooltip text=\"Job\" term_id=\"job\" >}} CONTROLLER IST EIN BEISPIEL EINES EINGEBAUTEN KUBERNETES CONTROLLERS.\n"},
		{"inline shortcode at a line's end (controller.md)",
			"Diese {{< glossary_tooltip text=\"Objekte\" term_id=\"object\" >}}\nhaben ein Spezifikationsfeld, das den Wunschzustand darstellt.\n",
			[]string{"Diese <x1/> haben ein Spezifikationsfeld, das den Wunschzustand darstellt."},
			"DIESE {{< glossary_tooltip text=\"Objekte\" term_id=\"object\" >}} HABEN EIN SPEZIFIKATIONSFELD, DAS DEN WUNSCHZUSTAND DARSTELLT.\n"},
		{"a line of one shortcode (controller.md)",
			"{{< glossary_definition text=\"Controller\" term_id=\"controller\" length=\"short\">}}\n",
			nil, "{{< glossary_definition text=\"Controller\" term_id=\"controller\" length=\"short\">}}\n"},
		{"heading of a shortcode (controller.md)", "## {{% heading \"whatsnext\" %}}\n", nil, "## {{% heading \"whatsnext\" %}}\n"},
		{"shortcode in a link's destination (nodes.md)",
			"Node ist eine Top-Level-Ressource in der Kubernetes-REST-API. Weitere Details zum API-Objekt finden Sie unter:\n[Node API object](/docs/reference/generated/kubernetes-api/{{< param \"version\" >}}/#node-v1-core).\n",
			[]string{"Node ist eine Top-Level-Ressource in der Kubernetes-REST-API. Weitere Details zum API-Objekt finden Sie unter: <g1>Node API object</g1>."},
			"NODE IST EINE TOP-LEVEL-RESSOURCE IN DER KUBERNETES-REST-API. WEITERE DETAILS ZUM API-OBJEKT FINDEN SIE UNTER: [NODE API OBJECT](/docs/reference/generated/kubernetes-api/{{< param \"version\" >}}/#node-v1-core).\n"},
		{"a note of two paragraphs (controller.md)",
			"{{< note >}}\nEs kann mehrere Controller geben, die die gleiche Art Objekte erstellen oder aktualisieren können.\n\nMan kann zum Beispiel Deployments und Jobs haben; beide erstellen Pods.\n{{< /note >}}\n",
			[]string{"Es kann mehrere Controller geben, die die gleiche Art Objekte erstellen oder aktualisieren können.", "Man kann zum Beispiel Deployments und Jobs haben; beide erstellen Pods."},
			"{{< note >}}\nES KANN MEHRERE CONTROLLER GEBEN, DIE DIE GLEICHE ART OBJEKTE ERSTELLEN ODER AKTUALISIEREN KÖNNEN.\n\nMAN KANN ZUM BEISPIEL DEPLOYMENTS UND JOBS HABEN; BEIDE ERSTELLEN PODS.\n{{< /note >}}\n"},
	})
}

// hugoShortcode finds the shortcodes of a page, for comparing a translation's with its source's.
var hugoShortcode = regexp.MustCompile(`\{\{[<%].*?[>%]\}\}`)

// TestMarkdownHugoPage: every shortcode of a real Kubernetes page comes back as it was, and
// none of their words is sent.
func TestMarkdownHugoPage(t *testing.T) {
	d, data := readFile(t, "testdata/markdown/k8s-controller.md", Options{})
	for _, s := range d.Segments {
		if strings.Contains(s.Text, "{{") || strings.Contains(s.Text, "term_id") {
			t.Errorf("segment %q holds a shortcode", s.Text)
		}
	}
	out, probs := write(t, d, translateAll(d, upper), "en")
	if len(probs) > 0 {
		t.Error(probs)
	}
	want := hugoShortcode.FindAllString(string(data), -1)
	if got := hugoShortcode.FindAllString(out, -1); !slices.Equal(got, want) || len(want) != 14 {
		t.Errorf("shortcodes %q,\nwant %q", got, want)
	}
}

// TestMarkdownLessThanStaysText: a "<" that cannot start a tag or an autolink is written as it
// is (CommonMark §6.6 reads "< 5" as text); one that can is escaped.
func TestMarkdownLessThanStaysText(t *testing.T) {
	// A sentence of Kubernetes' nodes.md, and what a provider makes of it.
	src := "Wenn der Cluster klein ist (d.h. weniger als oder gleich `--large-cluster-size-threshold` Node - Standard 50), werden die Entfernungen gestoppt.\n"
	tests := []struct{ tr, want string }{
		{"If the cluster is small (i.e. <= <x1/> nodes, default 50), evictions are stopped.",
			"If the cluster is small (i.e. <= `--large-cluster-size-threshold` nodes, default 50), evictions are stopped.\n"},
		{"If the cluster is small (< 50 nodes, i.e. <x1/>), evictions are stopped.",
			"If the cluster is small (< 50 nodes, i.e. `--large-cluster-size-threshold`), evictions are stopped.\n"},
		{"If a<b nodes (<x1/>), evictions stop.", "If a\\<b nodes (`--large-cluster-size-threshold`), evictions stop.\n"},
		{"If the cluster is small <b>(<x1/>)</b>, evictions are stopped.",
			"If the cluster is small \\<b>(`--large-cluster-size-threshold`)\\</b>, evictions are stopped.\n"},
		{"Write to <nodes@example.org> (<x1/>).", "Write to \\<nodes@example.org> (`--large-cluster-size-threshold`).\n"},
		{"<div nodes <x1/> stop.", "\\<div nodes `--large-cluster-size-threshold` stop.\n"},
	}
	d, err := Read(strings.NewReader(src), "x.md", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		out, probs := write(t, d, []string{strings.ReplaceAll(strings.ReplaceAll(tc.tr, "<", "&lt;"), "&lt;x1/>", "<x1/>")}, "en")
		if out != tc.want || len(probs) > 0 {
			t.Errorf("%q wrote %q, want %q (%v)", tc.tr, out, tc.want, probs)
		}
	}
}

// TestMarkdownHugoLinkTitle: the front matter's linkTitle, the page's name in Hugo's and
// Docsy's menus, is translated with its title (Kubernetes' reference/_index.md); before, the
// menu kept the German name of a translated page.
func TestMarkdownHugoLinkTitle(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"reference/_index.md", "---\ntitle: Referenzen\napprovers:\n- chenopis\nlinkTitle: \"Referenzen\"\nmain_menu: true\nweight: 70\ncontent_type: concept\n---\n",
			[]string{"Referenzen", "Referenzen"},
			"---\ntitle: REFERENZEN\napprovers:\n- chenopis\nlinkTitle: \"REFERENZEN\"\nmain_menu: true\nweight: 70\ncontent_type: concept\n---\n"},
	})
}

// TestMarkdownHugoShortcodesOverLines: a shortcode whose parameters go on over lines ends the
// paragraph above it, even with a blank line among them (Hugo reads shortcodes before the
// Markdown), and the inner text of a raw shortcode (highlight, mermaid) is Hugo's to pass to
// its template as it is. The lines are CorrelAid's correlaidx/jena.md and hamburg.md (MIT);
// before, "{{< person" and its parameters were sent with "Wir freuen uns auf Euch." and the
// shortcode came back translated, on one line.
func TestMarkdownHugoShortcodesOverLines(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"shortcode over lines under a paragraph's line (correlaidx/jena.md)",
			"Wir freuen uns auf Euch.\n{{< person \n    name=\"Elisa\"\n    subline=\"CorrelAidX Jena\"\n    img=\"/images/people/elisa-hofmann.jpg\"\n    x=\"1\"\n>}}\nBei CorrelAid mischt sie seit Herbst 2020 mit.\n{{< /person >}}\n",
			[]string{"Wir freuen uns auf Euch.", "Bei CorrelAid mischt sie seit Herbst 2020 mit."},
			"WIR FREUEN UNS AUF EUCH.\n{{< person \n    name=\"Elisa\"\n    subline=\"CorrelAidX Jena\"\n    img=\"/images/people/elisa-hofmann.jpg\"\n    x=\"1\"\n>}}\nBEI CORRELAID MISCHT SIE SEIT HERBST 2020 MIT.\n{{< /person >}}\n"},
		{"a blank line among the parameters (correlaidx/hamburg.md)",
			"{{< person \n    name=\"Drenizë\"\n    subline=\"CorrelAidX Hamburg\"\n    x=\"1\"\n\n    >}}\nDrenizë hat einen Master of Science in Psychologie und arbeitet jetzt als Datenanalystin in Hamburg.\n{{< /person >}}\n",
			[]string{"Drenizë hat einen Master of Science in Psychologie und arbeitet jetzt als Datenanalystin in Hamburg."},
			"{{< person \n    name=\"Drenizë\"\n    subline=\"CorrelAidX Hamburg\"\n    x=\"1\"\n\n    >}}\nDRENIZË HAT EINEN MASTER OF SCIENCE IN PSYCHOLOGIE UND ARBEITET JETZT ALS DATENANALYSTIN IN HAMBURG.\n{{< /person >}}\n"},
		{"highlight's code (a paragraph of correlaidx/hamburg.md around the case's code)",
			"Falls du Interesse hast, abonniere gerne unseren Newsletter oder schreibe eine E-Mail.\n\n{{< highlight bash >}}\n# Newsletter abonnieren\necho \"Falls du Interesse hast\"\n{{< /highlight >}}\n",
			[]string{"Falls du Interesse hast, abonniere gerne unseren Newsletter oder schreibe eine E-Mail."},
			"FALLS DU INTERESSE HAST, ABONNIERE GERNE UNSEREN NEWSLETTER ODER SCHREIBE EINE E-MAIL.\n\n{{< highlight bash >}}\n# Newsletter abonnieren\necho \"Falls du Interesse hast\"\n{{< /highlight >}}\n"},
		{"mermaid's diagram (two lines of I14Y's plattform/roadmap.md)",
			"{{< mermaid width=\"650px\" >}}\ntimeline\n    title Roadmap Interoperabilitätsplattform I14Y\n{{< /mermaid >}}\n",
			nil,
			"{{< mermaid width=\"650px\" >}}\ntimeline\n    title Roadmap Interoperabilitätsplattform I14Y\n{{< /mermaid >}}\n"},
	})
}
