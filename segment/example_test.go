package segment_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/bitext/bitext/segment"
)

func ExampleSplitSentences() {
	text := "Am Mittwoch, dem 15. Dezember, traf sie u. a. Dr. Kozak. „Wir reden weiter.“ Das Treffen dauerte 2,5 Stunden."
	for _, s := range segment.SplitSentences(text, "de") {
		fmt.Printf("%d-%d %s\n", s.Start, s.End, s.Text)
	}
	// Output:
	// 0-56 Am Mittwoch, dem 15. Dezember, traf sie u. a. Dr. Kozak.
	// 57-80 „Wir reden weiter.“
	// 81-113 Das Treffen dauerte 2,5 Stunden.
}

func ExampleWords() {
	for _, t := range segment.Words("Der NATO-Generalsekretär sprach 2,5 Stunden.", "de") {
		fmt.Printf("%s %s", t.Kind, t.Text)
		for _, p := range t.Parts {
			fmt.Printf(" [%s]", p.Text)
		}
		fmt.Println()
	}
	// Output:
	// word Der
	// word NATO-Generalsekretär [NATO] [Generalsekretär]
	// word sprach
	// number 2,5
	// word Stunden
	// punct .
}

func ExampleRead() {
	article := "Bbabo NET\n\nNachrichten\n\nDie NATO und Russland reden wieder miteinander\n\nDas Treffen dauerte vier Stunden. < /p>\n\nLeave a Reply\n"
	doc, err := segment.Read(strings.NewReader(article), "artikel.txt", segment.Options{Lang: "de"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range doc.Blocks {
		fmt.Printf("%s: %s\n", b.Kind, b.Text)
	}
	for _, r := range doc.Removed {
		fmt.Printf("line %d: %q (%s)\n", r.Line, r.Text, r.Reason)
	}
	// Output:
	// paragraph: Die NATO und Russland reden wieder miteinander
	// paragraph: Das Treffen dauerte vier Stunden.
	// line 1: "Bbabo NET" (site name above the title)
	// line 3: "Nachrichten" (section label above the title)
	// line 7: "< /p>" (stray HTML tag)
	// line 9: "Leave a Reply" (comment or sharing prompt, not article text)
}

func ExampleRender() {
	blocks := []segment.Block{
		{Kind: segment.Heading, Level: 1, Text: "NATO & Russland"},
		{Kind: segment.Paragraph, Text: "Sie reden <wieder>."},
		{Kind: segment.ListItem, Level: 1, Marker: "-", Text: "Moskau"},
	}
	segment.Render(os.Stdout, segment.HTML, "NATO & Russland", blocks)
	// Output:
	// <!DOCTYPE html>
	// <html>
	// <head>
	// <meta charset="utf-8">
	// <title>NATO &amp; Russland</title>
	// </head>
	// <body>
	// <h1>NATO &amp; Russland</h1>
	// <p>Sie reden &lt;wieder&gt;.</p>
	// <ul>
	// <li>Moskau</li>
	// </ul>
	// </body>
	// </html>
}
