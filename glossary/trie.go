package glossary

// trieNode is a node of a trie over token keys (stems): the path from the root spells a term's
// token sequence, so finding every term that starts at a word costs one map lookup per word of
// the longest term there, whatever the size of the glossary.
type trieNode struct {
	next    map[string]*trieNode
	entries []*Entry // terms that end here, in glossary order
	// gap says that some term through this node may skip adjectives before its next token
	// (see gapAfter), so the matcher looks for skipped words only where they can matter.
	gap bool
}

func (n *trieNode) child(key string) *trieNode {
	if n == nil || n.next == nil {
		return nil
	}
	return n.next[key]
}

// insert adds e under keys; gaps has bit k set when the term may skip words after key k.
func (n *trieNode) insert(keys []string, gaps uint64, e *Entry) {
	for i, k := range keys {
		c := n.next[k]
		if c == nil {
			if n.next == nil {
				n.next = map[string]*trieNode{}
			}
			c = &trieNode{}
			n.next[k] = c
		}
		n = c
		if i < maxGapTokens && gaps&(1<<i) != 0 {
			n.gap = true
		}
	}
	n.entries = append(n.entries, e)
}
