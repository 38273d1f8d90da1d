package document

import "strings"

// htmlFrontMatterEnd is the length in bytes of the YAML (---) or TOML (+++) front matter a page
// starts with, 0 when it has none. Jekyll and Hugo read front matter in any file of a site, HTML
// pages included (opensource.guide's _articles/de/index.html is front matter only): read as
// HTML, its lines were one text, sent as one sentence and written back on one line, which the
// site generator no longer takes for front matter.
func htmlFrontMatterEnd(src string) int {
	if !strings.HasPrefix(strings.TrimPrefix(src, "\ufeff"), "---") && !strings.HasPrefix(strings.TrimPrefix(src, "\ufeff"), "+++") {
		return 0
	}
	lines := splitLines(src)
	end := frontMatterEnd(lines)
	if end < 0 {
		return 0
	}
	return lines[end].off + len(lines[end].full)
}

// readHTMLFrontMatter reads the front matter of src[:end] as Markdown's is read (the chosen
// keys' values translated, the rest kept byte for byte).
func readHTMLFrontMatter(d *Doc, src string, end int, name string, opt Options) {
	fm := src[:end]
	r := &mdReader{d: d, src: fm, name: name, lines: splitLines(fm), opt: opt}
	r.frontMatter()
}
