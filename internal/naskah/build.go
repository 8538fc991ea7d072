package naskah

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"sepakat/internal/agreement"
	"sepakat/internal/bahasa"
)

// Source supplies the records an agreement refers to.
type Source interface {
	Agreement(agreement.ID) (agreement.Agreement, error)
	Party(agreement.ID) (agreement.Party, error)
	Official(agreement.ID) (agreement.Official, error)
	Mandate(agreement.ID) (agreement.Mandate, error)
	File(sha string) ([]byte, error)
}

// Options are the office's printing choices.
type Options struct {
	// Draft prints the KONSEP watermark; signed agreements never carry it.
	Draft bool
	// NumericDate adds "(04-07-2025)" after the date in words.
	NumericDate bool
	// TitleCaseDate writes the date in words in Title Case.
	TitleCaseDate bool
	// FirstPartyRight puts PIHAK PERTAMA's signature in the right column.
	FirstPartyRight bool
	// PlaceOnly names only the place in the opening ("bertempat di Sumedang"),
	// not the venue of the signing record before it.
	PlaceOnly bool
	// ParafHierarki and ParafKoordinasi choose the paraf beside our
	// signature (paraf.go).
	ParafHierarki   []agreement.ID
	ParafKoordinasi bool
}

// OfficeOptions takes the document choices from the page settings of our own
// office among parties.
func OfficeOptions(parties []agreement.Party) Options {
	for _, p := range parties {
		if p.Own && p.Page != nil {
			return Options{NumericDate: p.Page.NumericDate, TitleCaseDate: p.Page.TitleCaseDate,
				FirstPartyRight: p.Page.FirstPartyRight, PlaceOnly: p.Page.OpeningPlaceOnly,
				ParafHierarki: p.Page.ParafHierarki, ParafKoordinasi: p.Page.ParafKoordinasi}
		}
	}
	return Options{}
}

const dots = "……………………"

// Build makes the document of agreement a with the shipped library.
func Build(a *agreement.Agreement, src Source, lib *Library, opt Options) (*Document, error) {
	tpl, ok := lib.Templates[a.Kind]
	if !ok {
		return nil, fmt.Errorf("tidak ada templat naskah untuk jenis %q", a.Kind)
	}
	b := &builder{a: a, src: src, tpl: tpl, opt: opt, res: &resolver{vars: map[string]string{}, missing: map[string][]string{}}}
	if err := b.loadParties(); err != nil {
		return nil, err
	}
	if a.ParentID != 0 {
		a = b.citedParent(a)
		b.a = a
	} else if a.Parent != nil && a.Parent.Date.IsZero() {
		// A citation without its parent (a partner's copy) and without a
		// signing date: the date is left to be filled in, as at home.
		b.parentUnsigned = true
	}
	if a.Parent != nil && a.ParentID != 0 && !a.Locked() {
		// A draft cites the numbers its parent has now (RefreshCitation).
		if p, err := src.Agreement(a.ParentID); err == nil {
			c := *a
			c.RefreshCitation(&p)
			b.a = &c
			a = &c
		}
	}
	b.setVars()
	d := &Document{Code: code(a), Draft: opt.Draft && a.Status != agreement.StatusDitandatangani,
		Cancelled: a.Status == agreement.StatusDibatalkan}
	b.title(d)
	b.opening(d)
	b.premises(d)
	d.Agreement = b.para("kalimat kesepakatan", tpl.Agreement)
	b.body(d)
	closing := tpl.Closing
	if !b.anyMeterai() {
		closing = tpl.ClosingNoMeterai
	}
	d.Closing = b.para("penutup", closing)
	b.signatures(d)
	b.paraf(d)
	b.lampiran(d)
	d.Meta = Meta{
		Title:   a.Kind.Title() + " tentang " + clean(a.Subject),
		Subject: clean(a.Subject),
		Author:  b.ownName(),
		Creator: "Sepakat",
	}
	if err := b.res.err(); err != nil {
		return nil, err
	}
	d.Fills = make(map[string]string, len(b.res.vars))
	for k, v := range b.res.vars {
		d.Fills[k] = v
	}
	return d, nil
}

