package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/translate"
)

// fakeClock is a clock the test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func TestProgressLine(t *testing.T) {
	est := translate.Estimate{Documents: 4, Segments: 400, TMHits: 100, Misses: 300}
	tests := []struct {
		name    string
		elapsed time.Duration
		s       translate.Stats
		want    string
	}{
		{"start", 0, translate.Stats{}, "0/4 documents, 0/400 segments, 0 requests"},
		{"TM hits only: no rate yet", time.Second, translate.Stats{Documents: 1, TMHits: 100},
			"1/4 documents, 100/400 segments (100 TM hits), 0 requests"},
		{"singular", 2 * time.Second, translate.Stats{Documents: 1, TMHits: 1, Translated: 2, Usage: providers.Usage{Requests: 1, Retries: 1}},
			"1/4 documents, 3/400 segments (1 TM hit), 1 request, 1 retry, 1 segment/s, 6m40s left"},
		{"rate and time left", 20 * time.Second, translate.Stats{Documents: 2, TMHits: 100, Translated: 50, Usage: providers.Usage{Requests: 5}},
			"2/4 documents, 150/400 segments (100 TM hits), 5 requests, 2.5 segments/s, 1m40s left"},
		{"fast", 10 * time.Second, translate.Stats{Documents: 3, Translated: 300, Usage: providers.Usage{Requests: 30, Retries: 2}},
			"3/4 documents, 300/400 segments, 30 requests, 2 retries, 30 segments/s, 3s left"},
		{"done", 10 * time.Second, translate.Stats{Documents: 4, TMHits: 100, Translated: 300, Usage: providers.Usage{Requests: 30}},
			"4/4 documents, 400/400 segments (100 TM hits), 30 requests, 30 segments/s"},
	}
	for _, tc := range tests {
		clock := &fakeClock{t: time.Unix(1e9, 0)}
		p := newProgress(new(bytes.Buffer), clock.now, est)
		if got := p.line(tc.s, tc.elapsed); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
	one := newProgress(new(bytes.Buffer), time.Now, translate.Estimate{Documents: 1, Segments: 1})
	if got := one.line(translate.Stats{}, 0); got != "0/1 document, 0/1 segment, 0 requests" {
		t.Errorf("one of each: %q", got)
	}
}

// TestProgressRedraw: the line is redrawn on the clock's pace, not on every batch; the last
// document is always drawn, and finish blanks the line.
func TestProgressRedraw(t *testing.T) {
	clock := &fakeClock{t: time.Unix(1e9, 0)}
	var out bytes.Buffer
	p := newProgress(&out, clock.now, translate.Estimate{Documents: 2, Segments: 20, Misses: 20})
	p.update(translate.Stats{Translated: 1, Usage: providers.Usage{Requests: 1}})
	clock.advance(10 * time.Millisecond)
	p.update(translate.Stats{Translated: 2, Usage: providers.Usage{Requests: 2}}) // too soon: not drawn
	clock.advance(time.Second)
	p.update(translate.Stats{Documents: 1, Translated: 10, Usage: providers.Usage{Requests: 10}})
	p.update(translate.Stats{Documents: 2, Translated: 20, Usage: providers.Usage{Requests: 20}}) // the end: drawn at once
	draws := strings.Split(strings.TrimPrefix(out.String(), "\r"), "\r")
	if len(draws) != 3 {
		t.Fatalf("%d draws, want 3: %q", len(draws), out.String())
	}
	if !strings.Contains(draws[1], "1/2 documents, 10/20 segments, 10 requests, 9.9 segments/s, 1s left") {
		t.Errorf("second draw %q", draws[1])
	}
	p.finish()
	p.update(translate.Stats{Documents: 2})
	if tail := out.String()[strings.LastIndex(out.String(), "segments/s")+len("segments/s"):]; strings.TrimSpace(tail) != "" {
		t.Errorf("after finish: %q, want the line blanked and nothing more drawn", tail)
	}
}

