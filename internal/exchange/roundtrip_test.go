package exchange

import (
	"bytes"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/docx"
	"sepakat/internal/i18n"
	"sepakat/internal/service/servicetest"
	"sepakat/internal/store"
)

var day = time.Date(2025, 8, 1, 9, 0, 0, 0, time.UTC)

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func open(t *testing.T, name string) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), name), store.Options{Now: func() time.Time { return day }, User: name})
	must(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// officeB is Lampung Selatan's own register: its office and its Bupati, no
// Sumedang yet, and its own numbering.
func officeB(t *testing.T) (*store.Store, agreement.Party, agreement.Official) {
	s := open(t, "lamsel.db")
	own := agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Lampung Selatan", ShortName: "Pemkab Lampung Selatan",
		RegionCode: "18.01", ProvinceCode: "18", Seat: "Kalianda", Own: true}
	must(t, s.SaveParty(&own))
	bupati := agreement.Official{PartyID: own.ID, Name: "Radityo Egi Pratama", Jabatan: "Bupati Lampung Selatan", Role: agreement.RoleKepalaDaerah,
		Status: agreement.StatusDefinitif, From: agreement.NewDate(2025, 2, 20)}
	must(t, s.SaveOfficial(&bupati))
	// A draft of B's own with another partner, nothing to do with the package.
	garut := agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Garut", RegionCode: "32.05", ProvinceCode: "32", Seat: "Garut"}
	must(t, s.SaveParty(&garut))
	other := agreement.Agreement{Kind: agreement.KindKSB, Category: agreement.CatKSDD, Subject: "Promosi Wisata Bersama", Status: agreement.StatusKonsep,
		Parties: []agreement.AgreementParty{{PartyID: own.ID, Role: agreement.RolePihakPertama, Own: true, SignerID: bupati.ID},
			{PartyID: garut.ID, Role: agreement.RolePihakKedua}}, Copies: 2}
	must(t, s.SaveAgreement(&other))
	return s, own, bupati
}

// send makes and keeps a's package, returning the file's bytes.
func send(t *testing.T, s Store, a *agreement.Agreement) []byte {
	t.Helper()
	p, round, err := Send(s, a, day)
	must(t, err)
	var buf bytes.Buffer
	must(t, Write(&buf, p))
	must(t, Keep(s, a, p, round, buf.Bytes(), day))
	return buf.Bytes()
}

