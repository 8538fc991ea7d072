package agreement

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"sepakat/internal/i18n"
)

// codeValues are two valid values of every code type an agreement holds, for
// the two versions fill makes. A code type not listed fails the test: give it
// values here and words in difftext.go.
var codeValues = map[reflect.Type][2]string{
	reflect.TypeOf(Kind("")):           {string(KindKSB), string(KindPKS)},
	reflect.TypeOf(Category("")):       {string(CatKSDD), string(CatKSDPK)},
	reflect.TypeOf(Status("")):         {string(StatusSiapTTD), string(StatusDitandatangani)},
	reflect.TypeOf(Role("")):           {string(RolePihakPertama), string(RolePihakKedua)},
	reflect.TypeOf(NodeKind("")):       {string(NodeSubPoint), string(NodePoint)},
	reflect.TypeOf(TermUnit("")):       {string(UnitTahun), string(UnitBulan)},
	reflect.TypeOf(AttachmentKind("")): {string(AttachDraft), string(AttachBukti)},
	reflect.TypeOf(Recommendation("")): {string(RecLanjut), string(RecAkhiri)},
	reflect.TypeOf(ReviewOutcome("")):  {string(ReviewSetuju), string(ReviewPerbaikan)},
	reflect.TypeOf(Answer("")):         {string(AnswerYes), string(AnswerNo)},
}

// The ids fill gives, and the names the history must show for them.
const idA, idB = 9041, 9042

var testNames = ChangeNames{
	Party: func(id ID) string {
		return map[ID]string{idA: "Pemerintah Kabupaten Banyumas", idB: "Pemerintah Kota Tegal"}[id]
	},
	Official: func(id ID) string {
		return map[ID]string{idA: "Sadewo Tri Lastiono", idB: "Dr. Agustyarsyah, S.IP., M.P."}[id]
	},
	Mandate: func(id ID) string { return map[ID]string{idA: "180/112/2026", idB: "800/045/2026"}[id] },
	Agreement: func(id ID) string {
		return map[ID]string{idA: "Kesepakatan Bersama 1/KSB", idB: "Perjanjian Kerja Sama 2/PKS"}[id]
	},
}

// fill sets every field of v, down every pointer and list, to version k (0 or
// 1) of its values; lists get k+1 rows, so the second version adds a row.
func fill(t *testing.T, v reflect.Value, k int, depth int) {
	t.Helper()
	switch v.Type() {
	case reflect.TypeOf(Date{}):
		v.Set(reflect.ValueOf(NewDate(2026+k, time.March+time.Month(k), 5+k)))
		return
	case reflect.TypeOf(time.Time{}):
		v.Set(reflect.ValueOf(time.Date(2026, 3, 5+k, 10, 14, 0, 0, time.UTC)))
		return
	case reflect.TypeOf(ID(0)):
		v.SetUint(uint64(idA + k))
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() || f.Tag.Get("json") == "-" {
				continue
			}
			fill(t, v.Field(i), k, depth)
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, v.Elem(), k, depth)
	case reflect.Slice:
		if depth > 3 { // the body's tree: four levels are enough
			return
		}
		s := reflect.MakeSlice(v.Type(), k+1, k+1)
		for i := 0; i < k+1; i++ {
			fill(t, s.Index(i), k, depth+1)
		}
		v.Set(s)
	case reflect.String:
		if v.Type() == reflect.TypeOf("") {
			v.SetString([]string{"Isian pertama", "Isian kedua"}[k])
			return
		}
		vals, ok := codeValues[v.Type()]
		if !ok {
			t.Fatalf("code type %s has no values in codeValues: give it values there and words in difftext.go", v.Type())
		}
		v.SetString(vals[k])
	case reflect.Bool:
		v.SetBool(k == 1)
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(2 + k))
	case reflect.Uint64:
		v.SetUint(uint64(2 + k))
	default:
		t.Fatalf("fill does not know %s", v.Type())
	}
}

var (
	rawPath  = regexp.MustCompile(`[a-z]\.[a-z]|\[|\]|_`)
	isoDate  = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)
	idInText = regexp.MustCompile(strconv.Itoa(idA) + "|" + strconv.Itoa(idB))
)

