package corpus

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/bitext/bitext/internal/cputime"
	"github.com/bitext/bitext/internal/heappeak"
)

// benchPair is pair i of news-like text, every tenth with characters TMX cannot carry and line
// breaks Moses cannot, so the escaping paths are part of the figures. Pairs are made as they are
// written, so that no corpus held in memory sets the garbage collector's pace.
func benchPair(i int) Pair {
	{
		src := fmt.Sprintf("Der NATO-Generalsekretär sprach am %d. Dezember über das Minsker Abkommen und 2,5 Prozent.", i%31+1)
		tgt := fmt.Sprintf("The NATO Secretary General spoke on %d December about the Minsk agreement and 2.5 percent.", i%31+1)
		if i%10 == 0 {
			src += "\x01 Seite\f2\u2028"
			tgt += "\x0b page\r\n2"
		}
		return Pair{Doc: "nato.txt", Paragraph: i/5 + 1, Sentence: i%5 + 1, Source: src, Target: tgt, Provider: "openai", Model: "gpt-4o-mini"}
	}
}

// BenchmarkWriteRead writes 20,000 pairs in each format and reads them back, reporting
// throughput, CPU time and the peak heap of reading the files back (readers stream: it stays
// at a few MB, mostly garbage awaiting collection, whatever the size of the file). Run: go test ./corpus -run '^$' -bench WriteRead -benchtime 1x
func BenchmarkWriteRead(b *testing.B) {
	const pairs = 20000
	for _, f := range Formats {
		b.Run(string(f), func(b *testing.B) {
			var size int
			var peak uint64
			dir := b.TempDir()
			cpu0 := cputime.Seconds()
			for b.Loop() {
				var main, tgt bytes.Buffer
				w, err := NewWriter(f, &main, WriterOptions{Target: &tgt, Warn: func(Warning) {}})
				if err != nil {
					b.Fatal(err)
				}
				for i := range pairs {
					if err := w.Write(benchPair(i)); err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
				size = main.Len() + tgt.Len()
				// Read from files, so that the heap holds only what the reader keeps.
				mainFile, tgtFile := filepath.Join(dir, "main"), filepath.Join(dir, "tgt")
				if os.WriteFile(mainFile, main.Bytes(), 0o644) != nil || os.WriteFile(tgtFile, tgt.Bytes(), 0o644) != nil {
					b.Fatal("cannot write the corpus")
				}
				main, tgt = bytes.Buffer{}, bytes.Buffer{}
				mf, err := os.Open(mainFile)
				if err != nil {
					b.Fatal(err)
				}
				tf, err := os.Open(tgtFile)
				if err != nil {
					b.Fatal(err)
				}
				peak = max(peak, heappeak.Measure(func() {
					opt := ReaderOptions{}
					if f == Moses {
						opt.Target = tf
					}
					r, err := NewReader(f, mf, "bench", opt)
					if err != nil {
						b.Fatal(err)
					}
					n := 0
					for {
						_, err := r.Next()
						if err == io.EOF {
							break
						}
						if err != nil {
							b.Fatal(err)
						}
						n++
					}
					if n != pairs {
						b.Fatalf("read %d pairs, wrote %d", n, pairs)
					}
				}))
				mf.Close()
				tf.Close()
			}
			b.SetBytes(int64(size))
			b.ReportMetric(float64(size)/1e6, "file-MB")
			b.ReportMetric(float64(peak)/1e6, "read-peak-heap-MB")
			b.ReportMetric((cputime.Seconds()-cpu0)/float64(b.N), "cpu-s/op")
		})
	}
}
