// Package deepltest is a fake DeepL API server for tests, built on providertest.NewServer the
// way any new driver's fake can be: /v2/translate (JSON or form bodies), /v2/usage and the
// glossary API, with providertest's fault injection, latency, rate limits and recording.
package deepltest

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/bitext/bitext/providers/providertest"
)

// QuotaExceeded is DeepL's 456: the account's character quota is used up.
const QuotaExceeded providertest.Fault = "456"

// CharacterLimit is the quota /v2/usage reports.
const CharacterLimit = 500000

// Glossary is one glossary the fake holds.
type Glossary struct {
	ID, Name, SourceLang, TargetLang string
	Entries                          map[string]string
}

// Fake is a running DeepL fake.
type Fake struct {
	*providertest.Server

	mu         sync.Mutex
	chars      int
	glossaries map[string]*Glossary
	nextID     int
}

// New starts a fake DeepL server; its URL stands for https://api(-free).deepl.com.
func New(t testing.TB, opt providertest.Options) *Fake {
	f := &Fake{glossaries: map[string]*Glossary{}}
	f.Server = providertest.NewServer(t, opt, f.serve)
	return f
}

// NewServer is New returning the embedded server, for providertest.Conformance.NewServer.
func NewServer(t testing.TB, opt providertest.Options) *providertest.Server {
	return New(t, opt).Server
}

// Glossaries returns the glossaries the fake holds, by ID.
func (f *Fake) Glossaries() map[string]Glossary {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]Glossary{}
	for id, g := range f.glossaries {
		out[id] = *g
	}
	return out
}

// CharactersBilled is what /v2/usage reports as used.
func (f *Fake) CharactersBilled() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.chars
}

func deeplError(w http.ResponseWriter, status int, _, _, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"message": msg})
}

// faults are DeepL's wordings of the injected faults.
var faults = providertest.WireFaults{
	Write: deeplError,
	Replies: map[providertest.Fault]providertest.FaultReply{
		providertest.TooMany:      {Status: 429, Message: "Too many requests, DeepL servers are currently experiencing high load"},
		providertest.ServerError:  {Status: 500, Message: "Internal server error"},
		providertest.Unavailable:  {Status: 503, Message: "Service unavailable"},
		providertest.Unauthorized: {Status: 401, Message: "Unauthorized"},
		providertest.Forbidden:    {Status: 403, Message: "Authorization failure, check auth_key"},
		QuotaExceeded:             {Status: 456, Message: "Quota exceeded. The character limit has been reached"},
	},
	ContentType: "application/json",
	Malformed:   `{"translations":[{"detected_source_language":"DE","text":"EN(`,
}

var keepRE = regexp.MustCompile(`(?s)<keep>(.*?)</keep>`)

// params are /v2/translate's parameters from a JSON or form body.
type params struct {
	Text        []string `json:"text"`
	SourceLang  string   `json:"source_lang"`
	TargetLang  string   `json:"target_lang"`
	Context     string   `json:"context"`
	TagHandling string   `json:"tag_handling"`
	IgnoreTags  []string `json:"ignore_tags"`
	// NonSplittingTags are recorded (Request.Body) but change nothing here: the fake never
	// splits a text into sentences.
	NonSplittingTags []string `json:"non_splitting_tags"`
	GlossaryID       string   `json:"glossary_id"`
	Formality        string   `json:"formality"`
	ModelType        string   `json:"model_type"`
}

func parseParams(r *http.Request, body []byte) (params, error) {
	var p params
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		err := json.Unmarshal(body, &p)
		return p, err
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return p, err
	}
	p.Text, p.SourceLang, p.TargetLang, p.Context = form["text"], form.Get("source_lang"), form.Get("target_lang"), form.Get("context")
	p.TagHandling, p.IgnoreTags, p.GlossaryID = form.Get("tag_handling"), form["ignore_tags"], form.Get("glossary_id")
	p.NonSplittingTags = splitList(form["non_splitting_tags"])
	p.Formality, p.ModelType = form.Get("formality"), form.Get("model_type")
	return p, nil
}

