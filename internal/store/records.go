package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/search/postings"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

func u64(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func idKey(id agreement.ID) []byte { return u64(uint64(id)) }

func keyID(k []byte) agreement.ID { return agreement.ID(binary.BigEndian.Uint64(k)) }

func encode(v any) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return seal(append([]byte{encodingJSON}, raw...)), nil
}

// seal marks v (a record value: its encoding byte, then its body) as carrying a
// CRC-32C of v, and inserts it after the first byte.
func seal(v []byte) []byte {
	sum := crc32.Checksum(v, crcTable)
	out := make([]byte, 0, len(v)+4)
	out = append(out, v[0]|encodingSealed)
	out = binary.BigEndian.AppendUint32(out, sum)
	return append(out, v[1:]...)
}

// legacyReads counts the migrations running; while one runs, values written
// before schema 6, without a checksum, are read too.
var legacyReads atomic.Int32

// unseal returns a record value's encoding and body, checking its CRC-32C;
// ok is false for a value whose checksum does not match.
func unseal(raw []byte) (enc byte, body []byte, ok bool) {
	if len(raw) == 0 {
		return 0, nil, false
	}
	if raw[0]&encodingSealed == 0 {
		return raw[0], raw[1:], legacyReads.Load() > 0
	}
	if len(raw) < 5 {
		return 0, nil, false
	}
	enc, body = raw[0]&^encodingSealed, raw[5:]
	sum := crc32.Update(crc32.Update(0, crcTable, []byte{enc}), crcTable, body)
	return enc, body, sum == binary.BigEndian.Uint32(raw[1:5])
}

func decode(raw []byte, v any) error {
	body := recordJSON(raw)
	if body == nil {
		return fmt.Errorf("%w: nilai tersimpan tidak dikenal", service.ErrCorrupt)
	}
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("%w: %v", service.ErrCorrupt, err)
	}
	agreement.Fold(v) // a record written before one number per party
	return nil
}

// recordJSON returns the record's JSON inside a stored value, or nil.
func recordJSON(raw []byte) []byte {
	enc, body, ok := unseal(raw)
	if !ok {
		return nil
	}
	switch enc {
	case encodingJSON:
		return body
	case encodingSummaryJSON:
		_, rec, ok := splitAgreementValue(raw)
		if ok {
			return rec
		}
	}
	return nil
}

// agreementHead is the small binary head of a stored agreement: what a save needs
// to know about the stored version without decoding any JSON.
type agreementHead struct {
	Rev     uint64
	Created time.Time
	Status  agreement.Status
	// Keys are the index entries the stored version has.
	Keys []indexEntry
}

// agreementValue lays out a stored agreement: encodingSummaryJSON, the head, the
// list summary as JSON, then the document as JSON.
func agreementValue(h *agreementHead, sum, rec []byte) []byte {
	created, _ := h.Created.MarshalText()
	out := make([]byte, 0, 64+len(created)+len(sum)+len(rec)+24*len(h.Keys))
	out = append(out, encodingSummaryJSON)
	out = binary.AppendUvarint(out, h.Rev)
	out = appendBytes(out, created)
	out = appendBytes(out, []byte(h.Status))
	out = binary.AppendUvarint(out, uint64(len(h.Keys)))
	for _, e := range h.Keys {
		out = append(out, indexBucketNumber(e.bucket))
		out = appendBytes(out, e.key)
	}
	out = appendBytes(out, sum)
	return seal(append(out, rec...))
}

func appendBytes(out, b []byte) []byte {
	out = binary.AppendUvarint(out, uint64(len(b)))
	return append(out, b...)
}

