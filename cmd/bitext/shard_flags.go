package main

import (
	"context"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/ctxio"
	"github.com/bitext/bitext/internal/outfile"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/shard"
	"github.com/bitext/bitext/translate"
)

// shardFlags are --shard I/N and --manifest FILE, on translate and align.
func shardFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "shard", Usage: "work on shard `I/N` only (0 ≤ I < N): the documents whose id hashes to I (first 8 bytes of SHA-256 of the id, mod N; a folder's documents are identified by their relative path); see deploy/README.md"},
		&cli.StringFlag{Name: "manifest", Usage: "read the documents from `FILE`, JSON Lines: {\"id\":…, \"path\":…} or {\"id\":…, \"text\":…} (translate), {\"id\":…, \"src\":…, \"tgt\":…} (align); paths relative to FILE"},
	}
}

// shardSpec reads --shard.
func shardSpec(c *cli.Context) (shard.Spec, error) {
	if !c.IsSet("shard") {
		return shard.Spec{}, nil
	}
	s, err := shard.Parse(c.String("shard"))
	if err != nil {
		return s, usageErrorf("--shard: %v", err)
	}
	return s, nil
}

// translateSource is where translate's documents come from: the files and folders on the
// command line (documentReader) or a manifest (manifestSource).
type translateSource interface {
	inputs() iter.Seq2[translate.Input, error]
	source(index int) sourceFile
	doc(index int) *document.Doc
	skippedDocs() int
}

func (r *documentReader) skippedDocs() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.skipped
}

// shardedInputs lists translate's inputs for --shard and --manifest. With a folder or files,
// the documents of other shards are left out (a document's id is its path relative to the
// folder, with forward slashes, or a file's base name). With --manifest, the manifest is read
// as the run goes (manifestSource) and the list holds a stand-in that makes the output a
// stream of many documents, as for a folder.
func shardedInputs(c *cli.Context) ([]sourceFile, *manifestSource, error) {
	spec, err := shardSpec(c)
	if err != nil {
		return nil, nil, err
	}
	if m := c.String("manifest"); m != "" {
		if c.NArg() > 0 || c.IsSet("text") {
			return nil, nil, usageErrorf("--manifest names the documents: give no files or --text besides")
		}
		if err := refuseOverwrite([]string{c.String("output")}, m); err != nil {
			return nil, nil, err
		}
		if _, err := os.Stat(m); err != nil {
			return nil, nil, inputError(err)
		}
		src := &manifestSource{name: m, spec: spec}
		return []sourceFile{{path: m, rel: "manifest/" + filepath.Base(m)}}, src, nil
	}
	inputs, err := listInputs(c.Args().Slice(), c.StringSlice("include"))
	if err != nil || !c.IsSet("shard") {
		return inputs, nil, err
	}
	if err := refuseSameIDs(inputs); err != nil { // of every shard: the same shard owns both
		return nil, nil, err
	}
	kept := inputs[:0]
	for _, in := range inputs {
		if in.path == "-" {
			if c.IsSet("text") {
				return nil, nil, usageErrorf("--shard splits files, folders or a --manifest, not --text")
			}
			return nil, nil, usageErrorf("--shard splits files, folders or a --manifest, not standard input")
		}
		if spec.Owns(filepath.ToSlash(in.rel)) {
			kept = append(kept, in)
		}
	}
	return kept, nil, nil
}

// checkManifest reads every line of a manifest before the run, which reads it again as it goes:
// a bad line, an id given twice (shard.ManifestReader) or a document that one of the outputs
// would overwrite (is, or lies inside: -o DIR holding a document) stops the run before any
// request, not when the run reaches it, and before the output replaces a German original.
func checkManifest(ctx context.Context, name string, outputs []string) error {
	f, err := os.Open(name)
	if err != nil {
		return inputError(err)
	}
	defer f.Close()
	mr := shard.NewManifestReader(ctxio.NewReader(ctx, f), name, shard.Spec{})
	for {
		d, err := mr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return inputError(err)
		}
		if d.Kind() != shard.File {
			continue
		}
		for _, out := range outputs {
			if err := outfile.CheckInputs(out, d.Path); err != nil {
				return usageError(fmt.Errorf("%s:%d: %w", name, d.Line, err))
			}
		}
	}
}

