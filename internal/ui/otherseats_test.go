package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/pgstore"
	"sepakat/internal/service"
)

// TestOtherSeatsChangesShowWithinASecond: two seats on one server. When the
// other seat saves, this seat's register, Beranda and open editors follow
// within a second, without polling: a clean editor shows the new version,
// one with changes keeps them and says the record changed underneath.
func TestOtherSeatsChangesShowWithinASecond(t *testing.T) {
	c := onServerExamples(t)
	clean, typedIn := draftOnServer(t, c), draftOnServer(t, c)
	u, l := onServer(t, c)
	open := func(id agreement.ID) *widget.Entry {
		u.onOpen(id)
		e := u.editors[id]
		l.until("the editor's content", func() bool { _, empty := e.Window().Content().(*widget.Label); return !empty })
		return &editorField(t, e, lang.L("Tentang")).Entry
	}
	cleanSubject := open(clean)
	typedSubject := open(typedIn)
	retype(u.editors[typedIn].Window(), editorField(t, u.editors[typedIn], lang.L("Tentang")), "Diketik di kursi ini")
	loads := 0
	u.beranda.loaded = func(service.Dashboard, error) { loads++ }
	l.drain()
	if u.status.Text != "5 perjanjian" {
		t.Fatalf("before: %q", u.status.Text)
	}

	// The other seat: its own Store on the same server.
	other, err := pgstore.Open(context.Background(), c.Conn, pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	started := time.Now()
	for _, id := range []agreement.ID{clean, typedIn} {
		a, err := other.Agreement(id)
		if err != nil {
			t.Fatal(err)
		}
		a.Subject = "Diubah di kursi lain"
		if err := other.SaveAgreement(&a); err != nil {
			t.Fatal(err)
		}
	}
	ksb, _ := other.Agreement(2)
	pks, _ := agreement.NewChild(&ksb, agreement.KindPKS, fixedNow())
	pks.Subject, pks.Body = "Pelatihan Aparatur Perizinan", ksb.Body
	if err := other.SaveAgreement(&pks); err != nil {
		t.Fatal(err)
	}
	typedEditor := u.editors[typedIn]
	l.until("the other seat's saves", func() bool {
		return u.status.Text == "6 perjanjian" && cleanSubject.Text == "Diubah di kursi lain" && loads > 0 &&
			labelWith(typedEditor.Window().Content(), "baru saja diubah di komputer lain (revisi 2)") != nil
	})
	took := time.Since(started)
	if took > time.Second {
		t.Errorf("the other seat's saves showed after %v", took)
	}
	t.Logf("three saves of another seat shown after %v", took.Round(time.Millisecond))
	if u.editors[clean].Dirty() || labelWith(u.editors[clean].Window().Content(), "yang tampil sekarang revisi 2") == nil {
		t.Error("the clean editor does not say it shows the other seat's version")
	}
	if !typedEditor.Dirty() || typedSubject.Text != "Diketik di kursi ini" {
		t.Errorf("the editor with changes lost them: %q", typedSubject.Text)
	}
	// Its save meets the conflict rather than overwriting the other seat.
	test.Tap(buttonIn(t, typedEditor.Window().Content(), lang.L("Simpan")))
	if a, _ := other.Agreement(typedIn); a.Subject != "Diubah di kursi lain" || labelWith(typedEditor.Window().Content(), "sudah diubah") == nil {
		t.Errorf("after saving over the other seat: %q", a.Subject)
	}
}
