package glossary

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
)

// parseCSV reads Google's glossary CSV formats: unidirectional (two columns, source and target,
// no header) and equivalent term sets (a header of language codes, "pos" and "description";
// the de and en columns are used). bitext's own columns (variants, forbidden, case, match, dnt,
// note) may be named in the header too.
func parseCSV(data []byte, file string) ([]*Entry, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.Comment = '#'
	var (
		es    []*Entry
		cols  = positional
		first = true
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
			h, ok, err := readHeader(rec)
			if err != nil {
				return nil, errorf(file, line, "%v", err)
			}
			if ok {
				cols = h
				continue
			}
		}
		if len(rec) < 2 {
			return nil, errorf(file, line, "want at least two comma-separated columns (de,en), found %d", len(rec))
		}
		e, err := entryFromCells(rec, cols, file, line)
		if err != nil {
			return nil, err
		}
		es = append(es, e)
	}
	return es, nil
}
