package report

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	unorm "golang.org/x/text/unicode/norm"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/internal/textcheck"
	"github.com/bitext/bitext/qa"
	"github.com/bitext/bitext/segment"
)

// Side is one file given to a report — hypotheses, a reference or the sources — as segments in
// line order: a line-aligned text file, the target side of a bitext, or an article aligned with
// the sources.
type Side struct {
	Name  string
	Lines []string
	// Sources is a bitext's source side, index for index with Lines; nil for other files.
	Sources []string
	// Flags are the glossary violations a bitext records per segment (see ReadBitext); nil
	// when it records none.
	Flags [][]Flag
	// Unit names what Lines holds, for messages: "lines", "segments" or "sentence groups".
	Unit string
	// Notes say how an article was aligned (empty for other files).
	Notes []string
	// blank: a line-aligned file of 0 bytes or of white space only (ReadLines). Assemble
	// scores such a hypothesis, as sacreBLEU does, and refuses such a reference or source.
	blank bool
	// Of an aligned article: the runs [from, to) of source segments that share one bead
	// (their text is at from, the others empty), and the source segments no sentence is
	// aligned with. Assemble scores them together (groupSegments).
	beadRuns  [][2]int
	unaligned []int
}

// emptyFileError is the refusal of a file of 0 bytes or of white space only.
func emptyFileError(name string) error {
	return &corpus.InputError{File: name, Msg: "empty file (no content, only white space)", Err: corpus.ErrEmpty}
}

// Count is "NAME has N UNIT", for messages about sides that do not line up: "has 1 line",
// "has 1 segment (aligned)".
func (s *Side) Count() string {
	unit := s.Unit
	if len(s.Lines) == 1 {
		head, tail, _ := strings.Cut(unit, " ")
		unit = strings.TrimSpace(strings.TrimSuffix(head, "s") + " " + tail)
	}
	return fmt.Sprintf("%s has %d %s", s.Name, len(s.Lines), unit)
}

// ReadLines reads a line-aligned file: one segment per line, as sacreBLEU reads it. A final
// newline ends the last line; CRLF is accepted. The file is decoded as every command decodes
// text: a UTF-8 byte-order mark is dropped, and UTF-16 (with a byte-order mark, or recognised
// by its NUL pattern, textcheck.UTF16Decoder) is decoded to UTF-8; the lines are read by
// corpus.LineReader, one at a time. Invalid UTF-8 and NUL bytes name the line and column. A
// file of 0 bytes or of white space only is read (a system may have produced nothing but
// empty lines, which sacreBLEU scores); Assemble refuses it as a reference or source, and as
// a hypothesis with no references, with an error wrapping corpus.ErrEmpty.
func ReadLines(ctx context.Context, r io.Reader, name string) (*Side, error) {
	in, enc := textcheck.UTF16Reader(r)
	lr := corpus.NewLineReader(in, name)
	var lines []string
	for {
		l, err := lr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, context.Canceled) {
				return nil, err
			}
			var ie *corpus.InputError
			if errors.As(err, &ie) {
				if enc != "" {
					ie.Msg += " (in the text decoded from " + enc + ")"
				}
				return nil, err
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if len(lines)%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		lines = append(lines, l)
	}
	return &Side{Name: name, Lines: lines, Unit: "lines", blank: lr.Blank()}, nil
}

// ReadBitext reads a bitext in format f (JSONL, TMX, TSV): the targets are the segments, the
// sources are kept, and violations recorded with a pair (by bitext translate) become flags
// of their own glossary kind, located in the pair (qa.FromCorpus). Errors are corpus's,
// naming the file and position.
func ReadBitext(ctx context.Context, r io.Reader, name string, f corpus.Format) (*Side, error) {
	cr, err := corpus.NewReader(f, r, name, corpus.ReaderOptions{})
	if err != nil {
		return nil, err
	}
	out := &Side{Name: name, Unit: "segments"}
	anyFlags := false
	for {
		p, err := cr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(out.Lines)%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		out.Lines = append(out.Lines, p.Target)
		out.Sources = append(out.Sources, p.Source)
		var fl []Flag
		for _, v := range p.Violations {
			f := qa.FromCorpus(v, p.Source, p.Target, qa.Location{Segment: len(out.Lines)})
			f.Message = glossaryMessage(f) + " (recorded by translate)"
			fl = append(fl, f)
			anyFlags = true
		}
		out.Flags = append(out.Flags, fl)
	}
	if len(out.Lines) == 0 {
		return nil, fmt.Errorf("%s: no segments", name)
	}
	if !anyFlags {
		out.Flags = nil
	}
	return out, nil
}

// Article is a document (text, Markdown or HTML) read as sentences: a reference or a system's
// output that is not split into the sources' segments, such as a published English article.
type Article struct {
	Name      string
	Sentences []string
	doc       *align.Document
}

// ReadArticle reads a document in language lang ("de", "en"); f "" means from the name. It
// reads as bitext align does (align.ReadDocument): each block a paragraph.
func ReadArticle(ctx context.Context, r io.Reader, name, lang string, f segment.Format) (*Article, error) {
	d, err := align.ReadDocument(ctx, r, name, lang, align.ReadOptions{Format: f})
	if err != nil {
		return nil, err
	}
	return &Article{Name: name, Sentences: d.Sentences, doc: d}, nil
}

