// Package servicetest is the conformance suite of the service seam: the
// behaviour every implementation of service.Service must show, written once
// against the role interfaces and run against each backend from its own tests.
package servicetest

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

// Open returns a fresh, empty instance whose clock is now. It closes (and, where
// it can, checks) the instance on the test's cleanup.
type Open func(t *testing.T, now func() time.Time) service.Service

// Config describes a backend to the suite.
type Config struct {
	Open Open
	// OpenBackup opens the copy Backup wrote, read-only use; nil: the suite
	// checks only that the copy is written and not empty.
	OpenBackup func(t *testing.T, path string) service.Service
	// User is the name the backend records in history; empty: any name.
	User string
}

// Run runs the whole suite against the instances open makes.
func Run(t *testing.T, open Open) { RunConfig(t, Config{Open: open}) }

// RunConfig runs the whole suite against a backend.
func RunConfig(t *testing.T, c Config) {
	if c.Open == nil {
		t.Fatal("servicetest: Config.Open is nil")
	}
	t.Run("Records", func(t *testing.T) { testRecords(t, c) })
	t.Run("Directory", func(t *testing.T) { testDirectory(t, c) })
	t.Run("Changes", func(t *testing.T) { testChanges(t, c) })
	t.Run("Register", func(t *testing.T) { testRegister(t, c) })
	t.Run("Search", func(t *testing.T) { testSearch(t, c) })
	t.Run("Overview", func(t *testing.T) { testOverview(t, c) })
	t.Run("Outstanding", func(t *testing.T) { testOutstanding(t, c) })
	t.Run("OutstandingPartner", func(t *testing.T) { testOutstandingPartner(t, c) })
	t.Run("Family", func(t *testing.T) { testFamily(t, c) })
	t.Run("AdendumEndsWithParent", func(t *testing.T) { testAdendumEndsWithParent(t, c) })
	t.Run("Gate", func(t *testing.T) { testGate(t, c) })
	t.Run("Numbering", func(t *testing.T) { testNumbering(t, c) })
	t.Run("UniqueNumbers", func(t *testing.T) { testUniqueNumbers(t, c) })
	t.Run("OneNumber", func(t *testing.T) { testOneNumber(t, c) })
	t.Run("Files", func(t *testing.T) { testFiles(t, c) })
	t.Run("StagedFiles", func(t *testing.T) { testStagedFiles(t, c) })
	t.Run("Examples", func(t *testing.T) { testExamples(t, c) })
	t.Run("Admin", func(t *testing.T) { testAdmin(t, c) })
	t.Run("Cancel", func(t *testing.T) { testCancel(t, c) })
	t.Run("Backups", func(t *testing.T) { testBackups(t, c) })
	t.Run("Exchange", func(t *testing.T) { testExchange(t, c) })
	t.Run("Reporting", func(t *testing.T) { testReporting(t, c) })
	t.Run("SearchIndex", func(t *testing.T) { testSearchIndex(t, c) })
	t.Run("Paraf", func(t *testing.T) { testParaf(t, c) })
	t.Run("PrintLog", func(t *testing.T) { testPrintLog(t, c) })
	t.Run("Together", func(t *testing.T) { testTogether(t, c) })
}

// Start is when every instance's clock starts.
var Start = time.Date(2025, 7, 1, 8, 0, 0, 0, time.UTC)

// clock is a test clock that moves one second per reading, so that every save
// has its own time.
type clock struct{ t time.Time }

func (c *clock) now() time.Time {
	c.t = c.t.Add(time.Second)
	return c.t
}

// fresh opens an empty instance on a new clock.
func fresh(t *testing.T, c Config) service.Service {
	t.Helper()
	ck := &clock{t: Start}
	return c.Open(t, ck.now)
}

