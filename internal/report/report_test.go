package report

import (
	"archive/zip"
	"bytes"
	"context"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/gen"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/store"
	"sepakat/internal/wilayah"
)

// genNow is the generated corpus's today.
var genNow = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)

func openStore(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "sepakat.db"), store.Options{Now: func() time.Time { return genNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func corpus(t testing.TB, n int) *store.Store {
	t.Helper()
	s := openStore(t)
	g := gen.New(gen.Options{Seed: 7, Now: genNow}, wilayah.MustLoad())
	ctx := context.Background()
	if err := s.Import(ctx, g.Directory()); err != nil {
		t.Fatal(err)
	}
	if err := s.Import(ctx, &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Agreements: g.Agreements(0, n)}); err != nil {
		t.Fatal(err)
	}
	return s
}

func build(t testing.TB, s *store.Store, p Period, today agreement.Date) *Report {
	t.Helper()
	r, err := Build(context.Background(), s, p, Options{Today: today, Province: wilayah.MustLoad().Name})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// every lists the whole register through the store's own list index.
func every(t testing.TB, s *store.Store, q service.Query) []agreement.Summary {
	t.Helper()
	var out []agreement.Summary
	q.Limit = 500
	for {
		p, err := s.List(q)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p.Items...)
		if p.Next == nil {
			return out
		}
		q.After = p.Next
	}
}

func countOf(cs []Count, key string) int {
	for _, c := range cs {
		if c.Key == key {
			return c.N
		}
	}
	return 0
}

func sum(cs []Count) int {
	n := 0
	for _, c := range cs {
		n += c.N
	}
	return n
}

// checkAllTime holds a report of everything up to today to the store's own
// counts: the Beranda's status counters, ending windows and sleeping MoUs,
// the list indexes by kind, the total, and the signed-per-year count.
func checkAllTime(t *testing.T, s *store.Store, now time.Time) *Report {
	today := agreement.DateOf(now)
	r := build(t, s, Period{agreement.NewDate(1900, 1, 1), today}, today)
	total, err := s.Total()
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != total || total == 0 {
		t.Errorf("total %d, store %d", r.Total, total)
	}
	dash, err := s.Dashboard(now)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range agreement.Statuses {
		if got := countOf(r.ByStatus, string(st)); got != dash.Counts[st] {
			t.Errorf("status %s: %d, store %d", st, got, dash.Counts[st])
		}
	}
	if r.Ending90 != dash.EndingCount[1] || r.Ending180 != dash.EndingCount[2] || len(r.Ending) != r.Ending180 {
		t.Errorf("ending 90/180: %d/%d (%d rows), store %d/%d", r.Ending90, r.Ending180, len(r.Ending), dash.EndingCount[1], dash.EndingCount[2])
	}
	if len(r.Sleeping) != dash.SleepingCount {
		t.Errorf("sleeping %d, store %d", len(r.Sleeping), dash.SleepingCount)
	}
	for _, k := range agreement.Kinds {
		if got, want := countOf(r.ByKind, string(k)), len(every(t, s, service.Query{Order: service.ByKind, Kind: k})); got != want {
			t.Errorf("kind %s: %d, store %d", k, got, want)
		}
	}
	if sum(r.ByCategory) != total || sum(r.ByKind) != total {
		t.Errorf("categories add up to %d, kinds %d, of %d", sum(r.ByCategory), sum(r.ByKind), total)
	}
	// The chart counts what was signed in the period, by signing year.
	years := map[service.YearCount]int{}
	for _, it := range every(t, s, service.Query{Order: service.ByStatus, Status: agreement.StatusDitandatangani}) {
		if r.Period.Contains(it.Signed) {
			years[service.YearCount{Year: it.Signed.Year, Kind: it.Kind}]++
		}
	}
	n := 0
	for _, yc := range r.PerYear {
		n += yc.Count
		if want := years[service.YearCount{Year: yc.Year, Kind: yc.Kind}]; yc.Count != want {
			t.Errorf("per year %d %s: %d, store %d", yc.Year, yc.Kind, yc.Count, want)
		}
	}
	if n != r.SignedTotal || len(years) == 0 {
		t.Errorf("per year adds up to %d, signed in the period %d", n, r.SignedTotal)
	}
	return r
}

// checkYear holds a year's report to the store's list indexes: signed in the
// year by the year index, in force at its end by the end index, partners by
// the party index.
func checkYear(t *testing.T, s *store.Store, year int, today agreement.Date) *Report {
	p := Year(year)
	r := build(t, s, p, today)
	signed := map[agreement.Kind]int{}
	for _, it := range every(t, s, service.Query{Order: service.ByYear, Year: year}) {
		if it.Status == agreement.StatusDitandatangani && p.Contains(it.Signed) {
			signed[it.Kind]++
		}
	}
	for _, k := range agreement.Kinds {
		if got := countOf(r.Signed, string(k)); got != signed[k] {
			t.Errorf("%d: signed %s %d, year index %d", year, k, got, signed[k])
		}
	}
	asOf := min(p.To.Time().Unix(), today.Time().Unix())
	day := agreement.DateOf(time.Unix(asOf, 0).UTC())
	inForce := 0
	for _, it := range every(t, s, service.Query{Order: service.ByEnd, EndFrom: day}) {
		if InForce(&it, day) {
			inForce++
		}
	}
	for _, it := range every(t, s, service.Query{Order: service.ByStatus, Status: agreement.StatusDitandatangani}) {
		if it.End.IsZero() && InForce(&it, day) {
			inForce++
		}
	}
	if len(r.InForce) != inForce {
		t.Errorf("%d: in force %d, end index %d", year, len(r.InForce), inForce)
	}
	for _, c := range r.ByPartner[:min(5, len(r.ByPartner))] {
		id, _ := agreement.ParseID(c.Key)
		n := 0
		for _, it := range every(t, s, service.Query{Order: service.ByParty, Party: id}) {
			if InPeriod(&it, p) {
				n++
			}
		}
		if n != c.N {
			t.Errorf("%d: partner %s %d, party index %d", year, c.Label, c.N, n)
		}
	}
	return r
}

func TestExamplesAgainstStore(t *testing.T) {
	s := openStore(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	r := checkAllTime(t, s, genNow)
	// The PKS ran one year from July 2025: ended by November 2026.
	if len(r.InForce) != 2 || r.SignedTotal != 3 || len(r.ByImplementer) == 0 {
		t.Errorf("examples: %d in force, %d signed, %d perangkat daerah", len(r.InForce), r.SignedTotal, len(r.ByImplementer))
	}
	y := checkYear(t, s, 2025, agreement.DateOf(genNow))
	if y.SignedTotal != 3 || countOf(y.Signed, "KSB") != 2 || countOf(y.Signed, "PKS") != 1 {
		t.Errorf("2025: %+v", y.Signed)
	}
	if len(y.ByProvince) != 1 || y.ByProvince[0].Label != "Lampung" || y.ByProvince[0].N != 3 {
		t.Errorf("provinces %+v", y.ByProvince)
	}
	if r := build(t, s, Year(2024), agreement.DateOf(genNow)); r.Total != 0 || len(r.InForce) != 0 {
		t.Errorf("2024 holds %d agreements, %d in force", r.Total, len(r.InForce))
	}
}

func TestCorpusAgainstStore(t *testing.T) {
	s := corpus(t, 3000)
	r := checkAllTime(t, s, genNow)
	if r.MonitoringDone == 0 || r.MonitoringOverdue == 0 || len(r.Sleeping) == 0 || r.Ending180 == 0 {
		t.Errorf("corpus report too thin to prove anything: %+v", r)
	}
	today := agreement.DateOf(genNow)
	for _, y := range []int{2022, 2025, 2026} {
		yr := checkYear(t, s, y, today)
		if yr.Total == 0 || yr.SignedTotal == 0 || len(yr.ByProvince) < 3 {
			t.Errorf("%d: %d agreements, %d signed, %d provinces", y, yr.Total, yr.SignedTotal, len(yr.ByProvince))
		}
	}
	// A semester is part of its year.
	h1, h2, yr := build(t, s, Semester(2025, 1), today), build(t, s, Semester(2025, 2), today), build(t, s, Year(2025), today)
	if h1.SignedTotal+h2.SignedTotal != yr.SignedTotal || h1.MonitoringDone+h2.MonitoringDone != yr.MonitoringDone {
		t.Errorf("semesters %d+%d signed, year %d; monitoring %d+%d, year %d",
			h1.SignedTotal, h2.SignedTotal, yr.SignedTotal, h1.MonitoringDone, h2.MonitoringDone, yr.MonitoringDone)
	}
}

// Monitoring: realised entries in the period are done; planned ones whose day
// has passed are overdue; both counted per entry and per agreement.
func TestMonitoringCounts(t *testing.T) {
	s := openStore(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	page, err := s.List(service.Query{Order: service.ByKind, Kind: agreement.KindPKS})
	if err != nil || len(page.Items) != 1 {
		t.Fatal(page, err)
	}
	a, err := s.Agreement(page.Items[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	before := build(t, s, Year(2026), agreement.NewDate(2026, 9, 30))
	a.Monitoring = append(a.Monitoring,
		agreement.Monitoring{Date: agreement.NewDate(2026, 3, 10), Activity: "Rapat", Realised: true},
		agreement.Monitoring{Date: agreement.NewDate(2026, 6, 10), Activity: "Kunjungan", Realised: true},
		agreement.Monitoring{Date: agreement.NewDate(2026, 8, 1), Activity: "Evaluasi"},        // overdue on 30 September
		agreement.Monitoring{Date: agreement.NewDate(2026, 12, 1), Activity: "Evaluasi akhir"}, // not yet due
		agreement.Monitoring{Date: agreement.NewDate(2025, 12, 1), Activity: "Lama", Realised: true})
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	r := build(t, s, Year(2026), agreement.NewDate(2026, 9, 30))
	if r.MonitoringDone-before.MonitoringDone != 2 || r.MonitoringOverdue-before.MonitoringOverdue != 1 ||
		r.MonitoringAgreements-before.MonitoringAgreements != 1 || r.OverdueAgreements-before.OverdueAgreements != 1 {
		t.Errorf("monitoring before %+v after %+v", before, r)
	}
	if r.AsOf != agreement.NewDate(2026, 9, 30) {
		t.Errorf("as of %v", r.AsOf)
	}
}

// pdfText reads a PDF back with poppler's pdftotext, one string per page.
func pdfText(t *testing.T, data []byte) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "laporan.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils): %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

func TestPDFReadBack(t *testing.T) {
	s := corpus(t, 1500)
	r := build(t, s, Year(2025), agreement.DateOf(genNow))
	parties, err := s.Parties()
	if err != nil {
		t.Fatal(err)
	}
	// Our office gets a lambang, which the kop surat prints.
	for _, p := range parties {
		if p.Own {
			img := image.NewNRGBA(image.Rect(0, 0, 30, 36))
			for i := range img.Pix {
				img.Pix[i] = 200
			}
			var png8 bytes.Buffer
			if err := png.Encode(&png8, img); err != nil {
				t.Fatal(err)
			}
			ref, err := s.PutFile("lambang.png", "image/png", png8.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			p.Lambang = &ref
			if err := s.SaveParty(&p); err != nil {
				t.Fatal(err)
			}
		}
	}
	parties, _ = s.Parties()
	office, ok := OfficeOf(parties, s.File)
	if !ok || len(office.Lambang) == 0 {
		t.Fatal("the corpus has no office, or its lambang was not read")
	}
	var buf bytes.Buffer
	if err := r.WritePDF(context.Background(), &buf, office, i18n.ID, genNow); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "images.pdf")
	os.WriteFile(path, buf.Bytes(), 0o600)
	if imgs, err := exec.Command("pdfimages", "-list", path).Output(); err != nil || len(regexp.MustCompile(`(?m)^\s*1\s+\d+\s+image\s`).FindAll(imgs, -1)) != 1 {
		t.Errorf("images in the report (one lambang expected): %s %v", imgs, err)
	}
	pages := pdfText(t, buf.Bytes())
	if len(pages) < 3 {
		t.Fatalf("%d pages", len(pages))
	}
	space := regexp.MustCompile(`\s+`)
	first := space.ReplaceAllString(pages[0], " ")
	for _, want := range []string{strings.ToUpper(office.Party.Name), "LAPORAN KERJA SAMA DAERAH",
		"Periode 1 Januari 2025 s.d. 31 Desember 2025", "Perjanjian dalam periode " + Thousands(r.Total, i18n.ID),
		"Ditandatangani dalam periode " + Thousands(r.SignedTotal, i18n.ID)} {
		if !strings.Contains(first, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, first)
		}
	}
	all := space.ReplaceAllString(strings.Join(pages, " "), " ")
	for _, want := range []string{"Menurut jenis", "Menurut status", "Sebaran status", "Menurut kategori", "Menurut mitra",
		"Menurut provinsi mitra", "Menurut perangkat daerah", "Ditandatangani per tahun", "Berakhir dalam 180 hari",
		"Kesepakatan Bersama tidur", "Daftar perjanjian yang berlaku", "Halaman 2 dari " + strconv.Itoa(len(pages))} {
		if !strings.Contains(all, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// The in-force list runs over pages, its header row on each, every agreement once.
	heads, last := 0, pages[len(pages)-1]
	for _, p := range pages {
		if strings.Contains(p, "Jangka waktu") && strings.Contains(p, "Tentang") {
			heads++
		}
	}
	if heads < 2 || !strings.Contains(last, "Tentang") {
		t.Errorf("table header on %d pages; last page:\n%s", heads, last)
	}
	for _, row := range []Row{r.InForce[0], r.InForce[len(r.InForce)-1]} {
		if n := strings.Fields(row.OwnNumber); len(n) > 0 && !strings.Contains(all, n[0][:min(len(n[0]), 12)]) {
			t.Errorf("in-force row %q not printed", row.OwnNumber)
		}
	}
	if n := regexp.QuoteMeta(Thousands(len(r.InForce), i18n.ID)); !regexp.MustCompile(`(?m)^\s*` + n + `\s+(KSB|PKS|NK|ADD|PPJ)\b`).MatchString(strings.Join(pages, "\n")) {
		t.Errorf("the in-force list does not reach row %s", n)
	}
}

func TestXLSXReadBack(t *testing.T) {
	s := corpus(t, 800)
	r := build(t, s, Year(2025), agreement.DateOf(genNow))
	parties, _ := s.Parties()
	office, _ := OfficeOf(parties, s.File)
	var buf bytes.Buffer
	if err := r.WriteXLSX(context.Background(), &buf, office, i18n.EN, genNow); err != nil {
		t.Fatal(err)
	}
	raw := bytes.Clone(buf.Bytes())
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tables := r.Tables(i18n.EN)
	// Streamed sheets keep their autofilter over the header and every row,
	// and their column widths.
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	sheetXML := map[string]string{}
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			sheetXML[zf.Name] = string(b)
		}
	}
	for i, tb := range tables {
		x := sheetXML["xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml"]
		end, _ := excelize.CoordinatesToCellName(len(tb.Header), 5+tb.Len(), true)
		if has := strings.Contains(x, `<autoFilter ref="$A$5:`+end+`"`); has != (tb.Len() > 0) {
			t.Errorf("sheet %s: autofilter A5:%s %v, want %v", tb.Sheet, end, has, tb.Len() > 0)
		}
		// Excel refuses a sheet whose columns are not in order.
		var cols []string
		for _, m := range regexp.MustCompile(`<col min="(\d+)"`).FindAllStringSubmatch(x, -1) {
			cols = append(cols, m[1])
		}
		if len(cols) != len(tb.Header) {
			t.Errorf("sheet %s: columns %v", tb.Sheet, cols)
		}
		for c, col := range cols {
			if col != strconv.Itoa(c+1) {
				t.Errorf("sheet %s: columns %v not in order", tb.Sheet, cols)
				break
			}
		}
		if w, err := f.GetColWidth(tb.Sheet, "A"); err != nil || w != max(6, min(60, tb.Widths[0]*12)) {
			t.Errorf("sheet %s: column A %v wide, %v", tb.Sheet, w, err)
		}
	}
	if got := f.GetSheetList(); len(got) != len(tables) {
		t.Fatalf("sheets %v", got)
	}
	for _, tb := range tables {
		rows, err := f.GetRows(tb.Sheet)
		if err != nil {
			t.Fatal(err)
		}
		want := 5 + tb.Len()
		if tb.Total != nil {
			want++
		}
		if len(rows) != want || strings.Join(rows[4], "|") != strings.Join(tb.Header, "|") {
			t.Errorf("sheet %s: %d rows, want %d; header %v", tb.Sheet, len(rows), want, rows[min(4, len(rows)-1)])
		}
	}
	// Numbers are numbers, dates are dates, the header is frozen.
	v, err := f.GetCellValue("Ringkasan", "B6", excelize.Options{RawCellValue: true})
	if err != nil || v != strconv.Itoa(r.Total) {
		t.Errorf("total cell %q %v, want %d", v, err, r.Total)
	}
	if typ, _ := f.GetCellType("Ringkasan", "B6"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("the total is stored as text")
	}
	if len(r.Sleeping) > 0 {
		raw, _ := f.GetCellValue("KSB Tidur", "E6", excelize.Options{RawCellValue: true})
		serial, err := strconv.ParseFloat(raw, 64)
		want := r.Sleeping[0].Signed.Time().Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
		if err != nil || serial != want {
			t.Errorf("signing date cell %q, want serial %v", raw, want)
		}
	}
	panes, err := f.GetPanes("Berlaku")
	if err != nil || !panes.Freeze || panes.YSplit != 5 {
		t.Errorf("panes %+v %v", panes, err)
	}
	in, _ := f.GetRows("Berlaku")
	if len(in) < 6 || in[5][1] != string(r.InForce[0].Kind) || in[5][3] != r.InForce[0].Subject {
		t.Errorf("first in-force row %v, want %+v", in[min(5, len(in)-1)], r.InForce[0])
	}
}

func TestBadPeriod(t *testing.T) {
	s := openStore(t)
	if _, err := Build(context.Background(), s, Period{agreement.NewDate(2025, 2, 1), agreement.NewDate(2025, 1, 1)}, Options{}); err == nil {
		t.Error("a period ending before it starts was accepted")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(ctx, s, Year(2025), Options{}); err == nil {
		t.Error("a cancelled report finished")
	}
}

// BenchmarkYearReport builds a year's report over $SEPAKAT_BENCH_DB (a copy of
// the 100 000 corpus) or a 3 000 corpus made here.
func BenchmarkYearReport(b *testing.B) {
	var s *store.Store
	if path := os.Getenv("SEPAKAT_BENCH_DB"); path != "" {
		var err error
		if s, err = store.Open(path, store.Options{}); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
	} else {
		s = corpus(b, 3000)
	}
	regions := wilayah.MustLoad()
	var build, read, buildCPU, readCPU time.Duration
	for b.Loop() {
		t0, c0 := time.Now(), cpuTime()
		r, err := Build(context.Background(), s, Year(2025), Options{Today: agreement.DateOf(genNow), Province: regions.Name})
		if err != nil {
			b.Fatal(err)
		}
		build, buildCPU = build+time.Since(t0), buildCPU+cpuTime()-c0
		b.ReportMetric(float64(len(r.InForce)), "in-force")
		// The baseline in the same run: the store reading the same
		// agreements' facts, and nothing done with them.
		t0, c0 = time.Now(), cpuTime()
		if _, err := s.ReportFacts(context.Background(), Year(2025).From, func(service.ReportFact) error { return nil }); err != nil {
			b.Fatal(err)
		}
		read, readCPU = read+time.Since(t0), readCPU+cpuTime()-c0
	}
	n := float64(b.N)
	b.ReportMetric(build.Seconds()/n, "build-s/op")
	b.ReportMetric(buildCPU.Seconds()/n, "build-cpu-s/op")
	b.ReportMetric(read.Seconds()/n, "read-s/op")
	b.ReportMetric(float64(build)/float64(read), "build-x-read")
}

func TestThousandsAndTerms(t *testing.T) {
	for _, c := range []struct {
		n    int
		l    i18n.Lang
		want string
	}{{0, i18n.ID, "0"}, {999, i18n.ID, "999"}, {2094, i18n.ID, "2.094"}, {1234567, i18n.EN, "1,234,567"}, {-4500, i18n.ID, "-4.500"}} {
		if got := Thousands(c.n, c.l); got != c.want {
			t.Errorf("%d: %q, want %q", c.n, got, c.want)
		}
	}
	if got := Term(agreement.NewDate(2025, 7, 4), agreement.NewDate(2026, 7, 3), i18n.ID); got != "04-07-2025 s.d. 03-07-2026" {
		t.Errorf("term %q", got)
	}
	if got := Term(agreement.NewDate(2025, 7, 4), agreement.Date{}, i18n.EN); got != "04-07-2025 to open-ended" {
		t.Errorf("open term %q", got)
	}
	// A signed agreement belongs to a period its term overlaps, or that it was
	// signed in; one that ended before it does not.
	p := Year(2025)
	s := agreement.Summary{Status: agreement.StatusDitandatangani, Signed: agreement.NewDate(2020, 1, 5), Start: agreement.NewDate(2020, 1, 5), End: agreement.NewDate(2025, 1, 4)}
	if !InPeriod(&s, p) {
		t.Error("a term ending on 4 January 2025 is not in 2025")
	}
	s.End = agreement.NewDate(2024, 12, 31)
	if InPeriod(&s, p) || InForce(&s, agreement.NewDate(2025, 1, 1)) {
		t.Error("a term ended in 2024 counts in 2025")
	}
	draft := agreement.Summary{Status: agreement.StatusKonsep, Created: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), Updated: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)}
	if !InPeriod(&draft, p) || InPeriod(&draft, Year(2026)) || InForce(&draft, agreement.NewDate(2025, 3, 1)) {
		t.Error("a draft worked on in 2025 only")
	}
}

// BenchmarkWrite writes a year's report over $SEPAKAT_BENCH_DB (or a 3 000
// corpus) as a PDF and as a workbook.
func BenchmarkWrite(b *testing.B) {
	var s *store.Store
	if path := os.Getenv("SEPAKAT_BENCH_DB"); path != "" {
		var err error
		if s, err = store.Open(path, store.Options{}); err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
	} else {
		s = corpus(b, 3000)
	}
	r := build(b, s, Year(2025), agreement.DateOf(genNow))
	parties, _ := s.Parties()
	office, _ := OfficeOf(parties, s.File)
	for _, format := range []string{"pdf", "xlsx"} {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				var buf bytes.Buffer
				var err error
				if format == "pdf" {
					err = r.WritePDF(context.Background(), &buf, office, i18n.ID, genNow)
				} else {
					err = r.WriteXLSX(context.Background(), &buf, office, i18n.ID, genNow)
				}
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(buf.Len())/1e6, "MB")
			}
		})
	}
}

