package exchange

import (
	"fmt"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/docx"
	"sepakat/internal/naskah"
	"sepakat/internal/service"
)

// Store is what sending and receiving need of a register.
type Store interface {
	service.Records
	service.Directory
	service.Files
	service.Together
}

// Send gives a its key when it has none and makes its package, as the next
// round sent; the caller writes it (Write) and keeps it (Keep).
func Send(st Store, a *agreement.Agreement, now time.Time) (*Package, int, error) {
	if a.Locked() {
		return nil, 0, fail(ProblemLocked, nil)
	}
	if a.Exchange == nil || a.Exchange.Key == "" {
		var x agreement.Exchange // a copy: a may share its pointer with the caller's
		if a.Exchange != nil {
			x = *a.Exchange
		}
		x.Key = NewKey()
		a.Exchange = &x
	}
	round := docx.NextRound(a, docx.ToPartner)
	p, err := Make(a, st, round, now)
	return p, round, err
}

// Receipt is a package read against our register: its records matched and,
// when we hold its mirror, the comparison pasal by pasal.
type Receipt struct {
	Package *Package
	Match   Match
	// Mirror is our record of the agreement; nil when we have none yet.
	Mirror *agreement.Agreement
	// Ours and Theirs are the two texts compared (Mirror set only).
	Ours, Theirs *naskah.Document
	Changes      []docx.Change
}

// Prepare reads a package (Read) against our register: mirror is our
// record of its agreement (an open editor's, or FindMirror's), nil when we
// hold none. Nothing is written.
func Prepare(st Store, p *Package, mirror *agreement.Agreement) (*Receipt, error) {
	var reg Registry
	var err error
	if reg.Parties, err = st.Parties(); err != nil {
		return nil, err
	}
	if reg.Officials, err = st.Officials(); err != nil {
		return nil, err
	}
	if reg.Mandates, err = st.Mandates(); err != nil {
		return nil, err
	}
	m, err := MatchRegistry(p, reg)
	if err != nil {
		return nil, err
	}
	r := &Receipt{Package: p, Match: m, Mirror: mirror}
	if mirror == nil {
		return r, nil
	}
	if err := m.CheckMirror(p, mirror); err != nil {
		return nil, err
	}
	lib, err := naskah.Shipped()
	if err != nil {
		return nil, err
	}
	opt := naskah.OfficeOptions(reg.Parties)
	opt.Draft = true
	if r.Ours, err = naskah.Build(mirror, st, lib, opt); err != nil {
		return nil, err
	}
	// Their text with our own number (we keep it), and their number as we
	// hold it while they have none.
	numbers := map[agreement.ID]string{}
	for _, ap := range p.Agreement.Parties {
		for _, ours := range mirror.Parties {
			if ours.PartyID == m.Parties[ap.PartyID] && (ours.Own || ap.Number == "") {
				numbers[ap.PartyID] = ours.Number
			}
		}
	}
	if r.Theirs, err = p.Document(lib, opt, numbers); err != nil {
		return nil, err
	}
	r.Changes = docx.Compare(docx.OutlineOf(r.Ours), docx.OutlineOf(r.Theirs))
	return r, nil
}

// Stale reports whether our text changed after the revision the package
// answers (kept as a round sent, so one revision later), so that the
// comparison also lists our own changes since; false for a first package.
func (r *Receipt) Stale() bool {
	return r.Mirror != nil && r.Package.Answers > 0 && r.Mirror.Rev > r.Package.Answers+1
}

// FindMirror finds our draft tied to key, or nil: it reads the drafts not
// yet signed or cancelled (their list rows, then each record).
func FindMirror(st interface {
	service.Register
	service.Records
}, key string) (*agreement.Agreement, error) {
	for _, status := range []agreement.Status{agreement.StatusKonsep, agreement.StatusTelaah, agreement.StatusSiapTTD} {
		q := service.Query{Status: status, Limit: 500}
		for {
			page, err := st.List(q)
			if err != nil {
				return nil, err
			}
			for _, s := range page.Items {
				a, err := st.Agreement(s.ID)
				if err != nil {
					return nil, err
				}
				if a.Exchange != nil && a.Exchange.Key == key {
					return &a, nil
				}
			}
			if page.Next == nil {
				break
			}
			q.After = page.Next
		}
	}
	return nil, nil
}

