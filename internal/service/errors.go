package service

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"sepakat/internal/agreement"
	"sepakat/internal/bahasa"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
)

// Sentinel errors of the seam, checked with errors.Is. Every implementation
// wraps them; Explain turns them, and every other error, into words for people.
var (
	ErrAlreadyOpen    = errors.New("service: data file is open elsewhere")
	ErrNotFound       = errors.New("service: record not found")
	ErrConflict       = errors.New("service: record changed since it was read")
	ErrDuplicate      = errors.New("service: duplicate id")
	ErrNewerSchema    = errors.New("service: data file made by a newer Sepakat")
	ErrNoScheme       = errors.New("service: office has no numbering scheme")
	ErrTooLarge       = errors.New("service: file too large")
	ErrCorrupt        = errors.New("service: data file damaged")
	ErrExamplesLoaded = errors.New("service: examples already loaded")
	// ErrNumberTaken: an agreement's own number is carried by another
	// agreement of the same office; the error is also agreement.Errors at the
	// number's field, naming the other agreement (NumberTaken).
	ErrNumberTaken = errors.New("service: own number already carried by another agreement")
)

// messages holds the words for every sentinel error of Sepakat's packages.
// TestEverySentinelHasAMessage walks the source for exported Err variables and
// fails when one is missing here.
var messages = []struct {
	err  error
	text i18n.Text
}{
	{ErrAlreadyOpen, i18n.Text{ID: "Sepakat sudah terbuka di jendela lain. Tutup jendela itu dahulu, lalu coba lagi.", EN: "Sepakat is already open in another window. Close that window first, then try again."}},
	{ErrNotFound, i18n.Text{ID: "Data tidak ditemukan. Mungkin sudah dihapus; muat ulang daftar.", EN: "Record not found. It may have been removed; reload the list."}},
	{ErrConflict, i18n.Text{ID: "Data ini sudah diubah di jendela lain sejak Anda membukanya. Perubahan Anda tidak disimpan; buka ulang data itu lalu ulangi perubahan.", EN: "This record was changed in another window since you opened it. Your change was not saved; reopen the record and make the change again."}},
	{ErrDuplicate, i18n.Text{ID: "ID data sudah dipakai.", EN: "The record ID is already in use."}},
	{ErrNewerSchema, i18n.Text{ID: "Berkas data dibuat oleh Sepakat versi yang lebih baru. Perbarui program ini.", EN: "The data file was made by a newer Sepakat. Update this program."}},
	{ErrNoScheme, i18n.Text{ID: "Instansi ini belum mempunyai pola penomoran. Isi pola nomor di tab Pengaturan, bagian Penomoran.", EN: "This office has no numbering scheme yet. Set the number pattern in the Settings tab, under Numbering."}},
	{ErrTooLarge, i18n.Text{ID: "Berkas terlalu besar.", EN: "File too large."}},
	{ErrCorrupt, i18n.Text{ID: "Berkas data rusak. Pulihkan dari cadangan.", EN: "The data file is damaged. Restore it from a backup."}},
	{ErrNotSepakat, i18n.Text{ID: "Berkas ini bukan berkas data Sepakat, atau kosong. Berkas itu tidak diubah. Pilih berkas data yang benar atau pulihkan dari cadangan.", EN: "This file is not a Sepakat data file, or it is empty. It was not changed. Choose the right data file or restore it from a backup."}},
	{ErrNumberTaken, i18n.Text{ID: "Nomor itu sudah dipakai perjanjian lain dari instansi yang sama. Ambil nomor baru atau ubah nomornya.", EN: "That number is already carried by another agreement of the same office. Take a new number or change it."}},
	{ErrExamplesLoaded, i18n.Text{ID: "Contoh bawaan sudah dimuat ke berkas data ini.", EN: "The built-in examples are already in this data file."}},
	{ErrExamplesOtherOffice, i18n.Text{ID: "Contoh bawaan adalah perjanjian Pemerintah Kabupaten Sumedang, sedangkan register ini milik kantor lain. Contoh tidak dimuat, agar register kantor tidak tercampur. Untuk mencoba contoh, muat di berkas data tersendiri (sepakat-cli --db contoh.db demo), lalu buka berkas itu lewat Berkas → Buka data lain….", EN: "The built-in examples are agreements of Pemerintah Kabupaten Sumedang, and this register belongs to another office. The examples were not loaded, so that the office's register is not mixed up. To try them, load them into a data file of their own (sepakat-cli --db contoh.db demo), then open that file through File → Open other data…."}},
	// The search index (errors_index.go); a *RebuildingError says it with its figure.
	{ErrRebuilding, i18n.Text{ID: "Indeks pencarian sedang dibangun ulang. Pencarian dapat dipakai lagi setelah selesai; daftar perjanjian tetap dapat dibuka dan disaring.", EN: "The search index is being rebuilt. Search works again when it is done; the list of agreements can still be opened and filtered."}},
	// Verifying a printed page (errors_verify.go).
	{ErrPageMark, i18n.Text{ID: "Kode halaman tidak terbaca. Ketik kode dan sidik seperti tercetak di kaki halaman (mis. KSB-2 e74fc4e49ec7), atau pindai kode QR-nya.", EN: "The page code cannot be read. Type the code and fingerprint as printed at the foot of the page (e.g. KSB-2 e74fc4e49ec7), or scan its QR code."}},
	{ErrPageUnknown, i18n.Text{ID: "Kode halaman itu tidak menunjuk perjanjian mana pun di daftar ini. Halaman itu tidak dicetak dari berkas data ini, atau perjanjiannya sudah dihapus.", EN: "That page code names no agreement in this register. The page was not printed from this data file, or its agreement was removed."}},
	// Backups (errors_backup.go).
	{ErrBackupVerify, i18n.Text{ID: "Salinan cadangan tidak lolos pemeriksaan setelah ditulis, sehingga tidak dipakai. Cadangan yang lebih lama tetap disimpan. Periksa ruang dan kondisi disk, lalu coba lagi.", EN: "The backup copy failed its check after it was written, so it was not kept. The older backups are still there. Check the disk's space and condition, then try again."}},
	{ErrNotSepakatCopy, i18n.Text{ID: "Berkas itu bukan berkas data Sepakat yang utuh, sehingga tidak dapat dipakai untuk pemulihan. Pilih salinan lain dari folder cadangan.", EN: "That file is not a sound Sepakat data file, so it cannot be restored from. Choose another copy from the backup folder."}},
	{ErrSecondPlace, i18n.Text{ID: "Cadangan sudah dibuat di folder cadangan, tetapi tidak dapat disalin ke tempat kedua. Pastikan diska USB atau folder jaringan itu terpasang, lalu cadangkan lagi.", EN: "The backup was made in the backup folder but could not be copied to the second place. Make sure the USB stick or network folder is connected, then back up again."}},
	{ErrNotFolder, i18n.Text{ID: "Tempat kedua harus folder yang sudah ada dan bukan folder cadangan itu sendiri, mis. folder pada diska USB atau folder jaringan.", EN: "The second place must be an existing folder other than the backup folder itself, e.g. a folder on a USB stick or a network share."}},
	{ErrBackupPolicy, i18n.Text{ID: "Jumlah cadangan yang disimpan tidak valid: harian paling sedikit 1, dan setiap jumlah paling banyak 400.", EN: "Invalid number of backups to keep: at least 1 daily, and at most 400 of each."}},

	{agreement.ErrBadID, i18n.Text{ID: "ID tidak valid: gunakan angka bulat positif, mis. 12.", EN: "Invalid ID: use a positive whole number, e.g. 12."}},
	{agreement.ErrTransition, i18n.Text{ID: "Status tidak dapat diubah ke langkah itu dari status sekarang.", EN: "The status cannot move to that step from the current one."}},
	{agreement.ErrLocked, i18n.Text{ID: "Naskah sudah ditandatangani dan terkunci; buat Adendum atau Perpanjangan untuk mengubahnya.", EN: "The agreement is signed and locked; make an Adendum or Perpanjangan to change it."}},
	{agreement.ErrInvalid, i18n.Text{ID: "Data belum lengkap atau tidak valid. Periksa isian yang ditandai.", EN: "The record is incomplete or invalid. Check the marked fields."}},
	{agreement.ErrParentNotValid, i18n.Text{ID: "Naskah induk ini tidak dapat mempunyai naskah turunan jenis itu.", EN: "This parent agreement cannot have a child of that kind."}},
	{agreement.ErrScheme, i18n.Text{ID: "Pola nomor tidak dapat dipakai. Periksa pola nomor di Pengaturan.", EN: "The number pattern cannot be used. Check it in the settings."}},
	{dataset.ErrFormat, i18n.Text{ID: "Berkas bukan ekspor Sepakat yang dapat dibaca.", EN: "The file is not a readable Sepakat export."}},
	// An import or exchange file that does not decode (dataset); the data file is not touched.
	{dataset.ErrEmpty, i18n.Text{ID: "Berkas itu kosong. Pilih berkas hasil ekspor Sepakat (export-json).", EN: "That file is empty. Choose a file exported by Sepakat (export-json)."}},
	{dataset.ErrNotJSON, i18n.Text{ID: "Berkas itu bukan berkas JSON ekspor Sepakat (mungkin PDF atau dokumen lain yang diberi nama .json). Pilih berkas hasil ekspor Sepakat.", EN: "That file is not a Sepakat JSON export (perhaps a PDF or another document named .json). Choose a file exported by Sepakat."}},
	{dataset.ErrSyntax, i18n.Text{ID: "Susunan JSON berkas itu rusak di tempat yang disebut. Perbaiki di sana, atau ekspor ulang.", EN: "The file's JSON is broken at the place named. Fix it there, or export again."}},
	{dataset.ErrTruncated, i18n.Text{ID: "Berkas itu terpotong: akhirnya hilang. Salin atau ekspor ulang berkas itu seutuhnya.", EN: "The file is cut short: its end is missing. Copy or export the whole file again."}},
	{dataset.ErrTrailing, i18n.Text{ID: "Ada data lain setelah akhir berkas ekspor. Hapus bagian itu, atau ekspor ulang.", EN: "There is more data after the end of the export. Remove it, or export again."}},
	{dataset.ErrUnknownField, i18n.Text{ID: "Isian ini tidak dikenal; periksa ejaannya (lihat docs/format.md).", EN: "Unknown field; check its spelling (see docs/format.md)."}},
	{dataset.ErrWrongType, i18n.Text{ID: "Jenis nilai isian ini salah (mis. teks di tempat angka).", EN: "The value of this field has the wrong type (e.g. text where a number belongs)."}},
	{dataset.ErrNumberRange, i18n.Text{ID: "Angka ini tidak dapat dipakai: harus bilangan bulat positif yang tidak terlalu besar.", EN: "This number cannot be used: it must be a positive whole number that is not too large."}},
	{dataset.ErrBadDate, i18n.Text{ID: "Tanggal tidak valid: gunakan format TTTT-BB-HH dan tanggal yang benar-benar ada, mis. 2025-07-04.", EN: "Invalid date: use YYYY-MM-DD and a date that exists, e.g. 2025-07-04."}},
	{dataset.ErrInvalidUTF8, i18n.Text{ID: "Berkas memuat teks yang bukan UTF-8 (mis. disimpan dengan pengodean lain). Simpan ulang berkas itu sebagai UTF-8.", EN: "The file holds text that is not UTF-8 (e.g. saved in another encoding). Save it again as UTF-8."}},
	{dataset.ErrBase64, i18n.Text{ID: "Isi berkas lampiran bukan base64 yang sah, sehingga tidak dapat dibaca. Ekspor ulang berkas itu.", EN: "The stored file's content is not valid base64, so it cannot be read. Export the file again."}},
	{dataset.ErrFileTooLarge, i18n.Text{ID: "Berkas lampiran di dalamnya lebih dari 20 MB, batas yang sama dengan aplikasi. Perkecil berkas itu lalu lampirkan lagi.", EN: "A stored file in it is over 20 MB, the same limit as the app. Make that file smaller and attach it again."}},
	{dataset.ErrForeign, i18n.Text{ID: "Berkas itu bukan berkas Sepakat (isian format harus \"sepakat\").", EN: "That is not a Sepakat file (the format field must be \"sepakat\")."}},
	{dataset.ErrVersion, i18n.Text{ID: "Versi berkas itu tidak dikenal program ini. Perbarui Sepakat, atau ekspor dengan versi yang sama.", EN: "This program does not know the file's version. Update Sepakat, or export with the same version."}},
	{dataset.ErrNotOne, i18n.Text{ID: "Berkas harus memuat tepat satu dari \"agreement\", \"party\", \"official\" atau \"mandate\".", EN: "The file must hold exactly one of \"agreement\", \"party\", \"official\" or \"mandate\"."}},
	// The content of an import file (imports.go).
	{ErrImportHash, i18n.Text{ID: "Isi berkas lampiran di berkas impor tidak cocok dengan sidik SHA-256-nya: berkas impor itu rusak atau diubah. Berkas data tidak diubah; ekspor ulang dari sumbernya.", EN: "A stored file in the import file does not match its SHA-256: the import file is damaged or was changed. The data file was not changed; export again from the source."}},
	{ErrImportHistory, i18n.Text{ID: "Riwayat di berkas impor tidak cocok dengan datanya (tidak ada data itu di berkas, atau revisinya lebih baru). Berkas data tidak diubah.", EN: "History in the import file does not fit its record (the record is not in the file, or the revision is newer). The data file was not changed."}},
	{ErrImportRange, i18n.Text{ID: "Angka di berkas impor terlalu besar untuk dipakai. Berkas data tidak diubah.", EN: "A number in the import file is too large to use. The data file was not changed."}},
	{ErrFileName, i18n.Text{ID: "Nama berkas lampiran tidak boleh kosong, \".\" atau \"..\", dan tidak boleh memuat / \\ : atau karakter kendali.", EN: "A stored file's name may not be empty, \".\" or \"..\", nor hold / \\ : or control characters."}},
	// The register on the office's server (errors_server.go).
	{ErrServerUnreachable, i18n.Text{ID: "Server data kantor tidak dapat dihubungi. Periksa jaringan dan alamat server, atau tanyakan kepada pengelola server, lalu coba lagi.", EN: "The office's data server cannot be reached. Check the network and the server address, or ask the server's administrator, then try again."}},
	{ErrServerConfig, i18n.Text{ID: "Alamat server tidak dapat dibaca. Tulis seperti host=server.kantor dbname=sepakat user=nama, atau postgres://nama@server.kantor/sepakat.", EN: "The server address cannot be read. Write it like host=server.office dbname=sepakat user=name, or postgres://name@server.office/sepakat."}},
	{ErrTransferCount, i18n.Text{ID: "Jumlah data di tujuan tidak sama dengan di sumber setelah pemindahan. Tujuan tidak dipakai; ulangi pemindahan.", EN: "The counts at the destination differ from the source after the transfer. The destination is not used; transfer again."}},
	// Moving a register onto the server (errors_push.go).
	{ErrServerNotEmpty, i18n.Text{ID: "Server sudah berisi register. Pemindahan hanya ke server yang kosong; tarik dulu isinya (server pull) bila perlu.", EN: "The server already holds a register. A push goes only to an empty server; pull what it holds first (server pull) if needed."}},
	{ErrPushUnderway, i18n.Text{ID: "Pemindahan lain sedang mengisi server ini. Tunggu sampai selesai, lalu periksa jumlah datanya.", EN: "Another push is filling this server now. Wait until it is done, then check its counts."}},
	// A desktop seat on the server (errors_seat.go).
	{ErrServerLogin, i18n.Text{ID: "Server menolak nama pengguna atau kata sandi. Periksa keduanya (huruf besar dan kecil dibedakan), atau tanyakan kepada pengelola server.", EN: "The server refused the user name or the password. Check both (upper and lower case differ), or ask the server's administrator."}},
	{ErrRestoreOnServer, i18n.Text{ID: "Register di server kantor tidak dipulihkan dari sini, karena semua staf memakainya: pengelola server memulihkannya dari cadangan server (lihat panduan server). Salinan ini tetap tersimpan dan register di server tidak diubah.", EN: "The register on the office server is not restored from here, since all staff use it: the server's administrator restores it from the server's backups (see the server guide). This copy stays where it is and the register on the server is unchanged."}},
	{ErrReadOnlyCopy, i18n.Text{ID: "Salinan ini dibuka hanya untuk dibaca, jadi tidak dapat diubah. Perubahan disimpan lagi setelah server kantor dapat dihubungi.", EN: "This copy is open for reading only, so it cannot be changed. Changes can be saved again once the office server can be reached."}},
	{bahasa.ErrTooLarge, i18n.Text{ID: "Angka terlalu besar untuk ditulis dengan huruf.", EN: "The number is too large to write out in words."}},

	{context.Canceled, i18n.Text{ID: "Dibatalkan.", EN: "Cancelled."}},
	{context.DeadlineExceeded, i18n.Text{ID: "Waktu habis sebelum pekerjaan selesai. Coba lagi.", EN: "Time ran out before the work was done. Try again."}},
}

