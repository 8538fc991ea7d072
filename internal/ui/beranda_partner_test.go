package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
	"sepakat/internal/service"
)

// The Beranda lists drafts waiting on the partner more than the office's 14
// days, and a row opens its draft: on 22 November 2026 a PKS sent on 1
// October waits 52 days; one sent on 15 November is not late yet.
func TestBerandaListsDraftsWaitingOnThePartner(t *testing.T) {
	a, s := newTestApp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	ksb, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	send := func(subject string, day time.Time) agreement.Agreement {
		t.Helper()
		d := ksb
		d.ID, d.Rev, d.Status, d.Signing, d.Monitoring = 0, 0, agreement.StatusKonsep, nil, nil
		d.Parties = append([]agreement.AgreementParty(nil), ksb.Parties...)
		for i := range d.Parties {
			d.Parties[i].Number = ""
		}
		d.Subject = subject
		ref, err := s.PutFile("konsep.docx", "application/octet-stream", []byte(subject))
		if err != nil {
			t.Fatal(err)
		}
		d.Attachments = []agreement.Attachment{{Kind: agreement.AttachDraft, File: ref, Added: day,
			Note: agreement.SentNotePrefix + ", putaran 1, revisi 1"}}
		if err := s.SaveAgreement(&d); err != nil {
			t.Fatal(err)
		}
		return d
	}
	late := send("Pengembangan Pariwisata Perbatasan", time.Date(2026, 10, 1, 10, 0, 0, 0, time.Local))
	send("Pengelolaan Sampah Regional", time.Date(2026, 11, 15, 10, 0, 0, 0, time.Local))

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
	var rows []string
	var row *rowLink
	for _, o := range test.LaidOutObjects(u.beranda.procedure) {
		if r, ok := o.(*rowLink); ok {
			rows = append(rows, r.label.Text())
			if strings.Contains(r.label.Text(), "Pengelolaan Sampah Regional") {
				t.Errorf("a draft sent 7 days ago is listed: %q", r.label.Text())
			}
			if strings.HasPrefix(r.label.Text(), "dikirim 1 Oktober 2026, 52 hari lalu · KSB · Pemkab Lampung Selatan · Pengembangan Pariwisata Perbatasan") {
				row = r
			}
		}
	}
	if !slices.Contains(texts(u.beranda.procedure), "Menunggu jawaban mitra lewat 14 hari (1)") {
		t.Errorf("no heading of the list: %q", texts(u.beranda.procedure))
	}
	if row == nil {
		t.Fatalf("procedure rows: %q", rows)
	}
	test.Tap(row)
	if u.editors[late.ID] == nil {
		t.Error("tapping the row did not open the draft")
	}
}
