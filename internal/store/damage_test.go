package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sepakat/internal/agreement"
	"sepakat/internal/service/servicetest"
	"sepakat/internal/store/schema"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/i18n"
	"sepakat/internal/service"
)

// damaged is one way of damaging a copy of a data file.
type damaged struct {
	name string
	fn   func(b []byte) []byte
}

// damageKinds is the damage matrix: truncation, a zeroed first page, single and
// multi-byte flips, an empty file, and another kind of file under the name.
func damageKinds(flips int, seed uint64) []damaged {
	r := rand.New(rand.NewPCG(seed, 1))
	kinds := []damaged{
		{"truncate-half", func(b []byte) []byte { return b[:len(b)/2] }},
		{"truncate-4KiB", func(b []byte) []byte { return b[:min(len(b), 4096)] }},
		{"zero-first-page", func(b []byte) []byte { clear(b[:min(len(b), 4096)]); return b }},
		{"zero-bytes", func([]byte) []byte { return nil }},
		{"pdf-renamed", func([]byte) []byte { return []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n") }},
	}
	for i := range flips {
		at := r.IntN(1 << 30)
		kinds = append(kinds, damaged{"flip-1", func(b []byte) []byte { b[at%len(b)] ^= 0xFF; return b }})
		n, at2 := 2+r.IntN(64), r.IntN(1<<30)
		vals := make([]byte, n)
		for j := range vals {
			vals[j] = byte(r.Uint32())
		}
		_ = i
		kinds = append(kinds, damaged{"flip-multi", func(b []byte) []byte {
			for j, v := range vals {
				b[(at2+j*97)%len(b)] ^= v | 1
			}
			return b
		}})
	}
	return kinds
}

// probeDamaged opens a damaged copy and uses it as the programs do. Any panic
// fails the test; every error must be one with words.
func probeDamaged(t *testing.T, path string) (opened bool) {
	t.Helper()
	s, err := Open(path, Options{User: "staf1"})
	if err != nil {
		if errors.Is(err, service.ErrAlreadyOpen) {
			t.Errorf("open: %v", err)
		}
		if !service.Known(err) {
			t.Errorf("open: %v has no words", err)
		}
		return false
	}
	defer s.Close()
	ctx := context.Background()
	for name, err := range map[string]error{
		"check":   s.Check(ctx),
		"export":  func() error { _, err := s.Export(ctx); return err }(),
		"list":    func() error { _, err := s.List(service.Query{Limit: 50}); return err }(),
		"parties": func() error { _, err := s.Parties(); return err }(),
	} {
		if err != nil && !service.Known(err) {
			t.Errorf("%s: %v has no words: %q", name, err, service.Message(err, i18n.ID))
		}
	}
	return true
}

func TestDamagedFilesNeverPanic(t *testing.T) {
	src, path := openTemp(t)
	mustSave(t, src.LoadExamples())
	src.Close()
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	kinds := damageKinds(100, damageSeed())
	opened := 0
	for i, d := range kinds {
		p := filepath.Join(dir, fmt.Sprintf("%s-%d.db", d.name, i))
		if err := os.WriteFile(p, d.fn(append([]byte(nil), orig...)), 0o600); err != nil {
			t.Fatal(err)
		}
		if probeDamaged(t, p) {
			opened++
		}
	}
	t.Logf("%d of %d damaged copies opened", opened, len(kinds))
}

func TestEmptyOrForeignFileRefusedUnchanged(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string][]byte{
		"empty.db":   nil,
		"laporan.db": []byte("%PDF-1.4\n%%EOF\n"),
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, content, 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := Open(p, Options{})
		if !errors.Is(err, service.ErrNotSepakat) {
			t.Fatalf("%s: %v, want ErrNotSepakat", name, err)
		}
		if got := service.Explain(err, i18n.ID).Message; got != "Berkas ini bukan berkas data Sepakat, atau kosong. Berkas itu tidak diubah. Pilih berkas data yang benar atau pulihkan dari cadangan." {
			t.Errorf("%s: message %q", name, got)
		}
		after, _ := os.ReadFile(p)
		if string(after) != string(content) {
			t.Errorf("%s changed: %d bytes, was %d", name, len(after), len(content))
		}
	}
}

// damageSeed is SEPAKAT_DAMAGE_SEED, or 1: the campaign runs other seeds.
func damageSeed() uint64 {
	if v, err := strconv.ParseUint(os.Getenv("SEPAKAT_DAMAGE_SEED"), 10, 64); err == nil {
		return v
	}
	return 1
}

func TestCheckNamesEachDamagedRecord(t *testing.T) {
	s, _ := openTemp(t)
	mustSave(t, s.LoadExamples())
	parties, err := s.Parties()
	mustSave(t, err)
	// One party's stored value damaged, and one partner-order index entry dropped.
	mustSave(t, s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(schema.Parties).Put(idKey(parties[0].ID), []byte("\x01{rusak"))
	}))
	mustSave(t, s.db.Update(func(tx *bolt.Tx) error {
		c := tx.Bucket(schema.IdxPartner).Cursor()
		k, _ := c.First()
		return tx.Bucket(schema.IdxPartner).Delete(bytes.Clone(k))
	}))
	err = s.Check(context.Background())
	var ce *service.CheckError
	if !errors.As(err, &ce) || !errors.Is(err, service.ErrCorrupt) {
		t.Fatalf("check: %v, want a *service.CheckError", err)
	}
	var lines []string
	for _, p := range ce.Report.Problems {
		lines = append(lines, p.In(i18n.ID))
	}
	want := []string{
		fmt.Sprintf("instansi %d: tidak dapat dibaca (data rusak)", parties[0].ID),
	}
	for _, w := range want {
		if !slices.Contains(lines, w) {
			t.Errorf("report %q lacks %q", lines, w)
		}
	}
	if !slices.ContainsFunc(lines, func(l string) bool {
		return strings.HasPrefix(l, "perjanjian ") && strings.HasSuffix(l, ": entri di indeks daftar hilang; jalankan reindex")
	}) {
		t.Errorf("report %q lacks the missing index entry", lines)
	}
	if msg := service.Message(err, i18n.ID); !strings.HasPrefix(msg, fmt.Sprintf("Pemeriksaan menemukan %d masalah", len(lines))) {
		t.Errorf("message %q", msg)
	}
	// Reindex repairs the index; the damaged party stays reported.
	mustSave(t, s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(schema.Parties).Put(idKey(parties[0].ID), mustEncode(t, parties[0]))
	}))
	mustSave(t, s.Reindex(context.Background()))
	mustSave(t, s.Check(context.Background()))
}

