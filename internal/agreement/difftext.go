package agreement

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"sepakat/internal/bahasa"
	"sepakat/internal/i18n"
)

// This file puts a stored Change into words for the history: the field as
// staff call it ("Surat kuasa PIHAK PERTAMA") and its values with ids turned
// into names, codes into their labels, dates into Indonesian dates. The Change
// itself keeps its JSON path; only its presentation is made here.

// ChangeNames turns the ids a change refers to into names. A nil func, or an
// empty answer, leaves the value as "(tidak ditemukan)".
type ChangeNames struct {
	Party     func(ID) string // "Pemerintah Kota Tegal"
	Official  func(ID) string // "Dr. Agustyarsyah, S.IP., M.P."
	Mandate   func(ID) string // "180/112/2026"
	Agreement func(ID) string // "Kesepakatan Bersama 1/KSB…"
}

// ChangeText is a change as a person reads it.
type ChangeText struct {
	Field, Old, New string
}

// String writes "Status: Siap Tanda Tangan → Ditandatangani", "Field: new"
// when the field was empty before, "Field: old → –" when it was emptied.
func (c ChangeText) String() string {
	switch {
	case c.Old == "":
		return c.Field + ": " + c.New
	case c.New == "":
		return c.Field + ": " + c.Old + " → –"
	}
	return c.Field + ": " + c.Old + " → " + c.New
}

// Describe puts a change of a into words in lang. a is the agreement as it is
// now: it says which party or copy a row of a list is (a row no longer there
// is named by its place). names turns ids into names.
func Describe(c Change, l i18n.Lang, a *Agreement, names ChangeNames) ChangeText {
	if a == nil {
		a = &Agreement{}
	}
	pattern, idx := splitPath(c.Field)
	d := describer{l: l, a: a, names: names}
	if strings.HasPrefix(pattern, "body[]") {
		return d.body(c, idx)
	}
	def, ok := fieldDefs[pattern]
	if !ok {
		def = d.fallback(pattern)
	}
	return ChangeText{
		Field: d.label(def.text, pattern, idx),
		Old:   d.value(def.val, c.Old),
		New:   d.value(def.val, c.New),
	}
}

// splitPath turns "parties[0].mandate_id" into "parties[].mandate_id" and [0].
func splitPath(path string) (string, []int) {
	var b strings.Builder
	var idx []int
	for i := 0; i < len(path); i++ {
		if path[i] != '[' {
			b.WriteByte(path[i])
			continue
		}
		j := strings.IndexByte(path[i:], ']')
		if j < 0 {
			b.WriteString(path[i:])
			break
		}
		n, _ := strconv.Atoi(path[i+1 : i+j])
		idx = append(idx, n)
		b.WriteString("[]")
		i += j
	}
	return b.String(), idx
}

type valueKind int

const (
	vText valueKind = iota
	vNumber
	vBool
	vDate
	vTime
	vRupiah
	vStatus
	vKind
	vCategory
	vRole
	vUnit
	vNodeKind
	vAttachKind
	vRecommendation
	vOutcome
	vAnswer
	vParty
	vOfficial
	vMandate
	vAgreement
	vFile  // a SHA-256 of an attachment: its file name
	vBytes // a file's size
	vKey   // an exchange key: a short form
	vScore
)

type fieldDef struct {
	text i18n.Text // {1}, {2}: the rows of the lists in the path, outermost first
	val  valueKind
}

func tx(id, en string) i18n.Text { return i18n.Text{ID: id, EN: en} }

