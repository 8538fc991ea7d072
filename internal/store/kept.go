package store

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"sync"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// What every write of an agreement or a party keeps besides the record (schema
// 7): own numbers unique per office (schema.OwnNumbers), and a reference entry
// per record and stored file (schema.FileRefs), so that a file enters the data
// file with the save that refers to it and leaves it with the save that drops
// the last reference.

// stagedFiles holds the files PutFile received that no save has written yet,
// each at most service.MaxFileSize; they are dropped on Close.
type stagedFiles struct {
	mu    sync.Mutex
	files map[string]dataset.File
}

func (f *stagedFiles) put(file dataset.File) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.files == nil {
		f.files = map[string]dataset.File{}
	}
	f.files[file.SHA256] = file
}

func (f *stagedFiles) get(sha string) (dataset.File, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	file, ok := f.files[sha]
	return file, ok
}

// forget drops files a committed save has written into the data file.
func (f *stagedFiles) forget(shas []string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, sha := range shas {
		delete(f.files, sha)
	}
}

func (f *stagedFiles) drop() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.files = nil
}

// attachmentFiles lists the stored files an agreement refers to, once each.
func attachmentFiles(a *agreement.Agreement) []string {
	if a == nil {
		return nil
	}
	var out []string
	for _, at := range a.Attachments {
		if sha := at.File.SHA256; sha != "" && !slices.Contains(out, sha) {
			out = append(out, sha)
		}
	}
	return out
}

// lambangFiles lists the stored file a party refers to.
func lambangFiles(p *agreement.Party) []string {
	if p == nil || p.Lambang == nil || p.Lambang.SHA256 == "" {
		return nil
	}
	return []string{p.Lambang.SHA256}
}

// keepAgreement moves an agreement's own number and file references from those
// of its stored version prev (nil for a new one) to next's, in the save's
// transaction. A number another agreement of the same office carries is
// refused (service.NumberTaken) when the save gives it; staged files next
// refers to are written; files no record refers to any more are swept.
func keepAgreement(dir txDir, prev, next *agreement.Agreement) error {
	if err := keepNumber(dir, prev, next); err != nil {
		return err
	}
	return moveRefs(dir, schema.RecordTag["agreement"], next.ID, attachmentFiles(prev), attachmentFiles(next))
}

// keepParty moves a party's lambang reference.
func keepParty(dir txDir, prev, next *agreement.Party) error {
	return moveRefs(dir, schema.RecordTag["party"], next.ID, lambangFiles(prev), lambangFiles(next))
}

func keepNumber(dir txDir, prev, next *agreement.Agreement) error {
	b := dir.tx.Bucket(schema.OwnNumbers)
	office, key, _ := service.OwnNumber(next)
	if service.NumberChanged(prev, next) && key != "" {
		if other, ok := carrier(dir.tx, office, key, next.ID); ok {
			sum, _, _ := dir.summary(other)
			sum.ID = other
			return service.NumberTaken(next, sum)
		}
	}
	if prev != nil {
		if po, pk, _ := service.OwnNumber(prev); pk != "" {
			if err := b.Delete(schema.OwnNumberKey(uint64(po), pk, uint64(next.ID))); err != nil {
				return err
			}
		}
	}
	if key == "" {
		return nil
	}
	return b.Put(schema.OwnNumberKey(uint64(office), key, uint64(next.ID)), nil)
}

// carrier is an agreement other than self carrying number key for office.
func carrier(tx *bolt.Tx, office agreement.ID, key string, self agreement.ID) (agreement.ID, bool) {
	prefix := schema.OwnNumberKey(uint64(office), key, 0)
	prefix = prefix[:len(prefix)-8]
	c := tx.Bucket(schema.OwnNumbers).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(k) == len(prefix)+8; k, _ = c.Next() {
		if id := keyID(k[len(prefix):]); id != self {
			return id, true
		}
	}
	return 0, false
}

// moveRefs replaces the references of record (tag, id) to the files old with
// references to the files fresh: a staged file newly referred to is written,
// a file left without any reference is deleted.
func moveRefs(dir txDir, tag byte, id agreement.ID, old, fresh []string) error {
	return moveRefsTx(dir.tx, &dir.store.staged, tag, id, old, fresh)
}

