package gen

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/store"
	"sepakat/internal/wilayah"
)

var testNow = time.Date(2026, 3, 15, 9, 30, 0, 0, time.UTC)

func newGen(t testing.TB, seed uint64, off dataset.Offsets) *Generator {
	t.Helper()
	regions, err := wilayah.Load()
	if err != nil {
		t.Fatal(err)
	}
	return New(Options{Seed: seed, Now: testNow, Offsets: off}, regions)
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDeterministic(t *testing.T) {
	g1 := newGen(t, 11, dataset.Offsets{})
	g2 := newGen(t, 11, dataset.Offsets{})
	all := g1.Agreements(0, 50)
	if len(all) != 50 {
		t.Fatalf("got %d agreements, want 50", len(all))
	}
	if !bytes.Equal(mustJSON(t, all), mustJSON(t, g2.Agreements(0, 50))) {
		t.Fatal("same seed gave different agreements")
	}
	if !bytes.Equal(mustJSON(t, g1.Directory()), mustJSON(t, g2.Directory())) {
		t.Fatal("same seed gave different directories")
	}
	batch := g2.Agreements(20, 10)
	if !bytes.Equal(mustJSON(t, batch), mustJSON(t, all[20:30])) {
		t.Fatal("Agreements(20, 10) differs from Agreements(0, 50)[20:30]")
	}
	// generating again from the same generator, after other batches, changes nothing
	g1.Agreements(300, 40)
	if !bytes.Equal(mustJSON(t, g1.Agreements(20, 10)), mustJSON(t, batch)) {
		t.Fatal("a batch depends on what was generated before")
	}
	other := newGen(t, 12, dataset.Offsets{}).Agreements(0, 50)
	if bytes.Equal(mustJSON(t, other), mustJSON(t, all)) {
		t.Fatal("different seeds gave the same agreements")
	}
	// the returned agreements share nothing: changing one leaves a fresh batch alone
	all[25].Parties[0].Number = "changed"
	all[25].Tags = append(all[25].Tags[:0], "changed")
	if !bytes.Equal(mustJSON(t, g1.Agreements(25, 1)[0]), mustJSON(t, batch[5])) {
		t.Fatal("changing a returned agreement changed the generator's output")
	}
}

func walk(nodes []agreement.Node, f func(agreement.Node)) {
	for _, n := range nodes {
		f(n)
		walk(n.Children, f)
	}
}

func TestCorpus(t *testing.T) {
	off := dataset.Offsets{Agreement: 1000}
	g := newGen(t, 3, off)
	officials := map[agreement.ID]agreement.Official{}
	mandates := map[agreement.ID]agreement.Mandate{}
	dir := g.Directory()
	for _, o := range dir.Officials {
		officials[o.ID] = o
	}
	for _, m := range dir.Mandates {
		mandates[m.ID] = m
	}
	const n = 2000
	as := g.Agreements(0, n)
	if len(as) != n {
		t.Fatalf("got %d agreements", len(as))
	}
	kinds := map[agreement.Kind]int{}
	statuses := map[agreement.Status]int{}
	phases := map[agreement.Phase]int{}
	stemsSeen := map[string]bool{}
	subjects := map[string]bool{}
	extended := map[agreement.ID]bool{}
	byID := map[agreement.ID]*agreement.Agreement{}
	soon := [3]int{}
	md := mapDir{parties: map[agreement.ID]agreement.Party{}, kinds: map[agreement.ID]agreement.Kind{}}
	for _, p := range dir.Parties {
		md.parties[p.ID] = p
	}
	for i := range as {
		md.kinds[as[i].ID] = as[i].Kind
	}
	for i := range as {
		a := &as[i]
		byID[a.ID] = a
		// Every document fits its partner, drafts and signed ones alike.
		for _, fe := range append(a.FitErrors(md), a.Warnings(agreement.DefaultProcedure(), md)...) {
			if fe.Field == "kind" || fe.Field == "category" {
				t.Errorf("agreement %d (%s, %s): %s", a.ID, a.Kind, a.Status, fe.Message(i18n.ID))
			}
		}
		if a.ID != off.Agreement+agreement.ID(i+1) {
			t.Fatalf("agreement %d has ID %d", i, a.ID)
		}
		kinds[a.Kind]++
		statuses[a.Status]++
		phases[a.PhaseAt(testNow, agreement.DefaultSoonDays)]++
		subjects[a.Subject] = true
		for _, s := range stems {
			if strings.HasPrefix(a.Subject, s.subject) {
				stemsSeen[s.key] = true
			}
		}
		if c := a.CountPasal(); c < 8 || c > 15 {
			t.Errorf("agreement %d has %d pasal", a.ID, c)
		}
		if a.Created.After(a.Updated) || a.Updated.After(testNow) {
			t.Errorf("agreement %d: created %v, updated %v, now %v", a.ID, a.Created, a.Updated, testNow)
		}
		own := 0
		for _, p := range a.Parties {
			if p.Own {
				own++
				if p.PartyID != g.OwnPartyID() {
					t.Errorf("agreement %d: own party %d", a.ID, p.PartyID)
				}
			}
		}
		if own != 1 || len(a.Parties) != 2 {
			t.Errorf("agreement %d: %d parties, %d own", a.ID, len(a.Parties), own)
		}
		if a.Copies != 2 && a.Copies != 3 {
			t.Errorf("agreement %d: %d copies", a.ID, a.Copies)
		}
		if s := a.Term.Start; !s.IsZero() && a.Term.End != a.Term.EndFor(s) {
			t.Errorf("agreement %d: term %+v does not end on EndFor(start)", a.ID, a.Term)
		}
		if a.Status == agreement.StatusDitandatangani {
			s := a.Signing
			if s == nil || s.Date.IsZero() || s.Place == "" || len(s.Signers) != 2 || len(a.Numbers()) != 2 || s.Meterai < 2 {
				t.Errorf("agreement %d: incomplete signing %+v", a.ID, s)
			} else if s.Date.After(agreement.DateOf(testNow)) {
				t.Errorf("agreement %d signed in the future: %v", a.ID, s.Date)
			}
			if s != nil {
				for _, sg := range s.Signers {
					o := officials[sg.OfficialID]
					if !o.InOffice(s.Date) || sg.Name != o.Name || !strings.HasSuffix(sg.Jabatan, o.Jabatan) {
						t.Errorf("agreement %d: signer %+v does not match official %+v on %v", a.ID, sg, o, s.Date)
					}
					if m, ok := mandates[sg.MandateID]; ok && (m.Date.After(s.Date) || m.GranteeID != o.ID) {
						t.Errorf("agreement %d: signed %v under mandate %+v", a.ID, s.Date, m)
					}
				}
				if a.Created.After(s.Date.Time().Add(24 * time.Hour)) {
					t.Errorf("agreement %d created %v after it was signed on %v", a.ID, a.Created, s.Date)
				}
			}
			if end := a.EffectiveEnd(); !end.IsZero() {
				switch d := agreement.DateOf(testNow).DaysUntil(end); {
				case d >= 0 && d <= 30:
					soon[0]++
				case d > 30 && d <= 90:
					soon[1]++
				case d > 90 && d <= 180:
					soon[2]++
				}
			}
		}
		if a.Status == agreement.StatusDibatalkan && a.CancelReason == "" {
			t.Errorf("agreement %d cancelled without a reason", a.ID)
		}
		// the JANGKA WAKTU article states the term
		found := false
		walk(a.Body, func(nd agreement.Node) {
			if nd.Kind == agreement.NodePasal && nd.Heading == hWaktu {
				var txt strings.Builder
				txt.WriteString(nd.Text)
				walk(nd.Children, func(c agreement.Node) { txt.WriteString(c.Text) })
				found = strings.Contains(txt.String(), termPhrase(a.Term))
			}
		})
		if !found {
			t.Errorf("agreement %d: no JANGKA WAKTU article stating %q", a.ID, termPhrase(a.Term))
		}
		if a.ParentID == 0 {
			if a.Kind == agreement.KindAdendum || a.Kind == agreement.KindPerpanjangan {
				t.Errorf("agreement %d: %s without parent", a.ID, a.Kind)
			}
			continue
		}
		p := byID[a.ParentID]
		if p == nil || p.ID >= a.ID {
			t.Fatalf("agreement %d: parent %d is not an earlier agreement", a.ID, a.ParentID)
		}
		if p.Status != agreement.StatusDitandatangani {
			t.Errorf("agreement %d: parent %d is %s", a.ID, p.ID, p.Status)
		}
		if a.Parent == nil || a.Parent.Kind != p.Kind || a.Parent.Subject != p.Subject || a.Parent.Date != p.Signing.Date ||
			strings.Join(a.Parent.Numbers, "|") != strings.Join(p.Numbers(), "|") {
			t.Errorf("agreement %d: parent reference %+v does not match parent %d", a.ID, a.Parent, p.ID)
		}
		for k := range a.Parties {
			if a.Parties[k].PartyID != p.Parties[k].PartyID || a.Parties[k].Role != p.Parties[k].Role {
				t.Errorf("agreement %d: parties differ from parent %d", a.ID, p.ID)
			}
		}
		if a.Signing != nil && p.Signing != nil && a.Signing.Date.Before(p.Signing.Date) {
			t.Errorf("agreement %d signed before its parent %d", a.ID, p.ID)
		}
		switch a.Kind {
		case agreement.KindPKS:
			if p.Kind != agreement.KindKSB { // never under a Nota Kesepakatan
				t.Errorf("PKS %d under %s", a.ID, p.Kind)
			}
		case agreement.KindPerpanjangan:
			if extended[p.ID] {
				t.Errorf("agreement %d extended twice", p.ID)
			}
			extended[p.ID] = true
			if a.Term.Start != p.Term.End.AddDate(0, 0, 1) {
				t.Errorf("extension %d starts %v, parent ends %v", a.ID, a.Term.Start, p.Term.End)
			}
			fallthrough
		case agreement.KindAdendum:
			if p.Kind == agreement.KindAdendum || p.Kind == agreement.KindPerpanjangan {
				t.Errorf("%s %d under %s", a.Kind, a.ID, p.Kind)
			}
		default:
			t.Errorf("%s %d has a parent", a.Kind, a.ID)
		}
	}
	for _, k := range agreement.Kinds {
		if kinds[k] == 0 {
			t.Errorf("no agreement of kind %s", k)
		}
	}
	for _, s := range agreement.Statuses {
		if statuses[s] == 0 {
			t.Errorf("no agreement with status %s", s)
		}
	}
	if kinds[agreement.KindKSB]+kinds[agreement.KindPKS] < n/2 || statuses[agreement.StatusDitandatangani] < n/2 {
		t.Errorf("kinds %v, statuses %v: want mostly KSB and PKS, mostly signed", kinds, statuses)
	}
	for _, p := range []agreement.Phase{agreement.PhaseBerlaku, agreement.PhaseAkanBerakhir, agreement.PhaseBerakhir, agreement.PhaseDitandatangani} {
		if phases[p] == 0 {
			t.Errorf("no agreement in phase %s: %v", p, phases)
		}
	}
	if soon[0] == 0 || soon[1] == 0 || soon[2] == 0 {
		t.Errorf("signed agreements ending within 30/90/180 days: %v", soon)
	}
	if len(stemsSeen) < 40 || len(subjects) < 200 {
		t.Errorf("%d subject stems and %d distinct subjects", len(stemsSeen), len(subjects))
	}
	t.Logf("kinds %v\nstatuses %v\nphases %v\nending within 30/90/180 days: %v", kinds, statuses, phases, soon)
}

func TestDirectory(t *testing.T) {
	off := dataset.Offsets{Party: 7, Official: 70, Mandate: 700}
	g := newGen(t, 5, off)
	d := g.Directory()
	if d.Format != dataset.Format || d.Version != dataset.Version {
		t.Fatalf("header %q %d", d.Format, d.Version)
	}
	regions := 0
	var own []agreement.Party
	parties := map[agreement.ID]agreement.Party{}
	for i, p := range d.Parties {
		if p.ID != off.Party+agreement.ID(i+1) {
			t.Fatalf("party %d has ID %d", i, p.ID)
		}
		parties[p.ID] = p
		if p.Kind.IsRegion() {
			regions++
			if p.RegionCode == "" || p.Seat == "" || !strings.HasPrefix(p.Name, "Pemerintah ") {
				t.Errorf("region party %+v", p)
			}
			if strings.HasPrefix(p.Name, "Pemerintah Kota ") != (p.Kind == agreement.PartyPemkot) {
				t.Errorf("%s is %s", p.Name, p.Kind)
			}
		}
		if p.Own {
			own = append(own, p)
		}
	}
	if regions != 38+514 || len(d.Parties)-regions < 25 {
		t.Errorf("%d region parties of %d", regions, len(d.Parties))
	}
	if len(own) != 1 || own[0].RegionCode != "32.11" || own[0].Numbering == nil || len(own[0].Numbering.Validate()) > 0 {
		t.Fatalf("own parties: %+v", own)
	}
	if n, err := own[0].Numbering.Format(agreement.KindPKS, 119, agreement.NewDate(2025, 7, 4)); err != nil || n != "119/PKS.05-KS/2025" {
		t.Errorf("own number %q, %v", n, err)
	}
	heads := map[agreement.ID]int{}
	officials := map[agreement.ID]agreement.Official{}
	for i, o := range d.Officials {
		if o.ID != off.Official+agreement.ID(i+1) {
			t.Fatalf("official %d has ID %d", i, o.ID)
		}
		officials[o.ID] = o
		p, ok := parties[o.PartyID]
		if !ok {
			t.Fatalf("official %d of unknown party %d", o.ID, o.PartyID)
		}
		switch o.Role {
		case agreement.RoleKepalaDaerah:
			if o.To.IsZero() {
				heads[o.PartyID]++
			}
			if !p.Kind.IsRegion() {
				t.Errorf("kepala daerah %d of %s", o.ID, p.Name)
			}
		case agreement.RoleKepalaPD:
			if len(o.NIP) != 18 || o.Pangkat == "" || !strings.HasPrefix(o.Jabatan, "Kepala ") {
				t.Errorf("kepala perangkat daerah %+v", o)
			}
		case agreement.RolePimpinan:
			if p.Kind.IsRegion() {
				t.Errorf("pimpinan of a region: %+v", o)
			}
		}
	}
	for _, p := range d.Parties {
		if p.Kind.IsRegion() && heads[p.ID] != 1 {
			t.Errorf("%s has %d heads of region in office", p.Name, heads[p.ID])
		}
	}
	granted := map[agreement.ID]bool{}
	for i, m := range d.Mandates {
		if m.ID != off.Mandate+agreement.ID(i+1) {
			t.Fatalf("mandate %d has ID %d", i, m.ID)
		}
		gr, ge := officials[m.GrantorID], officials[m.GranteeID]
		if gr.Role != agreement.RoleKepalaDaerah || ge.Role != agreement.RoleKepalaPD || gr.PartyID != m.PartyID || ge.PartyID != m.PartyID {
			t.Errorf("mandate %+v", m)
		}
		if m.Date.Before(gr.From) || m.Date.Before(ge.From) || (!gr.To.IsZero() && m.Date.After(gr.To)) {
			t.Errorf("mandate %d dated %v outside the grantor's or grantee's office", m.ID, m.Date)
		}
		granted[m.GranteeID] = true
	}
	for _, o := range d.Officials {
		if o.Role == agreement.RoleKepalaPD && !granted[o.ID] {
			t.Errorf("kepala perangkat daerah %d (%s) has no Surat Kuasa", o.ID, o.Jabatan)
		}
	}
}

func TestTermPhrase(t *testing.T) {
	if got := rupiah(10000); got != "Rp10.000,00 (sepuluh ribu rupiah)" {
		t.Errorf("rupiah: %q", got)
	}
	if got := termPhrase(agreement.Term{Length: 18, Unit: agreement.UnitBulan}); got != "18 (delapan belas) bulan" {
		t.Errorf("termPhrase: %q", got)
	}
}

func openStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "sepakat.db"), store.Options{Now: func() time.Time { return testNow }, User: "uji", NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Check(context.Background()); err != nil {
			t.Errorf("bbolt check: %v", err)
		}
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return s
}

