package segment

import (
	"context"
	"hash/maphash"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/bitext/bitext/segment/internal/htmlparse"
)

// Pages too big for the extractors (more than maxReadability bytes) are read as a stream: the
// HTML5 tree builder (htmlparse, x/net/html's own, driven one token at a time) builds the tree,
// and every subtree the parser has finished is walked by the same htmlWalker as a whole page
// and cut off, while the elements still open (body, article, table, list …) are entered and
// left as the parser opens and closes them. Memory is then bounded by the largest finished
// subtree the walker needs whole (a heading, a <pre>, page chrome such as a <nav>) and by the
// nesting depth, not by the page: a 200 MB page of paragraphs or a table of 100,000 rows is
// read in a few tens of MB.
//
// Where the result needs the whole page, the stream keeps what it needs as it goes: the kicker
// splits (keptSplits), the <aside> or <header> with the most prose and the page's prose
// (articleInChrome), the longest JSON-LD articleBody (articleFromJSONLD). The last two apply
// only while what was read holds under 200 bytes of prose, so blocks are held back until it
// does, but at most maxHeldHTML bytes of them: a page with more text than that and still no
// prose is a data dump, and is read as it stands. Content the parser moves in front of a table
// (text or elements standing in a table outside its cells) is read after the table rather than
// before it. An element HTML does not know, in a block whose children the parser may still move
// into a copy of a formatting element, waits until it is known where it stands
// (awaitsAdoption), since that decides whether it is a block.

// streamHTMLAbove is the size above which an HTML page is streamed. Tests lower it to read small
// pages the streaming way.
var streamHTMLAbove = maxReadability

// forceHTMLWalker makes parseHTML skip the extractors as if every page were over 16 MiB; for
// tests comparing the streaming reader with the walker on a tree.
var forceHTMLWalker = false

// maxHeldHTML is the most text held back while a streamed page has too little prose to know
// whether its article stands in an <aside> or in its JSON-LD.
const maxHeldHTML = 8 << 20

type htmlStream struct {
	ctx  context.Context
	keep bool
	ps   *htmlparse.Parser
	f    *htmlFilter

	w     htmlWalker          // the page
	full  htmlWalker          // the page without dropping chrome, for articleInChrome's share of prose
	path  []*html.Node        // the entered elements, path[0] the document
	kept  []keptState         // per entered element, what it says of its content's translation
	prev  []*html.Node        // per entered element, its child walked last (kept for lostSpace)
	kicks map[*html.Node]bool // elements whose kickers were split
	// walked holds nodes walked but still in the tree away from where the walk records them:
	// entered elements left, to be recorded as walked in their turn, and walked nodes the parser
	// moved into an element it made (the adoption agency's clone of a formatting element,
	// <b><li>x</b>), which the walkers skip there.
	walked map[*html.Node]bool

	wr      []Removal
	dropped map[string]int // removals of wr beyond maxRemovals, by countKey
	splits  []Removal
	// headings holds the hashes of the texts of the heading blocks given out (keptSplits): a
	// hash, so that a page of many long headings costs 8 bytes a heading.
	headings map[uint64]bool
	seed     maphash.Seed
	notices  []Removal // how the page was read, listed first

	held      []rawBlock
	heldBytes int
	heldProse int
	released  bool
	best      []rawBlock
	bestProse int
	fullProse int
	jsonBody  string

	prune int // size of walked at which markMoved drops what is cut off

	// waited holds, per entered element, the token at which awaitsAdoption began to hold back
	// one of its children, -1 before.
	waited []int

	queue []rawBlock
	nq    int
	steps int
	eof   bool
}

func newHTMLStream(ctx context.Context, f *htmlFilter, lang string, keep bool, notices []Removal) *htmlStream {
	s := &htmlStream{ctx: ctx, keep: keep, f: f, ps: htmlparse.NewParser(f), notices: notices}
	s.w = htmlWalker{ctx: ctx, keep: keep, dropChrome: !keep, removed: &s.wr}
	s.full = htmlWalker{removed: new([]Removal)}
	s.path = []*html.Node{s.ps.Doc()}
	s.prev = []*html.Node{nil}
	s.kept = []keptState{{src: lang}}
	s.waited = []int{-1}
	s.kicks = map[*html.Node]bool{}
	s.walked = map[*html.Node]bool{}
	s.prune = 1024
	s.w.skip, s.full.skip = s.walked, s.walked
	s.headings = map[uint64]bool{}
	s.seed = maphash.MakeSeed()
	s.released = keep // nothing to hold back without the article rules
	return s
}

