package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// checkCommand is a placeholder until its issue lands.
func checkCommand() *cli.Command {
	return &cli.Command{
		Name:  "check",
		Usage: "(not yet implemented)",
		Action: func(*cli.Context) error {
			return errors.New("check: not yet implemented")
		},
	}
}
