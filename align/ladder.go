package align

import (
	"bufio"
	"fmt"
	"io"
)

// WriteLadder writes beads as hunalign's ladder: one rung per line, "i<TAB>j<TAB>score", where
// (i, j) are the numbers of source and target sentences before the bead and score its
// confidence; the last rung, (n, m) with score 0, closes the ladder. Beads must be monotone and
// contiguous, as Align returns them.
func WriteLadder(w io.Writer, beads []Bead) error {
	bw := bufio.NewWriter(w)
	i, j := 0, 0
	for _, b := range beads {
		fmt.Fprintf(bw, "%d\t%d\t%.2f\n", i, j, Shown(b.Confidence))
		i += len(b.Src)
		j += len(b.Tgt)
	}
	fmt.Fprintf(bw, "%d\t%d\t%.2f\n", i, j, 0.0)
	return bw.Flush()
}
