package tm

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
	"github.com/google/go-cmp/cmp"
)

// importFixture imports a fixture of testdata/tagged into db.
func importFixture(t *testing.T, db *DB, f taggedFixture) ImportResult {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "tagged", f.name))
	if err != nil {
		t.Fatal(err)
	}
	return importTMX(t, db, f, data)
}

func importTMX(t *testing.T, db *DB, f taggedFixture, data []byte) ImportResult {
	t.Helper()
	r, err := corpus.NewReader(corpus.TMX, bytes.NewReader(data), f.name, corpus.ReaderOptions{SourceLang: f.src, TargetLang: f.tgt})
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.ImportPairs(context.Background(), r, ImportOptions{SourceLang: f.src, TargetLang: f.tgt})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestImportTagged: a real CAT-tool TMX imported stores, for each unit whose codes convert,
// entries that the document segments with those codes find (the target with its codes), and
// counts the units that keep their words only.
func TestImportTagged(t *testing.T) {
	tests := []struct {
		fixture taggedFixture
		want    ImportResult
		summary string
	}{
		{taggedFixtures[0], ImportResult{Read: 6, Stored: 5, Duplicates: 1, Tagged: 6, Kept: KeepNewest},
			"6 read, 5 stored, 1 duplicates, 0 conflicting (kept: newest); 6 with inline markup kept with their codes"},
		{taggedFixtures[1], ImportResult{Read: 25, Stored: 22, Duplicates: 3, Tagged: 11, Kept: KeepNewest},
			"25 read, 22 stored, 3 duplicates, 0 conflicting (kept: newest); 11 with inline markup kept with their codes"},
		// potest's placeholders (%s, %d) stand as words: those units are kept with their codes
		// only, and the one whose codes differ is not stored ("files" → " fichiers").
		{taggedFixtures[2], ImportResult{Read: 9, Stored: 8, Tagged: 7, Unusable: 1, Kept: KeepNewest},
			"9 read, 8 stored, 0 duplicates, 0 conflicting (kept: newest); 7 with inline markup kept with their codes; 1 not stored (placeholders whose codes differ between source and target)"},
		{taggedFixtures[3], ImportResult{Read: 7, Stored: 7, Tagged: 5, Markup: 1, Kept: KeepNewest},
			"7 read, 7 stored, 0 duplicates, 0 conflicting (kept: newest); 5 with inline markup kept with their codes; 1 with inline markup kept as their words only (source and target codes differ)"},
	}
	for _, tt := range tests {
		t.Run(tt.fixture.name, func(t *testing.T) {
			forEachBackend(t, func(t *testing.T, loc string) {
				db := openAt(t, loc, Options{})
				res := importFixture(t, db, tt.fixture)
				if res != tt.want {
					t.Errorf("ImportPairs = %+v, want %+v", res, tt.want)
				}
				if s := res.String(); s != tt.summary {
					t.Errorf("String() = %q\nwant %q", s, tt.summary)
				}
				// Every tagged form answers a lookup as translate makes it for a document
				// segment (any provider and model), with its own target.
				var keys []Key
				var want []string
				plainSources := map[string]bool{}
				for _, p := range readFixture(t, tt.fixture) {
					if strings.TrimSpace(p.Source) == "" || strings.TrimSpace(p.Target) == "" {
						continue
					}
					if _, plain := new(ImportResult).countMarkup(p, false); plain {
						plainSources[NormalizeSource(p.Source)] = true
					}
					forms, _ := documentForms(p)
					for _, f := range forms {
						keys = append(keys, Key{Provider: "openai", Model: "gpt-4o-mini", SourceLang: tt.fixture.src, TargetLang: tt.fixture.tgt, Source: f.source, PromptVersion: "1"})
						want = append(want, f.target)
					}
				}
				if len(keys) < tt.want.Tagged {
					t.Fatalf("%d tagged forms for %d units kept with codes", len(keys), tt.want.Tagged)
				}
				got, ok, err := db.LookupMany(context.Background(), keys)
				if err != nil {
					t.Fatal(err)
				}
				for i := range keys {
					if !ok[i] || got[i] != want[i] {
						t.Errorf("lookup %q = %q, %v; want %q", keys[i].Source, got[i], ok[i], want[i])
					}
				}
				// Units with the same codes and words (mytm.tmx's two bold "cannot"s) share
				// their tagged entry.
				distinct := map[string]bool{}
				for _, k := range keys {
					distinct[NormalizeSource(k.Source)] = true
				}
				if st, err := db.Stats(context.Background()); err != nil || st.Entries != len(plainSources)+len(distinct) {
					t.Errorf("Stats: %d entries, %v; want %d plain and %d tagged", st.Entries, err, len(plainSources), len(distinct))
				}
			})
		})
	}
}

// entryRow is what the memory holds of an entry, apart from its key hash and times.
type entryRow struct {
	Scope                  int
	Provider, Model        string
	SourceLang, TargetLang string
	Source, Target         string
}

func entryRows(t *testing.T, db *DB) []entryRow {
	t.Helper()
	rows, err := db.sql.Query("SELECT scope, provider, model, source_lang, target_lang, source, target FROM entries")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []entryRow
	for rows.Next() {
		var e entryRow
		if err := rows.Scan(&e.Scope, &e.Provider, &e.Model, &e.SourceLang, &e.TargetLang, &e.Source, &e.Target); err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Source+"\x00"+out[i].Target < out[j].Source+"\x00"+out[j].Target })
	return out
}

