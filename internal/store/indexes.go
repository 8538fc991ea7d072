package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
	"sepakat/internal/service"
	"sepakat/internal/store/fts"
	"sepakat/internal/store/schema"
)

func summarize(dir txDir, a *agreement.Agreement) agreement.Summary {
	if a.ID == 0 {
		return agreement.Summarize(a, 0, dir.Party)
	}
	children, signed := family(dir.tx, a.ID) // family.go
	sum := agreement.Summarize(a, children, dir.Party)
	sum.End = a.EndAfter(signed)
	if a.EndsWithParent() {
		parent, siblings := parentOf(dir.tx, a.ParentID)
		sum.End = a.EndWithParent(parent, siblings)
	}
	return sum
}

type indexEntry struct {
	bucket []byte
	key    []byte
}

func containsEntry(list []indexEntry, e indexEntry) bool {
	for _, x := range list {
		if bytes.Equal(x.key, e.key) && bytes.Equal(x.bucket, e.bucket) {
			return true
		}
	}
	return false
}

func cat(parts ...[]byte) []byte {
	return bytes.Join(parts, nil)
}

func stamp(t time.Time) []byte { return u64(uint64(t.UnixNano())) }

// entries lists every index key of an agreement, from its summary.
func entries(sum *agreement.Summary) []indexEntry {
	id := idKey(sum.ID)
	out := []indexEntry{
		{schema.IdxChanged, cat(stamp(sum.Updated), id)},
		{schema.IdxStatus, cat([]byte(sum.Status), []byte{0}, id)},
		{schema.IdxKind, cat([]byte(sum.Kind), []byte{0}, id)},
		{schema.IdxYear, cat(year2(sum.Year), id)},
	}
	seen := map[agreement.ID]bool{}
	for _, p := range sum.Parties {
		if p.ID == 0 || seen[p.ID] {
			continue
		}
		seen[p.ID] = true
		out = append(out, indexEntry{schema.IdxParty, cat(idKey(p.ID), id)})
	}
	if !sum.End.IsZero() && sum.End.Valid() {
		out = append(out, indexEntry{schema.IdxEnd, cat(sum.End.Key(), id)})
		// The Beranda's ending list: an Adendum that ends with its parent is
		// in its parent's line (agreement.EndingNoticeOf).
		if sum.Status == agreement.StatusDitandatangani && !sum.EndsWithParent {
			out = append(out, indexEntry{schema.IdxSignedEnd, cat(sum.End.Key(), id)})
		}
	}
	if sum.ParentID != 0 {
		out = append(out, indexEntry{schema.IdxParent, cat(idKey(sum.ParentID), id)})
	}
	if agreement.MaySleep(*sum) {
		end := schema.NoEnd // no end: in force until ended
		if sum.End.Valid() {
			end = sum.End.Key()
		}
		out = append(out, indexEntry{schema.IdxQuiet, cat(sum.Signed.Key(), end, id)})
	}
	if sum.DPRDWaiting {
		out = append(out, indexEntry{schema.IdxTodo, cat([]byte{schema.TodoDPRD}, id)})
	}
	if sum.Status == agreement.StatusDitandatangani && !sum.CopiesDone && sum.Signed.Valid() {
		out = append(out, indexEntry{schema.IdxTodo, cat([]byte{schema.TodoCopies}, sum.Signed.Key(), id)})
	}
	if sum.Status == agreement.StatusDitandatangani && sum.MonevDue.Valid() {
		out = append(out, indexEntry{schema.IdxTodo, cat([]byte{schema.TodoMonev}, sum.MonevDue.Key(), id)})
	}
	if sum.SentToPartner.Valid() {
		out = append(out, indexEntry{schema.IdxTodo, cat([]byte{schema.TodoPartner}, sum.SentToPartner.Key(), id)})
	}
	out = append(out,
		indexEntry{schema.IdxSubject, cat(search.SortKey(sum.Subject), []byte{0}, id)},
		indexEntry{schema.IdxPartner, cat(search.SortKey(sum.Partners()), []byte{0}, id)},
		indexEntry{schema.IdxNumber, cat(search.SortKey(sum.OwnNumber), []byte{0}, id)})
	seenImpl := map[string]bool{}
	for _, im := range sum.Implementers {
		k := search.ImplementerKey(im)
		if len(k) > 0 && !seenImpl[string(k)] {
			seenImpl[string(k)] = true
			out = append(out, indexEntry{schema.IdxImpl, cat(k, []byte{0}, id)})
		}
	}
	return out
}

func year2(y int) []byte {
	b := make([]byte, 2)
	binary.BigEndian.PutUint16(b, uint16(max(0, min(y, 65535))))
	return b
}

// writeAgreement stores a new record a (an import), with its summary, its
// index entries, its own number (refused when another agreement of the office
// carries it) and its file references.
func writeAgreement(dir txDir, a *agreement.Agreement) error {
	if err := keepAgreement(dir, nil, a); err != nil { // kept.go
		return err
	}
	return rewriteAgreement(dir, a)
}

// rewriteAgreement stores a with its summary and index entries, as a rebuild
// does: what kept.go keeps is rebuilt on its own (rebuildKept).
func rewriteAgreement(dir txDir, a *agreement.Agreement) error {
	raw, err := encode(a)
	if err != nil {
		return err
	}
	return writeAgreementRaw(dir, a, nil, raw)
}

// writeAgreementRaw stores a already encoded, with its summary, and moves its index
// entries from those of the stored version (stale). Keys that stay the same are
// left alone, so a save touches as few pages as it can.
func writeAgreementRaw(dir txDir, a *agreement.Agreement, stale []indexEntry, raw []byte) error {
	tx := dir.tx
	sum := summarize(dir, a)
	fresh := entries(&sum)
	for _, e := range stale {
		if containsEntry(fresh, e) {
			continue
		}
		if bytes.Equal(e.bucket, schema.IdxChanged) {
			// The old "last change" key is left for a later sweep: lists skip it
			// because it no longer matches the summary, and a save writes one
			// leaf fewer.
			*dir.superseded = append(*dir.superseded, bytes.Clone(e.key))
			continue
		}
		if err := tx.Bucket(e.bucket).Delete(e.key); err != nil {
			return err
		}
	}
	for _, e := range fresh {
		if !containsEntry(stale, e) {
			if err := tx.Bucket(e.bucket).Put(e.key, nil); err != nil {
				return err
			}
		}
	}
	if err := countStatus(tx, stale, fresh); err != nil {
		return err
	}
	js, err := json.Marshal(&sum)
	if err != nil {
		return err
	}
	h := agreementHead{Rev: a.Rev, Created: a.Created, Status: a.Status, Keys: fresh}
	return tx.Bucket(schema.Agreements).Put(idKey(a.ID), agreementValue(&h, js, recordJSON(raw)))
}

// writeSummary refreshes the summary stored with an agreement (a party renamed),
// and the index keys that depend on party names (the partner sort order), which
// check found stale.
func writeSummary(dir txDir, a *agreement.Agreement) error {
	raw, err := encode(a)
	if err != nil {
		return err
	}
	h, _, _, ok := parseAgreementValue(dir.tx.Bucket(schema.Agreements).Get(idKey(a.ID)), true)
	if !ok {
		return fmt.Errorf("%w: perjanjian %d", service.ErrCorrupt, a.ID)
	}
	return writeAgreementRaw(dir, a, h.Keys, raw)
}

// rebuildIndexes empties and refills every derived bucket from the agreements.
func (s *Store) rebuildIndexes(ctx context.Context, tx *bolt.Tx) error {
	if err := s.rebuildListIndexes(ctx, tx); err != nil {
		return err
	}
	if err := rebuildKept(ctx, tx); err != nil { // kept.go
		return err
	}
	if tx.Bucket(schema.SearchTerms) == nil {
		return nil // a migration that comes before the full-text index
	}
	// The search index is rebuilt after, in batches (FinishRebuild).
	return s.fts.Begin(tx, s.docs(tx))
}

// refreshParents rewrites the summaries of the parents whose children
// changed, and of the Adenda that end with them (refreshHeirs).
func refreshParents(dir txDir, ids ...agreement.ID) error {
	for _, id := range ids {
		if id == 0 {
			continue
		}
		raw := dir.tx.Bucket(schema.Agreements).Get(idKey(id))
		if raw == nil {
			continue
		}
		h, _, _, ok := parseAgreementValue(raw, true)
		if !ok {
			return service.ErrCorrupt
		}
		var a agreement.Agreement
		if err := decode(raw, &a); err != nil {
			return err
		}
		rec, err := encode(&a)
		if err != nil {
			return err
		}
		// The stored keys are stale: the child count moves the MoU in or out of
		// the sleeping index.
		if err := writeAgreementRaw(dir, &a, h.Keys, rec); err != nil {
			return err
		}
		if err := refreshHeirs(dir, id); err != nil {
			return err
		}
	}
	return nil
}

// rebuildListIndexes rewrites every agreement's summary and list index keys, and
// counts them by status again. ctx is checked per agreement.
func (s *Store) rebuildListIndexes(ctx context.Context, tx *bolt.Tx) error {
	meta := tx.Bucket(schema.Meta)
	for _, st := range agreement.Statuses {
		if err := meta.Delete(countKey(st)); err != nil {
			return err
		}
	}
	for _, name := range schema.IndexBuckets {
		if err := tx.DeleteBucket(name); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
			return err
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	// Collect the keys first: rewriting values while iterating the same bucket is
	// not allowed. One agreement at a time is decoded and rewritten.
	var ids []agreement.ID
	err := tx.Bucket(schema.Agreements).ForEach(func(k, _ []byte) error {
		if len(k) == 8 {
			ids = append(ids, keyID(k))
		}
		return nil
	})
	if err != nil {
		return err
	}
	dir := s.dir(tx)
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		var a agreement.Agreement
		if err := decode(tx.Bucket(schema.Agreements).Get(idKey(id)), &a); err != nil {
			return err
		}
		if err := rewriteAgreement(dir, &a); err != nil {
			return err
		}
	}
	// A parent written before its children counted none: count them now.
	var parents []agreement.ID
	c := tx.Bucket(schema.IdxParent).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Seek(cat(k[:8], []byte{0xff})) {
		if len(k) == 16 {
			parents = append(parents, keyID(k[:8]))
		}
	}
	if err := refreshParents(dir, parents...); err != nil {
		return err
	}
	return meta.Put(schema.KeyStatusCounts, []byte{2})
}

// Reindex rebuilds the list summaries and indexes, then the search index, a
// batch of agreements per write transaction (listindex.go, rebuild.go), and
// compacts the file when more than a quarter of it is then free. A cancel
// before the work writes nothing; once the lists are begun they are finished;
// a cancel during the search index's rebuild leaves it recorded, resumed by
// FinishRebuild or the next open (search answers ErrRebuilding meanwhile).
func (s *Store) Reindex(ctx context.Context) error {
	if err := s.backupBefore(ctx, service.ReasonReindex); err != nil { // backup.go
		return err
	}
	s.background.Wait()
	// The list rebuild decodes every agreement; it writes their texts for
	// the search index's build, which would decode them all again.
	names, err := s.namesOf()
	if err != nil {
		return err
	}
	texts := newImportTexts(s.path+textsSuffix, names)
	defer texts.close()
	if err := s.rebuildListsBatched(ctx, texts); err != nil {
		return err
	}
	r := texts.reader()
	if reindexTexts != nil {
		reindexTexts(r != nil)
	}
	if r != nil {
		return s.finishRebuild(ctx, nil, func(tx *bolt.Tx) fts.Docs { return textDocs{s.docs(tx), r} })
	}
	return s.FinishRebuild(ctx, nil)
}

// reindexTexts, when set (tests), is told whether Reindex built the search
// index from the texts its list rebuild wrote.
var reindexTexts func(used bool)

func scope(q service.Query) (bucket, prefix, start []byte, reverse bool) {
	switch q.Order {
	case service.ByStatus:
		return schema.IdxStatus, cat([]byte(q.Status), []byte{0}), nil, true
	case service.ByKind:
		return schema.IdxKind, cat([]byte(q.Kind), []byte{0}), nil, true
	case service.ByParty:
		return schema.IdxParty, idKey(q.Party), nil, true
	case service.ByYear:
		return schema.IdxYear, year2(q.Year), nil, true
	case service.ByEnd:
		if !q.EndFrom.IsZero() {
			start = q.EndFrom.Key()
		}
		return schema.IdxEnd, nil, start, false
	case service.ByParent:
		return schema.IdxParent, idKey(q.Parent), nil, false
	}
	return schema.IdxChanged, nil, nil, true
}

