package main

import (
	"context"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/inputs"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/translate"
)

// defaultIncludes are the files a folder contributes when --include is not given.
var defaultIncludes = []string{"*.txt", "*.md", "*.markdown", "*.mdx", "*.html", "*.htm", "*.xlf", "*.xliff", "*.srt", "*.vtt", "*.po"}

// sourceFile is one input document: where it is and where it sits in the tree the user named.
type sourceFile struct {
	path string // "-" for standard input
	rel  string // path relative to the folder argument it came from, or the file's base name
	// fromDir is set for a file found in a folder argument: its output goes into a folder,
	// however many files the folder holds.
	fromDir bool
	// doc is the whole document read from the file (package document), once the reader has
	// read it; nil for text and main-text reading. The output writes it back in place.
	doc *document.Doc
}

// listInputs expands the arguments: files as given, folders walked recursively for files matching
// the include globs (matched against the base name and the path relative to the folder), "-" for
// standard input. No argument means standard input.
func listInputs(args, include []string) ([]sourceFile, error) {
	if len(args) == 0 {
		args = []string{"-"}
	}
	if len(include) == 0 {
		include = defaultIncludes
	}
	for _, g := range include {
		if _, err := filepath.Match(g, ""); err != nil {
			return nil, usageErrorf("--include %q: %v", g, err)
		}
	}
	var out []sourceFile
	stdin := 0
	for _, a := range args {
		if a == "-" {
			stdin++
			out = append(out, sourceFile{path: "-", rel: "stdin"})
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			return nil, inputError(err)
		}
		if !st.IsDir() {
			out = append(out, sourceFile{path: a, rel: filepath.Base(a)})
			continue
		}
		var found []sourceFile
		err = inputs.WalkFiles(a, func(p, rel string) error {
			if matchesAny(include, filepath.Base(p), filepath.ToSlash(rel)) {
				found = append(found, sourceFile{path: p, rel: rel, fromDir: true})
			}
			return nil
		})
		if err != nil {
			return nil, inputError(err)
		}
		if len(found) == 0 {
			return nil, inputError(fmt.Errorf("%s: no files matching %s", a, strings.Join(include, ", ")))
		}
		sort.Slice(found, func(i, j int) bool { return found[i].rel < found[j].rel })
		out = append(out, found...)
	}
	if stdin > 1 {
		return nil, usageErrorf("standard input (-) given %d times", stdin)
	}
	return out, nil
}

func matchesAny(globs []string, name, rel string) bool {
	for _, g := range globs {
		if ok, _ := filepath.Match(g, name); ok {
			return true
		}
		if ok, _ := filepath.Match(g, rel); ok {
			return true
		}
	}
	return false
}

// documentReader reads the inputs one at a time, as the pipeline asks for them, and remembers
// which input each document came from.
type documentReader struct {
	ctx   context.Context
	files []sourceFile
	stdin io.Reader
	force bool
	lang  string
	// tgtLang is the target language: a document that declares another is refused.
	tgtLang string
	// mainOnly reads HTML and Markdown as before whole-document reading: the main text only,
	// written back as a rebuilt page.
	mainOnly bool
	// docOut names the output format: a document format, a pair format, or "" for each
	// input's own format (outputSpec.formatName). A page converted to another format or into
	// pairs is read for its main text: the whole page (head, title, navigation, alt texts)
	// only makes sense written back as itself.
	docOut string
	report func(msg string) // skipped documents are reported here
	// inFormat is --input-format: "text", a document.Format, or "" (each file by its extension,
	// standard input as text).
	inFormat string
	// keepBoilerplate is --keep-boilerplate: text read by package segment keeps what it would
	// leave out as web debris.
	keepBoilerplate bool
	leftOut         *leftOutNotes // says what was left out instead; nil says nothing

	mu         sync.Mutex
	yielded    []sourceFile // input of the document with Result.Index i
	skipped    int
	reported   map[string]bool // files already reported as not German (a plan reads twice)
	sniffTold  onceSet         // files whose sniffed format was noted
	stdinSpool *inputs.Spool   // standard input, kept: a plan and the run both read it
	stdinErr   error
	stdinRead  bool
}

