package translate

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/fixtures"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
)

func TestTaggedSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Der Bus kam. Er war leer.", []string{"Der Bus kam.", "Er war leer."}},
		{"Die <g1>neue Brücke</g1> ist offen. Laut <g2>Bericht</g2> kostete sie viel.", []string{"Die <g1>neue Brücke</g1> ist offen.", "Laut <g2>Bericht</g2> kostete sie viel."}},
		// A pair spanning two sentences keeps them together.
		{"Er sagte: <g1>„Das ist gut. Wir bauen.“</g1> Dann ging er.", []string{"Er sagte: <g1>„Das ist gut. Wir bauen.“</g1>", "Dann ging er."}},
		{"<g1>Erster Satz.</g1> <g2>Zweiter Satz.</g2>", []string{"<g1>Erster Satz.</g1>", "<g2>Zweiter Satz.</g2>"}},
		{"Erster Satz.<x1/>Zweiter Satz.", []string{"Erster Satz.<x1/>Zweiter Satz."}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range TaggedSentences(tt.text, "de") {
			if tt.text[s.Start:s.End] != s.Text {
				t.Errorf("%q: span %d-%d is not %q", tt.text, s.Start, s.End, s.Text)
			}
			got = append(got, s.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("TaggedSentences(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func docInputs(t *testing.T, d *document.Doc) iter.Seq2[Input, error] {
	in, err := DocumentInput(d, d.Name, "de")
	if err != nil {
		t.Fatal(err)
	}
	return func(yield func(Input, error) bool) { yield(in, nil) }
}

func readDoc(t *testing.T, path string) (*document.Doc, []byte) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := document.Read(bytes.NewReader(data), path, document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d, data
}

// runDoc translates a document through the pipeline and writes it back.
func runDoc(t *testing.T, tr *Translator, d *document.Doc) (string, []Pair, []document.Problem) {
	t.Helper()
	var blocks []segment.Block
	var pairs []Pair
	_, err := tr.RunInputs(context.Background(), docInputs(t, d), func(r *Result) error {
		blocks = append(blocks, r.Blocks...)
		pairs = append(pairs, r.Pairs...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	probs, err := d.Write(&out, DocumentTargets(d, blocks), document.WriteOptions{TargetLang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), pairs, probs
}

func TestDocumentThroughPipeline(t *testing.T) {
	d, data := readDoc(t, "../document/testdata/artikel.html")
	// A provider that gives the source back, tags and all: the page comes back but for lang.
	same := &fakeProvider{answer: func(s providers.Segment, _ *providers.Request) string { return s.Text }}
	out, pairs, probs := runDoc(t, &Translator{Provider: GuardTags(same)}, d)
	if want := strings.Replace(string(data), `lang="de"`, `lang="en"`, 1); out != want || len(probs) > 0 {
		t.Errorf("identity through the pipeline differs (%d problems):\n%s", len(probs), out)
	}
	for _, r := range same.reqs {
		for _, s := range r.Segments {
			for _, never := range []string{"Nicht übersetzen", "Code bleibt", "make", "-->"} {
				if strings.Contains(s.Text, never) {
					t.Errorf("sent %q", s.Text)
				}
			}
		}
	}
	if len(pairs) == 0 {
		t.Fatal("no pairs")
	}
	// A later sentence's codes are numbered from 1: its memory key and request do not depend on
	// the sentences before it.
	asked := map[string]bool{}
	for _, r := range same.reqs {
		for _, s := range r.Segments {
			asked[s.Text] = true
		}
	}
	if !asked["Laut <g1>Bericht</g1> kostete sie 2,5 Millionen Euro."] {
		t.Errorf("the second sentence was not sent numbered from 1: %v", asked)
	}

	// A provider that breaks the tags every time: asked again once, then placed safely and
	// flagged; the page keeps every element.
	broken := &fakeProvider{answer: func(s providers.Segment, _ *providers.Request) string { return "EN " + document.Plain(s.Text) }}
	out, pairs, _ = runDoc(t, &Translator{Provider: GuardTags(broken)}, d)
	flagged := 0
	for _, p := range pairs {
		for _, v := range p.Findings {
			if v.Kind == Suspect && strings.HasPrefix(v.Message, SuspectTags) {
				flagged++
			}
		}
	}
	if flagged == 0 {
		t.Error("broken tags were not flagged")
	}
	for _, keep := range []string{`<strong>EN`, `<a href="https://example.org/bericht?id=1&amp;x=2" title="EN Bericht der Stadt">`, "<code>make &lt;ziel&gt;</code>"} {
		if !strings.Contains(out, keep) {
			t.Errorf("lost %q:\n%s", keep, out)
		}
	}
	feedback := 0
	for _, r := range broken.reqs {
		for _, fb := range r.Feedback {
			if strings.Contains(fb, "placeholder tags") {
				feedback++
			}
		}
	}
	if feedback == 0 {
		t.Error("broken answers were not asked again with the problem named")
	}
}

func TestGuardTagsRepairs(t *testing.T) {
	calls := 0
	p := &fakeProvider{answer: func(s providers.Segment, r *providers.Request) string {
		calls++
		if r.Feedback[s.ID] != "" {
			return "The <g1>new bridge</g1> opened."
		}
		return "The new bridge opened."
	}}
	g := GuardTags(p)
	resp, err := g.Translate(context.Background(), &providers.Request{Segments: []providers.Segment{{ID: "1", Text: "Die <g1>neue Brücke</g1> ist offen."}, {ID: "2", Text: "Ohne Tags."}}})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Translations[0].Text != "The <g1>new bridge</g1> opened." || resp.Translations[0].Suspect != "" {
		t.Errorf("answer = %+v", resp.Translations[0])
	}
	if calls != 3 || providers.Unwrap(g) != p {
		t.Errorf("%d segments asked, want 3 (2, then the broken one again)", calls)
	}
}

// TestGuardTagsPartialAnswer: when the provider gives up on one segment of a batch and
// answers the others, a lost code among those answers is still flagged (the reviewer's XLIFF:
// the unit was written state="translated" with its formatting around the whole sentence, and
// stored in the memory), and the failure of the other segment still reaches the caller.
func TestGuardTagsPartialAnswer(t *testing.T) {
	p := &fakeProvider{
		answer: func(s providers.Segment, r *providers.Request) string { return "The new bridge was opened on Monday." },
		giveUp: func(s providers.Segment) bool { return strings.Contains(s.Text, "Fett") },
	}
	resp, err := GuardTags(p).Translate(context.Background(), &providers.Request{Segments: []providers.Segment{
		{ID: "1", Text: "Die <g1>neue Brücke</g1> wurde am Montag eröffnet."},
		{ID: "2", Text: "Fett gedruckt."},
	}})
	if ids := providers.FailedIDs(err); len(ids) != 1 || ids[0] != "2" {
		t.Fatalf("err = %v, want segment 2 failed", err)
	}
	if resp == nil || len(resp.Translations) == 0 || !strings.HasPrefix(resp.Translations[0].Suspect, SuspectTags) {
		t.Errorf("the answer that lost its code: %+v, want it suspect (%s)", resp, SuspectTags)
	}
}

// TestGuardTagsReaskTerms: the re-ask of a segment whose tags broke carries the glossary terms
// of that segment, not those of the whole batch.
func TestGuardTagsReaskTerms(t *testing.T) {
	p := &fakeProvider{answer: func(s providers.Segment, r *providers.Request) string {
		if strings.Contains(s.Text, "<g1>") && r.Feedback[s.ID] == "" {
			return "The new bridge opened."
		}
		return "EN(" + s.Text + ")"
	}}
	req := &providers.Request{
		Segments: []providers.Segment{{ID: "1", Text: "Die <g1>neue Brücke</g1> im Außenministerium."}, {ID: "2", Text: "Das Bündnis tagte."}},
		Terms:    []providers.Term{{Source: "Außenministerium", Target: "State Department"}, {Source: "Bündnis", Target: "Alliance"}},
	}
	if _, err := GuardTags(p).Translate(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	reqs := p.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	if got := reqs[1].Terms; len(got) != 1 || got[0].Source != "Außenministerium" {
		t.Errorf("re-ask carries terms %+v, want Außenministerium only", got)
	}
	if len(reqs[0].Terms) != 2 {
		t.Errorf("first request carries terms %+v", reqs[0].Terms)
	}
}

func TestPlanSkipsCode(t *testing.T) {
	md := "# Anleitung\n\nSo baut man das Programm.\n\n```sh\nmake all && make install && echo fertig und noch viel mehr Text im Code\n```\n\nDer Befehl `make` genügt.\n"
	d, err := document.Read(strings.NewReader(md), "a.md", document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	est, err := (&Translator{}).PlanInputs(context.Background(), docInputs(t, d))
	if err != nil {
		t.Fatal(err)
	}
	want := utf8.RuneCountInString("Anleitung" + "So baut man das Programm." + "Der Befehl <x1/> genügt.")
	if est.Segments != 3 || est.Characters != want {
		t.Errorf("plan: %d segments, %d characters; want 3 and %d (no code)", est.Segments, est.Characters, want)
	}
}

// Real German news pages (fixtures kind extract/pages, not committed) through the pipeline: a
// provider that returns each segment with its tags gives the page back byte for byte but for
// lang; one that reorders words and tags legally keeps every element; one that breaks tags
// leaves every element and flags the segments.
func TestRealPagesThroughPipeline(t *testing.T) {
	dir := fixtures.Dir(t, "extract/pages", "BR_2024_04_22.html")
	pages, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(pages) > 12 && testing.Short() {
		pages = pages[:12]
	}
	same := func(s providers.Segment, _ *providers.Request) string { return s.Text }
	swap := func(s providers.Segment, _ *providers.Request) string { return swapPairs(s.Text) }
	strip := func(s providers.Segment, _ *providers.Request) string { return document.Plain(s.Text) }
	for _, p := range pages {
		d, data := readDoc(t, p)
		out, _, probs := runDoc(t, &Translator{Provider: GuardTags(&fakeProvider{answer: same})}, d)
		if len(probs) > 0 || !pageBack(string(data), out) {
			t.Errorf("%s: not the page back but for lang (%d problems)", filepath.Base(p), len(probs))
		}
		out, _, probs = runDoc(t, &Translator{Provider: GuardTags(&fakeProvider{answer: swap})}, d)
		if len(probs) > 0 || !sameElements(string(data), out) {
			t.Errorf("%s: reordering lost elements (%d problems)", filepath.Base(p), len(probs))
		}
		out, pairs, _ := runDoc(t, &Translator{Provider: GuardTags(&fakeProvider{answer: strip})}, d)
		flagged := 0
		for _, pr := range pairs {
			for _, v := range pr.Findings {
				if strings.HasPrefix(v.Message, SuspectTags) {
					flagged++
				}
			}
		}
		if !sameElements(string(data), out) || (flagged == 0 && strings.Contains(string(data), "<a ")) {
			t.Errorf("%s: broken tags: elements kept %v, %d flagged", filepath.Base(p), sameElements(string(data), out), flagged)
		}
	}
}

// swapPairs moves the first paired code of a sentence to its end, words and all: a legal
// reordering, as when a translation puts a phrase elsewhere.
func swapPairs(s string) string {
	i := strings.Index(s, "<g")
	if i < 0 {
		return s
	}
	j := strings.IndexByte(s[i:], '>')
	id := s[i+2 : i+j]
	end := strings.Index(s, "</g"+id+">")
	if end < 0 {
		return s
	}
	end += len("</g" + id + ">")
	return strings.TrimSpace(s[:i]+s[end:]) + " " + s[i:end]
}

// sameElements reports whether two pages hold the same start tags, each as often.
func sameElements(a, b string) bool {
	count := func(s string) map[string]int {
		n := map[string]int{}
		z := html.NewTokenizer(strings.NewReader(s))
		for {
			switch z.Next() {
			case html.ErrorToken:
				return n
			case html.StartTagToken, html.SelfClosingTagToken:
				name, _ := z.TagName()
				n[string(name)]++
			}
		}
	}
	ca, cb := count(a), count(b)
	if len(ca) != len(cb) {
		return false
	}
	for k, v := range ca {
		if cb[k] != v {
			return false
		}
	}
	return true
}

// Subtitle cues go one per unit with their neighbours as context, and come back each in its cue,
// with sentence units and with paragraph units alike.
func TestSubtitleCues(t *testing.T) {
	var src strings.Builder
	for i := 1; i <= 10; i++ {
		fmt.Fprintf(&src, "%d\n00:00:%02d,000 --> 00:00:%02d,500\nDas ist der Untertitel Nummer %d,\nund er hat zwei Zeilen.\n\n", i, i, i, i)
	}
	d, err := document.Read(strings.NewReader(src.String()), "folge.srt", document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := &fakeProvider{caps: providers.Capabilities{MaxSegments: 10, MaxChars: 2000, Context: true, DefaultConcurrency: 1}}
	out, _, probs := runDoc(t, &Translator{Provider: GuardTags(p)}, d)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	sent := 0
	for _, r := range p.reqs {
		for _, s := range r.Segments {
			sent++
			if strings.Contains(s.Text, "-->") || !strings.HasPrefix(s.Text, "Das ist der Untertitel") {
				t.Errorf("sent %q", s.Text)
			}
		}
		if !strings.Contains(r.Context, "Nummer") {
			t.Errorf("no neighbouring cues as context: %q", r.Context)
		}
	}
	if sent != 10 {
		t.Errorf("%d cues sent, want 10", sent)
	}
	if n := strings.Count(out, " --> "); n != 10 || !strings.Contains(out, "\n00:00:07,000 --> 00:00:07,500\nEN(Das ist der Untertitel Nummer\n7, und er hat zwei Zeilen.)\n\n") {
		t.Errorf("%d cues written:\n%s", n, out)
	}
	// Paragraph units do not apply to cues: each keeps its own words under its timing (an
	// answer for a block of cues, split back by alignment, moved words into other cues).
	para, _, probs := runDoc(t, &Translator{Provider: &fakeProvider{}, Unit: Paragraph}, d)
	if para != out || len(probs) > 0 {
		t.Errorf("paragraph units: %d problems, cues not as with sentence units:\n%s", len(probs), para)
	}
}

// A document with nothing to translate still comes out whole.
func TestDocumentWithoutSegments(t *testing.T) {
	src := "msgid \"\"\nmsgstr \"Language: en\\n\"\n\nmsgid \"Schon übersetzt\"\nmsgstr \"Already translated\"\n"
	d, err := document.Read(strings.NewReader(src), "x.po", document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	in, err := DocumentInput(d, "x.po", "")
	if err != nil {
		t.Fatal(err)
	}
	var blocks []segment.Block
	results := 0
	_, err = (&Translator{Provider: &fakeProvider{}}).RunInputs(context.Background(), func(yield func(Input, error) bool) { yield(in, nil) }, func(r *Result) error {
		results++
		blocks = append(blocks, r.Blocks...)
		return nil
	})
	if err != nil || results != 1 {
		t.Fatalf("%d results, %v", results, err)
	}
	var out bytes.Buffer
	if _, err := d.Write(&out, DocumentTargets(d, blocks), document.WriteOptions{}); err != nil || out.String() != src {
		t.Errorf("written %q, %v", out.String(), err)
	}
}

// TestMemoryPlainAcrossFormats: a document's sentence without inline codes is keyed and stored
// in the memory as plain text, so the same sentence from a text file (or a TMX import, which is
// plain) answers it, and what a document stores answers a text file; the document gets the
// target escaped again. Keyed by its tagged form, "A &amp; B" never matched "A & B", and an
// export wrote "&amp;amp;" into the TMX.
func TestMemoryPlainAcrossFormats(t *testing.T) {
	const xlf = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a" source-language="de" target-language="en" datatype="plaintext"><body>
<trans-unit id="1"><source>Müller &amp; Söhne zahlen &lt; 5 Euro.</source></trans-unit>
<trans-unit id="2"><source>Die <g id="1">neue</g> Brücke &amp; mehr.</source></trans-unit>
</body></file></xliff>`
	plain := "Müller & Söhne zahlen < 5 Euro."
	read := func() *document.Doc {
		d, err := document.Read(strings.NewReader(xlf), "a.xlf", document.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	en := func(s providers.Segment, _ *providers.Request) string { return "EN " + s.Text }

	// The text file first: the document's first unit is a memory hit, escaped for the XLIFF.
	mem := &memMemory{}
	if _, _, err := collect(context.Background(), &Translator{Provider: &fakeProvider{answer: en}, Memory: mem}, []*segment.Document{doc("a.txt", []string{plain})}); err != nil {
		t.Fatal(err)
	}
	fp := &fakeProvider{answer: en}
	out, _, probs := runDoc(t, &Translator{Provider: GuardTags(fp), Memory: mem}, read())
	if len(probs) > 0 {
		t.Error(probs)
	}
	if !strings.Contains(out, `<target state="translated" state-qualifier="leveraged-mt">EN Müller &amp; Söhne zahlen &lt; 5 Euro.</target>`) {
		t.Errorf("the text file's translation was not used, escaped:\n%s", out)
	}
	for _, r := range fp.reqs {
		for _, s := range r.Segments {
			if strings.Contains(s.Text, "Müller") {
				t.Errorf("sent %q, which the memory holds", s.Text)
			}
		}
	}

	// The document first: it stores plain text, which answers the text file; a sentence with
	// codes keeps its tagged key.
	mem = &memMemory{}
	runDoc(t, &Translator{Provider: GuardTags(&fakeProvider{answer: en}), Memory: mem}, read())
	var stored []string
	for _, v := range mem.m {
		stored = append(stored, v)
	}
	slices.Sort(stored)
	if want := []string{"EN Die <g1>neue</g1> Brücke &amp; mehr.", "EN " + plain}; !slices.Equal(stored, want) {
		t.Errorf("stored %q, want %q", stored, want)
	}
	fp = &fakeProvider{answer: en}
	if _, _, err := collect(context.Background(), &Translator{Provider: fp, Memory: mem}, []*segment.Document{doc("a.txt", []string{plain})}); err != nil {
		t.Fatal(err)
	}
	if len(fp.reqs) != 0 {
		t.Errorf("the text file's sentence was sent again: %v", fp.reqs)
	}
}

// TestNotesSeparateMessages: two PO entries with one msgid and different msgctxt are two
// messages: each is sent with its note, translated on its own, and stored under its own key;
// before, they were one request and got one translation.
func TestNotesSeparateMessages(t *testing.T) {
	const po = "msgctxt \"menu\"\nmsgid \"Öffnen\"\nmsgstr \"\"\n\nmsgctxt \"door\"\nmsgid \"Öffnen\"\nmsgstr \"\"\n\nmsgid \"Öffnen\"\nmsgstr \"\"\n"
	d, err := document.Read(strings.NewReader(po), "a.po", document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	byNote := func(s providers.Segment, _ *providers.Request) string {
		switch {
		case strings.Contains(s.Note, "door"):
			return "Unlock"
		case strings.Contains(s.Note, "menu"):
			return "Open"
		}
		return "Opening"
	}
	mem := &memMemory{}
	fp := &fakeProvider{answer: byNote}
	out, _, probs := runDoc(t, &Translator{Provider: GuardTags(fp), Memory: mem}, d)
	if len(probs) > 0 {
		t.Error(probs)
	}
	for _, want := range []string{"msgctxt \"menu\"\nmsgid \"Öffnen\"\nmsgstr \"Open\"", "msgctxt \"door\"\nmsgid \"Öffnen\"\nmsgstr \"Unlock\"", "\nmsgid \"Öffnen\"\nmsgstr \"Opening\""} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	sent := 0
	for _, r := range fp.reqs {
		sent += len(r.Segments)
	}
	if sent != 3 || len(mem.m) != 3 {
		t.Errorf("%d segments sent, %d stored; want 3 each", sent, len(mem.m))
	}
	// A rerun is answered by the memory, each message by its own entry.
	fp = &fakeProvider{answer: byNote}
	d, _ = document.Read(strings.NewReader(po), "a.po", document.Options{})
	again, _, _ := runDoc(t, &Translator{Provider: GuardTags(fp), Memory: mem}, d)
	if again != out || len(fp.reqs) != 0 {
		t.Errorf("rerun: %d requests, output\n%s", len(fp.reqs), again)
	}
}

// TestOneNotePerRequest: a provider that takes one note per request (DeepL's context) gets the
// segments of different notes in different requests, and the plan counts those requests; a
// provider that takes a note per segment gets them in one.
func TestOneNotePerRequest(t *testing.T) {
	const po = "msgctxt \"menu\"\nmsgid \"Öffnen\"\nmsgstr \"\"\n\nmsgctxt \"menu\"\nmsgid \"Schließen\"\nmsgstr \"\"\n\n" +
		"msgctxt \"door\"\nmsgid \"Öffnen\"\nmsgstr \"\"\n\nmsgid \"Die Tür ist zu.\"\nmsgstr \"\"\n"
	for _, tc := range []struct {
		oneNote  bool
		requests int
	}{{true, 3}, {false, 1}} {
		read := func() *document.Doc {
			d, err := document.Read(strings.NewReader(po), "a.po", document.Options{})
			if err != nil {
				t.Fatal(err)
			}
			return d
		}
		fp := &fakeProvider{caps: providers.Capabilities{MaxSegments: 50, MaxChars: 5000, Context: true, OneNote: tc.oneNote, DefaultConcurrency: 1}}
		tr := &Translator{Provider: fp}
		est, err := tr.PlanInputs(context.Background(), docInputs(t, read()))
		if err != nil {
			t.Fatal(err)
		}
		runDoc(t, tr, read())
		if est.Requests != tc.requests || len(fp.reqs) != tc.requests {
			t.Errorf("OneNote %v: plan %d requests, run %d; want %d", tc.oneNote, est.Requests, len(fp.reqs), tc.requests)
		}
		for _, r := range fp.reqs {
			for _, s := range r.Segments {
				if tc.oneNote && s.Note != r.Segments[0].Note {
					t.Errorf("one request carries notes %q and %q", r.Segments[0].Note, s.Note)
				}
			}
		}
	}
}

// TestDocumentUnitsSentAsWords: a document's unit without codes goes to the provider as its
// words ("Müller & Söhne", as the memory keys it), not in its escaped form, which DeepL read as
// entity text (and escaped once more in a batch sent as XML); the answer is escaped again for
// the document. A unit with codes goes tagged, as before.
func TestDocumentUnitsSentAsWords(t *testing.T) {
	const xlf = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="a" source-language="de" target-language="en" datatype="plaintext"><body>
<trans-unit id="1"><source>Tom &amp; Jerry zahlen &lt; 5 Euro.</source></trans-unit>
<trans-unit id="2"><source>Die <g id="1">neue</g> Brücke &amp; mehr.</source></trans-unit>
</body></file></xliff>`
	d, err := document.Read(strings.NewReader(xlf), "a.xlf", document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fp := &fakeProvider{answer: func(s providers.Segment, _ *providers.Request) string { return "EN " + s.Text }}
	out, _, probs := runDoc(t, &Translator{Provider: GuardTags(fp)}, d)
	if len(probs) > 0 {
		t.Error(probs)
	}
	var sent []string
	for _, r := range fp.reqs {
		for _, s := range r.Segments {
			sent = append(sent, s.Text)
		}
	}
	if !slices.Contains(sent, "Tom & Jerry zahlen < 5 Euro.") || !slices.Contains(sent, "Die <g1>neue</g1> Brücke &amp; mehr.") {
		t.Errorf("sent %q", sent)
	}
	if !strings.Contains(out, `>EN Tom &amp; Jerry zahlen &lt; 5 Euro.</target>`) || !strings.Contains(out, `>EN Die <g id="1">neue</g> Brücke &amp; mehr.</target>`) {
		t.Errorf("written:\n%s", out)
	}
}

// TestLiteralTagTextSentEscaped: a unit without codes whose words read as code tags (a page
// about templates: "Das Element <g1> ist kein echtes Tag") is sent escaped, as a unit with
// codes is, so that the answer's "<g1>" is taken for words, not a code to place: before, the
// words were moved and a "</g1>" the source never had was added.
func TestLiteralTagTextSentEscaped(t *testing.T) {
	const page = `<html><body><p>Das Element &lt;g1&gt; ist kein echtes Tag, &lt;x2/&gt; auch nicht.</p></body></html>`
	d, err := document.Read(strings.NewReader(page), "a.html", document.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fp := &fakeProvider{answer: func(s providers.Segment, _ *providers.Request) string {
		return strings.NewReplacer("Das Element", "The element", "ist kein echtes Tag", "is no real tag", "auch nicht", "neither").Replace(s.Text)
	}}
	out, _, probs := runDoc(t, &Translator{Provider: GuardTags(fp)}, d)
	if len(probs) > 0 {
		t.Error(probs)
	}
	if want := `<p>The element &lt;g1&gt; is no real tag, &lt;x2/&gt; neither.</p>`; !strings.Contains(out, want) {
		t.Errorf("written:\n%s\nwant %s", out, want)
	}
}
