package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/outfile"
	"github.com/bitext/bitext/qa"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/translate"
)

// outputSpec is where and how translations are written.
type outputSpec struct {
	doc   segment.Format // document output: "" means the format of each input
	pairs corpus.Format  // pair output; "" means document output
	path  string         // -o; "" means standard output
	dir   bool           // path is a folder mirroring the input tree
	// stream marks a path that exists and is neither a regular file nor a folder (a device such
	// as /dev/null, a named pipe): it takes the documents one after the other, as standard
	// output does, written in place.
	stream bool
}

// resolveOutput decides the output from --format, -o and the inputs (read as inFormat when
// --input-format gives one). Without --format, the extension of -o decides (.jsonl, .tmx,
// .tsv, .md, .html); otherwise documents keep their format.
func resolveOutput(format, out string, inputs []sourceFile, inFormat string) (outputSpec, error) {
	var spec outputSpec
	spec.path = out
	switch {
	case format == "":
	case isPairFormat(format):
		spec.pairs = corpus.Format(strings.ToLower(format))
	default:
		f, err := segment.ParseFormat(format)
		if err != nil {
			return spec, usageErrorf("--format %q: want text, markdown, html, jsonl, tmx, moses, tsv or xliff", format)
		}
		spec.doc = f
	}
	if out == "" || out == "-" {
		spec.path = ""
		if spec.pairs == corpus.Moses {
			return spec, usageErrorf("--format moses writes two files: give -o NAME (NAME.de and NAME.en)")
		}
		return spec, nil
	}
	st, err := os.Stat(out)
	existingDir := err == nil && st.IsDir()
	spec.stream = err == nil && !st.IsDir() && !st.Mode().IsRegular()
	spec.dir = existingDir || strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(filepath.Separator))
	if format == "" && !spec.dir {
		// Moses is never guessed: its language extensions look like other extensions (.md).
		ext := strings.ToLower(filepath.Ext(out))
		if ext == ".md" || ext == ".markdown" || ext == ".mdx" || ext == ".html" || ext == ".htm" || (ext == ".txt" || ext == ".text") && articlesOnly(inputs, inFormat) {
			spec.doc = segment.FormatFromName(out)
		} else if f := corpus.FormatFromName(out); f != "" && f != corpus.Moses && f != corpus.XLIFF { // -o x.xlf: the filled XLIFF document; pairs as XLIFF with --format xliff
			spec.pairs = f
		}
		if df := document.FormatFromName(out); df == document.XLIFF && noneOf(inputs, inFormat, df) {
			// -o x.xlf from articles: their sentence pairs as XLIFF, as --format xliff writes
			// them (it was refused, "a xliff file is written only from a xliff input", while
			// -o x.tmx and -o x.jsonl gave pairs).
			spec.pairs = corpus.XLIFF
		} else if df != "" && df != document.HTML && df != document.Markdown {
			for _, in := range inputs {
				if f := document.Format(inFormat); f != df && (inFormat != "" || document.FormatFromName(in.path) != df) {
					if df == document.XLIFF {
						return spec, usageErrorf("-o %s: the inputs are XLIFF and other documents: a filled XLIFF file comes from XLIFF inputs only (%s is not one); --format xliff writes all of them as sentence pairs", out, in.path)
					}
					return spec, usageErrorf("-o %s: a %s file is written only from a %s input (%s is not one)", out, df, df, in.path)
				}
			}
		}
	}
	fromDir := false
	for _, in := range inputs {
		fromDir = fromDir || in.fromDir
	}
	if !spec.dir && err != nil && spec.pairs == "" && (len(inputs) > 1 || fromDir) && filepath.Ext(out) == "" {
		spec.dir = true // several documents into a new path without an extension: a folder
	}
	if spec.stream {
		return spec, nil // several documents go into it as into standard output
	}
	if !spec.dir && spec.pairs == "" && len(inputs) > 1 {
		return spec, usageErrorf("-o %s: %d documents cannot go into one file; give a folder", out, len(inputs))
	}
	if !spec.dir && spec.pairs == "" && fromDir {
		// Even one: a script that works while the folder holds one file must not break when it
		// holds two.
		return spec, usageErrorf("-o %s: the documents of a folder go into a folder (-o %s/)", out, strings.TrimSuffix(out, filepath.Ext(out)))
	}
	return spec, nil
}

