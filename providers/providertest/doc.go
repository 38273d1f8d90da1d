// Package providertest runs fake machine-translation servers on 127.0.0.1 that speak the real
// wire formats of OpenAI chat completions and Google Cloud Translation v2 (and v3 translateText
// with a glossary), with fault injection, and a conformance suite every provider driver passes.
//
// # Default translation
//
// Unless Options.Translate says otherwise, a segment's translation is
//
//	strings.ToUpper(targetLang) + "(" + text + ")"      e.g. "EN(Guten Morgen.)"
//
// with the target language taken from the request (OpenAI: the user message's "target_lang",
// default "en"; Google: the "target" parameter). Google's format=html answers are HTML: the
// default keeps the markup as sent (translate="no" spans survive) and escapes apostrophes as
// &#39;, as the real service does. An empty source translates to "".
//
// # OpenAI wire format (what the fake parses)
//
// POST …/chat/completions with the last "user" message's content being JSON:
//
//	{"source_lang":"de","target_lang":"en",
//	 "segments":[{"id":"1","text":"…","feedback":"…"}],
//	 "glossary":[{"de":"Außenministerium","en":"State Department"},{"de":"NATO","en":"NATO","do_not_translate":true}],
//	 "context":"…"}
//
// The glossary items' first key is the source term and the second the target term, whatever
// the language codes. The answer's message content is {"translations":[{"id":"1","text":"…"}]}.
// "feedback" (per segment) names what was wrong with an earlier answer; it reaches
// Options.Translate as Segment.Feedback and RequestInfo.Feedback.
//
// # Google wire format
//
// POST /language/translate/v2 with q (repeated), source, target, format and model, as JSON
// (plain or wrapped in {"data":…}, as google.golang.org/api sends it), as a form, or in the
// query string (GET, as cloud.google.com/go/translate sends it); the key in the "key" parameter
// or the X-Goog-Api-Key header. Segment IDs given to Options.Translate are the positions "0",
// "1", …; DoNotTranslate terms are recovered from <span translate="no">…</span>.
// POST /v3/projects/P/locations/L:translateText with glossaryConfig answers both renderings:
// "translations" without and "glossaryTranslations" with the glossary named in
// Options.Glossaries (by default, each glossary source term replaced by its target before the
// default translation; Options.Translate sees the glossary's terms in RequestInfo.Terms).
package providertest
