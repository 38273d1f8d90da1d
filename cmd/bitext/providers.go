package main

import (
	"errors"

	"github.com/urfave/cli/v2"
)

// providersCommand is a placeholder until its issue lands.
func providersCommand() *cli.Command {
	return &cli.Command{
		Name:  "providers",
		Usage: "(not yet implemented)",
		Action: func(*cli.Context) error {
			return errors.New("providers: not yet implemented")
		},
	}
}
