package document

import (
	"strings"
	"testing"
)

// TestMarkdownHardBreakInContainer: a hard line break's code is written with the next line's
// markup (an admonition's or list item's indentation, a quote's "> "), so that a translation's
// line after the break stays in its container. Before, it was written at the margin: the
// admonition's second line left the admonition (goldmark read its first line as code and the
// rest as a paragraph), a list item's and a quote's became lazy continuations. Real lines:
// mailcow-dockerized-docs, manual-guides/mailcow-UI/u_e-mailcow_ui-keycloak.de.md (lines 42-45,
// quoted for the case); withastro/docs, tutorial/2-pages/2.mdx (lines 64-65) and
// concepts/islands.mdx (line 16, its attribution on a line after it: the case's structure).
func TestMarkdownHardBreakInContainer(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"an admonition's body (u_e-mailcow_ui-keycloak.de.md:42-45)",
			"!!! warning \"Voraussetzung\"\n\n    Dies erfordert, dass **mailcow** Zugriff auf die **Keycloak Admin REST API** hat.  \n    Stellen Sie sicher, dass der **mailcow Client** ein **Service Account** hat.\n",
			[]string{"Voraussetzung", "Dies erfordert, dass <g1>mailcow</g1> Zugriff auf die <g2>Keycloak Admin REST API</g2> hat.<x3/>Stellen Sie sicher, dass der <g4>mailcow Client</g4> ein <g5>Service Account</g5> hat."},
			"!!! warning \"VORAUSSETZUNG\"\n\n    DIES ERFORDERT, DASS **MAILCOW** ZUGRIFF AUF DIE **KEYCLOAK ADMIN REST API** HAT.  \n    STELLEN SIE SICHER, DASS DER **MAILCOW CLIENT** EIN **SERVICE ACCOUNT** HAT.\n"},
		{"a list item's second line (tutorial/2-pages/2.mdx:64-65)",
			"2. Füge anschließend zwei weitere Dateien in `src/pages/posts/` hinzu: `post-2.md` und `post-3.md`.  \n   Du kannst den untenstehenden Beispielcode verwenden oder eigene Texte schreiben.\n",
			[]string{"Füge anschließend zwei weitere Dateien in <x1/> hinzu: <x2/> und <x3/>.<x4/>Du kannst den untenstehenden Beispielcode verwenden oder eigene Texte schreiben."},
			"2. FÜGE ANSCHLIEßEND ZWEI WEITERE DATEIEN IN `src/pages/posts/` HINZU: `post-2.md` UND `post-3.md`.  \n   DU KANNST DEN UNTENSTEHENDEN BEISPIELCODE VERWENDEN ODER EIGENE TEXTE SCHREIBEN.\n"},
		{"a quote's second line, after a backslash break (islands.mdx:16)",
			"> Die allgemeine Idee einer „Insel“-Architektur ist täuschend einfach.\\\n> Jason Miller, Erfinder von Preact\n",
			[]string{"Die allgemeine Idee einer „Insel“-Architektur ist täuschend einfach.<x1/>Jason Miller, Erfinder von Preact"},
			"> DIE ALLGEMEINE IDEE EINER „INSEL“-ARCHITEKTUR IST TÄUSCHEND EINFACH.\\\n> JASON MILLER, ERFINDER VON PREACT\n"},
		{"a quote in a list item, CRLF lines",
			"- > Die allgemeine Idee einer „Insel“-Architektur ist täuschend einfach.  \r\n  > Jason Miller, Erfinder von Preact\r\n",
			[]string{"Die allgemeine Idee einer „Insel“-Architektur ist täuschend einfach.<x1/>Jason Miller, Erfinder von Preact"},
			"- > DIE ALLGEMEINE IDEE EINER „INSEL“-ARCHITEKTUR IST TÄUSCHEND EINFACH.  \r\n  > JASON MILLER, ERFINDER VON PREACT\r\n"},
	})
}

// TestMarkdownEscapeAfterHardBreak: a translation's text after a hard line break starts a line,
// so it is escaped as a block's start is: a "- ", "1. " or "# " there would start a list or a
// heading. Before, "Wir haben zwei Wege.  \n– Die Methode ist neu." translated to "… \n- The
// method …" became a list (the review's hb.md). The words are the list item's of
// tutorial/2-pages/2.mdx (withastro/docs, MIT); the translations are the cases'.
func TestMarkdownEscapeAfterHardBreak(t *testing.T) {
	src := "Füge anschließend zwei weitere Dateien hinzu.  \nDu kannst den untenstehenden Beispielcode verwenden.\n"
	for _, tc := range []struct{ name, second, want string }{
		{"a bullet", "- You can use the sample code below.", "\\- You can use the sample code below."},
		{"an ordered item", "1. You can use the sample code below.", "1\\. You can use the sample code below."},
		{"a heading", "# You can use the sample code below.", "\\# You can use the sample code below."},
		{"a quote", "> You can use the sample code below.", "\\> You can use the sample code below."},
		{"spaces that would indent it", "    You can use the sample code below.", "You can use the sample code below."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(src), "x.md", Options{})
			if err != nil {
				t.Fatal(err)
			}
			first, _, ok := strings.Cut(d.Segments[0].Text, "<x1/>")
			if len(d.Segments) != 1 || !ok {
				t.Fatalf("segments %q", d.Identity())
			}
			out, probs := write(t, d, []string{first + "<x1/>" + EscapeText(tc.second)}, "en")
			if len(probs) > 0 {
				t.Error(probs)
			}
			want := "Füge anschließend zwei weitere Dateien hinzu.  \n" + tc.want + "\n"
			if out != want {
				t.Errorf("wrote %q, want %q", out, want)
			}
		})
	}
}