// withExamples opens an instance holding the three shipped examples.
func withExamples(t *testing.T, c Config) service.Service {
	t.Helper()
	s := fresh(t, c)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	return s
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// World is a small directory: Sumedang (our office, with a numbering scheme)
// and Lampung Selatan, each with a bupati, a kepala dinas and a surat kuasa.
type World struct {
	Sumedang, Lamsel    agreement.Party
	BupatiSmd, BupatiLs agreement.Official
	KadisSmd, KadisLs   agreement.Official
	KuasaSmd, KuasaLs   agreement.Mandate
	// made counts the agreements KSB made, which carry own numbers 119, 120, …
	made int
}

// SeedWorld saves a World in s; backends' own tests use it too.
func SeedWorld(t testing.TB, s service.Directory) *World {
	t.Helper()
	w := &World{}
	w.Sumedang = agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Sumedang", ShortName: "Pemkab Sumedang",
		RegionCode: "32.11", ProvinceCode: "32", Seat: "Sumedang", Own: true,
		Numbering: &agreement.NumberingScheme{Template: "{nomor}/{jenis}.{klasifikasi}-{unit}/{tahun}", Classification: "05", UnitCode: "Huk",
			KindCodes: map[agreement.Kind]string{agreement.KindKSB: "MoU", agreement.KindPKS: "PKS"}}}
	w.Lamsel = agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Lampung Selatan", ShortName: "Pemkab Lampung Selatan",
		RegionCode: "18.01", ProvinceCode: "18", Seat: "Kalianda"}
	must(t, s.SaveParty(&w.Sumedang))
	must(t, s.SaveParty(&w.Lamsel))
	from := agreement.NewDate(2025, 2, 20)
	w.BupatiSmd = agreement.Official{PartyID: w.Sumedang.ID, Name: "Dony Ahmad Munir", Jabatan: "Bupati Sumedang", Role: agreement.RoleKepalaDaerah, Status: agreement.StatusDefinitif, From: from}
	w.BupatiLs = agreement.Official{PartyID: w.Lamsel.ID, Name: "Radityo Egi Pratama", Jabatan: "Bupati Lampung Selatan", Role: agreement.RoleKepalaDaerah, Status: agreement.StatusDefinitif, From: from}
	w.KadisSmd = agreement.Official{PartyID: w.Sumedang.ID, Name: "Kemal Idris", Jabatan: "Kepala DPMPTSP Kabupaten Sumedang", Role: agreement.RoleKepalaPD, NIP: "197001011990031001", Pangkat: "Pembina Utama Muda (IV/c)"}
	w.KadisLs = agreement.Official{PartyID: w.Lamsel.ID, Name: "Rio Gismara", Jabatan: "Kepala DPMPTSP Kabupaten Lampung Selatan", Role: agreement.RoleKepalaPD, NIP: "197502022000031002"}
	for _, o := range []*agreement.Official{&w.BupatiSmd, &w.BupatiLs, &w.KadisSmd, &w.KadisLs} {
		must(t, s.SaveOfficial(o))
	}
	w.KuasaSmd = agreement.Mandate{PartyID: w.Sumedang.ID, GrantorID: w.BupatiSmd.ID, GranteeID: w.KadisSmd.ID, Number: "180/55/Huk/2025", Date: agreement.NewDate(2025, 7, 1)}
	w.KuasaLs = agreement.Mandate{PartyID: w.Lamsel.ID, GrantorID: w.BupatiLs.ID, GranteeID: w.KadisLs.ID, Number: "180/12/IV.02/2025", Date: agreement.NewDate(2025, 7, 1)}
	must(t, s.SaveMandate(&w.KuasaSmd))
	must(t, s.SaveMandate(&w.KuasaLs))
	return w
}

