package translate

import (
	"context"
	"errors"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/tm"
)

// Unit is what one provider segment holds.
type Unit string

// The units a document can be translated in.
const (
	// Sentence sends one segment per sentence; providers that take context get the paragraph.
	Sentence Unit = "sentence"
	// Paragraph sends one segment per block; the translation is split into sentences and aligned
	// to the source sentences so that pairs still come out.
	Paragraph Unit = "paragraph"
)

// ParseUnit maps a flag value to a Unit.
func ParseUnit(s string) (Unit, error) {
	switch Unit(s) {
	case Sentence, Paragraph:
		return Unit(s), nil
	case "":
		return Sentence, nil
	}
	return "", errors.New("unknown unit " + quote(s) + " (want sentence or paragraph)")
}

// GlossaryMode says how glossary terms are enforced.
type GlossaryMode string

// The glossary modes.
const (
	// GlossaryPrompt sends the terms found in each batch to the provider, checks every translation
	// and re-asks failing segments with the violation named.
	GlossaryPrompt GlossaryMode = "prompt"
	// GlossaryMask sends every term as do-not-translate, so that the provider protects it (Google:
	// translate="no" spans around the required rendering; an LLM: a glossary item whose target
	// value is written exactly, uninflected), then checks and repairs as with prompt.
	GlossaryMask GlossaryMode = "mask"
	// GlossaryCheck sends no terms and only reports violations.
	GlossaryCheck GlossaryMode = "check"
	// GlossaryOff ignores the glossary.
	GlossaryOff GlossaryMode = "off"
	// GlossaryNative leaves the terms to the provider's own glossary (DeepL, Google v3: see
	// bitext glossary push), which can only match exact forms; bitext sends no terms and checks
	// every answer with its inflection-aware matching, reporting what the provider missed.
	GlossaryNative GlossaryMode = "native"
)

// ErrNoNativeGlossary is returned by a run in GlossaryNative mode whose provider has no
// glossary of its own configured.
var ErrNoNativeGlossary = errors.New("glossary mode native: the provider has no glossary of its own configured (DeepL: --deepl-glossary ID, Google: --google-glossary RESOURCE; bitext glossary push creates one)")

// ParseGlossaryMode maps a flag value to a GlossaryMode.
func ParseGlossaryMode(s string) (GlossaryMode, error) {
	switch GlossaryMode(s) {
	case GlossaryPrompt, GlossaryMask, GlossaryCheck, GlossaryOff, GlossaryNative:
		return GlossaryMode(s), nil
	case "":
		return GlossaryPrompt, nil
	}
	return "", errors.New("unknown glossary mode " + quote(s) + " (want prompt, mask, check, native or off)")
}

// Memory is the translation memory the pipeline reads and writes. *tm.DB satisfies it.
type Memory interface {
	LookupMany(ctx context.Context, ks []tm.Key) ([]string, []bool, error)
	StoreMany(ctx context.Context, ks []tm.Key, targets []string) error
}

var _ Memory = (*tm.DB)(nil)

// Claimer is an optional interface of a Memory that several workers (processes, machines) share;
// *tm.DB implements it. Before a batch is sent its keys are claimed: keys another worker holds
// are waited for rather than paid for twice (see tm.DB.Claim). Refresh runs claim nothing.
type Claimer interface {
	Claim(ctx context.Context, ks []tm.Key) ([]tm.ClaimState, []string, error)
	AwaitClaims(ctx context.Context, ks []tm.Key) ([]tm.ClaimState, []string, error)
	Release(ctx context.Context, ks []tm.Key) error
}

// RateSharer is an optional interface of a Memory that holds a rate budget shared by every
// worker using it (tm.DB.ShareRate): each request waits for it, on top of the worker's own
// --rate, which is per worker.
type RateSharer interface {
	WaitRate(ctx context.Context, requests, tokens int) error
}

var (
	_ Claimer    = (*tm.DB)(nil)
	_ RateSharer = (*tm.DB)(nil)
)

// Glossary finds the terms of a source text and checks translations. The CLI adapts a
// *glossary.Glossary to it; tests use small fakes.
type Glossary interface {
	// Terms returns the glossary terms found in a source text.
	Terms(source string) []Term
	// Check returns what is wrong with a translation of source, with spans (byte offsets)
	// into source and target where it can say; the pipeline gives them their location.
	Check(source, target string) []Violation
}

