package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
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
	return append([]byte{encodingJSON}, raw...), nil
}

func decode(raw []byte, v any) error {
	body := recordJSON(raw)
	if body == nil {
		return fmt.Errorf("%w: nilai tersimpan tidak dikenal", ErrCorrupt)
	}
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return nil
}

// recordJSON returns the record's JSON inside a stored value, or nil.
func recordJSON(raw []byte) []byte {
	if len(raw) == 0 {
		return nil
	}
	switch raw[0] {
	case encodingJSON:
		return raw[1:]
	case encodingSummaryJSON:
		_, rec, ok := splitAgreementValue(raw)
		if ok {
			return rec
		}
	}
	return nil
}

// agreementValue joins an agreement's summary and document into one stored value.
func agreementValue(sum, rec []byte) []byte {
	out := make([]byte, 0, 1+binary.MaxVarintLen64+len(sum)+len(rec))
	out = append(out, encodingSummaryJSON)
	out = binary.AppendUvarint(out, uint64(len(sum)))
	out = append(out, sum...)
	return append(out, rec...)
}

func splitAgreementValue(raw []byte) (sum, rec []byte, ok bool) {
	if len(raw) < 2 || raw[0] != encodingSummaryJSON {
		return nil, nil, false
	}
	n, k := binary.Uvarint(raw[1:])
	if k <= 0 || uint64(len(raw)-1-k) < n {
		return nil, nil, false
	}
	return raw[1+k : 1+k+int(n)], raw[1+k+int(n):], true
}

// summaryOf decodes the summary part of a stored agreement.
func summaryOf(raw []byte) (Summary, error) {
	var sum Summary
	js, _, ok := splitAgreementValue(raw)
	if !ok {
		return sum, fmt.Errorf("%w: ringkasan perjanjian tidak terbaca; jalankan reindex", ErrCorrupt)
	}
	if err := json.Unmarshal(js, &sum); err != nil {
		return sum, fmt.Errorf("%w: %v", ErrCorrupt, err)
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
	err := decode(raw, &v)
	return v, err == nil, err
}

// all reads every record of type T in ID order (skipping agreement history keys).
func all[T any](tx *bolt.Tx, bucket []byte) ([]T, error) {
	var out []T
	err := tx.Bucket(bucket).ForEach(func(k, raw []byte) error {
		if len(k) != 8 {
			return nil
		}
		var v T
		if err := decode(raw, &v); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	return out, err
}

// txDir answers agreement.Directory from inside a transaction.
type txDir struct {
	tx      *bolt.Tx
	cache   *decodeCache
	regions interface {
		Name(string) (string, bool)
	}
}

func (d txDir) Party(id agreement.ID) (agreement.Party, bool) {
	v, ok, _ := getCached[agreement.Party](d.cache, d.tx, bucketParties, id)
	return v, ok
}

func (d txDir) Official(id agreement.ID) (agreement.Official, bool) {
	v, ok, _ := getCached[agreement.Official](d.cache, d.tx, bucketOfficials, id)
	return v, ok
}

func (d txDir) Mandate(id agreement.ID) (agreement.Mandate, bool) {
	v, ok, _ := getCached[agreement.Mandate](d.cache, d.tx, bucketMandates, id)
	return v, ok
}

// AgreementKind reads the small summary rather than the whole document.
func (d txDir) AgreementKind(id agreement.ID) (agreement.Kind, bool) {
	v, ok, _ := d.summary(id)
	return v.Kind, ok
}

func (d txDir) summary(id agreement.ID) (Summary, bool, error) {
	return d.cache.summary(d.tx, id)
}

func (d txDir) RegionName(code string) (string, bool) { return d.regions.Name(code) }

func (s *Store) dir(tx *bolt.Tx) txDir { return txDir{tx: tx, cache: s.cache, regions: s.regions} }

// Agreement returns one agreement.
func (s *Store) Agreement(id agreement.ID) (agreement.Agreement, error) {
	return getOne[agreement.Agreement](s, bucketAgreements, id)
}

// Party returns one party.
func (s *Store) Party(id agreement.ID) (agreement.Party, error) {
	return getOne[agreement.Party](s, bucketParties, id)
}

// Official returns one official.
func (s *Store) Official(id agreement.ID) (agreement.Official, error) {
	return getOne[agreement.Official](s, bucketOfficials, id)
}

// Mandate returns one mandate.
func (s *Store) Mandate(id agreement.ID) (agreement.Mandate, error) {
	return getOne[agreement.Mandate](s, bucketMandates, id)
}

func getOne[T any](s *Store, bucket []byte, id agreement.ID) (T, error) {
	var v T
	err := s.db.View(func(tx *bolt.Tx) error {
		var ok bool
		var err error
		v, ok, err = get[T](tx, bucket, id)
		if err == nil && !ok {
			return ErrNotFound
		}
		return err
	})
	return v, err
}

// Parties returns every party in ID order.
func (s *Store) Parties() ([]agreement.Party, error) {
	return allOf[agreement.Party](s, bucketParties)
}

// Officials returns every official in ID order.
func (s *Store) Officials() ([]agreement.Official, error) {
	return allOf[agreement.Official](s, bucketOfficials)
}

// Mandates returns every mandate in ID order.
func (s *Store) Mandates() ([]agreement.Mandate, error) {
	return allOf[agreement.Mandate](s, bucketMandates)
}

func allOf[T any](s *Store, bucket []byte) ([]T, error) {
	var out []T
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		out, err = all[T](tx, bucket)
		return err
	})
	return out, err
}

// OfficialsOf returns the officials of one party.
func (s *Store) OfficialsOf(party agreement.ID) ([]agreement.Official, error) {
	list, err := s.Officials()
	var out []agreement.Official
	for _, o := range list {
		if o.PartyID == party {
			out = append(out, o)
		}
	}
	return out, err
}

// Validate checks an agreement against the stored records without saving it.
func (s *Store) Validate(a *agreement.Agreement) agreement.Errors {
	var es agreement.Errors
	_ = s.db.View(func(tx *bolt.Tx) error {
		es = a.Validate(s.dir(tx))
		return nil
	})
	return es
}

// typeOf names the record type of a bucket, for history.
func typeOf(bucket []byte) dataset.RecordType {
	switch string(bucket) {
	case string(bucketAgreements):
		return dataset.TypeAgreement
	case string(bucketParties):
		return dataset.TypeParty
	case string(bucketOfficials):
		return dataset.TypeOfficial
	}
	return dataset.TypeMandate
}
