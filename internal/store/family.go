package store

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/store/schema"
)

// family counts the agreements filed under parent and reads the signed ones,
// whose Adendum or Perpanjangan may move the parent's end. Only signed
// children are decoded: the status is in each record's head.
func family(tx *bolt.Tx, parent agreement.ID) (count int, signed []agreement.Agreement) {
	p := idKey(parent)
	recs := tx.Bucket(schema.Agreements)
	c := tx.Bucket(schema.IdxParent).Cursor()
	for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, _ = c.Next() {
		count++
		if len(k) != 16 {
			continue
		}
		raw := recs.Get(k[8:])
		h, _, _, ok := parseAgreementValue(raw, true)
		if !ok || h.Status != agreement.StatusDitandatangani {
			continue
		}
		var a agreement.Agreement
		if decode(raw, &a) == nil && (a.Kind == agreement.KindAdendum || a.Kind == agreement.KindPerpanjangan) {
			signed = append(signed, a)
		}
	}
	return count, signed
}