func mustEncode(t *testing.T, v any) []byte {
	t.Helper()
	raw, err := encode(v)
	mustSave(t, err)
	return raw
}

// TestChecksumCatchesOneChangedByte: one digit of a stored number changed in the
// file itself is damage to that agreement, never its data; the others still read.
func TestChecksumCatchesOneChangedByte(t *testing.T) {
	s, path := openTemp(t)
	mustSave(t, s.LoadExamples())
	page, err := s.List(service.Query{})
	mustSave(t, err)
	var target agreement.Agreement
	number := ""
	for _, it := range page.Items {
		a, _ := s.Agreement(it.ID)
		for _, p := range a.Parties {
			if p.Number != "" && p.Number[0] >= '0' && p.Number[0] <= '9' && number == "" {
				target, number = a, p.Number
			}
		}
	}
	if number == "" {
		t.Fatal("no numbered example")
	}
	s.Close()
	raw, err := os.ReadFile(path)
	mustSave(t, err)
	needle := []byte(`"number":"` + number)
	at := bytes.Index(raw, needle)
	if at < 0 {
		t.Fatalf("%s not found in the file", needle)
	}
	digit := at + len(`"number":"`)
	raw[digit] = '0' + (raw[digit]-'0'+1)%10
	mustSave(t, os.WriteFile(path, raw, 0o600))

	s2, err := Open(path, Options{User: "staf1"})
	mustSave(t, err)
	defer s2.Close()
	_, err = s2.Agreement(target.ID)
	var de *service.RecordDamageError
	if !errors.As(err, &de) || de.Record != (service.RecordRef{Type: "agreement", ID: uint64(target.ID)}) {
		t.Fatalf("reading the changed agreement: %v, want a RecordDamageError naming it", err)
	}
	if msg := service.Message(err, i18n.ID); !strings.Contains(msg, fmt.Sprintf("perjanjian %d", target.ID)) {
		t.Errorf("message %q", msg)
	}
	var ce *service.CheckError
	if err := s2.Check(context.Background()); !errors.As(err, &ce) {
		t.Fatalf("check: %v", err)
	}
	for _, it := range page.Items {
		if it.ID != target.ID {
			if _, err := s2.Agreement(it.ID); err != nil {
				t.Errorf("agreement %d: %v", it.ID, err)
			}
		}
	}
}

