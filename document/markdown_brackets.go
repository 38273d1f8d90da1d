package document

import "sort"

// mdSpanIndex answers linkParts and codeSpanEnd for every position of one text (a paragraph's,
// or a link's) from tables built once, in time linear in the text: asked position by position
// by a scan, a "[" without its "]" (one before every sentence of a paragraph, or a run of them)
// or a "`" without its closing run each read to the text's end again, and a paragraph of 20,000
// such sentences took minutes. The answers are the scans' own (linkPartsScan, codeSpanEndScan).
type mdSpanIndex struct {
	s string
	// runs maps a length of backticks to where the maximal runs of that length start, in order.
	runs map[int][]int
	// unmatched[k] is the first "]" left unmatched by the brackets read from s[k] on, as
	// linkPartsScan walks (escapes and code spans skipped whole), or -1; built on first use.
	unmatched []int32
}

func newMdSpanIndex(s string) *mdSpanIndex {
	x := &mdSpanIndex{s: s}
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		n := runLen(s, i, '`')
		if x.runs == nil {
			x.runs = map[int][]int{}
		}
		x.runs[n] = append(x.runs[n], i)
		i += n
	}
	return x
}

// codeSpanEnd is codeSpanEnd(x.s, i, n) for n = runLen(x.s, i, '`'): the end of the first
// maximal run of n backticks after the run at i (the scan steps over longer and shorter ones).
func (x *mdSpanIndex) codeSpanEnd(i, n int) int {
	if i+n < len(x.s) && x.s[i+n] == '`' || n == 0 {
		return codeSpanEndScan(x.s, i, n) // not the end of a run: no caller asks this
	}
	starts := x.runs[n]
	k := sort.SearchInts(starts, i+n)
	if k == len(starts) {
		return 0
	}
	return starts[k] + n
}

// linkParts is linkParts(x.s, i): where the link opened at s[i] == '[' closes and ends.
func (x *mdSpanIndex) linkParts(i int) (close, end int) {
	s := x.s
	if i >= len(s) || s[i] != '[' {
		return linkPartsScan(s, i)
	}
	if x.unmatched == nil {
		x.buildUnmatched()
	}
	k := int(x.unmatched[i+1])
	if k < 0 {
		return 0, 0
	}
	return linkPartsAt(s, k)
}

// buildUnmatched fills unmatched from the text's end: a "]" is its own answer, a "[" is answered
// past its own "]", an escape or a code span by the position the walk goes on from.
func (x *mdSpanIndex) buildUnmatched() {
	s := x.s
	u := make([]int32, len(s)+2)
	u[len(s)], u[len(s)+1] = -1, -1
	for k := len(s) - 1; k >= 0; k-- {
		switch s[k] {
		case ']':
			u[k] = int32(k)
		case '[':
			u[k] = -1
			if m := u[k+1]; m >= 0 {
				u[k] = u[m+1]
			}
		case '\\':
			u[k] = u[k+2]
		case '`':
			n := runLen(s, k, '`')
			next := k + n
			if e := x.codeSpanEnd(k, n); e > 0 {
				next = e
			}
			u[k] = u[next]
		default:
			u[k] = u[k+1]
		}
	}
	x.unmatched = u
}
