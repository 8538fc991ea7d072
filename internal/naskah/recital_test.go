package naskah

import (
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
)

// signedChild is child id of parent, of kind k, signed on day with numbers.
func signedChild(t *testing.T, id agreement.ID, parent *agreement.Agreement, k agreement.Kind, day agreement.Date, m agreement.Amendment, numbers ...string) agreement.Agreement {
	t.Helper()
	c, err := agreement.NewChild(parent, k, time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	c.Amends = &m
	c.Body = AdendumBody(parent, k, m, library(t))
	c.Premises = AdendumPremises(parent, m)
	if k == agreement.KindPerpanjangan {
		c.Term = agreement.Term{Length: m.Length, Unit: m.Unit, Start: parent.EffectiveEnd().AddDate(0, 0, 1), End: m.End}
	}
	c.ID, c.Status = id, agreement.StatusDitandatangani
	c.Signing = &agreement.Signing{Date: day, Place: "Sumedang"}
	for i := range c.Parties {
		if i < len(numbers) {
			c.Parties[i].Number = numbers[i]
		}
	}
	return c
}

// A child made after its parent was changed recites every signed change
// before it, oldest first, each as its title names it, and cites the end
// after them; the second Adendum is titled ADENDUM KEDUA.
func TestChildRecitesTheParentsEarlierChanges(t *testing.T) {
	s := examples(t)
	pks, err := s.Agreement(3)
	if err != nil {
		t.Fatal(err)
	}
	scope := PasalOf(&pks)[2]
	add1 := signedChild(t, 101, &pks, agreement.KindAdendum, agreement.NewDate(2025, 9, 1),
		agreement.Amendment{Pasal: []agreement.AmendedPasal{{Number: 3, Heading: scope.Heading, Text: scope.Text}}}, "1/ADD/2025", "9/ADD-LS/2025")
	ext := agreement.Amendment{Term: true, Length: 2, Unit: agreement.UnitTahun}
	ext.Resolve(pks.EffectiveEnd())
	ppj1 := signedChild(t, 102, &pks, agreement.KindPerpanjangan, agreement.NewDate(2026, 6, 1), ext, "1/PPJ/2026", "4/PPJ-LS/2026")
	// A cancelled Adendum and a draft one are no change to recite.
	cancelled := signedChild(t, 103, &pks, agreement.KindAdendum, agreement.NewDate(2026, 2, 1), agreement.Amendment{Signers: true}, "2/ADD/2026")
	cancelled.Status, cancelled.CancelReason = agreement.StatusDibatalkan, "salah ketik"
	draft, _ := agreement.NewChild(&pks, agreement.KindAdendum, time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC))
	draft.ID, draft.Amends = 104, &agreement.Amendment{Signers: true}
	// Given newest first: the recital is in signing order all the same.
	siblings := []agreement.Agreement{draft, ppj1, cancelled, add1}

	// The second Adendum, which changes the term once more.
	m := agreement.Amendment{Term: true, End: agreement.NewDate(2029, 12, 31)}
	add2, err := agreement.NewChild(&pks, agreement.KindAdendum, time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	add2.Recite(&pks, siblings)
	add2.Amends = &m
	add2.Body = AdendumBody(&pks, agreement.KindAdendum, m, library(t))
	add2.Premises = AdendumPremises(&pks, m)
	d, err := Build(&add2, s, library(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(d.Text()), " ")
	if d.Title[0] != "ADENDUM KEDUA" || d.Title[1] != "ATAS PERJANJIAN KERJA SAMA" {
		t.Errorf("the second Adendum is titled %q", d.Title)
	}
	want := "a. bahwa PARA PIHAK telah menandatangani Perjanjian Kerja Sama Nomor 04/PKS/TKKSD-LS/1.04/VII/2025 dan Nomor 119/PKS.05-Huk/2025 tanggal 4 Juli 2025 tentang " + pks.Subject +
		" sebagaimana telah diubah" // the subject, then the recital
	if !strings.Contains(text, want) {
		t.Errorf("lacks %q in\n%s", want, text)
	}
	recited := " sebagaimana telah diubah dengan Adendum Nomor 1/ADD/2025 dan Nomor 9/ADD-LS/2025 tanggal 1 September 2025 dan diperpanjang dengan Perpanjangan Nomor 1/PPJ/2026 dan Nomor 4/PPJ-LS/2026 tanggal 1 Juni 2026;"
	if !strings.Contains(text, recited) {
		t.Errorf("lacks the recital %q in\n%s", recited, text)
	}
	if strings.Contains(text, "2/ADD/2026") {
		t.Errorf("recites the cancelled Adendum:\n%s", text)
	}

	// A third Adendum, made once the second is signed: its title and the
	// second's name in its recital.
	add2.ID, add2.Status, add2.Signing = 105, agreement.StatusDitandatangani, &agreement.Signing{Date: agreement.NewDate(2026, 9, 15)}
	add2.Parties = append([]agreement.AgreementParty(nil), add2.Parties...)
	add2.Parties[0].Number, add2.Parties[1].Number = "3/ADD/2026", "7/ADD-LS/2026"
	ppj, err := agreement.NewChild(&pks, agreement.KindPerpanjangan, time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	ppj.Recite(&pks, append(siblings, add2))
	if ppj.Parent.End != agreement.NewDate(2029, 12, 31) {
		t.Errorf("cites the parent's end as %v, not the end the second Adendum set", ppj.Parent.End)
	}
	d, err = Build(&ppj, s, library(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text = strings.Join(strings.Fields(d.Text()), " ")
	for _, w := range []string{
		"diperpanjang dengan Perpanjangan Nomor 1/PPJ/2026 dan Nomor 4/PPJ-LS/2026 tanggal 1 Juni 2026, dan diubah dengan Adendum Kedua Nomor 3/ADD/2026 dan Nomor 7/ADD-LS/2026 tanggal 15 September 2026, yang berlaku sampai dengan tanggal 31 Desember 2029",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("lacks %q in\n%s", w, text)
		}
	}
	if d.Title[0] != "PERPANJANGAN KEDUA" {
		t.Errorf("the second Perpanjangan is titled %q", d.Title)
	}
}

// A PKS made from a KSB not yet signed never says when the KSB was signed:
// its number and date are left to be filled in, and once the KSB is signed
// the PKS cites its numbers and date.
func TestPKSOfAnUnsignedKSBAssertsNoSigning(t *testing.T) {
	s := examples(t)
	ksb, err := s.Agreement(2)
	if err != nil {
		t.Fatal(err)
	}
	ksb.ID, ksb.Rev, ksb.Status = 0, 0, agreement.StatusKonsep
	for i := range ksb.Parties {
		ksb.Parties[i].Number = ""
	}
	// A planned signing date typed before the signing.
	ksb.Signing = &agreement.Signing{Date: agreement.NewDate(2026, 11, 30), Place: "Sumedang"}
	if err := s.SaveAgreement(&ksb); err != nil {
		t.Fatal(err)
	}
	pks, err := agreement.NewChild(&ksb, agreement.KindPKS, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if !pks.Parent.Date.IsZero() {
		t.Errorf("the PKS cites the planned date %v as a signing", pks.Parent.Date)
	}
	pks.Body = PKSBody(&ksb, library(t))
	if err := s.SaveAgreement(&pks); err != nil {
		t.Fatal(err)
	}
	var src Source = s
	premis := func() string {
		t.Helper()
		d, err := Build(&pks, src, library(t), Options{Draft: true})
		if err != nil {
			t.Fatal(err)
		}
		return d.Premises[0].Text.Plain()
	}
	if got := premis(); !strings.HasPrefix(got, "bahwa PARA PIHAK telah menandatangani Kesepakatan Bersama Nomor "+dots+" tanggal "+dots+" tentang ") ||
		strings.Contains(got, "30 November 2026") {
		t.Errorf("premise of a PKS under an unsigned KSB: %q", got)
	}

	// Made by an older version, the PKS kept the planned date as the KSB's
	// signing: it is not printed either.
	old := pks
	old.Parent = &agreement.ParentRef{Kind: ksb.Kind, Subject: ksb.Subject, Date: ksb.Signing.Date}
	d, err := Build(&old, s, library(t), Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Premises[0].Text.Plain(); strings.Contains(got, "30 November 2026") || !strings.Contains(got, "tanggal "+dots) {
		t.Errorf("premise of a PKS that kept a planned date: %q", got)
	}

	// The partner's copy cites the KSB without reading it: as unsigned.
	mirror := pks
	mirror.ParentID = 0
	if d, err = Build(&mirror, s, library(t), Options{Draft: true}); err != nil {
		t.Fatal(err)
	}
	if got := d.Premises[0].Text.Plain(); got != premis() {
		t.Errorf("the partner's copy cites\n%q\nwe cite\n%q", got, premis())
	}

	// The KSB as it stands once signed.
	ksb.Status = agreement.StatusDitandatangani
	ksb.Signing = &agreement.Signing{Date: agreement.NewDate(2026, 12, 3), Place: "Sumedang"}
	ksb.Parties[0].Number, ksb.Parties[1].Number = "5/KSB/2026", "12/MoU/2026"
	src = withAgreement{s, ksb}
	if got := premis(); !strings.HasPrefix(got, "bahwa PARA PIHAK telah menandatangani Kesepakatan Bersama Nomor 5/KSB/2026 dan Nomor 12/MoU/2026 tanggal 3 Desember 2026 tentang ") {
		t.Errorf("premise once the KSB is signed: %q", got)
	}
}

// withAgreement is a source that reads a in place of its stored version.
type withAgreement struct {
	Source
	a agreement.Agreement
}

func (w withAgreement) Agreement(id agreement.ID) (agreement.Agreement, error) {
	if id == w.a.ID {
		return w.a, nil
	}
	return w.Source.Agreement(id)
}
