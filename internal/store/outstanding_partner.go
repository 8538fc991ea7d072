package store

import (
	bolt "go.etcd.io/bbolt"

	"sepakat/internal/store/schema"
)

// migrateV9toV10 drops the marker of complete list indexes: the summaries
// lack the day a draft went to the partner (Summary.SentToPartner) and
// IdxTodo its 'p' keys, so completeIndexes rebuilds the lists in batches once
// the file is open, as a killed rebuild would be.
func migrateV9toV10(_ *Store, tx *bolt.Tx) error {
	return tx.Bucket(schema.Meta).Delete(schema.KeyStatusCounts)
}
