package main

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/tm"
)

// tmReviewsCommand is `bitext tm reviews`: the audit trail of human-reviewed entries (who
// decided what, when), as bitext review and tm import --reviewed record it.
func tmReviewsCommand() *cli.Command {
	return &cli.Command{
		Name:      "reviews",
		Usage:     "list the reviewers' decisions recorded in the translation memory (the audit trail)",
		ArgsUsage: " ",
		Description: "Lists each decision a reviewer made (bitext review, tm import --reviewed): when, who, the\n" +
			"source, the translation replaced and the reviewed one, oldest first. The memory is opened\n" +
			"read-only and never created. On a terminal, long sentences are cut to fit its width (ending\n" +
			"in …); into a pipe or a file, and with --json, they are whole.\n\n" +
			"Examples:\n" +
			"   bitext tm reviews --reviewer anna --since 2026-11-01\n" +
			"   bitext tm reviews --source-regex 'Außenminist' --json",
		Flags: append([]cli.Flag{
			tmPathFlag(),
			&cli.StringFlag{Name: "reviewer", Usage: "only the decisions of `NAME`"},
			&cli.StringFlag{Name: "since", Usage: "only decisions made at or after `DATE` (2006-01-02 or RFC 3339)"},
			&cli.StringFlag{Name: "source", Usage: "only the decisions on this source `SENTENCE` (compared as the memory compares keys)"},
			&cli.StringFlag{Name: "source-regex", Usage: "only decisions whose source matches `REGEX` (Go syntax)"},
			&cli.IntFlag{Name: "limit", Usage: "at most `N` decisions, oldest first (0: all)"},
		}, append(tmLangFlags(), jsonFlags("one JSON object per line (id, source, provider, model, before, after, reviewer, when)")...)...),
		Action: tmReviews,
	}
}

func tmReviews(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageErrorf("tm reviews takes no arguments, got %q", c.Args().First())
	}
	if c.Int("limit") < 0 {
		return usageErrorf("--limit must not be negative")
	}
	if _, err := wantJSON(c); err != nil {
		return err
	}
	f := tm.ReviewFilter{
		Reviewer:   c.String("reviewer"),
		Source:     c.String("source"),
		SourceLang: c.String("source-lang"),
		TargetLang: c.String("target-lang"),
	}
	if s := c.String("since"); s != "" {
		t, err := parseDate(s)
		if err != nil {
			return usageErrorf("--since %q: want a date (2006-01-02) or an RFC 3339 time", s)
		}
		f.Since = t
	}
	var re *regexp.Regexp
	if s := c.String("source-regex"); s != "" {
		var err error
		if re, err = regexp.Compile(s); err != nil {
			return usageErrorf("--source-regex: %v", err)
		}
	}
	if re == nil {
		f.Limit = c.Int("limit") // with a regex the limit counts the matches, below
	}
	// A memory that does not exist is an error, as for tm stats and export: a mistyped --tm
	// must not look like an empty audit trail.
	db, err := openExistingTMAt(c, true)
	if err != nil {
		return err
	}
	defer db.Close()
	rs, err := db.Reviews(c.Context, f)
	if err != nil {
		if c.Context.Err() != nil {
			return err
		}
		return inputError(err)
	}
	if re != nil {
		kept := rs[:0]
		for _, r := range rs {
			if re.MatchString(r.Source) && (c.Int("limit") == 0 || len(kept) < c.Int("limit")) {
				kept = append(kept, r)
			}
		}
		rs = kept
	}
	return writeReviews(c, rs)
}

// writeReviews prints the decisions as JSON lines or as a table, one decision a line (a
// sentence's line breaks shown as ⏎ so that a line stays one decision).
func writeReviews(c *cli.Context, rs []tm.Review) error {
	asJSON, err := wantJSON(c)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(c.App.Writer)
		enc.SetEscapeHTML(false)
		for _, r := range rs {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	}
	width := 0 // into a pipe or a file: every cell whole
	if onTerminal(c.App.Writer) {
		width = terminalWidth(c.App.Writer)
	}
	return writeReviewTable(c.App.Writer, rs, width)
}

// writeReviewTable writes the decisions as a table. With width > 0 (a terminal that wide), the
// text columns (source, before, after) share what the date and reviewer leave and long
// sentences are cut with "…", so that a decision stays one line on the screen; --json and
// pipes get them whole.
func writeReviewTable(w io.Writer, rs []tm.Review, width int) error {
	if len(rs) == 0 {
		return nil
	}
	const gap = 2
	cut := func(s string, n int) string { return s }
	reviewerMax, textMax := 0, 0
	if width > 0 {
		cut = func(s string, n int) string {
			if utf8.RuneCountInString(s) <= n {
				return s
			}
			r := []rune(s)
			return strings.TrimRight(string(r[:max(0, n-1)]), " ") + "…"
		}
		reviewerMax = 16
		// The date takes 20 columns; each column but the last is followed by a gap.
		textMax = max(12, (width-20-reviewerMax-4*gap)/3)
	}
	tw := tabwriter.NewWriter(w, 0, 4, gap, ' ', 0)
	fmt.Fprintln(tw, "WHEN\tREVIEWER\tSOURCE\tBEFORE\tAFTER")
	oneLine := strings.NewReplacer("\r\n", "⏎", "\n", "⏎", "\r", "⏎", "\t", " ")
	for _, r := range rs {
		before := r.Before
		if before == "" {
			before = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.When.UTC().Format("2006-01-02 15:04:05Z"), cut(oneLine.Replace(r.Reviewer), reviewerMax),
			cut(oneLine.Replace(r.Source), textMax), cut(oneLine.Replace(before), textMax), cut(oneLine.Replace(r.After), textMax))
	}
	return tw.Flush()
}
