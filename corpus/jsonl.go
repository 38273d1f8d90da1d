package corpus

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bitext/bitext/document"
)

type jsonlWriter struct {
	bw      *bufio.Writer
	enc     *json.Encoder
	w       warner
	entries bool // WriterOptions.Entries
}

func newJSONLWriter(w io.Writer, warn func(Warning)) *jsonlWriter {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false) // keep "<", ">" and "&" readable; JSON does not need them escaped
	return &jsonlWriter{bw: bw, enc: enc, w: warner{format: JSONL, warn: warn}}
}

// Write encodes p on one line (Encode adds the newline). JSON carries every character (control
// characters, U+2028 and U+2029 are escaped); only invalid UTF-8 is replaced, with a warning,
// where encoding/json would replace it silently.
func (w *jsonlWriter) Write(p Pair) error {
	w.w.next(&p)
	p.Doc = w.w.fixUTF8("doc", p.Doc)
	p.Source = w.w.fixUTF8("source", p.Source)
	p.Target = w.w.fixUTF8("target", p.Target)
	p.Provider = w.w.fixUTF8("provider", p.Provider)
	p.Model = w.w.fixUTF8("model", p.Model)
	p.ID = w.w.fixUTF8("id", p.ID)
	p.Note = w.w.fixUTF8("note", p.Note)
	p.PromptVersion = w.w.fixUTF8("prompt_version", p.PromptVersion)
	p.Reviewer = w.w.fixUTF8("reviewer", p.Reviewer)
	if len(p.Terms) > 0 {
		terms := make([]string, len(p.Terms)) // the caller's slice stays as it was
		for i, t := range p.Terms {
			terms[i] = w.w.fixUTF8("terms", t)
		}
		p.Terms = terms
	}
	// The tagged texts only when they hold codes: a pair without markup stays as it was.
	if !usesTags(p.SourceTagged) && !usesTags(p.TargetTagged) {
		p.SourceTagged, p.TargetTagged = "", ""
	}
	p.SourceTagged = w.w.fixUTF8("source_tagged", p.SourceTagged)
	p.TargetTagged = w.w.fixUTF8("target_tagged", p.TargetTagged)
	if len(p.Violations) > 0 {
		vs := make([]Violation, len(p.Violations))
		for i, v := range p.Violations {
			vs[i] = Violation{
				Kind: w.w.fixUTF8("violation", v.Kind), SourceTerm: w.w.fixUTF8("violation", v.SourceTerm),
				Expected: w.w.fixUTF8("violation", v.Expected), Found: w.w.fixUTF8("violation", v.Found),
			}
		}
		p.Violations = vs
	}
	var codes, targetCodes []jsonlCode
	if p.SourceTagged != "" || p.TargetTagged != "" {
		codes = w.codes("codes", p.Codes)
	}
	if p.TargetTagged != "" {
		targetCodes = w.codes("target_codes", p.TargetCodes)
	}
	if w.entries {
		return w.enc.Encode(jsonlEntry{Source: p.Source, Target: p.Target, Provider: p.Provider, Model: p.Model,
			Terms: p.Terms, PromptVersion: p.PromptVersion, Reviewer: p.Reviewer, Reviewed: p.Reviewed,
			Confidence: p.Confidence, Violations: p.Violations, ID: p.ID, Note: p.Note, SourceTagged: p.SourceTagged, TargetTagged: p.TargetTagged,
			Codes: codes, TargetCodes: targetCodes})
	}
	return w.enc.Encode(jsonlOut{Pair: p, Codes: codes, TargetCodes: targetCodes})
}

// codes is a list of codes as JSONL writes them (field names them in warnings).
func (w *jsonlWriter) codes(field string, cs []document.Code) []jsonlCode {
	var out []jsonlCode
	for _, c := range cs {
		out = append(out, jsonlCode{ID: c.ID, Kind: codeKindName(c.Kind), Name: w.w.fixUTF8(field, c.Name),
			Open: w.w.fixUTF8(field, c.Open), Close: w.w.fixUTF8(field, c.Close)})
	}
	return out
}

// jsonlOut is a pair as JSONL writes it: its fields, then its codes' native markup, and the
// target's own markup of the codes it shares with the source (Pair.TargetCodes).
type jsonlOut struct {
	Pair
	Codes       []jsonlCode `json:"codes,omitempty"`
	TargetCodes []jsonlCode `json:"target_codes,omitempty"`
}

