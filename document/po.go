package document

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Gettext .po files: every entry whose msgstr is empty gets its msgid translated (and, for a
// plural entry, msgid_plural too, each msgstr[N] written from the one that fits the numbers of
// its form: poSingularForm; for a language of more than two forms, each form is sent on its
// own with a note naming its numbers: po_forms.go); translated entries, comments and obsolete
// entries are kept as they are, and so is the header but for what a template leaves as placeholders (poFillTemplate). Placeholders (%s, %1$d, %(name)s, {count}, …) and
// line breaks are standalone codes, so a translation keeps them. A message in ICU MessageFormat
// with a plural or select (Lingui's, FormatJS's catalogues) is sent case by case, its syntax kept
// (see icuGroup).
//
// Which placeholders depends on the entry's format flag (#, c-format, python-brace-format, …),
// as it does for msgfmt -c: a flagged entry's placeholders are found by that format's grammar,
// whatever they look like ("50 % der" holds the directive "% d" for gettext's c-format). An
// entry with no flag is ordinary text that may still be printed with printf, so only the
// unambiguous forms are codes: no space flag ("Rund 50 % der Befragten" is a German
// percentage, not "% d"), and not a directive followed by a letter ("%handbook" in a Drupal
// link is not "%ha" and "ndbook").

// poPrintf is gettext's c-format directive (format-c.c): an optional argument number, the
// flags - + space # 0 ' I, a width and a precision (digits, * or *N$), a size (hh h ll l L q j
// z Z t) and a conversion, or an <inttypes.h> macro (%<PRId64>); %% too. Python's %(name)s and
// Ruby's %{name} are the same family. %m (glibc's strerror) is kept as well.
const poPrintf = `%(?:\([^)]*\))?(?:[0-9]+\$)?[-+ #0'I]*(?:\*(?:[0-9]+\$)?|[0-9]+)?(?:\.(?:\*(?:[0-9]+\$)?|[0-9]+))?(?:hh|h|ll|l|L|q|j|z|Z|t)?(?:[diouxXeEfFgGaAcCsSpnm%]|<PRI[A-Za-z0-9_]+>)|%\{[A-Za-z_][A-Za-z0-9_]*\}`

// poBraceFlagged is a {…} field of the brace formats (Python's str.format, C#, Java's
// MessageFormat, C++ std::format, Rust, Perl's {name}): anything but braces inside.
const poBraceFlagged = `\{[^{}]*\}`

var (
	poFormats = map[string]*regexp.Regexp{}
	// poUnflagged: placeholders in an entry with no format flag. printf without the space,
	// ' and I flags (a match followed by a letter is dropped in poSegment), and a {name}.
	poUnflagged = regexp.MustCompile(`%(?:\([A-Za-z0-9_]+\))?(?:[0-9]+\$)?[-+#0]*(?:\*|[0-9]+)?(?:\.(?:\*|[0-9]+))?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcspn%]|\{[A-Za-z0-9_.:]*\}|\n`)
	// poBraceOnly: an entry flagged as not a printf format (#, no-c-format): only {name}.
	poBraceOnly = regexp.MustCompile(`\{[A-Za-z0-9_.:]*\}|\n`)
)

func init() {
	// gettext's format flags (gettext manual, "Special Comments preceding Keywords") by the
	// grammar of their placeholders.
	family := map[string]string{
		// printf and its relatives
		"c": poPrintf, "objc": poPrintf, "python": poPrintf, "php": poPrintf, "perl": poPrintf,
		"awk": poPrintf, "gcc-internal": poPrintf, "gfc-internal": poPrintf, "ruby": poPrintf,
		"lua": poPrintf, "object-pascal": poPrintf, "javascript": poPrintf, "java-printf": poPrintf,
		"tcl": poPrintf, "elisp": poPrintf, "librep": poPrintf, "go": poPrintf,
		// Boost's %1% and %|1$s| besides printf
		"boost": `%[0-9]+%|%\|[^|]*\||` + poPrintf,
		// brace fields
		"python-brace": poBraceFlagged, "perl-brace": poBraceFlagged, "csharp": poBraceFlagged,
		"java": poBraceFlagged, "c++": poBraceFlagged, "rust": poBraceFlagged,
		// numbered %1 (Qt's %L1, qt-plural's %n)
		"qt": `%L?[0-9]+`, "qt-plural": `%L?(?:[0-9]+|n)`, "kde": `%[0-9]+`, "kde-kuit": `%[0-9]+`,
		"smalltalk": `%[0-9]+`, "ycp": `%[0-9]+`,
		// shell variables
		"sh": `\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})`,
		// Lisp's and Scheme's ~ directives
		"lisp": `~[0-9,'#vV:@]*[A-Za-z%&|~^*?()\[\]{};<>/]`, "scheme": `~[0-9,'#vV:@]*[A-Za-z%&|~^*?()\[\]{};<>/]`,
	}
	for name, re := range family {
		poFormats[name] = regexp.MustCompile(re + `|\n`)
	}
}

// poPlaceholders returns how the placeholders of an entry with these flags are found, and
// whether a match followed by a letter is text (an entry with no format flag).
func poPlaceholders(flags []string) (*regexp.Regexp, bool) {
	negated := false
	for _, f := range flags {
		if name, ok := strings.CutSuffix(f, "-format"); ok {
			if re := poFormats[name]; re != nil {
				return re, false
			}
			// no-c-format and the like say the entry is not that format; possible-c-format
			// (xgettext's guess from a directive-like "%") proves nothing.
			negated = negated || strings.HasPrefix(name, "no-") && poFormats[name[3:]] != nil
		}
	}
	if negated {
		return poBraceOnly, true
	}
	return poUnflagged, true
}

type poField struct {
	key      string // msgctxt, msgid, msgid_plural, msgstr, msgstr[N]
	value    string // unescaped
	from, to int    // lines
}

func readPO(d *Doc, src, name, targetLang string) error {
	lines := splitLines(src)
	// A byte-order mark (Okapi's and Windows editors' files have UTF-8's; a UTF-16 file's is
	// read as one) is not part of the first keyword, and it is not written: gettext's msgfmt
	// refuses a catalogue that starts with one ("1:2: syntax error", gettext 0.21), and Poedit
	// drops it on saving (vslavik/poedit#381).
	if len(lines) > 0 && strings.HasPrefix(lines[0].full, "\ufeff") {
		l := lines[0]
		lines[0] = mdLine{text: l.text[3:], full: l.full[3:], off: l.off + 3}
	}
	// The line ending of what is written: a msgstr line's own, else the file's (a last line
	// with none in a CRLF file is not to end in LF).
	fileEOL := d.eol
	pf := &poFile{targetLang: targetLang}
	for i := 0; i < len(lines); {
		if blank(lines[i].text) {
			d.rawAt(lines[i].raw(), lines[i].off)
			i++
			continue
		}
		if t := strings.TrimSpace(lines[i].text); poKey(t) == "domain" {
			// gettext's domain directive: the entries below it are that domain's (msgfmt
			// writes them to its own catalogue). It is kept as it is; its name is gettext's
			// quoted string or, as Okapi's files write it, a bare word.
			arg := strings.TrimSpace(t[len("domain"):])
			if strings.HasPrefix(arg, `"`) {
				if _, err := poUnquote(arg); err != nil {
					return &InputError{File: name, Line: i + 1, Msg: err.Error()}
				}
			} else if arg == "" || strings.ContainsAny(arg, " \t") {
				return &InputError{File: name, Line: i + 1, Msg: fmt.Sprintf("%q: want domain and a name", t)}
			}
			d.rawAt(lines[i].raw(), lines[i].off)
			i++
			continue
		}
		end := poEntryEnd(lines, i)
		if err := poEntry(d, pf, lines, i, end, name, fileEOL); err != nil {
			return err
		}
		i = end
	}
	return nil
}

// poEntryEnd returns where the entry that starts at lines[from] ends. Entries are not
// delimited by blank lines but by their keywords, as gettext reads them: after a msgstr, a
// comment, a msgctxt or a msgid starts the next entry, so that two entries with no blank line
// between them stay two (merging them wrote one msgid with the other's translation and
// dropped the other). A blank line ends an entry that has its msgstr, or one of comments only
// (kept apart from the entry below it, as before); between a msgid and its msgstr it is white
// space, as for gettext.
func poEntryEnd(lines []mdLine, from int) int {
	seenKey, seenStr := false, false
	for k := from; k < len(lines); k++ {
		t := strings.TrimSpace(lines[k].text)
		switch {
		case t == "":
			if seenStr || !seenKey {
				return k
			}
		case strings.HasPrefix(t, "#"):
			if seenStr {
				return k
			}
		case strings.HasPrefix(t, `"`):
		default:
			key := poKey(t)
			if seenStr && (key == "msgctxt" || key == "msgid") || key == "domain" {
				return k // a domain directive is not part of an entry
			}
			seenKey = true
			seenStr = seenStr || strings.HasPrefix(key, "msgstr")
		}
	}
	return len(lines)
}

// poKey returns the keyword a line starts with.
func poKey(t string) string {
	if i := strings.IndexAny(t, " \t"); i >= 0 {
		return t[:i]
	}
	return t
}

// poEntry reads the entry in lines[from:to].
func poEntry(d *Doc, pf *poFile, lines []mdLine, from, to int, name, fileEOL string) error {
	var fields []poField
	var comments []string
	var flags []string
	for k := from; k < to; k++ {
		t := strings.TrimSpace(lines[k].text)
		switch {
		case t == "": // white space between a msgid and its msgstr
		case strings.HasPrefix(t, "#~"), strings.HasPrefix(t, "#|"):
			// Obsolete entries and previous strings are comments.
		case strings.HasPrefix(t, "#,"):
			for _, f := range strings.Split(t[2:], ",") {
				flags = append(flags, strings.TrimSpace(f))
			}
		case strings.HasPrefix(t, "#.") || strings.HasPrefix(t, "# "):
			comments = append(comments, strings.TrimSpace(t[2:]))
		case strings.HasPrefix(t, "#"):
		case strings.HasPrefix(t, `"`):
			if len(fields) == 0 {
				return &InputError{File: name, Line: k + 1, Msg: "a string continuation without a keyword"}
			}
			s, err := poUnquote(t)
			if err != nil {
				return &InputError{File: name, Line: k + 1, Msg: err.Error()}
			}
			f := &fields[len(fields)-1]
			f.value += s
			f.to = k + 1
		default:
			sp := strings.IndexAny(t, " \t")
			if sp < 0 {
				return &InputError{File: name, Line: k + 1, Msg: fmt.Sprintf("%q: want a keyword and a quoted string", t)}
			}
			key := t[:sp]
			if key != "msgctxt" && key != "msgid" && key != "msgid_plural" && key != "msgstr" && !strings.HasPrefix(key, "msgstr[") {
				return &InputError{File: name, Line: k + 1, Msg: fmt.Sprintf("unknown keyword %q", key)}
			}
			s, err := poUnquote(strings.TrimSpace(t[sp:]))
			if err != nil {
				return &InputError{File: name, Line: k + 1, Msg: err.Error()}
			}
			fields = append(fields, poField{key: key, value: s, from: k, to: k + 1})
		}
	}
	var msgid, plural, msgctxt *poField
	var strs []int
	ctx := ""
	translated := false
	// The keywords in gettext's order, each once: msgctxt, msgid, msgid_plural, then the
	// msgstrs. An entry out of order is refused rather than guessed at (a second msgid would
	// otherwise take the first one's place and lose it).
	for fi := range fields {
		f := &fields[fi]
		bad := ""
		switch {
		case f.key == "msgctxt":
			if msgctxt != nil || msgid != nil {
				bad = "msgctxt after a msgctxt or a msgid with no msgstr between them"
			}
			msgctxt, ctx = f, f.value
		case f.key == "msgid":
			if msgid != nil {
				bad = "a second msgid with no msgstr after the first"
			}
			msgid = f
		case f.key == "msgid_plural":
			if msgid == nil || plural != nil || len(strs) > 0 {
				bad = "msgid_plural not right after a msgid"
			}
			plural = f
		case strings.HasPrefix(f.key, "msgstr"):
			if msgid == nil {
				bad = "msgstr without a msgid"
			}
			strs = append(strs, fi)
			translated = translated || f.value != ""
		}
		if bad != "" {
			return &InputError{File: name, Line: f.from + 1, Msg: bad}
		}
	}
	if msgid != nil && len(strs) == 0 {
		return &InputError{File: name, Line: msgid.from + 1, Msg: "msgid without a msgstr"}
	}
	if msgctxt != nil && msgid == nil {
		return &InputError{File: name, Line: msgctxt.from + 1, Msg: "msgctxt without a msgid"}
	}
	raw := func(a, b int) {
		for k := a; k < b; k++ {
			d.rawAt(lines[k].raw(), lines[k].off)
		}
	}
	if msgid != nil && msgid.value == "" && msgctxt == nil && len(strs) > 0 {
		header := fields[strs[0]]
		if err := poLanguage(d, lines, header, name, pf.targetLang); err != nil {
			return err
		}
		pf.plural = poHeaderField(header.value, "Plural-Forms")
		if poTemplateHeader(header.value) {
			// A template's header becomes the catalogue's when it is written for a language.
			var orig strings.Builder
			for k := from; k < to; k++ {
				orig.WriteString(lines[k].raw())
			}
			pf.template = true
			d.rawFill(func(lang string) string {
				if lang == "" {
					lang = pf.targetLang
				}
				if lang == "" {
					return orig.String()
				}
				return poFillTemplate(orig.String(), lang)
			})
			return nil
		}
	}
	if msgid == nil || msgid.value == "" || len(strs) == 0 || translated || !hasWord(msgid.value) {
		raw(from, to) // the header, a translated entry, or nothing to translate
		return nil
	}
	first, last := fields[strs[0]].from, fields[strs[len(strs)-1]].to
	if last != to && !allComments(lines[last:to]) {
		raw(from, to) // msgstr lines not at the end: left alone rather than reordered
		return nil
	}
	note := strings.Join(comments, " ")
	if ctx != "" {
		note = strings.TrimSpace("context: " + ctx + ". " + note)
	}
	eol := lines[first].eol()
	if eol == "" {
		eol = fileEOL
	}
	// A msgstr on the file's last line, with no line ending: the output has none either.
	noFinalEOL := lines[last-1].eol() == ""
	fin := func(s string) string {
		if noFinalEOL {
			return strings.TrimSuffix(s, eol)
		}
		return s
	}
	re, plain := poPlaceholders(flags)
	// A message's leading and trailing line breaks are not sent: msgfmt -c refuses a msgstr
	// that does not begin and end with "\n" as its msgid does, and as codes the model could
	// move or drop them. They are put back around every msgstr written, as the msgid has them
	// (gettext checks each msgstr[N] against the msgid).
	lead, body, trail := poEdges(msgid.value)
	edges := func(s string) string { return lead + strings.Trim(s, poEdgeSpace) + trail }
	segs, write := poMessage(body, re, plain, msgid.from+1, note)
	var psegs []Segment
	var pwrite func([]string) string
	// byForm: the plural forms of a language that has more than two, sent one by one
	// (po_forms.go); nil sends the singular and the plural.
	var byForm []poFormMessage
	if plural != nil {
		_, pbody, _ := poEdges(plural.value)
		psegs, pwrite = poMessage(pbody, re, plain, plural.from+1, note)
		if forms, ok := pf.formsSent(len(strs)); ok {
			same := slices.Equal(poSpecs(segs), poSpecs(psegs))
			byForm = poFormMessages(forms, body, pbody, msgid.from+1, plural.from+1, same, re, plain, note)
		}
	}
	if len(segs) == 0 && len(psegs) == 0 {
		raw(from, to) // an ICU message whose only words are its selectors
		return nil
	}
	// The entry's lines up to its msgstr are written with the translation, by the entry's last
	// segment, so that an answer the checks still doubted can mark the entry fuzzy (poFuzzy):
	// gettext then leaves it out of the compiled catalogue until a translator has looked.
	var head strings.Builder
	for k := from; k < first; k++ {
		head.WriteString(lines[k].raw())
	}
	all := append(slices.Clip(segs), psegs...)
	if byForm != nil {
		all = nil
		for _, f := range byForm {
			all = append(all, f.segs...)
		}
	}
	at := len(d.Segments)
	d.addGroup(all, func(trs []string) string {
		var b strings.Builder
		// An entry with a message not translated (Origin Untranslated) keeps its empty msgstr:
		// the source in its place would be compiled into the catalogue as its translation and
		// never asked again.
		for i := range trs {
			if d.origin(at+i) == Untranslated {
				for k := from; k < last; k++ {
					b.WriteString(lines[k].raw())
				}
				return b.String()
			}
		}
		h := head.String()
		for i := range trs {
			if d.origin(at+i) == NeedsReview {
				h = poFuzzy(h, eol)
				break
			}
		}
		b.WriteString(h)
		if plural == nil {
			b.WriteString(poString("msgstr", edges(write(trs)), eol))
			return fin(b.String())
		}
		// Each form is written from the source message that fits the numbers it is for:
		// the singular for the form of n=1 alone, and for one that also serves other
		// numbers (Russian's 1, 21, 31…) only when it has the plural's placeholders, which
		// msgfmt -c requires of such a form ("One page" is no translation for 21 pages).
		forms, known, declared := pf.forms(d.writeLang)
		n := len(strs)
		if declared {
			n = forms.n // a template's two msgstrs, written for a language of three forms
		}
		if byForm != nil {
			// Form k's own translation; should the catalogue be written with more forms
			// than it was read for, the last one's.
			texts := make([]string, len(byForm))
			next := 0
			for k, f := range byForm {
				texts[k] = edges(f.write(trs[next : next+len(f.segs)]))
				next += len(f.segs)
			}
			for k := 0; k < n; k++ {
				b.WriteString(poString(fmt.Sprintf("msgstr[%d]", k), texts[min(k, len(texts)-1)], eol))
			}
			return fin(b.String())
		}
		sing, plur := edges(write(trs[:len(segs)])), edges(pwrite(trs[len(segs):]))
		same := slices.Equal(poSpecs(segs), poSpecs(psegs))
		for k := 0; k < n; k++ {
			s := plur
			if poSingularForm(forms, known, k, same) {
				s = sing
			}
			b.WriteString(poString(fmt.Sprintf("msgstr[%d]", k), s, eol))
		}
		return fin(b.String())
	})
	raw(last, to)
	return nil
}

// poFuzzy marks an entry's lines (up to its msgstr) fuzzy: "fuzzy" joins its flags line, or a
// flags line is put where gettext has it, after the comments and before a previous msgid or
// the msgid.
func poFuzzy(head, eol string) string {
	lines := strings.SplitAfter(head, "\n")
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "#,") {
			if slices.Contains(strings.FieldsFunc(t[2:], func(r rune) bool { return r == ',' || r == ' ' }), "fuzzy") {
				return head
			}
			lines[i] = strings.Replace(l, "#,", "#, fuzzy,", 1)
			return strings.Join(lines, "")
		}
	}
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "#|") || strings.HasPrefix(t, "msgctxt") || strings.HasPrefix(t, "msgid") {
			return strings.Join(lines[:i], "") + "#, fuzzy" + eol + strings.Join(lines[i:], "")
		}
	}
	return head
}