// A period's per-year chart counts only what was signed in the period: a
// first semester before July signings shows 2025 empty, labelled as a part.
func TestPerYearWithinPeriod(t *testing.T) {
	s := openStore(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	today := agreement.DateOf(genNow)
	h1, h2 := build(t, s, Semester(2025, 1), today), build(t, s, Semester(2025, 2), today)
	total := func(r *Report) (n int) {
		for _, yc := range r.PerYear {
			n += yc.Count
		}
		return n
	}
	if h2.SignedTotal == 0 || total(h2) != h2.SignedTotal || total(h1) != h1.SignedTotal {
		t.Errorf("per year: first half %d (signed %d), second %d (signed %d)", total(h1), h1.SignedTotal, total(h2), h2.SignedTotal)
	}
	if years, _ := h1.Years(); len(years) != 1 || years[0] != 2025 || h1.YearLabel(2025, i18n.ID) != "2025 (Jan–Jun)" {
		t.Errorf("first half years %v, label %q", years, h1.YearLabel(2025, i18n.ID))
	}
	for _, c := range []struct {
		p    Period
		want string
	}{{Year(2025), "2025"}, {Semester(2025, 2), "2025 (Jul–Des)"},
		{Period{agreement.NewDate(2025, 3, 1), agreement.NewDate(2025, 3, 31)}, "2025 (Mar)"},
		{Period{agreement.NewDate(2024, 3, 15), agreement.NewDate(2025, 12, 31)}, "2024 (15 Mar–31 Des)"}} {
		r := Report{Period: c.p}
		if got := r.YearLabel(c.p.From.Year, i18n.ID); got != c.want {
			t.Errorf("%v: %q, want %q", c.p, got, c.want)
		}
	}
	// The PDF and the workbook say the same.
	parties, _ := s.Parties()
	office, _ := OfficeOf(parties, s.File)
	var buf bytes.Buffer
	if err := h1.WritePDF(context.Background(), &buf, office, i18n.ID, genNow); err != nil {
		t.Fatal(err)
	}
	all := regexp.MustCompile(`\s+`).ReplaceAllString(strings.Join(pdfText(t, buf.Bytes()), " "), " ")
	if !strings.Contains(all, "Ditandatangani dalam periode 0") || !strings.Contains(all, "2025 (Jan–Jun)") {
		t.Errorf("the first half's PDF:\n%s", all)
	}
	buf.Reset()
	if err := h1.WriteXLSX(context.Background(), &buf, office, i18n.ID, genNow); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Per Tahun")
	if len(rows) != 6 || rows[5][0] != "2025 (Jan–Jun)" || strings.Join(rows[5][1:], "") != "00000" {
		t.Errorf("workbook per year %q", rows)
	}
}

// The workbook's dates carry their language: Indonesian month names in an
// English Excel too.
func TestXLSXDatesInTheReportsLanguage(t *testing.T) {
	s := corpus(t, 400)
	r := build(t, s, Year(2025), agreement.DateOf(genNow))
	parties, _ := s.Parties()
	office, _ := OfficeOf(parties, s.File)
	for _, c := range []struct {
		l      i18n.Lang
		format string
	}{{i18n.ID, "[$-421]d mmmm yyyy"}, {i18n.EN, "[$-409]d mmmm yyyy"}} {
		var buf bytes.Buffer
		if err := r.WriteXLSX(context.Background(), &buf, office, c.l, genNow); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var styles string
		for _, zf := range zr.File {
			if zf.Name == "xl/styles.xml" {
				rc, _ := zf.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				styles = string(b)
			}
		}
		codes := regexp.MustCompile(`formatCode="([^"]*)"`).FindAllStringSubmatch(styles, -1)
		var got []string
		for _, m := range codes {
			got = append(got, m[1])
		}
		if len(got) == 0 || slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "mmmm") && s != c.format }) || !slices.Contains(got, c.format) {
			t.Errorf("%v: date formats %q, want %q", c.l, got, c.format)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := f.GetCellValue("KSB Tidur", "E6", excelize.Options{RawCellValue: true})
		if _, err := strconv.ParseFloat(raw, 64); err != nil || len(r.Sleeping) == 0 {
			t.Errorf("%v: the signing date %q is not a date cell", c.l, raw)
		}
		f.Close()
	}
}

