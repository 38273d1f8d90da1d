package segment

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// explainLines renders a document's changes the way `bitext segment --explain` lists them
// (file:line: change).
func explainLines(doc *Document) []string {
	var out []string
	for _, r := range doc.Removed {
		pos := doc.Name
		if r.Line > 0 {
			pos += ":" + strconv.Itoa(r.Line)
		}
		out = append(out, pos+": "+r.String())
	}
	return out
}

// TestExplainChanges is a golden test of the changes reading makes and lists: joins of
// hard-wrapped lines (with hyphenation), soft hyphens, dashes kept in wrapped text.
func TestExplainChanges(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		f       Format
		keep    bool
		blocks  []string
		explain []string
	}{
		{
			name: "hard-wrapped paragraph",
			in:   "Der Sprecher des Außen-\nministeriums sagte, die NATO-\nGeneralsekretärin und die Außen- und\nInnenminister seien eingeladen.\n",
			f:    Text,
			blocks: []string{
				"paragraph: Der Sprecher des Außenministeriums sagte, die NATO-Generalsekretärin und die Außen- und Innenminister seien eingeladen.",
			},
			explain: []string{
				`a.txt:1: joined " Sprecher des Außen-⏎ministeriums sagte, ": word hyphenated at the line end joined, hyphen dropped`,
				`a.txt:2: joined "ums sagte, die NATO-⏎Generalsekretärin un": hyphenated compound split at the line end joined`,
				`a.txt:3: joined "n und die Außen- und⏎Innenminister seien ": line break inside a paragraph joined with a space`,
			},
		},
		{
			name: "dash at the start of a wrapped line",
			in:   "Der Minister sagte am Montag\n– nach langem Zögern –, er trete zurück.\n",
			f:    Text,
			keep: true,
			blocks: []string{
				"paragraph: Der Minister sagte am Montag – nach langem Zögern –, er trete zurück.",
			},
			explain: []string{
				`a.txt:1: joined "ster sagte am Montag⏎– nach langem Zögern": line break inside a paragraph joined with a space`,
			},
		},
		{
			name:   "dash list after a colon",
			in:     "Die Forderungen:\n– mehr Geld\n– weniger Arbeit\n",
			f:      Text,
			blocks: []string{"paragraph: Die Forderungen:", "list-item/1 –: mehr Geld", "list-item/1 –: weniger Arbeit"},
		},
		{
			name:    "soft hyphens in text, even when keeping boilerplate",
			in:      "Die Bundes\u00adregierung be\u00adschloss das Gesetz.\n",
			f:       Text,
			keep:    true,
			blocks:  []string{"paragraph: Die Bundesregierung beschloss das Gesetz."},
			explain: []string{`a.txt:1: removed "\u00ad": soft hyphen (U+00AD, invisible hyphenation hint) ×2`},
		},
		{
			name:    "soft hyphens in HTML",
			in:      "<p>Die Bundes&shy;regierung beschloss das Gesetz.</p>",
			f:       HTML,
			keep:    true,
			blocks:  []string{"paragraph: Die Bundesregierung beschloss das Gesetz."},
			explain: []string{`a.txt: removed "\u00ad": soft hyphen (U+00AD, invisible hyphenation hint) ×1`},
		},
		{
			name:    "soft hyphens in Markdown",
			in:      "# Bundes\u00adtag\n\nDer Bundes\u00adtag tagt.\n",
			f:       Markdown,
			keep:    true,
			blocks:  []string{"heading/1: Bundestag", "paragraph: Der Bundestag tagt."},
			explain: []string{`a.txt:1: removed "\u00ad": soft hyphen (U+00AD, invisible hyphenation hint) ×1`, `a.txt:3: removed "\u00ad": soft hyphen (U+00AD, invisible hyphenation hint) ×1`},
		},
		{
			name:   "typewriter quotes after a space",
			in:     "Die Antwort war ein klares ,,Nein''. Dann ging er.\n",
			f:      Text,
			blocks: []string{"paragraph: Die Antwort war ein klares ,,Nein''. Dann ging er."},
		},
		{
			name:   "typewriter single quotes after a space",
			in:     "Die Griechen sagten damals ein klares ,Ochi'. Das war mutig.\n",
			f:      Text,
			blocks: []string{"paragraph: Die Griechen sagten damals ein klares ,Ochi'. Das war mutig."},
		},
		{
			name:    "a stray space before a comma still goes",
			in:      "Er kam ,sah und siegte. Dann ging er.\n",
			f:       Text,
			blocks:  []string{"paragraph: Er kam,sah und siegte. Dann ging er."},
			explain: []string{`a.txt:1: removed " ": space before punctuation in "Er kam ,sah un"`},
		},
		{
			// The black-box review's case: code next to the change is shown as written, not in
			// the marks it is read in (U+FDD0, U+FDD1).
			name:    "code in an explanation",
			in:      "<p>Erster Satz mit <code>code</code> . Zweiter Satz.</p>",
			f:       HTML,
			blocks:  []string{"paragraph: Erster Satz mit code. Zweiter Satz."},
			explain: []string{"a.txt: removed \" \": space before punctuation in \"z mit `code` . Zweit\""},
		},
		{
			// After a real Markdown sample (a course exercise sheet): lines ending in a space
			// before the line break, which is no doubled space. Markdown is the author's, not a
			// scraped page: its spacing is not tidied (a doubled space renders as one, and is
			// shown as one), nothing is reported.
			name: "Markdown: trailing spaces are no doubled space; the author's text is not tidied",
			in:   "# Übung\n\nIn dieser Übung erweitern Sie Jabref. \nIhre Erweiterung soll ein Paper erkennen. \nDiese Funktion soll  sich abschalten lassen .\n",
			f:    Markdown,
			blocks: []string{"heading/1: Übung",
				"paragraph: In dieser Übung erweitern Sie Jabref. Ihre Erweiterung soll ein Paper erkennen. Diese Funktion soll sich abschalten lassen ."},
		},
		{
			name:    "UTF-16 notice",
			in:      utf16Bytes("Ein Satz.\n", false, true),
			f:       Text,
			blocks:  []string{"paragraph: Ein Satz."},
			explain: []string{`a.txt: note: decoded from UTF-16LE`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(strings.NewReader(tt.in), "a.txt", Options{Format: tt.f, KeepBoilerplate: tt.keep})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.blocks, blockSummary(doc.Blocks)); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.explain, explainLines(doc)); diff != "" {
				t.Errorf("explain (-want +got):\n%s", diff)
			}
		})
	}
}