// TestMigrateV5ToV6SealsEveryRecord: a schema-5 file (values without checksums)
// opens, is copied aside, and comes out with every record sealed and checked.
func TestMigrateV5ToV6SealsEveryRecord(t *testing.T) {
	s, path := openTemp(t)
	mustSave(t, s.LoadExamples())
	before, err := s.Export(context.Background())
	mustSave(t, err)
	// Back to schema 5: every value unsealed.
	legacy := 0
	mustSave(t, s.db.Update(func(tx *bolt.Tx) error {
		for _, name := range sealedBuckets {
			b := tx.Bucket(name)
			var keys, vals [][]byte
			b.ForEach(func(k, v []byte) error {
				enc, body, ok := unseal(v)
				if !ok {
					t.Fatalf("%s %x does not unseal", name, k)
				}
				keys, vals = append(keys, bytes.Clone(k)), append(vals, append([]byte{enc}, body...))
				return nil
			})
			for i := range keys {
				legacy++
				if err := b.Put(keys[i], vals[i]); err != nil {
					return err
				}
			}
		}
		return putVersion(tx.Bucket(schema.Meta), 5)
	}))
	s.Close()
	if legacy < 10 {
		t.Fatalf("only %d values unsealed", legacy)
	}
	s2 := openAt(t, path)
	if s2.Migrated == "" {
		t.Fatal("no copy made before the migration")
	}
	if v, _ := s2.SchemaVersionOnDisk(); v != SchemaVersion {
		t.Fatalf("schema %d after migration", v)
	}
	mustSave(t, s2.view(func(tx *bolt.Tx) error {
		for _, name := range sealedBuckets {
			tx.Bucket(name).ForEach(func(k, v []byte) error {
				if _, _, ok := unseal(v); !ok || v[0]&encodingSealed == 0 {
					t.Errorf("%s %x not sealed after migration", name, k)
				}
				return nil
			})
		}
		return nil
	}))
	after, err := s2.Export(context.Background())
	mustSave(t, err)
	if len(after.Agreements) != len(before.Agreements) || len(after.Parties) != len(before.Parties) || len(after.History) != len(before.History) {
		t.Errorf("export after migration: %d agreements, %d parties, %d history; before %d, %d, %d",
			len(after.Agreements), len(after.Parties), len(after.History), len(before.Agreements), len(before.Parties), len(before.History))
	}
	// Outside a migration, a value without a checksum is damage.
	mustSave(t, s2.db.Update(func(tx *bolt.Tx) error {
		v := tx.Bucket(schema.Parties).Get(idKey(1))
		enc, body, _ := unseal(v)
		return tx.Bucket(schema.Parties).Put(idKey(1), append([]byte{enc}, body...))
	}))
	var de *service.RecordDamageError
	if _, err := s2.Party(1); !errors.As(err, &de) {
		t.Errorf("an unsealed party read as %v", err)
	}
	mustSave(t, s2.db.Update(func(tx *bolt.Tx) error {
		v := tx.Bucket(schema.Parties).Get(idKey(1))
		return tx.Bucket(schema.Parties).Put(idKey(1), seal(bytes.Clone(v)))
	}))
}

// TestSalvageCopiesEveryReadableRecord: one party and one agreement damaged;
// salvage copies the rest into a new file that passes check, with its indexes
// and search rebuilt, and names the two it left behind.
func TestSalvageCopiesEveryReadableRecord(t *testing.T) {
	s, path := openTemp(t)
	mustSave(t, s.LoadExamples())
	before, err := s.Export(context.Background())
	mustSave(t, err)
	party, victim := before.Parties[len(before.Parties)-1].ID, before.Agreements[0].ID
	for _, d := range []struct {
		bucket []byte
		id     agreement.ID
	}{{schema.Parties, party}, {schema.Agreements, victim}} {
		mustSave(t, s.db.Update(func(tx *bolt.Tx) error {
			v := bytes.Clone(tx.Bucket(d.bucket).Get(idKey(d.id)))
			v[len(v)-3] ^= 0x20
			return tx.Bucket(d.bucket).Put(idKey(d.id), v)
		}))
	}
	out := filepath.Join(t.TempDir(), "selamat.db")
	rep, err := s.Salvage(context.Background(), out)
	mustSave(t, err)
	// The directory is copied before the agreements.
	want := []service.RecordRef{{Type: "party", ID: uint64(party)}, {Type: "agreement", ID: uint64(victim)}}
	if !slices.Equal(rep.Damaged, want) {
		t.Errorf("damaged %+v, want %+v", rep.Damaged, want)
	}
	if _, err := os.Stat(out + ".part"); !os.IsNotExist(err) {
		t.Errorf("the part file is left: %v", err)
	}
	s.Close()
	_ = path
	got := openAt(t, out) // checked on cleanup
	after, err := got.Export(context.Background())
	mustSave(t, err)
	if len(after.Agreements) != len(before.Agreements)-1 || len(after.Parties) != len(before.Parties)-1 || len(after.Files) != len(before.Files) {
		t.Errorf("salvaged %d agreements, %d parties, %d files; had %d, %d, %d", len(after.Agreements), len(after.Parties), len(after.Files),
			len(before.Agreements), len(before.Parties), len(before.Files))
	}
	if rep.Copied < len(after.Agreements)+len(after.Parties)+len(after.History) {
		t.Errorf("copied %d", rep.Copied)
	}
	if page, err := got.List(service.Query{}); err != nil || len(page.Items) != len(after.Agreements) {
		t.Errorf("list of the salvaged file: %d, %v", len(page.Items), err)
	}
	if _, err := got.Agreement(victim); !errors.Is(err, service.ErrNotFound) {
		t.Errorf("the damaged agreement: %v", err)
	}
	// A salvage never overwrites a file.
	if _, err := got.Salvage(context.Background(), out); !errors.Is(err, os.ErrExist) {
		t.Errorf("salvage onto an existing file: %v", err)
	}
}

