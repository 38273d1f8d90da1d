package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Emphasis is read as CommonMark reads it (§6.2, "process emphasis"): the runs of "*", "_" and
// "~" of a paragraph (or of a link's text) are delimiter runs that may open or close by the
// characters around them, and closers are matched with the nearest opener of the same kind,
// consuming two characters (strong) or one (emphasis) from the inner side of each run. So
// "**fett mit *kursiv***" is strong around "fett mit " and an emphasis, whose closers share one
// run of three, and "**base path***" leaves no stray "*". GFM's strikethrough ("~x~", "~~x~~")
// pairs runs of the same length, one or two.

// mdEmphasis is one matched pair: the opener's characters s[open:openEnd] and the closer's
// s[close:closeEnd]. Two pairs nested with nothing between their delimiters ("***x***", an
// emphasis around a strong one) are merged into one, with both runs' characters.
type mdEmphasis struct {
	open, openEnd, close, closeEnd int
}

// mdEmphasisEvent is what the character at a position of the text starts: a pair's opener or
// closer, whose characters end at end.
type mdEmphasisEvent struct {
	open bool
	end  int
}

// mdDelimRun is a delimiter run on the stack.
type mdDelimRun struct {
	c                 byte
	at, n             int // its position and original length
	lo, hi            int // its characters not matched yet, s[lo:hi]: a closer uses the first, an opener the last
	canOpen, canClose bool
	prev, next        int // the stack as a linked list of indexes, -1 at its ends
}

