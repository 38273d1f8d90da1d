// Package formats tells an extension that names a format a command does not handle (.docx,
// .pdf, .srt given to a command that writes TMX) from one that names nothing in particular
// (.en, .out, none), so that commands refuse the first instead of silently writing or reading
// something else under that name. It decides nothing about the formats a command does handle:
// each command keeps its own inference and passes the extensions it supports.
package formats

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// known maps well-known extensions to the format people expect behind them.
var known = map[string]string{
	".txt": "plain text", ".text": "plain text",
	".md": "Markdown", ".markdown": "Markdown", ".mdown": "Markdown", ".mkd": "Markdown", ".mdx": "Markdown",
	".html": "HTML", ".htm": "HTML", ".xhtml": "HTML",
	".json": "JSON", ".jsonl": "JSON Lines", ".ndjson": "JSON Lines",
	".tmx": "TMX", ".tbx": "TBX", ".xml": "XML",
	".tsv": "TSV", ".tab": "TSV", ".csv": "CSV",
	".xlf": "XLIFF", ".xliff": "XLIFF", ".sdlxliff": "XLIFF", ".mqxliff": "XLIFF",
	".po": "gettext PO", ".pot": "gettext PO",
	".srt": "SubRip subtitles", ".vtt": "WebVTT subtitles", ".sbv": "subtitles", ".ass": "subtitles",
	".docx": "Word", ".doc": "Word", ".odt": "OpenDocument text", ".rtf": "RTF",
	".pdf": "PDF", ".epub": "EPUB", ".tex": "LaTeX",
	".xlsx": "Excel", ".xls": "Excel", ".ods": "OpenDocument spreadsheet",
	".pptx": "PowerPoint", ".ppt": "PowerPoint", ".odp": "OpenDocument presentation",
	".yaml": "YAML", ".yml": "YAML", ".toml": "TOML",
	".sqlite": "SQLite", ".db": "database",
	".zip": "ZIP archive", ".png": "PNG image", ".jpg": "JPEG image", ".jpeg": "JPEG image",
}

// Name is the well-known format an extension (".pdf") stands for, or "" when it names none.
func Name(ext string) string { return known[strings.ToLower(ext)] }

// Error says that a file's extension names a format the command does not handle.
type Error struct {
	Command   string   // "report", "tm export"
	Flag      string   // the flag that names the file ("-o"), or "" for an argument
	File      string   // the name as given
	Ext       string   // its extension, lower case, with the dot
	Output    bool     // an output (the command would write it), not an input
	Supported []string // the extensions the command does handle
	Override  string   // the flag that overrides the extension ("--format"), if any
}

func (e *Error) Error() string {
	verb := "read"
	if e.Output {
		verb = "write"
	}
	var b strings.Builder
	b.WriteString(e.Command)
	if e.Flag != "" {
		b.WriteString(" " + e.Flag)
	}
	fmt.Fprintf(&b, " %s: %s files (%s) are not a format %s can %s; it %ss %s", e.File, Name(e.Ext), e.Ext, e.Command, verb, verb, strings.Join(e.Supported, ", "))
	if e.Override != "" {
		fmt.Fprintf(&b, " (%s names the format whatever the extension)", e.Override)
	}
	return b.String()
}

// Spec is what a command handles on one side (input or output).
type Spec struct {
	Command   string   // as the user types it: "report", "tm export"
	Flag      string   // "-o" for an output file; "" for arguments
	Output    bool     // checks an output
	Supported []string // extensions handled, with the dot: ".tmx", ".tsv"
	Override  string   // the flag that names the format instead ("--format"), mentioned in errors
}

// Check returns an *Error when name's extension names a well-known format that is not among
// s.Supported. Standard input/output ("-" or ""), names without an extension and extensions
// that name no well-known format (.en, .out, .bak) pass: they say nothing about the content.
func (s Spec) Check(name string) error {
	if name == "" || name == "-" {
		return nil
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext == "" || Name(ext) == "" {
		return nil
	}
	for _, e := range s.Supported {
		if strings.EqualFold(e, ext) {
			return nil
		}
	}
	sup := append([]string(nil), s.Supported...)
	sort.Strings(sup)
	return &Error{Command: s.Command, Flag: s.Flag, File: name, Ext: ext, Output: s.Output, Supported: sup, Override: s.Override}
}

// CheckAll is Check for each name, returning the first error.
func (s Spec) CheckAll(names ...string) error {
	for _, n := range names {
		if err := s.Check(n); err != nil {
			return err
		}
	}
	return nil
}

// MaxWhole is the largest input bitext reads whole, as a document written back in its own format
// (package document) or a Markdown article parsed at once (package segment): such an input is
// held with its structure, several times its size in memory (a 50 MB XLIFF file takes about
// 1 GB in a translate run; 140 MB of Markdown read for its sentences, 1.5 GB), so a larger one is
// refused before it is held. Text streams.
const MaxWhole = 128 << 20

// LooksHTML reports whether head, the start of an input, is unmistakably an HTML page: a
// doctype or an <html> tag first, after a UTF-8 byte-order mark, white space, an XML
// declaration, processing instructions and comments. XHTML pages start with "<?xml …?>" and
// pages saved by browsers with "<!-- saved from url=… -->"; without skipping those, such a page
// would be read as text and its source sent out as sentences. The readers that must tell a page
// from text without a name to go by (document.Sniff for standard input, segment for a file
// without an extension) ask it alike. A comment or declaration not closed within head says
// nothing either way, so it is not a page.
func LooksHTML(head []byte) bool {
	t := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	for {
		t = bytes.TrimLeft(t, " \t\r\n")
		var end []byte
		switch {
		case bytes.HasPrefix(t, []byte("<!--")):
			t, end = t[len("<!--"):], []byte("-->")
		case bytes.HasPrefix(t, []byte("<?")):
			t, end = t[len("<?"):], []byte("?>")
		}
		if end == nil {
			break
		}
		i := bytes.Index(t, end)
		if i < 0 {
			return false
		}
		t = t[i+len(end):]
	}
	lower := bytes.ToLower(t[:min(len(t), len("<!doctype html"))])
	return bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.HasPrefix(lower, []byte("<html"))
}
