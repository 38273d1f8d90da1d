package shard

import (
	"io"
	"strings"
	"testing"
)

// FuzzManifest: any input gives documents that satisfy the reader's promises, or a
// *ManifestError naming the file, never a panic.
func FuzzManifest(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","path":"x.txt"}`,
		`{"id":"b","text":"Der Rat tagt."}` + "\n" + `{"id":"c","src":"a","tgt":"b"}`,
		"\uFEFF{\"id\":\"a\",\"path\":\"x\"}\r\n\n",
		`{"id":"a","path":"x"} 1`,
		"{\"id\":\"\xff\"}",
		"",
	} {
		f.Add(s, 0, 1)
	}
	f.Fuzz(func(t *testing.T, in string, i, n int) {
		n = n%5 + 1
		if n < 1 {
			n += 5
		}
		i = ((i % n) + n) % n
		m := NewManifestReader(strings.NewReader(in), "m.jsonl", Spec{i, n})
		for range 1000 {
			d, err := m.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				if !strings.HasPrefix(err.Error(), "m.jsonl") {
					t.Fatalf("error without the file name: %v", err)
				}
				return
			}
			if d.ID == "" || Of(d.ID, n) != i || d.Line < 1 {
				t.Fatalf("bad document %+v", d)
			}
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"0/4", "3/4", "4/4", "x", "-1/2", "1/-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sp, err := Parse(s)
		if err != nil {
			return
		}
		if sp.Count < 1 || sp.Index < 0 || sp.Index >= sp.Count {
			t.Fatalf("Parse(%q) = %+v", s, sp)
		}
	})
}
