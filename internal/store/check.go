package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// What Check can find, in both languages.
var (
	chkPages       = i18n.Text{ID: "struktur berkas rusak; pemeriksaan lain dihentikan. Pulihkan dari cadangan atau jalankan penyelamatan data.", EN: "the file's structure is damaged; the other checks were stopped. Restore from a backup or run the salvage."}
	chkUnreadable  = i18n.Text{ID: "tidak dapat dibaca (data rusak)", EN: "cannot be read (damaged)"}
	chkEntryGone   = i18n.Text{ID: "entri di indeks daftar hilang; jalankan reindex", EN: "an entry in the list index is missing; run reindex"}
	chkEntryStray  = i18n.Text{ID: "entri indeks daftar menunjuk perjanjian yang tidak ada; jalankan reindex", EN: "a list index entry points at an agreement that does not exist; run reindex"}
	chkNotIndexed  = i18n.Text{ID: "tidak ada di indeks pencarian; jalankan reindex", EN: "not in the search index; run reindex"}
	chkSearchStay  = i18n.Text{ID: "indeks pencarian memuat perjanjian yang tidak ada; jalankan reindex", EN: "the search index holds an agreement that does not exist; run reindex"}
	chkCount       = i18n.Text{ID: "jumlah perjanjian berstatus %s tercatat %d, terhitung %d; jalankan reindex", EN: "%s agreements recorded as %d, counted %d; run reindex"}
	chkHash        = i18n.Text{ID: "isi berkas tidak cocok dengan sidik SHA-256-nya (rusak)", EN: "the content does not match its SHA-256 (damaged)"}
	chkCounter     = i18n.Text{ID: "nomor urut %d melampaui penghitungnya (%d); nomor itu dapat terbit lagi", EN: "running number %d is past its counter (%d); it could be handed out again"}
	chkNumberTwice = i18n.Text{ID: "nomor %q juga dipakai perjanjian %d dari instansi yang sama; ubah salah satunya", EN: "number %q is also carried by agreement %d of the same office; change one of them"}
	chkKeptStray   = i18n.Text{ID: "catatan nomor atau rujukan lampiran tidak cocok dengan datanya; jalankan reindex", EN: "a recorded number or attachment reference does not match its record; run reindex"}
	chkKeptGone    = i18n.Text{ID: "nomor atau rujukan lampirannya tidak tercatat; jalankan reindex", EN: "its number or attachment references are not recorded; run reindex"}
	chkFileGone    = i18n.Text{ID: "merujuk berkas lampiran %s yang tidak tersimpan", EN: "refers to stored file %s, which is missing"}
)

// Check reads every record of the file and returns a *service.CheckError with
// every problem found, by record: pages that do not read, records that do not
// decode, list-index entries against records and records against entries, the
// search index against the agreements, the status counters, and stored files
// against their hashes and references. It waits for a background merge first;
// ctx is checked between records.
func (s *Store) Check(ctx context.Context) error {
	s.background.Wait()
	var rep service.CheckReport
	add := func(ref service.RecordRef, t i18n.Text) {
		rep.Problems = append(rep.Problems, service.CheckProblem{Record: ref, Text: t})
	}
	err := s.view(func(tx *bolt.Tx) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		defer shedWhile(tx)() // it reads every page
		if err := metaPagesSound(tx, s.path); err != nil {
			add(service.RecordRef{Type: "page"}, chkPages)
			return nil
		}
		if err := walkAll(tx); err != nil {
			add(service.RecordRef{Type: "page"}, chkPages)
			return nil
		}
		if err := s.checkRecords(ctx, tx, &rep, add); err != nil {
			return err
		}
		return checkChains(ctx, tx, add)
	})
	if err != nil {
		return err
	}
	if len(rep.Problems) > 0 {
		return &service.CheckError{Report: rep}
	}
	return nil
}

