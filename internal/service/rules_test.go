package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/search/fields"
)

// names keeps parties and officials for memTarget.
type names = fields.Directory

// memTarget is the least storage PrepareSave and ImportInto work on: maps of
// records, counters, issued numbers, files and history.
type memTarget struct {
	*names
	mandates map[agreement.ID]agreement.Mandate
	kinds    map[agreement.ID]agreement.Kind
	counters map[string]uint64
	numbers  map[string]bool
	files    map[string]bool
	history  []dataset.HistoryEntry
}

func newMemTarget() *memTarget {
	return &memTarget{names: fields.NewDirectory(),
		mandates: map[agreement.ID]agreement.Mandate{}, kinds: map[agreement.ID]agreement.Kind{},
		counters: map[string]uint64{}, numbers: map[string]bool{}, files: map[string]bool{}}
}

func (m *memTarget) Mandate(id agreement.ID) (agreement.Mandate, bool) {
	v, ok := m.mandates[id]
	return v, ok
}
func (m *memTarget) AgreementKind(id agreement.ID) (agreement.Kind, bool) {
	k, ok := m.kinds[id]
	return k, ok
}
func (m *memTarget) RegionName(code string) (string, bool) {
	return "Kabupaten Sumedang", code == "32.11"
}

func (m *memTarget) Exists(t dataset.RecordType, id agreement.ID) (bool, error) {
	var ok bool
	switch t {
	case dataset.TypeParty:
		_, ok = m.Parties[id]
	case dataset.TypeOfficial:
		_, ok = m.Officials[id]
	case dataset.TypeMandate:
		_, ok = m.mandates[id]
	case dataset.TypeAgreement:
		_, ok = m.kinds[id]
	}
	return ok, nil
}
func (m *memTarget) PutRecord(t dataset.RecordType, v any) error {
	id, _, _, _ := agreement.Meta(v)
	switch r := v.(type) {
	case *agreement.Party:
		m.Parties[*id] = *r
	case *agreement.Official:
		m.Officials[*id] = *r
	case *agreement.Mandate:
		m.mandates[*id] = *r
	case *agreement.Agreement:
		m.kinds[*id] = r.Kind
	}
	return nil
}
func (m *memTarget) Directory() agreement.Directory { return m }
func (m *memTarget) Counter(key string) (uint64, bool, error) {
	v, ok := m.counters[key]
	return v, ok, nil
}
func (m *memTarget) PutCounter(key string, c dataset.Counter) error {
	m.counters[key] = c.Last
	return nil
}
func (m *memTarget) Issued(n string) (bool, error)           { return m.numbers[n], nil }
func (m *memTarget) PutIssued(n *dataset.IssuedNumber) error { m.numbers[n.Number] = true; return nil }
func (m *memTarget) PutFile(f dataset.File) error            { m.files[f.SHA256] = true; return nil }
func (m *memTarget) AppendHistory(e *dataset.HistoryEntry) error {
	for _, h := range m.history {
		if h.Type == e.Type && h.ID == e.ID && h.Rev == e.Rev {
			return ErrDuplicate
		}
	}
	m.history = append(m.history, *e)
	return nil
}

var (
	t0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	t1 = t0.Add(time.Hour)
)

func party(id agreement.ID, name string) agreement.Party {
	return agreement.Party{ID: id, Kind: agreement.PartySwasta, Name: name}
}

func TestPrepareSaveNewRecord(t *testing.T) {
	m := newMemTarget()
	issued := 0
	newID := func() (agreement.ID, error) { issued++; return 41, nil }
	none := func(agreement.ID) (uint64, time.Time, bool, error) {
		t.Error("a new record looked for a stored version")
		return 0, time.Time{}, false, nil
	}
	p := party(0, "PT Contoh")
	if err := PrepareSave(dataset.TypeParty, &p, t0, m, newID, none); err != nil {
		t.Fatal(err)
	}
	if p.ID != 41 || p.Rev != 1 || !p.Created.Equal(t0) || !p.Updated.Equal(t0) {
		t.Errorf("new party %d rev %d created %v updated %v", p.ID, p.Rev, p.Created, p.Updated)
	}
	// A creation time given (an import, a copy) is kept.
	q := party(0, "PT Lain")
	q.Created = t1
	if err := PrepareSave(dataset.TypeParty, &q, t0, m, newID, none); err != nil || !q.Created.Equal(t1) {
		t.Errorf("given creation time: %v, %v", q.Created, err)
	}
	// A new record with a revision is a conflict, and takes no ID.
	r := party(0, "PT Basi")
	r.Rev = 2
	var ce *ConflictError
	if err := PrepareSave(dataset.TypeParty, &r, t0, m, newID, none); !errors.As(err, &ce) || ce.Have != 2 || ce.ID != 0 {
		t.Errorf("new record with rev 2: %v", err)
	}
	if issued != 2 {
		t.Errorf("%d IDs handed out, want 2", issued)
	}
	// Validation runs after the bookkeeping, on the numbered record.
	bad := party(0, "")
	var es agreement.Errors
	if err := PrepareSave(dataset.TypeParty, &bad, t0, m, newID, none); !errors.As(err, &es) || len(es.For("name")) == 0 {
		t.Errorf("party without a name: %v", err)
	}
}

