package agreement

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Directory looks up related records during validation.
type Directory interface {
	Party(ID) (Party, bool)
	Official(ID) (Official, bool)
	Mandate(ID) (Mandate, bool)
	// AgreementKind returns the kind of a stored agreement.
	AgreementKind(ID) (Kind, bool)
	// RegionName returns the name of a Kemendagri region code.
	RegionName(code string) (string, bool)
}

const (
	maxSubject = 2000
	maxName    = 300
)

// stage orders statuses so that rules can say "from Siap Tanda Tangan on".
func stage(s Status) int {
	switch s {
	case StatusTelaah:
		return 1
	case StatusSiapTTD:
		return 2
	case StatusDitandatangani:
		return 3
	}
	return 0
}

func checkText(es *Errors, field, s string, max int, required bool) {
	if isBlank(s) {
		if required {
			es.add(field, "required")
		}
		return
	}
	if len(s) > max && utf8.RuneCountInString(s) > max {
		es.add(field, "too_long", max)
	}
	if hasControl(s) {
		es.add(field, "control_chars")
	}
}

// badText reports whether checkText would find a problem with optional text s.
func badText(s string, max int) bool {
	return (len(s) > max && utf8.RuneCountInString(s) > max) || hasControl(s)
}

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
		default:
			if s[i] < utf8.RuneSelf {
				return false
			}
			return strings.TrimSpace(s[i:]) == ""
		}
	}
	return true
}

// hasControl reports control characters other than tab, newline and carriage
// return: C0, DEL and the C1 range U+0080–U+009F (bytes C2 80–C2 9F in UTF-8).
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20:
			if c != '\t' && c != '\n' && c != '\r' {
				return true
			}
		case c == 0x7f:
			return true
		case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f:
			return true
		}
	}
	return false
}

func checkDate(es *Errors, field string, d Date) {
	if !d.IsZero() && !d.Valid() {
		es.add(field, "bad_date")
	}
}

// Validate checks an agreement against the rules of DOMAIN.md and returns field errors.
func (a *Agreement) Validate(dir Directory) Errors {
	var es Errors
	if !a.Kind.Valid() {
		es.add("kind", "bad_value", string(a.Kind))
	}
	if a.Category != "" && !validCategory(a.Category) {
		es.add("category", "bad_value", string(a.Category))
	}
	if !a.Status.Valid() {
		es.add("status", "bad_value", string(a.Status))
	}
	checkText(&es, "subject", a.Subject, maxSubject, true)
	a.validateAmends(&es)
	checkText(&es, "place", a.Place, maxName, false)
	checkText(&es, "notes", a.Notes, 20000, false)
	if a.Status == StatusDibatalkan && strings.TrimSpace(a.CancelReason) == "" {
		es.add("cancel_reason", "cancel_reason")
	}
	a.validateParent(&es, dir)
	a.validateParties(&es, dir)
	a.validateTerm(&es)
	a.validateBody(&es)
	if a.Copies < 0 {
		es.add("copies", "negative")
	} else if a.Copies == 0 && stage(a.Status) >= 2 && !a.IsImported() {
		es.add("copies", "copies_required")
	}
	if a.Funding.Amount < 0 {
		es.add("funding.amount", "negative")
	}
	checkDate(&es, "dprd.date", a.DPRD.Date)
	a.validateSigning(&es, dir)
	a.validateProcedure(&es, dir)
	a.validateParaf(&es)
	for i, m := range a.Monitoring {
		f := idx("monitoring", i)
		checkDate(&es, f+".date", m.Date)
		checkText(&es, f+".activity", m.Activity, 5000, true)
	}
	for i, t := range a.Tags {
		checkText(&es, idx("tags", i), t, 100, true)
	}
	return es
}

func validCategory(c Category) bool {
	for _, v := range Categories {
		if c == v {
			return true
		}
	}
	return false
}

// AllowedParent reports whether a child of kind child may hang under a parent of kind parent.
func AllowedParent(parent, child Kind) bool {
	switch child {
	case KindPKS:
		return parent == KindKSB || parent == KindNK
	case KindAdendum, KindPerpanjangan:
		return parent == KindKSB || parent == KindPKS || parent == KindNK
	}
	return false
}

