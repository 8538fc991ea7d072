package sheet

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"sepakat/internal/i18n"
	"sepakat/internal/pick"
)

// Field is what a column holds; "" is a column left out.
type Field string

// The fields a column may hold.
const (
	Skip          Field = ""
	Number        Field = "nomor"
	PartnerNumber Field = "nomor_mitra"
	Kind          Field = "jenis"
	ParentNumber  Field = "nomor_induk"
	Subject       Field = "tentang"
	Partner       Field = "mitra"
	Signed        Field = "tanggal_ttd"
	Start         Field = "mulai"
	End           Field = "berakhir"
	Term          Field = "jangka_waktu"
	Status        Field = "status"
	Implementer   Field = "perangkat_daerah"
	Signer        Field = "penandatangan"
	Notes         Field = "catatan"
)

// Fields lists every field in the order the register shows them.
var Fields = []Field{Number, PartnerNumber, Kind, Subject, Partner, Signed, Start, End, Term, Status, Implementer, Signer, Notes, ParentNumber}

var fieldLabels = map[Field]i18n.Text{
	Skip:          {ID: "(tidak diimpor)", EN: "(not imported)"},
	Number:        {ID: "Nomor", EN: "Number"},
	PartnerNumber: {ID: "Nomor mitra", EN: "Partner's number"},
	Kind:          {ID: "Jenis", EN: "Kind"},
	ParentNumber:  {ID: "Nomor induk", EN: "Parent's number"},
	Subject:       {ID: "Tentang", EN: "Subject"},
	Partner:       {ID: "Mitra", EN: "Partner"},
	Signed:        {ID: "Tanggal tanda tangan", EN: "Date signed"},
	Start:         {ID: "Mulai berlaku", EN: "Start"},
	End:           {ID: "Berakhir", EN: "End"},
	Term:          {ID: "Jangka waktu", EN: "Term"},
	Status:        {ID: "Status", EN: "Status"},
	Implementer:   {ID: "Perangkat daerah", EN: "Perangkat daerah"},
	Signer:        {ID: "Penandatangan", EN: "Signer"},
	Notes:         {ID: "Catatan", EN: "Notes"},
}

// Label is the field's name in lang; it is also the register export's header.
func (f Field) Label(l i18n.Lang) string { return fieldLabels[f].In(l) }

// ParseField reads a field by its key ("tentang") or its label in either
// language ("Tentang", "Subject"); "-" and "" are Skip.
func ParseField(s string) (Field, bool) {
	k := strings.Join(pick.Words(s), " ")
	if k == "" || s == "-" {
		return Skip, true
	}
	for f, t := range fieldLabels {
		if k == strings.ReplaceAll(string(f), "_", " ") || k == strings.Join(pick.Words(t.ID), " ") || k == strings.Join(pick.Words(t.EN), " ") {
			return f, true
		}
	}
	return Skip, false
}

// headerWords are what headers say, per field, as folded phrases; the first
// field one of whose phrases a header holds wins, so the more specific come
// first.
var headerWords = []struct {
	f       Field
	phrases []string
}{
	{ParentNumber, []string{"nomor induk", "no induk", "perjanjian induk", "nomor perjanjian induk", "perjanjian yang diubah", "yang diubah",
		"perjanjian yang diperpanjang", "yang diperpanjang", "nomor perjanjian awal", "perjanjian awal", "perjanjian pokok", "induk"}},
	{PartnerNumber, []string{"nomor mitra", "no mitra", "nomor pihak kedua", "no pihak kedua", "nomor pihak ii", "nomor pihak 2", "nomor instansi mitra", "nomor surat mitra"}},
	{Signed, []string{"tanggal tanda tangan", "tanggal ttd", "tgl ttd", "tgl tanda tangan", "tanggal penandatanganan", "tgl penandatanganan", "ditandatangani", "tanggal perjanjian", "tgl perjanjian", "tanggal kesepakatan"}},
	{Start, []string{"mulai", "berlaku sejak", "tanggal berlaku", "tgl berlaku", "awal", "dari tanggal", "tmt"}},
	{End, []string{"berakhir", "akhir", "sampai", "selesai", "berlaku sampai", "jatuh tempo", "s d", "hingga", "kadaluarsa", "kedaluwarsa"}},
	{Term, []string{"jangka waktu", "masa berlaku", "durasi", "lama", "jangka"}},
	{Signer, []string{"penandatangan", "ttd oleh", "ditandatangani oleh", "pejabat penandatangan", "pejabat"}},
	{Implementer, []string{"perangkat daerah", "opd", "skpd", "pelaksana", "unit kerja", "dinas", "leading sector", "pengampu"}},
	{Kind, []string{"jenis", "bentuk", "tipe"}},
	{Subject, []string{"tentang", "perihal", "judul", "hal", "uraian", "nama kerja sama", "nama kerjasama", "ruang lingkup", "bidang", "materi"}},
	{Partner, []string{"mitra", "pihak kedua", "pihak ii", "instansi", "lembaga", "dengan", "nama pihak", "para pihak", "pihak"}},
	{Status, []string{"status"}},
	{Notes, []string{"catatan", "keterangan", "ket"}},
	{Number, []string{"nomor", "no surat", "no perjanjian", "no ksb", "no pks", "no mou", "nomor surat", "no"}},
}

