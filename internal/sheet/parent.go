package sheet

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
)

// ParentLink is the agreement a row hangs under: an Adendum or Perpanjangan
// under what it changes, a PKS under its KSB or Nota Kesepakatan.
type ParentLink struct {
	// Text is the number the row gives for its parent: its nomor induk
	// cell, or the number its subject or notes cite ("Adendum atas PKS
	// No. …"), or the one chosen in the preview; "" for none.
	Text string
	// Row is the plan row of the parent in the same file, or -1; ID the
	// parent already in the register, or 0. Neither: not found.
	Row int
	ID  agreement.ID
	// Chosen marks a link set (or cleared) in the preview: kept as it is
	// when the rows are built again.
	Chosen bool
}

// Found reports whether the link names a parent that exists.
func (l ParentLink) Found() bool { return l.Row >= 0 || l.ID != 0 }

// Known is an agreement already in the register, as a parent is found.
type Known struct {
	ID                       agreement.ID
	Kind                     agreement.Kind
	Subject                  string
	OwnNumber, PartnerNumber string
	Signed, End              agreement.Date
}

// The words of a row's parent.
var (
	probParentMissing = i18n.Text{ID: "Perjanjian induk nomor %q tidak ditemukan di berkas ini maupun di daftar perjanjian; tulis nomor induk yang benar atau kosongkan",
		EN: "Parent agreement number %q is found neither in this file nor in the register; write the right parent number or clear it"}
	probParentKind = i18n.Text{ID: "Perjanjian induk %s adalah %s; %s tidak dapat berinduk padanya",
		EN: "Parent agreement %s is a %s; a %s cannot hang under it"}
	probParentOut = i18n.Text{ID: "Perjanjian induk %s (baris %d) tidak ikut diimpor; perbaiki baris itu atau kosongkan nomor induk",
		EN: "Parent agreement %s (row %d) is not imported; fix that row or clear the parent number"}
	warnNoEnd = i18n.Text{ID: "%s ini tidak punya tanggal berakhir, sendiri maupun dari perjanjian induknya; akan dihitung berlaku sampai tanggal berakhirnya diisi",
		EN: "This %s has no end date, of its own or from its parent agreement; it will count as in force until an end date is set"}
	warnParentIgnored = i18n.Text{ID: "%s tidak berinduk; nomor induk %q diabaikan",
		EN: "A %s has no parent; parent number %q ignored"}
)

// canHaveParent reports whether a row of kind k may hang under a parent.
func canHaveParent(k agreement.Kind) bool {
	return k == agreement.KindPKS || k == agreement.KindAdendum || k == agreement.KindPerpanjangan
}

