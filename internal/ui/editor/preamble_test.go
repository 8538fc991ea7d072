package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
)

// Premises and legal bases are added, typed, moved and removed in the Isi
// Naskah tab, printed as edited, and the usual ones fill in on request.
func TestEditorEditsPremisesAndLegalBases(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	a := e.a
	a.Premises, a.LegalBases = nil, nil
	if err := h.s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	e.Close()
	e = h.open(a.ID, nil)
	w := e.Window()
	e.tabs.SelectIndex(tabBody)
	h.l.until("the preview", func() bool { return strings.Contains(flatPreview(e), "PERJANJIAN KERJA SAMA") })
	if strings.Contains(flatPreview(e), "Kesepakatan Bersama Nomor") && !strings.Contains(flatPreview(e), "a. bahwa PARA PIHAK telah menandatangani") {
		t.Fatalf("the parent's citation is not the first premise:\n%s", flatPreview(e))
	}
	pre := e.body.pre
	e.body.sections.SelectIndex(1)
	test.Tap(pre.premises.add)
	test.Type(pre.premises.text, "bahwa perizinan berusaha di kedua daerah perlu dipercepat")
	test.Tap(pre.premises.add)
	test.Type(pre.premises.text, "bahwa data perizinan perlu dipertukarkan secara aman")
	h.l.until("the premises in the preview", func() bool {
		return strings.Contains(flatPreview(e), "b. bahwa perizinan berusaha di kedua daerah perlu dipercepat;\nc. bahwa data perizinan perlu dipertukarkan secara aman.")
	})
	test.Tap(pre.premises.up)
	h.l.until("the premises moved", func() bool {
		return strings.Contains(flatPreview(e), "b. bahwa data perizinan perlu dipertukarkan secara aman;\nc. bahwa perizinan")
	})

	e.body.sections.SelectIndex(2)
	test.Tap(pre.legal.fillDefaults)
	if len(pre.legal.items) != 3 || !strings.HasPrefix(pre.legal.items[1], "Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah") {
		t.Fatalf("the usual legal bases: %q", pre.legal.items)
	}
	test.Tap(pre.legal.fillDefaults) // twice adds nothing twice
	if len(pre.legal.items) != 3 {
		t.Fatalf("the usual legal bases added twice: %d", len(pre.legal.items))
	}
	tapRowStarting(t, pre.legal.list, "3. ")
	test.Tap(pre.legal.remove)
	test.Tap(pre.legal.add)
	test.Type(pre.legal.text, "Peraturan Daerah Kabupaten Sumedang Nomor 4 Tahun 2021 tentang Penyelenggaraan Perizinan;")
	h.l.until("the legal bases in the preview", func() bool {
		return strings.Contains(flatPreview(e), "3. Peraturan Daerah Kabupaten Sumedang Nomor 4 Tahun 2021 tentang Penyelenggaraan Perizinan.")
	})
	if !strings.Contains(flatPreview(e), "Perjanjian Kerja Sama ini dibuat dengan memperhatikan ketentuan peraturan perundang-undangan sebagai berikut:\n1. Undang-Undang Nomor 23 Tahun 2014") {
		t.Errorf("legal bases under their heading:\n%s", flatPreview(e))
	}
	test.Tap(e.saveBtn)
	got, err := h.s.Agreement(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Premises) != 2 || got.Premises[0] != "bahwa data perizinan perlu dipertukarkan secara aman" {
		t.Errorf("stored premises %q", got.Premises)
	}
	want := agreement.LegalBasis{Kind: "Peraturan Daerah Kabupaten Sumedang", Number: "4", Year: 2021, About: "Penyelenggaraan Perizinan"}
	if len(got.LegalBases) != 3 || got.LegalBases[2] != want || got.LegalBases[1].Number != "28" {
		t.Errorf("stored legal bases %+v", got.LegalBases)
	}
	// Removing every premise leaves no heading without its list.
	e.body.sections.SelectIndex(1)
	for len(pre.premises.items) > 0 {
		tapRowStarting(t, pre.premises.list, "a. ")
		test.Tap(pre.premises.remove)
	}
	h.l.until("no premises", func() bool { return !strings.Contains(flatPreview(e), "b. bahwa") })
	if strings.Contains(flatPreview(e), "bahwa perizinan berusaha") {
		t.Error("a removed premise still prints")
	}
	_ = w
}

// tapRowStarting taps the row of a list inside in whose text starts with prefix.
func tapRowStarting(t *testing.T, in fyne.CanvasObject, prefix string) {
	t.Helper()
	var row fyne.Tappable
	for _, o := range test.LaidOutObjects(in) {
		tp, ok := o.(fyne.Tappable)
		if !ok {
			continue
		}
		for _, c := range test.LaidOutObjects(o) {
			if txt, ok := c.(*canvas.Text); ok && strings.HasPrefix(txt.Text, prefix) {
				row = tp
			}
		}
	}
	if row == nil {
		t.Fatalf("no row starting %q", prefix)
	}
	test.Tap(row)
}

// A new PKS from a KSB starts with the usual premises and the parent's legal bases.
func TestDerivedPKSStartsWithPremises(t *testing.T) {
	h := newHarness(t)
	e := h.open(2, nil)
	test.Tap(e.actions[agreement.KindPKS])
	if len(h.created) != 1 {
		t.Fatal("no PKS made")
	}
	pks, err := h.s.Agreement(h.created[0])
	if err != nil {
		t.Fatal(err)
	}
	ksb, _ := h.s.Agreement(2)
	if len(pks.Premises) == 0 || !strings.HasPrefix(pks.Premises[0], "bahwa daerah dapat mengadakan kerja sama") || len(pks.LegalBases) != len(ksb.LegalBases) {
		t.Errorf("premises %q, %d legal bases (KSB %d)", pks.Premises, len(pks.LegalBases), len(ksb.LegalBases))
	}
}

// flatPreview is the preview's text with the items' indents taken off.
func flatPreview(e *Editor) string {
	lines := strings.Split(previewText(e), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimLeft(l, "\u2003 ")
	}
	return strings.Join(lines, "\n")
}