// Words for errors of the operating system, keyed by what they are about.
var (
	msgNotExist   = i18n.Text{ID: "Berkas atau folder tidak ditemukan. Periksa letaknya, lalu coba lagi.", EN: "File or folder not found. Check where it is, then try again."}
	msgPermission = i18n.Text{ID: "Tidak ada izin untuk membuka atau menulis berkas itu. Pilih folder lain atau minta izin kepada pengelola komputer.", EN: "No permission to open or write that file. Choose another folder or ask the computer's administrator."}
	msgExist      = i18n.Text{ID: "Berkas dengan nama itu sudah ada. Pilih nama lain.", EN: "A file with that name already exists. Choose another name."}
	msgDiskFull   = i18n.Text{ID: "Disk penuh. Kosongkan ruang pada disk atau pilih disk lain, lalu coba lagi.", EN: "The disk is full. Free some space or choose another disk, then try again."}
	msgIsDir      = i18n.Text{ID: "Yang dipilih adalah folder, bukan berkas. Pilih sebuah berkas.", EN: "That is a folder, not a file. Choose a file."}
	msgReadOnly   = i18n.Text{ID: "Disk atau berkas itu hanya dapat dibaca. Pilih tempat lain.", EN: "That disk or file is read-only. Choose another place."}
	msgGeneral    = i18n.Text{ID: "Terjadi masalah yang tidak terduga. Coba lagi; bila terulang, catat rincian di bawah dan hubungi pengelola Sepakat.", EN: "Something unexpected went wrong. Try again; if it happens again, note the detail below and contact Sepakat's administrator."}
	msgDetail     = i18n.Text{ID: "Rincian: %s", EN: "Detail: %s"}
)

