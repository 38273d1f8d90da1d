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

// headerColumn maps a header cell to a column; ok is false for cells that are not column names.
// Language codes are how Google's equivalent-term-set CSV names its columns; other languages'
// columns and Google's "pos" and "description" are ignored.
func headerColumn(cell string) (column, bool) {
	c := strings.ToLower(strings.TrimSpace(cell))
	switch c {
	case "de", "source", "term", "german":
		return colSource, true
	case "en", "target", "translation", "english":
		return colTarget, true
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
		if c == "description" {
			return colIgnore, true
		}
		return colNote, true
	case "pos":
		return colIgnore, true
	}
	if lang, _, _ := strings.Cut(c, "-"); len(c) <= 8 && (lang == "de" || lang == "en") {
		if lang == "de" {
			return colSource, true
		}
		return colTarget, true
	}
	if isLangCode(c) {
		return colIgnore, true
	}
	return colIgnore, false
}

func isLangCode(c string) bool {
	lang, region, _ := strings.Cut(c, "-")
	if len(lang) < 2 || len(lang) > 3 || len(region) > 4 {
		return false
	}
	for _, r := range lang + region {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9') {
			return false
		}
	}
	return true
}

// readHeader reports whether cells form a header and, if so, the column layout. A header
// names a source and a target column; a row that does so but also has cells that are not column
// names is a header with a typo, an error rather than a glossary entry.
func readHeader(cells []string) ([]column, bool, error) {
	cols := make([]column, len(cells))
	var src, tgt bool
	var unknown []string
	for i, cell := range cells {
		c, ok := headerColumn(cell)
		if !ok {
			if strings.TrimSpace(cell) != "" {
				unknown = append(unknown, cell)
			}
			continue
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
		return nil, false, nil
	}
	if len(unknown) > 0 {
		return nil, false, fmt.Errorf("header: unknown column %q (known: de, en, variants, forbidden, case, match, dnt, note, language codes)", unknown[0])
	}
	return cols, true, nil
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
			cs, err := parseCase(v)
			if err != nil {
				return nil, errorf(file, line, "%v", err)
			}
			if v != "" {
				e.CaseSensitive, caseSet = cs, true
			}
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
			e.Note = v
		}
	}
	if !caseSet {
		e.CaseSensitive = isAcronym(e.Source)
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

// caseValue is what the writers put in the case column: only deviations from the default.
func caseValue(e *Entry) string {
	switch def := isAcronym(e.Source); {
	case e.CaseSensitive && !def:
		return "sensitive"
	case !e.CaseSensitive && def:
		return "insensitive"
	}
	return ""
}