// inputs yields the documents as streams of blocks, one open file at a time, so that neither a
// plan nor a run holds a whole document. A document that is not in the source language (unless
// force is set) or is empty is reported, counted as skipped and left out.
func (r *documentReader) inputs() iter.Seq2[translate.Input, error] {
	return func(yield func(translate.Input, error) bool) {
		r.mu.Lock()
		r.yielded, r.skipped = nil, 0
		r.mu.Unlock()
		lang := r.lang
		if r.force {
			lang = "" // no language check
		}
		for _, f := range r.files {
			in, name, closeIn, err := r.open(f)
			if err != nil {
				if r.ctx.Err() == nil {
					r.skip(f, err.Error()) // unreadable, as an undecodable one below
					continue
				}
				yield(translate.Input{}, err)
				return
			}
			if f.path == "-" && r.inFormat == "" {
				if err := refuseMarkupStdin(r.stdinSpool.Head(), "translate"); err != nil {
					closeIn()
					yield(translate.Input{}, err)
					return
				}
			}
			input, doc, err := translate.Read(r.ctx, in, name, translate.ReadOptions{
				Whole: r.documentFormat(f), Check: lang, TargetLang: r.tgtLang,
				Segment: segment.Options{Lang: r.lang, Format: r.segmentFormat(f), KeepBoilerplate: r.keepBoilerplate},
			})
			if err != nil {
				closeIn()
				if r.ctx.Err() != nil {
					yield(translate.Input{}, err)
					return
				}
				// A document that cannot be read (binary, not UTF-8, broken markup), is empty
				// or not in the source language is named with its position and left out, the
				// others translated, and the run ends with exit 2: one bad file of a folder
				// does not cost the rest, and all of them are named in one run. translate.Read
				// reads an article far enough to know, before any of it is sent.
				r.skip(f, err.Error())
				continue
			}
			f.doc = doc
			r.mu.Lock()
			r.yielded = append(r.yielded, f)
			r.mu.Unlock()
			more := yield(input, nil)
			closeIn() // the pipeline has read every block before it asks for the next input
			if !more {
				return
			}
			r.leftOut.tell(f.path, f.path, input)
		}
	}
}

// leftOutNotes tells, once per document however often it is read (a plan and the run both
// read it), how many passages reading left out of its text as web debris (Input.LeftOut):
// the translation lacks them, and nothing else on the screen says so.
type leftOutNotes struct {
	note     func(msg string)
	inFormat string // --input-format, which segment must be given too to see the same text
	told     onceSet
	// decodedTold: the documents whose decoding was noted.
	decodedTold onceSet
}

// onceSet tells the first time a name is seen, across goroutines: a note about a document
// that both the plan and the run read is given once.
type onceSet struct {
	mu   sync.Mutex
	seen map[string]bool
}

// first reports whether name is seen for the first time, and marks it seen.
func (s *onceSet) first(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.seen[name] {
		return false
	}
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	s.seen[name] = true
	return true
}

// tell notes what in, read to its end, left out. name is how the document is called; file is
// the file bitext segment --explain can read it from, "-" for standard input or inline text.
func (l *leftOutNotes) tell(name, file string, in translate.Input) {
	if l == nil {
		return
	}
	if n := in.LeftOut(); n > 0 && l.told.first(name) {
		l.note(leftOutMessage(name, file, l.inFormat, n))
	}
	// How it was read, when not as UTF-8, as a document read whole says it (writeDocument):
	// a UTF-16 article came back as UTF-8 without a word.
	if how := in.Decoded(); how != "" && l.decodedTold.first(name) {
		if name == "-" {
			name = "standard input"
		}
		l.note(fmt.Sprintf("%s was read as %s; its translation is written as UTF-8", name, how))
	}
}