// One perangkat daerah written short and long is counted once, under its
// most used (then longer) name; offices of two regions stay apart.
func TestImplementersMergedByOffice(t *testing.T) {
	s := openStore(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	page, err := s.List(service.Query{Order: service.ByStatus, Status: agreement.StatusDitandatangani})
	if err != nil || len(page.Items) < 3 {
		t.Fatal(page, err)
	}
	for i, names := range [][]string{
		{"Bappeda", "Diskominfo", "Dinas Kesehatan Kabupaten Garut", "Bagian Organisasi"},
		{"Badan Perencanaan Pembangunan Daerah", "Dinas Komunikasi dan Informatika", "Dinas Kesehatan Kabupaten Sumedang", "Bagian Organisasi Sekretariat Daerah"},
		{"BAPPEDA", "Dinas  Kominfo", "Dinkes Kabupaten Garut", "Bagian Hukum Setda"},
	} {
		a, err := s.Agreement(page.Items[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		a.Implementers = names
		if err := s.SaveAgreement(&a); err != nil {
			t.Fatal(err)
		}
	}
	r := build(t, s, Period{agreement.NewDate(2000, 1, 1), agreement.DateOf(genNow)}, agreement.DateOf(genNow))
	got := map[string]int{}
	for _, c := range r.ByImplementer {
		got[strings.ToLower(c.Label)] = c.N // "Bappeda" or "BAPPEDA", as first met
	}
	want := map[string]int{"bappeda": 3, "dinas komunikasi dan informatika": 3, "dinas kesehatan kabupaten garut": 2, "dinas kesehatan kabupaten sumedang": 1,
		"bagian organisasi sekretariat daerah": 2, "bagian hukum setda": 1}
	for name, n := range want {
		if got[name] != n {
			t.Errorf("%s: %d, want %d (all: %v)", name, got[name], n, got)
		}
	}
	if len(r.ByImplementer) != len(want) {
		t.Errorf("perangkat daerah %v, want %v", got, want)
	}
}

// A monitoring round the procedure owes and nobody recorded is overdue in
// the report as on the Beranda: every agreement the Beranda lists under Monev
// terlambat, with its round ended in the period, is counted.
func TestMonitoringOverdueAsTheBerandaSays(t *testing.T) {
	s := openStore(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	today := agreement.NewDate(2026, 12, 1)
	o, err := s.Outstanding(today.Time())
	if err != nil {
		t.Fatal(err)
	}
	late := 0
	for _, m := range o.Monev {
		if Year(2026).Contains(m.MonevDue) {
			late++
		}
	}
	if late == 0 {
		t.Fatalf("the examples have no round overdue in 2026: %+v", o.Monev)
	}
	r := build(t, s, Year(2026), today)
	if r.OverdueAgreements != late || r.MonitoringOverdue != late {
		t.Errorf("the Beranda lists %d agreements late in 2026, the report %d/%d", late, r.MonitoringOverdue, r.OverdueAgreements)
	}
}
