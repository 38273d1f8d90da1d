package report

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strings"
)

//go:embed report.html.tmpl
var htmlSource string

// sortScript makes every table.sortable sortable by clicking a header; cells sort by their
// data-sort attribute, numerically when every value is a number. It marks each table it
// prepared with data-sortable="ready".
const sortScript = `
(function () {
  function key(row, col) {
    var c = row.cells[col];
    return c ? (c.getAttribute('data-sort') !== null ? c.getAttribute('data-sort') : c.textContent) : '';
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      th.setAttribute('tabindex', '0');
      th.setAttribute('role', 'button');
      var sort = function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var asc = th.getAttribute('aria-sort') !== 'ascending';
        var numeric = rows.every(function (r) { var k = key(r, col); return k === '' || !isNaN(parseFloat(k)); });
        rows.sort(function (a, b) {
          var x = key(a, col), y = key(b, col);
          var d = numeric ? (parseFloat(x || '0') - parseFloat(y || '0')) : x.localeCompare(y);
          return asc ? d : -d;
        });
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
        rows.forEach(function (r) { body.appendChild(r); });
      };
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) { if (e.key === 'Enter') { sort(); } });
    });
    table.setAttribute('data-sortable', 'ready');
  });
})();
`

// scriptHash is the CSP hash of sortScript: the page allows exactly this script and no other,
// so even an escaping bug could not run injected code.
var scriptHash = func() string {
	sum := sha256.Sum256([]byte(sortScript))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}()

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"diff":   diffHTML,
	"score":  func(v float64) string { return fmt.Sprintf("%.1f", v) },
	"score2": func(v float64) string { return fmt.Sprintf("%.2f", v) },
	"p":      func(v float64) string { return fmt.Sprintf("%.4f", v) },
	"sig":    func(v float64) bool { return v < 0.05 },
	"inc":    func(i int) int { return i + 1 },
	"seg": func(d htmlData, si, i int) Segment {
		return d.Systems[si].Segments[i]
	},
	"scoreOf": func(seg Segment, m string) float64 { return seg.Scores[m] },
	"signed":  func(d htmlData) orderedScores { return signedScores(d.Report, d.Systems[0].Corpus) },
	"flagged": countFlagged,
	"vis":     visibleHTML,
	"vtext":   visibleText,
	"qa":      qaSummary,
}).Parse(htmlSource))

// diffHTML renders diff spans as escaped HTML with <del> and <ins>; similar replaced words
// show the changed characters in <b>.
func diffHTML(spans []DiffSpan) template.HTML {
	var b strings.Builder
	esc := escapeVisible
	chars := func(cs []DiffSpan, keep DiffOp) {
		for _, c := range cs {
			switch c.Op {
			case Equal:
				b.WriteString(esc(c.Text))
			case keep:
				b.WriteString("<b>" + esc(c.Text) + "</b>")
			}
		}
	}
	for _, s := range spans {
		switch s.Op {
		case Equal:
			b.WriteString(esc(s.Text))
		case Delete:
			b.WriteString("<del>" + esc(s.Text) + "</del>")
		case Insert:
			b.WriteString("<ins>" + esc(s.Text) + "</ins>")
		case Replace:
			if s.Chars != nil {
				b.WriteString("<del class=\"chars\">")
				chars(s.Chars, Delete)
				b.WriteString("</del><ins class=\"chars\">")
				chars(s.Chars, Insert)
				b.WriteString("</ins>")
			} else {
				b.WriteString("<del>" + esc(s.Old) + "</del><ins>" + esc(s.Text) + "</ins>")
			}
		}
	}
	return template.HTML(b.String())
}

// HTMLOptions configures WriteHTML.
type HTMLOptions struct {
	Title string // page title (default "Translation quality report")
}

// WriteHTML writes the report as one self-contained HTML page (inline CSS and script, no
// external assets): the corpus table, a sortable per-segment table for each system with word
// diffs against the reference, sentence scores and QA flags, and, when comparing systems, the
// segments where they differ most. All text goes through html/template, so it is escaped, and
// control characters (C0 but tab and newline, DEL, C1, U+2028/2029, bidi controls, invalid
// UTF-8) are shown as visible markers rather than raw.
func WriteHTML(w io.Writer, r *Report, opt HTMLOptions) error {
	title := opt.Title
	if title == "" {
		title = "Translation quality report"
	}
	return htmlTemplate.Execute(w, htmlData{r, title, template.JS(sortScript), scriptHash})
}

// htmlData is what the page template sees.
type htmlData struct {
	*Report
	Title      string
	Script     template.JS
	ScriptHash string
}
