package align

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Counts are the raw numbers behind precision and recall, strict and lax. Add the Counts of
// several documents before computing scores, as the published figures do.
type Counts struct {
	StrictTP, LaxTP int // system beads that hit a gold bead (precision side)
	Test            int // system beads
	RecallStrict    int // gold beads (both sides non-empty) hit by the system
	RecallLax       int
	Gold            int // gold beads with both sides non-empty
}

// Add returns c + d.
func (c Counts) Add(d Counts) Counts {
	return Counts{c.StrictTP + d.StrictTP, c.LaxTP + d.LaxTP, c.Test + d.Test,
		c.RecallStrict + d.RecallStrict, c.RecallLax + d.RecallLax, c.Gold + d.Gold}
}

// Score is precision, recall and F1.
type Score struct{ P, R, F1 float64 }

func prf(tp, np, rtp, nr int) Score {
	var s Score
	if np > 0 {
		s.P = float64(tp) / float64(np)
	}
	if nr > 0 {
		s.R = float64(rtp) / float64(nr)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// Strict scores exact bead matches.
func (c Counts) Strict() Score { return prf(c.StrictTP, c.Test, c.RecallStrict, c.Gold) }

// Lax also counts beads that share a source and a target sentence with the other list.
func (c Counts) Lax() Score { return prf(c.LaxTP, c.Test, c.RecallLax, c.Gold) }

func (c Counts) String() string {
	s, l := c.Strict(), c.Lax()
	return fmt.Sprintf("strict P=%.3f R=%.3f F1=%.3f  lax P=%.3f R=%.3f F1=%.3f", s.P, s.R, s.F1, l.P, l.R, l.F1)
}

// Evaluate compares system beads with gold beads the way Text+Berg, Vecalign and Bertalign are
// scored: precision over all system beads against all gold beads; recall over the gold beads
// with two non-empty sides against the system beads with two non-empty sides. Strict: the bead
// occurs in the other list. Lax: or it shares a source and a target sentence with a bead there.
func Evaluate(gold, test []Bead) Counts {
	var c Counts
	c.StrictTP, c.LaxTP, c.Test = hits(gold, test)
	c.RecallStrict, c.RecallLax, c.Gold = hits(nonEmpty(test), nonEmpty(gold))
	return c
}

func nonEmpty(bs []Bead) []Bead {
	var out []Bead
	for _, b := range bs {
		if len(b.Src) > 0 && len(b.Tgt) > 0 {
			out = append(out, b)
		}
	}
	return out
}

func beadKey(b Bead) string {
	var sb strings.Builder
	for _, x := range slices.Sorted(slices.Values(b.Src)) {
		sb.WriteString(strconv.Itoa(x))
		sb.WriteByte(',')
	}
	sb.WriteByte('|')
	for _, x := range slices.Sorted(slices.Values(b.Tgt)) {
		sb.WriteString(strconv.Itoa(x))
		sb.WriteByte(',')
	}
	return sb.String()
}

// hits counts the distinct beads of test that match ref strictly and laxly.
func hits(ref, test []Bead) (strict, lax, total int) {
	refKeys := map[string]bool{}
	links := map[int]map[int]bool{} // source id → target ids linked by ref
	for _, b := range ref {
		refKeys[beadKey(b)] = true
		for _, s := range b.Src {
			if links[s] == nil {
				links[s] = map[int]bool{}
			}
			for _, t := range b.Tgt {
				links[s][t] = true
			}
		}
	}
	seen := map[string]bool{}
	for _, b := range test {
		k := beadKey(b)
		if seen[k] {
			continue
		}
		seen[k] = true
		total++
		if refKeys[k] {
			strict++
			lax++
			continue
		}
	lax:
		for _, s := range b.Src {
			for _, t := range b.Tgt {
				if links[s][t] {
					lax++
					break lax
				}
			}
		}
	}
	return strict, lax, total
}
