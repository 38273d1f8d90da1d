// Package tm is bitext's translation memory: a SQLite file (through the pure-Go
// modernc.org/sqlite driver) or a PostgreSQL database (through pgx) of source sentences and
// their translations, so that no sentence is paid for twice.
//
// OpenURL opens either: a path or sqlite:PATH is a file, postgres://… a database that many
// workers on many machines share. Both hold the same schema, keys and features;
// *DB serves both, and Store lists its methods.
//
// A machine translation is stored under a key made of the provider, the model, the languages,
// the normalized source text (NFC, whitespace runs collapsed), the glossary terms that applied
// and the prompt version: change any of them and the sentence is translated again. Translations
// imported from a TMX file are keyed by languages and source only and match any provider, model,
// terms and prompt version — unless imported provider-scoped, when they match one provider (and
// model, if given). Imported translations, usually reviewed by people, take precedence over
// machine translations of the same sentence.
//
// Translations a person reviewed (StoreReviewed, as bitext review does) outrank both: they
// answer every lookup of their source and languages, whatever the provider, model, terms or
// prompt version, and a run that translates everything again still takes them
// (LookupReviewedMany). Each decision is kept in an audit trail (Reviews: who, when, the
// translation before and after); Stats counts them, Export marks them with the provider
// ReviewedProvider, and Delete keeps them unless DeleteFilter.IncludeReviewed says otherwise.
//
// The normalized source is only hashed into the key: the source and target are stored byte for
// byte as given, so that an export gives back the bitext that went in. (Memories written by
// schema version 1 hold normalized sources; they are migrated in place when opened for writing
// and keep hitting, because keys hash alike.) An import counts what it read, stored, found
// duplicated and found conflicting (same key, other target; ImportOptions.OnConflict keeps the
// newest or the first). A unit with inline codes (TMX <bpt>/<ph>, XLIFF <g>/<x/>) is stored as
// its words and, when source and target hold the same codes, as the tagged text translate
// looks a document segment with those codes up by, so a CAT tool's formatted segments answer
// XLIFF, HTML and Markdown documents with the formatting in place. Both those units and the
// machine translations of such segments keep what their codes stand for (the markup, as
// Key.Codes gives it for a machine translation), which Export writes as the codes' native code
// (TMX <bpt>&lt;b&gt;</bpt>). Delete removes entries by provider, model, age or source
// pattern, and Vacuum gives the space back.
//
// The store keeps per-provider and per-language counters in the transactions that change
// entries, so Stats reads a few rows whatever the size. Each connection has a fixed page cache
// and no memory map, so a process's memory does not grow with the size of the file.
//
// The database runs in WAL mode with a busy timeout and takes its write lock at the start of each
// write transaction, so several bitext processes (and goroutines) can share one file. A memory
// whose file or folder cannot be written is refused by Open with a *ReadOnlyError
// (errors.Is(err, ErrReadOnly)); OpenReadOnly reads it, for lookups, Stats and Export.
//
// Workers sharing a memory claim a key before they pay for it (Claim): a lease row with an
// expiry, which StoreMany ends when the answer is stored. Another worker that misses the same
// key finds the lease and waits for the answer (AwaitClaims) instead of paying again; a lease
// whose worker died expires (Options.Lease) and is taken over. This holds between processes on
// one SQLite file and between machines on one PostgreSQL database alike.
//
// A provider's rate limit is the account's, while a worker's --rate is its own: N workers share
// a limit of R requests per second by each running with R/N, or by sharing a token bucket in
// the memory (ShareRate, Budget), which every worker draws from.
package tm
