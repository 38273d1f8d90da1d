// Command bitext translates German articles into English through pluggable machine-translation
// providers, enforces a term glossary, aligns sentences and reports on translation quality.
//
// This package only wires: it parses flags, opens files and providers, calls the library
// packages and maps their errors to exit codes. Decisions live in the packages.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"
)

// version is set with -ldflags "-X main.version=…"; otherwise it comes from the build info.
var version = ""

func main() { os.Exit(Main()) }

// Main runs bitext with the process's arguments and standard streams and returns the exit code.
func Main() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	// A reader that goes away (bitext align … | head -1) ends the run now, not when the
	// first line would be written, possibly minutes later.
	go watchStdout(ctx, func() { cancel(errStdoutClosed) })
	finished := make(chan struct{}) // closed when run returns: its own end is no interruption
	go func() {
		// After the first Ctrl-C the run winds down; a second one kills the process at once.
		select {
		case <-ctx.Done():
		case <-finished:
			return // (a race-enabled binary sleeps a second at exit: no watchdog during it)
		}
		stop()
		// Every command watches ctx; should one still be busy (a read blocked on a terminal,
		// a library call that cannot be cancelled), the process ends anyway. Outputs are
		// anonymous until committed and the TM is transactional, so nothing is left half-done.
		time.AfterFunc(stopGrace, func() { forceExit(errors.Is(context.Cause(ctx), errStdoutClosed)) })
	}()
	stdout, shown := terminalText(os.Stdout)
	code := run(ctx, os.Args, os.Stdin, stdout, os.Stderr)
	shown()
	close(finished)
	if errors.Is(context.Cause(ctx), errStdoutClosed) {
		return exitBrokenPipe
	}
	return code
}

// stopGrace is how long a cancelled run may take to wind down before the process exits. The
// test binary raises it: there a command must wind down by itself, however slow the machine.
var stopGrace = 750 * time.Millisecond

// forceExit ends a process whose command did not wind down within stopGrace. A reader that
// went away gets the silent exit of a process killed by SIGPIPE. The test binary replaces it
// with one that always prints forcedExitMessage, so tests see the watchdog structurally.
var forceExit = func(brokenPipe bool) {
	if brokenPipe {
		os.Exit(exitBrokenPipe)
	}
	fmt.Fprintln(os.Stderr, forcedExitMessage)
	os.Exit(exitInterrupted)
}

// signalCause matches the cause signal.NotifyContext gives a context cancelled by a signal.
var signalCause = regexp.MustCompile(`\b(interrupt|terminated) signal received\b`)

// errStdoutClosed is the cause of a run cancelled because nobody reads standard output any more.
var errStdoutClosed = errors.New("standard output closed")

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	out := &stickyWriter{w: stdout}
	appOut := io.Writer(out)
	if _, tty := stdout.(*escapingWriter); tty {
		appOut = stdout // a terminal: commands ask it for its width, and it rarely fails
	}
	app := newApp(stdin, appOut, stderr)
	if completeFlagValue(app, args, os.Getenv("BITEXT_COMPLETE_FLAG_NAME") != "", appOut) {
		return exitOK
	}
	err := app.RunContext(ctx, permuteArgs(app, args))
	if out.err != nil && (err == nil || exitCode(ctx, err) == exitFindings) && !errors.Is(out.err, syscall.EPIPE) {
		// A command that printed and went on (a dry run's plan, lint's findings) into a full
		// disk, /dev/full, a closed file: what it printed is lost, and exit 0 or 1 would say
		// it was written.
		err = fmt.Errorf("writing standard output: %w", out.err)
	}
	if err == nil {
		return exitOK
	}
	code := exitCode(ctx, err)
	var silent *exitError
	if errors.Is(context.Cause(ctx), errStdoutClosed) {
		return exitBrokenPipe // as quiet as a process killed by SIGPIPE
	}
	if !(errors.As(err, &silent) && silent.err == nil) {
		msg := err.Error()
		if code == exitInterrupted {
			// Ctrl-C or SIGTERM: "interrupted" is what happened; "context canceled" is Go's
			// name for it.
			msg = strings.ReplaceAll(msg, context.Canceled.Error(), "interrupted")
			// The cause signal.NotifyContext gives ("interrupt signal received", "terminated
			// signal received"), where a command reports the context's cause, says the same.
			msg = signalCause.ReplaceAllString(msg, "interrupted")
		}
		fmt.Fprintf(stderr, "bitext: %s\n", msg)
	}
	return code
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:      "bitext",
		Usage:     "translate German articles into English, enforce a glossary, align and review bitexts",
		Version:   buildVersion(),
		Reader:    stdin,
		Writer:    stdout,
		ErrWriter: stderr,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress bar and no summary on stderr"},
			&cli.StringFlag{Name: "config", Usage: "config file (TOML)", EnvVars: []string{"BITEXT_CONFIG"}, DefaultText: "$XDG_CONFIG_HOME/bitext/config.toml"},
		},
		Commands:             commands(),
		EnableBashCompletion: true,
		// Every repeatable flag takes file names or globs, one per flag: a comma is part of a
		// name ("--dict 'my, terms.tsv'"), not a separator.
		DisableSliceFlagSeparator: true,
		Suggest:                   true, // "did you mean --glossary?" for mistyped flags
		Action:                    unknownCommand,
		Before:                    checkConfigExists,
		// Errors are printed once, by run, with the exit code decided there.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return usageError(suggestFlag(c.App.Flags, err))
		},
	}
	// --version prints what `bitext version` prints (urfave/cli's default is one line of its own).
	cli.VersionPrinter = func(c *cli.Context) { _ = printVersion(c.App.Writer) }
	// `bitext help nosuch` and `bitext tm help stat`: urfave/cli calls CommandNotFound, which
	// cannot return an error, instead of answering "No help topic for 'nosuch'" with a
	// suggestion among unrelated names. The error is kept and returned by the root command's
	// After, which runs last.
	var notFound error
	app.CommandNotFound = func(c *cli.Context, name string) { notFound = unknownCommandError(c, name) }
	app.After = func(*cli.Context) error { return notFound }
	return app
}

