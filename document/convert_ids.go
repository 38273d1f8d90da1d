package document

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// headingIDs makes a heading's id from its words as GitHub, GitLab and Hugo do: lower case,
// letters (any script: "Kapazität" is "kapazität", which goldmark's own ids drop to "kapazitt"),
// digits, "-" and "_" kept, spaces made "-", the rest left out; a repeated id gets "-1", "-2".
// Links written for those sites then find their heading on the converted page.
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

// Generate makes the id of a heading whose line is value (goldmark gives the Markdown of the
// heading's last line, so the characters of its markup, "*", "`", "[", are left out too).
func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var b strings.Builder
	for _, r := range strings.TrimSpace(string(value)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-':
			b.WriteRune(unicode.ToLower(r))
		case r == ' ' || r == '\t':
			b.WriteByte('-')
		}
	}
	id := b.String()
	if id == "" {
		id = "heading"
		if kind != ast.KindHeading {
			id = "id"
		}
	}
	base := id
	for n := 1; h.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	h.used[id] = true
	return []byte(id)
}

// Put reserves an id given explicitly ("{#id}"), which a generated one must not repeat.
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }
