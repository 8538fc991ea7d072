package store

import (
	"bytes"
	"sync"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/store/schema"
)

// decodeCache keeps decoded small records (parties, officials, mandates, summaries)
// with the bytes they came from. A hit needs the stored bytes to be equal, so it can
// never serve a stale value; it only saves the JSON decoding that validation and
// summaries repeat on every save.
type decodeCache struct {
	mu      sync.Mutex
	entries map[string]cached
}

type cached struct {
	raw []byte
	val any
}

const decodeCacheMax = 8192

func newDecodeCache() *decodeCache { return &decodeCache{entries: map[string]cached{}} }

// getCached is get with the cache in front.
func getCached[T any](c *decodeCache, tx *bolt.Tx, bucket []byte, id agreement.ID) (T, bool, error) {
	var zero T
	raw := tx.Bucket(bucket).Get(idKey(id))
	if raw == nil {
		return zero, false, nil
	}
	key := string(bucket) + string(idKey(id))
	c.mu.Lock()
	e, hit := c.entries[key]
	c.mu.Unlock()
	if hit && bytes.Equal(e.raw, raw) {
		if v, ok := e.val.(T); ok {
			return v, true, nil
		}
	}
	var v T
	if err := decode(raw, &v); err != nil {
		return zero, false, damagedRecord(bucket, uint64(id))
	}
	c.mu.Lock()
	if len(c.entries) >= decodeCacheMax {
		clear(c.entries)
	}
	c.entries[key] = cached{raw: bytes.Clone(raw), val: v}
	c.mu.Unlock()
	return v, true, nil
}

// summary returns an agreement's list summary, decoded once per distinct value.
func (c *decodeCache) summary(tx *bolt.Tx, id agreement.ID) (agreement.Summary, bool, error) {
	raw := tx.Bucket(schema.Agreements).Get(idKey(id))
	if raw == nil {
		return agreement.Summary{}, false, nil
	}
	js, _, ok := splitAgreementValue(raw)
	if !ok {
		_, err := summaryOf(raw)
		return agreement.Summary{}, false, err
	}
	key := "S" + string(idKey(id))
	c.mu.Lock()
	e, hit := c.entries[key]
	c.mu.Unlock()
	if hit && bytes.Equal(e.raw, js) {
		return e.val.(agreement.Summary), true, nil
	}
	sum, err := summaryOf(raw)
	if err != nil {
		return sum, false, err
	}
	c.mu.Lock()
	if len(c.entries) >= decodeCacheMax {
		clear(c.entries)
	}
	c.entries[key] = cached{raw: bytes.Clone(js), val: sum}
	c.mu.Unlock()
	return sum, true, nil
}

// staleKeys are "last change" index keys superseded by saves in this session,
// deleted together by sweep instead of one leaf write per save.
type staleKeys struct {
	mu   sync.Mutex
	keys [][]byte
}

// sweepEvery is how many superseded keys wait before a sweep.
const sweepEvery = 256

func (k *staleKeys) add(keys [][]byte) {
	k.mu.Lock()
	k.keys = append(k.keys, keys...)
	k.mu.Unlock()
}

func (k *staleKeys) take(min int) [][]byte {
	k.mu.Lock()
	defer k.mu.Unlock()
	if len(k.keys) < min || len(k.keys) == 0 {
		return nil
	}
	out := k.keys
	k.keys = nil
	return out
}

func (k *staleKeys) putBack(keys [][]byte) {
	k.mu.Lock()
	k.keys = append(keys, k.keys...)
	k.mu.Unlock()
}

// sweep deletes the superseded keys collected so far in one transaction.
func (s *Store) sweep() error {
	return s.sweepAtLeast(1)
}

func (s *Store) sweepAtLeast(min int) error {
	keys := s.stale.take(min)
	if keys == nil {
		return nil
	}
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(schema.IdxChanged)
		dir := s.dir(tx)
		for _, k := range keys {
			// A key is live again if its agreement was saved at that very instant.
			if sum, ok, err := dir.summary(keyID(k[8:])); err == nil && ok && bytes.Equal(k[:8], stamp(sum.Updated)) {
				continue
			}
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		s.stale.putBack(keys)
	}
	return err
}
