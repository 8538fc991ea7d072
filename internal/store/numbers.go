package store

import (
	bolt "go.etcd.io/bbolt"

	"sepakat/internal/store/schema"
)

// migrateV12toV13 drops the marker of complete list indexes: an agreement
// may still hold in its signing record the numbers or the rangkap typed at
// signing (agreement.Signing.OldNumbers, OldCopies), so its summary lacks
// them (the register's Nomor Mitra column) and its own number is not kept.
// completeIndexes then rewrites every agreement in batches as decode reads
// it (agreement.FoldSigning: the numbers in the parties, the rangkap in
// Copies, nothing left in the signing record), with its summary, and keeps
// the own numbers anew (rebuildKept).
func migrateV12toV13(_ *Store, tx *bolt.Tx) error {
	return tx.Bucket(schema.Meta).Delete(schema.KeyStatusCounts)
}
