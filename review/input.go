package review

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/bitext/bitext/align"
	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/segment"
)

// Item is one segment under review.
type Item struct {
	ID    int    // 0-based position in the input
	Doc   string // document (file name, or the pair's doc field)
	Label string // "file:N" or "doc ¶P.S", as check prints it
	// Pair is the segment as read, with its metadata; Pair.Target is the translation under
	// review (the machine translation).
	Pair corpus.Pair
	// Confidence is the alignment confidence in [0,1], or -1 when the pair was not aligned.
	Confidence float64
	// Reference is a reference translation or another system's output, shown beside the
	// translation under review; "" when none was given.
	Reference string
}

// Input is what a review works on: the segments and, for an article pair, how to put the
// translation back together.
type Input struct {
	Items   []Item
	article *article
	// xliff is the XLIFF file the pairs were read from (ReadXLIFF): an XLIFF output is that
	// file with the decisions written into it (corpus.PatchXLIFF).
	xliff   []byte
	decoded string // the encoding xliff was decoded from, when not UTF-8
	// SourceLang and TargetLang are the languages the input file declares (an XLIFF's), ""
	// when it declares none: the review's memory entries and outputs are in them.
	SourceLang, TargetLang string
	// markup is the file's markup of each XLIFF pair's codes by number (corpus.XLIFFCodes):
	// what the segment page says a code stands for.
	markup map[corpus.XLIFFKey]map[int]string
}

// article keeps an aligned article pair's target side: the output is the target article with
// each reviewed bead's sentences replaced by the decided text.
type article struct {
	chunks []chunk
	form   segment.TextForm // how the target article wrote its lines, which its output keeps
}

// chunk is the target text of one bead and its paragraph; item is the bead's Item, or -1 for
// target sentences without a source (kept as they are).
type chunk struct {
	item int
	text string
	para int
}

// Article reports whether the input is an aligned article pair (its output is an article).
func (in *Input) Article() bool { return in.article != nil }

// ReadPairs reads a bitext (JSONL, TMX, TSV or Moses through a corpus reader). Every pair is one
// segment; name labels them ("name:N") unless a pair names its document and paragraph.
func ReadPairs(ctx context.Context, r corpus.Reader, name string) (*Input, error) {
	in, err := readBitext(ctx, r, name)
	return in, stopped(ctx, err)
}

// ReadXLIFF reads the pairs of an XLIFF file (whole, at most document.DefaultMaxSize), as
// ReadPairs does, and keeps the file: the review's XLIFF output is then the same file with the
// decisions written into its units (its ids, groups, notes, skeleton and untranslated units kept), which the CAT tool or
// translation system that exported it can import again. skipped is how many units had no
// translation to review. A file in another encoding is read, and written, as UTF-8 (Decoded).
func ReadXLIFF(ctx context.Context, r io.Reader, name string, opt corpus.ReaderOptions) (in *Input, skipped int, err error) {
	data, from, err := document.ReadXLIFF(r, name)
	if err != nil {
		return nil, 0, err
	}
	cr, err := corpus.NewReader(corpus.XLIFF, bytes.NewReader(data), name, opt)
	if err != nil {
		return nil, 0, err
	}
	in, err = ReadPairs(ctx, cr, name)
	if err != nil {
		return nil, 0, err
	}
	in.xliff, in.decoded = data, from
	in.SourceLang, in.TargetLang = corpus.ReaderLanguages(cr)
	// The file was read already: a failure here only leaves the codes without a description.
	in.markup, _ = corpus.XLIFFCodes(data)
	return in, corpus.ReaderSkipped(cr), nil
}

// Decoded says how an XLIFF input was decoded (document.ReadXLIFF: "UTF-16LE", "windows-1252
// (declared windows-1252)"), whose XLIFF output is UTF-8; "" when it was UTF-8.
func (in *Input) Decoded() string { return in.decoded }

func readBitext(ctx context.Context, r corpus.Reader, name string) (*Input, error) {
	in := &Input{}
	for n := 1; ; n++ {
		if n%1024 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		p, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		label := p.Where(name, n)
		doc := p.Doc
		if doc == "" {
			doc = name
		}
		conf := -1.0
		if p.Confidence > 0 {
			conf = p.Confidence
		}
		in.Items = append(in.Items, Item{ID: n - 1, Doc: doc, Label: label, Pair: p, Confidence: conf})
	}
	if len(in.Items) == 0 {
		return nil, fmt.Errorf("%s: no segment pairs", name)
	}
	return in, nil
}

// SetReferences reads a reference (or another system's output) for every segment from a
// bitext with the same sources in the same order: pair N's target is segment N's reference.
// A bitext of another length or with other sources is refused, naming the first pair that
// differs.
func (in *Input) SetReferences(ctx context.Context, r corpus.Reader, name string) error {
	return stopped(ctx, in.setReferences(ctx, r, name))
}

func (in *Input) setReferences(ctx context.Context, r corpus.Reader, name string) error {
	refs := make([]string, 0, len(in.Items))
	for n := 1; ; n++ {
		if n%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		p, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if n > len(in.Items) {
			return fmt.Errorf("%s: more pairs than the %d segments under review", p.Where(name, n), len(in.Items))
		}
		if a, b := strings.Join(strings.Fields(p.Source), " "), strings.Join(strings.Fields(in.Items[n-1].Pair.Source), " "); a != b {
			return fmt.Errorf("%s: source %q is not segment %d's %q (the reference must share the sources, in order)", p.Where(name, n), clip(a), n, clip(b))
		}
		refs = append(refs, p.Target)
	}
	if len(refs) != len(in.Items) {
		return fmt.Errorf("%s: %d pairs for %d segments under review", name, len(refs), len(in.Items))
	}
	for i := range in.Items {
		in.Items[i].Reference = refs[i]
	}
	return nil
}