// citedNumber finds "No. 119/PKS/2024", "Nomor: 180/12/HK/2025" in a text:
// a run without spaces, or with spaces only around its slashes.
var citedNumber = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(?:nomor|nomer|no)\s*\.?\s*:?\s*([\p{L}\p{N}][^\s,;()]*(?:\s*/\s*[^\s,;()]+)*)`)

// CitedNumbers are the agreement numbers a text cites, in order: each has a
// digit ("No. urut" is not one).
func CitedNumbers(s string) []string {
	var out []string
	for _, m := range citedNumber.FindAllStringSubmatch(s, -1) {
		n := strings.TrimRight(m[1], ".:")
		if strings.ContainsAny(n, "0123456789") && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// SetParent links row i to the agreement numbered number (in the file or
// the register), or to none when number is empty, and keeps that choice.
func (p *Plan) SetParent(i int, number string) {
	p.Rows[i].Parent = ParentLink{Text: strings.TrimSpace(number), Row: -1, Chosen: true}
	p.linkParents()
}

// ParentLabel names row i's parent as the preview shows it: "baris 3: PKS
// 119/PKS/2024", "PKS 119/PKS/2024 (di daftar)", "119/PKS/2024 (tidak
// ditemukan)"; "" for none.
func (p *Plan) ParentLabel(i int, l i18n.Lang) string {
	lk := p.Rows[i].Parent
	switch {
	case lk.Row >= 0:
		a := &p.Rows[lk.Row].Agreement
		return i18n.Text{ID: "baris %d: %s %s", EN: "row %d: %s %s"}.In(l, p.Rows[lk.Row].Line, a.Kind, a.OwnNumber())
	case lk.ID != 0:
		k := p.known(lk.ID)
		return i18n.Text{ID: "%s %s (di daftar)", EN: "%s %s (in the register)"}.In(l, k.Kind, cmp.Or(k.OwnNumber, k.PartnerNumber))
	case lk.Text != "":
		return i18n.Text{ID: "%s (tidak ditemukan)", EN: "%s (not found)"}.In(l, lk.Text)
	}
	return ""
}

// known is the register's agreement id, as the plan's lookups found it.
func (p *Plan) known(id agreement.ID) Known {
	if k, ok := p.knownByID[id]; ok {
		return k
	}
	return Known{ID: id}
}

// linkParents finds every row's parent (unless chosen in the preview) and
// says what is wrong with it. Rows are taken parents first (KSB and NK, then
// PKS, then Adendum and Perpanjangan), so that a parent row refused for its
// own parent refuses its children too.
func (p *Plan) linkParents() {
	own, partner := map[string]int{}, map[string]int{}
	for i := range p.Rows {
		a := &p.Rows[i].Agreement
		if k := NumberKey(a.OwnNumber()); k != "" {
			if _, dup := own[k]; !dup {
				own[k] = i
			}
		}
		if k := NumberKey(a.PartnerNumber()); k != "" {
			if _, dup := partner[k]; !dup {
				partner[k] = i
			}
		}
	}
	order := make([]int, len(p.Rows))
	for i := range order {
		order[i] = i
	}
	rank := func(k agreement.Kind) int {
		switch k {
		case agreement.KindPKS:
			return 1
		case agreement.KindAdendum, agreement.KindPerpanjangan:
			return 2
		}
		return 0
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return rank(p.Rows[a].Agreement.Kind) - rank(p.Rows[b].Agreement.Kind)
	})
	for _, i := range order {
		r := &p.Rows[i]
		r.Problems, r.Warnings = without(r.Problems, CheckParent), without(r.Warnings, CheckParent)
		a := &r.Agreement
		a.ParentID, a.Parent = 0, nil
		if !r.Parent.Chosen {
			r.Parent = p.findParent(i, own, partner)
		} else {
			text := r.Parent.Text
			r.Parent = p.lookUp(i, []string{text}, own, partner)
			r.Parent.Chosen = true
		}
		lk := r.Parent
		if lk.Text == "" {
			continue
		}
		if !canHaveParent(a.Kind) {
			r.Warnings = append(r.Warnings, finding(CheckParent, warnParentIgnored, a.Kind.Title(), lk.Text))
			r.Parent = ParentLink{Row: -1, Chosen: lk.Chosen}
			continue
		}
		if !lk.Found() {
			r.Problems = append(r.Problems, finding(CheckParent, probParentMissing, lk.Text))
			continue
		}
		var ref agreement.ParentRef
		if lk.Row >= 0 {
			pa := &p.Rows[lk.Row].Agreement
			ref = agreement.ParentRef{Kind: pa.Kind, Subject: pa.Subject, Numbers: pa.Numbers(), End: pa.EffectiveEnd()}
			if pa.Signing != nil {
				ref.Date = pa.Signing.Date
			}
		} else {
			k := p.known(lk.ID)
			ref = agreement.ParentRef{Kind: k.Kind, Subject: k.Subject, Date: k.Signed, End: k.End}
			for _, n := range []string{k.OwnNumber, k.PartnerNumber} {
				if n != "" {
					ref.Numbers = append(ref.Numbers, n)
				}
			}
		}
		if !agreement.AllowedParent(ref.Kind, a.Kind) {
			r.Problems = append(r.Problems, finding(CheckParent, probParentKind, lk.Text, ref.Kind.Title(), a.Kind.Title()))
			continue
		}
		if lk.Row >= 0 && !p.Rows[lk.Row].OK() {
			r.Problems = append(r.Problems, finding(CheckParent, probParentOut, lk.Text, p.Rows[lk.Row].Line))
			continue
		}
		// A parent in the file gets its ID when the plan is written (Dataset).
		a.Parent, a.ParentID = &ref, lk.ID
	}
	for i := range p.Rows {
		r := &p.Rows[i]
		a := &r.Agreement
		// An Adendum without a term of its own ends with its parent
		// (agreement.EndsWithParent): only one without a parent's end is
		// left without any.
		if r.noEnd && !r.endsWithParent() && a.Status == agreement.StatusDitandatangani &&
			(a.Kind == agreement.KindAdendum || a.Kind == agreement.KindPerpanjangan) {
			r.Warnings = append(r.Warnings, finding(CheckParent, warnNoEnd, a.Kind.Title()))
		}
	}
}

// endsWithParent reports whether the row is an Adendum with no term of its
// own under a parent that has an end: it will end with it. (A parent in
// the file gets its ID only when the plan is written.)
func (r *PlanRow) endsWithParent() bool {
	a := &r.Agreement
	return a.Kind == agreement.KindAdendum && a.Term.End.IsZero() && a.Term.Length <= 0 && a.Parent != nil && a.Parent.End.Valid()
}

// End is the last day the row's agreement will have in the register: its
// own, or for an Adendum without a term of its own its parent's.
func (r *PlanRow) End() agreement.Date {
	if r.endsWithParent() {
		return r.Agreement.Parent.End
	}
	return r.Agreement.EffectiveEnd()
}

// Phase is the state the row's agreement will show on the day of now.
func (r *PlanRow) Phase(now time.Time) agreement.Phase {
	a := &r.Agreement
	return agreement.PhaseOf(a.Status, a.EffectiveStart(), r.End(), now, agreement.DefaultSoonDays)
}

// findParent reads what row i says of its parent: its nomor induk cell; for
// an Adendum or Perpanjangan without one, the numbers its subject, then its
// notes, cite.
func (p *Plan) findParent(i int, own, partner map[string]int) ParentLink {
	if v := p.value(i, ParentNumber); v != "" {
		return p.lookUp(i, []string{v}, own, partner)
	}
	a := &p.Rows[i].Agreement
	if a.Kind != agreement.KindAdendum && a.Kind != agreement.KindPerpanjangan {
		return ParentLink{Row: -1}
	}
	var cited []string
	text := p.value(i, Subject) + "\n" + p.value(i, Notes)
	// The explicit forms first ("atas PKS No. …"), then any word of the
	// text that is a number of a row or of the register, whatever surrounds it.
	numbers := append(CitedNumbers(p.value(i, Subject)), CitedNumbers(p.value(i, Notes))...)
	for _, w := range numberTokens(text) {
		if k := NumberKey(w); hasKey(own, partner, k) || len(p.env.Agreements[k]) > 0 {
			numbers = append(numbers, w)
		}
	}
	for _, n := range numbers {
		// The row's own numbers are not its parent's.
		if k := NumberKey(n); k != NumberKey(a.OwnNumber()) && k != NumberKey(a.PartnerNumber()) {
			cited = append(cited, n)
		}
	}
	if len(cited) == 0 {
		return ParentLink{Row: -1}
	}
	return p.lookUp(i, cited, own, partner)
}

// numberTokens are the words of s that may be agreement numbers: a digit
// and a separator (/ . -), spaces around slashes closed up, trailing
// punctuation dropped.
func numberTokens(s string) []string {
	s = slashSpaces.ReplaceAllString(s, "/")
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;()[]\"'“”", r)
	}) {
		w = strings.TrimRight(w, ".:")
		if strings.ContainsAny(w, "0123456789") && strings.ContainsAny(w, "/.-") && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

var slashSpaces = regexp.MustCompile(`\s*/\s*`)

func hasKey(own, partner map[string]int, k string) bool {
	_, a := own[k]
	_, b := partner[k]
	return a || b
}

// lookUp links to the first of numbers found: a row of the file by its own
// number, then by its partner's, then the register likewise. None found:
// the first number, not found.
func (p *Plan) lookUp(i int, numbers []string, own, partner map[string]int) ParentLink {
	for _, n := range numbers {
		k := NumberKey(n)
		if k == "" {
			continue
		}
		inFile := -1
		for _, m := range []map[string]int{own, partner} {
			if row, ok := m[k]; ok && row != i && inFile < 0 {
				inFile = row
			}
		}
		// A row of the file that goes in; one that does not (a row the
		// register already has, say) only when the register lacks it.
		ks := p.env.Agreements[k]
		if inFile >= 0 && (p.Rows[inFile].OK() || len(ks) == 0) {
			return ParentLink{Text: n, Row: inFile}
		}
		if len(ks) > 0 {
			// An own number before a partner's; then the oldest.
			best := slices.MinFunc(ks, func(a, b Known) int {
				return cmp.Or(cmp.Compare(ownRank(a, k), ownRank(b, k)), cmp.Compare(a.ID, b.ID))
			})
			if p.knownByID == nil {
				p.knownByID = map[agreement.ID]Known{}
			}
			p.knownByID[best.ID] = best
			return ParentLink{Text: n, Row: -1, ID: best.ID}
		}
	}
	if len(numbers) == 0 {
		return ParentLink{Row: -1}
	}
	return ParentLink{Text: numbers[0], Row: -1}
}

func ownRank(k Known, key string) int {
	if NumberKey(k.OwnNumber) == key {
		return 0
	}
	return 1
}
