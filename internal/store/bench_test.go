package store

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/gen"
	"sepakat/internal/service"
	"sepakat/internal/store/fts"
	"sepakat/internal/store/schema"
	"sepakat/internal/wilayah"
)

// benchDB returns a data file for the benchmarks: $SEPAKAT_BENCH_DB (bench/store.sh
// fills one with gen --n 100000), or a 2 000-agreement corpus made here.
func benchDB(b *testing.B) string {
	b.Helper()
	if p := os.Getenv("SEPAKAT_BENCH_DB"); p != "" {
		return p
	}
	path := filepath.Join(b.TempDir(), "bench.db")
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	g := gen.New(gen.Options{Seed: 1, Now: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}, wilayah.MustLoad())
	if err := s.Import(context.Background(), g.Directory()); err != nil {
		b.Fatal(err)
	}
	if err := s.Import(context.Background(), &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Agreements: g.Agreements(0, 2000)}); err != nil {
		b.Fatal(err)
	}
	s.Close()
	return path
}

func openBench(b *testing.B, path string) *Store {
	s, err := Open(path, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

func BenchmarkOpen(b *testing.B) {
	path := benchDB(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func benchList(b *testing.B, q func(s *Store) service.Query) {
	s := openBench(b, benchDB(b))
	query := q(s)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p, err := s.List(query)
		if err != nil || len(p.Items) == 0 {
			b.Fatalf("%v, %d items", err, len(p.Items))
		}
	}
}

func BenchmarkListRecent50(b *testing.B) {
	benchList(b, func(*Store) service.Query { return service.Query{Limit: 50} })
}

// busiestPartner is the party in the most agreements, found from a sample page.
func busiestPartner(b *testing.B, s *Store) agreement.ID {
	p, err := s.List(service.Query{Limit: 500})
	if err != nil {
		b.Fatal(err)
	}
	n := map[agreement.ID]int{}
	best := agreement.ID(0)
	for _, it := range p.Items {
		for _, pn := range it.Parties {
			if !pn.Own {
				n[pn.ID]++
				if n[pn.ID] > n[best] {
					best = pn.ID
				}
			}
		}
	}
	return best
}

func BenchmarkListByPartner50(b *testing.B) {
	benchList(b, func(s *Store) service.Query {
		return service.Query{Order: service.ByParty, Party: busiestPartner(b, s), Limit: 50}
	})
}

func BenchmarkListByEnd50(b *testing.B) {
	benchList(b, func(*Store) service.Query {
		return service.Query{Order: service.ByEnd, EndFrom: agreement.NewDate(2026, 11, 22), Limit: 50}
	})
}

// BenchmarkSaveVsBarePut alternates a full agreement save (validation, record,
// summary, indexes, history, fsync) with a bare bbolt put of the same stored bytes
// under the same key of the same agreements bucket (fsync), and reports the ratio
// of the medians.
func BenchmarkSaveVsBarePut(b *testing.B) {
	s := openBench(b, benchDB(b))
	// Each iteration edits another draft, as a day of work does.
	page, err := s.List(service.Query{Order: service.ByStatus, Status: agreement.StatusKonsep, Limit: 500})
	if err != nil || len(page.Items) == 0 {
		b.Fatal("no draft to edit")
	}
	drafts := make([]agreement.Agreement, len(page.Items))
	for i, it := range page.Items {
		if drafts[i], err = s.Agreement(it.ID); err != nil {
			b.Fatal(err)
		}
	}
	s.db.NoSync = os.Getenv("SEPAKAT_BENCH_NOSYNC") != ""
	saves := make([]time.Duration, 0, b.N)
	puts := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := &drafts[i%len(drafts)]
		a.Notes = "Catatan telaah ke-" + time.Duration(i).String()
		raw := storedBytes(b, s, a)
		t0 := time.Now()
		err := s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(schema.Agreements).Put(idKey(a.ID), raw) })
		t1 := time.Now()
		if err != nil {
			b.Fatal(err)
		}
		if err := s.SaveAgreement(a); err != nil {
			b.Fatal(err)
		}
		saves = append(saves, time.Since(t1))
		puts = append(puts, t1.Sub(t0))
	}
	b.StopTimer()
	// Medians: an occasional slow fsync on a shared disk should not decide the ratio.
	ms, mp := median(saves), median(puts)
	b.ReportMetric(float64(ms.Microseconds()), "save-µs/op")
	b.ReportMetric(float64(mp.Microseconds()), "put-µs/op")
	b.ReportMetric(float64(ms)/float64(mp), "save/put")
}

