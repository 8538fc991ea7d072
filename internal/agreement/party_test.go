package agreement

import (
	"encoding/json"
	"strings"
	"testing"

	"sepakat/internal/i18n"
)

func TestSplitAndPrintName(t *testing.T) {
	cases := []struct{ full, front, name, back, printed string }{
		{"Dr. Ir. Dony Ahmad Munir, M.Si.", "Dr. Ir.", "Dony Ahmad Munir", "M.Si.", "Dr. Ir. DONY AHMAD MUNIR, M.Si."},
		{"Dony Ahmad Munir, S.Sos., M.Si.", "", "Dony Ahmad Munir", "S.Sos., M.Si.", "DONY AHMAD MUNIR, S.Sos., M.Si."},
		{"H. Radityo Egi Pratama", "H.", "Radityo Egi Pratama", "", "H. RADITYO EGI PRATAMA"},
		{"Prof. drg. Siti Aminah, Sp.Ort.", "Prof. drg.", "Siti Aminah", "Sp.Ort.", "Prof. drg. SITI AMINAH, Sp.Ort."},
		{"M. Yusuf Kurnia", "", "M. Yusuf Kurnia", "", "M. YUSUF KURNIA"},
		{"Rio  Gismara", "", "Rio Gismara", "", "RIO GISMARA"},
		// A name is never only titles.
		{"Dr.", "", "Dr.", "", "DR."},
	}
	for _, c := range cases {
		f, n, b := SplitName(c.full)
		if f != c.front || n != c.name || b != c.back {
			t.Errorf("SplitName(%q) = %q, %q, %q; want %q, %q, %q", c.full, f, n, b, c.front, c.name, c.back)
		}
		if got := PrintedName(c.full); got != c.printed {
			t.Errorf("PrintedName(%q) = %q, want %q", c.full, got, c.printed)
		}
	}
	o := Official{FrontTitle: "Dr. Ir.", Name: "Nama Lengkap", BackTitle: "M.Si."}
	if got := o.FullName(); got != "Dr. Ir. Nama Lengkap, M.Si." {
		t.Errorf("FullName = %q", got)
	}
}

// An official stored before titles were kept apart reads with them split; one
// stored with them apart reads as stored.
func TestOfficialDecodesOldNames(t *testing.T) {
	var old Official
	if err := json.Unmarshal([]byte(`{"id":3,"party_id":1,"name":"Dr. H. Dony Ahmad Munir, S.Sos., M.Si.","jabatan":"Bupati Sumedang","role":"kepala_daerah"}`), &old); err != nil {
		t.Fatal(err)
	}
	if old.FrontTitle != "Dr. H." || old.Name != "Dony Ahmad Munir" || old.BackTitle != "S.Sos., M.Si." || old.ID != 3 || old.Jabatan != "Bupati Sumedang" {
		t.Errorf("old record read as %+v", old)
	}
	data, err := json.Marshal(Official{Name: "Dr. Sebut Nama", FrontTitle: "Ir.", BackTitle: "M.T."})
	if err != nil {
		t.Fatal(err)
	}
	var now Official
	if err := json.Unmarshal(data, &now); err != nil {
		t.Fatal(err)
	}
	if now.Name != "Dr. Sebut Nama" || now.FrontTitle != "Ir." || now.BackTitle != "M.T." {
		t.Errorf("new record read as %+v", now)
	}
}

func TestSplitActing(t *testing.T) {
	for _, c := range []struct {
		in   string
		st   OfficeStatus
		rest string
	}{
		{"Pj. Bupati Lampung Selatan", StatusPj, "Bupati Lampung Selatan"},
		{"Penjabat Bupati Lampung Selatan", StatusPj, "Bupati Lampung Selatan"},
		{"Plt. Kepala Dinas Kesehatan", StatusPlt, "Kepala Dinas Kesehatan"},
		{"Plh Sekretaris Daerah", StatusPlh, "Sekretaris Daerah"},
		{"Bupati Sumedang", "", "Bupati Sumedang"},
		{"Pjabat Aneh", "", "Pjabat Aneh"},
	} {
		st, rest := SplitActing(c.in)
		if st != c.st || rest != c.rest {
			t.Errorf("SplitActing(%q) = %q, %q", c.in, st, rest)
		}
	}
	if StatusPj.Word() != "Penjabat" || StatusPlt.Word() != "Pelaksana Tugas" || StatusPlh.Word() != "Pelaksana Harian" || StatusDefinitif.Word() != "" {
		t.Error("acting words")
	}
}

// A surat kuasa dated outside its grantor's period in office is an error at
// the mandate's date, and at the agreement's mandate field.
func TestMandateOutsideTheGrantorsTerm(t *testing.T) {
	dir := fixture()
	bupati := dir.officials[11]
	bupati.From, bupati.To = NewDate(2021, 2, 26), NewDate(2023, 5, 22)
	dir.officials[11] = bupati
	m := dir.mandates[20] // dated 2025-07-01
	es := m.Validate(dir)
	if got := codes(es, "date"); len(got) != 1 || got[0] != "mandate_out_of_office" {
		t.Fatalf("mandate of 2025 from an official in office until 2023: %v", es)
	}
	for _, l := range []i18n.Lang{i18n.ID, i18n.EN} {
		msg := es.For("date")[0].Message(l)
		if !strings.Contains(msg, "Radityo Egi Pratama") || !strings.Contains(msg, "2025-07-01") || !strings.Contains(msg, "2021-02-26 – 2023-05-22") || strings.Contains(msg, "%!") {
			t.Errorf("message in %v: %q", l, msg)
		}
	}
	a := ksb()
	a.Kind = KindPKS
	a.Parties[0].SignerID, a.Parties[0].MandateID = 13, 20
	if got := codes(a.Validate(dir), "parties[0].mandate_id"); len(got) != 1 || got[0] != "mandate_out_of_office" {
		t.Errorf("agreement under that mandate: %v", a.Validate(dir))
	}
	// In office on the day: no error.
	m.Date = NewDate(2022, 1, 10)
	if es := m.Validate(dir); len(es) != 0 {
		t.Errorf("mandate within the term rejected: %v", es)
	}
	dir.mandates[20] = m
	if es := a.Validate(dir); len(es) != 0 {
		t.Errorf("agreement under a mandate within the term rejected: %v", es)
	}
}

// A PKS signed without a mandate by someone other than a kepala perangkat
// daerah keeps the general message.
func TestPKSWithoutMandateBySekda(t *testing.T) {
	dir := fixture()
	dir.officials[15] = Official{ID: 15, PartyID: 2, Name: "Thamrin", Jabatan: "Sekretaris Daerah", Role: RoleSekda}
	a := ksb()
	a.Kind = KindPKS
	a.Parties[0].SignerID = 15
	if got := codes(a.Validate(dir), "parties[0].mandate_id"); len(got) != 1 || got[0] != "pks_needs_mandate" {
		t.Errorf("PKS signed by the sekda without mandate: %v", a.Validate(dir))
	}
	a.Parties[0].SignerID = 11 // the head of region needs none
	if es := a.Validate(dir); len(es) != 0 {
		t.Errorf("PKS signed by the head of region: %v", es)
	}
}
