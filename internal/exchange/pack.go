// Package exchange is the .sepakat package between two offices that both use
// Sepakat: the agreement with its parties, officials and mandates, sealed by
// a SHA-256 of its content (docs/exchange.md). Reading one checks it whole;
// matching it to the receiving register (match.go) finds the parties,
// officials and mandates by who they are, never by the sender's IDs.
package exchange

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/naskah"
)

// The package's format.
const (
	Format    = "sepakat-paket"
	Version   = 1
	Ext       = ".sepakat"
	MediaType = "application/vnd.sepakat.paket+json"
	// MaxSize bounds a package: an agreement, its few records and lambang.
	MaxSize = 16 << 20
)

// Office names the office that made a package.
type Office struct {
	Name       string `json:"name"`
	RegionCode string `json:"region_code,omitempty"`
}

// File is a stored file the package carries (a party's lambang).
type File struct {
	Ref  agreement.FileRef `json:"ref"`
	Data []byte            `json:"data"`
}

// Package is what one office sends the other. Its records keep the sender's
// IDs; the receiver maps them (Match).
type Package struct {
	// Key is the agreement's Exchange.Key, the same in both registers.
	Key   string `json:"key"`
	From  Office `json:"from"`
	Rev   uint64 `json:"rev"`   // the sender's revision
	Round int    `json:"round"` // the sender's round
	// Answers is the receiver's revision the sender last received, the text
	// this package answers (0: none, a first package).
	Answers uint64    `json:"answers,omitempty"`
	Made    time.Time `json:"made"`
	// Agreement is the draft without what only its office keeps (Sanitized).
	Agreement agreement.Agreement  `json:"agreement"`
	Parties   []agreement.Party    `json:"parties"`
	Officials []agreement.Official `json:"officials,omitempty"`
	Mandates  []agreement.Mandate  `json:"mandates,omitempty"`
	Files     []File               `json:"files,omitempty"`
}

// envelope is the file: the content and the SHA-256 of its bytes.
type envelope struct {
	Format  string          `json:"format"`
	Version int             `json:"version"`
	SHA256  string          `json:"sha256"`
	Content json.RawMessage `json:"content"`
}

// NewKey makes an exchange key: 128 random bits in hex.
func NewKey() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}

// Source is what a package is made from.
type Source interface {
	Party(agreement.ID) (agreement.Party, error)
	Official(agreement.ID) (agreement.Official, error)
	Mandate(agreement.ID) (agreement.Mandate, error)
	File(sha string) ([]byte, error)
}

// Sanitized is a without what only its own office keeps: the TKKSD's
// reviews, notes, tags, attachments, the DPRD's approval, the implementers,
// paraf units, monitoring, signing and the family links.
func Sanitized(a agreement.Agreement) agreement.Agreement {
	a.Reviews, a.Notes, a.Tags, a.Attachments = nil, "", nil, nil
	a.DPRD, a.Implementers, a.ParafUnits, a.Monitoring = agreement.DPRDApproval{}, nil, nil, nil
	a.Signing, a.ParentID, a.Imported, a.Exchange, a.CancelReason = nil, 0, nil, nil, ""
	a.Parties = append([]agreement.AgreementParty(nil), a.Parties...)
	return a
}

// Make gathers a's package: a must carry its Exchange key; rev and round are
// the sender's.
func Make(a *agreement.Agreement, src Source, round int, made time.Time) (*Package, error) {
	if a.Exchange == nil || a.Exchange.Key == "" {
		return nil, errors.New("exchange: agreement without a key")
	}
	p := &Package{Key: a.Exchange.Key, Rev: a.Rev, Round: round, Made: made.UTC(), Answers: a.Exchange.Received, Agreement: Sanitized(*a)}
	seenOfficial := map[agreement.ID]bool{}
	addOfficial := func(id agreement.ID) error {
		if id == 0 || seenOfficial[id] {
			return nil
		}
		seenOfficial[id] = true
		o, err := src.Official(id)
		if err != nil {
			return err
		}
		p.Officials = append(p.Officials, o)
		return nil
	}
	seenParty := map[agreement.ID]bool{}
	for _, ap := range a.Parties {
		if !seenParty[ap.PartyID] {
			seenParty[ap.PartyID] = true
			party, err := src.Party(ap.PartyID)
			if err != nil {
				return nil, err
			}
			if ap.Own {
				p.From = Office{Name: party.Name, RegionCode: party.RegionCode}
			}
			party.Numbering, party.Page, party.Procedure = nil, nil, nil
			party.Own = ap.Own
			if party.Lambang != nil {
				data, err := src.File(party.Lambang.SHA256)
				if err != nil {
					return nil, err
				}
				p.Files = append(p.Files, File{Ref: *party.Lambang, Data: data})
			}
			p.Parties = append(p.Parties, party)
		}
		if err := addOfficial(ap.SignerID); err != nil {
			return nil, err
		}
		if ap.MandateID != 0 {
			m, err := src.Mandate(ap.MandateID)
			if err != nil {
				return nil, err
			}
			p.Mandates = append(p.Mandates, m)
			if err := addOfficial(m.GrantorID); err != nil {
				return nil, err
			}
			if err := addOfficial(m.GranteeID); err != nil {
				return nil, err
			}
		}
	}
	if p.From.Name == "" {
		return nil, errors.New("exchange: agreement without our own party")
	}
	return p, nil
}