// parseAgreementValue splits a stored agreement into its head, summary and document.
func parseAgreementValue(raw []byte, wantHead bool) (h agreementHead, sum, rec []byte, ok bool) {
	enc, body, sound := unseal(raw)
	if !sound || enc != encodingSummaryJSON || len(body) == 0 {
		return h, nil, nil, false
	}
	r := postings.NewReader(body) // what agreementValue wrote
	h.Rev = r.Uvarint()
	created := r.Bytes()
	status := r.Bytes()
	n := r.Uvarint()
	if wantHead && !r.Bad() {
		if err := h.Created.UnmarshalText(created); err != nil {
			return h, nil, nil, false
		}
		h.Status = agreement.Status(status)
		h.Keys = make([]indexEntry, 0, min(n, uint64(len(raw))))
	}
	for i := uint64(0); i < n && !r.Bad(); i++ {
		b := r.Byte()
		k := r.Bytes()
		if wantHead && int(b) < len(schema.IndexBuckets) {
			h.Keys = append(h.Keys, indexEntry{bucket: schema.IndexBuckets[b], key: k})
		}
	}
	sum = r.Bytes()
	if r.Bad() {
		return h, nil, nil, false
	}
	return h, sum, r.Rest(), true
}

func splitAgreementValue(raw []byte) (sum, rec []byte, ok bool) {
	_, sum, rec, ok = parseAgreementValue(raw, false)
	return sum, rec, ok
}

func indexBucketNumber(b []byte) byte {
	for i, name := range schema.IndexBuckets {
		if bytes.Equal(name, b) {
			return byte(i)
		}
	}
	panic("store: not an index bucket: " + string(b))
}

// summaryOf decodes the summary part of a stored agreement.
func summaryOf(raw []byte) (agreement.Summary, error) {
	var sum agreement.Summary
	js, _, ok := splitAgreementValue(raw)
	if !ok {
		return sum, fmt.Errorf("%w: ringkasan perjanjian tidak terbaca; jalankan reindex", service.ErrCorrupt)
	}
	if err := json.Unmarshal(js, &sum); err != nil {
		return sum, fmt.Errorf("%w: %v", service.ErrCorrupt, err)
	}
	return sum, nil
}

// get reads one record of type T from bucket; ok is false when absent.
func get[T any](tx *bolt.Tx, bucket []byte, id agreement.ID) (T, bool, error) {
	var v T
	raw := tx.Bucket(bucket).Get(idKey(id))
	if raw == nil {
		return v, false, nil
	}
	if err := decode(raw, &v); err != nil {
		return v, false, damagedRecord(bucket, uint64(id))
	}
	return v, true, nil
}

// damagedKey is damagedRecord for a key that may not be an ID (an issued
// number, a stored file's hash).
func damagedKey(bucket, k []byte) error {
	switch {
	case bytes.Equal(bucket, schema.Numbers):
		return &service.RecordDamageError{Record: service.RecordRef{Type: "number", Key: string(k)}}
	case bytes.Equal(bucket, schema.Files):
		return &service.RecordDamageError{Record: service.RecordRef{Type: "file", Key: string(k)}}
	case len(k) < 8:
		return &service.RecordDamageError{Record: service.RecordRef{Type: string(typeOf(bucket))}}
	}
	return damagedRecord(bucket, uint64(keyID(k[:8])))
}

// damagedRecord is the error for a record of bucket whose value does not read.
func damagedRecord(bucket []byte, id uint64) error {
	return &service.RecordDamageError{Record: service.RecordRef{Type: string(typeOf(bucket)), ID: id}}
}

// all reads every value of type T in key order; in the agreements bucket it skips
// the history entries kept beside each agreement.
func all[T any](tx *bolt.Tx, bucket []byte) ([]T, error) { return allOr[T](tx, bucket, nil) }

// allOr is all that, given damaged, leaves out the values that do not read and
// names them there.
func allOr[T any](tx *bolt.Tx, bucket []byte, damaged *[]service.RecordRef) ([]T, error) {
	var out []T
	agreements := bytes.Equal(bucket, schema.Agreements)
	err := tx.Bucket(bucket).ForEach(func(k, raw []byte) error {
		if agreements && len(k) != 8 {
			return nil
		}
		var v T
		if err := decode(raw, &v); err != nil {
			err := damagedKey(bucket, k)
			var de *service.RecordDamageError
			if damaged != nil && errors.As(err, &de) {
				*damaged = append(*damaged, de.Record)
				return nil
			}
			return err
		}
		out = append(out, v)
		return nil
	})
	return out, err
}

