package report

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestPCG64Vectors checks PCG64 seeded through SeedSequence against numpy's own test vectors
// (testdata/numpy: the first ten and last five of the 1,000 raw outputs of
// PCG64(seed).random_raw() in numpy's pcg64-testset-{1,2}.csv; the seed is the first line).
func TestPCG64Vectors(t *testing.T) {
	for _, name := range []string{"pcg64-testset-1.csv", "pcg64-testset-2.csv"} {
		f, err := os.Open("testdata/numpy/" + name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		var seed uint64
		want := map[int]uint64{}
		for sc.Scan() {
			k, v, ok := strings.Cut(sc.Text(), ", ")
			if !ok {
				t.Fatalf("%s: %q", name, sc.Text())
			}
			x, err := strconv.ParseUint(strings.TrimPrefix(v, "0x"), 16, 64)
			if err != nil {
				t.Fatal(err)
			}
			if k == "seed" {
				seed = x
				continue
			}
			i, err := strconv.Atoi(k)
			if err != nil {
				t.Fatal(err)
			}
			want[i] = x
		}
		f.Close()
		if len(want) != 15 {
			t.Fatalf("%s: %d vectors", name, len(want))
		}
		g := newNumpyRNG(seed)
		for i := 0; i < 1000; i++ {
			got := g.next64()
			if w, ok := want[i]; ok && got != w {
				t.Errorf("%s: output %d = %#x, want %#x", name, i, got, w)
			}
		}
	}
}

// TestNumpyChoice checks Generator.choice(n, size=(rows, cols), replace=True) after
// np.random.default_rng(seed), row by row; the expected values are numpy's (1.24, the stream
// is the same in 2.x).
func TestNumpyChoice(t *testing.T) {
	draw := func(seed uint64, n, rows, cols int) [][]int32 {
		g := newNumpyRNG(seed)
		out := make([][]int32, rows)
		for r := range out {
			out[r] = make([]int32, cols)
			g.choice(out[r], n)
		}
		return out
	}
	check := func(got [][]int32, want [][]int32) {
		t.Helper()
		for r := range want {
			for c := range want[r] {
				if got[r][c] != want[r][c] {
					t.Fatalf("row %d: %v, want %v", r, got[r], want[r])
				}
			}
		}
	}
	check(draw(12345, 7, 3, 5), [][]int32{{4, 1, 5, 2, 1}, {5, 4, 4, 6, 2}, {5, 2, 3, 4, 1}})
	check(draw(12345, 3, 2, 3), [][]int32{{2, 0, 2}, {0, 0, 2}})
	check(draw(7, 100003, 4, 3), [][]int32{{94493, 62511, 68420}, {89724, 57830, 77570}, {83367, 22521, 5553}, {30017, 28507, 87357}})
	// sacreBLEU's shape for 200 segments: choice(200, size=(1000, 200)).
	big := draw(12345, 200, 1000, 200)
	check([][]int32{big[0][:8], big[999][190:]}, [][]int32{{139, 45, 157, 63, 40, 159, 128, 135}, {148, 108, 11, 82, 3, 60, 197, 156, 69, 46}})
	sum := 0
	for _, row := range big {
		for _, v := range row {
			sum += int(v)
		}
	}
	if sum != 19897355 {
		t.Errorf("sum of all draws %d, want 19897355", sum)
	}
	if g := draw(12345, 1, 2, 4); g[1][3] != 0 {
		t.Errorf("n = 1: %v", g)
	}
}
