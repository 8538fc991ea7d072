package pgstore

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/pgstore/pgtest"
	"sepakat/internal/service/servicetest"
)

// A server of before migration 0010 showed a hand-made Adendum without end,
// and an imported one with its parent's end copied, beside a parent since
// extended, and listed the imported one among what ends soon; opening it
// refreshes the rows of every Adendum: both end with the parent, and the
// Beranda names only the parent.
func TestMigration0010AdendaEndWithParent(t *testing.T) {
	ctx := context.Background()
	conn := pgtest.Fresh(t)
	opts := Options{Now: time.Now, User: "staf-uji", BackupDir: filepath.Join(t.TempDir(), "cadangan")}
	s, err := Open(ctx, conn, opts)
	if err != nil {
		t.Fatal(err)
	}
	w := servicetest.SeedWorld(t, s)
	pks := w.KSB("Pertukaran Data Kependudukan")
	pks.Kind = agreement.KindPKS
	pks.Term = agreement.Term{Start: agreement.NewDate(2025, 8, 1), Length: 1, Unit: agreement.UnitTahun}
	if err := s.SaveAgreement(&pks); err != nil {
		t.Fatal(err)
	}
	servicetest.Sign(t, s, &pks, agreement.NewDate(2025, 8, 1))
	child := func(kind agreement.Kind, signed agreement.Date, edit func(*agreement.Agreement)) agreement.Agreement {
		c, err := agreement.NewChild(&pks, kind, time.Date(2025, 8, 5, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		c.Body = []agreement.Node{{Kind: agreement.NodePasal, Text: "Ketentuan Pasal 1 {induk_singkat} diubah."}}
		edit(&c)
		if err := s.SaveAgreement(&c); err != nil {
			t.Fatal(err)
		}
		servicetest.Sign(t, s, &c, signed)
		return c
	}
	made := child(agreement.KindAdendum, agreement.NewDate(2025, 9, 1), func(*agreement.Agreement) {})
	imported := child(agreement.KindAdendum, agreement.NewDate(2025, 10, 1), func(a *agreement.Agreement) {
		a.Term.End = a.Parent.End // as the sheet import copied it
		a.Imported = &agreement.Imported{Source: "daftar lama.xlsx", Row: 7, At: agreement.NewDate(2025, 11, 1)}
	})
	child(agreement.KindPerpanjangan, agreement.NewDate(2026, 7, 1), func(*agreement.Agreement) {})
	longer := agreement.NewDate(2027, 7, 31)
	listed := func(day time.Time) []agreement.ID {
		t.Helper()
		d, err := s.Dashboard(day)
		if err != nil {
			t.Fatal(err)
		}
		var out []agreement.ID
		for _, l := range d.Ending {
			for _, r := range l {
				out = append(out, r.ID)
			}
		}
		if d.EndingCount[2] != len(out) {
			t.Errorf("on %v %d counted, %v listed", day, d.EndingCount[2], out)
		}
		return out
	}

	// As before 0010: the Adenda's rows as they were written then, and the
	// index of then.
	for _, a := range []agreement.Agreement{made, imported} {
		rows, err := s.Summaries([]agreement.ID{a.ID})
		if err != nil || !rows[0].EndsWithParent || rows[0].End != longer {
			t.Fatalf("Adendum %d before going back: %+v %v", a.ID, rows, err)
		}
		sum := rows[0]
		sum.End, sum.EndsWithParent = a.EffectiveEnd(), false
		if _, err := s.pool.Exec(ctx, "UPDATE agreements SET sum = $2, end_key = $3 WHERE id = $1", int64(a.ID), encode(&sum), endKey(sum.End)); err != nil {
			t.Fatal(err)
		}
	}
	for _, sql := range []string{`DROP INDEX agreements_signed_end`,
		`CREATE INDEX agreements_signed_end ON agreements (end_key, id) WHERE status = 'ditandatangani' AND end_key IS NOT NULL`,
		`DELETE FROM schema_migrations WHERE version >= 10`} {
		if _, err := s.pool.Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
	}
	if got := listed(time.Date(2026, 7, 20, 9, 0, 0, 0, time.UTC)); !slices.Contains(got, imported.ID) {
		t.Fatalf("before the migration the imported Adendum is not listed as ending: %v", got)
	}
	s.Close()

	s, err = Open(ctx, conn, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.Summaries([]agreement.ID{made.ID, imported.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.End != longer || !r.EndsWithParent {
			t.Errorf("Adendum %d after the migration ends %v, want its parent's %v", r.ID, r.End, longer)
		}
	}
	if got := listed(time.Date(2027, 7, 1, 9, 0, 0, 0, time.UTC)); slices.Contains(got, made.ID) || slices.Contains(got, imported.ID) || !slices.Contains(got, pks.ID) {
		t.Errorf("ending soon on 1 July 2027: %v; want the PKS and none of its Adenda", got)
	}
	if err := s.Check(ctx); err != nil {
		t.Errorf("check after the migration: %v", err)
	}
}

// Two seats at once: one edits a cancelled PKS again and again (each save a
// day later, so each moves the end it gives its Adendum), the other edits
// that Adendum. Neither save waits on the other's (no deadlock), and the
// Adendum's row ends with the PKS's last save.
func TestAdendumAndParentSavedAtOnce(t *testing.T) {
	ctx := context.Background()
	conn := pgtest.Fresh(t)
	var mu sync.Mutex
	day := time.Date(2025, 9, 1, 9, 0, 0, 0, time.UTC)
	now := func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		day = day.Add(24 * time.Hour)
		return day
	}
	open := func(user string) *Store {
		s, err := Open(ctx, conn, Options{Now: now, User: user, BackupDir: filepath.Join(t.TempDir(), "cadangan")})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	a, b := open("kursi-1"), open("kursi-2")
	w := servicetest.SeedWorld(t, a)
	pks := w.KSB("Pertukaran Data Kependudukan")
	pks.Kind = agreement.KindPKS
	pks.Term = agreement.Term{Start: agreement.NewDate(2025, 8, 1), Length: 5, Unit: agreement.UnitTahun}
	if err := a.SaveAgreement(&pks); err != nil {
		t.Fatal(err)
	}
	servicetest.Sign(t, a, &pks, agreement.NewDate(2025, 8, 1))
	add, err := agreement.NewChild(&pks, agreement.KindAdendum, day)
	if err != nil {
		t.Fatal(err)
	}
	add.Body = []agreement.Node{{Kind: agreement.NodePasal, Text: "Ketentuan Pasal 1 {induk_singkat} diubah."}}
	if err := a.SaveAgreement(&add); err != nil {
		t.Fatal(err)
	}
	servicetest.Sign(t, a, &add, agreement.NewDate(2025, 9, 1))
	if err := pks.Transition(agreement.StatusDibatalkan, "Diakhiri atas kesepakatan PARA PIHAK"); err != nil {
		t.Fatal(err)
	}
	if err := a.SaveAgreement(&pks); err != nil {
		t.Fatal(err)
	}

	const rounds = 40
	var wg sync.WaitGroup
	errs := make(chan error, 2*rounds)
	edit := func(s *Store, id agreement.ID) {
		defer wg.Done()
		for i := range rounds {
			x, err := s.Agreement(id)
			if err == nil {
				x.Notes = fmt.Sprintf("catatan %d", i)
				err = s.SaveAgreement(&x)
			}
			if err != nil {
				errs <- fmt.Errorf("agreement %d, save %d: %w", id, i, err)
				return
			}
		}
	}
	wg.Add(2)
	go edit(a, pks.ID)
	go edit(b, add.ID)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	last, err := a.Agreement(pks.ID)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := b.Summaries([]agreement.ID{add.ID})
	if err != nil {
		t.Fatal(err)
	}
	if want := agreement.DateOf(last.Updated); rows[0].End != want {
		t.Errorf("the Adendum ends %v, want the day of its cancelled PKS's last save %v", rows[0].End, want)
	}
}
