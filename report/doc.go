// Package report computes translation-quality metrics and builds reviewable reports.
//
// The metrics reproduce sacreBLEU 2.x exactly: BLEU (tokenizers 13a, intl, char and none;
// smoothing exp, floor, add-k and none; effective order for sentence BLEU), chrF and chrF++
// (β = 2, character order 6, word order 0 or 2, effective-order averaging by default, epsilon
// smoothing on request) and TER (Tercom-compatible shifts with sacreBLEU's beam and limits).
// Corpus scores always come from summed sufficient statistics, never from averaged sentence
// scores, and every score carries a sacreBLEU-style signature naming bitext's version.
//
// Around the metrics the package offers word-level diffs (go-diff over words mapped to runes),
// reference-free QA checks (untranslated output, numbers that did not survive, length outliers,
// empty or repeated output, glossary violations), paired bootstrap resampling for comparing
// systems, and renderers for text, Markdown, JSON and a self-contained HTML page.
//
// Scale and limits. BuildContext, CorpusScoreContext and CheckQAContext stop soon after their
// context is cancelled: every long loop polls it, inside a single segment too (tokenizing,
// n-gram counting, the TER shift search and edit distance, diffs, QA checks, bootstrap
// resampling). Corpus statistics come from one streaming pass. Sentence scores are kept as one
// column of floats per metric; with Options.Details = DetailsWorst word diffs are built only
// for the segments the text and Markdown output show, and with DetailsAll (JSON, HTML) each
// segment's scores map and diff are built as a renderer reaches it: WriteJSON writes the
// document piece by piece, one segment's details in memory at a time. BLEU counts n-grams of per-segment token ids
// packed into integers, chrF packs character ids; both hold the sides as ids and the sorted
// keys of one n-gram order at a time (8 bytes an n-gram), linear in the line length up to a
// sort. TER keeps lib_ter's beam and shift limits but stores only the beam band of each row
// (4 bytes a cell, about 210 bytes a hypothesis word), reuses it from one shift round to the
// next and scores shift candidates incrementally, so its memory is linear in the segment
// length and its scores are exactly lib_ter's (which holds whole rows: quadratic). A segment pair of more than 10,000 tokens gets a coarse word
// diff (common beginning and end, the middle as one replacement), named in Report.Notices.
// HTML (and Markdown) output shows control characters as visible markers.
package report