// leftOutMessage is the note for a document of which n passages were left out.
func leftOutMessage(name, file, inFormat string, n int) string {
	what := "1 passage"
	if n != 1 {
		what = fmt.Sprintf("%d passages", n)
	}
	explain := "bitext segment --explain"
	if inFormat != "" {
		explain += " -i " + inFormat
	}
	if name == "-" {
		name = "standard input"
	}
	if file == "-" {
		explain += " reading the same text lists them,"
	} else {
		if strings.HasPrefix(file, "-") {
			// A name starting with a dash would be read as a flag ("unknown flag --dash.txt").
			explain += " --"
		}
		explain += " " + shellWord(file) + " lists them,"
	}
	return fmt.Sprintf("%s: %s left out as web debris (bylines, photo credits, related-article links, site names); %s --keep-boilerplate keeps them", name, what, explain)
}

// shellWord quotes s for a POSIX shell when it holds anything but plain name characters, so
// that the command in a message can be pasted as it is.
func shellWord(s string) string {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("._-/+,:=@%", c)) {
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	return s
}

// skip counts a document left out and reports why, once per file (a plan reads twice).
func (r *documentReader) skip(f sourceFile, why string) {
	r.mu.Lock()
	r.skipped++
	if r.reported == nil {
		r.reported = map[string]bool{}
	}
	again := r.reported[f.path]
	r.reported[f.path] = true
	r.mu.Unlock()
	if !again {
		r.report(why + "; skipped")
	}
}

// open opens one input; standard input is read once and kept, because a plan and the run both
// read it.
func (r *documentReader) open(f sourceFile) (io.Reader, string, func(), error) {
	if f.path == "-" {
		if !r.stdinRead {
			r.stdinSpool, r.stdinErr = inputs.NewSpool(r.ctx, r.stdin)
			r.stdinRead = true
		}
		if r.stdinErr != nil {
			return nil, "", nil, inputError(r.stdinErr)
		}
		return r.stdinSpool.Reader(), "-", func() {}, nil
	}
	fh, err := os.Open(f.path)
	if err != nil {
		return nil, "", nil, inputError(err)
	}
	return fh, f.path, func() { fh.Close() }, nil
}

// source returns the input of the document with the given result index.
func (r *documentReader) source(index int) sourceFile {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.yielded[index]
}

// documentFormat is the format a file is read in as a whole document (package document), or ""
// when it is read as text, Markdown or HTML main text by package segment: standard input, text
// files, and HTML and Markdown with --main-only.
func (r *documentReader) documentFormat(f sourceFile) document.Format {
	df := document.Format(r.inFormat)
	switch {
	case r.inFormat == "text":
		return ""
	case r.inFormat == "" && f.path == "-":
		return ""
	case r.inFormat == "":
		df = document.FormatFromName(f.path)
		if df == "" {
			df = r.sniffed(f.path)
		}
	}
	if translate.ReadsMainText(df, r.mainOnly, r.docOut) {
		return ""
	}
	return df
}

// sniffed is the format a file whose name says none unmistakably is, or "" (text): read as
// text, its markup would be sent as sentences. Without an extension ("index" saved by wget)
// that is any document.Sniff finds (an HTML page, XLIFF, subtitles, PO); with one no format
// has (a saved page.shtml, page.php, index.html.1) only a page or XLIFF, unmistakable markup
// — not Markdown, which a text file may look like. A .txt or .text file is text. Said once
// per file, on the notes.
func (r *documentReader) sniffed(path string) document.Format {
	ext, ok := segment.SniffedExt(path, segment.FormatFromName(path))
	if !ok {
		return ""
	}
	df := sniffFile(path)
	if ext != "" && df != document.HTML && df != document.XLIFF {
		return ""
	}
	if df != "" && r.leftOut != nil && r.sniffTold.first(path) {
		why := "has no extension"
		if ext != "" {
			why = "is named " + ext
		}
		r.leftOut.note(fmt.Sprintf("%s: read as %s: the file %s and starts as %s (--input-format text reads it as text)", path, formatTitle(df), why, formatArticle(df)))
	}
	return df
}

