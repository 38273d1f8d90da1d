package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// alignCommand is a placeholder until its issue lands.
func alignCommand() *cli.Command {
	return &cli.Command{
		Name:  "align",
		Usage: "(not yet implemented)",
		Action: func(*cli.Context) error {
			return errors.New("align: not yet implemented")
		},
	}
}