func (a *Agreement) validateParent(es *Errors, dir Directory) {
	switch a.Kind {
	case KindKSB, KindNK:
		if a.ParentID != 0 {
			es.add("parent_id", "parent_forbidden", a.Kind.Title())
		}
		return
	case KindAdendum, KindPerpanjangan:
		if a.ParentID == 0 && !a.IsImported() {
			es.add("parent_id", "parent_required", a.Kind.Title())
			return
		}
	}
	if a.ParentID == 0 {
		return
	}
	if a.ParentID == a.ID {
		es.add("parent_id", "parent_self")
		return
	}
	kind, ok := dir.AgreementKind(a.ParentID)
	if !ok {
		es.add("parent_id", "not_found", a.ParentID)
		return
	}
	if !AllowedParent(kind, a.Kind) {
		es.add("parent_id", "parent_kind", kind.Title(), a.Kind.Title())
	}
}

// signingLevel is the kind whose signing rules apply: an Adendum or Perpanjangan
// is signed at the level of the original (which is never itself an Adendum or
// Perpanjangan).
func (a *Agreement) signingLevel(dir Directory) Kind {
	if a.Kind != KindAdendum && a.Kind != KindPerpanjangan {
		return a.Kind
	}
	if a.Parent != nil && a.Parent.Kind != "" {
		return a.Parent.Kind
	}
	if k, ok := dir.AgreementKind(a.ParentID); ok {
		return k
	}
	return KindPKS
}

func (a *Agreement) validateParties(es *Errors, dir Directory) {
	if len(a.Parties) < 2 {
		es.add("parties", "min_parties")
	}
	seenParty := map[ID]bool{}
	seenUnit := map[string]bool{}
	seenRole := map[Role]bool{}
	own := 0
	level := a.signingLevel(dir)
	for i, ap := range a.Parties {
		f := idx("parties", i)
		if ap.Own {
			own++
			if own == 2 {
				es.add(f+".own", "many_own")
			}
		}
		switch ap.Role {
		case RolePihakPertama, RolePihakKedua, RolePihakKetiga:
			if seenRole[ap.Role] {
				es.add(f+".role", "duplicate_role", ap.Role.Label())
			}
			seenRole[ap.Role] = true
		default:
			es.add(f+".role", "bad_value", string(ap.Role))
		}
		checkText(es, f+".number", ap.Number, 200, false)
		checkText(es, f+".unit", ap.Unit, maxName, false)
		if ap.PartyID == 0 {
			es.add(f+".party_id", "required")
			continue
		}
		// Two perangkat daerah of one region may both be parties, each named.
		unit := strings.ToLower(strings.Join(strings.Fields(ap.Unit), " "))
		if seenParty[ap.PartyID] && (unit == "" || seenUnit[unit]) {
			es.add(f+".party_id", "duplicate_party")
		}
		seenParty[ap.PartyID] = true
		seenUnit[unit] = unit != ""
		party, ok := dir.Party(ap.PartyID)
		if !ok {
			es.add(f+".party_id", "not_found", ap.PartyID)
			continue
		}
		if unit != "" && !party.Kind.IsRegion() {
			es.add(f+".unit", "unit_region")
		} else if unit != "" && (level == KindKSB || level == KindNK) {
			es.add(f+".unit", "unit_level", level.Title())
		}
		if ap.SignerID == 0 {
			if stage(a.Status) >= 2 && !a.IsImported() {
				es.add(f+".signer_id", "signer_required")
			}
			continue
		}
		signer, ok := dir.Official(ap.SignerID)
		if !ok {
			es.add(f+".signer_id", "not_found", ap.SignerID)
			continue
		}
		if signer.PartyID != ap.PartyID {
			es.add(f+".signer_id", "signer_other_party")
			continue
		}
		if !party.Kind.IsRegion() {
			// A KSB or Nota Kesepakatan is signed by whoever leads each party,
			// never under a surat kuasa (Permendagri 22/2020).
			if (level == KindKSB || level == KindNK) && ap.MandateID != 0 {
				es.add(f+".mandate_id", "ksb_no_mandate", level.Title())
			}
			continue
		}
		switch level {
		case KindKSB, KindNK:
			if signer.Role != RoleKepalaDaerah {
				es.add(f+".signer_id", "ksb_kepala_daerah", level.Title(), signer.Name)
			}
			if ap.MandateID != 0 {
				es.add(f+".mandate_id", "ksb_no_mandate", level.Title())
			}
		default:
			if signer.Role == RoleKepalaDaerah {
				continue
			}
			if ap.MandateID == 0 {
				if signer.Role == RoleKepalaPD {
					es.add(f+".mandate_id", "pks_kepala_pd_mandate", signer.FullName(), level.Title())
				} else {
					es.add(f+".mandate_id", "pks_needs_mandate", signer.FullName())
				}
				continue
			}
			a.validateMandate(es, dir, f, ap)
		}
	}
}

