package store

import (
	"context"
	"errors"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/store/schema"
)

// listBatch is how many agreements a batched rebuild of the list indexes
// rewrites per write transaction.
const listBatch = 2048

// rebuildListsBatched is rebuildIndexes with the list summaries and indexes
// rewritten a batch of agreements per transaction, so that memory and the
// file's free pages stay bounded at any size; with texts, each agreement's
// search text is written to it and the search index is then recorded for its
// own batched rebuild (FinishRebuild). The first
// transaction drops the marker of complete list indexes (KeyStatusCounts): a
// run killed half-way leaves it out, and the next open rebuilds them again
// (completeIndexes). ctx is checked before it begins only: once the lists are
// emptied they are filled again whatever happens, so that the register never
// shows an empty list.
func (s *Store) rebuildListsBatched(ctx context.Context, texts *importTexts) error {
	search := texts != nil
	if err := ctx.Err(); err != nil {
		return err
	}
	err := s.update(func(tx *bolt.Tx) error {
		// Deleting the index buckets reads every page of them.
		defer shedWhile(tx)()
		meta := tx.Bucket(schema.Meta)
		if err := meta.Delete(schema.KeyStatusCounts); err != nil {
			return err
		}
		for _, st := range agreement.Statuses {
			if err := meta.Delete(countKey(st)); err != nil {
				return err
			}
		}
		for _, name := range schema.IndexBuckets {
			if err := tx.DeleteBucket(name); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
				return err
			}
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	var next uint64
	for {
		done := false
		err := s.update(func(tx *bolt.Tx) error {
			var ids []agreement.ID
			c := tx.Bucket(schema.Agreements).Cursor()
			k, _ := c.Seek(schema.ID(next))
			for ; k != nil && len(ids) < listBatch; k, _ = c.Next() {
				if len(k) == 8 {
					ids = append(ids, keyID(k))
				}
			}
			done = k == nil
			dir := s.dir(tx)
			for _, id := range ids {
				var a agreement.Agreement
				if err := decode(tx.Bucket(schema.Agreements).Get(idKey(id)), &a); err != nil {
					return err
				}
				if err := rewriteAgreement(dir, &a); err != nil {
					return err
				}
				if texts != nil {
					texts.agreement(&a)
				}
			}
			if len(ids) > 0 {
				next = uint64(ids[len(ids)-1]) + 1
			}
			return nil
		})
		if err != nil {
			return err
		}
		s.shedWritten()
		if done {
			break
		}
	}
	// A parent written before its children counted none: count them now.
	var parents []agreement.ID
	err = s.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(schema.IdxParent).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Seek(cat(k[:8], []byte{0xff})) {
			if len(k) == 16 {
				parents = append(parents, keyID(k[:8]))
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := s.inBatches(context.Background(), parents, func(dir txDir, id agreement.ID) error { return refreshParents(dir, id) }); err != nil {
		return err
	}
	err = s.update(func(tx *bolt.Tx) error {
		// rebuildKept reads every agreement.
		defer shedWhile(tx)()
		if err := rebuildKept(context.Background(), tx); err != nil { // kept.go
			return err
		}
		if err := tx.Bucket(schema.Meta).Put(schema.KeyStatusCounts, []byte{2}); err != nil {
			return err
		}
		if !search {
			return nil
		}
		return s.fts.Begin(tx, s.docs(tx))
	})
	s.shedWritten()
	return err
}
