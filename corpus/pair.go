package corpus

import (
	"fmt"
	"time"

	"github.com/bitext/bitext/document"
)

// Pair is one aligned sentence pair with what is known about where it came from.
type Pair struct {
	Doc       string `json:"doc"`       // document the pair comes from (file name)
	Paragraph int    `json:"paragraph"` // 1-based paragraph (block) number in Doc; 0 when unknown
	Sentence  int    `json:"sentence"`  // 1-based sentence number within the paragraph; 0 when unknown
	Source    string `json:"source"`
	Target    string `json:"target"`
	Provider  string `json:"provider"` // MT provider that produced Target; "" for human or imported
	Model     string `json:"model"`
	TMHit     bool   `json:"tm_hit"` // Target came from the translation memory
	// Terms and PromptVersion are the rest of a machine translation's memory key: the
	// glossary terms and the prompt version it was asked with. bitext's memory export writes
	// them (TMX x-terms and x-prompt-version, JSONL), so that an import restores the entry as
	// the machine translation it was, answering the same requests, never as a person's.
	Terms         []string `json:"terms,omitempty"`
	PromptVersion string   `json:"prompt_version,omitempty"`
	// Reviewer and Reviewed say who decided a human-reviewed pair and when: bitext's memory
	// export of reviewed entries writes them (TMX changeid and changedate on the <tu>, JSONL
	// reviewer and reviewed_at), and tm import --reviewed keeps them, so that moving a memory
	// (SQLite to PostgreSQL) keeps its audit trail. A TMX's changeid/changedate are read into
	// them too: the last person to change the unit, and when. Zero when unknown.
	Reviewer string    `json:"reviewer,omitempty"`
	Reviewed time.Time `json:"reviewed_at,omitzero"`

	// Confidence is the alignment confidence in [0,1] when the pair was aligned, 0 otherwise.
	Confidence float64     `json:"confidence,omitempty"`
	Violations []Violation `json:"violations,omitempty"`

	// ID is the unit's id in a bilingual file (XLIFF trans-unit or unit, "unit/segment" for a
	// 2.x unit of several segments); "" when there is none.
	ID string `json:"id,omitempty"`
	// Note is a translator's note (XLIFF <note>s, one per line).
	Note string `json:"note,omitempty"`

	// SourceTagged and TargetTagged are the texts with their inline markup as document's
	// numbered codes (<g1>…</g1>, <x2/>; see package document), "" when the pair has no
	// markup. Source and Target stay the plain words either way, for the tools that want
	// words. Writers that can carry codes (TMX, XLIFF, JSONL) write the tagged text when it
	// holds codes.
	SourceTagged string `json:"source_tagged,omitempty"`
	TargetTagged string `json:"target_tagged,omitempty"`
	// Codes is the original markup of the pair's codes where known (a TMX or XLIFF file's
	// native code): the source's, then those only the target has. TMX writes it as the
	// content of <bpt>/<ept>/<ph>, JSONL as "codes" (with the tagged texts).
	Codes []document.Code `json:"-"`
	// TargetCodes is the target's own markup of codes it shares with the source (the same
	// number in both tagged texts) where it is not the source's: a TMX target's <bpt>{\i </bpt>
	// for the source's {\b , its <ph>&lt;img src="en.png"/></ph> for the source's de.png. A code
	// has one number on both sides, and each side keeps the markup its file had: writers write
	// the target's codes from here before Codes. nil when the target's markup is the source's.
	TargetCodes []document.Code `json:"-"`

	// Machine says the file marks the target as a machine translation nobody reviewed (XLIFF
	// 1.2 state-qualifier="leveraged-mt" or "mt-suggestion"): tm import leaves it out, as a
	// person's translation and as a reviewed one. Writers ignore it.
	Machine bool `json:"-"`
	// NeedsReview says the file's state marks the target as awaiting review (XLIFF 1.2
	// state="needs-review-translation", "needs-review-adaptation" or "needs-review-l10n", as
	// bitext writes a translation its checks doubted): a draft, not a person's decision. tm
	// import leaves it out unless told --reviewed. Writers ignore it.
	NeedsReview bool `json:"-"`

	// Line is where a reader found the pair: the 1-based line of its file on which it starts
	// (TSV and JSONL the record's line, Moses the line of both files, TMX the line of the
	// <tu> start tag, XLIFF that of the <trans-unit> or 2.x <segment>), 0 when unknown.
	// Writers ignore it.
	Line int `json:"-"`
}

// Violation is a glossary violation recorded with a pair. It mirrors glossary.Violation without
// the pointer to the glossary entry, so that corpus does not depend on glossary.
type Violation struct {
	Kind       string `json:"kind"` // "missing", "forbidden" or "inconsistent"
	SourceTerm string `json:"source_term"`
	Expected   string `json:"expected"`
	Found      string `json:"found"`
}

// Where says where pair p, the nth of file name, is for people: "doc ¶P.S" when the pair
// carries its document's paragraph and sentence, else "name:LINE", else "name: pair N" (a
// number that must not read like a line).
func (p Pair) Where(name string, n int) string {
	var at string
	switch {
	case p.Doc != "" && p.Paragraph > 0:
		at = fmt.Sprintf("%s ¶%d.%d", p.Doc, p.Paragraph, p.Sentence)
	case p.Line > 0:
		at = fmt.Sprintf("%s:%d", name, p.Line)
	default:
		at = fmt.Sprintf("%s: pair %d", name, n)
	}
	if p.ID != "" {
		// What a CAT tool finds a segment by (the trans-unit id, "unit/segment" in 2.x).
		at += " (unit " + p.ID + ")"
	}
	return at
}