func (a *Agreement) validateMandate(es *Errors, dir Directory, f string, ap AgreementParty) {
	m, ok := dir.Mandate(ap.MandateID)
	if !ok {
		es.add(f+".mandate_id", "not_found", ap.MandateID)
		return
	}
	if m.GranteeID != ap.SignerID || m.PartyID != ap.PartyID {
		es.add(f+".mandate_id", "mandate_mismatch")
		return
	}
	g, ok := dir.Official(m.GrantorID)
	if !ok || g.Role != RoleKepalaDaerah {
		es.add(f+".mandate_id", "mandate_grantor")
	} else if !m.Date.IsZero() && !g.InOffice(m.Date) {
		es.add(f+".mandate_id", "mandate_out_of_office", g.FullName(), m.Date.String(), g.Period())
	}
	if a.Signing != nil && !m.ValidUntil.IsZero() && !a.Signing.Date.IsZero() && a.Signing.Date.After(m.ValidUntil) {
		es.add(f+".mandate_id", "mandate_expired", m.ValidUntil.String())
	}
}

func (a *Agreement) validateTerm(es *Errors) {
	t := a.Term
	if t.Length < 0 {
		es.add("term.length", "negative")
	}
	if t.Unit != "" && t.Unit != UnitTahun && t.Unit != UnitBulan {
		es.add("term.unit", "bad_value", string(t.Unit))
	}
	checkDate(es, "term.start", t.Start)
	checkDate(es, "term.end", t.End)
	if t.Start.IsZero() || t.End.IsZero() || !t.Start.Valid() || !t.End.Valid() {
		return
	}
	if t.End.Before(t.Start) {
		es.add("term.end", "end_before_start", t.End.String(), t.Start.String())
		return
	}
	if want := t.EndFor(t.Start); t.Length > 0 && want != t.End {
		es.add("term.end", "end_mismatch", want.String())
	}
}

// allowedChild lists which node kinds may stand under which.
var allowedChild = map[NodeKind][]NodeKind{
	"":           {NodeBab, NodePasal},
	NodeBab:      {NodePasal},
	NodePasal:    {NodeAyat, NodePoint},
	NodeAyat:     {NodePoint},
	NodePoint:    {NodeSubPoint},
	NodeSubPoint: nil,
}

func (a *Agreement) validateBody(es *Errors) {
	if len(a.Body) == 0 && stage(a.Status) >= 2 && !a.IsImported() {
		es.add("body", "body_required")
	}
	// Paths are built only for errors: bodies are long and saved often.
	var at []int
	path := func() string {
		p := "body"
		for i, n := range at {
			if i > 0 {
				p += ".children"
			}
			p = idx(p, n)
		}
		return p
	}
	var walk func(parent NodeKind, nodes []Node)
	walk = func(parent NodeKind, nodes []Node) {
		for i := range nodes {
			n := &nodes[i]
			at = append(at, i)
			if _, known := allowedChild[n.Kind]; !known || n.Kind == "" {
				es.add(path()+".kind", "bad_node", string(n.Kind))
				at = at[:len(at)-1]
				continue
			}
			ok := false
			for _, k := range allowedChild[parent] {
				ok = ok || k == n.Kind
			}
			if !ok {
				es.add(path()+".kind", "body_structure", n.Kind, nodeParentLabel(parent))
			}
			if badText(n.Heading, 300) {
				checkText(es, path()+".heading", n.Heading, 300, false)
			}
			if badText(n.Text, 20000) {
				checkText(es, path()+".text", n.Text, 20000, false)
			}
			walk(n.Kind, n.Children)
			at = at[:len(at)-1]
		}
	}
	walk("", a.Body)
}

