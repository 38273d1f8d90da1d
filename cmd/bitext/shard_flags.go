package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
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
	kept := inputs[:0]
	for _, in := range inputs {
		if in.path == "-" {
			return nil, nil, usageErrorf("--shard splits files, folders or a --manifest, not standard input")
		}
		if spec.Owns(filepath.ToSlash(in.rel)) {
			kept = append(kept, in)
		}
	}
	return kept, nil, nil
}

// manifestSource reads translate's documents from a manifest, those of its shard only, one
// open file at a time: memory does not grow with the manifest.
type manifestSource struct {
	name string
	spec shard.Spec

	ctx    context.Context
	force  bool
	lang   string
	report func(msg string)

	mu       sync.Mutex
	yielded  map[int]sourceFile // documents handed to the pipeline and not yet written
	count    int
	skipped  int
	reported map[string]bool
}

// translateSourceFor returns the manifest source when there is one, else the reader of the
// files on the command line.
func translateSourceFor(m *manifestSource, r *documentReader) translateSource {
	if m == nil {
		return r
	}
	m.ctx, m.force, m.lang, m.report = r.ctx, r.force, r.lang, r.report
	return m
}

func (m *manifestSource) inputs() iter.Seq2[translate.Input, error] {
	return func(yield func(translate.Input, error) bool) {
		m.mu.Lock()
		m.yielded, m.count, m.skipped = map[int]sourceFile{}, 0, 0
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
			var in io.Reader
			var closeIn func()
			src := sourceFile{path: d.Path, rel: d.ID}
			opt := segment.Options{Lang: m.lang}
			if d.Format != "" {
				if opt.Format, err = segment.ParseFormat(d.Format); err != nil {
					yield(translate.Input{}, inputError(fmt.Errorf("%s:%d: %w", m.name, d.Line, err)))
					return
				}
			}
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
				// Inline text has no extension to tell its format: plain text unless "format" says.
				if opt.Format == "" {
					opt.Format = segment.Text
				}
				in, closeIn, name, src.path = strings.NewReader(d.Text), func() {}, d.ID, "-"
			default:
				yield(translate.Input{}, inputError(fmt.Errorf("%s:%d: document %q is an aligned pair (src, tgt): translate wants path or text", m.name, d.Line, d.ID)))
				return
			}
			sc := segment.NewScannerContext(m.ctx, in, name, opt)
			input, err := translate.ScanInput(sc, name, lang)
			var notSource *translate.NotSourceError
			switch {
			case errors.As(err, &notSource), errors.Is(err, segment.ErrEmpty):
				closeIn()
				m.skip(d.ID, err.Error())
				continue
			case err != nil:
				closeIn()
				yield(translate.Input{}, inputError(err))
				return
			}
			m.mu.Lock()
			m.yielded[m.count] = src
			m.count++
			m.mu.Unlock()
			more := yield(input, nil)
			closeIn() // the pipeline has read every block before it asks for the next input
			if !more {
				return
			}
		}
	}
}

func (m *manifestSource) skip(id, why string) {
	m.mu.Lock()
	m.skipped++
	if m.reported == nil {
		m.reported = map[string]bool{}
	}
	again := m.reported[id]
	m.reported[id] = true
	m.mu.Unlock()
	if !again {
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
		}
	}
	return m.yielded[index]
}

func (m *manifestSource) skippedDocs() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.skipped
}

// alignPairDoc is one document pair for a sharded align run.
type alignPairDoc struct {
	id, src, tgt string
}

// runAlignShard is `bitext align` over many document pairs: --manifest of {id, src, tgt}, or
// two folders SRC_DIR TGT_DIR whose files are paired by relative path; with --shard I/N only
// the pairs of that shard. Every pair's sentence pairs go into one output (-o or standard
// output) in a pair format, each labelled with the document id.
func runAlignShard(c *cli.Context) error {
	spec, err := shardSpec(c)
	if err != nil {
		return err
	}
	format := strings.ToLower(c.String("format"))
	if !c.IsSet("format") {
		format = "jsonl"
		if f := corpus.FormatFromName(c.String("output")); f != "" && f != corpus.Moses {
			format = string(f)
		}
	}
	if _, err := corpus.ParseFormat(format); err != nil {
		return usageErrorf("--format %s: over many documents, align writes a pair format (jsonl, tmx, tsv or moses)", format)
	}
	for _, f := range []string{"mt", "gold"} {
		if c.IsSet(f) {
			return usageErrorf("--%s belongs to one document pair; not with --shard or --manifest", f)
		}
	}
	out := c.String("output")
	if out == "-" {
		out = ""
	}
	if format == "moses" && out == "" {
		return usageErrorf("--format moses writes two files: give -o PREFIX")
	}
	docs, inputs, err := alignPairDocs(c, spec)
	if err != nil {
		return err
	}
	outs := []string{out}
	if format == "moses" {
		s, t, err := corpus.MosesPaths(out, c.String("source-lang"), c.String("target-lang"))
		if err != nil {
			return usageError(err)
		}
		outs = append(outs, s, t)
	}
	if err := refuseOverwrite(outs, append(inputs, c.String("dict"), c.String("glossary"))...); err != nil {
		return err
	}
	dict, err := readAlignDict(c)
	if err != nil {
		return err
	}
	warnings := newCorpusWarnings(c.App.ErrWriter)
	defer warnings.done()
	opt := corpus.WriterOptions{SourceLang: c.String("source-lang"), TargetLang: c.String("target-lang"), ToolVersion: buildVersion(), Warn: warnings.warn}

	w, commit, abort, err := createPairOutput(c, corpus.Format(format), out, opt)
	if err != nil {
		return err
	}
	n := 0
	err = docs(func(d alignPairDoc) error {
		if err := c.Context.Err(); err != nil {
			return err
		}
		n++
		return alignOnePair(c, w, d, dict)
	})
	if err == nil {
		err = commit()
	}
	if err != nil {
		abort()
		return err
	}
	if !c.Bool("quiet") {
		fmt.Fprintf(c.App.ErrWriter, "bitext: aligned %s%s\n", count(n, "document pair"), shardNote(spec))
	}
	return nil
}