// Term is a glossary term found in a source text.
type Term struct {
	// Term goes to the provider. Its Source is the term as written in the text ("Außenministeriums"
	// for the entry "Außenministerium"), so that a provider protecting terms by their source
	// (Google's translate="no" spans) finds inflected forms too.
	providers.Term
	// Entry identifies the glossary entry (its source and target); the entries that applied are
	// part of the memory key. Plans count terms by it.
	Entry string
	// Shieldable says Source is the term itself as the text writes it, which mask mode may
	// shield; a compound part or verb form is only named to the provider.
	Shieldable bool
}

// Bead is one alignment step between source and target sentences (0-based indices).
type Bead struct {
	Src, Tgt   []int
	Confidence float64
}

// AlignFunc aligns the sentences of a source paragraph with the sentences of its translation.
type AlignFunc func(src, tgt []string) ([]Bead, error)

// PromptVersion changes when the way segments are put to providers changes in a way that makes
// earlier translations stale. It is part of every memory key.
const PromptVersion = "1"

// Translator holds the settings of a translation run. The zero value is not usable: at least
// Provider or Memory must be set. A Translator can be used for several runs, one at a time.
type Translator struct {
	// Provider translates batches; nil means offline: only memory hits can be translated.
	Provider providers.Provider
	// ProviderName and ModelName key memory lookups when Provider is nil (a plan for a provider
	// whose credentials are missing). Ignored when Provider is set.
	ProviderName, ModelName string

	Memory  Memory // nil: no translation memory
	Refresh bool   // translate again even when the memory has an answer, and overwrite it

	Glossary     Glossary     // nil: no glossary
	GlossaryMode GlossaryMode // "" means GlossaryPrompt
	Repair       int          // repair rounds for segments with violations

	Unit       Unit   // "" means Sentence
	SourceLang string // "" means "de"
	TargetLang string // "" means "en"
	Align      AlignFunc

	// Concurrency is the number of requests in flight; 0 means the provider's default.
	Concurrency int
	// Window bounds the units held in memory (documents read but not yet handed to the sink);
	// 0 means a size derived from the capabilities and concurrency.
	Window int
	// Progress, when set, is called with running totals after each document and each batch.
	// Calls are serialized.
	Progress func(Stats)
}

// ErrNoProvider is returned by Run when segments miss the memory and there is no provider.
var ErrNoProvider = errors.New("no provider configured")

func quote(s string) string { return "\"" + s + "\"" }

func (t *Translator) unit() Unit {
	if t.Unit == "" {
		return Sentence
	}
	return t.Unit
}

func (t *Translator) srcLang() string {
	if t.SourceLang == "" {
		return "de"
	}
	return t.SourceLang
}

func (t *Translator) tgtLang() string {
	if t.TargetLang == "" {
		return "en"
	}
	return t.TargetLang
}

func (t *Translator) mode() GlossaryMode {
	if t.Glossary == nil {
		return GlossaryOff
	}
	if t.GlossaryMode == "" {
		return GlossaryPrompt
	}
	return t.GlossaryMode
}

func (t *Translator) capabilities() providers.Capabilities {
	if t.Provider == nil {
		return DefaultCapabilities
	}
	return t.Provider.Capabilities()
}

func (t *Translator) concurrency() int {
	if t.Concurrency > 0 {
		return t.Concurrency
	}
	if c := t.capabilities().DefaultConcurrency; c > 0 {
		return c
	}
	return 4
}

func (t *Translator) window() int64 {
	if t.Window > 0 {
		return int64(t.Window)
	}
	segs := t.capabilities().MaxSegments
	if segs <= 0 {
		segs = DefaultCapabilities.MaxSegments
	}
	return int64(max(1024, 4*segs*(t.concurrency()+1)))
}

func (t *Translator) identity() (string, string) {
	if t.Provider != nil {
		return t.Provider.Name(), t.Provider.Model()
	}
	return t.ProviderName, t.ModelName
}

// promptVersion distinguishes translations made under different prompts and enforcement: a
// provider that says which version of its prompt it uses (a PromptVersion method) gets it in
// the key, and a term sent as do-not-translate gives another answer than a prompt hint.
func (t *Translator) promptVersion() string {
	v := PromptVersion
	if pv, ok := t.Provider.(interface{ PromptVersion() string }); ok {
		v += "/" + pv.PromptVersion()
	}
	if t.unit() == Paragraph {
		v += "/paragraph"
	}
	if t.mode() == GlossaryMask {
		v += "/mask"
	}
	return v
}
