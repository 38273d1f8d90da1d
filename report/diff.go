package report

import (
	"encoding/json"
	"fmt"
	"github.com/rivo/uniseg"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// DiffOp is the kind of a diff span.
type DiffOp int8

// Diff operations. A Replace span carries the old text in Old and the new text in Text.
const (
	Equal DiffOp = iota
	Delete
	Insert
	Replace
)

var diffOpNames = [...]string{"equal", "delete", "insert", "replace"}

func (o DiffOp) String() string { return diffOpNames[o] }

// MarshalJSON writes the operation's name.
func (o DiffOp) MarshalJSON() ([]byte, error) { return json.Marshal(o.String()) }

// UnmarshalJSON reads an operation's name.
func (o *DiffOp) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	for i, n := range diffOpNames {
		if n == s {
			*o = DiffOp(i)
			return nil
		}
	}
	return fmt.Errorf("unknown diff operation %q", s)
}

// DiffSpan is one piece of a word-level diff from an old text (the reference) to a new one
// (the hypothesis). Concatenating Text of the Equal, Insert and Replace spans gives the new
// text; Old of Delete and Replace spans (Text for Delete) with the Equal spans gives the old.
type DiffSpan struct {
	Op   DiffOp `json:"op"`
	Text string `json:"text"`          // Equal, Insert, Replace: new text; Delete: removed text
	Old  string `json:"old,omitempty"` // Replace: the replaced old text
	// Chars refines a Replace of one similar word by another ("Netanyahu" → "Netanjahu") to
	// the characters that changed; nil when a character diff would not help a reader.
	Chars []DiffSpan `json:"chars,omitempty"`
}

// diffToken is a word (letters, digits and marks) or a single other character, with the
// whitespace before it. Only key takes part in the diff; text keeps the spacing of its side.
type diffToken struct{ key, text string }

// diffTokens splits s into tokens; concatenating their texts gives back s (trailing
// whitespace is attached to the last token).
func diffTokens(s string) []diffToken {
	toks := make([]diffToken, 0, countDiffTokens(s)) // exactly: a long line grows no garbage
	eachDiffToken(s, func(ws, start, end int) {
		if start == end { // trailing whitespace
			if len(toks) > 0 {
				toks[len(toks)-1].text += s[ws:end]
			} else {
				toks = append(toks, diffToken{key: "", text: s[ws:end]})
			}
			return
		}
		toks = append(toks, diffToken{key: s[start:end], text: s[ws:end]})
	})
	return toks
}

// countDiffTokens is len(diffTokens(s)), without building them.
func countDiffTokens(s string) int {
	n := 0
	eachDiffToken(s, func(ws, start, end int) {
		if start < end || n == 0 {
			n++
		}
	})
	return n
}

