package glossary

import (
	"strings"
	"sync"
	"sync/atomic"
)

// boundedCache remembers values computed from words, for all glossaries, and stops growing at
// limit entries, so that a long run over a large corpus cannot use unbounded memory.
type boundedCache[V any] struct {
	m     sync.Map // string → V
	n     atomic.Int64
	limit int64
}

// get returns compute(key), remembered.
func (c *boundedCache[V]) get(key string, compute func(string) V) V {
	if v, ok := c.m.Load(key); ok {
		return v.(V)
	}
	v := compute(key)
	if c.n.Load() < c.limit {
		// Clone: key may be a slice of a large text that the cache must not keep alive.
		if _, loaded := c.m.LoadOrStore(strings.Clone(key), v); !loaded {
			c.n.Add(1)
		}
	}
	return v
}

// stemCache remembers stems: words in news text repeat (Zipf), and the Snowball stemmer costs
// about a microsecond per word, more than the rest of matching.
type stemCache struct{ boundedCache[string] }

const maxCachedStems = 1 << 18

var (
	deStems     = stemCache{boundedCache[string]{limit: maxCachedStems}}
	enStems     = stemCache{boundedCache[string]{limit: maxCachedStems}}
	deSnowballs = stemCache{boundedCache[string]{limit: maxCachedStems}}
)

// cacheStems can be turned off by benchmarks to measure the stemmer's cost.
var cacheStems = true

func (c *stemCache) get(word string, stem func(string) string) string {
	if !cacheStems {
		return stem(word)
	}
	// Clone the stem too: it may share the word's memory.
	return c.boundedCache.get(word, func(w string) string { return strings.Clone(stem(w)) })
}

// cachedStemDE and cachedStemEN are the stem functions the matcher uses.
func cachedStemDE(folded string) string { return deStems.get(folded, stemDE) }
func cachedStemEN(folded string) string { return enStems.get(folded, stemEN) }

// cachedSnowballDE is Snowball's German stem alone, which compound heads are also looked up by.
func cachedSnowballDE(folded string) string { return deSnowballs.get(folded, snowballDE) }
