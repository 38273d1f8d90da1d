package review

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/qa"
	"github.com/bitext/bitext/tm"
)

// readXLIFFFile reads a real XLIFF file for review as bitext review reads one (unfinished
// targets too).
func readXLIFFFile(t testing.TB, name string) *Input {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	in, _, err := ReadXLIFF(context.Background(), f, filepath.Base(name), corpus.ReaderOptions{Unfinished: true})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

// segmentOf is the 1-based segment of the pair with the given id.
func segmentOf(t testing.TB, in *Input, id string) int {
	t.Helper()
	for i, it := range in.Items {
		if it.Pair.ID == id {
			return i + 1
		}
	}
	t.Fatalf("no pair %s", id)
	return 0
}

const angularFR = "../corpus/testdata/xliffpatch/angular-messages.fr.xlf"

// TestReviewCodesXLIFF: a reviewer of Angular's French catalogue sees the placeholder as a
// token in the source and in the text box (the words not escaped), moves it in an edit, and
// the reviewed file gets the placeholder back as Angular wrote it, equiv-text and all, where
// the reviewer put it. Tokens that are not the unit's codes are refused with the page showing
// why and the text kept, nothing saved. An edit typed without the token is written as words and
// counted as codes dropped. The journal keeps the codes: a resumed review writes the same file.
// Before, every edit of a unit with codes was written as words: the catalogue lost its
// placeholders.
func TestReviewCodesXLIFF(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "reviewed.xlf")
	in := readXLIFFFile(t, angularFR)
	plural := segmentOf(t, in, "5a134dee893586d02bffc9611056b9cadf9abfad")
	author := segmentOf(t, in, "f99f34ac9bd4606345071bd813858dec29f3b7d1")
	updated := segmentOf(t, in, "d69f6b42305f49332026fef24b40227f02e34594")
	a := serve(t, in, Options{Output: out})
	a.login(t)

	path := "/seg/" + strconv.Itoa(plural)
	_, page := a.get(t, path)
	// The token's title is the placeholder as Angular wrote it.
	if !strings.Contains(page, `<span class="code" title="code 1: &lt;x id=&#34;INTERPOLATION&#34; equiv-text=&#34;{{minutes}}&#34;/&gt;" data-token="⟨1/⟩">⟨1/⟩</span> minutes ago} }`) {
		t.Errorf("the source does not show the placeholder as a token:\n%s", page)
	}
	box := textareaValue(t, page)
	if want := "{VAR_PLURAL, plural, =0 {à l'instant} =1 {il y a une minute} other {il y a ⟨1/⟩ minutes} }"; box != want {
		t.Fatalf("text box %q, want %q", box, want)
	}
	edit := strings.Replace(box, "il y a ⟨1/⟩ minutes", "depuis ⟨1/⟩ minutes", 1)
	if resp, body := a.post(t, path, formOf(t, page, edit), nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("decision: %s\n%s", resp.Status, body)
	}
	if got := readFile(t, out); !strings.Contains(got, `<target state="signed-off">{VAR_PLURAL, plural, =0 {à l'instant} =1 {il y a une minute} other {depuis <x id="INTERPOLATION" equiv-text="{{minutes}}"/> minutes} }</target>`) {
		t.Errorf("the reviewed file lost or moved the placeholder:\n%s", got)
	}

	// A token the unit does not have, and a broken one: refused, the text kept, nothing saved.
	path = "/seg/" + strconv.Itoa(author)
	_, page = a.get(t, path)
	journal := readFile(t, out+".review.jsonl")
	for _, bad := range []string{"⟨2/⟩ et ⟨1/⟩ sont les auteurs", "⟨1 sont les auteurs"} {
		resp, body := a.post(t, path, formOf(t, page, bad), nil)
		if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="refused"`) || textareaValue(t, body) != bad {
			t.Errorf("%q: %s, want 422 with the message and the text kept:\n%s", bad, resp.Status, body)
		}
		if readFile(t, out+".review.jsonl") != journal || a.s.Stats().Open != len(in.Items)-1 {
			t.Errorf("%q: a refused decision was saved", bad)
		}
	}
	if resp, body := a.post(t, path, formOf(t, page, "⟨1/⟩ & co. sont les auteurs"), nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("decision: %s\n%s", resp.Status, body)
	}

	// An edit typed as words, without the token: written so, and counted.
	path = "/seg/" + strconv.Itoa(updated)
	_, page = a.get(t, path)
	if resp, _ := a.post(t, path, formOf(t, page, "Mis à jour il y a peu"), nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatal(resp.Status)
	}
	if st := a.s.Stats(); st.CodesDropped != 1 || st.Edited != 3 || st.NotWritten != 0 {
		t.Errorf("Stats = %+v, want 3 edited, 1 with codes dropped", st)
	}
	_, page = a.get(t, path)
	if !strings.Contains(page, `id="dropped"`) {
		t.Error("the page does not say the decision dropped a code")
	}
	a.stop()
	first := readFile(t, out)
	for _, want := range []string{
		`<target state="signed-off"><x id="ICU" equiv-text="{gender, select, male {...} female {...} other {...}}"/> &amp; co. sont les auteurs</target>`,
		`<target state="signed-off">Mis à jour il y a peu</target>`,
	} {
		if !strings.Contains(first, want) {
			t.Errorf("the reviewed file lacks %s:\n%s", want, first)
		}
	}
	if !strings.Contains(readFile(t, out+".review.jsonl"), `"after_tagged":"{VAR_PLURAL, plural, =0 {à l'instant} =1 {il y a une minute} other {depuis \u003cx1/\u003e minutes} }"`) {
		t.Errorf("the journal does not keep the codes:\n%s", readFile(t, out+".review.jsonl"))
	}

	// Resumed from the journal: the same file, codes and all.
	os.Remove(out)
	s, err := New(context.Background(), readXLIFFFile(t, angularFR), Options{Output: out})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := readFile(t, out); got != first {
		t.Errorf("resumed review wrote\n%s\nwant\n%s", got, first)
	}
}

// TestReviewCodesSegmented: the sentences of Okapi's segmented .docx extraction are reviewed
// with their codes (the <g>s of their own <mrk>), and the decisions land in the target's
// <mrk>s of the file: the unit whose sentences are all decided is signed off. Before, none of
// them was written (Stats.NotWritten counted them).
func TestReviewCodesSegmented(t *testing.T) {
	out := filepath.Join(t.TempDir(), "reviewed.xlf")
	in := readXLIFFFile(t, "../document/testdata/okapi-docxsegtest.xlf")
	s, err := New(context.Background(), in, Options{Output: out})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for id, text := range map[string]string{
		"tu10#0": "Il y a une ⟨1⟩phrase⟨/1⟩ ici.",
		"tu10#1": "Il y a une ⟨2⟩deuxième⟨/2⟩⟨3⟩ phrase⟨/3⟩ ici.",
		"tu10#2": "Et une troisième ⟨4⟩ici (ligne suivante).⟨/4⟩",
		"tu9#1":  "C'est la deuxième phrase.",
	} {
		if err := s.Decide(context.Background(), segmentOf(t, in, id)-1, text); err != nil {
			t.Fatal(err)
		}
	}
	got := readFile(t, out)
	for _, want := range []string{
		`<target xml:lang="fr" state="signed-off"><mrk mid="0" mtype="seg">Il y a une <g id="1">phrase</g> ici.</mrk> <mrk mid="1" mtype="seg">Il y a une <g id="2">deuxième</g><g id="3"> phrase</g> ici.</mrk> <mrk mid="2" mtype="seg">Et une troisième <g id="4">ici (ligne suivante).</g></mrk></target>`,
		`<target xml:lang="fr"><mrk mid="0" mtype="seg">This is a test in DOCX format.</mrk> <mrk mid="1" mtype="seg">C'est la deuxième phrase.</mrk>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the reviewed file lacks\n%s\n:\n%s", want, got)
		}
	}
	if st := s.Stats(); st.NotWritten != 0 || st.CodesDropped != 0 {
		t.Errorf("Stats = %+v", st)
	}
}

