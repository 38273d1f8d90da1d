package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/providers/providertest"
)

// Script commands for translate_*.txt: a providertest fake runs inside the test process and
// the bitext under test talks to it over loopback.
//
//	fake openai|google [-latency D] [-rates 429=0.2,500=0.1] [-seed N] [-stubborn]
//	    starts a fake server and sets $FAKE_URL (the --base-url to give) and the provider's
//	    API key variable. -stubborn ignores the glossary until a repair round names the violation.
//	fakereqs [-le] N [PLUS]
//	    asserts the number of requests the fake received so far (-le: at most N+PLUS).
//	fakeasked N TEXT
//	    asserts that the fake was asked to translate the segment TEXT exactly N times.
//	fakemaxchars N
//	    asserts that no request carried more than N characters of segment text.
//	genline FILE BYTES
//	    writes distinct German sentences on one line of about BYTES bytes.
//	fakesegs NAME
//	    sets $NAME to the number of segments the fake was asked to translate so far, over all requests.
//	fake … [-poison TEXT] [-unchanged TEXT] [-empty TEXT] [-shifted] [-merged]
//	    requests carrying a segment with TEXT get a non-JSON answer (-poison); segments with TEXT
//	    come back untranslated (-unchanged) or empty (-empty); requests of several segments come
//	    back shifted by one, or merged into the first with "." for the others.
//	fake … [-fault FAULT] [-fault-from N]
//	    every request (from the request numbered N on, counting from 0) suffers FAULT (a
//	    providertest.Fault: reset, 404, html, flood, 500, …).
//	fakecount NAME
//	    sets $NAME to the number of requests the fake received so far.
//	fakewait N
//	    waits (up to 30 s) until the fake has received N requests.
//	gencorpus FILE N
//	    writes N distinct German sentences, one per paragraph.
//	faketerms GLOSSARY
//	    asserts that every request carried exactly the glossary terms its segments contain
//	    (OpenAI: the request's glossary field).
func init() {
	scriptCmds["fake"] = cmdFake
	scriptCmds["fakereqs"] = cmdFakeReqs
	scriptCmds["faketerms"] = cmdFakeTerms
	scriptCmds["fakesegs"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: fakesegs NAME")
		}
		ts.Setenv(args[0], strconv.Itoa(fakeSegments(currentFake(ts))))
	}
	scriptCmds["fakeasked"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 {
			ts.Fatalf("usage: fakeasked N TEXT")
		}
		want, err := strconv.Atoi(args[0])
		ts.Check(err)
		got := 0
		for _, r := range currentFake(ts).Requests() {
			for _, seg := range r.Info.Segments {
				if seg.Text == args[1] {
					got++
				}
			}
		}
		if got != want {
			ts.Fatalf("the fake was asked for %q %d times, want %d", args[1], got, want)
		}
	}
	// fakesent TEXT: some segment the fake was asked for holds TEXT (! fakesent: none does).
	scriptCmds["fakesent"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 1 {
			ts.Fatalf("usage: fakesent TEXT")
		}
		sent := false
		for _, r := range currentFake(ts).Requests() {
			for _, seg := range r.Info.Segments {
				sent = sent || strings.Contains(seg.Text, args[0])
			}
		}
		if sent == neg {
			ts.Fatalf("the fake was asked for %q: %v", args[0], sent)
		}
	}
	scriptCmds["fakemaxchars"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: fakemaxchars N")
		}
		limit, err := strconv.Atoi(args[0])
		ts.Check(err)
		for _, r := range currentFake(ts).Requests() {
			n := 0
			for _, seg := range r.Info.Segments {
				n += utf8.RuneCountInString(seg.Text)
			}
			if n > limit {
				ts.Fatalf("request %d carried %d characters, over %d", r.Info.N, n, limit)
			}
		}
	}
	scriptCmds["genline"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 {
			ts.Fatalf("usage: genline FILE BYTES")
		}
		size, err := strconv.Atoi(args[1])
		ts.Check(err)
		var b strings.Builder
		for i := 0; b.Len() < size; i++ {
			fmt.Fprintf(&b, "Im Jahr %d berichtete die Zeitung über die Sitzung Nummer %d des Ausschusses in Berlin. ", 1000+i, i+1)
		}
		b.WriteString("\n")
		ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b.String()), 0o644))
	}
	scriptCmds["fakecount"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: fakecount NAME")
		}
		ts.Setenv(args[0], strconv.Itoa(currentFake(ts).Count()))
	}
	scriptCmds["fakewait"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 1 {
			ts.Fatalf("usage: fakewait N")
		}
		n, err := strconv.Atoi(args[0])
		ts.Check(err)
		srv := currentFake(ts)
		// Not a speed limit: a guard against waiting forever for a client that died, long
		// enough that no machine load reaches it.
		const hang = 5 * time.Minute
		for deadline := time.Now().Add(hang); srv.Count() < n; time.Sleep(5 * time.Millisecond) {
			if time.Now().After(deadline) {
				ts.Fatalf("fake received %d requests in %v, want %d: did the client stop?", srv.Count(), hang, n)
			}
		}
	}
	scriptCmds["gencorpus"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 {
			ts.Fatalf("usage: gencorpus FILE N")
		}
		n, err := strconv.Atoi(args[1])
		ts.Check(err)
		ts.Check(writeCorpus(ts.MkAbs(args[0]), n))
	}
}

