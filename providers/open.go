package providers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync/atomic"
)

// Optional abilities of a driver's provider, as optional interfaces (like database/sql/driver's
// Pinger or SessionResetter). Callers ask through the functions below, which see through Wrap.

// FeedbackUser is implemented by providers that can say whether a repair round's Feedback
// changes what they send. Google v2 and DeepL render the same text the same way whatever the
// feedback says: a repair round would pay for a byte-identical request.
type FeedbackUser interface {
	UsesFeedback() bool
}

// UsesFeedback reports whether asking p again with Request.Feedback can give a different
// answer. Providers that do not say are assumed to use it.
func UsesFeedback(p Provider) bool {
	if f, ok := Unwrap(p).(FeedbackUser); ok {
		return f.UsesFeedback()
	}
	return true
}

// GlossaryManager is implemented by providers with glossaries of their own (DeepL, Google v3):
// created from term pairs, listed, deleted, and used by name when translating.
type GlossaryManager interface {
	CreateGlossary(ctx context.Context, name, sourceLang, targetLang string, entries []Term) (GlossaryInfo, error)
	ListGlossaries(ctx context.Context) ([]GlossaryInfo, error)
	DeleteGlossary(ctx context.Context, id string) error
}

// GlossaryInfo describes a provider-side glossary.
type GlossaryInfo struct {
	ID         string
	Name       string
	SourceLang string
	TargetLang string
	Entries    int
	Ready      bool
}

// Glossaries returns p's glossary manager, when it has one.
func Glossaries(p Provider) (GlossaryManager, bool) {
	g, ok := Unwrap(p).(GlossaryManager)
	return g, ok
}

// QuotaReporter is implemented by providers that can tell what is left of the account's
// quota (DeepL's /v2/usage), for `bitext providers` and the dry run.
type QuotaReporter interface {
	Quota(ctx context.Context) (Quota, error)
}

// Quota is an account's use of its character allowance in the current period.
type Quota struct {
	CharactersUsed  int64
	CharactersLimit int64 // 0: unknown or unlimited
}

// String is "1,234 of 500,000 characters used".
func (q Quota) String() string {
	if q.CharactersLimit <= 0 {
		return fmt.Sprintf("%d characters used", q.CharactersUsed)
	}
	return fmt.Sprintf("%d of %d characters used (%d left)", q.CharactersUsed, q.CharactersLimit, q.CharactersLimit-q.CharactersUsed)
}

// QuotaOf asks p for its quota; ok is false when p cannot tell.
func QuotaOf(ctx context.Context, p Provider) (q Quota, ok bool, err error) {
	r, isQR := Unwrap(p).(QuotaReporter)
	if !isQR {
		return Quota{}, false, nil
	}
	q, err = r.Quota(ctx)
	return q, true, err
}

// Close releases what p holds (idle connections, a gRPC channel), when it holds anything.
func Close(p Provider) error {
	if c, ok := Unwrap(p).(io.Closer); ok {
		return c.Close()
	}
	return nil
}

// Unwrap returns the driver's provider inside a Wrap, or p itself.
func Unwrap(p Provider) Provider {
	for {
		w, ok := p.(interface{ Unwrap() Provider })
		if !ok {
			return p
		}
		p = w.Unwrap()
	}
}

// Wrap puts around a driver's provider what every driver shares, as sql.DB does around
// driver.Conn: requests cut to the driver's declared limits (segments, characters, tokens by
// the driver's own estimator), IDs validated (unique, non-empty, one answer each, in order),
// errors scrubbed of secret, usage counted, and obviously wrong answers (SuspectReason,
// ShiftedPattern) asked again one by one; what still fails comes back with
// Translation.Suspect set. The wrapper keeps the driver's PromptVersion, if any.
func Wrap(p Provider, opt WrapOptions, secrets ...string) Provider {
	if p == nil {
		return nil
	}
	if _, ok := p.(*wrapped); ok {
		return p
	}
	check := BasicSuspectReason
	if opt.LanguageCheck {
		check = SuspectReason
	}
	w := &wrapped{inner: p, secrets: secrets, check: check, guard: newLeakGuard(secrets)}
	if pv, ok := p.(PromptVersioner); ok {
		return &wrappedVersioned{wrapped: w, pv: pv}
	}
	return w
}

