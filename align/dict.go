package align

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bitext/bitext/internal/textcheck"
)

// Dictionary translates source words and phrases into target words. A nil *Dictionary is valid
// and empty.
type Dictionary struct {
	m        map[string][]string // folded source → target renderings
	compacts []*compact          // dictionaries loaded through the cache (ReadDictionaryFile)
	files    map[string]bool     // the files read (absolute path, and "\x00rev" reversed): once each
}

// NewDictionary returns an empty dictionary.
func NewDictionary() *Dictionary { return &Dictionary{m: map[string][]string{}} }

// Add records that source (a word or a phrase of up to three words) may be translated as target.
func (d *Dictionary) Add(source, target string) {
	k := foldKey(source)
	target = strings.TrimSpace(target)
	if k == "" || target == "" {
		return
	}
	d.m[k] = append(d.m[k], target)
}

// foldKey is the dictionary key of a source word or phrase: its words as the aligner's
// tokens sees them (folded, split at anything but letters and digits), joined by single
// spaces, so that a key matches the text it is looked up in: "E-Mail" is "e mail", as the
// text's "E-Mail" is the two tokens "e" and "mail".
func foldKey(source string) string {
	words, _ := tokens(source)
	return strings.Join(words, " ")
}

// Len returns the number of distinct source entries.
func (d *Dictionary) Len() int {
	if d == nil {
		return 0
	}
	n := len(d.m)
	for k, c := range d.compacts {
		for i := 0; i < c.nkeys; i++ {
			key := c.s(uint32(i))
			if _, dup := d.m[key]; dup || d.inCompacts(key, k) {
				continue
			}
			n++
		}
	}
	return n
}

func (d *Dictionary) inCompacts(key string, before int) bool {
	for _, c := range d.compacts[:before] {
		if c.find(key) >= 0 {
			return true
		}
	}
	return false
}

// empty is Len() == 0, cheaply.
func (d *Dictionary) empty() bool {
	if d == nil {
		return true
	}
	if len(d.m) > 0 {
		return false
	}
	for _, c := range d.compacts {
		if c.nkeys > 0 {
			return false
		}
	}
	return true
}

// lookup returns the renderings of a folded source key.
func (d *Dictionary) lookup(key string) []string {
	ts := d.m[key]
	if len(d.compacts) == 0 {
		return ts
	}
	var out []string
	for _, c := range d.compacts {
		if i := c.find(key); i >= 0 {
			if out == nil {
				out = append(out, ts...)
			}
			out = c.targets(i, out)
		}
	}
	if out == nil {
		return ts
	}
	return out
}

// ReadDictionary reads a bilingual dictionary into d: either "source<TAB>target" lines (extra
// columns ignored) or the Ding format of Debian's trans-de-en package
// ("Wort {n}; Vokabel {f} | Wörter {pl} :: word; vocable | words"), where "|" separates
// aligned alternatives and ";" synonyms, and {…} […] (…) /…/ <…> annotations are dropped. Blank
// lines and lines starting with # are skipped. Errors are *SyntaxError.
func (d *Dictionary) ReadDictionary(r io.Reader, name string) error {
	return d.ReadDictionaryContext(context.Background(), r, name)
}

