// Package review is bitext's local review web app: a queue of the segments that need a look
// (glossary violations, QA flags, doubtful alignments, or every unreviewed segment), one
// segment at a time side by side, and decisions written to the translation memory, the output
// file and an audit trail.
//
// The server is meant for one person on their own machine and is built to be safe there: it
// listens on 127.0.0.1 only, on a random port; every request needs a random token, given once
// in the URL (as Jupyter does) and then kept in a cookie scoped to that port; requests for
// another Host are refused (DNS rebinding); every write needs the session's CSRF token and is
// refused when the browser says it comes from another site (Origin, Sec-Fetch-Site). Pages are
// rendered with html/template, so article text is always text, and a Content-Security-Policy
// allows only the app's own script and style: no external assets, it works offline.
//
// Decisions are made durable in this order: a line in the journal (JSON Lines next to the
// output, synced; the audit trail of who decided what and when, and what a review resumes
// from), the translation memory (an imported pair: it outranks machine translations), then the
// output file, rewritten whole and renamed into place (internal/outfile) so it is never
// half-written.
package review

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/internal/outfile"
	"github.com/bitext/bitext/qa"
	"github.com/bitext/bitext/report"
	"github.com/bitext/bitext/tm"
)

// TM is the part of the translation memory a review writes to; *tm.DB implements it.
// Decisions are stored as human-reviewed entries, which outrank imported and machine
// translations in every later lookup (translate, check; translate --refresh too), with the
// reviewer and the time in the memory's audit trail.
type TM interface {
	StoreReviewedMany(ctx context.Context, rs []tm.ReviewedEntry) error
	LookupReviewedMany(ctx context.Context, ks []tm.Key) ([]string, []bool, error)
}

// Options configure a review.
type Options struct {
	// Glossary finds the violations; nil reviews QA flags and alignments only.
	Glossary *glossary.Glossary
	// TM receives each decided pair as a human-reviewed translation; nil writes none.
	TM                     TM
	SourceLang, TargetLang string // of the TM entries; default de and en

	// Output receives the reviewed translation after every decision: the article for an
	// article pair, else pairs in OutputFormat (default: from the name; Moses writes
	// Output.SRC and Output.TGT). "" writes no output.
	Output       string
	OutputFormat corpus.Format
	// Journal is the audit trail and resume state (default Output + ".review.jsonl").
	Journal string

	// Reviewer is recorded with each decision (default: the local user name).
	Reviewer string
	// MinConfidence flags aligned pairs below it: 0 is the default 0.5, a negative value flags
	// none.
	MinConfidence float64
	// Retranslate, when set, asks the provider again for one segment, with the problems named
	// in feedback; the answer is offered as a suggestion.
	Retranslate func(ctx context.Context, source, feedback string) (string, error)
	// Warn, when set, is told of each change the output's format forces on a text (a line
	// break in a Moses line or a TSV field becomes a space, a control character TMX cannot
	// carry is replaced): the journal and the TM keep the text as decided, so the output
	// differs from them, which the reviewer must hear of. The output is rewritten after every
	// decision; each change is reported once, and again only when the translation it is in
	// changes.
	Warn func(corpus.Warning)
	// Now is the clock of the audit trail (default time.Now).
	Now func() time.Time
	// PageSize is the number of queue rows on one page (default 200).
	PageSize int
}

// Server is a review in progress. Its methods are safe for concurrent use.
type Server struct {
	opt   Options
	in    *Input
	token string // in the first URL, then the cookie
	csrf  string // in every form

	lock *journalLock // held from New to Close: one review per journal and output
	// maxBody is the largest form a write may post (bodyLimit): enough for the longest text the
	// review has shown, so that no segment it loaded is too long to be decided.
	maxBody int64

	mu      sync.Mutex
	entries []entry
	// warned holds, by pair, field and reason, the translation of the pair when the output last
	// reported that change (Options.Warn), so that rewriting the output does not repeat it.
	warned map[warnKey]string
	hosts  map[string]bool // Host headers accepted once listening
	cookie string          // cookie name, per port
	// notWritten is how many decisions the last XLIFF output had no place for (Stats).
	notWritten int
	// finish is closed by the page's Finish button (handleFinish): Serve then stops as it does
	// when its context is done, and Finished reports it, so that a review the reviewer ended
	// is told from one stopped with Ctrl-C.
	finish     chan struct{}
	finishOnce sync.Once
}

