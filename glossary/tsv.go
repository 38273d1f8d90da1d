package glossary

import (
	"strings"
)

// parseTSV reads tab-separated rows: de, en and optional columns (positional, or named by a
// header row). Lines starting with # and blank lines are skipped.
func parseTSV(data []byte, file string, o Options) ([]*Entry, error) {
	var (
		es     []*Entry
		cols   = positional
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
		if first {
			first = false
			h, ok, err := readHeader(cells, o)
			if err != nil {
				return nil, errorf(file, lineNo, "%v", err)
			}
			if ok {
				cols = h
				continue
			}
		}
		if len(cells) < 2 {
			return nil, errorf(file, lineNo, "want at least two tab-separated columns (de<TAB>en), found %d", len(cells))
		}
		e, err := entryFromCells(cells, cols, file, lineNo)
		if err != nil {
			return nil, err
		}
		es = append(es, e)
	}
	return es, nil
}