// fieldDefs name every field path an agreement can have; a list's rows are
// written [] and named by listNames.
var fieldDefs = map[string]fieldDef{
	"id":            {tx("Nomor data", "Record number"), vNumber},
	"kind":          {tx("Jenis naskah", "Kind of document"), vKind},
	"category":      {tx("Kategori kerja sama", "Category of cooperation"), vCategory},
	"voluntary":     {tx("Kerja sama sukarela", "Voluntary cooperation"), vBool},
	"subject":       {tx("Tentang", "Subject"), vText},
	"parent_id":     {tx("Naskah induk", "Parent agreement"), vAgreement},
	"status":        {tx("Status", "Status"), vStatus},
	"cancel_reason": {tx("Alasan pembatalan", "Reason for cancelling"), vText},
	"place":         {tx("Tempat penandatanganan yang direncanakan", "Planned place of signing"), vText},
	"copies":        {tx("Rangkap", "Copies"), vNumber},
	"notes":         {tx("Catatan", "Notes"), vText},

	"parent.kind":      {tx("Induk: jenis naskah", "Parent: kind of document"), vKind},
	"parent.subject":   {tx("Induk: tentang", "Parent: subject"), vText},
	"parent.numbers[]": {tx("Induk: nomor {1}", "Parent: number {1}"), vText},
	"parent.date":      {tx("Induk: tanggal penandatanganan", "Parent: date of signing"), vDate},
	"parent.end":       {tx("Induk: akhir jangka waktu", "Parent: end of term"), vDate},
	// The parent's signed changes the child recites (Recite).
	"parent.changes[].kind":      {tx("Induk: perubahan {1}, jenis naskah", "Parent: change {1}, kind of document"), vKind},
	"parent.changes[].numbers[]": {tx("Induk: perubahan {1}, nomor {2}", "Parent: change {1}, number {2}"), vText},
	"parent.changes[].date":      {tx("Induk: perubahan {1}, tanggal penandatanganan", "Parent: change {1}, date of signing"), vDate},

	"amends.term":           {tx("Perubahan: jangka waktu diubah", "Change: the term changes"), vBool},
	"amends.end":            {tx("Perubahan: akhir jangka waktu baru", "Change: new end of term"), vDate},
	"amends.length":         {tx("Perubahan: tambahan jangka waktu", "Change: term lengthened by"), vNumber},
	"amends.unit":           {tx("Perubahan: satuan tambahan jangka waktu", "Change: unit of the lengthening"), vUnit},
	"amends.pasal[].number": {tx("Pasal yang diubah ({1}): nomor pasal", "Amended pasal ({1}): number"), vNumber},
	"amends.pasal[].heading": {tx("Pasal yang diubah ({1}): judul",
		"Amended pasal ({1}): heading"), vText},
	"amends.pasal[].text": {tx("Pasal yang diubah ({1}): bunyi baru", "Amended pasal ({1}): new text"), vText},
	"amends.signers":      {tx("Perubahan: penanda tangan diganti", "Change: the signers change"), vBool},
	"amends.text":         {tx("Perubahan: uraian", "Change: description"), vText},

	"parties[].party_id":   {tx("Instansi {1}", "Party {1}"), vParty},
	"parties[].role":       {tx("Kedudukan pihak ({1})", "Role of party ({1})"), vRole},
	"parties[].own":        {tx("Instansi kita ({1})", "Our office ({1})"), vBool},
	"parties[].number":     {tx("Nomor {1}", "Number of {1}"), vText},
	"parties[].signer_id":  {tx("Penanda tangan {1}", "Signer for {1}"), vOfficial},
	"parties[].mandate_id": {tx("Surat kuasa {1}", "Power of attorney for {1}"), vMandate},
	"parties[].meterai":    {tx("Meterai {1}", "Duty stamp for {1}"), vBool},
	"parties[].unit":       {tx("Perangkat daerah yang menjadi {1}", "Regional unit standing as {1}"), vText},

	"affairs[]":      {tx("Urusan pemerintahan", "Government affair"), vText},
	"implementers[]": {tx("Perangkat daerah pelaksana", "Implementing unit"), vText},
	"premises[]":     {tx("Pertimbangan huruf {1}", "Premise {1}"), vText},

	"legal_bases[].kind":   {tx("Dasar hukum {1}: jenis peraturan", "Legal basis {1}: kind of regulation"), vText},
	"legal_bases[].number": {tx("Dasar hukum {1}: nomor", "Legal basis {1}: number"), vText},
	"legal_bases[].year":   {tx("Dasar hukum {1}: tahun", "Legal basis {1}: year"), vNumber},
	"legal_bases[].about":  {tx("Dasar hukum {1}: tentang", "Legal basis {1}: about"), vText},

	"term.length":         {tx("Jangka waktu", "Term"), vNumber},
	"term.unit":           {tx("Satuan jangka waktu", "Unit of the term"), vUnit},
	"term.start":          {tx("Mulai berlaku", "In force from"), vDate},
	"term.end":            {tx("Akhir jangka waktu", "End of term"), vDate},
	"term.extendable":     {tx("Dapat diperpanjang", "Can be extended"), vBool},
	"term.sectoral_basis": {tx("Dasar hukum sektoral jangka waktu", "Sectoral basis of the term"), vText},

	"funding.source": {tx("Sumber pembiayaan", "Source of funding"), vText},
	"funding.amount": {tx("Nilai pembiayaan", "Amount of funding"), vRupiah},
	"funding.notes":  {tx("Keterangan pembiayaan", "Notes on funding"), vText},

	"dprd.required":       {tx("Persetujuan DPRD diperlukan", "DPRD approval required"), vBool},
	"dprd.number":         {tx("Persetujuan DPRD: nomor", "DPRD approval: number"), vText},
	"dprd.date":           {tx("Persetujuan DPRD: tanggal", "DPRD approval: date"), vDate},
	"dprd.burdens":        {tx("Membebani masyarakat dan daerah", "Burdens the public and the region"), vAnswer},
	"dprd.outside_budget": {tx("Pembiayaan di luar APBD tahun berjalan", "Funding outside this year's budget"), vAnswer},
	"dprd.letter":         {tx("Surat persetujuan DPRD", "DPRD approval letter"), vFile},

	"central.number": {tx("Persetujuan pemerintah pusat: nomor", "Central government approval: number"), vText},
	"central.date":   {tx("Persetujuan pemerintah pusat: tanggal", "Central government approval: date"), vDate},
	"central.by":     {tx("Persetujuan pemerintah pusat: oleh", "Central government approval: by"), vText},
	"central.letter": {tx("Surat persetujuan pemerintah pusat", "Central government approval letter"), vFile},

	"reviews[].reviewer": {tx("Telaah {1}: penelaah", "Review {1}: reviewer"), vText},
	"reviews[].name":     {tx("Telaah {1}: nama", "Review {1}: name"), vText},
	"reviews[].date":     {tx("Telaah {1}: tanggal", "Review {1}: date"), vDate},
	"reviews[].outcome":  {tx("Telaah {1}: hasil", "Review {1}: outcome"), vOutcome},
	"reviews[].note":     {tx("Telaah {1}: catatan", "Review {1}: note"), vText},

	"action_plan[].activity": {tx("Rencana aksi {1}: kegiatan", "Action plan {1}: activity"), vText},
	"action_plan[].unit":     {tx("Rencana aksi {1}: pelaksana", "Action plan {1}: responsible unit"), vText},
	"action_plan[].time":     {tx("Rencana aksi {1}: waktu", "Action plan {1}: time"), vText},

	"tags[]": {tx("Label", "Label"), vText},

	"attachments[].kind":            {tx("Lampiran {1}: jenis", "Attachment {1}: kind"), vAttachKind},
	"attachments[].file.name":       {tx("Lampiran {1}: nama berkas", "Attachment {1}: file name"), vText},
	"attachments[].file.media_type": {tx("Lampiran {1}: jenis berkas", "Attachment {1}: file type"), vText},
	"attachments[].file.size":       {tx("Lampiran {1}: ukuran", "Attachment {1}: size"), vBytes},
	"attachments[].file.sha256":     {tx("Lampiran {1}: isi berkas", "Attachment {1}: file contents"), vKey},
	"attachments[].added":           {tx("Lampiran {1}: ditambahkan", "Attachment {1}: added"), vTime},
	"attachments[].note":            {tx("Lampiran {1}: keterangan", "Attachment {1}: note"), vText},

	"signing.date":                  {tx("Tanggal penandatanganan", "Date of signing"), vDate},
	"signing.place":                 {tx("Tempat penandatanganan", "Place of signing"), vText},
	"signing.venue":                 {tx("Lokasi penandatanganan", "Venue of signing"), vText},
	"signing.signers[].party_id":    {tx("Penanda tangan {1}: instansi", "Signer for {1}: party"), vParty},
	"signing.signers[].official_id": {tx("Penanda tangan {1}", "Signer for {1}"), vOfficial},
	"signing.signers[].name":        {tx("Penanda tangan {1}: nama", "Signer for {1}: name"), vText},
	"signing.signers[].jabatan":     {tx("Penanda tangan {1}: jabatan", "Signer for {1}: position"), vText},
	"signing.signers[].pangkat":     {tx("Penanda tangan {1}: pangkat", "Signer for {1}: rank"), vText},
	"signing.signers[].nip":         {tx("Penanda tangan {1}: NIP", "Signer for {1}: NIP"), vText},
	"signing.signers[].mandate_id":  {tx("Penanda tangan {1}: surat kuasa", "Signer for {1}: power of attorney"), vMandate},
	"signing.witnesses[].name":      {tx("Saksi {1}: nama", "Witness {1}: name"), vText},
	"signing.witnesses[].jabatan":   {tx("Saksi {1}: jabatan", "Witness {1}: position"), vText},
	"signing.witnesses[].party_id":  {tx("Saksi {1}: instansi", "Witness {1}: party"), vParty},
	"signing.numbers[]":             {tx("Nomor pada naskah asli – {1}", "Number on the originals – {1}"), vText},
	"signing.copies":                {tx("Rangkap naskah asli", "Signed originals"), vNumber},
	"signing.meterai":               {tx("Meterai yang dibubuhkan", "Duty stamps affixed"), vNumber},
	"signing.scan":                  {tx("Pindaian naskah asli", "Scan of the signed original"), vFile},
	"signing.notes":                 {tx("Catatan penandatanganan", "Notes on the signing"), vText},
	"signing.checklist[].copy":      {tx("Naskah asli {1}: nomor rangkap", "Original {1}: copy number"), vNumber},
	"signing.checklist[].party_id":  {tx("Naskah asli {1}: instansi", "Original {1}: party"), vParty},
	"signing.checklist[].paraf":     {tx("Naskah asli {1}: paraf", "Original {1}: initials"), vBool},
	"signing.checklist[].meterai":   {tx("Naskah asli {1}: meterai", "Original {1}: duty stamp"), vBool},
	"signing.checklist[].stempel":   {tx("Naskah asli {1}: stempel", "Original {1}: seal"), vBool},
	"signing.checklist[].exchanged": {tx("Naskah asli {1}: sudah dipertukarkan", "Original {1}: exchanged"), vBool},
	"signing.checklist[].scanned":   {tx("Naskah asli {1}: sudah dipindai", "Original {1}: scanned"), vBool},

	"monitoring[].date":           {tx("Monev {1}: tanggal", "Monitoring {1}: date"), vDate},
	"monitoring[].period":         {tx("Monev {1}: periode", "Monitoring {1}: period"), vText},
	"monitoring[].activity":       {tx("Monev {1}: kegiatan", "Monitoring {1}: activity"), vText},
	"monitoring[].realised":       {tx("Monev {1}: terlaksana", "Monitoring {1}: carried out"), vBool},
	"monitoring[].obstacles":      {tx("Monev {1}: kendala", "Monitoring {1}: obstacles"), vText},
	"monitoring[].recommendation": {tx("Monev {1}: rekomendasi", "Monitoring {1}: recommendation"), vRecommendation},
	"monitoring[].evidence[]":     {tx("Monev {1}: bukti {2}", "Monitoring {1}: evidence {2}"), vFile},
	"monitoring[].unit":           {tx("Monev {1}: perangkat daerah", "Monitoring {1}: regional unit"), vText},
	"monitoring[].planned":        {tx("Monev {1}: rencana kegiatan", "Monitoring {1}: planned activities"), vText},
	"monitoring[].result":         {tx("Monev {1}: hasil", "Monitoring {1}: result"), vText},
	"monitoring[].score":          {tx("Monev {1}: nilai", "Monitoring {1}: score"), vScore},
	"monitoring[].reasons":        {tx("Monev {1}: alasan rekomendasi", "Monitoring {1}: grounds of the recommendation"), vText},

	"paraf_units[]": {tx("Paraf koordinasi", "Coordination initials"), vText},

	"imported.source": {tx("Diimpor dari", "Imported from"), vText},
	"imported.row":    {tx("Diimpor dari baris", "Imported from row"), vNumber},
	"imported.at":     {tx("Tanggal impor", "Date of import"), vDate},

	"exchange.key":      {tx("Pertukaran dengan mitra: kunci", "Exchange with the partner: key"), vKey},
	"exchange.partner":  {tx("Pertukaran dengan mitra: kantor mitra", "Exchange with the partner: partner office"), vText},
	"exchange.received": {tx("Pertukaran dengan mitra: revisi terakhir diterima", "Exchange with the partner: last revision received"), vNumber},
}