// TestReviewCodesPairOutputs: a decision with moved codes reaches every pair format with its
// codes — XLIFF and TMX as inline elements around the words the reviewer put them around,
// JSONL as target_tagged — and reads back so.
func TestReviewCodesPairOutputs(t *testing.T) {
	const pairs = `{"doc":"a.xlf","source":"Die Kommission hat eine Richtlinie vorgelegt.","target":"The Commission has presented a guideline.","source_tagged":"Die <g1>Kommission</g1> hat eine <g2>Richtlinie</g2> vorgelegt.","target_tagged":"The <g1>Commission</g1> has presented a <g2>guideline</g2>."}
`
	const edit = "⟨2⟩The directive⟨/2⟩ was presented by the ⟨1⟩Commission⟨/1⟩."
	const want = "<g2>The directive</g2> was presented by the <g1>Commission</g1>."
	for _, f := range []corpus.Format{corpus.XLIFF, corpus.TMX, corpus.JSONL} {
		t.Run(string(f), func(t *testing.T) {
			name := filepath.Join(t.TempDir(), "out."+string(f))
			if f == corpus.XLIFF {
				name = strings.TrimSuffix(name, ".xliff") + ".xlf"
			}
			s, err := New(context.Background(), readInput(t, pairs), Options{Output: name})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := s.Decide(context.Background(), 0, edit); err != nil {
				t.Fatal(err)
			}
			r, err := corpus.NewReader(f, bytes.NewReader([]byte(readFile(t, name))), name, corpus.ReaderOptions{SourceLang: "de", TargetLang: "en"})
			if err != nil {
				t.Fatal(err)
			}
			p, err := r.Next()
			if err != nil {
				t.Fatal(err)
			}
			if p.TargetTagged != want || p.Target != "The directive was presented by the Commission." {
				t.Errorf("reads back %q (%q), want %q", p.Target, p.TargetTagged, want)
			}
		})
	}
}