// citedParent is a with its citation of the parent as it prints: the
// citation kept with a while the stored parent is signed; the stored parent
// as it is now when a kept none, or kept no signing date. A parent not
// signed (still a draft, or cancelled unsigned) is never cited as signed,
// whatever a kept: its number and date are left to be filled in.
func (b *builder) citedParent(a *agreement.Agreement) *agreement.Agreement {
	p, err := b.src.Agreement(a.ParentID)
	if err != nil {
		return a // not readable here (a partner's package): as kept
	}
	signed := p.Locked()
	if signed && a.Parent != nil && !a.Parent.Date.IsZero() {
		return a
	}
	c := *a
	ref := agreement.ParentRef{Kind: p.Kind, Subject: p.Subject, Numbers: p.Numbers(), End: p.EffectiveEnd()}
	if a.Parent != nil {
		ref.Changes = a.Parent.Changes
		if a.Parent.End.Valid() {
			ref.End = a.Parent.End
		}
	}
	switch {
	case !signed:
		b.parentUnsigned = true
	case p.Signing != nil:
		ref.Date = p.Signing.Date
	}
	c.Parent = &ref
	return &c
}

func code(a *agreement.Agreement) string {
	if a.ID == 0 {
		return string(a.Kind) + "-BARU"
	}
	return fmt.Sprintf("%s-%d", a.Kind, a.ID)
}

type partyInfo struct {
	ap      agreement.AgreementParty
	party   agreement.Party
	signer  *agreement.Official
	mandate *agreement.Mandate
	grantor *agreement.Official
	// signed is who actually signed, from the signing record.
	signed *agreement.Signer
}

type builder struct {
	a       *agreement.Agreement
	src     Source
	tpl     Template
	opt     Options
	res     *resolver
	parties []partyInfo
	// parentUnsigned is set when the parent cited is not signed yet.
	parentUnsigned bool
}

func (b *builder) loadParties() error {
	if len(b.a.Parties) == 0 {
		return fmt.Errorf("perjanjian belum mempunyai para pihak")
	}
	for _, ap := range b.a.Parties {
		p, err := b.src.Party(ap.PartyID)
		if err != nil {
			return fmt.Errorf("instansi %d tidak ditemukan: %w", ap.PartyID, err)
		}
		p.Name, p.ShortName, p.Seat = clean(p.Name), clean(p.ShortName), clean(p.Seat)
		info := partyInfo{ap: ap, party: p}
		if ap.SignerID != 0 {
			if o, err := b.src.Official(ap.SignerID); err == nil {
				info.signer = &o
			}
		}
		if ap.MandateID != 0 {
			if m, err := b.src.Mandate(ap.MandateID); err == nil {
				info.mandate = &m
				if g, err := b.src.Official(m.GrantorID); err == nil {
					info.grantor = &g
				}
			}
		}
		if s := b.a.Signing; s != nil && b.a.Status == agreement.StatusDitandatangani {
			for i := range s.Signers {
				if s.Signers[i].PartyID == ap.PartyID {
					info.signed = &s.Signers[i]
				}
			}
			// Whoever actually signed, under the mandate they actually held.
			if sg := info.signed; sg != nil && sg.MandateID != 0 && sg.MandateID != ap.MandateID {
				info.mandate, info.grantor = nil, nil
				if m, err := b.src.Mandate(sg.MandateID); err == nil {
					info.mandate = &m
					if g, err := b.src.Official(m.GrantorID); err == nil {
						info.grantor = &g
					}
				}
			}
		}
		b.parties = append(b.parties, info)
	}
	return nil
}

// named is the party as the document names it: the perangkat daerah that
// stands as the party of a PKS between perangkat daerah, else the instansi.
// The title, the komparisi (whom the signer acts for) and the definitions
// ("PIHAK PERTAMA adalah …") all name this one party.
func (p partyInfo) named() string {
	if u := clean(p.ap.Unit); u != "" {
		return u
	}
	return p.party.Name
}

func (b *builder) anyMeterai() bool {
	for _, p := range b.parties {
		if p.ap.Meterai {
			return true
		}
	}
	return b.a.Signing != nil && b.a.Signing.Meterai > 0
}

func (b *builder) ownName() string {
	for _, p := range b.parties {
		if p.ap.Own {
			return p.party.Name
		}
	}
	return b.parties[0].party.Name
}

