package export

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/bahasa"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/naskah"
	"sepakat/internal/service"
)

// VerifySource is what verifying a printed page reads.
type VerifySource interface {
	Source
	AgreementHistory(agreement.ID) ([]dataset.HistoryEntry, error)
	List(service.Query) (service.Page, error)
}

// PageMark is what every printed page carries at its foot: the code of its
// agreement and the fingerprint of its text (naskah.Document.Fingerprint).
type PageMark struct {
	Kind        agreement.Kind
	ID          agreement.ID
	Fingerprint string
}

// Code is the mark's code as printed: "KSB-2".
func (m PageMark) Code() string { return fmt.Sprintf("%s-%d", m.Kind, m.ID) }

var (
	markCode = regexp.MustCompile(`^([A-Z]+)-([0-9]+)$`)
	markFP   = regexp.MustCompile(`^[0-9a-f]{12}$`)
)

// ParseMark reads a page mark as a person types it or a scanner types the QR
// code (pdf: "SEPAKAT " + code + " " + fingerprint): "SEPAKAT KSB-2
// e74fc4e49ec7", "KSB-2 · e74fc4e49ec7", "ksb-2, E74FC4E49EC7". What is no
// mark is service.ErrPageMark.
func ParseMark(s string) (PageMark, error) {
	var m PageMark
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == ',' || r == ';' || r == '·' || r == '/' || r == '|'
	})
	for _, f := range fields {
		up := strings.ToUpper(f)
		switch {
		case up == "SEPAKAT":
		case markCode.MatchString(up) && m.Kind == "":
			g := markCode.FindStringSubmatch(up)
			id, err := strconv.ParseUint(g[2], 10, 64)
			if err != nil || id == 0 || !agreement.Kind(g[1]).Valid() {
				return PageMark{}, service.ErrPageMark
			}
			m.Kind, m.ID = agreement.Kind(g[1]), agreement.ID(id)
		case markFP.MatchString(strings.ToLower(f)) && m.Fingerprint == "":
			m.Fingerprint = strings.ToLower(f)
		default:
			return PageMark{}, service.ErrPageMark
		}
	}
	if m.Kind == "" || m.Fingerprint == "" {
		return PageMark{}, service.ErrPageMark
	}
	return m, nil
}

// Verdict is what a verification found.
type Verdict int

const (
	// Matches: the page was printed from the agreement and its text is
	// still the record's.
	Matches Verdict = iota
	// Changed: the page was printed from the agreement, whose text has
	// changed since.
	Changed
	// Unrecorded: the fingerprint is the record's text now, but no print of it
	// is recorded (printed before prints were recorded, or elsewhere).
	Unrecorded
	// Unknown: no print of this fingerprint is recorded, and it is not the
	// record's text: the page is of another text or was altered.
	Unknown
)

// Verification is the answer about one printed page.
type Verification struct {
	Mark      PageMark
	Agreement agreement.Agreement
	Verdict   Verdict
	// Print is the first recorded print of this fingerprint; Prints counts them.
	Print  *dataset.HistoryEntry
	Prints int
	// Current is the fingerprint of the record's text now.
	Current string
	// Changed, Added and Removed are the parts of the text (part names as
	// in dataset.PartPrint) that differ between the print and now.
	Changed, Added, Removed []string
	// Since are the changes saved after the printed revision, oldest first.
	Since []dataset.HistoryEntry
	// Amended are the signed Adenda and Perpanjangan of the agreement, oldest
	// first: a text that still matches may no longer be all that holds.
	Amended []agreement.Summary
	// Signed is the entry of the signing whose text has this fingerprint
	// (HistoryEntry.Text), nil when the page is not the text as signed.
	Signed *dataset.HistoryEntry
}

