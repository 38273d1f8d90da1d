package document

import "testing"

// TestPlaceMissing: codes a translation kept stay where it put them and only the missing
// ones go around all its words, never as empty elements (the CAT review: a decision that kept
// the italic on "tropical" and dropped the bold came out "<i>The tropical world …</i><b></b>").
func TestPlaceMissing(t *testing.T) {
	const src = "Die <g1>tropische</g1> Welt ist <g2>unser</g2> Zuhause."
	codes := CodesOf(src)
	for _, tc := range []struct {
		source, target, want string
		ok                   bool
	}{
		{src, "The <g1>tropical</g1> world is our home indeed.", "<g2>The <g1>tropical</g1> world is our home indeed.</g2>", true},
		{src, "The tropical world is our home.", "<g1><g2>The tropical world is our home.</g2></g1>", true},
		{src, "The <g1>tropical</g1> world is <g2>our</g2> home.", "The <g1>tropical</g1> world is <g2>our</g2> home.", true},
		{"<x1/> Die Welt <x2/>.", "The world.", "<x1/>The world.<x2/>", true},
		{src, "The <g1>tropical world is our home.", "", false}, // its own codes broken
	} {
		got, ok := PlaceMissing(CodesOf(tc.source), tc.source, tc.target)
		if tc.source == src {
			got, ok = PlaceMissing(codes, tc.source, tc.target)
		}
		if got != tc.want || ok != tc.ok {
			t.Errorf("PlaceMissing(%q) = %q, %v; want %q, %v", tc.target, got, ok, tc.want, tc.ok)
		}
	}
}
