package glossary

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Format is a glossary file format.
type Format string

const (
	TSV  Format = "tsv"  // de<TAB>en with optional header and columns
	CSV  Format = "csv"  // bitext's columns with a header; reads Google's CSV formats too
	TBX  Format = "tbx"  // TBX-Basic; reads v2 (martif) and v3 (tbx); writes v3
	TBX2 Format = "tbx2" // writes TBX-Basic v2 (martif/termEntry/langSet/tig)
	// GoogleCSV is Google Cloud Translation's unidirectional glossary: two columns, source and
	// target term, no header. Reading it is reading CSV.
	GoogleCSV Format = "google-csv"
	// GoogleCSVSet is Google's equivalent-term-set glossary: a header row of language codes
	// plus "pos" and "description", one concept per row. The note travels as description.
	GoogleCSVSet Format = "google-csv-set"
	// TMX is a TMX file used as a glossary (Google accepts these): each translation unit in
	// the two languages is an entry.
	TMX Format = "tmx"
)

// FormatFromName picks the format from a file name: .csv is CSV, .tbx and .xml are TBX, .tmx
// is TMX, everything else (.tsv, .txt, no extension) is TSV.
func FormatFromName(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return CSV
	case ".tbx", ".xml":
		return TBX
	case ".tmx":
		return TMX
	}
	return TSV
}

// SniffFormat tells a glossary's format from its content, for standard input, which has no
// name: XML is TBX (or TMX, by its root element), text whose first line that is not a comment
// holds a tab is TSV, one with a comma or semicolon CSV, anything else TSV (whose reader then
// says what is wrong).
func SniffFormat(data []byte) Format {
	t := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if bytes.HasPrefix(t, []byte("<")) {
		head := t[:min(len(t), 4096)]
		if bytes.Contains(head, []byte("<tmx")) {
			return TMX
		}
		return TBX
	}
	for len(t) > 0 {
		line, rest, _ := bytes.Cut(t, []byte("\n"))
		t = rest
		if l := bytes.TrimSpace(line); len(l) == 0 || l[0] == '#' {
			continue
		}
		switch {
		case bytes.Contains(line, []byte("\t")):
			return TSV
		case bytes.ContainsAny(line, ",;"):
			return CSV
		}
		break
	}
	return TSV
}

// ParseFormat reads a format name as given on a command line.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case TSV, CSV, TBX, TBX2, GoogleCSV, GoogleCSVSet, TMX:
		return f, nil
	case "txt":
		return TSV, nil
	case "tbx3":
		return TBX, nil
	case "google", "google-csv-unidirectional":
		return GoogleCSV, nil
	case "google-csv-equivalent", "google-csv-sets":
		return GoogleCSVSet, nil
	}
	return "", fmt.Errorf("unknown glossary format %q (want tsv, csv, tbx, tbx2, google-csv, google-csv-set or tmx)", s)
}

// Options select what to read from a glossary file. The zero value reads German → English.
type Options struct {
	// Source and Target are BCP 47 language tags ("de", "en", "pt-BR"): the TBX language
	// sections, CSV header columns and TMX variants to read. A bare language matches its
	// regional variants ("de" matches "de-DE" and "de_AT"); a tag with a region matches that
	// region or the bare language. Empty means "de" and "en". A file that names its languages
	// (TBX, TMX, a CSV/TSV header of language codes) and has no terms in one of them is an
	// error naming the file; files without language names (TSV, headerless CSV) are read as
	// source and target columns.
	//
	// Matching (FindSource, Check) is built for German sources and English targets; a
	// glossary in other languages is read and written faithfully (convert, lint) but matched
	// with the German and English rules.
	Source, Target string
	// EntriesOnly reads the entries without building the matcher (FindSource, Check, Lint
	// need it; Write does not): a converter of a million entries then holds a third of it.
	EntriesOnly bool
	// Stdin is what a path of "-" reads (standard input, for the command line); its format is
	// told from its content (SniffFormat). Nil: "-" is a file name like any other.
	Stdin io.Reader
}