// eachDiffToken calls f with each token of s: the white space before it starts at ws, the
// token is s[start:end] (empty for white space at the end). A token is a word (letters, digits
// and marks) or one other grapheme cluster: an emoji sequence joined by U+200D, a flag, a
// letter with its combining marks are never cut apart (a family emoji diffed as
// 👨‍👩‍<del>👧</del><ins>👦</ins>).
func eachDiffToken(s string, f func(ws, start, end int)) {
	i := 0
	state := -1
	for i < len(s) {
		ws := i
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += n
		}
		if i == len(s) {
			f(ws, i, i)
			return
		}
		start := i
		r, _ := utf8.DecodeRuneInString(s[i:])
		word := isWordRune(r)
		for i < len(s) {
			if s[i] < utf8.RuneSelf && (i+1 == len(s) || s[i+1] < utf8.RuneSelf) {
				i++ // ASCII before ASCII: a cluster of one (CR LF is white space, not here)
				state = -1
			} else {
				cluster, _, _, st := uniseg.FirstGraphemeClusterInString(s[i:], state)
				state = st
				i += len(cluster)
			}
			if !word {
				break
			}
			if i < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[i:]); !isWordRune(r2) {
					break
				}
			}
		}
		state = -1
		f(ws, start, i)
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// tokenRune maps the i-th distinct token to a rune, skipping the surrogate range so that
// every rune survives go-diff's string conversions.
func tokenRune(i int) rune {
	r := rune(i) + 1
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

// runeToken is tokenRune's inverse.
func runeToken(r rune) int {
	if r >= 0xD800+0x800 {
		r -= 0x800
	}
	return int(r) - 1
}

// diffMaxTokens bounds the segments diffed word by word. go-diff's Myers diff takes time
// proportional to the tokens times the differences and cannot be interrupted, so beyond this
// size (a 50 KB line; sentences have tens of tokens) the diff keeps the common beginning and
// end and marks the middle as one replacement. 10,000 tokens diff in well under a second
// even when nothing matches.
const diffMaxTokens = 10_000

// WordDiff diffs two texts word by word: tokens are mapped to runes, diffed with go-diff's
// DiffMainRunes without a deadline (so long texts never fall back to a coarse diff), and
// mapped back. Whitespace does not take part in the comparison; equal stretches are shown
// with the new text's spacing. A deletion next to an insertion becomes a Replace. Texts of
// more than 10,000 tokens together get a coarse diff: the common first and last words, and
// the rest as one replacement.
func WordDiff(oldText, newText string) []DiffSpan {
	spans, _, _ := wordDiff(nil, oldText, newText)
	return spans
}

// wordDiff is WordDiff polling p; full is false when the texts were too long for a word
// diff and got the coarse one.
func wordDiff(p *poller, oldText, newText string) (spans []DiffSpan, full bool, err error) {
	ta := diffTokens(oldText)
	if err := p.tick(len(oldText)); err != nil {
		return nil, false, err
	}
	tb := diffTokens(newText)
	if err := p.tick(len(newText)); err != nil {
		return nil, false, err
	}
	if len(ta)+len(tb) > diffMaxTokens {
		spans, err := coarseDiff(p, ta, tb)
		return spans, false, err
	}
	ids := map[string]int{}
	enc := func(toks []diffToken) []rune {
		rs := make([]rune, len(toks))
		for i, t := range toks {
			id, ok := ids[t.key]
			if !ok {
				id = len(ids)
				ids[t.key] = id
			}
			rs[i] = tokenRune(id)
		}
		return rs
	}
	ra, rb := enc(ta), enc(tb)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)
	if err := p.tick(64 * (len(ta) + len(tb))); err != nil {
		return nil, false, err
	}

	ia, ib := 0, 0
	take := func(toks []diffToken, from *int, n int) string {
		var b strings.Builder
		for _, t := range toks[*from : *from+n] {
			b.WriteString(t.text)
		}
		*from += n
		return b.String()
	}
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			ia += n
			spans = append(spans, DiffSpan{Op: Equal, Text: take(tb, &ib, n)})
		case diffmatchpatch.DiffDelete:
			spans = append(spans, DiffSpan{Op: Delete, Text: take(ta, &ia, n)})
		case diffmatchpatch.DiffInsert:
			spans = append(spans, DiffSpan{Op: Insert, Text: take(tb, &ib, n)})
		}
	}
	return refineChars(liftSpaces(mergeReplacements(groupChanges(spans)))), true, nil
}

// coarseDiff keeps the longest common prefix and suffix of two token lists as equal text and
// turns the rest into a deletion and an insertion (a replacement once merged): linear in the
// texts' length, with the same span conventions as the word diff.
func coarseDiff(p *poller, ta, tb []diffToken) ([]DiffSpan, error) {
	pre := 0
	for pre < len(ta) && pre < len(tb) && ta[pre].key == tb[pre].key {
		pre++
	}
	suf := 0
	for suf < len(ta)-pre && suf < len(tb)-pre && ta[len(ta)-1-suf].key == tb[len(tb)-1-suf].key {
		suf++
	}
	if err := p.tick(pre + suf); err != nil {
		return nil, err
	}
	join := func(toks []diffToken) string {
		var b strings.Builder
		size := 0
		for _, t := range toks {
			size += len(t.text)
		}
		b.Grow(size)
		for _, t := range toks {
			b.WriteString(t.text)
		}
		return b.String()
	}
	var spans []DiffSpan
	if pre > 0 {
		spans = append(spans, DiffSpan{Op: Equal, Text: join(tb[:pre])})
	}
	if del := ta[pre : len(ta)-suf]; len(del) > 0 {
		spans = append(spans, DiffSpan{Op: Delete, Text: join(del)})
	}
	if ins := tb[pre : len(tb)-suf]; len(ins) > 0 {
		spans = append(spans, DiffSpan{Op: Insert, Text: join(ins)})
	}
	if suf > 0 {
		spans = append(spans, DiffSpan{Op: Equal, Text: join(tb[len(tb)-suf:])})
	}
	return refineChars(liftSpaces(mergeReplacements(groupChanges(spans)))), nil
}

// diffSize describes two texts' sizes for a notice: "12,345 and 12,400 words".
func diffSize(a, b string) string {
	return fmt.Sprintf("%d and %d words", len(strings.Fields(a)), len(strings.Fields(b)))
}

// groupChanges puts each run of changes in the order deletions, insertions.
func groupChanges(spans []DiffSpan) []DiffSpan {
	var merged []DiffSpan
	for i := 0; i < len(spans); {
		if spans[i].Op == Equal {
			merged = append(merged, spans[i])
			i++
			continue
		}
		var del, ins strings.Builder
		for i < len(spans) && spans[i].Op != Equal {
			if spans[i].Op == Delete {
				del.WriteString(spans[i].Text)
			} else {
				ins.WriteString(spans[i].Text)
			}
			i++
		}
		if del.Len() > 0 {
			merged = append(merged, DiffSpan{Op: Delete, Text: del.String()})
		}
		if ins.Len() > 0 {
			merged = append(merged, DiffSpan{Op: Insert, Text: ins.String()})
		}
	}
	return merged
}