// poLanguage reads the header's Language field into d.TargetLang and refuses a catalogue for
// another language than want (when set), naming the field's line: a French catalogue filled
// with English is a valid file that gettext serves to French users.
func poLanguage(d *Doc, lines []mdLine, header poField, name, want string) error {
	for _, l := range strings.Split(header.value, "\n") {
		k, v, ok := strings.Cut(l, ":")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "Language") || strings.TrimSpace(v) == "" {
			continue
		}
		got := strings.TrimSpace(v)
		if d.TargetLang == "" {
			d.TargetLang = got
		}
		if want == "" || primaryLang(got) == primaryLang(want) {
			return nil
		}
		line := header.from + 1
		for k := header.from; k < header.to && k < len(lines); k++ {
			if strings.Contains(lines[k].text, "Language:") {
				line = k + 1
				break
			}
		}
		return &InputError{File: name, Line: line, Msg: fmt.Sprintf("Language: %s: the catalogue is to be translated into %s, not %s", got, got, want)}
	}
	return nil
}

func allComments(ls []mdLine) bool {
	for _, l := range ls {
		if !strings.HasPrefix(strings.TrimSpace(l.text), "#") {
			return false
		}
	}
	return true
}

// poEdges splits a message into its leading white space (line breaks and indentation), the
// rest and its trailing white space.
func poEdges(msg string) (lead, body, trail string) {
	body = strings.TrimLeft(msg, poEdgeSpace)
	lead = msg[:len(msg)-len(body)]
	body = strings.TrimRight(body, poEdgeSpace)
	return lead, body, msg[len(lead)+len(body):]
}