// storedBytes is a encoded as the store keeps it: its summary, then the document.
func storedBytes(b *testing.B, s *Store, a *agreement.Agreement) []byte {
	var out []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		sum := summarize(s.dir(tx), a)
		js, err := json.Marshal(&sum)
		if err != nil {
			return err
		}
		rec, err := encode(a)
		out = agreementValue(&agreementHead{Rev: a.Rev, Created: a.Created, Status: a.Status, Keys: entries(&sum)}, js, recordJSON(rec))
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return out
}

func median(d []time.Duration) time.Duration {
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

// benchQueries are typed as staff type them, by kind: 1–3 words, words with
// filters, and words cut short while typing (the last word a prefix).
var benchQueries = map[string][]service.SearchQuery{
	"words": {
		{Text: "perizinan "},
		{Text: "lampung selatan "},
		{Text: "kerjasama pelayanan publik "},
		{Text: "pengelolaan sampah regional "},
		{Text: "air minum lintas "},
		{Text: "promosi investasi pariwisata "},
		{Text: "pertukaran data kependudukan "},
		{Text: "PKS.05-Huk "},
		{Text: "kabupaten sumedang "},
		{Text: "kesehatn masyarakat "},
		{Text: "beasiswa "},
		{Text: "kota bandung "},
	},
	"filtered": {
		{Text: "inovasi daerah ", Filter: agreement.Filter{Kind: agreement.KindKSB}},
		{Text: "perizinan ", Filter: agreement.Filter{Status: agreement.StatusDitandatangani, Year: 2024}},
		{Text: "pendidikan ", Filter: agreement.Filter{EndsWithin: 180}},
		{Text: "kerja sama daerah ", Filter: agreement.Filter{Year: 2023}},
		{Text: "sampah ", Filter: agreement.Filter{Status: agreement.StatusKonsep}},
		{Text: "pelayanan publik ", Filter: agreement.Filter{Implementer: "Dinas"}},
	},
	"prefix": {
		{Text: "pelay"},
		{Text: "sumed"},
		{Text: "perizi"},
		{Text: "kesehat"},
		{Text: "lampung sel"},
		{Text: "pengelolaan samp"},
		{Text: "ka"},
	},
}

// BenchmarkSearch runs each kind of query in turn and reports the median and
// 95th percentile per kind and overall.
func BenchmarkSearch(b *testing.B) {
	s := openBench(b, benchDB(b))
	kinds := []string{"words", "filtered", "prefix"}
	d := map[string][]time.Duration{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		kind := kinds[i%len(kinds)]
		qs := benchQueries[kind]
		q := qs[(i/len(kinds))%len(qs)]
		q.Limit = 20
		t0 := time.Now()
		if _, err := s.Search(q); err != nil {
			b.Fatal(err)
		}
		el := time.Since(t0)
		d[kind] = append(d[kind], el)
		d["all"] = append(d["all"], el)
		if testing.Verbose() && el > 20*time.Millisecond {
			b.Logf("%v %q %+v", el, q.Text, q.Filter)
		}
	}
	b.StopTimer()
	for _, kind := range append(kinds, "all") {
		ds := d[kind]
		if len(ds) == 0 {
			continue
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		b.ReportMetric(float64(ds[len(ds)/2].Microseconds())/1000, kind+"-p50-ms")
		b.ReportMetric(float64(ds[len(ds)*95/100].Microseconds())/1000, kind+"-p95-ms")
	}
}

// BenchmarkSearchBuild rebuilds the full-text index from every agreement, commit
// included, and reports the index's size against the text it indexes.
func BenchmarkSearchBuild(b *testing.B) {
	s := openBench(b, benchDB(b))
	var text int64
	if err := s.SearchTexts(func(_ agreement.ID, high, body string) error {
		text += int64(len(high) + len(body))
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.db.Update(func(tx *bolt.Tx) error { return s.rebuildSearch(context.Background(), tx) }); err != nil { // the one-shot build, as before
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var index int64
	err := s.db.View(func(tx *bolt.Tx) error {
		index = fts.Size(tx)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(text)/(1<<20), "text-MiB")
	b.ReportMetric(float64(index)/(1<<20), "index-MiB")
	b.ReportMetric(float64(index)/float64(text), "index/text")
}

// BenchmarkIndexUpdate edits drafts as a day of work does (a note and a pasal
// changed) and reports, per saved agreement, the save and its share of the
// merge that folds pending agreements into the full-text index.
func BenchmarkIndexUpdate(b *testing.B) {
	s := openBench(b, benchDB(b))
	page, err := s.List(service.Query{Order: service.ByStatus, Status: agreement.StatusKonsep, Limit: 500})
	if err != nil || len(page.Items) < mergeEvery {
		b.Fatal("not enough drafts to edit")
	}
	drafts := make([]agreement.Agreement, len(page.Items))
	for i, it := range page.Items {
		if drafts[i], err = s.Agreement(it.ID); err != nil {
			b.Fatal(err)
		}
	}
	s.background.Wait()
	if err := s.merge(); err != nil {
		b.Fatal(err)
	}
	var saves, merges time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := &drafts[i%len(drafts)]
		a.Notes = fmt.Sprintf("Telaah ke-%d: pihak mitra meminta penyesuaian jadwal pelatihan aparatur.", i)
		if len(a.Body) > 0 {
			a.Body[0].Text = fmt.Sprintf("Revisi %d. %s", i, a.Body[0].Text)
		}
		t0 := time.Now()
		if err := s.SaveAgreement(a); err != nil {
			b.Fatal(err)
		}
		saves += time.Since(t0)
		if (i+1)%(mergeEvery-1) == 0 || i == b.N-1 {
			s.background.Wait()
			t1 := time.Now()
			if err := s.merge(); err != nil {
				b.Fatal(err)
			}
			merges += time.Since(t1)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(saves.Microseconds())/1000/float64(b.N), "save-ms/op")
	b.ReportMetric(float64(merges.Microseconds())/1000/float64(b.N), "merge-ms/op")
	b.ReportMetric(float64((saves+merges).Microseconds())/1000/float64(b.N), "update-ms/op")
}

// BenchmarkDashboard gathers the Beranda on the corpus's "today".
func BenchmarkDashboard(b *testing.B) {
	s := openBench(b, benchDB(b))
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, err := s.Dashboard(now)
		if err != nil || len(d.Recent) == 0 {
			b.Fatal(err)
		}
		if i == 0 {
			b.ReportMetric(float64(d.SleepingCount), "sleeping")
			b.ReportMetric(float64(d.EndingCount[2]), "ending180")
		}
	}
}

// BenchmarkArrange filters and sorts the whole register from the list indexes.
func BenchmarkArrange(b *testing.B) {
	s := openBench(b, benchDB(b))
	arrangements := []service.Arrangement{
		{},
		{Sort: service.SortSubject},
		{Sort: service.SortEnd, Filter: agreement.Filter{Status: agreement.StatusDitandatangani}},
		{Sort: service.SortPartner, Filter: agreement.Filter{Kind: agreement.KindPKS, Year: 2024}},
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ids, err := s.Arrange(arrangements[i%len(arrangements)])
		if err != nil || len(ids) == 0 {
			b.Fatal(err)
		}
		if _, err := s.Summaries(ids[:min(50, len(ids))]); err != nil {
			b.Fatal(err)
		}
	}
}