func (s *Store) checkRecords(ctx context.Context, tx *bolt.Tx, rep *service.CheckReport, add func(service.RecordRef, i18n.Text)) error {
	agreements := map[uint64]bool{}
	refs := map[string]service.RecordRef{}
	numbers := map[string]uint64{} // own number key → the first agreement carrying it
	kept := map[string]bool{}      // the OwnNumbers and FileRefs keys the records call for
	// While the search index is rebuilt (rebuild.go) it is incomplete by design.
	building := tx.Bucket(schema.Meta).Get(schema.KeySearchBuild) != nil
	c := tx.Bucket(schema.Agreements).Cursor()
	for k, raw := c.First(); k != nil; k, raw = c.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		rep.Records++
		if len(k) == 16 { // a history entry beside its agreement
			var e dataset.HistoryEntry
			if decode(raw, &e) != nil {
				add(service.RecordRef{Type: "history", ID: uint64(keyID(k[:8]))}, chkUnreadable)
			}
			continue
		}
		id := uint64(keyID(k))
		ref := service.RecordRef{Type: "agreement", ID: id}
		agreements[id] = true
		h, _, _, ok := parseAgreementValue(raw, true)
		var a agreement.Agreement
		if !ok || decode(raw, &a) != nil {
			add(ref, chkUnreadable)
			continue
		}
		for _, e := range h.Keys {
			if tx.Bucket(e.bucket).Get(e.key) == nil {
				add(ref, chkEntryGone)
				break
			}
		}
		for _, at := range a.Attachments {
			refs[at.File.SHA256] = ref
		}
		// Own numbers are unique per office (kept.go), and recorded with the
		// file references.
		if office, key, _ := service.OwnNumber(&a); key != "" {
			nk := string(schema.OwnNumberKey(uint64(office), key, 0))
			if first, ok := numbers[nk]; ok {
				add(ref, i18n.Text{ID: fmtText(chkNumberTwice.ID, a.OwnNumber(), first), EN: fmtText(chkNumberTwice.EN, a.OwnNumber(), first)})
			} else {
				numbers[nk] = id
			}
			k := schema.OwnNumberKey(uint64(office), key, id)
			kept[string(k)] = true
			if tx.Bucket(schema.OwnNumbers).Get(k) == nil {
				add(ref, chkKeptGone)
			}
		}
		gone := false
		for _, sha := range attachmentFiles(&a) {
			k := schema.FileRefKey(sha, schema.RecordTag["agreement"], id)
			kept[string(k)] = true
			if !gone && tx.Bucket(schema.FileRefs).Get(k) == nil {
				add(ref, chkKeptGone)
				gone = true
			}
		}
		if !building && tx.Bucket(schema.SearchDocs).Get(k) == nil && tx.Bucket(schema.SearchDelta).Get(k) == nil {
			add(ref, chkNotIndexed)
		}
	}
	for _, name := range schema.IndexBuckets {
		c := tx.Bucket(name).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if len(k) < 8 {
				add(service.RecordRef{Type: "index", Key: string(name)}, chkEntryStray)
				continue
			}
			if id := uint64(keyID(k[len(k)-8:])); !agreements[id] {
				add(service.RecordRef{Type: "agreement", ID: id}, chkEntryStray)
			}
		}
	}
	c = tx.Bucket(schema.SearchDocs).Cursor()
	for k, _ := c.First(); k != nil && !building; k, _ = c.Next() {
		if len(k) != 8 || !agreements[uint64(keyID(k))] {
			add(service.RecordRef{Type: "search", Key: hex.EncodeToString(k)}, chkSearchStay)
		}
	}
	for _, b := range []struct {
		bucket []byte
		typ    string
	}{{schema.Parties, "party"}, {schema.Officials, "official"}, {schema.Mandates, "mandate"}} {
		c := tx.Bucket(b.bucket).Cursor()
		for k, raw := c.First(); k != nil; k, raw = c.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			rep.Records++
			ref := service.RecordRef{Type: b.typ, ID: uint64(keyID(k))}
			if b.typ == "party" {
				var p agreement.Party
				if decode(raw, &p) != nil {
					add(ref, chkUnreadable)
				} else if p.Lambang != nil {
					refs[p.Lambang.SHA256] = ref
					k := schema.FileRefKey(p.Lambang.SHA256, schema.RecordTag["party"], ref.ID)
					kept[string(k)] = true
					if tx.Bucket(schema.FileRefs).Get(k) == nil {
						add(ref, chkKeptGone)
					}
				}
				continue
			}
			var v map[string]any
			if decode(raw, &v) != nil {
				add(ref, chkUnreadable)
			}
		}
	}
	c = tx.Bucket(schema.History).Cursor()
	for k, raw := c.First(); k != nil; k, raw = c.Next() {
		rep.Records++
		var e dataset.HistoryEntry
		if decode(raw, &e) != nil {
			id := uint64(0)
			if len(k) >= 9 {
				id = uint64(keyID(k[1:9]))
			}
			add(service.RecordRef{Type: "history", ID: id}, chkUnreadable)
		}
	}
	stored := map[string]bool{}
	c = tx.Bucket(schema.Files).Cursor()
	for k, raw := c.First(); k != nil; k, raw = c.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		rep.Records++
		ref := service.RecordRef{Type: "file", Key: string(k)}
		stored[string(k)] = true
		var f dataset.File
		if decode(raw, &f) != nil {
			add(ref, chkUnreadable)
			continue
		}
		if sum := sha256.Sum256(f.Data); !bytes.Equal([]byte(hex.EncodeToString(sum[:])), k) {
			add(ref, chkHash)
		}
		if _, ok := refs[string(k)]; !ok {
			rep.UnreferencedBlobs++
		}
	}
	for sha, ref := range refs {
		if !stored[sha] {
			add(ref, i18n.Text{ID: fmtText(chkFileGone.ID, sha), EN: fmtText(chkFileGone.EN, sha)})
		}
	}
	// Recorded numbers and references without the record that calls for them
	// keep a number taken or a file from being swept.
	for _, name := range schema.BucketsV7 {
		c := tx.Bucket(name).Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			if !kept[string(k)] {
				add(service.RecordRef{Type: "index", Key: string(name)}, chkKeptStray)
				break
			}
		}
	}
	// Every issued number's running number is at most its counter: otherwise
	// the counter would hand it out again.
	counters := tx.Bucket(schema.Counters)
	c = tx.Bucket(schema.Numbers).Cursor()
	for k, raw := c.First(); k != nil; k, raw = c.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		rep.Records++
		ref := service.RecordRef{Type: "number", Key: string(k)}
		var n dataset.IssuedNumber
		if decode(raw, &n) != nil {
			add(ref, chkUnreadable)
			continue
		}
		last := uint64(0)
		if v := counters.Get([]byte(agreement.CounterKey(n.Office, n.Kind, n.Year))); len(v) == 8 {
			last = uint64(keyID(v))
		}
		if n.Seq > last {
			add(ref, i18n.Text{ID: fmtText(chkCounter.ID, n.Seq, last), EN: fmtText(chkCounter.EN, n.Seq, last)})
		}
	}
	meta := tx.Bucket(schema.Meta)
	for _, st := range agreement.Statuses {
		n := len(indexIDs(tx, schema.IdxStatus, cat([]byte(st), []byte{0})))
		if got := getCounter(meta, countKey(st)); got != uint64(n) {
			add(service.RecordRef{Type: "counter", Key: string(st)},
				i18n.Text{ID: fmtText(chkCount.ID, st, got, n), EN: fmtText(chkCount.EN, st, got, n)})
		}
	}
	return nil
}

func fmtText(f string, args ...any) string { return fmt.Sprintf(f, args...) }
