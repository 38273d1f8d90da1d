package review

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// journalLock is a review's hold on its journal. Two reviews writing the same output would
// each rewrite the whole output from their own state, so the last decision of one silently
// undoes all of the other's (the journal, appended by both, holds both). The lock is a file
// beside the journal, locked with flock(2): the kernel releases it when the process ends,
// however it ends, so a review killed with -9 never blocks the next one. The file says which
// process holds it, for the refusal to name.
type journalLock struct {
	f    *os.File
	name string
}

// errLocked is tryLock's answer when another open file holds the lock.
var errLocked = errors.New("locked")

// lockJournal takes the lock of journal, or says which review holds it.
func lockJournal(journal string) (*journalLock, error) {
	name := journal + ".lock"
	for {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o666)
		if err != nil {
			return nil, fmt.Errorf("review: cannot lock the journal: %w", err)
		}
		if err := tryLock(f); err != nil {
			f.Close()
			if errors.Is(err, errLocked) {
				return nil, fmt.Errorf("review: %s is in use by another bitext review (%s): stop it, or write to another output",
					journal, holder(name))
			}
			return nil, fmt.Errorf("review: cannot lock %s: %w", name, err)
		}
		// The review that held the lock removes the file when it ends: if it did so between our
		// open and our lock, we hold a file no one else will find, and a third review could
		// lock the new one. Keep the lock only if it is still the file under the name.
		fi, err1 := f.Stat()
		ni, err2 := os.Stat(name)
		if err1 == nil && err2 == nil && os.SameFile(fi, ni) {
			// Say who holds it; a failure here only makes a refusal less precise.
			if f.Truncate(0) == nil {
				f.WriteAt([]byte("pid "+strconv.Itoa(os.Getpid())+", since "+time.Now().Format(time.RFC3339)+"\n"), 0)
			}
			return &journalLock{f: f, name: name}, nil
		}
		f.Close()
	}
}

// holder is what the lock file says about the review holding it.
func holder(name string) string {
	b, _ := os.ReadFile(name)
	if s := strings.TrimSpace(string(b)); s != "" && len(s) < 200 {
		return s
	}
	return "pid unknown" // it took the lock and has not written its pid yet
}

// release removes the lock file, then lets go of the lock (in this order: see lockJournal).
func (l *journalLock) release() {
	if l == nil {
		return
	}
	os.Remove(l.name)
	l.f.Close()
}
