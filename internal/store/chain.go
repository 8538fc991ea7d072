package store

import (
	"bytes"
	"context"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// checkChains verifies every record's history chain (dataset.CheckChain),
// one record's history in memory at a time, and names each break.
func checkChains(ctx context.Context, tx *bolt.Tx, add func(service.RecordRef, i18n.Text)) error {
	report := func(t dataset.RecordType, id agreement.ID, entries []dataset.HistoryEntry) {
		for _, b := range dataset.CheckChain(entries) {
			add(service.RecordRef{Type: string(t), ID: uint64(id)}, service.ChainText(b))
		}
	}
	// Agreements: their changes beside them, their prints in the history bucket.
	var id agreement.ID
	var entries []dataset.HistoryEntry
	flush := func() error {
		if id == 0 {
			return nil
		}
		prints, err := printsOf(tx, id)
		if err != nil {
			return nil // an unreadable entry is named by checkRecords
		}
		report(dataset.TypeAgreement, id, mergeHistory(entries, prints))
		entries = entries[:0]
		return ctx.Err()
	}
	c := tx.Bucket(schema.Agreements).Cursor()
	for k, raw := c.First(); k != nil; k, raw = c.Next() {
		if len(k) == 8 {
			if err := flush(); err != nil {
				return err
			}
			id = keyID(k)
			continue
		}
		var e dataset.HistoryEntry
		if len(k) == 16 && keyID(k[:8]) == id && decode(raw, &e) == nil {
			entries = append(entries, e)
		}
	}
	if err := flush(); err != nil {
		return err
	}
	// Parties, officials and mandates: tag id(8) rev(8), one record after another.
	var prefix []byte
	var t dataset.RecordType
	entries = entries[:0]
	c = tx.Bucket(schema.History).Cursor()
	for k, raw := c.First(); ; k, raw = c.Next() {
		if k == nil || prefix == nil || !bytes.HasPrefix(k, prefix) {
			if prefix != nil {
				report(t, keyID(prefix[1:]), entries)
				entries = entries[:0]
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			prefix, t = nil, ""
			if k == nil {
				return nil
			}
			if len(k) == 17 && k[0] != schema.PrintTag {
				prefix, t = bytes.Clone(k[:9]), recordTypeOf(k[0])
			}
		}
		var e dataset.HistoryEntry
		if prefix != nil && decode(raw, &e) == nil {
			entries = append(entries, e)
		}
	}
}

// recordTypeOf is the record type of a history key's tag.
func recordTypeOf(tag byte) dataset.RecordType {
	for name, b := range schema.RecordTag {
		if b == tag {
			return dataset.RecordType(name)
		}
	}
	return ""
}
