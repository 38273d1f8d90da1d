package tm

import (
	"context"
	"time"

	"github.com/bitext/bitext/corpus"
)

// Store is what a translation memory offers, whichever database holds it. *DB implements it for
// SQLite and PostgreSQL alike (OpenURL); the interface lets callers and tests depend on the
// methods rather than on the type.
type Store interface {
	Lookup(ctx context.Context, k Key) (string, bool, error)
	LookupMany(ctx context.Context, ks []Key) ([]string, []bool, error)
	Store(ctx context.Context, k Key, target string) error
	StoreMany(ctx context.Context, ks []Key, targets []string) error

	StoreReviewed(ctx context.Context, k Key, target, reviewer string, when time.Time) error
	StoreReviewedMany(ctx context.Context, rs []ReviewedEntry) error
	LookupReviewedMany(ctx context.Context, ks []Key) ([]string, []bool, error)
	Reviews(ctx context.Context, f ReviewFilter) ([]Review, error)

	Claim(ctx context.Context, ks []Key) ([]ClaimState, []string, error)
	AwaitClaims(ctx context.Context, ks []Key) ([]ClaimState, []string, error)
	Release(ctx context.Context, ks []Key) error

	Stats(ctx context.Context) (Stats, error)
	ImportPairs(ctx context.Context, r corpus.Reader, opt ImportOptions) (ImportResult, error)
	Export(ctx context.Context, w corpus.Writer, opt ...ExportOptions) (int, error)
	Delete(ctx context.Context, f DeleteFilter) (int, error)
	Vacuum(ctx context.Context) error

	Kind() Kind
	Path() string
	ReadOnly() bool
	Close() error
}

var _ Store = (*DB)(nil)
