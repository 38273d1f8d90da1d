package glossary

import (
	"fmt"
	"strings"
)

// column is the meaning of one column of a TSV or CSV glossary.
type column int

const (
	colIgnore column = iota
	colSource
	colTarget
	colVariants
	colForbidden
	colCase
	colMatch
	colDNT
	colNote
)

// positional is the column order of a TSV or CSV file without a header.
var positional = []column{colSource, colTarget, colVariants, colForbidden, colCase, colMatch, colNote}

// headerColumn maps a header cell to a column; ok is false for cells that are not column
// names. Language codes are how Google's equivalent-term-set CSV names its columns: the
// requested source and target languages are the term columns, other languages' columns and
// Google's "pos" are ignored, and Google's "description" is the note.
func headerColumn(cell string, o Options) (column, bool) {
	c := strings.ToLower(strings.TrimSpace(cell))
	switch c {
	case "source", "term":
		return colSource, true
	case "target", "translation":
		return colTarget, true
	case "german", "english":
		// Names of languages rather than codes; they mean something only for the default pair.
		switch {
		case c == "german" && langMatch("de", o.Source):
			return colSource, true
		case c == "english" && langMatch("en", o.Target):
			return colTarget, true
		}
		return colIgnore, true
	case "variants", "variant", "accepted", "admitted":
		return colVariants, true
	case "forbidden", "deprecated":
		return colForbidden, true
	case "case":
		return colCase, true
	case "match":
		return colMatch, true
	case "dnt", "do-not-translate", "donottranslate":
		return colDNT, true
	case "note", "notes", "comment", "description":
		return colNote, true
	case "pos":
		return colIgnore, true
	}
	if isLangTag(c) {
		switch {
		case langMatch(c, o.Source):
			return colSource, true
		case langMatch(c, o.Target):
			return colTarget, true
		}
		return colIgnore, true
	}
	return colIgnore, false
}

// isLangTag reports whether c has the shape of a BCP 47 tag (or a POSIX locale name): a
// primary language of two or three letters and subtags of one to eight letters or digits.
func isLangTag(c string) bool {
	parts := strings.FieldsFunc(c, func(r rune) bool { return r == '-' || r == '_' })
	if len(parts) == 0 || len(parts) > 4 || len(c) > 20 || strings.HasSuffix(c, "-") || strings.HasSuffix(c, "_") {
		return false
	}
	for i, p := range parts {
		if i == 0 && (len(p) < 2 || len(p) > 3) || len(p) < 1 || len(p) > 8 {
			return false
		}
		for _, r := range p {
			if !('a' <= r && r <= 'z' || i > 0 && '0' <= r && r <= '9') {
				return false
			}
		}
	}
	return true
}

// readHeader reports whether cells form a header and, if so, the column layout. A header
// names a source and a target column; a row that does so but also has cells that are not column
// names is a header with a typo, an error rather than a glossary entry. A row that is
// unmistakably a header of language codes (Google's "en-US,fr,pos,description", or codes alone
// with one of the pair's: "en,fr") but lacks the requested languages is an error too: reading it as an entry would hide that the file
// is in other languages.
func readHeader(cells []string, o Options) ([]column, bool, error) {
	cols := make([]column, len(cells))
	var src, tgt, google bool
	var unknown, langs []string
	for i, cell := range cells {
		c, ok := headerColumn(cell, o)
		if !ok {
			if strings.TrimSpace(cell) != "" {
				unknown = append(unknown, cell)
			}
			continue
		}
		lc := strings.ToLower(strings.TrimSpace(cell))
		switch {
		case lc == "pos" || lc == "description":
			google = true
		case isLangTag(lc):
			langs = append(langs, strings.TrimSpace(cell))
			if strings.ContainsAny(lc, "-_") {
				google = true
			}
		}
		switch c {
		case colSource:
			if src {
				c = colIgnore // a second source language column (de-AT next to de-DE)
			}
			src = true
		case colTarget:
			if tgt {
				c = colIgnore
			}
			tgt = true
		}
		cols[i] = c
	}
	if !src || !tgt {
		// Language codes only, one of them a language of the pair ("en,fr" for German →
		// English) is as unmistakable as Google's form: no German term is a language code.
		onlyLangs := len(unknown) == 0 && len(langs) >= 2 && len(langs) == nonEmpty(cells) && (src || tgt)
		if (google || onlyLangs) && len(unknown) == 0 && len(langs) > 0 {
			return nil, false, fmt.Errorf("header names the languages %s but not both %s and %s", strings.Join(langs, ", "), o.Source, o.Target)
		}
		return nil, false, nil
	}
	if len(unknown) > 0 {
		return nil, false, fmt.Errorf("header: unknown column %q (known: %s, %s, variants, forbidden, case, match, dnt, note, description, pos, language codes)", unknown[0], o.Source, o.Target)
	}
	return cols, true, nil
}

