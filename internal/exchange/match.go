package exchange

import (
	"maps"
	"strings"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

// Registry is the receiving office's instansi, pejabat and surat kuasa.
type Registry struct {
	Parties   []agreement.Party
	Officials []agreement.Official
	Mandates  []agreement.Mandate
}

// Match maps the package's records (by the sender's IDs) to ours; a record
// mapped to 0 is missing and is created on confirmation (Create).
type Match struct {
	Parties   map[agreement.ID]agreement.ID
	Officials map[agreement.ID]agreement.ID
	Mandates  map[agreement.ID]agreement.ID
	// Own is our office's party; OwnInPackage the same party in the package.
	Own          agreement.Party
	OwnInPackage agreement.ID
}

// clone copies m's maps, so that a failed write leaves m as it was.
func (m Match) clone() Match {
	m.Parties, m.Officials, m.Mandates = maps.Clone(m.Parties), maps.Clone(m.Officials), maps.Clone(m.Mandates)
	return m
}

// fold is a name compared: case, spaces and dots ignored.
func fold(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, ".", " "))), " ")
}

// sameParty says whether two parties are the same body: the same Kemendagri
// region code when both have one, else the same name.
func sameParty(a, b agreement.Party) bool {
	if a.RegionCode != "" && b.RegionCode != "" {
		return a.RegionCode == b.RegionCode && (a.Kind == b.Kind || fold(a.Name) == fold(b.Name))
	}
	return fold(a.Name) != "" && fold(a.Name) == fold(b.Name)
}

// sameOffice says whether a package's sender is the party p.
func sameOffice(o Office, p agreement.Party) bool {
	if o.RegionCode != "" && p.RegionCode != "" {
		return o.RegionCode == p.RegionCode
	}
	return fold(o.Name) == fold(p.Name)
}

// MatchRegistry finds the package's parties, officials and mandates in our
// registry by who they are: a party by its region code or name, an official
// by NIP or by name within the party, a surat kuasa by its number within the
// party. It refuses a package our own office made, or one for an agreement
// our office is not a party of.
func MatchRegistry(p *Package, reg Registry) (Match, error) {
	m := Match{Parties: map[agreement.ID]agreement.ID{}, Officials: map[agreement.ID]agreement.ID{}, Mandates: map[agreement.ID]agreement.ID{}}
	for _, ours := range reg.Parties {
		if ours.Own {
			m.Own = ours
		}
	}
	if m.Own.ID != 0 && sameOffice(p.From, m.Own) {
		return m, fail(ProblemOwnPackage, nil, m.Own.Name)
	}
	for _, theirs := range p.Parties {
		m.Parties[theirs.ID] = 0
		if m.Own.ID != 0 && !theirs.Own && sameParty(theirs, m.Own) {
			m.Parties[theirs.ID], m.OwnInPackage = m.Own.ID, theirs.ID
			continue
		}
		for _, ours := range reg.Parties {
			if !ours.Own && sameParty(theirs, ours) {
				m.Parties[theirs.ID] = ours.ID
				break
			}
		}
	}
	if m.OwnInPackage == 0 {
		return m, fail(ProblemNotForUs, nil, p.Agreement.Subject)
	}
	for _, theirs := range p.Officials {
		m.Officials[theirs.ID] = 0
		party := m.Parties[theirs.PartyID]
		if party == 0 {
			continue
		}
		for _, ours := range reg.Officials {
			if ours.PartyID != party {
				continue
			}
			if (theirs.NIP != "" && ours.NIP == theirs.NIP) || (fold(ours.Name) == fold(theirs.Name) && fold(ours.Jabatan) == fold(theirs.Jabatan)) {
				m.Officials[theirs.ID] = ours.ID
				break
			}
		}
	}
	for _, theirs := range p.Mandates {
		m.Mandates[theirs.ID] = 0
		party := m.Parties[theirs.PartyID]
		if party == 0 || fold(theirs.Number) == "" {
			continue
		}
		for _, ours := range reg.Mandates {
			if ours.PartyID == party && fold(ours.Number) == fold(theirs.Number) {
				m.Mandates[theirs.ID] = ours.ID
				break
			}
		}
	}
	return m, nil
}

// Missing lists the package's records that our registry lacks, in the
// package's order: what Create would add.
func (m Match) Missing(p *Package) (parties []agreement.Party, officials []agreement.Official, mandates []agreement.Mandate) {
	for _, x := range p.Parties {
		if m.Parties[x.ID] == 0 {
			parties = append(parties, x)
		}
	}
	for _, x := range p.Officials {
		if m.Officials[x.ID] == 0 {
			officials = append(officials, x)
		}
	}
	for _, x := range p.Mandates {
		if m.Mandates[x.ID] == 0 {
			mandates = append(mandates, x)
		}
	}
	return
}

// Lambang puts into files the lambang of the parties Missing lists (before
// the write that saves them: a file is kept apart from records), by the
// package's party ID.
func (m Match) Lambang(p *Package, files interface {
	PutFile(name, mediaType string, data []byte) (agreement.FileRef, error)
}) (map[agreement.ID]agreement.FileRef, error) {
	out := map[agreement.ID]agreement.FileRef{}
	parties, _, _ := m.Missing(p)
	for _, x := range parties {
		if x.Lambang == nil {
			continue
		}
		for _, f := range p.Files {
			if p.partyLambang(x.ID) == f.Ref.SHA256 {
				ref, err := files.PutFile(f.Ref.Name, f.Ref.MediaType, f.Data)
				if err != nil {
					return nil, err
				}
				out[x.ID] = ref
			}
		}
	}
	return out, nil
}

