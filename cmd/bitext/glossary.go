package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// glossaryCommand is a placeholder until its issue lands.
func glossaryCommand() *cli.Command {
	return &cli.Command{
		Name:  "glossary",
		Usage: "(not yet implemented)",
		Action: func(*cli.Context) error {
			return errors.New("glossary: not yet implemented")
		},
	}
}
