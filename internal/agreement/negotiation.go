package agreement

import (
	"strings"
	"time"
)

// The notes of the negotiation's rounds, each a draft attachment, in
// Indonesian as the register keeps them (internal/docx writes and reads them).
const (
	SentNotePrefix     = "Dikirim ke mitra"
	ReceivedNotePrefix = "Diterima dari mitra"
)

// DefaultPartnerWaitDays is how long a draft may wait on the partner before
// the Beranda lists it, when the office has not said otherwise.
const DefaultPartnerWaitDays = 14

// SentToPartner is the day the newest round of a draft's negotiation went to
// the partner while it is still the partner's turn (the newest round was
// sent, none came back after it); zero when the turn is ours, when nothing
// was sent, or when the agreement is no longer a draft.
func (a *Agreement) SentToPartner() Date {
	if a.Status == StatusDitandatangani || a.Status == StatusDibatalkan {
		return Date{}
	}
	var last *Attachment
	for i := range a.Attachments {
		at := &a.Attachments[i]
		if at.Kind == AttachDraft && (strings.HasPrefix(at.Note, SentNotePrefix) || strings.HasPrefix(at.Note, ReceivedNotePrefix)) {
			last = at
		}
	}
	if last == nil || !strings.HasPrefix(last.Note, SentNotePrefix) || last.Added.IsZero() {
		return Date{}
	}
	return DateOf(last.Added)
}

// PartnerOverdue reports whether a draft has waited on the partner more than
// days (a non-positive days: DefaultPartnerWaitDays) on the day of now.
func (s Summary) PartnerOverdue(days int, now time.Time) bool {
	if days <= 0 {
		days = DefaultPartnerWaitDays
	}
	return s.SentToPartner.Valid() && s.SentToPartner.Before(DateOf(now).AddDate(0, 0, -days))
}

// Exchange ties an agreement to its mirror in the register of a partner
// office that uses Sepakat too: the same Key on both sides.
type Exchange struct {
	// Key is made by the office that sent the first package.
	Key string `json:"key"`
	// Partner is the partner office's name as its last package gave it.
	Partner string `json:"partner,omitempty"`
	// Received is the partner's revision last received (0: none yet).
	Received uint64 `json:"received,omitempty"`
}
