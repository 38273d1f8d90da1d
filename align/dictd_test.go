package align

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// freeDictSample is the committed excerpt of FreeDict's deu-fra (testdata/align/freedict).
const freeDictSample = "../testdata/align/freedict/deu-fra.index"

// freeDictSampleData is the committed excerpt's entries, uncompressed.
func freeDictSampleData(tb testing.TB) []byte {
	tb.Helper()
	zr, err := gzip.NewReader(mustOpen(tb, strings.TrimSuffix(freeDictSample, ".index")+".dict.dz"))
	if err != nil {
		tb.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// TestDictdTranslations reads entries in the two layouts of FreeDict's dictd text: WikDict's
// numbered senses with glosses (deu-fra, from the committed excerpt) and Ding's indented
// examples, notes and cross-references (deu-eng, the package's own entries shortened).
func TestDictdTranslations(t *testing.T) {
	for _, tc := range []struct {
		name, entry, head, want string
	}{
		{"wikdict-one-sense", "Gletscher /ˈɡlɛt͡ʃɐ/ <n, masc>\nglacier\nEismasse, die bis zu mehrere hundert Meter dick sein kann\n",
			"Gletscher", "glacier"},
		{"wikdict-senses", "Abbildung /ˈapˌbɪldʊŋ/ <n, fem>\n1. illustration, image, représentation\netwas bildlich, grafisch Dargestelltes\n2. projection, application\nZuordnung von Elementen einer Menge in die einer anderen Menge\n",
			"Abbildung", "illustration|image|représentation|projection|application"},
		// A sense with a gloss and no translation leaves a bare number behind the previous one.
		{"wikdict-bare-numbers", "Abend /ˈaːbm̩t/ /ˈaːbn̩t/ <n, masc>\n1. soir 2.\ndie Tageszeit nach dem Nachmittag\n 3.\nAbschluss, Ende, Schluss (für Leben, Epochen)\n2. couchant, occident, ouest\ndie Himmelsrichtung Westen\n3. soirée, soir\nAbendveranstaltung\n",
			"Abend", "soir|couchant|occident|ouest|soirée"}, // soir once
		{"wikdict-bare-first", "Abbreviator /abʁeˈvi̯aːtoːɐ̯/ <n, masc>\nabréviateur 2.\nveraltet: Person, die eine verkürzte Darstellung erstellt\n 3.\nhistorisch, Verwaltung: meist päpstlicher Beamte\n",
			"Abbreviator", "abréviateur"},
		// A gloss that starts with a number and a period is a sense line only at the first column
		// followed by a space: "1. C-Atom" below is inside a gloss line.
		{"wikdict-number-in-gloss", "1-Pentanol /ˌaɪ̯nsˌpɛntaˈnoːl/ <n, neut>\npentan-1-ol\nChemie: Alkohol mit 5 C-Atomen und der Hydroxyl-Gruppe am 1. C-Atom\n",
			"1-Pentanol", "pentan-1-ol"},
		{"ding-annotated", "Aalstrich /ˈɑːlʃtɾɪç/ <masc, n, sg>\n [Jägersprache] eel stripe <n>, spinal stripe <n>, dorsal stripe <n> [hunters' parlance]\n         Note: auf dem Rücken von Wildtieren\n",
			"Aalstrich", "eel stripe|spinal stripe|dorsal stripe"},
		{"ding-examples", "zwei /tsvˈaɪ/ <num>\ntwo <num>\n      \"zwei Tage hintereinander\"  - two days running\n   Synonym: {zwo}\n\n see: {zweieinhalb}\n",
			"zwei", "two"},
		{"ding-phrase-head", "das A und O /das ˈɑː ʊnt ˈoː/\n [ugs.] the nuts and bolts [coll.]\n",
			"das A und O", ""},
		// A gloss that happens to start with "1. " is not a sense (wir: "1. Person Plural").
		{"wikdict-gloss-numbered", "wir /viːɐ̯/\nnous\n1. Person Plural; mehrere Personen, die sprechende eingeschlossen\n",
			"wir", "nous"},
		{"wikdict-gloss-date", "Handtuchtag /ˈhanttuːxˌtaːk/ <n, masc>\njour de la serviette\n25. Mai (im Gedenken an Douglas Noël Adams)\n",
			"Handtuchtag", ""}, // not "Mai" from the gloss; the four-word translation is a paraphrase by the rule
		// Senses count 1, 2, 3; a gloss numbered out of turn is skipped (fra-deu épreuve).
		{"wikdict-gloss-out-of-turn", "épreuve /e.pʁœv/ <n, fem>\n1. Test, Probe, Prüfung\n1. Action d’éprouver quelque chose ou quelqu'un, essai, expérience\n2. Abzug, Fahne\nFeuille d’impression\n3. Prüfung\nMalheur, obstacle de la vie\n",
			"épreuve", "Test|Probe|Prüfung|Abzug|Fahne"},
		// A translation that starts with a number keeps it when the entry has no numbered senses.
		{"wikdict-numeral-translation", "2e classe /dø.zjɛ̃m klɑs/ <n, fem>\n2. Klasse\n", "2e classe", "2. Klasse"},
		// A slash in the headword is not an annotation: only " /…/" after it is.
		{"ding-slash-headword", "08/15- /nˈʊl ˈaxt fˈynftseːn/ <adj>\nbog-standard <adj> [Br.] , common or garden <adj> [Br.] , garden-variety <adj> [Am.]\n         Note: prepositive\n",
			"08/15-", "bog-standard|common or garden|garden-variety"},
		{"headword-only", "Aas /ˈɑːs/ <neut, n, sg>\n", "Aas", ""},
		{"empty", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			head, ts := dictdTranslations(tc.entry)
			if head != tc.head || strings.Join(ts, "|") != tc.want {
				t.Errorf("dictdTranslations = %q, %q; want %q, %q", head, strings.Join(ts, "|"), tc.head, tc.want)
			}
		})
	}
}

func TestParseDictdIndexLine(t *testing.T) {
	for _, tc := range []struct {
		line    string
		off, n  int64
		wantErr string
	}{
		{"abend\tvP\tHl", 47*64 + 15, 7*64 + 37, ""},
		{"00databaseutf8\tA\tB", 0, 1, ""},
		{"a b\t/\t+\r", 63, 62, ""},
		{"abend\tvP", 0, 0, "want headword<TAB>offset<TAB>length"},
		{"abend vP Hl", 0, 0, "want headword<TAB>offset<TAB>length"},
		{"abend\tv-P\tHl", 0, 0, `offset "v-P": '-' is not a base64 digit`},
		{"abend\tvP\t", 0, 0, `length "": empty number`},
		{"abend\tAAAAAAAAA\tB", 0, 0, "number too large"},
		{"abend\tA\tIAAA", 0, 0, "entry of 2097152 bytes"},
		{"ab\xffend\tA\tB", 0, 0, "invalid UTF-8 at byte 3"},
	} {
		s, err := parseDictdIndexLine(tc.line)
		switch {
		case tc.wantErr != "":
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%q: error %v, want %q", tc.line, err, tc.wantErr)
			}
		case err != nil:
			t.Errorf("%q: %v", tc.line, err)
		case s.off != tc.off || s.n != tc.n:
			t.Errorf("%q: span %d+%d, want %d+%d", tc.line, s.off, s.n, tc.off, tc.n)
		}
	}
}

