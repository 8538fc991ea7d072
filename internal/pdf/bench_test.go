package pdf

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/naskah"
)

// bodyOf makes a body of n pasal from the clause library, in BAB groups of 10.
func bodyOf(t testing.TB, n int) []agreement.Node {
	lib, _ := naskah.Shipped()
	clauses := lib.ClausesFor(agreement.KindPKS)
	var body []agreement.Node
	for i := 0; i < n; i++ {
		if n > 20 && i%10 == 0 {
			body = append(body, agreement.Node{Kind: agreement.NodeBab, Heading: fmt.Sprintf("KETENTUAN BAGIAN %d", i/10+1)})
		}
		c := clauses[i%len(clauses)].Node
		if n > 20 {
			last := &body[len(body)-1]
			last.Children = append(last.Children, c)
		} else {
			body = append(body, c)
		}
	}
	return body
}

func benchRender(b *testing.B, pasal int) {
	s := examples(b)
	a, _ := s.Agreement(2)
	a.Body = bodyOf(b, pasal)
	lib, _ := naskah.Shipped()
	r, err := NewRenderer()
	if err != nil {
		b.Fatal(err)
	}
	var size int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, err := naskah.Build(&a, s, lib, naskah.Options{})
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := r.Render(context.Background(), &buf, d, DefaultProfile(), Options{Compress: true}); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size)/1024, "KB")
}

// BenchmarkRenderKSB10 is a 10-pasal KSB without lambang (target < 50 ms, < 150 KB).
func BenchmarkRenderKSB10(b *testing.B) { benchRender(b, 10) }

// BenchmarkRender200 is a 200-pasal document in BAB groups (target < 1 s).
func BenchmarkRender200(b *testing.B) { benchRender(b, 200) }

func TestSizeOfPlainKSB(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(2)
	r, _ := NewRenderer()
	var buf bytes.Buffer
	if err := r.Render(context.Background(), &buf, build(t, s, &a, naskah.Options{}), DefaultProfile(), Options{Compress: true}); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > 150<<10 {
		t.Errorf("KSB without lambang is %d KB, over 150 KB", buf.Len()>>10)
	}
	_ = io.Discard
}

// inForceDoc is a report like a year's at 100 000: its long list of
// agreements in force, n rows of seven columns, some wrapping.
func inForceDoc(n int) *ReportDoc {
	d := &ReportDoc{Letterhead: Letterhead{Bold: []string{"PEMERINTAH KABUPATEN SUMEDANG"}, Lines: []string{"Jalan Prabu Geusan Ulun Nomor 36, Sumedang"}},
		Title: "LAPORAN KERJA SAMA DAERAH", Lines: []string{"Periode 1 Januari 2025 s.d. 31 Desember 2025"},
		PageLabel: "Halaman %d dari {nb}", Footer: "Dibuat dengan Sepakat pada 1 Desember 2026"}
	subjects := []string{"Penyediaan Air Minum Lintas Wilayah", "Penyelenggaraan Pelayanan Perizinan Berbasis Digital dalam rangka Pemulihan Ekonomi Daerah",
		"Pengembangan Desa Wisata", "Percepatan Reformasi Birokrasi Secara Terpadu dan Berkelanjutan"}
	partners := []string{"Pemerintah Kabupaten Kaimana", "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "PT Cahaya Surya Energi Lestari", "Pemerintah Kota Padang"}
	t := &ReportTable{Header: []string{"No.", "Jenis", "Nomor", "Tentang", "Mitra", "Jangka waktu", "Status"},
		Widths: []float64{0.9, 1, 3.1, 3.3, 2.5, 2.1, 1.35}, Align: []string{"R"}, N: n}
	t.Row = func(i int) []string {
		return []string{fmt.Sprint(i + 1), []string{"KSB", "PKS", "ADD", "NK"}[i%4],
			fmt.Sprintf("%d/PKS.05-KS/2025\n%d/PKS.12-Sekr/2025", 1000+i, i%300), subjects[i%len(subjects)], partners[(i/3)%len(partners)],
			"04-09-2025 s.d.\n03-09-2030", "Berlaku"}
	}
	d.Blocks = []ReportBlock{{Heading: "Perjanjian yang berlaku", Table: t}}
	return d
}

// BenchmarkReportRows renders a list of 30 000 agreements in force as the
// report does, and in the same run as gofpdf's own calls would (CellFormat
// per cell, a zlib writer per page): the ratio is ours over theirs.
func BenchmarkReportRows(b *testing.B) {
	r, err := NewRenderer()
	if err != nil {
		b.Fatal(err)
	}
	d := inForceDoc(30000)
	render := func(gofpdfOwn bool) (time.Duration, int) {
		slowRows, gofpdfDeflate = gofpdfOwn, gofpdfOwn
		defer func() { slowRows, gofpdfDeflate = false, false }()
		var buf bytes.Buffer
		t0 := time.Now()
		if err := r.RenderReport(context.Background(), &buf, d, DefaultProfile(), Options{Compress: true, Created: time.Unix(0, 0)}); err != nil {
			b.Fatal(err)
		}
		return time.Since(t0), buf.Len()
	}
	var ours, theirs time.Duration
	for b.Loop() {
		o, size := render(false)
		t, tsize := render(true)
		if size != tsize {
			b.Fatalf("%d bytes, gofpdf's way %d", size, tsize)
		}
		ours, theirs = ours+o, theirs+t
		b.ReportMetric(float64(size)/1e6, "MB")
	}
	n := float64(b.N)
	b.ReportMetric(ours.Seconds()/n, "ours-s/op")
	b.ReportMetric(theirs.Seconds()/n, "gofpdf-s/op")
	b.ReportMetric(float64(ours)/float64(theirs), "ours-x-gofpdf")
}
