package align

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bitext/bitext/internal/ctxio"
	"github.com/bitext/bitext/internal/textcheck"
)

// FreeDict's dictionaries (about 140 language pairs, Debian's dict-freedict-* packages in
// /usr/share/dictd) come in the dictd format: NAME.index, one "headword<TAB>offset<TAB>length"
// line per headword (the numbers in dictd's base64 digits), and NAME.dict.dz (dictzip, which is
// gzip) or NAME.dict, the entries' text one after another with nothing between them. The index
// is the only way to find where an entry starts.
//
// An entry's text is rendered from FreeDict's TEI by its own style sheet: the headword line
// ("Abend /ˈaːbm̩t/ <n, masc>"), then the translations, then glosses, examples and notes. Two
// layouts occur: WikDict-derived dictionaries (deu-fra, fra-deu and most others) put one line
// per sense, numbered "1. soir" when there are several, each followed by a gloss in the source
// language; Ding-derived ones (deu-eng) put the translations on the second line and indent
// everything after it. dictdTranslations reads both.

// dictdFiles tells whether path names a dictd dictionary (by its .index or .dict.dz file, or
// by a .dict file with a NAME.index beside it: a plain word list may be called .dict too) and
// returns its index and data files; the data file is whichever of NAME.dict.dz and NAME.dict
// exists (NAME.dict.dz when neither does, so that the error names it).
func dictdFiles(path string) (index, data string, ok bool) {
	var base string
	switch {
	case strings.HasSuffix(path, ".index"):
		base = strings.TrimSuffix(path, ".index")
	case strings.HasSuffix(path, ".dict.dz"):
		base = strings.TrimSuffix(path, ".dict.dz")
	case strings.HasSuffix(path, ".dict"):
		base = strings.TrimSuffix(path, ".dict")
		if _, err := os.Stat(base + ".index"); err != nil {
			return "", "", false
		}
		return base + ".index", path, true // the data file named, even beside a .dict.dz
	default:
		return "", "", false
	}
	data = base + ".dict.dz"
	if _, err := os.Stat(data); err != nil {
		if _, err := os.Stat(base + ".dict"); err == nil {
			data = base + ".dict"
		}
	}
	return base + ".index", data, true
}

// DictionaryFiles returns the files ReadDictionaryFile reads for path: the index and the data of
// a dictd dictionary, otherwise path alone (so that a command can refuse to write over them).
func DictionaryFiles(path string) []string {
	if index, data, ok := dictdFiles(path); ok {
		return []string{index, data}
	}
	return []string{path}
}

// dictdSpan is one index line: where its entry's text lies in the (uncompressed) data.
type dictdSpan struct {
	off, n int64
	line   int    // the index line, for errors
	head   string // the index's headword, for an entry whose headword line is empty
}

// maxDictdEntry bounds one entry's text (FreeDict's longest are a few kilobytes), so that a
// damaged index cannot make the reader allocate the length it claims.
const maxDictdEntry = 1 << 20

// readDictd reads the dictd dictionary of the given index and data files into d. The index is
// read first; the data is then read once, front to back, in offset order, so memory holds the
// index's spans and one entry, never the decompressed data. Errors name the file and the index
// line (*SyntaxError) or the data file's byte offset.
func (d *Dictionary) readDictd(ctx context.Context, index, data string) error {
	fi, err := os.Open(index)
	if err != nil {
		return err
	}
	defer fi.Close()
	fd, err := os.Open(data)
	if err != nil {
		return err
	}
	defer fd.Close()
	return d.readDictdFrom(ctx, fi, index, fd, data)
}