// Write writes the package: {"format", "version", "sha256", "content"},
// the SHA-256 taken over the content's bytes as written.
func Write(w io.Writer, p *Package) error {
	content, err := json.Marshal(p)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(content)
	head, err := json.Marshal(struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
		SHA256  string `json:"sha256"`
	}{Format, Version, hex.EncodeToString(sum[:])})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.Write(head[:len(head)-1])
	buf.WriteString(`,"content":`)
	buf.Write(content)
	buf.WriteString("}\n")
	_, err = w.Write(buf.Bytes())
	return err
}

// Read reads and checks a package: its format and version, its SHA-256, and
// that it holds an agreement with its parties.
func Read(data []byte) (*Package, error) {
	if len(data) > MaxSize {
		return nil, fail(ProblemTooLarge, nil, MaxSize>>20)
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, fail(ProblemNotPackage, nil)
	}
	var env envelope
	if err := json.Unmarshal(trimmed, &env); err != nil {
		if bytes.Contains(trimmed[:min(len(trimmed), 200)], []byte(`"`+Format+`"`)) {
			return nil, fail(ProblemCorrupt, err)
		}
		return nil, fail(ProblemNotPackage, err)
	}
	switch {
	case env.Format != Format:
		return nil, fail(ProblemNotPackage, nil)
	case env.Version > Version:
		return nil, fail(ProblemNewerFormat, nil, env.Version, Version)
	case env.Version < 1 || len(env.Content) == 0:
		return nil, fail(ProblemCorrupt, nil)
	}
	sum := sha256.Sum256(env.Content)
	if !strings.EqualFold(hex.EncodeToString(sum[:]), env.SHA256) {
		return nil, fail(ProblemTampered, nil)
	}
	var p Package
	if err := json.Unmarshal(env.Content, &p); err != nil {
		return nil, fail(ProblemCorrupt, err)
	}
	p.Agreement.FoldSigning() // written by a Sepakat of before one number per party
	if p.Key == "" || p.From.Name == "" || len(p.Agreement.Parties) == 0 {
		return nil, fail(ProblemCorrupt, errors.New("no key, sender or parties"))
	}
	parties := map[agreement.ID]bool{}
	for _, party := range p.Parties {
		parties[party.ID] = true
	}
	for _, ap := range p.Agreement.Parties {
		if !parties[ap.PartyID] {
			return nil, fail(ProblemCorrupt, fmt.Errorf("party %d not in the package", ap.PartyID))
		}
	}
	return &p, nil
}

// source answers a document's lookups from the package itself.
type source struct{ p *Package }

func (s source) Agreement(id agreement.ID) (agreement.Agreement, error) {
	return agreement.Agreement{}, fmt.Errorf("exchange: agreement %d not in the package", id)
}

func (s source) Party(id agreement.ID) (agreement.Party, error) {
	for _, x := range s.p.Parties {
		if x.ID == id {
			return x, nil
		}
	}
	return agreement.Party{}, fmt.Errorf("exchange: party %d not in the package", id)
}

func (s source) Official(id agreement.ID) (agreement.Official, error) {
	for _, x := range s.p.Officials {
		if x.ID == id {
			return x, nil
		}
	}
	return agreement.Official{}, fmt.Errorf("exchange: official %d not in the package", id)
}

func (s source) Mandate(id agreement.ID) (agreement.Mandate, error) {
	for _, x := range s.p.Mandates {
		if x.ID == id {
			return x, nil
		}
	}
	return agreement.Mandate{}, fmt.Errorf("exchange: mandate %d not in the package", id)
}

func (s source) File(sha string) ([]byte, error) {
	for _, f := range s.p.Files {
		if f.Ref.SHA256 == sha {
			return f.Data, nil
		}
	}
	return nil, fmt.Errorf("exchange: file %s not in the package", sha)
}

// Document builds the package's agreement as its sender's text says it,
// with our office's printing options; numbers, by the package's party IDs,
// stand for the numbers the package gives (we keep our own).
func (p *Package) Document(lib *naskah.Library, opt naskah.Options, numbers map[agreement.ID]string) (*naskah.Document, error) {
	a := p.Agreement
	a.Parties = append([]agreement.AgreementParty(nil), a.Parties...)
	for i := range a.Parties {
		if n, ok := numbers[a.Parties[i].PartyID]; ok {
			a.Parties[i].Number = n
		}
	}
	return naskah.Build(&a, source{p}, lib, opt)
}
