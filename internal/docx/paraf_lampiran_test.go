package docx

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/naskah"
)

// nkWithParaf is example 1 made a Nota Kesepakatan with a rencana aksi, its
// document with our paraf hierarki (two officials of the register) and the
// paraf koordinasi of two units.
func nkWithParaf(t testing.TB) (agreement.Agreement, *naskah.Document) {
	t.Helper()
	s := examples(t)
	a, err := s.Agreement(1)
	if err != nil {
		t.Fatal(err)
	}
	a.Kind = agreement.KindNK
	a.ActionPlan = []agreement.ActionItem{
		{Activity: "Penyusunan petunjuk teknis layanan jemput bola", Unit: "Dinas Kependudukan dan Pencatatan Sipil", Time: "Triwulan I 2026"},
		{Activity: "Pelatihan operator perekaman KTP-el", Unit: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", Time: "Triwulan II 2026"},
	}
	a.ParafUnits = []string{"Bagian Hukum", "Dinas Komunikasi dan Informatika"}
	officials, err := s.Officials()
	if err != nil {
		t.Fatal(err)
	}
	var ours []agreement.ID
	for _, o := range officials {
		if own, _ := a.OwnParty(); o.PartyID == own.PartyID && len(ours) < 2 {
			ours = append(ours, o.ID)
		}
	}
	lib, err := naskah.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	d, err := naskah.Build(&a, s, lib, naskah.Options{Draft: true, ParafHierarki: ours, ParafKoordinasi: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Paraf.Hierarki) != 2 || len(d.Paraf.Koordinasi) != 2 || len(d.Lampiran) != 1 {
		t.Fatalf("the document: paraf %+v, %d lampiran", d.Paraf, len(d.Lampiran))
	}
	return a, d
}

// The paraf tables and the rencana aksi are in the Word file as the PDF
// prints them, and reading the file back passes over them: no change, no
// table reported as ignored.
func TestWordCarriesTheParafAndTheRencanaAksi(t *testing.T) {
	a, d := nkWithParaf(t)
	data := writeDocx(t, d, DefaultPage(), markerOf(a, d))
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var doc string
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			doc = string(b)
		}
	}
	sig := strings.LastIndex(doc, "tblStyle w:val=\""+tableSignature)
	paraf := strings.Index(doc, "tblStyle w:val=\""+tableParaf)
	brk := strings.Index(doc, `<w:br w:type="page"/>`)
	lamp := strings.Index(doc, "RENCANA AKSI")
	if sig < 0 || paraf < sig || brk < paraf || lamp < brk {
		t.Fatalf("order: signatures %d, paraf %d, page break %d, rencana aksi %d", sig, paraf, brk, lamp)
	}
	want := []string{"Paraf Hierarki", "Paraf Koordinasi", "Bagian Hukum", "Dinas Komunikasi dan Informatika",
		"LAMPIRAN NOTA KESEPAKATAN", "KEGIATAN", "UNIT PELAKSANA", "WAKTU", "<w:tblHeader/>"}
	for _, e := range d.Paraf.Hierarki {
		want = append(want, esc(e.Jabatan), esc(e.Name))
	}
	for _, it := range a.ActionPlan {
		want = append(want, it.Activity, it.Unit, it.Time)
	}
	for _, w := range want {
		if !strings.Contains(doc, w) {
			t.Errorf("the Word file lacks %q", w)
		}
	}
	check(t, "NK with paraf and rencana aksi", a.ID, d)
}
