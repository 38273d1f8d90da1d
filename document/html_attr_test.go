package document

import (
	"strings"
	"testing"
)

// TestHTMLAttributeEscapes: a translated attribute value is escaped for its quoting, so that
// it stays one value of its tag and reads back as the translation's words.
func TestHTMLAttributeEscapes(t *testing.T) {
	tests := []struct {
		name, src, tr, want string
	}{
		{"double quotes", `<p><img alt="Bild" src="x.png"> Text hier.</p>`, `The "NATO" & <Russia>`,
			`<img alt="The &quot;NATO&quot; &amp; &lt;Russia&gt;" src="x.png">`},
		{"single quotes", `<p><img alt='Bild' src='x.png'> Text hier.</p>`, `Stoltenberg's "view"`,
			`<img alt='Stoltenberg&#39;s "view"' src='x.png'>`},
		{"unquoted", `<p><img alt=Bild src=x.png> Text hier.</p>`, "A picture\tof\nthe =`'NATO'`",
			"<img alt=A&#32;picture&#9;of&#10;the&#32;&#61;&#96;&#39;NATO&#39;&#96; src=x.png>"},
		{"unquoted, line ends", `<p title=Titel>Text hier.</p>`, "Line one\r\nline two\fthree",
			"<p title=Line&#32;one&#13;&#10;line&#32;two&#12;three>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), "x.html", Options{})
			if err != nil {
				t.Fatal(err)
			}
			targets := d.Identity()
			targets[0] = EscapeText(tc.tr)
			out, probs := write(t, d, targets, "")
			if len(probs) > 0 {
				t.Error(probs)
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("wrote %q, want it to hold %q", out, tc.want)
			}
			d2, err := Read(strings.NewReader(out), "x.html", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(d2.Segments) != len(d.Segments) {
				t.Fatalf("read back %q", d2.Identity())
			}
			if got, want := Plain(d2.Segments[0].Text), strings.TrimSpace(collapse(tc.tr)); got != want {
				t.Errorf("read back %q, want %q", got, want)
			}
		})
	}
}
