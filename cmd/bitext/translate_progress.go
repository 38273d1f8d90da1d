package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/bitext/bitext/translate"
)

// isTerminal reports whether w is a terminal; the progress bar is drawn only then.
func isTerminal(stream any) bool {
	f, ok := stream.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progressBar draws segments done out of the planned total, with TM hits, requests and retries.
type progressBar struct {
	bar *progressbar.ProgressBar
}

func newProgressBar(w io.Writer, total int) *progressBar {
	bar := progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("translating"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(24),
		progressbar.OptionEnableColorCodes(os.Getenv("NO_COLOR") == ""),
	)
	return &progressBar{bar: bar}
}

func (p *progressBar) update(s translate.Stats) {
	p.bar.Describe(fmt.Sprintf("%s, %s, %s", count(s.TMHits, "TM hit"), count(s.Usage.Requests, "request"), count(s.Usage.Retries, "retry")))
	p.bar.Set(s.TMHits + s.Translated)
}

func (p *progressBar) finish() {
	p.bar.Finish()
}

// summary is the one line printed after a run.
func summary(s translate.Stats, skipped int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %s (%s), %s", count(s.Documents, "document"), count(s.Segments, "segment"),
		count(s.TMHits, "TM hit"), count(s.Usage.Requests, "request"))
	if s.Usage.Retries > 0 {
		fmt.Fprintf(&b, " (%s)", count(s.Usage.Retries, "retry"))
	}
	fmt.Fprintf(&b, ", %s", count(s.Usage.Characters, "character"))
	if s.Usage.InputTokens+s.Usage.OutputTokens > 0 {
		fmt.Fprintf(&b, ", %d+%d tokens", s.Usage.InputTokens, s.Usage.OutputTokens)
	}
	if s.Terms > 0 || s.Violations > 0 {
		fmt.Fprintf(&b, ", %s found, %s", count(s.Terms, "glossary term"), count(s.Violations, "violation"))
		if s.Repairs > 0 {
			fmt.Fprintf(&b, " after %s", count(s.Repairs, "repair"))
		}
	}
	if skipped > 0 {
		fmt.Fprintf(&b, ", %s skipped", count(skipped, "document"))
	}
	fmt.Fprintf(&b, ", %s", s.Elapsed.Round(time.Millisecond))
	return b.String()
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	}
	return fmt.Sprintf("%d %ss", n, word)
}
