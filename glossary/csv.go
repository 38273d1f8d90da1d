package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// parseCSV reads Google's glossary CSV formats: unidirectional (two columns, source and target,
// no header) and equivalent term sets (a header of language codes, "pos" and "description";
// the columns of the requested languages are used, description is the note). bitext's own
// columns (variants, forbidden, case, match, dnt, note) may be named in the header too.
//
// Fields are RFC 4180 ("" inside quotes is a quote). Files written by tools that escape quotes
// with a backslash instead ("say \"hi\"", the style Google's documentation shows) fail that
// reading; they are read a second time with \" taken as a quote, and only if that fails too is
// the first error reported.
func parseCSV(data []byte, file string, o Options, unread Unread) ([]*Entry, error) {
	sep := ','
	if semicolonHeader(data, o) {
		sep = ';'
	}
	// Each reading counts into its own Unread: a failed one must not count its rows twice.
	u := Unread{}
	es, err := readCSV(data, file, o, sep, u)
	if err == nil {
		unread.merge(u)
		return es, nil
	}
	if alt, ok := unescapeBackslashQuotes(data); ok && sep == ',' {
		u2 := Unread{}
		if es2, err2 := readCSV(alt, file, o, sep, u2); err2 == nil {
			unread.merge(u2)
			return es2, nil
		}
	}
	var ce *Error
	if sep == ',' && firstLineSemicolons(data) && errors.As(err, &ce) {
		// Excel's CSV in locales with a decimal comma; read as such when its header names
		// the languages.
		ce.Msg += fmt.Sprintf(" (separated by semicolons? give the file a first line naming the languages, %s;%s, or save it with commas)", o.Source, o.Target)
	}
	return nil, err
}

// firstLine is the file's first line that is neither blank nor a comment.
func firstLine(data []byte) string {
	for _, line := range strings.Split(string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "#") {
			return line
		}
	}
	return ""
}

// firstLineSemicolons says whether the first line has semicolons between its cells and no
// comma.
func firstLineSemicolons(data []byte) bool {
	l := firstLine(data)
	return strings.Contains(l, ";") && !strings.Contains(l, ",")
}

// semicolonHeader says whether the file's first line, split at semicolons, is a header naming
// the languages and no commas split it: the CSV that Excel writes where the decimal separator
// is a comma (German, French, … locales), which is read with ';' between cells.
func semicolonHeader(data []byte, o Options) bool {
	if !firstLineSemicolons(data) {
		return false
	}
	cells := strings.Split(firstLine(data), ";")
	for i, c := range cells {
		cells[i] = strings.Trim(strings.TrimSpace(c), `"`)
	}
	_, ok, err := readHeader(cells, o)
	return ok && err == nil
}

func readCSV(data []byte, file string, o Options, sep rune, unread Unread) ([]*Entry, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.Comment = '#'
	r.Comma = sep
	var (
		es     []*Entry
		cols   = positional
		header []string
		first  = true
	)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				if pe.StartLine != pe.Line && pe.StartLine > 0 {
					return nil, errorf(file, pe.StartLine, "%v (record starting here, error on line %d)", pe.Err, pe.Line)
				}
				return nil, errorf(file, pe.Line, "%v", pe.Err)
			}
			return nil, errorf(file, 0, "%v", err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) == 1 && rec[0] == "" {
			continue
		}
		if first {
			first = false
			h, ok, err := readHeader(rec, o)
			if err != nil {
				return nil, errorf(file, line, "%v", err)
			}
			if ok {
				cols, header = h, rec
				headerUnread(header, cols, o, unread)
				continue
			}
		}
		if len(rec) < 2 {
			return nil, errorf(file, line, "want at least two comma-separated columns (%s,%s), found %d", o.Source, o.Target, len(rec))
		}
		rowUnread(header, rec, cols, o, unread)
		e, err := entryFromCells(rec, cols, file, line)
		if err != nil {
			return nil, err
		}
		es = append(es, e)
	}
	return es, nil
}

// unescapeBackslashQuotes rewrites \" inside quoted fields as "" so that encoding/csv reads
// backslash-escaped CSV. A \" directly before a comma, a line break or the end of the file is
// a backslash ending the field ("C:\temp\"), not an escaped quote. ok is false when the data
// has no \" inside a quoted field, so that there is nothing to retry.
func unescapeBackslashQuotes(data []byte) ([]byte, bool) {
	var out bytes.Buffer
	out.Grow(len(data))
	inQuotes, fieldStart, changed := false, true, false
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case !inQuotes:
			if c == '"' && fieldStart {
				inQuotes = true
			}
			fieldStart = c == ',' || c == '\n' || c == '\r'
		case c == '\\' && i+1 < len(data) && data[i+1] == '"':
			next := byte(0)
			if i+2 < len(data) {
				next = data[i+2]
			}
			if next == ',' || next == '\n' || next == '\r' || next == 0 {
				out.WriteByte(c) // a backslash ending the field; the quote closes it
				continue
			}
			out.WriteString(`""`)
			i++
			changed = true
			continue
		case c == '"':
			if i+1 < len(data) && data[i+1] == '"' {
				out.WriteString(`""`)
				i++
				continue
			}
			inQuotes = false
		}
		out.WriteByte(c)
	}
	return out.Bytes(), changed
}
