package segment

import "testing"

// TestCountKeyIgnoresPlace: notices counted rather than listed are grouped by what they say,
// not where: a 30 MB line's 110 cuts were 110 notices of "1 more … not listed".
func TestCountKeyIgnoresPlace(t *testing.T) {
	a := Removal{Kind: Notice, Reason: "line longer than 256 KiB: cut into paragraphs at a sentence end before byte 262080"}
	b := Removal{Kind: Notice, Reason: "line longer than 256 KiB: cut into paragraphs at a sentence end before byte 524232"}
	if countKey(a) != countKey(b) {
		t.Errorf("keys %q and %q differ", countKey(a), countKey(b))
	}
}
