// Package translate is bitext's translation pipeline: documents → units → translation-memory
// lookup → batches cut to the provider's capabilities → several batches in flight → glossary
// enforcement with repair rounds → translation-memory store → documents reassembled in their
// original order and structure, with sentence pairs.
//
// The pipeline streams: documents are read one at a time from an iterator, and a document is
// worked on in pieces of a few hundred segments (whole blocks), so memory depends on the window
// of segments in flight, not on the size of the corpus or of one document. Run and Plan take
// whole documents; RunInputs and PlanInputs take an Input read block by block (ScanInput over a
// segment.Scanner), so that a 100 MB article is never held whole, and RunInputs hands each piece
// to the sink as soon as it and everything before it are done. Batches span documents, so a
// folder of short articles still fills every request, and short documents are looked up in the
// memory together.
//
// A run pays once: identical segments (normalized, with the same glossary terms) are sent once
// and the answer goes to every occurrence. A segment that gets no usable answer after every
// retry does not end the run: it is reported in a *FailedError, with document, paragraph and
// text, after everything else was translated, handed over and stored.
//
// A Translator without a provider still reads, segments, matches glossary terms and looks
// translations up in the memory; Plan reports what a real run would send. Cancelling the context
// stops the work in flight within a block; everything already stored in the memory stays there,
// so a rerun sends only what is missing.
package translate
