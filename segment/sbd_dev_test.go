package segment

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/fixtures"
)

// sbdDevMinPass is the number of cases of the sentence-boundary development set that must pass:
// a regression guard, raised as fixes land (see testdata/segment/sbd-dev/SOURCES.md).
const sbdDevMinPass = 161

// TestSBDDevSet runs the sentence-boundary development set: German cases from other projects'
// public test suites (LanguageTool, SoMaJo, OpenNLP, syntok, segtok, textblob-de, mediacloud's
// sentence-splitter; never pySBD, pragmatic_segmenter or UD test splits, which are held aside).
// The cases are not committed (their licences vary); testdata/segment/sbd-dev/SOURCES.md says
// where each comes from and how the file is rebuilt. Each case is read the way `bitext segment`
// reads a plain-text file, and its sentences (a list item's marker put back in front, as the
// command prints it) must equal the expected ones. Every failure is logged.
//
//	BITEXT_FIXTURES=/path/to/fixtures go test ./segment -run TestSBDDevSet -v
func TestSBDDevSet(t *testing.T) {
	dir := fixtures.Dir(t, "sbd", "de-dev.jsonl")
	f, err := os.Open(filepath.Join(dir, "de-dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type devCase struct {
		ID   string   `json:"id"`
		Text string   `json:"text"`
		Want []string `json:"want"`
	}
	total, pass := 0, 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var c devCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("de-dev.jsonl line %d: %v", total+1, err)
		}
		total++
		got := segmentPlainText(t, c.Text)
		if sameSentences(got, c.Want) {
			pass++
			continue
		}
		t.Logf("FAIL %s\n\tinput: %s\n\twant:  %s\n\tgot:   %s", c.ID, c.Text, strings.Join(c.Want, " | "), strings.Join(got, " | "))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("sentence-boundary dev set: %d of %d cases pass", pass, total)
	if pass < sbdDevMinPass {
		t.Errorf("%d cases pass, fewer than the %d reached before", pass, sbdDevMinPass)
	}
}

// sameSentences compares sentence lists with runs of spaces (including no-break spaces, which
// the text reader turns into plain ones) counted as one space.
func sameSentences(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if strings.Join(strings.Fields(got[i]), " ") != strings.Join(strings.Fields(want[i]), " ") {
			return false
		}
	}
	return true
}

// segmentPlainText returns the sentences `bitext segment` prints for text as a plain-text
// German file.
func segmentPlainText(t *testing.T, text string) []string {
	t.Helper()
	sc := NewScanner(strings.NewReader(text), "case.txt", Options{Format: Text, Lang: "de"})
	var out []string
	for sc.Scan() {
		out = append(out, sc.Block().Lines()...)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	return out
}
