package shard

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    Spec
		wantErr string
	}{
		{"0/4", Spec{0, 4}, ""},
		{"3/4", Spec{3, 4}, ""},
		{" 1 / 2 ", Spec{1, 2}, ""},
		{"0/1", Spec{0, 1}, ""},
		{"4/4", Spec{}, "I must be in 0…3"},
		{"-1/4", Spec{}, "I must be in 0…3"},
		{"1/0", Spec{}, "at least 1"},
		{"1", Spec{}, "want I/N"},
		{"a/b", Spec{}, "whole numbers"},
		{"", Spec{}, "want I/N"},
	} {
		got, err := Parse(tc.in)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("Parse(%q) = %v, %v; want error containing %q", tc.in, got, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
		if back, err := Parse(got.String()); err != nil || back != got {
			t.Errorf("Parse(%q.String()) = %v, %v", tc.in, back, err)
		}
	}
}

// TestOfIsTheDocumentedHash pins the hash to values computed with the Python lines of the
// package documentation: a change of hash would send documents of a running job to other
// shards.
func TestOfIsTheDocumentedHash(t *testing.T) {
	for _, tc := range []struct {
		id   string
		n    int
		want int
	}{
		{"a", 4, 2},
		{"2024/artikel-17", 4, 2},
		{"doc-000001", 10, 7},
		{"", 3, 1},
		{"Außenministerium", 7, 3},
		{"anything", 1, 0},
	} {
		if got := Of(tc.id, tc.n); got != tc.want {
			t.Errorf("Of(%q, %d) = %d, want %d", tc.id, tc.n, got, tc.want)
		}
	}
}

// TestShardsPartition: every id is owned by exactly one of N shards, and the shards are about
// even.
func TestShardsPartition(t *testing.T) {
	const n, docs = 4, 10000
	counts := make([]int, n)
	for i := range docs {
		id := fmt.Sprintf("artikel/%05d.txt", i)
		owners := 0
		for s := range n {
			if (Spec{s, n}).Owns(id) {
				owners++
				counts[s]++
			}
		}
		if owners != 1 {
			t.Fatalf("%s owned by %d shards", id, owners)
		}
	}
	for s, c := range counts {
		if c < docs/n*9/10 || c > docs/n*11/10 {
			t.Errorf("shard %d has %d of %d documents: uneven", s, c, docs)
		}
	}
	if !(Spec{}).Owns("x") || !(Spec{0, 1}).Owns("x") {
		t.Error("no sharding must own every document")
	}
}

func readAll(t *testing.T, manifest string, s Spec) ([]Document, error) {
	t.Helper()
	m := NewManifestReader(strings.NewReader(manifest), "dir/m.jsonl", s)
	var out []Document
	for {
		d, err := m.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, d)
	}
}

