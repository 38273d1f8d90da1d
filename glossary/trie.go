package glossary

// trieNode is a node of a trie over token keys (stems): the path from the root spells a term's
// token sequence, so finding every term that starts at a word costs one map lookup per word of
// the longest term there, whatever the size of the glossary.
type trieNode struct {
	next    map[string]*trieNode
	entries []*Entry // terms that end here, in glossary order
}

func (n *trieNode) child(key string) *trieNode {
	if n == nil || n.next == nil {
		return nil
	}
	return n.next[key]
}

func (n *trieNode) insert(keys []string, e *Entry) {
	for _, k := range keys {
		c := n.next[k]
		if c == nil {
			if n.next == nil {
				n.next = map[string]*trieNode{}
			}
			c = &trieNode{}
			n.next[k] = c
		}
		n = c
	}
	n.entries = append(n.entries, e)
}
