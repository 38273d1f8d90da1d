package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

func manCommand() *cli.Command {
	return &cli.Command{
		Name:        "man",
		Usage:       "print bitext's manual page (roff)",
		Description: "Install it with: bitext man > /usr/local/share/man/man1/bitext.1 (then: man bitext)",
		Action: func(c *cli.Context) error {
			page, err := c.App.ToManWithSection(1) // a user command: section 1, not urfave's default 8
			if err != nil {
				return err
			}
			_, err = fmt.Fprint(c.App.Writer, page)
			return err
		},
	}
}
