package document

import (
	"path/filepath"
	"regexp"
	"strings"
)

// MDX (.mdx: Astro's, Docusaurus' and react.dev's documentation) is Markdown with JavaScript:
// "import" and "export" statements, JSX components ("<Steps>", "<TabItem label="npm">") whose
// children are Markdown again, and expressions in braces ("{/* Kommentar */}",
// "title={post.frontmatter.title}"). Its statements, its component tags on lines of their own
// and its comments are kept as they are, never sent; the Markdown between component tags is read
// as Markdown (an HTML block would hold it to the next blank line), and, as in MDX, there is no
// indented code: text indented inside a component is a paragraph, a fence indented any depth a fence.

// isMDX says whether a document is MDX, by its name.
func isMDX(name string) bool {
	return strings.EqualFold(filepath.Ext(name), ".mdx")
}

// mdxESM is the first line of an import or export statement, at the document's top level.
var mdxESM = regexp.MustCompile(`^(import|export)[ \t{*]`)

// mdxTagLine is a line of nothing but JSX tags: "<Steps>", "</Fragment>", "<Badge text="Neu" />",
// "<PackageManagerTabs>", a fragment's "<>" and "</>".
var mdxTagLine = regexp.MustCompile(`^[ \t]*(?:(?:<[A-Za-z][\w.:-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|[^\s"'=<>{}]+))?|\s+\{[^{}]*\})*\s*/?>|</[A-Za-z][\w.:-]*\s*>|<>|</>)[ \t]*)+$`)

// mdxCommentEnd returns the line after an MDX comment ("{/* … */}") that line i starts with and
// that is all of its lines, or 0.
func (r *mdReader) mdxCommentEnd(i int, c string) int {
	if !strings.HasPrefix(strings.TrimLeft(c, " \t"), "{/*") {
		return 0
	}
	for j := i; j < len(r.lines) && j < i+mdMathLines; j++ {
		t := r.lines[j].text
		if k := strings.Index(t, "*/}"); k >= 0 {
			if strings.TrimSpace(t[k+3:]) != "" {
				return 0
			}
			return j + 1
		}
	}
	return 0
}

// mdxESMEnd returns the line after an import or export statement at line i: the next blank line.
func (r *mdReader) mdxESMEnd(i int) int {
	j := i
	for j < len(r.lines) && !blank(r.lines[j].text) {
		j++
	}
	return j
}
