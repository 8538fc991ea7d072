package ui

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/export"
)

func TestSettingsChangeHowAgreementsPrint(t *testing.T) {
	u, s, _ := withExamples(t)
	u.tabs.SelectIndex(tabSettings)
	st := u.settings
	if st.own.Name != "Pemerintah Kabupaten Sumedang" || st.unit.Text != "Huk" {
		t.Fatalf("office %q, unit %q", st.own.Name, st.unit.Text)
	}
	if !strings.Contains(st.example.Text, "12/KSB.05-Huk/2026") {
		t.Errorf("example %q", st.example.Text)
	}
	st.template.SetText("{nomor}/{jenis}/{tahun")
	if st.save() {
		t.Error("a broken pattern was saved")
	}
	st.template.SetText(defaultNumbering)
	st.fontSize.SetText("dua belas")
	if st.save() {
		t.Error("a font size in words was saved")
	}
	st.fontSize.SetText("20")
	if st.save() || !strings.Contains(st.message.Text, "16") {
		t.Errorf("a 20 pt font was saved: %q", st.message.Text)
	}
	st.fontSize.SetText("12")
	st.paper.SetSelected("F4")
	st.pageNumbers.SetSelectedIndex(1)
	st.paraf.SetChecked(false)
	st.titleCase.SetChecked(true)
	st.firstSide.SetSelectedIndex(1)
	if !st.save() {
		t.Fatalf("save: %q", st.message.Text)
	}
	parties, _ := s.Parties()
	for _, p := range parties {
		if p.Own {
			pg := p.Page
			if pg.Paper != "F4" || pg.PageNumbers != agreement.PageNumbersHalaman || !pg.NoParaf || !pg.TitleCaseDate || !pg.FirstPartyRight {
				t.Errorf("page %+v", pg)
			}
		}
	}
	// The next PDF prints on F4 with "Halaman 1 dari …" and the date in Title Case.
	var buf bytes.Buffer
	if err := (export.Printer{Src: s}).ExportPDF(2, &buf, false); err != nil {
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
}
