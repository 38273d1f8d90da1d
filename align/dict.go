package align

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Dictionary translates source words and phrases into target words. A nil *Dictionary is valid
// and empty.
type Dictionary struct {
	m map[string][]string // folded source → target renderings
}

// NewDictionary returns an empty dictionary.
func NewDictionary() *Dictionary { return &Dictionary{m: map[string][]string{}} }

// Add records that source (a word or a phrase of up to three words) may be translated as target.
func (d *Dictionary) Add(source, target string) {
	k := strings.Join(strings.Fields(fold(source)), " ")
	target = strings.TrimSpace(target)
	if k == "" || target == "" {
		return
	}
	d.m[k] = append(d.m[k], target)
}

// Len returns the number of distinct source entries.
func (d *Dictionary) Len() int {
	if d == nil {
		return 0
	}
	return len(d.m)
}

// ReadDictionary reads a bilingual dictionary into d: either "source<TAB>target" lines (extra
// columns ignored) or the Ding format of Debian's trans-de-en package
// ("Wort {n}; Vokabel {f} | Wörter {pl} :: word; vocable | words"), where "|" separates
// aligned alternatives and ";" synonyms, and {…} […] (…) annotations are dropped. Blank lines
// and lines starting with # are skipped. Errors are *SyntaxError.
func (d *Dictionary) ReadDictionary(r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if !utf8.ValidString(text) {
			return &SyntaxError{name, line, "invalid UTF-8"}
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if src, tgt, ok := strings.Cut(text, "::"); ok {
			if err := d.addDing(src, tgt); err != nil {
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
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

var dingAnnotation = regexp.MustCompile(`\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|/[^/]*/|<[^>]*>`)

func (d *Dictionary) addDing(src, tgt string) error {
	ss := strings.Split(src, "|")
	ts := strings.Split(tgt, "|")
	if len(ss) != len(ts) {
		return fmt.Errorf("Ding line has %d alternatives before '::' and %d after", len(ss), len(ts))
	}
	for k := range ss {
		for _, s := range dingTerms(ss[k]) {
			for _, t := range dingTerms(ts[k]) {
				d.Add(s, t)
			}
		}
	}
	return nil
}

// dingTerms returns the synonyms of one Ding alternative without annotations, keeping terms of
// up to three words (longer ones are examples, not translations).
func dingTerms(s string) []string {
	var out []string
	for _, t := range strings.Split(dingAnnotation.ReplaceAllString(s, " "), ";") {
		t = strings.Join(strings.Fields(t), " ")
		if t != "" && strings.Count(t, " ") < 3 {
			out = append(out, t)
		}
	}
	return out
}
