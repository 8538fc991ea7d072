package docx

import (
	"bytes"
	"strings"
	"testing"

	"sepakat/internal/naskah"
)

// BenchmarkReadCompare40 reads a 40-pasal PKS .docx with one changed word and
// compares it with our document (target: under 300 ms).
func BenchmarkReadCompare40(b *testing.B) {
	s := examples(b)
	a, d := pks40(b, s)
	p := openPkg(b, writeDocx(b, d, DefaultPage(), markerOf(a, d)))
	// One changed word (the first "Biaya" of the repeated clauses).
	doc := p.parts["word/document.xml"]
	p.set("word/document.xml", strings.Replace(doc, ">Biaya ", ">Seluruh biaya ", 1))
	data := p.bytes()
	ours := OutlineOf(d)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rec, err := Read(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		if n := len(Compare(ours, rec.Outline)); n != 1 {
			b.Fatalf("%d changes", n)
		}
	}
	b.ReportMetric(float64(len(data))/1024, "KB")
}

// BenchmarkBuild40 is the baseline in the same run: building the same
// 40-pasal document model from its records.
func BenchmarkBuild40(b *testing.B) {
	s := examples(b)
	a, _ := pks40(b, s)
	lib, _ := naskah.Shipped()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := naskah.Build(&a, s, lib, naskah.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
