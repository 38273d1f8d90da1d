package providers_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/bitext/bitext/providers"
)

// scripted is a driver's provider whose answers a test writes.
type scripted struct {
	caps     providers.Capabilities
	answer   func(call int, req *providers.Request) []providers.Translation
	mu       sync.Mutex
	requests []*providers.Request
	feedback *bool
}

func (s *scripted) Name() string                         { return "scripted" }
func (s *scripted) Model() string                        { return "m" }
func (s *scripted) Capabilities() providers.Capabilities { return s.caps }
func (s *scripted) UsesFeedback() bool {
	if s.feedback == nil {
		return true
	}
	return *s.feedback
}
func (s *scripted) Translate(ctx context.Context, req *providers.Request) (*providers.Response, error) {
	s.mu.Lock()
	n := len(s.requests)
	s.requests = append(s.requests, req)
	s.mu.Unlock()
	return &providers.Response{Translations: s.answer(n, req), Usage: providers.Usage{Requests: 1}}, nil
}

func echoEN(_ int, req *providers.Request) []providers.Translation {
	out := make([]providers.Translation, len(req.Segments))
	for i, s := range req.Segments {
		out[i] = providers.Translation{ID: s.ID, Text: english[s.Text]}
	}
	return out
}

var english = map[string]string{
	"Die Inflation lag im Dezember bei 2,5 Prozent.":         "Inflation was 2.5 percent in December.",
	"Der Minister sagte, die Gespräche würden fortgesetzt.":  "The minister said the talks would continue.",
	"Im Jahr 2023 kamen 1200 Menschen zu der Veranstaltung.": "In 2023, 1200 people came to the event.",
	"Die Regierung hat das Gesetz am Freitag verabschiedet.": "The government passed the law on Friday.",
	"NATO":  "NATO",
	"Ende.": "End.",
}

func segs(texts ...string) []providers.Segment {
	out := make([]providers.Segment, len(texts))
	for i, t := range texts {
		out[i] = providers.Segment{ID: fmt.Sprint("s", i), Text: t}
	}
	return out
}

