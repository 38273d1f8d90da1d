package main

import (
	"fmt"
	"io"
	"sync"

	"github.com/bitext/bitext/corpus"
)

// corpusWarnings prints the changes corpus writers make to keep a file valid (a control
// character TMX cannot carry, a line break in a Moses line), naming document and segment. The
// first maxShown are printed as they come, the rest counted and summed up by done, so that a
// corpus full of form feeds does not bury the summary.
type corpusWarnings struct {
	w     io.Writer
	mu    sync.Mutex
	count int
}

const maxShown = 20

func newCorpusWarnings(w io.Writer) *corpusWarnings { return &corpusWarnings{w: w} }

// warn is a corpus.WriterOptions.Warn.
func (c *corpusWarnings) warn(w corpus.Warning) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.count++
	if c.count <= maxShown {
		fmt.Fprintf(c.w, "bitext: warning: %s\n", w)
	}
}

// done prints how many warnings were not shown.
func (c *corpusWarnings) done() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.count > maxShown {
		fmt.Fprintf(c.w, "bitext: warning: %d more changes of the same kind not shown (%d in all)\n", c.count-maxShown, c.count)
	}
}