// TestReviewCodesMemory: a decision on a segment with codes is stored in the memory with its
// codes too, under the tagged source as translate looks up a document segment with that
// formatting (codes numbered in the order they open), besides its words. A decision that
// dropped formatting answers that segment with the codes it kept (before, the tagged source
// kept answering with the machine translation the reviewer replaced); one that dropped a
// placeholder answers its words only.
func TestReviewCodesMemory(t *testing.T) {
	const tagged, words = "<g1>Sentence</g1> 1 of p7 <x2/>.", "Sentence 1 of p7 ."
	for _, tc := range []struct {
		name, edit string
		want       string // what the tagged source is answered with; "" for not at all
	}{
		{"codes moved", "⟨2/⟩ ⟨1⟩Phrase⟨/1⟩ 1 du p7.", "<x2/> <g1>Phrase</g1> 1 du p7."},
		{"bold deleted", "⟨2/⟩ Phrase 1 du p7.", "<x2/> Phrase 1 du p7."},
		{"placeholder deleted", "⟨1⟩Phrase⟨/1⟩ 1 du p7.", ""},
		{"typed as words", "Phrase 1 du p7.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			db, err := tm.Open(filepath.Join(t.TempDir(), "tm.sqlite"))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			in := readXLIFFFile(t, "../corpus/testdata/xliffpatch/okapi-qualitycheck-Test01.xlf")
			s, err := New(ctx, in, Options{TM: db, SourceLang: "en", TargetLang: "fr"})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			// Unit 7: <bpt>/<ept> numbered 1, a <ph> numbered 2.
			if err := s.Decide(ctx, segmentOf(t, in, "7")-1, tc.edit); err != nil {
				t.Fatal(err)
			}
			keys := []tm.Key{
				{SourceLang: "en", TargetLang: "fr", Source: tagged},
				{SourceLang: "en", TargetLang: "fr", Source: words},
			}
			got, found, err := db.LookupReviewedMany(ctx, keys)
			if err != nil {
				t.Fatal(err)
			}
			if got[0] != tc.want || found[0] != (tc.want != "") || !found[1] || got[1] != "Phrase 1 du p7." {
				t.Errorf("the memory answers %q %v; want %q for the tagged source", got, found, tc.want)
			}
		})
	}
}