// articlesOnly says whether every input is an article (text, Markdown, HTML), which -o NAME.txt
// turns into text; a localisation file's placeholders would be lost in text (a PO's %(count)d
// went silently), so it keeps its format there.
func articlesOnly(inputs []sourceFile, inFormat string) bool {
	for _, in := range inputs {
		f := document.Format(inFormat)
		if inFormat == "" && in.path != "-" {
			f = document.FormatFromName(in.path)
		}
		if f != "" && f != document.HTML && f != document.Markdown && string(f) != string(segment.Text) {
			return false
		}
	}
	return true
}

// noneOf says whether no input is of document format df (read as inFormat when given).
func noneOf(inputs []sourceFile, inFormat string, df document.Format) bool {
	for _, in := range inputs {
		if document.Format(inFormat) == df || inFormat == "" && document.FormatFromName(in.path) == df {
			return false
		}
	}
	return true
}

func isPairFormat(s string) bool {
	_, err := corpus.ParseFormat(s)
	return err == nil
}

// outputSink writes each translated document as it arrives. Files are written under temporary
// names and renamed once complete — a document file as soon as its document is done, a single
// pair stream at the end of the run — so that no output is ever half-written.
type outputSink struct {
	spec             outputSpec
	stdout           io.Writer
	provider, model  string
	srcLang, tgtLang string
	withConfidence   bool
	warnings         *corpusWarnings  // changes the pair writers made to keep the files valid
	remaining        violationList    // glossary violations and suspect answers left in the output
	note             func(msg string) // says what the output changed of the input's form; nil with --quiet

	// docOf returns the whole document read for a result index when the source file does not
	// carry it (a manifest's documents), or nil.
	docOf func(index int) *document.Doc

	pairs    corpus.Writer     // single pair stream (stdout or -o FILE)
	docPairs corpus.Writer     // the current document's pair file, in folder mode
	blocks   []segment.Block   // the current document's translated blocks so far
	origins  []document.Origin // where the translation of each of blocks came from (translate.BlockOrigins)
	format   segment.Format    // the current document's input format
	form     segment.TextForm  // how the current document's text input writes its lines
	pending  []pendingFile     // files waiting for commit
	docs     int
	src      sourceFile        // the document being written
	written  map[string]string // folder mode: the files written so far, and their inputs
	// plain writes the current document as its pieces come, when it is rendered as text or
	// Markdown (see streams); nil otherwise.
	plain     *segment.PlainWriter
	plainFile bool // plain writes to a file of its own, committed at the document's end
}

func (o *outputSink) open() error {
	if o.spec.stream && o.spec.pairs == "" {
		// Documents go into a device or pipe as into standard output: opened once, so that a
		// reader of a pipe sees one stream, not an end after the first document.
		f, err := o.create(o.spec.path)
		if err != nil {
			return err
		}
		o.stdout, o.spec.path = f, ""
		return nil
	}
	if o.spec.pairs == "" || o.spec.dir {
		return nil
	}
	w, err := o.openPairs(o.spec.path)
	if err != nil {
		return err
	}
	o.pairs = w
	return nil
}

// openPairs opens a pair writer on a file (or standard output when name is "").
func (o *outputSink) openPairs(name string) (corpus.Writer, error) {
	opt := corpus.WriterOptions{SourceLang: o.srcLang, TargetLang: o.tgtLang, ToolVersion: buildVersion(), Warn: o.warnings.warn}
	if name == "" {
		return corpus.NewWriter(o.spec.pairs, o.stdout, opt)
	}
	if o.spec.pairs == corpus.Moses {
		// The two files go into place together (corpus.MosesFiles), never one side alone.
		m, err := corpus.CreateMoses(name, opt)
		if err != nil {
			return nil, err
		}
		o.pending = append(o.pending, m)
		return m, nil
	}
	f, err := o.create(name)
	if err != nil {
		return nil, err
	}
	return corpus.NewWriter(o.spec.pairs, f, opt)
}