func (f *Fake) serve(s *providertest.Server, w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	info := providertest.RequestInfo{API: "deepl", APIKey: providertest.KeyFrom(r)}
	var p params
	var parseErr error
	// Under any prefix, as the other fakes' paths are: a redirect within the server (the
	// Redirect fault) lands on /moved/v2/translate.
	isTranslate := strings.HasSuffix(r.URL.Path, "/v2/translate") && r.Method == http.MethodPost
	if isTranslate {
		p, parseErr = parseParams(r, body)
		info.SourceLang, info.TargetLang = strings.ToLower(p.SourceLang), strings.ToLower(p.TargetLang)
		if i := strings.IndexByte(info.TargetLang, '-'); i > 0 {
			info.TargetLang = info.TargetLang[:i] // DefaultTranslation renders EN(…) for EN-US
		}
		info.Format, info.Context, info.Glossary, info.Model = p.TagHandling, p.Context, p.GlossaryID, p.ModelType
		for i, t := range p.Text {
			info.Segments = append(info.Segments, providertest.Segment{ID: strconv.Itoa(i), Text: t})
			for _, m := range keepRE.FindAllStringSubmatch(t, -1) {
				info.Terms = append(info.Terms, providertest.Term{Source: m[1], Target: m[1], DoNotTranslate: true})
			}
		}
	}
	i, fault := s.Admit(r, body, &info)
	status := f.answer(s, w, r, body, &info, p, fault, parseErr, isTranslate)
	s.SetStatus(i, status)
}

func (f *Fake) answer(s *providertest.Server, w http.ResponseWriter, r *http.Request, body []byte, info *providertest.RequestInfo, p params, fault providertest.Fault, parseErr error, isTranslate bool) int {
	if !s.Wait(r.Context(), fault) {
		return 0
	}
	opt := s.Options()
	echo := ""
	if opt.EchoKey {
		key := info.APIKey
		if opt.EchoKeyAs != nil {
			key = opt.EchoKeyAs(key)
		}
		echo = " (auth_key " + key + ")"
	}
	if !strings.HasPrefix(r.Header.Get("Authorization"), "DeepL-Auth-Key ") {
		deeplError(w, 403, "", "", "Authorization failure: use the header Authorization: DeepL-Auth-Key")
		return 403
	}
	if opt.APIKey != "" && info.APIKey != opt.APIKey {
		deeplError(w, 403, "", "", "Authorization failure, check auth_key"+echo)
		return 403
	}
	if status, done := s.AnswerFault(w, r, fault, echo, faults); done {
		return status
	}
	switch {
	case r.URL.Path == "/v2/usage" && r.Method == http.MethodGet:
		return writeJSON(w, map[string]int{"character_count": f.CharactersBilled(), "character_limit": CharacterLimit})
	case r.URL.Path == "/v2/glossaries":
		return f.glossaryCollection(w, r, body)
	case strings.HasPrefix(r.URL.Path, "/v2/glossaries/"):
		return f.glossaryItem(w, r, strings.TrimPrefix(r.URL.Path, "/v2/glossaries/"))
	case !isTranslate:
		deeplError(w, 404, "", "", "providertest: no such method "+r.Method+" "+r.URL.Path)
		return 404
	}
	if parseErr != nil || len(p.Text) == 0 || p.TargetLang == "" {
		deeplError(w, 400, "", "", fmt.Sprintf("Bad request. Reason: missing or malformed text or target_lang (%v)", parseErr))
		return 400
	}
	if len(p.Text) > 50 {
		deeplError(w, 413, "", "", "Request Entity Too Large: at most 50 texts")
		return 413
	}
	switch strings.ToUpper(p.TargetLang) {
	case "EN":
		deeplError(w, 400, "", "", "Value for 'target_lang' not supported: 'EN' is deprecated, use 'EN-GB' or 'EN-US' instead")
		return 400
	}
	if p.TagHandling == "xml" {
		// DeepL's tag handling v2 parses XML strictly and refuses what is not well-formed.
		for i, t := range p.Text {
			if err := WellFormed(t); err != nil {
				deeplError(w, 400, "", "", fmt.Sprintf("Tag handling parsing failed, please check input (text %d: %v)", i, err))
				return 400
			}
		}
	}
	var gl *Glossary
	if p.GlossaryID != "" {
		f.mu.Lock()
		gl = f.glossaries[p.GlossaryID]
		f.mu.Unlock()
		if gl == nil {
			deeplError(w, 404, "", "", "Glossary not found")
			return 404
		}
	}
	type item struct {
		Detected string `json:"detected_source_language"`
		Text     string `json:"text"`
	}
	items := make([]item, 0, len(info.Segments)+1)
	// DeepL bills the texts only: the context is free however long it is.
	chars := 0
	for _, sg := range info.Segments {
		chars += len([]rune(sg.Text))
		text := sg.Text
		if gl != nil {
			for src, tgt := range gl.Entries {
				text = strings.ReplaceAll(text, src, tgt)
			}
		}
		items = append(items, item{Detected: "DE", Text: s.Translate(providertest.Segment{ID: sg.ID, Text: text}, *info)})
	}
	f.mu.Lock()
	f.chars += chars
	f.mu.Unlock()
	switch fault {
	case providertest.MissingID:
		if len(items) > 0 {
			items = items[:len(items)-1]
		}
	case providertest.ExtraID:
		items = append(items, item{Detected: "DE", Text: "An answer nobody asked for."})
	case providertest.EmptyText:
		for i := range items {
			if info.Segments[i].Text != "" {
				items[i].Text = ""
				break
			}
		}
	}
	if fault == providertest.WrongTypes {
		wrong := make([]map[string]any, len(items))
		for i, it := range items {
			wrong[i] = map[string]any{"detected_source_language": it.Detected, "text": i + 1}
		}
		return writeJSON(w, map[string]any{"translations": wrong})
	}
	return writeJSON(w, map[string]any{"translations": items})
}