func TestPrepareSaveStoredRecord(t *testing.T) {
	m := newMemTarget()
	noID := func() (agreement.ID, error) { t.Error("an update asked for a new ID"); return 0, nil }
	stored := func(id agreement.ID) (uint64, time.Time, bool, error) { return 3, t0, id == 7, nil }
	p := party(7, "PT Contoh")
	p.Rev, p.Created = 3, t1 // the creation time cannot be rewritten
	if err := PrepareSave(dataset.TypeParty, &p, t1, m, noID, stored); err != nil {
		t.Fatal(err)
	}
	if p.Rev != 4 || !p.Created.Equal(t0) || !p.Updated.Equal(t1) {
		t.Errorf("updated party rev %d created %v updated %v", p.Rev, p.Created, p.Updated)
	}
	stale := party(7, "PT Contoh")
	stale.Rev = 2
	var ce *ConflictError
	if err := PrepareSave(dataset.TypeParty, &stale, t1, m, noID, stored); !errors.As(err, &ce) || ce.ID != 7 || ce.Have != 2 || ce.Want != 3 {
		t.Errorf("stale revision: %v", err)
	}
	gone := party(8, "PT Hilang")
	if err := PrepareSave(dataset.TypeParty, &gone, t1, m, noID, stored); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "party 8") {
		t.Errorf("missing record: %v", err)
	}
	failed := errors.New("unreadable")
	broken := func(agreement.ID) (uint64, time.Time, bool, error) { return 0, time.Time{}, true, failed }
	if err := PrepareSave(dataset.TypeParty, &gone, t1, m, noID, broken); !errors.Is(err, failed) {
		t.Errorf("read failure: %v", err)
	}
}

func importErr(t *testing.T, err error, record, field string, is error) {
	t.Helper()
	var ie *ImportError
	if !errors.As(err, &ie) || ie.Record != record || ie.Field != field || (is != nil && !errors.Is(err, is)) {
		t.Errorf("got %v, want an ImportError for %s, %s (%v)", err, record, field, is)
	}
}

func TestCheckUnique(t *testing.T) {
	d := &dataset.Dataset{Parties: []agreement.Party{party(1, "A"), party(2, "B")},
		Officials: []agreement.Official{{ID: 1}}} // the same ID in another type is fine
	if err := CheckUnique(d); err != nil {
		t.Fatal(err)
	}
	d.Parties = append(d.Parties, party(1, "C"))
	importErr(t, CheckUnique(d), "parties[2] (id 1)", "id", ErrDuplicate)
	if err := CheckUnique(d); !strings.Contains(err.Error(), "parties[0] (id 1)") {
		t.Errorf("the first use is not named: %v", err)
	}
	d.Parties = d.Parties[:2]
	d.Agreements = []agreement.Agreement{{ID: 0}}
	importErr(t, CheckUnique(d), "agreements[0] (id 0)", "id", agreement.ErrInvalid)
}

func file(data string) dataset.File {
	sum := sha256.Sum256([]byte(data))
	return dataset.File{SHA256: hex.EncodeToString(sum[:]), Data: []byte(data)}
}

// sample is a small exchange file: a mandate naming two officials of a party,
// bookkeeping, one file, and history for one party only.
func sample() *dataset.Dataset {
	return &dataset.Dataset{
		Parties: []agreement.Party{party(1, "PT Satu"), {ID: 2, Kind: agreement.PartySwasta, Name: "PT Dua", Rev: 3, Created: t0}},
		Officials: []agreement.Official{
			{ID: 5, PartyID: 2, Name: "Budi", Jabatan: "Direktur", Role: agreement.RolePimpinan},
			{ID: 6, PartyID: 2, Name: "Sari", Jabatan: "Manajer", Role: agreement.RolePimpinan}},
		Mandates: []agreement.Mandate{{ID: 9, PartyID: 2, GrantorID: 5, GranteeID: 6, Number: "1/2026", Date: agreement.NewDate(2026, 1, 5)}},
		Counters: []dataset.Counter{{Office: 1, Kind: agreement.KindKSB, Year: 2026, Last: 4}},
		Numbers:  []dataset.IssuedNumber{{Number: "KSB/4/2026", Office: 1, Kind: agreement.KindKSB, Year: 2026, Seq: 4}},
		Files:    []dataset.File{file("lampiran")},
		History:  []dataset.HistoryEntry{{Type: dataset.TypeParty, ID: 2, Rev: 3, At: t0, By: "ani", Action: "ubah"}},
	}
}

