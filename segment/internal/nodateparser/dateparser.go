// Package dateparser stands in for github.com/markusmobius/go-dateparser in bitext's build
// (go.mod replaces it with this folder). The real package compiles the date vocabulary of about
// 200 locales into regular expressions when the program starts: about 0.4 CPU-seconds (several
// seconds under the race detector) added to every bitext command, for a feature bitext never
// uses. It comes in only through go-htmldate, which go-trafilatura imports to find a page's
// publication date; segment runs trafilatura with that search disabled (HtmlDateMode
// Disabled). This stand-in offers the few names go-htmldate refers to, and parses nothing:
// Parse always fails, which go-htmldate treats as "no date found".
//
// This is bitext's own code, not a copy of the original.
package dateparser

import (
	"errors"
	"time"
)

// ParserType names a parsing strategy (only for go-htmldate's configuration).
type ParserType uint8

// The strategies go-htmldate asks for.
const (
	Timestamp ParserType = iota
	NegativeTimestamp
	RelativeTime
	CustomFormat
	AbsoluteTime
	NoSpacesTime
)

// PreferredDateSource says how incomplete dates would be filled in.
type PreferredDateSource uint8

// The date sources.
const (
	CurrentPeriod PreferredDateSource = iota
	Past
	Future
)

// Configuration mirrors the fields go-htmldate sets.
type Configuration struct {
	Locales             []string
	Languages           []string
	DateOrder           string
	PreferredDateSource PreferredDateSource
	StrictParsing       bool
}

// Date is a parsed date; here always the zero time.
type Date struct {
	Time time.Time
}

// Parser parses nothing.
type Parser struct {
	ParserTypes []ParserType
}

// ErrNotBuilt is returned by every Parse.
var ErrNotBuilt = errors.New("date parsing is not built into bitext")

// Parse always fails with ErrNotBuilt.
func (p *Parser) Parse(cfg *Configuration, s string) (Date, error) {
	return Date{}, ErrNotBuilt
}