// TestReadDictdSample reads the committed FreeDict excerpt by each of its file names and as a
// plain .dict, with and without the cache, and checks entries of both its layouts.
func TestReadDictdSample(t *testing.T) {
	plain := t.TempDir()
	data := freeDictSampleData(t)
	index, err := os.ReadFile(freeDictSample)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(plain, "s.dict"), string(data))
	writeFile(t, filepath.Join(plain, "s.index"), string(index))
	for _, path := range []string{
		freeDictSample,
		strings.TrimSuffix(freeDictSample, ".index") + ".dict.dz",
		filepath.Join(plain, "s.dict"),
		filepath.Join(plain, "s.index"),
	} {
		for _, cache := range []string{"", t.TempDir()} {
			for range 2 { // with a cache: parse and store, then load
				d := NewDictionary()
				if err := d.ReadDictionaryFile(context.Background(), path, cache); err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				if n := d.Len(); n != 12 {
					t.Errorf("%s: %d headwords, want 12 (13 entries, two of them er/Er)", path, n)
				}
				for key, want := range map[string][]string{
					"gletscher": {"glacier"},
					"abend":     {"soir", "couchant", "occident", "ouest", "soirée"}, // soir once
					"er":        {"ien", "ois", "eur", "lus", "masculin", "mâle"},
				} {
					if got := d.lookup(foldKey(key)); !slices.Equal(got, want) {
						t.Errorf("%s: %s → %q, want %q", path, key, got, want)
					}
				}
				if got := d.lookup("00databaseinfo"); got != nil {
					t.Errorf("%s: the description was read as an entry: %q", path, got)
				}
			}
		}
	}
}

