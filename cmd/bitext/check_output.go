package main

import (
	"bufio"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/internal/outfile"
)

// checkReportOutput is where check writes its report as it goes: standard output, or a
// temporary file next to name that commit renames into place, so that an interrupted or failed
// run leaves no partial report there. abort discards what commit has not committed.
func checkReportOutput(c *cli.Context, name string) (w io.Writer, commit func() error, abort func(), err error) {
	if name == "" || name == "-" {
		bw := bufio.NewWriterSize(c.App.Writer, 64<<10)
		return bw, bw.Flush, func() {}, nil
	}
	f, err := outfile.Create(name)
	if err != nil {
		return nil, nil, nil, err
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	commit = func() error {
		if err := c.Context.Err(); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
		return f.Commit()
	}
	return bw, commit, f.Abort, nil
}
