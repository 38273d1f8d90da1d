// Package tm is bitext's translation memory: a SQLite file (through the pure-Go
// modernc.org/sqlite driver) of source sentences and their translations, so that no sentence is
// paid for twice.
//
// A machine translation is stored under a key made of the provider, the model, the languages,
// the normalized source text (NFC, whitespace runs collapsed), the glossary terms that applied
// and the prompt version: change any of them and the sentence is translated again. Translations
// imported from a TMX file are keyed by languages and source only and match any provider, model,
// terms and prompt version — unless imported provider-scoped, when they match one provider (and
// model, if given). Imported translations, usually reviewed by people, take precedence over
// machine translations of the same sentence.
//
// The normalized source is only hashed into the key: the source and target are stored byte for
// byte as given, so that an export gives back the bitext that went in. (Memories written by
// schema version 1 hold normalized sources; they are migrated in place when opened for writing
// and keep hitting, because keys hash alike.) An import counts what it read, stored, found
// duplicated and found conflicting (same key, other target; ImportOptions.OnConflict keeps the
// newest or the first). Delete removes entries by provider, model, age or source pattern, and
// Vacuum gives the space back.
//
// The store keeps per-provider and per-language counters in the transactions that change
// entries, so Stats reads a few rows whatever the size. Each connection has a fixed page cache
// and no memory map, so a process's memory does not grow with the size of the file.
//
// The database runs in WAL mode with a busy timeout and takes its write lock at the start of each
// write transaction, so several bitext processes (and goroutines) can share one file. A memory
// whose file or folder cannot be written is refused by Open with a *ReadOnlyError
// (errors.Is(err, ErrReadOnly)); OpenReadOnly reads it, for lookups, Stats and Export.
package tm
