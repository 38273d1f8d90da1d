package main

import (
	"strings"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/internal/formats"
	"github.com/bitext/bitext/internal/outfile"
)

// refuseOverwrite is a usage error (exit 2) when one of the outputs is, contains or lies inside
// one of the inputs: bitext never writes over what the user gave it to read.
func refuseOverwrite(outputs []string, inputs ...string) error {
	for _, out := range outputs {
		if err := outfile.CheckInputs(out, inputs...); err != nil {
			return usageError(err)
		}
	}
	return nil
}

// refuseStdoutOnto is a usage error when standard output is redirected or appended to one of
// inputs ("bitext segment a.txt >> a.txt" read its own output back until the disk was full), for
// commands that print to it and the inputs refuseOverwrite is not otherwise given (no -o, or
// the documents found in folders).
func refuseStdoutOnto(inputs ...string) error { return refuseOverwrite([]string{""}, inputs...) }

// Extensions by what reads them: bitexts (tm import, report, check) and glossaries.
var (
	bitextExts   = []string{".tmx", ".jsonl", ".ndjson", ".tsv", ".tab", ".xlf", ".xliff"}
	glossaryExts = []string{".tsv", ".tab", ".txt", ".csv", ".tbx", ".xml", ".tmx"}
)

// glossaryInputs are the files --glossary and the glossary commands read.
func glossaryInputs(command string) formats.Spec {
	return formats.Spec{Command: command, Supported: glossaryExts}
}

// refuseFormats is a usage error (exit 2) when one of names has an extension that names a
// format spec does not handle (a .docx given to tm import, -o r.pdf given to report).
func refuseFormats(spec formats.Spec, names ...string) error {
	if err := spec.CheckAll(names...); err != nil {
		return usageError(err)
	}
	return nil
}

// namedPaths strips the NAME= prefix of "NAME=FILE" arguments (report's --hyp and --ref).
func namedPaths(args []string) []string {
	out := make([]string, 0, len(args))
	for _, a := range args {
		if _, p, ok := strings.Cut(a, "="); ok {
			a = p
		}
		out = append(out, a)
	}
	return out
}

// refuseFileOutputs is refuseOverwrite for outputs that are files, and refuses too, before any
// work, an output that could only fail at the end of the run: its name is a folder, or a file
// stands where its folder would be made (outfile.CheckTarget).
func refuseFileOutputs(outputs []string, inputs ...string) error {
	if err := refuseOverwrite(outputs, inputs...); err != nil {
		return err
	}
	for _, out := range outputs {
		if err := outfile.CheckTarget(out); err != nil {
			return usageError(err)
		}
	}
	return nil
}

// refuseMarkupStdin refuses standard input given without --input-format whose start (head) is
// unmistakably markup (document.Sniff): read as plain text, its tags would be sent, or shown, as
// sentences. verb is what the command does with it ("translate", "segment").
func refuseMarkupStdin(head []byte, verb string) error {
	if looks := document.Sniff(head); looks != "" {
		return usageErrorf("standard input looks like %s: give --input-format %s to %s it as such, or --input-format text to %s it as plain text", looks, looks, verb, verb)
	}
	return nil
}