func (b *builder) setVars() {
	a, v := b.a, b.res.vars
	v["jenis"] = a.Kind.Title()
	v["tentang"] = strings.TrimRight(clean(a.Subject), ".;, ")
	v["tempat"] = b.place()
	v["rangkap"] = bahasa.Rangkap(max(a.Copies, 0))
	if a.Copies <= 0 {
		v["rangkap"] = "rangkap " + dots // a draft fills it in later
	}
	if a.Term.Length > 0 {
		unit := string(a.Term.Unit)
		if unit == "" {
			unit = string(agreement.UnitTahun)
		}
		v["jangka_waktu"] = bahasa.Quantity(uint64(a.Term.Length), unit)
	} else {
		v["jangka_waktu"] = dots + " tahun"
	}
	start := a.EffectiveStart()
	switch {
	case a.Kind == agreement.KindAdendum && a.Signing != nil && a.Signing.Date.Valid() &&
		(a.Term.Start.IsZero() || a.Term.Start == a.Signing.Date):
		// An Adendum comes into force on the day it is signed, and says which day.
		v["mulai_berlaku"] = "sejak tanggal " + bahasa.ShortDate(a.Signing.Date.Time())
	case a.Term.Start.IsZero() || (a.Signing != nil && a.Term.Start == a.Signing.Date):
		v["mulai_berlaku"] = "sejak tanggal ditandatangani"
	default:
		v["mulai_berlaku"] = "sejak tanggal " + bahasa.ShortDate(start.Time())
	}
	if end := a.EffectiveEnd(); !end.IsZero() {
		v["tanggal_berakhir"] = bahasa.ShortDate(end.Time())
		v["perpanjangan_sampai"] = v["tanggal_berakhir"]
	}
	v["pembiayaan"] = clean(a.Funding.Source)
	if v["pembiayaan"] == "" {
		v["pembiayaan"] = "anggaran masing-masing PARA PIHAK"
	}
	for _, p := range b.parties {
		v[string(p.ap.Role)] = p.named() // pihak_pertama, pihak_kedua, pihak_ketiga
	}
	if ref := a.Parent; ref != nil {
		nums := numbersCited(ref.Numbers)
		if nums == "" && b.parentUnsigned {
			nums = "Nomor " + dots
		}
		short := ref.Kind.Title()
		if nums != "" {
			short += " " + nums
		}
		v["induk_singkat"] = short
		v["induk_judul"] = strings.ToUpper(ref.Kind.Title())
		full := short
		switch {
		case !ref.Date.IsZero():
			full += " tanggal " + bahasa.ShortDate(ref.Date.Time())
		case b.parentUnsigned:
			full += " tanggal " + dots
		}
		v["induk"] = full + " tentang " + clean(ref.Subject) + recital(ref.Changes)
		end := ref.End
		if end.IsZero() && a.ParentID != 0 {
			if p, err := b.src.Agreement(a.ParentID); err == nil {
				end = p.EffectiveEnd()
			}
		}
		if !end.IsZero() {
			v["induk_berakhir"] = bahasa.ShortDate(end.Time())
		}
	}
}

// numbersCited writes an agreement's numbers as a citation names them:
// "Nomor 1/KSB/2026 dan Nomor 130/021/2026"; "" when it has none.
func numbersCited(numbers []string) string {
	nums := ""
	for i, n := range numbers {
		if n = clean(n); n == "" {
			continue
		}
		if nums != "" && i == len(numbers)-1 {
			nums += " dan Nomor " + n
		} else if nums != "" {
			nums += ", Nomor " + n
		} else {
			nums = "Nomor " + n
		}
	}
	return nums
}

// recital says how the parent was changed before, as its citation goes on:
// " sebagaimana telah diubah dengan Adendum Nomor … tanggal … dan
// diperpanjang dengan Perpanjangan Nomor … tanggal …", each change named as
// its own title names it (the second Adendum is "Adendum Kedua"), oldest
// first; "" when there was none.
func recital(changes []agreement.ParentChange) string {
	var parts []string
	seen := map[agreement.Kind]int{}
	for _, c := range changes {
		seen[c.Kind]++
		verb := "diubah"
		if c.Kind == agreement.KindPerpanjangan {
			verb = "diperpanjang"
		}
		name := c.Kind.Title()
		if n := seen[c.Kind]; n > 1 {
			name += " " + bahasa.TitleCase(ordinal(n))
		}
		if nums := numbersCited(c.Numbers); nums != "" {
			name += " " + nums
		}
		if !c.Date.IsZero() {
			name += " tanggal " + bahasa.ShortDate(c.Date.Time())
		}
		parts = append(parts, verb+" dengan "+name)
	}
	if len(parts) == 0 {
		return ""
	}
	return " sebagaimana telah " + joinAnd(parts)
}