func nodeParentLabel(k NodeKind) string {
	if k == "" {
		return "naskah"
	}
	return string(k)
}

func (a *Agreement) validateSigning(es *Errors, dir Directory) {
	s := a.Signing
	if s == nil {
		if a.Status == StatusDitandatangani {
			es.add("signing", "signing_required")
		}
		return
	}
	checkDate(es, "signing.date", s.Date)
	if a.Status == StatusDitandatangani {
		if s.Date.IsZero() {
			es.add("signing.date", "required")
		}
		if strings.TrimSpace(s.Place) == "" && !a.IsImported() {
			es.add("signing.place", "required")
		}
	}
	checkText(es, "signing.place", s.Place, maxName, false)
	checkText(es, "signing.venue", s.Venue, maxName, false)
	if s.Meterai < 0 {
		es.add("signing.meterai", "negative")
	}
	for i, sg := range s.Signers {
		f := idx("signing.signers", i)
		checkText(es, f+".name", sg.Name, maxName, true)
		if sg.PartyID != 0 {
			if _, ok := dir.Party(sg.PartyID); !ok {
				es.add(f+".party_id", "not_found", sg.PartyID)
			}
		}
		if sg.OfficialID != 0 {
			if _, ok := dir.Official(sg.OfficialID); !ok {
				es.add(f+".official_id", "not_found", sg.OfficialID)
			}
		}
		if sg.MandateID != 0 {
			if _, ok := dir.Mandate(sg.MandateID); !ok {
				es.add(f+".mandate_id", "not_found", sg.MandateID)
			}
		}
	}
	for i, w := range s.Witnesses {
		checkText(es, idx("signing.witnesses", i)+".name", w.Name, maxName, true)
	}
}

// Validate checks a party.
func (p *Party) Validate(dir Directory) Errors {
	var es Errors
	if !p.Kind.Valid() {
		es.add("kind", "bad_value", string(p.Kind))
	}
	checkText(&es, "name", p.Name, maxName, true)
	checkText(&es, "short_name", p.ShortName, 100, false)
	checkText(&es, "seat", p.Seat, maxName, false)
	checkText(&es, "address", p.Address, 1000, false)
	if p.Kind.IsRegion() {
		if p.RegionCode == "" {
			es.add("region_code", "region_required")
		} else if _, ok := dir.RegionName(p.RegionCode); !ok {
			es.add("region_code", "region_unknown", p.RegionCode)
		}
	}
	if p.Numbering != nil {
		for _, e := range p.Numbering.Validate() {
			e.Field = "numbering." + e.Field
			es = append(es, e)
		}
	}
	if p.Procedure != nil {
		p.Procedure.validate(&es)
	}
	if pg := p.Page; pg != nil {
		if pg.PageNumbers != "" && pg.PageNumbers != PageNumbersDash && pg.PageNumbers != PageNumbersHalaman {
			es.add("page.page_numbers", "bad_value", pg.PageNumbers)
		}
		switch strings.ToUpper(strings.TrimSpace(pg.Paper)) {
		case "", "A4", "F4":
		default:
			es.add("page.paper", "bad_value", pg.Paper)
		}
		if pg.FontSize != 0 && (pg.FontSize < 8 || pg.FontSize > 16) {
			es.add("page.font_size", "out_of_range", 8.0, 16.0)
		}
		p.validateParaf(&es, dir)
		if pg.LineSpacing != 0 && (pg.LineSpacing < 1 || pg.LineSpacing > 2.5) {
			es.add("page.line_spacing", "out_of_range", 1.0, 2.5)
		}
		for _, m := range []struct {
			field     string
			v, lo, hi float64
		}{{"page.margin_top_mm", pg.MarginTop, 15, 60}, {"page.margin_right_mm", pg.MarginRight, 10, 60},
			{"page.margin_bottom_mm", pg.MarginBot, 20, 60}, {"page.margin_left_mm", pg.MarginLeft, 10, 60}} {
			if m.v != 0 && (m.v < m.lo || m.v > m.hi) {
				es.add(m.field, "out_of_range", m.lo, m.hi)
			}
		}
	}
	return es
}