func TestManifest(t *testing.T) {
	in := "\uFEFF" + `{"id":"a","path":"texts/a.txt"}
{"id":"b","text":"Der Rat tagt.","format":"text"}

{"id":"c","src":"de/c.txt","tgt":"/abs/en/c.txt"}
{"id":"d","path":"/abs/d.html"}` // no final newline
	docs, err := readAll(t, in, Spec{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Document{
		{ID: "a", Path: "dir/texts/a.txt", Line: 1},
		{ID: "b", Text: "Der Rat tagt.", Format: "text", Line: 2},
		{ID: "c", Src: "dir/de/c.txt", Tgt: "/abs/en/c.txt", Line: 4},
		{ID: "d", Path: "/abs/d.html", Line: 5},
	}
	if fmt.Sprint(docs) != fmt.Sprint(want) {
		t.Fatalf("got %+v\nwant %+v", docs, want)
	}
	kinds := []Kind{File, Inline, Pair, File}
	for i, d := range docs {
		if d.Kind() != kinds[i] {
			t.Errorf("%s: kind %d, want %d", d.ID, d.Kind(), kinds[i])
		}
	}
	// The shards of a manifest are a partition of it.
	total := 0
	for s := range 3 {
		part, err := readAll(t, in, Spec{s, 3})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range part {
			if Of(d.ID, 3) != s {
				t.Errorf("shard %d returned %s of shard %d", s, d.ID, Of(d.ID, 3))
			}
		}
		total += len(part)
	}
	if total != len(want) {
		t.Errorf("shards hold %d documents, want %d", total, len(want))
	}
}

func TestManifestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"empty", "", "dir/m.jsonl: empty manifest"},
		{"blank", "\n  \n", "dir/m.jsonl:2: empty manifest"},
		{"no id", `{"path":"a"}`, "dir/m.jsonl:1: document without an id"},
		{"nothing", `{"id":"a"}`, `document "a" has neither path, text nor src and tgt`},
		{"two", `{"id":"a","path":"x","text":"y"}`, "more than one of path, text"},
		{"half pair", `{"id":"a","src":"x"}`, "needs both src and tgt"},
		{"typo", `{"id":"a","pth":"x"}`, `unknown field "pth"`},
		{"syntax", "{\"id\":\"a\",\"path\":\"x\"}\n{\"id\": \"b\", path}", "dir/m.jsonl:2:"},
		{"not object", `["a"]`, "dir/m.jsonl:1:"},
		{"two values", `{"id":"a","path":"x"} {"id":"b","path":"y"}`, "more than one JSON value"},
		{"utf8", "{\"id\":\"a\xff\",\"path\":\"x\"}", "dir/m.jsonl:1:9: invalid UTF-8"},
		{"newline id", `{"id":"a\nb","path":"x"}`, "line break"},
		{"duplicate id", "{\"id\":\"a\",\"path\":\"x\"}\n{\"id\":\"b\",\"path\":\"y\"}\n\n{\"id\":\"a\",\"text\":\"z\"}",
			`dir/m.jsonl:4: id "a" given twice (first on line 1)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readAll(t, tc.in, Spec{})
			var me *ManifestError
			if !errors.As(err, &me) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want a *ManifestError containing %q", err, tc.want)
			}
		})
	}
}

// TestManifestDuplicateIDs: an id given twice is refused by every shard's reader, at its second
// line, before the documents after it; AllowDuplicateIDs lets a caller that reports them itself
// read on.
func TestManifestDuplicateIDs(t *testing.T) {
	in := `{"id":"a","path":"x"}` + "\n" + `{"id":"b","path":"y"}` + "\n" + `{"id":"a","text":"z"}` + "\n" + `{"id":"c","path":"w"}` + "\n"
	for _, tc := range []struct {
		name  string
		spec  Spec
		allow bool
		want  int // documents returned; -1: the error
	}{
		{"all", Spec{}, false, -1},
		{"shard 0/2", Spec{0, 2}, false, -1},
		{"shard 1/2", Spec{1, 2}, false, -1},
		{"allowed", Spec{}, true, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := NewManifestReader(strings.NewReader(in), "m.jsonl", tc.spec)
			if tc.allow {
				m.AllowDuplicateIDs()
			}
			n := 0
			var err error
			for {
				if _, err = m.Next(); err != nil {
					break
				}
				n++
			}
			if tc.want >= 0 {
				if err != io.EOF || n != tc.want {
					t.Fatalf("%d documents, %v; want %d", n, err, tc.want)
				}
				return
			}
			var me *ManifestError
			if !errors.As(err, &me) || me.Line != 3 || !strings.Contains(err.Error(), `m.jsonl:3: id "a" given twice (first on line 1)`) {
				t.Fatalf("error %v, want m.jsonl:3 naming id a", err)
			}
		})
	}
}

func TestManifestLongLine(t *testing.T) {
	text := strings.Repeat("Der Rat tagt. ", 100000) // 1.4 MB inline document
	docs, err := readAll(t, `{"id":"long","text":"`+text+`"}`+"\n", Spec{})
	if err != nil || len(docs) != 1 || docs[0].Text != text {
		t.Fatalf("long inline text: %d docs, %v", len(docs), err)
	}
}

func TestChecker(t *testing.T) {
	type see struct{ file, id string }
	for _, tc := range []struct {
		name     string
		manifest []string // nil: no manifest
		seen     []see
		want     string // "" for no error
	}{
		{"complete", []string{"a", "b", "c"}, []see{{"s0", "a"}, {"s0", "a"}, {"s1", "b"}, {"s1", "c"}, {"s1", "c"}}, ""},
		{"no manifest", nil, []see{{"s0", "a"}, {"s1", "b"}}, ""},
		{"missing", []string{"a", "b", "c"}, []see{{"s0", "a"}}, "2 documents in no output (rerun the shards that hold them): b (m:2), c (m:3)"},
		{"duplicate across files", []string{"a", "b"}, []see{{"s0", "a"}, {"s0", "b"}, {"s1", "b"}}, "1 document more than once: b (in s0 and s1)"},
		{"duplicate in one file", nil, []see{{"s0", "a"}, {"s0", "b"}, {"s0", "a"}}, "a (twice in s0)"},
		{"pairs of one document", nil, []see{{"s0", "a"}, {"s0", "a"}}, ""}, // consecutive pairs, places unknown
		{"foreign", []string{"a"}, []see{{"s0", "a"}, {"s0", "z"}}, "1 document not in the manifest: z (in s0)"},
		{"manifest duplicate", []string{"a", "b", "a"}, []see{{"s0", "a"}, {"s0", "b"}}, "the manifest gives 1 id twice (every document needs its own id): a (again at m:3)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewChecker()
			for i, id := range tc.manifest {
				c.Expect(id, fmt.Sprintf("m:%d", i+1))
			}
			for _, s := range tc.seen {
				c.See(s.file, s.id)
			}
			for i, id := range tc.manifest {
				c.Missing(id, fmt.Sprintf("m:%d", i+1))
			}
			wantErr(t, c.Err(), tc.want)
		})
	}
}

// TestCheckerRepeats: a document that comes twice within one output, right after itself, and
// outputs begun twice under one name.
func TestCheckerRepeats(t *testing.T) {
	// step is a pair of a document at a place, or (id "") the beginning of an output.
	type step struct {
		file, id   string
		para, sent int
		src        string
	}
	begin := func(file string) step { return step{file: file} }
	for _, tc := range []struct {
		name  string
		steps []step
		want  string // "" for no error
	}{
		{"pairs going forward", []step{{"s0", "a", 1, 1, "x"}, {"s0", "a", 1, 2, "y"}, {"s0", "a", 2, 1, "z"}, {"s0", "b", 1, 1, "x"}}, ""},
		{"document twice in a row", []step{{"s0", "a", 1, 1, "x"}, {"s0", "a", 1, 2, "y"}, {"s0", "a", 1, 1, "x"}, {"s0", "a", 1, 2, "y"}}, "1 document more than once: a (twice in s0)"},
		{"one pair twice in a row", []step{{"s0", "a", 1, 1, "x"}, {"s0", "a", 1, 1, "x"}}, "1 document more than once: a (twice in s0)"},
		{"three times", []step{{"s0", "a", 1, 1, "x"}, {"s0", "a", 2, 1, "y"}, {"s0", "a", 1, 1, "x"}, {"s0", "a", 2, 1, "y"}, {"s0", "a", 1, 1, "x"}, {"s0", "a", 2, 1, "y"}}, "2 documents more than once: a (twice in s0), a (twice in s0)"},
		{"starting over part way", []step{{"s0", "a", 1, 1, "x"}, {"s0", "a", 2, 1, "y"}, {"s0", "a", 3, 1, "z"}, {"s0", "a", 2, 1, "y"}, {"s0", "a", 3, 1, "z"}}, "1 document more than once: a (twice in s0)"},
		{"sentence going back in a paragraph", []step{{"s0", "a", 1, 1, "x"}, {"s0", "a", 1, 2, "y"}, {"s0", "a", 1, 1, "z"}}, "a (twice in s0)"},
		{"two pairs at one place", []step{{"s0", "a", 1, 1, "x"}, {"s0", "a", 1, 1, "y"}, {"s0", "a", 1, 2, "z"}}, ""},
		{"two pairs at one place twice", []step{{"s0", "a", 1, 1, "x"}, {"s0", "a", 1, 1, "y"}, {"s0", "a", 1, 1, "x"}, {"s0", "a", 1, 1, "y"}}, "1 document more than once: a (twice in s0)"},
		{"places unknown", []step{{"s0", "a", 0, 0, "x"}, {"s0", "a", 0, 0, "x"}}, ""},
		{"known then unknown", []step{{"s0", "a", 2, 1, "x"}, {"s0", "a", 0, 0, "y"}, {"s0", "a", 1, 1, "z"}}, ""},
		{"another document between", []step{{"s0", "a", 1, 1, "x"}, {"s0", "b", 1, 1, "x"}, {"s0", "a", 1, 1, "x"}}, "1 document more than once: a (twice in s0)"},
		{"same place in the next document", []step{{"s0", "a", 1, 1, "x"}, {"s0", "b", 1, 1, "x"}}, ""},
		{"a file given twice", []step{begin("s0"), {"s0", "a", 1, 1, "x"}, begin("s0"), {"s0", "a", 1, 1, "x"}}, "1 document more than once: a (in s0, given twice)"},
		{"a file given twice, places unknown", []step{begin("s0"), {"s0", "a", 0, 0, "x"}, begin("s0"), {"s0", "a", 0, 0, "x"}}, "a (in s0, given twice)"},
		{"a file given twice, documents", []step{begin("s0"), {"s0", "a", 1, 1, "x"}, {"s0", "b", 1, 1, "x"}, begin("s0"), {"s0", "a", 1, 1, "x"}, {"s0", "b", 1, 1, "x"}}, "2 documents more than once: a (in s0, given twice), b (in s0, given twice)"},
		{"a file under two names", []step{begin("s0"), {"s0", "a", 1, 1, "x"}, begin("./s0"), {"./s0", "a", 1, 1, "x"}}, "1 document more than once: a (in s0 and ./s0)"},
		{"an empty output begun between", []step{begin("s0"), {"s0", "a", 1, 1, "x"}, begin("s1"), begin("s2"), {"s2", "b", 1, 1, "x"}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewChecker()
			for _, s := range tc.steps {
				if s.id == "" {
					c.Begin(s.file)
					continue
				}
				c.SeeAt(s.file, s.id, Place{Paragraph: s.para, Sentence: s.sent, Source: s.src, Target: "T" + s.src})
			}
			wantErr(t, c.Err(), tc.want)
		})
	}
}

func TestCheckerNamesAtMost20(t *testing.T) {
	c := NewChecker()
	for i := range 50 {
		c.Expect(fmt.Sprint(i), "")
	}
	for i := range 50 {
		c.Missing(fmt.Sprint(i), "")
	}
	err := c.Err().(*VerifyError)
	if err.MissingCount != 50 || len(err.Missing) != 20 || !strings.HasSuffix(err.Error(), "and 30 more") {
		t.Fatalf("%d/%d: %v", len(err.Missing), err.MissingCount, err)
	}
}

func TestCheckerSeen(t *testing.T) {
	c := NewChecker()
	c.Expect("a", "m:1")
	c.Expect("b", "m:2")
	c.See("s0", "a")
	if !c.Seen("a") || c.Seen("b") || c.Seen("c") {
		t.Errorf("Seen: a %v, b %v, c %v; want true, false, false", c.Seen("a"), c.Seen("b"), c.Seen("c"))
	}
}

// wantErr fails unless err is nil when want is "", or an error containing want.
func wantErr(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("unexpected error: %v", err)
	case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
		t.Fatalf("error %v, want one containing %q", err, want)
	}
}