// Verify looks a printed page up: which agreement, which revision, when and by
// whom it was printed, and whether the record's text still matches it or
// what changed since. A code of no agreement is service.ErrPageUnknown.
func Verify(src VerifySource, typed string) (Verification, error) {
	m, err := ParseMark(typed)
	if err != nil {
		return Verification{}, err
	}
	v := Verification{Mark: m}
	a, err := src.Agreement(m.ID)
	if err == nil && a.Kind != m.Kind {
		err = service.ErrNotFound
	}
	if err != nil {
		if errors.Is(err, service.ErrNotFound) {
			return v, service.ErrPageUnknown
		}
		return v, err
	}
	v.Agreement = a
	history, err := src.AgreementHistory(m.ID)
	if err != nil {
		return v, err
	}
	var printed []dataset.PartPrint
	for i, h := range history {
		if h.Text != "" && h.Text == m.Fingerprint && v.Signed == nil {
			v.Signed = &history[i]
		}
		if h.Action != dataset.ActionPrint || h.Print == nil || h.Print.Fingerprint != m.Fingerprint {
			continue
		}
		if v.Prints++; v.Print == nil {
			v.Print = &history[i]
			printed = h.Print.Parts
		}
	}
	if v.Amended, err = amendments(src, a.ID); err != nil {
		return v, err
	}
	if a.IsImported() {
		v.Verdict = Unknown
		if v.Print != nil {
			v.Verdict = Changed
		}
		return v, nil
	}
	lib, err := naskah.Shipped()
	if err != nil {
		return v, err
	}
	d, err := naskah.Build(&a, src, lib, NaskahOptions(src))
	if err != nil {
		return v, err
	}
	v.Current = d.Fingerprint()
	switch {
	case v.Print == nil && v.Current == m.Fingerprint:
		v.Verdict = Unrecorded
	case v.Print == nil:
		v.Verdict = Unknown
	case v.Current == m.Fingerprint:
		v.Verdict = Matches
	default:
		v.Verdict = Changed
		v.Changed, v.Added, v.Removed = compareParts(printed, partsOf(d))
	}
	if v.Print != nil {
		for _, h := range history {
			if h.Action != dataset.ActionPrint && h.Rev > v.Print.Print.Rev {
				v.Since = append(v.Since, h)
			}
		}
	}
	return v, nil
}

// amendments lists the signed Adenda and Perpanjangan of agreement id,
// oldest first.
func amendments(src VerifySource, id agreement.ID) ([]agreement.Summary, error) {
	var out []agreement.Summary
	q := service.Query{Order: service.ByParent, Parent: id, Limit: 200}
	for {
		page, err := src.List(q)
		if err != nil {
			return nil, err
		}
		for _, s := range page.Items {
			if (s.Kind == agreement.KindAdendum || s.Kind == agreement.KindPerpanjangan) && s.Status == agreement.StatusDitandatangani {
				out = append(out, s)
			}
		}
		if page.Next == nil {
			return out, nil
		}
		q.After = page.Next
	}
}

// compareParts names the parts whose hash differs, those only now and those
// only then, in the order they print.
func compareParts(then, now []dataset.PartPrint) (changed, added, removed []string) {
	old := map[string]string{}
	for _, p := range then {
		old[p.Part] = p.Hash
	}
	seen := map[string]bool{}
	for _, p := range now {
		seen[p.Part] = true
		h, ok := old[p.Part]
		switch {
		case !ok:
			added = append(added, p.Part)
		case h != p.Hash:
			changed = append(changed, p.Part)
		}
	}
	for _, p := range then {
		if !seen[p.Part] {
			removed = append(removed, p.Part)
		}
	}
	return changed, added, removed
}