// readDictdFrom is readDictd on readers; index and data name them in errors.
func (d *Dictionary) readDictdFrom(ctx context.Context, ir io.Reader, index string, dr io.Reader, data string) error {
	spans, err := readDictdIndex(ctx, ir, index)
	if err != nil {
		return err
	}
	br := bufio.NewReaderSize(dr, 64*1024)
	var r io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("%s: %w", data, err)
		}
		defer zr.Close()
		r = bufio.NewReaderSize(zr, 64*1024)
	}
	// Every read of the data, an entry or a skip to the next one (a damaged or hostile index
	// may point far into a gzip bomb), stops once ctx is done.
	r = ctxio.NewReader(ctx, r)
	// Several headwords may share an entry: each distinct span is read once, and its
	// translations go to every headword the index gives it as well as to the one on its
	// first line (the index also lists abbreviations and spellings: gs for Gleichstrom).
	slices.SortFunc(spans, func(a, b dictdSpan) int {
		return cmp.Or(cmp.Compare(a.off, b.off), cmp.Compare(a.n, b.n))
	})
	var pos int64 // bytes of data consumed
	var buf []byte
	var keys []string
	for k := 0; k < len(spans); {
		s := spans[k]
		next := k + 1
		for next < len(spans) && spans[next].off == s.off && spans[next].n == s.n {
			next++
		}
		group := spans[k:next]
		k = next
		if s.off < pos {
			// An entry inside the previous one: dictd allows it, FreeDict never writes it.
			// Its text was read already and is not kept, so it is skipped.
			continue
		}
		buf = slices.Grow(buf[:0], int(s.n))[:s.n]
		if _, err := io.CopyN(io.Discard, r, s.off-pos); err != nil {
			return dictdShort(ctx, index, data, s, err)
		}
		if _, err := io.ReadFull(r, buf); err != nil {
			return dictdShort(ctx, index, data, s, err)
		}
		pos = s.off + s.n
		if !utf8.Valid(buf) {
			return fmt.Errorf("%s: invalid UTF-8 at byte %d of the entry at byte %d (index line %d)", data, textcheck.InvalidUTF8(buf)+1, s.off, s.line)
		}
		head, ts := dictdTranslations(string(buf))
		if len(ts) == 0 {
			continue // an entry without translations adds no key (Len counts keys)
		}
		keys = append(keys[:0], foldKey(head))
		for _, g := range group {
			keys = append(keys, foldKey(g.head))
		}
		slices.Sort(keys)
		for _, key := range slices.Compact(keys) {
			if key != "" && len(d.m[key]) < maxKeyTranslations {
				d.m[key] = append(d.m[key], ts[:min(len(ts), maxKeyTranslations-len(d.m[key]))]...)
			}
		}
	}
	return nil
}

// Bounds on what one entry and one headword can hold, above anything FreeDict has (its
// largest entries have 20 translations in deu-eng, 48 in deu-fra; its most translated
// headwords 91 and 82; Ding's 95), so that
// a hostile dictionary (a megabyte of "a,b,c,…" per entry, thousands of entries from a small
// gzip'd file) cannot fill memory.
const (
	maxEntryTranslations = 64
	maxKeyTranslations   = 128
)

// dictdShort is the error of an index line whose entry could not be read: the context's when
// it is done, a syntax error when the entry lies past the end of the data.
func dictdShort(ctx context.Context, index, data string, s dictdSpan, err error) error {
	if cerr := ctx.Err(); cerr != nil {
		return cerr
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &SyntaxError{index, s.line, fmt.Sprintf("entry of %d bytes at byte %d lies past the end of %s", s.n, s.off, data)}
	}
	return fmt.Errorf("%s: %w", data, err)
}

