// Package segment reads articles (plain text, Markdown, HTML), removes web debris, and splits
// the text into paragraphs, sentences and words for German and English.
//
// Read turns an input into a Document: a list of Blocks (paragraphs, headings, list items, and of
// a page preformatted text and code blocks, kept as written), each with its cleaned Text and the
// Spans of its sentences. Scanner does the same block by block;
// plain text is streamed, so inputs larger than memory can be segmented.
//
// HTML main text. From a whole page Read takes the article as go-trafilatura finds it (with its
// go-readability and DOM Distiller fallbacks), else as go-readability finds it (on a short page
// trafilatura's few sentences win unless readability finds more prose), else the body without
// navigation, headers, footers, asides, forms and the comment sections, sidebars and sharing
// blocks templates mark by class; an article set inside an <aside> or found only in the page's
// JSON-LD articleBody is read too; text the extractor gives twice though the page has it once
// is kept once. Then it puts back the article's title and its lead (the
// paragraph under the headline that carries the page's meta description, is marked as the lead
// by its class, or stands above the byline) when the extractor left them out. A Dachzeile
// (kicker) set inside the headline's element becomes a heading of its own (a Split change). On a
// development set of 127 German-language pages from 69 sites (BenchmarkExtract) this scores F1
// 0.98 against 0.90 for trafilatura alone.
//
// Cleaning is conservative and accountable: it removes only recognisable page furniture (a site
// name or section label above the title, the title repeated at the end, "Leave a Reply" and
// similar prompts, stray tag remnants such as "< /p>", stray periods, doubled spaces and spaces
// before punctuation (not before "!", "?" and ";" in French text and Markdown, whose
// typography spaces them); on news pages photo credits as blocks or in parentheses ("(Foto: …/dpa)",
// "Bildrechte: …"), copyright and agency lines, related-article links ("Lesen Sie auch", "Mehr:"),
// newsletter, feedback and sharing prompts, and bylines and timestamps standing alone or glued
// to the first or last sentence of a paragraph, or glued to a caption without a separator:
// "… gebracht.Anna Beispiel/dpa") and lists every removal with its reason in
// Document.Removed. Each news rule needs a fixed opening or the shape of a name or date line in a
// short block, so a sentence of the article is never taken for debris.
// Options.KeepBoilerplate turns it off. Markdown is never cleaned so: it is its author's
// document, not a scraped page, and translate sends all of it (only soft hyphens go, and spaces
// are single as Markdown renders them). Document.Removed lists the other changes to the text
// too, each with its Kind (Removal.String formats one for --explain): soft hyphens (U+00AD)
// dropped in every format, even with KeepBoilerplate; hard-wrapped lines of a plain-text
// paragraph joined (Joined), with a word hyphenated at the line end rejoined ("Außen-" +
// "ministerium"), a compound's hyphen kept ("NATO-" + "Generalsekretär") and a suspended one
// kept ("Außen- und"); a wrapped line starting with "– " kept in its sentence rather than
// taken for a list item; and notices (Notice) about how the input was read.
//
// SplitSentences and Words work on any string and return byte offsets into it, so callers
// (glossary matching, alignment, reports) can map results back to the original text. German
// ordinals stay with their noun ("seit meinem 14. Lebensjahr", "3. Oktober") unless a typical
// sentence opener follows ("stieg auf 15. Die Polizei"); abbreviations are matched with their
// case ("Schweiz. Die" ends a sentence, "schweiz." does not), a lower-case one capitalised only
// at a sentence start ("Vgl."); "'s" ("Das war's.") and host names ("www.dhb.de.") end
// sentences; LaTeX-style quotes (two backquotes), "©", "•" and emoticons (";-)") start or end them;
// emoji and footnote marks ("erfolgen.[6]", "Satz.¹") after a sentence end belong to it, and a
// hashtag or handle after one starts a new one; a bracketed "(!)" or "(?)" ends nothing, nor does
// a German Roman ordinal before a noun ("des III. Geschwaders"), nor a Roman section number
// opening a heading or line before a dash or a capital ("II. - Der Bund und die Länder");
// a bullet inside running text starts a new sentence, and so does a dash glued to a capital
// ("-Wie geht es weiter?"). In English a sentence may start in lower case, as in web text and
// e-mail, after a period that follows an ordinary word (not an abbreviation); "!" and "?" before
// a lower-case word end no sentence ("calling panic! in a program", "Yahoo! and AOL"). Code (a
// Markdown code span, HTML <code>) is never cleaned and never holds a sentence end; it starts a
// sentence, in its own case, as a name does ("`useState` ist ein eingebauter Hook."), and so
// does a word in single backquotes in plain text.
//
// Sentences without final punctuation. Inside running text a sentence ends, with no punctuation
// at all, before a word that opens sentences and is capitalised nowhere else ("Absolut zu
// empfehlen Seit 1964 …", "Liebe Grüße Lutz und Heike Ich würde …"; in English "We", "They",
// "Thanks" … after a lower-case word): pronouns, finite verbs, adverbs and conjunctions, never
// articles ("Die Zeit"), the polite "Sie", nouns that look like them ("die Würde", "das fachliche
// Können") or a word after an article, preposition or conjunction ("im Hier und Jetzt"), nor
// between capitalised words: a heading or name in Title Case ("Reference Cycles Can Leak
// Memory", "Resource Acquisition Is Initialization"; in German only a run of nothing but
// capitalised words, "Der Server Ist Down", since German capitalises nouns). A
// shouted line ("STELLT DIE VERANSTALTER ZUR REDE Die Pizzeria …") ends before ordinary case. In
// German a colon never ends a sentence, even before a whole clause ("… in folgender Weise zu
// überschreiben: Er fährt …"): running text keeps it so, and the few UD GSD sentences that end in
// a colon are followed by another text in that shuffled treebank, not by their own clause.
//
// In plain text a line without final punctuation that is clearly shorter than its paragraph's
// other lines (a headline, a list line, a greeting), followed by a line that starts like a
// sentence, ends its sentence; lines of similar width, and lines ending in an
// article or preposition, are hard wraps and are joined. --explain lists both decisions (Joined,
// Split); so does a run of three or more short unpunctuated lines (a list or headings without
// markers, an address whose name line may end in an abbreviation: "CorrelAid e.V."). A <br> in
// an HTML paragraph is read as such a line break, by the same rules ("Hinweis zur Nutzung von
// KI<br>Einige der …" is a headline and a sentence; an address is one block a line), and two
// in a row end the paragraph; in a heading or list item it is a space. An element HTML does not
// know (a custom element, an e-paper's <subtitle>) among a container's blocks is a block. A number before a capitalised word is a count, not an ordinal, when the word before
// it takes one ("zählt 350. Hamburg …", "Platz 3. Trainer …"); ";" ends a sentence before a
// sentence opener; separator lines, links, "[...]" and a dash after a clear sentence end start
// a new one, and so does a capital after a period with the space missing ("Satz.Das ist …").
// On the UD German GSD dev split, running-text boundary F1 is 99.2 (98.7 before these rules); on
// UD English EWT dev 86.4 (83.8); TestUDPairs measures them (SEGMENT_UD).
//
// Render writes blocks back out in a format, keeping headings, lists and paragraphs; translate
// uses it to produce output in the same format as the input.
//
// Bad input is reported as *InputError naming the file and the byte offset, wrapping a sentinel
// for errors.Is: ErrEmpty for a document without content (no bytes, or only white space and a
// byte-order mark; a file whose text cleaning removes entirely is not empty), ErrBinary for NUL
// bytes, ErrInvalidUTF8 for text that is not UTF-8.
//
// Encodings. Input is UTF-8 (a byte-order mark is skipped). UTF-16 is decoded, with or without
// a byte-order mark (without one it is recognised by the NUL byte in every other position that
// mostly Latin text has), and a Notice says so; data with NUL bytes that does not have that
// pattern is binary. Plain text and Markdown that are not valid UTF-8 are an error naming the
// offset, never guessed: when the bytes look like Windows-1252/ISO-8859-1 the error says so and
// how to convert (text is streamed, and a guess made on the first bytes could be wrong for the
// rest). HTML is read the way browsers do, looking further, and is never refused for its
// encoding: a byte-order mark, a <meta charset> or http-equiv Content-Type anywhere in <head>
// (an unknown label is ignored, with a Notice), then the content (valid UTF-8 is UTF-8; UTF-8
// with at most one broken byte per thousand is read with U+FFFD in their place, with more its
// stray bytes as Windows-1252 (pages that mix the two); anything else is Windows-1252, each with
// a Notice). Stray NUL bytes in HTML are dropped and reported; data of which more than one byte
// in a hundred is NUL is binary.
//
// Cancellation and bounds. ReadContext and NewScannerContext stop with ctx.Err() when the
// context is done: input is read in pieces of at most 64 KB with a poll before each, and no block
// is longer than about 256 KiB — a longer line or paragraph is cut at a sentence end into
// paragraphs, with a Notice — so the work between two polls stays small on any input and memory
// stays flat in the input size for plain text. HTML of up to 16 MiB is read whole; a page of
// more than 40,000 elements and texts (a data dump such as a table of thousands of rows; the
// largest news page of the development set has 9,000) is not given to the extractors, whose
// heap grows to about 1.5 KB per node, but read by the whole-body walker, with a Notice. A page
// of more than 16 MiB is streamed through the same walker, with the same Notice: the HTML5 tree
// is built token by token and each finished part is walked and let go, so memory stays flat in
// its size too (about 100 MB for a 200 MB page or a table of 100,000 rows), with the same
// blocks and changes as the walker on the whole tree but for text standing in a table outside
// its cells (read after the table) and, on a page with more than 8 MiB of text and too little
// prose, an article in an <aside> or JSON-LD found only after that. Its encoding is decided on
// its first 16 MiB; bytes further on that are not UTF-8 are read as U+FFFD, with a Notice. At most 10,000 changes are listed in Removed;
// beyond that they are counted by reason in one Notice each.
package segment
