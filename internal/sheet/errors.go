// Package sheet reads an office's old register from a spreadsheet (.xlsx or
// CSV) into rows, proposes what each column holds, turns the rows into
// imported agreements with their problems beside them, and writes the
// register back out as .xlsx or CSV. It is pure: no store, no window.
package sheet

import "sepakat/internal/i18n"

// Error is a file or sheet refused, in words that say what to do. It explains
// itself to service.Explain through Message.
type Error struct {
	Text i18n.Text
	Args []any
}

func (e *Error) Error() string { return e.Text.In(i18n.EN, e.Args...) }

// Message is the refusal in lang.
func (e *Error) Message(l i18n.Lang) string { return e.Text.In(l, e.Args...) }

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
	msgEmpty    = i18n.Text{ID: "Lembar %q kosong.", EN: "Sheet %q is empty."}
	msgNoHeader = i18n.Text{ID: "Lembar %q tidak mempunyai baris judul kolom (mis. \"Nomor\", \"Tentang\", \"Mitra\", \"Tanggal\") di atas datanya. Sisipkan satu baris judul di atas baris pertama data, lalu impor lagi.",
		EN: "Sheet %q has no header row (such as \"Nomor\", \"Tentang\", \"Mitra\", \"Tanggal\") above its data. Insert one header row above the first data row, then import again."}
	msgEmptyHeader = i18n.Text{ID: "Baris judul kolom (baris %d) di lembar %q kosong pada kolom %s, padahal kolom itu berisi data. Beri judul kolom itu, lalu impor lagi.",
		EN: "The header row (row %d) of sheet %q is empty in column %s, which holds data. Give that column a header, then import again."}
	msgRepeatedHeader = i18n.Text{ID: "Baris judul kolom terulang di baris %d lembar %q (sama dengan baris %d). Hapus baris judul yang berulang agar tabelnya satu, lalu impor lagi.",
		EN: "The header row is repeated at row %d of sheet %q (same as row %d). Delete the repeated header rows so the table is one, then import again."}
	msgTooMany = i18n.Text{ID: "Lembar %q memuat %d baris data; satu impor paling banyak %d baris. Bagi daftar itu menjadi beberapa berkas (mis. per tahun).",
		EN: "Sheet %q holds %d data rows; one import takes at most %d. Split the register into several files (per year, say)."}
	msgNoData = i18n.Text{ID: "Lembar %q hanya berisi baris judul, tanpa data.", EN: "Sheet %q holds only its header row, no data."}
)

// MaxRows is the most data rows one import takes.
const MaxRows = 10000