// fileName names the package kept as a lampiran.
func fileName(p *Package) string {
	return fmt.Sprintf("%s-putaran-%d-revisi-%d%s", p.Agreement.Kind, p.Round, p.Rev, Ext)
}

// CreateMirror adds what our registry lacks (Create) and the agreement as
// our new draft, the package kept as its first round received.
func (r *Receipt) CreateMirror(st Store, data []byte, now time.Time) (agreement.Agreement, error) {
	// Files first: a file waits apart until a record refers to it.
	lambang, err := r.Match.Lambang(r.Package, st)
	if err != nil {
		return agreement.Agreement{}, err
	}
	ref, err := st.PutFile(fileName(r.Package), MediaType, data)
	if err != nil {
		return agreement.Agreement{}, err
	}
	// The registry records and the agreement: one write, all or nothing.
	m := r.Match.clone()
	var a agreement.Agreement
	err = st.Together(func(w service.Saver) error {
		if err := m.Create(r.Package, w, lambang); err != nil {
			return err
		}
		a = m.Mirror(r.Package)
		a.Attachments = []agreement.Attachment{{Kind: agreement.AttachDraft, File: ref, Added: now,
			Note: docx.ReceivedNote(1, r.Package.Rev, "paket .sepakat dari "+r.Package.From.Name)}}
		return w.SaveAgreement(&a)
	})
	if err != nil {
		return agreement.Agreement{}, err
	}
	r.Match = m
	return a, nil
}

// Accept makes the accepted changes a new revision of the mirror (Merge),
// the package kept as the next round received; decided says what was
// decided ("3 diterima, 1 ditolak").
func (r *Receipt) Accept(st Store, accepted []docx.Change, data []byte, decided string, now time.Time) (agreement.Agreement, int, error) {
	a, err := st.Agreement(r.Mirror.ID)
	if err != nil {
		return a, 0, err
	}
	ref, err := st.PutFile(fileName(r.Package), MediaType, data)
	if err != nil {
		return a, 0, err
	}
	round := r.Merge(&a, accepted, ref, decided, now)
	if err := st.SaveAgreement(&a); err != nil {
		return a, 0, err
	}
	return a, round, nil
}

// Merge applies to a, our mirror as stored, the accepted changes of the
// text, the partner's number and revision (Match.Refresh), and keeps the
// package (ref) as the next round received, whose number it returns.
func (r *Receipt) Merge(a *agreement.Agreement, accepted []docx.Change, ref agreement.FileRef, decided string, now time.Time) int {
	docx.Apply(a, accepted)
	r.Match.Refresh(a, r.Package)
	round := docx.NextRound(a, docx.FromPartner)
	a.Attachments = append(a.Attachments, agreement.Attachment{Kind: agreement.AttachDraft, File: ref, Added: now,
		Note: docx.ReceivedNote(round, r.Package.Rev, decided)})
	return round
}

// Keep keeps a package sent as the next round sent, a's key with it, in one
// save.
func Keep(st Store, a *agreement.Agreement, p *Package, round int, data []byte, now time.Time) error {
	ref, err := st.PutFile(fileName(p), MediaType, data)
	if err != nil {
		return err
	}
	Sent(a, round, ref, now)
	return st.SaveAgreement(a)
}

// Sent keeps a package sent (ref) as a's round sent; a's key goes with it.
func Sent(a *agreement.Agreement, round int, ref agreement.FileRef, now time.Time) {
	a.Attachments = append(a.Attachments, agreement.Attachment{Kind: agreement.AttachDraft, File: ref, Added: now, Note: docx.SentNote(round, a.Rev)})
}
