package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"runtime"
	"sync"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// reportBatch is how many agreements one read transaction of ReportFacts holds.
const reportBatch = 2000

// shedEvery is how many agreements ReportFacts reads between releases of
// the file's pages it read (about 15 MB at 100 000 agreements).
const shedEvery = 1000

// rawFact is what ReportFacts copies out of a read transaction: the summary's
// JSON, the category and the monitoring list's JSON (with what follows it),
// decoded after the transaction by as many workers as there are processors.
type rawFact struct {
	id         uint64
	sum        []byte
	category   agreement.Category
	monitoring []byte
}

// ReportFacts calls f with the list row, category and monitoring dates of
// every agreement that matters since since, in ID order, a batch per read
// transaction. Those that do not are passed over by the head of their stored
// value, whose index keys hold the end and the time of the last change.
func (s *Store) ReportFacts(ctx context.Context, since agreement.Date, f func(service.ReportFact) error) ([]service.RecordRef, error) {
	var damaged []service.RecordRef
	var after []byte
	for {
		if err := ctx.Err(); err != nil {
			return damaged, err
		}
		batch := make([]rawFact, 0, reportBatch)
		done := true
		err := s.view(func(tx *bolt.Tx) error {
			defer shedRead(tx)
			c := tx.Bucket(schema.Agreements).Cursor()
			k, v := c.First()
			if after != nil {
				k, v = c.Seek(after)
				if bytes.Equal(k, after) {
					k, v = c.Next()
				}
			}
			visited := 0
			for ; k != nil; k, v = c.Next() {
				if len(k) != 8 {
					continue // a history entry: id(8) seq(8)
				}
				// A batch may pass over much of the file (what ended
				// before since); the pages read need not stay resident.
				if visited++; visited%shedEvery == 0 {
					shedRead(tx)
				}
				if len(batch) == reportBatch {
					done = false
					return nil
				}
				after = append(after[:0], k...)
				raw, pass, ok := copyFact(v, since)
				switch {
				case !ok:
					damaged = append(damaged, service.RecordRef{Type: "agreement", ID: binary.BigEndian.Uint64(k)})
				case !pass:
					raw.id = binary.BigEndian.Uint64(k)
					batch = append(batch, raw)
				}
			}
			return nil
		})
		if err != nil {
			return damaged, err
		}
		facts, bad := decodeFacts(batch)
		for i := range facts {
			if bad[i] {
				damaged = append(damaged, service.RecordRef{Type: "agreement", ID: batch[i].id})
				continue
			}
			if err := f(facts[i]); err != nil {
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
	keyFollowUps  = []byte(`"follow_ups":`)
)

// copyFact copies a stored agreement's facts out of the transaction without
// decoding its document: the category is a top-level string before the
// subject (only scalars precede it), and the monitoring list is the only
// "monitoring" key of the document (no nested record has one), near its end.
// TestReportFactsMatchDocuments holds this to a full decode. pass is true for
// an agreement that ended before since and did not change since (from the
// index keys in the value's head); ok is false for a value that cannot be read.
func copyFact(raw []byte, since agreement.Date) (f rawFact, pass, ok bool) {
	h, sum, rec, ok := parseAgreementValue(raw, !since.IsZero())
	if !ok {
		return f, false, false
	}
	if !since.IsZero() && passOver(&h, since) {
		return f, true, true
	}
	f.sum = bytes.Clone(sum)
	if i := bytes.Index(rec, keySubject); i > 0 {
		if j := bytes.Index(rec[:i], keyCategory); j >= 0 {
			rest := rec[j+len(keyCategory) : i]
			if end := bytes.IndexByte(rest, '"'); end >= 0 {
				f.category = agreement.Category(rest[:end])
			}
		}
	}
	if !bytes.Contains(sum, keyFollowUps) {
		return f, false, true // no monitoring recorded (follow_ups is left out when 0)
	}
	if i := bytes.LastIndex(rec, keyMonitoring); i >= 0 {
		f.monitoring = bytes.Clone(rec[i+len(keyMonitoring):])
	}
	return f, false, true
}

// passOver reports whether a stored agreement ended before since and was not
// changed since, by its head's index keys.
func passOver(h *agreementHead, since agreement.Date) bool {
	var end, changed []byte
	for _, e := range h.Keys {
		switch {
		case bytes.Equal(e.bucket, schema.IdxEnd) && len(e.key) == 16:
			end = e.key[:8]
		case bytes.Equal(e.bucket, schema.IdxChanged) && len(e.key) == 16:
			changed = e.key[:8]
		}
	}
	if end == nil || changed == nil || bytes.Compare(end, since.Key()) >= 0 {
		return false
	}
	return bytes.Compare(changed, stamp(since.Time())) < 0
}

// decodeFacts decodes a batch, split among the processors; bad marks what
// did not decode.
func decodeFacts(batch []rawFact) ([]service.ReportFact, []bool) {
	facts := make([]service.ReportFact, len(batch))
	bad := make([]bool, len(batch))
	workers := max(1, min(runtime.GOMAXPROCS(0), len(batch)/200))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(batch); i += workers {
				bad[i] = !decodeFact(&batch[i], &facts[i])
			}
		})
	}
	wg.Wait()
	return facts, bad
}

func decodeFact(raw *rawFact, f *service.ReportFact) bool {
	if json.Unmarshal(raw.sum, &f.Summary) != nil {
		return false
	}
	f.Category = raw.category
	if f.Summary.FollowUps == 0 {
		return true
	}
	return raw.monitoring != nil && json.NewDecoder(bytes.NewReader(raw.monitoring)).Decode(&f.Monitoring) == nil
}

// SignedByYear counts the signed agreements per filing year and kind from the
// list indexes alone.
func (s *Store) SignedByYear() ([]service.YearCount, error) {
	var out []service.YearCount
	err := s.view(func(tx *bolt.Tx) error {
		// The index pages lie all over the file: at 100 000 agreements
		// reading them would keep some 340 MB of it resident.
		defer shedRead(tx)
		read := 0
		shed := func() {
			if read++; read%(16*shedEvery) == 0 {
				shedRead(tx)
			}
		}
		kinds := map[uint64]agreement.Kind{}
		prefix := append([]byte(agreement.StatusDitandatangani), 0)
		c := tx.Bucket(schema.IdxStatus).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			shed()
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
				shed()
				id := binary.BigEndian.Uint64(k[len(prefix):])
				if _, ok := kinds[id]; ok && len(k) == len(prefix)+8 {
					kinds[id] = kind
				}
			}
		}
		counts := map[service.YearCount]int{}
		c = tx.Bucket(schema.IdxYear).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			shed()
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
