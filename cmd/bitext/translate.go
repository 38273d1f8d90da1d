package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// translateCommand is a placeholder until its issue lands.
func translateCommand() *cli.Command {
	return &cli.Command{
		Name:  "translate",
		Usage: "(not yet implemented)",
		Action: func(*cli.Context) error {
			return errors.New("translate: not yet implemented")
		},
	}
}
