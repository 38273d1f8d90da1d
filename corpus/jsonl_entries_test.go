package corpus

import (
	"bytes"
	"strings"
	"testing"
)

// TestJSONLEntries: a memory's entries (WriterOptions.Entries) are written without a place in a
// document, which they do not have, and read back as pairs; pairs of documents keep theirs.
func TestJSONLEntries(t *testing.T) {
	p := Pair{Source: "Der Rat tagt.", Target: "The council meets.", Provider: "openai", Model: "m1"}
	var entries, pairs bytes.Buffer
	for _, tc := range []struct {
		buf     *bytes.Buffer
		entries bool
	}{{&entries, true}, {&pairs, false}} {
		w, err := NewWriter(JSONL, tc.buf, WriterOptions{Entries: tc.entries})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(p); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := strings.TrimSpace(entries.String()), `{"source":"Der Rat tagt.","target":"The council meets.","provider":"openai","model":"m1"}`; got != want {
		t.Errorf("entry written as %s, want %s", got, want)
	}
	if !strings.Contains(pairs.String(), `"doc":"","paragraph":0,"sentence":0`) {
		t.Errorf("pair written as %s", pairs.String())
	}
	r, err := NewReader(JSONL, &entries, "e.jsonl", ReaderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.Next()
	if err != nil || got.Source != p.Source || got.Target != p.Target || got.Model != p.Model {
		t.Errorf("read back %+v, %v", got, err)
	}
}
