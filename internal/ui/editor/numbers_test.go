package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
)

// A draft to be signed in an earlier year takes that year's number, from that
// year's counter, and the editor says which year it used.
func TestTakingANumberUsesTheSigningYear(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	retype(e.Window(), e.signing.date, "12/06/2024")
	says := func(want string) {
		t.Helper()
		if !e.general.Visible() || e.general.Text != want || e.general.Importance != widget.WarningImportance {
			t.Errorf("the editor says %q (shown %v)\nwant %q", e.general.Text, e.general.Visible(), want)
		}
	}
	test.Tap(e.identity.takeNumber)
	n := e.identity.ownNumber.Text
	if !strings.HasSuffix(n, "/2024") {
		t.Fatalf("number %q does not carry the planned signing year 2024", n)
	}
	says("Nomor memakai tahun 2024, tahun rencana penandatanganan.")
	if !e.onSave() {
		t.Fatalf("the draft with number %q was not saved: %s", n, e.general.Text)
	}

	// A draft without dates takes a number of this year, without a remark.
	other := h.draft(nil)
	test.Tap(other.identity.takeNumber)
	m := other.identity.ownNumber.Text
	if !strings.HasSuffix(m, "/2026") {
		t.Fatalf("number %q of an undated draft does not carry today's year", m)
	}
	if other.general.Text != "• belum disimpan" {
		t.Errorf("a number of today's year is remarked on: %q (only the unsaved mark should show)", other.general.Text)
	}
}

func TestNumberDateFollowsSigningThenPlanThenToday(t *testing.T) {
	today := agreement.NewDate(2026, 11, 22)
	a := agreement.Agreement{Status: agreement.StatusKonsep}
	if d, from := a.NumberDate(today); d != today || from != agreement.NumberFromToday {
		t.Errorf("undated: %v %v", d, from)
	}
	a.Term.Start = agreement.NewDate(2025, 1, 2)
	if d, from := a.NumberDate(today); d != a.Term.Start || from != agreement.NumberFromPlan {
		t.Errorf("planned start: %v %v", d, from)
	}
	a.Signing = &agreement.Signing{Date: agreement.NewDate(2024, 3, 4)}
	if d, from := a.NumberDate(today); d != a.Signing.Date || from != agreement.NumberFromPlan {
		t.Errorf("planned signing: %v %v", d, from)
	}
	a.Status = agreement.StatusDitandatangani
	if d, from := a.NumberDate(today); d != a.Signing.Date || from != agreement.NumberFromSigning {
		t.Errorf("signed: %v %v", d, from)
	}
}