// next returns the next block, io.EOF at the end.
func (s *htmlStream) next() (rawBlock, error) {
	for s.nq == len(s.queue) {
		if s.eof {
			return rawBlock{}, io.EOF
		}
		s.queue, s.nq = s.queue[:0], 0
		if err := s.fill(); err != nil {
			return rawBlock{}, err
		}
	}
	b := s.queue[s.nq]
	s.queue[s.nq] = rawBlock{}
	s.nq++
	return b, nil
}

// fill parses tokens until some blocks are ready or the page ends.
func (s *htmlStream) fill() error {
	for len(s.queue) == 0 && !s.eof {
		if s.steps++; s.steps&1023 == 0 {
			if err := s.ctx.Err(); err != nil {
				return err
			}
		}
		err := s.ps.Step()
		if err != nil && err != io.EOF {
			if ctxErr := s.ctx.Err(); ctxErr != nil {
				return ctxErr
			}
			if ie := s.f.err; ie != nil {
				return ie
			}
			return &InputError{File: s.f.name, Offset: -1, Msg: "cannot parse HTML: " + err.Error(), Err: err}
		}
		s.advance(err == io.EOF)
		if s.w.stop {
			return s.ctx.Err()
		}
		if err == io.EOF {
			if ie := s.f.finish(); ie != nil {
				return ie
			}
			s.finish()
		}
	}
	return nil
}

// advance walks what the parser has finished. At the end of the page (final) everything is.
func (s *htmlStream) advance(final bool) {
	for !s.w.stop {
		k := len(s.path) - 1
		top := s.path[k]
		c := top.FirstChild
		if p := s.prev[k]; p != nil {
			if p.Parent != top {
				// The parser moved p, with the children of top, into an element it made;
				// that element is new, but p is walked.
				s.markMoved(p)
				c = top.FirstChild
				s.prev[k] = nil
			} else {
				c = p.NextSibling
			}
		}
		if c == nil {
			if k == 0 || !final && s.ps.Open(top) {
				return
			}
			s.exit(top)
			s.path, s.prev, s.kept, s.waited = s.path[:k], s.prev[:k], s.kept[:k], s.waited[:k]
			for top.FirstChild != nil {
				top.RemoveChild(top.FirstChild)
			}
			if parent := s.path[k-1]; top.Parent == parent {
				// Kept, now empty, as the child walked last (the parser appends text to the
				// last child when it is text, and lostSpace looks at the node before a
				// text), once what the parser put in front of it meanwhile is walked.
				s.walked[top] = true
			} else if top.Parent != nil {
				top.Parent.RemoveChild(top)
			}
			continue
		}
		if s.walked[c] {
			delete(s.walked, c)
			s.done(top, k, c)
			continue
		}
		if !final && s.awaitsAdoption(c, k) {
			return
		}
		if !final && !s.complete(c, top) {
			if c.Type == html.ElementNode && s.enterable(c) {
				s.enter(c)
				s.path, s.prev = append(s.path, c), append(s.prev, nil)
				s.kept = append(s.kept, s.kept[k].child(c))
				s.waited = append(s.waited, -1)
			}
			return
		}
		s.ps.FinishText(c)
		if !s.keep && c.Type == html.ElementNode && !s.kicks[c] {
			s.kicks[c] = true
			before := c.PrevSibling
			s.splits = append(s.splits, splitKickers(c)...)
			if c.PrevSibling != before {
				s.kicks[c.PrevSibling] = true // the kicker's own heading
				continue
			}
		}
		delete(s.kicks, c)
		s.walkWhole(c, k+1)
		s.done(top, k, c)
	}
}

// maxAdoptionWait is how many tokens awaitsAdoption holds back the children of an element at
// most (tests lower it).
var maxAdoptionWait = 1 << 14

