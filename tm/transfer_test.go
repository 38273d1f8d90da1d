package tm

import (
	"errors"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
)

// TestImportProviderScopedNoProvider: a provider-scoped import of a pair that names no
// provider, with none given, fails as a *corpus.InputError naming the file and the line where
// the pair starts (not its number), and stores nothing.
func TestImportProviderScopedNoProvider(t *testing.T) {
	tests := []struct {
		name    string
		reader  func() corpus.Reader
		want    string
		file    string
		line    int
		isInput bool
	}{
		{"jsonl, third line", func() corpus.Reader {
			return mustReader(t, corpus.JSONL, "prov.jsonl",
				`{"source":"A.","target":"A1","provider":"openai","model":""}`+"\n"+
					`{"source":"B.","target":"B1","provider":"openai","model":"m"}`+"\n"+
					`{"source":"C.","target":"C1","provider":"","model":""}`+"\n")
		}, `prov.jsonl:3: provider-scoped import: pair "C." names no provider, and none was given`, "prov.jsonl", 3, true},
		{"jsonl, blank lines before the pair", func() corpus.Reader {
			return mustReader(t, corpus.JSONL, "prov.jsonl",
				"\n"+`{"source":"A.","target":"A1","provider":"openai"}`+"\n\n\n"+`{"source":"C.","target":"C1"}`+"\n")
		}, `prov.jsonl:5: provider-scoped import: pair "C." names no provider, and none was given`, "prov.jsonl", 5, true},
		{"tmx, the <tu>'s line", func() corpus.Reader {
			return mustReader(t, corpus.TMX, "p.tmx", `<?xml version="1.0"?>
<tmx version="1.4"><header srclang="de"/><body>
<tu><prop type="x-provider">openai</prop><tuv xml:lang="de"><seg>A.</seg></tuv><tuv xml:lang="en"><seg>A1</seg></tuv></tu>

<tu>
<tuv xml:lang="de"><seg>C.</seg></tuv><tuv xml:lang="en"><seg>C1</seg></tuv></tu>
</body></tmx>
`)
		}, `p.tmx:5: provider-scoped import: pair "C." names no provider, and none was given`, "p.tmx", 5, true},
		{"a reader without name or lines", func() corpus.Reader {
			return &sliceReader{pairs: []corpus.Pair{{Source: "C.", Target: "C1"}}}
		}, `tm: import: provider-scoped import: pair "C." names no provider, and none was given`, "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openTemp(t)
			_, err := db.ImportPairs(ctx, tt.reader(), ImportOptions{ProviderScoped: true})
			if err == nil || err.Error() != tt.want {
				t.Fatalf("ImportPairs: %v\nwant %s", err, tt.want)
			}
			var ie *corpus.InputError
			if errors.As(err, &ie) != tt.isInput {
				t.Fatalf("ImportPairs: %T, *corpus.InputError: %v", err, tt.isInput)
			}
			if ie != nil && (ie.File != tt.file || ie.Line != tt.line) {
				t.Errorf("InputError at %s:%d, want %s:%d", ie.File, ie.Line, tt.file, tt.line)
			}
			if st, err := db.Stats(ctx); err != nil || st.Entries != 0 {
				t.Errorf("after the failed import: %d entries, %v", st.Entries, err)
			}
		})
	}
}

func mustReader(t *testing.T, f corpus.Format, name, text string) corpus.Reader {
	t.Helper()
	r, err := corpus.NewReader(f, strings.NewReader(text), name, corpus.ReaderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}
