package editor

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/store"
)

// faulty is the data file with some of its answers replaced by failures, as
// a damaged record or a full disk gives them.
type faulty struct {
	*store.Store
	read, save, put, file error
}

func (f *faulty) Agreement(id agreement.ID) (agreement.Agreement, error) {
	if f.read != nil {
		return agreement.Agreement{}, f.read
	}
	return f.Store.Agreement(id)
}

func (f *faulty) SaveAgreement(a *agreement.Agreement) error {
	if f.save != nil {
		return f.save
	}
	return f.Store.SaveAgreement(a)
}

func (f *faulty) PutFile(name, media string, data []byte) (agreement.FileRef, error) {
	if f.put != nil {
		return agreement.FileRef{}, f.put
	}
	return f.Store.PutFile(name, media, data)
}

func (f *faulty) File(sha string) ([]byte, error) {
	if f.file != nil {
		return nil, f.file
	}
	return f.Store.File(sha)
}

// diskFull is what writing to a full disk returns.
var diskFull = &fs.PathError{Op: "write", Path: "/data/sepakat.db", Err: syscall.ENOSPC}

// noGoErrors fails when a Go error string shows in text.
func noGoErrors(t *testing.T, text string) {
	t.Helper()
	for _, s := range []string{"store:", "service:", "open /", "no space left", "bbolt", "%!"} {
		if strings.Contains(text, s) {
			t.Errorf("%q shows %q", text, s)
		}
	}
}

// shows checks the text at the bottom of the editor.
func shows(t *testing.T, e *Editor, want string) {
	t.Helper()
	if !e.general.Visible() || e.general.Text != want {
		t.Errorf("the editor says %q (shown %v)\nwant %q", e.general.Text, e.general.Visible(), want)
	}
	if e.general.Importance != widget.DangerImportance {
		t.Errorf("%q is not shown as a problem", e.general.Text)
	}
	noGoErrors(t, e.general.Text)
}