// awaitsAdoption reports whether c, a child of top = path[k], must wait before it is walked or
// entered. An element HTML does not know is a block among a container's blocks and inline inside
// a formatting element (unknownBlock), and while the parser may still move top's children into a
// copy of a formatting element (its adoption agency, htmlparse.Parser.MayAdopt), which of the two
// c will stand in is not known: "<b><div>0<c>0</b>" is, as html.Parse builds it,
// "<b></b><div><b>0<c>0</c></b></div>", one paragraph "00", which the stream read as "0" and
// "0" (its <c> entered while it stood in the <div>). The wait ends when top or the formatting
// element is closed, or maxAdoptionWait tokens after top's first child began to wait, for all
// of top's children: a page whose unclosed <font> holds everything would otherwise be held
// whole. Its children are then read where they stand.
func (s *htmlStream) awaitsAdoption(c *html.Node, k int) bool {
	if c.Type != html.ElementNode || !unknownBlock(c, walkerAtom(c)) || !s.ps.MayAdopt(s.path[k]) {
		return false
	}
	if s.waited[k] < 0 {
		s.waited[k] = s.steps
	}
	return s.steps-s.waited[k] < maxAdoptionWait
}

// done records c, a child of top (path[k]), as walked: it stays in the tree, as the last child
// walked, and the one walked before it is cut off.
func (s *htmlStream) done(top *html.Node, k int, c *html.Node) {
	if p := s.prev[k]; p != nil && p.Parent == top {
		top.RemoveChild(p)
	}
	s.prev[k] = c
}

// markMoved records walked node p as moved away from its place in the walk. Entries whose node
// has since been cut off with its new parent are dropped now and then, so that a page full of
// misnested formatting does not keep them all.
func (s *htmlStream) markMoved(p *html.Node) {
	s.walked[p] = true
	if len(s.walked) < s.prune {
		return
	}
	doc := s.path[0]
	for n := range s.walked {
		a := n
		for a.Parent != nil {
			a = a.Parent
		}
		if a != doc {
			delete(s.walked, n)
		}
	}
	s.prune = max(2*len(s.walked), 1024)
}

// complete reports whether the parser is done with c, a child of top.
func (s *htmlStream) complete(c, top *html.Node) bool {
	if c.Type != html.TextNode {
		return !s.ps.Open(c)
	}
	if !s.ps.Open(top) {
		return true
	}
	// The parser appends text to the last child, and puts text it moves out of a table into
	// the text before the table.
	n := c.NextSibling
	return n != nil && !(n.Type == html.ElementNode && n.DataAtom == atom.Table && s.ps.Open(n))
}

// enterable reports whether the walker handles element n by its start and end alone (see
// htmlWalker.walk), so that its children can be walked one by one as the parser finishes them.
func (s *htmlStream) enterable(n *html.Node) bool {
	a := walkerAtom(n)
	// Code is walked whole, as a heading is: its marks go around all of it (entered, it lost
	// them, and a streamed page's code was cleaned and split like prose).
	if neverText[a] || a == atom.Pre || codeElements[a] || headingLevel(a) > 0 || a == atom.Br || a == atom.Img {
		return false
	}
	if s.w.dropChrome {
		if _, ok := chrome[a]; ok {
			return false
		}
		if _, ok := chromeByClass(n); ok {
			return false
		}
	}
	return true
}

func walkerAtom(n *html.Node) atom.Atom {
	if n.DataAtom == 0 {
		return atom.Lookup([]byte(n.Data))
	}
	return n.DataAtom
}

// enter and exit do what htmlWalker.walk does before and after an enterable element's children.
func (s *htmlStream) enter(n *html.Node) {
	s.w.enter(n)
	if !s.released {
		s.full.enter(n)
	}
	s.collect()
}

func (s *htmlStream) exit(n *html.Node) {
	s.w.exit(n)
	if !s.released {
		s.full.exit(n)
	}
	s.collect()
}

// walkWhole walks finished subtree n, depth levels below the document.
func (s *htmlStream) walkWhole(n *html.Node, depth int) {
	markKeptText(n, s.kept[depth-1])
	s.w.walk(n)
	if !s.released {
		s.full.walk(n)
		if depth <= 201 {
			walkNodes(n, 200-depth, chromeArticleVisit(&s.best, &s.bestProse))
			walkNodes(n, 200-depth, jsonLDVisit(&s.jsonBody))
		}
	}
	s.collect()
}

