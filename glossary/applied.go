package glossary

import "sort"

// Applied returns the distinct entries of ms, sorted by source and target, so that the same
// terms give the same list whatever their order in the text. This is the list that goes to a
// provider with a batch.
func Applied(ms ...[]Match) []*Entry {
	seen := map[*Entry]bool{}
	var out []*Entry
	for _, list := range ms {
		for _, m := range list {
			if !seen[m.Entry] {
				seen[m.Entry] = true
				out = append(out, m.Entry)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Source != out[j].Source {
			return out[i].Source < out[j].Source
		}
		return out[i].Target < out[j].Target
	})
	return out
}

// Keys returns the stable keys (Entry.Key) of the applied entries, sorted and without
// duplicates: the glossary part of a translation-memory key.
func Keys(entries []*Entry) []string {
	out := make([]string, 0, len(entries))
	seen := map[string]bool{}
	for _, e := range entries {
		if k := e.Key(); !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