// pendingFile is an output written to a temporary name until commit: one file, or the two of a
// Moses corpus.
type pendingFile interface {
	Commit() error
	Abort()
}

func (o *outputSink) create(name string) (*outfile.File, error) {
	// What refusePlannedOutputs checked before anything was sent, checked again where the name
	// is made (a manifest's documents are not planned ahead): a document's output that is its
	// own source through a link, or a file this run already wrote.
	if o.spec.dir && o.src.path != "" {
		if err := outfile.CheckInputs(name, o.src.path); err != nil {
			return nil, usageError(err)
		}
		if o.written == nil {
			o.written = map[string]string{}
		}
		key := filepath.Clean(name)
		if first, ok := o.written[key]; ok {
			return nil, usageErrorf("%s and %s would both be written to %s: %s", first, o.src.path, name, o.spec.collisionAdvice())
		}
		o.written[key] = o.src.path
	}
	f, err := outfile.Create(name)
	if err != nil {
		return nil, err
	}
	o.pending = append(o.pending, f)
	return f, nil
}

// write writes one translated piece of a document (RunInputs hands long documents over in
// pieces; Final marks the last).
func (o *outputSink) write(res *translate.Result, src sourceFile) error {
	o.src = src
	o.remaining.add(src.rel, res.Pairs)
	if o.spec.pairs != "" {
		return o.writePairs(res, src)
	}
	if res.Part == 0 {
		o.blocks, o.origins, o.format, o.form = o.blocks[:0], o.origins[:0], res.Source.Format, res.Source.Form
		if f, ok := o.streams(res, src); ok {
			if err := o.startPlain(f, src); err != nil {
				return err
			}
		}
	}
	if o.plain != nil {
		// Rendered as text or Markdown: each piece is written as it comes, so that a long
		// article is never held whole (a 212 MB text peaked at 1.1 GB when collected).
		if err := o.plain.Write(res.Blocks); err != nil {
			return err
		}
		if !res.Final {
			return nil
		}
		o.plain = nil
		o.docs++
		if !o.plainFile {
			return nil
		}
		return o.commit()
	}
	// A document rendered as HTML, or written back whole, comes out as one (its title, its
	// structure): the pieces' translated blocks are collected until the last one.
	o.blocks = append(o.blocks, res.Blocks...)
	o.origins = append(o.origins, translate.BlockOrigins(res)...)
	if !res.Final {
		return nil
	}
	o.docs++
	// A whole document (package document) is written back with its translations in place.
	doc := src.doc
	if doc == nil && o.docOf != nil {
		doc = o.docOf(res.Index)
	}
	if doc != nil && (o.spec.doc == "" || string(o.spec.doc) == string(doc.Format) || translate.ConvertsWhole(doc.Format, o.spec.formatName())) {
		return o.writeDocument(doc, src)
	}
	if doc != nil {
		// Another format asked for: the words without the inline codes.
		for i := range o.blocks {
			o.blocks[i].Text = document.Plain(o.blocks[i].Text)
			o.blocks[i].Sentences = nil
		}
	}
	f := o.spec.doc
	if f == "" {
		f = o.format
	}
	title := translate.Title(o.blocks)
	if o.spec.path == "" {
		if o.docs > 1 && f != segment.HTML {
			io.WriteString(o.stdout, "\n")
		}
		return o.render(o.stdout, f, title)
	}
	file, err := o.create(o.renderedName(f, src))
	if err != nil {
		return err
	}
	if err := o.render(file, f, title); err != nil {
		return err
	}
	// A finished document goes into place at once: a folder of thousands of articles holds no
	// more than one open file, and an interrupted run keeps the documents it completed.
	return o.commit()
}

// render writes the current document's translated blocks in f; a page says the target
// language.
func (o *outputSink) render(w io.Writer, f segment.Format, title string) error {
	if f == segment.HTML {
		return segment.RenderPageAs(w, title, o.tgtLang, o.blocks, o.form)
	}
	return segment.RenderAs(w, f, title, o.blocks, o.form)
}

