package store

import (
	"context"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/search"
	"sepakat/internal/service"
	"sepakat/internal/store/fts"
)

// A full rebuild of the search index runs in batches (fts/build.go), one write
// transaction each; the file records how far it got, so a rebuild killed
// half-way resumes at the next open. While it runs, search answers a
// *service.RebuildingError and the register works from its list indexes.

// SearchIndexState reports whether a rebuild of the search index is under way.
func (s *Store) SearchIndexState() (service.IndexState, error) {
	var p fts.Progress
	err := s.view(func(tx *bolt.Tx) (err error) {
		p, err = fts.State(tx)
		return err
	})
	return service.IndexState{Rebuilding: p.Building, Percent: p.Percent}, err
}

// FinishRebuild continues the rebuild under way to its end, one transaction per
// batch, then folds in the agreements saved meanwhile. A store opened with
// RebuildLater compacts at Close (other goroutines may be reading meanwhile);
// otherwise the file is compacted here when more than a quarter of it is free.
// Close stops it after the batch under way (context.Canceled); the next open
// resumes it.
func (s *Store) FinishRebuild(ctx context.Context, progress func(service.IndexState)) error {
	return s.finishRebuild(ctx, progress, func(tx *bolt.Tx) fts.Docs { return s.docs(tx) })
}

// finishRebuild is FinishRebuild with the agreements each step reads from docs.
func (s *Store) finishRebuild(ctx context.Context, progress func(service.IndexState), docs func(*bolt.Tx) fts.Docs) error {
	s.rebuildMu.Lock()
	defer s.rebuildMu.Unlock()
	steps := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		select {
		case <-s.closing:
			return context.Canceled
		default:
		}
		var p fts.Progress
		var done bool
		err := s.update(func(tx *bolt.Tx) (err error) {
			p, done, err = s.fts.Step(tx, docs(tx))
			return err
		})
		if err != nil {
			s.fts.Abandon()
			return err
		}
		// The agreements read stay in the page cache, not in this process.
		s.shedWritten()
		if done {
			break
		}
		steps++
		s.rebuildSteps.Add(1)
		if progress != nil {
			progress(service.IndexState{Rebuilding: true, Percent: p.Percent})
		}
	}
	if err := s.merge(); err != nil {
		return err
	}
	if progress != nil && steps > 0 {
		progress(service.IndexState{Percent: 100})
	}
	if steps == 0 {
		return nil
	}
	if s.rebuildLater {
		s.compactAtClose.Store(true)
		return nil
	}
	_, err := s.compact(ctx, false)
	return err
}

// BeginRebuild records a full rebuild with the analysis the shipped lists and the
// stored synonyms make now, in one transaction, unless one is under way.
func (s *Store) BeginRebuild() error {
	return s.update(func(tx *bolt.Tx) error {
		if p, err := fts.State(tx); err != nil || p.Building {
			return err
		}
		fp, err := search.FingerprintFor(fts.Synonyms(tx))
		if err != nil {
			return err
		}
		return s.fts.BeginWith(tx, s.docs(tx), fp)
	})
}
