package corpus

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

	// Confidence is the alignment confidence in [0,1] when the pair was aligned, 0 otherwise.
	Confidence float64     `json:"confidence,omitempty"`
	Violations []Violation `json:"violations,omitempty"`
}

// Violation is a glossary violation recorded with a pair. It mirrors glossary.Violation without
// the pointer to the glossary entry, so that corpus does not depend on glossary.
type Violation struct {
	Kind       string `json:"kind"` // "missing", "forbidden" or "inconsistent"
	SourceTerm string `json:"source_term"`
	Expected   string `json:"expected"`
	Found      string `json:"found"`
}