// headerField is the field a header's words name, or Skip.
func headerField(h string) Field {
	ws := pick.Words(h)
	if len(ws) == 0 {
		return Skip
	}
	// The export's own headers, in either language.
	if f, ok := ParseField(h); ok && f != Skip {
		return f
	}
	text := " " + strings.Join(ws, " ") + " "
	for _, hw := range headerWords {
		for _, p := range hw.phrases {
			if strings.Contains(text, " "+p+" ") {
				return hw.f
			}
		}
	}
	return Skip
}

// headerScore counts the cells of a row that read as headers of known fields.
func headerScore(cells []string) int {
	n := 0
	for _, c := range cells {
		if c != "" && len([]rune(c)) <= 60 && headerField(c) != Skip {
			n++
		}
	}
	return n
}

// Mapping is the field of each column of a table, in column order.
type Mapping []Field

// Shape identifies tables whose headers read the same, to remember a mapping
// for the next file of the same shape.
func Shape(header []string) string {
	sum := sha256.Sum256([]byte(foldRow(header)))
	return hex.EncodeToString(sum[:8])
}

// Propose proposes a field for every column from its header, then from its
// contents for the columns whose header says nothing known; a field is
// proposed for one column at most. A running row number ("No") is left out.
func Propose(t *Table) Mapping {
	m := make(Mapping, len(t.Header))
	used := map[Field]bool{}
	for c, h := range t.Header {
		f := headerField(h)
		if f == Number && isRunningNumber(t, c) {
			continue
		}
		// Two date columns under one "tanggal" header family: the first
		// is the signing date.
		if f != Skip && !used[f] {
			m[c], used[f] = f, true
		}
	}
	// A plain "Tanggal" header is the signing date when nothing else is.
	for c, h := range t.Header {
		if m[c] == Skip && !used[Signed] && strings.Contains(" "+strings.Join(pick.Words(h), " ")+" ", " tanggal ") || m[c] == Skip && !used[Signed] && strings.Contains(" "+strings.Join(pick.Words(h), " ")+" ", " tgl ") {
			m[c], used[Signed] = Signed, true
		}
	}
	// "Keterangan" that holds "Aktif", "Berakhir", "Dibatalkan" is the status.
	if !used[Status] {
		for c := range t.Header {
			if m[c] == Notes && mostly(column(t, c, 30), func(v string) bool { _, ok := ParseStatus(v); return ok }) {
				m[c], used[Status], used[Notes] = Status, true, false
				break
			}
		}
	}
	for c := range t.Header {
		if m[c] != Skip || isRunningNumber(t, c) {
			continue
		}
		if f := contentField(t, c, used); f != Skip {
			m[c], used[f] = f, true
		}
	}
	return m
}

// column returns up to n filled values of column c.
func column(t *Table, c, n int) []string {
	var out []string
	for _, r := range t.Rows {
		if v := r.Cells[c]; v != "" {
			out = append(out, v)
			if len(out) == n {
				break
			}
		}
	}
	return out
}

// isRunningNumber reports a column of 1, 2, 3 …: the row number of a register.
func isRunningNumber(t *Table, c int) bool {
	vals := column(t, c, 20)
	if len(vals) < 2 {
		return false
	}
	for i, v := range vals {
		if strings.TrimSuffix(v, ".") != itoa(i+1) {
			return false
		}
	}
	return true
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// mostly reports whether two thirds of vals pass ok.
func mostly(vals []string, ok func(string) bool) bool {
	n := 0
	for _, v := range vals {
		if ok(v) {
			n++
		}
	}
	return len(vals) > 0 && n*3 >= len(vals)*2
}

// contentField guesses a column's field from most of its first values.
func contentField(t *Table, c int, used map[Field]bool) Field {
	vals := column(t, c, 30)
	if len(vals) == 0 {
		return Skip
	}
	count := func(ok func(string) bool) bool {
		n := 0
		for _, v := range vals {
			if ok(v) {
				n++
			}
		}
		return n*3 >= len(vals)*2
	}
	switch {
	case count(func(v string) bool { _, ok := ParseDate(v, t.Date1904); return ok && !isSmallInt(v) }):
		for _, f := range []Field{Signed, Start, End} {
			if !used[f] {
				return f
			}
		}
	case count(func(v string) bool { _, _, ok := ParseTerm(v); return ok }) && !used[Term]:
		return Term
	case count(func(v string) bool { _, ok := ParseKind(v); return ok }) && !used[Kind]:
		return Kind
	case count(func(v string) bool { _, ok := ParseStatus(v); return ok }) && !used[Status]:
		return Status
	case count(looksLikeNumber) && !used[Number]:
		return Number
	}
	return Skip
}

// looksLikeNumber reports an agreement number: digits and slashes or dots,
// such as "180/12/KSB/2019" or "119.1/06".
func looksLikeNumber(v string) bool {
	digits, seps := 0, 0
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '/' || r == '.' || r == '-':
			seps++
		}
	}
	return digits >= 2 && seps >= 1 && !strings.Contains(v, " ")
}
