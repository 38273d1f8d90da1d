package document

import (
	xhtml "golang.org/x/net/html"
)

// Inside an element kept as it is because it is marked (translate="no", class="notranslate") or
// says another language (<section lang="en">), a descendant can ask for translation back: HTML's
// translate="yes" overrides an inherited "no", and a descendant's own lang of the source language
// (<p lang="de"> in an English section) says its words are the source's. Before, such a
// descendant was kept with its ancestor and stayed German on the English page.
//
// The reader follows the marks of the elements open inside the kept one (keptMarks); a
// descendant whose marks all clear is read as any element is, and the kept element is suspended
// (optIn) until the descendant's end tag, then kept on. Inside a run (<span translate="no"> in a
// paragraph) the kept markup up to the descendant becomes the opening of a paired code around it
// (the kept markup between two such descendants a standalone code, the rest its closing), so the
// translation keeps the kept words in place around the translated ones.

// keptElem is an element open inside an element kept for its marks.
type keptElem struct {
	name string
	mark HTMLMark
}

// optIn is an element kept for its marks, suspended while a descendant that asked for
// translation is read.
type optIn struct {
	name   string // the kept element's
	depth  int    // its skipDepth
	inRun  bool
	opened bool // in a run: its markup so far is the opening of a paired code
	elems  []keptElem
	shown  bool // its words were collected for showing (keptShown)

	yes      string // the descendant's name
	yesDepth int    // the descendant's elements of its name open
	keptOpen int    // elements of the kept element's name open inside the descendant
	blocks   int    // len(r.blocks) when the descendant started
	inline   int    // len(r.inline) when the descendant started
}

// startMarks starts following the marks inside an element kept for its marks, start tag t.
func (r *htmlReader) startMarks(t xhtml.Token) {
	r.keptMarks = append(r.keptMarks[:0], keptElem{name: t.Data, mark: HTMLMark{}.Child(t.Data, t.Attr)})
}

// optInElement says whether an element named name can be read for translation inside an element
// kept for its marks: one holding words, not one kept whatever its marks (a script, a <pre>,
// code) nor a void one; inside a run only an inline element, whose words stay in the run.
func (r *htmlReader) optInElement(t htmlTok) bool {
	name := t.tok.Data
	if t.typ != xhtml.StartTagToken || voidElements[name] || skipped[name] || inlineOpaque[name] || r.inHead {
		return false
	}
	switch name {
	case "template", "noscript", "title", "head", "body", "html":
		return false
	}
	return !r.skipInRun || inlinePaired[name]
}

// keptMarkToken follows the marks of the elements inside an element kept for its marks; it says
// whether token t starts a descendant read for translation (then read, the kept one suspended).
func (r *htmlReader) keptMarkToken(t htmlTok) bool {
	switch t.typ {
	case xhtml.StartTagToken:
		if voidElements[t.tok.Data] {
			return false
		}
		m := r.keptMarks[len(r.keptMarks)-1].mark.Child(t.tok.Data, t.tok.Attr)
		if !m.Kept(r.opt.SourceLang) && r.optInElement(t) {
			r.suspendKept(t)
			return true
		}
		r.keptMarks = append(r.keptMarks, keptElem{name: t.tok.Data, mark: m})
	case xhtml.EndTagToken:
		// The root (index 0) is closed by skipDepth, not here.
		for i := len(r.keptMarks) - 1; i > 0; i-- {
			if r.keptMarks[i].name == t.tok.Data {
				r.keptMarks = r.keptMarks[:i]
				break
			}
		}
	}
	return false
}

// suspendKept suspends the element kept and reads the descendant starting with t.
func (r *htmlReader) suspendKept(t htmlTok) {
	f := optIn{name: r.skipName, depth: r.skipDepth, inRun: r.skipInRun, opened: r.keptOpened,
		elems: r.keptMarks, shown: r.keptShown, yes: t.tok.Data, yesDepth: 1,
		blocks: len(r.blocks), inline: len(r.inline)}
	if f.inRun {
		if !f.opened {
			r.b.open(r.skipName, r.skipBuf.String(), "")
			f.opened = true
		} else if r.skipBuf.Len() > 0 {
			r.b.alone(r.skipName, r.skipBuf.String())
		}
	}
	r.addKeptShown()
	r.skipName, r.skipDepth, r.skipInRun, r.keptOpened, r.keptMarks = "", 0, false, false, nil
	r.skipBuf.Reset()
	r.optIns = append(r.optIns, f)
	r.read(t)
}

// optInToken handles a token read while an element kept is suspended; it says whether it did.
// The descendant's end tag ends it (the element kept goes on after it); the kept element's own
// end tag, with the descendant left open, ends both.
func (r *htmlReader) optInToken(t htmlTok) bool {
	f := &r.optIns[len(r.optIns)-1]
	name := t.tok.Data
	switch t.typ {
	case xhtml.StartTagToken:
		if name == f.yes {
			f.yesDepth++
		}
		if name == f.name {
			f.keptOpen++
		}
	case xhtml.EndTagToken:
		switch {
		case name == f.yes && f.yesDepth == 1:
			r.read(t)
			r.resumeKept(t.off + len(t.raw))
			return true
		case name == f.yes:
			f.yesDepth--
		case name == f.name && f.keptOpen > 0:
			f.keptOpen--
		case name == f.name:
			// The descendant was left open: it ends here, and the element kept with it.
			if f.inRun {
				for len(r.inline) > f.inline {
					r.inline, r.inlineLines = r.inline[:len(r.inline)-1], r.inlineLines[:len(r.inline)-1]
					r.b.close("")
				}
			} else {
				r.flush()
				n := min(len(r.blocks), f.blocks)
				r.blocks, r.blockLines = r.blocks[:n], r.blockLines[:n]
			}
			r.resumeKept(t.off)
			r.skipToken(t)
			return true
		}
	}
	return false
}

// resumeKept goes on keeping the element suspended last, from offset off on.
func (r *htmlReader) resumeKept(off int) {
	f := r.optIns[len(r.optIns)-1]
	r.optIns = r.optIns[:len(r.optIns)-1]
	if !f.inRun {
		r.flush() // the descendant's words are written before the kept bytes that follow
	}
	r.skipName, r.skipDepth, r.skipInRun, r.keptOpened, r.keptMarks = f.name, f.depth, f.inRun, f.opened, f.elems
	r.skipBuf.Reset()
	r.showKept(f.shown, off)
}
