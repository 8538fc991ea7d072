package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"sepakat/internal/agreement"
	"sepakat/internal/sheet"
)

// button finds the button labelled text in w's content or top dialog.
func button(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	objs := test.LaidOutObjects(w.Content())
	if top := w.Canvas().Overlays().Top(); top != nil {
		objs = test.LaidOutObjects(top)
	}
	for _, o := range objs {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// handBack runs the work the wizard's goroutine handed back; the time limit
// only stops a hang.
func handBack(t *testing.T, handed chan func()) {
	t.Helper()
	select {
	case f := <-handed:
		f()
	case <-time.After(20 * time.Second):
		t.Fatal("the wizard's work did not come back")
	}
}

func oldRegister(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "daftar 2019.xlsx")
	f := excelize.NewFile()
	rows := [][]any{
		{"No", "Nomor", "Bentuk Dokumen", "Perihal", "Mitra Kerja Sama", "Tanggal Penandatanganan", "Masa Berlaku", "Kode Arsip"},
		{1, "180/1/KSB/2019", "MoU", "Pelayanan Perizinan", "Pemkab Lampung Selatan", "4 Juli 2019", "5 tahun", "A-17"},
		{2, "61/KSB.05-Huk/2025", "PKS", "Promosi Investasi", "Kab. Lampung Selatan", "12-08-2019", "2 th", "A-18"},
		{3, "180/3/KSB/2019", "MoU", "Pengelolaan Sampah", "Kab. Antah Berantah", "Jumat, 6 September 2019", "60 bulan", "A-19"},
		{4, "180/4/PKS/2019", "PKS", "Magang Mahasiswa", "Universitas Padjadjaran", "2019", "3 tahun", "A-20"},
	}
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		f.SetSheetRow("Sheet1", cell, &row)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportOldRegisterWizard(t *testing.T) {
	a, s := newTestApp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	handed := make(chan func(), 4)
	refreshed := false
	w := newSheetImport(a, s, fixedNow, func(f func()) { handed <- f }, func() { refreshed = true })
	w.win.Show()
	defer w.win.Close()

	// Step 1: the file dialog's answer, then its sheet.
	w.load(oldRegister(t))
	if w.sheetSel.Selected != "Sheet1" || w.next.Disabled() {
		t.Fatalf("sheet %q, next disabled %v", w.sheetSel.Selected, w.next.Disabled())
	}
	test.Tap(w.next)
	if !w.next.Disabled() || w.next.Text != "Membaca…" {
		t.Errorf("while reading: %q, disabled %v", w.next.Text, w.next.Disabled())
	}
	handBack(t, handed)

	// Step 2: a select per column with the proposal; the archive code is
	// not recognised, and the user imports it as notes.
	if w.step != 2 || len(w.columns) != 8 {
		t.Fatalf("step %d, %d columns", w.step, len(w.columns))
	}
	want := []string{"(tidak diimpor)", "Nomor", "Jenis", "Tentang", "Mitra", "Tanggal tanda tangan", "Jangka waktu", "(tidak diimpor)"}
	for c, sel := range w.columns {
		if sel.Selected != want[c] {
			t.Errorf("column %s proposed %q, want %q", sheet.ColumnName(c), sel.Selected, want[c])
		}
	}
	if !strings.Contains(strings.Join(texts(w.win.Content()), " "), "A-17 · A-18 · A-19") {
		t.Error("sample values not shown beside the columns")
	}
	choose(t, w.win, w.columns[7], "Catatan")
	test.Tap(button(t, w.win, "Lanjut"))
	handBack(t, handed)

	// Step 3: the preview, every row with its problems.
	if w.step != 3 || len(w.rows) != 4 {
		t.Fatalf("step %d, %d rows shown", w.step, len(w.rows))
	}
	if got := w.counts.Text; !strings.HasPrefix(got, "2 baris siap diimpor, 2 bermasalah") {
		t.Fatalf("counts %q", got)
	}
	if got := w.cell(1, 2); !strings.Contains(got, "sudah ada di daftar perjanjian") {
		t.Errorf("row 3 problem %q", got)
	}
	choose(t, w.win, w.show, "Bermasalah")
	if len(w.rows) != 2 {
		t.Fatalf("%d rows with problems shown", len(w.rows))
	}
	// Row 4's partner is no region: choose it by typing.
	w.preview.Select(widget.TableCellID{Row: 1, Col: 4})
	if w.current != 2 {
		t.Fatalf("selected plan row %d", w.current)
	}
	// A row with a problem cannot go in: its box is unticked and disabled,
	// with the reason beside it, and tapping it changes nothing.
	if w.include.Checked || !w.include.Disabled() || !strings.Contains(strings.Join(texts(w.detail), " "), "Baris bermasalah tidak dapat diimpor sampai masalahnya diperbaiki.") {
		t.Fatalf("row with a problem: include checked %v, disabled %v", w.include.Checked, w.include.Disabled())
	}
	test.Tap(w.include)
	if got := w.counts.Text; w.include.Checked || !strings.HasPrefix(got, "2 baris siap diimpor, 2 bermasalah") {
		t.Fatalf("after tapping the disabled box: %v, %q", w.include.Checked, got)
	}
	pickOption(t, w.win, w.partner, "Pemerintah Kabupaten Lampung Timur")
	if got := w.counts.Text; !strings.HasPrefix(got, "3 baris siap diimpor, 1 bermasalah") {
		t.Fatalf("after the partner: %q", got)
	}
	// Fixed: the box is ticked and can be used again.
	if !w.include.Checked || w.include.Disabled() {
		t.Fatalf("fixed row: include checked %v, disabled %v", w.include.Checked, w.include.Disabled())
	}
	// Row 3's number is taken: fix it in place.
	choose(t, w.win, w.show, "Semua baris")
	w.preview.Select(widget.TableCellID{Row: 1, Col: 2})
	num := w.fixes[0]
	w.win.Canvas().Focus(num)
	num.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(num, "180/2/PKS/2019")
	test.Tap(button(t, w.win, "Terapkan perbaikan"))
	if got := w.counts.Text; !strings.HasPrefix(got, "4 baris siap diimpor, 0 bermasalah (tidak diimpor), 0 dilewati; 1 instansi baru") {
		t.Fatalf("after the fix: %q", got)
	}
	// Leave row 2 out by choice.
	w.preview.Select(widget.TableCellID{Row: 0, Col: 2})
	test.Tap(w.include)
	if got := w.counts.Text; !strings.HasPrefix(got, "3 baris siap diimpor, 0 bermasalah (tidak diimpor), 1 dilewati") || w.importBtn.Text != "Impor 3 baris" {
		t.Fatalf("after leaving a row out: %q, %q", got, w.importBtn.Text)
	}
	before, _ := s.Total()
	test.Tap(w.importBtn)
	dlg := strings.Join(texts(w.win.Canvas().Overlays().Top()), " ")
	if !strings.Contains(dlg, "3 perjanjian akan disimpan sekaligus") || !strings.Contains(dlg, "• Universitas Padjadjaran (perguruan tinggi)") {
		t.Fatalf("confirmation says %q", dlg)
	}
	if n, _ := s.Total(); n != before {
		t.Fatal("written before the confirmation")
	}
	test.Tap(dialogButtons(t, w.win, "no confirmation")["Impor"])
	handBack(t, handed)

	// Step 4: one import, a summary, the main window told.
	if w.step != 4 || !refreshed || !strings.Contains(w.summary.Text, "3 perjanjian diimpor dari daftar 2019.xlsx, lembar Sheet1 dengan 1 instansi baru. 1 baris tidak diimpor.") {
		t.Fatalf("step %d, summary %q", w.step, w.summary.Text)
	}
	if n, _ := s.Total(); n != before+3 {
		t.Fatalf("total %d → %d", before, n)
	}
	got := map[string]agreement.Agreement{}
	for id := agreement.ID(4); id <= 6; id++ {
		ag, err := s.Agreement(id)
		if err != nil {
			t.Fatal(err)
		}
		got[ag.OwnNumber()] = ag
	}
	if ag := got["180/2/PKS/2019"]; ag.Notes != "A-18" || ag.Kind != agreement.KindPKS || ag.Signing.Date != agreement.NewDate(2019, 8, 12) || !ag.IsImported() {
		t.Errorf("fixed row saved as %+v", ag)
	}
	if ag := got["180/3/KSB/2019"]; ag.Parties[1].PartyID != 3 || ag.Term.End != agreement.NewDate(2024, 9, 5) {
		t.Errorf("row with a chosen partner saved as %+v", ag)
	}
	if _, ok := got["180/1/KSB/2019"]; ok {
		t.Error("the row left out was imported")
	}
	// The mapping is remembered for the next file of this shape.
	w2 := newSheetImport(a, s, fixedNow, func(f func()) { handed <- f }, nil)
	defer w2.win.Close()
	w2.load(oldRegister(t))
	test.Tap(w2.next)
	handBack(t, handed)
	if w2.columns[7].Selected != "Catatan" {
		t.Errorf("remembered mapping not used: %q", w2.columns[7].Selected)
	}
}

// The register exports as it shows: filtered to one kind, then all.
func TestExportRegisterAsShown(t *testing.T) {
	u, _, l := withExamples(t)
	choose(t, u.win, u.list.kindSel, "PKS – Perjanjian Kerja Sama")
	l.until("the arrangement", func() bool { return len(u.list.ids) == 1 })
	ids, err := u.list.shownIDs()
	if err != nil || len(ids) != 1 {
		t.Fatalf("%v %v", ids, err)
	}
	path := filepath.Join(t.TempDir(), "daftar.xlsx")
	var got error
	done := false
	u.exportSheetTo(path, ids, func(err error) { got, done = err, true })
	l.until("the export", func() bool { return done })
	if got != nil {
		t.Fatal(got)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(sheet.SheetName)
	f.Close()
	if len(rows) != 2 || rows[1][2] != "Perjanjian Kerja Sama" || rows[1][0] != "119/PKS.05-Huk/2025" {
		t.Errorf("rows %q", rows)
	}
	said := texts(u.win.Canvas().Overlays().Top())
	if !slices.Contains(said, "1 perjanjian diekspor.") || !slices.Contains(said, "daftar.xlsx") ||
		!slices.Contains(said, "di folder "+filepath.Dir(path)) || !slices.Contains(said, "Berkas tersimpan") {
		t.Errorf("no word of where the file went: %q", said)
	}
	// The button by the filters is there.
	u.tabs.SelectIndex(tabList)
	test.Tap(dialogButtons(t, u.win, "no dialog")["Tutup"])
	test.Tap(button(t, u.win, "Ekspor…"))
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("Ekspor… asked for no file")
	}
}

// An imported agreement has no text: Ekspor PDF says so at once, without
// asking where to save a document there is not.
func TestImportedAgreementRefusesPDF(t *testing.T) {
	u, s, _ := withExamples(t)
	a, _ := s.Agreement(3)
	a.ID, a.Rev, a.Body = 0, 0, nil
	a.Imported = &agreement.Imported{Source: "daftar.xlsx", Row: 2}
	for i := range a.Parties {
		a.Parties[i].Number += "-lama"
	}
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
	if !strings.Contains(got, "Naskah tidak tersedia untuk perjanjian impor") {
		t.Errorf("dialog says %q", got)
	}
}

// The file step names what is wrong with a file or a sheet, and stays.
func TestImportWizardRefusesInWords(t *testing.T) {
	a, s := newTestApp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	handed := make(chan func(), 4)
	w := newSheetImport(a, s, fixedNow, func(f func()) { handed <- f }, nil)
	w.win.Show()
	defer w.win.Close()
	dir := t.TempDir()
	xls := filepath.Join(dir, "lama.xls")
	if err := os.WriteFile(xls, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), 0o600); err != nil {
		t.Fatal(err)
	}
	w.load(xls)
	if !w.problem.Visible() || !strings.Contains(w.problem.Text, "format Excel lama (.xls)") || !w.next.Disabled() {
		t.Errorf(".xls: %q, next disabled %v", w.problem.Text, w.next.Disabled())
	}
	path := filepath.Join(dir, "dua.xlsx")
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Nomor", "Tentang", "Mitra"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"1/2019", "Pariwisata", "Kab. Lampung Timur"})
	f.NewSheet("Arsip")
	f.SetSheetVisible("Arsip", false)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	w.load(path)
	if w.problem.Visible() || w.sheetSel.Selected != "Sheet1" {
		t.Fatalf("problem %q, sheet %q", w.problem.Text, w.sheetSel.Selected)
	}
	choose(t, w.win, w.sheetSel, "Arsip (tersembunyi)")
	test.Tap(w.next)
	handBack(t, handed)
	if w.step != 1 || !strings.Contains(w.problem.Text, "Lembar \"Arsip\" tersembunyi") {
		t.Errorf("hidden sheet: step %d, %q", w.step, w.problem.Text)
	}
}

// An imported Adendum hangs under its parent: the one its subject cites is
// shown in the preview; one citing a number nobody has is refused until its
// parent is typed in the row's detail.
func TestImportLinksAdendumToItsParent(t *testing.T) {
	a, s := newTestApp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "adendum.xlsx")
	f := excelize.NewFile()
	rows := [][]any{
		{"No", "Nomor", "Jenis", "Perihal", "Mitra", "Tanggal TTD", "Keterangan"},
		{1, "180/20/PKS/2021", "PKS", "Pengelolaan Sampah Regional", "Pemkab Lampung Selatan", "05-01-2021", ""},
		{2, "180/21/ADD/2022", "Adendum", "Adendum atas PKS No. 180/20/PKS/2021", "Pemkab Lampung Selatan", "10-03-2022", ""},
		{3, "180/22/ADD/2023", "Perubahan", "Perubahan Jadwal", "Pemkab Lampung Selatan", "01-06-2023", "Adendum atas PKS Nomor: 180/02/PKS/2021"},
	}
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		f.SetSheetRow("Sheet1", cell, &row)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	handed := make(chan func(), 4)
	w := newSheetImport(a, s, fixedNow, func(f func()) { handed <- f }, nil)
	w.win.Show()
	defer w.win.Close()
	w.load(path)
	test.Tap(w.next)
	handBack(t, handed)
	test.Tap(button(t, w.win, "Lanjut"))
	handBack(t, handed)
	col := slices.IndexFunc(previewColumns, func(c struct {
		title string
		width float32
	}) bool {
		return c.title == "Induk"
	})
	if got := w.cell(1, col); got != "baris 2: PKS 180/20/PKS/2021" {
		t.Errorf("row 3's parent shown as %q", got)
	}
	if got := w.cell(2, 2); !strings.Contains(got, `Perjanjian induk nomor "180/02/PKS/2021" tidak ditemukan`) {
		t.Errorf("row 4's problem %q", got)
	}
	if got := w.cell(2, col); got != "180/02/PKS/2021 (tidak ditemukan)" {
		t.Errorf("row 4's parent shown as %q", got)
	}
	if got := w.counts.Text; !strings.HasPrefix(got, "2 baris siap diimpor, 1 bermasalah") {
		t.Fatalf("counts %q", got)
	}
	// The typo fixed in the row's detail: its parent is the file's PKS.
	w.preview.Select(widget.TableCellID{Row: 2, Col: 3})
	if w.parentEntry.Text != "180/02/PKS/2021" || w.parentShown.Text != "Tanpa perjanjian induk." {
		t.Fatalf("detail shows parent %q, %q", w.parentEntry.Text, w.parentShown.Text)
	}
	w.win.Canvas().Focus(w.parentEntry)
	w.parentEntry.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(w.parentEntry, "180/20/PKS/2021")
	test.Tap(button(t, w.win, "Tautkan"))
	if got := w.counts.Text; !strings.HasPrefix(got, "3 baris siap diimpor, 0 bermasalah") {
		t.Fatalf("after linking: %q", got)
	}
	if w.parentShown.Text != "Di bawah baris 2: PKS 180/20/PKS/2021" || w.cell(2, col) != "baris 2: PKS 180/20/PKS/2021" {
		t.Errorf("linked parent shown as %q / %q", w.parentShown.Text, w.cell(2, col))
	}
	test.Tap(w.importBtn)
	test.Tap(dialogButtons(t, w.win, "no confirmation")["Impor"])
	handBack(t, handed)
	got := map[string]agreement.Agreement{}
	for id := agreement.ID(4); id <= 6; id++ {
		ag, err := s.Agreement(id)
		if err != nil {
			t.Fatal(err)
		}
		got[ag.OwnNumber()] = ag
	}
	pks := got["180/20/PKS/2021"]
	for _, n := range []string{"180/21/ADD/2022", "180/22/ADD/2023"} {
		if ag := got[n]; ag.ParentID != pks.ID || pks.ID == 0 {
			t.Errorf("%s saved under %d, want the PKS %d", n, ag.ParentID, pks.ID)
		}
	}
}

