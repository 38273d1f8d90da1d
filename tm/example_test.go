package tm_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/tm"
)

func Example() {
	dir, _ := os.MkdirTemp("", "tm-example-")
	defer os.RemoveAll(dir)
	db, err := tm.Open(filepath.Join(dir, "tm.sqlite"))
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()

	// The pipeline stores what a provider returned under the full key…
	k := tm.Key{Provider: "openai", Model: "gpt-4o-mini", SourceLang: "de", TargetLang: "en",
		Source: "Der Kreml schweigt.", Terms: []string{"Kreml=Kremlin"}, PromptVersion: "1"}
	if err := db.Store(ctx, k, "The Kremlin is silent."); err != nil {
		log.Fatal(err)
	}
	// …and finds it again whatever the whitespace.
	k.Source = "Der  Kreml schweigt. "
	target, ok, _ := db.Lookup(ctx, k)
	fmt.Println(target, ok)

	// Imported pairs are hits for any provider.
	tsv := "Guten Morgen.\tGood morning.\n"
	r, _ := corpus.NewReader(corpus.TSV, strings.NewReader(tsv), "pairs.tsv", corpus.ReaderOptions{})
	n, _ := db.Import(ctx, r, tm.ImportOptions{})
	target, ok, _ = db.Lookup(ctx, tm.Key{Provider: "google", SourceLang: "de", TargetLang: "en", Source: "Guten Morgen."})
	fmt.Println(n, target, ok)
	// Output:
	// The Kremlin is silent. true
	// 1 Good morning. true
}
