package exchange

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/service/servicetest"
	"sepakat/internal/store"
)

// BenchmarkReceive40 reads a partner's package of a 40-pasal draft (three
// ayat each) and compares it with ours: what Terima dari mitra does before
// the comparison shows.
func BenchmarkReceive40(b *testing.B) {
	open := func(name string) *store.Store {
		s, err := store.Open(filepath.Join(b.TempDir(), name), store.Options{Now: func() time.Time { return day }})
		must(b, err)
		b.Cleanup(func() { s.Close() })
		return s
	}
	sa := open("a.db")
	w := servicetest.SeedWorld(b, sa)
	a := w.KSB("Kerja Sama Empat Puluh Pasal")
	a.Body = nil
	for i := range 40 {
		n := agreement.Node{Kind: agreement.NodePasal, Heading: fmt.Sprintf("KETENTUAN KE-%d", i+1)}
		for j := range 3 {
			n.Children = append(n.Children, agreement.Node{Kind: agreement.NodeAyat,
				Text: fmt.Sprintf("PARA PIHAK melaksanakan ketentuan %d.%d sesuai dengan peraturan perundang-undangan yang berlaku dan kesepakatan bersama.", i+1, j+1)})
		}
		a.Body = append(a.Body, n)
	}
	must(b, sa.SaveAgreement(&a))
	p, round, err := Send(sa, &a, day)
	must(b, err)
	var out bytes.Buffer
	must(b, Write(&out, p))
	must(b, Keep(sa, &a, p, round, out.Bytes(), day))

	sb := open("b.db")
	own := agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Lampung Selatan", RegionCode: "18.01", ProvinceCode: "18", Seat: "Kalianda", Own: true}
	must(b, sb.SaveParty(&own))
	pa, err := Read(out.Bytes())
	must(b, err)
	r, err := Prepare(sb, pa, nil)
	must(b, err)
	m, err := r.CreateMirror(sb, out.Bytes(), day)
	must(b, err)
	for i := 0; i < 40; i += 4 {
		m.Body[i].Children[1].Text += " Perubahan dari mitra."
	}
	must(b, sb.SaveAgreement(&m))
	pb, round, err := Send(sb, &m, day)
	must(b, err)
	var back bytes.Buffer
	must(b, Write(&back, pb))
	a, err = sa.Agreement(a.ID)
	must(b, err)
	b.SetBytes(int64(back.Len()))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p, err := Read(back.Bytes())
		must(b, err)
		r, err := Prepare(sa, p, &a)
		must(b, err)
		if len(r.Changes) != 10 {
			for _, c := range r.Changes {
				b.Log(c.Pasal, c.Where, c.Kind, c.Ours, "//", c.Theirs)
			}
			b.Fatalf("%d changes, want 10", len(r.Changes))
		}
	}
}