// lowConfidence is the bead confidence below which an alignment is worth a look.
const lowConfidence = 0.5

// AlignTo gives the article one text per source segment by sentence alignment (align.Documents,
// the way bitext aligns every document pair): each segment gets the sentences aligned with it.
// mt, when not nil, is another translation of the sources (a system's output, line for line)
// and serves the aligner as lexical evidence. Several segments aligned with the same sentences
// give them to the first and leave the others empty (Assemble scores them together);
// sentences aligned with no segment are left out. Notes count both, and the doubtful beads.
func (a *Article) AlignTo(ctx context.Context, sources, mt []string) (*Side, error) {
	if len(sources) == 0 {
		return nil, fmt.Errorf("%s: no sources to align the article with", a.Name)
	}
	if mt != nil && len(mt) != len(sources) {
		mt = nil // a side that does not line up is no evidence
	}
	src := &align.Document{Name: "sources", Sentences: sources, MT: mt}
	beads, err := align.Documents(ctx, src, a.doc, align.Options{})
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, fmt.Errorf("aligning %s with the sources: %w", a.Name, err)
	}
	side := &Side{Name: a.Name, Lines: make([]string, len(sources)), Unit: "segments (aligned)"}
	var merged, dropped, doubtful int
	for _, b := range beads {
		if len(b.Src) == 0 {
			dropped += len(b.Tgt)
			continue
		}
		side.Lines[b.Src[0]] = a.doc.Text(b.Tgt)
		merged += len(b.Src) - 1
		if len(b.Src) > 1 {
			side.beadRuns = append(side.beadRuns, [2]int{b.Src[0], b.Src[len(b.Src)-1] + 1})
		}
		if len(b.Tgt) == 0 {
			side.unaligned = append(side.unaligned, b.Src...)
		}
		if b.Confidence < lowConfidence {
			doubtful++
		}
	}
	side.Notes = append(side.Notes, fmt.Sprintf("%s: %s aligned with %s", a.Name, plural(len(a.Sentences), "sentence"), plural(len(sources), "source segment")))
	if merged > 0 {
		side.Notes = append(side.Notes, fmt.Sprintf("%s: %s sharing the sentences of the segment before (scored together with it)", a.Name, plural(merged, "source segment")))
	}
	if dropped > 0 {
		side.Notes = append(side.Notes, fmt.Sprintf("%s: %s without a source segment (left out)", a.Name, plural(dropped, "sentence")))
	}
	if doubtful > 0 {
		side.Notes = append(side.Notes, fmt.Sprintf("%s: %s with a confidence below %.1f", a.Name, plural(doubtful, "alignment"), lowConfidence))
	}
	return side, nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Where names segment i (0-based) of the side for a message: "NAME:LINE" for a line-aligned
// file, "NAME: segment N" for a bitext or an aligned article.
func (s *Side) Where(i int) string { return where(s.Name, s.Unit, i) }

// where is Side.Where for a file name and its unit; "" is "lines", as a System built by hand
// is line-aligned.
func where(name, unit string, i int) string {
	if unit == "lines" || unit == "" {
		return fmt.Sprintf("%s:%d", name, i+1)
	}
	return fmt.Sprintf("%s: segment %d", name, i+1)
}

// EmptyReferences checks that every segment has a reference with some text: a segment whose
// references are all empty or white space only is an *EmptyReferenceError naming each
// reference's file and line (or segment). The references must line up (LineUp).
func EmptyReferences(refs []*Side) error {
	if len(refs) == 0 {
		return nil
	}
	for i := range refs[0].Lines {
		empty := true
		for _, r := range refs {
			if i >= len(r.Lines) || !blankRef(r.Lines[i]) {
				empty = false
				break
			}
		}
		if !empty {
			continue
		}
		e := &EmptyReferenceError{Segment: i}
		for _, r := range refs {
			e.Places = append(e.Places, r.Where(i))
		}
		return e
	}
	return nil
}

// LineUp checks that every side has as many segments as the first.
func LineUp(sides []*Side) error {
	for _, s := range sides[min(1, len(sides)):] {
		if len(s.Lines) != len(sides[0].Lines) {
			return fmt.Errorf("%s but %s", sides[0].Count(), s.Count())
		}
	}
	return nil
}

// SameSources checks that the sides carrying their sources (bitexts) translate the same source
// segments in the same order: a reference whose documents come in another order would
// otherwise be scored silently against the wrong sentences. Sources are compared in NFC with
// white space collapsed.
func SameSources(sides []*Side) error {
	var first *Side
	for _, s := range sides {
		if s.Sources == nil {
			continue
		}
		if first == nil {
			first = s
			continue
		}
		for k := range min(len(s.Sources), len(first.Sources)) {
			if sameText(s.Sources[k], first.Sources[k]) {
				continue
			}
			return fmt.Errorf("%s and %s translate different sources at segment %d (%q, %q): are the documents in another order?",
				first.Name, s.Name, k+1, clip(first.Sources[k], 60), clip(s.Sources[k], 60))
		}
	}
	return nil
}

