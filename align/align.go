// Package align aligns the sentences of a document with the sentences of its translation.
//
// The aligner is language-agnostic. It searches for the cheapest monotone sequence of beads
// (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 1-3, 3-1, …) with dynamic programming. A bead's cost combines a
// Gale–Church length model, calibrated on the two documents themselves, with lexical evidence:
// character n-gram overlap between a machine translation of the source group and the target
// group when one is given (chrF-like), and shared numbers, identical tokens, cognate prefixes,
// punctuation and dictionary translations otherwise. As in Vecalign, lexical similarities are
// normalized against random sentence pairs of the same documents, and the search runs coarse to
// fine, so time and memory grow linearly with the length of the documents.
//
// Machine translation may be given in both directions (Options.MT, the source into the target
// language; Options.MTTgt, the target into the source language); with both, one channel
// compares a source sentence and its MT with a target sentence and its MT, so that the evidence
// of the two directions adds up (jointTexts), each weighed by its quality measured on the
// documents (weighDirections).
// Debris lines (OCR specks, stray punctuation: fewer than two letters) cost little to leave
// unaligned, as hand-aligned gold leaves them.
// A second pass learns a word translation table (IBM Model 1 on stems) from the beads the
// first pass is sure of and aligns again with it (lexicon.go); next to MT it shares the MT's
// weight by how well each tells true pairs from chance ones on the documents (level.shareMT). A bead's Confidence is
// the probability that it is exactly right, calibrated on the Text+Berg dev gold (calib.go).
//
// Documents aligns a document pair read by ReadDocument (with ReadMT for machine
// translations); AlignAll aligns many pairs (PairFolders, ReadPairList) in parallel; WriteText
// and Explain help a reviewer.
//
// AlignContext, ReadDictionaryContext, ReadDictionaryFile(For) and ReadPresplitContext stop soon
// (milliseconds) after their context is done and return its error. Memory: the search keeps one
// byte per lattice cell of the band around the path and a window of rows for costs; the features
// are kept only where both sides share them, in large blocks; for large documents the finest
// level's features are dropped while coarser levels are searched and extracted again. At a
// million synthetic sentences a side (213 MB of text) the aligner's heap peaks at about 0.7 GB
// above the inputs under an 800 MiB memory limit (GOMEMLIMIT, debug.SetMemoryLimit) and at
// about twice that without one, since Go's collector lets the heap grow to twice what is live;
// BenchmarkAlignSynthetic measures it.
package align

import "errors"

// Bead is one alignment unit: consecutive source sentences aligned with consecutive target
// sentences. Either side may be empty (a sentence without counterpart). Indices are 0-based.
type Bead struct {
	Src, Tgt   []int
	Confidence float64 // in [0,1]: the probability that the bead is right (calibrated; see calib.go)
}

// Options tune Align. The zero value aligns with length and surface evidence only.
type Options struct {
	// MT is an optional machine translation of each source sentence into the target language,
	// index for index with the source. When present, it is the main lexical evidence.
	MT []string
	// MTTgt is an optional machine translation of each target sentence into the source
	// language, index for index with the target (the reverse direction). With MT, the two
	// directions are combined; alone, it is the main lexical evidence.
	MTTgt []string
	// SrcBreaks and TgtBreaks optionally list the sentence indices that start a paragraph (or a
	// document). Beads do not straddle them, and when both sides have the same number of
	// paragraphs of compatible lengths they become hard anchors.
	SrcBreaks, TgtBreaks []int
	// Dict optionally translates source words into target words (glossary pairs included).
	Dict *Dictionary
	// MaxGroup is the largest number of sentences on one side of a bead (default 5; the smaller
	// side has at most 3).
	MaxGroup int
	// SrcLang and TgtLang are optional ISO 639-1 codes of the two documents ("de", "fr"): they
	// choose the stemmers of the lexicon learned from the first pass (without them, words are
	// cut to their first letters).
	SrcLang, TgtLang string
	// NoRealign skips the second pass: by default the beads the first pass is sure of teach a
	// word translation table (IBM Model 1 on stems), and the documents are aligned again with it.
	NoRealign bool
	// Lexicon is an optional word translation table learned from the first passes of other
	// document pairs of a corpus (LearnLexicon; AlignAll learns one). The second pass uses it
	// instead of the table these documents teach on their own when it was learned from more
	// sure beads (a short article's own table is noisy); the own table still translates the
	// stems the shared one lacks.
	Lexicon *Lexicon

	// Crossing lets two neighbouring sentences be aligned crosswise (source 1 with target 2,
	// source 2 with target 1) when the translator swapped them: such beads come out in source
	// order, so their targets are not increasing. Without it every alignment is monotone and a
	// swap becomes one 2-2 bead.
	Crossing bool

	// trace, when set, receives every final bead with its calibration features (fitting).
	trace func(Bead, calibFeatures)
	// first is the documents' first pass when it was run already (by AlignAll's warm-up,
	// which learned the shared table from it), so that realign does not run it again.
	first *firstPass
}

// ErrMTLength reports an MT list whose length differs from the source's.
var ErrMTLength = errors.New("align: MT must have one line per source sentence")

// ErrMTTgtLength reports an MTTgt list whose length differs from the target's.
var ErrMTTgtLength = errors.New("align: MTTgt must have one line per target sentence")
