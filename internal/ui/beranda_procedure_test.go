package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
	"sepakat/internal/service"
)

// The Beranda lists what the procedure waits for, and a row opens its
// agreement: on 22 November 2026 the examples' signed KSB (4 July 2025) has
// unfinished originals and overdue monev; a draft burdening the public
// waits for the DPRD.
func TestBerandaListsWhatTheProcedureWaitsFor(t *testing.T) {
	a, s := newTestApp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	ksb, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	draft := ksb
	draft.ID, draft.Rev, draft.Status, draft.Signing, draft.Monitoring, draft.Attachments = 0, 0, agreement.StatusKonsep, nil, nil, nil
	draft.Parties = append([]agreement.AgreementParty(nil), ksb.Parties...)
	for i := range draft.Parties {
		draft.Parties[i].Number = ""
	}
	draft.Subject = "Pembangunan Jalan Perbatasan"
	draft.DPRD = agreement.DPRDApproval{Burdens: agreement.AnswerYes, OutsideBudget: agreement.AnswerNo}
	if err := s.SaveAgreement(&draft); err != nil {
		t.Fatal(err)
	}
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	l := useLoop(t, u)
	u.Window().Resize(fyne.NewSize(1366, 768))
	u.Window().Show()
	loaded := false
	u.beranda.loaded = func(_ service.Dashboard, err error) {
		if err != nil {
			t.Fatal(err)
		}
		loaded = true
	}
	u.Start()
	l.until("the Beranda", func() bool { return loaded })
	var texts []string
	rows := map[string]*rowLink{}
	for _, o := range test.LaidOutObjects(u.beranda.procedure) {
		if r, ok := o.(*rowLink); ok {
			texts = append(texts, r.label.Text())
			rows[r.label.Text()] = r
		}
	}
	var dprd, copies, monev *rowLink
	for text, r := range rows {
		switch {
		case strings.Contains(text, "Pembangunan Jalan Perbatasan"):
			dprd = r
		case strings.HasPrefix(text, "ditandatangani 4 Juli 2025") && strings.Contains(text, ksb.Subject):
			copies = r
		case strings.HasPrefix(text, "putaran berakhir 31 Desember 2025, terlambat 326 hari") && strings.Contains(text, ksb.Subject):
			monev = r
		}
	}
	if dprd == nil || copies == nil || monev == nil {
		t.Fatalf("procedure rows: %q", texts)
	}
	test.Tap(dprd)
	if u.editors[draft.ID] == nil {
		t.Error("tapping the DPRD row did not open the draft")
	}
	test.Tap(monev)
	if u.editors[ksb.ID] == nil {
		t.Error("tapping the monev row did not open the KSB")
	}
}