// manifestSource reads translate's documents from a manifest, those of its shard only, one
// open file at a time: memory does not grow with the manifest.
type manifestSource struct {
	name   string
	spec   shard.Spec
	outDir bool // documents go to files under -o DIR named after their ids

	ctx      context.Context
	force    bool
	lang     string
	mainOnly bool
	docOut   string // as documentReader.docOut
	report   func(msg string)
	keep     bool          // as documentReader.keepBoilerplate
	leftOut  *leftOutNotes // as documentReader.leftOut

	mu       sync.Mutex
	yielded  map[int]sourceFile    // documents handed to the pipeline and not yet written
	docs     map[int]*document.Doc // their whole documents (package document), when read so
	count    int
	skipped  int
	reported onceSet // skipped documents already named
}

// translateSourceFor returns the manifest source when there is one, else the reader of the
// files on the command line.
func translateSourceFor(m *manifestSource, r *documentReader) translateSource {
	if m == nil {
		return r
	}
	m.ctx, m.force, m.lang, m.mainOnly, m.docOut, m.report = r.ctx, r.force, r.lang, r.mainOnly, r.docOut, r.report
	m.keep, m.leftOut = r.keepBoilerplate, r.leftOut
	return m
}

func (m *manifestSource) inputs() iter.Seq2[translate.Input, error] {
	return func(yield func(translate.Input, error) bool) {
		m.mu.Lock()
		m.yielded, m.docs, m.count, m.skipped = map[int]sourceFile{}, map[int]*document.Doc{}, 0, 0
		m.mu.Unlock()
		f, err := os.Open(m.name)
		if err != nil {
			yield(translate.Input{}, inputError(err))
			return
		}
		defer f.Close()
		lang := m.lang
		if m.force {
			lang = ""
		}
		mr := shard.NewManifestReader(f, m.name, m.spec)
		for {
			d, err := mr.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(translate.Input{}, inputError(err))
				return
			}
			if m.outDir && !filepath.IsLocal(filepath.FromSlash(d.ID)) {
				// The id names the output file: an absolute path or one with .. would escape -o.
				yield(translate.Input{}, inputError(fmt.Errorf("%s:%d: id %q cannot name a file under the output folder (absolute, or with ..): give relative ids, or write pairs (--format jsonl)", m.name, d.Line, d.ID)))
				return
			}
			var in io.Reader
			var closeIn func()
			src := sourceFile{path: d.Path, rel: d.ID}
			ro, err := manifestReading(d, m.mainOnly, m.docOut, m.lang)
			if err != nil {
				yield(translate.Input{}, inputError(fmt.Errorf("%s:%d: %w", m.name, d.Line, err)))
				return
			}
			ro.Check = lang
			ro.Segment.KeepBoilerplate = m.keep
			name := d.Path
			switch d.Kind() {
			case shard.File:
				fh, err := os.Open(d.Path)
				if err != nil {
					yield(translate.Input{}, inputError(fmt.Errorf("%s:%d: %w", m.name, d.Line, err)))
					return
				}
				in, closeIn = fh, func() { fh.Close() }
			case shard.Inline:
				in, closeIn, name, src.path = strings.NewReader(d.Text), func() {}, d.ID, "-"
			default:
				yield(translate.Input{}, inputError(fmt.Errorf("%s:%d: document %q is an aligned pair (src, tgt): translate wants path or text", m.name, d.Line, d.ID)))
				return
			}
			input, doc, err := translate.Read(m.ctx, in, name, ro)
			if err != nil {
				closeIn()
				if m.ctx.Err() != nil {
					yield(translate.Input{}, err)
					return
				}
				m.skip(d.ID, err.Error()) // as documentReader.inputs does
				continue
			}
			m.mu.Lock()
			m.yielded[m.count] = src
			if doc != nil {
				m.docs[m.count] = doc
			}
			m.count++
			m.mu.Unlock()
			more := yield(input, nil)
			closeIn() // the pipeline has read every block before it asks for the next input
			if !more {
				return
			}
			m.leftOut.tell(d.ID, src.path, input)
		}
	}
}