// renderedName is the file a document rendered from its blocks in f goes to: -o, or its mirror
// in the -o folder, with f's extension when the format changes or the input had no name.
func (o *outputSink) renderedName(f segment.Format, src sourceFile) string {
	if !o.spec.dir {
		return o.spec.path
	}
	ext := ""
	if o.spec.doc != "" || src.path == "-" {
		ext = docExt(f)
	}
	return mirrorPath(o.spec.path, src.rel, ext)
}

// streams says whether the document whose first piece res is is rendered as text or Markdown
// from its blocks (no whole document read to write back, no HTML to build), and in which.
func (o *outputSink) streams(res *translate.Result, src sourceFile) (segment.Format, bool) {
	doc := src.doc
	if doc == nil && o.docOf != nil {
		doc = o.docOf(res.Index)
	}
	f := o.spec.doc
	if f == "" {
		f = res.Source.Format
	}
	return f, doc == nil && (f == segment.Text || f == segment.Markdown)
}

// startPlain opens the output of a document rendered piece by piece in f: standard output, or
// its file.
func (o *outputSink) startPlain(f segment.Format, src sourceFile) error {
	var w io.Writer = o.stdout
	o.plainFile = o.spec.path != ""
	if o.plainFile {
		file, err := o.create(o.renderedName(f, src))
		if err != nil {
			return err
		}
		w = file
	} else if o.docs > 0 {
		io.WriteString(o.stdout, "\n")
	}
	pw, err := segment.NewPlainWriter(w, f, o.form)
	if err != nil {
		return err
	}
	o.plain = pw
	return nil
}

// writeDocument writes a whole document with the translated blocks in place of its segments.
// Translations whose codes are broken are written with the codes placed safely and named on
// standard error.
func (o *outputSink) writeDocument(doc *document.Doc, src sourceFile) error {
	targets := translate.DocumentTargets(doc, o.blocks)
	convert := translate.ConvertsWhole(doc.Format, o.spec.formatName())
	var w io.Writer = o.stdout
	if o.spec.path != "" {
		name := o.spec.path
		if o.spec.dir {
			ext := ""
			if convert {
				ext = docExt(o.spec.doc)
			}
			name = mirrorPath(o.spec.path, src.rel, ext)
		}
		f, err := o.create(name)
		if err != nil {
			return err
		}
		w = f
	} else if o.docs > 1 && doc.Format != document.HTML {
		io.WriteString(o.stdout, "\n")
	}
	final := w
	var md bytes.Buffer
	if convert {
		w = &md
	}
	probs, err := doc.Write(w, targets, document.WriteOptions{TargetLang: o.tgtLang, Origins: translate.DocumentOrigins(doc, o.origins)})
	if err != nil {
		return err
	}
	if convert {
		if err := document.MarkdownToHTML(final, md.Bytes(), o.tgtLang); err != nil {
			return err
		}
	}
	if doc.Decoded != "" && o.note != nil {
		o.note(fmt.Sprintf("%s was read as %s; its translation is written as UTF-8 (and says so where the format declares it)", src.rel, doc.Decoded))
	}
	if o.warnings != nil {
		for _, p := range probs {
			fmt.Fprintf(o.warnings.w, "bitext: warning: %s:%d: %v; the codes were placed at the segment's edges\n", src.rel, p.Line, p.Err)
		}
	}
	if o.spec.path == "" {
		return nil
	}
	return o.commit()
}

// writePairs writes a piece's sentence pairs; a segment that got no translation (Pair.Err) is
// left out, and named on stderr by the run.
func (o *outputSink) writePairs(res *translate.Result, src sourceFile) error {
	w := o.pairs
	if o.spec.dir {
		if res.Part == 0 {
			var err error
			if o.docPairs, err = o.openPairs(mirrorPath(o.spec.path, src.rel, pairExt(o.spec.pairs))); err != nil {
				return err
			}
		}
		w = o.docPairs
	}
	for _, p := range res.Pairs {
		if p.Err != nil {
			continue
		}
		if err := w.Write(o.pair(res, src, p)); err != nil {
			return err
		}
	}
	if o.spec.dir && res.Final {
		if err := w.Close(); err != nil {
			return err
		}
		o.docPairs = nil
		return o.commit()
	}
	return nil
}

