package naskah

import (
	"strings"
	"testing"

	"sepakat/internal/agreement"
)

// A Nota Kesepakatan's rencana aksi is its lampiran; another kind prints no
// such table even when one was recorded.
func TestRencanaAksiIsTheLampiranOfANotaKesepakatan(t *testing.T) {
	s := examples(t)
	lib := library(t)
	a, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	a.ActionPlan = []agreement.ActionItem{
		{Activity: "Penyusunan petunjuk teknis", Unit: "Dinas Kependudukan dan Pencatatan Sipil", Time: "Triwulan I 2026"},
		{Activity: "Pelatihan operator", Unit: "BKPSDM", Time: "Triwulan II 2026"},
	}
	d, err := Build(&a, s, lib, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Lampiran) != 0 {
		t.Errorf("a KSB prints a rencana aksi: %+v", d.Lampiran)
	}
	a.Kind = agreement.KindNK
	d, err = Build(&a, s, lib, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Lampiran) != 1 {
		t.Fatalf("lampiran %+v", d.Lampiran)
	}
	l := d.Lampiran[0]
	if l.Title != "RENCANA AKSI" || l.Heading[0] != "LAMPIRAN NOTA KESEPAKATAN" || !strings.HasPrefix(l.Heading[len(l.Heading)-1], "TENTANG BERBAGI INFORMASI") ||
		len(l.Header) != 4 || len(l.Rows) != 2 || strings.Join(l.Rows[1], "|") != "2.|Pelatihan operator|BKPSDM|Triwulan II 2026" {
		t.Errorf("lampiran %+v", l)
	}
	// The rows are part of the text, so its fingerprint changes with them.
	before := d.Fingerprint()
	a.ActionPlan[1].Time = "Triwulan III 2026"
	d, _ = Build(&a, s, lib, Options{})
	if d.Fingerprint() == before || !strings.Contains(d.Text(), "Triwulan III 2026") {
		t.Error("a changed rencana aksi keeps the fingerprint")
	}
}
