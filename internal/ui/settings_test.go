package ui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
	"sepakat/internal/service"
	"sepakat/internal/store"
	"sepakat/internal/ui/kit"
)

func TestSettingsChangeHowAgreementsPrint(t *testing.T) {
	u, s, l := withExamples(t)
	st := u.settings
	read := false
	st.loaded = func(err error) {
		if err != nil {
			t.Error(err)
		}
		read = true
	}
	u.tabs.SelectIndex(tabSettings)
	if !st.saveBtn.Disabled() {
		t.Error("Simpan works before the settings show")
	}
	l.until("the settings", func() bool { return read })
	if st.own.Name != "Pemerintah Kabupaten Sumedang" || st.unit.Text != "Huk" {
		t.Fatalf("office %q, unit %q", st.own.Name, st.unit.Text)
	}
	if !strings.Contains(st.example.Text, "12/KSB.05-Huk/2026") {
		t.Errorf("example %q", st.example.Text)
	}
	saved := func() bool {
		t.Helper()
		test.Tap(st.saveBtn)
		if !st.message.Visible() {
			t.Fatal("saving said nothing")
		}
		return st.message.Importance == widget.SuccessImportance
	}
	retype := func(e *kit.Entry, text string) {
		e.SetText("")
		test.Type(e, text)
	}
	retype(st.template, "{nomor}/{jenis}/{tahun")
	if !strings.HasPrefix(st.example.Text, "Pola nomor tidak dapat dipakai.") {
		t.Errorf("example of a broken pattern: %q", st.example.Text)
	}
	if saved() || !strings.HasPrefix(st.message.Text, "Pola nomor tidak dapat dipakai.") {
		t.Errorf("a broken pattern was saved: %q", st.message.Text)
	}
	retype(st.template, defaultNumbering)
	retype(st.fontSize, "dua belas")
	if saved() || st.message.Text != lang.L("\"{{.Text}}\" bukan angka.", map[string]any{"Text": "dua belas"}) {
		t.Errorf("a font size in words was saved: %q", st.message.Text)
	}
	retype(st.fontSize, "20")
	if saved() || st.message.Text != tr("Belum tersimpan:")+"\n"+tr("Ukuran huruf (pt)")+": Di luar batas: isi antara 8 dan 16." {
		t.Errorf("a 20 pt font was saved: %q", st.message.Text)
	}
	retype(st.fontSize, "12")
	choose(t, u.win, st.paper, "F4")
	choose(t, u.win, st.pageNumbers, tr("Halaman 2 dari 5"))
	test.Tap(st.paraf)
	test.Tap(st.titleCase)
	test.Tap(st.placeOnly)
	test.Tap(st.actingAbbrev)
	choose(t, u.win, st.firstSide, tr("PIHAK PERTAMA di kanan"))
	if !saved() || st.message.Text != tr("Pengaturan tersimpan.") {
		t.Fatalf("save: %q", st.message.Text)
	}
	parties, _ := s.Parties()
	for _, p := range parties {
		if p.Own {
			pg := p.Page
			if pg.Paper != "F4" || pg.PageNumbers != agreement.PageNumbersHalaman || !pg.NoParaf || !pg.TitleCaseDate || !pg.FirstPartyRight || !pg.OpeningPlaceOnly || !pg.ActingAbbrev {
				t.Errorf("page %+v", pg)
			}
		}
	}
	// The next PDF prints on F4 with "Halaman 1 dari …" and the date in Title Case.
	var buf bytes.Buffer
	if err := (export.Printer{Src: s}).ExportPDF(context.Background(), 2, &buf, false); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ksb.pdf")
	os.WriteFile(path, buf.Bytes(), 0o600)
	info, _ := exec.Command("pdfinfo", path).Output()
	text, _ := exec.Command("pdftotext", path, "-").Output()
	if !strings.Contains(string(info), "609.45 x 935.43") {
		t.Errorf("not F4:\n%s", info)
	}
	if !strings.Contains(string(text), "Halaman 2 dari") {
		t.Error("no \"Halaman 2 dari …\" page numbers")
	}
	if !strings.Contains(string(text), "Empat bulan Juli tahun Dua Ribu Dua Puluh Lima") {
		t.Errorf("date in words not in Title Case:\n%.400s", text)
	}
	if flat := strings.Join(strings.Fields(string(text)), " "); !strings.Contains(flat, "bertempat di Sumedang,") || strings.Contains(flat, "Command Center") {
		t.Errorf("the opening names the building although the office chose the city only:\n%.600s", text)
	}
}

// partiesLost is a store whose instansi cannot be read.
type partiesLost struct {
	service.Service
	err error
}

func (p partiesLost) Parties() ([]agreement.Party, error) { return nil, p.err }

func TestSettingsSayWhyTheyCannotBeRead(t *testing.T) {
	bad := fmt.Errorf("%w: party 1", service.ErrCorrupt)
	u, l := withExamplesIn(t, func(s *store.Store) service.Service { return partiesLost{s, bad} })
	st := u.settings
	var read error
	st.loaded = func(err error) { read = err }
	u.tabs.SelectIndex(tabSettings)
	l.until("the settings", func() bool { return read != nil })
	want := kit.Failure(tr("Pengaturan tidak dapat dibaca:"), bad)
	if !st.message.Visible() || st.message.Text != want || st.message.Importance != widget.DangerImportance {
		t.Errorf("Pengaturan says %q (shown %v), want %q", st.message.Text, st.message.Visible(), want)
	}
	if !st.saveBtn.Disabled() {
		t.Error("Simpan works on settings that were never read")
	}
	noGoError(t, []string{st.message.Text}, bad)
}