// List returns one page of agreement summaries in the order of q.
func (s *Store) List(q service.Query) (service.Page, error) {
	if q.Limit <= 0 {
		q.Limit = 50
	}
	var page service.Page
	err := s.view(func(tx *bolt.Tx) error {
		bucket, prefix, start, reverse := scope(q)
		c := tx.Bucket(bucket).Cursor()
		agreements := tx.Bucket(schema.Agreements)
		var last []byte
		k := seek(c, prefix, start, q.After, reverse)
		for ; k != nil && bytes.HasPrefix(k, prefix); k = step(c, reverse) {
			if len(page.Items) == q.Limit {
				page.Next = last
				break
			}
			sum, err := summaryOf(agreements.Get(k[len(k)-8:]))
			if errors.Is(err, service.ErrCorrupt) {
				// One damaged agreement never blocks the list: named, left out.
				ref := service.RecordRef{Type: "agreement", ID: uint64(keyID(k[len(k)-8:]))}
				if !slices.Contains(page.Damaged, ref) {
					page.Damaged = append(page.Damaged, ref)
				}
				continue
			}
			if err != nil {
				return err
			}
			if q.Order == service.ByChanged && !bytes.Equal(k[:8], stamp(sum.Updated)) {
				continue // superseded by a later change
			}
			page.Items = append(page.Items, sum)
			last = append([]byte(nil), k...)
		}
		return nil
	})
	return page, err
}

func step(c *bolt.Cursor, reverse bool) []byte {
	var k []byte
	if reverse {
		k, _ = c.Prev()
	} else {
		k, _ = c.Next()
	}
	return k
}

// seek places the cursor on the first key of the page.
func seek(c *bolt.Cursor, prefix, start, after []byte, reverse bool) []byte {
	if after != nil {
		k, _ := c.Seek(after)
		switch {
		case k != nil && bytes.Equal(k, after):
			return step(c, reverse)
		case !reverse:
			return k
		case k == nil:
			k, _ = c.Last()
			return k
		}
		k, _ = c.Prev()
		return k
	}
	if !reverse {
		k, _ := c.Seek(cat(prefix, start))
		return k
	}
	if len(prefix) == 0 {
		k, _ := c.Last()
		return k
	}
	// The last key with this prefix sits just before the first key past it.
	if k, _ := c.Seek(prefixEnd(prefix)); k != nil {
		k, _ = c.Prev()
		return k
	}
	k, _ := c.Last()
	return k
}

func prefixEnd(p []byte) []byte {
	end := append([]byte(nil), p...)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// Counts returns how many agreements have each stored status, from the
// counters every write keeps beside the status index.
func (s *Store) Counts() (map[agreement.Status]int, error) {
	counts := map[agreement.Status]int{}
	err := s.view(func(tx *bolt.Tx) error {
		meta := tx.Bucket(schema.Meta)
		for _, st := range agreement.Statuses {
			counts[st] = int(getCounter(meta, countKey(st)))
		}
		return nil
	})
	return counts, err
}

// Total returns the number of agreements.
func (s *Store) Total() (int, error) {
	counts, err := s.Counts()
	n := 0
	for _, c := range counts {
		n += c
	}
	return n, err
}

// countKey is the meta key counting agreements of a status.
func countKey(st agreement.Status) []byte { return schema.CountKey(string(st)) }

// statusIn finds the status among index entries.
func statusIn(list []indexEntry) (agreement.Status, bool) {
	for _, e := range list {
		if bytes.Equal(e.bucket, schema.IdxStatus) {
			if i := bytes.IndexByte(e.key, 0); i > 0 {
				return agreement.Status(e.key[:i]), true
			}
		}
	}
	return "", false
}

// countStatus moves an agreement's count from its stored status to its new one.
func countStatus(tx *bolt.Tx, stale, fresh []indexEntry) error {
	was, hadOld := statusIn(stale)
	now, _ := statusIn(fresh)
	if hadOld && was == now {
		return nil
	}
	meta := tx.Bucket(schema.Meta)
	if hadOld {
		if err := addCounter(meta, countKey(was), -1); err != nil {
			return err
		}
	}
	return addCounter(meta, countKey(now), 1)
}