// TestDescribeEveryField changes every field of a fully populated agreement
// and reads the history of it: every change is named in words, in both
// languages, with no raw path, code or id.
func TestDescribeEveryField(t *testing.T) {
	var a, b Agreement
	fill(t, reflect.ValueOf(&a).Elem(), 0, 0)
	fill(t, reflect.ValueOf(&b).Elem(), 1, 0)
	b.ID = a.ID // a record keeps its id
	changes := Diff(&a, &b)
	if len(changes) < 150 {
		t.Fatalf("only %d changes: fill does not reach every field", len(changes))
	}
	patterns := map[string]bool{}
	for _, c := range changes {
		p, _ := splitPath(c.Field)
		patterns[p] = true
		if !strings.HasPrefix(p, "body[]") {
			if _, ok := fieldDefs[p]; !ok {
				t.Errorf("%s (%s) has no words in fieldDefs", p, c.Field)
			}
		}
		for _, l := range []i18n.Lang{i18n.ID, i18n.EN} {
			if sec := SectionLabel(c.Field, l); rawPath.MatchString(sec) || sec == SectionLabel("no_such_field", l) {
				t.Errorf("%s in %v: section %q", c.Field, l, sec)
			}
			w := Describe(c, l, &b, testNames)
			line := w.String()
			switch {
			case rawPath.MatchString(w.Field):
				t.Errorf("%s in %v: label %q holds a path or a code", c.Field, l, w.Field)
			case strings.Contains(w.Old+w.New, "_"):
				t.Errorf("%s in %v: %q holds a code", c.Field, l, line)
			case idInText.MatchString(line):
				t.Errorf("%s in %v: %q holds an id", c.Field, l, line)
			case isoDate.MatchString(line):
				t.Errorf("%s in %v: %q holds a date as stored", c.Field, l, line)
			case strings.Contains(line, "true") || strings.Contains(line, "false"):
				t.Errorf("%s in %v: %q holds a raw yes-or-no", c.Field, l, line)
			case strings.Contains(line, "(tidak ditemukan)") || strings.Contains(line, "(not found)"):
				t.Errorf("%s in %v: %q names nothing", c.Field, l, line)
			case w.Old == w.New:
				t.Errorf("%s in %v: %q does not show the change", c.Field, l, line)
			}
		}
	}
	// Every words entry is a path an agreement can have: none is left over
	// from a field renamed or removed.
	for p := range fieldDefs {
		if !patterns[p] && p != "id" {
			t.Errorf("fieldDefs names %s, which no agreement has", p)
		}
	}
}

// TestDescribeSigned is the PKS of the QA report: its status, its Surat
// Kuasa, its partner's signer and a ticked original, in words.
func TestDescribeSigned(t *testing.T) {
	a := &Agreement{
		Parties: []AgreementParty{{PartyID: idA, Role: RolePihakPertama, Own: true, MandateID: idA}, {PartyID: idB, Role: RolePihakKedua}},
		Signing: &Signing{
			Date:      NewDate(2026, time.April, 14),
			Signers:   []Signer{{PartyID: idA, OfficialID: idA}, {PartyID: idB, OfficialID: idB}},
			Checklist: []CopyCheck{{Copy: 1, PartyID: idB, Paraf: true}},
		},
	}
	for _, tc := range []struct {
		c        Change
		l        i18n.Lang
		want     string
		wantNote string
	}{
		{Change{Field: "status", Old: "siap_ttd", New: "ditandatangani"}, i18n.ID, "Status: Siap Tanda Tangan → Ditandatangani", ""},
		{Change{Field: "status", Old: "siap_ttd", New: "ditandatangani"}, i18n.EN, "Status: Ready to sign → Signed", ""},
		{Change{Field: "parties[0].mandate_id", New: "9041"}, i18n.ID, "Surat kuasa PIHAK PERTAMA: 180/112/2026", ""},
		{Change{Field: "signing.signers[1].official_id", New: "9042"}, i18n.ID, "Penanda tangan PIHAK KEDUA: Dr. Agustyarsyah, S.IP., M.P.", ""},
		{Change{Field: "signing.checklist[0].paraf", New: "ya"}, i18n.ID, "Naskah asli 1, Pemerintah Kota Tegal: paraf: tidak → ya", ""},
		{Change{Field: "signing.date", New: "2026-04-14"}, i18n.ID, "Tanggal penandatanganan: 14 April 2026", ""},
		{Change{Field: "signing.date", Old: "2026-04-14", New: "2026-04-15"}, i18n.EN, "Date of signing: 14 April 2026 → 15 April 2026", ""},
		{Change{Field: "funding.amount", New: "5000000"}, i18n.ID, "Nilai pembiayaan: Rp5.000.000", ""},
		{Change{Field: "signing.numbers[1]", New: "130/021/KS/III/2026"}, i18n.ID, "Nomor pada naskah asli – PIHAK KEDUA: 130/021/KS/III/2026", ""},
		// A row no longer in the agreement is named by its place.
		{Change{Field: "parties[2].mandate_id", Old: "9042"}, i18n.ID, "Surat kuasa 3: 800/045/2026 → –", ""},
		// An id the directory does not know is said so, never shown.
		{Change{Field: "parties[0].signer_id", New: "77"}, i18n.ID, "Penanda tangan PIHAK PERTAMA: (tidak ditemukan)", ""},
	} {
		if got := Describe(tc.c, tc.l, a, testNames).String(); got != tc.want {
			t.Errorf("%s (%v):\n got %q\nwant %q", tc.c.Field, tc.l, got, tc.want)
		}
	}
}

// TestDescribeBody names a change in the text by the pasal it is in.
func TestDescribeBody(t *testing.T) {
	a := &Agreement{Body: []Node{
		{Kind: NodePasal, Heading: "MAKSUD"},
		{Kind: NodeBab, Children: []Node{{Kind: NodePasal}, {Kind: NodePasal, Children: []Node{
			{Kind: NodeAyat}, {Kind: NodeAyat, Children: []Node{{Kind: NodePoint}, {Kind: NodePoint}}},
		}}}},
	}}
	for path, want := range map[string]string{
		"body[0].heading": "Isi naskah, Pasal 1: judul",
		"body[1].children[1].children[1].children[1].text": "Isi naskah, BAB I Pasal 3 ayat (2) huruf b: teks",
		"body[1].kind": "Isi naskah, BAB I: jenis bagian",
		"body[5].text": "Isi naskah, bagian 6: teks",
	} {
		if got := Describe(Change{Field: path, New: "x"}, i18n.ID, a, testNames).Field; got != want {
			t.Errorf("%s: got %q, want %q", path, got, want)
		}
	}
}
