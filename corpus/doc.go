// Package corpus reads and writes sentence-aligned bitexts: JSON Lines, TMX 1.4b, Moses (two
// line-aligned plain-text files) and TSV.
//
// Readers and writers stream: a Writer emits each Pair as it is written (a TMX writer adds the
// document footer on Close) and a Reader decodes one Pair per call to Next, so corpora of any
// size pass through in constant memory.
//
// # Reading
//
// Every reader reports bad input as an *InputError that names the file and the line (TMX also
// the column), and rejects invalid UTF-8 (ErrInvalidUTF8) and, in the line-based formats, NUL
// bytes (ErrBinary). A file without content (0 bytes, or nothing but white space and a
// byte-order mark) is an *InputError wrapping ErrEmpty in every format, never an empty corpus;
// a TMX document with a <body> but no units is a corpus without pairs. Files in UTF-16 with a
// byte-order mark are decoded in every format; TMX also honours the encoding its XML
// declaration names (ISO-8859-1, windows-1252, Shift_JIS, … by their WHATWG labels), unless a
// byte-order mark says otherwise.
//
// TMX of any version is read (1.4 xml:lang, 1.1 lang); the source language is the one asked
// for, else the header's srclang (German when it is "*all*"); a <tu>'s own srclang does not
// turn a pair round. Inline markup in <seg> is flattened to plain text: <hi> keeps its text;
// the native codes inside <bpt>, <ept>, <ph>, <it> and <ut> are dropped, except that a code
// standing for white space (type "lb", "pb" or "cb", or native code such as <br/>, </p>,
// \line, \par, \tab, \n, a tab or a line break) separates the words around it by one space;
// the text of a <sub> is kept, as words of its own.
//
// # Writing
//
// Writers never refuse a pair for its text, so that one bad character cannot lose a file.
// What a format cannot carry is changed as below and reported per field, naming the document,
// paragraph, sentence and pair number, through WriterOptions.Warn:
//
//	format  metadata (doc, paragraph, …)   text
//	jsonl   all fields                     everything (JSON escapes control characters)
//	tmx     all fields, as <prop> elements  characters XML 1.0 cannot carry (C0 controls but
//	                                        tab, CR, LF; U+FFFE, U+FFFF) are removed and listed
//	                                        in <prop type="x-bitext-controls">, which the reader
//	                                        uses to put them back: exact round trips
//	moses   none                           tab, CR LF, and every line break (CR, LF, VT, FF,
//	                                        U+001C–U+001E, NEL, U+2028, U+2029) become one
//	                                        space; NUL, and U+FEFF opening the file, are removed
//	tsv     none                           backslash, tab, CR, LF as \\ \t \r \n; the other line
//	                                        breaks, NUL and U+FEFF opening the file as \uXXXX;
//	                                        the reader undoes exactly these (exact round trips)
//
// Invalid UTF-8 becomes U+FFFD (one per bad byte) in every format. The "line breaks" are those
// Python's str.splitlines knows, so that the tools around Moses and TSV files count the same
// lines as bitext. TSV's \t \r \n \\ escapes are the usual ones and not reported; every other
// change is.
//
// The x-bitext-controls property holds space-separated OFFSET:U+XXXX items, OFFSET being the
// byte offset of the character in the original UTF-8 text, ascending: in a <tuv> (before its
// <seg>) for the segment, in a <tu> for a property, whose type comes first:
//
//	<prop type="x-bitext-controls">x-doc 4:U+0001</prop>
//	<tuv xml:lang="de"><prop type="x-bitext-controls">9:U+000C</prop><seg>Seite 1Seite 2</seg></tuv>
//
// The reader refuses a list that does not fit its text (an edited segment) rather than
// restore it wrongly. Output stays valid against the TMX 1.4b DTD.
//
// # Files
//
// A Moses corpus is two files, NAME.SRC and NAME.TGT (MosesPaths); CreateMoses writes both
// through temporary files that Commit renames together, so that no reader ever finds one side
// without the other. LineReader and ReadLines read any line-based text file (a Moses side, a
// machine translation with one line per sentence) with the checks and decoding of the Moses
// reader: errors name the file, line and byte column.
package corpus
