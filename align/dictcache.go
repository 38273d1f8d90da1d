package align

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
)

// A large dictionary (Debian's trans-de-en: 25 MB, 360,000 entries) costs more to parse than a
// small document costs to align, so ReadDictionaryFile keeps its parsed form in a compact cache
// file keyed by the SHA-256 of the dictionary's bytes: a changed file gets a new cache entry, and
// loading the cache is a read, a checksum and a hash-table build, with no per-entry allocation.

// DictionaryCacheDir is where ReadDictionaryFile keeps parsed dictionaries by default: the
// bitext/dict folder of the user's cache directory (os.UserCacheDir).
func DictionaryCacheDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "bitext", "dict"), nil
}

// ReadDictionaryFile reads the dictionary file at path into d, as ReadDictionaryContext does,
// or, when path names a FreeDict/dictd dictionary by its .index, .dict.dz or .dict file, the
// dictd dictionary of those files (the layouts are in dictd.go). A file d has read already
// (under any of its names) is not read again: its translations would count twice. With a non-empty cacheDir it
// first looks there for the parsed form of files with the same bytes, and after parsing stores
// it there (written to a temporary file and renamed, so readers never see a partial one). A
// cache that cannot be read or written is ignored: the file is then parsed as without a cache.
func (d *Dictionary) ReadDictionaryFile(ctx context.Context, path, cacheDir string) error {
	return d.readFile(ctx, path, cacheDir, false)
}

// readFile is ReadDictionaryFile, reversed (each translation a source entry with the headword
// as its translation: reverseInto) when reversed is set. The reversed form is cached apart.
func (d *Dictionary) readFile(ctx context.Context, path, cacheDir string, reversed bool) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	files := DictionaryFiles(path)
	if abs, err := filepath.Abs(files[0]); err == nil {
		if reversed {
			abs += "\x00rev"
		}
		if d.files[abs] {
			return nil
		}
		defer func() {
			if err == nil {
				if d.files == nil {
					d.files = map[string]bool{}
				}
				d.files[abs] = true
			}
		}()
	}
	parse := func(into *Dictionary) error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		return into.ReadDictionaryContext(ctx, f, path)
	}
	if index, data, ok := dictdFiles(path); ok {
		parse = func(into *Dictionary) error { return into.readDictd(ctx, index, data) }
	}
	suffix := dictCacheSuffix
	if reversed {
		forward := parse
		parse = func(into *Dictionary) error {
			fwd := NewDictionary()
			if err := forward(fwd); err != nil {
				return err
			}
			return fwd.reverseInto(ctx, into)
		}
		suffix = ".rev" + dictCacheSuffix
	}
	if cacheDir == "" {
		if d.m == nil {
			d.m = map[string][]string{}
		}
		return parse(d)
	}
	sum, size, err := hashFiles(files)
	if err != nil {
		return err
	}
	name := filepath.Join(cacheDir, hex.EncodeToString(sum[:16])+suffix)
	if c, err := loadCompact(name); err == nil {
		d.compacts = append(d.compacts, c)
		return nil
	}
	// About one distinct entry per 70 bytes of trans-de-en: sized once, the map never rehashes.
	parsed := &Dictionary{m: make(map[string][]string, size/70)}
	if err := parse(parsed); err != nil {
		return err
	}
	c, err := buildCompact(ctx, parsed.m)
	if err != nil {
		return err
	}
	_ = writeCompact(cacheDir, name, c) // best effort: the next run parses again
	d.compacts = append(d.compacts, c)
	return nil
}

// hashFiles returns the SHA-256 of the files' bytes, each preceded by its length (so that two
// files cannot hash like one), and their total size.
func hashFiles(files []string) (sum [sha256.Size]byte, size int64, err error) {
	h := sha256.New()
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return sum, 0, err
		}
		fi, err := f.Stat()
		if err == nil {
			err = binary.Write(h, binary.LittleEndian, fi.Size())
		}
		var n int64
		if err == nil {
			n, err = io.Copy(h, f)
		}
		f.Close()
		if err != nil {
			return sum, 0, fmt.Errorf("%s: %w", name, err)
		}
		size += n
	}
	copy(sum[:], h.Sum(nil))
	return sum, size, nil
}

// dictCacheSuffix names the format version; a change of the parser's rules must change it.
const dictCacheSuffix = ".dict3"

var dictMagic = []byte("BTXDICT\x02")

// compact is a read-only dictionary: all strings in one blob, and an open-addressing table from
// key hash to key. Safe for concurrent lookups.
type compact struct {
	blob   string
	str    []uint32 // string s is blob[str[s]:str[s+1]]; strings 0..nkeys-1 are the keys
	nkeys  int
	tstart []uint32 // key i's targets are the strings tids[tstart[i]:tstart[i+1]]
	tids   []uint32
	table  []uint32 // key index + 1 at slot hash&mask, linear probing; 0 is empty
}

func (c *compact) s(i uint32) string { return c.blob[c.str[i]:c.str[i+1]] }

// find returns the index of key k, or -1.
func (c *compact) find(k string) int {
	if len(c.table) == 0 {
		return -1
	}
	mask := uint32(len(c.table) - 1)
	for slot := hashKey(k) & mask; ; slot = (slot + 1) & mask {
		x := c.table[slot]
		if x == 0 {
			return -1
		}
		if c.s(x-1) == k {
			return int(x - 1)
		}
	}
}

