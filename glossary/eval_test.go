package glossary

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

type evalCase struct {
	line           int
	want           []string // kind:source, sorted
	source, target string
}

func loadEval(t testing.TB) []evalCase {
	t.Helper()
	var cs []evalCase
	for _, r := range readEvalRows(t, "../testdata/glossary/check-eval.tsv") {
		var want []string
		if r.cells[0] != "ok" {
			want = strings.Split(r.cells[0], ";")
			sort.Strings(want)
		}
		cs = append(cs, evalCase{line: r.line, want: want, source: r.cells[1], target: r.cells[2]})
	}
	return cs
}

// evalRow is one line of an evaluation file: three tab-separated cells (what is expected, then
// the texts), at its 1-based line.
type evalRow struct {
	line  int
	cells [3]string
}

// readEvalRows reads the rows of an evaluation file, skipping blank lines and # comments; a line
// of another number of cells fails the test naming it.
func readEvalRows(t testing.TB, path string) []evalRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []evalRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cells := strings.Split(line, "\t")
		if len(cells) != 3 {
			t.Fatalf("%s:%d: %d columns", filepath.Base(path), n, len(cells))
		}
		rows = append(rows, evalRow{line: n, cells: [3]string{cells[0], cells[1], cells[2]}})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// evalCheck runs Check over the evaluation set and counts findings (kind and glossary source)
// that were expected (tp), unexpected (fp) and expected but not found (fn).
func evalCheck(t testing.TB, g *Glossary, cs []evalCase, report func(evalCase, []string)) (tp, fp, fn int) {
	for _, c := range cs {
		got := map[string]bool{}
		var gotList []string
		for _, v := range g.Check(c.source, c.target) {
			k := v.Kind + ":" + v.Entry.Source
			if !got[k] {
				got[k] = true
				gotList = append(gotList, k)
			}
		}
		t, f, n := countFound(got, c.want)
		tp, fp, fn = tp+t, fp+f, fn+n
		if f+n > 0 && report != nil {
			sort.Strings(gotList)
			report(c, gotList)
		}
	}
	return tp, fp, fn
}

// countFound counts the keys found that were wanted (tp), found and not wanted (fp), and
// wanted and not found (fn).
func countFound(got map[string]bool, wantList []string) (tp, fp, fn int) {
	want := map[string]bool{}
	for _, k := range wantList {
		want[k] = true
	}
	for k := range got {
		if want[k] {
			tp++
		} else {
			fp++
		}
	}
	for k := range want {
		if !got[k] {
			fn++
		}
	}
	return tp, fp, fn
}

func TestCheckPrecisionRecall(t *testing.T) {
	g := seed(t)
	cs := loadEval(t)
	if len(cs) < 100 {
		t.Fatalf("only %d evaluation segments", len(cs))
	}
	tp, fp, fn := evalCheck(t, g, cs, func(c evalCase, got []string) {
		t.Logf("check-eval.tsv:%d: got %v, want %v\n\t%s\n\t%s", c.line, got, c.want, c.source, c.target)
	})
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	t.Logf("%d segments: precision %.3f, recall %.3f (tp %d, fp %d, fn %d)", len(cs), p, r, tp, fp, fn)
	if p < 0.95 || r < 0.95 {
		t.Errorf("precision %.3f, recall %.3f: both must be at least 0.95", p, r)
	}
}

// BenchmarkCheckEval reports the precision and recall of Check on the evaluation set of
// correct and deliberately broken translations, and its speed.
func BenchmarkCheckEval(b *testing.B) {
	g := seed(b)
	cs := loadEval(b)
	var tp, fp, fn int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tp, fp, fn = evalCheck(b, g, cs, nil)
	}
	b.ReportMetric(float64(tp)/float64(tp+fp), "precision")
	b.ReportMetric(float64(tp)/float64(tp+fn), "recall")
	b.ReportMetric(float64(len(cs)*b.N)/b.Elapsed().Seconds(), "segments/s")
}
