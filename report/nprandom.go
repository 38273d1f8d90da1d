package report

import "math/bits"

// numpy's default generator, as sacreBLEU draws its bootstrap samples with it:
// np.random.default_rng(seed) is a PCG64 bit generator (PCG XSL-RR 128/64) seeded through a
// SeedSequence, and Generator.choice(n, size=…, replace=True) is Generator.integers(0, n,
// dtype=int64), which for a range below 2³² draws each index with Lemire's bounded method
// from 32-bit halves of the 64-bit outputs (low half first). Written from numpy's
// bit_generator.pyx, _pcg64.pyx, src/pcg64/pcg64.{h,c} and src/distributions/distributions.c;
// checked against numpy's PCG64 test vectors (testdata/numpy).

// SeedSequence constants (numpy/random/bit_generator.pyx).
const (
	ssPoolSize = 4
	ssInitA    = 0x43b0d7e5
	ssMultA    = 0x931e8875
	ssInitB    = 0x8b51f9dd
	ssMultB    = 0x58f38ded
	ssMixMultL = 0xca01f9dd
	ssMixMultR = 0x4973f715
	ssXShift   = 16
)

// seedSequence returns the pool of numpy's SeedSequence(entropy) (no spawn key, pool size 4).
func seedSequence(entropy uint64) [ssPoolSize]uint32 {
	// _int_to_uint32_array: 32-bit words, lowest first; 0 is one word.
	words := []uint32{uint32(entropy)}
	if entropy>>32 != 0 {
		words = append(words, uint32(entropy>>32))
	}
	hashConst := uint32(ssInitA)
	hashmix := func(v uint32) uint32 {
		v ^= hashConst
		hashConst *= ssMultA
		v *= hashConst
		v ^= v >> ssXShift
		return v
	}
	mix := func(x, y uint32) uint32 {
		r := ssMixMultL*x - ssMixMultR*y
		r ^= r >> ssXShift
		return r
	}
	var pool [ssPoolSize]uint32
	for i := range pool {
		if i < len(words) {
			pool[i] = hashmix(words[i])
		} else {
			pool[i] = hashmix(0)
		}
	}
	for src := range pool {
		for dst := range pool {
			if src != dst {
				pool[dst] = mix(pool[dst], hashmix(pool[src]))
			}
		}
	}
	// Entropy beyond the pool size: never, for at most two words.
	return pool
}

// generateState is SeedSequence.generate_state(n, np.uint64): 2n 32-bit words, paired
// little-endian into 64-bit ones.
func generateState(pool [ssPoolSize]uint32, n int) []uint64 {
	hashConst := uint32(ssInitB)
	out := make([]uint64, n)
	for i := 0; i < 2*n; i++ {
		v := pool[i%ssPoolSize]
		v ^= hashConst
		hashConst *= ssMultB
		v *= hashConst
		v ^= v >> ssXShift
		out[i/2] |= uint64(v) << (32 * (i % 2))
	}
	return out
}

// pcg64 is numpy's PCG64 bit generator with its buffered 32-bit half.
type pcg64 struct {
	hi, lo       uint64 // 128-bit state
	incHi, incLo uint64 // 128-bit increment (odd)
	hasU32       bool
	u32          uint32
}

// PCG's default 128-bit multiplier.
const (
	pcgMultHi = 0x2360ed051fc65da4
	pcgMultLo = 0x4385df649fccf645
)

// newNumpyRNG is np.random.default_rng(seed)'s bit generator.
func newNumpyRNG(seed uint64) *pcg64 {
	st := generateState(seedSequence(seed), 4)
	g := &pcg64{}
	g.setSeed(st[0], st[1], st[2], st[3])
	return g
}

// setSeed is pcg64_set_seed / pcg_setseq_128_srandom_r: state (sHi, sLo), sequence (iHi, iLo).
func (g *pcg64) setSeed(sHi, sLo, iHi, iLo uint64) {
	g.hi, g.lo = 0, 0
	g.incHi = iHi<<1 | iLo>>63
	g.incLo = iLo<<1 | 1
	g.step()
	var c uint64
	g.lo, c = bits.Add64(g.lo, sLo, 0)
	g.hi, _ = bits.Add64(g.hi, sHi, c)
	g.step()
	g.hasU32, g.u32 = false, 0
}

// step advances the LCG: state = state × multiplier + increment (mod 2¹²⁸).
func (g *pcg64) step() {
	h, l := bits.Mul64(g.lo, pcgMultLo)
	h += g.hi*pcgMultLo + g.lo*pcgMultHi
	var c uint64
	g.lo, c = bits.Add64(l, g.incLo, 0)
	g.hi, _ = bits.Add64(h, g.incHi, c)
}

// next64 steps, then outputs XSL-RR: the state's halves xored, rotated right by its top 6 bits.
func (g *pcg64) next64() uint64 {
	g.step()
	return bits.RotateLeft64(g.hi^g.lo, -int(g.hi>>58))
}

// next32 is pcg64_next32: the low half of a fresh output, then its high half.
func (g *pcg64) next32() uint32 {
	if g.hasU32 {
		g.hasU32 = false
		return g.u32
	}
	x := g.next64()
	g.hasU32, g.u32 = true, uint32(x>>32)
	return uint32(x)
}

// bounded is buffered_bounded_lemire_uint32: a uniform integer in [0, rng] for rng < 2³²−1.
func (g *pcg64) bounded(rng uint32) uint32 {
	excl := rng + 1
	m := uint64(g.next32()) * uint64(excl)
	leftover := uint32(m)
	if leftover < excl {
		threshold := (^uint32(0) - rng) % excl
		for leftover < threshold {
			m = uint64(g.next32()) * uint64(excl)
			leftover = uint32(m)
		}
	}
	return uint32(m >> 32)
}

// choice fills idx with the next len(idx) draws of Generator.choice(n, replace=True): a row
// of choice(n, size=(rows, len(idx))), whose draws are made in row-major order. n must be
// at least 1 and below 2³²; for n = 1 numpy draws nothing.
func (g *pcg64) choice(idx []int32, n int) {
	if n == 1 {
		clear(idx)
		return
	}
	rng := uint32(n - 1)
	for i := range idx {
		idx[i] = int32(g.bounded(rng))
	}
}
