package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
)

// Ekspor PDF from the register checks a final copy as the editor does: a
// number whose words disagree with its digits is named and the print asks
// first; "Cetak konsep" does not ask.
func TestRegisterChecksTheTextBeforeAFinalPrint(t *testing.T) {
	u, s, _ := withExamples(t)
	a, err := s.Agreement(3)
	if err != nil {
		t.Fatal(err)
	}
	a.ID, a.Rev, a.Status, a.Signing = 0, 0, agreement.StatusKonsep, nil
	for i := range a.Parties {
		a.Parties[i].Number = ""
	}
	a.Body = append(a.Body, agreement.Node{Kind: agreement.NodePasal, Heading: "PELAPORAN",
		Text: "Laporan disampaikan setiap 3 (empat) bulan."})
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	u.Refresh()
	u.list.table.Select(widget.TableCellID{Row: 0, Col: 1}) // newest change first
	if u.selected != a.ID {
		t.Fatalf("selected %d, want %d", u.selected, a.ID)
	}
	test.Tap(u.exportBtn)
	got := strings.Join(texts(u.win.Canvas().Overlays().Top()), " ")
	if !strings.Contains(got, "Pemeriksaan naskah menemukan") || !strings.Contains(got, `3 ditulis dengan huruf "empat"`) {
		t.Fatalf("Ekspor PDF asked %q", got)
	}
	test.Tap(dialogButtons(t, u.win, "no question")["Perbaiki dulu"])
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("'Perbaiki dulu' left %q open", strings.Join(texts(top), " "))
	}
	test.Tap(u.draftBtn)
	got = strings.Join(texts(u.win.Canvas().Overlays().Top()), " ")
	if strings.Contains(got, "Pemeriksaan naskah") || got == "" {
		t.Fatalf("Cetak konsep showed %q, want the save dialog", got)
	}
}
