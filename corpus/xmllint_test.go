package corpus

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The TMX 1.4b DTD the writer's output is validated against (see the file for its origin).
const tmxDTD = "../testdata/corpus/dtd/tmx14.dtd"

// needXmllint returns the path of xmllint (Debian: libxml2-utils), or skips the test.
func needXmllint(t *testing.T) string {
	t.Helper()
	path, err := lookXmllint()
	if err != nil {
		t.Skip("xmllint not found (Debian package libxml2-utils): skipping the check against it")
	}
	return path
}

func lookXmllint() (string, error) { return exec.LookPath("xmllint") }

// xpath evaluates an XPath 1.0 expression on file with xmllint and returns what it prints,
// without the newline it adds after a string result.
func xpath(t *testing.T, lint, file, expr string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(lint, "--nonet", "--xpath", expr, file)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		// xmllint exits 10 for an XPath result that is an empty node set.
		if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 10 {
			return ""
		}
		t.Fatalf("xmllint --xpath %q %s: %v\n%s", expr, file, err, stderr.Bytes())
	}
	return strings.TrimSuffix(stdout.String(), "\n")
}

// validateTMX checks TMX written by bitext against the TMX 1.4b DTD: the document is put in a
// directory beside tmx14.dtd, which its DOCTYPE names, and validated without network access.
func validateTMX(t *testing.T, lint string, doc []byte) {
	t.Helper()
	dir := t.TempDir()
	dtd, err := os.ReadFile(tmxDTD)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "tmx14.dtd"), dtd, 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "out.tmx")
	if err := os.WriteFile(file, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(lint, "--noout", "--valid", "--nonet", file).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("not valid TMX 1.4b (%v):\n%s\ndocument:\n%s", err, out, doc)
	}
}

// TestTMXOutputValid: what the TMX writer produces is valid against the TMX 1.4b DTD, whatever
// the text: markup-like text, every metadata field, characters XML cannot carry (which go to
// x-bitext-controls properties), invalid UTF-8, and an empty corpus.
func TestTMXOutputValid(t *testing.T) {
	lint := needXmllint(t)
	controls := []Pair{
		{Doc: "doc\x01.txt", Paragraph: 3, Sentence: 1, Source: "Form\ffeed, bell\x07, NUL\x00, \uFFFE\uFFFF", Target: "vertical\vtab\x1b",
			Provider: "p\x02", Model: "m\x03", TMHit: true, Confidence: 0.5,
			Violations: []Violation{{Kind: "missing", SourceTerm: "Term\x04\uFFFE", Expected: "term\xff", Found: "<&>"}}},
		{Source: "\x01", Target: "\x02\x03"},
	}
	for _, tt := range []struct {
		name  string
		pairs []Pair
		opt   WriterOptions
	}{
		{"tricky text", trickyPairs, WriterOptions{}},
		{"control characters", controls, WriterOptions{ToolVersion: "v1\x01"}},
		{"empty corpus", nil, WriterOptions{}},
		{"regional languages", trickyPairs[:2], WriterOptions{SourceLang: "de-DE", TargetLang: "en-GB", ToolVersion: "1.2.3"}},
		{"reviewed", []Pair{{Source: "Satz.", Target: "Sentence.", Provider: "reviewed", Reviewer: "anna \"<&>\"\x01", Reviewed: time.Date(2026, 11, 30, 14, 15, 0, 0, time.UTC)}}, WriterOptions{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := NewWriter(TMX, &buf, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range tt.pairs {
				if err := w.Write(p); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			validateTMX(t, lint, buf.Bytes())
		})
	}
}