// A cover sheet first ("Rekap"), the table on the sheet the workbook opens
// at: the picker offers that sheet, and Lanjut reads it.
func TestImportPicksTheActiveSheet(t *testing.T) {
	a, s := newTestApp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "rekap.xlsx")
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Rekap")
	f.SetCellValue("Rekap", "A1", "REKAPITULASI KERJA SAMA")
	f.NewSheet("Daftar")
	for r, row := range [][]any{
		{"No", "Nomor", "Perihal", "Mitra", "Tanggal", "Masa Berlaku"},
		{1, "180/1/KSB/2019", "Pelayanan Perizinan", "Pemkab Lampung Selatan", "4 Juli 2019", "5 tahun"},
	} {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		f.SetSheetRow("Daftar", cell, &row)
	}
	f.SetActiveSheet(1)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	handed := make(chan func(), 4)
	w := newSheetImport(a, s, fixedNow, func(f func()) { handed <- f }, func() {})
	w.win.Show()
	defer w.win.Close()
	w.load(path)
	if w.sheetSel.Selected != "Daftar" {
		t.Fatalf("sheet %q offered, want Daftar", w.sheetSel.Selected)
	}
	test.Tap(w.next)
	handBack(t, handed)
	if w.step != 2 || w.table.Sheet != "Daftar" {
		t.Fatalf("step %d, sheet %q", w.step, w.table.Sheet)
	}
}