// KSB is a draft Kesepakatan Bersama between Lampung Selatan and Sumedang. Each
// carries its own number of Sumedang, from 119/MoU.05-Huk/2025 on: own numbers
// are unique per office.
func (w *World) KSB(subject string) agreement.Agreement {
	w.made++
	return agreement.Agreement{
		Kind: agreement.KindKSB, Category: agreement.CatKSDD, Subject: subject, Status: agreement.StatusKonsep,
		Parties: []agreement.AgreementParty{
			{PartyID: w.Lamsel.ID, Role: agreement.RolePihakPertama, Number: "03/MoU/TKKSD-LS/1.04/VII/2025", SignerID: w.BupatiLs.ID},
			{PartyID: w.Sumedang.ID, Role: agreement.RolePihakKedua, Own: true, Number: fmt.Sprintf("%d/MoU.05-Huk/2025", 118+w.made), SignerID: w.BupatiSmd.ID},
		},
		Term:   agreement.Term{Length: 5, Unit: agreement.UnitTahun, Start: agreement.NewDate(2025, 7, 4), End: agreement.NewDate(2030, 7, 3), Extendable: true},
		Copies: 2,
		Body: []agreement.Node{
			{Kind: agreement.NodePasal, Heading: "MAKSUD DAN TUJUAN", Text: "Kesepakatan Bersama ini dimaksudkan sebagai pedoman bagi PARA PIHAK."},
			{Kind: agreement.NodePasal, Heading: "JANGKA WAKTU", Text: "Kesepakatan Bersama ini berlaku untuk jangka waktu 5 (lima) tahun."},
		},
	}
}

// SaveKSBs saves n drafts from KSB, subjects made by format from 0 to n-1,
// and returns their IDs in order.
func (w *World) SaveKSBs(t testing.TB, s service.Records, n int, format string) []agreement.ID {
	t.Helper()
	var out []agreement.ID
	for i := range n {
		a := w.KSB(fmt.Sprintf(format, i))
		must(t, s.SaveAgreement(&a))
		out = append(out, a.ID)
	}
	return out
}

// Sign moves a through the life cycle to Ditandatangani, signed on day: in
// Telaah the DPRD questions are answered no and the default procedure's
// reviewers agree (the week before day), which the gate to Siap Tanda Tangan
// asks for.
func Sign(t testing.TB, s service.Records, a *agreement.Agreement, day agreement.Date) {
	t.Helper()
	for _, st := range []agreement.Status{agreement.StatusTelaah, agreement.StatusSiapTTD} {
		a.Status = st
		if st == agreement.StatusTelaah {
			Review(a, day.AddDate(0, 0, -7))
		}
		must(t, s.SaveAgreement(a))
	}
	a.Status = agreement.StatusDitandatangani
	a.Signing = &agreement.Signing{Date: day, Place: "Sumedang", Venue: "Gedung Command Center", Meterai: 2}
	must(t, s.SaveAgreement(a))
}

// Review answers a's DPRD questions no (where unanswered) and records every
// reviewer of the default procedure agreeing on day.
func Review(a *agreement.Agreement, day agreement.Date) {
	if a.DPRD.Burdens == "" {
		a.DPRD.Burdens = agreement.AnswerNo
	}
	if a.DPRD.OutsideBudget == "" {
		a.DPRD.OutsideBudget = agreement.AnswerNo
	}
	for _, r := range agreement.DefaultProcedure().Reviewers {
		a.Reviews = append(a.Reviews, agreement.Review{Reviewer: r.Title, Date: day, Outcome: agreement.ReviewSetuju})
	}
}

func ids(list []agreement.Summary) []agreement.ID {
	out := []agreement.ID{}
	for _, s := range list {
		out = append(out, s.ID)
	}
	return out
}

// fieldErrors returns the agreement.Errors in err, failing the test when there are none.
func fieldErrors(t testing.TB, err error) agreement.Errors {
	t.Helper()
	var es agreement.Errors
	if !errors.As(err, &es) || len(es) == 0 {
		t.Fatalf("want agreement.Errors, got %v", err)
	}
	return es
}

// total is Register.Total, failing the test on an error.
func total(t testing.TB, s service.Register) int {
	t.Helper()
	n, err := s.Total()
	must(t, err)
	return n
}
