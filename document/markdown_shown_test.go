package document

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func mdTexts(t *testing.T, in, name string, opt Options) []string {
	t.Helper()
	opt.Format = Markdown
	d, err := Read(strings.NewReader(in), name, opt)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range d.Segments {
		out = append(out, string(s.Kind)+": "+s.Text)
	}
	return out
}

// TestMarkdownReadingFixes: lines of real pages that were sent wrong or not at all.
func TestMarkdownReadingFixes(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		// CorrelAid hugo-website (MIT), content/de/about/willkommen.md: one space at a line's
		// end was sent with the break's, two spaces, and translate did not cut the sentences
		// there (it cuts at one space).
		{"one trailing space before a soft break",
			"Die reguläre Mitgliederversammlung („MV“) von CorrelAid e.V. findet jährlich in der zweiten Jahreshälfte statt. \nMeistens treffen wir uns online im November oder Dezember. \n",
			[]string{"block: Die reguläre Mitgliederversammlung („MV“) von CorrelAid e.V. findet jährlich in der zweiten Jahreshälfte statt. Meistens treffen wir uns online im November oder Dezember."}},
		// The review's case: an admonition in a list item, indented past the item's content
		// column; its keyword was sent with its first paragraph and its second was code.
		{"an admonition in a list item",
			"1. Erster Schritt ist wichtig.\n\n    !!! info \"Hinweis\"\n        Der erste Absatz im Hinweis.\n\n        Der zweite Absatz im Hinweis.\n\n2. Zweiter Schritt folgt.\n",
			[]string{"block: Erster Schritt ist wichtig.", "heading: Hinweis", "block: Der erste Absatz im Hinweis.", "block: Der zweite Absatz im Hinweis.", "block: Zweiter Schritt folgt."}},
		// CorrelAid hugo-website (MIT), content/de/events/2020-07/180-degrees-consulting.md: the
		// text under a shortcode over lines, indented, was read as code and never sent.
		{"indented text under a shortcode",
			"{{< person \n    name=\"Nina\"\n    subline=\"Head of Data Literacy\"\n>}}\n    Nina arbeitet bei CorrelAid als Head of Data Science Literacy.\n\n{{< /person >}}\n",
			[]string{"block: Nina arbeitet bei CorrelAid als Head of Data Science Literacy."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, mdTexts(t, tc.in, "x.md", Options{})); diff != "" {
				t.Errorf("segments (-want +got):\n%s", diff)
			}
		})
	}
}
