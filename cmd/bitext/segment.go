package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// segmentCommand is a placeholder until its issue lands.
func segmentCommand() *cli.Command {
	return &cli.Command{
		Name:  "segment",
		Usage: "(not yet implemented)",
		Action: func(*cli.Context) error {
			return errors.New("segment: not yet implemented")
		},
	}
}
