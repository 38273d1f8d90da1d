package translate

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/bitext/bitext/providers"
)

// Failure is a segment that got no usable translation after every retry.
type Failure struct {
	Doc       string // the document's name
	Paragraph int    // 1-based block number in the document
	Sentence  int    // 1-based sentence number in the block; 0 for a paragraph unit
	Source    string
	Err       error
}

// FailedError is returned by Run and RunInputs when some segments got no usable translation
// after every retry, while the rest of the run completed: every other segment was translated,
// handed to the sink and stored in the memory, so a rerun asks only for these. Their pairs
// carry Err and no target; their place in the translated blocks keeps the source text.
type FailedError struct {
	Segments []Failure
}

func (e *FailedError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s not translated:", len(e.Segments), pluralWord(len(e.Segments), "segment"))
	for i, f := range e.Segments {
		if i == 5 {
			// The rest by place only, each document once: every failed segment is named,
			// since pair files leave them out and documents keep their German.
			fmt.Fprintf(&b, "\n  … and %d more:", len(e.Segments)-i)
			doc := ""
			for _, f := range e.Segments[i:] {
				if f.Doc != doc || doc == "" {
					doc = f.Doc
					fmt.Fprintf(&b, "\n    %s:", doc)
				}
				if f.Sentence > 0 {
					fmt.Fprintf(&b, " ¶%d.%d", f.Paragraph, f.Sentence)
				} else {
					fmt.Fprintf(&b, " ¶%d", f.Paragraph)
				}
			}
			break
		}
		where := fmt.Sprintf("%s: paragraph %d", f.Doc, f.Paragraph)
		if f.Sentence > 0 {
			where += fmt.Sprintf(", sentence %d", f.Sentence)
		}
		fmt.Fprintf(&b, "\n  %s: %q: %v", where, clip(f.Source, 80), f.Err)
	}
	return b.String()
}

// Unwrap returns the causes, so that errors.As finds a *providers.Error among them.
func (e *FailedError) Unwrap() []error {
	errs := make([]error, len(e.Segments))
	for i, f := range e.Segments {
		errs[i] = f.Err
	}
	return errs
}

func pluralWord(n int, w string) string {
	if n == 1 {
		return w
	}
	return w + "s"
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return clipUTF8(s, n) + "…"
}

// maxFailures is how many failed segments a run tolerates: beyond that the failures are not
// about single segments, and going on would only spend money on more of them.
const maxFailures = 100

// failures collects the failed segments of a run.
type failures struct {
	mu   sync.Mutex
	list []Failure
}

func (f *failures) add(fs []Failure) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.list = append(f.list, fs...)
	if len(f.list) > maxFailures {
		return fmt.Errorf("more than %d segments failed; stopping: %w", maxFailures, fs[len(fs)-1].Err)
	}
	return nil
}

func (f *failures) err() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.list) == 0 {
		return nil
	}
	return &FailedError{Segments: append([]Failure(nil), f.list...)}
}

// isolatable reports whether an error of a batch may be about some of its segments only, so
// that asking for smaller parts finds the segments at fault (a 400 for one over-long segment,
// an answer that is never valid for one sentence). Failures of the service itself end the
// run: credentials, quota, rate limit, server errors, a wrong endpoint (404 or 405, an HTML
// page where the API should be) and no answer at all after every retry (the network, a dead
// or hanging server, an endless body).
func isolatable(err error) bool {
	var gave *providers.GaveUpError
	var wrong *providers.WrongEndpointError
	if errors.As(err, &gave) || errors.As(err, &wrong) || errors.Is(err, ErrNoProvider) {
		return false
	}
	var pe *providers.Error
	if errors.As(err, &pe) {
		switch {
		case pe.Status == 401, pe.Status == 403, pe.Status == 404, pe.Status == 405, pe.Status == 407,
			pe.Status == 429, pe.Status == 456, pe.Status >= 500:
			return false
		}
	}
	return true
}

// MemoryError is a run stopped by its translation memory: a lookup, lease or store that failed
// (a shared PostgreSQL memory unreachable after its retries, a full disk). The provider did
// not fail: the answers it gave since the memory's last store were not stored, so a rerun asks
// for them again.
type MemoryError struct {
	Err error
}

func (e *MemoryError) Error() string { return "translation memory: " + e.Err.Error() }

func (e *MemoryError) Unwrap() error { return e.Err }