func sameText(a, b string) bool {
	if a == b {
		return true
	}
	return strings.Join(strings.Fields(unorm.NFC.String(a)), " ") == strings.Join(strings.Fields(unorm.NFC.String(b)), " ")
}

// clip shortens s to n runes for a message.
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// Arg is one file given to a report, as read: a Side (line-aligned or a bitext), or an Article
// still to be aligned with the sources.
type Arg struct {
	Side    *Side
	Article *Article
}

// ErrNoSources is returned by Assemble for an article when no sources are known to align it with.
var ErrNoSources = errors.New("aligning an article needs the sources: a bitext (.jsonl, .tmx, .tsv) among the hypotheses or references, or source segments given separately")

// MismatchError reports sides with different numbers of segments.
type MismatchError struct {
	Err error
	// Articles is true when sources were known, so reading a file as an article (rather than
	// one segment per line) could have lined it up.
	Articles bool
}

func (e *MismatchError) Error() string { return e.Err.Error() }
func (e *MismatchError) Unwrap() error { return e.Err }

// Assemble builds a report's Input from its files: one hypothesis file per system (named by
// systems), the references, and the sources (src: its lines; nil: the first bitext's among the
// hypotheses and references). Articles are aligned with the sources, with the first line-aligned side of the
// same length as evidence; notes receives what the alignment says. Then every side must line
// up (*MismatchError), the bitexts must translate the same sources (SameSources) and every
// segment needs a reference that is not empty (EmptyReferences). A system
// keeps the violations its bitext records unless recorded is false (a glossary given now
// checks every segment, and would count them twice).
func Assemble(ctx context.Context, systems []string, hyps, refs []Arg, src *Side, recorded bool, notes func(string)) (Input, error) {
	var in Input
	if len(systems) != len(hyps) {
		return in, fmt.Errorf("report: %d system names for %d hypothesis files", len(systems), len(hyps))
	}
	// Blank files: against references, a hypothesis of empty lines is scored (BLEU 0, chrF 0,
	// TER 100, as sacreBLEU); one of no lines at all (0 bytes) is refused as an empty file, not
	// as a line-count mismatch ("has 0 lines but … has 3"), which hides that the system wrote
	// nothing; without references (QA only) there is nothing to score, and a blank hypothesis
	// is refused.
	for _, a := range refs {
		if a.Side != nil && a.Side.blank {
			return in, emptyFileError(a.Side.Name)
		}
	}
	if src != nil && src.blank {
		return in, emptyFileError(src.Name)
	}
	for _, a := range hyps {
		if a.Side != nil && a.Side.blank && (len(refs) == 0 || len(a.Side.Lines) == 0) {
			return in, emptyFileError(a.Side.Name)
		}
	}
	all := append(append([]Arg(nil), hyps...), refs...)
	var sources []string
	if src != nil {
		sources = src.Lines
	} else {
		for _, a := range all {
			if a.Side != nil && a.Side.Sources != nil {
				sources = a.Side.Sources
				break
			}
		}
	}
	var mt []string
	for _, a := range all {
		if a.Side != nil && len(a.Side.Lines) == len(sources) {
			mt = a.Side.Lines
			break
		}
	}
	sides := make([]*Side, len(all))
	for i, a := range all {
		sides[i] = a.Side
		if a.Article == nil {
			continue
		}
		if sources == nil {
			return in, fmt.Errorf("%s is read as an article: %w", a.Article.Name, ErrNoSources)
		}
		s, err := a.Article.AlignTo(ctx, sources, mt)
		if err != nil {
			return in, err
		}
		for _, n := range s.Notes {
			if notes != nil {
				notes(n)
			}
		}
		sides[i] = s
	}
	// Segments an article has one text for are scored as one.
	var articles []*Side
	refSides := map[*Side]bool{}
	for i, a := range all {
		if a.Article != nil {
			articles = append(articles, sides[i])
			refSides[sides[i]] = i >= len(hyps)
		}
	}
	if g := groupSegments(len(sources), articles, refSides); g != nil {
		for i := range sides {
			sides[i] = g.side(sides[i])
		}
		if src != nil {
			src = g.side(src)
		}
		sources = g.join(sources)
		if notes != nil {
			notes(g.note())
		}
	}
	for i, name := range systems {
		flags := sides[i].Flags
		if !recorded {
			flags = nil
		}
		in.Systems = append(in.Systems, System{Name: name, Hypotheses: sides[i].Lines, Flags: flags, Unit: sides[i].Unit})
	}
	for _, s := range sides[len(hyps):] {
		in.References = append(in.References, s.Lines)
	}
	in.Sources = sources
	check := sides
	if src != nil {
		check = append(check, src)
	}
	if err := LineUp(check); err != nil {
		return in, &MismatchError{Err: err, Articles: sources != nil}
	}
	if err := SameSources(sides); err != nil {
		return in, err
	}
	if err := EmptyReferences(sides[len(hyps):]); err != nil {
		return in, err
	}
	return in, nil
}
