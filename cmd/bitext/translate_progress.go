package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"

	"github.com/bitext/bitext/translate"
)

// isTerminal reports whether w is a terminal; the progress bar is drawn only then.
func isTerminal(stream any) bool {
	f, ok := stream.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progress draws one status line on a terminal: documents and segments done out of the
// planned totals, requests and retries, the rate of the provider's answers and the time left.
// now is the clock (a fake one in tests); lines are redrawn at most every redraw interval.
type progress struct {
	w                io.Writer
	now              func() time.Time
	start, drawn     time.Time
	docs, segs       int // planned totals
	misses           int // planned segments for the provider: what the rate is measured on
	width            int // of the last line drawn, to blank what a shorter one leaves
	redraw           time.Duration
	mu               sync.Mutex
	finished, wasSet bool
	shown            bool // a line is on the screen (drawn, and not blanked since)
}

func newProgress(w io.Writer, now func() time.Time, est translate.Estimate) *progress {
	return &progress{w: w, now: now, start: now(), docs: est.Documents, segs: est.Segments,
		misses: est.Misses + est.Repeats, redraw: 100 * time.Millisecond}
}

// update is translate.Translator.Progress: called after each document and each batch.
func (p *progress) update(s translate.Stats) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	if p.finished || (p.wasSet && now.Sub(p.drawn) < p.redraw && s.Documents < p.docs) {
		return
	}
	p.wasSet, p.drawn, p.shown = true, now, true
	line := p.line(s, now.Sub(p.start))
	pad := max(0, p.width-len(line))
	p.width = len(line)
	fmt.Fprintf(p.w, "\r%s%s", line, strings.Repeat(" ", pad))
}

// clear blanks the status line, if one is shown, without ending the bar: the next update
// draws it again. Text written to the same terminal (translations on standard output) starts
// on a clean line instead of after the status.
func (p *progress) clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.blank()
}

// blank erases a shown line; p.mu is held.
func (p *progress) blank() {
	if p.shown {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
		p.shown, p.width = false, 0
	}
}

// barClearingWriter writes to a terminal that also shows a progress bar (standard output and
// standard error on one screen): the bar's line is blanked before each write.
type barClearingWriter struct {
	w   io.Writer
	bar *progress
}

func (b *barClearingWriter) Write(p []byte) (int, error) {
	b.bar.clear()
	return b.w.Write(p)
}

// onTerminal reports whether w shows on a terminal: a terminal itself, or terminalText's
// escaping writer, which Main puts only in front of one.
func onTerminal(w io.Writer) bool {
	if _, ok := w.(*escapingWriter); ok {
		return true
	}
	return isTerminal(w)
}

// line is the status after elapsed: "3/10 documents, 120/400 segments, 12 requests, 1 retry,
// 8.5 segments/s, 33s left". The rate counts the provider's answers only (TM hits come at once),
// and the time left is the segments still to ask for at that rate; both appear once there is
// an answer to measure.
func (p *progress) line(s translate.Stats, elapsed time.Duration) string {
	done := s.Done() + s.Failed // a repeat is done when its original is, not when it is read
	var b strings.Builder
	fmt.Fprintf(&b, "%d/%s, %d/%s", s.Documents, count(p.docs, "document"), done, count(p.segs, "segment"))
	if s.TMHits > 0 {
		fmt.Fprintf(&b, " (%s)", count(s.TMHits, "TM hit"))
	}
	fmt.Fprintf(&b, ", %s", count(s.Usage.Requests, "request"))
	if s.Usage.Retries > 0 {
		fmt.Fprintf(&b, ", %s", count(s.Usage.Retries, "retry"))
	}
	asked := s.Translated + s.RepeatsDone + s.Failed
	if asked > 0 && elapsed > 0 {
		rate := float64(asked) / elapsed.Seconds()
		fmt.Fprintf(&b, ", %s/s", plural(rate, "segment"))
		if left := p.segs - done; left > 0 {
			fmt.Fprintf(&b, ", %s left", roundETA(time.Duration(float64(left)/rate*float64(time.Second))))
		}
	}
	return b.String()
}

// plural writes a rate with one decimal below 10 ("2.5 segments", "1 segment", "12 segments").
func plural(v float64, word string) string {
	switch {
	case v >= 9.95:
		return count(int(v+0.5), word)
	case v > 0.95 && v < 1.05:
		return "1 " + word
	}
	return fmt.Sprintf("%.1f %ss", v, word)
}

// roundETA keeps an estimate as precise as it can be: seconds under a minute, then minutes.
func roundETA(d time.Duration) time.Duration {
	switch {
	case d < time.Minute:
		return d.Round(time.Second)
	case d < time.Hour:
		return d.Round(10 * time.Second)
	}
	return d.Round(time.Minute)
}

// finish blanks the status line, so that the summary takes its place.
func (p *progress) finish() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.blank()
	p.finished = true
}

// summary is the one line printed after a run.
func summary(s translate.Stats, skipped int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s (%s", count(s.Documents, "document"), count(s.Segments, "segment"), count(s.TMHits, "TM hit"))
	if s.Repeats > 0 { // as the plan counts them: identical to an earlier segment of the run
		fmt.Fprintf(&b, ", %s repeated", translate.Thousands(s.Repeats))
	}
	fmt.Fprintf(&b, "), %s", count(s.Usage.Requests, "request"))
	if s.Usage.Retries > 0 {
		fmt.Fprintf(&b, " (%s)", count(s.Usage.Retries, "retry"))
	}
	if s.Usage.Characters > s.Characters {
		// Requests refused (429), failed or asked again carried characters too: what was sent
		// is not what was translated, and a character-billed service charges the latter.
		fmt.Fprintf(&b, ", %s characters sent, %s translated", translate.Thousands(s.Usage.Characters), translate.Thousands(s.Characters))
	} else {
		fmt.Fprintf(&b, ", %s", count(s.Characters, "character"))
	}
	if s.Usage.InputTokens+s.Usage.OutputTokens > 0 {
		fmt.Fprintf(&b, ", %s+%s tokens", translate.Thousands(s.Usage.InputTokens), translate.Thousands(s.Usage.OutputTokens))
	}
	if s.Terms > 0 || s.Violations > 0 {
		fmt.Fprintf(&b, ", %s found, %s", count(s.Terms, "glossary term"), count(s.Violations, "violation"))
		if s.Suspects > 0 {
			// Answers the provider still doubted (counted among the violations): say how many,
			// and how many came back untranslated, which a rerun pays for again.
			fmt.Fprintf(&b, " (%s", count(s.Suspects, "suspect answer"))
			if s.Untranslated > 0 {
				fmt.Fprintf(&b, ", %s still in the source language", translate.Thousands(s.Untranslated))
			}
			b.WriteString(")")
		}
		if s.Repairs > 0 {
			fmt.Fprintf(&b, " after %s", count(s.Repairs, "repaired segment"))
		}
	}
	if skipped > 0 {
		fmt.Fprintf(&b, ", %s skipped", count(skipped, "document"))
	}
	fmt.Fprintf(&b, ", %s", s.Elapsed.Round(time.Millisecond))
	return b.String()
}

func count(n int, word string) string { return translate.Count(n, word) }