// ReadDictionaryContext is ReadDictionary that stops with ctx.Err() when ctx is done.
func (d *Dictionary) ReadDictionaryContext(ctx context.Context, r io.Reader, name string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	sc := newLineScanner(r, name, 1024*1024)
	var p dingParser
	entries := 0 // lines that are entries, not comments or blank
	for line := 1; sc.Scan(); line++ {
		if line%pollEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		b := sc.Bytes()
		b = bytes.TrimRight(b, "\r")
		if !utf8.Valid(b) {
			return &SyntaxError{name, line, fmt.Sprintf("invalid UTF-8 at byte %d of the line", textcheck.InvalidUTF8(b)+1)}
		}
		text := string(b)
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		entries++
		if src, tgt, ok := strings.Cut(text, "::"); ok {
			if err := p.add(d, src, tgt); err != nil {
				return &SyntaxError{name, line, err.Error()}
			}
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) < 2 || strings.TrimSpace(cols[0]) == "" || strings.TrimSpace(cols[1]) == "" {
			return &SyntaxError{name, line, "want source<TAB>target or a Ding line (source :: target)"}
		}
		d.Add(cols[0], cols[1])
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if entries == 0 {
		// An empty file given as a dictionary is a mistake (the wrong file, a failed download),
		// and would align as if none were given.
		return fmt.Errorf("%s: no dictionary entries (want source<TAB>target lines or Ding lines)", name)
	}
	return nil
}

// dingParser splits Ding lines with reusable buffers. It does by hand what a regular
// expression did before, because the whole trans-de-en file (about 190,000 lines) is read on
// every run: that took four seconds, this a small fraction of one.
type dingParser struct {
	buf      []byte
	src, tgt []string
}

func (p *dingParser) add(d *Dictionary, src, tgt string) error {
	ns, nt := strings.Count(src, "|"), strings.Count(tgt, "|")
	if ns != nt {
		return fmt.Errorf("Ding line has %d alternatives before '::' and %d after", ns+1, nt+1)
	}
	for k := 0; k <= ns; k++ {
		var s, t string
		s, src, _ = strings.Cut(src, "|")
		t, tgt, _ = strings.Cut(tgt, "|")
		p.src = p.terms(p.src[:0], s)
		if len(p.src) == 0 {
			continue
		}
		p.tgt = p.terms(p.tgt[:0], t)
		for _, s := range p.src {
			k := foldKey(s)
			if k == "" {
				continue
			}
			// A loop, not append(d.m[k], p.tgt...): without target terms that would still
			// add the key, with no translation.
			for _, t := range p.tgt {
				d.m[k] = append(d.m[k], t)
			}
		}
	}
	return nil
}

// terms appends the synonyms of one Ding alternative without annotations, keeping terms of up
// to three words (longer ones are examples, not translations).
func (p *dingParser) terms(out []string, s string) []string {
	p.buf = stripAnnotations(p.buf[:0], s)
	for rest := p.buf; len(rest) > 0; {
		var t []byte
		if k := bytes.IndexByte(rest, ';'); k >= 0 {
			t, rest = rest[:k], rest[k+1:]
		} else {
			t, rest = rest, nil
		}
		if t = joinFields(t); len(t) > 0 && bytes.Count(t, []byte{' '}) < 3 {
			out = append(out, string(t))
		}
	}
	return out
}

// stripAnnotations appends s to dst with every {…}, […], (…), /…/ and <…> replaced by a space.
// An opening mark without its closing one is kept as text. (This is what the regular expression
// \{[^}]*\}|\[[^\]]*\]|\([^)]*\)|/[^/]*/|<[^>]*> replaced, leftmost first.)
func stripAnnotations(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		var closing byte
		switch s[i] {
		case '{':
			closing = '}'
		case '[':
			closing = ']'
		case '(':
			closing = ')'
		case '/':
			closing = '/'
		case '<':
			closing = '>'
		}
		if closing != 0 {
			if k := strings.IndexByte(s[i+1:], closing); k >= 0 {
				dst = append(dst, ' ')
				i += k + 2
				continue
			}
		}
		dst = append(dst, s[i])
		i++
	}
	return dst
}

// joinFields collapses the white space of b in place: strings.Join(strings.Fields(b), " ").
func joinFields(b []byte) []byte {
	out := b[:0]
	space := false
	for i := 0; i < len(b); {
		r, n := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRune(b[i:])
		}
		if unicode.IsSpace(r) {
			space = len(out) > 0
			i += n
			continue
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		out = append(out, b[i:i+n]...)
		i += n
	}
	return out
}
