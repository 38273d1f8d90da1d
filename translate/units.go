package translate

import (
	"context"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/tm"
)

// unitState is one segment of a document on its way through the pipeline. It is kept small and
// holds no copies of text: source is a slice of its block's text, the context is the block
// itself, and the memory key is built when needed (lookup and store), not kept per unit.
type unitState struct {
	block    int32 // index into job.blocks
	sentence int32 // index into the block's sentences; -1 for a paragraph unit
	hasCtx   bool  // the block's text is context worth sending (more than one sentence, not too long)
	tmHit    bool
	people   bool // the memory's answer is one people made (an imported or reviewed entry)
	// again marks a machine translation from the memory with glossary violations, re-asked with
	// them named (the repair rounds) instead of taken as it is (see markAgain).
	again  bool
	repeat bool    // answered by an identical unit of the run, not by a request of its own
	lead   *answer // the answer this unit's request brings, for the identical units after it
	source string
	// plain says source is a document's tagged text without codes: the memory keys and holds
	// it as plain text (document.Plain), as it holds the same sentence read from a text file
	// or imported from a TMX, and its target is escaped again for the document (see
	// memoryKeySource). A tagged "A &amp; B" never matched a TMX's "A & B", and an export
	// wrote the escapes into the TMX as text.
	plain bool
	// note is the block's note (segment.Block.Note): sent with the segment, and part of its
	// memory key and of what makes two units the same request.
	note string
	// codeShift is what was taken off the numbers of a document sentence's inline codes so
	// that they start at 1 (see document.ShiftCodes); its answer is shifted back.
	codeShift int32
	// kept are the texts of the block's kept pieces (segment.Block.Code: inline code, text
	// marked translate="no" or in another language) that source holds as its codes <x1/>…,
	// so that they are never sent; the result writes them back (see protectKept).
	kept []string
	// codes is what the inline codes of a document's sentence stand for, numbered as the
	// sentence's text in its block numbers them (before codeShift): the block's codes, shared
	// by its units, not copied; nil when unknown. The memory stores them (memoryCodes).
	codes []document.Code

	terms    []providers.Term // glossary terms found in source, as sent to the provider (not with GlossaryCheck)
	entries  []string         // the glossary entries of terms, for plans
	termKeys []string         // the distinct entries found, sorted: part of the memory key

	target     string
	violations []Violation
	failed     error // no usable translation after every retry
	// suspect is the provider's reason (providers.Suspect*) when the answer still looked
	// obviously wrong after it was asked again: it is flagged and never stored in the memory.
	suspect string

	// split is the sentence this unit is a piece of, when the sentence was too long for one
	// request (see splitOversize); nil for a whole sentence. piece is the unit's 1-based
	// position among the sentence's pieces, which are consecutive units.
	split *splitSentence
	piece int32
}

// splitSentence is a sentence (or a paragraph unit) over the provider's request limits. Each
// of its pieces is a unit of its own, so that it goes through dedup, claims and the memory like
// any segment: a piece paid for is stored at once and never paid again, whatever happens to the
// rest. result joins the pieces into one pair again.
type splitSentence struct {
	source string // the whole unit's source: the pieces concatenated
	pieces int32
	// failed and translated make a sentence one failure, and one translated segment, however
	// many of its pieces fail or are translated.
	failed, translated atomic.Bool
	// repeatsWaiting is, for a repeated sentence, how many of its pieces wait for the answer
	// of an identical piece in flight (see countRepeatsDone); 0 otherwise.
	repeatsWaiting atomic.Int32
}

// whole is the source of the sentence u belongs to.
func (u *unitState) whole() string {
	if u.split != nil {
		return u.split.source
	}
	return u.source
}

// reportFailure tells whether u's failure is reported: always for a whole sentence, once for
// the pieces of a split one.
func (u *unitState) reportFailure() bool {
	return u.split == nil || u.split.failed.CompareAndSwap(false, true)
}

// countTranslated tells whether an answer of u counts as a translated segment: always for a
// whole sentence, once for the pieces of a split one.
func (u *unitState) countTranslated() bool {
	return u.split == nil || u.split.translated.CompareAndSwap(false, true)
}