func TestSuspectReason(t *testing.T) {
	for _, tc := range []struct{ src, tr, want string }{
		{"Die Inflation lag im Dezember bei 2,5 Prozent.", "Inflation was 2.5 percent in December.", ""},
		{"NATO", "NATO", ""},
		{"Ende.", "End.", ""},
		{"15. Dezember", "15. Dezember", ""},                                 // short: a date heading may stay
		{"Deutsche Bahn Navigator", "Deutsche Bahn Navigator", ""},           // a name
		{"Zurück zur Liste", "Zurück zur Liste", providers.SuspectUnchanged}, // LUX-Components' button: a German phrase
		{"Haus der Kunst", "Haus der Kunst", providers.SuspectUnchanged},     // a name with "der": doubted, then kept marked
		{"Download der Datei", "Download the file", ""},
		// One word: a German one unchanged is doubted (a PO catalogue's "Öffnen"), a name or a
		// word both languages use is not.
		{"Öffnen", "Öffnen", providers.SuspectUnchanged},
		{"Speichern…", "Speichern…", providers.SuspectUnchanged},
		{"Berlin", "Berlin", ""},
		{"Filter", "Filter", ""},
		{"Browser", "Browser", ""},
		// A masthead or brand in capitals stays (Spiegel's and Bild's pages).
		{"DER SPIEGEL", "DER SPIEGEL", ""},
		{"SPIEGEL+", "SPIEGEL+", ""},
		{"DIE ZEIT", "DIE ZEIT", ""},
		// A label in capitals is German left untranslated (OmegaT's BUGS1221 watermark).
		{"ENTWURF", "ENTWURF", providers.SuspectUnchanged},
		{"Mehr lesen", "Mehr lesen", providers.SuspectUnchanged},
		{"Deutsche Bahn Navigator", "Deutsche Bahn Navigator", ""},
		{"<Kein Titel>", "<No title>", ""},
		{"Ordner: <Neuer Ordner>", "Folder: <New folder>", ""},
		// A button in capitals is German left untranslated.
		{"JETZT KAUFEN", "JETZT KAUFEN", providers.SuspectUnchanged},
		{"SPEICHERN", "SPEICHERN", providers.SuspectUnchanged},
		{"ZURÜCK ZUR STARTSEITE", "ZURÜCK ZUR STARTSEITE", providers.SuspectUnchanged},
		// A placeholder in angle brackets is words to translate (snapper's usage lines).
		{"--from <Nummer>", "--from <number>", ""},
		{"Aufruf: snapper <Befehl> [Optionen]", "usage: snapper <command> [options]", ""},
		{"Drücken Sie <b>Strg</b>", "Press Ctrl", providers.SuspectMarkup + ": <b> is not in the translation"},
		// Markup written as text (a CDATA or escaped string of a localisation file) must come back.
		{"Die <b>Datei</b> & mehr", "The file & more", providers.SuspectMarkup + ": <b> is not in the translation"},
		{"Die <b>Datei</b> & mehr", "The <b>file</b> & more", ""},
		{`Siehe <a href="/hilfe" title="Hilfe">Hilfe</a>.`, `See <a href="/hilfe" title="Help">help</a>.`, ""},
		{`Siehe <a href="/hilfe">Hilfe</a>.`, `See <a href="/help">help</a>.`, providers.SuspectMarkup + `: <a href="/hilfe"> is not in the translation`},
		{"Größer als 5 <g1>und</g1> kleiner", "Greater than 5 and smaller", ""}, // placeholders: the codes' own check
		// Short sentences whose German is in pronouns and adverbs, returned unchanged.
		{"Ich bleibe hier.", "Ich bleibe hier.", providers.SuspectUnchanged},
		{"Er kommt morgen.", "Er kommt morgen.", providers.SuspectUnchanged},
		{"Es tut mir leid.", "I am sorry.", ""},
		{"Die Inflation lag im Dezember bei 2,5 Prozent.", "", providers.SuspectEmpty},
		{"Die Inflation lag im Dezember bei 2,5 Prozent.", ".", providers.SuspectEmpty},
		{"Die Inflation lag im Dezember bei 2,5 Prozent.", "Die Inflation lag im Dezember bei 2,5 Prozent.", providers.SuspectUnchanged},
		{"Die Inflation lag im Dezember bei 2,5 Prozent.", "Die Inflation lag im Dezember bei 2,5 Prozent", providers.SuspectUnchanged},
		{"Der Minister sagte, die Gespräche würden fortgesetzt.", "Der Minister sagte, die Verhandlungen werden mit dem Partner fortgesetzt.", providers.SuspectLanguage},
		{"Der Minister sagte, die Gespräche würden fortgesetzt, obwohl die Lage schwierig sei.", "Yes.", providers.SuspectLength},
		{"Kurz.", "This is a very long answer that has nothing to do with the short source at all.", ""}, // source too short to judge
	} {
		if got := providers.SuspectReason(tc.src, tc.tr); got != tc.want {
			t.Errorf("SuspectReason(%q, %q) = %q, want %q", tc.src, tc.tr, got, tc.want)
		}
	}
}

func TestShiftedPattern(t *testing.T) {
	src := []string{"Die Inflation lag im Dezember bei 2,5 Prozent.", "Im Jahr 2023 kamen 1200 Menschen zu der Veranstaltung.", "Die Regierung hat das Gesetz am Freitag verabschiedet."}
	good := []string{english[src[0]], english[src[1]], english[src[2]]}
	if got := providers.ShiftedPattern(src, good); fmt.Sprint(got) != "[false false false]" {
		t.Errorf("good batch flagged: %v", got)
	}
	swapped := []string{good[1], good[0], good[2]}
	if got := providers.ShiftedPattern(src, swapped); !got[0] || !got[1] || got[2] {
		t.Errorf("swapped: %v", got)
	}
}

