package align

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"
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

func mustOpen(t testing.TB, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// synthetic generates a source document of n sentences and a "translation" of it with merged,
// split, dropped and inserted sentences, plus the gold beads. Words are drawn from a Zipf-like
// vocabulary; the translation maps each word to a target word that shares its first letters
// one time in three (cognates), and keeps numbers and capitalized names, as real translations do.
func synthetic(n int, seed uint64) (src, tgt []string, gold []Bead) {
	src, tgt, _, gold = syntheticMT(n, seed)
	return src, tgt, gold
}

// syntheticMT is synthetic that also returns a machine translation of the source: the
// translation before the edits, with one word in ten replaced.
func syntheticMT(n int, seed uint64) (src, tgt, mt []string, gold []Bead) {
	rng := rand.New(rand.NewPCG(seed, 99))
	const vocab = 5000
	word := func(k int, target bool) string {
		base := []byte{byte('b' + k%20), byte('a' + k/20%5), byte('k' + k/100%10), byte('e' + k/1000%5), byte('r' + k%7)}
		if target && k%3 != 0 {
			base[0], base[1] = base[1]+1, base[0]
		}
		return string(base)
	}
	src = make([]string, n)
	trans := make([]string, n)
	for i := range src {
		var s, t []string
		l := 4 + rng.IntN(25)
		for w := 0; w < l; w++ {
			switch x := rng.Float64(); {
			case x < 0.04:
				num := strconvItoa(rng.IntN(3000))
				s, t = append(s, num), append(t, num)
			case x < 0.08:
				name := "N" + word(rng.IntN(vocab), false)
				s, t = append(s, name), append(t, name)
			default:
				k := int(float64(vocab) * rng.Float64() * rng.Float64() * rng.Float64())
				s, t = append(s, word(k, false)), append(t, word(k, true))
			}
		}
		src[i] = strings.Join(s, " ") + "."
		trans[i] = strings.Join(t, " ") + "."
	}
	tgt, gold = perturb(trans, trans, seed, perturbRates{merge: 0.03, split: 0.03, drop: 0.02, add: 0.02})
	mt = make([]string, n)
	for i, t := range trans {
		ws := strings.Fields(t)
		for k := range ws {
			if rng.IntN(10) == 0 {
				ws[k] = word(rng.IntN(vocab), true)
			}
		}
		mt[i] = strings.Join(ws, " ")
	}
	return src, tgt, mt, gold
}

func strconvItoa(x int) string {
	return strings.TrimSpace(strings.Replace(string(rune('0'+x/1000%10))+string(rune('0'+x/100%10))+string(rune('0'+x/10%10))+string(rune('0'+x%10)), "\x00", "", -1))
}