func writeJSON(w http.ResponseWriter, v any) int {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
	return 200
}

func (f *Fake) glossaryCollection(w http.ResponseWriter, r *http.Request, body []byte) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch r.Method {
	case http.MethodGet:
		ids := make([]string, 0, len(f.glossaries))
		for id := range f.glossaries {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		list := []any{}
		for _, id := range ids {
			list = append(list, glossaryJSON(f.glossaries[id]))
		}
		return writeJSON(w, map[string]any{"glossaries": list})
	case http.MethodPost:
		var in struct {
			Name, SourceLang, TargetLang, Entries, EntriesFormat string
		}
		var raw map[string]string
		if err := json.Unmarshal(body, &raw); err != nil {
			deeplError(w, 400, "", "", "Bad request: body is not JSON")
			return 400
		}
		in.Name, in.SourceLang, in.TargetLang, in.Entries, in.EntriesFormat = raw["name"], raw["source_lang"], raw["target_lang"], raw["entries"], raw["entries_format"]
		if in.Name == "" || in.EntriesFormat != "tsv" || in.SourceLang == "" || in.TargetLang == "" || strings.Contains(in.TargetLang, "-") {
			deeplError(w, 400, "", "", "Bad request: name, source_lang, target_lang (a language, not a variant) and entries_format tsv are required")
			return 400
		}
		g := &Glossary{Name: in.Name, SourceLang: in.SourceLang, TargetLang: in.TargetLang, Entries: map[string]string{}}
		for n, line := range strings.Split(strings.TrimRight(in.Entries, "\n"), "\n") {
			src, tgt, ok := strings.Cut(line, "\t")
			if !ok || src == "" || tgt == "" {
				deeplError(w, 400, "", "", fmt.Sprintf("Invalid glossary entries: line %d", n+1))
				return 400
			}
			if _, dup := g.Entries[src]; dup {
				deeplError(w, 400, "", "", fmt.Sprintf("Invalid glossary entries: duplicate source %d", n+1))
				return 400
			}
			g.Entries[src] = tgt
		}
		f.nextID++
		g.ID = fmt.Sprintf("def3a26b-3e84-45b3-84ae-%012d", f.nextID)
		f.glossaries[g.ID] = g
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		json.NewEncoder(w).Encode(glossaryJSON(g))
		return http.StatusCreated
	}
	deeplError(w, 405, "", "", "Method not allowed")
	return 405
}

func (f *Fake) glossaryItem(w http.ResponseWriter, r *http.Request, id string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	g, ok := f.glossaries[id]
	if !ok {
		deeplError(w, 404, "", "", "Glossary not found")
		return 404
	}
	switch r.Method {
	case http.MethodGet:
		return writeJSON(w, glossaryJSON(g))
	case http.MethodDelete:
		delete(f.glossaries, id)
		w.WriteHeader(http.StatusNoContent)
		return http.StatusNoContent
	}
	deeplError(w, 405, "", "", "Method not allowed")
	return 405
}

func glossaryJSON(g *Glossary) map[string]any {
	return map[string]any{"glossary_id": g.ID, "name": g.Name, "ready": true, "source_lang": g.SourceLang,
		"target_lang": g.TargetLang, "creation_time": "2026-01-01T00:00:00Z", "entry_count": len(g.Entries)}
}