// ordinal is n as an ordinal word: "pertama", "kedua", "ketiga", "kesebelas".
func ordinal(n int) string {
	if n == 1 {
		return "pertama"
	}
	return "ke" + bahasa.Terbilang(uint64(n))
}

// place is where the agreement is signed, as the opening names it: the venue
// of the signing record and the place ("Gedung Negara, Sumedang"), or the
// place alone when the office prints it so or no venue is recorded.
func (b *builder) place() string {
	place := dots
	if s := b.a.Signing; s != nil && clean(s.Place) != "" {
		place = clean(s.Place)
	} else if p := clean(b.a.Place); p != "" {
		place = p
	}
	venue := ""
	if s := b.a.Signing; s != nil && !b.opt.PlaceOnly {
		venue = strings.TrimRight(clean(s.Venue), ",. ")
	}
	switch {
	case venue == "":
		return place
	case place == dots || strings.Contains(strings.ToLower(venue), strings.ToLower(place)):
		return venue
	}
	return venue + ", " + place
}

// para fills the placeholders of a template sentence.
func (b *builder) para(where, text string) Para {
	return P(b.res.fill(where, clean(text)))
}

func (b *builder) title(d *Document) {
	for _, p := range b.parties {
		l := Lambang{Party: p.party.Name}
		if p.party.Lambang != nil {
			if data, err := b.src.File(p.party.Lambang.SHA256); err == nil {
				l.Image, l.MediaType = data, p.party.Lambang.MediaType
			}
		}
		d.Lambang = append(d.Lambang, l)
		d.Parties = append(d.Parties, p.ap.Role.Label())
	}
	title := b.tpl.Title
	if k := b.a.Kind; (k == agreement.KindAdendum || k == agreement.KindPerpanjangan) && b.a.Parent != nil {
		// The first change of a parent has no ordinal, the next are
		// "ADENDUM KEDUA", "ADENDUM KETIGA" (as a second Perubahan of a
		// regulation is "PERUBAHAN KEDUA ATAS …").
		if n := b.a.Parent.Ordinal(k); n > 1 {
			title += " " + strings.ToUpper(ordinal(n))
		}
	}
	d.Title = append(d.Title, title)
	if b.tpl.Subtitle != "" {
		d.Title = append(d.Title, strings.ToUpper(b.res.fill("judul", b.tpl.Subtitle)))
	}
	d.Title = append(d.Title, "ANTARA")
	for i, p := range b.parties {
		if i > 0 {
			d.Title = append(d.Title, "DENGAN")
		}
		d.Title = append(d.Title, strings.ToUpper(p.named()))
	}
	d.Title = append(d.Title, "TENTANG", strings.ToUpper(clean(b.a.Subject)))
	for _, p := range b.parties {
		n := clean(p.ap.Number)
		if n == "" {
			n = dots
		}
		d.Numbers = append(d.Numbers, NumberLine{Label: "NOMOR", Number: n})
	}
}