// TestReadDictdErrors checks that a damaged dictd dictionary gets an error naming the file and
// the index line (or the data file's byte).
func TestReadDictdErrors(t *testing.T) {
	entry := "Haus /haʊ̯s/ <n, neut>\nmaison\n"
	for _, tc := range []struct {
		name, index, data, want string
	}{
		{"bad-line", "haus\tA\tX\njust a word\n", entry, "d.index:2: want headword<TAB>offset<TAB>length"},
		{"past-end", "haus\tA\tX\nhaus\tX\t/\n", entry, "d.index:2: entry of 63 bytes at byte 23 lies past the end of"},
		{"bad-utf8", "haus\tA\tX\n", "Haus\n\xffmaison\n" + strings.Repeat(" ", 30), "d.dict: invalid UTF-8 at byte 6 of the entry at byte 0 (index line 1)"},
		{"bad-gzip", "haus\tA\tX\n", "\x1f\x8b\x07\x00\x00\x00\x00\x00\x00\x03xx", "d.dict: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, "d.index"), tc.index)
			writeFile(t, filepath.Join(dir, "d.dict"), tc.data)
			err := NewDictionary().ReadDictionaryFile(context.Background(), filepath.Join(dir, "d.index"), "")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
	t.Run("no-data", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "d.index"), "haus\tA\tX\n")
		err := NewDictionary().ReadDictionaryFile(context.Background(), filepath.Join(dir, "d.index"), "")
		if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "d.dict.dz") {
			t.Fatalf("error %v, want the missing d.dict.dz named", err)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err := NewDictionary().ReadDictionaryFile(ctx, freeDictSample, "")
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("error %v, want context.Canceled", err)
		}
	})
}

// TestFreeDictInstalled reads the whole of Debian's dict-freedict-deu-fra (skipped without it)
// and checks its size and a few entries a German–French alignment needs.
func TestFreeDictInstalled(t *testing.T) {
	d := freeDict(t, "deu-fra")
	if n := d.Len(); n < 40000 {
		t.Errorf("%d headwords, want the package's 40,000 and more", n)
	}
	for key, want := range map[string]string{"haus": "maison", "gletscher": "glacier", "gipfel": "sommet", "hütte": "cabane"} {
		if got := d.lookup(foldKey(key)); !slices.Contains(got, want) {
			t.Errorf("%s → %q, want %q among them", key, got, want)
		}
	}
}

func FuzzDictdTranslations(f *testing.F) {
	data := freeDictSampleData(f)
	for _, e := range bytes.SplitAfter(data, []byte("\n")) {
		f.Add(string(e))
	}
	f.Add("Abend\n1. soir 2.\nx\n 3.\n2. a, b; c\n")
	f.Add("x\n1.\n12. \n 2.")
	f.Fuzz(func(t *testing.T, entry string) {
		head, ts := dictdTranslations(entry)
		if strings.Contains(head, "\n") {
			t.Fatalf("headword %q has a newline", head)
		}
		for _, s := range ts {
			if s == "" || strings.ContainsAny(s, "\n,;") || strings.Count(s, " ") >= 3 || s != strings.TrimSpace(s) {
				t.Fatalf("translation %q of %q", s, entry)
			}
		}
	})
}