func TestImportInto(t *testing.T) {
	m := newMemTarget()
	d := sample()
	if err := CheckUnique(d); err != nil {
		t.Fatal(err)
	}
	if err := ImportInto(context.Background(), m, d, t1, "budi"); err != nil {
		t.Fatal(err)
	}
	// Bookkeeping a hand-made file leaves out is filled in; what it has stays.
	if p := m.Parties[1]; p.Rev != 1 || !p.Created.Equal(t1) || !p.Updated.Equal(t1) {
		t.Errorf("party 1 rev %d created %v updated %v", p.Rev, p.Created, p.Updated)
	}
	if p := m.Parties[2]; p.Rev != 3 || !p.Created.Equal(t0) || !p.Updated.Equal(t0) {
		t.Errorf("party 2 rev %d created %v updated %v", p.Rev, p.Created, p.Updated)
	}
	if m.counters[agreement.CounterKey(1, agreement.KindKSB, 2026)] != 4 || !m.numbers["KSB/4/2026"] || !m.files[d.Files[0].SHA256] {
		t.Errorf("bookkeeping not stored: %v %v %v", m.counters, m.numbers, m.files)
	}
	// An "impor" entry for each record without history in the file, written with it; then the file's history.
	var got []string
	for _, h := range m.history {
		raw, _ := json.Marshal([]any{h.Type, h.ID, h.Rev, h.Action, h.By})
		got = append(got, string(raw))
	}
	want := []string{`["party",1,1,"impor","budi"]`, `["official",5,1,"impor","budi"]`,
		`["official",6,1,"impor","budi"]`, `["mandate",9,1,"impor","budi"]`, `["party",2,3,"ubah","ani"]`}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("history\n got %v\nwant %v", got, want)
	}
	// Importing it again finds every ID in use: the first one is named.
	importErr(t, ImportInto(context.Background(), m, sample(), t1, "budi"), "parties[0] (id 1)", "id", ErrDuplicate)
}

func TestImportIntoRefuses(t *testing.T) {
	cases := []struct {
		name          string
		change        func(d *dataset.Dataset, m *memTarget)
		record, field string
		is            error
	}{
		{"reference to nothing", func(d *dataset.Dataset, _ *memTarget) { d.Mandates[0].GranteeID = 77 },
			"mandates[0] (id 9)", "grantee_id", agreement.ErrInvalid},
		{"counter behind the stored one", func(_ *dataset.Dataset, m *memTarget) {
			m.counters[agreement.CounterKey(1, agreement.KindKSB, 2026)] = 9
		},
			"counters[0]", "last", ErrDuplicate},
		{"number already issued", func(_ *dataset.Dataset, m *memTarget) { m.numbers["KSB/4/2026"] = true },
			"issued_numbers[0]", "number", ErrDuplicate},
		{"file that does not match its sum", func(d *dataset.Dataset, _ *memTarget) { d.Files[0].Data = []byte("lain") },
			"files[0]", "sha256", ErrImportHash},
		{"file over the limit", func(d *dataset.Dataset, _ *memTarget) { d.Files[0] = file(strings.Repeat("x", MaxFileSize+1)) },
			"files[0]", "data", ErrTooLarge},
		{"lambang named ..", func(d *dataset.Dataset, _ *memTarget) {
			d.Parties[0].Lambang = &agreement.FileRef{Name: "..", MediaType: "image/png", Size: 3, SHA256: d.Files[0].SHA256}
		}, "parties[0] (id 1)", "lambang.name", ErrFileName},
		{"id beyond 2^53", func(d *dataset.Dataset, _ *memTarget) { d.Parties[0].ID = MaxImportNumber + 1 },
			"parties[0] (id 9007199254740993)", "id", ErrImportRange},
		{"counter beyond 2^53", func(d *dataset.Dataset, _ *memTarget) { d.Counters[0].Last = 1 << 63 },
			"counters[0]", "last", ErrImportRange},
		{"history of an unknown type", func(d *dataset.Dataset, _ *memTarget) { d.History[0].Type = "counter" },
			"history[0]", "type", agreement.ErrInvalid},
		{"history ahead of its record", func(d *dataset.Dataset, _ *memTarget) { d.History[0].Rev = 4 },
			"history[0]", "rev", ErrImportHistory},
		{"history of no record", func(d *dataset.Dataset, _ *memTarget) { d.History[0].ID = 3 },
			"history[0]", "rev", ErrImportHistory},
		{"history twice", func(d *dataset.Dataset, _ *memTarget) { d.History = append(d.History, d.History[0]) },
			"history[1]", "rev", ErrDuplicate},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, d := newMemTarget(), sample()
			c.change(d, m)
			importErr(t, ImportInto(context.Background(), m, d, t1, "budi"), c.record, c.field, c.is)
		})
	}
}

