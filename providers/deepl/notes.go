package deepl

import (
	"errors"
	"strings"

	"github.com/bitext/bitext/providers"
)

// noteGroup is the segments of a batch that share a note (a PO msgctxt, an XLIFF note), in
// batch order. DeepL takes one context per request, so a batch whose segments carry different
// notes goes out as one request per note: otherwise JupyterLab's "Aktivieren" of the settings
// ("Activate") and of the extension manager ("Enable") would get one translation.
type noteGroup struct {
	note string // trimmed; "" for the segments without one
	segs []providers.Segment
}

// groupByNote cuts segs into runs of equal notes, in the order each note first appears. A
// batch without notes, or with one note for all, is one group.
func groupByNote(segs []providers.Segment) []noteGroup {
	var groups []noteGroup
	at := map[string]int{}
	for _, s := range segs {
		note := strings.TrimSpace(s.Note)
		i, ok := at[note]
		if !ok {
			i = len(groups)
			at[note] = i
			groups = append(groups, noteGroup{note: note})
		}
		groups[i].segs = append(groups[i].segs, s)
	}
	return groups
}

// requestContext is the context parameter of a request: the segments' note, then the
// paragraph around them (contextText), a blank line between. DeepL neither translates nor
// bills it.
func requestContext(note, paragraph string) string {
	paragraph = contextText(paragraph)
	switch {
	case note == "":
		return paragraph
	case paragraph == "":
		return note
	}
	return note + "\n\n" + paragraph
}

// joinFailures is the failure of a batch whose groups failed on their own for some segments
// (each err names its FailedIDs): one *providers.Error behind one *providers.SegmentsFailedError
// naming them all in request order, as for a batch sent whole. The first group's message and
// reason stand for all.
func joinFailures(segs []providers.Segment, errs []error) error {
	if len(errs) == 1 {
		return errs[0]
	}
	failed := map[string]bool{}
	for _, err := range errs {
		for _, id := range providers.FailedIDs(err) {
			failed[id] = true
		}
	}
	sf := &providers.SegmentsFailedError{Tries: 1}
	var first *providers.SegmentsFailedError
	if errors.As(errs[0], &first) {
		sf.Reason, sf.Tries = first.Reason, first.Tries
	}
	for _, s := range segs {
		if failed[s.ID] {
			sf.IDs = append(sf.IDs, s.ID)
		}
	}
	out := &providers.Error{Provider: "deepl", Err: sf}
	var pe *providers.Error
	if errors.As(errs[0], &pe) {
		out.Status, out.Message = pe.Status, pe.Message
	}
	return out
}
