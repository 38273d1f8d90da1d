package glossary

// renderSpan is an occurrence of one of an entry's accepted renderings in a translation:
// units [at, end) of the target, rendering ri of the entry's compiled renderings.
type renderSpan struct {
	at, end, ri int
}

// assignRenderings gives each entry (distinct, in source order) one of its rendering
// occurrences such that no occurrence serves two entries, satisfying as many entries as
// possible (augmenting paths, as in bipartite matching). It returns, per entry, the index into
// spans[e] it was given, -1 when none was left.
//
// Why: "stellvertretende US-Außenministerin" and "stellvertretender Außenminister" both accept
// "Deputy Secretary of State"; a translation that says it once, for Donfried, and calls
// Rjabkow "Foreign Minister" has rendered only one of the two terms. Only identical spans
// compete: a rendering inside a longer one ("Secretary of State" inside "Deputy Secretary of
// State") is left to serve both, as before.
//
// Each entry tries its occurrences in the order given (accepted renderings in glossary order,
// then text order), so without competition an entry gets the same rendering as it would alone,
// and of two entries competing for one occurrence the earlier in the source keeps it.
func assignRenderings(order []*Entry, spans map[*Entry][]renderSpan) []int {
	got := make([]int, len(order))
	shared := false
	for i := range got {
		got[i] = -1
		if len(spans[order[i]]) > 0 {
			got[i] = 0
		}
		for k := 0; k < i && !shared; k++ {
			shared = got[k] >= 0 && got[i] >= 0 && overlapsAny(spans[order[k]], spans[order[i]])
		}
	}
	if !shared {
		return got
	}
	for i := range got {
		got[i] = -1
	}
	owner := map[[2]int]int{} // occurrence → index into order
	for i := range order {
		augment(i, order, spans, got, owner, map[[2]int]bool{})
	}
	return got
}

// augment finds an occurrence for order[i], moving earlier owners to other occurrences of
// theirs when that frees one.
func augment(i int, order []*Entry, spans map[*Entry][]renderSpan, got []int, owner map[[2]int]int, visited map[[2]int]bool) bool {
	for idx, s := range spans[order[i]] {
		key := [2]int{s.at, s.end}
		if visited[key] {
			continue
		}
		visited[key] = true
		if o, taken := owner[key]; !taken || augment(o, order, spans, got, owner, visited) {
			owner[key] = i
			got[i] = idx
			return true
		}
	}
	return false
}

// overlapsAny reports whether two entries have an identical rendering occurrence.
func overlapsAny(a, b []renderSpan) bool {
	for _, x := range a {
		for _, y := range b {
			if x.at == y.at && x.end == y.end {
				return true
			}
		}
	}
	return false
}
