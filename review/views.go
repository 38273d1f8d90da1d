package review

import (
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"strconv"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/qa"
	"github.com/bitext/bitext/report"
)

//go:embed assets
var assets embed.FS

var (
	appJS  = mustRead("assets/app.js")
	appCSS = mustRead("assets/app.css")
	pages  = template.Must(template.New("").Funcs(template.FuncMap{
		"vis": qa.MarkControls, // as check's HTML report shows them
		"conf": func(c float64) string {
			if c < 0 {
				return ""
			}
			return strconv.FormatFloat(c, 'f', 2, 64)
		},
	}).ParseFS(assets, "assets/*.html"))
)

func mustRead(name string) string {
	b, err := assets.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

type kindOption struct {
	Kind     string
	N        int
	Selected bool
}

type hidden struct{ Name, Value string }

// Page is the data every page template gets: the counts, the filter, the CSRF token. It is
// exported only because templates reach it as an embedded field.
type Page struct {
	CSRF   string
	Filter queueFilter
	Hidden []hidden // the filter as form fields, so a decision keeps the queue's filter
	Counts queueCounts
	Kinds  []kindOption
	Queue  template.URL // the queue with the current filter
}

func (s *Server) page(f queueFilter) Page {
	c := Page{CSRF: s.csrf, Filter: f, Counts: s.counts()}
	for k, vs := range f.query() {
		c.Hidden = append(c.Hidden, hidden{k, vs[0]})
	}
	for _, k := range qa.Kinds {
		if n := c.Counts.ByKind[k]; n > 0 || f.Kind == k {
			c.Kinds = append(c.Kinds, kindOption{k, n, f.Kind == k})
		}
	}
	c.Queue = template.URL("/?" + f.query().Encode())
	return c
}

type row struct {
	ID         int
	URL        template.URL
	Label      string
	Status     string
	Confidence float64
	Src, Tgt   []qa.Piece
	Violations []qa.Violation
}

// finishedPage is the answer to the Finish button: what the review leaves, and that the server
// is gone.
type finishedPage struct {
	Stats
	Files   []string // the output files (a Moses output is two)
	Journal string
	TM      bool
}

type queuePage struct {
	Page
	Rows               []row
	Total, From, To    int
	PrevPage, NextPage template.URL
}

func (s *Server) handleQueue(w http.ResponseWriter, r *http.Request) {
	f := parseFilter(r.URL.Query())
	page := 0
	if v := r.URL.Query().Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			http.Error(w, fmt.Sprintf("bad page number %q", v), http.StatusBadRequest)
			return
		}
		page = n
	}
	size := s.opt.PageSize
	if n, err := strconv.Atoi(r.URL.Query().Get("per")); err == nil && n > 0 {
		size = min(n, 10_000) // ?per=N shows more rows on one page (the 10,000-row benchmark)
	}
	p, page := s.queuePage(f, page, size)
	pageURL := func(n int) template.URL {
		v := f.query()
		if n > 0 {
			v.Set("page", strconv.Itoa(n))
		}
		return template.URL("/?" + v.Encode())
	}
	if page > 0 {
		p.PrevPage = pageURL(page - 1)
	}
	if p.To < p.Total {
		p.NextPage = pageURL(page + 1)
	}
	render(w, http.StatusOK, "queue.html", p)
}

// queuePage is page number page (0-based) of f's queue, size rows a page, and the page shown:
// one past the end (an old link after decisions emptied the queue, or any huge number) shows
// the last page. The page is compared before it is multiplied, so no number overflows.
func (s *Server) queuePage(f queueFilter, page, size int) (queuePage, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.queue(f)
	p := queuePage{Page: s.page(f), Total: len(q)}
	if last := max(len(q)-1, 0) / size; page > last {
		page = last
	}
	p.From = page * size
	p.To = min(p.From+size, len(q))
	fq := f.query()
	for _, i := range q[p.From:p.To] {
		e := &s.entries[i]
		p.Rows = append(p.Rows, row{
			ID: i + 1, URL: template.URL(segURL(i, fq)), Label: e.Label, Status: e.Status, Confidence: e.Confidence,
			Src: qa.Highlight(e.Pair.Source, qa.SourceSpans(e.Violations)), Tgt: qa.Highlight(e.Target, qa.TargetSpans(e.Violations)),
			Violations: e.Violations,
		})
	}
	return p, page
}