var (
	fakesMu sync.Mutex
	fakes   = map[*testscript.TestScript]*providertest.Server{}
)

func cmdFake(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: fake openai|google [flags]")
	}
	fs := flag.NewFlagSet("fake", flag.ContinueOnError)
	latency := fs.Duration("latency", 0, "")
	rates := fs.String("rates", "", "")
	seed := fs.Uint64("seed", 1, "")
	stubborn := fs.Bool("stubborn", false, "")
	poison := fs.String("poison", "", "")
	unchanged := fs.String("unchanged", "", "")
	empty := fs.String("empty", "", "")
	shifted := fs.Bool("shifted", false, "")
	merged := fs.Bool("merged", false, "")
	fault := fs.String("fault", "", "")
	faultFrom := fs.Int("fault-from", 0, "")
	ts.Check(fs.Parse(args[1:]))
	opt := providertest.Options{Latency: *latency, Seed: *seed, RetryAfter: "0"}
	if *rates != "" {
		opt.Rates = map[providertest.Fault]float64{}
		for _, kv := range strings.Split(*rates, ",") {
			k, v, _ := strings.Cut(kv, "=")
			p, err := strconv.ParseFloat(v, 64)
			ts.Check(err)
			opt.Rates[providertest.Fault(k)] = p
		}
	}
	if *stubborn {
		opt.Translate = stubbornTranslation
	}
	if *unchanged != "" || *empty != "" {
		base := opt.Translate
		if base == nil {
			base = providertest.DefaultTranslation
		}
		opt.Translate = func(seg providertest.Segment, req providertest.RequestInfo) string {
			switch {
			case *unchanged != "" && strings.Contains(seg.Text, *unchanged):
				return seg.Text // the German comes back as it went
			case *empty != "" && strings.Contains(seg.Text, *empty):
				return ""
			}
			return base(seg, req)
		}
	}
	if *shifted || *merged {
		// Requests of several segments come back shifted by one (each segment gets its
		// neighbour's translation), or merged (the first gets all, the others "."); a segment
		// asked alone is answered right.
		base := opt.Translate
		if base == nil {
			base = providertest.DefaultTranslation
		}
		opt.Translate = func(seg providertest.Segment, req providertest.RequestInfo) string {
			n := len(req.Segments)
			i := slices.IndexFunc(req.Segments, func(s providertest.Segment) bool { return s.ID == seg.ID })
			switch {
			case n < 2 || i < 0:
				return base(seg, req)
			case *shifted:
				return base(req.Segments[min(i+1, n-1)], req) // the last one twice, as models slip
			case i > 0:
				return "."
			}
			var all []string
			for _, s := range req.Segments {
				all = append(all, base(s, req))
			}
			return strings.Join(all, " ")
		}
	}
	if *poison != "" {
		// Every request that carries the poisoned sentence gets an answer that is not JSON, as
		// a model that chokes on one input does.
		opt.FaultIf = func(req providertest.RequestInfo) providertest.Fault {
			for _, seg := range req.Segments {
				if strings.Contains(seg.Text, *poison) {
					return providertest.Malformed
				}
			}
			return providertest.None
		}
	}
	if *fault != "" {
		opt.FaultIf = func(req providertest.RequestInfo) providertest.Fault {
			if req.N < *faultFrom {
				return providertest.None
			}
			return providertest.Fault(*fault)
		}
	}
	var srv *providertest.Server
	switch args[0] {
	case "openai":
		srv = providertest.NewOpenAI(nil, opt)
		ts.Setenv("OPENAI_API_KEY", "sk-test-fake")
		ts.Setenv("FAKE_URL", srv.URL+"/v1")
	case "google":
		srv = providertest.NewGoogle(nil, opt)
		ts.Setenv("GOOGLE_API_KEY", "fake-google-key")
		ts.Setenv("FAKE_URL", srv.URL)
	default:
		ts.Fatalf("unknown fake %q", args[0])
	}
	ts.Defer(srv.Close)
	fakesMu.Lock()
	fakes[ts] = srv
	fakesMu.Unlock()
	ts.Defer(func() {
		fakesMu.Lock()
		delete(fakes, ts)
		fakesMu.Unlock()
	})
}