// formatTitle and formatArticle name a sniffed document format in a note.
func formatTitle(df document.Format) string {
	switch df {
	case document.HTML, document.XLIFF, document.SRT, document.VTT, document.PO:
		return strings.ToUpper(string(df))
	}
	return string(df)
}

func formatArticle(df document.Format) string {
	switch df {
	case document.HTML:
		return "an HTML page"
	case document.XLIFF:
		return "an XLIFF file"
	case document.Markdown:
		return "Markdown"
	case document.PO:
		return "a PO file"
	}
	return formatTitle(df) + " subtitles"
}

// sniffFile is document.Sniff of a file's start. An error opening it is left to the reading
// that follows.
func sniffFile(path string) document.Format {
	fh, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer fh.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(fh, head)
	return document.Sniff(head[:n])
}

// segmentFormat is the format package segment reads f in when it is not read as a whole
// document: --input-format's, else "" (by its name; standard input is text) — or the page or
// Markdown a file whose name says no format unmistakably is (sniffed).
func (r *documentReader) segmentFormat(f sourceFile) segment.Format {
	switch r.inFormat {
	case "", "text":
		if r.inFormat == "text" || f.path == "-" {
			return segment.Text
		}
		if document.FormatFromName(f.path) == "" {
			switch r.sniffed(f.path) {
			case document.HTML:
				return segment.HTML
			case document.Markdown:
				return segment.Markdown
			}
		}
		return ""
	}
	sf, err := segment.ParseFormat(r.inFormat)
	if err != nil {
		return "" // a document format segment does not read: documentFormat reads it whole
	}
	return sf
}

// parseInputFormat checks translate's --input-format: text, or a format package document reads.
func parseInputFormat(s string) (string, error) {
	if f := strings.ToLower(strings.TrimSpace(s)); f == "text" || f == "txt" {
		return "text", nil
	}
	df, err := document.ParseFormat(s)
	if err != nil {
		return "", fmt.Errorf("%q: want text, markdown, html, xliff, srt, vtt or po", s)
	}
	return string(df), nil
}

// formatName names the output format for translate.ReadsMainText: the pair format, else the document
// format, "" when each document keeps its own.
func (s outputSpec) formatName() string {
	if s.pairs != "" {
		return string(s.pairs)
	}
	return string(s.doc)
}

// doc returns the whole document read for the result index (package document), or nil.
func (r *documentReader) doc(index int) *document.Doc {
	r.mu.Lock()
	defer r.mu.Unlock()
	if index < len(r.yielded) {
		return r.yielded[index].doc
	}
	return nil
}

// docsOf returns how the output finds the whole document read for a result index, when the
// source can say (documentReader, a manifest), or nil.
func docsOf(s any) func(int) *document.Doc {
	if d, ok := s.(interface{ doc(int) *document.Doc }); ok {
		return d.doc
	}
	return nil
}

// refuseSameIDs is a usage error when two inputs have one id (a file's path under its folder,
// or its base name): their documents would share a file under -o DIR (the second replacing the
// first) or a doc id in a pair corpus, where corpus merge takes them for one document.
func refuseSameIDs(ins []sourceFile) error {
	seen := make(map[string]string, len(ins))
	for _, in := range ins {
		id := filepath.ToSlash(in.rel)
		if first, ok := seen[id]; ok {
			return usageErrorf("%s and %s are both document %q (the path under its folder, or the file's name): give them in separate runs, or --manifest with ids of your own", first, in.path, id)
		}
		seen[id] = in.path
	}
	return nil
}
