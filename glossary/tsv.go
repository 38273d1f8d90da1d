package glossary

import (
	"strings"
)

// parseTSV reads tab-separated rows: de, en and optional columns (positional, or named by a
// header row). Lines starting with # and blank lines are skipped. A cell in double quotes is
// read as CSV reads it (see unquoteTSVCell).
func parseTSV(data []byte, file string, o Options, unread Unread) ([]*Entry, error) {
	var (
		es     []*Entry
		cols   = positional
		header []string
		first  = true
		lineNo = 0
	)
	for _, line := range strings.Split(string(data), "\n") {
		lineNo++
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimLeft(line, " "), "#") {
			continue
		}
		cells := strings.Split(line, "\t")
		for i, c := range cells {
			cells[i] = unquoteTSVCell(c)
		}
		if first {
			first = false
			h, ok, err := readHeader(cells, o)
			if err != nil {
				return nil, errorf(file, lineNo, "%v", err)
			}
			if ok {
				cols, header = h, cells
				headerUnread(header, cols, o, unread)
				continue
			}
		}
		if len(cells) < 2 {
			return nil, errorf(file, lineNo, "want at least two tab-separated columns (de<TAB>en), found %d", len(cells))
		}
		rowUnread(header, cells, cols, o, unread)
		e, err := entryFromCells(cells, cols, file, lineNo)
		if err != nil {
			return nil, err
		}
		es = append(es, e)
	}
	return es, nil
}

// unquoteTSVCell reads a cell that starts and ends with a double quote as CSV quoting: the
// quotes go, "" inside is one quote. Excel and LibreOffice write tab-delimited text so (a cell
// holding a quote, and in LibreOffice every text cell, comes out as "US context: ""State
// Department"""), and those quotes were never part of the term. A cell whose inside holds a
// lone quote ("a" or "b") is not such quoting and is kept as it is. writeTSV quotes a value
// that would otherwise be taken for quoted.
func unquoteTSVCell(c string) string {
	t := strings.TrimSpace(c)
	if len(t) < 2 || t[0] != '"' || t[len(t)-1] != '"' {
		return c
	}
	inner := t[1 : len(t)-1]
	if strings.Contains(strings.ReplaceAll(inner, `""`, ""), `"`) {
		return c
	}
	return strings.ReplaceAll(inner, `""`, `"`)
}
