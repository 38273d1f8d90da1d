package align

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/internal/textcheck"
)

// ReadPresplit reads a document with one sentence per line. Blank lines separate paragraphs:
// breaks lists the index of the first sentence of every paragraph after the first. Lines are
// trimmed; invalid UTF-8 and NUL bytes (binary files) are *SyntaxError naming the line.
func ReadPresplit(r io.Reader, name string) (sentences []string, breaks []int, err error) {
	return ReadPresplitContext(context.Background(), r, name)
}

// ReadPresplitContext is ReadPresplit that stops with ctx.Err() when ctx is done (a 100 MB
// document takes about a second to read).
func ReadPresplitContext(ctx context.Context, r io.Reader, name string) (sentences []string, breaks []int, err error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	sc := newLineScanner(r, name, 16*1024*1024)
	blank := false
	for line := 1; sc.Scan(); line++ {
		if line%pollEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
		}
		b := sc.Bytes()
		if err := CheckText(b); err != nil {
			return nil, nil, &SyntaxError{name, line, err.Error()}
		}
		s := strings.TrimSpace(strings.TrimPrefix(string(b), "\uFEFF"))
		if s == "" {
			blank = true
			continue
		}
		if blank && len(sentences) > 0 {
			breaks = append(breaks, len(sentences))
		}
		blank = false
		sentences = append(sentences, s)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	return sentences, breaks, nil
}

// CheckText reports why a line is not text: invalid UTF-8 or a NUL byte. Nil when it is text.
func CheckText(b []byte) error {
	if !utf8.Valid(b) {
		msg := fmt.Sprintf("invalid UTF-8 at byte %d of the line", textcheck.InvalidUTF8(b)+1)
		if textcheck.LooksLatin1(b) {
			msg += "; " + textcheck.Latin1Hint
		}
		return errors.New(msg)
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return fmt.Errorf("NUL byte: not a text file")
	}
	return nil
}
