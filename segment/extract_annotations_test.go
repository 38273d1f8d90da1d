package segment

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The extraction development set's snippets live in the repository
// (testdata/extract/annotations.txt: short quotations of MIT- and Apache-licensed test pages, see
// SOURCES.md there); the pages themselves are third-party and come from the fixtures folder. The
// file reads:
//
//	# source: NAME      the pages below come from source NAME (scored apart)
//	# PAGE.html         a page, in the fixtures folder's pages/
//	+ snippet           must appear in the page's main text
//	- snippet           must not appear in it
//
// Other lines starting with "# " are comments; blank lines are ignored.

// extractAnnotationsFile is the committed snippet file, relative to the segment package.
const extractAnnotationsFile = "../testdata/extract/annotations.txt"

type extractPage struct {
	File    string
	Source  string // where the page comes from ("# source: NAME" in annotations.txt)
	Must    []string
	MustNot []string
}

// readExtractAnnotations reads the committed snippet file; a malformed file fails the test.
func readExtractAnnotations(tb testing.TB) []extractPage {
	tb.Helper()
	f, err := os.Open(extractAnnotationsFile)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	pages, err := parseExtractAnnotations(f, filepath.Base(extractAnnotationsFile))
	if err != nil {
		tb.Fatal(err)
	}
	if len(pages) == 0 {
		tb.Fatalf("%s names no page", extractAnnotationsFile)
	}
	return pages
}

// parseExtractAnnotations parses the snippet file; errors name the file (as name) and the line.
func parseExtractAnnotations(r io.Reader, name string) ([]extractPage, error) {
	var pages []extractPage
	seen := map[string]int{}
	source := "unnamed"
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		bad := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", name, n, fmt.Sprintf(format, args...))
		}
		switch {
		case strings.TrimSpace(line) == "":
		case strings.HasPrefix(line, "# source: "):
			source = strings.TrimSpace(strings.TrimPrefix(line, "# source: "))
			if source == "" {
				return nil, bad("source without a name")
			}
		case strings.HasPrefix(line, "# ") && strings.HasSuffix(line, ".html"):
			file := strings.TrimSpace(strings.TrimPrefix(line, "# "))
			// The name is joined to the pages folder: a path would read outside it.
			if file != filepath.Base(file) || strings.ContainsAny(file, `/\`) || file == ".html" {
				return nil, bad("page %q is not a file name", file)
			}
			if first, dup := seen[file]; dup {
				return nil, bad("page %s already named on line %d", file, first)
			}
			seen[file] = n
			pages = append(pages, extractPage{File: file, Source: source})
		case strings.HasPrefix(line, "# ") || line == "#":
			// a comment
		case strings.HasPrefix(line, "+ ") || strings.HasPrefix(line, "- "):
			if len(pages) == 0 {
				return nil, bad("snippet before the first page")
			}
			s := spaceNorm(line[2:])
			if s == "" {
				return nil, bad("empty snippet")
			}
			p := &pages[len(pages)-1]
			if line[0] == '+' {
				p.Must = append(p.Must, s)
			} else {
				p.MustNot = append(p.MustNot, s)
			}
		default:
			return nil, bad(`want "# PAGE.html", "# source: NAME", "+ snippet" or "- snippet", got %q`, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return pages, nil
}

func TestParseExtractAnnotations(t *testing.T) {
	tests := []struct {
		name, in string
		want     []extractPage
		err      string // the error names the line
	}{
		{
			name: "sources, pages, comments and blank lines",
			in: "# a comment\n\n# source: a\n# p.html\n+ must  be  here\n- not this\r\n" +
				"# source: b\n# q.html\n- only\n",
			want: []extractPage{
				{File: "p.html", Source: "a", Must: []string{"must be here"}, MustNot: []string{"not this"}},
				{File: "q.html", Source: "b", MustNot: []string{"only"}},
			},
		},
		{name: "page without source", in: "# p.html\n+ x\n", want: []extractPage{{File: "p.html", Source: "unnamed", Must: []string{"x"}}}},
		{name: "snippet before page", in: "# source: a\n+ x\n", err: "a.txt:2: snippet before the first page"},
		{name: "empty snippet", in: "# p.html\n+   \n", err: "a.txt:2: empty snippet"},
		{name: "stray line", in: "# p.html\n+ x\nx y\n", err: `a.txt:3: want "# PAGE.html", "# source: NAME", "+ snippet" or "- snippet", got "x y"`},
		{name: "snippet without space", in: "# p.html\n+x\n", err: `a.txt:2: want`},
		{name: "page twice", in: "# p.html\n# q.html\n# p.html\n", err: "a.txt:3: page p.html already named on line 1"},
		{name: "page as path", in: "# ../p.html\n", err: `a.txt:1: page "../p.html" is not a file name`},
		{name: "source without name", in: "# source: \n", err: "a.txt:1: source without a name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseExtractAnnotations(strings.NewReader(tt.in), "a.txt")
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
					t.Fatalf("error %v, want one starting %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func FuzzParseExtractAnnotations(f *testing.F) {
	f.Add("# source: a\n# p.html\n+ x y\n- z\n")
	f.Add("# p.html\n+ \n")
	f.Fuzz(func(t *testing.T, in string) {
		pages, err := parseExtractAnnotations(strings.NewReader(in), "a.txt")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "a.txt:") {
				t.Fatalf("error without the file name: %v", err)
			}
			return
		}
		for _, p := range pages {
			if p.File != filepath.Base(p.File) {
				t.Fatalf("page %q escapes the pages folder", p.File)
			}
			for _, s := range append(append([]string{}, p.Must...), p.MustNot...) {
				if s == "" || s != spaceNorm(s) {
					t.Fatalf("snippet %q not normalised", s)
				}
			}
		}
	})
}

// TestExtractAnnotationsFile checks the committed snippet file without the pages: it parses, names
// the 127 pages of the five sources SOURCES.md lists, and every page has snippets that must appear.
func TestExtractAnnotationsFile(t *testing.T) {
	pages := readExtractAnnotations(t)
	perSource := map[string]int{}
	for _, p := range pages {
		perSource[p.Source]++
		if len(p.Must) == 0 {
			t.Errorf("%s: no snippet that must appear", p.File)
		}
		seen := map[string]bool{}
		for _, s := range append(append([]string{}, p.Must...), p.MustNot...) {
			if seen[s] {
				t.Errorf("%s: %q twice", p.File, s)
			}
			seen[s] = true
		}
	}
	want := map[string]int{
		"fundus-de": 85, "fundus-at-ch-lu-li": 21, "fundus-de-history": 18,
		"readeck-test-pages": 1, "goose3-tests": 1, "graby-tests": 1,
	}
	if fmt.Sprint(perSource) != fmt.Sprint(want) {
		t.Errorf("pages per source %v, want %v (as testdata/extract/SOURCES.md lists)", perSource, want)
	}
}