// withoutScheme takes the numbering scheme away from our office.
func withoutScheme(t *testing.T, s *store.Store) {
	t.Helper()
	parties, err := s.Parties()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parties {
		if p.Own {
			p.Numbering = nil
			if err := s.SaveParty(&p); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestTakingANumberWithoutASchemeSaysWhatToDo(t *testing.T) {
	h := newHarness(t)
	withoutScheme(t, h.s)
	e := h.draft(nil)
	if e.identity.takeNumber.Disabled() {
		t.Fatal("Ambil nomor is off on an unnumbered draft")
	}
	test.Tap(e.identity.takeNumber)
	shows(t, e, "Nomor tidak dapat diambil: Instansi ini belum mempunyai pola penomoran. Isi pola nomor di tab Pengaturan, bagian Penomoran.")
	if e.identity.ownNumber.Text != "" || e.identity.takeNumber.Disabled() {
		t.Errorf("number %q after a refusal", e.identity.ownNumber.Text)
	}
}

func TestTakingANumberSaysItInEnglishToo(t *testing.T) {
	t.Setenv("LANGUAGE", "en")
	t.Setenv("LC_ALL", "en_US.UTF-8")
	h := &harness{t: t, app: test.NewTempApp(t), l: &loop{t: t, ch: make(chan func(), 256)}}
	if err := langFS(); err != nil {
		t.Fatal(err)
	}
	h.s = openStore(t)
	withoutScheme(t, h.s)
	e := h.draft(nil)
	test.Tap(e.identity.takeNumber)
	shows(t, e, "The number could not be taken: This office has no numbering scheme yet. Set the number pattern in the Settings tab, under Numbering.")
}

func TestSavingAStaleRevisionKeepsTheTextAndSaysWhy(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	// Another window saves the agreement in between.
	other, err := h.s.Agreement(e.a.ID)
	if err != nil {
		t.Fatal(err)
	}
	other.Notes = "diubah di jendela lain"
	if err := h.s.SaveAgreement(&other); err != nil {
		t.Fatal(err)
	}
	retype(e.Window(), e.identity.place, "Jatinangor")
	test.Tap(e.saveBtn)
	shows(t, e, "Belum tersimpan: Data ini sudah diubah di jendela lain sejak Anda membukanya. Perubahan Anda tidak disimpan; buka ulang data itu lalu ulangi perubahan.")
	if !e.Dirty() || e.identity.place.Text != "Jatinangor" {
		t.Errorf("typed text lost: %q, dirty %v", e.identity.place.Text, e.Dirty())
	}
	if stored, _ := h.s.Agreement(e.a.ID); stored.Place == "Jatinangor" || stored.Notes != other.Notes {
		t.Errorf("the stale save changed the store: %+v", stored)
	}
}

func TestADamagedRecordIsSaidInWords(t *testing.T) {
	h := newHarness(t)
	f := &faulty{Store: h.s}
	e := h.draft(f)
	f.save = fmt.Errorf("%w: nilai tersimpan tidak dikenal", service.ErrCorrupt)
	retype(e.Window(), e.identity.place, "Jatinangor")
	test.Tap(e.saveBtn)
	shows(t, e, "Belum tersimpan: Berkas data rusak. Pulihkan dari cadangan.\nRincian: nilai tersimpan tidak dikenal")
	// A record that cannot be read opens no editor, and says why in words.
	f.read = fmt.Errorf("%w: nilai tersimpan tidak dikenal", service.ErrCorrupt)
	_, err := Open(Config{App: h.app, Svc: f, Now: fixedNow, Do: h.l.do}, e.a.ID)
	if got := service.Message(err, i18n.ID); !errors.Is(err, service.ErrCorrupt) || got != "Berkas data rusak. Pulihkan dari cadangan.\nRincian: nilai tersimpan tidak dikenal" {
		t.Errorf("opening a damaged record: %q", got)
	}
}

func TestAFullDiskIsSaidInWords(t *testing.T) {
	h := newHarness(t)
	f := &faulty{Store: h.s, put: diskFull}
	e := h.draft(f)
	e.tabs.SelectIndex(tabAttachments)
	png, err := os.ReadFile("../../../resources/icon.png")
	if err != nil {
		t.Fatal(err)
	}
	if e.attachments.attach("Pindaian KSB.png", png) {
		t.Fatal("attached on a full disk")
	}
	shows(t, e, "Lampiran tidak dapat ditambahkan: Disk penuh. Kosongkan ruang pada disk atau pilih disk lain, lalu coba lagi.\nRincian: /data/sepakat.db")
	if len(e.attachments.rows) != 0 || e.Dirty() {
		t.Errorf("%d attachments listed, dirty %v", len(e.attachments.rows), e.Dirty())
	}
	f.save = diskFull
	retype(e.Window(), e.identity.place, "Jatinangor")
	test.Tap(e.saveBtn)
	shows(t, e, "Belum tersimpan: Disk penuh. Kosongkan ruang pada disk atau pilih disk lain, lalu coba lagi.\nRincian: /data/sepakat.db")
}

func TestABrokenAttachmentSaysItCannotOpen(t *testing.T) {
	h := newHarness(t)
	f := &faulty{Store: h.s}
	e := h.draft(f)
	e.tabs.SelectIndex(tabAttachments)
	at := e.attachments
	if !at.attach("Draf.pdf", []byte("%PDF-1.4 draf")) {
		t.Fatal(e.general.Text)
	}
	at.openURL = func(u *url.URL) error { t.Errorf("opened %s", u); return nil }
	f.file = fmt.Errorf("file %s: %w", "4be0", service.ErrNotFound)
	tapRow(t, at.list, at.rowText(0))
	test.Tap(at.open)
	shows(t, e, "Lampiran tidak dapat dibuka: Data tidak ditemukan. Mungkin sudah dihapus; muat ulang daftar.\nRincian: file 4be0")
	// A system viewer that cannot start is said the same way.
	f.file = nil
	at.tmpDir = t.TempDir()
	at.openURL = func(*url.URL) error { return &fs.PathError{Op: "exec", Path: "/usr/bin/xdg-open", Err: fs.ErrNotExist} }
	test.Tap(at.open)
	shows(t, e, "Lampiran tidak dapat dibuka: Berkas atau folder tidak ditemukan. Periksa letaknya, lalu coba lagi.\nRincian: /usr/bin/xdg-open")
}

// heldPrinter makes a PDF only when released, as a long agreement on a slow
// desktop takes its time.
type heldPrinter struct {
	release chan struct{}
	err     error
}

func (p heldPrinter) ExportPDF(ctx context.Context, id agreement.ID, w io.Writer, draft bool) error {
	select {
	case <-p.release:
	case <-ctx.Done():
		return ctx.Err() // Batal stops the work, not just the waiting
	}
	if p.err != nil {
		return p.err
	}
	_, err := fmt.Fprintf(w, "%%PDF-1.4 perjanjian %d", id)
	return err
}

func TestExportFromTheEditorCanBeCancelled(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	p := heldPrinter{release: make(chan struct{})}
	defer close(p.release)
	e.printer = p
	path := filepath.Join(t.TempDir(), "pks.pdf")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	var result error
	finished := false
	e.exportTo(w, false, func(err error) { result, finished = err, true })
	run := e.export
	h.l.until("the progress dialog", func() bool {
		return run.Bar.Visible() && run.Bar.Running() && e.Window().Canvas().Overlays().Top() != nil
	})
	test.Tap(run.Stop)
	h.l.until("the export to stop", func() bool { return finished })
	if !errors.Is(result, context.Canceled) || run.Bar.Running() || e.Window().Canvas().Overlays().Top() != nil {
		t.Errorf("after Batal: %v, bar running %v", result, run.Bar.Running())
	}
	if e.general.Text != "Pembuatan PDF dibatalkan." {
		t.Errorf("after Batal the editor says %q", e.general.Text)
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a cancelled export left %s: %v", path, err)
	}
}

func TestExportFromTheEditorWritesThePDFOrSaysWhyNot(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	p := heldPrinter{release: make(chan struct{})}
	close(p.release)
	e.printer = p
	path := filepath.Join(t.TempDir(), "pks.pdf")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	finished := false
	e.exportTo(w, false, func(error) { finished = true })
	h.l.until("the export", func() bool { return finished })
	if data, err := os.ReadFile(path); err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("exported %q, %v", data, err)
	}
	if b := dialogButtons(t, e.Window(), "no word of the exported PDF"); b["Buka berkas"] == nil || b["Buka folder"] == nil {
		t.Errorf("after the export the dialog offers %v", b)
	}
	test.Tap(dialogButtons(t, e.Window(), "")["Tutup"])

	p.err = diskFull
	e.printer = p
	if w, err = storage.Writer(storage.NewFileURI(path)); err != nil {
		t.Fatal(err)
	}
	finished = false
	e.exportTo(w, true, func(error) { finished = true })
	h.l.until("the export", func() bool { return finished })
	shows(t, e, "PDF tidak dibuat: Disk penuh. Kosongkan ruang pada disk atau pilih disk lain, lalu coba lagi.\nRincian: /data/sepakat.db")
}
