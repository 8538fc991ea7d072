package agreement

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode"

	"sepakat/internal/i18n"
)

// memDir is an in-memory Directory.
type memDir struct {
	parties    map[ID]Party
	officials  map[ID]Official
	mandates   map[ID]Mandate
	agreements map[ID]Agreement
}

func (d memDir) Party(id ID) (Party, bool)        { v, ok := d.parties[id]; return v, ok }
func (d memDir) Official(id ID) (Official, bool)  { v, ok := d.officials[id]; return v, ok }
func (d memDir) Mandate(id ID) (Mandate, bool)    { v, ok := d.mandates[id]; return v, ok }
func (d memDir) AgreementKind(id ID) (Kind, bool) { v, ok := d.agreements[id]; return v.Kind, ok }
func (d memDir) RegionName(code string) (string, bool) {
	switch code {
	case "32.11":
		return "Kabupaten Sumedang", true
	case "18.01":
		return "Kabupaten Lampung Selatan", true
	}
	return "", false
}

func fixture() memDir {
	return memDir{
		parties: map[ID]Party{
			1: {ID: 1, Kind: PartyPemkab, Name: "Pemerintah Kabupaten Sumedang", RegionCode: "32.11"},
			2: {ID: 2, Kind: PartyPemkab, Name: "Pemerintah Kabupaten Lampung Selatan", RegionCode: "18.01"},
			3: {ID: 3, Kind: PartySwasta, Name: "PT Contoh Mitra"},
		},
		officials: map[ID]Official{
			10: {ID: 10, PartyID: 1, Name: "Dony Ahmad Munir", Jabatan: "Bupati Sumedang", Role: RoleKepalaDaerah},
			11: {ID: 11, PartyID: 2, Name: "Radityo Egi Pratama", Jabatan: "Bupati Lampung Selatan", Role: RoleKepalaDaerah},
			12: {ID: 12, PartyID: 1, Name: "Kemal Idris", Jabatan: "Kepala DPMPTSP", Role: RoleKepalaPD},
			13: {ID: 13, PartyID: 2, Name: "Rio Gismara", Jabatan: "Kepala DPMPTSP", Role: RoleKepalaPD},
			14: {ID: 14, PartyID: 3, Name: "Direktur Utama", Jabatan: "Direktur Utama", Role: RolePimpinan},
		},
		mandates: map[ID]Mandate{
			20: {ID: 20, PartyID: 2, GrantorID: 11, GranteeID: 13, Number: "180/1", Date: NewDate(2025, 7, 1)},
			21: {ID: 21, PartyID: 1, GrantorID: 10, GranteeID: 12, Number: "180/2", Date: NewDate(2025, 7, 1), ValidUntil: NewDate(2025, 7, 2)},
		},
		agreements: map[ID]Agreement{
			30: {ID: 30, Kind: KindKSB, Status: StatusDitandatangani},
			31: {ID: 31, Kind: KindPKS, Status: StatusDitandatangani},
		},
	}
}

func ksb() Agreement {
	return Agreement{Kind: KindKSB, Subject: "Berbagi Informasi dan Inovasi Daerah", Status: StatusKonsep, Copies: 2,
		Parties: []AgreementParty{{PartyID: 2, Role: RolePihakPertama, SignerID: 11}, {PartyID: 1, Role: RolePihakKedua, Own: true, SignerID: 10}},
		Term:    Term{Length: 5, Unit: UnitTahun, Start: NewDate(2025, 7, 4), End: NewDate(2030, 7, 3)}}
}

func codes(es Errors, field string) []string {
	var out []string
	for _, e := range es.For(field) {
		out = append(out, e.Code)
	}
	return out
}