// jsonlCode is one of a pair's codes (corpus.Pair.Codes) in JSONL: the number of its <gN> or
// <xN/> in the tagged texts, "paired" or "standalone", and the markup it stands for, as a TMX
// or XLIFF file had it — so that a memory exported as JSONL and imported again writes the
// codes back as the CAT tool's file had them, as a TMX export does.
type jsonlCode struct {
	ID    int    `json:"id"`
	Kind  string `json:"kind"`
	Name  string `json:"name,omitempty"`
	Open  string `json:"open,omitempty"`
	Close string `json:"close,omitempty"`
}

func codeKindName(k document.CodeKind) string {
	if k == document.Standalone {
		return "standalone"
	}
	return "paired"
}

// readCodes turns JSONL codes back into document codes, checked against the tagged texts they
// describe: a kind other than paired or standalone, a number below 1 or given twice, codes
// without tagged texts, or a code the texts do not hold as that kind (a hand-edited "id": 99,
// a standalone "<br/>" for a paired <g1>) is an error naming the code.
// field is the list's name in messages: "codes", or "target_codes" (the target's own markup,
// checked against target_tagged alone).
func readCodes(field string, cs []jsonlCode, srcTagged, tgtTagged string) ([]document.Code, error) {
	if len(cs) == 0 {
		return nil, nil
	}
	if srcTagged == "" && tgtTagged == "" {
		if field == "codes" {
			return nil, fmt.Errorf("codes without source_tagged or target_tagged: nothing they describe")
		}
		return nil, fmt.Errorf("%s without target_tagged: nothing they describe", field)
	}
	inText := map[int]document.CodeKind{}
	for _, c := range append(document.CodesOf(srcTagged), document.CodesOf(tgtTagged)...) {
		inText[c.ID] = c.Kind
	}
	if len(cs) > len(inText) {
		return nil, fmt.Errorf("%d %s for the %d the tagged texts hold", len(cs), field, len(inText))
	}
	var out []document.Code
	seen := map[int]bool{}
	for i, c := range cs {
		var kind document.CodeKind
		switch c.Kind {
		case "paired":
			kind = document.Paired
		case "standalone":
			kind = document.Standalone
		default:
			return nil, fmt.Errorf("%s[%d]: kind %q: want paired or standalone", field, i, clip(c.Kind, 20))
		}
		if c.ID < 1 {
			return nil, fmt.Errorf("%s[%d]: id %d: want 1 or more", field, i, c.ID)
		}
		if seen[c.ID] {
			return nil, fmt.Errorf("%s[%d]: id %d given twice", field, i, c.ID)
		}
		seen[c.ID] = true
		switch k, ok := inText[c.ID]; {
		case !ok:
			return nil, fmt.Errorf("%s[%d]: id %d is no code of the tagged texts", field, i, c.ID)
		case k != kind:
			return nil, fmt.Errorf("%s[%d]: id %d is %s in the tagged texts, not %s", field, i, c.ID, codeKindName(k), c.Kind)
		}
		out = append(out, document.Code{ID: c.ID, Kind: kind, Name: c.Name, Open: c.Open, Close: c.Close})
	}
	return out, nil
}

// jsonlEntry is Pair without its place in a document, for a memory's entries
// (WriterOptions.Entries).
type jsonlEntry struct {
	Source        string      `json:"source"`
	Target        string      `json:"target"`
	Provider      string      `json:"provider"`
	Model         string      `json:"model"`
	Terms         []string    `json:"terms,omitempty"`
	PromptVersion string      `json:"prompt_version,omitempty"`
	Reviewer      string      `json:"reviewer,omitempty"`
	Reviewed      time.Time   `json:"reviewed_at,omitzero"`
	Confidence    float64     `json:"confidence,omitempty"`
	Violations    []Violation `json:"violations,omitempty"`
	ID            string      `json:"id,omitempty"`
	Note          string      `json:"note,omitempty"`
	SourceTagged  string      `json:"source_tagged,omitempty"`
	TargetTagged  string      `json:"target_tagged,omitempty"`
	Codes         []jsonlCode `json:"codes,omitempty"`
	TargetCodes   []jsonlCode `json:"target_codes,omitempty"`
}

func (w *jsonlWriter) Close() error { return w.bw.Flush() }

