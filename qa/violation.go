// Package qa holds bitext's one model of what is wrong with a translated segment: a Violation
// is a glossary term not rendered as required, a QA flag (numbers, untranslated, length, empty,
// repeated output) or a doubtful alignment, always with where it is (document, segment, byte
// offsets in the source and the target). check, report, translate and review all speak it, so a
// finding looks the same in a terminal, a JSON file, an HTML page and a repair prompt.
//
// The package also holds the check report model (segments grouped with their violations and the
// glossary summary) and its renderers: text and JSON for people and programs, a self-contained
// HTML page (html/template, a Content-Security-Policy that allows only its own inline style and
// script, no external assets) that groups violations per segment, highlights the source term and
// the wrong rendering, and sorts and filters in the browser.
//
// Control characters never reach a reader raw. A finding of the text report is one line, so
// every field of it (location, term, expected and found renderings, message, segment) goes
// through Visible: tab, line feed and the other C0 controls, DEL, the C1 controls, U+2028 and
// U+2029, the bidi marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
// U+202A–U+202E, U+2066–U+2069), the byte order mark and U+FFFE/U+FFFF are written as Go
// escapes them in a quoted string (\t, \n, \r, \a, \x1b, \u0085, \u202e), an invalid UTF-8
// byte as \xff, and a backslash is doubled, so that an escape always names a character of
// the text. The HTML page shows the same escapes as markers,
// <span class="ctl" title="U+001B control character">\x1b</span>, in element content and the
// text form in attribute values. JSON needs nothing: encoding/json escapes control characters.
package qa

import (
	"fmt"
	"strings"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/glossary"
)

// Kinds of violations. The first three are glossary violations (the same strings as the
// glossary package's), the next five the reference-free QA checks (the same strings as the
// report package's flags), then a doubtful sentence alignment and an answer the provider
// itself doubted.
const (
	Missing      = glossary.Missing      // no accepted rendering of a term found in the source
	Forbidden    = glossary.Forbidden    // a forbidden rendering is used
	Inconsistent = glossary.Inconsistent // the term is rendered differently elsewhere in the document

	Empty        = "empty"        // no output for a non-empty source
	Repeated     = "repeated"     // same output as another segment, or a stuttering loop
	Untranslated = "untranslated" // output equals the source, or reads as German
	Number       = "number"       // numbers, dates or times that did not survive
	Length       = "length"       // length ratio far from the rest of the document

	Alignment = "alignment" // the aligner is not sure source and target belong together

	// Suspect is an answer translate still doubted after asking the provider again (empty,
	// the source unchanged, a wrong length, shifted, broken tags); Message is the reason. It
	// is reported and never stored in the translation memory.
	Suspect = "suspect"
)

// Kinds lists every kind in the order reports show them.
var Kinds = []string{Missing, Forbidden, Inconsistent, Number, Untranslated, Empty, Repeated, Length, Alignment, Suspect}

// IsGlossary reports whether kind is a glossary violation.
func IsGlossary(kind string) bool {
	return kind == Missing || kind == Forbidden || kind == Inconsistent
}

// Location says where a violation is. Offsets are bytes into the segment's source and target;
// -1 when the violation has no span on that side (a missing rendering has none in the target).
type Location struct {
	Document string `json:"document,omitempty"`
	Segment  int    `json:"segment"`  // 1-based position in the input
	Label    string `json:"location"` // how to show it: "file:N" or "doc ¶P.S"

	SourceStart int `json:"source_start"`
	SourceEnd   int `json:"source_end"`
	TargetStart int `json:"target_start"`
	TargetEnd   int `json:"target_end"`
}

// Violation is one finding on a segment: a glossary violation, a QA flag or a doubtful
// alignment. Flag is the same type.
type Violation struct {
	Kind string `json:"kind"`
	// Term is the source term as found in the text (glossary kinds); Entry is the glossary
	// entry's own form of it, which summaries and filters group by ("Außenministeriums" is
	// found, "Außenministerium" is the entry).
	Term  string `json:"source_term"`
	Entry string `json:"term,omitempty"`
	// Expected is the required rendering (for Inconsistent: the rendering used elsewhere).
	Expected string `json:"expected"`
	// Found is what the translation has instead: the forbidden or inconsistent words, "" when
	// the rendering is missing.
	Found string `json:"found"`
	// Message describes QA flags and alignment doubts in words ("2,5 → 2.5 missing").
	Message string `json:"message,omitempty"`
	// Note is the glossary entry's note, if any.
	Note string `json:"note,omitempty"`
	// Variants and Banned are the entry's other accepted and its forbidden renderings, for
	// repair prompts.
	Variants []string `json:"-"`
	Banned   []string `json:"-"`
	// DoNotTranslate marks the entry of a name to be kept as written (NATO), which a repair
	// prompt asks for as such rather than as a translation.
	DoNotTranslate bool `json:"-"`
	// Verb marks a verb term, whose rendering a repair prompt asks for in any tense.
	Verb bool `json:"-"`
	Location
}

// Flag is a QA finding; it is a Violation with a QA kind and a Message.
type Flag = Violation

// NoSpan is the offset of a side a violation does not point into.
const NoSpan = -1

// String is the violation for people, one line without the location:
// `forbidden: Außenministerium → "Foreign Ministry" (found "Foreign Office")`. Its texts are
// shown as Visible shows them, so control characters in them are escapes.
func (v Violation) String() string {
	if !IsGlossary(v.Kind) {
		if v.Message == "" {
			return Visible(v.Kind)
		}
		return Visible(v.Kind) + ": " + Visible(v.Message)
	}
	s := Visible(v.Kind) + ": " + Visible(v.Term) + " → " + quoted(v.Expected)
	if v.Found != "" {
		s += " (found " + quoted(v.Found) + ")"
	}
	return s
}

