package glossary

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAssignRenderings(t *testing.T) {
	a, b, c := &Entry{Source: "a"}, &Entry{Source: "b"}, &Entry{Source: "c"}
	s := func(at, end int) renderSpan { return renderSpan{at: at, end: end} }
	tests := []struct {
		name  string
		order []*Entry
		spans map[*Entry][]renderSpan
		want  []int
	}{
		{"no competition", []*Entry{a, b}, map[*Entry][]renderSpan{a: {s(0, 2)}, b: {s(3, 4)}}, []int{0, 0}},
		{"one occurrence, two terms: the earlier keeps it", []*Entry{a, b}, map[*Entry][]renderSpan{a: {s(0, 2)}, b: {s(0, 2)}}, []int{0, -1}},
		{"the earlier moves to its other occurrence", []*Entry{a, b}, map[*Entry][]renderSpan{a: {s(0, 2), s(5, 7)}, b: {s(0, 2)}}, []int{1, 0}},
		{"nested occurrences compete: the longer claims", []*Entry{a, b}, map[*Entry][]renderSpan{a: {s(0, 4)}, b: {s(1, 4)}}, []int{0, -1}},
		{"the longer claims also when later in the source", []*Entry{a, b}, map[*Entry][]renderSpan{a: {s(1, 2)}, b: {s(0, 2)}}, []int{-1, 0}},
		{"the shorter moves to its other occurrence", []*Entry{a, b}, map[*Entry][]renderSpan{a: {s(1, 2), s(5, 6)}, b: {s(0, 2)}}, []int{1, 0}},
		{"partial overlap competes", []*Entry{a, b}, map[*Entry][]renderSpan{a: {s(0, 2)}, b: {s(1, 3)}}, []int{0, -1}},
		{"the longer moves to free the shorter", []*Entry{a, b}, map[*Entry][]renderSpan{a: {s(0, 1)}, b: {s(0, 2), s(4, 6)}}, []int{0, 1}},
		{"chain of moves", []*Entry{a, b, c}, map[*Entry][]renderSpan{a: {s(0, 1), s(2, 3)}, b: {s(2, 3), s(4, 5)}, c: {s(0, 1)}}, []int{1, 1, 0}},
		{"none rendered", []*Entry{a, b}, map[*Entry][]renderSpan{}, []int{-1, -1}},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, assignRenderings(tc.order, tc.spans)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}

// TestOneRenderingOneTerm: Donfried's "Deputy Secretary of State" does not also translate
// Rjabkow's title, which stellvertretender Außenminister accepts too.
func TestOneRenderingOneTerm(t *testing.T) {
	g := seed(t)
	src := "Die stellvertretende US-Außenministerin traf den stellvertretenden russischen Außenminister."
	tests := []struct {
		target string
		want   []string
	}{
		{"The Deputy Secretary of State met the Russian Deputy Foreign Minister.", nil},
		{"The Deputy Secretary of State met her Russian counterpart, also a Deputy Secretary of State.", nil},
		{"The Deputy Secretary of State met the Russian Foreign Minister.", []string{"missing:stellvertretender Außenminister"}},
	}
	for _, tc := range tests {
		var got []string
		for _, v := range g.Check(src, tc.target) {
			got = append(got, v.Kind+":"+v.Entry.Source)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Check(%q) (-want +got):\n%s", tc.target, diff)
		}
	}
	res := g.Review(src, "The Deputy Secretary of State met the Russian Deputy Foreign Minister.")
	var used []string
	for _, tr := range res.Terms {
		used = append(used, tr.Used)
	}
	if diff := cmp.Diff([]string{"Deputy Secretary of State", "Deputy Foreign Minister"}, used); diff != "" {
		t.Errorf("renderings used (-want +got):\n%s", diff)
	}
}

// TestRenderingInsideLongerOne: a rendering inside a longer one translates the longer term
// only: "council" in "Security Council" is not also the rendering of Rat.
func TestRenderingInsideLongerOne(t *testing.T) {
	g := Merge(seed(t), New([]*Entry{{Source: "Rat", Target: "council"}}))
	tests := []struct {
		source, target string
		want           []string
	}{
		{"Der Sicherheitsrat und der Rat tagten.", "The Security Council and the board met.", []string{"missing:Rat"}},
		{"Der Sicherheitsrat und der Rat tagten.", "The Security Council and the council met.", nil},
		{"Der Rat und der Sicherheitsrat tagten getrennt.", "The council and the Security Council met separately.", nil},
		{"Der Rat billigte die Erklärung des Sicherheitsrates.", "The Security Council's statement was approved.", []string{"missing:Rat"}},
		{"Die stellvertretende US-Außenministerin traf den US-Außenminister.", "The Deputy Secretary of State met the Secretary of State.", nil},
		{"Die stellvertretende US-Außenministerin traf den US-Außenminister.", "The Deputy Secretary of State met Blinken.", []string{"missing:US-Außenminister"}},
		{"Der Kreml und die Präsidialverwaltung schwiegen.", "The Kremlin administration was silent.", []string{"missing:Kreml"}},
		{"Der Kreml und die Präsidialverwaltung schwiegen.", "The Kremlin and the Kremlin administration were silent.", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, v := range g.Check(tc.source, tc.target) {
			got = append(got, v.Kind+":"+v.Entry.Source)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("Check(%q, %q) (-want +got):\n%s", tc.source, tc.target, diff)
		}
	}
}