// repeatAnswered tells whether the answer u was waiting for, just given to it, completes a
// repeated segment with a translation: always for a whole sentence that did not fail, and once,
// with the last of the pieces waiting, for a split one none of whose pieces failed. The pieces
// of a sentence that some piece leads never count: that sentence is Translated.
func (u *unitState) repeatAnswered() bool {
	if u.split == nil {
		return u.failed == nil
	}
	return u.split.repeatsWaiting.Add(-1) == 0 && !u.split.failed.Load()
}

// job is a piece of one document in flight: the whole document when it is small, otherwise a
// run of consecutive blocks, so that a document of any size is held a piece at a time.
type job struct {
	index int // the document's position in the input
	part  int // the piece's position in the document, from 0
	final bool
	first int // document index of blocks[0]

	doc    *segment.Document // the document as given to Run or Plan; nil for an Input
	name   string
	format segment.Format
	lang   string
	tagged bool // the blocks are a document's tagged text (Input.Tagged)
	// codes is Input.codes, by the block's index in the document (first + its index here).
	codes  func(block, sentence int) []document.Code
	form   segment.TextForm
	blocks []segment.Block

	units   []unitState
	pending atomic.Int64 // units not yet translated
	done    chan struct{}
	weight  int64 // window units held until the piece is handed to the sink
}

func (j *job) resolve(n int) {
	if j.pending.Add(-int64(n)) == 0 {
		close(j.done)
	}
}

// failure describes a failed unit.
func (j *job) failure(u *unitState) Failure {
	return Failure{Doc: j.name, Paragraph: j.first + int(u.block) + 1, Sentence: int(u.sentence) + 1, Source: u.whole(), Err: u.failed}
}

// context returns the paragraph of a unit for providers that take context, or "".
func (j *job) context(u *unitState) string {
	if !u.hasCtx {
		return ""
	}
	return j.blocks[u.block].Text
}

// maxContextBytes bounds the paragraph sent as context with a sentence. A longer paragraph (a
// one-line article, a table flattened into text) would be sent again with every batch and crowd
// out the segments themselves; its sentences go without context.
const maxContextBytes = 4000

// blockSentences returns the sentences of a block; a block with text but no sentence spans is
// one sentence.
func blockSentences(b *segment.Block) []segment.Span {
	if b.Kept {
		return nil // shown, never sent: code, math, Liquid, translate="no" text
	}
	if len(b.Sentences) > 0 {
		return b.Sentences
	}
	if strings.TrimSpace(b.Text) == "" {
		return nil
	}
	return []segment.Span{{Text: b.Text, Start: 0, End: len(b.Text)}}
}

// addBlock cuts one block (already appended to j.blocks) into units and finds the glossary terms
// of each.
func (t *Translator) addBlock(j *job, bi int) {
	b := &j.blocks[bi]
	sents := blockSentences(b)
	if len(sents) == 0 {
		return
	}
	mode := t.mode()
	add := func(u unitState) {
		// Sent as its words unless the words themselves read as code tags ("das Element
		// <g1>", text about HTML or templates): those would be taken for codes in the answer.
		u.plain = j.tagged && !document.HasTags(u.source) && !document.HasTags(document.Plain(u.source))
		u.note = b.Note
		if j.codes != nil && !u.plain {
			u.codes = j.codes(j.first+bi, max(int(u.sentence), 0))
		}
		if mode != GlossaryOff {
			u.terms, u.entries, u.termKeys = t.findTerms(u.source)
		}
		j.units = append(j.units, u)
	}
	// A block of subtitle cues is no paragraph: its units are the cues, each with its timing,
	// and an answer for the whole block split back by alignment moved words into other cues.
	if t.unit() == Paragraph && !subtitles(j.format) {
		u := unitState{block: int32(bi), sentence: -1, source: b.Text}
		if !j.tagged {
			u.source, u.kept = protectKept(b.Text, 0, b.Code)
		}
		add(u)
		return
	}
	hasCtx := len(sents) > 1 && len(b.Text) <= maxContextBytes
	if !j.tagged && len(b.Code) > 0 {
		addProtected(j, bi, sents, hasCtx, add)
		return
	}
	for si, s := range sents {
		u := unitState{block: int32(bi), sentence: int32(si), source: s.Text, hasCtx: hasCtx}
		if si > 0 {
			// A later sentence of a document's segment: its codes numbered from 1, so that the
			// same sentence elsewhere has the same memory key and request.
			if first := document.FirstCode(s.Text); first > 1 {
				u.source, u.codeShift = document.ShiftCodes(s.Text, 1-first), int32(first-1)
			}
		}
		add(u)
	}
}