// Office A (Sumedang) sends a KSB; office B (Lampung Selatan), which has no
// Sumedang in its registry, receives it as a new draft of its own (keeping
// its own number and counters), edits it and sends it back; A compares
// pasal by pasal and accepts.
func TestRoundTripBetweenTwoOffices(t *testing.T) {
	sa := open(t, "sumedang.db")
	w := servicetest.SeedWorld(t, sa)
	a := w.KSB("Pertukaran Data Kependudukan")
	must(t, sa.SaveAgreement(&a))
	pkgA := send(t, sa, &a)
	a, err := sa.Agreement(a.ID)
	must(t, err)
	if a.Exchange == nil || len(a.Exchange.Key) != 32 || len(docx.Rounds(&a)) != 1 || docx.Rounds(&a)[0].Direction != docx.ToPartner {
		t.Fatalf("A after sending: exchange %+v, rounds %+v", a.Exchange, docx.Rounds(&a))
	}
	if bytes.Contains(pkgA, []byte("numbering")) {
		t.Error("the package carries our numbering scheme")
	}

	sb, ownB, bupatiB := officeB(t)
	pa, err := Read(pkgA)
	must(t, err)
	mirror, err := FindMirror(sb, pa.Key)
	must(t, err)
	r, err := Prepare(sb, pa, mirror)
	must(t, err)
	if r.Mirror != nil {
		t.Fatalf("B has a mirror already: %+v", r.Mirror)
	}
	parties, officials, mandates := r.Match.Missing(r.Package)
	if len(parties) != 1 || parties[0].Name != "Pemerintah Kabupaten Sumedang" || len(officials) != 1 || officials[0].Name != "Dony Ahmad Munir" || len(mandates) != 0 {
		t.Fatalf("missing at B: %+v %+v %+v", parties, officials, mandates)
	}
	mb, err := r.CreateMirror(sb, pkgA, day)
	must(t, err)
	if mb.ID == 0 || mb.Exchange == nil || mb.Exchange.Key != a.Exchange.Key || mb.Exchange.Received != r.Package.Rev {
		t.Fatalf("B's mirror: %+v", mb.Exchange)
	}
	ownAp, _ := mb.OwnParty()
	if ownAp.PartyID != ownB.ID || ownAp.Number != "" || ownAp.SignerID != bupatiB.ID {
		t.Errorf("B's own party in the mirror: %+v (own %d, bupati %d)", ownAp, ownB.ID, bupatiB.ID)
	}
	var smd agreement.AgreementParty
	for _, ap := range mb.Parties {
		if !ap.Own {
			smd = ap
		}
	}
	if smd.Number != "119/MoU.05-Huk/2025" || smd.PartyID == ownB.ID || smd.SignerID == 0 {
		t.Errorf("Sumedang in B's mirror: %+v", smd)
	}
	if got, _ := sb.Parties(); len(got) != 3 {
		t.Errorf("B's parties after receiving: %d, want 3", len(got))
	}
	if rs := docx.Rounds(&mb); len(rs) != 1 || rs[0].Direction != docx.FromPartner {
		t.Errorf("B's rounds: %+v", rs)
	}

	// B takes its own number by hand, changes a word of Pasal 1 and adds a pasal.
	for i := range mb.Parties {
		if mb.Parties[i].Own {
			mb.Parties[i].Number = "05/MoU/TKKSD-LS/VIII/2025"
		}
	}
	mb.Body[0].Text = strings.Replace(mb.Body[0].Text, "pedoman", "acuan", 1)
	mb.Body = append(mb.Body, agreement.Node{Kind: agreement.NodePasal, Heading: "PEMBIAYAAN", Text: "Biaya ditanggung masing-masing PARA PIHAK."})
	must(t, sb.SaveAgreement(&mb))
	pkgB := send(t, sb, &mb)

	// A compares.
	pb, err := Read(pkgB)
	must(t, err)
	if found, err := FindMirror(sa, pb.Key); err != nil || found == nil || found.ID != a.ID {
		t.Fatalf("A's mirror of B's package: %+v %v", found, err)
	}
	r, err = Prepare(sa, pb, &a)
	must(t, err)
	if r.Stale() || r.Package.Answers != a.Rev-1 {
		t.Errorf("B's answer to A's revision %d: answers %d, stale %v", a.Rev-1, r.Package.Answers, r.Stale())
	}
	var kinds []string
	for _, c := range r.Changes {
		kinds = append(kinds, c.Pasal+" "+string(c.Kind))
	}
	t.Logf("changes at A: %q", kinds)
	var body []docx.Change
	for _, c := range r.Changes {
		if docx.Applicable(c) {
			body = append(body, c)
		}
	}
	if len(body) != 2 || body[0].Pasal != "Pasal 1" || body[0].Kind != docx.Changed || docx.Marked(body[0].Words) == "" ||
		body[1].Pasal != "Pasal 3" || body[1].Kind != docx.Added {
		t.Fatalf("changes at A: %q", kinds)
	}
	if !strings.Contains(docx.Marked(body[0].Words), "acuan") {
		t.Errorf("the changed words: %s", docx.Marked(body[0].Words))
	}
	// Accept the word, reject the new pasal.
	got, round, err := r.Accept(sa, body[:1], pkgB, "1 diterima, 1 ditolak", day)
	must(t, err)
	if round != 1 || got.Rev != a.Rev+1 || !strings.Contains(got.Body[0].Text, "acuan") || len(got.Body) != 2 {
		t.Errorf("A after accepting: round %d rev %d (was %d), body %+v", round, got.Rev, a.Rev, got.Body)
	}
	for _, ap := range got.Parties {
		if ap.Own && ap.Number != "119/MoU.05-Huk/2025" || !ap.Own && ap.Number != "05/MoU/TKKSD-LS/VIII/2025" {
			t.Errorf("numbers at A: %+v", ap)
		}
	}
	if got.Exchange.Received != r.Package.Rev || got.Exchange.Partner != "Pemerintah Kabupaten Lampung Selatan" {
		t.Errorf("A's exchange: %+v", got.Exchange)
	}
	if dir, _ := docx.Turn(&got); dir != docx.FromPartner {
		t.Errorf("turn at A: %v", dir)
	}
	hist, err := sa.AgreementHistory(a.ID)
	must(t, err)
	if last := hist[len(hist)-1]; last.Rev != got.Rev {
		t.Errorf("history ends at rev %d", last.Rev)
	}

	// B sends once more before it received A's new revision: A's text has
	// changed since the one B answers, and A is told so.
	mb, err = sb.Agreement(mb.ID)
	must(t, err)
	mb.Body[1].Text += " Diperpanjang dengan Adendum."
	must(t, sb.SaveAgreement(&mb))
	again := send(t, sb, &mb)
	pc, err := Read(again)
	must(t, err)
	if rc, err := Prepare(sa, pc, &got); err != nil || !rc.Stale() {
		t.Errorf("B's second answer to A's old revision: stale %v, %v", rc != nil && rc.Stale(), err)
	}

	// The same package again, then bad ones: each refused, nothing changed.
	bad := func(name string, data []byte, mirror *agreement.Agreement, st Store, want Problem) {
		t.Helper()
		var before uint64
		if mirror != nil {
			cur, err := st.Agreement(mirror.ID)
			must(t, err)
			before = cur.Rev
		}
		p, err := Read(data)
		if err == nil {
			_, err = Prepare(st, p, mirror)
		}
		if ProblemOf(err) != want {
			t.Errorf("%s: %v, want problem %d", name, err, want)
			return
		}
		var e *Error
		if !errors.As(err, &e) || e.Message(i18n.ID) == "" || e.Message(i18n.EN) == e.Message(i18n.ID) || !strings.Contains(e.Message(i18n.ID), "Tidak ada yang diubah") {
			t.Errorf("%s: words %q / %q", name, e.Message(i18n.ID), e.Message(i18n.EN))
		}
		if mirror != nil {
			cur, _ := st.Agreement(mirror.ID)
			if cur.Rev != before {
				t.Errorf("%s changed the agreement: rev %d → %d", name, before, cur.Rev)
			}
		}
	}
	bad("again", pkgB, &got, sa, ProblemAlreadyReceived)
	bad("our own", pkgA, &got, sa, ProblemOwnPackage)
	tampered := bytes.Replace(pkgB, []byte("acuan"), []byte("acuam"), 1)
	bad("tampered", tampered, &got, sa, ProblemTampered)
	bad("newer format", bytes.Replace(pkgB, []byte(`"version":1`), []byte(`"version":2`), 1), &got, sa, ProblemNewerFormat)
	bad("cut short", pkgB[:len(pkgB)/2], &got, sa, ProblemCorrupt)
	bad("a Word file", []byte("PK\x03\x04 not a package"), &got, sa, ProblemNotPackage)
	bad("JSON of another kind", []byte(`{"format":"sepakat-dataset","version":1}`), &got, sa, ProblemNotPackage)
	other := w.KSB("Promosi Wisata Bersama")
	must(t, sa.SaveAgreement(&other))
	send(t, sa, &other) // tied to a package of its own
	bad("another agreement", pkgB, &other, sa, ProblemOtherAgreement)
	// A draft of ours typed before any package, of the same kind between the
	// same parties, takes it (and accepting ties it); one of another kind not.
	typed := w.KSB("Kerja Sama yang Diketik Sendiri")
	must(t, sa.SaveAgreement(&typed))
	if r, err := Prepare(sa, pb, &typed); err != nil || len(r.Changes) == 0 {
		t.Errorf("a draft typed before the package: %v", err)
	} else if tied, _, err := r.Accept(sa, nil, pkgB, "0 diterima, 0 ditolak", day); err != nil || tied.Exchange == nil || tied.Exchange.Key != pb.Key {
		t.Errorf("accepting does not tie it: %+v %v", tied.Exchange, err)
	}
	pks := w.KSB("Bukan Kesepakatan Bersama")
	pks.Kind = agreement.KindPKS
	must(t, sa.SaveAgreement(&pks))
	bad("a draft of another kind", pkgB, &pks, sa, ProblemOtherAgreement)

	// B sends again from an older revision than A received: refused.
	older := bytes.Replace(pkgB, []byte(`"rev":`+itoa(r.Package.Rev)), []byte(`"rev":1`), 1)
	if p, err := Read(older); err == nil || p != nil {
		t.Fatalf("a package edited without its hash read: %v", err)
	}
	mb, err = sb.Agreement(mb.ID)
	must(t, err)
	mb.Rev = 1 // as if the package were made from B's first revision
	p, err := Make(&mb, sb, 2, day)
	must(t, err)
	var buf bytes.Buffer
	must(t, Write(&buf, p))
	bad("older revision", buf.Bytes(), &got, sa, ProblemOlderRevision)

	// A register of a third office takes no package between the two.
	sc := open(t, "ciamis.db")
	third := agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Ciamis", RegionCode: "32.07", Own: true}
	must(t, sc.SaveParty(&third))
	bad("not for us", pkgB, nil, sc, ProblemNotForUs)
	if list, _ := sc.Parties(); len(list) != 1 {
		t.Errorf("the third office's registry changed: %d parties", len(list))
	}
	// Exactly B's changes: its number (carried over by Accept), the word, the pasal.
	if want := []string{"Nomor " + string(docx.Changed), "Pasal 1 " + string(docx.Changed), "Pasal 3 " + string(docx.Added)}; !slices.Equal(kinds, want) {
		t.Errorf("changes at A: %q, want %q", kinds, want)
	}
}

func itoa(n uint64) string { return strconv.FormatUint(n, 10) }