// Feedback phrases the violation as an instruction for a translator or an LLM asked to repair
// the segment. Glossary kinds are worded by glossary.Repair, word for word as
// glossary.Violation.Feedback, so a repair round asks the same whichever type it holds.
func (v Violation) Feedback() string {
	if IsGlossary(v.Kind) {
		return glossary.Repair{Kind: v.Kind, Term: v.Term, Entry: v.Entry, Expected: v.Expected, Found: v.Found,
			Variants: v.Variants, Forbidden: v.Banned, DoNotTranslate: v.DoNotTranslate, Verb: v.Verb}.Instruction()
	}
	if v.Message != "" {
		return fmt.Sprintf("Fix this problem (%s): %s.", v.Kind, v.Message)
	}
	return fmt.Sprintf("Fix this problem: %s.", v.Kind)
}

// Feedback joins the repair instructions of several violations, one per line.
func Feedback(vs []Violation) string {
	lines := make([]string, len(vs))
	for i, v := range vs {
		lines[i] = v.Feedback()
	}
	return strings.Join(lines, "\n")
}

// FromGlossary converts the glossary violations of one segment pair, locating each found
// rendering in the target: the k-th violation with the same found text points at its k-th
// occurrence, as the glossary reports one violation per occurrence.
func FromGlossary(vs []glossary.Violation, source, target string, loc Location) []Violation {
	if len(vs) == 0 {
		return nil
	}
	out := make([]Violation, len(vs))
	seen := map[string]int{} // found text → occurrences already assigned
	for i, gv := range vs {
		v := Violation{Kind: gv.Kind, Term: gv.SourceTerm, Expected: gv.Expected, Found: gv.Found, Location: loc}
		v.Entry = gv.SourceTerm
		if gv.Entry != nil {
			v.Entry = gv.Entry.Source
			v.Note = gv.Entry.Note
			v.Variants = gv.Entry.Variants
			v.Banned = gv.Entry.Forbidden
			v.DoNotTranslate = gv.Entry.DoNotTranslate
			v.Verb = gv.Entry.IsVerb()
		}
		v.SourceStart, v.SourceEnd = NoSpan, NoSpan
		if 0 <= gv.Start && gv.Start <= gv.End && gv.End <= len(source) {
			v.SourceStart, v.SourceEnd = gv.Start, gv.End
		}
		v.TargetStart, v.TargetEnd = NoSpan, NoSpan
		if gv.Found != "" {
			if at := nthIndex(target, gv.Found, seen[gv.Found]); at >= 0 {
				v.TargetStart, v.TargetEnd = at, at+len(gv.Found)
			} else if at := strings.Index(target, gv.Found); at >= 0 {
				v.TargetStart, v.TargetEnd = at, at+len(gv.Found)
			}
			seen[gv.Found]++
		}
		out[i] = v
	}
	return out
}

// FromFinding converts a glossary Checker's finding; label says where the segment is.
func FromFinding(f glossary.Finding, label string) Violation {
	return FromGlossary([]glossary.Violation{f.Violation}, f.Source, f.Target, Location{
		Document: f.Doc, Segment: f.Index, Label: label,
	})[0]
}

// nthIndex is the byte offset of the n-th (0-based) non-overlapping occurrence of sub in s.
func nthIndex(s, sub string, n int) int {
	off := 0
	for {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			return -1
		}
		if n == 0 {
			return off + i
		}
		n--
		off += i + len(sub)
	}
}

// FromCorpus converts a violation recorded with a pair in a JSONL corpus.
func FromCorpus(cv corpus.Violation, source, target string, loc Location) Violation {
	v := Violation{Kind: cv.Kind, Term: cv.SourceTerm, Entry: cv.SourceTerm, Expected: cv.Expected, Found: cv.Found, Location: loc}
	v.SourceStart, v.SourceEnd, v.TargetStart, v.TargetEnd = NoSpan, NoSpan, NoSpan, NoSpan
	if cv.SourceTerm != "" {
		if at := strings.Index(source, cv.SourceTerm); at >= 0 {
			v.SourceStart, v.SourceEnd = at, at+len(cv.SourceTerm)
		}
	}
	if cv.Found != "" {
		if at := strings.Index(target, cv.Found); at >= 0 {
			v.TargetStart, v.TargetEnd = at, at+len(cv.Found)
		}
	}
	return v
}

// Corpus is the violation as a corpus pair records it (glossary kinds only carry all fields).
func (v Violation) Corpus() corpus.Violation {
	return corpus.Violation{Kind: v.Kind, SourceTerm: v.Term, Expected: v.Expected, Found: v.Found}
}

// NewFlag is a QA flag on a segment with no span.
func NewFlag(kind, message string, loc Location) Violation {
	loc.SourceStart, loc.SourceEnd, loc.TargetStart, loc.TargetEnd = NoSpan, NoSpan, NoSpan, NoSpan
	return Violation{Kind: kind, Message: message, Location: loc}
}

// AlignmentFlag is the flag for a pair aligned with confidence below threshold.
func AlignmentFlag(confidence, threshold float64, loc Location) Violation {
	return NewFlag(Alignment, fmt.Sprintf("alignment confidence %.2f below %.2f", confidence, threshold), loc)
}
