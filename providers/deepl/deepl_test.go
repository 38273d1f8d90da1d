package deepl_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/deepl"
	"github.com/bitext/bitext/providers/deepl/deepltest"
	"github.com/bitext/bitext/providers/providertest"
)

const key = "deepl-test-SECRET-0123456789:fx"

var conformance = providertest.Conformance{
	NewServer: deepltest.NewServer,
	Open: func(t testing.TB, srv *providertest.Server, cfg providers.Config) (providers.Provider, error) {
		cfg.Getenv = func(string) string { return "" }
		return deepl.Driver{}.Open(cfg)
	},
	IDs: false, // DeepL answers by position
	Faults: []providertest.Fault{
		providertest.TooMany, providertest.ServerError, providertest.Unavailable, providertest.Reset,
		providertest.Malformed, providertest.MissingID, providertest.ExtraID, providertest.EmptyText, providertest.Slow,
	},
}

func TestConformance(t *testing.T) {
	providertest.RunConformance(t, conformance)
}

// BenchmarkThroughput: go test ./providers/deepl -run '^$' -bench Throughput -benchtime 1x
func BenchmarkThroughput(b *testing.B) {
	providertest.RunThroughputBenchmark(b, conformance)
}

func config(url string) providers.Config {
	return providers.Config{APIKey: key, BaseURL: url, Getenv: func(string) string { return "" },
		Retry: providers.RetryPolicy{BaseDelay: time.Millisecond, MaxDelay: 10 * time.Millisecond}}
}

