package segment

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bitext/bitext/internal/fixtures"
)

// TestDebrisRulesSpareArticleText runs the block rules over real article text, where none may
// fire: the body paragraphs of the extraction development set's sources (fixtures kind
// "extract", bodies.txt: fundus's expected article bodies, one paragraph a line, see
// testdata/extract/SOURCES.md) and the sentences of the German UD treebank's dev split (kind
// "ud"). A rule that fires here would remove an article sentence.
func TestDebrisRulesSpareArticleText(t *testing.T) {
	if testing.Short() {
		t.Skip("reads thousands of paragraphs")
	}
	var lines []string
	dir := fixtures.Dir(t, "extract", "bodies.txt")
	lines = append(lines, readLines(t, filepath.Join(dir, "bodies.txt"), "")...)
	ud := fixtures.Dir(t, "ud", "de_gsd-ud-dev.conllu")
	lines = append(lines, readLines(t, filepath.Join(ud, "de_gsd-ud-dev.conllu"), "# text = ")...)
	if len(lines) < 1000 {
		t.Fatalf("only %d lines read", len(lines))
	}
	for _, l := range lines {
		if r := newsDebris(rawBlock{Kind: Paragraph, Text: l}); r != "" {
			t.Errorf("%s: %q", r, l)
		}
		if isAuthorNote(l) {
			t.Errorf("author note: %q", l)
		}
		if isBoilerplate(l) {
			t.Errorf("boilerplate: %q", l)
		}
	}
}

// readLines returns the lines of file that start with prefix (all lines when prefix is ""),
// without it, white space normalised.
func readLines(t *testing.T, file, prefix string) []string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if l, ok := strings.CutPrefix(sc.Text(), prefix); ok {
			if l = spaceNorm(l); l != "" {
				out = append(out, l)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
