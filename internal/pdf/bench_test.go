package pdf

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"

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