// Problem is an error as a person reads it: what is wrong and what to do, and
// for errors without words of their own, a technical detail line.
type Problem struct {
	Message string
	Detail  string
}

// String joins the message and its detail line.
func (p Problem) String() string {
	if p.Detail == "" {
		return p.Message
	}
	return p.Message + "\n" + p.Detail
}

// messenger is an error that explains itself, such as agreement.Errors.
type messenger interface{ Message(i18n.Lang) string }

// Explain turns any error into a Problem in lang. Errors that explain
// themselves come first, then the sentinels, then the operating system's
// errors; anything else is a general message with the error as its detail.
func Explain(err error, l i18n.Lang) Problem {
	if err == nil {
		return Problem{}
	}
	var m messenger
	if errors.As(err, &m) {
		return Problem{Message: m.Message(l)}
	}
	// A file that does not decode: where, then what.
	var de *dataset.DecodeError
	if errors.As(err, &de) {
		p := Problem{Message: textOf(dataset.ErrFormat).In(l)}
		if de.Err != nil {
			p.Message = textOf(de.Err).In(l)
		}
		if w := de.Where(l); w != "" {
			p.Message = w + ": " + p.Message
		}
		if de.Value != "" {
			p.Detail = msgDetail.In(l, de.Value)
		}
		return p
	}
	for _, e := range messages {
		if errors.Is(err, e.err) {
			p := Problem{Message: e.text.In(l)}
			if c := contextOf(err, e.err); c != "" {
				p.Detail = msgDetail.In(l, c)
			}
			return p
		}
	}
	if t, ok := osMessage(err); ok {
		p := Problem{Message: t.In(l)}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			p.Detail = msgDetail.In(l, pe.Path)
		}
		return p
	}
	return Problem{Message: msgGeneral.In(l), Detail: msgDetail.In(l, err.Error())}
}