// topLabels name the top of a path no entry of fieldDefs knows (a field added
// later): the change is then named by its part of the agreement.
var topLabels = map[string]i18n.Text{
	"parent": tx("Naskah induk", "Parent agreement"), "amends": tx("Perubahan", "Change"),
	"parties": tx("Para pihak", "Parties"), "legal_bases": tx("Dasar hukum", "Legal bases"),
	"term": tx("Jangka waktu", "Term"), "funding": tx("Pembiayaan", "Funding"),
	"dprd": tx("Persetujuan DPRD", "DPRD approval"), "central": tx("Persetujuan pemerintah pusat", "Central government approval"),
	"reviews": tx("Telaah", "Review"), "action_plan": tx("Rencana aksi", "Action plan"),
	"attachments": tx("Lampiran", "Attachments"), "signing": tx("Penandatanganan", "Signing"),
	"monitoring": tx("Monitoring dan evaluasi", "Monitoring and evaluation"), "imported": tx("Impor", "Import"),
	"exchange": tx("Pertukaran dengan mitra", "Exchange with the partner"),
	"body":     tx("Isi naskah", "Text"),
}

// SectionLabel names the part of an agreement a field path is in, as a list
// of what changed says it: "Penandatanganan" for "signing.signers[1].nip",
// "Status" for "status".
func SectionLabel(path string, l i18n.Lang) string {
	top := path
	if i := strings.IndexAny(top, ".["); i > 0 {
		top = top[:i]
	}
	if x, ok := topLabels[top]; ok {
		return x.In(l)
	}
	for _, p := range []string{top, top + "[]"} {
		if d, ok := fieldDefs[p]; ok {
			return d.text.In(l)
		}
	}
	return tx("Isian lain", "Other field").In(l)
}

