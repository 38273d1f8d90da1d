package document

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// MarkdownToHTML writes md, a whole Markdown document (CommonMark with GitHub's tables,
// strikethrough, task lists and autolinks, and footnotes), as a standalone HTML page in
// language lang, titled by its first heading. A translated Markdown file converted this way
// keeps what it says in markup: links, emphasis, code, tables, images, quotations and notes
// (converting it through its sentences kept only the text). Headings have ids, for in-page
// links: an explicit one ("## Geschichte {#geschichte}") as written, others made of their words
// as GitHub and Hugo make them (headingIDs). Front matter (YAML or TOML) is metadata for a site
// generator, not text of the page, and is left out.
//
// Inline HTML of the document is passed through, as a Markdown processor does: it is the
// author's markup. Translated text cannot add any, since Write escapes what a translation
// writes that Markdown would read as markup.
//
// The page is written as the Markdown file was: with its line ending (a CRLF file's page is
// CRLF throughout, not its code blocks' lines alone) and its UTF-8 byte-order mark, which is
// no text of the first block (goldmark would read "\ufeff# Titel" as a paragraph).
func MarkdownToHTML(w io.Writer, md []byte, lang string) error {
	bom := bytes.HasPrefix(md, utf8BOM)
	md = bytes.TrimPrefix(md, utf8BOM)
	eol := lineEnding(string(md[:min(len(md), 1<<16)]))
	md = stripFrontMatter(md)
	gm := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		// Headings get ids, so that in-page links ("[Adressen](#adressen)") lead somewhere: an
		// explicit one ("## Geschichte {#geschichte}", as Hugo and kramdown write it) or one
		// made of the heading's words.
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
		goldmark.WithRendererOptions(gmhtml.WithUnsafe()),
	)
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	root := gm.Parser().Parse(text.NewReader(md), parser.WithContext(ctx))
	var body bytes.Buffer
	if err := gm.Renderer().Render(&body, md, root); err != nil {
		return fmt.Errorf("converting Markdown to HTML: %w", err)
	}
	if lang == "" {
		lang = "en"
	}
	var out bytes.Buffer
	if bom {
		out.Write(utf8BOM)
	}
	fmt.Fprintf(&out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", html.EscapeString(lang))
	if t := firstHeading(root, md); t != "" {
		fmt.Fprintf(&out, "<title>%s</title>\n", html.EscapeString(t))
	}
	out.WriteString("</head>\n<body>\n")
	out.Write(body.Bytes())
	out.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, withLineEnding(out.String(), eol))
	return err
}

// firstHeading returns the plain text of the document's first heading, or "".
func firstHeading(root ast.Node, src []byte) string {
	var title string
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if _, ok := n.(*ast.Heading); ok {
			title = strings.Join(strings.Fields(plainText(n, src)), " ")
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return title
}

// plainText is the text of n's inline content, without markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			// As the renderer writes it: backslash escapes and character references resolved.
			v := t.Segment.Value(src)
			if !t.IsRaw() {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			b.Write(v)
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			for k := c.FirstChild(); k != nil; k = k.NextSibling() {
				if s, ok := k.(*ast.Text); ok {
					b.Write(s.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// stripFrontMatter returns md without a leading YAML (---) or TOML (+++) front matter block
// (as the Markdown reader finds it: frontMatterEnd), and the blank lines after it.
func stripFrontMatter(md []byte) []byte {
	lines := splitLines(string(md))
	end := frontMatterEnd(lines)
	if end < 0 {
		return md
	}
	return bytes.TrimLeft(md[lines[end].off+len(lines[end].full):], "\r\n")
}