// addProtected cuts a block read for its main text that has kept pieces into units, each
// sentence with its kept pieces as codes (see protectKept). A sentence that is kept pieces alone
// ("<span translate="no">Die Firma Müller GmbH haftet nicht.</span>" after a sentence to
// translate) goes with its neighbour, as a code of its unit: on its own it was sent as a bare
// "<x1/>", stored so, and written to pair files as its own German translation.
func addProtected(j *job, bi int, sents []segment.Span, hasCtx bool, add func(unitState)) {
	b := &j.blocks[bi]
	start, last, lastStart := -1, -1, 0 // start: kept-only sentences waiting for the next one
	for si, s := range sents {
		from := s.Start
		if start >= 0 {
			from = start
		}
		source, kept := protectKept(b.Text[from:s.End], from, b.Code)
		if !hasWord(document.Plain(source)) {
			if last >= 0 {
				u := &j.units[last]
				u.source, u.kept = protectKept(b.Text[lastStart:s.End], lastStart, b.Code)
			} else if start < 0 {
				start = s.Start
			}
			continue
		}
		start = -1
		add(unitState{block: int32(bi), sentence: int32(si), source: source, kept: kept, hasCtx: hasCtx})
		last, lastStart = len(j.units)-1, from
	}
	if last < 0 && start >= 0 {
		// Kept pieces only (package segment makes such a block Kept, never sent).
		source, kept := protectKept(b.Text[start:], start, b.Code)
		add(unitState{block: int32(bi), source: source, kept: kept, hasCtx: hasCtx})
	}
}

// splitOversize replaces each unit of j that the memory did not answer and that is over the
// provider's request limits (characters, or tokens less the overhead and the context) by its
// pieces, cut by providers.SplitOversize at sentence or clause boundaries. The whole unit was
// looked up first, so that a memory entry of the whole sentence (from an older run) is still
// used. A cut inside a paired inline code is not made: the piece is joined with the next until
// its codes are whole, and a piece still over the limits is split by the provider itself, as
// before. It returns whether any unit was split.
func (t *Translator) splitOversize(j *job) bool {
	if t.Provider == nil {
		return false
	}
	caps := t.Provider.Capabilities()
	if caps.MaxChars <= 0 && caps.MaxTokens <= 0 {
		return false
	}
	inner := providers.Unwrap(t.Provider)
	est := func(s string) int { return providers.EstimateTokensFor(inner, s) }
	mode := t.mode()
	var out []unitState
	for i := range j.units {
		u := &j.units[i]
		var pieces []string
		if !u.tmHit && (caps.MaxTokens > 0 || len(u.source) > caps.MaxChars) { // bytes ≥ characters
			maxTok := 0
			if caps.MaxTokens > 0 {
				maxTok = caps.MaxTokens - segmentOverheadTokens
				if caps.Context && u.hasCtx {
					maxTok -= est(j.context(u))
				}
				maxTok = max(maxTok, 16)
			}
			pieces = cutPieces(u.source, caps.MaxChars, maxTok, est)
		}
		if len(pieces) <= 1 {
			if out != nil {
				out = append(out, *u)
			}
			continue
		}
		if out == nil {
			out = make([]unitState, i, len(j.units)+len(pieces))
			copy(out, j.units[:i])
		}
		sp := &splitSentence{source: u.source, pieces: int32(len(pieces))}
		for k, p := range pieces {
			pu := unitState{block: u.block, sentence: u.sentence, hasCtx: u.hasCtx, source: p,
				codeShift: u.codeShift, split: sp, piece: int32(k + 1), plain: u.plain, note: u.note, kept: u.kept, codes: u.codes}
			if mode != GlossaryOff {
				pu.terms, pu.entries, pu.termKeys = t.findTerms(p)
			}
			out = append(out, pu)
		}
	}
	if out == nil {
		return false
	}
	j.units = out
	return true
}

