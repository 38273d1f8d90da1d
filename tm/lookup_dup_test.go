package tm

import (
	"context"
	"path/filepath"
	"testing"
)

// TestLookupManyRepeatedKeys: a batch that repeats keys answers every occurrence, and keys that
// differ only in a field other than the source are not taken for one another.
func TestLookupManyRepeatedKeys(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "tm.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	k := Key{Provider: "openai", Model: "m", SourceLang: "de", TargetLang: "en", Source: "Guten Tag."}
	other := k
	other.Model = "m2"
	withTerm := k
	withTerm.Terms = []string{"Tag=day"}
	if err := db.Store(ctx, k, "Good day."); err != nil {
		t.Fatal(err)
	}
	if err := db.Store(ctx, withTerm, "Good day (term)."); err != nil {
		t.Fatal(err)
	}
	ks := []Key{k, other, k, withTerm, k, withTerm}
	targets, found, err := db.LookupMany(ctx, ks)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Good day.", "", "Good day.", "Good day (term).", "Good day.", "Good day (term)."}
	for i := range ks {
		if targets[i] != want[i] || found[i] != (want[i] != "") {
			t.Errorf("key %d: %q %v, want %q", i, targets[i], found[i], want[i])
		}
	}
}
