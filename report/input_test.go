package report

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/internal/textcheck"
	"github.com/bitext/bitext/qa"
)

func TestReadLines(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		wantErr string
		blank   bool // white space only: read, and refused by Assemble where it must be
	}{
		{"a\nb\n", []string{"a", "b"}, "", false},
		{"a\r\nb", []string{"a", "b"}, "", false},
		{"a\n\nc\n", []string{"a", "", "c"}, "", false},
		{"a\n \nc\n", []string{"a", " ", "c"}, "", false},
		{"", nil, "", true},
		{"\n\n", []string{"", ""}, "", true},
		{" \t\r\n \n", []string{" \t", " "}, "", true},
		{"\xef\xbb\xbf\n", []string{""}, "", true},
		{"a\nb\x00", nil, "f.txt:2:2: NUL byte", false},
		{"ok\nGr\xfc\xdfe\n", nil, "f.txt:2:3: invalid UTF-8", false},
		// A UTF-8 byte-order mark is not part of the first segment.
		{"\xef\xbb\xbfthe cat\nsat\n", []string{"the cat", "sat"}, "", false},
		// UTF-16 with a byte-order mark (iconv -t UTF-16), either byte order, and without
		// one, recognised by its NUL pattern.
		{"\xff\xfea\x00\n\x00b\x00\n\x00", []string{"a", "b"}, "", false},
		{"\xfe\xff\x00a\x00\n\x00b\x00\n", []string{"a", "b"}, "", false},
		{"o\x00n\x00e\x00\r\x00\n\x00t\x00w\x00o\x00\n\x00", []string{"one", "two"}, "", false},
		{"\xff\xfe \x00\n\x00", []string{" "}, "", true},
	}
	for _, tc := range tests {
		s, err := ReadLines(context.Background(), strings.NewReader(tc.in), "f.txt")
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%q: %v, want %q", tc.in, err, tc.wantErr)
			}
			continue
		}
		if err != nil || strings.Join(s.Lines, "|") != strings.Join(tc.want, "|") || len(s.Lines) != len(tc.want) || s.blank != tc.blank {
			t.Errorf("%q: %q %v (blank %v)", tc.in, s.Lines, err, s.blank)
		}
	}
}

func TestEmptyReferences(t *testing.T) {
	lines := func(name string, l ...string) *Side { return &Side{Name: name, Lines: l, Unit: "lines"} }
	tests := []struct {
		name string
		refs []*Side
		want string // "" for no error
	}{
		{"none", nil, ""},
		{"all there", []*Side{lines("r.txt", "one", "two")}, ""},
		{"empty line", []*Side{lines("r.txt", "one", "")}, "r.txt:2: empty reference"},
		{"one space", []*Side{lines("r.txt", " ", "two")}, "r.txt:1: empty reference"},
		{"tab and no-break space", []*Side{lines("r.txt", "one", "\t\u00a0")}, "r.txt:2: empty reference"},
		{"another reference has text", []*Side{lines("a.txt", "one", ""), lines("b.txt", "one", "two")}, ""},
		{"every reference empty", []*Side{lines("a.txt", "one", ""), lines("b.txt", "one", "  ")}, "a.txt:2, b.txt:2: every reference of the segment is empty"},
		{"aligned article", []*Side{{Name: "ref.md", Lines: []string{"one", ""}, Unit: "segments (aligned)"}}, "ref.md: segment 2: empty reference"},
	}
	for _, tc := range tests {
		err := EmptyReferences(tc.refs)
		var ere *EmptyReferenceError
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (!errors.As(err, &ere) || !strings.HasPrefix(err.Error(), tc.want)):
			t.Errorf("%s: %v, want %q…", tc.name, err, tc.want)
		}
	}
}