// textOf is a sentinel's words in the table.
func textOf(sentinel error) i18n.Text {
	for _, e := range messages {
		if e.err == sentinel {
			return e.text
		}
	}
	return msgGeneral
}

// Message is Explain as one text: the message, and its detail on a second line.
func Message(err error, l i18n.Lang) string { return Explain(err, l).String() }

// Known reports whether err has words of its own, not the general message.
func Known(err error) bool {
	var m messenger
	if errors.As(err, &m) {
		return true
	}
	for _, e := range messages {
		if errors.Is(err, e.err) {
			return true
		}
	}
	_, ok := osMessage(err)
	return ok
}

// contextOf is what a wrap added to a sentinel's text ("%w: context" or
// "context: %w"), or "" when nothing was added.
func contextOf(err, sentinel error) string {
	text, base := err.Error(), sentinel.Error()
	if c, ok := strings.CutPrefix(text, base+": "); ok {
		for ok { // the sentinel wrapped twice (a damaged file's error, wrapped again on its way up)
			c, ok = strings.CutPrefix(c, base+": ")
		}
		return c
	}
	if c, ok := strings.CutSuffix(text, ": "+base); ok {
		return c
	}
	return ""
}

func osMessage(err error) (i18n.Text, bool) {
	switch {
	case diskFull(err):
		return msgDiskFull, true
	case isDirectory(err):
		return msgIsDir, true
	case readOnly(err):
		return msgReadOnly, true
	case errors.Is(err, fs.ErrNotExist):
		return msgNotExist, true
	case errors.Is(err, fs.ErrPermission):
		return msgPermission, true
	case errors.Is(err, fs.ErrExist):
		return msgExist, true
	}
	return i18n.Text{}, false
}