// Create adds what Missing lists to our registry through w, parties first
// (with their lambang, put before by Lambang), then officials, then surat
// kuasa, and maps them. The caller makes it one write with the agreement
// (service.Together): a failing save leaves nothing.
func (m *Match) Create(p *Package, w service.Saver, lambang map[agreement.ID]agreement.FileRef) error {
	parties, officials, mandates := m.Missing(p)
	for _, x := range parties {
		theirs := x.ID
		x.ID, x.Rev, x.Own, x.Lambang = 0, 0, false, nil
		if ref, ok := lambang[theirs]; ok {
			x.Lambang = &ref
		}
		if err := w.SaveParty(&x); err != nil {
			return err
		}
		m.Parties[theirs] = x.ID
	}
	for _, x := range officials {
		theirs := x.ID
		x.ID, x.Rev, x.PartyID = 0, 0, m.Parties[x.PartyID]
		if err := w.SaveOfficial(&x); err != nil {
			return err
		}
		m.Officials[theirs] = x.ID
	}
	for _, x := range mandates {
		theirs := x.ID
		x.ID, x.Rev, x.PartyID, x.GrantorID, x.GranteeID = 0, 0, m.Parties[x.PartyID], m.Officials[x.GrantorID], m.Officials[x.GranteeID]
		if err := w.SaveMandate(&x); err != nil {
			return err
		}
		m.Mandates[theirs] = x.ID
	}
	return nil
}

func (p *Package) partyLambang(id agreement.ID) string {
	for _, x := range p.Parties {
		if x.ID == id && x.Lambang != nil {
			return x.Lambang.SHA256
		}
	}
	return ""
}

// Mirror is the package's agreement as a new record of ours: our IDs, our
// party marked as ours without a number (we take our own), a draft (konsep)
// tied to the package's key, without attachments.
func (m Match) Mirror(p *Package) agreement.Agreement {
	a := Sanitized(p.Agreement)
	a.ID, a.Rev, a.Status, a.Created, a.Updated = 0, 0, agreement.StatusKonsep, time.Time{}, time.Time{}
	for i := range a.Parties {
		ap := &a.Parties[i]
		own := ap.PartyID == m.OwnInPackage
		ap.PartyID, ap.SignerID, ap.MandateID = m.Parties[ap.PartyID], m.Officials[ap.SignerID], m.Mandates[ap.MandateID]
		ap.Own = own
		if own {
			ap.Number = ""
		}
	}
	a.Exchange = &agreement.Exchange{Key: p.Key, Partner: p.From.Name, Received: p.Rev}
	return a
}

// Refresh carries into an existing mirror what the package decides outside
// the text: the partner's own number (we keep ours), the partner's name and
// the revision received. The text changes are applied by the comparison
// (docx.Apply) as with a Word file.
func (m Match) Refresh(mirror *agreement.Agreement, p *Package) {
	for _, theirs := range p.Agreement.Parties {
		if !theirs.Own || theirs.Number == "" {
			continue
		}
		ours := m.Parties[theirs.PartyID]
		for i := range mirror.Parties {
			if mirror.Parties[i].PartyID == ours && !mirror.Parties[i].Own {
				mirror.Parties[i].Number = theirs.Number
			}
		}
	}
	x := agreement.Exchange{Key: p.Key} // a copy: mirror may share its pointer
	if mirror.Exchange != nil && mirror.Exchange.Key != "" {
		x = *mirror.Exchange
	}
	x.Partner, x.Received = p.From.Name, p.Rev
	mirror.Exchange = &x
}

// CheckMirror refuses a package for another agreement than mirror, or one
// made from a revision of the partner older than, or the same as, the last
// received. A draft of ours not yet tied to any package (typed before the
// partner's first one came) takes it when it is of the same kind between
// the same parties; accepting ties it (Refresh).
func (m Match) CheckMirror(p *Package, mirror *agreement.Agreement) error {
	if mirror.Exchange == nil || mirror.Exchange.Key == "" {
		if !m.sameParties(p, mirror) || mirror.Kind != p.Agreement.Kind {
			return fail(ProblemOtherAgreement, nil, p.Agreement.Subject, mirror.Subject)
		}
		return nil
	}
	if mirror.Exchange.Key != p.Key {
		return fail(ProblemOtherAgreement, nil, p.Agreement.Subject, mirror.Subject)
	}
	switch last := mirror.Exchange.Received; {
	case last > 0 && p.Rev < last:
		return fail(ProblemOlderRevision, nil, p.Rev, last)
	case last > 0 && p.Rev == last:
		return fail(ProblemAlreadyReceived, nil, p.Rev)
	}
	return nil
}

// sameParties says whether the package's agreement and mirror name the same
// parties, as matched.
func (m Match) sameParties(p *Package, mirror *agreement.Agreement) bool {
	want := map[agreement.ID]bool{}
	for _, ap := range p.Agreement.Parties {
		id := m.Parties[ap.PartyID]
		if id == 0 {
			return false
		}
		want[id] = true
	}
	have := map[agreement.ID]bool{}
	for _, ap := range mirror.Parties {
		have[ap.PartyID] = true
	}
	if len(want) != len(have) {
		return false
	}
	for id := range want {
		if !have[id] {
			return false
		}
	}
	return true
}