// TestDamagedAgreementNeverBlocksListOrBeranda: the register and the Beranda
// show every other agreement and name the damaged one.
func TestDamagedAgreementNeverBlocksListOrBeranda(t *testing.T) {
	s, _ := openTemp(t)
	mustSave(t, s.LoadExamples())
	page, err := s.List(service.Query{})
	mustSave(t, err)
	victim := page.Items[0].ID
	mustSave(t, s.db.Update(func(tx *bolt.Tx) error {
		v := bytes.Clone(tx.Bucket(schema.Agreements).Get(idKey(victim)))
		v[len(v)-2] ^= 0x01
		return tx.Bucket(schema.Agreements).Put(idKey(victim), v)
	}))
	want := []service.RecordRef{{Type: "agreement", ID: uint64(victim)}}
	after, err := s.List(service.Query{})
	if err != nil || len(after.Items) != len(page.Items)-1 || !slices.Equal(after.Damaged, want) {
		t.Fatalf("list: %d items, damaged %+v, %v; want %d and %+v", len(after.Items), after.Damaged, err, len(page.Items)-1, want)
	}
	d, err := s.Dashboard(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || !slices.Equal(d.Damaged, want) {
		t.Fatalf("dashboard: damaged %+v, %v", d.Damaged, err)
	}
	// Search leaves it out and finds the others.
	res, err := s.Search(service.SearchQuery{Text: "kabupaten", Limit: 50})
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("search: %d hits, %v", len(res.Hits), err)
	}
	for _, h := range res.Hits {
		if h.Summary.ID == victim {
			t.Error("the damaged agreement is a hit")
		}
	}
	// Repair so that the cleanup check passes.
	mustSave(t, s.db.Update(func(tx *bolt.Tx) error {
		v := bytes.Clone(tx.Bucket(schema.Agreements).Get(idKey(victim)))
		v[len(v)-2] ^= 0x01
		return tx.Bucket(schema.Agreements).Put(idKey(victim), v)
	}))
}

// TestCheckFindsCounterBehindIssuedNumbers: a counter set back below a number
// already handed out is named with the number.
func TestCheckFindsCounterBehindIssuedNumbers(t *testing.T) {
	s, _ := openTemp(t)
	w := servicetest.SeedWorld(t, s)
	d := agreement.NewDate(2025, 7, 4)
	var n string
	for range 3 {
		var err error
		n, err = s.ReserveNumber(w.Sumedang.ID, agreement.KindPKS, d, 0)
		mustSave(t, err)
	}
	key := []byte(agreement.CounterKey(w.Sumedang.ID, agreement.KindPKS, 2025))
	mustSave(t, s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(schema.Counters).Put(key, u64(2)) }))
	var ce *service.CheckError
	if err := s.Check(context.Background()); !errors.As(err, &ce) || len(ce.Report.Problems) != 1 ||
		ce.Report.Problems[0].In(i18n.ID) != "nomor terbit "+n+": nomor urut 3 melampaui penghitungnya (2); nomor itu dapat terbit lagi" {
		t.Fatalf("check: %v", err)
	}
	mustSave(t, s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(schema.Counters).Put(key, u64(3)) }))
}
