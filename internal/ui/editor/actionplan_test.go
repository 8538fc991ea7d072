package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
)

// A Nota Kesepakatan's rencana aksi is typed row by row in its own tab and
// prints as the lampiran; other kinds have no such tab.
func TestEditorRencanaAksiOfANotaKesepakatan(t *testing.T) {
	h := newHarness(t)
	if ksb := h.open(2, nil); ksb.actionPlan != nil || len(ksb.tabs.Items) != tabActionPlan {
		t.Errorf("a KSB shows a Rencana Aksi tab: %d tabs", len(ksb.tabs.Items))
	}
	src, err := h.s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	nk := src
	nk.ID, nk.Rev, nk.Kind, nk.Status, nk.Signing, nk.Monitoring, nk.Attachments = 0, 0, agreement.KindNK, agreement.StatusKonsep, nil, nil, nil
	nk.Parties = append([]agreement.AgreementParty(nil), src.Parties...)
	ministry := agreement.Party{Kind: agreement.PartyKementerian, Name: "Kementerian Dalam Negeri", ShortName: "Kemendagri", Seat: "Jakarta"}
	if err := h.s.SaveParty(&ministry); err != nil {
		t.Fatal(err)
	}
	nk.Category = "" // a Nota Kesepakatan with the centre is not kerja sama daerah
	for i := range nk.Parties {
		nk.Parties[i].Number = ""
		if !nk.Parties[i].Own { // a Nota Kesepakatan is made with a ministry
			nk.Parties[i] = agreement.AgreementParty{PartyID: ministry.ID, Role: nk.Parties[i].Role, Meterai: true}
		}
	}
	nk.Subject = "Percepatan Pelayanan Administrasi Kependudukan"
	if err := h.s.SaveAgreement(&nk); err != nil {
		t.Fatal(err)
	}
	e := h.open(nk.ID, nil)
	if e.actionPlan == nil || len(e.tabs.Items) != tabActionPlan+1 || e.tabs.Items[tabActionPlan].Text != "Rencana Aksi" {
		t.Fatalf("no Rencana Aksi tab on a Nota Kesepakatan: %d tabs", len(e.tabs.Items))
	}
	if e.actions[agreement.KindPKS].Visible() {
		t.Error("a Nota Kesepakatan offers to make a PKS from it")
	}
	e.tabs.SelectIndex(tabActionPlan)
	ap := e.actionPlan
	rows := [][3]string{
		{"Penyusunan petunjuk teknis layanan jemput bola", "Dinas Kependudukan dan Pencatatan Sipil", "Triwulan I 2026"},
		{"Pelatihan operator perekaman KTP-el", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "Triwulan II 2026"},
		{"Baris yang dihapus", "Inspektorat", "Triwulan III 2026"},
	}
	for _, r := range rows {
		test.Tap(ap.add)
		last := ap.rows[len(ap.rows)-1]
		test.Type(last.activity, r[0])
		test.Type(last.unit, r[1])
		test.Type(last.time, r[2])
	}
	test.Tap(ap.add) // an empty row is not kept
	test.Tap(ap.rows[2].remove)
	if len(ap.rows) != 3 || !e.Dirty() {
		t.Fatalf("%d rows, dirty %v", len(ap.rows), e.Dirty())
	}
	test.Tap(e.saveBtn)
	got, _ := h.s.Agreement(nk.ID)
	if len(got.ActionPlan) != 2 || got.ActionPlan[1] != (agreement.ActionItem{Activity: rows[1][0], Unit: rows[1][1], Time: rows[1][2]}) {
		t.Fatalf("stored %+v: %q", got.ActionPlan, e.general.Text)
	}
	if len(ap.rows) != 2 {
		t.Errorf("after saving the tab shows %d rows", len(ap.rows))
	}
	words := pdfWords(t, h, nk.ID)
	for _, s := range []string{"LAMPIRAN NOTA KESEPAKATAN", "RENCANA AKSI", "UNIT PELAKSANA", "Penyusunan petunjuk teknis layanan jemput bola", "Triwulan II 2026"} {
		if !strings.Contains(words, s) {
			t.Errorf("the printed Nota Kesepakatan lacks %q", s)
		}
	}
	if strings.Contains(words, "Baris yang dihapus") {
		t.Error("a removed row printed")
	}
}