// WrapOptions tune Wrap.
type WrapOptions struct {
	// LanguageCheck adds LanguageSuspect to the checks of every answer. It is off unless asked
	// for (Config.Options[OptAnswerCheck] = "language") because the test fakes answer
	// "EN(<the German source>)", which reads as German; once their golden files change it
	// should be the default.
	LanguageCheck bool
}

// OptAnswerCheck is the Config.Options key that chooses the answer checks of Open: "language"
// adds the German-language check to the basic ones (empty, unchanged, length, shifted).
const OptAnswerCheck = "answer-check"

type wrapped struct {
	inner   Provider
	check   func(source, translation string) string
	secrets []string
	guard   *leakGuard // finds the secrets in answers
	total   struct{ requests, retries, characters, suspects, reasked atomic.Int64 }
}

// wrappedVersioned is wrapped for drivers with a prompt version: the method must exist only
// when the driver has it, since translation-memory keys include it when present.
type wrappedVersioned struct {
	*wrapped
	pv PromptVersioner
}

func (w *wrappedVersioned) PromptVersion() string { return w.pv.PromptVersion() }

func (w *wrapped) Name() string               { return w.inner.Name() }
func (w *wrapped) Model() string              { return w.inner.Model() }
func (w *wrapped) Capabilities() Capabilities { return w.inner.Capabilities() }
func (w *wrapped) Unwrap() Provider           { return w.inner }

// Close closes the driver's provider if it holds anything.
func (w *wrapped) Close() error { return Close(w.inner) }

// UsesFeedback forwards the driver's answer.
func (w *wrapped) UsesFeedback() bool { return UsesFeedback(w.inner) }

// segmentOverheadTokens is what one segment costs beyond its text in a request (ID, JSON).
const segmentOverheadTokens = 8