// txDir answers agreement.Directory from inside a transaction.
type txDir struct {
	store *Store
	tx    *bolt.Tx
	cache *decodeCache
	// superseded collects "last change" keys a save leaves behind; they join the
	// store's sweep list only once the transaction has committed.
	superseded *[][]byte
	regions    interface {
		Name(string) (string, bool)
	}
}

func (d txDir) Party(id agreement.ID) (agreement.Party, bool) {
	v, ok, _ := getCached[agreement.Party](d.cache, d.tx, schema.Parties, id)
	return v, ok
}

func (d txDir) Official(id agreement.ID) (agreement.Official, bool) {
	v, ok, _ := getCached[agreement.Official](d.cache, d.tx, schema.Officials, id)
	return v, ok
}

func (d txDir) Mandate(id agreement.ID) (agreement.Mandate, bool) {
	v, ok, _ := getCached[agreement.Mandate](d.cache, d.tx, schema.Mandates, id)
	return v, ok
}

// AgreementKind reads the small summary rather than the whole document.
func (d txDir) AgreementKind(id agreement.ID) (agreement.Kind, bool) {
	v, ok, _ := d.summary(id)
	return v.Kind, ok
}

func (d txDir) summary(id agreement.ID) (agreement.Summary, bool, error) {
	return d.cache.summary(d.tx, id)
}

func (d txDir) RegionName(code string) (string, bool) { return d.regions.Name(code) }

func (s *Store) dir(tx *bolt.Tx) txDir {
	return txDir{store: s, tx: tx, cache: s.cache, superseded: new([][]byte), regions: s.regions}
}

// Agreement returns one agreement.
func (s *Store) Agreement(id agreement.ID) (agreement.Agreement, error) {
	return getOne[agreement.Agreement](s, schema.Agreements, id)
}

// Party returns one party.
func (s *Store) Party(id agreement.ID) (agreement.Party, error) {
	return getOne[agreement.Party](s, schema.Parties, id)
}

// Official returns one official.
func (s *Store) Official(id agreement.ID) (agreement.Official, error) {
	return getOne[agreement.Official](s, schema.Officials, id)
}

// Mandate returns one mandate.
func (s *Store) Mandate(id agreement.ID) (agreement.Mandate, error) {
	return getOne[agreement.Mandate](s, schema.Mandates, id)
}

func getOne[T any](s *Store, bucket []byte, id agreement.ID) (T, error) {
	var v T
	err := s.view(func(tx *bolt.Tx) error {
		var ok bool
		var err error
		v, ok, err = get[T](tx, bucket, id)
		if err == nil && !ok {
			return service.ErrNotFound
		}
		return err
	})
	return v, err
}

// Parties returns every party in ID order.
func (s *Store) Parties() ([]agreement.Party, error) {
	return allOf[agreement.Party](s, schema.Parties)
}

// Officials returns every official in ID order.
func (s *Store) Officials() ([]agreement.Official, error) {
	return allOf[agreement.Official](s, schema.Officials)
}

// Mandates returns every mandate in ID order.
func (s *Store) Mandates() ([]agreement.Mandate, error) {
	return allOf[agreement.Mandate](s, schema.Mandates)
}

func allOf[T any](s *Store, bucket []byte) ([]T, error) {
	var out []T
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = all[T](tx, bucket)
		return err
	})
	return out, err
}

// typeOf names the record type of a bucket, for history.
func typeOf(bucket []byte) dataset.RecordType {
	switch string(bucket) {
	case string(schema.Agreements):
		return dataset.TypeAgreement
	case string(schema.Parties):
		return dataset.TypeParty
	case string(schema.Officials):
		return dataset.TypeOfficial
	}
	return dataset.TypeMandate
}
