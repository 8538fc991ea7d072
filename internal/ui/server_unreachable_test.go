package ui

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
	"sepakat/internal/pgstore"
	"sepakat/internal/pgstore/pgtest"
	"sepakat/internal/places"
	"sepakat/internal/service"
	"sepakat/internal/store"
)

// onServer opens the register on the cluster c through the server page, as
// a person does, and returns the window.
func onServer(t *testing.T, c *pgtest.Cluster) (*App, *loop) {
	t.Helper()
	keyring.MockInit()
	u, l := serverDesk(t)
	u.settingsServerShown()
	fillProfile(u.serverPage, socketDir(t, c.Conn), "sepakat_test", "postgres", "")
	test.Tap(u.serverPage.use)
	l.until("the server's register", func() bool { return u.Server != "" })
	l.drain()
	return u, l
}

// labelWith is the first label in o's tree whose text holds part, or nil.
func labelWith(o fyne.CanvasObject, part string) *widget.Label {
	for _, x := range append([]fyne.CanvasObject{o}, test.LaidOutObjects(o)...) {
		if lb, ok := x.(*widget.Label); ok && lb.Visible() && strings.Contains(lb.Text, part) {
			return lb
		}
	}
	return nil
}

func buttonIn(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, x := range test.LaidOutObjects(o) {
		if b, ok := x.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// TestServerStoppedMidSession: the server stops while an editor is open.
// Saving says so in plain words and keeps the editor open with what was
// typed; once the server is back, Simpan again saves it, without a restart.
func TestServerStoppedMidSession(t *testing.T) {
	c := onServerExamples(t)
	id := draftOnServer(t, c)
	u, l := onServer(t, c)
	u.onOpen(id)
	e := u.editors[id]
	if e == nil {
		t.Fatal("no editor")
	}
	l.until("the editor's content", func() bool { _, empty := e.Window().Content().(*widget.Label); return !empty })
	w := e.Window()
	subject := editorField(t, e, lang.L("Tentang"))
	const typed = "Percepatan Reformasi Birokrasi, diketik saat server mati"
	retype(w, subject, typed)

	if err := c.Kill(); err != nil {
		t.Fatal(err)
	}
	save := buttonIn(t, w.Content(), lang.L("Simpan"))
	test.Tap(save)
	if u.editors[id] != e || !e.Dirty() || subject.Text != typed {
		t.Fatalf("after a failed save: editor kept %v, dirty %v, subject %q", u.editors[id] == e, e.Dirty(), subject.Text)
	}
	if labelWith(w.Content(), "Belum tersimpan: Server data kantor tidak dapat dihubungi.") == nil ||
		labelWith(w.Content(), "Yang sudah Anda ketik tidak hilang: simpan lagi") == nil {
		t.Error("the editor does not say the server cannot be reached")
	}
	if labelWith(w.Content(), "Rincian") != nil || labelWith(w.Content(), "broken pipe") != nil {
		t.Error("the driver's error is on screen")
	}

	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	test.Tap(save)
	if e.Dirty() || labelWith(w.Content(), "Tersimpan: revisi") == nil {
		for _, x := range test.LaidOutObjects(w.Content()) {
			if lb, ok := x.(*widget.Label); ok && lb.Visible() && strings.Contains(lb.Text, "tersimpan") {
				t.Log(lb.Text)
			}
		}
		t.Fatalf("Simpan after the server came back: dirty %v", e.Dirty())
	}
	other, err := pgstore.Open(context.Background(), c.Conn, pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if a, err := other.Agreement(id); err != nil || a.Subject != typed {
		t.Errorf("on the server: %q, %v", a.Subject, err)
	}
	l.drain()
	if total, err := u.svc.Total(); err != nil || total != 4 {
		t.Errorf("the register after the restart: %d, %v", total, err)
	}
}

// draftOnServer saves a PKS draft under the KSB with Lampung Selatan on c.
func draftOnServer(t *testing.T, c *pgtest.Cluster) agreement.ID {
	t.Helper()
	s, err := pgstore.Open(context.Background(), c.Conn, pgstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ksb, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	pks, err := agreement.NewChild(&ksb, agreement.KindPKS, fixedNow())
	if err != nil {
		t.Fatal(err)
	}
	pks.Subject = "Pertukaran Data Perizinan Berusaha"
	pks.Body = ksb.Body
	if err := s.SaveAgreement(&pks); err != nil {
		t.Fatal(err)
	}
	return pks.ID
}

// TestServerDownOpensTheNewestLocalCopyReadOnly: while the server cannot be
// reached, the dialog opens this seat's newest copy of the register, for
// reading only (the title says so, a save says why it cannot); once the
// server is back, the server page opens it again.
func TestServerDownOpensTheNewestLocalCopyReadOnly(t *testing.T) {
	c := onServerExamples(t)
	id := draftOnServer(t, c)
	u, l := onServer(t, c)
	copies := u.ServerLink.(pgLink).copies
	u.showWelcome() // as on an empty data file at start
	if _, err := u.svc.BackupNow(context.Background(), service.ReasonManual); err != nil {
		t.Fatal(err)
	}
	u.OpenServerCopy = func(ctx context.Context) (service.Service, service.Printer, time.Time, error) {
		info, err := pgstore.NewestCopy(copies)
		if err != nil {
			return nil, nil, info.Time, err
		}
		s, err := store.Open(filepath.Join(t.TempDir(), "salinan.db"), store.Options{})
		if err != nil {
			return nil, nil, info.Time, err
		}
		t.Cleanup(func() { s.Close() })
		if _, err := s.ImportFrom(ctx, func() (io.ReadCloser, error) { return os.Open(info.Path) }); err != nil {
			return nil, nil, info.Time, err
		}
		return service.ReadOnly(s), export.Printer{Src: s}, info.Time, nil
	}
	prof, _ := SavedServer(u.app)
	if err := c.Kill(); err != nil {
		t.Fatal(err)
	}
	_, _, err := u.ServerLink.Open(context.Background(), prof.ConnString(), "")
	u.ServerUnavailable(prof, err)
	x := u.unreachable
	if !strings.Contains(x.message.Text, "Server data kantor tidak dapat dihubungi.") || x.login.Visible() {
		t.Errorf("dialog: %q", x.message.Text)
	}
	test.Tap(x.copy)
	l.until("the copy", func() bool { return u.copyOpen != "" })
	l.drain()
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Error("a dialog (the empty data file's welcome) still covers the copy")
	}
	if title := u.win.Title(); !strings.HasPrefix(title, "Sepakat — salinan lokal "+prof.Describe()+" dari ") || !strings.HasSuffix(title, ", hanya baca") {
		t.Errorf("title: %q", title)
	}
	if total, _ := u.svc.Total(); total != 4 || u.status.Text != "4 perjanjian" {
		t.Errorf("the copy shows %d (%q)", total, u.status.Text)
	}
	u.onOpen(id)
	e := u.editors[id]
	l.until("the editor's content", func() bool { _, empty := e.Window().Content().(*widget.Label); return !empty })
	w := e.Window()
	retype(w, editorField(t, e, lang.L("Tentang")), "Diubah di salinan")
	test.Tap(buttonIn(t, w.Content(), lang.L("Simpan")))
	if !e.Dirty() || labelWith(w.Content(), "Salinan ini dibuka hanya untuk dibaca") == nil {
		t.Error("a save on the copy does not say why it cannot")
	}
	e.Close()

	// The server is back: the server page opens it again.
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	u.settingsServerShown()
	test.Tap(u.serverPage.use)
	l.until("the server's register", func() bool { return u.Server != "" })
	l.drain()
	if u.copyOpen != "" || !strings.Contains(u.win.Title(), "server kantor: ") {
		t.Errorf("back on the server: %q", u.win.Title())
	}
	if a, _ := u.svc.Agreement(id); a.Subject != "Pertukaran Data Perizinan Berusaha" {
		t.Errorf("the copy's change reached the server: %q", a.Subject)
	}
}

// TestServerDownAtStartOffersNoWelcome: started on a server profile whose
// server does not answer, the empty data file of this computer does not ask
// to set up a new office under the server's dialog; it does once the user
// chooses to work on this computer's file.
func TestServerDownAtStartOffersNoWelcome(t *testing.T) {
	a, st := newTestApp(t)
	u := New(a, st, export.Printer{Src: st}, fixedNow)
	u.DataPath = filepath.Join(t.TempDir(), "kantor.db")
	useLoop(t, u)
	u.Window().Show()
	prof := ServerProfile{Host: "10.0.0.5", Database: "sepakat", User: "staf"}
	// As the main program does: the server's dialog first, then Start.
	u.ServerUnavailable(prof, fmt.Errorf("%w: dial tcp 10.0.0.5:5432: connect: connection refused", service.ErrServerUnreachable))
	u.Start()
	if u.welcome != nil {
		t.Fatal("the welcome is offered under the server's dialog")
	}
	x := u.unreachable
	if strings.Contains(x.message.Text, "connection refused") || strings.Contains(x.message.Text, "tidak hilang") {
		t.Errorf("the dialog says %q", x.message.Text)
	}
	if !strings.Contains(x.message.Text, "berkas data "+places.Display(u.DataPath)) {
		t.Errorf("the dialog does not name the data file open: %q", x.message.Text)
	}
	test.Tap(x.stay)
	if u.welcome == nil {
		t.Error("the empty data file chosen: no welcome")
	}
	if where := u.serverPage.where.Text; !strings.Contains(where, places.Display(u.DataPath)) {
		t.Errorf("Pengaturan says %q", where)
	}
}
