package glossary_test

import (
	"fmt"
	"strings"

	"github.com/bitext/bitext/glossary"
)

func Example() {
	g, err := glossary.Parse(strings.NewReader(
		"de\ten\tvariants\tforbidden\n"+
			"Außenministerium\tForeign Ministry\tState Department\tOuter Ministry\n"+
			"Generalsekretär\tSecretary General\tSecretary-General\tGeneral Secretary\n"+
			"Minsker Abkommen\tMinsk agreements\tMinsk accords\n"+
			"NATO\tNATO\n"), "terms.tsv", glossary.TSV)
	if err != nil {
		panic(err)
	}
	src := "NATO-Generalsekretär Stoltenberg und der Sprecher des US-Außenministeriums sprachen über die Minsker Abkommens."
	for _, m := range g.FindSource(src) {
		fmt.Printf("%s → %s\n", m.Text, m.Entry.Target)
	}
	for _, v := range g.Check(src, "NATO General Secretary Stoltenberg and the State Department's spokesman discussed the Minsk agreement.") {
		fmt.Println(v)
		fmt.Println(v.Feedback())
	}
	// Output:
	// NATO → NATO
	// Generalsekretär → Secretary General
	// Außenministeriums → Foreign Ministry
	// Minsker Abkommens → Minsk agreements
	// forbidden: "Generalsekretär" rendered as "General Secretary", want "Secretary General"
	// The German term "Generalsekretär" must not be translated as "General Secretary"; use "Secretary General", inflected to fit the English sentence (plural or possessive as needed); also accepted: "Secretary-General".
}