// TestResumeCodesJournal: a journal's tagged translation is taken when it is the decided words
// with the segment's codes; one naming a code the segment lacks, or other words, is refused
// naming the line (another review's journal). A journal of a review before codes were kept
// (no after_tagged) resumes: its accept keeps the codes, its edit is words.
func TestResumeCodesJournal(t *testing.T) {
	const src = `"source":"{VAR_PLURAL, plural, =0 {just now} =1 {one minute ago} other { minutes ago} }","before":"{VAR_PLURAL, plural, =0 {à l'instant} =1 {il y a une minute} other {il y a  minutes} }"`
	for _, tc := range []struct {
		name, line string
		err        string
		tagged     string
	}{
		{"codes kept", `{"time":"2026-02-03T09:12:40Z","reviewer":"lea","segment":5,"action":"edited",` + src + `,"after":"{VAR_PLURAL, plural, =0 {tout de suite} =1 {il y a une minute} other {il y a  minutes} }","after_tagged":"{VAR_PLURAL, plural, =0 {tout de suite} =1 {il y a une minute} other {il y a <x1/> minutes} }"}`,
			"", "{VAR_PLURAL, plural, =0 {tout de suite} =1 {il y a une minute} other {il y a <x1/> minutes} }"},
		{"a code the segment lacks", `{"time":"2026-02-03T09:12:40Z","reviewer":"lea","segment":5,"action":"edited",` + src + `,"after":"x","after_tagged":"x<x2/>"}`,
			"journal.jsonl:1: after_tagged holds code 2, which segment 5 does not have", ""},
		{"other words", `{"time":"2026-02-03T09:12:40Z","reviewer":"lea","segment":5,"action":"edited",` + src + `,"after":"x","after_tagged":"y<x1/>"}`,
			`journal.jsonl:1: after_tagged reads "y", not the decided "x"`, ""},
		{"an old accept", `{"time":"2026-02-03T09:12:40Z","reviewer":"lea","segment":5,"action":"accepted",` + src + `,"after":"{VAR_PLURAL, plural, =0 {à l'instant} =1 {il y a une minute} other {il y a  minutes} }"}`,
			"", "{VAR_PLURAL, plural, =0 {à l'instant} =1 {il y a une minute} other {il y a <x1/> minutes} }"},
		{"an old edit", `{"time":"2026-02-03T09:12:40Z","reviewer":"lea","segment":5,"action":"edited",` + src + `,"after":"Il y a longtemps."}`,
			"", "Il y a longtemps."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			journal := filepath.Join(t.TempDir(), "journal.jsonl")
			if err := os.WriteFile(journal, []byte(tc.line+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := New(context.Background(), readXLIFFFile(t, angularFR), Options{Journal: journal})
			if tc.err != "" {
				if err == nil || !strings.HasSuffix(err.Error(), tc.err) {
					t.Errorf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if got := s.entries[4].Tagged; got != tc.tagged {
				t.Errorf("resumed with %q, want %q", got, tc.tagged)
			}
		})
	}
}

// FuzzWithCodes: the segment page's pieces never panic, and their words are the pair's words
// (with the findings' spans over them) whenever the tagged text's words are the same up to
// white space; the codes all appear, in order.
func FuzzWithCodes(f *testing.F) {
	f.Add("Mis à jour:", "Mis à jour:<x1/>", 0, 3)
	f.Add("There is a second sentence here.", "There is a <g2>second</g2><g3> sentence</g3> here.", 11, 17)
	f.Add("Zeile 1 Zeile 2", "Zeile 1<x1/>Zeile 2", 2, 9)
	f.Fuzz(func(t *testing.T, words, tagged string, start, end int) {
		spans := []qa.Span{{Start: start, End: end, Class: "found missing"}}
		pieces := withCodes(words, spans, tagged, func(p document.Piece) string { return "" })
		var text, tokens strings.Builder
		for _, p := range pieces {
			if p.Token != "" {
				tokens.WriteString(p.Token)
			} else {
				text.WriteString(p.Text)
			}
		}
		var want strings.Builder
		for _, p := range document.Pieces(tagged) {
			if p.Kind != document.PieceText && document.HasTags(tagged) {
				want.WriteString(token(p.Kind, p.ID))
			}
		}
		if tokens.String() != want.String() {
			t.Errorf("tokens %q, want %q", tokens.String(), want.String())
		}
		if alignWords(document.Plain(tagged), words) != nil && text.String() != words {
			t.Errorf("words %q, want %q", text.String(), words)
		}
	})
}

// TestRetranslateKeepsCodes: a segment with codes is re-translated with them (as translate asks
// the provider), and an answer that keeps them is offered with its tokens; one that lost a code
// is offered as words. Before, the source went without codes and the suggestion came as words.
func TestRetranslateKeepsCodes(t *testing.T) {
	const pairs = `{"doc":"a.xlf","source":"Die Kommission hat eine Richtlinie vorgelegt.","target":"The Commission has presented a guideline.","source_tagged":"Die <g1>Kommission</g1> hat eine <g2>Richtlinie</g2> vorgelegt.","target_tagged":"The <g1>Commission</g1> has presented a <g2>guideline</g2>."}
`
	for _, tc := range []struct{ answer, want string }{
		{"The <g1>Commission</g1> has presented a <g2>directive</g2>.", "The ⟨1⟩Commission⟨/1⟩ has presented a ⟨2⟩directive⟨/2⟩."},
		{"The <g1>Commission</g1> has presented a directive.", "The Commission has presented a directive."},
	} {
		var asked string
		a := serve(t, readInput(t, pairs), Options{Retranslate: func(_ context.Context, src, _ string) (string, error) {
			asked = src
			return tc.answer, nil
		}})
		a.login(t)
		_, page := a.get(t, "/seg/1")
		csrf := csrfRe.FindStringSubmatch(page)[1]
		if resp, _ := a.post(t, "/seg/1/retranslate", url.Values{"csrf": {csrf}}, nil); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("retranslate: %s", resp.Status)
		}
		if asked != "Die <g1>Kommission</g1> hat eine <g2>Richtlinie</g2> vorgelegt." {
			t.Errorf("asked %q, want the tagged source", asked)
		}
		_, page = a.get(t, "/seg/1")
		if got := textareaValue(t, page); got != tc.want {
			t.Errorf("answer %q offered as %q, want %q", tc.answer, got, tc.want)
		}
	}
}