func (o *outputSink) pair(res *translate.Result, src sourceFile, p translate.Pair) corpus.Pair {
	source, target := p.Source, p.Target
	var sourceTagged, targetTagged string
	doc := src.doc
	if doc == nil && o.docOf != nil {
		doc = o.docOf(res.Index)
	}
	// Only a document read whole holds tagged text; a text's "<x1/>" is its words ("Der
	// Platzhalter <x1/> steht hier" lost it from both sides of its pair).
	if doc != nil && document.HasTags(source) {
		// Pair formats carry the words, and the text with its inline codes beside them (JSONL
		// source_tagged/target_tagged, TMX <bpt>/<ept>/<ph>); the markup stays in the document.
		sourceTagged, targetTagged = source, target
		source, target = document.Words(source), document.Words(target)
	}
	cp := corpus.Pair{
		Doc: src.rel, Paragraph: p.Paragraph, Sentence: p.Sentence,
		Source: source, Target: target,
		SourceTagged: sourceTagged, TargetTagged: targetTagged,
		Provider: o.provider, Model: o.model, TMHit: p.TMHit,
	}
	if sourceTagged != "" {
		cp.Codes = translate.BlockCodes(doc, p.Paragraph)
	}
	if p.People {
		cp.Provider, cp.Model = "", "" // people made it: no provider's (corpus.Pair.Provider)
	}
	if o.withConfidence {
		cp.Confidence = p.Confidence
	}
	for _, v := range p.Findings {
		cp.Violations = append(cp.Violations, corpusViolation(v))
	}
	return cp
}

// corpusViolation is a finding as a pair file records it; a flag (a suspect answer) keeps its
// reason in "found", as pair files always had it.
func corpusViolation(v qa.Violation) corpus.Violation {
	cv := v.Corpus()
	if !qa.IsGlossary(v.Kind) && cv.Found == "" {
		cv.Found = v.Message
	}
	return cv
}

// finish closes the pair stream and renames every file still pending into place.
func (o *outputSink) finish() error {
	if o.pairs != nil {
		if err := o.pairs.Close(); err != nil {
			return err
		}
		o.pairs = nil
	}
	return o.commit()
}

// commit renames the pending files into place.
func (o *outputSink) commit() error {
	for _, f := range o.pending {
		if err := f.Commit(); err != nil {
			return err
		}
	}
	o.pending = nil
	return nil
}

// abort removes the temporary files of an unfinished run.
func (o *outputSink) abort() {
	for _, f := range o.pending {
		f.Abort()
	}
	o.pending = nil
}

// plannedName is the file under the -o folder that input in's translation goes to, as
// renderedName, writeDocument and writePairs will name it, known before anything is read: df
// is the format its name says (inFormat when given). Pair files take the pair format's
// extension; documents keep theirs without --format; with it, text and pages converted or
// rebuilt from their main text take the new format's (a.txt and a.md both become a.html), and
// whole documents in a format of their own (XLIFF, PO, subtitles) keep theirs.
func plannedName(spec outputSpec, in sourceFile, df document.Format, mainOnly bool) string {
	switch {
	case spec.pairs != "":
		return mirrorPath(spec.path, in.rel, pairExt(spec.pairs))
	case in.path == "-":
		return mirrorPath(spec.path, in.rel, docExt(spec.doc))
	case spec.doc == "":
		return mirrorPath(spec.path, in.rel, "")
	case df == "" || string(df) == string(segment.Text):
		return mirrorPath(spec.path, in.rel, docExt(spec.doc))
	case df == document.HTML || df == document.Markdown:
		if !mainOnly && string(df) == string(spec.doc) {
			return mirrorPath(spec.path, in.rel, "")
		}
		return mirrorPath(spec.path, in.rel, docExt(spec.doc))
	}
	return mirrorPath(spec.path, in.rel, "")
}