func shardNote(s shard.Spec) string {
	if s.Count == 0 {
		return ""
	}
	return " (shard " + s.String() + ")"
}

// alignOnePair aligns one document pair and writes its sentence pairs, labelled with its id.
func alignOnePair(c *cli.Context, w corpus.Writer, d alignPairDoc, dict *align.Dictionary) error {
	src, err := readAlignSide(c, d.src, c.String("source-lang"))
	if err != nil {
		return err
	}
	tgt, err := readAlignSide(c, d.tgt, c.String("target-lang"))
	if err != nil {
		return err
	}
	opt := align.Options{SrcBreaks: src.breaks, TgtBreaks: tgt.breaks, MaxGroup: c.Int("max-group"), Dict: dict}
	if c.IsSet("provider") {
		if opt.MT, err = translateForAlign(c, src, tgt.lang); err != nil {
			return err
		}
	}
	beads, err := align.AlignContext(c.Context, src.sentences, tgt.sentences, opt)
	if err != nil {
		return err
	}
	if minConf := c.Float64("min-confidence"); minConf > 0 {
		kept := beads[:0:0]
		for _, b := range beads {
			if b.Confidence >= minConf {
				kept = append(kept, b)
			}
		}
		beads = kept
	}
	src.name = d.id // the pairs' doc field
	return writeAlignPairs(w, src, tgt, beads)
}

// alignPairDocs returns the document pairs of the shard, as a function that calls its argument
// for each (a manifest is read as the run goes), and the files named on the command line.
func alignPairDocs(c *cli.Context, spec shard.Spec) (func(func(alignPairDoc) error) error, []string, error) {
	if m := c.String("manifest"); m != "" {
		if c.NArg() > 0 {
			return nil, nil, usageErrorf("--manifest names the document pairs: give no SRC and TGT besides")
		}
		if _, err := os.Stat(m); err != nil {
			return nil, nil, inputError(err)
		}
		return func(each func(alignPairDoc) error) error {
			f, err := os.Open(m)
			if err != nil {
				return inputError(err)
			}
			defer f.Close()
			mr := shard.NewManifestReader(f, m, spec)
			for {
				d, err := mr.Next()
				if err == io.EOF {
					return nil
				}
				if err != nil {
					return inputError(err)
				}
				if d.Kind() != shard.Pair {
					return inputError(fmt.Errorf("%s:%d: document %q: align wants a pair, src and tgt", m, d.Line, d.ID))
				}
				if err := each(alignPairDoc{id: d.ID, src: d.Src, tgt: d.Tgt}); err != nil {
					return err
				}
			}
		}, []string{m}, nil
	}
	if c.NArg() != 2 {
		return nil, nil, usageErrorf("align --shard: want SRC_DIR and TGT_DIR (files paired by relative path), or --manifest; got %d arguments", c.NArg())
	}
	srcDir, tgtDir := c.Args().Get(0), c.Args().Get(1)
	for _, d := range []string{srcDir, tgtDir} {
		if st, err := os.Stat(d); err != nil {
			return nil, nil, inputError(err)
		} else if !st.IsDir() {
			return nil, nil, usageErrorf("align --shard: %s is not a folder (one document pair needs no shards)", d)
		}
	}
	files, err := listInputs([]string{srcDir}, c.StringSlice("include"))
	if err != nil {
		return nil, nil, err
	}
	var docs []alignPairDoc
	for _, f := range files {
		id := filepath.ToSlash(f.rel)
		if !spec.Owns(id) {
			continue
		}
		tgt := filepath.Join(tgtDir, f.rel)
		if _, err := os.Stat(tgt); err != nil {
			return nil, nil, inputError(fmt.Errorf("%s has no counterpart in %s: %w", f.path, tgtDir, err))
		}
		docs = append(docs, alignPairDoc{id: id, src: f.path, tgt: tgt})
	}
	return func(each func(alignPairDoc) error) error {
		for _, d := range docs {
			if err := each(d); err != nil {
				return err
			}
		}
		return nil
	}, []string{srcDir, tgtDir}, nil
}