func TestValidateRules(t *testing.T) {
	dir := fixture()
	if es := ksb(); len(es.Validate(dir)) != 0 {
		t.Fatalf("valid KSB rejected: %v", es.Validate(dir))
	}
	cases := []struct {
		name, field, code string
		edit              func(a *Agreement)
	}{
		{"end before start", "term.end", "end_before_start", func(a *Agreement) { a.Term.End = NewDate(2025, 1, 1) }},
		{"end does not match term", "term.end", "end_mismatch", func(a *Agreement) { a.Term.End = NewDate(2030, 7, 4) }},
		{"KSB signed by kepala dinas", "parties[1].signer_id", "ksb_kepala_daerah", func(a *Agreement) { a.Parties[1].SignerID = 12 }},
		{"KSB under mandate", "parties[0].mandate_id", "ksb_no_mandate", func(a *Agreement) { a.Parties[0].MandateID = 20 }},
		{"PKS signed by a kepala perangkat daerah without mandate", "parties[0].mandate_id", "pks_kepala_pd_mandate", func(a *Agreement) { a.Kind = KindPKS; a.Parties[0].SignerID = 13 }},
		{"mandate given to someone else", "parties[1].mandate_id", "mandate_mismatch", func(a *Agreement) {
			a.Kind = KindPKS
			a.Parties[1].SignerID, a.Parties[1].MandateID = 12, 20
		}},
		{"mandate expired at signing", "parties[1].mandate_id", "mandate_expired", func(a *Agreement) {
			a.Kind = KindPKS
			a.Parties[1].SignerID, a.Parties[1].MandateID = 12, 21
			a.Signing = &Signing{Date: NewDate(2025, 7, 4), Place: "Sumedang"}
		}},
		{"PKS under a PKS", "parent_id", "parent_kind", func(a *Agreement) { a.Kind = KindPKS; a.ParentID = 31 }},
		{"KSB with a parent", "parent_id", "parent_forbidden", func(a *Agreement) { a.ParentID = 30 }},
		{"adendum without parent", "parent_id", "parent_required", func(a *Agreement) { a.Kind = KindAdendum }},
		{"signer of another party", "parties[0].signer_id", "signer_other_party", func(a *Agreement) { a.Parties[0].SignerID = 10 }},
		{"one party", "parties", "min_parties", func(a *Agreement) { a.Parties = a.Parties[:1] }},
		{"same role twice", "parties[1].role", "duplicate_role", func(a *Agreement) { a.Parties[1].Role = RolePihakPertama }},
		{"signed without record", "signing", "signing_required", func(a *Agreement) { a.Status = StatusDitandatangani }},
		{"ready without body", "body", "body_required", func(a *Agreement) { a.Status = StatusSiapTTD }},
		{"cancelled without reason", "cancel_reason", "cancel_reason", func(a *Agreement) { a.Status = StatusDibatalkan }},
		{"empty subject", "subject", "required", func(a *Agreement) { a.Subject = "  " }},
		{"control characters", "subject", "control_chars", func(a *Agreement) { a.Subject = "Kerja\x00sama" }},
		{"ayat under BAB", "body[0].children[0].kind", "body_structure", func(a *Agreement) {
			a.Body = []Node{{Kind: NodeBab, Heading: "KETENTUAN UMUM", Children: []Node{{Kind: NodeAyat, Text: "x"}}}}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := ksb()
			c.edit(&a)
			es := a.Validate(dir)
			got := codes(es, c.field)
			if len(got) == 0 || got[0] != c.code {
				t.Fatalf("want %s at %s, got %v", c.code, c.field, es)
			}
			if m := es.For(c.field)[0].Message(i18n.ID); m == "" || strings.Contains(m, "%!") {
				t.Errorf("Indonesian message %q", m)
			}
			if m := es.For(c.field)[0].Message(i18n.EN); m == "" || strings.Contains(m, "%!") {
				t.Errorf("English message %q", m)
			}
			if !errors.Is(es, ErrInvalid) {
				t.Error("Errors is not ErrInvalid")
			}
		})
	}
	// A PKS under mandate and a KSB with a private party pass.
	a := ksb()
	a.Kind, a.ParentID = KindPKS, 30
	a.Parties[0].SignerID, a.Parties[0].MandateID = 13, 20
	if es := a.Validate(dir); len(es) != 0 {
		t.Errorf("PKS under mandate: %v", es)
	}
	a = ksb()
	a.Parties[0] = AgreementParty{PartyID: 3, Role: RolePihakPertama, SignerID: 14}
	if es := a.Validate(dir); len(es) != 0 {
		t.Errorf("KSB with a company: %v", es)
	}
}

func TestMessageExample(t *testing.T) {
	a := ksb()
	a.Term.End = NewDate(2025, 1, 1)
	e := a.Validate(fixture()).For("term.end")[0]
	if got := e.Message(i18n.ID); got != "Tanggal berakhir (2025-01-01) lebih awal dari tanggal mulai (2025-07-04). Periksa kedua tanggal." {
		t.Errorf("%q", got)
	}
	if got := e.Message(i18n.EN); got != "End date (2025-01-01) is before the start date (2025-07-04). Check both dates." {
		t.Errorf("%q", got)
	}
}

