package document

import (
	"fmt"
	"strconv"
	"strings"
)

// gettext's plural forms: a catalogue's header says how many forms a plural message has and
// which one a number takes ("Plural-Forms: nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : …;"),
// a C expression of n. A template (xgettext's .pot) leaves it as nplurals=INTEGER; the rule of
// the target language is then poPluralRules'.

// poPluralRules are gettext's plural forms of common languages, as the gettext manual lists them
// by family ("Plural forms", gettext 0.21; the same expressions msginit writes): by gettext
// language code (ll or ll_CC).
var poPluralRules = func() map[string]string {
	families := []struct {
		rule  string
		langs string
	}{
		// Only one form.
		{"nplurals=1; plural=0;", "ja ko zh vi th id ms lo km my bo dz"},
		// Two forms, singular used for one only.
		{"nplurals=2; plural=(n != 1);", "en de nl sv da no nb nn fo et fi el he it es pt ca eu gl hu tr bg af eo sq is lb fy"},
		// Two forms, singular used for zero and one.
		{"nplurals=2; plural=(n > 1);", "fr pt_BR oc"},
		// Three forms, special case for zero.
		{"nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);", "lv"},
		// Three forms, special cases for one and two.
		{"nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);", "ga"},
		// Three forms, special case for numbers ending in 00 or [2-9][0-9].
		{"nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);", "ro"},
		// Three forms, special case for numbers ending in 1[2-9].
		{"nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);", "lt"},
		// Three forms, special cases for numbers ending in 1 and 2, 3, 4, except those ending in 1[1-4].
		{"nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);", "ru uk be sr hr bs"},
		// Three forms, special cases for 1 and 2, 3, 4.
		{"nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;", "cs sk"},
		// Three forms, special case for one and some numbers ending in 2, 3, or 4.
		{"nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);", "pl"},
		// Four forms, special case for one and all numbers ending in 02, 03, or 04.
		{"nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);", "sl"},
		// Six forms, special cases for one, two, all numbers ending in 02, 03, … 10, all
		// numbers ending in 11 … 99, and others.
		{"nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);", "ar"},
	}
	m := map[string]string{}
	for _, f := range families {
		for _, l := range strings.Fields(f.langs) {
			m[l] = f.rule
		}
	}
	return m
}()

// poLangCode is a language tag as gettext writes it in Language: "pt-BR" and "pt_br" are
// "pt_BR", "de" is "de".
func poLangCode(tag string) string {
	tag = strings.TrimSpace(strings.ReplaceAll(tag, "-", "_"))
	lang, region, ok := strings.Cut(tag, "_")
	lang = strings.ToLower(lang)
	if !ok {
		return lang
	}
	if len(region) == 2 {
		region = strings.ToUpper(region)
	}
	return lang + "_" + region
}

// poPluralRuleFor is the Plural-Forms value of a language (by its tag), or "" when
// poPluralRules does not know it.
func poPluralRuleFor(tag string) string {
	code := poLangCode(tag)
	if r, ok := poPluralRules[code]; ok {
		return r
	}
	lang, _, _ := strings.Cut(code, "_")
	return poPluralRules[lang]
}

// poPluralForms is a parsed Plural-Forms rule: how many forms, and for each form the numbers
// (of 0…poPluralRange-1) that take it.
type poPluralForms struct {
	n      int
	counts []int // counts[i]: how many numbers take form i
	one    int   // the form 1 takes
	// runs[i] are the first runs of consecutive numbers that take form i (poFormRuns of
	// them, first and last), which the note of a form sent on its own names (poFormNote).
	runs [][][2]int
}

// poFormRuns is how many runs of numbers a form's note names: enough for Russian's third form
// to show 0, 5–20 and 25–30 (so 11–14 too, unlike 21–24).
const poFormRuns = 3

// poPluralRange is how many numbers a rule is evaluated for, as msgfmt -c checks it (its
// plural_distribution looks at n up to 1000).
const poPluralRange = 1000

// parsePoPluralForms reads a Plural-Forms value ("nplurals=2; plural=(n != 1);"); ok is false
// for a template's placeholders or anything not a valid rule.
func parsePoPluralForms(v string) (poPluralForms, bool) {
	var f poPluralForms
	var expr string
	for _, part := range strings.Split(v, ";") {
		k, val, ok := strings.Cut(part, "=")
		if !ok {
			continue
		}
		switch strings.TrimSpace(k) {
		case "nplurals":
			n, err := strconv.Atoi(strings.TrimSpace(val))
			if err != nil || n < 1 || n > 100 {
				return f, false
			}
			f.n = n
		case "plural":
			// The expression may hold "=" itself (==, !=, <=).
			expr = strings.TrimSpace(part[strings.Index(part, "=")+1:])
		}
	}
	// A rule is a line or two; a long one is refused before its parentheses nest deep
	// enough to exhaust the parser's stack.
	if f.n == 0 || expr == "" || len(expr) > 1000 {
		return f, false
	}
	p := &pluralParser{src: expr}
	e, err := p.parse()
	if err != nil {
		return f, false
	}
	f.counts = make([]int, f.n)
	f.runs = make([][][2]int, f.n)
	for n := 0; n < poPluralRange; n++ {
		i := e(int64(n))
		if i < 0 || i >= int64(f.n) {
			return f, false // the expression gives a form the catalogue does not have
		}
		f.counts[i]++
		switch runs := f.runs[i]; {
		case len(runs) > 0 && runs[len(runs)-1][1] == n-1:
			runs[len(runs)-1][1] = n
		case len(runs) < poFormRuns:
			f.runs[i] = append(runs, [2]int{n, n})
		}
		if n == 1 {
			f.one = int(i)
		}
	}
	return f, true
}

