package review

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// Decision is one line of the audit trail: who decided what about which segment, and when.
// The journal (a JSON Lines file next to the output) is where a review resumes from.
type Decision struct {
	Time     time.Time `json:"time"`
	Reviewer string    `json:"reviewer"`
	Segment  int       `json:"segment"` // 1-based
	Doc      string    `json:"doc,omitempty"`
	Action   string    `json:"action"` // Accepted or Edited
	Source   string    `json:"source"`
	Before   string    `json:"before"` // the translation before the decision
	After    string    `json:"after"`  // the decided translation
	// BeforeTagged and AfterTagged are the two translations with their inline codes
	// (document's numbered codes, <g1>…</g1>, <x2/>, words escaped), for a segment with codes:
	// what a resumed review writes again, codes and all.
	BeforeTagged string `json:"before_tagged,omitempty"`
	AfterTagged  string `json:"after_tagged,omitempty"`
}

// JournalError is a journal line that cannot be read.
type JournalError struct {
	File string
	Line int
	Err  error
}

func (e *JournalError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *JournalError) Unwrap() error { return e.Err }

// ReadJournal reads the decisions of a journal. A last line without its newline is a
// decision the process did not finish writing: it is ignored. A missing file has no decisions.
func ReadJournal(name string) ([]Decision, error) {
	f, err := os.Open(name)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readJournal(f, name)
}

func readJournal(r io.Reader, name string) ([]Decision, error) {
	br := bufio.NewReader(r)
	var out []Decision
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if errors.Is(err, io.EOF) {
			return out, nil // a partial last line (no newline) is an unfinished write
		}
		if err != nil {
			return nil, &JournalError{name, n, err}
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		d, err := parseDecision(line)
		if err != nil {
			return nil, &JournalError{name, n, err}
		}
		out = append(out, d)
	}
}

// parseDecision reads one line of a journal.
func parseDecision(line []byte) (Decision, error) {
	var d Decision
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		return Decision{}, err
	}
	if dec.More() {
		return Decision{}, errors.New("more than one decision on the line")
	}
	if d.Segment < 1 || (d.Action != Accepted && d.Action != Edited) {
		return Decision{}, fmt.Errorf("not a decision (segment %d, action %q)", d.Segment, d.Action)
	}
	return d, nil
}

// appendJournal appends one decision and syncs it to disk before the decision is applied
// anywhere else, so that a crash loses at most the decision being made.
func appendJournal(name string, d Decision) error {
	b, err := json.Marshal(d)
	if err != nil {
		return err
	}
	return appendSynced(name, append(b, '\n'))
}

// appendSynced appends b to the journal and syncs it to disk before returning.
func appendSynced(name string, b []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o666)
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// trimJournal cuts an unfinished last line (a write interrupted by a crash), so that the next
// decision starts on a line of its own. A last line that is a whole decision and lacks only its
// line end (an editor that drops the last newline, a write torn just before it) is kept and
// ended: its decision may be in the output and the memory already, and dropping it made the
// journal and the output disagree with the memory.
func trimJournal(name string) error {
	b, err := os.ReadFile(name)
	if errors.Is(err, os.ErrNotExist) || len(b) == 0 {
		return nil
	}
	if err != nil {
		return err
	}
	if b[len(b)-1] == '\n' {
		return nil
	}
	cut := bytes.LastIndexByte(b, '\n') + 1
	if _, err := parseDecision(bytes.TrimSpace(b[cut:])); err == nil {
		return appendSynced(name, []byte("\n"))
	}
	return os.Truncate(name, int64(cut))
}