func open(t *testing.T, cfg providers.Config) providers.Provider {
	t.Helper()
	p, err := providers.Open("deepl", cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestWire: many text per request, DE → EN-US (or the variant asked for), context, formality,
// model_type, the key in a DeepL-Auth-Key header, never in the URL.
func TestWire(t *testing.T) {
	f := deepltest.New(t, providertest.Options{})
	cfg := config(f.URL)
	cfg.Model = "quality_optimized"
	cfg.Options = map[string]string{deepl.OptFormality: "prefer_less", deepl.OptTarget: "en-gb"}
	p := open(t, cfg)
	resp, err := p.Translate(context.Background(), &providers.Request{SourceLang: "de", TargetLang: "en", Context: "Der Absatz.",
		Segments: []providers.Segment{{ID: "a", Text: "Guten Tag."}, {ID: "b", Text: "A < B & C"}}})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Translations[0].Text != "EN(Guten Tag.)" || resp.Translations[1].Text != "EN(A < B & C)" {
		t.Errorf("translations %+v", resp.Translations)
	}
	r := f.Requests()[0]
	var body map[string]any
	if err := json.Unmarshal(r.Body, &body); err != nil {
		t.Fatal(err)
	}
	if r.Path != "/v2/translate" || r.Header.Get("Authorization") != "DeepL-Auth-Key "+key || strings.Contains(r.Query, "SECRET") {
		t.Errorf("path %q query %q auth wrong", r.Path, r.Query)
	}
	for k, want := range map[string]any{"source_lang": "DE", "target_lang": "EN-GB", "context": "Der Absatz.", "formality": "prefer_less", "model_type": "quality_optimized"} {
		if body[k] != want {
			t.Errorf("%s = %v, want %v", k, body[k], want)
		}
	}
	if texts, _ := body["text"].([]any); len(texts) != 2 {
		t.Errorf("text %v", body["text"])
	}
	if _, ok := body["tag_handling"]; ok {
		t.Errorf("tag_handling sent without markup or terms: %v", body["tag_handling"])
	}
}

// TestEndpointFromKey: ":fx" keys go to DeepL API Free, others to Pro.
func TestEndpointFromKey(t *testing.T) {
	for _, tc := range []struct{ key, want string }{
		{"abc:fx", deepl.FreeURL + "/v2"}, {"abc", deepl.ProURL + "/v2"},
	} {
		st := deepl.Driver{}.Status(providers.Config{Getenv: func(k string) string {
			if k == deepl.EnvKey {
				return tc.key
			}
			return ""
		}})
		if st.Endpoint != tc.want || !st.CredentialsFound || st.CredentialSource != deepl.EnvKey || strings.Contains(st.Note+st.Endpoint, tc.key) {
			t.Errorf("key %q: %+v", tc.key, st)
		}
	}
	st := deepl.Driver{}.Status(providers.Config{Getenv: func(string) string { return "" }})
	if st.CredentialsFound || !strings.Contains(st.Note, deepl.EnvKey) {
		t.Errorf("no key: %+v", st)
	}
}

// TestQuotaExceededNotRetried: 456 is final at once, with a message about the quota; 429 and
// 503 are retried.
func TestQuotaExceededNotRetried(t *testing.T) {
	f := deepltest.New(t, providertest.Options{Faults: []providertest.Fault{deepltest.QuotaExceeded, deepltest.QuotaExceeded}, EchoKey: true})
	cfg := config(f.URL)
	cfg.Retry.MaxAttempts = 6
	_, err := open(t, cfg).Translate(context.Background(), &providers.Request{TargetLang: "en", Segments: []providers.Segment{{ID: "1", Text: "Hallo."}}})
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Status != 456 || !strings.Contains(err.Error(), "quota") {
		t.Fatalf("err %v", err)
	}
	if f.Count() != 1 {
		t.Errorf("%d requests: 456 must not be retried", f.Count())
	}
	if strings.Contains(err.Error(), "SECRET") {
		t.Errorf("key leaked: %v", err)
	}
	for _, fault := range []providertest.Fault{providertest.TooMany, providertest.Unavailable} {
		f := deepltest.New(t, providertest.Options{Faults: []providertest.Fault{fault}, RetryAfter: "0"})
		if _, err := open(t, config(f.URL)).Translate(context.Background(), &providers.Request{TargetLang: "en", Segments: []providers.Segment{{ID: "1", Text: "Hallo."}}}); err != nil || f.Count() != 2 {
			t.Errorf("%s: %v after %d requests", fault, err, f.Count())
		}
	}
}

// TestQuota: /v2/usage through providers.QuotaOf.
func TestQuota(t *testing.T) {
	f := deepltest.New(t, providertest.Options{})
	p := open(t, config(f.URL))
	if _, err := p.Translate(context.Background(), &providers.Request{TargetLang: "en", Segments: []providers.Segment{{ID: "1", Text: "Grüße"}}}); err != nil {
		t.Fatal(err)
	}
	q, ok, err := providers.QuotaOf(context.Background(), p)
	if !ok || err != nil || q.CharactersUsed != 5 || q.CharactersLimit != deepltest.CharacterLimit {
		t.Errorf("quota %+v ok %v err %v", q, ok, err)
	}
	if !strings.Contains(q.String(), "499995 left") {
		t.Errorf("%s", q)
	}
}

// TestGlossaries: create (exact forms, de → en without a variant), list, translate with it,
// delete.
func TestGlossaries(t *testing.T) {
	f := deepltest.New(t, providertest.Options{})
	p := open(t, config(f.URL))
	gm, ok := providers.Glossaries(p)
	if !ok {
		t.Fatal("no glossary manager")
	}
	ctx := context.Background()
	g, err := gm.CreateGlossary(ctx, "bitext", "de", "en-US", []providers.Term{
		{Source: "Außenministerium", Target: "State Department"}, {Source: "Außenministeriums", Target: "State Department's"},
		{Source: "NATO", DoNotTranslate: true}, {Source: "Außenministerium", Target: "dup ignored"},
	})
	if err != nil || g.ID == "" || g.Entries != 3 || g.TargetLang != "en" {
		t.Fatalf("create: %+v %v", g, err)
	}
	list, err := gm.ListGlossaries(ctx)
	if err != nil || len(list) != 1 || list[0].Name != "bitext" {
		t.Fatalf("list %+v %v", list, err)
	}
	cfg := config(f.URL)
	cfg.Options = map[string]string{deepl.OptGlossary: g.ID}
	gp := open(t, cfg)
	if !gp.Capabilities().NativeGlossary {
		t.Error("NativeGlossary false with a glossary")
	}
	resp, err := gp.Translate(ctx, &providers.Request{SourceLang: "de", TargetLang: "en", Segments: []providers.Segment{{ID: "1", Text: "Das Außenministerium sagte."}}})
	if err != nil || resp.Translations[0].Text != "EN(Das State Department sagte.)" {
		t.Errorf("with glossary: %+v %v", resp, err)
	}
	if err := gm.DeleteGlossary(ctx, g.ID); err != nil || len(f.Glossaries()) != 0 {
		t.Errorf("delete: %v, left %v", err, f.Glossaries())
	}
	if err := gm.DeleteGlossary(ctx, "../x"); err == nil {
		t.Error("a path in a glossary ID accepted")
	}
}

// TestNoFeedback: DeepL cannot use repair feedback; callers skip paid duplicate rounds.
func TestNoFeedback(t *testing.T) {
	f := deepltest.New(t, providertest.Options{})
	if providers.UsesFeedback(open(t, config(f.URL))) {
		t.Error("deepl says it uses feedback")
	}
}

// TestBatchesOf50: 120 segments through Open go out as 50 + 50 + 20 texts.
func TestBatchesOf50(t *testing.T) {
	f := deepltest.New(t, providertest.Options{})
	var segs []providers.Segment
	for i := range 120 {
		segs = append(segs, providers.Segment{ID: string(rune('a'+i%26)) + strings.Repeat("x", i/26), Text: "Die Gespräche sollen im Januar beginnen."})
	}
	resp, err := open(t, config(f.URL)).Translate(context.Background(), &providers.Request{TargetLang: "en", Segments: segs})
	if err != nil || len(resp.Translations) != 120 {
		t.Fatalf("%v", err)
	}
	var sizes []int
	for _, r := range f.Requests() {
		sizes = append(sizes, len(r.Info.Segments))
	}
	if len(sizes) != 3 || sizes[0] != 50 || sizes[1] != 50 || sizes[2] != 20 {
		t.Errorf("request sizes %v", sizes)
	}
}

func TestBadOptions(t *testing.T) {
	for _, opts := range []map[string]string{{deepl.OptFormality: "rude"}, {deepl.OptTarget: "EN-AU"}, {deepl.OptTagHandling: "json"}} {
		cfg := config("http://127.0.0.1:1")
		cfg.Options = opts
		if _, err := (deepl.Driver{}).Open(cfg); err == nil {
			t.Errorf("%v accepted", opts)
		}
	}
	if _, err := (deepl.Driver{}).Open(providers.Config{Getenv: func(string) string { return "" }}); err == nil || !strings.Contains(err.Error(), deepl.EnvKey) {
		t.Errorf("no key: %v", err)
	}
}

// TestTaggedSegments: a document's tagged segment goes with tag_handling=xml, its codes as
// elements listed in non_splitting_tags, a do-not-translate term in <keep>; the answer comes
// back as a tagged text. A fake that reorders words and elements (and re-serializes empty
// elements as <x2></x2>, quotes as entities) still gives every code once, properly nested.
func TestTaggedSegments(t *testing.T) {
	segs := []providers.Segment{
		{ID: "1", Text: "Die <g1>neue Brücke</g1> &amp; mehr<x2/>"},
		{ID: "2", Text: "Die NATO sagt \"ja\" <g1>heute <g2>laut</g2></g1>."},
		{ID: "3", Text: "Ohne Tags & <b>."},
	}
	terms := []providers.Term{{Source: "NATO", Target: "NATO", DoNotTranslate: true}}
	f := deepltest.New(t, providertest.Options{})
	resp, err := open(t, config(f.URL)).Translate(context.Background(), &providers.Request{SourceLang: "de", TargetLang: "en", Segments: segs, Terms: terms,
		Context: "Die <g1>neue Brücke</g1> &amp; mehr<x2/> Satz zwei."})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Requests()[0].Info.Context; got != "Die neue Brücke & mehr Satz zwei." {
		t.Errorf("context sent as %q, want the words only", got)
	}
	for i, want := range []string{"EN(Die <g1>neue Brücke</g1> &amp; mehr<x2/>)", `EN(Die NATO sagt "ja" <g1>heute <g2>laut</g2></g1>.)`, "EN(Ohne Tags & <b>.)"} {
		if got := resp.Translations[i].Text; got != want {
			t.Errorf("segment %d: %q, want %q", i+1, got, want)
		}
	}
	var body struct {
		Text             []string `json:"text"`
		TagHandling      string   `json:"tag_handling"`
		IgnoreTags       []string `json:"ignore_tags"`
		NonSplittingTags []string `json:"non_splitting_tags"`
	}
	if err := json.Unmarshal(f.Requests()[0].Body, &body); err != nil {
		t.Fatal(err)
	}
	if body.TagHandling != "xml" || strings.Join(body.IgnoreTags, ",") != "keep" || strings.Join(body.NonSplittingTags, ",") != "g1,g2,x2" {
		t.Errorf("tag_handling %q ignore_tags %v non_splitting_tags %v", body.TagHandling, body.IgnoreTags, body.NonSplittingTags)
	}
	if want := `Die <keep>NATO</keep> sagt "ja" <g1>heute <g2>laut</g2></g1>.`; body.Text[1] != want {
		t.Errorf("sent %q, want %q", body.Text[1], want)
	}
	if want := "Ohne Tags &amp; &lt;b&gt;."; body.Text[2] != want {
		t.Errorf("sent %q, want %q", body.Text[2], want)
	}

	f = deepltest.New(t, providertest.Options{Translate: deepltest.ReorderTags})
	resp, err = open(t, config(f.URL)).Translate(context.Background(), &providers.Request{SourceLang: "de", TargetLang: "en", Segments: segs, Terms: terms})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{`EN(<x2/> mehr &amp; <g1>neue Brücke</g1> Die)`, `EN(. <g1>heute <g2>laut</g2></g1> "ja" sagt NATO Die)`} {
		got := resp.Translations[i].Text
		if got != want {
			t.Errorf("reordered segment %d: %q, want %q", i+1, got, want)
		}
		if err := document.CheckTags(document.CodesOf(segs[i].Text), got); err != nil {
			t.Errorf("reordered segment %d: %q: %v", i+1, got, err)
		}
	}
	if got := resp.Translations[2].Text; got != "EN(<b>. & Tags Ohne)" {
		t.Errorf("untagged segment in an XML request: %q", got)
	}
}

// TestMaskedTermsKeepTheTarget: in glossary mode mask every term goes as do-not-translate.
// DeepL copies <keep> content into the translation unchanged, so a term whose target differs
// from its source must travel as its target ("State Department" for the inflected
// "US-Außenministeriums"); keeping the German words put them into the English text. Names
// written the same in both languages (NATO) keep their source. Plain and tagged segments alike.
func TestMaskedTermsKeepTheTarget(t *testing.T) {
	terms := []providers.Term{
		{Source: "US-Außenministeriums", Target: "State Department", DoNotTranslate: true},
		{Source: "Kreml", Target: "Kremlin", DoNotTranslate: true},
		{Source: "NATO", Target: "NATO", DoNotTranslate: true},
	}
	// What DeepL would do with the words outside <keep>; the terms themselves are not in it,
	// so only the driver can bring their renderings.
	dict := map[string]string{"Vertreter": "Representatives", "des": "of the", "besuchten": "visited", "den": "the", "und": "and", "die": "the"}
	for _, tc := range []struct {
		name, text, sent, want string
	}{
		{"plain", "Vertreter des US-Außenministeriums besuchten den Kreml und die NATO.",
			"Vertreter des <keep>State Department</keep> besuchten den <keep>Kremlin</keep> und die <keep>NATO</keep>.",
			"EN(Representatives of the State Department visited the Kremlin and the NATO.)"},
		{"tagged", "Vertreter des <g1>US-Außenministeriums</g1> besuchten den Kreml<x2/>",
			"Vertreter des <g1><keep>State Department</keep></g1> besuchten den <keep>Kremlin</keep><x2/>",
			"EN(Representatives of the <g1>State Department</g1> visited the Kremlin<x2/>)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := deepltest.New(t, providertest.Options{Translate: deepltest.Words(dict)})
			resp, err := open(t, config(f.URL)).Translate(context.Background(), &providers.Request{SourceLang: "de", TargetLang: "en",
				Segments: []providers.Segment{{ID: "1", Text: tc.text}}, Terms: terms})
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Requests()[0].Info.Segments[0].Text; got != tc.sent {
				t.Errorf("sent %q, want %q", got, tc.sent)
			}
			if got := resp.Translations[0].Text; got != tc.want {
				t.Errorf("answer %q, want %q", got, tc.want)
			}
		})
	}
}

// TestTaggedHTMLMode: with tag_handling html configured, standalone codes go as <x2></x2> and
// come back as <x2/>; no non_splitting_tags (an XML parameter).
func TestTaggedHTMLMode(t *testing.T) {
	f := deepltest.New(t, providertest.Options{})
	cfg := config(f.URL)
	cfg.Options = map[string]string{deepl.OptTagHandling: "html"}
	resp, err := open(t, cfg).Translate(context.Background(), &providers.Request{TargetLang: "en", Segments: []providers.Segment{{ID: "1", Text: "Zeile<x1/>zwei <g2>fett</g2>"}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := resp.Translations[0].Text; got != "EN(Zeile<x1/>zwei <g2>fett</g2>)" {
		t.Errorf("got %q", got)
	}
	r := f.Requests()[0]
	if r.Info.Format != "html" || r.Info.Segments[0].Text != "Zeile<x1></x1>zwei <g2>fett</g2>" || strings.Contains(string(r.Body), "non_splitting") {
		t.Errorf("sent %s %q %s", r.Info.Format, r.Info.Segments[0].Text, r.Body)
	}
}

// TestMalformedXMLRefused: the fake refuses what DeepL's strict XML parsing refuses, so an
// encoder bug shows up as a 400 in tests, not as silently mangled markup.
func TestMalformedXMLRefused(t *testing.T) {
	f := deepltest.New(t, providertest.Options{})
	cfg := config(f.URL)
	cfg.Options = map[string]string{deepl.OptTagHandling: "xml"}
	_, err := open(t, cfg).Translate(context.Background(), &providers.Request{TargetLang: "en", Segments: []providers.Segment{{ID: "1", Text: "<b>offen"}}})
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Status != 400 || !strings.Contains(err.Error(), "Tag handling parsing failed") {
		t.Errorf("err %v", err)
	}
}