// unknownSubcommand is the action of a command with subcommands (tm, glossary, corpus): its
// help without arguments, else the word after it names no subcommand ("tm stat").
func unknownSubcommand(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.ShowSubcommandHelp(c)
	}
	return unknownCommandError(c, c.Args().First())
}

// unknownCommandError says that name is none of the commands c's command has (the top level's
// when c is the app's), in the words of a mistyped top-level command: "unknown command "stat".
// Did you mean "stats"? (bitext tm help lists the commands)".
func unknownCommandError(c *cli.Context, name string) error {
	cmds, path := c.App.Commands, "bitext"
	if c.Command != nil && len(c.Command.Subcommands) > 0 && c.Command.Name != "" && c.Command.Name != c.App.Name {
		cmds = c.Command.Subcommands
		path = strings.TrimSpace("bitext " + commandPath(c))
	}
	var names []string
	for _, cmd := range cmds {
		if cmd.Hidden {
			continue
		}
		names = append(names, cmd.Names()...)
	}
	if s := closest(name, names); s != "" {
		return usageErrorf("unknown command %q. Did you mean %q? (%s help lists the commands)", name, s, path)
	}
	return usageErrorf("unknown command %q (%s help lists the commands)", name, path)
}

// commandPath is the names of the commands from the top level down to c's ("tm", "glossary").
func commandPath(c *cli.Context) string {
	var names []string
	for _, ctx := range c.Lineage() {
		if ctx.Command != nil && ctx.Command.Name != "" && ctx.Command.Name != c.App.Name {
			names = append([]string{ctx.Command.Name}, names...)
		}
	}
	return strings.Join(names, " ")
}

// unknownCommand runs when no command was named: usage without arguments, a suggestion for a
// mistyped command name ("translat" → translate).
func unknownCommand(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.ShowAppHelp(c)
	}
	return unknownCommandError(c, c.Args().First())
}

// commands lists every subcommand; each lives in its own file.
func commands() []*cli.Command {
	cmds := []*cli.Command{
		translateCommand(),
		alignCommand(),
		checkCommand(),
		reviewCommand(),
		reportCommand(),
		segmentCommand(),
		glossaryCommand(),
		tmCommand(),
		corpusCommand(),
		providersCommand(),
		completionCommand(),
		versionCommand(),
		manCommand(),
	}
	for _, c := range cmds {
		setUsageErrorHandler(c)
	}
	return cmds
}

// setUsageErrorHandler makes flag errors of every (sub)command exit with code 2, and an
// unknown subcommand a usage error like an unknown command.
func setUsageErrorHandler(c *cli.Command) {
	if c.OnUsageError == nil {
		c.OnUsageError = func(_ *cli.Context, err error, _ bool) error { return usageError(suggestFlag(c.Flags, err)) }
	}
	if len(c.Subcommands) > 0 && c.Action == nil {
		c.Action = unknownSubcommand
	}
	for _, sub := range c.Subcommands {
		setUsageErrorHandler(sub)
	}
}

// forcedExitMessage is printed when a run did not wind down within stopGrace of being stopped.
const forcedExitMessage = "bitext: interrupted; stopped without waiting for the command to wind down"

// stickyWriter is standard output remembering its first write error, which some commands'
// prints do not look at.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	if err != nil && s.err == nil {
		s.err = err
	}
	return n, err
}
