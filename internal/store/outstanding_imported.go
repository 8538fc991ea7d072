package store

import (
	bolt "go.etcd.io/bbolt"

	"sepakat/internal/store/schema"
)

// migrateV10toV11 drops the marker of complete list indexes: the summaries
// of agreements imported from an old register still count their originals
// as unfinished (Summary.CopiesDone), and IdxTodo lists them, so
// completeIndexes rebuilds the lists in batches once the file is open.
func migrateV10toV11(_ *Store, tx *bolt.Tx) error {
	return tx.Bucket(schema.Meta).Delete(schema.KeyStatusCounts)
}