// manifestReading is how a manifest document is read, for translate and for corpus merge
// alike: as files on the command line are (formats package document reads whole — HTML and
// Markdown pages, XLIFF, subtitles, PO — unless --main-only or the output asks for the main
// text), except that a "format" the line names reads the text with package segment, and
// inline text has no extension to tell its format: plain text unless "format" says.
func manifestReading(d shard.Document, mainOnly bool, docOut, lang string) (translate.ReadOptions, error) {
	ro := translate.ReadOptions{Segment: segment.Options{Lang: lang}}
	if d.Format != "" {
		f, err := segment.ParseFormat(d.Format)
		if err != nil {
			return ro, err
		}
		ro.Segment.Format = f
	}
	switch d.Kind() {
	case shard.File:
		if d.Format == "" {
			if df := document.FormatFromName(d.Path); !translate.ReadsMainText(df, mainOnly, docOut) {
				ro.Whole = df
			}
		}
	case shard.Inline:
		if ro.Segment.Format == "" {
			ro.Segment.Format = segment.Text
		}
	}
	return ro, nil
}

func (m *manifestSource) skip(id, why string) {
	m.mu.Lock()
	m.skipped++
	m.mu.Unlock()
	if m.reported.first(id) {
		m.report(why + "; skipped")
	}
}

// source returns the document of a result. Results reach the output in input order, so the
// documents before it are written and forgotten: the map holds only the documents in flight.
func (m *manifestSource) source(index int) sourceFile {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := range m.yielded {
		if i < index {
			delete(m.yielded, i)
			delete(m.docs, i)
		}
	}
	return m.yielded[index]
}

// doc returns the whole document read for a result, or nil.
func (m *manifestSource) doc(index int) *document.Doc {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.docs[index]
}

func (m *manifestSource) skippedDocs() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.skipped
}

// manifestDocPairs reads align's document pairs from a manifest of {"id", "src", "tgt"} lines
// (paths relative to the manifest), and returns the files read, for refuseOverwrite. Every line
// is checked; --shard then keeps those of one shard (shardDocPairs).
func manifestDocPairs(c *cli.Context, m string) ([]align.DocPair, []string, error) {
	if c.NArg() > 0 || c.IsSet("pairs") {
		return nil, nil, usageErrorf("--manifest names the document pairs: give no SRC and TGT or --pairs besides")
	}
	f, err := os.Open(m)
	if err != nil {
		return nil, nil, inputError(err)
	}
	defer f.Close()
	var pairs []align.DocPair
	inputs := []string{m}
	mr := shard.NewManifestReader(ctxio.NewReader(c.Context, f), m, shard.Spec{})
	for {
		d, err := mr.Next()
		if err == io.EOF {
			return pairs, inputs, nil
		}
		if err != nil {
			return nil, nil, inputError(err)
		}
		if d.Kind() != shard.Pair {
			return nil, nil, inputError(fmt.Errorf("%s:%d: document %q: align wants a pair, src and tgt", m, d.Line, d.ID))
		}
		pairs = append(pairs, align.DocPair{ID: d.ID, Src: d.Src, Tgt: d.Tgt, Where: fmt.Sprintf("%s:%d", m, d.Line)})
		inputs = append(inputs, d.Src, d.Tgt)
	}
}

// shardDocPairs keeps the document pairs of the shard --shard names (all without it).
func shardDocPairs(c *cli.Context, pairs []align.DocPair) ([]align.DocPair, shard.Spec, error) {
	spec, err := shardSpec(c)
	if err != nil || spec.All() {
		return pairs, spec, err
	}
	kept := pairs[:0:0]
	for _, p := range pairs {
		if spec.Owns(p.ID) {
			kept = append(kept, p)
		}
	}
	return kept, spec, nil
}

func shardNote(s shard.Spec) string {
	if s.Count == 0 {
		return ""
	}
	return " (shard " + s.String() + ")"
}