func (b *builder) opening(d *Document) {
	var when string
	if s := b.a.Signing; s != nil && !s.Date.IsZero() {
		when = bahasa.OpeningDate(s.Date.Time(), bahasa.OpeningOptions{Numeric: b.opt.NumericDate, TitleCase: b.opt.TitleCaseDate})
	} else {
		when = "Pada hari ini " + dots + " tanggal " + dots + " bulan " + dots + " tahun " + dots
	}
	b.res.vars["tanggal_pembukaan"] = when
	d.Opening = b.para("pembukaan", b.tpl.Opening)
	var roles []string
	for i, p := range b.parties {
		role := p.ap.Role.Label()
		roles = append(roles, role)
		name, jabatan, instansi := dots, dots, p.named()
		switch {
		case p.signed != nil:
			name, jabatan = clean(p.signed.Name), fullJabatan(acting("", clean(p.signed.Jabatan)))
		case p.signer != nil:
			name, jabatan = clean(p.signer.FullName()), fullJabatan(acting(p.signer.Status, clean(p.signer.Jabatan)))
		}
		vars := map[string]string{"nama": printedName(name), "jabatan": jabatan, "instansi": instansi,
			"kedudukan": b.seat(p.party), "peran": role}
		text := b.tpl.Komparisi
		if p.mandate != nil {
			text = b.tpl.KomparisiKuasa
			vars["nomor_kuasa"] = clean(p.mandate.Number)
			vars["tanggal_kuasa"] = bahasa.ShortDate(p.mandate.Date.Time())
			vars["pemberi_kuasa"] = dots
			if p.grantor != nil {
				vars["pemberi_kuasa"] = fullJabatan(acting(p.grantor.Status, clean(p.grantor.Jabatan)))
			}
		}
		for k, v := range vars {
			b.res.vars[k] = v
		}
		// The name leads the paragraph in bold capitals.
		rest := b.res.fill("komparisi "+role, strings.TrimPrefix(clean(text), "{nama}, "))
		d.Komparisi = append(d.Komparisi, Item{
			Label: bahasa.Roman(i+1) + ".",
			Text:  Para{{Text: printedName(name), Bold: true}, {Text: ", " + rest}},
		})
	}
	for _, k := range []string{"nama", "jabatan", "instansi", "kedudukan", "peran", "nomor_kuasa", "tanggal_kuasa", "pemberi_kuasa"} {
		delete(b.res.vars, k)
	}
	b.res.vars["peran_semua"] = joinAnd(roles)
	d.Together = b.para("para pihak", b.tpl.Together)
}

// seat is where a party is based ("berkedudukan di"): the seat recorded for
// the instansi, or for a regional government the region's name.
func (b *builder) seat(p agreement.Party) string {
	if s := clean(p.Seat); s != "" {
		return s
	}
	if _, region := regionOf(p); region != "" && p.Kind.IsRegion() {
		return region
	}
	return dots
}

// regionOf reads a regional government's name: "Pemerintah Kabupaten Lampung
// Selatan" gives "Kabupaten Lampung Selatan" and "Lampung Selatan".
func regionOf(p agreement.Party) (withKind, region string) {
	name := clean(p.Name)
	if !p.Kind.IsRegion() {
		return "", ""
	}
	withKind = name
	if len(name) > 11 && strings.EqualFold(name[:11], "pemerintah ") {
		withKind = name[11:]
	}
	region = withKind
	for _, k := range []string{"kabupaten ", "kota ", "provinsi ", "daerah khusus ibukota "} {
		if len(region) > len(k) && strings.EqualFold(region[:len(k)], k) {
			region = region[len(k):]
			break
		}
	}
	return withKind, region
}

// acting splits an acting status off a jabatan: the official's status, or a
// prefix already written in the jabatan ("Pj. Bupati Garut").
func acting(st agreement.OfficeStatus, jabatan string) (agreement.OfficeStatus, string) {
	written, rest := agreement.SplitActing(jabatan)
	if written != "" {
		return written, rest
	}
	return st, jabatan
}

// fullJabatan writes an acting jabatan in full words, as the komparisi does:
// "Penjabat Bupati Lampung Selatan".
func fullJabatan(st agreement.OfficeStatus, jabatan string) string {
	if w := st.Word(); w != "" {
		return w + " " + jabatan
	}
	return jabatan
}

func joinAnd(list []string) string {
	switch len(list) {
	case 0:
		return ""
	case 1:
		return list[0]
	case 2:
		return list[0] + " dan " + list[1]
	}
	return strings.Join(list[:len(list)-1], ", ") + ", dan " + list[len(list)-1]
}

// printedName writes a name in capitals with its titles in their own case
// ("Dr. Ir. DONY AHMAD MUNIR, M.Si."); the dots of a missing name stay.
func printedName(name string) string {
	if name == dots {
		return name
	}
	return agreement.PrintedName(name)
}

