package shard

import (
	"fmt"
	"hash/maphash"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Checker verifies that the outputs of a sharded run hold every document exactly once: none
// missing (a shard not run, or a worker killed before it wrote its output), none twice (a shard
// run with another N, two copies of one shard's output, an output given twice, an output
// concatenated with itself), none foreign (an output of another manifest). It keeps a 16-byte
// digest and 4 bytes of state per document whatever the ids: a million documents cost about
// 70 MB with the map's overhead (BenchmarkChecker1M); of the pairs it keeps only the place of
// the last one.
//
// Use: Expect every id of the manifest (when there is one), then Begin each output and See (or
// SeeAt) every pair of it in order, then Missing every id of the manifest again, then Err.
type Checker struct {
	state    map[[16]byte]uint32 // expected bit | index+1 of the output the document was seen in
	expected bool                // a manifest was given
	files    []string            // the name of each output, in the order begun
	curFile  int
	begun    bool // an output was begun

	// The run of pairs of one document going on in the current output.
	curDoc     string
	inDoc      bool
	para, sent int    // the place of its last pair; 0 when unknown
	first      uint64 // hash of the first pair at that place
	seed       maphash.Seed

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
	// SameOutput is set when the document came back within one output; when it is not, the
	// two outputs can still have one name (a file given twice).
	SameOutput bool
}

// Place is where a pair is in its document, and its text: what tells a document that starts
// over within an output (its pairs given twice in a row) from one that goes on.
type Place struct {
	Paragraph, Sentence int // 1-based, as translate and align number them; 0 when unknown
	Source, Target      string
}

// NewChecker returns an empty Checker.
func NewChecker() *Checker { return &Checker{state: map[[16]byte]uint32{}, seed: maphash.MakeSeed()} }

// Expect records a document the outputs must hold; where says where the id comes from (a
// manifest line), for the error about an id given twice.
func (c *Checker) Expect(id, where string) {
	c.expected = true
	key := digest(id)
	if c.state[key]&expectedBit != 0 {
		c.nManifestDup++
		if len(c.manifestDup) < maxNamed {
			id = shownID(id)
			if where != "" {
				id += " (again at " + where + ")"
			}
			c.manifestDup = append(c.manifestDup, id)
		}
		return
	}
	c.state[key] |= expectedBit
}

// Begin starts an output named file: the pairs seen next are its pairs. Two outputs with one
// name (a file given twice) are two outputs: a document of the first that the second starts
// with is a duplicate, not the same document going on. See and SeeAt begin an output
// themselves when given another name than the current output's.
func (c *Checker) Begin(file string) {
	c.files = append(c.files, file)
	c.curFile, c.begun, c.inDoc = len(c.files)-1, true, false
}

// See records that file holds a pair of document id, at a place not known: as SeeAt, except
// that a document given twice in a row in one output is not seen.
func (c *Checker) See(file, id string) { c.SeeAt(file, id, Place{}) }

// SeeAt records that file holds a pair of document id, at place at. The pairs of one document
// come one after another in a worker's output, their places going forward; a document that
// comes back after another one, or in a second output, is a duplicate, and so is one whose
// pairs start over right after themselves: a pair before the last one's place, or the first
// pair at the last place again (pairs without numbers cannot tell).
func (c *Checker) SeeAt(file, id string, at Place) {
	if !c.begun || file != c.files[c.curFile] {
		c.Begin(file)
	}
	if c.inDoc && id == c.curDoc {
		if c.startsOver(at) {
			c.duplicate(id, c.curFile)
		}
		return
	}
	c.inDoc, c.curDoc = true, id
	c.place(at)
	key := digest(id)
	st := c.state[key]
	if seen := st &^ expectedBit; seen != 0 {
		c.duplicate(id, int(seen-1))
		return
	}
	if c.expected && st&expectedBit == 0 {
		c.nUnexp++
		if len(c.unexpected) < maxNamed {
			c.unexpected = append(c.unexpected, fmt.Sprintf("%s (in %s)", shownID(id), file))
		}
	}
	c.docs++
	c.state[key] = st | uint32(c.curFile+1)
}

// startsOver reports whether a pair at place at, of the document whose run goes on, starts it
// over, and moves the run on to at.
func (c *Checker) startsOver(at Place) bool {
	if at.Paragraph <= 0 || c.para <= 0 {
		c.place(at)
		return false
	}
	switch {
	case at.Paragraph < c.para || at.Paragraph == c.para && at.Sentence < c.sent:
		c.place(at)
		return true
	case at.Paragraph > c.para || at.Sentence > c.sent:
		c.place(at)
		return false
	}
	// One place for two pairs is fine (a target sentence without a source gets the number of
	// the sentence before it), the first pair at it again is the document starting over.
	if c.hash(at) == c.first {
		c.place(at)
		return true
	}
	return false
}

// place makes at the place of the run's last pair.
func (c *Checker) place(at Place) {
	c.para, c.sent = at.Paragraph, at.Sentence
	if at.Paragraph > 0 {
		c.first = c.hash(at)
	}
}

func (c *Checker) hash(at Place) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seed)
	h.WriteString(at.Source)
	h.WriteByte(0)
	h.WriteString(at.Target)
	return h.Sum64()
}

// duplicate records that document id, seen before in output first, is seen again in the
// current output.
func (c *Checker) duplicate(id string, first int) {
	c.nDup++
	if len(c.duplicates) < maxNamed {
		c.duplicates = append(c.duplicates, Duplicate{ID: id, Files: [2]string{c.files[first], c.files[c.curFile]}, SameOutput: first == c.curFile})
	}
}

// Missing checks, after every output was seen, that the document with this id was; where
// says where the id comes from (a manifest line) for the error.
func (c *Checker) Missing(id, where string) {
	if c.state[digest(id)]&^expectedBit != 0 {
		return
	}
	c.nMissing++
	if len(c.missing) < maxNamed {
		id = shownID(id)
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
			switch {
			case d.SameOutput:
				items[i] = fmt.Sprintf("%s (twice in %s)", shownID(d.ID), d.Files[0])
			case d.Files[0] == d.Files[1]:
				items[i] = fmt.Sprintf("%s (in %s, given twice)", shownID(d.ID), d.Files[0])
			default:
				items[i] = fmt.Sprintf("%s (in %s and %s)", shownID(d.ID), d.Files[0], d.Files[1])
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

// shownID is a document id as the errors name it: as it is when it reads unmistakably, else
// quoted with its escapes (white space at an edge or doubled, a tab, a bidi control, an empty
// id: "a b  c" and "a b c" looked the same), with \u escapes when it is not in NFC; one longer than 80 characters is cut.
func shownID(id string) string {
	const most = 80
	plain := id != "" && strings.TrimSpace(id) == id && !strings.Contains(id, "  ")
	for _, r := range id {
		if !unicode.IsGraphic(r) || r != ' ' && unicode.IsSpace(r) || unicode.Is(unicode.Bidi_Control, r) {
			plain = false
			break
		}
	}
	cut := ""
	if rs := []rune(id); len(rs) > most {
		id, cut = string(rs[:most]), fmt.Sprintf("… (%d characters)", len(rs))
	}
	switch {
	case !norm.NFC.IsNormalString(id):
		// A decomposed ü reads as the composed one, and is another id.
		return strconv.QuoteToASCII(id) + cut
	case !plain:
		return strconv.Quote(id) + cut
	}
	return id + cut
}
