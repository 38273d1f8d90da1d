package glossary

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SegmentViolation is a violation in one segment of a document.
type SegmentViolation struct {
	Segment int
	Violation
}

// Consistency finds terms rendered differently within one document. Glossary terms are
// inconsistent when segments use different accepted renderings (State Department here,
// Department of State there). With Free set, terms not in the glossary are looked at too:
// a German noun that occurs in at least three segments, whose segments mostly share one English
// word or word pair that is rare elsewhere (its rendering), is inconsistent in the segments
// that lack that rendering. That is a statistical guess, so Found is empty for such findings.
//
// Add the segments of one document, then call Violations. A Consistency is not safe for
// concurrent use.
type Consistency struct {
	g    *Glossary
	free bool
	// per glossary entry: rendering index → segments, and the rendering text used there
	uses map[*Entry]map[int][]use
	segs []freeSeg
	// strs interns the texts of uses: a long document repeats a few term surfaces and
	// renderings a million times, and a use is then 40 bytes with no string of its own.
	strs map[string]string
}

// maxInterned bounds strs; texts beyond it are copied as they come.
const maxInterned = 1 << 16

// use is one satisfied glossary term: segment, the term as written in the source (at bytes
// [start, end)) and the rendering as written in the translation. int32 is enough: a segment is
// at most a line of 16 MiB, and 2^31 segments' uses would not fit in memory anyway.
type use struct {
	seg, start, end int32
	src, text       string
}

// intern returns a copy of s that does not keep the segment's text alive, shared with every
// equal text before it.
func (c *Consistency) intern(s string) string {
	if v, ok := c.strs[s]; ok {
		return v
	}
	v := strings.Clone(s)
	if len(c.strs) < maxInterned {
		c.strs[v] = v
	}
	return v
}

type freeSeg struct {
	seg int
	de  map[string]unit   // German content nouns not covered by glossary terms
	en  map[string]string // English content words and word pairs: key → surface
}

// NewConsistency starts a document. free extends the check to terms not in the glossary.
func NewConsistency(g *Glossary, free bool) *Consistency {
	return &Consistency{g: g, free: free, uses: map[*Entry]map[int][]use{}, strs: map[string]string{}}
}

// Add records segment seg with its source, its translation and its Review result.
func (c *Consistency) Add(seg int, source, target string, res Result) {
	for _, t := range res.Terms {
		if !t.Satisfied() {
			continue
		}
		m := c.uses[t.Match.Entry]
		if m == nil {
			m = map[int][]use{}
			c.uses[t.Match.Entry] = m
		}
		m[t.Rendering] = append(m[t.Rendering], use{
			seg: int32(seg), start: int32(t.Match.Start), end: int32(t.Match.End),
			src: c.intern(t.Match.Text), text: c.intern(t.Used),
		})
	}
	if c.free {
		c.segs = append(c.segs, c.freeSegment(seg, source, target))
	}
}

// Violations returns the inconsistencies of the document, by segment.
func (c *Consistency) Violations() []SegmentViolation {
	var out []SegmentViolation
	for e, byRendering := range c.uses {
		if len(byRendering) < 2 {
			continue
		}
		// The rendering to follow is the required one (the entry's target, rendering 0)
		// wherever the document uses it: a variant the glossary accepts is no reason to ask
		// for the required term to be replaced ("Fishing" used five times and "Fisheries",
		// required, once made "Fisheries" the inconsistency). Else the most used variant;
		// ties go to the glossary's order.
		best, bestN := -1, 0
		for r, us := range byRendering {
			if len(us) > bestN || len(us) == bestN && r < best {
				best, bestN = r, len(us)
			}
		}
		if _, ok := byRendering[0]; ok && e.Target != "" {
			best = 0
		}
		expected := byRendering[best][0].text
		for r, us := range byRendering {
			if r == best {
				continue
			}
			for _, u := range us {
				out = append(out, SegmentViolation{Segment: int(u.seg), Violation: Violation{
					Kind: Inconsistent, SourceTerm: u.src, Expected: expected, Found: u.text,
					Entry: e, Start: int(u.start), End: int(u.end),
				}})
			}
		}
	}
	if c.free {
		out = append(out, c.freeViolations()...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Segment != out[j].Segment {
			return out[i].Segment < out[j].Segment
		}
		return out[i].Start < out[j].Start
	})
	return out
}

func (c *Consistency) freeSegment(seg int, source, target string) freeSeg {
	fs := freeSeg{seg: seg, de: map[string]unit{}, en: map[string]string{}}
	us := textUnits(source, "de", cachedStemDE)
	covered := map[int]bool{}
	for _, m := range c.g.findUnits(source, us) {
		for k, u := range us {
			// A discontinuous match (tritt am 1. Januar in Kraft) covers its first and last
			// words, not the ones between, which are free words like any other.
			if u.start >= m.Start && u.end <= m.End && (!m.Discontinuous || u.start == m.Start || u.end == m.End) {
				covered[k] = true
			}
		}
	}
	for k, u := range us {
		r, _ := utf8.DecodeRuneInString(u.surface)
		if covered[k] || !unicode.IsUpper(r) || utf8.RuneCountInString(u.surface) < 4 || stopDE[u.fold] {
			continue
		}
		if _, ok := fs.de[u.key]; !ok {
			fs.de[u.key] = u
		}
	}
	tu := textUnits(target, "en", cachedStemEN)
	for k, u := range tu {
		// Numbers are units (for terms like Article 5) but no candidate renderings.
		if u.num || utf8.RuneCountInString(u.fold) < 3 || stopEN[u.fold] {
			continue
		}
		fs.en[u.key] = u.surface
		if k+1 < len(tu) && tu[k+1].joined && !tu[k+1].num && !stopEN[tu[k+1].fold] {
			fs.en[u.key+" "+tu[k+1].key] = target[u.start:tu[k+1].end]
		}
	}
	return fs
}

func (c *Consistency) freeViolations() []SegmentViolation {
	deSegs := map[string][]int{} // German key → indexes into c.segs
	enCount := map[string]int{}  // English key → segments containing it
	for i, s := range c.segs {
		for k := range s.de {
			deSegs[k] = append(deSegs[k], i)
		}
		for k := range s.en {
			enCount[k]++
		}
	}
	var out []SegmentViolation
	for dk, idx := range deSegs {
		if len(idx) < 3 {
			continue
		}
		// Candidate renderings: English keys in the segments of this term.
		co := map[string]int{}
		for _, i := range idx {
			for ek := range c.segs[i].en {
				co[ek]++
			}
		}
		bestKey, bestScore := "", 0.0
		for ek, n := range co {
			dice := 2 * float64(n) / float64(len(idx)+enCount[ek])
			if n >= 2 && float64(n) >= 0.6*float64(len(idx)) && dice >= 0.6 && (dice > bestScore || dice == bestScore && ek < bestKey) {
				bestKey, bestScore = ek, dice
			}
		}
		if bestKey == "" || co[bestKey] == len(idx) {
			continue
		}
		var expected string
		for _, i := range idx {
			if s, ok := c.segs[i].en[bestKey]; ok {
				expected = s
				break
			}
		}
		for _, i := range idx {
			s := c.segs[i]
			if _, ok := s.en[bestKey]; ok {
				continue
			}
			u := s.de[dk]
			out = append(out, SegmentViolation{Segment: s.seg, Violation: Violation{
				Kind: Inconsistent, SourceTerm: u.surface, Expected: expected, Start: u.start, End: u.end,
			}})
		}
	}
	return out
}
