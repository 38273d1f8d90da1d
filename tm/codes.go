package tm

import (
	"encoding/json"
	"slices"
	"strings"

	"github.com/bitext/bitext/document"
)

// The column codes of a tagged entry holds its codes' native markup and type (XLIFF ctype, TMX
// type: "bold", "lb"), which the tagged texts number but do not carry, so that an export
// writes them back: a JSON list of the pair's codes (corpus.Pair.Codes), or, when the target
// has markup of its own for codes it shares with the source (corpus.Pair.TargetCodes: a TMX
// target's {\i where the source has {\b), an object {"codes": […], "target": […]} holding
// both, so that each side of the pair is written back with its own markup. Memories written
// before hold the list only.

// storedCodes is the object form of the column.
type storedCodes struct {
	Codes  []document.Code `json:"codes"`
	Target []document.Code `json:"target"`
}

// codesJSON is what the column codes holds for codes and the target's own, "" when no markup
// or type is known.
func codesJSON(codes, own []document.Code) string {
	known := len(own) > 0
	for _, c := range codes {
		known = known || c.Open != "" || c.Close != "" || c.Name != ""
	}
	if !known {
		return ""
	}
	var v any = codes
	if len(own) > 0 {
		v = storedCodes{Codes: codes, Target: own}
	}
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(b)
}

// parseCodes reads the column codes back. A value that does not read is markup lost, as
// before codes were stored: the codes are written empty.
func parseCodes(s string) (codes, own []document.Code) {
	if strings.HasPrefix(strings.TrimSpace(s), "{") {
		var sc storedCodes
		if json.Unmarshal([]byte(s), &sc) != nil {
			return nil, nil
		}
		return sc.Codes, sc.Target
	}
	if json.Unmarshal([]byte(s), &codes) != nil {
		return nil, nil
	}
	return codes, nil
}

// codesJSON is the column codes of form: the pair's codes and the target's own, numbered as the
// form's texts number them (renumber); a code the form does not hold is left out.
func (f taggedForm) codesJSON(codes, own []document.Code) string {
	return codesJSON(renumberCodes(codes, f.num), renumberCodes(own, f.num))
}

// renumberCodes gives codes the numbers num maps theirs to (all of them when num is nil).
func renumberCodes(codes []document.Code, num map[int]int) []document.Code {
	if num == nil || len(codes) == 0 {
		return codes
	}
	out := make([]document.Code, 0, len(codes))
	for _, c := range codes {
		if n, ok := num[c.ID]; ok {
			c.ID = n
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b document.Code) int { return a.ID - b.ID })
	return out
}

// codesJSON is the column codes of a machine translation of k: the markup of the codes its
// tagged source holds (Key.Codes), "" when none is known. A code the source does not hold, or
// holds as the other kind, is left out: an export would write it for another code.
func (k Key) codesJSON() string {
	if len(k.Codes) == 0 || !document.HasTags(k.Source) {
		return ""
	}
	codes := k.Codes
	if slices.ContainsFunc(codes, xliffCode) {
		if codes = nativeXLIFFCodes(k.Source, codes); codes == nil {
			return ""
		}
	}
	kinds := map[int]document.CodeKind{}
	for _, c := range document.CodesOf(k.Source) {
		kinds[c.ID] = c.Kind
	}
	held := make([]document.Code, 0, len(codes))
	for _, c := range codes {
		if kind, ok := kinds[c.ID]; ok && kind == c.Kind {
			held = append(held, c)
			delete(kinds, c.ID) // once: a second code of one number is not the source's
		}
	}
	return codesJSON(held, nil)
}
