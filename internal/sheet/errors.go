// Package sheet reads an office's old register from a spreadsheet (.xlsx or
// CSV) into rows, proposes what each column holds, turns the rows into
// imported agreements with their problems beside them, and writes the
// register back out as .xlsx or CSV. It is pure: no store, no window.
package sheet

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"sepakat/internal/i18n"
)

// Error is a file or sheet refused, in words that say what to do. It explains
// itself to service.Explain through Message.
type Error struct {
	Text i18n.Text
	Args []any
}

func (e *Error) Error() string { return e.Message(i18n.EN) }

// Message is the refusal in lang; an argument in words (where) is given in
// lang too.
func (e *Error) Message(l i18n.Lang) string {
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		if t, ok := a.(i18n.Text); ok {
			args[i] = t.In(l)
		} else {
			args[i] = a
		}
	}
	return e.Text.In(l, args...)
}

// where names the table in a message: `lembar "2019"` of a workbook, the
// file of a CSV (which has no sheets); upper for the start of a sentence.
func (t *Table) where(upper bool) i18n.Text {
	w := i18n.Text{ID: fmt.Sprintf("lembar %q", t.Sheet), EN: fmt.Sprintf("sheet %q", t.Sheet)}
	if t.Sheet == "" {
		w = i18n.Text{ID: "berkas " + t.File, EN: "file " + t.File}
	}
	if upper {
		w.ID, w.EN = upperFirst(w.ID), upperFirst(w.EN)
	}
	return w
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func refuse(t i18n.Text, args ...any) *Error { return &Error{Text: t, Args: args} }

// The refusals of a file.
var (
	msgXLS = i18n.Text{ID: "Berkas %s berformat Excel lama (.xls) yang tidak dapat dibaca. Buka di Excel atau LibreOffice, pilih Simpan Sebagai → \"Buku Kerja Excel (.xlsx)\", lalu impor berkas .xlsx itu.",
		EN: "%s is in the old Excel format (.xls), which cannot be read. Open it in Excel or LibreOffice, choose Save As → \"Excel Workbook (.xlsx)\", then import the .xlsx file."}
	msgPassword = i18n.Text{ID: "Berkas %s dilindungi kata sandi. Buka di Excel, hapus kata sandinya (Berkas → Info → Lindungi Buku Kerja), simpan, lalu impor lagi.",
		EN: "%s is protected by a password. Open it in Excel, remove the password (File → Info → Protect Workbook), save, then import again."}
	msgCorrupt = i18n.Text{ID: "Berkas %s rusak atau bukan lembar kerja .xlsx/CSV. Buka di Excel atau LibreOffice dan simpan ulang sebagai .xlsx.",
		EN: "%s is damaged or not an .xlsx/CSV spreadsheet. Open it in Excel or LibreOffice and save it again as .xlsx."}
	msgKind = i18n.Text{ID: "Berkas %s bukan lembar kerja yang dikenal: pilih berkas .xlsx atau .csv.",
		EN: "%s is not a known spreadsheet: choose an .xlsx or .csv file."}
	msgNoSheet = i18n.Text{ID: "Lembar %q tidak ada di berkas ini. Lembar yang ada: %s.",
		EN: "There is no sheet %q in this file. Its sheets: %s."}
	msgHidden = i18n.Text{ID: "Lembar %q tersembunyi. Sepakat tidak mengimpor lembar yang tidak terlihat; tampilkan dulu di Excel (klik kanan tab lembar → Tampilkan/Unhide) bila memang isinya yang diimpor.",
		EN: "Sheet %q is hidden. Sepakat does not import a sheet no one can see; unhide it in Excel first (right-click a sheet tab → Unhide) if its rows are the ones to import."}
	msgNoVisible = i18n.Text{ID: "Berkas ini tidak mempunyai lembar yang terlihat.", EN: "This file has no visible sheet."}
	msgMerged    = i18n.Text{ID: "Lembar %q mempunyai sel gabungan %s di tabelnya. Pisahkan sel itu (Beranda → Gabung & Tengahkan → Pisahkan Sel), isi setiap sel, simpan, lalu impor lagi.",
		EN: "Sheet %q has merged cells %s in its table. Unmerge them (Home → Merge & Center → Unmerge Cells), fill every cell, save, then import again."}
	msgFormula = i18n.Text{ID: "Sel %s di lembar %q berisi rumus (=%s). Salin tabelnya lalu Tempel Khusus → Nilai saja, simpan, lalu impor lagi: rumus tidak diimpor.",
		EN: "Cell %s of sheet %q holds a formula (=%s). Copy the table and Paste Special → Values only, save, then import again: formulas are not imported."}
	msgEmpty = i18n.Text{ID: "%s kosong: tidak ada satu baris pun yang berisi. Pilih berkas atau lembar yang memuat daftar perjanjian (satu baris judul kolom, lalu satu baris per perjanjian).",
		EN: "%s is empty: not one row holds anything. Choose the file or sheet that holds the register (one header row, then one row per agreement)."}
	msgNoHeader = i18n.Text{ID: "%s tidak mempunyai baris judul kolom (mis. \"Nomor\", \"Tentang\", \"Mitra\", \"Tanggal\") di atas datanya. Sisipkan satu baris judul di atas baris pertama data, lalu impor lagi.",
		EN: "%s has no header row (such as \"Nomor\", \"Tentang\", \"Mitra\", \"Tanggal\") above its data. Insert one header row above the first data row, then import again."}
	msgOtherSheets = i18n.Text{ID: "Lembar lain di berkas ini: %s. Bila daftarnya ada di lembar lain, pilih lembar itu: di jendela impor pada pilihan Lembar, atau dengan --sheet NAMA pada sepakat-cli.",
		EN: "Other sheets of this file: %s. If the register is on another sheet, choose it: in the import window under Sheet, or with --sheet NAME in sepakat-cli."}
	msgEmptyHeader = i18n.Text{ID: "Baris judul kolom (baris %d) di %s kosong pada kolom %s, padahal kolom itu berisi data. Beri judul kolom itu, lalu impor lagi.",
		EN: "The header row (row %d) of %s is empty in column %s, which holds data. Give that column a header, then import again."}
	msgRepeatedHeader = i18n.Text{ID: "Baris judul kolom terulang di baris %d %s (sama dengan baris %d). Hapus baris judul yang berulang agar tabelnya satu, lalu impor lagi.",
		EN: "The header row is repeated at row %d of %s (same as row %d). Delete the repeated header rows so the table is one, then import again."}
	msgTooMany = i18n.Text{ID: "%s memuat %d baris data; satu impor paling banyak %d baris. Bagi daftar itu menjadi beberapa berkas (mis. per tahun).",
		EN: "%s holds %d data rows; one import takes at most %d. Split the register into several files (per year, say)."}
	msgNoData = i18n.Text{ID: "%s hanya berisi baris judul, tanpa data.", EN: "%s holds only its header row, no data."}
)

// MaxRows is the most data rows one import takes.
const MaxRows = 10000
