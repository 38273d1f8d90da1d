package document

import (
	"regexp"
	"slices"
	"strings"
)

// poFile is what the entries of a .po file share: its header's plural rule, and the language
// it is read for (Options.TargetLang).
type poFile struct {
	targetLang string
	// plural is the header's Plural-Forms value ("" without one); template says the header
	// is a template's, filled for the language the catalogue is written in (poFillTemplate).
	plural   string
	template bool
	cache    map[string]poFormsFor
}

type poFormsFor struct {
	forms           poPluralForms
	known, declared bool
}

// forms is the plural rule of the catalogue written for lang (the read's target language when
// ""): the header's, else the language's (poPluralRules). known says there is one; declared,
// that the written header states it (its own, or a template's filled), so that every plural
// message has that many forms.
func (f *poFile) forms(lang string) (forms poPluralForms, known, declared bool) {
	if lang == "" {
		lang = f.targetLang
	}
	if r, ok := f.cache[lang]; ok {
		return r.forms, r.known, r.declared
	}
	var r poFormsFor
	if forms, ok := parsePoPluralForms(f.plural); ok {
		r = poFormsFor{forms, true, true}
	} else if forms, ok := parsePoPluralForms(poPluralRuleFor(lang)); ok {
		r = poFormsFor{forms, true, f.template && lang != ""}
	}
	if f.cache == nil {
		f.cache = map[string]poFormsFor{}
	}
	f.cache[lang] = r
	return r.forms, r.known, r.declared
}

// poSingularForm says whether plural form k of a catalogue is written from the singular
// message: the form n=1 takes, when it is for 1 alone, or for other numbers too and the
// singular has the plural's placeholders (same). Without a rule, form 0 is.
func poSingularForm(f poPluralForms, known bool, k int, same bool) bool {
	if !known {
		return k == 0
	}
	return f.one == k && (f.counts[k] == 1 || same)
}

// poSpecs are the placeholders of a message's segments (not its line breaks), sorted.
func poSpecs(segs []Segment) []string {
	var out []string
	for _, s := range segs {
		for _, c := range s.Codes {
			if c.Open != "\n" {
				out = append(out, c.Open)
			}
		}
	}
	slices.Sort(out)
	return out
}

// poHeaderField is the value of a field of a header's msgstr, or "".
func poHeaderField(header, key string) string {
	for _, l := range strings.Split(header, "\n") {
		k, v, ok := strings.Cut(l, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), key) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// The placeholders xgettext leaves in a template's header (its PO-Revision-Date and
// Last-Translator are for the translator, and are left to them).
var (
	poCharsetPlaceholder = regexp.MustCompile(`(?i)(charset=)CHARSET\b`)
	poPluralPlaceholder  = regexp.MustCompile(`nplurals\s*=\s*INTEGER;\s*plural\s*=\s*EXPRESSION;?`)
	poEmptyLanguage      = regexp.MustCompile(`^(\s*"Language:)[ \t]*(\\n"[ \t]*\r?\n?)$`)
)

// poTemplateHeader says whether a header's msgstr is a template's: its charset, plural forms
// or language left as placeholders.
func poTemplateHeader(header string) bool {
	if poCharsetPlaceholder.MatchString(header) || poPluralPlaceholder.MatchString(header) {
		return true
	}
	for _, l := range strings.Split(header, "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "Language") && strings.TrimSpace(v) == "" {
			return true
		}
	}
	return false
}

// poFillTemplate writes a template's header (its lines, head) as a catalogue's for lang: the
// empty Language field says lang, the charset is UTF-8 (what bitext writes), and the plural
// forms are the language's (poPluralRules); when none is left a placeholder, the header's
// fuzzy flag goes (msgfmt leaves a fuzzy header out, and with it the charset and plural
// forms: "invalid nplurals value"). Every other line stays as it is.
func poFillTemplate(head, lang string) string {
	rule := poPluralRuleFor(lang)
	lines := strings.SplitAfter(head, "\n")
	complete := true
	fuzzyAt := -1
	for i, l := range lines {
		switch t := strings.TrimSpace(l); {
		case strings.HasPrefix(t, "#,"):
			fuzzyAt = i
		case poEmptyLanguage.MatchString(l):
			lines[i] = poEmptyLanguage.ReplaceAllString(l, "${1} "+poLangCode(lang)+"${2}")
		}
		lines[i] = poCharsetPlaceholder.ReplaceAllString(lines[i], "${1}UTF-8")
		if poPluralPlaceholder.MatchString(lines[i]) {
			if rule == "" {
				complete = false
				continue
			}
			lines[i] = poPluralPlaceholder.ReplaceAllLiteralString(lines[i], rule)
		}
	}
	if complete && fuzzyAt >= 0 {
		lines[fuzzyAt] = poWithoutFlag(lines[fuzzyAt], "fuzzy")
	}
	return strings.Join(lines, "")
}

// poWithoutFlag is a "#," flags line without flag; "" when no flag is left.
func poWithoutFlag(line, flag string) string {
	t := strings.TrimSpace(line)
	var kept []string
	for _, f := range strings.Split(t[2:], ",") {
		if f = strings.TrimSpace(f); f != "" && f != flag {
			kept = append(kept, f)
		}
	}
	if len(kept) == 0 {
		return ""
	}
	eol := line[len(strings.TrimRight(line, "\r\n")):]
	return "#, " + strings.Join(kept, ", ") + eol
}
