package providertest

import (
	"context"
	"net/http"
	"testing"
)

// Handler serves one fake API. It reads the request into a RequestInfo, calls Server.Admit
// (which numbers and records the request and decides its fault), waits with Server.Wait,
// answers faults with Server.AnswerFault and everything else with Server.Translate, and
// records the status with Server.SetStatus. NewOpenAI and NewGoogle are built this way; a new
// driver's fake is too, in its own package.
type Handler func(s *Server, w http.ResponseWriter, r *http.Request)

// NewServer starts a fake on loopback with h serving every request; opt configures faults,
// latency, rate limits and translations as for the built-in fakes. It is closed when t ends.
func NewServer(t testing.TB, opt Options, h Handler) *Server {
	return newServer(t, opt, h)
}

// Admit numbers the request (info.N), records it with its body, and decides its fault: the
// server's rate limit first, then Options.FaultIf, Options.Faults and Options.Rates. index
// is for SetStatus.
func (s *Server) Admit(r *http.Request, body []byte, info *RequestInfo) (index int, fault Fault) {
	return s.admit(r, body, info)
}

// SetStatus records the status answered to request index (0 for a reset connection).
func (s *Server) SetStatus(index, status int) { s.setStatus(index, status) }

// Wait applies the answer's latency (Options.Latency, or SlowLatency for the Slow fault); it
// returns false when the client went away meanwhile.
func (s *Server) Wait(ctx context.Context, fault Fault) bool { return s.wait(ctx, fault) }

// Translate renders one segment with Options.Translate, or DefaultTranslation.
func (s *Server) Translate(seg Segment, info RequestInfo) string { return s.translate(seg, info) }

// Options returns the server's options (APIKey, EchoKey and the like matter to handlers).
func (s *Server) Options() Options { return s.opt }

// FaultReply is how a provider words one injected fault: HTTP status, its two error codes
// (e.g. a reason and a status name) and the message.
type FaultReply struct {
	Status     int
	Kind, Code string
	Message    string
}

// WireFaults is how one provider's wire format answers injected faults.
type WireFaults struct {
	// Write writes an error answer in the provider's format.
	Write   func(w http.ResponseWriter, status int, kind, code, msg string)
	Replies map[Fault]FaultReply
	// ContentType and Malformed are the success content type and a truncated success body,
	// for the Malformed fault.
	ContentType string
	Malformed   string
}

// AnswerFault answers an injected fault to r the way the provider would (Reset closes the
// connection, Malformed sends a truncated body, TooMany adds Retry-After, Redirect sends the
// client to Options.RedirectTo, the others write their Replies entry); done is false when
// fault calls for a normal answer, which may still need doctoring (MissingID, EmptyText, …)
// by the handler. echo is appended to error messages.
func (s *Server) AnswerFault(w http.ResponseWriter, r *http.Request, fault Fault, echo string, wf WireFaults) (status int, done bool) {
	replies := make(map[Fault]faultReply, len(wf.Replies))
	for f, r := range wf.Replies {
		replies[f] = faultReply{status: r.Status, kind: r.Kind, code: r.Code, message: r.Message}
	}
	return s.answerFault(w, r, fault, echo, wireFaults{write: wf.Write, replies: replies, contentType: wf.ContentType, malformed: wf.Malformed})
}

// KeyFrom is the API key a request carries (query key=, X-Goog-Api-Key, Api-Key, a Bearer or
// "DeepL-Auth-Key" Authorization header).
func KeyFrom(r *http.Request) string { return keyFrom(r) }