// TestShiftedPatternRepeatedNumbers: legal text cites the same article numbers again and
// again (heise.de's privacy policy: "Art. 6 Abs. 1 lit. c DSGVO" next to a paragraph citing
// Art. 6 Abs. 1 three times). A correct answer with the one citation of its own source fitted
// the neighbour better, which holds the same numbers several times over: each number counted
// once per occurrence in the source, however often the answer has it. The batch was rejected
// as shifted and paid for again (an 80-segment batch of that page: 89 requests instead of 9).
func TestShiftedPatternRepeatedNumbers(t *testing.T) {
	src := []string{
		"Ist die Verarbeitung personenbezogener Daten zur Erfüllung einer rechtlichen Verpflichtung, der wir unterliegen, erforderlich, wie etwa gesetzliche Aufbewahrungs- und Speicherpflichten, dient Art. 6 Abs. 1 lit. c DSGVO als Rechtsgrundlage.",
		"Wenn im Rahmen von Datenverarbeitungen Cookies oder cookieähnliche Technologien eingesetzt werden, erfolgt die Speicherung von Informationen in der Endeinrichtung des Endnutzers oder der Zugriff auf bereits in der Endeinrichtung des Endnutzers gespeicherte Information gem. § 25 Abs. 1 TDDDG in Verbindung mit Art. 6 Abs. 1 lit. a DSGVO und die weitere Datenverarbeitung gem. Art. 6 Abs. 1 DSGVO.",
	}
	good := []string{
		"If the processing of personal data is necessary to fulfil a legal obligation to which we are subject, such as statutory retention and storage obligations, Art. 6(1)(c) GDPR serves as the legal basis.",
		"If cookies or similar technologies are used in the course of data processing, the storage of information in the end user's terminal equipment, or access to information already stored there, is based on Section 25(1) TDDDG in conjunction with Art. 6(1)(a) GDPR, and further data processing on Art. 6(1) GDPR.",
	}
	if got := providers.ShiftedPattern(src, good); slices.Contains(got, true) {
		t.Errorf("correct answers flagged: %v", got)
	}
	if got := providers.ShiftedPattern(src, []string{good[1], good[0]}); !got[0] || !got[1] {
		t.Errorf("swapped answers not flagged: %v", got)
	}
}

// TestShiftedPatternShortSentences: correct answers to short sentences and headlines next to
// longer ones, and sentences with placeholder tags, are not taken for shifted ones.
func TestShiftedPatternShortSentences(t *testing.T) {
	src := []string{
		"Die Polizei ermittelt.",
		"Ein Sprecher der Regierung wollte sich nicht äußern.",
		"Kritik an Scholz",
		"Die Gespräche sollen fortgesetzt werden.",
		"Moskau weist Vorwürfe zurück",
		"Der <g1>Bundestag</g1> stimmte zu.",
		"Die Abstimmung im Ausschuss wurde vertagt.",
		"Alles ruhig.",
		"Moskau wies die Vorwürfe zurück.",
		"Die Polizei ermittelt.",
		"Die <g1>Polizei</g1> ermittelt <x2/>.",
		"Am 1. Mai streikten 2 Gewerkschaften.",
	}
	good := []string{
		"The police are investigating.",
		"A government spokesman declined to comment.",
		"Criticism of Scholz",
		"The talks are to continue.",
		"Moscow rejects accusations",
		"The <g1>Bundestag</g1> agreed.",
		"The vote in the committee was postponed.",
		"All quiet.",
		"Moscow rejected the accusations.",
		"The police are investigating.",
		"The <g1>police</g1> are investigating <x2/>.",
		"On May 1, 2 unions went on strike.",
	}
	if got := providers.ShiftedPattern(src, good); slices.Contains(got, true) {
		t.Errorf("correct short answers flagged: %v", got)
	}
	// Numbers still tell a shift among short sentences.
	nums := []string{"12 Tote.", "Am 3. Mai."}
	if got := providers.ShiftedPattern(nums, []string{"On May 3.", "12 dead."}); !got[0] || !got[1] {
		t.Errorf("swapped short sentences with numbers: %v", got)
	}
}

