package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// tmCommand is a placeholder until its issue lands.
func tmCommand() *cli.Command {
	return &cli.Command{
		Name:  "tm",
		Usage: "(not yet implemented)",
		Action: func(*cli.Context) error {
			return errors.New("tm: not yet implemented")
		},
	}
}