// partNames are the words for the parts of a text that are no section.
var partNames = map[string]i18n.Text{
	"title":      {ID: "judul dan nomor", EN: "title and numbers"},
	"opening":    {ID: "pembukaan", EN: "opening"},
	"komparisi":  {ID: "para pihak (komparisi)", EN: "the parties (komparisi)"},
	"premises":   {ID: "pertimbangan", EN: "premises"},
	"legal":      {ID: "dasar hukum", EN: "legal bases"},
	"agreed":     {ID: "kalimat kesepakatan", EN: "the agreeing sentence"},
	"closing":    {ID: "penutup", EN: "closing"},
	"signatures": {ID: "penanda tangan", EN: "signers"},
	"witnesses":  {ID: "saksi", EN: "witnesses"},
}

// PartName is a part of a text in words: "dasar hukum", or a section's label
// as printed ("Pasal 3").
func PartName(part string, l i18n.Lang) string {
	if t, ok := partNames[part]; ok {
		return t.In(l)
	}
	return part
}

var verifyWords = map[string]i18n.Text{
	"matches":    {ID: "COCOK. Halaman ini dicetak dari %s, revisi %d, pada %s oleh %s%s. Teks yang tersimpan sekarang masih sama.", EN: "MATCHES. This page was printed from %s, revision %d, on %s by %s%s. The text on record is still the same."},
	"changed":    {ID: "BERUBAH. Halaman ini dicetak dari %s, revisi %d, pada %s oleh %s%s, tetapi teks yang tersimpan sudah berubah sejak itu (sekarang revisi %d, sidik %s).", EN: "CHANGED. This page was printed from %s, revision %d, on %s by %s%s, but the text on record has changed since (now revision %d, fingerprint %s)."},
	"unrecorded": {ID: "COCOK DENGAN TEKS SEKARANG. Sidik %s adalah teks %s sekarang (revisi %d), tetapi cetakannya tidak tercatat di riwayat: dicetak sebelum cetakan dicatat, atau dari berkas data lain.", EN: "MATCHES THE TEXT NOW. Fingerprint %s is the text of %s now (revision %d), but its print is not in the history: printed before prints were recorded, or from another data file."},
	"unknown":    {ID: "TIDAK DIKENAL. Sidik %s tidak pernah tercatat dicetak dari %s dan bukan sidik teksnya sekarang (%s). Halaman ini bukan cetakan perjanjian itu, atau teksnya telah diubah setelah dicetak.", EN: "UNKNOWN. Fingerprint %s was never recorded as printed from %s and is not the fingerprint of its text now (%s). This page is not a print of that agreement, or its text was altered after printing."},
	"signed":     {ID: "Teks ini adalah teks yang ditandatangani (revisi %d, dicatat %s).", EN: "This is the text as signed (revision %d, recorded %s)."},
	"konsep":     {ID: " (KONSEP)", EN: " (KONSEP draft)"},
	"again":      {ID: "Dicetak dengan sidik ini %d kali.", EN: "Printed with this fingerprint %d times."},
	"parts":      {ID: "Bagian yang berubah: %s.", EN: "Parts changed: %s."},
	"added":      {ID: "Bagian yang ditambahkan: %s.", EN: "Parts added: %s."},
	"removed":    {ID: "Bagian yang dihapus: %s.", EN: "Parts removed: %s."},
	"no_parts":   {ID: "Bagian yang berubah tidak tercatat pada cetakan ini.", EN: "This print did not record its parts, so the changed parts cannot be named."},
	"since":      {ID: "Perubahan sejak dicetak:", EN: "Changes since it was printed:"},
	"since_line": {ID: "revisi %d, %s oleh %s: %s", EN: "revision %d, %s by %s: %s"},
	"status":     {ID: "status", EN: "status"},
	"amended":    {ID: "Perjanjian ini sudah diubah atau diperpanjang sesudah ditandatangani, dengan %s: bacalah bersama naskah itu.", EN: "This agreement was amended or extended after it was signed, by %s: read it together with that text."},
	"amended_by": {ID: "%s Nomor %s tanggal %s", EN: "%s No. %s of %s"},
	"imported":   {ID: "Perjanjian ini dicatat dari daftar lama tanpa teksnya; teksnya sekarang tidak dapat dibandingkan.", EN: "This agreement was recorded from an old register without its text; its text now cannot be compared."},
}

