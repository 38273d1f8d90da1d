package main

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/bitext/bitext/providers"
)

// Exit codes, as documented in DESIGN.md and the README.
const (
	exitOK          = 0
	exitFindings    = 1 // violations found by check, or --strict
	exitUsage       = 2 // usage or input error
	exitProvider    = 3 // provider failure after retries
	exitMemory      = 4 // the translation memory failed after retries (a shared database unreachable)
	exitInterrupted = 130
	exitBrokenPipe  = 141 // 128+SIGPIPE, what a shell reports for a writer whose reader left
)

// exitError carries an exit code. A nil err means the message has already been printed.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageError marks err as a usage error (exit 2).
func usageError(err error) error { return &exitError{code: exitUsage, err: err} }

// usageErrorf formats a usage error (exit 2).
func usageErrorf(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

// inputError marks err as bad input (exit 2). The error should already name the file and position.
func inputError(err error) error {
	if err == nil {
		return nil
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return err // already classified (a memory away: exit 4)
	}
	return &exitError{code: exitUsage, err: err}
}

// findings ends a run whose results were printed with exit code 1 and no further message.
func findings() error { return &exitError{code: exitFindings} }

func exitCode(ctx context.Context, err error) int {
	var ee *exitError
	var pe *providers.Error
	switch {
	case err == nil:
		return exitOK
	case ctx.Err() != nil || errors.Is(err, context.Canceled):
		return exitInterrupted
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &pe):
		return exitProvider
	default:
		// Errors not classified by a command are about the input or the environment.
		return exitUsage
	}
}

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
