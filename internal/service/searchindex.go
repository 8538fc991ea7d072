package service

import "context"

// IndexState is how far a rebuild of the search index got.
type IndexState struct {
	// Rebuilding is true while search answers ErrRebuilding.
	Rebuilding bool
	// Percent is how far the rebuild got, 0–99 while it runs.
	Percent int
}

// SearchIndex is the state of the full-text index: a data file opened after
// an upgrade that changed the word lists holds a rebuild that the program
// finishes in the background while the register works from its lists.
type SearchIndex interface {
	// SearchIndexState reports whether a rebuild is under way and how far it got.
	SearchIndexState() (IndexState, error)
	// FinishRebuild continues the rebuild under way to its end, one write per
	// batch, calling progress (when not nil) after each batch; without one it
	// returns at once. A cancel stops it between batches: what was done stays
	// and the next call resumes there.
	FinishRebuild(ctx context.Context, progress func(IndexState)) error
}

// CompactResult is the data file's size before and after a compaction.
type CompactResult struct {
	Before, After int64
	// Done is false when the file had too little free space to be worth it
	// (and force was not asked): nothing was changed.
	Done bool
}

// Compactor rewrites a data file without its free pages. Only file backends
// have one; it is not part of Service.
type Compactor interface {
	// Compact copies the data into a new file, checks the copy and puts it in
	// the file's place, all or nothing. Without force it does so only when
	// more than a quarter of the file is free.
	Compact(ctx context.Context, force bool) (CompactResult, error)
}
