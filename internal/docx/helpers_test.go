package docx

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/naskah"
	"sepakat/internal/store"
)

var fixed = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)

// examples opens a real data file with the built-in examples.
func examples(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "sepakat.db"), store.Options{Now: func() time.Time { return fixed }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Check(context.Background()); err != nil {
			t.Error(err)
		}
		s.Close()
	})
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	return s
}

func build(t testing.TB, s *store.Store, a *agreement.Agreement) *naskah.Document {
	t.Helper()
	lib, err := naskah.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	d, err := naskah.Build(a, s, lib, naskah.Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// bodyOf makes a body of n pasal from the clause library, in BAB groups of 10
// when n > 20 (as the PDF benchmarks do).
func bodyOf(n int) []agreement.Node {
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

// pks40 is example 3 (a PKS) with 40 pasal.
func pks40(t testing.TB, s *store.Store) (agreement.Agreement, *naskah.Document) {
	a, err := s.Agreement(3)
	if err != nil {
		t.Fatal(err)
	}
	a.Body = bodyOf(40)
	return a, build(t, s, &a)
}

func markerOf(a agreement.Agreement, d *naskah.Document) Marker {
	return Marker{ID: uint64(a.ID), Rev: a.Rev, Code: d.Code, Fingerprint: d.Fingerprint(), Made: fixed}
}

func writeDocx(t testing.TB, d *naskah.Document, p Page, m Marker) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, d, p, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func agreementID(i int) agreement.ID { return agreement.ID(i) }

// check writes d, reads it back and wants no change, every pasal and the marker.
func check(t *testing.T, name string, id agreement.ID, d *naskah.Document) {
	t.Helper()
	data := writeDocx(t, d, DefaultPage(), Marker{ID: uint64(id), Rev: 3, Code: d.Code, Fingerprint: d.Fingerprint(), Made: fixed})
	rec := read(t, data)
	if rec.Marker == nil || rec.Marker.ID != uint64(id) || rec.Marker.Rev != 3 || rec.Marker.Code != d.Code || rec.Marker.Fingerprint != d.Fingerprint() {
		t.Errorf("%s %d: marker %+v", name, id, rec.Marker)
	}
	ours := OutlineOf(d)
	if changes := Compare(ours, rec.Outline); len(changes) != 0 {
		for _, c := range changes {
			t.Errorf("%s %d: unexpected change %+v", name, id, c)
		}
	}
	pasal := 0
	for _, b := range rec.Outline.Blocks {
		if b.IsPasal() {
			pasal++
		}
	}
	want := 0
	for _, s := range d.Body {
		if s.Kind == naskah.SectionPasal {
			want++
		}
	}
	if pasal != want || len(rec.Ignored) != 0 || !rec.Outline.Styled {
		t.Errorf("%s %d: %d pasal read, want %d; ignored %v; styled %v", name, id, pasal, want, rec.Ignored, rec.Outline.Styled)
	}
}

func indexString(s, sub string) int { return strings.Index(s, sub) }

func lastIndex(s, sub string) int { return strings.LastIndex(s, sub) }

// withLambang gives the document's parties a coat of arms each: a tall PNG
// and a wide JPEG.
func withLambang(t testing.TB, d *naskah.Document) {
	t.Helper()
	enc := func(w, h int, jpg bool) []byte {
		img := image.NewRGBA(image.Rect(0, 0, w, h))
		for x := 0; x < w; x++ {
			for y := 0; y < h; y++ {
				img.Set(x, y, color.RGBA{uint8(200 * x / w), 120, uint8(200 * y / h), 255})
			}
		}
		var buf bytes.Buffer
		var err error
		if jpg {
			err = jpeg.Encode(&buf, img, nil)
		} else {
			err = png.Encode(&buf, img)
		}
		if err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	for i := range d.Lambang {
		d.Lambang[i].Image = enc(60+40*i, 80, i%2 == 1)
	}
}
