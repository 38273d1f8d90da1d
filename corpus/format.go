package corpus

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Format names a bitext file format.
type Format string

// The formats corpus reads and writes.
const (
	JSONL Format = "jsonl" // one JSON object per line, fields as in Pair's JSON tags
	TMX   Format = "tmx"   // TMX 1.4b
	Moses Format = "moses" // two line-aligned plain-text files, source and target
	TSV   Format = "tsv"   // source<TAB>target per line
	XLIFF Format = "xliff" // XLIFF pairs: 1.2 and 2.x read, 1.2 (default) or 2.1 written
)

// Formats lists every supported format, for help texts and flag validation.
var Formats = []Format{JSONL, TMX, Moses, TSV, XLIFF}

// FormatFromName guesses a format from a file name's extension: .jsonl/.ndjson, .tmx, .tsv/.tab,
// .xlf/.xliff (also .xlf2, .sdlxliff, .mqxliff, which are XLIFF).
// Moses files are recognised by a language-code extension (.de, .en, …) and by .moses.
// It returns "" when the name says nothing (for example "-" or "pairs.txt").
func FormatFromName(name string) Format {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".jsonl", ".ndjson":
		return JSONL
	case ".tmx":
		return TMX
	case ".tsv", ".tab":
		return TSV
	case ".moses":
		return Moses
	case ".xlf", ".xliff", ".xlf2", ".sdlxliff", ".mqxliff":
		return XLIFF
	default:
		if isLangExt(ext) {
			return Moses
		}
		return ""
	}
}