// stopped is err, or, once ctx is cancelled, "review: stopped" wrapping the context's error
// (errors.Is context.Canceled holds): the packages a review calls while it loads name
// themselves when stopped ("report: stopped"), a command the user did not run.
func stopped(ctx context.Context, err error) error {
	if err != nil && ctx.Err() != nil {
		return fmt.Errorf("review: stopped: %w", ctx.Err())
	}
	return err
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// ReadArticles splits a German article and its English translation into sentences and aligns
// them, with the glossary (when given) as the aligner's dictionary, as check does. Each bead
// with a source becomes a segment labelled "src:N" (N the bead's first source sentence, 1-based),
// with the bead's confidence.
func ReadArticles(ctx context.Context, src, tgt io.Reader, srcName, tgtName string, g *glossary.Glossary) (*Input, error) {
	in, err := readArticles(ctx, src, tgt, srcName, tgtName, g)
	return in, stopped(ctx, err)
}

func readArticles(ctx context.Context, src, tgt io.Reader, srcName, tgtName string, g *glossary.Glossary) (*Input, error) {
	ss, sb, _, err := sentences(ctx, src, srcName, "de")
	if err != nil {
		return nil, err
	}
	ts, tb, tform, err := sentences(ctx, tgt, tgtName, "en")
	if err != nil {
		return nil, err
	}
	opt := align.Options{SrcBreaks: sb, TgtBreaks: tb}
	if g != nil {
		dict := align.NewDictionary()
		for _, e := range g.Entries {
			for _, r := range e.Renderings() {
				dict.Add(e.Source, r)
			}
		}
		opt.Dict = dict
	}
	beads, err := align.AlignContext(ctx, ss, ts, opt)
	if err != nil {
		return nil, fmt.Errorf("aligning %s with %s: %w", srcName, tgtName, err)
	}
	paraOf := func(breaks []int, i int) int {
		p := 0
		for k, b := range breaks {
			if b <= i {
				p = k
			}
		}
		return p
	}
	in := &Input{article: &article{form: tform}}
	lastPara := 0
	for _, b := range beads {
		tgtText := join(ts, b.Tgt)
		para := lastPara
		if len(b.Tgt) > 0 {
			para = paraOf(tb, b.Tgt[0])
			lastPara = para
		}
		if len(b.Src) == 0 {
			in.article.chunks = append(in.article.chunks, chunk{item: -1, text: tgtText, para: para})
			continue
		}
		n := b.Src[0] + 1
		it := Item{
			ID: len(in.Items), Doc: srcName, Label: fmt.Sprintf("%s:%d", srcName, n), Confidence: b.Confidence,
			Pair: corpus.Pair{Doc: srcName, Paragraph: paraOf(sb, b.Src[0]) + 1, Source: join(ss, b.Src), Target: tgtText, Confidence: b.Confidence},
		}
		in.article.chunks = append(in.article.chunks, chunk{item: it.ID, text: tgtText, para: para})
		in.Items = append(in.Items, it)
	}
	if len(in.Items) == 0 {
		return nil, fmt.Errorf("%s: no text", srcName)
	}
	return in, nil
}

func join(ss []string, idx []int) string {
	parts := make([]string, len(idx))
	for i, k := range idx {
		parts[i] = ss[k]
	}
	return strings.Join(parts, " ")
}

// sentences returns the sentences of a document and the indices that start a paragraph.
func sentences(ctx context.Context, r io.Reader, name, lang string) ([]string, []int, segment.TextForm, error) {
	doc, err := segment.ReadContext(ctx, r, name, segment.Options{Lang: lang})
	if err != nil {
		return nil, nil, segment.TextForm{}, err
	}
	var sents []string
	var breaks []int
	for _, b := range doc.Blocks {
		breaks = append(breaks, len(sents))
		for _, s := range b.Sentences {
			sents = append(sents, s.Text)
		}
	}
	if len(sents) == 0 {
		return nil, nil, segment.TextForm{}, fmt.Errorf("%s: no text", name)
	}
	return sents, breaks, doc.Form, nil
}

// writeArticle writes the target article with the decided targets: sentences of one
// paragraph joined by a space, paragraphs by a blank line, its lines ended and its byte-order
// mark as the target article had them.
func (a *article) write(w io.Writer, target func(item int) string) error {
	var b strings.Builder
	para := -1
	for _, c := range a.chunks {
		text := c.text
		if c.item >= 0 {
			text = target(c.item)
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		switch {
		case para < 0:
		case c.para != para:
			b.WriteString("\n\n")
		default:
			b.WriteString(" ")
		}
		para = c.para
		b.WriteString(text)
	}
	b.WriteString("\n")
	out := b.String()
	if a.form.CRLF {
		out = strings.ReplaceAll(out, "\n", "\r\n")
	}
	if a.form.BOM {
		out = "\ufeff" + out
	}
	_, err := io.WriteString(w, out)
	return err
}
