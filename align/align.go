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
// AlignContext, ReadDictionaryContext, ReadDictionaryFile and ReadPresplitContext stop soon
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
	Confidence float64 // in [0,1]: how sure the aligner is of this bead
}

// Options tune Align. The zero value aligns with length and surface evidence only.
type Options struct {
	// MT is an optional machine translation of each source sentence into the target language,
	// index for index with the source. When present, it is the main lexical evidence.
	MT []string
	// SrcBreaks and TgtBreaks optionally list the sentence indices that start a paragraph (or a
	// document). Beads do not straddle them, and when both sides have the same number of
	// paragraphs of compatible lengths they become hard anchors.
	SrcBreaks, TgtBreaks []int
	// Dict optionally translates source words into target words (glossary pairs included).
	Dict *Dictionary
	// MaxGroup is the largest number of sentences on one side of a bead (default 5; the smaller
	// side has at most 3).
	MaxGroup int
}

// ErrMTLength reports an MT list whose length differs from the source's.
var ErrMTLength = errors.New("align: MT must have one line per source sentence")