// mdEmphasisPlan reads the emphasis of s, a paragraph's text or a link's, whose delimiter runs
// are at the positions runs gives (the atoms between them, code spans, links, tags and
// escapes, are no part of any run): where each pair's opener and closer start. before and
// after are the characters around s (a space at a block's edges, the brackets of a link).
func mdEmphasisPlan(s string, runs []int, before, after rune) map[int]mdEmphasisEvent {
	if len(runs) == 0 {
		return nil
	}
	st := make([]mdDelimRun, 0, len(runs))
	for _, at := range runs {
		c := s[at]
		n := runLen(s, at, c)
		if c == '~' && n > 2 {
			continue // three tildes or more are text
		}
		b, a := before, after
		if at > 0 {
			b, _ = utf8.DecodeLastRuneInString(s[:at])
		}
		if at+n < len(s) {
			a, _ = utf8.DecodeRuneInString(s[at+n:])
		}
		bSpace, aSpace := mdSpaceRune(b), mdSpaceRune(a)
		bPunct, aPunct := mdPunctRune(b), mdPunctRune(a)
		leftFlank := !aSpace && (!aPunct || bSpace || bPunct)
		rightFlank := !bSpace && (!bPunct || aSpace || aPunct)
		d := mdDelimRun{c: c, at: at, n: n, lo: at, hi: at + n, canOpen: leftFlank, canClose: rightFlank}
		if c == '_' {
			d.canOpen = leftFlank && (!rightFlank || bPunct)
			d.canClose = rightFlank && (!leftFlank || aPunct)
		}
		if !d.canOpen && !d.canClose {
			continue
		}
		st = append(st, d)
	}
	for k := range st {
		st[k].prev, st[k].next = k-1, k+1
	}
	if len(st) > 0 {
		st[len(st)-1].next = -1
	}
	remove := func(k int) {
		d := &st[k]
		if d.prev >= 0 {
			st[d.prev].next = d.next
		}
		if d.next >= 0 {
			st[d.next].prev = d.prev
		}
	}
	// openersBottom: for a closer's kind (its character, length mod 3 and whether it can open,
	// as the spec keys it), the stack index below which no opener is looked for again.
	var openersBottom [3][3][2]int
	for c := range openersBottom {
		for m := range openersBottom[c] {
			openersBottom[c][m] = [2]int{-1, -1}
		}
	}
	kindOf := func(c byte) int {
		switch c {
		case '*':
			return 0
		case '_':
			return 1
		}
		return 2
	}
	var pairs []mdEmphasis
	k := 0
	if len(st) == 0 {
		k = -1
	}
	for k >= 0 {
		d := &st[k]
		if !d.canClose {
			k = d.next
			continue
		}
		ci, cm, co := kindOf(d.c), d.n%3, 0
		if d.canOpen {
			co = 1
		}
		bottom := openersBottom[ci][cm][co]
		found := -1
		for o := d.prev; o >= 0 && o > bottom; o = st[o].prev {
			od := &st[o]
			if od.c != d.c || !od.canOpen {
				continue
			}
			if d.c == '~' {
				if od.n != d.n {
					continue
				}
			} else if (od.canClose || d.canOpen) && (od.n+d.n)%3 == 0 && (od.n%3 != 0 || d.n%3 != 0) {
				continue // the rule of three
			}
			found = o
			break
		}
		if found < 0 {
			openersBottom[ci][cm][co] = d.prev
			next := d.next
			if !d.canOpen {
				remove(k)
			}
			k = next
			continue
		}
		od := &st[found]
		use := 1
		if d.c == '~' {
			use = d.n
		} else if od.hi-od.lo >= 2 && d.hi-d.lo >= 2 {
			use = 2
		}
		// The opener's characters nearest the text, the closer's first.
		pairs = append(pairs, mdEmphasis{open: od.hi - use, openEnd: od.hi, close: d.lo, closeEnd: d.lo + use})
		od.hi -= use
		d.lo += use
		for o := od.next; o >= 0 && o != k; o = st[o].next {
			remove(o)
		}
		if od.lo == od.hi {
			remove(found)
		}
		if d.lo == d.hi {
			next := d.next
			remove(k)
			k = next
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	return mdEmphasisEvents(pairs)
}

// mdEmphasisEvents merges pairs nested with nothing between their delimiters and gives each
// pair's opener and closer as events by position.
func mdEmphasisEvents(pairs []mdEmphasis) map[int]mdEmphasisEvent {
	byOpen := make(map[int]int, len(pairs)) // where a pair's opener starts → the pair
	for k, p := range pairs {
		byOpen[p.open] = k
	}
	merged := make([]bool, len(pairs))
	for k := range pairs {
		if merged[k] {
			continue
		}
		p := &pairs[k]
		for {
			j, ok := byOpen[p.openEnd]
			if !ok || j == k || merged[j] || pairs[j].closeEnd != p.close {
				break
			}
			p.openEnd, p.close = pairs[j].openEnd, pairs[j].close
			merged[j] = true
		}
	}
	ev := make(map[int]mdEmphasisEvent, 2*len(pairs))
	for k, p := range pairs {
		if merged[k] {
			continue
		}
		ev[p.open] = mdEmphasisEvent{open: true, end: p.openEnd}
		ev[p.close] = mdEmphasisEvent{end: p.closeEnd}
	}
	return ev
}

// mdSpaceRune and mdPunctRune are CommonMark's Unicode whitespace and punctuation (P and S
// categories), as goldmark reads them.
func mdSpaceRune(r rune) bool { return unicode.IsSpace(r) }

func mdPunctRune(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// mdDelimRuns returns where the delimiter runs of "*", "_" and "~" start in s, a paragraph's
// text or a link's, skipping what mdInline reads as a whole (backslash escapes, code spans,
// tags, shortcodes, images, footnote references and links, whose text is read apart, and bare
// addresses): their characters are no delimiters of s. before is the character before s, inLink
// says s is a link's text (where no bare address is one, mdBareLinkAt); spans is s's index.
//
// A bare address is an atom as a code span is: GFM's autolink extension (cmark-gfm's, and
// goldmark's Linkify) takes it whole while reading the inlines, before delimiters are paired,
// so "https://github.com/python/cpython/blob/main/Lib/json/__init__.py" and "vor_name@x.de" are
// links whose "_" open or close nothing. Its trailing "_", "*" or "~", which GFM leaves out of
// the address, are delimiters as any other ("_siehe https://x.de/a_" is emphasis).
func mdDelimRuns(s string, before rune, inLink bool, spans *mdSpanIndex) []int {
	var runs []int
	for i := 0; i < len(s); {
		c := s[i]
		if !inLink && isASCIIAlnum(s[i]) {
			if n := mdBareLinkLen(s, i, before); n > 0 {
				i += n
				continue
			}
		}
		switch {
		case c == '\\' && i+1 < len(s) && (s[i+1] == '\n' || isASCIIPunct(s[i+1])):
			i += 2
		case c == '`':
			n := runLen(s, i, '`')
			if end := spans.codeSpanEnd(i, n); end > 0 {
				i = end
			} else {
				i += n
			}
		case c == '<':
			if n := mdTagLen(s[i:]); n > 0 {
				if end := mdKeptSpan(s[i:], n); end > 0 {
					n = end
				}
				i += n
			} else {
				i++
			}
		case c == '{' && mdShortcodeLen(s[i:]) > 0:
			i += mdShortcodeLen(s[i:])
		case (c == '$' || c == '{') && mdOpaqueLen(s[i:], mdByteBefore(s, i, ' ')) > 0:
			i += mdOpaqueLen(s[i:], mdByteBefore(s, i, ' '))
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			if _, end := spans.linkParts(i + 1); end > 0 {
				i = mdAttrsAfter(s, end)
			} else {
				i++
			}
		case c == '[' && i+1 < len(s) && s[i+1] == '^':
			if j := strings.IndexAny(s[i:], "] \t\n"); j > 0 && s[i+j] == ']' {
				i += j + 1
			} else {
				i++
			}
		case c == '[':
			if _, end := spans.linkParts(i); end > 0 {
				i = mdAttrsAfter(s, end)
			} else {
				i++
			}
		case c == '*' || c == '_' || c == '~':
			runs = append(runs, i)
			i += runLen(s, i, c)
		default:
			i++
		}
	}
	return runs
}
