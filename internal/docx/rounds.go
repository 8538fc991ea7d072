package docx

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"sepakat/internal/agreement"
)

// MediaType is the media type of a .docx; ODTMediaType of an .odt.
const (
	MediaType    = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	ODTMediaType = "application/vnd.oasis.opendocument.text"
)

// Direction says whether a round's file went to the partner or came back.
type Direction int

const (
	ToPartner Direction = iota + 1
	FromPartner
)

// Round is one file of the negotiation, kept as a lampiran (a draft
// attachment) whose note says its direction and revision.
type Round struct {
	Direction Direction
	N         int    // the round's number, counting each direction on its own
	Rev       uint64 // the revision the file was made from (0: no marker)
	File      agreement.FileRef
	Added     time.Time
	Note      string
}

// The notes of rounds, in Indonesian as the register keeps them.
const (
	sentPrefix     = agreement.SentNotePrefix
	receivedPrefix = agreement.ReceivedNotePrefix
)

// SentNote is the note of a file sent to the partner: "Dikirim ke mitra,
// putaran 2, revisi 5".
func SentNote(n int, rev uint64) string {
	return fmt.Sprintf("%s, putaran %d, revisi %d", sentPrefix, n, rev)
}

// ReceivedNote is the note of a file received: "Diterima dari mitra, putaran
// 2, dibuat dari revisi 5", with what was decided when it is known.
func ReceivedNote(n int, rev uint64, decided string) string {
	s := fmt.Sprintf("%s, putaran %d", receivedPrefix, n)
	if rev > 0 {
		s += fmt.Sprintf(", dibuat dari revisi %d", rev)
	}
	if decided != "" {
		s += ": " + decided
	}
	return s
}

// Rounds lists the negotiation's files among a's attachments, oldest first.
func Rounds(a *agreement.Agreement) []Round {
	var out []Round
	for _, at := range a.Attachments {
		if at.Kind != agreement.AttachDraft {
			continue
		}
		var r Round
		switch {
		case strings.HasPrefix(at.Note, sentPrefix):
			r.Direction = ToPartner
		case strings.HasPrefix(at.Note, receivedPrefix):
			r.Direction = FromPartner
		default:
			continue
		}
		fmt.Sscanf(afterWord(at.Note, "putaran "), "%d", &r.N)
		fmt.Sscanf(afterWord(at.Note, "revisi "), "%d", &r.Rev)
		r.File, r.Added, r.Note = at.File, at.Added, at.Note
		out = append(out, r)
	}
	return out
}

func afterWord(s, word string) string {
	if i := strings.Index(s, word); i >= 0 {
		return s[i+len(word):]
	}
	return ""
}

// NextRound is the number of the next round in direction d.
func NextRound(a *agreement.Agreement, d Direction) int {
	n := 0
	for _, r := range Rounds(a) {
		if r.Direction == d {
			n = max(n, r.N)
		}
	}
	return n + 1
}

// LastSent is the revision of the newest file sent, read from the file's own
// marker (file reads a stored file); 0 when none was sent.
func LastSent(a *agreement.Agreement, file func(sha string) ([]byte, error)) uint64 {
	var last uint64
	for _, r := range Rounds(a) {
		if r.Direction != ToPartner {
			continue
		}
		rev := r.Rev
		if data, err := file(r.File.SHA256); err == nil {
			if rec, err := Read(bytes.NewReader(data), int64(len(data))); err == nil && rec.Marker != nil && rec.Marker.ID == uint64(a.ID) {
				rev = rec.Marker.Rev
			}
		}
		last = max(last, rev)
	}
	return last
}

// Turn says whose turn it is: ToPartner (waiting on the partner) when the
// newest round was sent, FromPartner (ours) when it came back, 0 before any.
func Turn(a *agreement.Agreement) (Direction, time.Time) {
	rs := Rounds(a)
	if len(rs) == 0 {
		return 0, time.Time{}
	}
	last := rs[len(rs)-1]
	return last.Direction, last.Added
}
