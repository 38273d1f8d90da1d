// Package translate is bitext's translation pipeline: documents → units → translation-memory
// lookup → batches cut to the provider's capabilities → several batches in flight → glossary
// enforcement with repair rounds → translation-memory store → documents reassembled in their
// original order and structure, with sentence pairs.
//
// The pipeline streams: documents are read one at a time from an iterator and handed to a sink as
// soon as they and every document before them are complete, so memory depends on the number of
// documents in flight, not on the size of the corpus. Batches span documents, so a folder of short
// articles still fills every request.
//
// A Translator without a provider still reads, segments, matches glossary terms and looks
// translations up in the memory; Plan reports what a real run would send. Cancelling the context
// stops the work in flight; everything already stored in the memory stays there, so a rerun sends
// only what is missing.
package translate
