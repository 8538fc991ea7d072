package docx

import (
	"errors"
	"fmt"

	"sepakat/internal/i18n"
)

// Problem is why a partner's file cannot be taken as it is.
type Problem int

const (
	// ProblemOldWord: an old binary Word file (.doc).
	ProblemOldWord Problem = iota + 1
	// ProblemEncrypted: a file protected by a password.
	ProblemEncrypted
	// ProblemCorrupt: a damaged zip, or a .docx without its document.
	ProblemCorrupt
	// ProblemNotDocument: a sound file of another kind (a PDF, a spreadsheet).
	ProblemNotDocument
	// ProblemTooLong: far longer than an agreement; reading stopped early.
	ProblemTooLong
	// ProblemOtherAgreement: the marker names another agreement.
	ProblemOtherAgreement
	// ProblemOlderRevision: made from a revision older than the last one sent.
	ProblemOlderRevision
	// ProblemPaper: a page profile the writer does not know.
	ProblemPaper
)

var problemText = map[Problem]i18n.Text{
	ProblemOldWord: {ID: "Berkas ini dokumen Word lama (.doc). Buka di Word atau LibreOffice, simpan sebagai .docx, lalu coba lagi. Tidak ada yang diubah.",
		EN: "This is an old Word document (.doc). Open it in Word or LibreOffice, save it as .docx, then try again. Nothing was changed."},
	ProblemEncrypted: {ID: "Berkas ini dilindungi kata sandi. Minta mitra mengirim berkas tanpa kata sandi, atau buka di Word, hapus kata sandinya, simpan, lalu coba lagi. Tidak ada yang diubah.",
		EN: "This file is protected by a password. Ask the partner for a file without a password, or open it in Word, remove the password, save, then try again. Nothing was changed."},
	ProblemCorrupt: {ID: "Berkas ini rusak atau tidak utuh, sehingga tidak dapat dibaca. Minta mitra mengirim ulang berkasnya. Tidak ada yang diubah.",
		EN: "This file is damaged or incomplete and cannot be read. Ask the partner to send it again. Nothing was changed."},
	ProblemNotDocument: {ID: "Berkas ini bukan dokumen Word (.docx) atau OpenDocument (.odt). Pilih berkas naskah dari mitra. Tidak ada yang diubah.",
		EN: "This file is not a Word (.docx) or OpenDocument (.odt) document. Choose the partner's draft file. Nothing was changed."},
	ProblemTooLong: {ID: "Berkas ini jauh lebih panjang daripada sebuah naskah perjanjian (lebih dari %d paragraf), sehingga pembacaan dihentikan. Periksa apakah berkasnya benar. Tidak ada yang diubah.",
		EN: "This file is far longer than an agreement (more than %d paragraphs), so reading stopped. Check that it is the right file. Nothing was changed."},
	ProblemOtherAgreement: {ID: "Berkas ini dibuat dari perjanjian lain (%s), bukan dari perjanjian yang sedang dibuka (%s). Pilih berkas yang benar. Tidak ada yang diubah.",
		EN: "This file was made from another agreement (%s), not from the one open (%s). Choose the right file. Nothing was changed."},
	ProblemOlderRevision: {ID: "Berkas ini dibuat dari revisi %d, padahal revisi %d sudah dikirim ke mitra sesudahnya. Minta mitra memakai berkas terakhir yang dikirim. Tidak ada yang diubah.",
		EN: "This file was made from revision %d, but revision %d was sent to the partner after it. Ask the partner to use the last file sent. Nothing was changed."},
	ProblemPaper: {ID: "Ukuran kertas %q tidak dikenal: pilih A4 atau F4.",
		EN: "Unknown paper size %q: choose A4 or F4."},
}

// Error is a partner's file that cannot be taken; it explains itself in
// either language (service.Explain uses Message).
type Error struct {
	Problem Problem
	Args    []any
	// Err is the underlying cause, when there is one (a zip error).
	Err error
}

func (e *Error) Error() string {
	s := fmt.Sprintf("docx: %s", problemText[e.Problem].In(i18n.EN, e.Args...))
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Message is the error in the user's language.
func (e *Error) Message(l i18n.Lang) string { return problemText[e.Problem].In(l, e.Args...) }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is matches another *Error of the same problem, so that errors.Is(err,
// &docx.Error{Problem: docx.ProblemEncrypted}) works.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Problem == e.Problem
}

// ProblemOf returns the problem of err, or 0.
func ProblemOf(err error) Problem {
	var e *Error
	if errors.As(err, &e) {
		return e.Problem
	}
	return 0
}

func fail(p Problem, cause error, args ...any) error {
	return &Error{Problem: p, Args: args, Err: cause}
}