// New prepares a review of in: finds what is wrong with every segment and replays the
// decisions of an existing journal (resuming an earlier review), writing them to the TM again
// (an import of an existing pair changes nothing).
func New(ctx context.Context, in *Input, opt Options) (*Server, error) {
	if opt.SourceLang == "" {
		opt.SourceLang = "de"
	}
	if opt.TargetLang == "" {
		opt.TargetLang = "en"
	}
	if opt.MinConfidence == 0 {
		opt.MinConfidence = 0.5
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.PageSize <= 0 {
		opt.PageSize = 200
	}
	if opt.Reviewer == "" {
		opt.Reviewer = tm.LocalReviewer()
	}
	if opt.Journal == "" && opt.Output != "" {
		opt.Journal = opt.Output + ".review.jsonl"
	}
	if opt.Output != "" && opt.OutputFormat == "" && !in.Article() {
		opt.OutputFormat = corpus.FormatFromName(opt.Output)
		if opt.OutputFormat == "" {
			return nil, fmt.Errorf("review: %s: cannot tell the output format from the name (jsonl, tmx, tsv)", opt.Output)
		}
	}
	if err := prepareOutputs(opt); err != nil {
		return nil, err
	}
	var lock *journalLock
	if opt.Journal != "" {
		var err error
		if lock, err = lockJournal(opt.Journal); err != nil {
			return nil, err
		}
	}
	s, err := newServer(ctx, in, opt)
	if err != nil {
		lock.release()
		return nil, stopped(ctx, err)
	}
	s.lock = lock
	return s, nil
}

// newServer is New once the journal is locked.
func newServer(ctx context.Context, in *Input, opt Options) (*Server, error) {
	s := &Server{opt: opt, in: in, token: randomHex(24), csrf: randomHex(24), cookie: "bitext-review", finish: make(chan struct{})}
	s.entries = make([]entry, len(in.Items))
	srcs := make([]string, len(in.Items))
	tgts := make([]string, len(in.Items))
	longest := 0
	for i, it := range in.Items {
		e := entry{Item: it, Target: it.Pair.Target, Tagged: inputTagged(it.Pair), coded: coded(it.Pair)}
		s.entries[i] = e
		srcs[i], tgts[i] = it.Pair.Source, it.Pair.Target
		longest = max(longest, len(it.Pair.Source), len(it.Pair.Target), len(it.Reference), len(e.shown()))
	}
	s.maxBody = bodyLimit(longest)
	flags, err := report.CheckQAContext(ctx, srcs, tgts, report.QAOptions{})
	if err != nil {
		return nil, err
	}
	for i := range s.entries {
		s.findings(&s.entries[i], flags[i])
	}
	if err := s.resume(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// prepareOutputs makes sure, before anything is served, that decisions can be written: the
// folders of the output and the journal are created when missing (as every bitext output
// is, internal/outfile) and the journal is opened for appending. Otherwise the review would
// start and then fail every decision.
func prepareOutputs(opt Options) error {
	for _, name := range []string{opt.Output, opt.Journal} {
		if name == "" {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(name), 0o777); err != nil {
			return fmt.Errorf("review: cannot write %s: %w", name, err)
		}
	}
	if opt.Journal == "" {
		return nil
	}
	f, err := os.OpenFile(opt.Journal, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o666)
	if err != nil {
		return fmt.Errorf("review: cannot write the journal: %w", err)
	}
	return f.Close()
}

// resume applies the journal's decisions to the segments they name, when the source still
// matches (a journal of another input is refused).
func (s *Server) resume(ctx context.Context) error {
	if s.opt.Journal == "" {
		return nil
	}
	if err := trimJournal(s.opt.Journal); err != nil {
		return err
	}
	ds, err := ReadJournal(s.opt.Journal)
	if err != nil || len(ds) == 0 {
		return err
	}
	before := make(map[int]Decision, len(ds)) // by segment: the first decision, with what it replaced
	for i, d := range ds {
		if d.Segment > len(s.entries) || s.entries[d.Segment-1].Pair.Source != d.Source {
			return &JournalError{s.opt.Journal, i + 1, fmt.Errorf("segment %d is not in this input (another review's journal?)", d.Segment)}
		}
		e := &s.entries[d.Segment-1]
		if _, ok := before[d.Segment]; !ok {
			before[d.Segment] = d
		}
		tagged, err := e.journalTagged(d)
		if err != nil {
			return &JournalError{s.opt.Journal, i + 1, err}
		}
		e.Target, e.Tagged, e.Status, e.Reviewer, e.When = d.After, tagged, d.Action, d.Reviewer, d.Time
		e.Version++
		s.recheck(e)
	}
	// The journal is where a review resumes from; the TM gets the decisions it does not hold
	// yet (a review stopped between the journal and the TM, or another memory given this
	// time), so that resuming adds nothing twice to its audit trail.
	var decided []tm.ReviewedEntry
	for i := range s.entries {
		if e := &s.entries[i]; e.Status != Open {
			decided = append(decided, s.reviewed(e, before[i+1].Before)...)
		}
	}
	if s.opt.TM != nil && len(decided) > 0 {
		keys := make([]tm.Key, len(decided))
		for i, r := range decided {
			keys[i] = r.Key
		}
		have, ok, err := s.opt.TM.LookupReviewedMany(ctx, keys)
		if err != nil {
			return fmt.Errorf("review: reading the translation memory: %w", err)
		}
		missing := decided[:0]
		for i, r := range decided {
			if !ok[i] || have[i] != r.Target {
				missing = append(missing, r)
			}
		}
		if err := s.writeTM(ctx, missing); err != nil {
			return err
		}
	}
	return s.writeOutput(ctx)
}

// locked runs fn holding s.mu. The lock is released by a defer, so that a panic in fn (which
// net/http recovers from, keeping the server up) cannot leave every later request waiting.
func (s *Server) locked(fn func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn()
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return hex.EncodeToString(b)
}

// Close ends the review's hold on its journal and output, letting another review of them
// start. Call it once the server is done.
func (s *Server) Close() error {
	s.locked(func() {
		s.lock.release()
		s.lock = nil
	})
	return nil
}

// Token is the secret the first URL carries.
func (s *Server) Token() string { return s.token }

// Listen opens a listener on 127.0.0.1 on a random port and returns it with the URL to open.
func (s *Server) Listen() (net.Listener, string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	return ln, s.accept(ln), nil
}

// accept makes the server answer to the listener's address only and returns the first URL.
func (s *Server) accept(ln net.Listener) string {
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	s.locked(func() {
		s.hosts = map[string]bool{"127.0.0.1:" + port: true, "localhost:" + port: true}
		s.cookie = "bitext-review-" + port // cookies ignore ports: two reviews must not share one
	})
	return "http://127.0.0.1:" + port + "/?token=" + s.token
}

// Serve answers on ln until ctx is done or the reviewer finishes the review (Finished), then
// shuts down, waiting a moment for requests in flight (the finish page among them). The
// listener should be from Listen (or any loopback listener: its port decides which Host
// headers are accepted).
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.accept(ln)
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second, MaxHeaderBytes: 64 << 10}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	case <-s.finish:
	}
	sctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	srv.Shutdown(sctx)
	<-done
	return nil
}