// splitList reads a form list parameter given repeatedly or comma-separated (DeepL accepts both).
func splitList(vs []string) []string {
	var out []string
	for _, v := range vs {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// WellFormed reports whether text is well-formed XML content (elements properly nested, entities
// known), as DeepL requires with tag_handling=xml.
func WellFormed(text string) error {
	d := xml.NewDecoder(strings.NewReader("<deepl-text>" + text + "</deepl-text>"))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// Words is an Options.Translate that translates the way DeepL treats ignore_tags: every word
// in dict is replaced by its translation, except inside <keep>…</keep> (the driver's ignored
// tag), whose content comes back exactly as sent, inside "EN(…)". The default translation
// leaves every word as it is, so it cannot tell kept words from translated ones; with Words a
// German word the driver kept shows in the English answer, as it does with DeepL.
func Words(dict map[string]string) func(providertest.Segment, providertest.RequestInfo) string {
	word := regexp.MustCompile(`[\p{L}\p{N}-]+`)
	tr := func(s string) string {
		return word.ReplaceAllStringFunc(s, func(w string) string {
			if t, ok := dict[w]; ok {
				return t
			}
			return w
		})
	}
	return func(seg providertest.Segment, req providertest.RequestInfo) string {
		var b strings.Builder
		pos := 0
		for _, m := range keepRE.FindAllStringIndex(seg.Text, -1) {
			b.WriteString(tr(seg.Text[pos:m[0]]))
			b.WriteString(seg.Text[m[0]:m[1]])
			pos = m[1]
		}
		b.WriteString(tr(seg.Text[pos:]))
		return strings.ToUpper(req.TargetLang) + "(" + b.String() + ")"
	}
}

// ContextText is a text as DeepL sees it with the context parameter of its request.
type ContextText struct {
	Context string // "" for a request without one
	Text    string
}

// InContext is an Options.Translate that translates the way DeepL uses the context parameter
// to choose between the meanings of a short text: a text is answered dict[{context, text}]
// when dict has the request's context for it, and providertest.DefaultTranslation otherwise.
// A driver that drops a segment's context, or sends it with another's, gets another meaning
// or "EN(…)" back.
func InContext(dict map[ContextText]string) func(providertest.Segment, providertest.RequestInfo) string {
	return func(seg providertest.Segment, req providertest.RequestInfo) string {
		if t, ok := dict[ContextText{Context: req.Context, Text: seg.Text}]; ok {
			return t
		}
		return providertest.DefaultTranslation(seg, req)
	}
}

// ReorderTags is an Options.Translate that answers XML texts (tag_handling=xml) the way a
// translation with another word order does: the words and elements at the top level come back
// in reverse order, each element with everything it encloses, re-serialized by an XML encoder
// (so empty elements come back as <x2></x2> and quotes as &#34; and &#39;), inside "EN(…)".
// Every tag survives, properly nested, around the words it enclosed. Other texts get
// providertest.DefaultTranslation.
func ReorderTags(seg providertest.Segment, req providertest.RequestInfo) string {
	if req.Format != "xml" || seg.Text == "" {
		return providertest.DefaultTranslation(seg, req)
	}
	d := xml.NewDecoder(strings.NewReader("<deepl-text>" + seg.Text + "</deepl-text>"))
	var items [][]xml.Token // top-level words and whole elements
	var cur []xml.Token
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		tok = xml.CopyToken(tok)
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 1 {
				continue // the wrapper
			}
			cur = append(cur, t)
		case xml.EndElement:
			depth--
			if depth == 0 {
				continue
			}
			cur = append(cur, t)
			if depth == 1 {
				items, cur = append(items, cur), nil
			}
		case xml.CharData:
			if depth > 1 {
				cur = append(cur, t)
				continue
			}
			for _, w := range strings.Fields(string(t)) {
				items = append(items, []xml.Token{xml.CharData(w)})
			}
		}
	}
	var b strings.Builder
	e := xml.NewEncoder(&b)
	for i := len(items) - 1; i >= 0; i-- {
		for _, tok := range items[i] {
			e.EncodeToken(tok)
		}
		if i > 0 {
			e.EncodeToken(xml.CharData(" "))
		}
	}
	e.Flush()
	lang := req.TargetLang
	if lang == "" {
		lang = "en"
	}
	return strings.ToUpper(lang) + "(" + b.String() + ")"
}
