package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// reportBatch is how many agreements one read transaction of ReportFacts holds.
const reportBatch = 2000

// ReportFacts calls f with every agreement's list row, category and monitoring
// dates, in ID order, a batch per read transaction.
func (s *Store) ReportFacts(ctx context.Context, f func(service.ReportFact) error) ([]service.RecordRef, error) {
	var damaged []service.RecordRef
	var after []byte
	for {
		if err := ctx.Err(); err != nil {
			return damaged, err
		}
		batch := make([]service.ReportFact, 0, reportBatch)
		done := true
		err := s.view(func(tx *bolt.Tx) error {
			c := tx.Bucket(schema.Agreements).Cursor()
			k, v := c.First()
			if after != nil {
				k, v = c.Seek(after)
				if bytes.Equal(k, after) {
					k, v = c.Next()
				}
			}
			for ; k != nil; k, v = c.Next() {
				if len(k) != 8 {
					continue // a history entry: id(8) seq(8)
				}
				if len(batch) == reportBatch {
					done = false
					return nil
				}
				after = append(after[:0], k...)
				fact, ok := reportFact(v)
				if !ok {
					damaged = append(damaged, service.RecordRef{Type: "agreement", ID: binary.BigEndian.Uint64(k)})
					continue
				}
				batch = append(batch, fact)
			}
			return nil
		})
		if err != nil {
			return damaged, err
		}
		for _, fact := range batch {
			if err := f(fact); err != nil {
				return damaged, err
			}
		}
		if done {
			return damaged, nil
		}
	}
}

var (
	keySubject    = []byte(`"subject":`)
	keyCategory   = []byte(`"category":"`)
	keyMonitoring = []byte(`"monitoring":`)
)

// reportFact reads a stored agreement's facts without decoding its document:
// the category is a top-level string before the subject (only scalars precede
// it), and the monitoring list is the only "monitoring" key of the document
// (no nested record has one), near its end. TestReportFactsMatchDocuments
// holds this to a full decode.
func reportFact(raw []byte) (service.ReportFact, bool) {
	var fact service.ReportFact
	sum, rec, ok := splitAgreementValue(raw)
	if !ok || json.Unmarshal(sum, &fact.Summary) != nil {
		return fact, false
	}
	if i := bytes.Index(rec, keySubject); i > 0 {
		if j := bytes.Index(rec[:i], keyCategory); j >= 0 {
			rest := rec[j+len(keyCategory) : i]
			if end := bytes.IndexByte(rest, '"'); end >= 0 {
				fact.Category = agreement.Category(rest[:end])
			}
		}
	}
	if fact.Summary.FollowUps > 0 {
		i := bytes.LastIndex(rec, keyMonitoring)
		if i < 0 {
			return fact, false
		}
		if json.NewDecoder(bytes.NewReader(rec[i+len(keyMonitoring):])).Decode(&fact.Monitoring) != nil {
			return fact, false
		}
	}
	return fact, true
}

// SignedByYear counts the signed agreements per filing year and kind from the
// list indexes alone.
func (s *Store) SignedByYear() ([]service.YearCount, error) {
	var out []service.YearCount
	err := s.view(func(tx *bolt.Tx) error {
		kinds := map[uint64]agreement.Kind{}
		prefix := append([]byte(agreement.StatusDitandatangani), 0)
		c := tx.Bucket(schema.IdxStatus).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			if len(k) == len(prefix)+8 {
				kinds[binary.BigEndian.Uint64(k[len(prefix):])] = ""
			}
		}
		if len(kinds) == 0 {
			return nil
		}
		for _, kind := range agreement.Kinds {
			prefix := append([]byte(kind), 0)
			c := tx.Bucket(schema.IdxKind).Cursor()
			for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
				id := binary.BigEndian.Uint64(k[len(prefix):])
				if _, ok := kinds[id]; ok && len(k) == len(prefix)+8 {
					kinds[id] = kind
				}
			}
		}
		counts := map[service.YearCount]int{}
		c = tx.Bucket(schema.IdxYear).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if len(k) != 10 {
				continue
			}
			if kind, ok := kinds[binary.BigEndian.Uint64(k[2:])]; ok {
				counts[service.YearCount{Year: int(binary.BigEndian.Uint16(k)), Kind: kind}]++
			}
		}
		for yk, n := range counts {
			yk.Count = n
			out = append(out, yk)
		}
		return nil
	})
	service.SortYearCounts(out)
	return out, err
}