// ConflictError is a save whose revision is stale.
type ConflictError struct {
	Type       dataset.RecordType
	ID         agreement.ID
	Have, Want uint64
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s %d: revisi %d sudah usang, yang tersimpan revisi %d", e.Type, e.ID, e.Have, e.Want)
}

func (e *ConflictError) Unwrap() error { return ErrConflict }

// ImportError names the record, field and line that stopped an import.
type ImportError struct {
	Record string // "agreements[2] (id 3)"
	Line   int    // in the import file; 0 when not read from a file
	Field  string
	Err    error
}

func (e *ImportError) Error() string { return e.Message(i18n.ID) }

func (e *ImportError) Unwrap() error { return e.Err }

// Message explains the problem in lang.
func (e *ImportError) Message(lang i18n.Lang) string {
	var b strings.Builder
	if e.Line > 0 {
		b.WriteString(i18n.Text{ID: "baris %d, ", EN: "line %d, "}.In(lang, e.Line))
	}
	b.WriteString(e.Record)
	if e.Field != "" {
		if lang == i18n.EN {
			b.WriteString(", field " + e.Field)
		} else {
			b.WriteString(", isian " + e.Field)
		}
	}
	b.WriteString(": ")
	if es, ok := e.Err.(agreement.Errors); ok {
		b.WriteString(es.Message(lang))
		return b.String()
	}
	if w, ok := e.Err.(*importWhy); ok {
		b.WriteString(Explain(w.sentinel, lang).Message)
		b.WriteString(" (" + w.why.In(lang, w.args...) + ")")
		return b.String()
	}
	p := Explain(e.Err, lang)
	b.WriteString(p.Message)
	if p.Detail != "" {
		b.WriteString(" (" + p.Detail + ")")
	}
	return b.String()
}

