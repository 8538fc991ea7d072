package ui

import (
	"io/fs"
	"os"
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// showDirectory opens the Instansi & Pejabat tab and waits for its records.
func showDirectory(t *testing.T, u *App, l *loop) *Directory {
	t.Helper()
	d := u.directory
	reads := 0
	d.loaded = func() { reads++ }
	u.tabs.SelectIndex(tabDirectory)
	l.until("the directory", func() bool { return reads > 0 })
	return d
}

// saveAndReload taps a pane's Save and, when it saved, waits for the directory
// to be read again.
func saveAndReload(t *testing.T, d *Directory, l *loop, md *masterDetail) {
	t.Helper()
	reads := 0
	d.loaded = func() { reads++ }
	test.Tap(md.saveBtn)
	if md.message.Importance == widget.SuccessImportance {
		l.until("the directory read again", func() bool { return reads > 0 })
	}
}

func TestDirectoryOfPartiesOfficialsAndMandates(t *testing.T) {
	u, s, l := withExamples(t)
	d := showDirectory(t, u, l)
	if len(d.data.parties) != 3 || len(d.data.officials) == 0 {
		t.Fatalf("%d parties, %d officials", len(d.data.parties), len(d.data.officials))
	}
	p := d.parties
	test.Type(p.search, "timur")
	if len(p.shown) != 1 || p.md.list.Length() != 1 {
		t.Errorf("filter: %d parties", len(p.shown))
	}
	p.search.SetText("")

	// A new party without a name is refused, the problem beside its name.
	test.Tap(p.md.newBtn)
	choose(t, u.win, p.kind, tr("Perguruan tinggi"))
	saveAndReload(t, d, l, p.md)
	if !p.md.problems["name"].Visible() || p.md.problems["name"].Text == "" || p.md.message.Importance != widget.DangerImportance {
		t.Errorf("nameless party: name problem %q, message %q", p.md.problems["name"].Text, p.md.message.Text)
	}
	if want := tr("Belum tersimpan:") + " " + "Data belum lengkap atau tidak valid. Periksa isian yang ditandai."; p.md.message.Text != want {
		t.Errorf("message %q, want %q", p.md.message.Text, want)
	}
	test.Type(p.name, "Universitas Padjadjaran")
	test.Type(p.seat, "Bandung")
	png, _ := os.ReadFile("../../resources/icon.png")
	if p.importLambang("lambang.txt", png) || !p.md.problems["lambang"].Visible() {
		t.Error("a .txt lambang accepted")
	}
	if !p.importLambang("unpad.png", png) {
		t.Fatalf("lambang: %q", p.md.problems["lambang"].Text)
	}
	saveAndReload(t, d, l, p.md)
	if p.party.ID == 0 || p.party.Lambang == nil || p.md.problems["name"].Visible() {
		t.Fatalf("party not saved: %q", p.md.message.Text)
	}
	if p.md.message.Text != tr("{{.What}} tersimpan.", "Universitas Padjadjaran") {
		t.Errorf("after saving: %q", p.md.message.Text)
	}
	// The list was read again, and the new party stays selected.
	if len(d.data.parties) != 4 || p.md.selected != p.party.ID {
		t.Errorf("%d parties, selected %d, saved %d", len(d.data.parties), p.md.selected, p.party.ID)
	}
	unpad := p.party

	// Its rector, in office, and a mandate to the vice-rector.
	o := d.officials
	d.tabs.SelectIndex(1)
	test.Tap(o.md.newBtn)
	pickOption(t, u.win, o.party, "Universitas Padjadjaran")
	test.Type(o.name, "Prof. Dr. Arief S. Kartasasmita, dr., Sp.M(K), M.Kes., Ph.D.")
	test.Type(o.jabatan, "Rektor Universitas Padjadjaran")
	choose(t, u.win, o.role, tr("Pimpinan instansi"))
	choose(t, u.win, o.status, tr("Definitif"))
	test.Type(o.from, "26 Oktober")
	saveAndReload(t, d, l, o.md)
	dateProblem := tr("Tanggal tidak dapat dibaca: tulis hh/bb/tttt, mis. 03/07/2025.")
	if o.official.ID != 0 || o.md.problems["from"].Text != dateProblem || !o.md.problems["from"].Visible() || o.md.problems["to"].Visible() {
		t.Errorf("an unreadable date: saved %d, problem %q", o.official.ID, o.md.problems["from"].Text)
	}
	o.from.SetText("")
	test.Type(o.from, "26/10/2024")
	saveAndReload(t, d, l, o.md)
	if o.official.ID == 0 || o.md.problems["from"].Visible() {
		t.Fatalf("official not saved: %q", o.md.message.Text)
	}
	rector := o.official
	test.Tap(o.md.newBtn)
	if o.name.Text != "" || o.md.list.Length() != len(d.data.officials) {
		t.Error("New kept the last official's name")
	}
	pickOption(t, u.win, o.party, "Universitas Padjadjaran")
	test.Type(o.name, "Dr. Arief Anshory")
	test.Type(o.jabatan, "Wakil Rektor Bidang Tata Kelola")
	choose(t, u.win, o.role, tr("Lainnya"))
	choose(t, u.win, o.status, "Plt.")
	test.Type(o.from, "32/13/2024")
	saveAndReload(t, d, l, o.md)
	if o.official.ID != 0 {
		t.Error("an unreadable date was saved")
	}
	o.from.SetText("")
	test.Type(o.from, "01/01/2025")
	saveAndReload(t, d, l, o.md)
	vice := o.official
	if vice.ID == 0 || vice.Status != agreement.StatusPlt {
		t.Fatalf("vice-rector %+v: %q", vice, o.md.message.Text)
	}

	m := d.mandates
	d.tabs.SelectIndex(2)
	test.Tap(m.md.newBtn)
	pickOption(t, u.win, m.party, "Universitas Padjadjaran")
	pickOption(t, u.win, m.grantor, kit.OfficialLabel(rector))
	pickOption(t, u.win, m.grantee, kit.OfficialLabel(vice))
	test.Type(m.number, "123/UN6.RKT/KS/2026")
	test.Type(m.date, "10/11/2026")
	test.Type(m.scope, "Menandatangani Perjanjian Kerja Sama pengembangan desa wisata")
	saveAndReload(t, d, l, m.md)
	mandates, _ := s.Mandates()
	found := false
	for _, x := range mandates {
		found = found || (x.Number == "123/UN6.RKT/KS/2026" && x.PartyID == unpad.ID && x.GrantorID == rector.ID && x.GranteeID == vice.ID && x.Date == agreement.NewDate(2026, 11, 10))
	}
	if !found {
		t.Errorf("mandate not stored: %q", m.md.message.Text)
	}
	if m.md.list.Length() != len(mandates) || m.md.selected != m.mandate.ID {
		t.Errorf("mandate list %d of %d, selected %d", m.md.list.Length(), len(mandates), m.md.selected)
	}

	// Selecting a party shows it; the form follows the list.
	for i, x := range p.shown {
		if x.ID == unpad.ID {
			p.md.list.Select(i)
		}
	}
	if p.name.Text != "Universitas Padjadjaran" || p.seat.Text != "Bandung" || p.lambang.Resource == nil {
		t.Errorf("selected party shows %q, %q", p.name.Text, p.seat.Text)
	}
}

// fullDisk is a store whose disk is full when a party is saved.
type fullDisk struct {
	service.Service
	err error
}

func (f fullDisk) SaveParty(*agreement.Party) error { return f.err }

func TestDirectorySaysTheDiskIsFull(t *testing.T) {
	a, s := newTestApp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	full := &fs.PathError{Op: "write", Path: "/data/sepakat.db", Err: syscall.ENOSPC}
	u := New(a, fullDisk{s, full}, nil, fixedNow)
	l := useLoop(t, u)
	u.Window().Show()
	d := showDirectory(t, u, l)
	p := d.parties
	test.Tap(p.md.newBtn)
	choose(t, u.win, p.kind, tr("Perguruan tinggi"))
	test.Type(p.name, "Universitas Padjadjaran")
	saveAndReload(t, d, l, p.md)
	want := tr("Belum tersimpan:") + " " +
		"Disk penuh. Kosongkan ruang pada disk atau pilih disk lain, lalu coba lagi.\n" +
		"Rincian: /data/sepakat.db"
	if p.md.message.Text != want || !p.md.message.Visible() || p.md.message.Importance != widget.DangerImportance {
		t.Errorf("message %q, want %q", p.md.message.Text, want)
	}
	shown := texts(u.win.Canvas().Content())
	if !strings.Contains(strings.Join(shown, "\n"), want) {
		t.Errorf("the message is not on screen: %q", shown)
	}
	noGoError(t, shown, full)
	if p.name.Text != "Universitas Padjadjaran" {
		t.Errorf("the typed name was lost: %q", p.name.Text)
	}
}
