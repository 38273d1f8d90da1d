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
// The database runs in WAL mode with a busy timeout and takes its write lock at the start of each
// write transaction, so several bitext processes (and goroutines) can share one file.
package tm
