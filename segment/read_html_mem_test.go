package segment

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/heappeak"
)

// tablePage is an article with a table of rows × 20 cells, the shape of a data page (results,
// statistics): many small blocks, and many nodes per byte.
func tablePage(rows int) string {
	var b strings.Builder
	b.WriteString("<html><body><article><h1>T</h1><p>Der Rat hat beschlossen.</p><table>")
	for i := range rows {
		b.WriteString("<tr>")
		for j := range 20 {
			fmt.Fprintf(&b, "<td>Zelle %d %d mit Text.</td>", i, j)
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</table></article></body></html>")
	return b.String()
}

// flatPage is an article of about size bytes of <p> paragraphs.
func flatPage(size int) string {
	var b strings.Builder
	b.WriteString("<html><head><title>Titel</title></head><body><article><h1>Titel</h1>")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "<p>Der Stadtrat hat am Dienstagabend den Haushalt %d beschlossen, sagte die Sprecherin der Stadt. Die Opposition kritisierte den Beschluss scharf.</p>\n", i)
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

// scanHTML segments page with a Scanner, as bitext segment does, and returns the sentences.
func scanHTML(tb testing.TB, page string) int {
	sc := NewScanner(strings.NewReader(page), "page.html", Options{})
	n := 0
	for sc.Scan() {
		n += len(sc.Block().Sentences)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return n
}

// BenchmarkReadHTMLMemory segments a table page (5,000 rows of 20 cells, 3 MB: more nodes than
// the extractors are given) and a flat page of 3 MB of paragraphs (more than trafilatura is
// given) with a Scanner, as bitext segment does, and reports the peak heap above the input,
// in MB and per input byte. Before the node limit (maxExtractorNodes) the table page took
// 320 MB of heap (about 100 times its size), in go-trafilatura.
//
// The -streamed inputs are read the way pages over 16 MiB are (htmlStream), and flat-20MB is one:
// their peak heap is bounded by the blocks held back while the page has no prose (at most
// maxHeldHTML), the 16 MiB the reader looks at first and the largest subtree, not by the page.
func BenchmarkReadHTMLMemory(b *testing.B) {
	inputs := []struct {
		name     string
		page     string
		streamed bool
	}{
		{"table-5000", tablePage(5000), false},
		{"flat-3MB", flatPage(3 << 20), false},
		{"table-5000-streamed", tablePage(5000), true},
		{"flat-3MB-streamed", flatPage(3 << 20), true},
		{"table-50000-streamed", tablePage(50000), true},
		{"flat-20MB", flatPage(20 << 20), false},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			if in.streamed {
				streamHTMLAbove = 0
				defer func() { streamHTMLAbove = maxReadability }()
			}
			b.SetBytes(int64(len(in.page)))
			b.ReportAllocs()
			for b.Loop() {
				scanHTML(b, in.page)
			}
			b.StopTimer()
			peak := heappeak.Measure(func() { scanHTML(b, in.page) })
			b.ReportMetric(float64(peak)/float64(len(in.page)), "peak-heap/input-byte")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}

// TestHTMLTableMemory guards the node limit: a page of 2,000 table rows (82,000 nodes, 1.2 MB)
// is read by the walker, every cell kept, in a small multiple of its size (the extractors took
// about 125 times its size, 150 MB; the walker about 30).
func TestHTMLTableMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a 1.2 MB page")
	}
	page := tablePage(2000)
	var n int
	peak := heappeak.Measure(func() { n = scanHTML(t, page) })
	t.Logf("%d bytes, %d sentences, peak heap %.1f MB (%.0f per input byte)", len(page), n, float64(peak)/(1<<20), float64(peak)/float64(len(page)))
	if want := 2 + 2000*20; n != want {
		t.Errorf("%d sentences, want %d (the title, the paragraph and every cell)", n, want)
	}
	if peak > 60*uint64(len(page)) {
		t.Errorf("peak heap %d bytes for a %d-byte page (more than 60 per byte): is the page given to the extractors?", peak, len(page))
	}
}

// (A page nested deeper than x/net/html allows is read, not refused: TestDeepHTML.)

// TestHTMLStreamMemory guards the streaming reader: a page of 12 MB of paragraphs read the way
// pages over 16 MiB are takes a peak heap of about 15 MB, the same as a 3 MB page (the garbage
// collector's headroom over the package's own tables), not the 15 times its size (180 MB) the
// walker on a whole tree takes.
func TestHTMLStreamMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a 12 MB page")
	}
	streamHTMLAbove = 0
	defer func() { streamHTMLAbove = maxReadability }()
	for _, tc := range []struct{ name, page string }{
		{"paragraphs", flatPage(12 << 20)},
		// An unclosed <font> around a <div> of custom elements: the parser may move the
		// <div>'s children into a copy of the <font> until the <div> closes, at the end, so
		// the stream holds them back (awaitsAdoption), but no more than maxAdoptionWait
		// tokens' worth.
		{"custom elements in an unclosed font", strings.Replace(strings.ReplaceAll(flatPage(12<<20), "p>", "x-p>"), "<body>", "<body><font face=Arial><div>", 1)},
	} {
		var n int
		peak := heappeak.Measure(func() { n = scanHTML(t, tc.page) })
		t.Logf("%s: %d bytes, %d sentences, peak heap %.1f MB (%.2f per input byte)", tc.name, len(tc.page), n, float64(peak)/(1<<20), float64(peak)/float64(len(tc.page)))
		if peak > 40<<20 {
			t.Errorf("%s: peak heap %d bytes for a %d-byte page streamed (more than 40 MB): is the tree kept?", tc.name, peak, len(tc.page))
		}
	}
}
