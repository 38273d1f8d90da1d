package segment

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Preformatted text in a page — a <pre>, a block of code (<pre><code class="language-go">,
// mdBook's <pre><pre class="playground"><code>) or a <code> standing as a block of its own — is
// read as one Preformatted block, Kept: shown, never sent, its text as the page has it, line
// breaks and indentation included, so that a page rebuilt from its main text (translate
// --main-only) has its code samples where they were. The walker used to drop every <pre> as
// "not prose", and a technical page came back without its code.
//
// The extractors hand back trees of their own: go-trafilatura's runs a plain <pre>'s lines
// together and has no attributes (a code block's language class is gone), go-readability's
// drops classes. The page's own blocks, walked on the page, have both; withPageForms gives the
// extractor's kept blocks the page's form.

// codeFence opens a Markdown fenced code block; a Preformatted block of code carries it, with
// the code's language, as its Marker.
const codeFence = "```"

// preformatted ends the current block and adds n, a <pre> or a <code> standing as a block, as a
// Preformatted block (in pieces of at most maxLine bytes, cut at line ends).
func (w *htmlWalker) preformatted(n *html.Node) {
	w.flush()
	text := preText(n)
	if strings.TrimSpace(text) == "" {
		return
	}
	b := rawBlock{Kind: Preformatted, kept: true, lang: langOf(n)}
	if code := codeIn(n); code != nil {
		b.Marker = codeFence + codeLanguage(code, n)
	}
	for _, piece := range linePieces(text, maxLine) {
		b.Text = piece
		w.out = append(w.out, b)
	}
}

// preText returns the text of n as the page shows it: every text below n, a <br> a line break,
// without the walker's marks. Nothing is trimmed: the HTML parser already dropped the line
// break that may follow <pre>, as browsers do.
func preText(n *html.Node) string {
	var b strings.Builder
	walkNodes(n, 200, func(c *html.Node) bool {
		switch c.Type {
		case html.TextNode:
			b.WriteString(unmarked(c.Data))
		case html.ElementNode:
			a := walkerAtom(c)
			if a == atom.Br {
				b.WriteByte('\n')
			}
			return !neverText[a]
		}
		return true
	})
	return b.String()
}

// codeIn returns the <code> element that holds all of n's text (n itself when it is one, or the
// one element inside n, through nested <pre> elements as mdBook writes them), nil when n is
// preformatted text that is not code.
func codeIn(n *html.Node) *html.Node {
	for range 8 {
		if walkerAtom(n) == atom.Code {
			return n
		}
		var only *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.ElementNode && only == nil:
				only = c
			case c.Type == html.ElementNode, c.Type == html.TextNode && strings.TrimSpace(unmarked(c.Data)) != "":
				return nil
			}
		}
		if only == nil {
			return nil
		}
		if a := walkerAtom(only); a != atom.Code && a != atom.Pre {
			return nil
		}
		n = only
	}
	return nil
}

// codeLanguage returns the language a code block's class names (highlight.js, Prism, CommonMark
// renderers: "language-rust", also "lang-rust"), looked for on the <code> and then on the
// elements up to pre, "" when none does.
func codeLanguage(code, pre *html.Node) string {
	for n := code; n != nil; n = n.Parent {
		for _, a := range n.Attr {
			if a.Key != "class" {
				continue
			}
			for _, c := range strings.Fields(a.Val) {
				for _, prefix := range []string{"language-", "lang-"} {
					if l, ok := strings.CutPrefix(c, prefix); ok && infoWord(l) {
						return l
					}
				}
			}
		}
		if n == pre {
			break
		}
	}
	return ""
}

// infoWord reports a language name that a Markdown info string and a class can carry as it is:
// letters, digits and + # . _ - ("c++", "c#", "objective-c").
func infoWord(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case strings.ContainsRune("+#._-", r):
		default:
			return false
		}
	}
	return true
}

// codeBlock reports whether n, a <code>, stands as a block of its own: a child of a container
// (<div>, <section>, <body> …, as go-trafilatura's tree holds a code block it took from a
// <pre>), with no text of a block before it (a block is begun by its first text), and of more
// than one line. A <code> inside a paragraph, or of one line, is inline code, a piece of its
// block.
func (w *htmlWalker) codeBlock(n *html.Node) bool {
	if w.inCode > 0 || w.cur != nil || n.Parent == nil || n.Parent.Type != html.ElementNode {
		return false
	}
	switch walkerAtom(n.Parent) {
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Body, atom.Figure, atom.Center:
	default:
		return false
	}
	return strings.Contains(strings.TrimSpace(preText(n)), "\n")
}

// linePieces cuts text into pieces of at most max bytes, each ending at a line break where one
// is found (a preformatted text longer than a block may be: a log pasted into a page), so that
// the pieces joined are text.
func linePieces(text string, max int) []string {
	var out []string
	for len(text) > max {
		cut := strings.LastIndexByte(text[:max], '\n') + 1
		if cut == 0 {
			cut = max
			for cut > 0 && !isRuneStart(text[cut]) {
				cut--
			}
		}
		out = append(out, text[:cut])
		text = text[cut:]
	}
	return append(out, text)
}

func isRuneStart(c byte) bool { return c&0xC0 != 0x80 }

// langOf returns the language the page says n's text is in: the lang (or xml:lang) of the
// nearest element around it that gives one, below <body> (lang on <html>, <head> and <body>
// says nothing of a kept text, as HTMLMark reads it); "" when none does.
func langOf(n *html.Node) string {
	for p := n; p != nil; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		switch walkerAtom(p) {
		case atom.Html, atom.Head, atom.Body:
			return ""
		}
		for _, a := range p.Attr {
			if k := strings.ToLower(a.Key); k == "lang" || k == "xml:lang" {
				if v := strings.TrimSpace(a.Val); v != "" {
					return v
				}
			}
		}
	}
	return ""
}

// withPageForms gives the kept blocks of an extractor's content (the extractor's tree walked)
// the form the page gives them (full, the page walked): a paragraph of code or a <pre> whose
// words are a Preformatted block of the page becomes that block (its lines, its language), and a
// kept block takes the page's language of its text. Blocks of the same words are matched in
// order.
func withPageForms(content, full []rawBlock) []rawBlock {
	var forms map[string][]int // the words of a page's block with a form to give: its indexes in full
	for i, b := range full {
		if b.kept && (b.Kind == Preformatted || b.lang != "") {
			if forms == nil {
				forms = map[string][]int{}
			}
			k := strings.Join(strings.Fields(b.Text), " ")
			forms[k] = append(forms[k], i)
		}
	}
	if forms == nil {
		return content
	}
	used := map[string]int{}
	for i := range content {
		b := &content[i]
		if !b.kept {
			continue
		}
		k := strings.Join(strings.Fields(b.Text), " ")
		at := forms[k]
		if len(at) == 0 {
			continue
		}
		f := full[at[min(used[k], len(at)-1)]]
		used[k]++
		if f.Kind == Preformatted && (b.Kind == Paragraph || b.Kind == Preformatted) {
			b.Kind, b.Level, b.Marker, b.Text, b.code = Preformatted, 0, f.Marker, f.Text, nil
		}
		b.lang = f.lang
	}
	return content
}