// refusing is a target whose record writes are refused by a rule of its own.
type refusing struct{ *memTarget }

func (r refusing) PutRecord(t dataset.RecordType, v any) error {
	if a, ok := v.(*agreement.Party); ok && a.ID == 2 {
		return agreement.Errors{{Field: "name", Code: "required"}}
	}
	return r.memTarget.PutRecord(t, v)
}

func TestBackendRefusalNamesTheRecord(t *testing.T) {
	err := ImportInto(context.Background(), refusing{newMemTarget()}, sample(), t1, "budi")
	importErr(t, err, "parties[1] (id 2)", "name", agreement.ErrInvalid)
}

func TestCheckFileName(t *testing.T) {
	for _, ok := range []string{"naskah.pdf", "Scan PKS 2025 (final).PDF", "lambang-sumedang.png", "..naskah.pdf"} {
		if err := CheckFileName(ok); err != nil {
			t.Errorf("%q refused: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "  ", ".", "..", "../etc/passwd", "/etc/passwd", `C:\Windows\x.pdf`, "C:x.pdf", "a/b.pdf", `a\b.pdf`, "nul\x00.pdf", "baris\nbaru.pdf", strings.Repeat("a", 256)} {
		if err := CheckFileName(bad); !errors.Is(err, ErrFileName) {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestNextNumber(t *testing.T) {
	office := agreement.Party{ID: 1, Numbering: &agreement.NumberingScheme{Template: "{nomor}/{jenis}/{tahun}",
		KindCodes: map[agreement.Kind]string{agreement.KindPKS: "PKS"}}}
	parties := map[agreement.ID]agreement.Party{1: office, 2: {ID: 2}}
	read := func(id agreement.ID) (agreement.Party, bool, error) { p, ok := parties[id]; return p, ok, nil }
	counters := map[string]uint64{agreement.CounterKey(1, agreement.KindPKS, 2025): 3}
	last := func(key string) (uint64, error) { return counters[key], nil }
	issued := map[string]bool{"4/PKS/2025": true, "5/PKS/2025": true}
	taken := func(n string) (bool, error) { return issued[n], nil }
	d := agreement.NewDate(2025, 7, 4)
	n, err := NextNumber(1, agreement.KindPKS, d, read, last, taken)
	if err != nil || n.Number != "6/PKS/2025" || n.Seq != 6 || n.Office != 1 || n.Kind != agreement.KindPKS || n.Year != 2025 {
		t.Errorf("after 3, with 4 and 5 issued: %+v %v", n, err)
	}
	if n, err := NextNumber(1, agreement.KindPKS, agreement.NewDate(2026, 1, 2), read, last, taken); err != nil || n.Number != "1/PKS/2026" {
		t.Errorf("a new year: %+v %v", n, err)
	}
	if _, err := NextNumber(2, agreement.KindPKS, d, read, last, taken); !errors.Is(err, ErrNoScheme) {
		t.Errorf("office without a scheme: %v", err)
	}
	if _, err := NextNumber(9, agreement.KindPKS, d, read, last, taken); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing office: %v", err)
	}
	noRead := func(agreement.ID) (agreement.Party, bool, error) {
		t.Error("a bad date read the office")
		return office, true, nil
	}
	for _, c := range []struct {
		kind agreement.Kind
		d    agreement.Date
	}{{agreement.KindPKS, agreement.Date{}}, {agreement.KindPKS, agreement.NewDate(2025, 2, 30)}, {"XYZ", d}} {
		if _, err := NextNumber(1, c.kind, c.d, noRead, last, taken); !errors.Is(err, agreement.ErrInvalid) {
			t.Errorf("%s on %v: %v", c.kind, c.d, err)
		}
	}
}

func TestNewFileRef(t *testing.T) {
	ref, err := NewFileRef("lambang.png", "image/png", []byte("abc"))
	if err != nil || ref.SHA256 != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" || ref.Size != 3 || ref.Name != "lambang.png" || ref.MediaType != "image/png" {
		t.Errorf("%+v %v", ref, err)
	}
	if ref, err := NewFileRef("kosong", "text/plain", nil); err != nil || ref.Size != 0 || len(ref.SHA256) != 64 {
		t.Errorf("empty: %+v %v", ref, err)
	}
	if _, err := NewFileRef("besar.pdf", "application/pdf", make([]byte, MaxFileSize)); err != nil {
		t.Errorf("at the limit: %v", err)
	}
	if _, err := NewFileRef("besar.pdf", "application/pdf", make([]byte, MaxFileSize+1)); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "besar.pdf") {
		t.Errorf("over the limit: %v", err)
	}
}