// poEdgeSpace is the white space a message's edges keep as the msgid has it: line breaks (which
// msgfmt -c compares) and the indentation around them (a Django template's blocktrans), which a
// model drops or moves.
const poEdgeSpace = " \t\n"

// poMessage reads a message (its edges taken off, see poEdges) into segments, at line and with
// note, and returns how their translations are written: one segment (poSegment), or an ICU
// message's (readICU), whose words' placeholders are codes too.
func poMessage(msg string, re *regexp.Regexp, plain bool, line int, note string) ([]Segment, func([]string) string) {
	if g := readICU([]piece{{kind: pText, text: msg}}, nil, icuFormat{
		markup: func(s string) string { return s }, // poString escapes the whole msgstr
		words:  modelBreaks,
		text:   func(b *builder, s string) { poPlaceholderCodes(b, s, re, plain) },
	}); g != nil {
		return g.segments(line, note), g.write
	}
	seg := poSegment(msg, re, plain)
	seg.Line, seg.Note = line, note
	codes := seg.Codes
	return []Segment{seg}, func(trs []string) string { return renderAt(codes, trs[0], modelBreaks) }
}

// poPlaceholderCodes adds a message's words to b with the placeholders re finds as codes; when
// plain, a match followed by a letter is text ("%handbook", "%sKB").
func poPlaceholderCodes(b *builder, msg string, re *regexp.Regexp, plain bool) {
	pos := 0
	for _, m := range re.FindAllStringIndex(msg, -1) {
		if plain && msg[m[0]] == '%' && m[1] < len(msg) {
			if r, _ := utf8.DecodeRuneInString(msg[m[1]:]); unicode.IsLetter(r) {
				continue
			}
		}
		b.text(msg[pos:m[0]])
		b.alone("po-placeholder", msg[m[0]:m[1]])
		pos = m[1]
	}
	b.text(msg[pos:])
}

