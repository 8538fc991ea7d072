package sheet_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/sheet"
	"sepakat/internal/store"
)

// examplePKS is the example PKS Lampung Selatan–Sumedang in s.
func examplePKS(t *testing.T, s *store.Store) agreement.Agreement {
	t.Helper()
	for id := agreement.ID(1); id <= 3; id++ {
		if a, err := s.Agreement(id); err == nil && a.Kind == agreement.KindPKS {
			return a
		}
	}
	t.Fatal("no example PKS")
	return agreement.Agreement{}
}

func problems(r *sheet.PlanRow) string {
	var out []string
	for _, p := range r.Problems {
		out = append(out, p.In(i18n.ID))
	}
	return strings.Join(out, " | ")
}

// parentRows are an old register with adenda: one under a PKS of the same
// file (cited in its subject), one under an agreement already in the
// register (its "Nomor Induk" cell), one citing a number nobody has, one
// under another adendum, and a KSB with a nomor induk it cannot have.
func parentRows(pksNumber string) [][]any {
	return [][]any{
		{"No", "Nomor", "Jenis", "Tentang", "Mitra", "Tanggal TTD", "Berakhir", "Nomor Induk", "Keterangan"},
		{1, "180/20/PKS/2021", "PKS", "Pengelolaan Sampah Regional", "Pemkab Lampung Selatan", "05-01-2021", "04-01-2026", "", ""},
		{2, "180/21/ADD/2022", "Adendum", "Adendum atas PKS No. 180/20/PKS/2021 tentang Pengelolaan Sampah Regional", "Pemkab Lampung Selatan", "10-03-2022", "", "", ""},
		{3, "180/22/ADD/2026", "Perubahan", "Perubahan Lampiran Rencana Kerja", "Pemkab Lampung Selatan", "02-02-2026", "", pksNumber, ""},
		{4, "180/23/ADD/2023", "Addendum", "Perubahan Jadwal", "Pemkab Lampung Selatan", "01-06-2023", "", "", "Adendum atas PKS Nomor: 999/XYZ/2020"},
		{5, "180/24/ADD/2023", "Adendum", "Perubahan Kedua", "Pemkab Lampung Selatan", "01-09-2023", "", "180/21/ADD/2022", ""},
		{6, "180/25/KSB/2024", "MoU", "Kerja Sama Pendidikan", "Pemkab Lampung Selatan", "01-02-2024", "31-01-2029", "180/20/PKS/2021", ""},
	}
}

