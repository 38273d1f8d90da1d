// Package corpus reads and writes sentence-aligned bitexts: JSON Lines, TMX 1.4b, Moses (two
// line-aligned plain-text files), TSV and XLIFF (1.2 and 2.x read; 1.2 written, or 2.1 with
// WriterOptions.XLIFFVersion).
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
// Each pair read carries its Line: the line of its file where it starts (TSV and JSONL the
// record's line, Moses the line, the same in both files, TMX the <tu> start tag's, XLIFF the
// <trans-unit>'s or 2.x <segment>'s), counted as the errors count them, so that FILE:LINE in
// a message opens the pair. No writer writes it.
//
// TMX of any version is read (1.4 xml:lang, 1.1 lang); the source language is the one asked
// for, else the header's srclang (German when it is "*all*"); a <tu>'s own srclang does not
// turn a pair round. Inline markup in <seg> is flattened to plain text (Source, Target), and
// kept as document's numbered codes in SourceTagged/TargetTagged (see Inline codes): <hi> keeps its text;
// the native codes inside <bpt>, <ept>, <ph>, <it> and <ut> are dropped, except that a code
// standing for white space (type "lb", "pb" or "cb", or native code such as <br/>, </p>,
// \line, \par, \tab, \n, a tab or a line break) separates the words around it by one space;
// a <sub> (another flow inside a code: an image's alt text, a link's title) is part of its
// code, not words of the sentence.
//
// XLIFF is read token by token (memory bounded by one unit, whatever the file's size): one pair
// per 1.2 <trans-unit> or per 2.x <segment>, with the unit's id (ID, "unit/segment" for a 2.x
// unit of several segments), its notes (Note) and the <file>'s original (Doc). Units marked
// translate="no", without a <target>, or with an empty target whose state does not say it is
// translated are skipped and counted (the reader has a Skipped() int method, as TMX's has). White
// space around the texts is dropped unless xml:space="preserve". <alt-trans>, <seg-source> and
// the header are ignored. When ReaderOptions names languages, a file in other languages is an
// error rather than a bitext read the wrong way round.
//
// # Inline codes
//
// A Pair's Source and Target are always the plain words. Markup inside a segment travels as
// package document's numbered codes in SourceTagged and TargetTagged (<g1>…</g1> paired,
// <x2/> standalone; "&" and "<" in the words as &amp; and &lt;), empty when the pair has none,
// with the original markup, where the file has it, in Codes. The source's codes are numbered
// first (by their TMX x / XLIFF id when that is a free number, else in order), the target's
// codes take the number of the source code they are linked to (TMX x, or i for <bpt>; XLIFF
// id), or a new one. A paired code whose halves do not nest inside the segment becomes two
// standalone codes, so the tagged text is always well-formed. The readers take codes from TMX
// <bpt>/<ept>/<ph>/<it>/<ut>, XLIFF 1.2 <g>/<x>/<bx>/<ex>/<bpt>/<ept>/<ph>/<it> and XLIFF 2.x
// <pc>/<ph>/<sc>/<ec> (markup from <originalData>); <hi>, <mrk>, <sm>/<em> are not codes.
//
// The writers: TMX writes <bpt i="N" x="N" type="…">markup</bpt>…<ept i="N">markup</ept> and
// <ph x="N" type="…">markup</ph> (empty when the markup is unknown; <it pos="begin|end"> for a
// pair without its other half), so other tools read the words between codes; XLIFF 1.2 writes
// <bpt>/<ept>/<ph> with the markup, or <g>/<x> without, and XLIFF 2.1 <pc>/<ph> (<sc>/<ec>
// isolated for a half pair) with the markup in <originalData>; JSONL adds "source_tagged" and
// "target_tagged" when the pair has codes (Codes is not carried). A pair whose plain text holds
// characters XML cannot carry is written to TMX without its codes (the x-bitext-controls offsets
// refer to the plain text). Reading bitext's own output gives the tagged texts back; a code
// that stands for white space (a line break) also separates the words in the plain text read
// back, as for any TMX.
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
//	xliff   all fields, as attributes and   characters XML 1.0 cannot carry are removed
//	        <note from="bitext"> lines      (XLIFF cannot keep them); a pair without a Doc
//	                                        goes into <file original="bitext">
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