func (c *compact) targets(i int, out []string) []string {
	for _, t := range c.tids[c.tstart[i]:c.tstart[i+1]] {
		out = append(out, c.s(t))
	}
	return out
}

func (c *compact) index() {
	size := 1
	for size < 2*c.nkeys {
		size *= 2
	}
	c.table = make([]uint32, size)
	mask := uint32(size - 1)
	for i := 0; i < c.nkeys; i++ {
		slot := hashKey(c.s(uint32(i))) & mask
		for c.table[slot] != 0 {
			slot = (slot + 1) & mask
		}
		c.table[slot] = uint32(i + 1)
	}
}

// buildCompact freezes a parsed dictionary; keys are sorted, so the same file always gives the
// same cache bytes. It stops with ctx.Err() when ctx is done (a large dictionary takes most of
// a second).
func buildCompact(ctx context.Context, m map[string][]string) (*compact, error) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	slices.Sort(keys)
	c := &compact{nkeys: len(keys)}
	var blob []byte
	ids := map[string]uint32{}
	intern := func(s string) uint32 {
		if id, ok := ids[s]; ok {
			return id
		}
		id := uint32(len(c.str))
		ids[s] = id
		c.str = append(c.str, uint32(len(blob)))
		blob = append(blob, s...)
		return id
	}
	for _, k := range keys {
		intern(k) // keys are distinct: they get ids 0..nkeys-1
	}
	c.tstart = make([]uint32, 0, len(keys)+1)
	for n, k := range keys {
		if n%(16*pollEvery) == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		c.tstart = append(c.tstart, uint32(len(c.tids)))
		for _, t := range m[k] {
			c.tids = append(c.tids, intern(t))
		}
	}
	c.tstart = append(c.tstart, uint32(len(c.tids)))
	c.str = append(c.str, uint32(len(blob)))
	c.blob = string(blob)
	c.index()
	return c, nil
}

// The cache file: magic, CRC-32C of the rest, then little-endian uint32s nkeys, nstr, ntids,
// len(blob), the arrays str (nstr+1), tstart (nkeys+1), tids, and the blob.
func (c *compact) encode() []byte {
	le := binary.LittleEndian
	body := make([]byte, 0, 16+4*(len(c.str)+len(c.tstart)+len(c.tids))+len(c.blob))
	body = le.AppendUint32(body, uint32(c.nkeys))
	body = le.AppendUint32(body, uint32(len(c.str)-1))
	body = le.AppendUint32(body, uint32(len(c.tids)))
	body = le.AppendUint32(body, uint32(len(c.blob)))
	for _, a := range [][]uint32{c.str, c.tstart, c.tids} {
		for _, x := range a {
			body = le.AppendUint32(body, x)
		}
	}
	body = append(body, c.blob...)
	out := append([]byte(nil), dictMagic...)
	out = le.AppendUint32(out, crc32.Checksum(body, castagnoli))
	return append(out, body...)
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

var errBadCache = errors.New("not a valid dictionary cache")

// decodeCompact checks everything a lookup relies on, so a damaged cache is refused, never
// trusted.
func decodeCompact(b []byte) (*compact, error) {
	le := binary.LittleEndian
	if len(b) < len(dictMagic)+4+16 || !bytes.Equal(b[:len(dictMagic)], dictMagic) {
		return nil, errBadCache
	}
	sum := le.Uint32(b[len(dictMagic):])
	body := b[len(dictMagic)+4:]
	if crc32.Checksum(body, castagnoli) != sum {
		return nil, errBadCache
	}
	nkeys, nstr, ntids, nblob := le.Uint32(body), le.Uint32(body[4:]), le.Uint32(body[8:]), le.Uint32(body[12:])
	words := uint64(nstr+1) + uint64(nkeys+1) + uint64(ntids)
	if nkeys > nstr || uint64(len(body)) != 16+4*words+uint64(nblob) {
		return nil, errBadCache
	}
	p := body[16:]
	read := func(n uint32) []uint32 {
		a := make([]uint32, n)
		for i := range a {
			a[i] = le.Uint32(p[4*i:])
		}
		p = p[4*n:]
		return a
	}
	c := &compact{nkeys: int(nkeys)}
	c.str, c.tstart, c.tids = read(nstr+1), read(nkeys+1), read(ntids)
	c.blob = string(p)
	ok := c.str[0] == 0 && c.str[nstr] == nblob && c.tstart[0] == 0 && c.tstart[nkeys] == ntids
	for i := 0; ok && i < int(nstr); i++ {
		ok = c.str[i] <= c.str[i+1]
	}
	for i := 0; ok && i < int(nkeys); i++ {
		ok = c.tstart[i] <= c.tstart[i+1]
	}
	for _, t := range c.tids {
		ok = ok && t < nstr
	}
	if !ok {
		return nil, errBadCache
	}
	c.index()
	return c, nil
}

func loadCompact(name string) (*compact, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	c, err := decodeCompact(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return c, nil
}

// writeCompact writes the cache through a temporary file in the same folder and a rename.
func writeCompact(dir, name string, c *compact) error {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".dict-*.tmp")
	if err != nil {
		return err
	}
	_, werr := f.Write(c.encode())
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), name); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}