func (b *builder) premises(d *Document) {
	var texts []string
	if b.a.Parent != nil && b.tpl.ParentCite != "" {
		texts = append(texts, b.res.fill("premis induk", b.tpl.ParentCite))
	}
	for i, p := range b.a.Premises {
		if t := clean(p); t != "" {
			texts = append(texts, b.res.fill(fmt.Sprintf("premis %d", i+1), t))
		}
	}
	// The heading prints only with its list.
	if len(texts) > 0 {
		d.PremisIntro = b.para("premis", b.tpl.PremisIntro)
	}
	for i, t := range texts {
		t = strings.TrimRight(strings.TrimSpace(t), ";.,")
		d.Premises = append(d.Premises, Item{Label: letter(i) + ".", Text: P(punctuate(t, i, len(texts)))})
	}
	if len(b.a.LegalBases) > 0 {
		d.LegalIntro = b.para("dasar hukum", b.tpl.LegalIntro)
		for i, l := range b.a.LegalBases {
			d.LegalBases = append(d.LegalBases, Item{Label: fmt.Sprintf("%d.", i+1), Text: P(punctuate(clean(l.String()), i, len(b.a.LegalBases)))})
		}
	}
}

// punctuate ends list items the way a legal list reads: ";" and "." on the last,
// unless the text already ends in punctuation.
func punctuate(t string, i, n int) string {
	t = strings.TrimSpace(t)
	if t == "" {
		return t
	}
	switch t[len(t)-1] {
	case '.', ';', ':', ',':
		return t
	}
	if i == n-1 {
		return t + "."
	}
	return t + ";"
}

// letter gives a, b, … z, aa, bb, … for list items.
func letter(i int) string {
	return strings.Repeat(string(rune('a'+i%26)), i/26+1)
}

func (b *builder) body(d *Document) {
	n := 0
	pasal := func(node agreement.Node) {
		n++
		label := fmt.Sprintf("Pasal %d", n)
		if b.tpl.RomanPasal {
			label = "Pasal " + bahasa.Roman(n)
		}
		sec := Section{Kind: SectionPasal, Label: label, Heading: strings.ToUpper(clean(node.Heading))}
		where := label
		sec.Intro = b.para(where, node.Text)
		if m := restatement.FindStringSubmatch(clean(node.Text)); m != nil && !partOfPasal.MatchString(m[1]) {
			// The parent's pasal set out anew, under its own number and heading.
			own, rest := b.res.fill(where, m[1]), b.res.fill(where, m[3])
			sec.Intro = P(strings.TrimSpace(own + " " + rest))
			n, _ := strconv.Atoi(m[2])
			sec.Restated = &Restated{Label: "Pasal " + m[2], Heading: b.restatedHeading(n), At: len(own) + 1}
		}
		kids := node.Children
		if len(kids) == 1 && kids[0].Kind == agreement.NodeAyat && len(sec.Intro.Plain()) == 0 {
			sec.Intro = b.para(where, kids[0].Text)
			kids = kids[0].Children
		}
		sec.Items = b.items(where, kids)
		d.Body = append(d.Body, sec)
	}
	bab := 0
	for _, node := range b.a.Body {
		switch node.Kind {
		case agreement.NodeBab:
			bab++
			d.Body = append(d.Body, Section{Kind: SectionBab, Label: "BAB " + bahasa.Roman(bab), Heading: strings.ToUpper(clean(node.Heading))})
			for _, c := range node.Children {
				pasal(c)
			}
		default:
			pasal(node)
		}
	}
}

// restatement is the statement of an Adendum's pasal that sets out a pasal
// of the parent anew (AdendumBody), and the new text after it.
var restatement = regexp.MustCompile(`^(Ketentuan Pasal (\d+) .*?diubah sehingga berbunyi sebagai berikut:)\s*(.*)$`)

// partOfPasal finds a statement that changes a part of a pasal ("Ketentuan
// Pasal 3 ayat (2) …"): what follows is that part, not a whole pasal.
var partOfPasal = regexp.MustCompile(`(?i)^Ketentuan Pasal \d+ (ayat|huruf|angka) `)

// restatedHeading is the heading of the parent's pasal n as the Adendum sets
// it out: as the change recorded it, else as the parent has it.
func (b *builder) restatedHeading(n int) string {
	if m := b.a.Amends; m != nil {
		for _, p := range m.Pasal {
			if p.Number == n && clean(p.Heading) != "" {
				return strings.ToUpper(clean(p.Heading))
			}
		}
	}
	if b.a.ParentID != 0 {
		if parent, err := b.src.Agreement(b.a.ParentID); err == nil {
			for _, p := range PasalOf(&parent) {
				if p.Number == n {
					return strings.ToUpper(clean(p.Heading))
				}
			}
		}
	}
	return ""
}