// TestSegmentRefsBlank: an empty or white-space-only reference among others is kept, in
// stream order, as sacreBLEU (≥ 2.2) keeps it; a segment of nothing but blank references is
// refused.
func TestSegmentRefsBlank(t *testing.T) {
	got, nrefs, err := SegmentRefs(2, [][]string{{"a", " "}, {"b", "c"}})
	if err != nil || nrefs != "2" || !reflect.DeepEqual(got, [][]string{{"a", "b"}, {" ", "c"}}) {
		t.Errorf("SegmentRefs = %q %q %v", got, nrefs, err)
	}
	if _, _, err := SegmentRefs(1, [][]string{{" \t"}, {""}}); err == nil {
		t.Error("a segment of blank references was scored")
	}
	var lc *LineCountError
	if _, _, err := SegmentRefs(3, [][]string{{"a", "b"}}); !errors.As(err, &lc) || lc.Got != 2 || lc.Want != 3 {
		t.Errorf("references too few: %v, want a LineCountError of 2 for 3", err)
	}
	if _, nrefs, _ := SegmentRefs(2, [][]string{{"a", "b"}, {"c"}}); nrefs != "var" {
		t.Errorf("a short stream: nrefs %q, want var", nrefs)
	}
}

func TestReadBitext(t *testing.T) {
	in := `{"source":"Der Kreml schweigt.","target":"The Kremlin is silent."}
{"source":"Die NATO warnt.","target":"NATO warns.","violations":[{"kind":"missing","source_term":"NATO","expected":"NATO","found":""}]}
`
	s, err := ReadBitext(context.Background(), strings.NewReader(in), "h.jsonl", corpus.JSONL)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Lines) != 2 || s.Sources[1] != "Die NATO warnt." || s.Lines[0] != "The Kremlin is silent." {
		t.Fatalf("%+v", s)
	}
	if len(s.Flags) != 2 || len(s.Flags[0]) != 0 || len(s.Flags[1]) != 1 {
		t.Fatalf("flags %+v", s.Flags)
	}
	if f := s.Flags[1][0]; f.Kind != "missing" || f.Term != "NATO" || f.Expected != "NATO" || f.Segment != 2 ||
		f.SourceStart != 4 || f.SourceEnd != 8 || f.TargetStart != -1 || !strings.Contains(f.Message, `NATO → "NATO"`) {
		t.Errorf("flags %+v", s.Flags)
	}
	if _, err := ReadBitext(context.Background(), strings.NewReader(""), "e.jsonl", corpus.JSONL); err == nil || !strings.Contains(err.Error(), "e.jsonl") {
		t.Errorf("empty bitext: %v", err)
	}
}

func TestSameSourcesAndLineUp(t *testing.T) {
	hyp := &Side{Name: "hyp.tsv", Lines: []string{"a", "b"}, Sources: []string{"Der Kreml schweigt.", "Die NATO warnt."}, Unit: "segments"}
	ref := &Side{Name: "ref.tsv", Lines: []string{"a", "b"}, Sources: []string{"Der  Kreml schweigt. ", "Die NATO warnt."}, Unit: "segments"}
	swapped := &Side{Name: "swapped.tsv", Lines: []string{"a", "b"}, Sources: []string{"Die NATO warnt.", "Der Kreml schweigt."}, Unit: "segments"}
	plain := &Side{Name: "plain.txt", Lines: []string{"a"}, Unit: "lines"}
	if err := SameSources([]*Side{hyp, ref, plain}); err != nil {
		t.Errorf("same sources, spaced differently: %v", err)
	}
	if err := SameSources([]*Side{hyp, swapped}); err == nil || !strings.Contains(err.Error(), "hyp.tsv and swapped.tsv translate different sources at segment 1") {
		t.Errorf("swapped: %v", err)
	}
	if err := LineUp([]*Side{hyp, plain}); err == nil || err.Error() != "hyp.tsv has 2 segments but plain.txt has 1 line" {
		t.Errorf("LineUp: %v", err)
	}
}

