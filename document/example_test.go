package document_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/bitext/bitext/document"
)

// A page is read into segments with inline codes, translated (here by hand), and written back:
// the markup outside the words is the page's own, the link's URL was never sent.
func Example() {
	page := `<html lang="de"><head><title>Neue Brücke</title></head>` +
		`<body><p>Die <a href="/bruecke">neue Brücke</a> ist offen.</p></body></html>`
	d, err := document.Read(strings.NewReader(page), "seite.html", document.Options{})
	if err != nil {
		panic(err)
	}
	for _, s := range d.Segments {
		fmt.Println(s.Text)
	}
	translations := []string{"New bridge", "The <g1>new bridge</g1> is open."}
	problems, err := d.Write(os.Stdout, translations, document.WriteOptions{TargetLang: "en"})
	fmt.Println()
	fmt.Println(len(problems), err)
	// Output:
	// Neue Brücke
	// Die <g1>neue Brücke</g1> ist offen.
	// <html lang="en"><head><title>New bridge</title></head><body><p>The <a href="/bruecke">new bridge</a> is open.</p></body></html>
	// 0 <nil>
}

// A translation that loses a tag is written with the codes at the segment's edges, and the
// problem is reported.
func ExampleCheckTags() {
	codes := document.CodesOf("Die <g1>neue Brücke</g1> ist offen.")
	fmt.Println(document.CheckTags(codes, "The new bridge is open."))
	fmt.Println(document.SafePlacement(codes, "Die <g1>neue Brücke</g1> ist offen.", "The new bridge is open."))
	// Output:
	// the tag <g1>…</g1> is missing; keep every tag of the source
	// <g1>The new bridge is open.</g1>
}