func (b *builder) items(where string, nodes []agreement.Node) []Item {
	var out []Item
	ayat, butir, sub := 0, 0, 0
	for _, n := range nodes {
		var label string
		switch n.Kind {
		case agreement.NodeAyat:
			ayat++
			label = fmt.Sprintf("(%d)", ayat)
		case agreement.NodePoint:
			label = letter(butir) + "."
			butir++
		default:
			sub++
			label = fmt.Sprintf("%d)", sub)
		}
		w := where + " " + label
		out = append(out, Item{Label: label, Text: b.para(w, n.Text), Children: b.items(w, n.Children)})
	}
	return out
}

func (b *builder) signatures(d *Document) {
	for i, p := range b.parties {
		sig := Signature{Role: p.ap.Role.Label() + ",", Name: dots, Jabatan: dots + ",", Meterai: p.ap.Meterai, Keep: keep(p.party)}
		setJabatan := func(st agreement.OfficeStatus, jabatan string) {
			st, jabatan = acting(st, jabatan)
			sig.Acting, sig.ActingShort = strings.ToUpper(st.Word()), strings.TrimSpace(st.Prefix())
			sig.Jabatan = strings.ToUpper(jabatan) + ","
		}
		switch {
		case p.signed != nil:
			sig.Name = printedName(clean(p.signed.Name))
			setJabatan("", clean(p.signed.Jabatan))
			sig.Pangkat, sig.NIP = clean(p.signed.Pangkat), formatNIP(p.signed.NIP)
			if sig.NIP == "" && p.signer != nil && p.signer.ID == p.signed.OfficialID && p.signer.IsASN() {
				sig.Pangkat, sig.NIP = clean(p.signer.Pangkat), formatNIP(p.signer.NIP)
			}
		case p.signer != nil:
			sig.Name = printedName(clean(p.signer.FullName()))
			setJabatan(p.signer.Status, clean(p.signer.Jabatan))
			if p.signer.IsASN() {
				sig.Pangkat, sig.NIP = clean(p.signer.Pangkat), formatNIP(p.signer.NIP)
			}
		}
		if _, _, back := agreement.SplitName(sig.Name); back != "" {
			sig.Keep = append(sig.Keep, back) // "S.Sos., M.Si." stays on one line
		}
		sig.Right = (i%2 == 1) != b.opt.FirstPartyRight
		sig.Own = p.ap.Own
		d.Signatures = append(d.Signatures, sig)
	}
	if s := b.a.Signing; s != nil {
		for _, w := range s.Witnesses {
			d.Witnesses = append(d.Witnesses, Witness{Jabatan: strings.ToUpper(clean(w.Jabatan)), Name: printedName(clean(w.Name))})
		}
	}
}

// keep lists the phrases of a party's jabatan a signature line should not
// break inside, the one to give up first first: the region with and without
// its kind, and "WALI KOTA".
func keep(p agreement.Party) []string {
	var out []string
	if withKind, region := regionOf(p); region != "" {
		out = append(out, strings.ToUpper(withKind), strings.ToUpper(region))
	}
	return append(out, "WALI KOTA")
}

// formatNIP writes an 18-digit NIP as "NIP. 19700101 199003 1 001".
func formatNIP(nip string) string {
	nip = strings.TrimSpace(nip)
	if nip == "" {
		return ""
	}
	if len(nip) == 18 && strings.IndexFunc(nip, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
		nip = nip[:8] + " " + nip[8:14] + " " + nip[14:15] + " " + nip[15:]
	}
	return "NIP. " + nip
}

// clean makes user text printable: no control characters, no emoji or other
// symbols the document fonts lack, single spaces.
func clean(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || unicode.IsSpace(r):
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = true
			continue
		case unicode.IsControl(r), !printable(r):
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// printable reports whether the Liberation fonts can show r: Latin, Greek and
// Cyrillic letters, digits, punctuation and common symbols; not emoji.
func printable(r rune) bool {
	switch {
	case r < 0x250: // Basic Latin to Latin Extended-B
		return true
	case r >= 0x370 && r < 0x530: // Greek, Cyrillic
		return true
	case r >= 0x1E00 && r < 0x1F00: // Latin Extended Additional
		return true
	case r >= 0x2000 && r < 0x2070: // general punctuation: dashes, quotes, ellipsis
		return true
	case r == 0x20AC || r == 0x2116 || r == 0x2122:
		return true
	}
	return false
}