// TestImport loads the directory and 2000 agreements into a real store, which
// validates every record, then joins a second batch numbered after the first.
func TestImport(t *testing.T) {
	s := openStore(t)
	g := newGen(t, 42, dataset.Offsets{})
	d := g.Directory()
	d.Agreements = g.Agreements(0, 2000)
	if err := s.Import(context.Background(), d); err != nil {
		t.Fatalf("import: %v", err)
	}
	off, err := s.Offsets()
	if err != nil {
		t.Fatal(err)
	}
	if off.Agreement != 2000 || off.Party != agreement.ID(len(d.Parties)) {
		t.Fatalf("offsets after import: %+v", off)
	}
	// a second corpus with the same directory, its agreements numbered after the first
	g2 := newGen(t, 42, dataset.Offsets{Agreement: off.Agreement})
	more := g2.Agreements(0, 300)
	if err := s.Import(context.Background(), &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Agreements: more}); err != nil {
		t.Fatalf("import with offsets: %v", err)
	}
	a, err := s.Agreement(more[299].ID)
	if err != nil || a.Subject != more[299].Subject {
		t.Fatalf("agreement %d after import: %v", more[299].ID, err)
	}
}

// TestConcurrent generates batches from one generator in parallel.
func TestConcurrent(t *testing.T) {
	g := newGen(t, 9, dataset.Offsets{})
	want := mustJSON(t, g.Agreements(0, 400))
	got := make([][]agreement.Agreement, 4)
	done := make(chan int)
	for k := range got {
		go func() {
			got[k] = g.Agreements(k*100, 100)
			done <- k
		}()
	}
	for range got {
		<-done
	}
	var all []agreement.Agreement
	for _, b := range got {
		all = append(all, b...)
	}
	if !bytes.Equal(mustJSON(t, all), want) {
		t.Fatal("parallel batches differ from one sequential run")
	}
}

func BenchmarkAgreements(b *testing.B) {
	g := newGen(b, 1, dataset.Offsets{})
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		g.Agreements(i*1000, 1000)
	}
}

// mapDir is an agreement.Directory over a generated directory's parties and
// the kinds of generated agreements.
type mapDir struct {
	parties map[agreement.ID]agreement.Party
	kinds   map[agreement.ID]agreement.Kind
}

func (d mapDir) Party(id agreement.ID) (agreement.Party, bool) {
	p, ok := d.parties[id]
	return p, ok
}
func (mapDir) Official(agreement.ID) (agreement.Official, bool) { return agreement.Official{}, false }
func (mapDir) Mandate(agreement.ID) (agreement.Mandate, bool)   { return agreement.Mandate{}, false }
func (d mapDir) AgreementKind(id agreement.ID) (agreement.Kind, bool) {
	k, ok := d.kinds[id]
	return k, ok
}
func (mapDir) RegionName(string) (string, bool) { return "", false }
