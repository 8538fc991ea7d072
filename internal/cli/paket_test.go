package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/store"
)

// Sumedang (the examples) sends the PKS with Lampung Selatan as a .sepakat
// package; Lampung Selatan's register, which knows only its own office,
// receives it as a new draft, changes a word and sends it back; Sumedang
// compares and accepts.
func TestSendAndReceiveAPackage(t *testing.T) {
	dir, db := demoFile(t)
	pkg := filepath.Join(dir, "PKS-3.sepakat")
	// The signed PKS is locked: no package.
	if r := run(t, i18n.ID, "--db", db, "send", "3", "-o", pkg); r.code == 0 || !strings.Contains(r.stderr, "terkunci") {
		t.Fatalf("send of a signed PKS: %+v", r)
	}
	// Its draft, before signing, as the partner's turn comes.
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.Agreement(3)
	if err != nil {
		t.Fatal(err)
	}
	d.ID, d.Rev, d.Status, d.Signing, d.Monitoring, d.Attachments = 0, 0, agreement.StatusKonsep, nil, nil, nil
	d.Subject = "Integrasi Layanan Perizinan"
	for i := range d.Parties {
		d.Parties[i].Number = ""
	}
	if err := s.SaveAgreement(&d); err != nil {
		t.Fatal(err)
	}
	s.Close()
	id := d.ID.String()
	if r := run(t, i18n.ID, "--db", db, "send", id, "-o", pkg); r.code != 0 || !strings.Contains(r.stderr, "putaran 1") {
		t.Fatalf("send: %+v", r)
	}
	if at := attachments(t, db, d.ID); len(at) != 1 || at[0].Note != "Dikirim ke mitra, putaran 1, revisi 1" || at[0].File.Name != "PKS-putaran-1-revisi-1.sepakat" {
		t.Fatalf("A's attachments: %+v", at)
	}

	dbB := filepath.Join(dir, "lamsel.db")
	s, err = store.Open(dbB, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	own := agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Lampung Selatan", RegionCode: "18.01", ProvinceCode: "18", Seat: "Kalianda", Own: true}
	if err := s.SaveParty(&own); err != nil {
		t.Fatal(err)
	}
	s.Close()
	r := run(t, i18n.ID, "--db", dbB, "receive", pkg)
	if r.code == 0 || !strings.Contains(r.stderr, "konsep baru") || !strings.Contains(r.stderr, "instansi Pemerintah Kabupaten Sumedang") || !strings.Contains(r.stderr, "--yes") {
		t.Fatalf("receive without --yes: %+v", r)
	}
	if r := run(t, i18n.ID, "--db", dbB, "list", "--json"); strings.Contains(r.stdout, "\"id\"") {
		t.Fatalf("receive without --yes changed B: %s", r.stdout)
	}
	r = run(t, i18n.ID, "--db", dbB, "receive", pkg, "--yes")
	if r.code != 0 || !strings.Contains(r.stderr, "Diterima sebagai konsep #1") {
		t.Fatalf("receive --yes: %+v", r)
	}

	// B changes a word and sends it back.
	s, err = store.Open(dbB, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.Agreement(1)
	if err != nil {
		t.Fatal(err)
	}
	m.Body[0].Children[0].Text = m.Body[0].Children[0].Text + " dan akuntabel"
	if err := s.SaveAgreement(&m); err != nil {
		t.Fatal(err)
	}
	s.Close()
	back := filepath.Join(dir, "jawaban.sepakat")
	if r := run(t, i18n.ID, "--db", dbB, "send", "1", "-o", back); r.code != 0 {
		t.Fatalf("send back: %+v", r)
	}

	r = run(t, i18n.ID, "--db", db, "receive", back, "--json")
	if r.code != 0 || !strings.Contains(r.stderr, "Dibandingkan dengan #"+id) || !strings.Contains(r.stderr, "--terima") ||
		strings.Contains(r.stderr, "sudah berubah") {
		t.Fatalf("receive at A: %+v", r)
	}
	var changed int
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var c changeJSON
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		if c.Kind == "ubah" && strings.Contains(c.Theirs, "dan akuntabel") && !strings.Contains(c.Ours, "dan akuntabel") {
			changed++
		}
	}
	if changed != 1 || strings.Count(strings.TrimSpace(r.stdout), "\n") != 0 {
		t.Fatalf("changes: %s", r.stdout)
	}
	if at := attachments(t, db, d.ID); len(at) != 1 {
		t.Fatalf("receive without --terima kept something: %+v", at)
	}
	r = run(t, i18n.ID, "--db", db, "receive", back, "--terima")
	if r.code != 0 || !strings.Contains(r.stderr, "putaran 1: 1 perubahan diterima") {
		t.Fatalf("receive --terima: %+v", r)
	}
	if at := attachments(t, db, d.ID); len(at) != 2 || !strings.HasPrefix(at[1].Note, "Diterima dari mitra, putaran 1") {
		t.Fatalf("A's attachments after accepting: %+v", at)
	}

	// The same package again, a tampered one, in English: refused in words.
	r = run(t, i18n.EN, "--db", db, "receive", back)
	if r.code == 0 || !strings.Contains(r.stderr, "was received before") {
		t.Errorf("again: %+v", r)
	}
	data, _ := os.ReadFile(back)
	bad := filepath.Join(dir, "diubah.sepakat")
	if err := os.WriteFile(bad, bytes.Replace(data, []byte("dan akuntabel"), []byte("dan transparan"), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	r = run(t, i18n.ID, "--db", db, "receive", bad)
	if r.code == 0 || !strings.Contains(r.stderr, "SHA-256") || !strings.Contains(r.stderr, "Tidak ada yang diubah") {
		t.Errorf("tampered: %+v", r)
	}
}