// moveRefsTx is moveRefs in tx, with the files staged (nil: none).
func moveRefsTx(tx *bolt.Tx, staged *stagedFiles, tag byte, id agreement.ID, old, fresh []string) error {
	refs, files := tx.Bucket(schema.FileRefs), tx.Bucket(schema.Files)
	for _, sha := range fresh {
		if slices.Contains(old, sha) {
			continue
		}
		if err := refs.Put(schema.FileRefKey(sha, tag, uint64(id)), nil); err != nil {
			return err
		}
		if files.Get([]byte(sha)) != nil {
			continue
		}
		// Not in the file yet: a file staged by PutFile, or one an import
		// writes after its records.
		if staged == nil {
			continue
		}
		if f, ok := staged.get(sha); ok {
			if err := storeFile(tx, f); err != nil {
				return err
			}
		}
	}
	for _, sha := range old {
		if slices.Contains(fresh, sha) {
			continue
		}
		if err := refs.Delete(schema.FileRefKey(sha, tag, uint64(id))); err != nil {
			return err
		}
		if !referenced(tx, sha) {
			if err := files.Delete([]byte(sha)); err != nil {
				return err
			}
		}
	}
	return nil
}

// referenced reports whether any record refers to stored file sha.
func referenced(tx *bolt.Tx, sha string) bool {
	prefix := append([]byte(sha), 0)
	k, _ := tx.Bucket(schema.FileRefs).Cursor().Seek(prefix)
	return k != nil && bytes.HasPrefix(k, prefix)
}

// attachmentsKey is how an agreement's JSON names its attachments; a document
// without it has none (the field is omitted when empty), and a string value
// cannot hold it unescaped.
var attachmentsKey = []byte(`"attachments":`)

// rebuildKept empties and refills the own numbers and file references from the
// agreements and parties (a migration to schema 7, a reindex, a salvage). Two
// agreements that share a number are both entered; check names them.
func rebuildKept(ctx context.Context, tx *bolt.Tx) error {
	for _, name := range schema.BucketsV7 {
		if err := tx.DeleteBucket(name); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
			return err
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	numbers, refs := tx.Bucket(schema.OwnNumbers), tx.Bucket(schema.FileRefs)
	aTag, pTag := schema.RecordTag["agreement"], schema.RecordTag["party"]
	c := tx.Bucket(schema.Agreements).Cursor()
	for k, raw := c.First(); k != nil; k, raw = c.Next() {
		if len(k) != 8 {
			continue // history beside the agreement
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		sum, err := summaryOf(raw)
		if err != nil {
			continue // damaged: check and salvage name it
		}
		var a agreement.Agreement
		for _, p := range sum.Parties {
			if p.Own {
				a.Parties = []agreement.AgreementParty{{PartyID: p.ID, Own: true, Number: sum.OwnNumber}}
				break
			}
		}
		if office, key, _ := service.OwnNumber(&a); key != "" {
			if err := numbers.Put(schema.OwnNumberKey(uint64(office), key, uint64(keyID(k))), nil); err != nil {
				return err
			}
		}
		if _, rec, ok := splitAgreementValue(raw); !ok || !bytes.Contains(rec, attachmentsKey) {
			continue
		}
		if decode(raw, &a) != nil {
			continue
		}
		for _, sha := range attachmentFiles(&a) {
			if err := refs.Put(schema.FileRefKey(sha, aTag, uint64(keyID(k))), nil); err != nil {
				return err
			}
		}
	}
	c = tx.Bucket(schema.Parties).Cursor()
	for k, raw := c.First(); k != nil; k, raw = c.Next() {
		var p agreement.Party
		if len(k) != 8 || decode(raw, &p) != nil {
			continue
		}
		for _, sha := range lambangFiles(&p) {
			if err := refs.Put(schema.FileRefKey(sha, pTag, uint64(keyID(k))), nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// migrateV6toV7 builds the own numbers and file references of a schema 6 file.
func migrateV6toV7(_ *Store, tx *bolt.Tx) error { return rebuildKept(context.Background(), tx) }