type describer struct {
	l     i18n.Lang
	a     *Agreement
	names ChangeNames
}

func (d describer) in(x i18n.Text) string { return x.In(d.l) }

// fallback names a path no entry knows by its part of the agreement.
func (d describer) fallback(pattern string) fieldDef {
	top := pattern
	if i := strings.IndexAny(top, ".["); i > 0 {
		top = top[:i]
	}
	if x, ok := topLabels[top]; ok {
		return fieldDef{text: x}
	}
	return fieldDef{text: tx("Isian lain", "Other field")}
}

// label fills a field's words with the rows of the lists in its path.
func (d describer) label(x i18n.Text, pattern string, idx []int) string {
	s := d.in(x)
	lists := strings.Split(pattern, "[]")
	for k, i := range idx {
		if k >= len(lists)-1 {
			break
		}
		list := strings.Join(lists[:k+1], "[]") + "[]"
		s = strings.ReplaceAll(s, "{"+strconv.Itoa(k+1)+"}", d.row(list, idx[:k], i))
	}
	return s
}

// ordinal is a row named by its place: "2".
func ordinal(i int) string { return strconv.Itoa(i + 1) }

// row names row i of the list at pattern ("parties[]"): "PIHAK PERTAMA",
// "1, Pemkot Tegal". outer are the rows of the lists around it.
func (d describer) row(list string, outer []int, i int) string {
	a := d.a
	switch list {
	case "parties[]", "signing.numbers[]":
		if i < len(a.Parties) {
			return a.Parties[i].Role.Label()
		}
	case "signing.signers[]":
		if a.Signing != nil && i < len(a.Signing.Signers) {
			return d.partyRole(a.Signing.Signers[i].PartyID)
		}
	case "signing.checklist[]":
		if a.Signing != nil && i < len(a.Signing.Checklist) {
			c := a.Signing.Checklist[i]
			return strconv.Itoa(c.Copy) + ", " + d.party(c.PartyID)
		}
	case "premises[]":
		if i < 26 {
			return string(rune('a' + i))
		}
	case "reviews[]":
		if i < len(a.Reviews) && a.Reviews[i].Reviewer != "" {
			return a.Reviews[i].Reviewer
		}
	case "attachments[]":
		if i < len(a.Attachments) && a.Attachments[i].File.Name != "" {
			return a.Attachments[i].File.Name
		}
	case "monitoring[]":
		if i < len(a.Monitoring) {
			m := a.Monitoring[i]
			switch {
			case m.Period != "":
				return m.Period
			case !m.Date.IsZero():
				return d.date(m.Date)
			}
		}
	case "amends.pasal[]":
		if a.Amends != nil && i < len(a.Amends.Pasal) && a.Amends.Pasal[i].Number > 0 {
			return "Pasal " + strconv.Itoa(a.Amends.Pasal[i].Number)
		}
	case "parent.numbers[]":
		if i == 0 {
			return d.in(tx("pihak pertama", "of the first party"))
		}
		return d.in(tx("pihak kedua", "of the second party"))
	}
	return ordinal(i)
}