// TestImportExportTaggedRoundTrip: a memory made by importing a real TMX, exported as TMX and
// imported into a new memory, holds the same entries; the export writes the codes as TMX
// inline elements with their native markup (the fixtures have no empty code). Before the
// memory kept that markup, the export wrote empty <bpt></bpt>, and a unit whose codes stand
// for white space (Paragraph_TM's RTF tabs and line breaks, which the reader makes word
// boundaries) read back as words run together ("1.Sicherstellen"), entries of their own.
func TestImportExportTaggedRoundTrip(t *testing.T) {
	emptyCode := regexp.MustCompile(`<(bpt|ept|ph|it)[^>]*></(bpt|ept|ph|it)>|<(bpt|ept|ph|it)[^>]*/>`)
	for _, f := range taggedFixtures {
		for _, be := range backends {
			t.Run(f.name+"/"+be.name, func(t *testing.T) {
				first := openAt(t, be.location(t), Options{})
				importFixture(t, first, f)
				var tmx bytes.Buffer
				w, err := corpus.NewWriter(corpus.TMX, &tmx, corpus.WriterOptions{SourceLang: f.src, TargetLang: f.tgt})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := first.Export(context.Background(), w, ExportOptions{SourceLang: f.src, TargetLang: f.tgt}); err != nil {
					t.Fatal(err)
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(tmx.String(), "<bpt ") && !strings.Contains(tmx.String(), "<ph ") {
					t.Errorf("the export writes no codes:\n%s", tmx.String())
				}
				if m := emptyCode.FindString(tmx.String()); m != "" {
					t.Errorf("the export writes a code without its markup: %s", m)
				}
				second := openAt(t, be.location(t), Options{})
				importTMX(t, second, f, tmx.Bytes())
				before, after := entryRows(t, first), entryRows(t, second)
				runTogetherTwins := map[entryRow]bool{}
				for _, e := range before {
					if document.HasTags(e.Source) {
						twin := e
						twin.Source, twin.Target = document.Plain(e.Source), document.Plain(e.Target)
						runTogetherTwins[twin] = true
					}
				}
				var extra []entryRow
				after = slices.DeleteFunc(after, func(e entryRow) bool {
					if !slices.Contains(before, e) && runTogetherTwins[e] {
						extra = append(extra, e)
						return true
					}
					return false
				})
				if diff := cmp.Diff(before, after); diff != "" {
					t.Errorf("entries after export and import (-first +second):\n%s", diff)
				}
				if len(extra) != 0 {
					t.Errorf("%d entries of words run together: %+v", len(extra), extra)
				}
			})
		}
	}
}

// TestImportReviewedTagged: a reviewed import (tm import --reviewed) of a real CAT-tool TMX
// keeps each unit with its codes too, so the document segments with that formatting get the
// reviewed translation; each unit is one decision in the audit trail, not one per form.
func TestImportReviewedTagged(t *testing.T) {
	f := taggedFixtures[3] // Paragraph_TM.tmx, de → en
	forEachBackend(t, func(t *testing.T, loc string) {
		db := openAt(t, loc, Options{})
		data, err := os.ReadFile(filepath.Join("testdata", "tagged", f.name))
		if err != nil {
			t.Fatal(err)
		}
		r, err := corpus.NewReader(corpus.TMX, bytes.NewReader(data), f.name, corpus.ReaderOptions{SourceLang: f.src, TargetLang: f.tgt})
		if err != nil {
			t.Fatal(err)
		}
		res, err := db.ImportReviewed(context.Background(), r, ImportOptions{SourceLang: f.src, TargetLang: f.tgt}, "anna")
		if err != nil {
			t.Fatal(err)
		}
		if want := (ImportResult{Read: 7, Stored: 7, Tagged: 5, Markup: 1}); res != want {
			t.Errorf("ImportReviewed = %+v, want %+v", res, want)
		}
		var keys []Key
		var want []string
		for _, p := range readFixture(t, f) {
			keys = append(keys, Key{Provider: "deepl", SourceLang: f.src, TargetLang: f.tgt, Source: p.Source})
			want = append(want, p.Target)
			forms, _ := documentForms(p)
			for _, fm := range forms {
				keys = append(keys, Key{Provider: "deepl", SourceLang: f.src, TargetLang: f.tgt, Source: fm.source})
				want = append(want, fm.target)
			}
		}
		if len(keys) <= res.Read {
			t.Fatalf("%d keys for %d units: no tagged forms", len(keys), res.Read)
		}
		got, ok, err := db.LookupReviewedMany(context.Background(), keys)
		if err != nil {
			t.Fatal(err)
		}
		for i := range keys {
			if !ok[i] || got[i] != want[i] {
				t.Errorf("reviewed lookup %q = %q, %v; want %q", keys[i].Source, got[i], ok[i], want[i])
			}
		}
		reviews, err := db.Reviews(context.Background(), ReviewFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(reviews) != res.Read {
			t.Errorf("%d decisions in the audit trail, want one per unit (%d)", len(reviews), res.Read)
		}
	})
}

// TestExportTaggedOnce: an imported CAT-tool unit with codes, stored as its words and its tagged
// forms, is exported once, with its codes, as the file had it; importing the export again makes
// the other entries. Before, each unit was exported two or three times (words, whole, without
// its edge codes). A unit whose codes stand for white space (Paragraph_TM's RTF tabs) is
// exported once too, its pair carrying its words entry (TestExportWordsRoundTrip).
func TestExportTaggedOnce(t *testing.T) {
	for _, f := range taggedFixtures {
		t.Run(f.name, func(t *testing.T) {
			db := openTemp(t)
			importFixture(t, db, f)
			got := exportAll(t, db)
			if len(got) == 0 {
				t.Fatal("nothing exported")
			}
			seen := map[[3]string]bool{}
			tagged := map[[2]string]bool{}
			for _, p := range got {
				k := [3]string{p.Source, p.Target, p.SourceTagged}
				if seen[k] {
					t.Errorf("%q (%q) exported twice", p.Source, p.SourceTagged)
				}
				seen[k] = true
				if p.SourceTagged != "" {
					tagged[[2]string{p.Source, p.Target}] = true
				}
			}
			for _, p := range got {
				if p.SourceTagged == "" && tagged[[2]string{p.Source, p.Target}] {
					t.Errorf("%q exported as words and with its codes", p.Source)
				}
			}
		})
	}
}

// TestExportWordsRoundTrip: a memory made by importing a real TMX, exported as JSONL (each
// pair's words beside its tagged texts, as JSONL, TSV and Moses exports write the words) and
// imported into a new memory, holds the same entries. A unit's words entry is left out beside
// its tagged unit, whose pair carries it; Paragraph_TM's units whose RTF codes stand for a tab
// or a line break were written with document.Words' words ("verwendet.Aktuelle" for the file's
// "verwendet. Aktuelle"), so 4 of its 7 words entries came back as other entries, and a plain
// sentence missed. A plain unit with the words but for white space of a unit whose placeholder
// makes no words entry (ImportTest2C's "Click  to start.") is no words entry of that unit: it
// was left out and lost. Plain units holding a Paragraph_TM unit's words run together, imported
// before or after the file, are entries of their own beside the unit's.
func TestExportWordsRoundTrip(t *testing.T) {
	// Paragraph_TM's sixth unit, its words as document.Words writes them.
	const runTogetherDE = "System konnte Konfigurationsdatei nicht lesen. Zum Wiederherstellen der Daten wurde die Sicherungskopie der Datei verwendet.Aktuelle Änderungen an den Konfigurationsoptionen sind möglicherweise verloren gegangen."
	const runTogetherEN = "System could not read configuration file and used backup file to restore\u00a0data.Recent changes to configuration options may have been lost."
	tests := []struct {
		name          string
		f             taggedFixture
		before, after []corpus.Pair // plain pairs imported before and after the file
	}{
		{name: "ExportTest2A", f: taggedFixtures[0]},
		{name: "mytm", f: taggedFixtures[1]},
		{name: "potest", f: taggedFixtures[2]},
		{name: "Paragraph_TM", f: taggedFixtures[3]},
		{name: "Paragraph_TM/run together before", f: taggedFixtures[3], before: pairs(runTogetherDE, runTogetherEN)},
		{name: "Paragraph_TM/run together after", f: taggedFixtures[3], after: pairs(runTogetherDE, runTogetherEN)},
		{name: "ImportTest2C/plain before", f: taggedFixture{"ImportTest2C.tmx", "en", "fr"}, before: pairs("Click to start.", "Cliquez pour commencer.")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first := openTemp(t)
			importPlain := func(ps []corpus.Pair) {
				if len(ps) == 0 {
					return
				}
				if _, err := first.ImportPairs(ctx, &sliceReader{pairs: ps}, ImportOptions{SourceLang: tt.f.src, TargetLang: tt.f.tgt}); err != nil {
					t.Fatal(err)
				}
			}
			importPlain(tt.before)
			importFixture(t, first, tt.f)
			importPlain(tt.after)
			var jsonl bytes.Buffer
			w, err := corpus.NewWriter(corpus.JSONL, &jsonl, corpus.WriterOptions{SourceLang: tt.f.src, TargetLang: tt.f.tgt})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := first.Export(ctx, w, ExportOptions{}); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			second := openTemp(t)
			r, err := corpus.NewReader(corpus.JSONL, bytes.NewReader(jsonl.Bytes()), "export.jsonl", corpus.ReaderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := second.ImportPairs(ctx, r, ImportOptions{SourceLang: tt.f.src, TargetLang: tt.f.tgt}); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(entryRows(t, first), entryRows(t, second)); diff != "" {
				t.Errorf("entries after a JSONL export and import (-first +second):\n%s", diff)
			}
		})
	}
}

// tmxOf is a TMX file of de → en units, each source and target given as TMX <seg> content.
func tmxOf(units ...[2]string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="de" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>`)
	for _, u := range units {
		b.WriteString(`<tu><tuv xml:lang="de"><seg>` + u[0] + `</seg></tuv><tuv xml:lang="en"><seg>` + u[1] + `</seg></tuv></tu>`)
	}
	b.WriteString(`</body></tmx>`)
	return []byte(b.String())
}

// TestImportWordsOfFormattedUnits: the words of a unit with codes never replace a pair given as
// words (in the same file, in either order, or already in the memory), for plain and reviewed
// imports; and a unit whose placeholder stands as a word (%d) makes no entry of its words, which
// would answer the sentence without it ("You have  new messages.").
func TestImportWordsOfFormattedUnits(t *testing.T) {
	plain := [2]string{"Der Hund schläft.", "The dog sleeps."}
	bold := [2]string{`Der <bpt i="1">&lt;b></bpt>Hund<ept i="1">&lt;/b></ept> schläft.`, `The <bpt i="1">&lt;b></bpt>hound<ept i="1">&lt;/b></ept> is asleep.`}
	placeholder := [2]string{`Sie haben <ph x="1">%d</ph> neue Nachrichten.`, `You have <ph x="1">%d</ph> new messages.`}
	f := taggedFixture{"units.tmx", "de", "en"}
	lookup := func(t *testing.T, db *DB, source string) (string, bool) {
		t.Helper()
		got, ok, err := db.LookupMany(context.Background(), []Key{{Provider: "openai", Model: "m", SourceLang: "de", TargetLang: "en", Source: source, PromptVersion: "1"}})
		if err != nil {
			t.Fatal(err)
		}
		return got[0], ok[0]
	}
	for _, tc := range []struct {
		name  string
		files [][][2]string // imported in turn
	}{
		{"plain first", [][][2]string{{plain, bold}}},
		{"formatted first", [][][2]string{{bold, plain}}},
		{"plain in the memory already", [][][2]string{{plain}, {bold}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := openTemp(t)
			for _, units := range tc.files {
				importTMX(t, db, f, tmxOf(units...))
			}
			if got, _ := lookup(t, db, "Der Hund schläft."); got != "The dog sleeps." {
				t.Errorf("plain lookup = %q, want the pair given as words", got)
			}
			if got, _ := lookup(t, db, "Der <g1>Hund</g1> schläft."); got != "The <g1>hound</g1> is asleep." {
				t.Errorf("formatted lookup = %q", got)
			}
		})
	}
	t.Run("reviewed", func(t *testing.T) {
		db := openTemp(t)
		r, err := corpus.NewReader(corpus.TMX, bytes.NewReader(tmxOf(bold, plain)), f.name, corpus.ReaderOptions{SourceLang: "de", TargetLang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.ImportReviewed(context.Background(), r, ImportOptions{}, "anna"); err != nil {
			t.Fatal(err)
		}
		got, ok, err := db.LookupReviewedMany(context.Background(), []Key{{SourceLang: "de", TargetLang: "en", Source: "Der Hund schläft."}})
		if err != nil || !ok[0] || got[0] != "The dog sleeps." {
			t.Errorf("reviewed plain lookup = %q, %v, %v; want the pair given as words", got, ok, err)
		}
	})
	t.Run("placeholder", func(t *testing.T) {
		db := openTemp(t)
		res := importTMX(t, db, f, tmxOf(placeholder))
		if res.Stored != 1 || res.Tagged != 1 {
			t.Errorf("import = %s", res)
		}
		if got, ok := lookup(t, db, "Sie haben neue Nachrichten."); ok {
			t.Errorf("the sentence without the placeholder is answered %q", got)
		}
		if got, _ := lookup(t, db, "Sie haben <x1/> neue Nachrichten."); got != "You have <x1/> new messages." {
			t.Errorf("formatted lookup = %q", got)
		}
	})
}

// TestReviewedTaggedRoundTrip: a CAT tool's TMX imported --reviewed, exported with --reviewed
// and imported --reviewed into another memory, keeps its entries, the codes' native markup
// (empty <bpt></bpt> before: reviewed entries stored no codes) and who decided each unit (the
// tagged entries' reviewer was lost: the audit trail records a decision under its words), and
// adds no entries of words run together (Paragraph_TM's RTF codes).
func TestReviewedTaggedRoundTrip(t *testing.T) {
	emptyCode := regexp.MustCompile(`<(bpt|ept|ph|it)[^>]*></(bpt|ept|ph|it)>|<(bpt|ept|ph|it)[^>]*/>`)
	for _, f := range taggedFixtures {
		for _, be := range backends {
			t.Run(f.name+"/"+be.name, func(t *testing.T) {
				first := openAt(t, be.location(t), Options{})
				data, err := os.ReadFile(filepath.Join("testdata", "tagged", f.name))
				if err != nil {
					t.Fatal(err)
				}
				r, _ := corpus.NewReader(corpus.TMX, bytes.NewReader(data), f.name, corpus.ReaderOptions{SourceLang: f.src, TargetLang: f.tgt})
				if _, err := first.ImportReviewed(context.Background(), r, ImportOptions{SourceLang: f.src, TargetLang: f.tgt}, "mia"); err != nil {
					t.Fatal(err)
				}
				var tmx bytes.Buffer
				w, _ := corpus.NewWriter(corpus.TMX, &tmx, corpus.WriterOptions{SourceLang: f.src, TargetLang: f.tgt, Entries: true})
				n, err := first.Export(context.Background(), w, ExportOptions{SourceLang: f.src, TargetLang: f.tgt, Reviewed: true})
				if err != nil {
					t.Fatal(err)
				}
				w.Close()
				if m := emptyCode.FindString(tmx.String()); m != "" {
					t.Errorf("%s: the export writes a code without its markup: %s", f.name, m)
				}
				if got := strings.Count(tmx.String(), `changeid="mia"`); got != n {
					t.Errorf("%s: %d of %d exported units say who reviewed them", f.name, got, n)
				}
				second := openAt(t, be.location(t), Options{})
				r, _ = corpus.NewReader(corpus.TMX, bytes.NewReader(tmx.Bytes()), "moved.tmx", corpus.ReaderOptions{SourceLang: f.src, TargetLang: f.tgt})
				if _, err := second.ImportReviewed(context.Background(), r, ImportOptions{SourceLang: f.src, TargetLang: f.tgt}, ""); err != nil {
					t.Fatal(err)
				}
				if before, after := len(entryRows(t, first)), len(entryRows(t, second)); before != after {
					t.Errorf("%s: %d entries after the move, %d before", f.name, after, before)
				}
				rs, _ := second.Reviews(context.Background(), ReviewFilter{SourceLang: f.src, TargetLang: f.tgt})
				for _, d := range rs {
					if d.Reviewer != "mia" {
						t.Errorf("%s: a decision by %q after the move, want mia", f.name, d.Reviewer)
						break
					}
				}
			})
		}
	}
}

// TestImportExportCodeTypes: a code known only by its type (XLIFF 1.2 ctype, TMX type: bold, a
// line break), with no native markup, keeps its type through the memory. It was stored without
// it, so an export wrote <g id="1"> and <x id="2"/>, and a CAT tool showed a bare code where the
// file had bold and a line break.
func TestImportExportCodeTypes(t *testing.T) {
	const xlf = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="a.txt" source-language="de" target-language="en" datatype="plaintext">
  <body>
   <trans-unit id="1">
    <source>Das ist <g id="1" ctype="bold">wichtig</g> und <x id="2" ctype="lb"/>neu.</source>
    <target>That is <g id="1" ctype="bold">important</g> and <x id="2" ctype="lb"/>new.</target>
   </trans-unit>
  </body>
 </file>
</xliff>`
	for _, be := range backends {
		t.Run(be.name, func(t *testing.T) {
			db := openAt(t, be.location(t), Options{})
			r, err := corpus.NewReader(corpus.XLIFF, strings.NewReader(xlf), "a.xlf", corpus.ReaderOptions{SourceLang: "de", TargetLang: "en"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.ImportPairs(context.Background(), r, ImportOptions{SourceLang: "de", TargetLang: "en"}); err != nil {
				t.Fatal(err)
			}
			for _, tc := range []struct {
				format corpus.Format
				want   []string
			}{
				{corpus.XLIFF, []string{`<g id="1" ctype="bold">wichtig</g>`, `<x id="2" ctype="lb"/>`}},
				{corpus.TMX, []string{`type="bold"`, `<ph x="2" type="lb">`}},
			} {
				var out bytes.Buffer
				w, err := corpus.NewWriter(tc.format, &out, corpus.WriterOptions{SourceLang: "de", TargetLang: "en"})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := db.Export(context.Background(), w, ExportOptions{}); err != nil {
					t.Fatal(err)
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
				for _, want := range tc.want {
					if !strings.Contains(out.String(), want) {
						t.Errorf("%s export lacks %s:\n%s", tc.format, want, out.String())
					}
				}
			}
		})
	}
}
