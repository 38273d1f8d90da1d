package align_test

import (
	"fmt"
	"os"

	"github.com/bitext/bitext/align"
)

func ExampleAlign() {
	de := []string{
		"Der Stadtrat hat am Dienstag mit 31 zu 17 Stimmen den Bau beschlossen.",
		"Die Baukosten werden auf 112 Millionen Euro geschätzt.",
		"Bund und Land übernehmen 75 Prozent davon.",
		"Katrin Vogel sprach von einem historischen Tag.",
	}
	en := []string{
		"On Tuesday, the city council voted 31 to 17 for the project.",
		"It will cost 112 million euros, 75 percent of which federal and state governments pay.",
		"Katrin Vogel spoke of a historic day.",
	}
	beads, err := align.Align(de, en, align.Options{})
	if err != nil {
		panic(err)
	}
	for _, b := range beads {
		fmt.Println(b.Src, b.Tgt)
	}
	// Output:
	// [0] [0]
	// [1 2] [1]
	// [3] [2]
}

func ExampleWriteBeads() {
	beads := []align.Bead{{Src: []int{0}, Tgt: []int{0}, Confidence: 0.93}, {Src: []int{1, 2}, Tgt: []int{1}, Confidence: 0.8}, {Tgt: []int{2}, Confidence: 0.99}}
	align.WriteBeads(os.Stdout, beads)
	// Output:
	// [0]:[0]:0.93
	// [1, 2]:[1]:0.80
	// []:[2]:0.99
}
