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
package report
