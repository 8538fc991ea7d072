package exchange

import (
	"errors"

	"sepakat/internal/i18n"
)

// Problem is why a .sepakat package cannot be taken.
type Problem int

const (
	// ProblemCorrupt: not JSON, cut short, or without what a package holds.
	ProblemCorrupt Problem = iota + 1
	// ProblemNotPackage: a file of another kind.
	ProblemNotPackage
	// ProblemNewerFormat: written by a newer Sepakat in a format this one
	// does not know.
	ProblemNewerFormat
	// ProblemTampered: the content does not match its SHA-256.
	ProblemTampered
	// ProblemOwnPackage: a package our own office made.
	ProblemOwnPackage
	// ProblemNotForUs: our office is not among the agreement's parties.
	ProblemNotForUs
	// ProblemOtherAgreement: the package belongs to another agreement.
	ProblemOtherAgreement
	// ProblemOlderRevision: made from an older revision than the last received.
	ProblemOlderRevision
	// ProblemAlreadyReceived: that revision was received already.
	ProblemAlreadyReceived
	// ProblemTooLarge: far larger than a package.
	ProblemTooLarge
	// ProblemLocked: a signed agreement is not negotiated.
	ProblemLocked
)

var problemText = map[Problem]i18n.Text{
	ProblemCorrupt: {ID: "Paket .sepakat ini rusak atau tidak utuh, sehingga tidak dapat dibaca. Minta mitra mengirim ulang paketnya. Tidak ada yang diubah.",
		EN: "This .sepakat package is damaged or incomplete and cannot be read. Ask the partner to send it again. Nothing was changed."},
	ProblemNotPackage: {ID: "Berkas ini bukan paket .sepakat. Pilih paket yang dikirim mitra dari Sepakat. Tidak ada yang diubah.",
		EN: "This file is not a .sepakat package. Choose the package the partner sent from Sepakat. Nothing was changed."},
	ProblemNewerFormat: {ID: "Paket ini dibuat oleh Sepakat yang lebih baru (format versi %d; versi ini membaca sampai versi %d). Perbarui Sepakat, lalu coba lagi. Tidak ada yang diubah.",
		EN: "This package was made by a newer Sepakat (format version %d; this version reads up to version %d). Update Sepakat, then try again. Nothing was changed."},
	ProblemTampered: {ID: "Isi paket ini tidak cocok dengan sidik SHA-256-nya: paket telah diubah atau rusak di jalan. Minta mitra mengirim ulang paketnya. Tidak ada yang diubah.",
		EN: "This package's content does not match its SHA-256 fingerprint: it was changed or damaged on the way. Ask the partner to send it again. Nothing was changed."},
	ProblemOwnPackage: {ID: "Paket ini dibuat oleh kantor kita sendiri (%s), bukan jawaban mitra. Pilih paket yang dikirim mitra. Tidak ada yang diubah.",
		EN: "This package was made by our own office (%s), it is not the partner's answer. Choose the package the partner sent. Nothing was changed."},
	ProblemNotForUs: {ID: "Kantor kita tidak termasuk para pihak perjanjian dalam paket ini (%s). Periksa kantor kita di Pengaturan, atau pilih paket yang benar. Tidak ada yang diubah.",
		EN: "Our office is not among the parties of the agreement in this package (%s). Check our office under Settings, or choose the right package. Nothing was changed."},
	ProblemOtherAgreement: {ID: "Paket ini untuk perjanjian lain (%q), bukan untuk perjanjian yang sedang dibuka (%q). Pilih paket yang benar. Tidak ada yang diubah.",
		EN: "This package is for another agreement (%q), not for the one open (%q). Choose the right package. Nothing was changed."},
	ProblemOlderRevision: {ID: "Paket ini dibuat dari revisi %d mitra, padahal revisi %d sudah diterima sebelumnya. Minta mitra mengirim paket terakhirnya. Tidak ada yang diubah.",
		EN: "This package was made from the partner's revision %d, but revision %d was received before. Ask the partner for their last package. Nothing was changed."},
	ProblemAlreadyReceived: {ID: "Paket revisi %d mitra ini sudah diterima sebelumnya. Tidak ada yang diubah.",
		EN: "This package of the partner's revision %d was received before. Nothing was changed."},
	ProblemTooLarge: {ID: "Berkas ini jauh lebih besar daripada sebuah paket .sepakat (lebih dari %d MB). Periksa apakah berkasnya benar. Tidak ada yang diubah.",
		EN: "This file is far larger than a .sepakat package (more than %d MB). Check that it is the right file. Nothing was changed."},
	ProblemLocked: {ID: "Naskah ini sudah ditandatangani dan terkunci; paket untuk mitra hanya dibuat selama naskah masih dirundingkan. Tidak ada yang diubah.",
		EN: "This agreement is signed and its text locked; packages for the partner are made only while the text is negotiated. Nothing was changed."},
}

// Error is a package that cannot be taken; it explains itself in either
// language (service.Explain uses Message).
type Error struct {
	Problem Problem
	Args    []any
	// Err is the underlying cause, when there is one.
	Err error
}

func (e *Error) Error() string {
	s := "exchange: " + problemText[e.Problem].In(i18n.EN, e.Args...)
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Message is the error in the user's language.
func (e *Error) Message(l i18n.Lang) string { return problemText[e.Problem].In(l, e.Args...) }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is matches another *Error of the same problem.
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
