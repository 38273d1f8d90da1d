package align

import (
	"math/rand/v2"
	"strings"
)

// perturbRates are the per-sentence probabilities of the edits perturb applies.
type perturbRates struct{ merge, split, drop, add float64 }

// perturb edits a target list that is aligned 1-1 with its source: it merges neighbours, splits
// sentences at a space near the middle, drops sentences and inserts sentences drawn from pool,
// and returns the edited list with the exact gold beads. Deterministic for a seed.
func perturb(tgt, pool []string, seed uint64, r perturbRates) ([]string, []Bead) {
	rng := rand.New(rand.NewPCG(seed, 7))
	var out []string
	var gold []Bead
	for i := 0; i < len(tgt); i++ {
		if len(pool) > 0 && rng.Float64() < r.add {
			gold = append(gold, Bead{Tgt: []int{len(out)}})
			out = append(out, pool[rng.IntN(len(pool))])
		}
		x := rng.Float64()
		switch {
		case x < r.merge && i+1 < len(tgt):
			gold = append(gold, Bead{Src: []int{i, i + 1}, Tgt: []int{len(out)}})
			out = append(out, tgt[i]+" "+tgt[i+1])
			i++
		case x < r.merge+r.split && strings.Count(tgt[i], " ") >= 6:
			a, b := splitMiddle(tgt[i])
			gold = append(gold, Bead{Src: []int{i}, Tgt: []int{len(out), len(out) + 1}})
			out = append(out, a, b)
		case x < r.merge+r.split+r.drop:
			gold = append(gold, Bead{Src: []int{i}})
		default:
			gold = append(gold, Bead{Src: []int{i}, Tgt: []int{len(out)}})
			out = append(out, tgt[i])
		}
	}
	return out, gold
}

func splitMiddle(s string) (string, string) {
	mid := len(s) / 2
	k := strings.LastIndexByte(s[:mid], ' ')
	if k <= 0 {
		k = strings.IndexByte(s, ' ')
	}
	return s[:k], s[k+1:]
}