// partyRole names a party of the agreement by its role, or by its name.
func (d describer) partyRole(id ID) string {
	for _, p := range d.a.Parties {
		if p.PartyID == id && p.Role != "" {
			return p.Role.Label()
		}
	}
	return d.party(id)
}

func (d describer) notFound() string { return d.in(tx("(tidak ditemukan)", "(not found)")) }

func (d describer) lookup(f func(ID) string, raw string) string {
	id, err := strconv.ParseUint(raw, 10, 64)
	if err != nil {
		return raw
	}
	if f != nil {
		if s := f(ID(id)); s != "" {
			return s
		}
	}
	return d.notFound()
}

func (d describer) party(id ID) string {
	return d.lookup(d.names.Party, strconv.FormatUint(uint64(id), 10))
}

func (d describer) date(x Date) string {
	if !x.Valid() {
		return x.String()
	}
	tm := time.Date(x.Year, x.Month, x.Day, 0, 0, 0, 0, time.UTC)
	if d.l == i18n.EN {
		return tm.Format("2 January 2006")
	}
	return bahasa.ShortDate(tm)
}

// value writes a stored value in words; an empty one stays empty (shown as
// "–"), except a yes-or-no, whose empty is "no".
func (d describer) value(k valueKind, raw string) string {
	if k == vBool {
		if raw == "ya" || raw == "true" {
			return d.in(tx("ya", "yes"))
		}
		return d.in(tx("tidak", "no"))
	}
	if raw == "" {
		return ""
	}
	switch k {
	case vDate:
		if x, err := ParseDate(raw); err == nil {
			return d.date(x)
		}
	case vTime:
		if tm, err := time.Parse(time.RFC3339Nano, raw); err == nil {
			tm = tm.Local()
			return d.date(DateOf(tm)) + fmt.Sprintf(" %02d.%02d", tm.Hour(), tm.Minute())
		}
	case vRupiah:
		if n, err := strconv.ParseUint(raw, 10, 64); err == nil {
			return "Rp" + thousands(n)
		}
	case vStatus:
		return d.in(statusWords(Status(raw)))
	case vKind:
		return Kind(raw).Title()
	case vCategory:
		return d.in(categoryWords(Category(raw)))
	case vRole:
		return Role(raw).Label()
	case vUnit:
		switch TermUnit(raw) {
		case UnitTahun:
			return d.in(tx("tahun", "years"))
		case UnitBulan:
			return d.in(tx("bulan", "months"))
		}
	case vNodeKind:
		return d.in(nodeWords(NodeKind(raw)))
	case vAttachKind:
		return d.in(attachWords(AttachmentKind(raw)))
	case vRecommendation:
		return d.in(recommendationWords(Recommendation(raw)))
	case vOutcome:
		return d.in(outcomeWords(ReviewOutcome(raw)))
	case vAnswer:
		switch Answer(raw) {
		case AnswerYes:
			return d.in(tx("ya", "yes"))
		case AnswerNo:
			return d.in(tx("tidak", "no"))
		}
	case vParty:
		return d.lookup(d.names.Party, raw)
	case vOfficial:
		return d.lookup(d.names.Official, raw)
	case vMandate:
		return d.lookup(d.names.Mandate, raw)
	case vAgreement:
		return d.lookup(d.names.Agreement, raw)
	case vFile:
		for _, at := range d.a.Attachments {
			if at.File.SHA256 == raw && at.File.Name != "" {
				return at.File.Name
			}
		}
		return d.in(tx("berkas ", "file ")) + short(raw)
	case vBytes:
		if n, err := strconv.ParseUint(raw, 10, 64); err == nil {
			return sizeWords(n, d.l)
		}
	case vKey:
		return short(raw)
	case vScore:
		return fmt.Sprintf(d.in(tx("%s dari 5", "%s of 5")), raw)
	}
	return raw
}

