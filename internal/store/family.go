package store

import (
	"bytes"
	"encoding/json"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
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

// parentOf reads an agreement and its signed children (family): what the
// Adenda that end with it take their end from. nil when it is not there.
func parentOf(tx *bolt.Tx, id agreement.ID) (*agreement.Agreement, []agreement.Agreement) {
	raw := tx.Bucket(schema.Agreements).Get(idKey(id))
	var p agreement.Agreement
	if raw == nil || decode(raw, &p) != nil {
		return nil, nil
	}
	_, signed := family(tx, id)
	return &p, signed
}

// refreshHeirs rewrites the summaries of the Adenda that end with parent
// (agreement.EndsWithParent) whose summary its end changed.
func refreshHeirs(dir txDir, parent agreement.ID) error {
	p := idKey(parent)
	recs := dir.tx.Bucket(schema.Agreements)
	c := dir.tx.Bucket(schema.IdxParent).Cursor()
	var heirs []agreement.ID
	for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, _ = c.Next() {
		if len(k) != 16 {
			continue
		}
		_, sum, _, ok := parseAgreementValue(recs.Get(k[8:]), false)
		var row struct {
			Kind agreement.Kind `json:"kind"`
		}
		if ok && json.Unmarshal(sum, &row) == nil && row.Kind == agreement.KindAdendum {
			heirs = append(heirs, keyID(k[8:]))
		}
	}
	// Written after the walk: a write under a cursor moves it.
	for _, id := range heirs {
		h, stored, _, ok := parseAgreementValue(recs.Get(idKey(id)), true)
		if !ok {
			return service.ErrCorrupt
		}
		var a agreement.Agreement
		if err := decode(recs.Get(idKey(id)), &a); err != nil {
			return err
		}
		if !a.EndsWithParent() {
			continue
		}
		sum := summarize(dir, &a)
		if js, err := json.Marshal(&sum); err == nil && bytes.Equal(js, stored) {
			continue
		}
		rec, err := encode(&a)
		if err != nil {
			return err
		}
		if err := writeAgreementRaw(dir, &a, h.Keys, rec); err != nil {
			return err
		}
	}
	return nil
}

// migrateV11toV12 drops the marker of complete list indexes: the summary of
// an Adendum without a term of its own shows no end, and the Beranda's
// ending index may list it beside its parent, so completeIndexes rebuilds
// the lists in batches once the file is open.
func migrateV11toV12(_ *Store, tx *bolt.Tx) error {
	return tx.Bucket(schema.Meta).Delete(schema.KeyStatusCounts)
}