// pluralParser reads gettext's plural expression: C's ?:, ||, &&, ==, !=, <, >, <=, >=, +, -,
// *, /, %, !, parentheses, n and decimal numbers (gettext's plural-exp grammar).
type pluralParser struct {
	src string
	at  int
}

type pluralExpr func(n int64) int64

func (p *pluralParser) parse() (pluralExpr, error) {
	e, err := p.ternary()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.at != len(p.src) {
		return nil, fmt.Errorf("unexpected %q", p.src[p.at:])
	}
	return e, nil
}

func (p *pluralParser) space() {
	for p.at < len(p.src) && strings.IndexByte(" \t\r\n\\", p.src[p.at]) >= 0 {
		p.at++
	}
}

// eat consumes op when it comes next (and is not the start of a longer operator in ops2).
func (p *pluralParser) eat(op string) bool {
	p.space()
	if !strings.HasPrefix(p.src[p.at:], op) {
		return false
	}
	rest := p.src[p.at+len(op):]
	if (op == "<" || op == ">" || op == "!") && strings.HasPrefix(rest, "=") {
		return false
	}
	p.at += len(op)
	return true
}

func (p *pluralParser) ternary() (pluralExpr, error) {
	c, err := p.binary(0)
	if err != nil || !p.eat("?") {
		return c, err
	}
	a, err := p.ternary()
	if err != nil {
		return nil, err
	}
	if !p.eat(":") {
		return nil, fmt.Errorf("want : at %d", p.at)
	}
	b, err := p.ternary()
	if err != nil {
		return nil, err
	}
	return func(n int64) int64 {
		if c(n) != 0 {
			return a(n)
		}
		return b(n)
	}, nil
}

// pluralLevels are the binary operators by precedence, lowest first.
var pluralLevels = [][]string{{"||"}, {"&&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"+", "-"}, {"*", "/", "%"}}

func (p *pluralParser) binary(level int) (pluralExpr, error) {
	if level == len(pluralLevels) {
		return p.unary()
	}
	l, err := p.binary(level + 1)
	if err != nil {
		return nil, err
	}
	for {
		op := ""
		for _, o := range pluralLevels[level] {
			if p.eat(o) {
				op = o
				break
			}
		}
		if op == "" {
			return l, nil
		}
		r, err := p.binary(level + 1)
		if err != nil {
			return nil, err
		}
		l = pluralOp(op, l, r)
	}
}

func pluralOp(op string, l, r pluralExpr) pluralExpr {
	b := func(v bool) int64 {
		if v {
			return 1
		}
		return 0
	}
	switch op {
	case "||":
		return func(n int64) int64 { return b(l(n) != 0 || r(n) != 0) }
	case "&&":
		return func(n int64) int64 { return b(l(n) != 0 && r(n) != 0) }
	case "==":
		return func(n int64) int64 { return b(l(n) == r(n)) }
	case "!=":
		return func(n int64) int64 { return b(l(n) != r(n)) }
	case "<=":
		return func(n int64) int64 { return b(l(n) <= r(n)) }
	case ">=":
		return func(n int64) int64 { return b(l(n) >= r(n)) }
	case "<":
		return func(n int64) int64 { return b(l(n) < r(n)) }
	case ">":
		return func(n int64) int64 { return b(l(n) > r(n)) }
	case "+":
		return func(n int64) int64 { return l(n) + r(n) }
	case "-":
		return func(n int64) int64 { return l(n) - r(n) }
	case "*":
		return func(n int64) int64 { return l(n) * r(n) }
	}
	// / and %: a division by zero gives 0 rather than a crash (gettext raises SIGFPE).
	return func(n int64) int64 {
		d := r(n)
		switch {
		case d == 0:
			return 0
		case op == "/":
			return l(n) / d
		}
		return l(n) % d
	}
}

func (p *pluralParser) unary() (pluralExpr, error) {
	if p.eat("!") {
		e, err := p.unary()
		if err != nil {
			return nil, err
		}
		return func(n int64) int64 {
			if e(n) == 0 {
				return 1
			}
			return 0
		}, nil
	}
	p.space()
	switch {
	case p.eat("("):
		e, err := p.ternary()
		if err != nil {
			return nil, err
		}
		if !p.eat(")") {
			return nil, fmt.Errorf("want ) at %d", p.at)
		}
		return e, nil
	case p.at < len(p.src) && p.src[p.at] == 'n':
		p.at++
		return func(n int64) int64 { return n }, nil
	case p.at < len(p.src) && p.src[p.at] >= '0' && p.src[p.at] <= '9':
		start := p.at
		for p.at < len(p.src) && p.src[p.at] >= '0' && p.src[p.at] <= '9' {
			p.at++
		}
		v, err := strconv.ParseInt(p.src[start:p.at], 10, 64)
		if err != nil {
			return nil, err
		}
		return func(int64) int64 { return v }, nil
	}
	return nil, fmt.Errorf("want n, a number or ( at %d", p.at)
}
