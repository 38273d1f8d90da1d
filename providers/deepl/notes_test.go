package deepl_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/deepl/deepltest"
	"github.com/bitext/bitext/providers/providertest"
)

// poEntry is one message of a PO file: its msgctxt, the English msgid and the German msgstr.
type poEntry struct {
	line                int
	context, id, german string
}

// readPO reads the messages of a PO file whose fields are each one quoted line (continuation
// lines are joined), skipping the header.
func readPO(t *testing.T, name string) []poEntry {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []poEntry
	var cur poEntry
	var last *string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		keyword, quoted, _ := strings.Cut(line, " ")
		if strings.HasPrefix(line, `"`) {
			keyword, quoted = "continued", line
		}
		var field *string
		switch keyword {
		case "msgctxt":
			cur = poEntry{line: n}
			field = &cur.context
		case "msgid":
			if cur.line == 0 {
				cur.line = n
			}
			field = &cur.id
		case "msgstr":
			field = &cur.german
		case "continued":
			field = last
		}
		if field == nil {
			continue
		}
		s, err := strconv.Unquote(quoted)
		if err != nil {
			t.Fatalf("%s:%d: %v", name, n, err)
		}
		*field += s
		last = field
		if keyword == "msgstr" {
			out = append(out, cur)
			cur = poEntry{}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for i, e := range out {
		if e.id == "" { // the header
			return append(out[:i], out[i+1:]...)
		}
	}
	return out
}

// TestNotesGoAsContext: JupyterLab's German messages (testdata/jupyterlab-de.po) translated
// back into English, each with its msgctxt as the segment's note. "Aktivieren" is "Activate"
// in the settings and "Enable" without a context, "Kernel" is "Kernels" as a schema title;
// a fake that answers by context as DeepL does gives every message its own English only when
// each goes with its own note as the request's context. Segments with one note share a
// request, the answers come back in batch order, and neither the usage nor the fake's bill
// counts the contexts.
func TestNotesGoAsContext(t *testing.T) {
	entries := readPO(t, "testdata/jupyterlab-de.po")
	dict := map[deepltest.ContextText]string{}
	var segs []providers.Segment
	chars := 0
	for i, e := range entries {
		dict[deepltest.ContextText{Context: e.context, Text: e.german}] = e.id
		segs = append(segs, providers.Segment{ID: strconv.Itoa(i + 1), Text: e.german, Note: e.context})
		chars += len([]rune(e.german))
	}
	f := deepltest.New(t, providertest.Options{Translate: deepltest.InContext(dict)})
	resp, err := open(t, config(f.URL)).Translate(context.Background(), &providers.Request{SourceLang: "de", TargetLang: "en", Segments: segs})
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range entries {
		if got := resp.Translations[i]; got.ID != segs[i].ID || got.Text != e.id || got.Suspect != "" {
			t.Errorf("line %d: msgctxt %q %q: got %+v, want %q", e.line, e.context, e.german, got, e.id)
		}
	}
	var sent []string
	for _, r := range f.Requests() {
		var body map[string]any
		if err := json.Unmarshal(r.Body, &body); err != nil {
			t.Fatal(err)
		}
		if _, has := body["context"]; has != (r.Info.Context != "") {
			t.Errorf("request %d: context %q sent as %v", r.Info.N, r.Info.Context, body["context"])
		}
		var texts []string
		for _, s := range r.Info.Segments {
			texts = append(texts, s.Text)
		}
		sent = append(sent, fmt.Sprintf("%q: %s", r.Info.Context, strings.Join(texts, " | ")))
	}
	want := []string{
		`"settings": Kernel | Aktivieren`,
		`"schema": Kernel`,
		`"menu": Kernel`,
		`"": Aktivieren | Kernel herunterfahren`,
		`"showErrorMessage": Kernel herunterfahren`,
	}
	if strings.Join(sent, "\n") != strings.Join(want, "\n") {
		t.Errorf("requests:\n%s\nwant:\n%s", strings.Join(sent, "\n"), strings.Join(want, "\n"))
	}
	if resp.Usage.Requests != len(want) || resp.Usage.Characters != chars || f.CharactersBilled() != chars {
		t.Errorf("usage %+v, billed %d: want %d requests and %d characters, the texts only", resp.Usage, f.CharactersBilled(), len(want), chars)
	}
}

// TestRequestContext: a note and the paragraph go together, the note first; a tagged
// paragraph as its words. Each note's request has its own markup handling: the tagged segment
// with a kept term goes as XML, the plain one of another note as it is.
func TestRequestContext(t *testing.T) {
	terms := []providers.Term{{Source: "Jupyter", Target: "Jupyter", DoNotTranslate: true}}
	for _, tc := range []struct {
		name, note, paragraph string
		want                  string
	}{
		{"note", "settings", "", "settings"},
		{"paragraph", "", "Das Kernel läuft.", "Das Kernel läuft."},
		{"both", "settings", "Das Kernel läuft.", "settings\n\nDas Kernel läuft."},
		{"tagged paragraph", " menu ", "Das <g1>Kernel</g1> läuft.", "menu\n\nDas Kernel läuft."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := deepltest.New(t, providertest.Options{})
			segs := []providers.Segment{
				{ID: "a", Text: "Jupyter <g1>Kernel</g1> neu starten", Note: tc.note},
				{ID: "b", Text: "Aktivieren", Note: tc.note + " other"},
			}
			resp, err := open(t, config(f.URL)).Translate(context.Background(), &providers.Request{SourceLang: "de", TargetLang: "en",
				Segments: segs, Terms: terms, Context: tc.paragraph})
			if err != nil {
				t.Fatal(err)
			}
			if got := resp.Translations; len(got) != 2 || got[0].Text != "EN(Jupyter <g1>Kernel</g1> neu starten)" || got[1].Text != "EN(Aktivieren)" {
				t.Errorf("translations %+v", got)
			}
			reqs := f.Requests()
			if len(reqs) != 2 {
				t.Fatalf("%d requests, want one per note", len(reqs))
			}
			if got := reqs[0].Info.Context; got != tc.want {
				t.Errorf("context %q, want %q", got, tc.want)
			}
			if got := reqs[0].Info.Segments[0].Text; reqs[0].Info.Format != "xml" || got != "<keep>Jupyter</keep> <g1>Kernel</g1> neu starten" {
				t.Errorf("tagged segment sent as %s %q", reqs[0].Info.Format, got)
			}
			if reqs[1].Info.Format != "" || reqs[1].Info.Segments[0].Text != "Aktivieren" {
				t.Errorf("plain segment sent as %q %q", reqs[1].Info.Format, reqs[1].Info.Segments[0].Text)
			}
		})
	}
}

