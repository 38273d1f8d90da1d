package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/providers/providertest"
)

// TestTenMegabyteLine: a 10 MB article on one line, translated as paragraphs, goes out in
// requests within the provider's limits (the reader cuts the line at sentence ends, the provider
// layer splits what is still too long), and every sentence comes back. It needs ~15 CPU-seconds,
// too many under the race detector: .ci/run runs it once without -race;
// testdata/script/translate_longline.txt covers the same path on 600 KB under -race.
func TestTenMegabyteLine(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("10 MB through the pipeline; run without -race and -short (.ci/run does)")
	}
	srv, flags := startFake(t, "openai", providertest.Options{})
	dir := t.TempDir()
	in := filepath.Join(dir, "long.txt")
	var b strings.Builder
	n := 0
	for b.Len() < 10<<20 {
		n++
		fmt.Fprintf(&b, "Im Jahr %d berichtete die Zeitung über die Sitzung Nummer %d des Ausschusses in Berlin. ", 1000+n, n)
	}
	if err := os.WriteFile(in, []byte(b.String()+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.tsv")
	mustBitext(t, append([]string{"translate", in, "--no-tm", "--unit", "paragraph", "-f", "tsv", "-o", out}, flags...)...)

	const maxChars = 12000 // the OpenAI driver's declared limit
	for _, r := range srv.Requests() {
		chars := 0
		for _, seg := range r.Info.Segments {
			chars += utf8.RuneCountInString(seg.Text)
		}
		if chars > maxChars {
			t.Fatalf("request %d carried %d characters, over the limit of %d", r.Info.N, chars, maxChars)
		}
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{1, n / 2, n} {
		if !strings.Contains(string(data), fmt.Sprintf("Sitzung Nummer %d des", k)) {
			t.Errorf("sentence %d of %d is missing from the output", k, n)
		}
	}
	t.Logf("%d sentences, %d requests", n, len(srv.Requests()))
}