// TestArticleAlignTo: an English article whose sentences do not follow the segments one per
// line (a title, one segment rendered in two sentences, an extra sentence) becomes one text
// per source segment.
func TestArticleAlignTo(t *testing.T) {
	sources := []string{
		"Die Außenminister der NATO treffen sich am Dienstag in Brüssel.",
		"Sie wollen über die Lage in der Ukraine beraten und neue Hilfen für das Land beschließen, darunter Luftabwehrsysteme und Munition.",
		"Der Generalsekretär sprach von einem wichtigen Treffen.",
		"Eine Einigung gilt als wahrscheinlich.",
	}
	mt := []string{
		"The NATO foreign ministers meet on Tuesday in Brussels.",
		"They want to discuss the situation in Ukraine and decide on new aid for the country, including air defence systems and ammunition.",
		"The Secretary General spoke of an important meeting.",
		"An agreement is considered likely.",
	}
	article := "NATO ministers meet in Brussels\n\nNATO foreign ministers will meet in Brussels on Tuesday. They plan to discuss the situation in Ukraine. They also want to agree on new aid, including air defence systems and ammunition. The Secretary General called it an important meeting. An agreement is seen as likely.\n"
	a, err := ReadArticle(context.Background(), strings.NewReader(article), "ref.txt", "en", "")
	if err != nil {
		t.Fatal(err)
	}
	side, err := a.AlignTo(context.Background(), sources, mt)
	if err != nil {
		t.Fatal(err)
	}
	if len(side.Lines) != len(sources) {
		t.Fatalf("%d lines for %d sources", len(side.Lines), len(sources))
	}
	wants := []string{"on Tuesday", "air defence", "Secretary General", "agreement"}
	for i, w := range wants {
		if !strings.Contains(side.Lines[i], w) {
			t.Errorf("segment %d: %q, want it to contain %q", i+1, side.Lines[i], w)
		}
	}
	if !strings.Contains(side.Lines[1], "situation in Ukraine") {
		t.Errorf("segment 2 should get both its sentences: %q", side.Lines[1])
	}
	// The title has no source segment.
	if strings.Join(side.Notes, "\n") != "ref.txt: 6 sentences aligned with 4 source segments\nref.txt: 1 sentence without a source segment (left out)" {
		t.Errorf("notes %q", side.Notes)
	}
	if _, err := a.AlignTo(context.Background(), nil, nil); err == nil {
		t.Error("aligned with no sources")
	}
}

func FuzzReadLines(f *testing.F) {
	for _, s := range []string{"a\nb\n", "", "\x00", "\r\n\r\n", "Gr\xfc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ReadLines(context.Background(), strings.NewReader(in), "f")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		if _, dec := textcheck.UTF16Decoder([]byte(in), true); dec != nil {
			return // decoded from UTF-16: the lines are counted in the decoded text
		}
		if want := strings.Count(strings.TrimSuffix(in, "\n"), "\n") + 1; len(s.Lines) != want && !(in == "" && len(s.Lines) == 0) {
			t.Fatalf("%q: %d lines", in, len(s.Lines))
		}
	})
}

func TestAssemble(t *testing.T) {
	ctx := context.Background()
	bitext := &Side{Name: "out.tsv", Lines: []string{"The Kremlin is silent.", "NATO warns."},
		Sources: []string{"Der Kreml schweigt.", "Die NATO warnt."}, Flags: [][]Flag{nil, {{Kind: qa.Missing, Term: "NATO", Expected: "NATO", Message: "m"}}}, Unit: "segments"}
	lines := &Side{Name: "ref.txt", Lines: []string{"The Kremlin keeps silent.", "NATO is warning."}, Unit: "lines"}
	short := &Side{Name: "short.txt", Lines: []string{"One line."}, Unit: "lines"}
	article, err := ReadArticle(ctx, strings.NewReader("The Kremlin keeps silent. NATO is warning.\n"), "ref.md", "en", "")
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	note := func(n string) { notes = append(notes, n) }

	in, err := Assemble(ctx, []string{"mt"}, []Arg{{Side: bitext}}, []Arg{{Article: article}}, nil, true, note)
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Sources) != 2 || len(in.References) != 1 || in.References[0][1] != "NATO is warning." || len(in.Systems[0].Flags[1]) != 1 {
		t.Errorf("article reference: %+v", in)
	}
	if len(notes) == 0 || !strings.Contains(notes[0], "ref.md: 2 sentences aligned with 2 source segments") {
		t.Errorf("notes %q", notes)
	}

	in, err = Assemble(ctx, []string{"mt"}, []Arg{{Side: bitext}}, []Arg{{Side: lines}}, nil, false, nil)
	if err != nil || in.Systems[0].Flags != nil {
		t.Errorf("recorded false keeps flags %v (err %v)", in.Systems[0].Flags, err)
	}

	if _, err := Assemble(ctx, []string{"mt"}, []Arg{{Side: lines}}, []Arg{{Article: article}}, nil, true, nil); !errors.Is(err, ErrNoSources) {
		t.Errorf("article without sources: %v", err)
	}
	// Sources given separately: a line-aligned hypothesis and an article reference.
	src := &Side{Name: "src.txt", Lines: bitext.Sources, Unit: "lines"}
	if in, err := Assemble(ctx, []string{"mt"}, []Arg{{Side: lines}}, []Arg{{Article: article}}, src, true, nil); err != nil || in.Sources[0] != "Der Kreml schweigt." {
		t.Errorf("with --src: %v", err)
	}
	var mm *MismatchError
	if _, err := Assemble(ctx, []string{"mt"}, []Arg{{Side: bitext}}, []Arg{{Side: short}}, nil, true, nil); !errors.As(err, &mm) || !mm.Articles || !strings.Contains(err.Error(), "out.tsv has 2 segments but short.txt has 1 line") {
		t.Errorf("mismatch with sources: %v", err)
	}
	if _, err := Assemble(ctx, []string{"mt"}, []Arg{{Side: lines}}, []Arg{{Side: short}}, nil, true, nil); !errors.As(err, &mm) || mm.Articles {
		t.Errorf("mismatch without sources: %v", err)
	}
	if _, err := Assemble(ctx, []string{"a", "b"}, []Arg{{Side: lines}}, nil, nil, true, nil); err == nil {
		t.Error("two names for one hypothesis file")
	}
}