// collect takes the blocks the walkers produced.
func (s *htmlStream) collect() {
	if !s.released {
		s.fullProse += prose(s.full.out)
		clear(s.full.out)
		s.full.out = s.full.out[:0]
	}
	out := s.w.out
	if len(out) > 0 {
		if s.released {
			s.give(out)
		} else {
			for _, b := range out {
				s.heldBytes += len(b.Text) + 64
			}
			s.heldProse += prose(out)
			s.held = append(s.held, out...)
			if s.heldProse >= 200 || s.heldBytes > maxHeldHTML {
				s.release()
			}
		}
		clear(out)
		s.w.out = out[:0]
	}
	s.capRemoved()
}

func (s *htmlStream) release() {
	s.released = true
	s.give(s.held)
	s.held, s.best, s.jsonBody = nil, nil, ""
	s.full = htmlWalker{}
}

func (s *htmlStream) give(bs []rawBlock) {
	for _, b := range bs {
		if b.Kind == Heading {
			s.headings[maphash.String(s.seed, b.Text)] = true
		}
	}
	s.queue = append(s.queue, bs...)
}

// capRemoved counts the walker's removals beyond maxRemovals by reason, as the Scanner does.
func (s *htmlStream) capRemoved() {
	if len(s.wr) <= 2*maxRemovals {
		return
	}
	if s.dropped == nil {
		s.dropped = map[string]int{}
	}
	for _, r := range s.wr[maxRemovals:] {
		s.dropped[countKey(r)]++
	}
	clear(s.wr[maxRemovals:])
	s.wr = s.wr[:maxRemovals]
}

// finish ends the walk at the end of the page, as parseHTML does after the walker.
func (s *htmlStream) finish() {
	s.eof = true
	s.w.flush()
	s.collect()
	if !s.released {
		blocks := s.held
		if s.ctx.Err() == nil {
			blocks = articleFromChrome(blocks, s.best, s.bestProse, func() int { return s.fullProse }, &s.wr)
			blocks = articleFromBody(blocks, s.jsonBody, &s.wr)
		}
		s.held = blocks
		s.release()
	}
	for _, r := range s.splits {
		if s.headings[maphash.String(s.seed, r.Text)] {
			s.wr = append(s.wr, r)
		}
	}
}

// front returns the removals of the page, to be listed before the cleaner's, with the counts
// of those not listed.
func (s *htmlStream) front() ([]Removal, map[string]int) {
	list := append(s.notices, s.f.notices()...)
	if !s.keep {
		list = append(list, Removal{Kind: Notice, Reason: overNotice, Warn: true})
	}
	return append(list, s.wr...), s.dropped
}

const overNotice = "page of over 16 MiB without its scripts, styles and data: URIs: main-text extraction (readability) skipped, the whole body read without navigation, headers, footers, asides and forms"

// countKey is what removals beyond maxRemovals are counted by: their kind and reason, without
// the quoted context.
func countKey(r Removal) string {
	reason, _, _ := strings.Cut(r.Reason, " in \"")
	// Where each one was is no reason of its own: 110 cuts of one long line were 110 notices
	// of "1 more … not listed".
	reason, _, _ = strings.Cut(reason, " before byte ")
	return string(r.Kind) + "\x00" + reason
}

// enter does what walk does for an enterable element before its children.
func (w *htmlWalker) enter(n *html.Node) {
	if w.nodes++; w.ctx != nil && w.nodes&1023 == 0 && w.ctx.Err() != nil {
		w.stop = true
		return
	}
	if n.Type != html.ElementNode {
		return
	}
	switch a := walkerAtom(n); {
	case a == atom.Ul || a == atom.Ol || a == atom.Menu:
		w.flush()
		w.lists = append(w.lists, listState{ordered: a == atom.Ol, n: olStart(n)})
	case a == atom.Li:
		w.startListItem()
	case blockElements[a] || unknownBlock(n, a):
		w.flush()
	}
}

// exit does what walk does for an enterable element after its children.
func (w *htmlWalker) exit(n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	switch a := walkerAtom(n); {
	case a == atom.Ul || a == atom.Ol || a == atom.Menu:
		w.flush()
		w.lists = w.lists[:len(w.lists)-1]
	case a == atom.Li || blockElements[a] || unknownBlock(n, a):
		w.flush()
	}
}
