package naskah

import (
	"strings"
	"testing"

	"sepakat/internal/agreement"
)

// actingKSB is the example KSB as a draft whose first party is signed by an
// acting Penjabat Bupati with front and back titles.
func actingKSB(t *testing.T) (*agreement.Agreement, Source) {
	t.Helper()
	s := examples(t)
	a, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	o, err := s.Official(a.Parties[0].SignerID)
	if err != nil {
		t.Fatal(err)
	}
	o.FrontTitle, o.Name, o.BackTitle, o.Status = "Dr. Ir.", "Thamrin Hamid", "M.Si.", agreement.StatusPj
	if err := s.SaveOfficial(&o); err != nil {
		t.Fatal(err)
	}
	a.Status = agreement.StatusKonsep
	return &a, s
}

func TestKomparisiActingHeadAndTitles(t *testing.T) {
	a, s := actingKSB(t)
	d, err := Build(a, s, library(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := d.Text()
	want := "I. Dr. Ir. THAMRIN HAMID, M.Si., Penjabat Bupati Lampung Selatan, dalam hal ini bertindak untuk dan atas nama Pemerintah Kabupaten Lampung Selatan, berkedudukan di Kalianda,"
	if !strings.Contains(text, want) {
		t.Errorf("komparisi lacks %q:\n%s", want, text)
	}
	if strings.Contains(text, "Pj.") || strings.Contains(text, "DR. IR.") {
		t.Errorf("abbreviated acting title or capitalised degrees:\n%s", text)
	}
	sig := d.Signatures[0]
	if sig.Name != "Dr. Ir. THAMRIN HAMID, M.Si." || sig.Acting != "PENJABAT" || sig.ActingShort != "Pj." || sig.Jabatan != "BUPATI LAMPUNG SELATAN," {
		t.Errorf("signature %+v", sig)
	}
	if sig.JabatanLine(false) != "PENJABAT BUPATI LAMPUNG SELATAN," || sig.JabatanLine(true) != "Pj. BUPATI LAMPUNG SELATAN," {
		t.Errorf("jabatan lines %q, %q", sig.JabatanLine(false), sig.JabatanLine(true))
	}
	if !strings.Contains(strings.Join(sig.Keep, "|"), "LAMPUNG SELATAN") {
		t.Errorf("the region's name is not kept together: %v", sig.Keep)
	}
}

// Once signed, the signing record's snapshot ("Pj. Bupati …", the name with
// titles in one string) prints the same way.
func TestKomparisiFromTheSigningRecord(t *testing.T) {
	a, s := actingKSB(t)
	a.Status = agreement.StatusDitandatangani
	a.Signing.Signers = []agreement.Signer{
		{PartyID: a.Parties[0].PartyID, Name: "Dr. Ir. Thamrin Hamid, M.Si.", Jabatan: "Pj. Bupati Lampung Selatan"},
		{PartyID: a.Parties[1].PartyID, Name: "H. Dony Ahmad Munir, S.Sos., M.Si.", Jabatan: "Plt. Bupati Sumedang"},
	}
	d, err := Build(a, s, library(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := d.Text()
	for _, want := range []string{
		"I. Dr. Ir. THAMRIN HAMID, M.Si., Penjabat Bupati Lampung Selatan,",
		"II. H. DONY AHMAD MUNIR, S.Sos., M.Si., Pelaksana Tugas Bupati Sumedang,",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
	}
	if d.Signatures[1].JabatanLine(true) != "Plt. BUPATI SUMEDANG," {
		t.Errorf("signature %+v", d.Signatures[1])
	}
}

func TestOpeningNamesVenueAndPlace(t *testing.T) {
	a, s := actingKSB(t)
	lib := library(t)
	for _, c := range []struct {
		venue, place string
		opt          Options
		want         string
	}{
		{"Gedung Negara", "Sumedang", Options{}, "bertempat di Gedung Negara, Sumedang, yang bertanda tangan"},
		{"Aula Kantor Bupati Sumedang", "Sumedang", Options{}, "bertempat di Aula Kantor Bupati Sumedang, yang bertanda tangan"},
		{"Gedung Negara", "Sumedang", Options{PlaceOnly: true}, "bertempat di Sumedang, yang bertanda tangan"},
		{"", "Kalianda", Options{}, "bertempat di Kalianda, yang bertanda tangan"},
	} {
		a.Signing.Venue, a.Signing.Place = c.venue, c.place
		d, err := Build(a, s, lib, c.opt)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Opening.Plain(); !strings.Contains(got, c.want) {
			t.Errorf("venue %q place %q: %q, want %q", c.venue, c.place, got, c.want)
		}
	}
}

// A regional government without a recorded seat is based in its region.
func TestSeatFallsBackToTheRegion(t *testing.T) {
	a, s := actingKSB(t)
	st := s.(interface {
		Party(agreement.ID) (agreement.Party, error)
		SaveParty(*agreement.Party) error
	})
	p, err := st.Party(a.Parties[0].PartyID)
	if err != nil {
		t.Fatal(err)
	}
	p.Seat = ""
	if err := st.SaveParty(&p); err != nil {
		t.Fatal(err)
	}
	d, err := Build(a, s, library(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if text := d.Text(); !strings.Contains(text, "Pemerintah Kabupaten Lampung Selatan, berkedudukan di Lampung Selatan,") {
		t.Errorf("seat fallback:\n%s", text)
	}
}

// "PARA PIHAK terlebih dahulu menerangkan…" never stands without its list.
func TestNoHeadingWithoutItsList(t *testing.T) {
	a, s := actingKSB(t)
	a.Premises, a.LegalBases = nil, nil
	d, err := Build(a, s, library(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if text := d.Text(); strings.Contains(text, "menerangkan hal-hal sebagai berikut") || strings.Contains(text, "peraturan perundang-undangan sebagai berikut") {
		t.Errorf("a heading without its list:\n%s", text)
	}
	a.Premises = []string{"bahwa PARA PIHAK berbagi informasi"}
	d, _ = Build(a, s, library(t), Options{})
	if text := d.Text(); !strings.Contains(text, "menerangkan hal-hal sebagai berikut:\na. bahwa PARA PIHAK berbagi informasi.") {
		t.Errorf("premis with its heading:\n%s", text)
	}
}

// A PKS between perangkat daerah names them as the parties everywhere: in
// the title, in the komparisi (whom each signer acts for, under the surat
// kuasa of its head of region) and in the definitions of Pasal 1.
func TestPKSBetweenPerangkatDaerahNamesThemAsParties(t *testing.T) {
	s := examples(t)
	a, err := s.Agreement(3)
	if err != nil {
		t.Fatal(err)
	}
	a.Parties[0].Unit = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Lampung Selatan"
	a.Parties[1].Unit = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Sumedang"
	a.Body = library(t).DefaultBody(agreement.KindPKS) // Pasal 1 defines the parties
	d, err := Build(&a, s, library(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := d.Text()
	for _, want := range []string{
		"ANTARA\nDINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU KABUPATEN LAMPUNG SELATAN\nDENGAN\nDINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU KABUPATEN SUMEDANG\nTENTANG",
		"dalam hal ini bertindak untuk dan atas nama Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Lampung Selatan berdasarkan Surat Kuasa Bupati Lampung Selatan",
		"dalam hal ini bertindak untuk dan atas nama Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Sumedang berdasarkan Surat Kuasa Bupati Sumedang",
		"PIHAK PERTAMA adalah Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Lampung Selatan.",
		"PIHAK KEDUA adalah Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Sumedang.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q in\n%s", want, text)
		}
	}
	for _, k := range d.Komparisi {
		if strings.Contains(k.Text.Plain(), "Pemerintah Kabupaten") {
			t.Errorf("the komparisi names a government as the party beside its dinas: %s", k.Text.Plain())
		}
	}

	// Two dinas of one region: both act for it.
	a.Parties[0].PartyID, a.Parties[0].SignerID, a.Parties[0].MandateID = a.Parties[1].PartyID, a.Parties[1].SignerID, a.Parties[1].MandateID
	a.Parties[0].Unit = "Dinas Komunikasi dan Informatika Kabupaten Sumedang"
	if d, err = Build(&a, s, library(t), Options{}); err != nil {
		t.Fatal(err)
	}
	text = d.Text()
	if !strings.Contains(text, "ANTARA\nDINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN SUMEDANG\nDENGAN\nDINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU KABUPATEN SUMEDANG") ||
		!strings.Contains(text, "bertindak untuk dan atas nama Dinas Komunikasi dan Informatika Kabupaten Sumedang berdasarkan") ||
		!strings.Contains(text, "bertindak untuk dan atas nama Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Sumedang berdasarkan") {
		t.Errorf("two dinas of Sumedang:\n%s", text)
	}
}
