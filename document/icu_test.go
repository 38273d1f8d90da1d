package document

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// readPOMessage reads a .po file of one untranslated entry holding msg.
func readPOMessage(t *testing.T, msg string) *Doc {
	t.Helper()
	src := "msgid \"" + poEscape(msg) + "\"\nmsgstr \"\"\n"
	d, err := Read(strings.NewReader(src), "x.po", Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// msgstrOf returns the value of the first msgstr of a written .po file, its strings joined and
// unescaped.
func msgstrOf(t *testing.T, po string) string {
	t.Helper()
	i := strings.Index(po, "\nmsgstr ")
	if i < 0 {
		t.Fatalf("no msgstr in %q", po)
	}
	var b strings.Builder
	for _, line := range strings.Split(po[i+len("\nmsgstr "):], "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, `"`) {
			break
		}
		s, err := poUnquote(line)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(s)
	}
	return b.String()
}

// TestICUMessages: a message in ICU MessageFormat is sent as its words only — the message
// around its plurals and selects, and each case on its own — and written back with the syntax
// as it was and the translations in their cases. The messages are real (testdata/icu/SOURCES.md):
// FormatJS's intl-messageformat tests, ICU's documentation, Lingui; the German plural and select
// are the examples of the task that asked for this reader. The translations with apostrophes,
// braces and "#" in them are written for the test: what an engine may answer.
func TestICUMessages(t *testing.T) {
	tests := []struct {
		name, msg string
		segs      []string // what is sent
		notes     []string // their notes ("" not checked)
		trs       []string // the translations; nil: each segment upper-cased
		want      string   // the msgstr written
	}{
		{"plural with #", "{count, plural, one {# Datei} other {# Dateien}}",
			[]string{"<x1/> Datei", "<x1/> Dateien"},
			[]string{"(ICU message: case one of the plural count)", "(ICU message: case other of the plural count)"},
			[]string{"<x1/> file", "<x1/> files"},
			"{count, plural, one {# file} other {# files}}"},
		{"select", "{gender, select, female {sie} male {er} other {sie}}",
			[]string{"sie", "er", "sie"},
			[]string{"(ICU message: case female of the select gender)", "(ICU message: case male of the select gender)", "(ICU message: case other of the select gender)"},
			[]string{"she", "he", "they"},
			"{gender, select, female {she} male {he} other {they}}"},
		{"words around a plural", "There are {value, plural, one {# bottle} other {# bottles}} hanging on the wall",
			[]string{"There are <x1/> hanging on the wall", "<x1/> bottle", "<x1/> bottles"},
			[]string{"(ICU message: <x1/> is the plural value)", "", ""},
			[]string{"An der Wand hängen <x1/>", "<x1/> Flasche", "<x1/> Flaschen"},
			"An der Wand hängen {value, plural, one {# Flasche} other {# Flaschen}}"},
		{"selectordinal, no space before the brace", "This is my {year, selectordinal, one{#st} two{#nd} few{#rd} other{#th}} birthday.",
			[]string{"This is my <x1/> birthday.", "<x1/>st", "<x1/>nd", "<x1/>rd", "<x1/>th"}, nil, nil,
			"THIS IS MY {year, selectordinal, one{#ST} two{#ND} few{#RD} other{#TH}} BIRTHDAY."},
		{"cases without spaces between them", "I have {numPeople, plural,zero {zero points}one {a point}two {two points}few {a few points}many {lots of points}other {some other amount of points}}.",
			[]string{"I have <x1/>.", "zero points", "a point", "two points", "a few points", "lots of points", "some other amount of points"}, nil, nil,
			"I HAVE {numPeople, plural,zero {ZERO POINTS}one {A POINT}two {TWO POINTS}few {A FEW POINTS}many {LOTS OF POINTS}other {SOME OTHER AMOUNT OF POINTS}}."},
		{"negative offset and selector", "{num, plural, offset:-1 =-1{negative one} one{one} other{other}}",
			[]string{"negative one", "one", "other"}, nil, nil,
			"{num, plural, offset:-1 =-1{NEGATIVE ONE} one{ONE} other{OTHER}}"},
		{"offset, arguments in the cases, lines", "{num_guests, plural, offset:1\n      =0 {{host} does not give a party.}\n      =1 {{host} invites {guest} to their party.}\n      =2 {{host} invites {guest} and one other person to their party.}\n      other {{host} invites {guest} and # other people to their party.}\n    }",
			[]string{"<x1/> does not give a party.", "<x1/> invites <x2/> to their party.", "<x1/> invites <x2/> and one other person to their party.", "<x1/> invites <x2/> and <x3/> other people to their party."},
			[]string{"(ICU message: case =0 of the plural num_guests)", "", "", "(ICU message: case other of the plural num_guests)"},
			[]string{"<x1/> gibt keine Party.", "<x1/> lädt <x2/> zu sich ein.", "<x1/> lädt <x2/> und eine weitere Person ein.", "<x1/> lädt <x2/> und <x3/> weitere Personen ein."},
			"{num_guests, plural, offset:1\n      =0 {{host} gibt keine Party.}\n      =1 {{host} lädt {guest} zu sich ein.}\n      =2 {{host} lädt {guest} und eine weitere Person ein.}\n      other {{host} lädt {guest} und # weitere Personen ein.}\n    }"},
		{"select nested in a plural", "{TRAVELLERS} {TRAVELLER_COUNT, plural, =1 {est {GENDER, select, female {allée}other {allé}}}other {sont {GENDER, select, female {allées}other {allés}}}} à {CITY}.",
			[]string{"<x1/> <x2/> à <x3/>.", "est <x1/>", "allée", "allé", "sont <x1/>", "allées", "allés"},
			[]string{"(ICU message: <x2/> is the plural TRAVELLER_COUNT)", "", "(ICU message: case female of the select GENDER, in case =1 of the plural TRAVELLER_COUNT)", "", "", "", ""},
			nil,
			"{TRAVELLERS} {TRAVELLER_COUNT, plural, =1 {EST {GENDER, select, female {ALLÉE}other {ALLÉ}}}other {SONT {GENDER, select, female {ALLÉES}other {ALLÉS}}}} À {CITY}."},
		{"quoted #", "You {count, plural, one {worked for '#' hour} other {worked for '#' hours}} today.",
			[]string{"You <x1/> today.", "worked for <x1/> hour", "worked for <x1/> hours"}, nil, nil,
			"YOU {count, plural, one {WORKED FOR '#' HOUR} other {WORKED FOR '#' HOURS}} TODAY."},
		{"# in a select inside a plural is kept", "You {count, plural,\n          one {worked for {unit, select,\n            hour {# hour}\n            other {# unit}\n          }}\n          other {worked for {unit, select,\n            hour {# hours}\n            other {# units}\n          }}\n        } today.",
			[]string{"You <x1/> today.", "worked for <x1/>", "<x1/> hour", "<x1/> unit", "worked for <x1/>", "<x1/> hours", "<x1/> units"}, nil, nil,
			"YOU {count, plural,\n          one {WORKED FOR {unit, select,\n            hour {# HOUR}\n            other {# UNIT}\n          }}\n          other {WORKED FOR {unit, select,\n            hour {# HOURS}\n            other {# UNITS}\n          }}\n        } TODAY."},
		{"FormatJS tags stay words", "You have {count, plural, =1 {<b>1</b> Message} other {<b>#</b> Messages}}",
			[]string{"You have <x1/>", "&lt;b>1&lt;/b> Message", "&lt;b><x1/>&lt;/b> Messages"}, nil, nil,
			"YOU HAVE {count, plural, =1 {<B>1</B> MESSAGE} other {<B>#</B> MESSAGES}}"},
		{"number skeleton argument", "{count, plural, one {# Datei für {price, number, ::currency/EUR}} other {# Dateien}}",
			[]string{"<x1/> Datei für <x2/>", "<x1/> Dateien"}, nil,
			[]string{"<x1/> file for <x2/>", "<x1/> files"},
			"{count, plural, one {# file for {price, number, ::currency/EUR}} other {# files}}"},
		{"quoted literal and doubled apostrophe", "{n, plural, one {This '{isn''t}' obvious} other {I don''t know #}}",
			[]string{"This <x1/> obvious", "I don't know <x1/>"}, nil,
			[]string{"Das ist nicht <x1/>", "Ich weiß nicht, was <x1/> heißt"},
			"{n, plural, one {Das ist nicht '{isn''t}'} other {Ich weiß nicht, was # heißt}}"},
		// Apostrophes and braces of a translation are quoted as ICU reads them.
		{"apostrophe before the case's end", "{count, plural, one {# Nutzer} other {# Nutzer}}",
			[]string{"<x1/> Nutzer", "<x1/> Nutzer"}, nil,
			[]string{"<x1/> user's", "<x1/> users'"},
			"{count, plural, one {# user's} other {# users''}}"},
		{"apostrophe before #", "{count, plural, one {# Stück} other {# Stück}}",
			nil, nil,
			[]string{"l'<x1/> pièce", "'<x1/>' pièces"},
			"{count, plural, one {l''# pièce} other {''#' pièces}}"}, // "#' " is "#" and an apostrophe
		{"braces and # in a translation", "{count, plural, one {# Datei} other {# Dateien}}",
			nil, nil,
			[]string{"<x1/> file {x}", "<x1/> files, #1 it's {'}"},
			"{count, plural, one {# file '{'x'}'} other {# files, '#'1 it's '{''}'}}"},
		{"# in a select's translation is a letter", "{gender, select, female {sie} other {er}}",
			nil, nil,
			[]string{"she #1", "he"},
			"{gender, select, female {she #1} other {he}}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := readPOMessage(t, tc.msg)
			if tc.segs != nil && strings.Join(d.Identity(), "\n") != strings.Join(tc.segs, "\n") {
				t.Fatalf("segments\n%q, want\n%q", d.Identity(), tc.segs)
			}
			for i, n := range tc.notes {
				if n != "" && d.Segments[i].Note != n {
					t.Errorf("segment %d: note %q, want %q", i, d.Segments[i].Note, n)
				}
			}
			for _, s := range d.Segments {
				if err := CheckTags(s.Codes, s.Text); err != nil {
					t.Errorf("%q: %v", s.Text, err)
				}
			}
			out, _ := write(t, d, d.Identity(), "")
			if got := msgstrOf(t, out); got != tc.msg {
				t.Errorf("untranslated: msgstr %q, want the msgid", got)
			}
			trs := tc.trs
			if trs == nil {
				trs = translateAll(d, upper)
			}
			out, probs := write(t, d, trs, "")
			if len(probs) > 0 {
				t.Error(probs)
			}
			if got := msgstrOf(t, out); got != tc.want {
				t.Errorf("msgstr\n%q, want\n%q", got, tc.want)
			}
		})
	}
}

// TestICUNotAMessage: only a whole, well-formed ICU message with a plural or select is read as
// one; prose with braces, a broken message, or one without a plural or select is the segment it
// was before.
func TestICUNotAMessage(t *testing.T) {
	for _, msg := range []string{
		"Hello {name}",
		"Do you want to proceed? {yes}/{no}",
		"Preis: {amount, number, ::currency/EUR}",
		"{count, plural, one {# Datei} other {# Dateien}",        // unclosed
		"a } b {count, plural, one {# Datei} other {# Dateien}}", // a stray brace
		"{count, plural, one {# Datei} other {# Dateien}}}",      // one brace too many
		"{count, plural one {# Datei} other {# Dateien}}",        // no comma
		"{count, plural, }",                                      // no case
		"{count, plural, one # Datei}",                           // a case without braces
		"{count, choice, 0#keine Dateien|1#eine Datei|1<{count} Dateien}",
		"'{count, plural, one {# Datei} other {# Dateien}}'",   // quoted: a literal
		"{count, plural, offset: {# Datei}}",                   // offset without a number
		"{count, plural, one {Gr\x00\x00e} other {# Dateien}}", // a NUL of its own
		"Die Menge {x} ist {y, plural,} groß",
	} {
		t.Run(msg, func(t *testing.T) {
			d := readPOMessage(t, msg)
			want := poSegment(msg, poUnflagged, true)
			if len(d.Segments) != 1 || d.Segments[0].Text != want.Text || d.Segments[0].Note != "" {
				t.Fatalf("segments %q, want the message as one segment %q", d.Identity(), want.Text)
			}
		})
	}
}

// TestICUDialects: Angular's ICU messages (VAR_PLURAL, VAR_SELECT) have no quoting and no "#"
// (angular/angular#9117, #62694): an apostrophe is a letter there and braces in a translation
// cannot be quoted; other names are ICU's.
func TestICUDialects(t *testing.T) {
	tests := []struct {
		name, msg string
		segs      []string
		trs       []string
		want      string
	}{
		{"Angular: apostrophe before a brace is a letter", "{VAR_SELECT, select, male {he said 'hi'} other {they said 'hi'}}",
			[]string{"he said 'hi'", "they said 'hi'"},
			[]string{"er sagte 'hi'", "sie sagten {hi}"},
			"{VAR_SELECT, select, male {er sagte 'hi'} other {sie sagten (hi)}}"},
		{"Angular: # is a letter", "{VAR_PLURAL, plural, =1 {Nr. #1} other {Nr. #2}}",
			[]string{"Nr. #1", "Nr. #2"},
			[]string{"No. #1", "No. #2"},
			"{VAR_PLURAL, plural, =1 {No. #1} other {No. #2}}"},
		{"ICU: the same message with another name", "{gender, select, male {he said 'hi'} other {they said 'hi'}}",
			nil, nil, ""}, // 'hi'} opens a quotation that never ends: not a message
		{"Angular names but ICU quoting", "{VAR_PLURAL, plural, other {'{'Klammer}}",
			[]string{"<x1/>Klammer"},
			[]string{"<x1/>brace'"},
			"{VAR_PLURAL, plural, other {'{'brace''}}"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := readPOMessage(t, tc.msg)
			if tc.segs == nil {
				if len(d.Segments) != 1 || strings.Contains(d.Segments[0].Note, "ICU") {
					t.Fatalf("read as an ICU message: %q", d.Identity())
				}
				return
			}
			if strings.Join(d.Identity(), "\n") != strings.Join(tc.segs, "\n") {
				t.Fatalf("segments %q, want %q", d.Identity(), tc.segs)
			}
			out, _ := write(t, d, tc.trs, "")
			if got := msgstrOf(t, out); got != tc.want {
				t.Errorf("msgstr %q, want %q", got, tc.want)
			}
		})
	}
}

// TestICUPartlyTranslated: a case whose translation is its text (not translated, a name) is
// written as the message had it, its own quoting included.
func TestICUPartlyTranslated(t *testing.T) {
	d := readPOMessage(t, "{n, plural, one {I don''t know} other {# Dateien}}")
	trs := d.Identity()
	trs[1] = "<x1/> files"
	out, _ := write(t, d, trs, "")
	if got, want := msgstrOf(t, out), "{n, plural, one {I don''t know} other {# files}}"; got != want {
		t.Errorf("msgstr %q, want %q", got, want)
	}
}

// FuzzICU holds the ICU reader and writer to their promises on any message: no panic; a message
// read as ICU writes back byte for byte when nothing is translated; each segment passes its own
// tag check; and translations holding any words — braces, apostrophes, "#" — write a message
// that reads back as the same structure with those words in its cases.
func FuzzICU(f *testing.F) {
	for _, s := range []string{
		"{count, plural, one {# Datei} other {# Dateien}}",
		"{gender, select, female {sie} male {er} other {sie}}",
		"This is my {year, selectordinal, one{#st} two{#nd} few{#rd} other{#th}} birthday.",
		"{num_guests, plural, offset:1 =0 {{host} does not give a party.} other {{host} invites {guest} and # other people.}}",
		"{n, plural, one {This '{isn''t}' obvious} other {I don''t know #}}",
		"{VAR_PLURAL, plural, =0 {gerade eben} =1 {vor einer Minute} other {vor {INTERPOLATION} Minuten}}",
		"{VAR_SELECT, select, male {he said 'hi'} other {they}}",
		"You {count, plural, one {worked for {unit, select, hour {# hour} other {# unit}}} other {x}} today.",
		"{a, plural, =1 {{b, select, x {{c, plural, other {tief}}} other {y}}} other {z}}",
	} {
		f.Add(s, "it's {x} #1 ''")
	}
	format := icuFormat{
		markup: func(s string) string { return s },
		words:  func(s string, _, _ bool) string { return s },
		text:   func(b *builder, s string) { b.text(s) },
	}
	f.Fuzz(func(t *testing.T, msg, extra string) {
		if !utf8.ValidString(msg) || !utf8.ValidString(extra) || strings.ContainsRune(extra, 0) {
			return
		}
		g := readICU([]piece{{kind: pText, text: msg}}, nil, format)
		if g == nil {
			return
		}
		segs := g.segments(1, "")
		texts := make([]string, len(segs))
		for i, s := range segs {
			texts[i] = s.Text
			if err := CheckTags(s.Codes, s.Text); err != nil {
				t.Fatalf("segment %q of %q: %v", s.Text, msg, err)
			}
		}
		if out := g.write(texts); out != msg {
			t.Fatalf("untranslated %q written as %q", msg, out)
		}
		// Each case translated: the extra words before and after its own.
		trs := make([]string, len(segs))
		for i, s := range segs {
			trs[i] = EscapeText(extra) + " " + s.Text + " " + EscapeText(extra)
		}
		out := g.write(trs)
		g2 := readICU([]piece{{kind: pText, text: out}}, nil, format)
		if g2 == nil {
			t.Fatalf("%q translated into %q: not a message", msg, out)
		}
		if g2.angular != g.angular || icuShape(g2.root) != icuShape(g.root) {
			t.Fatalf("%q translated into %q: another structure\n%s\n%s", msg, out, icuShape(g.root), icuShape(g2.root))
		}
		segs2 := g2.segments(1, "")
		if len(segs2) != len(segs) {
			t.Fatalf("%q translated into %q: %d segments read back, want %d", msg, out, len(segs2), len(segs))
		}
		for i := range segs {
			want := icuDisplay(trs[i], segs[i].Codes)
			if g.angular {
				want = angularBraces.Replace(want)
			}
			if got := icuDisplay(segs2[i].Text, segs2[i].Codes); got != want {
				t.Fatalf("%q translated into %q: case %d reads %q, want %q", msg, out, i, got, want)
			}
		}
	})
}

// icuShape is a message's structure: its arguments, their kinds, names and selectors, nested.
func icuShape(u *icuUnit) string {
	var b strings.Builder
	var walk func(m *icuMessage)
	walk = func(m *icuMessage) {
		for _, p := range m.parts {
			if p.kind != icuComplex {
				continue
			}
			b.WriteString("{" + p.arg.name + "," + p.arg.kind + "," + p.arg.head)
			for _, c := range p.arg.cases {
				b.WriteString(" " + c.selector + "(")
				walk(c.msg)
				b.WriteString(")")
			}
			b.WriteString("}")
		}
	}
	walk(u.msg)
	return b.String()
}

// icuDisplay is what a segment's text shows: its words, quoted literals read, "#", every other
// code a mark, the white space at its ends trimmed.
func icuDisplay(tagged string, codes []Code) string {
	var b strings.Builder
	lookup := codeLookup(codes)
	for _, p := range parseTagged(tagged) {
		switch {
		case p.kind == pText:
			b.WriteString(p.text)
		case p.kind == pClose:
		default:
			switch c, _ := lookup(p.id); c.Name {
			case "icu-quoted":
				b.WriteString(icuUnquote(c.Open))
			case "icu-pound":
				// "#" in a select inside a plural is a letter to ICU4J and FormatJS, written
				// as it is; read, it is kept as a code (messageformat.js reads the number).
				b.WriteByte('#')
			default:
				b.WriteString("\u2022")
			}
		}
	}
	return strings.Trim(b.String(), icuSpace)
}

// icuUnquote reads a quoted literal ("'{isn”t}'") as ICU shows it ("{isn't}").
func icuUnquote(raw string) string {
	var b strings.Builder
	for i := 1; i < len(raw); i++ {
		if raw[i] == '\'' {
			if i+1 < len(raw) && raw[i+1] == '\'' {
				b.WriteByte('\'')
				i++
				continue
			}
			break
		}
		b.WriteByte(raw[i])
	}
	return b.String()
}