type segmentPage struct {
	Page
	ID                  int
	Label, Doc, Status  string
	Reviewer, When      string
	Confidence          float64
	Src, Tgt            []shownPiece
	MT, Reference       string // MT: the translation under review, with its codes as tokens
	Value               string // the text area: the suggestion, or the current translation
	Suggested           bool
	Violations          []qa.Violation
	Diff                []report.DiffSpan // MT → current translation
	Pos, Total          int               // place in the filtered queue (0 when not in it)
	Prev, Next          template.URL
	Action, Retranslate template.URL
	CanRetranslate      bool
	Version             int    // of the segment shown, sent back with a decision
	Conflict            bool   // a decision was refused: the page the reviewer had was stale
	Unsaved             string // the text of the refused decision, so that it is not lost
	// Coded says the segment has inline codes, shown as tokens; Codes lists them for the
	// page's script ("1 2/": paired 1, standalone 2), MTCodes those of the translation under
	// review.
	Coded          bool
	Codes, MTCodes string
	Refused        string   // why the decision posted was not saved (its tokens); its text is in the box
	Dropped        []string // codes of the translation under review the current one lacks
	Missing        []string // codes of the source the current translation lacks
}

func (s *Server) handleSegment(w http.ResponseWriter, r *http.Request) {
	i, ok := s.segmentID(w, r)
	if !ok {
		return
	}
	render(w, http.StatusOK, "segment.html", s.segmentPage(i, parseFilter(r.URL.Query())))
}

// refused answers a decision whose tokens are not the segment's codes with the segment page,
// the reviewer's text still in the box and the problem above it: nothing was saved.
func (s *Server) refused(w http.ResponseWriter, i int, f queueFilter, text string, err *TokenError) {
	p := s.segmentPage(i, f)
	p.Value, p.Suggested = text, false
	p.Refused = fmt.Sprintf("at character %d: %s", err.At, err.Problem)
	render(w, http.StatusUnprocessableEntity, "segment.html", p)
}

// conflict answers a decision made on a stale page with 409 and the segment as it is now:
// its current translation in the text box and the refused text shown beside it.
func (s *Server) conflict(w http.ResponseWriter, i int, f queueFilter, unsaved string) {
	p := s.segmentPage(i, f)
	p.Conflict, p.Unsaved = true, unsaved
	render(w, http.StatusConflict, "segment.html", p)
}

// segmentPage is the page of segment i, with links to its neighbours in f's queue.
func (s *Server) segmentPage(i int, f queueFilter) segmentPage {
	fq := f.query()
	s.mu.Lock()
	defer s.mu.Unlock()
	e := &s.entries[i]
	p := segmentPage{
		Page: s.page(f), ID: i + 1, Label: e.Label, Doc: e.Doc, Status: e.Status, Reviewer: e.Reviewer,
		Confidence: e.Confidence, MT: e.Pair.Target, Reference: e.Reference, Value: e.shown(), Violations: e.Violations,
		Src:    withCodes(e.Pair.Source, qa.SourceSpans(e.Violations), e.Pair.SourceTagged, s.codeTitle(e)),
		Tgt:    withCodes(e.Target, qa.TargetSpans(e.Violations), e.Tagged, s.codeTitle(e)),
		Action: template.URL(segURL(i, fq)), Retranslate: template.URL(fmt.Sprintf("/seg/%d/retranslate", i+1)),
		CanRetranslate: s.opt.Retranslate != nil, Version: e.Version, Coded: e.coded,
	}
	if e.coded {
		p.MT = tokenText(inputTagged(e.Pair))
		p.Codes, p.MTCodes = e.codes().list(), codesOf(inputTagged(e.Pair)).list()
		p.Dropped, p.Missing = e.dropped(), e.missing()
	}
	if !e.When.IsZero() {
		p.When = e.When.Format("2006-01-02 15:04 MST")
	}
	if e.Suggestion != "" {
		p.Value, p.Suggested = e.Suggestion, true
		switch {
		case e.coded && e.suggestionTagged:
			p.Value = tokenText(e.Suggestion)
		case e.coded:
			p.Value = tokenText(document.EscapeText(e.Suggestion)) // words: brackets doubled
		}
	}
	if cur := e.shown(); cur != p.MT {
		p.Diff = report.WordDiff(p.MT, cur)
	}
	q := s.queue(f)
	prev, next := -1, -1
	for k, j := range q {
		if j < i {
			prev = j
		}
		if j == i {
			p.Pos = k + 1
		}
		if j > i && next < 0 {
			next = j
		}
	}
	p.Total = len(q)
	if prev >= 0 {
		p.Prev = template.URL(segURL(prev, fq))
	}
	if next >= 0 {
		p.Next = template.URL(segURL(next, fq))
	}
	return p
}

func render(w http.ResponseWriter, code int, name string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	if err := pages.ExecuteTemplate(w, name, data); err != nil {
		// Headers are out; the page ends where it failed. Templates are tested, so this
		// is a programming error.
		fmt.Fprintf(w, "\n<!-- template error -->")
	}
}
