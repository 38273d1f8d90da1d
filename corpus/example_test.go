package corpus_test

import (
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/bitext/bitext/corpus"
)

func ExampleNewWriter() {
	w, err := corpus.NewWriter(corpus.TSV, os.Stdout, corpus.WriterOptions{})
	if err != nil {
		log.Fatal(err)
	}
	w.Write(corpus.Pair{Source: "Der Kreml schweigt.", Target: "The Kremlin is silent."})
	w.Write(corpus.Pair{Source: "Tab\tim Text", Target: "tab\tin text"})
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	// Output:
	// Der Kreml schweigt.	The Kremlin is silent.
	// Tab\tim Text	tab\tin text
}

func ExampleNewReader() {
	tmx := `<tmx version="1.4"><header srclang="de-DE"/><body>
<tu><tuv xml:lang="de-DE"><seg>Klicken Sie <bpt i="1">&lt;b&gt;</bpt>hier<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
    <tuv xml:lang="en-US"><seg>Click <bpt i="1">&lt;b&gt;</bpt>here<ept i="1">&lt;/b&gt;</ept>.</seg></tuv></tu>
<tu><tuv xml:lang="de-DE"><seg>Kaputt</tuv></tu>
</body></tmx>`
	r, err := corpus.NewReader(corpus.TMX, strings.NewReader(tmx), "memory.tmx", corpus.ReaderOptions{})
	if err != nil {
		log.Fatal(err)
	}
	for {
		p, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Printf("%s → %s\n", p.Source, p.Target)
	}
	// Output:
	// Klicken Sie hier. → Click here.
	// memory.tmx:4: malformed XML: element <seg> closed by </tuv>
}