// cutPieces is providers.SplitOversize that never leaves a paired inline code open in a
// piece: the tag guard would take the half pair for a broken answer.
func cutPieces(src string, maxChars, maxTok int, est func(string) int) []string {
	pieces := providers.SplitOversize(src, maxChars, maxTok, est)
	if len(pieces) <= 1 || !document.HasTags(src) {
		return pieces
	}
	out := pieces[:0]
	start, end := 0, 0
	for _, p := range pieces {
		end += len(p)
		cur := src[start:end]
		if !document.HasTags(cur) || document.CheckTags(document.CodesOf(cur), cur) == nil {
			out = append(out, cur)
			start = end
		}
	}
	if start < len(src) {
		if len(out) == 0 {
			return []string{src}
		}
		out[len(out)-1] = src[start-len(out[len(out)-1]):]
	}
	return out
}

// key is the memory key of a unit. The identity parts are computed once per run (runKey).
func (t *Translator) key(base *tm.Key, u *unitState) tm.Key {
	k := *base
	k.Source = u.source
	if u.plain {
		k.Source = document.Plain(u.source)
	}
	k.Note = u.note
	if t.mode() != GlossaryCheck { // with GlossaryCheck nothing was sent, so nothing applied to the answer
		k.Terms = u.termKeys
	}
	return k
}

// storeKey is the key u's translation is stored under: its memory key with what the codes of
// its source stand for (tm.Key.Codes, which no lookup compares), so that an export of the
// memory writes their markup.
func (t *Translator) storeKey(base *tm.Key, u *unitState) tm.Key {
	k := t.key(base, u)
	k.Codes = memoryCodes(u)
	return k
}