func nonEmpty(cells []string) int {
	n := 0
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

// entryFromCells builds an entry from one row. Cells beyond the layout are an error the
// caller reports with its line.
func entryFromCells(cells []string, cols []column, file string, line int) (*Entry, error) {
	e := &Entry{File: file, Line: line, Match: MatchStem}
	var caseSet bool
	for i, cell := range cells {
		if i >= len(cols) {
			if strings.TrimSpace(cell) == "" {
				continue
			}
			return nil, errorf(file, line, "%d columns, want at most %d", len(cells), len(cols))
		}
		v := strings.TrimSpace(cell)
		switch cols[i] {
		case colSource:
			e.Source = v
		case colTarget:
			e.Target = v
		case colVariants:
			e.Variants = splitList(v)
		case colForbidden:
			e.Forbidden = splitList(v)
		case colCase:
			if err := setCase(e, v); err != nil {
				return nil, errorf(file, line, "%v", err)
			}
			caseSet = caseSet || v != ""
		case colMatch:
			m, err := ParseMatchMode(v)
			if err != nil {
				return nil, errorf(file, line, "%v", err)
			}
			e.Match = m
		case colDNT:
			b, err := parseBool(v)
			if err != nil {
				return nil, errorf(file, line, "dnt: %v", err)
			}
			e.DoNotTranslate = b
		case colNote:
			// bitext's note and Google's description may both be there.
			if v != "" && e.Note != "" {
				e.Note += "; " + v
			} else if v != "" {
				e.Note = v
			}
		}
	}
	if !caseSet {
		e.setDefaultCase()
	}
	return e, nil
}

// splitList reads a "|"-separated list, dropping empty items.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func parseCase(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "sensitive", "cs", "case-sensitive", "yes", "true":
		return true, nil
	case "", "insensitive", "ci", "case-insensitive", "no", "false":
		return false, nil
	}
	return false, fmt.Errorf("unknown case value %q (want sensitive or insensitive)", s)
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "yes", "y", "true", "1", "dnt":
		return true, nil
	case "", "no", "n", "false", "0":
		return false, nil
	}
	return false, fmt.Errorf("unknown value %q (want yes or no)", s)
}

// setCase reads a case value into e: CaseSensitive, and CaseInsensitive when the value says
// so explicitly (the empty value leaves both false, the default).
func setCase(e *Entry, v string) error {
	cs, err := parseCase(v)
	if err != nil {
		return err
	}
	e.CaseSensitive = cs
	e.CaseInsensitive = !cs && strings.TrimSpace(v) != ""
	return nil
}

// caseValue is what the writers put in the case column: only deviations from the default. An
// explicitly insensitive entry with a capital letter deviates from the default too: without
// the value, its capitalized words would match only capitalized text words (nounCase).
func caseValue(e *Entry) string {
	switch def := isAcronym(e.Source); {
	case e.CaseSensitive && !def:
		return "sensitive"
	case !e.CaseSensitive && (def || e.CaseInsensitive && hasUpper(e.Source)):
		return "insensitive"
	}
	return ""
}
