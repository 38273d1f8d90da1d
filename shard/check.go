package shard

import (
	"fmt"
	"strings"
)

// Checker verifies that the outputs of a sharded run hold every document exactly once: none
// missing (a shard not run, or a worker killed before it wrote its output), none twice (a shard
// run with another N, two copies of one shard's output), none foreign (an output of another
// manifest). It keeps a 16-byte digest and 4 bytes of state per document whatever the ids:
// a million documents cost about 70 MB with the map's overhead (BenchmarkChecker1M).
//
// Use: Expect every id of the manifest (when there is one), then See every pair of every output
// in order, then Missing every id of the manifest again, then Err.
type Checker struct {
	state    map[[16]byte]uint32 // expected bit | index+1 of the file the document was seen in
	expected bool                // a manifest was given
	files    []string
	curFile  int
	curDoc   string
	started  bool

	missing, unexpected, manifestDup []string
	duplicates                       []Duplicate
	nMissing, nUnexp, nManifestDup   int
	nDup                             int
	docs                             int
}

const expectedBit = 1 << 31

// maxNamed bounds the ids an error lists one by one; the rest are counted.
const maxNamed = 20

// Duplicate is a document found in more than one place.
type Duplicate struct {
	ID    string
	Files [2]string // where it was first seen, and where again (the same file when it comes back later in it)
}

// NewChecker returns an empty Checker.
func NewChecker() *Checker { return &Checker{state: map[[16]byte]uint32{}} }

// Expect records a document the outputs must hold; where says where the id comes from (a
// manifest line), for the error about an id given twice.
func (c *Checker) Expect(id, where string) {
	c.expected = true
	key := digest(id)
	if c.state[key]&expectedBit != 0 {
		c.nManifestDup++
		if len(c.manifestDup) < maxNamed {
			if where != "" {
				id += " (again at " + where + ")"
			}
			c.manifestDup = append(c.manifestDup, id)
		}
		return
	}
	c.state[key] |= expectedBit
}

// See records that file holds a pair of document id. The pairs of one document come one after
// another in a worker's output; a document that comes back after another one, or in a second
// file, is a duplicate.
func (c *Checker) See(file, id string) {
	if !c.started || file != c.files[c.curFile] {
		c.files = append(c.files, file)
		c.curFile, c.curDoc, c.started = len(c.files)-1, "", false
	}
	if c.started && id == c.curDoc {
		return
	}
	c.started, c.curDoc = true, id
	key := digest(id)
	st := c.state[key]
	if at := st &^ expectedBit; at != 0 {
		c.nDup++
		if len(c.duplicates) < maxNamed {
			c.duplicates = append(c.duplicates, Duplicate{ID: id, Files: [2]string{c.files[at-1], file}})
		}
		return
	}
	if c.expected && st&expectedBit == 0 {
		c.nUnexp++
		if len(c.unexpected) < maxNamed {
			c.unexpected = append(c.unexpected, fmt.Sprintf("%s (in %s)", id, file))
		}
	}
	c.docs++
	c.state[key] = st | uint32(c.curFile+1)
}

// Missing checks, after every output was seen, that the document with this id was; where
// says where the id comes from (a manifest line) for the error.
func (c *Checker) Missing(id, where string) {
	if c.state[digest(id)]&^expectedBit != 0 {
		return
	}
	c.nMissing++
	if len(c.missing) < maxNamed {
		if where != "" {
			id += " (" + where + ")"
		}
		c.missing = append(c.missing, id)
	}
}

// Seen reports whether a pair of the document with this id was seen.
func (c *Checker) Seen(id string) bool { return c.state[digest(id)]&^expectedBit != 0 }

// Documents is the number of distinct documents seen.
func (c *Checker) Documents() int { return c.docs }

// Err returns a *VerifyError when a document is missing, duplicated or foreign, else nil.
func (c *Checker) Err() error {
	if c.nMissing+c.nDup+c.nUnexp+c.nManifestDup == 0 {
		return nil
	}
	return &VerifyError{
		ManifestDuplicates: c.manifestDup, ManifestDuplicateCount: c.nManifestDup,
		Missing: c.missing, MissingCount: c.nMissing,
		Duplicates: c.duplicates, DuplicateCount: c.nDup,
		Unexpected: c.unexpected, UnexpectedCount: c.nUnexp,
	}
}

// VerifyError lists what is wrong with a set of shard outputs, naming up to 20 documents of
// each kind (the counts are complete).
type VerifyError struct {
	ManifestDuplicates     []string // ids the manifest gives twice (where again)
	ManifestDuplicateCount int
	Missing                []string // id (where the manifest has it)
	MissingCount           int
	Duplicates             []Duplicate
	DuplicateCount         int
	Unexpected             []string // id (in which output)
	UnexpectedCount        int
}

func (e *VerifyError) Error() string {
	var b strings.Builder
	sep := ""
	if e.ManifestDuplicateCount > 0 {
		fmt.Fprintf(&b, "the manifest gives %d %s twice (every document needs its own id): %s", e.ManifestDuplicateCount, ids(e.ManifestDuplicateCount), list(e.ManifestDuplicates, e.ManifestDuplicateCount))
		sep = "; "
	}
	if e.MissingCount > 0 {
		fmt.Fprintf(&b, "%d %s in no output (rerun the shards that hold them): %s", e.MissingCount, docs(e.MissingCount), list(e.Missing, e.MissingCount))
		sep = "; "
	}
	if e.DuplicateCount > 0 {
		items := make([]string, len(e.Duplicates))
		for i, d := range e.Duplicates {
			if d.Files[0] == d.Files[1] {
				items[i] = fmt.Sprintf("%s (twice in %s)", d.ID, d.Files[0])
			} else {
				items[i] = fmt.Sprintf("%s (in %s and %s)", d.ID, d.Files[0], d.Files[1])
			}
		}
		fmt.Fprintf(&b, "%s%d %s more than once: %s", sep, e.DuplicateCount, docs(e.DuplicateCount), list(items, e.DuplicateCount))
		sep = "; "
	}
	if e.UnexpectedCount > 0 {
		fmt.Fprintf(&b, "%s%d %s not in the manifest: %s", sep, e.UnexpectedCount, docs(e.UnexpectedCount), list(e.Unexpected, e.UnexpectedCount))
	}
	return b.String()
}

func ids(n int) string {
	if n == 1 {
		return "id"
	}
	return "ids"
}

func docs(n int) string {
	if n == 1 {
		return "document"
	}
	return "documents"
}

func list(items []string, total int) string {
	s := strings.Join(items, ", ")
	if total > len(items) {
		s += fmt.Sprintf(" and %d more", total-len(items))
	}
	return s
}
