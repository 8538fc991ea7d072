package store

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
	"sepakat/internal/service"
	"sepakat/internal/service/fake"
	"sepakat/internal/service/servicetest"
)

// TestConformance runs the service suite on real data files.
func TestConformance(t *testing.T) {
	servicetest.RunConfig(t, servicetest.Config{
		Open: func(t *testing.T, now func() time.Time) service.Service {
			return openConformance(t, filepath.Join(t.TempDir(), "sepakat.db"), now)
		},
		OpenBackup: func(t *testing.T, path string) service.Service {
			return openConformance(t, path, time.Now)
		},
		User: "staf1",
	})
}

// openConformance opens a data file, and checks and closes it on cleanup.
func openConformance(t *testing.T, path string, now func() time.Time) *Store {
	t.Helper()
	s, err := Open(path, Options{Now: now, User: "staf1", SigningText: export.TextFingerprint})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Check(context.Background()); err != nil {
			t.Errorf("check: %v", err)
		}
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return s
}

// TestFakeAnswersAsTheStore does the same work on the store and on the
// in-memory fake and compares every answer of the seam, so that tests on the
// fake stand for the real data file.
func TestFakeAnswersAsTheStore(t *testing.T) {
	now := func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
	st := openConformance(t, filepath.Join(t.TempDir(), "sepakat.db"), now)
	fk, err := fake.New(fake.Options{Now: now, User: "staf1"})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []service.Service{st, fk} {
		if err := s.LoadExamples(); err != nil {
			t.Fatal(err)
		}
		ksb, _ := s.Agreement(1)
		pks, err := agreement.NewChild(&ksb, agreement.KindPKS, now())
		if err != nil {
			t.Fatal(err)
		}
		pks.Subject = "Magang Aparatur Dinas Komunikasi dan Informatika"
		mustSave(t, s.SaveAgreement(&pks))
		mou, _ := s.Agreement(2)
		mou.Monitoring = append(mou.Monitoring, agreement.Monitoring{Date: agreement.NewDate(2026, 1, 5), Activity: "Rapat evaluasi pelayanan"})
		mustSave(t, s.SaveAgreement(&mou))
		lambang, err := s.PutFile("lambang.png", "image/png", []byte("\x89PNG"))
		if err != nil {
			t.Fatal(err)
		}
		p, _ := s.Party(3)
		p.Name += " (Provinsi Lampung)"
		p.Lambang = &lambang
		mustSave(t, s.SaveParty(&p))
		if _, err := s.ReserveNumber(1, agreement.KindPKS, agreement.NewDate(2026, 2, 1), pks.ID); err != nil {
			t.Fatal(err)
		}
	}
	same := func(what string, get func(s service.Service) (any, error)) {
		t.Helper()
		a, errA := get(st)
		b, errB := get(fk)
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if (errA == nil) != (errB == nil) || string(ja) != string(jb) {
			t.Errorf("%s:\n store %s %v\n fake  %s %v", what, ja, errA, jb, errB)
		}
	}
	queries := []service.Query{{}, {Limit: 2}, {Order: service.ByStatus, Status: agreement.StatusKonsep},
		{Order: service.ByKind, Kind: agreement.KindPKS}, {Order: service.ByParty, Party: 2}, {Order: service.ByYear, Year: 2025},
		{Order: service.ByEnd}, {Order: service.ByEnd, EndFrom: agreement.NewDate(2027, 1, 1)}, {Order: service.ByParent, Parent: 1}}
	for _, q := range queries {
		same(fmt.Sprintf("list %+v", q), func(s service.Service) (any, error) { return s.List(q) })
	}
	for sort := service.SortChanged; sort <= service.SortEnd; sort++ {
		for _, f := range []agreement.Filter{{}, {Kind: agreement.KindKSB}, {Party: 3}, {Implementer: "inspektorat"}, {EndsWithin: 365}} {
			for _, desc := range []bool{false, true} {
				a := service.Arrangement{Filter: f, Sort: sort, Desc: desc}
				same(fmt.Sprintf("arrange %+v", a), func(s service.Service) (any, error) { return s.Arrange(a) })
			}
		}
	}
	same("choices", func(s service.Service) (any, error) { return s.Choices() })
	same("summaries", func(s service.Service) (any, error) { return s.Summaries([]agreement.ID{4, 1, 3, 2}) })
	for _, day := range []time.Time{now(), time.Date(2026, 6, 10, 0, 0, 0, 0, time.UTC), time.Date(2030, 8, 1, 0, 0, 0, 0, time.UTC)} {
		same("dashboard "+day.Format(time.DateOnly), func(s service.Service) (any, error) { return s.Dashboard(day) })
	}
	for _, text := range []string{"lampung", "pelayanan", "magang diskominfo", "provinsi lampung", "TKKSD-LS", `"kerja sama"`, "yang dan", "perizin"} {
		for _, f := range []agreement.Filter{{}, {Kind: agreement.KindPKS}, {Year: 2025}} {
			q := service.SearchQuery{Text: text, Filter: f, Limit: 10}
			same(fmt.Sprintf("search %+v", q), func(s service.Service) (any, error) {
				res, err := s.Search(q)
				var out []string
				for _, h := range res.Hits {
					out = append(out, fmt.Sprintf("%d %s", h.Summary.ID, h.Snippet))
				}
				return []any{out, res.OnlyStopwords, res.Truncated}, err
			})
		}
		same("snippet "+text, func(s service.Service) (any, error) { return s.Snippet(2, text) })
	}
	for _, id := range []agreement.ID{1, 4, 99} {
		same(fmt.Sprint("history ", id), func(s service.Service) (any, error) { return s.AgreementHistory(id) })
	}
	same("export", func(s service.Service) (any, error) { return s.Export(context.Background()) })
	same("offsets", func(s service.Service) (any, error) { return s.Offsets() })
	same("officials", func(s service.Service) (any, error) { return s.Officials() })
	same("mandates", func(s service.Service) (any, error) { return s.Mandates() })
}