// TestNoteGroupsWithinLimits: 120 segments of two notes, interleaved, go out as Wrap's chunks of
// at most 50 texts, each cut by note: no request over DeepL's limit, one context each, and the
// answers in batch order.
func TestNoteGroupsWithinLimits(t *testing.T) {
	f := deepltest.New(t, providertest.Options{})
	var segs []providers.Segment
	for i := range 120 {
		note := []string{"settings", "menu"}[i%2]
		segs = append(segs, providers.Segment{ID: fmt.Sprintf("s%03d", i), Text: fmt.Sprintf("Kernel %d neu starten", i), Note: note})
	}
	resp, err := open(t, config(f.URL)).Translate(context.Background(), &providers.Request{TargetLang: "en", Segments: segs})
	if err != nil {
		t.Fatal(err)
	}
	for i, tr := range resp.Translations {
		if tr.ID != segs[i].ID || tr.Text != "EN("+segs[i].Text+")" {
			t.Fatalf("translation %d: %+v", i, tr)
		}
	}
	var sizes []int
	for _, r := range f.Requests() {
		sizes = append(sizes, len(r.Info.Segments))
		for _, s := range r.Info.Segments {
			n, _ := strconv.Atoi(strings.Fields(s.Text)[1])
			if want := segs[n].Note; r.Info.Context != want {
				t.Errorf("%q sent with context %q, want %q", s.Text, r.Info.Context, want)
			}
		}
	}
	if fmt.Sprint(sizes) != "[25 25 25 25 10 10]" {
		t.Errorf("request sizes %v", sizes)
	}
}

// TestNoteGroupFailures: segments that never get an answer fail on their own, named together
// in batch order whichever note's request they were in, and the other notes' translations come
// back with them; a request refused as a whole (quota) fails the batch.
func TestNoteGroupFailures(t *testing.T) {
	segs := []providers.Segment{
		{ID: "1", Text: "Kernel", Note: "settings"},
		{ID: "2", Text: "Aktivieren"},
		{ID: "3", Text: "Kernel herunterfahren", Note: "showErrorMessage"},
		{ID: "4", Text: "Aktivieren", Note: "settings"},
	}
	empty := func(seg providertest.Segment, req providertest.RequestInfo) string {
		if req.Context == "showErrorMessage" || req.Context == "" {
			return ""
		}
		return providertest.DefaultTranslation(seg, req)
	}
	f := deepltest.New(t, providertest.Options{Translate: empty})
	resp, err := open(t, config(f.URL)).Translate(context.Background(), &providers.Request{TargetLang: "en", Segments: segs})
	var pe *providers.Error
	if ids := providers.FailedIDs(err); strings.Join(ids, ",") != "2,3" || !errors.As(err, &pe) || !strings.Contains(err.Error(), "segments 2, 3: no usable translation after 3 tries") {
		t.Fatalf("err %v, failed %v", err, ids)
	}
	var got []string
	for _, tr := range resp.Translations {
		got = append(got, tr.ID+"="+tr.Text)
	}
	if strings.Join(got, " ") != "1=EN(Kernel) 4=EN(Aktivieren)" {
		t.Errorf("translations %v", got)
	}

	f = deepltest.New(t, providertest.Options{Faults: []providertest.Fault{providertest.None, deepltest.QuotaExceeded}})
	resp, err = open(t, config(f.URL)).Translate(context.Background(), &providers.Request{TargetLang: "en", Segments: segs})
	if !errors.As(err, &pe) || pe.Status != 456 || providers.FailedIDs(err) != nil {
		t.Fatalf("err %v", err)
	}
	if resp == nil || len(resp.Translations) != 0 || resp.Usage.Requests != 2 || f.Count() != 2 {
		t.Errorf("after a refused request: %+v, %d requests", resp, f.Count())
	}
}