func TestTransitions(t *testing.T) {
	allowed := map[[2]Status]bool{
		{StatusKonsep, StatusTelaah}: true, {StatusKonsep, StatusDibatalkan}: true,
		{StatusTelaah, StatusKonsep}: true, {StatusTelaah, StatusSiapTTD}: true, {StatusTelaah, StatusDibatalkan}: true,
		{StatusSiapTTD, StatusTelaah}: true, {StatusSiapTTD, StatusDitandatangani}: true, {StatusSiapTTD, StatusDibatalkan}: true,
		{StatusDitandatangani, StatusDibatalkan}: true,
	}
	for _, from := range Statuses {
		for _, to := range Statuses {
			if got := CanTransition(from, to); got != allowed[[2]Status{from, to}] {
				t.Errorf("%s → %s: %v", from, to, got)
			}
		}
	}
	a := ksb()
	if err := a.Transition(StatusDitandatangani, ""); !errors.Is(err, ErrTransition) || a.Status != StatusKonsep {
		t.Errorf("skip to signed: %v", err)
	}
	if err := a.Transition(StatusDibatalkan, ""); err == nil {
		t.Error("cancel without reason")
	}
	if err := a.Transition(StatusDibatalkan, "Tidak disetujui DPRD"); err != nil || a.CancelReason == "" {
		t.Error(err)
	}
}

func TestPhase(t *testing.T) {
	a := ksb()
	a.Status = StatusDitandatangani
	at := func(y int, m time.Month, d int) Phase {
		return a.PhaseAt(time.Date(y, m, d, 10, 0, 0, 0, time.UTC), 90)
	}
	if p := at(2025, 7, 3); p != PhaseDitandatangani {
		t.Errorf("before start: %s", p)
	}
	if p := at(2025, 7, 4); p != PhaseBerlaku {
		t.Errorf("first day: %s", p)
	}
	if p := at(2030, 4, 4); p != PhaseAkanBerakhir {
		t.Errorf("90 days before end: %s", p)
	}
	if p := at(2030, 7, 3); p != PhaseAkanBerakhir {
		t.Errorf("last day: %s", p)
	}
	if p := at(2030, 7, 4); p != PhaseBerakhir {
		t.Errorf("day after end: %s", p)
	}
	a.Status = StatusTelaah
	if p := at(2031, 1, 1); p != PhaseTelaah {
		t.Errorf("draft phase: %s", p)
	}
}

func TestCheckLocked(t *testing.T) {
	prev := ksb()
	prev.Status = StatusDitandatangani
	next := prev
	next.Tags = []string{"x"}
	next.Notes = "catatan"
	if es := CheckLocked(&prev, &next); len(es) != 0 {
		t.Errorf("tags/notes locked: %v", es)
	}
	next.Subject = "Lain"
	next.Term.Length = 3
	es := CheckLocked(&prev, &next)
	if len(es.For("subject")) != 1 || len(es.For("term")) != 1 {
		t.Errorf("locked fields: %v", es)
	}
	draft := ksb()
	if es := CheckLocked(&draft, &next); len(es) != 0 {
		t.Error("draft locked")
	}
	// Cancelling a signed agreement does not unlock its text.
	cancelled := prev
	cancelled.Status = StatusDibatalkan
	cancelled.Signing = &Signing{Date: NewDate(2025, 7, 4), Place: "Sumedang"}
	edited := cancelled
	edited.Subject = "Diubah sesudah dibatalkan"
	if es := CheckLocked(&cancelled, &edited); len(es.For("subject")) != 1 {
		t.Errorf("cancelled signed agreement editable: %v", es)
	}
}

