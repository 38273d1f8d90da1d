// Package segment reads articles (plain text, Markdown, HTML), removes web debris, and splits
// the text into paragraphs, sentences and words for German and English.
//
// Read turns an input into a Document: a list of Blocks (paragraphs, headings, list items), each
// with its cleaned Text and the Spans of its sentences. What cleaning removed is listed in
// Document.Removed with a reason, so the caller can show it (bitext segment --explain).
//
// SplitSentences and Words work on any string and return byte offsets into it, so callers
// (glossary matching, alignment, reports) can map results back to the original text.
//
// Render writes blocks back out in a format, keeping headings, lists and paragraphs; translate
// uses it to produce output in the same format as the input.
package segment