func TestImportedAdendumFindsItsParent(t *testing.T) {
	s := openStore(t)
	pks := examplePKS(t, s)
	tb := read(t, "adendum.xlsx", book(t, map[string][][]any{"Daftar": parentRows(pks.OwnNumber())}, []string{"Daftar"}, nil), "")
	m := sheet.Propose(tb)
	if i := slices.Index(tb.Header, "Nomor Induk"); m[i] != sheet.ParentNumber {
		t.Fatalf("Nomor Induk proposed as %q", m[i])
	}
	p := plan(t, s, tb)
	rows := p.Rows
	// The PKS of the file, cited in the subject.
	if lk := rows[1].Parent; lk.Row != 0 || lk.Text != "180/20/PKS/2021" || problems(&rows[1]) != "" {
		t.Errorf("row 2: parent %+v, problems %q", lk, problems(&rows[1]))
	}
	if got := p.ParentLabel(1, i18n.ID); got != "baris 2: PKS 180/20/PKS/2021" {
		t.Errorf("row 2 shows its parent as %q", got)
	}
	// The example PKS already in the register, by its Nomor Induk cell.
	if lk := rows[2].Parent; lk.ID != pks.ID || lk.Row != -1 || problems(&rows[2]) != "" {
		t.Errorf("row 3: parent %+v, want register ID %d; problems %q", lk, pks.ID, problems(&rows[2]))
	}
	if got := p.ParentLabel(2, i18n.EN); !strings.HasSuffix(got, "(in the register)") || !strings.Contains(got, pks.OwnNumber()) {
		t.Errorf("row 3 shows its parent as %q", got)
	}
	// Nobody has 999/XYZ/2020: a problem that says so, and the row stays out.
	if got := problems(&rows[3]); !strings.Contains(got, `Perjanjian induk nomor "999/XYZ/2020" tidak ditemukan`) || rows[3].OK() {
		t.Errorf("row 4: %q", got)
	}
	// An adendum cannot hang under another adendum.
	if got := problems(&rows[4]); !strings.Contains(got, "Perjanjian induk 180/21/ADD/2022 adalah Adendum") {
		t.Errorf("row 5: %q", got)
	}
	// A KSB has no parent: the cell is set aside with a word, not a refusal.
	if lk := rows[5].Parent; lk.Found() || problems(&rows[5]) != "" || len(rows[5].Warnings) == 0 {
		t.Errorf("row 6: parent %+v, problems %q, warnings %v", lk, problems(&rows[5]), rows[5].Warnings)
	}

	// Changed in the preview: row 4 under the file's PKS, row 5 under none.
	p.SetParent(3, "180 / 20 / PKS / 2021")
	if lk := p.Rows[3].Parent; lk.Row != 0 || !lk.Chosen || problems(&p.Rows[3]) != "" {
		t.Errorf("row 4 after the change: %+v %q", lk, problems(&p.Rows[3]))
	}
	p.SetParent(4, "")
	if lk := p.Rows[4].Parent; lk.Found() || problems(&p.Rows[4]) != "" {
		t.Errorf("row 5 after clearing: %+v %q", lk, problems(&p.Rows[4]))
	}
	// The PKS left out takes its adenda with it; taken in again, they follow.
	p.SetSkip(0, true)
	if got := problems(&p.Rows[1]); !strings.Contains(got, "(baris 2) tidak ikut diimpor") {
		t.Errorf("row 2 with its parent left out: %q", got)
	}
	p.SetSkip(0, false)
	// A fix of another cell keeps the chosen link.
	p.SetCell(3, slices.Index(tb.Header, "Tentang"), "Perubahan Jadwal Pengangkutan")
	if lk := p.Rows[3].Parent; lk.Row != 0 {
		t.Errorf("row 4 lost its chosen parent on a fix: %+v", lk)
	}
	if c := p.Counts(); c.Accepted != 6 || c.Refused != 0 {
		t.Fatalf("counts %+v", c)
	}
	off, _ := s.Offsets()
	if _, err := sheet.Apply(context.Background(), s, p); err != nil {
		t.Fatal(service.Message(err, i18n.ID))
	}
	// In the register: each adendum under its parent, which counts it.
	byNumber := map[string]agreement.Agreement{}
	for id := off.Agreement + 1; id <= off.Agreement+6; id++ {
		a, err := s.Agreement(id)
		if err != nil {
			t.Fatal(err)
		}
		byNumber[a.OwnNumber()] = a
	}
	fPKS := byNumber["180/20/PKS/2021"]
	for number, want := range map[string]agreement.ID{"180/21/ADD/2022": fPKS.ID, "180/23/ADD/2023": fPKS.ID, "180/22/ADD/2026": pks.ID, "180/24/ADD/2023": 0, "180/25/KSB/2024": 0} {
		a := byNumber[number]
		if a.ParentID != want {
			t.Errorf("%s: parent %d, want %d", number, a.ParentID, want)
		}
		if want != 0 && (a.Parent == nil || a.Parent.Kind != agreement.KindPKS || len(a.Parent.Numbers) == 0) {
			t.Errorf("%s cites its parent as %+v", number, a.Parent)
		}
	}
	kids, err := s.List(service.Query{Order: service.ByParent, Parent: fPKS.ID})
	if err != nil || len(kids.Items) != 2 {
		t.Errorf("the file's PKS has %d children in the register (%v), want 2", len(kids.Items), err)
	}

	// Export → import into another data file keeps every link: the parent's
	// number goes out in its own column and comes back as the link.
	off2, _ := s.Offsets()
	var ids []agreement.ID
	for id := agreement.ID(1); id <= off2.Agreement; id++ {
		ids = append(ids, id)
	}
	for _, format := range []sheet.Format{sheet.XLSX, sheet.CSV} {
		var buf bytes.Buffer
		if err := sheet.WriteFile(context.Background(), &buf, format, s, s, ids, i18n.ID, today); err != nil {
			t.Fatal(err)
		}
		name := map[sheet.Format]string{sheet.XLSX: "ekspor.xlsx", sheet.CSV: "ekspor.csv"}[format]
		back := read(t, name, buf.Bytes(), "")
		dst := openStore(t)
		q := plan(t, dst, back)
		for i := range q.Rows[:3] {
			q.SetSkip(i, true) // the examples are in dst already
		}
		for i, r := range q.Rows[3:] {
			if len(r.Problems) > 0 {
				t.Errorf("%s row %d: %s", name, r.Line, problems(&q.Rows[3+i]))
			}
		}
		off3, _ := dst.Offsets()
		if _, err := sheet.Apply(context.Background(), dst, q); err != nil {
			t.Fatalf("%s: %s", name, service.Message(err, i18n.ID))
		}
		for id := off3.Agreement + 1; ; id++ {
			b, err := dst.Agreement(id)
			if err != nil {
				break
			}
			a := byNumber[b.OwnNumber()]
			wantParent := ""
			if a.ParentID != 0 {
				pa, _ := s.Agreement(a.ParentID)
				wantParent = pa.OwnNumber()
			}
			gotParent := ""
			if b.ParentID != 0 {
				pb, _ := dst.Agreement(b.ParentID)
				gotParent = pb.OwnNumber()
			}
			if gotParent != wantParent {
				t.Errorf("%s: %s read back under %q, want %q", name, b.OwnNumber(), gotParent, wantParent)
			}
		}
	}
}

func TestCitedNumbers(t *testing.T) {
	for text, want := range map[string][]string{
		"Adendum atas PKS No. 119/PKS/DPMPTSP/VII/2025 tentang Pelayanan":                       {"119/PKS/DPMPTSP/VII/2025"},
		"Perubahan Pertama atas Kesepakatan Bersama Nomor: 180/12/HK/2024, tanggal 4 Juli 2024": {"180/12/HK/2024"},
		"addendum thd perjanjian no.415.4/07/2018 dan no 415.4/08/2018":                         {"415.4/07/2018", "415.4/08/2018"},
		"Nomor urut lama; tanpa nomor":                                                          nil,
		"Kerja sama pendidikan":                                                                 nil,
	} {
		if got := sheet.CitedNumbers(text); !slices.Equal(got, want) {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}