// Finish ends the review as the page's Finish button does: Serve returns.
func (s *Server) Finish() { s.finishOnce.Do(func() { close(s.finish) }) }

// Finished reports whether the review was finished (Finish, or the page's button), rather than
// stopped by the context.
func (s *Server) Finished() bool {
	select {
	case <-s.finish:
		return true
	default:
		return false
	}
}

// OutputFiles are the files the review's output is written to: none without an output, two
// for Moses (BASE.SRC and BASE.TGT), else the output.
func (s *Server) OutputFiles() []string {
	switch {
	case s.opt.Output == "":
		return nil
	case !s.in.Article() && s.opt.OutputFormat == corpus.Moses:
		src, tgt, err := corpus.MosesPaths(s.opt.Output, s.opt.SourceLang, s.opt.TargetLang)
		if err != nil {
			return nil // New refused it already
		}
		return []string{src, tgt}
	default:
		return []string{s.opt.Output}
	}
}

// Journal is the journal decisions are recorded in ("" without one).
func (s *Server) Journal() string { return s.opt.Journal }

// handleFinish ends the review from the page. The output is written first, so that it exists
// even when nothing needed a decision: a finished review's output is the reviewed translation,
// whatever was decided. Then the page says the server is gone and Serve stops.
func (s *Server) handleFinish(w http.ResponseWriter, r *http.Request) {
	var err error
	s.locked(func() { err = s.writeOutput(r.Context()) })
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	p := finishedPage{Stats: s.Stats(), Files: s.OutputFiles(), Journal: s.opt.Journal, TM: s.opt.TM != nil}
	render(w, http.StatusOK, "finished.html", p)
	s.Finish()
}

