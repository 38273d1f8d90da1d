package translate

import (
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/providers"
)

// DefaultCapabilities are used for planning when no provider is configured: the limits of a
// typical chat-completion provider.
var DefaultCapabilities = providers.Capabilities{
	MaxSegments:        50,
	MaxChars:           12000,
	MaxTokens:          6000,
	Context:            true,
	DefaultConcurrency: 4,
}

// segmentOverheadTokens is what one segment costs beyond its text in a request: its ID and the
// JSON around it. The estimate only has to be good enough to keep requests under MaxTokens.
const segmentOverheadTokens = 8

// EstimateTokens estimates the input tokens of a text. It is the providers package's estimator,
// so that the plan, the batcher and the rate limiter count alike.
func EstimateTokens(s string) int { return providers.EstimateTokens(s) }

// item is one unit waiting for translation, as the batcher sees it.
type item struct {
	doc  *job
	unit int // index into doc.units
}

func (it item) u() *unitState { return &it.doc.units[it.unit] }

// batch is a set of items sent in one request.
type batch struct {
	items   []item
	chars   int // source characters of the segments
	tokens  int // estimated input tokens, context included
	context []string
	ctxSeen map[paraKey]bool
	useCtx  bool
}

type paraKey struct {
	doc   *job
	block int32
}

// batcher cuts items into batches within a provider's capabilities.
type batcher struct {
	caps providers.Capabilities
	cur  *batch
}

func newBatcher(caps providers.Capabilities) *batcher {
	if caps.MaxSegments <= 0 {
		caps.MaxSegments = DefaultCapabilities.MaxSegments
	}
	return &batcher{caps: caps}
}

// add puts an item into the current batch. When the item does not fit, the current batch is
// returned full and the item starts the next one. A single item larger than the limits still
// goes alone: cutting a sentence would change its translation.
func (b *batcher) add(it item) (full *batch) {
	u := it.u()
	chars := utf8.RuneCountInString(u.source)
	tokens := EstimateTokens(u.source) + segmentOverheadTokens
	var ctxText string
	context := ""
	if b.caps.Context {
		context = it.doc.context(u)
	}
	if context != "" {
		k := paraKey{it.doc, u.block}
		if b.cur == nil || !b.cur.ctxSeen[k] {
			ctxText = context
			tokens += EstimateTokens(ctxText)
		}
	}
	if b.cur != nil && !b.fits(b.cur, chars, tokens, u.note) {
		full = b.cur
		b.cur = nil
		if context != "" {
			ctxText = context // the new batch needs this paragraph again
			tokens = EstimateTokens(u.source) + segmentOverheadTokens + EstimateTokens(ctxText)
		}
	}
	if b.cur == nil {
		b.cur = &batch{ctxSeen: map[paraKey]bool{}, useCtx: b.caps.Context}
	}
	c := b.cur
	c.items = append(c.items, it)
	c.chars += chars
	c.tokens += tokens
	if ctxText != "" {
		c.ctxSeen[paraKey{it.doc, u.block}] = true
		c.context = append(c.context, ctxText)
	}
	return full
}

func (b *batcher) fits(c *batch, chars, tokens int, note string) bool {
	if len(c.items)+1 > b.caps.MaxSegments {
		return false
	}
	if b.caps.OneNote && len(c.items) > 0 && strings.TrimSpace(c.items[0].u().note) != strings.TrimSpace(note) {
		return false
	}
	if b.caps.MaxChars > 0 && c.chars+chars > b.caps.MaxChars {
		return false
	}
	if b.caps.MaxTokens > 0 && c.tokens+tokens > b.caps.MaxTokens {
		return false
	}
	return true
}

// flush returns the partial batch, if any.
func (b *batcher) flush() *batch {
	c := b.cur
	b.cur = nil
	return c
}