func TestSummaryLine(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    translate.Stats
		want string
	}{
		{"plain", translate.Stats{Documents: 1, Segments: 3, Characters: 120, Usage: providers.Usage{Requests: 1, Characters: 120}},
			"1 document, 3 segments (0 TM hits), 1 request, 120 characters, 0s"},
		{"repairs", translate.Stats{Documents: 1, Segments: 3, Terms: 4, Violations: 1, Repairs: 2, Characters: 200, Usage: providers.Usage{Requests: 2, Characters: 200}},
			"1 document, 3 segments (0 TM hits), 2 requests, 200 characters, 4 glossary terms found, 1 violation after 2 repaired segments, 0s"},
		{"suspect answers in German", translate.Stats{Documents: 1, Segments: 11, Violations: 11, Suspects: 11, Untranslated: 11, Characters: 2000, Usage: providers.Usage{Requests: 12, Characters: 2000}},
			"1 document, 11 segments (0 TM hits), 12 requests, 2,000 characters, 0 glossary terms found, 11 violations (11 suspect answers, 11 still in the source language), 0s"},
		// Two requests refused (429) before the third was answered: they carried the
		// characters too, but only the answered ones were translated.
		{"refused requests", translate.Stats{Documents: 1, Segments: 11, Translated: 11, Characters: 1980, Usage: providers.Usage{Requests: 3, Retries: 2, Characters: 5940}},
			"1 document, 11 segments (0 TM hits), 3 requests (2 retries), 5,940 characters sent, 1,980 translated, 0s"},
		{"nothing sent", translate.Stats{Documents: 1, Segments: 11, TMHits: 11},
			"1 document, 11 segments (11 TM hits), 0 requests, 0 characters, 0s"},
		// A provider that reports no usage: what was translated is still known.
		{"no usage reported", translate.Stats{Documents: 1, Segments: 2, Translated: 2, Characters: 80, Batches: 1},
			"1 document, 2 segments (0 TM hits), 0 requests, 80 characters, 0s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := summary(tc.s, 0); got != tc.want {
				t.Errorf("summary:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// screen renders what a terminal shows of text written to it: "\r" returns to the start of
// the line, later characters overwrite earlier ones, trailing blanks are not seen.
func screen(out string) []string {
	lines := [][]rune{nil}
	col := 0
	for _, r := range out {
		cur := &lines[len(lines)-1]
		switch r {
		case '\r':
			col = 0
		case '\n':
			lines, col = append(lines, nil), 0
		default:
			if col < len(*cur) {
				(*cur)[col] = r
			} else {
				*cur = append(*cur, r)
			}
			col++
		}
	}
	shown := make([]string, len(lines))
	for i, l := range lines {
		shown[i] = strings.TrimRight(string(l), " ")
	}
	return shown
}

// TestProgressClearedBeforeOutput: standard output and standard error on one terminal (one
// buffer here). Translations written while the bar shows start on a blanked line, and the bar
// comes back with the next update.
func TestProgressClearedBeforeOutput(t *testing.T) {
	est := translate.Estimate{Documents: 2, Segments: 2, Misses: 2}
	tests := []struct {
		name  string
		steps func(p *progress, stdout *barClearingWriter)
		want  []string
	}{
		{"one document, then finish", func(p *progress, stdout *barClearingWriter) {
			p.update(translate.Stats{Usage: providers.Usage{Requests: 1}})
			stdout.Write([]byte("The translation of: one.\n"))
			p.finish()
		}, []string{"The translation of: one.", ""}},
		{"the bar comes back between documents", func(p *progress, stdout *barClearingWriter) {
			p.update(translate.Stats{Usage: providers.Usage{Requests: 1}})
			stdout.Write([]byte("First.\n"))
			p.update(translate.Stats{Documents: 1, Translated: 1, Usage: providers.Usage{Requests: 1}})
			stdout.Write([]byte("Second.\n"))
			p.update(translate.Stats{Documents: 2, Translated: 2, Usage: providers.Usage{Requests: 2}})
		}, []string{"First.", "Second.", "2/2 documents, 2/2 segments, 2 requests"}},
		{"no bar drawn yet: nothing to blank", func(p *progress, stdout *barClearingWriter) {
			stdout.Write([]byte("Text.\n"))
		}, []string{"Text.", ""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var term bytes.Buffer
			clock := &fakeClock{t: time.Unix(1e9, 0)}
			p := newProgress(&term, clock.now, est)
			p.redraw = 0 // every update draws: the clock is not what is tested here
			tc.steps(p, &barClearingWriter{w: &term, bar: p})
			got := screen(term.String())
			if len(got) != len(tc.want) {
				t.Fatalf("screen %q, want %q (written: %q)", got, tc.want, term.String())
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) || (tc.want[i] == "" && got[i] != "") {
					t.Errorf("line %d: %q, want %q (written: %q)", i+1, got[i], tc.want[i], term.String())
				}
			}
		})
	}
}