func FuzzParseDictdIndexLine(f *testing.F) {
	index, err := os.ReadFile(freeDictSample)
	if err != nil {
		f.Fatal(err)
	}
	for _, l := range strings.Split(string(index), "\n") {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, line string) {
		s, err := parseDictdIndexLine(line)
		if err == nil && (s.off < 0 || s.n < 0 || s.n > maxDictdEntry) {
			t.Fatalf("%q: span %d+%d", line, s.off, s.n)
		}
	})
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDictdFilesPlainDict checks that a word list called .dict with no index beside it is read
// as a word list, not as dictd data.
func TestDictdFilesPlainDict(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "words.dict")
	writeFile(t, path, "Gletscher\tglacier\n")
	if _, _, ok := dictdFiles(path); ok {
		t.Fatalf("%s taken for dictd data", path)
	}
	d := NewDictionary()
	if err := d.ReadDictionaryFile(context.Background(), path, ""); err != nil {
		t.Fatal(err)
	}
	if got := d.lookup(foldKey("Gletscher")); !slices.Equal(got, []string{"glacier"}) {
		t.Fatalf("Gletscher → %q", got)
	}
	writeFile(t, filepath.Join(dir, "words.index"), "gletscher\tA\tB\n")
	writeFile(t, filepath.Join(dir, "words.dict.dz"), "")
	if index, data, ok := dictdFiles(path); !ok || index != filepath.Join(dir, "words.index") || data != path {
		t.Fatalf("with words.index (and words.dict.dz) beside it: %q %q %v, want the .dict named", index, data, ok)
	}
}

// TestReadDictdFarOffsetCancels reads an index whose entry lies a terabyte into endless data (a
// damaged index's far offset) and cancels the context after 10 MB have been read: the read
// stops there. An entry a few megabytes in is reached.
func TestReadDictdFarOffsetCancels(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r := &zeros{cancelAt: 10 << 20, cancel: cancel}
	far := "haus\t" + dictdDigits(1<<40) + "\tB\n"
	if err := NewDictionary().readDictdFrom(ctx, strings.NewReader(far), "d.index", r, "d.dict"); !errors.Is(err, context.Canceled) {
		t.Fatalf("read: %v, want context.Canceled", err)
	}
	if r.n > 12<<20 {
		t.Fatalf("read %d bytes after the cancel at %d", r.n, r.cancelAt)
	}
	near := "haus\t" + dictdDigits(3<<20+5) + "\tB\n"
	if err := NewDictionary().readDictdFrom(context.Background(), strings.NewReader(near), "d.index", &zeros{}, "d.dict"); err != nil {
		t.Fatal(err)
	}
}

// zeros is endless zero bytes that calls cancel once cancelAt bytes have been read.
type zeros struct {
	n, cancelAt int64
	cancel      func()
}

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.n += int64(len(p))
	if z.cancel != nil && z.n >= z.cancelAt {
		z.cancel()
	}
	return len(p), nil
}

// FuzzReadDictd reads damaged dictd dictionaries (any index, any data, plain or gzip'd): an
// error or a dictionary, never a panic, and every entry read is a non-empty key.
func FuzzReadDictd(f *testing.F) {
	index, err := os.ReadFile(freeDictSample)
	if err != nil {
		f.Fatal(err)
	}
	data := freeDictSampleData(f)
	f.Add(string(index), data, false)
	f.Add(string(index), data, true)
	f.Add("haus\tA\tX\nhaus\tB\tC\n", []byte("Haus /h/\nmaison\n"), false)
	f.Fuzz(func(t *testing.T, index string, data []byte, gz bool) {
		if gz {
			var b bytes.Buffer
			zw := gzip.NewWriter(&b)
			zw.Write(data)
			zw.Close()
			data = b.Bytes()
		}
		d := NewDictionary()
		if err := d.readDictdFrom(context.Background(), strings.NewReader(index), "d.index", bytes.NewReader(data), "d.dict"); err != nil {
			return
		}
		for k, ts := range d.m {
			if k == "" || len(ts) == 0 {
				t.Fatalf("entry %q → %q", k, ts)
			}
		}
	})
}

