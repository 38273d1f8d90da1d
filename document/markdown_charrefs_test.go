package document

import (
	"strings"
	"testing"
)

// TestMarkdownCharRefsWritten: a translation is written with the character references its
// source wrote, and a non-ASCII white space beside an emphasis delimiter as a reference, so that
// the emphasis reads as it did (goldmark's count of emphasis and strong spans is the source's).
// The lines of xamarin-docs.de-de are real; the first case has the structure of BeamMP/Docs's
// docs/de/server/create-a-server.md line 21 (AGPL-3.0: its words are not quoted), which the
// black-box review found written as "*" + U+00A0, its italic passage shown with its asterisks.
func TestMarkdownCharRefsWritten(t *testing.T) {
	tests := []struct {
		name, src, tr, want string
	}{
		{"a no-break space after an emphasis's opener (create-a-server.md:21's structure)",
			"Achtung: *&nbsp;Steht in der Zeile * `::` *&nbsp;ein Doppelpunkt, ist sie ungültig. Eine Lösung ist in Arbeit.*\n",
			"Note: *\u00a0If the line holds * <x1/> <g2>\u00a0a colon, it is invalid. A fix is in the works.</g2>",
			"Note: \\*&nbsp;If the line holds \\* `::` *&nbsp;a colon, it is invalid. A fix is in the works.*\n"},
		{"a literal no-break space elsewhere in the block: written as it is, but beside the delimiter",
			"Preis\u00a0100 € *&nbsp;netto*\n",
			"Price\u00a0100 € <g1>\u00a0net</g1>",
			"Price\u00a0100 € *&nbsp;net*\n"},
		{"a no-break space the translation brought beside a delimiter",
			"Das ist *wichtig* hier.\n",
			"This is <g1>important\u2009</g1> here.",
			"This is *important&#x2009;* here.\n"},
		{"a no-break space outside a delimiter lets it close: written as it is",
			"Ein Preis von **10**\u00a0€ gilt.\n",
			"A price of <g1>10</g1>\u00a0€ applies.",
			"A price of **10**\u00a0€ applies.\n"},
		{"the no-break space at the edge of a block in bold",
			"**&nbsp;Wichtiger Hinweis**\n",
			"Important note",
			"**&nbsp;Important note**\n"},
		{"&ndash; between the bold term and its text (lollipop.md:27)",
			"- **Animationen** &ndash; *Touchfeedback*-Animationen, Animationen für *Aktivitätsübergänge*, Animationen für *Anzeigestatusübergänge* und einen *Enthüllungseffekt*.\n",
			"<g1>Animations</g1> – <g2>touch feedback</g2> animations, <g3>activity transition</g3> animations, <g4>view state transition</g4> animations and a <g5>reveal effect</g5>.",
			"- **Animations** &ndash; *touch feedback* animations, *activity transition* animations, *view state transition* animations and a *reveal effect*.\n"},
		{"&gt; and &hellip; in a menu path; the literal no-break space stays (lollipop.md:63)",
			"3. Starten Sie den Android-SDK-Manager (verwenden Sie in Visual Studio für Mac **Extras &gt; Android-SDK-Manager öffnen&hellip;** ), und installieren Sie die Android SDK Tools\u00a023.0.5 oder höher:\n",
			"Start the Android SDK Manager (in Visual Studio for Mac use <g1>Tools > Open Android SDK Manager…</g1> ), and install the Android SDK Tools\u00a023.0.5 or later:",
			"3. Start the Android SDK Manager (in Visual Studio for Mac use **Tools &gt; Open Android SDK Manager&hellip;** ), and install the Android SDK Tools\u00a023.0.5 or later:\n"},
		{"a \">\" written both ways is written as it is, \"&lt;\" as the source wrote it (profiling.md:69)",
			"8. Navigieren Sie zu **Projekteinstellungen > Module**, wählen Sie den **-Signed**-Knoten der App aus, und klicken Sie dann auf **&lt;No SDK&gt;** (Kein SDK):\n",
			"Go to <g1>Project Settings > Modules</g1>, select the app's <g2>-Signed</g2> node, and then click <g3><No SDK></g3> (No SDK):",
			"8. Go to **Project Settings > Modules**, select the app's **-Signed** node, and then click **&lt;No SDK>** (No SDK):\n"},
		{"&ndash; right after the opener (default-resources.md:43)",
			"- unformatierte **&ndash; beliebige** Dateien, die in Ihrem unformatierten Binärformat gespeichert werden.\n",
			"raw <g1>– any</g1> files, stored in their raw binary form.",
			"- raw **&ndash; any** files, stored in their raw binary form.\n"},
		{"&nbsp; between a code span and the words, moved to the block's prefix (implementing-with-fragments/index.md:44)",
			"1. `MainActivity` &nbsp; Dies ist die Startaktivität für die App.\n",
			"This is the app's start activity.",
			"1. `MainActivity` &nbsp; This is the app's start activity.\n"},
		{"&amp; written back, a translation's \"&amp;\" as its five characters",
			"Forschung &amp; Entwicklung\n",
			"research & development, not \"&amp;amp;\"",
			"research &amp; development, not \"&amp;amp;\"\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), "x.md", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Segments) != 1 {
				t.Fatalf("segments %q, want one", d.Identity())
			}
			if out, _ := write(t, d, d.Identity(), ""); out != tc.src {
				t.Errorf("identity wrote %q, want the input", out)
			}
			out, probs := write(t, d, []string{tc.tr}, "")
			if len(probs) > 0 {
				t.Error(probs)
			}
			if out != tc.want {
				t.Errorf("wrote %q,\n want %q", out, tc.want)
			}
			if a, b := emphasisSpans(tc.src), emphasisSpans(out); a != b {
				t.Errorf("goldmark reads %v emphasis, strong and strikethrough spans, the source %v", b, a)
			}
			back, err := Read(strings.NewReader(out), "x.md", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(back.Segments) != 1 || Plain(back.Segments[0].Text) != Plain(tc.tr) {
				t.Errorf("read back %q, want the words of %q", back.Identity(), tc.tr)
			}
		})
	}
}