// liftSpaces moves the leading whitespace of insertions and replacements out of the change,
// so that "Hello{+ brave new+} world" reads "Hello {+brave new+} world".
func liftSpaces(spans []DiffSpan) []DiffSpan {
	var out []DiffSpan
	for _, s := range spans {
		if s.Op == Insert || s.Op == Replace {
			trimmed := strings.TrimLeftFunc(s.Text, unicode.IsSpace)
			lead := s.Text[:len(s.Text)-len(trimmed)]
			if s.Op == Replace {
				oldTrim := strings.TrimLeftFunc(s.Old, unicode.IsSpace)
				if oldLead := s.Old[:len(s.Old)-len(oldTrim)]; oldLead != lead {
					lead = ""
				} else {
					s.Old = oldTrim
				}
			}
			if lead != "" && trimmed != "" {
				s.Text = trimmed
				if n := len(out); n > 0 && out[n-1].Op == Equal {
					out[n-1].Text += lead
				} else {
					out = append(out, DiffSpan{Op: Equal, Text: lead})
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// mergeReplacements turns a Delete directly followed by an Insert into one Replace.
func mergeReplacements(spans []DiffSpan) []DiffSpan {
	var out []DiffSpan
	for i := 0; i < len(spans); i++ {
		if spans[i].Op == Delete && i+1 < len(spans) && spans[i+1].Op == Insert {
			out = append(out, DiffSpan{Op: Replace, Old: spans[i].Text, Text: spans[i+1].Text})
			i++
			continue
		}
		out = append(out, spans[i])
	}
	return out
}

// refineChars adds a character diff to replacements of one word by a similar word.
func refineChars(spans []DiffSpan) []DiffSpan {
	for i := range spans {
		s := &spans[i]
		if s.Op != Replace || !isSingleWord(s.Old) || !isSingleWord(s.Text) {
			continue
		}
		dmp := diffmatchpatch.New()
		dmp.DiffTimeout = 0
		// Diffed by grapheme cluster, each one rune for go-diff: a vowel sign of Devanagari or
		// a letter's combining accent is never shown apart from its letter.
		enc := clusterCoder{}
		a, b := enc.encode(s.Old), enc.encode(s.Text)
		ds := dmp.DiffMain(a, b, false)
		same := 0
		for _, d := range ds {
			if d.Type == diffmatchpatch.DiffEqual {
				same += utf8.RuneCountInString(d.Text)
			}
		}
		longest := max(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
		if longest < 3 || 3*same < 2*longest { // under two thirds shared: a different word, not a variant
			continue
		}
		for _, d := range enc.decode(dmp.DiffCleanupSemantic(ds)) {
			op := Equal
			switch d.Type {
			case diffmatchpatch.DiffDelete:
				op = Delete
			case diffmatchpatch.DiffInsert:
				op = Insert
			}
			s.Chars = append(s.Chars, DiffSpan{Op: op, Text: d.Text})
		}
	}
	return spans
}

func isSingleWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isWordRune(r) {
			return false
		}
	}
	return true
}

// WdiffString renders spans in wdiff notation: [-old-]{+new+}.
func WdiffString(spans []DiffSpan) string {
	var b strings.Builder
	for _, s := range spans {
		switch s.Op {
		case Equal:
			b.WriteString(s.Text)
		case Delete:
			b.WriteString("[-" + s.Text + "-]")
		case Insert:
			b.WriteString("{+" + s.Text + "+}")
		case Replace:
			b.WriteString("[-" + s.Old + "-]{+" + s.Text + "+}")
		}
	}
	return b.String()
}

// clusterCoder maps grapheme clusters to runes and back, so that go-diff, which diffs runes,
// diffs clusters.
type clusterCoder struct {
	runes    map[string]rune
	clusters []string
}

func (c *clusterCoder) encode(s string) string {
	if c.runes == nil {
		c.runes = map[string]rune{}
	}
	var b strings.Builder
	state := -1
	for s != "" {
		var cl string
		cl, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		r, ok := c.runes[cl]
		if !ok {
			r = tokenRune(len(c.clusters))
			c.runes[cl] = r
			c.clusters = append(c.clusters, cl)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (c *clusterCoder) decode(ds []diffmatchpatch.Diff) []diffmatchpatch.Diff {
	out := make([]diffmatchpatch.Diff, len(ds))
	for i, d := range ds {
		var b strings.Builder
		for _, r := range d.Text {
			b.WriteString(c.clusters[runeToken(r)])
		}
		out[i] = diffmatchpatch.Diff{Type: d.Type, Text: b.String()}
	}
	return out
}