// TestWrapReasksAndFlags: an unchanged, empty, merged (".") or shifted answer is asked again
// once, alone; a cured one is used, one that stays wrong comes back with Suspect set.
func TestWrapReasksAndFlags(t *testing.T) {
	src := []string{"Die Inflation lag im Dezember bei 2,5 Prozent.", "Im Jahr 2023 kamen 1200 Menschen zu der Veranstaltung.", "Der Minister sagte, die Gespräche würden fortgesetzt.", "Die Regierung hat das Gesetz am Freitag verabschiedet."}
	d := &scripted{answer: func(call int, req *providers.Request) []providers.Translation {
		out := echoEN(call, req)
		if call == 0 {
			out[0].Text, out[1].Text = out[1].Text, out[0].Text // swapped
			out[2].Text = req.Segments[2].Text                  // unchanged German
			out[3].Text = "."                                   // merged away
			return out
		}
		if req.Segments[0].ID == "s2" {
			out[0].Text = req.Segments[0].Text // stays German
		}
		return out
	}}
	p := providers.Wrap(d, providers.WrapOptions{LanguageCheck: true})
	terms := []providers.Term{{Source: "Inflation", Target: "inflation"}, {Source: "Minister", Target: "minister"}, {Source: "Regierung", Target: "government"}}
	resp, err := p.Translate(context.Background(), &providers.Request{Segments: segs(src...), Terms: terms})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range d.requests[1:] {
		// A segment asked again alone carries its own terms, not the batch's.
		want := providers.TermsIn(terms, r.Segments)
		if len(r.Terms) != len(want) || len(r.Terms) > 1 {
			t.Errorf("re-ask of %q carries terms %v, want %v", r.Segments[0].Text, r.Terms, want)
		}
	}
	for i, tr := range resp.Translations {
		wantSuspect := i == 2
		if (tr.Suspect != "") != wantSuspect {
			t.Errorf("segment %d: %q suspect %q", i, tr.Text, tr.Suspect)
		}
		if !wantSuspect && tr.Text != english[src[i]] {
			t.Errorf("segment %d: %q, want %q", i, tr.Text, english[src[i]])
		}
	}
	if resp.Translations[2].Suspect != providers.SuspectUnchanged {
		t.Errorf("reason %q", resp.Translations[2].Suspect)
	}
	if len(d.requests) != 5 || resp.Usage.Requests != 5 {
		t.Errorf("%d requests (usage %d), want 1 + 4 single re-asks", len(d.requests), resp.Usage.Requests)
	}
	for _, r := range d.requests[1:] {
		if len(r.Segments) != 1 || !strings.Contains(r.Feedback[r.Segments[0].ID], "rejected") {
			t.Errorf("re-ask %+v", r)
		}
	}
	st, _ := providers.StatsOf(p)
	if st.Reasked != 4 || st.Suspects != 1 {
		t.Errorf("stats %+v", st)
	}
}

// TestWrapChunksByDriverLimits: a request over the driver's limits goes out in several, each
// within them, estimating tokens with the driver's estimator.
func TestWrapChunksByDriverLimits(t *testing.T) {
	var texts []string
	for i := 0; i < 10; i++ {
		texts = append(texts, "NATO")
	}
	for _, tc := range []struct {
		caps providers.Capabilities
		want int
	}{
		{providers.Capabilities{MaxSegments: 3}, 4},
		{providers.Capabilities{MaxChars: 8}, 5},
		{providers.Capabilities{MaxTokens: 2 * (2 + 8)}, 5},
		{providers.Capabilities{}, 1},
	} {
		d := &scripted{caps: tc.caps, answer: echoEN}
		resp, err := providers.Wrap(d, providers.WrapOptions{LanguageCheck: true}).Translate(context.Background(), &providers.Request{Segments: segs(texts...)})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.requests) != tc.want || len(resp.Translations) != 10 {
			t.Errorf("%+v: %d requests, want %d", tc.caps, len(d.requests), tc.want)
		}
	}
}