// refusePlannedOutputs is a usage error (exit 2), before anything is sent, when two inputs would
// be written to one file of the -o folder (a.txt and a.md with --format html: one translation
// silently replaced the other), or when a file the run would write is one of the inputs through
// a link already in the -o folder (an English tree made with cp -rs from the German one: the
// German originals were overwritten with their translations).
func refusePlannedOutputs(spec outputSpec, ins []sourceFile, inFormat string, mainOnly bool) error {
	if !spec.dir || spec.path == "" {
		return nil
	}
	paths := make([]string, 0, len(ins))
	for _, in := range ins {
		paths = append(paths, in.path)
	}
	inputs, err := outfile.NewInputs(paths...)
	if err != nil {
		return usageError(err)
	}
	seen := make(map[string]string, len(ins))
	for _, in := range ins {
		df := document.Format(inFormat)
		if inFormat == "" {
			df = document.FormatFromName(in.path)
		}
		name := plannedName(spec, in, df, mainOnly)
		if first, ok := seen[name]; ok {
			return usageErrorf("%s and %s would both be written to %s: %s", first, in.path, name, spec.collisionAdvice())
		}
		seen[name] = in.path
		if err := inputs.Check(name); err != nil {
			return usageError(err)
		}
		// A subfolder of the output tree that cannot be written into, or a file standing
		// where one is needed, failed only at its document, after the provider was paid.
		if err := outfile.CheckTarget(name); err != nil {
			return usageError(err)
		}
	}
	return nil
}

// collisionAdvice is what to do when two documents would go to one file of the -o folder.
func (s outputSpec) collisionAdvice() string {
	if s.pairs != "" {
		return "write the pairs into one file instead (-o FILE" + pairExt(s.pairs) + ")"
	}
	return "write them without --format (each keeps its own), or into separate folders"
}

// mirrorPath places rel under dir, replacing its extension with ext when ext is not "".
func mirrorPath(dir, rel, ext string) string {
	if ext != "" {
		rel = strings.TrimSuffix(rel, filepath.Ext(rel)) + ext
	}
	return filepath.Join(dir, rel)
}

func docExt(f segment.Format) string {
	switch f {
	case segment.Markdown:
		return ".md"
	case segment.HTML:
		return ".html"
	}
	return ".txt"
}

func pairExt(f corpus.Format) string {
	return "." + string(f) // Moses: openPairs replaces .moses with the language extensions
}

// violationList keeps the violations left in a run's output, to list them after the summary:
// with --strict a user must see what failed the run, whatever the output format.
type violationList struct {
	lines []string
	total int
}

// maxListed bounds the violations listed one by one; the rest are counted.
const maxListed = 50

func (l *violationList) add(doc string, pairs []translate.Pair) {
	for i := range pairs {
		p := &pairs[i]
		for _, v := range p.Findings {
			l.total++
			if len(l.lines) >= maxListed {
				continue
			}
			l.lines = append(l.lines, listedViolation(translate.PairLabel(doc, p), p.Source, v))
		}
	}
}

// listedViolation is one line of the list: where, the kind, the term (and the glossary entry
// when the text has an inflected form of it), the rendering wanted and what was found; for a
// suspect answer the reason and the source.
func listedViolation(where, source string, v qa.Violation) string {
	if !qa.IsGlossary(v.Kind) {
		if v.Kind == translate.Suspect {
			return fmt.Sprintf("%s: suspect answer (%s): %q", where, v.Message, source)
		}
		return where + ": " + v.String()
	}
	term := fmt.Sprintf("%q", v.Term)
	if v.Entry != "" && v.Entry != v.Term {
		term += fmt.Sprintf(" (entry %q)", v.Entry)
	}
	msg := fmt.Sprintf("%s: %s: %s → want %q", where, v.Kind, term, v.Expected)
	if v.Found != "" {
		msg += fmt.Sprintf(", found %q", v.Found)
	}
	return msg
}

// write lists the violations, one per line.
func (l *violationList) write(w io.Writer) {
	for _, line := range l.lines {
		fmt.Fprintf(w, "bitext:   %s\n", line)
	}
	if l.total > len(l.lines) {
		fmt.Fprintf(w, "bitext:   … and %d more (--format jsonl lists them all)\n", l.total-len(l.lines))
	}
}
