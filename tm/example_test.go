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

// Two workers share one memory (here a SQLite file; "postgres://…" works alike): the first
// claims a segment and pays for it, the second finds the claim and waits for the answer.
func ExampleDB_Claim() {
	dir, _ := os.MkdirTemp("", "tm-example-")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	loc := "sqlite:" + filepath.Join(dir, "tm.sqlite")
	a, err := tm.OpenURL(ctx, loc, tm.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer a.Close()
	b, err := tm.OpenURL(ctx, loc, tm.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer b.Close()

	k := tm.Key{Provider: "openai", Model: "gpt-4o-mini", SourceLang: "de", TargetLang: "en", Source: "Der Kreml schweigt."}
	st, _, _ := a.Claim(ctx, []tm.Key{k})
	fmt.Println("a:", st[0])
	st, _, _ = b.Claim(ctx, []tm.Key{k})
	fmt.Println("b:", st[0])

	// a pays for the translation and stores it, which ends its lease; b, waiting, gets it.
	done := make(chan struct{})
	go func() {
		defer close(done)
		st, targets, err := b.AwaitClaims(ctx, []tm.Key{k})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("b:", st[0], targets[0])
	}()
	if err := a.Store(ctx, k, "The Kremlin is silent."); err != nil {
		log.Fatal(err)
	}
	<-done
	// Output:
	// a: owned
	// b: held
	// b: answered The Kremlin is silent.
}
