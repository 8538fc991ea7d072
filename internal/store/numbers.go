package store

import (
	"bytes"
	"context"
	"encoding/json"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/store/schema"
)

// migrateV12toV13 writes again every agreement whose signing record still
// holds the numbers or the rangkap typed at signing, as
// agreement.FoldSigning reads it (decode folds): the parties' numbers and
// the agreement's copies, with its summary (the register's Nomor Mitra
// column) and index entries; then the own numbers are kept anew, since a
// number typed only at signing is an own number now.
func migrateV12toV13(s *Store, tx *bolt.Tx) error {
	b := tx.Bucket(schema.Agreements)
	var ids []agreement.ID
	c := b.Cursor()
	for k, raw := c.First(); k != nil; k, raw = c.Next() {
		if len(k) == 8 && oldSigning(raw) {
			ids = append(ids, keyID(k))
		}
	}
	if len(ids) == 0 {
		return nil
	}
	dir := s.dir(tx)
	for _, id := range ids {
		raw := b.Get(idKey(id))
		var a agreement.Agreement
		if decode(raw, &a) != nil {
			continue // damaged: check and salvage name it
		}
		var stale []indexEntry
		if sum, err := summaryOf(raw); err == nil {
			stale = entries(&sum)
		}
		enc, err := encode(&a)
		if err != nil {
			return err
		}
		if err := writeAgreementRaw(dir, &a, stale, enc); err != nil {
			return err
		}
	}
	return rebuildKept(context.Background(), tx)
}

// oldSigning reports whether a stored agreement's signing record holds
// numbers or a rangkap (agreement.Signing.OldNumbers, OldCopies).
func oldSigning(raw []byte) bool {
	body := recordJSON(raw)
	if body == nil || !bytes.Contains(body, []byte(`"signing":`)) {
		return false
	}
	var x struct {
		Signing *struct {
			Numbers []string `json:"numbers"`
			Copies  int      `json:"copies"`
		} `json:"signing"`
	}
	return json.Unmarshal(body, &x) == nil && x.Signing != nil && (x.Signing.Numbers != nil || x.Signing.Copies != 0)
}