// Handler is the app; every request goes through the security checks. The Host check needs
// the port, so it applies once Listen or Serve has been called; a Handler mounted on another
// server checks the token, CSRF and origin only.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.handleQueue)
	mux.HandleFunc("GET /seg/{id}", s.handleSegment)
	mux.HandleFunc("POST /seg/{id}", s.handleDecide)
	mux.HandleFunc("POST /seg/{id}/retranslate", s.handleRetranslate)
	mux.HandleFunc("POST /finish", s.handleFinish)
	mux.HandleFunc("GET /static/app.js", staticFile("text/javascript; charset=utf-8", appJS))
	mux.HandleFunc("GET /static/app.css", staticFile("text/css; charset=utf-8", appCSS))
	return recoverPanics(s.guard(mux))
}

// recoverPanics answers a request whose handler panicked with 500 and logs the panic with its
// stack. net/http would recover too, but by dropping the connection: the browser shows an
// empty reply and the reviewer cannot tell a bug from the server being gone. Locks are
// released by defers (Server.locked), so the server goes on serving.
func recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler { // the handler's way to drop the connection
				panic(v)
			}
			log.Printf("review: internal error serving %s %s: %v\n%s", r.Method, r.URL.Path, v, debug.Stack())
			// If the page had begun, this only ends it; else the reviewer sees what happened.
			http.Error(w, "internal error (a bug in bitext review; details on the terminal)", http.StatusInternalServerError)
		}()
		next.ServeHTTP(w, r)
	})
}

// csp allows the app's own script, style and forms, nothing from elsewhere.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// guard checks Host, the token and, for writes, where the request comes from and its CSRF
// token; it sets the security headers on every answer.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		// The token must not leave in a Referer; "no-referrer" would make Chromium send "Origin:
		// null" with form posts, which the origin check rightly refuses.
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cache-Control", "no-store")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		var hosts map[string]bool
		var cookieName string
		s.locked(func() { hosts, cookieName = s.hosts, s.cookie })
		if hosts != nil && !hosts[r.Host] {
			http.Error(w, "forbidden: unknown host", http.StatusForbidden)
			return
		}
		authed := false
		if c, err := r.Cookie(cookieName); err == nil && equal(c.Value, s.token) {
			authed = true
		}
		if t := r.URL.Query().Get("token"); t != "" && equal(t, s.token) {
			if r.Method == http.MethodGet {
				// Keep the token in a cookie and drop it from the address bar and history.
				http.SetCookie(w, &http.Cookie{Name: cookieName, Value: s.token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
				q := r.URL.Query()
				q.Del("token")
				u := *r.URL
				u.RawQuery = q.Encode()
				http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
				return
			}
			authed = true
		}
		if !authed {
			http.Error(w, "forbidden: open the URL with the token that bitext review printed", http.StatusForbidden)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if code, err := s.checkWrite(w, r); err != nil {
				msg := err.Error()
				if code == http.StatusForbidden {
					msg = "forbidden: " + msg
				}
				http.Error(w, msg, code)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// checkWrite refuses cross-site writes: the browser's own word (Sec-Fetch-Site, Origin) first,
// then the session's CSRF token, which another site cannot read. It answers the status code
// of a refusal: 403, or 413 for a body over the limit, 400 for one that is no form.
func (s *Server) checkWrite(w http.ResponseWriter, r *http.Request) (int, error) {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		return http.StatusForbidden, errors.New("cross-site request")
	}
	if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
		return http.StatusForbidden, fmt.Errorf("request from another origin (%s)", o)
	}
	var limit int64
	s.locked(func() { limit = s.maxBody })
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	if err := r.ParseForm(); err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			return http.StatusRequestEntityTooLarge, fmt.Errorf("request too large: the limit is %d bytes, for the longest segment of this review", limit)
		}
		return http.StatusBadRequest, errors.New("bad form")
	}
	if !equal(r.PostForm.Get("csrf"), s.csrf) {
		return http.StatusForbidden, errors.New("missing or wrong CSRF token")
	}
	return 0, nil
}

// bodyLimit is the largest form to accept when the longest text shown is longest bytes long:
// the text may come back edited (twice as long) and percent-encoded (three bytes for one),
// beside the CSRF token and the filter; never below 1 MiB.
func bodyLimit(longest int) int64 {
	return max(1<<20, 6*int64(longest)+64<<10)
}

