// Package shard splits a corpus run across workers that know nothing of each other: any
// scheduler (a Kubernetes Indexed Job, a Slurm array, GNU parallel, a shell loop) starts worker
// I of N with --shard I/N, and each worker picks its documents by a stable hash of the
// document id. No coordinator, no shared list of assignments: the same id always lands in the
// same shard, whatever machine computes it and in whatever order the documents come.
//
// # The hash
//
// A document with id ID belongs to shard
//
//	uint64(first 8 bytes of SHA-256(UTF-8 bytes of ID), big-endian) mod N
//
// SHA-256 because every bit of it depends on every byte of the id: ids that differ in one
// digit ("artikel-0017", "artikel-0018") spread evenly over any N, which the low bits of a
// cheap hash such as FNV do not (FNV-1a mod 4 depends only on the two low bits of each byte).
// The cost, a microsecond per id, is nothing next to translating the document. Ids are hashed
// byte for byte, with no normalization: "a/b.txt" and "a/b.txt " are different documents.
// Folder documents are identified by their path relative to the folder, with forward slashes.
// To check a split by hand:
//
//	python3 -c 'import hashlib,sys; print(int.from_bytes(hashlib.sha256(sys.argv[1].encode()).digest()[:8], "big") % int(sys.argv[2]))' ID N
//
// Shards are numbered from 0 (I in 0…N-1), as Kubernetes' JOB_COMPLETION_INDEX and a Slurm
// array declared --array=0-(N-1) number their tasks. Changing N moves most documents to
// another shard: finish a run with the N it started with (a rerun of one shard redoes only
// that shard; the translation memory makes the documents already translated free).
//
// # Manifests
//
// A manifest is a JSON Lines file, one document per line (ManifestReader). Shard outputs are
// checked and merged by Checker: every document of the manifest present exactly once.
package shard

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
)

// Spec is one worker's part of a run: shard Index of Count. The zero value means no sharding:
// every document.
type Spec struct {
	Index, Count int
}

// All reports whether s selects every document (no sharding, or 1 shard).
func (s Spec) All() bool { return s.Count <= 1 }

// String is the I/N form Parse reads; "" for no sharding.
func (s Spec) String() string {
	if s.Count == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.Index, s.Count)
}

// Parse reads "I/N": shard I of N, 0 ≤ I < N. Spaces around the numbers are allowed.
func Parse(s string) (Spec, error) {
	i, n, ok := strings.Cut(s, "/")
	if !ok {
		return Spec{}, fmt.Errorf("shard %q: want I/N, for example 0/4 (shards are numbered from 0)", s)
	}
	index, err1 := strconv.Atoi(strings.TrimSpace(i))
	count, err2 := strconv.Atoi(strings.TrimSpace(n))
	switch {
	case err1 != nil || err2 != nil:
		return Spec{}, fmt.Errorf("shard %q: want I/N with whole numbers, for example 0/4", s)
	case count < 1:
		return Spec{}, fmt.Errorf("shard %q: the number of shards must be at least 1", s)
	case index < 0 || index >= count:
		return Spec{}, fmt.Errorf("shard %q: I must be in 0…%d (shards are numbered from 0)", s, count-1)
	}
	return Spec{Index: index, Count: count}, nil
}

// Of returns the shard, in 0…n-1, of the document with the given id (see the package
// documentation for the hash). n must be at least 1.
func Of(id string, n int) int {
	if n <= 1 {
		return 0
	}
	sum := sha256.Sum256([]byte(id))
	return int(binary.BigEndian.Uint64(sum[:8]) % uint64(n))
}

// Owns reports whether the document with the given id belongs to this shard.
func (s Spec) Owns(id string) bool {
	return s.All() || Of(id, s.Count) == s.Index
}