// memoryCodes is what the codes of u's memory source stand for, numbered as that source
// numbers them: a later sentence's shifted as its source is (codeShift), those of the block's
// other sentences, or the sentence's other pieces, left out; nil when unknown.
func memoryCodes(u *unitState) []document.Code {
	if u.plain || len(u.codes) == 0 {
		return nil
	}
	held := document.CodesOf(u.source)
	out := make([]document.Code, 0, len(held))
	for _, h := range held {
		id := h.ID + int(u.codeShift)
		// document numbers a segment's codes 1, 2, …: Codes[i].ID == i+1.
		if id < 1 || id > len(u.codes) || u.codes[id-1].ID != id {
			continue
		}
		c := u.codes[id-1]
		c.ID = h.ID
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// memoryText is the target the memory stores for u: plain text for a document's unit without
// codes (see unitState.plain), the target as it is otherwise.
func memoryText(u *unitState) string {
	if u.plain {
		return document.Plain(u.target)
	}
	return u.target
}

// requestText is what a provider is asked to translate for u: a document's unit without codes
// as its words (document.Plain), as the memory keys it — escaped, "Müller &amp; Söhne" reached
// DeepL as entity text, and twice escaped in a batch sent as XML — and its answer comes back
// through fromMemoryText.
func requestText(u *unitState) string {
	if u.plain {
		return document.Plain(u.source)
	}
	return u.source
}

// fromMemoryText is a target the memory holds for u, or a provider's answer for it
// (requestText), as u's target: escaped again for a document's unit without codes.
func fromMemoryText(u *unitState, stored string) string {
	if u.plain {
		return document.EscapeText(stored)
	}
	return stored
}

// runKey is the part of every memory key that is the same for the whole run.
func (t *Translator) runKey() *tm.Key {
	provider, model := t.identity()
	return &tm.Key{
		Provider: provider, Model: model,
		SourceLang: t.srcLang(), TargetLang: t.tgtLang(),
		PromptVersion: t.promptVersion(),
	}
}

// findTerms returns the distinct glossary terms in a source text as provider terms, the entry of
// each, and the memory keys of the entries (sorted, distinct), because the terms that applied are
// part of what was asked.
func (t *Translator) findTerms(source string) ([]providers.Term, []string, []string) {
	found := t.Glossary.Terms(source)
	if len(found) == 0 {
		return nil, nil, nil
	}
	seenTerm, seenKey := map[providers.Term]bool{}, map[string]bool{}
	var terms []providers.Term
	var entries, keys []string
	for _, ft := range found {
		term := ft.Term
		term.DoNotTranslate = term.DoNotTranslate || t.mode() == GlossaryMask && ft.Shieldable
		if !seenTerm[term] {
			seenTerm[term] = true
			terms = append(terms, term)
			entries = append(entries, ft.Entry)
		}
		if !seenKey[ft.Entry] {
			seenKey[ft.Entry] = true
			keys = append(keys, ft.Entry)
		}
	}
	sort.Strings(keys)
	return terms, entries, keys
}

// GuardTags wraps a provider so that every answer for a segment holding placeholder codes
// (documents read by package document) is checked with document.CheckTags: each code exactly
// once, properly nested, none added. The segments whose answers break their codes are asked
// again once, the problem named in Request.Feedback (when the provider uses feedback); what is
// still broken gets its codes placed at the segment's edges (document.SafePlacement) and is
// returned with Translation.Suspect set, so the pipeline flags it in the output and never
// stores it in the memory. Segments without codes pass untouched. The wrapper keeps the
// provider's prompt version; providers.Unwrap sees through it.
func GuardTags(p providers.Provider) providers.Provider {
	if p == nil {
		return nil
	}
	g := &tagGuard{Provider: p}
	if pv, ok := p.(providers.PromptVersioner); ok {
		return &tagGuardVersioned{tagGuard: g, pv: pv}
	}
	return g
}

// SuspectTags is the start of Translation.Suspect for an answer whose codes had to be placed
// safely.
const SuspectTags = "broken tags"

type tagGuard struct {
	providers.Provider
}

type tagGuardVersioned struct {
	*tagGuard
	pv providers.PromptVersioner
}

func (g *tagGuardVersioned) PromptVersion() string { return g.pv.PromptVersion() }

func (g *tagGuard) Unwrap() providers.Provider { return g.Provider }

func (g *tagGuard) Translate(ctx context.Context, req *providers.Request) (*providers.Response, error) {
	resp, err := g.Provider.Translate(ctx, req)
	// A partial answer (some segments failed for good) is checked too: its other answers are
	// kept, and a lost code among them went unflagged into the output and the memory.
	failedIDs := providers.FailedIDs(err)
	if resp == nil || err != nil && failedIDs == nil {
		return resp, err
	}
	src := make(map[string]providers.Segment, len(req.Segments))
	for _, s := range req.Segments {
		src[s.ID] = s
	}
	for _, id := range failedIDs {
		delete(src, id)
	}
	broken := map[string]error{}
	var again []providers.Segment
	for _, tr := range resp.Translations {
		s, ok := src[tr.ID]
		if !ok || !document.HasTags(s.Text) {
			continue
		}
		if err := document.CheckTags(document.CodesOf(s.Text), tr.Text); err != nil {
			broken[tr.ID] = err
			again = append(again, s)
		}
	}
	if len(again) == 0 {
		return resp, err
	}
	if providers.UsesFeedback(g.Provider) && ctx.Err() == nil {
		req2 := *req
		req2.Segments = again
		req2.Terms = providers.TermsIn(req.Terms, again)
		req2.Feedback = map[string]string{}
		for _, s := range again {
			fb := "Keep the placeholder tags: " + broken[s.ID].Error() + "."
			if old := req.Feedback[s.ID]; old != "" {
				fb = old + "\n" + fb
			}
			req2.Feedback[s.ID] = fb
		}
		resp2, err2 := g.Provider.Translate(ctx, &req2)
		if resp2 != nil {
			resp.Usage.Add(resp2.Usage) // paid for even when it failed
		}
		if err2 == nil && resp2 != nil {
			fixed := map[string]providers.Translation{}
			for _, tr := range resp2.Translations {
				if s, ok := src[tr.ID]; ok && broken[tr.ID] != nil && document.CheckTags(document.CodesOf(s.Text), tr.Text) == nil {
					fixed[tr.ID] = tr
				}
			}
			for i, tr := range resp.Translations {
				if f, ok := fixed[tr.ID]; ok {
					resp.Translations[i] = f
					delete(broken, tr.ID)
				}
			}
		}
	}
	for i, tr := range resp.Translations {
		if err := broken[tr.ID]; err != nil {
			s := src[tr.ID].Text
			resp.Translations[i].Text = document.SafePlacement(document.CodesOf(s), s, tr.Text)
			resp.Translations[i].Suspect = SuspectTags + ": " + err.Error()
		}
	}
	return resp, err
}

// unshift puts a unit's text (its source or its translation) back into its segment's code
// numbering.
func (u *unitState) unshift(text string) string {
	if u.codeShift == 0 {
		return text
	}
	return document.ShiftCodes(text, int(u.codeShift))
}

// subtitles says whether f is a subtitle format, whose blocks hold one unit per cue.
func subtitles(f segment.Format) bool {
	return f == segment.Format(document.SRT) || f == segment.Format(document.VTT)
}