// Validate checks an official.
func (o *Official) Validate(dir Directory) Errors {
	var es Errors
	if o.PartyID == 0 {
		es.add("party_id", "required")
	} else if p, ok := dir.Party(o.PartyID); !ok {
		es.add("party_id", "not_found", o.PartyID)
	} else if o.Role == RoleKepalaDaerah && !p.Kind.IsRegion() {
		es.add("role", "official_party_kind")
	}
	checkText(&es, "name", o.Name, maxName, true)
	checkText(&es, "front_title", o.FrontTitle, 100, false)
	checkText(&es, "back_title", o.BackTitle, 100, false)
	checkText(&es, "jabatan", o.Jabatan, maxName, true)
	validRole := false
	for _, r := range OfficialRoles {
		validRole = validRole || o.Role == r
	}
	if !validRole {
		es.add("role", "bad_value", string(o.Role))
	}
	switch o.Status {
	case "", StatusDefinitif, StatusPlt, StatusPlh, StatusPj:
	default:
		es.add("status", "bad_value", string(o.Status))
	}
	if o.NIP != "" && !isDigits(o.NIP, 18) {
		es.add("nip", "nip_format")
	}
	checkDate(&es, "from", o.From)
	checkDate(&es, "to", o.To)
	if !o.From.IsZero() && !o.To.IsZero() && o.To.Before(o.From) {
		es.add("to", "end_before_start", o.To.String(), o.From.String())
	}
	return es
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Validate checks a mandate.
func (m *Mandate) Validate(dir Directory) Errors {
	var es Errors
	if m.PartyID == 0 {
		es.add("party_id", "required")
	} else if _, ok := dir.Party(m.PartyID); !ok {
		es.add("party_id", "not_found", m.PartyID)
	}
	for _, f := range []struct {
		field string
		id    ID
	}{{"grantor_id", m.GrantorID}, {"grantee_id", m.GranteeID}} {
		if f.id == 0 {
			es.add(f.field, "required")
		} else if _, ok := dir.Official(f.id); !ok {
			es.add(f.field, "not_found", f.id)
		}
	}
	if m.GrantorID != 0 && m.GrantorID == m.GranteeID {
		es.add("grantee_id", "same_official")
	}
	checkText(&es, "number", m.Number, 200, true)
	checkText(&es, "scope", m.Scope, 5000, false)
	checkDate(&es, "date", m.Date)
	if m.Date.IsZero() {
		es.add("date", "required")
	} else if g, ok := dir.Official(m.GrantorID); ok && m.GrantorID != 0 && !g.InOffice(m.Date) {
		es.add("date", "mandate_out_of_office", g.FullName(), m.Date.String(), g.Period())
	}
	checkDate(&es, "valid_until", m.ValidUntil)
	if !m.Date.IsZero() && !m.ValidUntil.IsZero() && m.ValidUntil.Before(m.Date) {
		es.add("valid_until", "end_before_start", m.ValidUntil.String(), m.Date.String())
	}
	return es
}

// validateAmends checks what an Adendum or Perpanjangan changes: only those
// carry a change, and a changed term has a real new end.
func (a *Agreement) validateAmends(es *Errors) {
	m := a.Amends
	if m == nil {
		return
	}
	if a.Kind != KindAdendum && a.Kind != KindPerpanjangan {
		es.add("amends", "bad_value", string(a.Kind))
		return
	}
	if m.Term {
		if m.End.IsZero() {
			es.add("amends.end", "required")
		}
		checkDate(es, "amends.end", m.End)
	}
	for i, p := range m.Pasal {
		if p.Number < 1 {
			es.add(fmt.Sprintf("amends.pasal[%d].number", i), "bad_value", strconv.Itoa(p.Number))
		}
	}
}