func equal(a, b string) bool {
	return len(a) == len(b) && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

func staticFile(ctype, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		io.WriteString(w, body)
	}
}

// segmentID reads the {id} of a request; ok is false (and a 404 sent) for an unknown one.
func (s *Server) segmentID(w http.ResponseWriter, r *http.Request) (int, bool) {
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil || id < 1 || id > len(s.entries) {
		http.NotFound(w, r)
		return 0, false
	}
	return id - 1, true
}

// handleDecide records a decision: the posted target is accepted (unchanged) or an edit.
func (s *Server) handleDecide(w http.ResponseWriter, r *http.Request) {
	i, ok := s.segmentID(w, r)
	if !ok {
		return
	}
	// Browsers post a text box with CRLF line ends; white space around it is trimmed in
	// decide, where an unchanged translation keeps its own.
	target := strings.ReplaceAll(r.PostForm.Get("target"), "\r\n", "\n")
	f := parseFilter(r.PostForm)
	// The version of the segment the page showed: without it the server cannot tell a
	// decision from a stale tab that would silently revert a newer one.
	version, err := strconv.Atoi(r.PostForm.Get("version"))
	if err != nil || version < 0 {
		http.Error(w, "the form does not say which version of the segment it shows: reload the page", http.StatusBadRequest)
		return
	}
	if err := s.decide(r.Context(), i, version, target); err != nil {
		if errors.Is(err, ErrStale) {
			s.conflict(w, i, f, target)
			return
		}
		if te, ok := errors.AsType[*TokenError](err); ok {
			s.refused(w, i, f, target, te)
			return
		}
		code := http.StatusInternalServerError // the journal, TM or output failed
		if errors.Is(err, ErrEmptyTranslation) {
			code = http.StatusBadRequest // the reviewer's form, not the server
		}
		http.Error(w, err.Error(), code)
		return
	}
	var next int
	s.locked(func() { next = s.nextAfter(f, i) })
	q := f.query()
	if next < 0 {
		http.Redirect(w, r, "/?"+q.Encode(), http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, segURL(next, q), http.StatusSeeOther)
}

// nextAfter is the first segment of f's queue after i, else the first one; -1 when empty.
func (s *Server) nextAfter(f queueFilter, i int) int {
	q := s.queue(f)
	for _, k := range q {
		if k > i {
			return k
		}
	}
	if len(q) > 0 {
		return q[0]
	}
	return -1
}

func segURL(i int, q url.Values) string {
	u := "/seg/" + strconv.Itoa(i+1)
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

// ErrEmptyTranslation is Decide's answer to a translation of only white space.
var ErrEmptyTranslation = errors.New("review: an empty translation cannot be accepted")

// ErrStale is the answer to a decision made on a page that no longer shows the segment's
// current translation (another tab or window decided it since).
var ErrStale = errors.New("review: the segment was decided since the page was loaded")

// Decide records the reviewer's decision on segment i (0-based): target is the translation
// they settled on, an edit when it differs from the current one. For a segment with inline
// codes it is the text as the page's box holds it, codes as tokens (⟨1⟩…⟨/1⟩, ⟨2/⟩; see
// readTokens): tokens that are not the segment's codes are a *TokenError and nothing is saved;
// a text without tokens is words, the codes dropped (Stats.CodesDropped). The decision goes
// to the journal, then the TM, then the output file.
func (s *Server) Decide(ctx context.Context, i int, target string) error {
	return s.decide(ctx, i, -1, target)
}

// decide is Decide made on a page that showed the given version of the segment (-1: any).
// A decision against an older version is ErrStale and changes nothing: applying it would
// revert, unseen, what was decided in between.
func (s *Server) decide(ctx context.Context, i, version int, target string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i < 0 || i >= len(s.entries) {
		return fmt.Errorf("review: no segment %d", i+1)
	}
	e := &s.entries[i]
	if version >= 0 && version != e.Version {
		return ErrStale
	}
	words, tagged, err := e.readDecision(target)
	if err != nil {
		return err // nothing is saved: the reviewer's text comes back with the message
	}
	action := Accepted
	if words != e.Target || tagged != e.Tagged {
		action = Edited
	}
	if e.Status == Edited && action == Accepted {
		action = Edited // accepting one's own edit again keeps it an edit
	}
	d := Decision{Time: s.opt.Now().UTC(), Reviewer: s.opt.Reviewer, Segment: i + 1, Doc: e.Doc, Action: action,
		Source: e.Pair.Source, Before: e.Target, After: words}
	if e.coded {
		d.BeforeTagged, d.AfterTagged = e.Tagged, tagged
	}
	if s.opt.Journal != "" {
		if err := appendJournal(s.opt.Journal, d); err != nil {
			return fmt.Errorf("review: journal: %w", err)
		}
	}
	e.Target, e.Tagged, e.Status, e.Reviewer, e.When, e.Suggestion = words, tagged, action, d.Reviewer, d.Time, ""
	e.Version++
	s.recheck(e)
	if err := s.writeTM(ctx, s.reviewed(e, d.Before)); err != nil {
		return err
	}
	return s.writeOutput(ctx)
}

// writeTM stores decisions as human-reviewed entries, which outrank imported and machine
// translations and survive translate --refresh.
func (s *Server) writeTM(ctx context.Context, rs []tm.ReviewedEntry) error {
	if s.opt.TM == nil || len(rs) == 0 {
		return nil
	}
	if err := s.opt.TM.StoreReviewedMany(ctx, rs); err != nil {
		return fmt.Errorf("review: writing the translation memory: %w", err)
	}
	return nil
}

// writeOutput rewrites the output with the current translations, atomically.
func (s *Server) writeOutput(ctx context.Context) error {
	if s.opt.Output == "" {
		return nil
	}
	var err error
	switch {
	case s.in.Article():
		err = outfile.WriteFile(ctx, s.opt.Output, func(w io.Writer) error {
			return s.in.article.write(w, func(i int) string { return s.entries[i].Target })
		})
	case s.opt.OutputFormat == corpus.Moses:
		// Both files appear together on Commit, or neither (corpus.CreateMoses).
		var m *corpus.MosesFiles
		m, err = corpus.CreateMoses(s.opt.Output, s.writerOptions())
		if err == nil {
			if err = s.writePairsTo(m); err == nil {
				err = m.Commit()
			} else {
				m.Abort()
			}
		}
	case s.opt.OutputFormat == corpus.XLIFF && s.in.xliff != nil:
		err = outfile.WriteFile(ctx, s.opt.Output, func(w io.Writer) error { return s.patchXLIFF(w) })
	default:
		err = outfile.WriteFile(ctx, s.opt.Output, func(w io.Writer) error { return s.writePairs(w) })
	}
	if err != nil {
		return fmt.Errorf("review: writing %s: %w", s.opt.Output, err)
	}
	return nil
}

// patchXLIFF writes the input XLIFF file with every decided pair's target and state written
// into its unit, or into its sentence's <mrk> of a unit segmented by <seg-source>. A decision
// the file has no place for (a unit whose id another unit shares) is counted
// (Stats.NotWritten); the journal and the memory hold it.
func (s *Server) patchXLIFF(w io.Writer) error {
	var patches []corpus.XLIFFPatch
	for i := range s.entries {
		e := &s.entries[i]
		if e.Status == Open {
			continue
		}
		p := corpus.XLIFFPatch{Doc: e.Pair.Doc, ID: e.Pair.ID, Reviewed: true}
		if e.Target != e.Pair.Target || e.Tagged != inputTagged(e.Pair) {
			// The codes go back as the unit's own markup (TargetTagged); an edit without codes
			// is written as its words.
			p.Target, p.TargetTagged = &e.Target, e.pairTagged().TargetTagged
		}
		patches = append(patches, p)
	}
	unmatched, err := corpus.PatchXLIFF(w, s.in.xliff, patches)
	if err != nil {
		return err
	}
	s.notWritten = len(unmatched)
	return nil
}

// warnKey names one kind of change to one field of one pair of the output.
type warnKey struct {
	pair          int // 1-based, as corpus.Warning.Index: every segment is written, in order
	field, reason string
}

// warn passes w on to Options.Warn unless it was reported already for the pair's current
// translation. Only the target changes during a review (the other fields are the input's), so
// the translation tells a change already reported from one a new edit brought. It runs within
// writeOutput, with s.mu held.
func (s *Server) warn(w corpus.Warning) {
	if s.opt.Warn == nil {
		return
	}
	text := ""
	if i := w.Index - 1; w.Field != "source" && i >= 0 && i < len(s.entries) {
		text = s.entries[i].Target
	}
	k := warnKey{w.Index, w.Field, w.Reason}
	if prev, ok := s.warned[k]; ok && prev == text {
		return
	}
	if s.warned == nil {
		s.warned = map[warnKey]string{}
	}
	s.warned[k] = text
	s.opt.Warn(w)
}

// writerOptions are the pair writers' options: the review's languages, and its warnings.
func (s *Server) writerOptions() corpus.WriterOptions {
	return corpus.WriterOptions{SourceLang: s.opt.SourceLang, TargetLang: s.opt.TargetLang, Warn: s.warn}
}

func (s *Server) writePairs(w io.Writer) error {
	cw, err := corpus.NewWriter(s.opt.OutputFormat, w, s.writerOptions())
	if err != nil {
		return err
	}
	return s.writePairsTo(cw)
}

// writePairsTo writes every pair with its current translation and glossary violations.
func (s *Server) writePairsTo(cw corpus.Writer) error {
	for i := range s.entries {
		e := &s.entries[i]
		p := e.pairTagged()
		if e.Status == Edited {
			p.Provider, p.Model, p.TMHit = "", "", false // a person wrote it
		}
		p.Violations = nil
		for _, v := range e.Violations {
			if qa.IsGlossary(v.Kind) {
				p.Violations = append(p.Violations, v.Corpus())
			}
		}
		if err := cw.Write(p); err != nil {
			return err
		}
	}
	return cw.Close()
}

// handleRetranslate asks the provider again for one segment, naming its problems, and offers
// the answer as a suggestion on the segment page.
func (s *Server) handleRetranslate(w http.ResponseWriter, r *http.Request) {
	i, ok := s.segmentID(w, r)
	if !ok {
		return
	}
	if s.opt.Retranslate == nil {
		http.Error(w, "no provider configured: start bitext review with --provider", http.StatusConflict)
		return
	}
	var src string
	var vs []qa.Violation
	coded := false
	s.locked(func() {
		e := &s.entries[i]
		src = e.Pair.Source
		// A segment with codes is asked with them (as translate asks), so that the
		// suggestion keeps its formatting and placeholders; before, it came back as words.
		if e.coded && document.HasTags(e.Pair.SourceTagged) {
			src, coded = e.Pair.SourceTagged, true
		}
		for _, v := range e.Violations {
			if v.Kind != qa.Alignment {
				vs = append(vs, v)
			}
		}
	})
	text, err := s.opt.Retranslate(r.Context(), src, qa.Feedback(vs))
	if err != nil {
		http.Error(w, "re-translation failed: "+err.Error(), http.StatusBadGateway)
		return
	}
	tagged := false
	if coded {
		// An answer whose codes are the source's is offered with them; one that lost or broke
		// them is offered as its words, as an edit typed without tokens is.
		if tagged = document.CheckTags(document.CodesOf(src), text) == nil; !tagged {
			text = document.Plain(text)
		}
	}
	s.locked(func() {
		s.entries[i].Suggestion, s.entries[i].suggestionTagged = text, tagged
		s.maxBody = max(s.maxBody, bodyLimit(len(text))) // the suggestion is in the text box
	})
	http.Redirect(w, r, segURL(i, parseFilter(r.PostForm).query()), http.StatusSeeOther)
}

// Stats is the state of the review, for tests and the command's summary.
type Stats struct {
	Segments, Open, Accepted, Edited, Violations int
	// CodesDropped counts the decided pairs whose translation lacks inline codes (an XLIFF or
	// TMX unit's formatting and placeholders) that the translation under review had: the
	// reviewer deleted them, or typed the edit as words, without any.
	CodesDropped int
	// NotWritten counts the decisions an XLIFF output, the input file with the decisions in
	// it, had no place for (a unit whose id another unit shares), at its last writing.
	NotWritten int
}

// Stats counts segments by status and the glossary violations left.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := Stats{Segments: len(s.entries), NotWritten: s.notWritten}
	for i := range s.entries {
		e := &s.entries[i]
		switch e.Status {
		case Open:
			st.Open++
		case Accepted:
			st.Accepted++
		case Edited:
			st.Edited++
		}
		for _, v := range e.Violations {
			if qa.IsGlossary(v.Kind) {
				st.Violations++
			}
		}
		if len(e.dropped()) > 0 {
			st.CodesDropped++
		}
	}
	return st
}