// TestRemovalsCapped: a huge input full of debris lists at most maxRemovals changes and counts
// the rest by reason.
func TestRemovalsCapped(t *testing.T) {
	in := strings.Repeat("Ein  Satz mit doppeltem Leerzeichen.\n\n", maxRemovals+500)
	doc, err := Read(strings.NewReader(in), "a.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Removed) != maxRemovals+1 {
		t.Fatalf("%d changes listed", len(doc.Removed))
	}
	if want := "500 more removals not listed (doubled space)"; !hasNotice(doc.Removed, want) {
		t.Errorf("no notice %q", want)
	}
}

// TestRaggedLines: inside a paragraph, a short line without final punctuation followed by a line
// that starts like a sentence ends its sentence (web text, reviews); hard-wrapped lines of about
// the same width are joined.
func TestRaggedLines(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"review lines", "Das Essen war gut und die Bedienung sehr freundlich.\nAbsolut zu empfehlen\nSeit 1964 ist mein Mann rund 1 mal pro Jahr Gast in diesem Hotel.\n",
			[]string{"paragraph: Das Essen war gut und die Bedienung sehr freundlich. Absolut zu empfehlen", "paragraph: Seit 1964 ist mein Mann rund 1 mal pro Jahr Gast in diesem Hotel."}},
		{"hard wrap", "Der Minister sagte am Montag in Berlin, die Regierung werde das\nGesetz noch in diesem Jahr vorlegen, und die Opposition kündigte\nWiderstand an.\n",
			[]string{"paragraph: Der Minister sagte am Montag in Berlin, die Regierung werde das Gesetz noch in diesem Jahr vorlegen, und die Opposition kündigte Widerstand an."}},
		{"short lines list", "Mehl\nZucker\nEier\n", []string{"paragraph: Mehl Zucker Eier"}},
		{"wrapped before an article", "Die Stiftung Warentest hat in einer Untersuchung die Angebote geprüft und kommt zu\nklaren Ergebnissen, die viele Käufer in\nder Stadt überraschen dürften.\n",
			[]string{"paragraph: Die Stiftung Warentest hat in einer Untersuchung die Angebote geprüft und kommt zu klaren Ergebnissen, die viele Käufer in der Stadt überraschen dürften."}},
		{"list line then a sentence", "Unsere Ferienwohnung hatte alles, was man für eine Woche am Meer braucht.\nGroßer Balkon mit Blick\nDie Vermieter waren sehr freundlich und halfen uns bei allem.\n",
			[]string{"paragraph: Unsere Ferienwohnung hatte alles, was man für eine Woche am Meer braucht. Großer Balkon mit Blick", "paragraph: Die Vermieter waren sehr freundlich und halfen uns bei allem."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := readString(t, tt.in, Text, false)
			if diff := cmp.Diff(tt.want, blockSummary(doc.Blocks)); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
		})
	}
}
