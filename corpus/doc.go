// Package corpus reads and writes sentence-aligned bitexts: JSON Lines, TMX 1.4b, Moses (two
// line-aligned plain-text files) and TSV.
//
// Readers and writers stream: a Writer emits each Pair as it is written (a TMX writer adds the
// document footer on Close) and a Reader decodes one Pair per call to Next, so corpora of any
// size pass through in constant memory. Every reader reports bad input as an *InputError that
// names the file and the line (TMX also the column), and rejects invalid UTF-8.
//
// What each format can carry:
//
//	format  metadata (doc, paragraph, …)   text restrictions
//	jsonl   all fields                     none
//	tmx     all fields, as <prop> elements  no control characters other than tab, CR, LF
//	moses   none                           line breaks are written as spaces
//	tsv     none                           tab, CR, LF and backslash are written as \t \r \n \\
package corpus
