package ui

import (
	"bytes"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
	"sepakat/internal/exchange"
	"sepakat/internal/export"
)

// Berkas → Terima paket dari mitra: Lampung Selatan's register, which knows
// only its own office, is asked whether to take Sumedang's package as a new
// draft with Sumedang and its Bupati; Terima sebagai konsep baru adds them
// and opens the draft; the package's next round opens that draft again.
func TestReceiveAPackageAsANewDraft(t *testing.T) {
	// Sumedang's register: the examples, a draft PKS sent as a package.
	sa := openStore(t)
	if err := sa.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	ksb, err := sa.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	d := ksb
	d.ID, d.Rev, d.Status, d.Signing, d.Monitoring, d.Attachments = 0, 0, agreement.StatusKonsep, nil, nil, nil
	d.Parties = append([]agreement.AgreementParty(nil), ksb.Parties...)
	for i := range d.Parties {
		d.Parties[i].Number = ""
	}
	d.Subject = "Pengembangan Pariwisata Perbatasan"
	if err := sa.SaveAgreement(&d); err != nil {
		t.Fatal(err)
	}
	pkg := func() []byte {
		p, round, err := exchange.Send(sa, &d, fixedNow())
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := exchange.Write(&buf, p); err != nil {
			t.Fatal(err)
		}
		if err := exchange.Keep(sa, &d, p, round, buf.Bytes(), fixedNow()); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	first := pkg()

	a, s := newTestApp(t)
	own := agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Lampung Selatan", RegionCode: "18.01", ProvinceCode: "18", Seat: "Kalianda", Own: true}
	if err := s.SaveParty(&own); err != nil {
		t.Fatal(err)
	}
	u := New(a, s, export.Printer{Src: s}, fixedNow)
	useLoop(t, u)
	u.Window().Show()
	r := u.receivePackage("PKS untuk mitra.sepakat", first)
	if r == nil {
		t.Fatal("no question asked")
	}
	for _, want := range []string{"Paket dari Pemerintah Kabupaten Sumedang", "Pengembangan Pariwisata Perbatasan", "Instansi: Pemerintah Kabupaten Sumedang", "Pejabat: "} {
		if !strings.Contains(r.text.Text, want) {
			t.Errorf("the question lacks %q: %s", want, r.text.Text)
		}
	}
	if total, _ := s.Total(); total != 0 {
		t.Fatalf("asking changed the register: %d agreements", total)
	}
	test.Tap(r.take)
	if total, _ := s.Total(); total != 1 {
		t.Fatalf("after Terima: %d agreements (%s)", total, r.message.Text)
	}
	parties, _ := s.Parties()
	officials, _ := s.Officials()
	if len(parties) != 2 || len(officials) == 0 {
		t.Errorf("registry after Terima: %d parties, %d officials", len(parties), len(officials))
	}
	m, err := s.Agreement(1)
	if err != nil || m.Exchange == nil || m.Exchange.Key != d.Exchange.Key || u.editors[m.ID] == nil {
		t.Fatalf("the new draft: %+v %v, editor open %v", m.Exchange, err, u.editors[m.ID] != nil)
	}
	u.editors[m.ID].Close()
	delete(u.editors, m.ID)

	// Sumedang's next round finds the draft and opens it.
	d, _ = sa.Agreement(d.ID)
	if r := u.receivePackage("putaran 2.sepakat", pkg()); r != nil || u.editors[m.ID] == nil {
		t.Errorf("the next round: page %v, editor open %v", r != nil, u.editors[m.ID] != nil)
	}
	if total, _ := s.Total(); total != 1 {
		t.Errorf("the next round made another draft: %d", total)
	}
}