func (o Options) withDefaults() Options {
	if o.Source == "" {
		o.Source = "de"
	}
	if o.Target == "" {
		o.Target = "en"
	}
	return o
}

// langMatch reports whether the language tag found in a file (xml:lang, a header cell) is
// the requested language want.
func langMatch(tag, want string) bool {
	norm := func(s string) string { return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "_", "-")) }
	tag, want = norm(tag), norm(want)
	if tag == want {
		return true
	}
	tp, _, tagHasRegion := strings.Cut(tag, "-")
	wp, _, wantHasRegion := strings.Cut(want, "-")
	if tp != wp {
		return false
	}
	return !wantHasRegion || !tagHasRegion
}

// Error is a problem in a glossary file, at a line when one is known.
type Error struct {
	File string
	Line int // 1-based; 0 when unknown
	Msg  string
}

func (e *Error) Error() string {
	name := e.File
	if name == "" {
		name = "glossary"
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", name, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", name, e.Msg)
}

func errorf(file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Load reads and merges glossary files, each in the format its name says, German → English.
// Entries keep their order; when two files define the same source term, the later definition
// wins in matching (Lint reports it).
func Load(paths ...string) (*Glossary, error) { return LoadWith(Options{}, paths...) }

// LoadWith is Load in the languages o selects.
func LoadWith(o Options, paths ...string) (*Glossary, error) {
	o = o.withDefaults()
	var all []*Entry
	unread := Unread{}
	var read []os.FileInfo // the files read so far: one named twice is read once
	for _, p := range paths {
		if p == "-" && o.Stdin != nil {
			data, err := io.ReadAll(io.LimitReader(o.Stdin, maxFileSize+1))
			if err != nil {
				return nil, &Error{File: "standard input", Msg: err.Error()}
			}
			es, u, err := parse(bytes.NewReader(data), "standard input", SniffFormat(data), o)
			if err != nil {
				return nil, err
			}
			all = append(all, es...)
			unread.merge(u)
			o.Stdin = nil // read once; a second "-" is a file of that name
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		if st, err := f.Stat(); err == nil {
			if slices.ContainsFunc(read, func(r os.FileInfo) bool { return os.SameFile(r, st) }) {
				f.Close()
				continue // its entries would duplicate themselves ("a.tsv:2 duplicates a.tsv:2")
			}
			read = append(read, st)
			if st.Mode().IsRegular() && st.Size() > maxFileSize {
				// Said before reading: read first, a 2 GB file took 600 MB to be refused.
				f.Close()
				return nil, errorf(p, 0, "larger than %d MiB", maxFileSize>>20)
			}
		}
		g, u, err := parse(f, p, FormatFromName(p), o)
		f.Close()
		if err != nil {
			return nil, err
		}
		all = append(all, g...)
		unread.merge(u)
	}
	g := &Glossary{Entries: all}
	if !o.EntriesOnly {
		g = New(all)
	}
	g.SourceLang, g.TargetLang, g.Unread = o.Source, o.Target, unread
	return g, nil
}

// Parse reads one German → English glossary in format f; name is used in error messages and
// Entry.File.
func Parse(r io.Reader, name string, f Format) (*Glossary, error) {
	return ParseWith(r, name, f, Options{})
}

// ParseWith is Parse in the languages o selects.
func ParseWith(r io.Reader, name string, f Format, o Options) (*Glossary, error) {
	o = o.withDefaults()
	es, unread, err := parse(r, name, f, o)
	if err != nil {
		return nil, err
	}
	g := New(es)
	g.SourceLang, g.TargetLang, g.Unread = o.Source, o.Target, unread
	return g, nil
}

// maxFileSize bounds what a glossary may be; larger inputs are almost certainly the wrong file.
const maxFileSize = 256 << 20

func parse(r io.Reader, name string, f Format, o Options) ([]*Entry, Unread, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, nil, &Error{File: name, Msg: err.Error()}
	}
	if len(data) > maxFileSize {
		return nil, nil, errorf(name, 0, "larger than %d MiB", maxFileSize>>20)
	}
	if langMatch(o.Source, o.Target) || langMatch(o.Target, o.Source) {
		return nil, nil, errorf(name, 0, "source and target language are both %s", o.Source)
	}
	unread := Unread{}
	if f == TMX {
		// The corpus package's TMX reader does its own BOM and encoding handling.
		es, err := parseTMX(data, name, o)
		if err != nil {
			return nil, nil, err
		}
		return es, unread, nil
	}
	if data, err = decodeInput(data, name, f); err != nil {
		return nil, nil, err
	}
	var es []*Entry
	switch f {
	case TSV, "":
		es, err = parseTSV(data, name, o, unread)
	case CSV, GoogleCSV, GoogleCSVSet:
		es, err = parseCSV(data, name, o, unread)
	case TBX, TBX2:
		es, err = parseTBXStats(data, name, o, nil, unread)
	default:
		return nil, nil, errorf(name, 0, "unknown glossary format %q", f)
	}
	if err != nil {
		var ge *Error
		if !errors.As(err, &ge) {
			err = &Error{File: name, Msg: err.Error()}
		}
		return nil, nil, err
	}
	if len(es) == 0 {
		return nil, nil, errorf(name, 0, "no glossary entries")
	}
	return es, unread, nil
}

// Unread counts what a file held that an Entry has no place for, by kind ("partOfSpeech",
// "concept ids", "terms in other languages (fr, it)"): writing the glossary again, in any
// format, leaves it out, and converters say so instead of dropping it silently.
type Unread map[string]int

func (u Unread) add(kind string, n int) {
	if n > 0 {
		u[kind] += n
	}
}

func (u Unread) merge(v Unread) {
	for k, n := range v {
		u.add(k, n)
	}
}

// String lists the kinds, most frequent first: "12 partOfSpeech, 3 concept ids".
func (u Unread) String() string {
	kinds := make([]string, 0, len(u))
	for k := range u {
		kinds = append(kinds, k)
	}
	slices.SortFunc(kinds, func(a, b string) int {
		if u[a] != u[b] {
			return u[b] - u[a]
		}
		return strings.Compare(a, b)
	})
	for i, k := range kinds {
		kinds[i] = fmt.Sprintf("%d %s", u[k], k)
	}
	return strings.Join(kinds, ", ")
}

// headerUnread is what a TSV or CSV header says is left out: language columns with a region
// that are written as the bare language (Google's en-US).
func headerUnread(header []string, cols []column, o Options, unread Unread) {
	var tags []string
	for i, c := range cols {
		h := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(header[i]), "_", "-"))
		if (c == colSource || c == colTarget) && isLangTag(h) && strings.Contains(h, "-") && !strings.EqualFold(h, o.Source) && !strings.EqualFold(h, o.Target) {
			tags = append(tags, h)
		}
	}
	if len(tags) > 0 {
		unread.add(fmt.Sprintf("language columns tagged with a region (%s), written as %s and %s", strings.Join(tags, ", "), o.Source, o.Target), len(tags))
	}
}

// rowUnread counts the filled cells of a row that no entry field takes: other languages'
// terms, Google's pos, a second column of the source or target language.
func rowUnread(header, cells []string, cols []column, o Options, unread Unread) {
	for i, c := range cells {
		if i >= len(cols) || cols[i] != colIgnore || strings.TrimSpace(c) == "" || i >= len(header) {
			continue
		}
		h := strings.TrimSpace(header[i])
		// "pos" (Google's part of speech) has the shape of a language code and is none.
		if l := strings.ToLower(h); l != "pos" && isLangTag(l) && !langMatch(l, o.Source) && !langMatch(l, o.Target) {
			unread.add("terms in other languages ("+l+")", 1)
			continue
		}
		unread.add(fmt.Sprintf("cells of column %q", h), 1)
	}
}
