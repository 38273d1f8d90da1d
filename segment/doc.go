// Package segment reads articles (plain text, Markdown, HTML), removes web debris, and splits
// the text into paragraphs, sentences and words for German and English.
//
// Read turns an input into a Document: a list of Blocks (paragraphs, headings, list items), each
// with its cleaned Text and the Spans of its sentences. Scanner does the same block by block;
// plain text is streamed, so inputs larger than memory can be segmented.
//
// Cleaning is conservative and accountable: it removes only recognisable page furniture (a site
// name or section label above the title, the title repeated at the end, "Leave a Reply" and
// similar prompts, stray tag remnants such as "< /p>", stray periods, doubled spaces and spaces
// before punctuation) and lists every removal with its reason in Document.Removed.
// Options.KeepBoilerplate turns it off.
//
// SplitSentences and Words work on any string and return byte offsets into it, so callers
// (glossary matching, alignment, reports) can map results back to the original text.
//
// Render writes blocks back out in a format, keeping headings, lists and paragraphs; translate
// uses it to produce output in the same format as the input.
//
// Bad input is reported as *InputError naming the file and the byte offset: invalid UTF-8 and
// binary data (NUL bytes). Empty input gives an empty Document.
package segment