// Lines is the answer in words, first line the verdict.
func (v Verification) Lines(l i18n.Lang) []string {
	w := func(k string, args ...any) string { return verifyWords[k].In(l, args...) }
	what := fmt.Sprintf("%s “%s”", v.Mark.Code(), v.Agreement.Subject)
	var out []string
	if v.Print != nil {
		konsep := ""
		if v.Print.Print.Draft {
			konsep = w("konsep")
		}
		when := when(v.Print.At, l)
		if v.Verdict == Matches {
			out = append(out, w("matches", what, v.Print.Print.Rev, when, v.Print.By, konsep))
		} else {
			out = append(out, w("changed", what, v.Print.Print.Rev, when, v.Print.By, konsep, v.Agreement.Rev, v.Current))
		}
		if v.Prints > 1 {
			out = append(out, w("again", v.Prints))
		}
	} else if v.Verdict == Unrecorded {
		out = append(out, w("unrecorded", v.Mark.Fingerprint, what, v.Agreement.Rev))
	} else {
		out = append(out, w("unknown", v.Mark.Fingerprint, what, v.Current))
	}
	if v.Signed != nil {
		out = append(out, w("signed", v.Signed.Rev, when(v.Signed.At, l)))
	}
	if v.Agreement.IsImported() {
		out = append(out, w("imported"))
	}
	if len(v.Amended) > 0 {
		var by []string
		for _, s := range v.Amended {
			num := s.OwnNumber
			if num == "" {
				num = s.PartnerNumber
			}
			day := bahasa.ShortDate(s.Signed.Time())
			if l == i18n.EN {
				day = s.Signed.Time().Format("2 January 2006")
			}
			by = append(by, w("amended_by", s.Kind.Title(), num, day))
		}
		out = append(out, w("amended", strings.Join(by, "; ")))
	}
	if v.Verdict == Changed && v.Print != nil && !v.Agreement.IsImported() {
		names := func(parts []string) string {
			s := make([]string, len(parts))
			for i, p := range parts {
				s[i] = PartName(p, l)
			}
			return strings.Join(s, ", ")
		}
		switch {
		case len(v.Print.Print.Parts) == 0:
			out = append(out, w("no_parts"))
		default:
			if len(v.Changed) > 0 {
				out = append(out, w("parts", names(v.Changed)))
			}
			if len(v.Added) > 0 {
				out = append(out, w("added", names(v.Added)))
			}
			if len(v.Removed) > 0 {
				out = append(out, w("removed", names(v.Removed)))
			}
		}
	}
	if len(v.Since) > 0 && v.Verdict != Matches {
		out = append(out, w("since"))
		for _, h := range v.Since {
			out = append(out, "  - "+w("since_line", h.Rev, when(h.At, l), h.By, changedFields(h, l)))
		}
	}
	return out
}

// Text is Lines joined, one a line.
func (v Verification) Text(l i18n.Lang) string { return strings.Join(v.Lines(l), "\n") }

// when is a moment as people write it: "Senin, 30 November 2026 22.41".
func when(t time.Time, l i18n.Lang) string {
	t = t.Local()
	if l == i18n.EN {
		return t.Format("Monday, 2 January 2006 15:04")
	}
	return fmt.Sprintf("%s, %s %02d.%02d", bahasa.DayName(t.Weekday()), bahasa.ShortDate(t), t.Hour(), t.Minute())
}

// changedFields lists the fields a change touched, each once.
func changedFields(h dataset.HistoryEntry, l i18n.Lang) string {
	var out []string
	seen := map[string]bool{}
	for _, c := range h.Changes {
		name := agreement.SectionLabel(c.Field, l)
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	if len(out) == 0 {
		return h.Action
	}
	return strings.Join(out, ", ")
}