// TestReadDictdCancelledMidway cancels a read of 5,000 back-to-back entries after 100 checks of
// the context: it stops with the context's error instead of reading on (each entry checks it),
// and so do reversing a large dictionary and freezing one for the cache.
func TestReadDictdCancelledMidway(t *testing.T) {
	var index, data strings.Builder
	for i := range 5000 {
		entry := fmt.Sprintf("Wort%d /v/\nmot%d\n", i, i)
		fmt.Fprintf(&index, "wort%d\t%s\t%s\n", i, dictdDigits(int64(data.Len())), dictdDigits(int64(len(entry))))
		data.WriteString(entry)
	}
	d := NewDictionary()
	ctx := &countingCtx{Context: context.Background(), after: 100}
	err := d.readDictdFrom(ctx, strings.NewReader(index.String()), "d.index", strings.NewReader(data.String()), "d.dict")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("read: %v, want context.Canceled", err)
	}
	if n := d.Len(); n > 200 {
		t.Errorf("%d entries read after the cancel", n)
	}
	full := NewDictionary()
	if err := full.readDictdFrom(context.Background(), strings.NewReader(index.String()), "d.index", strings.NewReader(data.String()), "d.dict"); err != nil || full.Len() != 5000 {
		t.Fatalf("uncancelled read: %v, %d entries", err, full.Len())
	}
	if err := full.reverseInto(&countingCtx{Context: context.Background(), after: 1}, NewDictionary()); !errors.Is(err, context.Canceled) {
		t.Errorf("reverse: %v, want context.Canceled", err)
	}
	if _, err := buildCompact(&countingCtx{Context: context.Background(), after: 1}, full.m); !errors.Is(err, context.Canceled) {
		t.Errorf("freeze: %v, want context.Canceled", err)
	}
}

// dictdDigits writes n in dictd's base64 digits.
func dictdDigits(n int64) string {
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	if n == 0 {
		return "A"
	}
	var b []byte
	for ; n > 0; n /= 64 {
		b = append([]byte{digits[n%64]}, b...)
	}
	return string(b)
}

// TestReadDictdBounded reads a hostile entry (a megabyte of distinct one-letter-and-number
// translations) under many headwords: each entry keeps at most maxEntryTranslations and each
// headword at most maxKeyTranslations.
func TestReadDictdBounded(t *testing.T) {
	var entry strings.Builder
	entry.WriteString("a\n")
	for i := 0; entry.Len() < 1<<20-16; i++ {
		fmt.Fprintf(&entry, "x%d,", i)
	}
	entry.WriteString("\n")
	var index, data strings.Builder
	for range 20 {
		fmt.Fprintf(&index, "a\t%s\t%s\n", dictdDigits(int64(data.Len())), dictdDigits(int64(entry.Len())))
		data.WriteString(entry.String())
	}
	d := NewDictionary()
	if err := d.readDictdFrom(context.Background(), strings.NewReader(index.String()), "d.index", strings.NewReader(data.String()), "d.dict"); err != nil {
		t.Fatal(err)
	}
	if n := len(d.m["a"]); n != maxKeyTranslations {
		t.Fatalf("a has %d translations, want the bound %d", n, maxKeyTranslations)
	}
	if _, ts := dictdTranslations(entry.String()); len(ts) != maxEntryTranslations {
		t.Fatalf("one entry gives %d translations, want the bound %d", len(ts), maxEntryTranslations)
	}
}

// TestReadDictdIndexHeadwords gives one entry two headwords in the index, as FreeDict's deu-eng
// gives Gleichstrom's entry the abbreviation gs: both get its translations. The keys are the
// aligner's tokens, so a hyphenated headword matches the tokens of the text.
func TestReadDictdIndexHeadwords(t *testing.T) {
	entry := "Gleichstrom /ɡlˈaɪçʃtɾoːm/ <masc, n, sg>\n [electr.] direct current <n>, DC\n"
	entry2 := "E-Mail /ˈeː mˈeɪl/ <fem, n, sg>\ne-mail <n>\n"
	index := "gleichstrom\tA\t" + dictdDigits(int64(len(entry))) + "\ngs\tA\t" + dictdDigits(int64(len(entry))) +
		"\nemail\t" + dictdDigits(int64(len(entry))) + "\t" + dictdDigits(int64(len(entry2))) + "\n"
	d := NewDictionary()
	if err := d.readDictdFrom(context.Background(), strings.NewReader(index), "d.index", strings.NewReader(entry+entry2), "d.dict"); err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string][]string{
		"gleichstrom": {"direct current", "DC"},
		"gs":          {"direct current", "DC"},
		"e mail":      {"e-mail"}, // the text's "E-Mail" is the tokens "e" and "mail"
		"email":       {"e-mail"}, // and the index's spelling
	} {
		if got := d.lookup(key); !slices.Equal(got, want) {
			t.Errorf("%s → %q, want %q", key, got, want)
		}
	}
	if got := foldKey("Nienburg/Weser"); got != "nienburg weser" {
		t.Errorf("foldKey(Nienburg/Weser) = %q", got)
	}
}