func TestNewChildPerpanjangan(t *testing.T) {
	p := ksb()
	p.ID = 30
	p.Status = StatusDitandatangani
	p.Signing = &Signing{Date: NewDate(2025, 7, 4), Place: "Sumedang"}
	p.Parties[0].Number, p.Parties[1].Number = "03/MoU/TKKSD-LS/1.04/VII/2025", "119/MoU/2025"
	c, err := NewChild(&p, KindPerpanjangan, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if c.Term.Start != NewDate(2030, 7, 4) || c.Term.End != NewDate(2035, 7, 3) {
		t.Errorf("extension term %v – %v", c.Term.Start, c.Term.End)
	}
	if c.Parent.Numbers[0] != "03/MoU/TKKSD-LS/1.04/VII/2025" || c.Parties[1].SignerID != 10 || c.Parties[0].Number != "" {
		t.Errorf("inheritance %+v", c)
	}
	draft := ksb()
	if _, err := NewChild(&draft, KindAdendum, time.Now()); !errors.Is(err, ErrParentNotValid) {
		t.Errorf("adendum of a draft: %v", err)
	}
}

func TestNumbering(t *testing.T) {
	cases := []struct {
		s    NumberingScheme
		kind Kind
		seq  uint64
		d    Date
		want string
	}{
		{NumberingScheme{Template: "{nomor:2}/{jenis}/{unit}/{klasifikasi}/{bulan}/{tahun}", UnitCode: "TKKSD-LS", Classification: "1.04", KindCodes: map[Kind]string{KindKSB: "MoU"}},
			KindKSB, 3, NewDate(2025, 7, 4), "03/MoU/TKKSD-LS/1.04/VII/2025"},
		{NumberingScheme{Template: "{nomor}/{jenis}.{klasifikasi}-{unit}/{tahun}", Classification: "05", UnitCode: "Huk"},
			KindPKS, 119, NewDate(2025, 7, 4), "119/PKS.05-Huk/2025"},
		{NumberingScheme{Template: "{klasifikasi}/{nomor:3}/{unit}/{tahun}", Classification: "100.3", UnitCode: "Tapem"},
			KindKSB, 42, NewDate(2026, 1, 5), "100.3/042/Tapem/2026"},
	}
	for _, c := range cases {
		got, err := c.s.Format(c.kind, c.seq, c.d)
		if err != nil || got != c.want {
			t.Errorf("got %q %v, want %q", got, err, c.want)
		}
	}
	for _, bad := range []string{"{nomor", "{tahun}", "{nomor}/{bulann}", "nomor}"} {
		if es := (NumberingScheme{Template: bad}).Validate(); len(es) == 0 {
			t.Errorf("pattern %q accepted", bad)
		}
	}
}

func TestDateJSON(t *testing.T) {
	var v struct{ D Date }
	if err := json.Unmarshal([]byte(`{"D":"2025-02-30"}`), &v); err == nil {
		t.Error("impossible date accepted")
	}
	if err := json.Unmarshal([]byte(`{"D":"2024-02-29"}`), &v); err != nil || v.D != NewDate(2024, 2, 29) {
		t.Error("leap day rejected")
	}
	raw, _ := json.Marshal(v)
	if string(raw) != `{"D":"2024-02-29"}` {
		t.Error(string(raw))
	}
	if NewDate(2025, 7, 4).Weekday() != time.Friday {
		t.Error("weekday")
	}
}

func TestDiff(t *testing.T) {
	a := ksb()
	b := a
	b.Term.Length = 3
	b.Tags = []string{"baru"}
	b.Rev = 9
	ch := Diff(&a, &b)
	want := map[string][2]string{"tags[0]": {"", "baru"}, "term.length": {"5", "3"}}
	if len(ch) != len(want) {
		t.Fatalf("%+v", ch)
	}
	for _, c := range ch {
		if w, ok := want[c.Field]; !ok || w[0] != c.Old || w[1] != c.New {
			t.Errorf("%+v", c)
		}
	}
}

func TestSplitObjectMatchesEncodingJSON(t *testing.T) {
	a := ksb()
	a.Subject = `Kerja sama "khusus", {kurung} [siku] \ garis miring \"kutip\\"`
	a.Body = []Node{{Kind: NodePasal, Heading: "A", Text: "x, y: z", Children: []Node{{Kind: NodeAyat, Text: "}]"}}}}
	raw, _ := json.Marshal(&a)
	fast := map[string]json.RawMessage{}
	if !splitObject(raw, fast) {
		t.Fatal("split failed")
	}
	var slow map[string]json.RawMessage
	json.Unmarshal(raw, &slow)
	if len(fast) != len(slow) {
		t.Fatalf("%d fields, want %d", len(fast), len(slow))
	}
	for k, v := range slow {
		if string(fast[k]) != string(v) {
			t.Errorf("%s: %s vs %s", k, fast[k], v)
		}
	}
	for _, bad := range []string{`{"a":1`, `{"a" 1}`, `[1]`, `{"a":"x}`} {
		if splitObject([]byte(bad), map[string]json.RawMessage{}) {
			t.Errorf("accepted %s", bad)
		}
	}
}

func TestHasControlMatchesUnicode(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		s := "a" + string(r) + "b"
		want := unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
		if hasControl(s) != want {
			t.Fatalf("U+%04X: got %v", r, !want)
		}
	}
}