// stubbornTranslation ignores the glossary unless the segment comes with feedback, like a model
// that needs to be told: then it adds the renderings the feedback asks for.
func stubbornTranslation(seg providertest.Segment, req providertest.RequestInfo) string {
	out := providertest.DefaultTranslation(seg, req)
	for _, m := range askedRendering.FindAllStringSubmatch(seg.Feedback, -1) {
		out += " [" + m[1] + "]"
	}
	return out
}

// askedRendering finds what a repair instruction asks for: `must be translated as "X"`,
// `; use "X"` (not `do not use "Y"`).
var askedRendering = regexp.MustCompile(`(?:must be translated as|; use) "([^"]+)"`)

func currentFake(ts *testscript.TestScript) *providertest.Server {
	fakesMu.Lock()
	defer fakesMu.Unlock()
	srv := fakes[ts]
	if srv == nil {
		ts.Fatalf("no fake running; use: fake openai|google")
	}
	return srv
}

func cmdFakeReqs(ts *testscript.TestScript, neg bool, args []string) {
	le := len(args) >= 2 && args[0] == "-le"
	if le {
		args = args[1:]
	}
	if len(args) != 1 && !(le && len(args) == 2) {
		ts.Fatalf("usage: fakereqs [-le] N [PLUS]")
	}
	want := 0
	for _, a := range args {
		n, err := strconv.Atoi(a)
		ts.Check(err)
		want += n
	}
	got := currentFake(ts).Count()
	ok := got == want || (le && got <= want)
	if ok == neg {
		ts.Fatalf("fake received %d requests, want %s%d", got, map[bool]string{true: "at most ", false: ""}[le], want)
	}
	ts.Logf("fake received %d requests", got)
}

func cmdFakeTerms(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: faketerms GLOSSARY")
	}
	g, err := glossary.Load(ts.MkAbs(args[0]))
	ts.Check(err)
	reqs := currentFake(ts).Requests()
	withTerms := 0
	for i, r := range reqs {
		want := map[string]bool{}
		for _, s := range r.Info.Segments {
			for _, m := range g.FindSource(s.Text) {
				// Terms go as found in the text when that is the term itself, else as the
				// glossary writes them (glossary.Match.Form).
				if f, ok := m.Form(); ok {
					want[f] = true
				} else {
					want[m.Entry.Source] = true
				}
			}
		}
		got := map[string]bool{}
		for _, t := range r.Info.Terms {
			got[t.Source] = true
			if !want[t.Source] {
				ts.Fatalf("request %d carried term %q that none of its segments contains", i, t.Source)
			}
		}
		for src := range want {
			if !got[src] {
				ts.Fatalf("request %d lacks term %q that its segments contain", i, src)
			}
		}
		if len(got) > 0 {
			withTerms++
		}
	}
	if withTerms == 0 {
		ts.Fatalf("no request carried glossary terms")
	}
	ts.Logf("%d of %d requests carried exactly the terms of their segments", withTerms, len(reqs))
}

// fakeSegments counts the segments of every request srv received.
func fakeSegments(srv *providertest.Server) int {
	n := 0
	for _, r := range srv.Requests() {
		n += len(r.Info.Segments)
	}
	return n
}