// isLangExt reports whether ext looks like a Moses language suffix: ".de", ".en", ".de-DE".
func isLangExt(ext string) bool {
	code, _, _ := strings.Cut(strings.TrimPrefix(ext, "."), "-")
	if len(code) != 2 {
		return false
	}
	for _, r := range code {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// ParseFormat validates a format name given by a user (case-insensitive).
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	if f == "xlf" {
		f = XLIFF
	}
	for _, known := range Formats {
		if f == known {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown bitext format %q (want jsonl, tmx, moses, tsv or xliff)", s)
}

// Writer writes pairs as they come. Close flushes and writes any footer (TMX); it does not
// close the underlying io.Writers.
type Writer interface {
	Write(Pair) error
	Close() error
}

// Reader returns one pair per call and io.EOF after the last one. Errors about the input are
// *InputError values naming the file and position. The readers NewReader returns also have a
// Name() string method, the file name they were given (the source file's for Moses), so that
// an error about a pair found later can name its file and Line as an *InputError does.
type Reader interface {
	Next() (Pair, error)
}

// ReaderName is the name of the file r reads when r says it (corpus's readers have a Name
// method, and so do the readers that wrap one), for messages about a pair; "" otherwise.
func ReaderName(r Reader) string {
	if n, ok := r.(interface{ Name() string }); ok {
		return n.Name()
	}
	return ""
}

// ReaderSkipped is how many units r skipped so far when r counts them (TMX and XLIFF units
// lacking one of the two languages: a Skipped method), else 0.
func ReaderSkipped(r Reader) int {
	if s, ok := r.(interface{ Skipped() int }); ok {
		return s.Skipped()
	}
	return 0
}

// ReaderLanguages is the source and target language the file r reads declares (an XLIFF's
// source-language and target-language, 2.x srcLang and trgLang), once a pair has been read; ""
// when it declares none or r cannot tell.
func ReaderLanguages(r Reader) (source, target string) {
	if l, ok := r.(interface{ Languages() (string, string) }); ok {
		return l.Languages()
	}
	return "", ""
}

// WriterOptions configures NewWriter. The zero value writes German–English.
type WriterOptions struct {
	SourceLang string // language of Source, default "de"; TMX xml:lang and srclang
	TargetLang string // language of Target, default "en"

	// Target receives the target side of Moses output; the main io.Writer gets the source side.
	Target io.Writer

	// ToolVersion is written as the TMX header's creationtoolversion (default: the version of
	// the main module in the binary's build information, or "unknown").
	ToolVersion string

	// XLIFFVersion chooses the XLIFF written: "1.2" (the default) or "2.1" ("2", "2.0" and
	// "2.1" all write 2.1).
	XLIFFVersion string

	// Entries says the pairs are a translation memory's entries, which stand in no document:
	// JSONL leaves out doc, paragraph, sentence and tm_hit, which would only say nothing
	// ("doc":"", "paragraph":0).
	Entries bool

	// Warn, when set, receives a Warning for every field a writer had to change: characters the
	// format cannot carry and invalid UTF-8 (see the package documentation for what each format
	// does). It is called from Write, before Write returns. A nil Warn drops the warnings; the
	// output is the same either way.
	Warn func(Warning)
}

// ReaderOptions configures NewReader.
type ReaderOptions struct {
	// SourceLang and TargetLang choose the TMX languages to read. An empty SourceLang means the
	// header's srclang (or "de" when it is "*all*" or missing); an empty TargetLang means the
	// first other language found, English preferred. Matching ignores case, and a bare language
	// matches its regions ("de" matches "de-DE"). XLIFF files name their languages: when these
	// are given and the file's differ, reading fails.
	SourceLang string
	TargetLang string

	// Target is the target side of a Moses corpus, TargetName its file name for errors.
	Target     io.Reader
	TargetName string

	// Unfinished also reads XLIFF targets whose state says they are not translated yet (1.2
	// new, needs-translation; 2.x initial) when they hold words other than their source's: the
	// answers translate doubted (a 2.x "initial"), which a review is for. A memory's import
	// leaves them out.
	Unfinished bool
}

// NewWriter returns a streaming writer of f to w. Moses needs opt.Target for the second file.
func NewWriter(f Format, w io.Writer, opt WriterOptions) (Writer, error) {
	opt = opt.withDefaults()
	switch f {
	case JSONL:
		jw := newJSONLWriter(w, opt.Warn)
		jw.entries = opt.Entries
		return jw, nil
	case TMX:
		return newTMXWriter(w, opt), nil
	case Moses:
		if opt.Target == nil {
			return nil, fmt.Errorf("corpus: moses output needs a target writer")
		}
		return newMosesWriter(w, opt.Target, opt.Warn), nil
	case TSV:
		return newTSVWriter(w, opt.Warn), nil
	case XLIFF:
		switch opt.XLIFFVersion {
		case "", "1.2":
			return newXLIFFWriter(w, opt), nil
		case "2", "2.0", "2.1":
			return &xliff2Writer{newXLIFFWriter(w, opt)}, nil
		}
		return nil, fmt.Errorf("corpus: XLIFF version %q: want 1.2 or 2.1", opt.XLIFFVersion)
	}
	return nil, fmt.Errorf("corpus: unknown format %q", f)
}

// NewReader returns a streaming reader of f from r; name is used in error messages.
// Moses needs opt.Target (and opt.TargetName) for the second file.
func NewReader(f Format, r io.Reader, name string, opt ReaderOptions) (Reader, error) {
	switch f {
	case JSONL:
		return newJSONLReader(r, name), nil
	case TMX:
		return newTMXReader(r, name, opt)
	case Moses:
		if opt.Target == nil {
			return nil, fmt.Errorf("corpus: moses input needs a target reader")
		}
		if err := mosesOrder(name, opt.TargetName, opt.SourceLang, opt.TargetLang); err != nil {
			return nil, err
		}
		return newMosesReader(r, name, opt.Target, opt.TargetName), nil
	case TSV:
		return newTSVReader(r, name, opt.SourceLang, opt.TargetLang), nil
	case XLIFF:
		return newXLIFFReader(r, name, opt), nil
	}
	return nil, fmt.Errorf("corpus: unknown format %q", f)
}

func (o WriterOptions) withDefaults() WriterOptions {
	if o.SourceLang == "" {
		o.SourceLang = "de"
	}
	if o.TargetLang == "" {
		o.TargetLang = "en"
	}
	return o
}

// mosesOrder refuses the two files of a Moses corpus when their extensions name the languages
// the other way round (corpus.en corpus.de for German → English): the pairs would go in
// reversed, every one of them, with nothing to show it. Extensions that are no language of the
// pair (corpus.src, corpus.txt) say nothing, and pass.
func mosesOrder(srcName, tgtName, srcLang, tgtLang string) error {
	if srcLang == "" {
		srcLang = "de"
	}
	if tgtLang == "" {
		tgtLang = "en"
	}
	ext := func(name string) string { return strings.ToLower(strings.TrimPrefix(filepath.Ext(name), ".")) }
	s, t := ext(srcName), ext(tgtName)
	primary := func(lang string) string { // de-DE → de
		lang = strings.ToLower(lang)
		if i := strings.IndexAny(lang, "-_"); i > 0 {
			lang = lang[:i]
		}
		return lang
	}
	srcLang, tgtLang = primary(srcLang), primary(tgtLang)
	if srcLang == tgtLang || tgtName == "" {
		return nil
	}
	if s == tgtLang || t == srcLang {
		return fmt.Errorf("%s and %s: a Moses corpus is the %s (source) file first, then the %s (target) file, and these extensions say the opposite; give them the other way round", srcName, tgtName, srcLang, tgtLang)
	}
	return nil
}
