package glossary

import "sort"

// renderSpan is an occurrence of one of an entry's accepted renderings in a translation:
// units [at, end) of the target, rendering ri of the entry's compiled renderings.
type renderSpan struct {
	at, end, ri int
}

// assignRenderings gives each entry (distinct, in source order) one of its rendering
// occurrences such that no word of the translation serves two entries, satisfying as many
// entries as it can. It returns, per entry, the index into spans[e] it was given, -1 when none
// was left.
//
// Why: "stellvertretende US-Außenministerin" and "stellvertretender Außenminister" both accept
// "Deputy Secretary of State"; a translation that says it once, for Donfried, and calls
// Rjabkow "Foreign Minister" has rendered only one of the two terms. The same holds for a
// rendering inside a longer one: in "The Security Council and the board met", "council" is
// part of Sicherheitsrat's "Security Council" and does not also translate Rat, so overlapping
// occurrences compete, not only identical ones.
//
// Longer renderings claim first (an entry's priority is the longest occurrence it has, then
// its place in the source): "Security Council" is Sicherheitsrat's before "council" can be
// Rat's. Each entry tries its occurrences in the order given (accepted renderings in glossary
// order, then text order), so without competition an entry gets the same rendering as it would
// alone, and of two entries competing for one occurrence of the same length the earlier in the
// source keeps it. An entry left without an occurrence may take one from an entry that can move
// to another of its own (augmenting paths, as in bipartite matching), so that the number of
// entries satisfied does not depend on who claimed first.
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
	a := assigner{order: order, spans: spans, got: got}
	n := 0
	for i := range got {
		got[i] = -1
		for _, s := range spans[order[i]] {
			n = max(n, s.end)
		}
	}
	a.owner = make([]int, n)
	for k := range a.owner {
		a.owner[k] = -1
	}
	prio := make([]int, len(order))
	longest := make([]int, len(order))
	for i := range order {
		prio[i] = i
		for _, s := range spans[order[i]] {
			longest[i] = max(longest[i], s.end-s.at)
		}
	}
	sort.SliceStable(prio, func(x, y int) bool { return longest[prio[x]] > longest[prio[y]] })
	for _, i := range prio {
		a.augment(i, map[int]bool{})
	}
	return got
}

// assigner holds the state of assignRenderings: got[i] is the occurrence entry i holds (-1
// none), owner[u] the entry holding target unit u (-1 none).
type assigner struct {
	order []*Entry
	spans map[*Entry][]renderSpan
	got   []int
	owner []int
}

// augment finds an occurrence for entry i: a free one, or one held by a single other entry
// that can move to another occurrence of its own. visited are the entries already on the path.
func (a *assigner) augment(i int, visited map[int]bool) bool {
	visited[i] = true
	for idx, s := range a.spans[a.order[i]] {
		blocker, n := -1, 0
		for u := s.at; u < s.end; u++ {
			if o := a.owner[u]; o >= 0 && o != blocker {
				blocker = o
				n++
			}
		}
		switch {
		case n == 0:
			a.take(i, idx)
			return true
		case n == 1 && !visited[blocker]:
			old := a.got[blocker]
			a.release(blocker)
			a.take(i, idx)
			if a.augment(blocker, visited) {
				return true
			}
			a.release(i)
			a.take(blocker, old)
		}
		// Two or more holders: freeing the occurrence would move several entries; rare enough
		// (one rendering spanning two others) to leave it.
	}
	return false
}

func (a *assigner) take(i, idx int) {
	a.got[i] = idx
	s := a.spans[a.order[i]][idx]
	for u := s.at; u < s.end; u++ {
		a.owner[u] = i
	}
}

func (a *assigner) release(i int) {
	s := a.spans[a.order[i]][a.got[i]]
	for u := s.at; u < s.end; u++ {
		a.owner[u] = -1
	}
	a.got[i] = -1
}

// overlapsAny reports whether two entries have rendering occurrences that share a word.
func overlapsAny(a, b []renderSpan) bool {
	for _, x := range a {
		for _, y := range b {
			if x.at < y.end && y.at < x.end {
				return true
			}
		}
	}
	return false
}
