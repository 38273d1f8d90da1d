package segment

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"strings"
)

// Render writes blocks in a format, keeping their structure: text (blocks separated by blank
// lines), Markdown (# headings, list markers) or HTML (a minimal self-contained document with
// h1-h6, p and ul/ol+li; all text escaped). title is used for the HTML <title>.
func Render(w io.Writer, f Format, title string, blocks []Block) error {
	bw := bufio.NewWriter(w)
	switch f {
	case HTML:
		renderHTML(bw, title, blocks)
	case Markdown:
		for i, b := range blocks {
			if i > 0 {
				bw.WriteString("\n")
			}
			switch b.Kind {
			case Heading:
				fmt.Fprintf(bw, "%s %s\n", strings.Repeat("#", max(1, min(b.Level, 6))), b.Text)
			default:
				bw.WriteString(b.Text + "\n")
			}
		}
	default:
		for i, b := range blocks {
			if i > 0 {
				bw.WriteString("\n")
			}
			bw.WriteString(b.Text + "\n")
		}
	}
	return bw.Flush()
}

func renderHTML(bw *bufio.Writer, title string, blocks []Block) {
	bw.WriteString("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + html.EscapeString(title) + "</title>\n</head>\n<body>\n")
	for _, b := range blocks {
		switch b.Kind {
		case Heading:
			l := max(1, min(b.Level, 6))
			fmt.Fprintf(bw, "<h%d>%s</h%d>\n", l, html.EscapeString(b.Text), l)
		default:
			fmt.Fprintf(bw, "<p>%s</p>\n", html.EscapeString(b.Text))
		}
	}
	bw.WriteString("</body>\n</html>\n")
}
