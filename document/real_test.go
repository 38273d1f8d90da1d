package document

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/bitext/bitext/internal/fixtures"
)

// Real pages and files from public repositories (not committed; see the SOURCES.md of each
// fixture folder): the identity round trip is byte-identical but for lang, a legal reordering
// keeps every element, and broken tags leave a valid document with the breakage reported.

func TestRealHTMLPages(t *testing.T) {
	dir := fixtures.Dir(t, "extract/pages", "BR_2024_04_22.html")
	pages, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(pages) < 10 {
		t.Fatalf("%d pages, want at least 10", len(pages))
	}
	segs, codes := 0, 0
	for _, p := range pages {
		d, data := readFile(t, p, Options{})
		segs += len(d.Segments)
		for _, s := range d.Segments {
			codes += len(s.Codes)
		}
		out, probs := write(t, d, d.Identity(), "")
		// A page whose bytes beyond ASCII are UTF-8 under another declared charset is written
		// declaring UTF-8 (its browser showed mojibake): only that label may change.
		if !sameButCharset(string(data), out) || len(probs) > 0 {
			t.Errorf("%s: identity round trip differs", filepath.Base(p))
			continue
		}
		en, _ := write(t, d, d.Identity(), "en")
		if !sameButLang(out, en) {
			t.Errorf("%s: with lang en, more than lang changed", filepath.Base(p))
		}
		before := startTags(string(data))
		if out, probs := write(t, d, translateAll(d, reorder), "en"); len(probs) > 0 || !equalCounts(before, startTags(out)) {
			t.Errorf("%s: reordering: %d problems, elements equal: %v", filepath.Base(p), len(probs), equalCounts(before, startTags(out)))
		}
		out, probs = write(t, d, translateAll(d, breakTags), "en")
		if !equalCounts(before, startTags(out)) {
			t.Errorf("%s: broken tags changed the page's elements", filepath.Base(p))
		}
		broken := 0
		for _, s := range d.Segments {
			if len(s.Codes) > 0 {
				broken++
			}
		}
		if len(probs) != broken {
			t.Errorf("%s: %d problems reported, %d segments broken", filepath.Base(p), len(probs), broken)
		}
	}
	t.Logf("%d pages, %d segments, %d inline codes", len(pages), segs, codes)
}

// sameButLang reports whether b is a with only lang attribute values changed.
func sameButLang(a, b string) bool {
	return langRe.ReplaceAllString(a, "lang=X") == langRe.ReplaceAllString(b, "lang=X")
}

// langRe matches a lang attribute's value and the Content-Language and og:locale metas', all of which follow
// the target language.
var langRe = regexp.MustCompile(`lang=("[^"]*"|'[^']*'|[^\s>]+)|(?i)(content-language|og:locale)["']?\s+content=("[^"]*"|'[^']*')|(?i)content=("[^"]*"|'[^']*')\s+property=["']og:locale`)

// sameButCharset reports whether out is in, or in with its declared charsets rewritten to UTF-8.
func sameButCharset(in, out string) bool {
	return out == in || charsetRe.ReplaceAllString(in, "${1}X") == charsetRe.ReplaceAllString(out, "${1}X") &&
		strings.Contains(strings.ToLower(out), "charset=utf-8")
}

var charsetRe = regexp.MustCompile(`(?i)(charset=["']?)[A-Za-z0-9_:.-]+`)

func TestRealMarkdown(t *testing.T) {
	dir := fixtures.Dir(t, "document/markdown", "1coderookie-github-cheat-sheet.de.md")
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(files) < 5 {
		t.Fatalf("%d files, want at least 5", len(files))
	}
	for _, f := range files {
		d, data := readFile(t, f, Options{})
		out, probs := write(t, d, d.Identity(), "en")
		if out != string(data) || len(probs) > 0 {
			t.Errorf("%s: identity round trip differs", filepath.Base(f))
		}
		for _, s := range d.Segments {
			if strings.Contains(s.Text, "```") {
				t.Errorf("%s: a code fence was sent: %q", filepath.Base(f), s.Text)
			}
		}
		for i, fake := range []func(string) string{reorder, breakTags} {
			out, _ = write(t, d, translateAll(d, fake), "en")
			for _, mark := range []string{"](", "```", "!["} {
				if a, b := strings.Count(string(data), mark), strings.Count(out, mark); a != b {
					t.Errorf("%s: %q %d times, want %d", filepath.Base(f), mark, b, a)
				}
			}
			// Emphasis is counted as a CommonMark reader reads it, not as "**" in the bytes: a
			// "**" that is no emphasis in the source ("⚠️**Beachten!!!**Wir", whose second run
			// cannot close) is text, and text is written escaped ("\*\*"), showing the same.
			// breakTags's emphasis that lost its words is left out (placed safely).
			if a, b := emphasisSpans(string(data)), emphasisSpans(out); i == 0 && a != b {
				t.Errorf("%s: emphasis, strong and strikethrough spans %v after the fake translation, want %v", filepath.Base(f), b, a)
			}
		}
	}
}

// emphasisSpans counts the emphasis, strong and strikethrough spans goldmark (GFM) reads in a
// Markdown document.
func emphasisSpans(src string) (n [3]int) {
	b := []byte(src)
	root := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(b))
	_ = ast.Walk(root, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		switch v := c.(type) {
		case *ast.Emphasis:
			if entering {
				n[v.Level-1]++
			}
		case *east.Strikethrough:
			if entering {
				n[2]++
			}
		}
		return ast.WalkContinue, nil
	})
	return n
}

func TestRealXLIFF(t *testing.T) {
	dir := fixtures.Dir(t, "interop/xliff", "okapi-omegatpack-test01.properties.xlf")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlf"))
	valid := map[string]bool{"okapi-Manual-12-AltTrans.xlf": true, "okapi-omegatpack-test01.odt.xlf": true, "okapi-omegatpack-test01.properties.xlf": true}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		d, err := Read(strings.NewReader(string(data)), f, Options{})
		var ie *InputError
		if errors.As(err, &ie) && (strings.Contains(err.Error(), "UTF-8") || strings.Contains(err.Error(), "encoding")) {
			t.Logf("%s: refused as it should be: %v", filepath.Base(f), err)
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		out, _ := write(t, d, translateAll(d, upper), "en")
		if _, err := Read(strings.NewReader(out), f, Options{}); err != nil {
			t.Errorf("%s: the output does not read back: %v", filepath.Base(f), err)
		}
		// Only files that validate as given can be asked to validate when filled.
		if valid[filepath.Base(f)] {
			validateXLIFF(t, filepath.Base(f), out)
		}
		t.Logf("%s: %d units filled", filepath.Base(f), len(d.Segments))
	}
}