// SynonymLine is a line of a synonym list that names fewer than two things.
type SynonymLine struct {
	Line int
	Text string
}

// SynonymsError refuses a synonym list: too large, or with lines that name
// fewer than two things.
type SynonymsError struct {
	Problems []SynonymLine
	TooLarge bool
	Limit    int // bytes, when TooLarge
}

func (e *SynonymsError) Error() string { return e.Message(i18n.ID) }

// Message explains the problem in lang, a line per bad line of the list.
func (e *SynonymsError) Message(lang i18n.Lang) string {
	if e.TooLarge {
		return synonymsTooLarge.In(lang, e.Limit>>10)
	}
	lines := []string{synonymsBad.In(lang)}
	for _, p := range e.Problems {
		lines = append(lines, synonymsBadLine.In(lang, p.Line, p.Text))
	}
	return strings.Join(lines, "\n")
}

var (
	synonymsTooLarge = i18n.Text{ID: "Daftar sinonim terlalu besar (lebih dari %d KB). Simpan hanya kelompok yang dipakai kantor.", EN: "The synonym list is too large (over %d KB). Keep only the groups the office uses."}
	synonymsBad      = i18n.Text{ID: "Daftar sinonim tidak dipakai; setiap baris perlu sedikitnya dua nama dipisah koma, mis. \"RB, Reformasi Birokrasi\":", EN: "Synonym list not used; each line needs at least two names separated by commas, e.g. \"RB, Reformasi Birokrasi\":"}
	synonymsBadLine  = i18n.Text{ID: "  baris %d: %q", EN: "  line %d: %q"}
)