// TestWrapValidatesIDs: duplicate request IDs are refused; an answer missing or doubling an ID
// is an error, one in another order is put in request order.
func TestWrapValidatesIDs(t *testing.T) {
	p := providers.Wrap(&scripted{answer: echoEN}, providers.WrapOptions{})
	if _, err := p.Translate(context.Background(), &providers.Request{Segments: []providers.Segment{{ID: "a", Text: "NATO"}, {ID: "a", Text: "Ende."}}}); err == nil {
		t.Error("duplicate IDs accepted")
	}
	rev := &scripted{answer: func(n int, req *providers.Request) []providers.Translation {
		out := echoEN(n, req)
		out[0], out[1] = out[1], out[0]
		return out
	}}
	resp, err := providers.Wrap(rev, providers.WrapOptions{}).Translate(context.Background(), &providers.Request{Segments: segs("NATO", "Ende.")})
	if err != nil || resp.Translations[0].ID != "s0" || resp.Translations[1].Text != "End." {
		t.Errorf("%+v %v", resp, err)
	}
	missing := &scripted{answer: func(n int, req *providers.Request) []providers.Translation { return echoEN(n, req)[:1] }}
	if _, err := providers.Wrap(missing, providers.WrapOptions{}).Translate(context.Background(), &providers.Request{Segments: segs("NATO", "Ende.")}); err == nil {
		t.Error("missing answer accepted")
	}
}

func TestOptionalAbilitiesSeeThroughWrap(t *testing.T) {
	no := false
	d := &scripted{feedback: &no, answer: echoEN}
	p := providers.Wrap(d, providers.WrapOptions{LanguageCheck: true})
	if providers.UsesFeedback(p) {
		t.Error("UsesFeedback true for a driver that says false")
	}
	if providers.Unwrap(p) != providers.Provider(d) {
		t.Error("Unwrap")
	}
	if _, ok := p.(providers.PromptVersioner); ok {
		t.Error("a wrapper of a driver without PromptVersion must not have one")
	}
	if err := providers.Close(p); err != nil {
		t.Error(err)
	}
}

func FuzzSuspectReason(f *testing.F) {
	f.Add("Die Inflation lag bei 2,5 Prozent.", "Inflation was 2.5 percent.")
	f.Add("", ".")
	f.Add("ä", "\xff")
	f.Fuzz(func(t *testing.T, src, tr string) {
		providers.SuspectReason(src, tr)
		providers.ShiftedPattern([]string{src, tr}, []string{tr, src})
	})
}

// TestWrapPiecesKeepNote: a segment over the driver's limit goes out in pieces, and each piece
// carries the segment's note (a PO msgctxt), so the model or DeepL's context still sees it.
func TestWrapPiecesKeepNote(t *testing.T) {
	text := "Die Regierung hat das Gesetz am Freitag verabschiedet. Der Minister sagte, die Gespräche würden fortgesetzt."
	d := &scripted{caps: providers.Capabilities{MaxChars: 60}, answer: func(_ int, req *providers.Request) []providers.Translation {
		out := make([]providers.Translation, len(req.Segments))
		for i, s := range req.Segments {
			out[i] = providers.Translation{ID: s.ID, Text: english[strings.TrimSpace(s.Text)]}
		}
		return out
	}}
	req := &providers.Request{Segments: []providers.Segment{{ID: "s0", Text: text, Note: "context: law."}}}
	if _, err := providers.Wrap(d, providers.WrapOptions{}).Translate(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	var pieces int
	for _, r := range d.requests {
		for _, s := range r.Segments {
			pieces++
			if s.Note != "context: law." {
				t.Errorf("piece %s went with note %q", s.ID, s.Note)
			}
		}
	}
	if pieces < 2 {
		t.Fatalf("%d pieces sent, want the segment cut", pieces)
	}
}