// thousands writes 5000000 as "5.000.000".
func thousands(n uint64) string {
	s := strconv.FormatUint(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

// short is the first 12 characters of a fingerprint, as prints show them.
func short(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}

func sizeWords(n uint64, l i18n.Lang) string {
	switch {
	case n >= 1<<20:
		s := strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64)
		if l != i18n.EN {
			s = strings.ReplaceAll(s, ".", ",")
		}
		return s + " MB"
	case n >= 1<<10:
		return strconv.FormatUint(n>>10, 10) + " KB"
	}
	return strconv.FormatUint(n, 10) + " B"
}

func statusWords(s Status) i18n.Text {
	switch s {
	case StatusKonsep:
		return tx("Konsep", "Draft")
	case StatusTelaah:
		return tx("Telaah", "In review")
	case StatusSiapTTD:
		return tx("Siap Tanda Tangan", "Ready to sign")
	case StatusDitandatangani:
		return tx("Ditandatangani", "Signed")
	case StatusDibatalkan:
		return tx("Dibatalkan", "Cancelled")
	}
	return tx(string(s), string(s))
}

func categoryWords(c Category) i18n.Text {
	switch c {
	case CatKSDD:
		return tx("Kerja sama daerah dengan daerah lain (KSDD)", "With another region (KSDD)")
	case CatKSDPK:
		return tx("Kerja sama daerah dengan pihak ketiga (KSDPK)", "With a third party (KSDPK)")
	case CatKSDPL:
		return tx("Kerja sama dengan pemerintah daerah di luar negeri (KSDPL)", "With a foreign regional government (KSDPL)")
	case CatKSDLL:
		return tx("Kerja sama dengan lembaga di luar negeri (KSDLL)", "With a foreign institution (KSDLL)")
	}
	return tx(string(c), string(c))
}

func nodeWords(k NodeKind) i18n.Text {
	switch k {
	case NodeBab:
		return tx("BAB", "chapter (BAB)")
	case NodePasal:
		return tx("pasal", "article (pasal)")
	case NodeAyat:
		return tx("ayat", "paragraph (ayat)")
	case NodePoint:
		return tx("butir", "point")
	case NodeSubPoint:
		return tx("sub-butir", "sub-point")
	}
	return tx(string(k), string(k))
}

func attachWords(k AttachmentKind) i18n.Text {
	switch k {
	case AttachDraft:
		return tx("Draf untuk mitra", "Draft for the partner")
	case AttachScan:
		return tx("Pindaian naskah asli", "Scan of the signed original")
	case AttachBukti:
		return tx("Bukti tindak lanjut", "Evidence of follow-up")
	case AttachLain:
		return tx("Lainnya", "Other")
	}
	return tx(string(k), string(k))
}

func recommendationWords(r Recommendation) i18n.Text {
	switch r {
	case RecLanjut:
		return tx("Dilanjutkan", "Continue")
	case RecUbah:
		return tx("Diubah", "Amend")
	case RecPerpanjang:
		return tx("Diperpanjang", "Extend")
	case RecAkhiri:
		return tx("Diakhiri", "End")
	}
	return tx(string(r), string(r))
}

func outcomeWords(o ReviewOutcome) i18n.Text {
	switch o {
	case ReviewSetuju:
		return tx("Setuju", "Agreed")
	case ReviewPerbaikan:
		return tx("Perbaikan", "Changes needed")
	case ReviewTolak:
		return tx("Tolak", "Rejected")
	}
	return tx(string(o), string(o))
}

// body names a change inside the text: "Isi naskah, Pasal 3 ayat (2): teks".
func (d describer) body(c Change, idx []int) ChangeText {
	where := d.bodyPlace(idx)
	pattern, _ := splitPath(c.Field)
	leaf := pattern[strings.LastIndexByte(pattern, '.')+1:]
	var what i18n.Text
	val := vText
	switch leaf {
	case "heading":
		what = tx("judul", "heading")
	case "kind":
		what, val = tx("jenis bagian", "kind of part"), vNodeKind
	default:
		what = tx("teks", "text")
	}
	return ChangeText{
		Field: d.in(tx("Isi naskah, ", "Text, ")) + where + ": " + d.in(what),
		Old:   d.value(val, c.Old),
		New:   d.value(val, c.New),
	}
}

// bodyPlace names the part of the body at idx as the document numbers it:
// "BAB II", "Pasal 3 ayat (2) huruf b". A part no longer in the text is named
// by its place ("bagian 4").
func (d describer) bodyPlace(idx []int) string {
	nodes := d.a.Body
	var words []string
	pasalBefore := 0
	for depth, i := range idx {
		if i >= len(nodes) {
			words = append(words, d.in(tx("bagian ", "part "))+ordinal(i))
			break
		}
		n := nodes[i]
		same := 0 // siblings of the same kind before it, counting it
		for _, s := range nodes[:i+1] {
			if s.Kind == n.Kind {
				same++
			}
		}
		switch n.Kind {
		case NodeBab:
			words = append(words, "BAB "+bahasa.Roman(same))
		case NodePasal:
			num := same
			if depth > 0 {
				num = pasalBefore + same
			} else {
				num = pasalsBefore(d.a.Body, i) + 1
			}
			words = append(words, "Pasal "+strconv.Itoa(num))
		case NodeAyat:
			words = append(words, d.in(tx("ayat ", "paragraph "))+"("+strconv.Itoa(same)+")")
		case NodePoint:
			words = append(words, d.in(tx("huruf ", "point "))+string(rune('a'+(same-1)%26)))
		default:
			words = append(words, d.in(tx("angka ", "item "))+strconv.Itoa(same))
		}
		if n.Kind == NodeBab {
			pasalBefore = pasalsBefore(d.a.Body, i)
		}
		nodes = n.Children
	}
	if len(words) == 0 {
		return d.in(tx("seluruh isi", "whole text"))
	}
	return strings.Join(words, " ")
}

// pasalsBefore counts the pasal before top-level part i, inside BAB or not.
func pasalsBefore(body []Node, i int) int {
	n := 0
	for _, b := range body[:i] {
		switch b.Kind {
		case NodePasal:
			n++
		case NodeBab:
			for _, c := range b.Children {
				if c.Kind == NodePasal {
					n++
				}
			}
		}
	}
	return n
}
