package shard_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/bitext/bitext/shard"
)

// A worker started as --shard 1/3 reads the whole manifest and keeps its own documents.
func ExampleManifestReader() {
	manifest := `{"id":"artikel-1","text":"Der Rat tagt."}
{"id":"artikel-2","text":"Die Kommission legt einen Bericht vor."}
{"id":"artikel-3","path":"texte/artikel-3.html"}
{"id":"artikel-4","text":"Der Minister reist nach Paris."}
`
	spec, _ := shard.Parse("1/3")
	m := shard.NewManifestReader(strings.NewReader(manifest), "manifest.jsonl", spec)
	for {
		d, err := m.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(d.ID, "line", d.Line)
	}
	// Output:
	// artikel-2 line 2
	// artikel-4 line 4
}

// The outputs of a run, checked against its manifest.
func ExampleChecker() {
	c := shard.NewChecker()
	c.Expect("a", "m.jsonl:1")
	c.Expect("b", "m.jsonl:2")
	c.Expect("c", "m.jsonl:3")
	c.See("shard-0.jsonl", "a")
	c.See("shard-0.jsonl", "a") // a second pair of the same document
	c.See("shard-1.jsonl", "c")
	c.See("shard-2.jsonl", "c")
	c.Missing("a", "m.jsonl:1")
	c.Missing("b", "m.jsonl:2")
	c.Missing("c", "m.jsonl:3")
	fmt.Println(c.Err())
	// Output:
	// 1 document in no output (rerun the shards that hold them): b (m.jsonl:2); 1 document more than once: c (in shard-1.jsonl and shard-2.jsonl)
}