// jsonlPair is Pair with pointers where a missing field must be told apart from an empty one.
type jsonlPair struct {
	Doc        string      `json:"doc"`
	Paragraph  int         `json:"paragraph"`
	Sentence   int         `json:"sentence"`
	Source     *string     `json:"source"`
	Target     *string     `json:"target"`
	Provider   string      `json:"provider"`
	Model      string      `json:"model"`
	TMHit      bool        `json:"tm_hit"`
	Confidence float64     `json:"confidence"`
	Violations []Violation `json:"violations"`

	Terms         []string `json:"terms"`
	PromptVersion string   `json:"prompt_version"`
	Reviewer      string   `json:"reviewer"`
	Reviewed      string   `json:"reviewed_at"` // RFC 3339, or a date alone

	ID           string      `json:"id"`
	Note         string      `json:"note"`
	SourceTagged string      `json:"source_tagged"`
	TargetTagged string      `json:"target_tagged"`
	Codes        []jsonlCode `json:"codes"`
	TargetCodes  []jsonlCode `json:"target_codes"`
}

// parseReviewed reads a reviewed_at: an RFC 3339 time (what bitext writes), or a date alone
// (midnight UTC), which other tools write.
func parseReviewed(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	return time.Parse(time.DateOnly, s)
}

type jsonlReader struct{ lr *lineReader }

func newJSONLReader(r io.Reader, name string) *jsonlReader {
	return &jsonlReader{lr: newTextLineReader(r, name)}
}

// Name is the file name the reader was given, for messages about its pairs.
func (r *jsonlReader) Name() string { return r.lr.name }

// Next decodes the next non-blank line. Unknown fields are ignored (newer writers may add some);
// "source" and "target" are required.
func (r *jsonlReader) Next() (Pair, error) {
	for {
		line, err := r.lr.next()
		if err == io.EOF && r.lr.empty() {
			return Pair{}, emptyError(r.lr.name)
		}
		if err != nil {
			return Pair{}, err
		}
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			continue
		}
		if trimmed[0] != '{' {
			return Pair{}, r.lr.errorf(0, "want a JSON object per line")
		}
		var jp jsonlPair
		if err := json.Unmarshal([]byte(line), &jp); err != nil {
			return Pair{}, r.decodeError(err)
		}
		switch {
		case jp.Source == nil:
			return Pair{}, r.lr.errorf(0, `missing field "source"`)
		case jp.Target == nil:
			return Pair{}, r.lr.errorf(0, `missing field "target"`)
		case jp.Confidence < 0 || jp.Confidence > 1:
			return Pair{}, r.lr.errorf(0, fmt.Sprintf("confidence %g outside [0,1]", jp.Confidence))
		}
		var reviewed time.Time
		if jp.Reviewed != "" {
			var err error
			if reviewed, err = parseReviewed(jp.Reviewed); err != nil {
				return Pair{}, r.lr.errorf(0, fmt.Sprintf("reviewed_at %q: want a time such as 2026-11-30T14:15:00Z or a date such as 2026-11-30", clip(jp.Reviewed, 40)))
			}
		}
		// An empty list is no list: written back it is left out ("violations":[] read, then
		// written and read again, was another pair).
		if len(jp.Violations) == 0 {
			jp.Violations = nil
		}
		if len(jp.Terms) == 0 {
			jp.Terms = nil
		}
		codes, err := readCodes("codes", jp.Codes, jp.SourceTagged, jp.TargetTagged)
		if err != nil {
			return Pair{}, r.lr.errorf(0, err.Error())
		}
		targetCodes, err := readCodes("target_codes", jp.TargetCodes, "", jp.TargetTagged)
		if err != nil {
			return Pair{}, r.lr.errorf(0, err.Error())
		}
		return Pair{
			Doc: jp.Doc, Paragraph: jp.Paragraph, Sentence: jp.Sentence,
			Source: *jp.Source, Target: *jp.Target,
			Provider: jp.Provider, Model: jp.Model, TMHit: jp.TMHit, Terms: jp.Terms, PromptVersion: jp.PromptVersion,
			Reviewer: jp.Reviewer, Reviewed: reviewed,
			Confidence: jp.Confidence, Violations: jp.Violations,
			ID: jp.ID, Note: jp.Note, SourceTagged: jp.SourceTagged, TargetTagged: jp.TargetTagged, Codes: codes,
			TargetCodes: targetCodes, Line: r.lr.line,
		}, nil
	}
}

func (r *jsonlReader) decodeError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return r.lr.errorf(int(syn.Offset), "invalid JSON: "+syn.Error())
	case errors.As(err, &typ):
		want := typ.Type.String()
		if strings.HasPrefix(typ.Field, "codes") || strings.HasPrefix(typ.Field, "target_codes") {
			want = `a list of codes ({"id":1,"kind":"paired","open":"<b>","close":"</b>"})` // not Go's type name
		}
		return r.lr.errorf(int(typ.Offset), fmt.Sprintf("field %q: want %s, got JSON %s", typ.Field, want, typ.Value))
	}
	return r.lr.errorf(0, "invalid JSON: "+err.Error())
}
