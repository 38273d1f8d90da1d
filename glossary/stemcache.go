package glossary

import (
	"strings"
	"sync"
	"sync/atomic"
)

// stemCache remembers stems: words in news text repeat (Zipf), and the Snowball stemmer costs
// about a microsecond per word, more than the rest of matching. The cache is shared by all
// glossaries (stems do not depend on the glossary) and stops growing at maxCachedStems words,
// so a long run over a large corpus cannot use unbounded memory.
type stemCache struct {
	m sync.Map // string → string
	n atomic.Int64
}

const maxCachedStems = 1 << 18

var (
	deStems     stemCache
	enStems     stemCache
	deSnowballs stemCache
)

// cacheStems can be turned off by benchmarks to measure the stemmer's cost.
var cacheStems = true

func (c *stemCache) get(word string, stem func(string) string) string {
	if !cacheStems {
		return stem(word)
	}
	if v, ok := c.m.Load(word); ok {
		return v.(string)
	}
	s := stem(word)
	if c.n.Load() < maxCachedStems {
		// Clone: word may be a slice of a large text that the cache must not keep alive.
		if _, loaded := c.m.LoadOrStore(strings.Clone(word), strings.Clone(s)); !loaded {
			c.n.Add(1)
		}
	}
	return s
}

// cachedStemDE and cachedStemEN are the stem functions the matcher uses.
func cachedStemDE(folded string) string { return deStems.get(folded, stemDE) }
func cachedStemEN(folded string) string { return enStems.get(folded, stemEN) }

// cachedSnowballDE is Snowball's German stem alone, which compound heads are also looked up by.
func cachedSnowballDE(folded string) string { return deSnowballs.get(folded, snowballDE) }
