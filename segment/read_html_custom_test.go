package segment

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// An element HTML does not know, standing among a container's blocks, is a block: the Zeit
// e-paper's article (Postlight Parser's fixture epaper.zeit.de.html, testdata/SOURCES.md) sets
// its lead in <subtitle> and the photo credit in <image-credits> side by side, and "… eine
// radikale Alternative Foto: Tibor Boz/Redux/laif" was one paragraph. Inside a paragraph such an
// element is inline, as a <span> is. The walker on the tree and the streamed reader agree.
func TestReadHTMLUnknownElements(t *testing.T) {
	const subtitle = "Zum Beispiel die Kollektivierung von Firmen wie BMW, sagt der Chef der Jusos. In der Wirtschaftsordnung, die er sich vorstellt, gäbe es auch kein Eigentum an Wohnraum mehr. Ein Gespräch über eine radikale Alternative"
	tests := []struct {
		name, body string
		want       []string
	}{
		{
			name: "parts of an e-paper article",
			body: `<div class="article__content" id="articleContent">
        <p class="title">Was hei&#xDF;t Sozialismus f&#xFC;r Sie, Kevin K&#xFC;hnert?</p> <subtitle>Zum Beispiel die Kollektivierung von Firmen wie BMW, sagt der Chef der Jusos. In der Wirtschaftsordnung, die er sich vorstellt, g&#xE4;be es auch kein Eigentum an Wohnraum mehr. Ein Gespr&#xE4;ch &#xFC;ber eine radikale Alternative</subtitle> <image-credits>Foto: Tibor Boz/Redux/laif</image-credits> <box type="citation">
<p>&#xBB;Der Zeitgeist ist nun wirklich kein altruistischer&#xAB;</p>
<author>xxx</author>
</box> <division author="DIE ZEIT" type="interview"> <p>DIE ZEIT: Herr K&#xFC;hnert, Sie nennen sich einen Sozialisten. Was verstehen Sie darunter?</p> </division></div>`,
			want: []string{"Was heißt Sozialismus für Sie, Kevin Kühnert?", subtitle, "Foto: Tibor Boz/Redux/laif", "»Der Zeitgeist ist nun wirklich kein altruistischer«", "xxx", "DIE ZEIT: Herr Kühnert, Sie nennen sich einen Sozialisten. Was verstehen Sie darunter?"},
		},
		{
			name: "inside a paragraph",
			body: `<p><subtitle>DIE ZEIT:</subtitle> Herr K&#xFC;hnert, Sie nennen sich einen Sozialisten.</p>`,
			want: []string{"DIE ZEIT: Herr Kühnert, Sie nennen sich einen Sozialisten."},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tree, stream, err1, err2 := readBoth(t, page("", tc.body), Options{KeepBoilerplate: true})
			if err1 != nil || err2 != nil {
				t.Fatal(err1, err2)
			}
			var got []string
			for _, b := range tree.Blocks {
				got = append(got, b.Text)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
			if d := sameDocs(tree, stream); d != "" {
				t.Error(d)
			}
		})
	}
	// Read as an article, the credit is no longer glued to the lead; trafilatura leaves the
	// lead out, and it is listed as removed as a whole.
	doc := readString(t, page("<title>Was heißt Sozialismus für Sie, Kevin Kühnert?</title>", tests[0].body), HTML, false)
	var removed []string
	for _, r := range doc.Removed {
		removed = append(removed, r.Text)
	}
	if slices.ContainsFunc(removed, func(s string) bool { return strings.Contains(s, "Alternative Foto:") }) {
		t.Errorf("the lead runs into the credit: %q", removed)
	}
}
