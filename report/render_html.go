package report

import (
	_ "embed"
	"fmt"
	"html"
	"html/template"
	"io"
	"strings"

	"github.com/bitext/bitext/qa"
)

//go:embed report.html.tmpl
var htmlSource string

// htmlStyle is the page's only style sheet. The marks and kind labels are those of check's
// HTML page (qa's check.css), so a violation looks the same in check, report and review.
const htmlStyle = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5em auto; max-width: 1400px; padding: 0 1em; color: #1d1d1f; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { border-bottom: 1px solid #ddd; padding: .35em .5em; text-align: left; vertical-align: top; }
th { background: #f3f3f5; }
table.sortable th { cursor: pointer; user-select: none; }
th[aria-sort=ascending]::after { content: " ▲"; } th[aria-sort=descending]::after { content: " ▼"; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.src, td.ref { color: #555; } td.ref { font-size: .92em; }
del { background: #fde2e1; color: #8a1c14; text-decoration: line-through; }
ins { background: #dcf5e0; color: #0b5b1e; text-decoration: none; }
del + ins { margin-left: 2px; } del.chars, ins.chars { text-decoration: none; } del.chars b, ins.chars b { text-decoration: underline; }
.wdiff { display: none; }
body.show-diff .wdiff { display: block; }
body.show-diff .plain { display: none; }
[hidden] { display: none !important; }
tr.seg:focus { outline: none; }
tr.seg.current td { background: #eef4ff; }
tr.seg.current td:first-child { box-shadow: inset 3px 0 0 #2f6fd6; }
.controls { position: sticky; top: 0; z-index: 1; background: #fff; padding: .5em 0; border-bottom: 1px solid #ccc; display: flex; flex-wrap: wrap; gap: .9em; align-items: center; }
#shown { color: #555; margin-left: auto; }
kbd { font: .8em ui-monospace, monospace; border: 1px solid #bbb; border-radius: 3px; padding: 0 .3em; background: #f7f7f7; }
.worst button, .controls button { font: inherit; }
.worst button.goto { margin: 0 .2em .2em 0; }
ul.findings { margin: 0; padding-left: 1.1em; }
mark.term { background: #ffe08a; }
mark.found { background: #ffc2c2; text-decoration: underline wavy #c00; }
mark.found.inconsistent { background: #cfe3ff; text-decoration-color: #046; }
q.found { background: #ffc2c2; }
.kind { display: inline-block; min-width: 6.5em; font-size: .8em; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
.kind.missing { color: #a00; } .kind.forbidden { color: #b34700; } .kind.inconsistent { color: #046; }
.kind.number, .kind.untranslated, .kind.empty, .kind.repeated, .kind.length, .kind.glossary { color: #5a3d99; } .kind.alignment { color: #555; }
.legend dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em .8em; margin: .5em 0; }
.legend dd { margin: 0; }
.ctl { display: inline-block; padding: 0 .15em; margin: 0 1px; border: 1px solid #c33; border-radius: 3px; background: #fff0f0; color: #a00; font: .85em ui-monospace, monospace; }
.notice { padding: .4em .6em; background: #fff8e1; border-left: 3px solid #e0a800; }
.sig { font-weight: 600; } .muted { color: #777; }
code { font-size: .9em; background: #f3f3f5; padding: .1em .3em; border-radius: 3px; }
`

// htmlScript is the page's only script. It makes every table.sortable sortable by clicking a
// header (cells sort by their data-sort attribute, numerically when every value is a number;
// a prepared table gets data-sortable="ready"), toggles between the plain hypotheses and the
// word diffs, filters the segment rows (flagged only, by kind of finding), and jumps to the
// worst segments in rank order. Keys: d diff, f flagged only, w next worst, j/k next/previous
// segment. The page works without it, showing the plain outputs and every segment.
const htmlScript = `
(function () {
  "use strict";
  function key(row, col) {
    var c = row.cells[col];
    return c ? (c.getAttribute("data-sort") !== null ? c.getAttribute("data-sort") : c.textContent) : "";
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      th.setAttribute("tabindex", "0");
      th.setAttribute("role", "button");
      var sort = function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var asc = th.getAttribute("aria-sort") !== "ascending";
        var numeric = rows.every(function (r) { var k = key(r, col); return k === "" || !isNaN(parseFloat(k)); });
        rows.sort(function (a, b) {
          var x = key(a, col), y = key(b, col);
          var d = numeric ? (parseFloat(x || "0") - parseFloat(y || "0")) : x.localeCompare(y);
          return asc ? d : -d;
        });
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        rows.forEach(function (r) { body.appendChild(r); });
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sort(); } });
    });
    table.setAttribute("data-sortable", "ready");
  });

  var diff = document.getElementById("t-diff"), flagged = document.getElementById("f-flagged");
  var kind = document.getElementById("f-kind"), shown = document.getElementById("shown");
  var jump = document.getElementById("jump-worst");
  if (!flagged) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.seg"));
  function setDiff() { document.body.classList.toggle("show-diff", !!(diff && diff.checked)); }
  function apply() {
    var fo = flagged.checked, k = kind.value, n = 0;
    rows.forEach(function (r) {
      var ok = (!fo || r.getAttribute("data-flags") !== "0") &&
        (!k || (" " + r.getAttribute("data-kinds") + " ").indexOf(" " + k + " ") >= 0);
      r.hidden = !ok;
      if (ok) { n++; }
    });
    shown.textContent = n + " of " + rows.length + " segment rows shown";
  }
  // ranked[system] lists the system's ranked rows, worst first.
  var ranked = {};
  rows.forEach(function (r) {
    var s = r.getAttribute("data-sys");
    if (r.getAttribute("data-rank") !== "0") { (ranked[s] = ranked[s] || []).push(r); }
  });
  Object.keys(ranked).forEach(function (s) {
    ranked[s].sort(function (a, b) { return Number(a.getAttribute("data-rank")) - Number(b.getAttribute("data-rank")); });
  });
  var cur = null, sys = rows.length ? rows[0].getAttribute("data-sys") : "0";
  function go(row) {
    if (!row) { return; }
    if (row.hidden) { // a jump target hidden by a filter: show every segment again
      flagged.checked = false; kind.value = ""; apply();
    }
    if (cur) { cur.classList.remove("current"); }
    cur = row; sys = row.getAttribute("data-sys");
    row.classList.add("current");
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "center" });
  }
  // nextWorst goes to the worst visible segment after the current one in the current
  // system's ranking, starting over after the last.
  function nextWorst() {
    var list = ranked[sys] || [];
    var from = cur && cur.getAttribute("data-sys") === sys ? Number(cur.getAttribute("data-rank")) : 0;
    for (var i = 0; i < list.length; i++) {
      var r = list[(from + i) % list.length];
      if (!r.hidden) { go(r); return; }
    }
    if (list.length) { go(list[from % list.length]); }
  }
  function step(d) {
    var vis = rows.filter(function (r) { return !r.hidden; });
    if (!vis.length) { return; }
    var at = cur ? vis.indexOf(cur) : -1;
    go(vis[at < 0 ? 0 : Math.min(vis.length - 1, Math.max(0, at + d))]);
  }
  if (diff) { diff.addEventListener("change", setDiff); }
  flagged.addEventListener("change", apply);
  kind.addEventListener("change", apply);
  if (jump) { jump.addEventListener("click", nextWorst); }
  document.querySelectorAll("button.goto").forEach(function (b) {
    b.addEventListener("click", function () { go(document.getElementById(b.getAttribute("data-target"))); });
  });
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var t = e.target && e.target.tagName;
    if (t === "SELECT" || t === "TEXTAREA" || (t === "INPUT" && e.target.type !== "checkbox")) { return; }
    switch (e.key) {
    case "d": if (diff && !diff.disabled) { diff.checked = !diff.checked; setDiff(); } break;
    case "f": flagged.checked = !flagged.checked; apply(); break;
    case "w": nextWorst(); break;
    case "j": step(1); break;
    case "k": step(-1); break;
    default: return;
    }
    e.preventDefault();
  });
  setDiff();
  apply();
})();
`

// htmlCSP allows the page's own inline style and script and nothing else: no network, no
// other scripts or styles, no forms, so even an escaping bug could not run injected code and a
// report opened from disk cannot leak anything.
var htmlCSP = fmt.Sprintf("default-src 'none'; style-src %s; script-src %s; base-uri 'none'; form-action 'none'",
	qa.CSPHash(htmlStyle), qa.CSPHash(htmlScript))

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"diff":   diffHTML,
	"score":  func(v float64) string { return fmt.Sprintf("%.1f", v) },
	"score2": func(v float64) string { return fmt.Sprintf("%.2f", v) },
	"p":      func(v float64) string { return fmt.Sprintf("%.4f", v) },
	"sig":    func(v float64) bool { return v < 0.05 },
	"inc":    func(i int) int { return i + 1 },
	"seg": func(d htmlData, si, i int) htmlSegment {
		return d.Sys[si].Segments[d.Sys[si].byPos[i]]
	},
	// sscore is a sentence score, also when Build kept the scores compactly (DetailsWorst).
	"sscore":  func(d htmlData, si, i int, m string) float64 { return d.Report.segScore(si, i, m) },
	"signed":  func(d htmlData) orderedScores { return signedScores(d.Report, d.Systems[0].Corpus) },
	"flagged": countFlagged,
	"vis":     visibleHTML,
	"vtext":   visibleText,
	"qa":      qaSummary,
	"pieces":  piecesHTML,
	// rankKey sorts unranked segments after every ranked one.
	"rankKey": func(rank int) int {
		if rank == 0 {
			return 1 << 30
		}
		return rank
	},
}).Parse(htmlSource))

// piecesHTML renders highlighted text (qa.Highlight's pieces) as escaped HTML, each marked
// piece in a <mark> of its class, control characters shown as markers.
func piecesHTML(ps []qa.Piece) template.HTML {
	var b strings.Builder
	for _, p := range ps {
		if p.Class == "" {
			b.WriteString(escapeVisible(p.Text))
			continue
		}
		b.WriteString(`<mark class="` + html.EscapeString(p.Class) + `">` + escapeVisible(p.Text) + "</mark>")
	}
	return template.HTML(b.String())
}

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
	// MaxSegments is how many segments of each system the page shows at most: past it, the
	// worst ones (and those where the systems differ most), in document order, and a note
	// says so. 0 shows every segment: a page of 100,000 segments is some 100 MB that a browser
	// takes minutes to open.
	MaxSegments int
}

// WriteHTML writes the report as one self-contained HTML page (inline CSS and script allowed
// by their hashes in a Content-Security-Policy, no external assets): the corpus table, and for
// each system a sortable table of its segments showing source, reference and the system's
// plain output, with a toggle to show the word diff against the reference instead, a
// "flagged only" and a kind filter, and a jump list of the worst segments by the sentence
// score; when comparing systems, the segments where they differ most. Glossary and QA
// findings are shown as qa.Violations, the way check and review show them: the term
// highlighted in the source, the wrong rendering in the output. All text goes through
// html/template, so it is escaped, and control characters (C0 but tab and newline, DEL, C1,
// U+2028/2029, bidi controls, invalid UTF-8) are shown as visible markers rather than raw.
func WriteHTML(w io.Writer, r *Report, opt HTMLOptions) error {
	title := opt.Title
	if title == "" {
		title = "Translation quality report"
	}
	sys, shown, err := htmlSystems(r, opt.MaxSegments)
	if err != nil {
		return err
	}
	return htmlTemplate.Execute(w, htmlData{
		Report: r, Title: title, CSP: htmlCSP, Shown: shown,
		Style: template.CSS(htmlStyle), Script: template.JS(htmlScript),
		Sys: sys, Kinds: kindsPresent(sys), Legend: qa.Legend,
	})
}

// htmlData is what the page template sees.
type htmlData struct {
	*Report
	Title  string
	CSP    string
	Style  template.CSS
	Script template.JS
	Sys    []htmlSystem
	Kinds  []string // the finding kinds present, for the kind filter
	Shown  string   // how many segments the page shows, when not all
	Legend []qa.KindInfo
}