// TestBlankFiles: a hypothesis of empty lines is scored as sacreBLEU scores it (BLEU 0, chrF 0,
// TER 100); a hypothesis of no lines against a reference is a line-count mismatch; a blank
// reference or source, and a blank hypothesis without references (QA only: nothing to score),
// are refused as empty files.
func TestBlankFiles(t *testing.T) {
	ctx := context.Background()
	read := func(name, text string) *Side {
		s, err := ReadLines(ctx, strings.NewReader(text), name)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	ref := read("ref.txt", "The Kremlin keeps silent.\nNATO is warning.\n")
	in, err := Assemble(ctx, []string{"mt"}, []Arg{{Side: read("mt.txt", "\n\n")}}, []Arg{{Side: ref}}, nil, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Build(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"BLEU": 0, "chrF2": 0, "chrF2++": 0, "TER": 100}
	for _, s := range rep.Systems[0].Corpus {
		if s.Score != want[s.Name] {
			t.Errorf("%s = %v, want %v", s.Name, s.Score, want[s.Name])
		}
	}
	for _, c := range []struct {
		name      string
		hyp, refs []Arg
		src       *Side
	}{
		{"blank reference", []Arg{{Side: ref}}, []Arg{{Side: read("blank.txt", " \n\n")}}, nil},
		{"blank source", []Arg{{Side: ref}}, nil, read("blank.txt", "\n")},
		{"0-line hypothesis, QA only", []Arg{{Side: read("blank.txt", "")}}, nil, nil},
		// 0 bytes: the system wrote nothing, which "has 0 lines but … has 2" would hide.
		{"0-line hypothesis", []Arg{{Side: read("blank.txt", "")}}, []Arg{{Side: ref}}, nil},
		{"empty lines, QA only", []Arg{{Side: read("blank.txt", "\n\n")}}, nil, nil},
	} {
		_, err := Assemble(ctx, []string{"mt"}, c.hyp, c.refs, c.src, true, nil)
		if !errors.Is(err, corpus.ErrEmpty) || !strings.Contains(err.Error(), "blank.txt: empty file") {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

// TestSideCount: one line is "1 line" ("s1.de has 1 lines" before).
func TestSideCount(t *testing.T) {
	for _, tt := range []struct {
		lines int
		unit  string
		want  string
	}{
		{1, "lines", "f has 1 line"},
		{2, "lines", "f has 2 lines"},
		{1, "segments", "f has 1 segment"},
		{1, "segments (aligned)", "f has 1 segment (aligned)"},
		{3, "segments (aligned)", "f has 3 segments (aligned)"},
	} {
		if got := (&Side{Name: "f", Lines: make([]string, tt.lines), Unit: tt.unit}).Count(); got != tt.want {
			t.Errorf("%d %s: %q, want %q", tt.lines, tt.unit, got, tt.want)
		}
	}
}

// readNonEmptyLines reads a test file's lines, leaving out blank ones (paragraph breaks).
func readNonEmptyLines(t *testing.T, name string) []string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// TestAssembleScoresMergedSegmentsTogether: the German–English test article (testdata/align,
// gold beads in tram.gold) has two sentences merged into one English sentence and sentences the
// English leaves out. Against it as a reference article, bitext report exited 2 ("tram.en:
// segment 6: empty reference"); now the segments an article has one text for are scored as
// one, exactly as the same texts joined by hand and given line by line.
func TestAssembleScoresMergedSegmentsTogether(t *testing.T) {
	ctx := context.Background()
	dir := "../testdata/align/"
	sources := readNonEmptyLines(t, dir+"tram.de")
	mt := readNonEmptyLines(t, dir+"tram.mt.en")
	f, err := os.Open(dir + "tram.en")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ref, err := ReadArticle(ctx, f, "tram.en", "en", "")
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	in, err := Assemble(ctx, []string{"mt"}, []Arg{{Side: &Side{Name: "tram.mt.en", Lines: mt, Unit: "lines"}}},
		[]Arg{{Article: ref}}, &Side{Name: "tram.de", Lines: sources, Unit: "lines"}, true, func(n string) { notes = append(notes, n) })
	if err != nil {
		t.Fatalf("Assemble: %v (notes %q)", err, notes)
	}
	n := len(in.Sources)
	if n >= len(sources) || len(in.References[0]) != n || len(in.Systems[0].Hypotheses) != n {
		t.Fatalf("%d sources, %d references, %d hypotheses for %d source segments", n, len(in.References[0]), len(in.Systems[0].Hypotheses), len(sources))
	}
	// Gold bead [4, 5]:[4]: the costs and who pays them, one English sentence.
	found := false
	for i, s := range in.Sources {
		if strings.Contains(s, "Baukosten") {
			found = strings.Contains(s, "Bund und Land") && strings.Contains(in.References[0][i], "75 percent of which") &&
				strings.Contains(in.Systems[0].Hypotheses[i], mt[4]) && strings.Contains(in.Systems[0].Hypotheses[i], mt[5])
		}
	}
	if !found {
		t.Errorf("the merged bead is not one segment: %q", in.Sources)
	}
	if !strings.Contains(strings.Join(notes, "\n"), fmt.Sprintf("23 source segments scored as %d: 5–6", n)) {
		t.Errorf("notes %q", notes)
	}
	// The same scores as the joined texts line by line.
	opt := Options{Version: "test"}
	grouped, err := Build(in, opt)
	if err != nil {
		t.Fatal(err)
	}
	byHand, err := Build(Input{Sources: in.Sources, References: in.References,
		Systems: []System{{Name: "mt", Hypotheses: append([]string(nil), in.Systems[0].Hypotheses...)}}}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(grouped.Systems[0].Corpus, byHand.Systems[0].Corpus) {
		t.Errorf("scores %v, by hand %v", grouped.Systems[0].Corpus, byHand.Systems[0].Corpus)
	}

	// As a hypothesis article, a merged sentence is the output of both its segments, not an
	// empty output for the second.
	f2, err := os.Open(dir + "tram.en")
	if err != nil {
		t.Fatal(err)
	}
	defer f2.Close()
	hyp, err := ReadArticle(ctx, f2, "tram.en", "en", "")
	if err != nil {
		t.Fatal(err)
	}
	in, err = Assemble(ctx, []string{"article"}, []Arg{{Article: hyp}}, []Arg{{Side: &Side{Name: "tram.mt.en", Lines: mt, Unit: "lines"}}},
		&Side{Name: "tram.de", Lines: sources, Unit: "lines"}, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(in, opt)
	if err != nil {
		t.Fatal(err)
	}
	for i, seg := range r.Systems[0].Segments {
		for _, fl := range seg.Flags {
			if fl.Kind == FlagEmpty && strings.Contains(in.Sources[i], "Bund und Land") {
				t.Errorf("segment %d (%q) flagged empty", i+1, in.Sources[i])
			}
		}
	}
}
