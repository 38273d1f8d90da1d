package corpus

import "fmt"

// InputError is bad input in a bitext file, with its position.
type InputError struct {
	File   string
	Line   int   // 1-based; 0 when unknown
	Column int   // 1-based column in bytes (TMX); 0 when unknown
	Offset int64 // byte offset, used when Line is unknown
	Msg    string
}

func (e *InputError) Error() string {
	file := e.File
	if file == "" {
		file = "<input>"
	}
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", file, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", file, e.Line, e.Msg)
	case e.Offset > 0:
		return fmt.Sprintf("%s: byte %d: %s", file, e.Offset, e.Msg)
	}
	return fmt.Sprintf("%s: %s", file, e.Msg)
}
