package store

import (
	"context"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/search"
	"sepakat/internal/service"
	"sepakat/internal/store/fts"
	"sepakat/internal/store/schema"
)

// refreshSearch records a rebuild of the full-text index when it was built
// with another analysis (a new version's word lists, or synonyms changed
// elsewhere), and, unless the store was opened with RebuildLater, runs it (or
// one a killed process left) to its end in batches. The check reads the lists'
// fingerprint; only the rebuild builds the analysis.
func (s *Store) refreshSearch() error {
	current, building := true, false
	err := s.view(func(tx *bolt.Tx) (err error) {
		p, err := fts.State(tx)
		if err != nil {
			return err
		}
		building = p.Building
		current, err = fts.Current(tx)
		return err
	})
	if err != nil {
		return err
	}
	if !current && !building {
		if err := s.BeginRebuild(); err != nil {
			return err
		}
		building = true
	}
	if !building || s.rebuildLater {
		return nil
	}
	return s.FinishRebuild(context.Background(), nil)
}

// Synonyms returns the shipped synonym list and the office's own.
func (s *Store) Synonyms() (shipped, own string, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		own = fts.Synonyms(tx)
		return nil
	})
	return search.ShippedSynonyms(), own, err
}

// SetSynonyms replaces the office's own synonym list (one group per line, names
// separated by commas) and rebuilds the full-text index with it. The list and
// the rebuild's start are one transaction, then the rebuild runs a batch per
// transaction (FinishRebuild), so that memory stays bounded at any size. A
// cancel before the list is stored changes nothing; one during the rebuild
// keeps the list and leaves the rebuild recorded, resumed at the next open
// (searches say the index is being rebuilt meanwhile).
func (s *Store) SetSynonyms(ctx context.Context, text string) error {
	an, err := service.SynonymsAnalyzer(text)
	if err != nil {
		return err
	}
	if err := s.backupBefore(ctx, service.ReasonSynonyms); err != nil { // backup.go
		return err
	}
	s.background.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	err = s.update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(schema.Meta).Put(schema.KeySearchSynonyms, []byte(text)); err != nil {
			return err
		}
		return s.fts.BeginWith(tx, s.docs(tx), an.Fingerprint())
	})
	if err != nil {
		return err
	}
	s.fts.Use(an)
	return s.FinishRebuild(ctx, nil)
}