// poSegment turns a message into a segment with the placeholders re finds as codes (see
// poPlaceholderCodes).
func poSegment(msg string, re *regexp.Regexp, plain bool) Segment {
	var b builder
	poPlaceholderCodes(&b, msg, re, plain)
	// Placeholders at the edges stay in the message: the edges of a message are not markup
	// around it, and the segment must keep them (a trailing "\n" most of all). So the pieces
	// are not peeled: the text is built directly.
	var t strings.Builder
	for _, p := range b.ps {
		switch p.kind {
		case pText:
			t.WriteString(EscapeText(p.text))
		case pAlone:
			t.WriteString(b.codes[p.id-1].Tag())
		}
	}
	return Segment{Text: t.String(), Codes: b.codes, Kind: Block}
}

// poUnquote reads a C string literal as gettext reads it: the escapes \n \t \r \a \b \f \v
// \\ \" \' \?, octal (\101: one to three digits) and hexadecimal (\x41: the hex digits that
// follow) — a byte each, as in C, so that "\303\274" is "ü". An escape gettext does not know
// is kept as it is written, backslash and all.
func poUnquote(s string) (string, error) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", fmt.Errorf("%q: want a string in double quotes", s)
	}
	in := s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(in); i++ {
		c := in[i]
		if c == '"' {
			return "", fmt.Errorf("%q: an unescaped quote inside the string", s)
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(in) {
			return "", fmt.Errorf("%q: a backslash at the end of the string", s)
		}
		switch e := in[i]; e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '"', '\\', '\'', '?':
			b.WriteByte(e)
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v, n := 0, 0
			for n < 3 && i+n < len(in) && in[i+n] >= '0' && in[i+n] <= '7' {
				v = v*8 + int(in[i+n]-'0')
				n++
			}
			if v > 0xFF {
				return "", fmt.Errorf("%q: the octal escape \\%s is more than a byte", s, in[i:i+n])
			}
			b.WriteByte(byte(v))
			i += n - 1
		case 'x':
			v, n := 0, 0
			for i+1+n < len(in) && isHexDigit(in[i+1+n]) {
				v = v*16 + hexValue(in[i+1+n])
				n++
				if v > 0xFF {
					return "", fmt.Errorf("%q: the hex escape \\x%s is more than a byte", s, in[i+1:i+1+n])
				}
			}
			if n == 0 {
				return "", fmt.Errorf("%q: \\x without hex digits", s)
			}
			b.WriteByte(byte(v))
			i += n
		default:
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	return b.String(), nil
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexValue(c byte) int {
	switch {
	case c >= 'a':
		return int(c-'a') + 10
	case c >= 'A':
		return int(c-'A') + 10
	}
	return int(c - '0')
}

// poEscape writes a value as the inside of a C string literal, as gettext writes it: the named
// escapes for \\, ", and the control characters that have one, octal for other control
// characters and for bytes that are not UTF-8 (which an octal or hex escape may have read), so
// that the file stays UTF-8 text and every value reads back the same.
func poEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, "\\%03o", s[i])
		case r == '\\' || r == '"':
			b.WriteByte('\\')
			b.WriteByte(byte(r))
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\a':
			b.WriteString(`\a`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r == '\v':
			b.WriteString(`\v`)
		case r < 0x20 || r == 0x7F:
			fmt.Fprintf(&b, "\\%03o", r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// poString writes key and a value: on one line, or as gettext does for a value with inner line
// breaks, an empty first string and one string per line.
func poString(key, value, eol string) string {
	inner := strings.TrimSuffix(value, "\n")
	if !strings.Contains(inner, "\n") {
		return key + ` "` + poEscape(value) + `"` + eol
	}
	var b strings.Builder
	b.WriteString(key + ` ""` + eol)
	rest := value
	for rest != "" {
		j := strings.IndexByte(rest, '\n')
		line := rest
		if j >= 0 {
			line = rest[:j+1]
		}
		b.WriteString(`"` + poEscape(line) + `"` + eol)
		rest = rest[len(line):]
	}
	return b.String()
}
