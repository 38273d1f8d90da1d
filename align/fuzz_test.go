package align

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzReadBeads: the parser never panics, and what it accepts prints back to something it
// parses to the same beads.
func FuzzReadBeads(f *testing.F) {
	for _, s := range []string{"[0]:[0]\n", "[6, 7]:[9, 10]:0.5\n[]:[1]\n", "# x\n\n[1]:[]", "[0]:[1]:1e-1", "[:]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		beads, err := ReadBeads(strings.NewReader(s), "f")
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := WriteBeads(&buf, beads); err != nil {
			t.Fatal(err)
		}
		back, err := ReadBeads(&buf, "f")
		if err != nil {
			t.Fatalf("written beads do not parse: %v\n%s", err, buf.String())
		}
		if beadsString(back) != beadsString(beads) {
			t.Fatalf("round trip changed beads")
		}
	})
}

func FuzzReadPresplit(f *testing.F) {
	for _, s := range []string{"a\nb\n\nc", "\uFEFFx\r\n", "\xff", "\n\n\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sents, breaks, err := ReadPresplit(strings.NewReader(s), "f")
		if err != nil {
			return
		}
		prev := 0
		for _, b := range breaks {
			if b <= prev || b >= len(sents) {
				t.Fatalf("break %d out of order or range (%d sentences)", b, len(sents))
			}
			prev = b
		}
		for _, x := range sents {
			if x == "" || strings.TrimSpace(x) != x {
				t.Fatalf("sentence %q not trimmed", x)
			}
		}
	})
}

func FuzzReadDictionary(f *testing.F) {
	for _, s := range []string{"Haus\thouse\n", "a {m} | b :: c | d\n", "x :: y; z (q)\n", "#\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := NewDictionary()
		if err := d.ReadDictionary(strings.NewReader(s), "f"); err != nil {
			return
		}
		// Whatever was read must be usable by the aligner.
		if _, err := Align([]string{s}, []string{"house"}, Options{Dict: d}); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzAlign: any input aligns into beads that cover both sides in order.
func FuzzAlign(f *testing.F) {
	f.Add("Eins.\nZwei 2.\nDrei", "One.\nTwo 2.", uint8(3), uint8(0))
	f.Add("", "x", uint8(0), uint8(0))
	f.Add("Eins.\nZwei 2.\nDrei", "One.\nTwo 2.", uint8(2), uint8(7))
	f.Fuzz(func(t *testing.T, a, b string, g, mode uint8) {
		src, tgt := strings.Split(a, "\n"), strings.Split(b, "\n")
		opt := Options{MaxGroup: int(g % 10), SrcBreaks: []int{1, 2}, TgtBreaks: []int{1}}
		// mode's bits add an MT of either side (the other side's lines, cycled, so that the MT
		// paths — the lexicon's second pass sharing the MT's weight, the word leak — see text
		// that matches some lines and not others) and crosswise beads.
		cycled := func(lines []string, n int) []string {
			out := make([]string, n)
			for i := range out {
				if len(lines) > 0 {
					out[i] = lines[i%len(lines)]
				}
			}
			return out
		}
		if mode&1 != 0 {
			opt.MT = cycled(tgt, len(src))
		}
		if mode&2 != 0 {
			opt.MTTgt = cycled(src, len(tgt))
		}
		opt.Crossing = mode&4 != 0
		beads, err := Align(src, tgt, opt)
		if err != nil {
			t.Fatal(err)
		}
		if !opt.Crossing {
			checkBeads(t, beads, len(src), len(tgt))
			return
		}
		checkCover(t, beads, len(src), len(tgt)) // crosswise beads are not monotone
	})
}