// Chunks cuts segs into runs that respect caps, estimating tokens with est. A segment that
// alone exceeds a limit goes alone: splitting text is the caller's business (it knows
// sentences), and the driver's answer or error says what the service made of it.
func Chunks(segs []Segment, caps Capabilities, contextText string, est func(string) int) [][]Segment {
	if est == nil {
		est = EstimateTokens
	}
	var out [][]Segment
	var cur []Segment
	chars, tokens := 0, 0
	ctxTokens := 0
	if caps.Context && contextText != "" {
		ctxTokens = est(contextText)
	}
	for _, s := range segs {
		c, t := len([]rune(s.Text)), est(s.Text)+segmentOverheadTokens
		full := len(cur) > 0 && ((caps.MaxSegments > 0 && len(cur)+1 > caps.MaxSegments) ||
			(caps.MaxChars > 0 && chars+c > caps.MaxChars) ||
			(caps.MaxTokens > 0 && ctxTokens+tokens+t > caps.MaxTokens))
		if full {
			out = append(out, cur)
			cur, chars, tokens = nil, 0, 0
		}
		cur = append(cur, s)
		chars += c
		tokens += t
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// Translate implements Provider.
func (w *wrapped) Translate(ctx context.Context, req *Request) (*Response, error) {
	seen := make(map[string]bool, len(req.Segments))
	for i, s := range req.Segments {
		if s.ID == "" || seen[s.ID] {
			return nil, fmt.Errorf("%s: segment %d: IDs must be unique and non-empty (got %q)", w.inner.Name(), i, s.ID)
		}
		seen[s.ID] = true
	}
	caps := w.inner.Capabilities()
	est := func(s string) int { return EstimateTokensFor(w.inner, s) }
	// A segment over the request limits goes out in pieces cut at sentence or clause
	// boundaries, and their translations are joined again: no request exceeds the limits.
	segments, parts := req.Segments, map[string][]string(nil)
	maxTok := 0
	if caps.MaxTokens > 0 {
		maxTok = caps.MaxTokens - segmentOverheadTokens
		if caps.Context && req.Context != "" {
			maxTok -= est(req.Context)
		}
		maxTok = max(maxTok, 16)
	}
	for i, s := range req.Segments {
		pieces := SplitOversize(s.Text, caps.MaxChars, maxTok, est)
		if len(pieces) == 1 {
			if parts != nil {
				segments = append(segments, s)
			}
			continue
		}
		if parts == nil {
			parts = map[string][]string{}
			segments = append([]Segment(nil), req.Segments[:i]...)
		}
		for k, p := range pieces {
			id := fmt.Sprintf("%s#%d", s.ID, k+1)
			for seen[id] {
				id += "'"
			}
			seen[id] = true
			parts[s.ID] = append(parts[s.ID], id)
			segments = append(segments, Segment{ID: id, Text: p, Note: s.Note})
		}
	}
	resp := &Response{Translations: make([]Translation, 0, len(segments))}
	var failed map[string]bool
	var failErr *Error
	for _, chunk := range Chunks(segments, caps, req.Context, est) {
		part, err := w.send(ctx, req, chunk)
		if part != nil {
			resp.Usage.Add(part.Usage)
		}
		if err != nil {
			var pe *Error
			if ids := FailedIDs(err); ids != nil && errors.As(err, &pe) && ctx.Err() == nil {
				// Some segments failed on their own: the others are kept, and the other
				// chunks asked.
				if failed == nil {
					failed, failErr = map[string]bool{}, pe
				}
				for _, id := range ids {
					failed[id] = true
				}
				if part != nil {
					resp.Translations = append(resp.Translations, part.Translations...)
				}
				continue
			}
			w.count(resp.Usage)
			// The usage of every request sent, whatever failed.
			return &Response{Usage: resp.Usage}, w.scrub(err)
		}
		resp.Translations = append(resp.Translations, part.Translations...)
	}
	if parts != nil {
		resp.Translations = join(req.Segments, parts, resp.Translations, failed)
	}
	w.count(resp.Usage)
	if failed != nil {
		// The failed IDs as the caller knows them: a segment sent in pieces failed when one
		// of its pieces did.
		sf := &SegmentsFailedError{Tries: 1}
		var inner *SegmentsFailedError
		if errors.As(failErr, &inner) {
			sf.Reason, sf.Tries = inner.Reason, inner.Tries
		}
		for _, s := range req.Segments {
			if failed[s.ID] {
				sf.IDs = append(sf.IDs, s.ID)
				continue
			}
			for _, id := range parts[s.ID] {
				if failed[id] {
					sf.IDs = append(sf.IDs, s.ID)
					break
				}
			}
		}
		return resp, w.scrub(&Error{Provider: failErr.Provider, Status: failErr.Status, Message: failErr.Message, Err: sf})
	}
	return resp, nil
}

// count adds a call's usage to the totals of StatsOf.
func (w *wrapped) count(u Usage) {
	w.total.requests.Add(int64(u.Requests))
	w.total.retries.Add(int64(u.Retries))
	w.total.characters.Add(int64(u.Characters))
}

// join puts the translations of split segments back together, in request order. Segments
// that failed, or one of whose pieces failed, are left out.
func join(segs []Segment, parts map[string][]string, ts []Translation, failed map[string]bool) []Translation {
	byID := make(map[string]Translation, len(ts))
	for _, t := range ts {
		byID[t.ID] = t
	}
	out := make([]Translation, 0, len(segs))
	for _, s := range segs {
		ids, split := parts[s.ID]
		if !split {
			if !failed[s.ID] {
				out = append(out, byID[s.ID])
			}
			continue
		}
		if slices.ContainsFunc(ids, func(id string) bool { return failed[id] }) {
			continue
		}
		out = append(out, Translation{})
		i := len(out) - 1
		var text, without []string
		var suspect string
		for _, id := range ids {
			t := byID[id]
			text = append(text, strings.TrimSpace(t.Text))
			without = append(without, strings.TrimSpace(t.WithoutGlossary))
			if suspect == "" {
				suspect = t.Suspect
			}
		}
		out[i] = Translation{ID: s.ID, Text: strings.Join(text, " "), Suspect: suspect}
		if w := strings.TrimSpace(strings.Join(without, " ")); w != "" {
			out[i].WithoutGlossary = w
		}
	}
	return out
}

// send asks the driver for one chunk, validates the answer, and re-asks suspect answers once
// each on their own.
func (w *wrapped) send(ctx context.Context, req *Request, segs []Segment) (*Response, error) {
	sub := *req
	sub.Segments = segs
	resp, failure := w.inner.Translate(ctx, &sub)
	if failure != nil {
		failed := FailedIDs(failure)
		if failed == nil || resp == nil {
			return resp, failure
		}
		// Some segments failed on their own: the answered ones are checked as usual and
		// come back with the failure.
		segs = slices.DeleteFunc(slices.Clone(segs), func(s Segment) bool { return slices.Contains(failed, s.ID) })
		sub.Segments = segs
	}
	ts, err := w.inOrder(segs, resp.Translations)
	if err != nil {
		return resp, err
	}
	resp.Translations = ts
	sources := make([]string, len(segs))
	answers := make([]string, len(segs))
	for i := range segs {
		sources[i], answers[i] = segs[i].Text, ts[i].Text
	}
	shifted := ShiftedPattern(sources, answers)
	// Several answers fitting a neighbour better is the pattern of a batch shifted or rotated
	// as a whole: the answers that did not give themselves away (no number, a length that
	// fits either way) are as likely to be a neighbour's, so every segment is asked again.
	whole := 0
	for _, sh := range shifted {
		if sh {
			whole++
		}
	}
	for i, s := range segs {
		if w.leaks(ts[i], s.Text) {
			continue // failed below; asking again would only show the key to the same server
		}
		reason := w.check(s.Text, ts[i].Text)
		if reason == "" && (shifted[i] || whole >= 2) {
			reason = SuspectShifted
		}
		if reason == "" {
			continue
		}
		// Once more, alone: a batch that went wrong as a whole (shifted, merged) usually gets
		// it right for a single segment. Feedback says what was wrong, for drivers that use it.
		w.total.reasked.Add(1)
		one := sub
		one.Segments = []Segment{s}
		one.Terms = TermsIn(sub.Terms, one.Segments)
		one.Feedback = map[string]string{s.ID: feedback(reason)}
		again, err := w.inner.Translate(ctx, &one)
		if again != nil {
			resp.Usage.Add(again.Usage)
		}
		if err != nil {
			if ctx.Err() != nil {
				return resp, ctx.Err()
			}
			// The first answer stands, flagged: one re-ask failing must not end the job.
			ts[i].Suspect = reason
			w.total.suspects.Add(1)
			continue
		}
		if len(again.Translations) == 1 {
			ts[i].Text = again.Translations[0].Text
			ts[i].WithoutGlossary = again.Translations[0].WithoutGlossary
			if r := w.check(s.Text, ts[i].Text); r != "" {
				ts[i].Suspect = r
				w.total.suspects.Add(1)
			}
			continue
		}
		ts[i].Suspect = reason
		w.total.suspects.Add(1)
	}
	return w.dropUnusable(resp, failure, segs)
}

// leaks reports whether an answer holds the provider's credential and its source does not: a
// source that holds it (a local server's made-up key, "lm-studio-key", written in the text)
// is translated with it, not leaked.
func (w *wrapped) leaks(t Translation, source string) bool {
	if w.guard.leaks(source) {
		return false
	}
	return w.guard.leaks(t.Text) || w.guard.leaks(t.WithoutGlossary)
}

// dropUnusable takes out of resp the answers that are no translation and fails their
// segments (a *SegmentsFailedError joined to the driver's own failure, if any), so that they are
// written untranslated and asked again by the next run: an answer holding the credential (a
// misbehaving proxy; its source does not hold it), and one still empty or a refusal after it
// was asked again alone (Unusable).
func (w *wrapped) dropUnusable(resp *Response, failure error, segs []Segment) (*Response, error) {
	source := make(map[string]string, len(segs))
	for _, s := range segs {
		source[s.ID] = s.Text
	}
	var leaked, unusable []string
	why := ""
	resp.Translations = slices.DeleteFunc(resp.Translations, func(t Translation) bool {
		switch {
		case w.guard != nil && w.leaks(t, source[t.ID]):
			leaked = append(leaked, t.ID)
			return true
		case Unusable(t.Suspect):
			unusable = append(unusable, t.ID)
			if why == "" {
				why = t.Suspect
			} else if why != t.Suspect {
				// One reason names every segment: the first's would be wrong for the others.
				why = "refusals or empty answers"
			}
			return true
		}
		return false
	})
	if len(leaked)+len(unusable) == 0 {
		return resp, failure
	}
	sf := &SegmentsFailedError{Reason: ReasonCredential, Tries: 1}
	message := "a server echoed the API key"
	if len(leaked) == 0 {
		sf.Reason, sf.Tries = "no translation in the answer ("+why+")", 2
		message = "answers that hold no translation"
	}
	var pe *Error
	var inner *SegmentsFailedError
	if errors.As(failure, &pe) && errors.As(failure, &inner) {
		// The driver failed some segments itself: one failure names them all, the driver's
		// first with its reason (Translate puts the IDs back in request order).
		sf.Reason, sf.Tries = inner.Reason, inner.Tries
		sf.IDs = append(append(slices.Clone(inner.IDs), leaked...), unusable...)
		return resp, &Error{Provider: pe.Provider, Status: pe.Status, Message: pe.Message, Err: sf}
	}
	sf.IDs = append(leaked, unusable...)
	return resp, &Error{Provider: w.inner.Name(), Message: message, Err: sf}
}

// feedback tells the model why its answer was asked again.
func feedback(reason string) string {
	if strings.HasPrefix(reason, SuspectChatter) {
		return "The previous answer was rejected: it held more than the translation (" + reason + "). Answer with the translation of this segment alone: no preamble, no note, no quotation marks the segment does not have."
	}
	return "The previous answer was rejected as " + reason + ": translate this segment completely into the target language."
}

// inOrder checks that ts holds exactly one answer per segment and returns them in segs order.
func (w *wrapped) inOrder(segs []Segment, ts []Translation) ([]Translation, error) {
	if len(ts) != len(segs) {
		return nil, &Error{Provider: w.inner.Name(), Message: fmt.Sprintf("the driver answered %d segments, asked for %d", len(ts), len(segs))}
	}
	byID := make(map[string]Translation, len(ts))
	for _, t := range ts {
		if _, dup := byID[t.ID]; dup {
			return nil, &Error{Provider: w.inner.Name(), Message: fmt.Sprintf("the driver answered segment %q twice", t.ID)}
		}
		byID[t.ID] = t
	}
	out := make([]Translation, len(segs))
	for i, s := range segs {
		t, ok := byID[s.ID]
		if !ok {
			return nil, &Error{Provider: w.inner.Name(), Message: fmt.Sprintf("the driver's answer lacks segment %q", s.ID)}
		}
		out[i] = t
	}
	return out, nil
}

// scrub removes secrets from err. A *Error keeps its type, and cancellation stays
// recognisable, so callers map exit codes as before.
func (w *wrapped) scrub(err error) error {
	if len(w.secrets) == 0 || err == nil {
		return err
	}
	if holdsSecret(err.Error(), w.secrets...) {
		return ScrubError(err, w.secrets...)
	}
	return err
}

// Stats are what a wrapped provider has done since Open.
type Stats struct {
	Requests, Retries int64
	Characters        int64 // source characters sent, in every request, failed or not
	Reasked           int64 // suspect answers asked again on their own
	Suspects          int64 // answers returned with Translation.Suspect set
}

// StatsOf returns p's counts when p came from Open or Wrap.
func StatsOf(p Provider) (Stats, bool) {
	var w *wrapped
	switch v := p.(type) {
	case *wrapped:
		w = v
	case *wrappedVersioned:
		w = v.wrapped
	default:
		return Stats{}, false
	}
	return Stats{Requests: w.total.requests.Load(), Retries: w.total.retries.Load(), Characters: w.total.characters.Load(), Reasked: w.total.reasked.Load(), Suspects: w.total.suspects.Load()}, true
}