// readDictdIndex reads the spans of a dictd index, skipping the dictionary's own "00database…"
// (or "00-database-…") entries, which hold its description, not words.
func readDictdIndex(ctx context.Context, r io.Reader, index string) ([]dictdSpan, error) {
	sc := newLineScanner(r, index, 1024*1024)
	var spans []dictdSpan
	for line := 1; sc.Scan(); line++ {
		if line%pollEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		s, err := parseDictdIndexLine(sc.Text())
		if err != nil {
			return nil, &SyntaxError{index, line, err.Error()}
		}
		if strings.HasPrefix(s.head, "00database") || strings.HasPrefix(s.head, "00-database") {
			continue
		}
		s.line = line
		spans = append(spans, s)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return spans, nil
}

// parseDictdIndexLine parses "headword<TAB>offset<TAB>length", the numbers in dictd's base64
// digits (A–Z a–z 0–9 + /, most significant first).
func parseDictdIndexLine(text string) (dictdSpan, error) {
	text = strings.TrimSuffix(text, "\r")
	if !utf8.ValidString(text) {
		return dictdSpan{}, fmt.Errorf("invalid UTF-8 at byte %d of the line", textcheck.InvalidUTF8([]byte(text))+1)
	}
	f := strings.Split(text, "\t")
	if len(f) < 3 {
		return dictdSpan{}, errors.New("want headword<TAB>offset<TAB>length (a dictd index)")
	}
	off, err := dictdNumber(f[1])
	if err != nil {
		return dictdSpan{}, fmt.Errorf("offset %q: %w", f[1], err)
	}
	n, err := dictdNumber(f[2])
	if err != nil {
		return dictdSpan{}, fmt.Errorf("length %q: %w", f[2], err)
	}
	if n > maxDictdEntry {
		return dictdSpan{}, fmt.Errorf("entry of %d bytes (at most %d)", n, maxDictdEntry)
	}
	return dictdSpan{off: off, n: n, head: f[0]}, nil
}

// dictdNumber decodes one of dictd's base64 numbers.
func dictdNumber(s string) (int64, error) {
	if s == "" {
		return 0, errors.New("empty number")
	}
	if len(s) > 8 { // 48 bits: 256 TiB, beyond any dictionary
		return 0, errors.New("number too large")
	}
	var n int64
	for i := 0; i < len(s); i++ {
		var v byte
		switch c := s[i]; {
		case c >= 'A' && c <= 'Z':
			v = c - 'A'
		case c >= 'a' && c <= 'z':
			v = c - 'a' + 26
		case c >= '0' && c <= '9':
			v = c - '0' + 52
		case c == '+':
			v = 62
		case c == '/':
			v = 63
		default:
			return 0, fmt.Errorf("%q is not a base64 digit", c)
		}
		n = n*64 + int64(v)
	}
	return n, nil
}

// dictdTranslations reads one FreeDict entry's text: its headword (the first line up to its
// /pronunciation/ or <grammar>) and its translations. These are the second line, and when
// that starts a numbered sense ("1. charogne") every later line at the first column that
// starts the next sense in order ("2. charogne, salaud"). Glosses (unindented lines that do
// not continue the numbering, such as "1. Person Plural" under "wir") and the indented
// examples, notes and cross-references are not translations. Sense numbers, the bare " 2."
// the style sheet leaves when a sense has a gloss but no translation, and annotations ({…} […]
// (…) /…/ <…>) are dropped; "," and ";" separate translations, and, as for Ding, only terms of
// up to three words are kept (longer ones are paraphrases, not words the text would use).
// Duplicates are dropped, and at most maxEntryTranslations are kept.
func dictdTranslations(entry string) (head string, ts []string) {
	lines := strings.Split(strings.TrimRight(entry, "\n"), "\n")
	head = lines[0]
	for _, mark := range []string{" /", " <"} {
		if i := strings.Index(head, mark); i >= 0 {
			head = head[:i]
		}
	}
	head = strings.Join(strings.Fields(head), " ")
	if len(lines) < 2 {
		return head, nil
	}
	var buf []byte
	add := func(line string) {
		buf = stripAnnotations(buf[:0], line)
		for _, t := range strings.FieldsFunc(string(joinFields(buf)), func(r rune) bool { return r == ',' || r == ';' }) {
			t = trimBareNumber(strings.Join(strings.Fields(t), " "))
			if t != "" && strings.Count(t, " ") < 3 && !slices.Contains(ts, t) && len(ts) < maxEntryTranslations {
				ts = append(ts, t)
			}
		}
	}
	if n, l := senseNumber(lines[1]); n == 1 {
		add(lines[1][l:])
		for _, line := range lines[2:] {
			if m, l := senseNumber(line); m == n+1 {
				add(line[l:])
				n = m
			}
		}
	} else {
		add(lines[1])
	}
	return head, ts
}

// senseNumber returns the sense number ("12. ") at the start of s and its length in bytes, or 0, 0.
func senseNumber(s string) (n, length int) {
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		i++
	}
	if i == 0 || i+1 >= len(s) || s[i] != '.' || s[i+1] != ' ' {
		return 0, 0
	}
	return n, i + 2
}

// trimBareNumber drops a bare sense number ("2.") at the end of t ("soir 2.") or making up t.
func trimBareNumber(t string) string {
	if k := strings.LastIndexByte(t, ' '); k >= 0 && isBareNumber(t[k+1:]) {
		return strings.TrimSpace(t[:k])
	}
	if isBareNumber(t) {
		return ""
	}
	return t
}

// isBareNumber is "2." alone.
func isBareNumber(s string) bool {
	if len(s) < 2 || s[len(s)-1] != '.' {
		return false
	}
	for i := 0; i < len(s)-1; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
