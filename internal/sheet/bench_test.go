//go:build linux

package sheet_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sepakat/internal/sheet"
	"sepakat/internal/store"
	"sepakat/internal/wilayah"
)

// bigBook is a register of n rows as offices write it: partners spelled in
// every way across the region list, some new instansi, text and serial dates.
func bigBook(b testing.TB, n int) []byte {
	regions := wilayah.MustLoad().Regencies
	rows := [][]any{{"No", "Nomor", "Jenis", "Tentang", "Mitra", "Tanggal", "Jangka Waktu", "Perangkat Daerah", "Keterangan"}}
	for i := 0; i < n; i++ {
		r := regions[(i*7)%len(regions)]
		if r.Code == "32.11" {
			// Sumedang is the examples' own office, never a partner.
			r = regions[(i*7+1)%len(regions)]
		}
		var partner string
		switch i % 5 {
		case 0:
			partner = r.GovernmentName()
		case 1:
			partner = strings.Replace(r.Name, "Kabupaten ", "Kab. ", 1)
		case 2:
			partner = strings.Replace(strings.Replace(r.Name, "Kabupaten ", "Pemkab ", 1), "Kota ", "Pemkot ", 1)
		case 3:
			partner = "Universitas Negeri " + strconv.Itoa(i%40)
		default:
			partner = strings.ToUpper(r.Name)
		}
		var date any = fmt.Sprintf("%d %s %d", 1+i%28, []string{"Januari", "Maret", "Juli", "Oktober"}[i%4], 2010+i%15)
		if i%3 == 0 {
			date = time.Date(2010+i%15, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC)
		}
		rows = append(rows, []any{i + 1, fmt.Sprintf("180/%d/KS/%d", i+1, 2010+i%15), []string{"MoU", "PKS"}[i%2],
			"Kerja sama bidang " + []string{"pendidikan", "kesehatan", "pariwisata", "perizinan"}[i%4] + " nomor " + strconv.Itoa(i),
			partner, date, []string{"5 tahun", "3 th", "60 bulan", "2 tahun"}[i%4], "Bagian Kerja Sama", ""})
	}
	return book(b, map[string][][]any{"Daftar": rows}, []string{"Daftar"}, func(f *excelize.File) {
		style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
		f.SetColStyle("Daftar", "F", style)
	})
}

// BenchmarkImport5000 reads, maps, matches, checks and writes 5 000 rows
// into a real data file in one import.
func BenchmarkImport5000(b *testing.B) {
	data := bigBook(b, 5000)
	b.ReportAllocs()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := store.Open(filepath.Join(b.TempDir(), "sepakat.db"), store.Options{Now: func() time.Time { return today }})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.LoadExamples(); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		c0 := cpuTime()
		b.StartTimer()
		t0 := time.Now()
		tb, err := sheet.Read("besar.xlsx", data, "")
		if err != nil {
			b.Fatal(err)
		}
		env, err := sheet.NewEnv(s, s, s, today)
		if err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		p := sheet.NewPlan(tb, sheet.Propose(tb), env)
		t2 := time.Now()
		c, err := sheet.Apply(context.Background(), s, p)
		t3 := time.Now()
		b.ReportMetric(t1.Sub(t0).Seconds(), "read-s")
		b.ReportMetric(t2.Sub(t1).Seconds(), "plan-s")
		b.ReportMetric(t3.Sub(t2).Seconds(), "write-s")
		if err != nil {
			b.Fatal(err)
		}
		if c.Accepted != 5000 {
			b.Fatalf("accepted %+v; first problem %v", c, firstProblem(p))
		}
		b.StopTimer()
		cpu += cpuTime() - c0
		s.Close()
		b.StartTimer()
	}
	b.StopTimer()
	// CPU time is what the work costs whatever else the machine runs.
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(peakRSS())/(1<<20), "peakRSS-MB")
}

func firstProblem(p *sheet.Plan) string {
	for _, r := range p.Rows {
		if len(r.Problems) > 0 {
			return fmt.Sprintf("row %d: %v", r.Line, r.Problems)
		}
	}
	return ""
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSS is the process's peak resident memory (Linux), in bytes.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
