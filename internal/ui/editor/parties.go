package editor

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/ui/kit"
)

// partiesTab is the editor's Para Pihak & Penandatangan tab: the parties in order,
// each with its signer and, where a representative signs, the Surat Kuasa.
type partiesTab struct {
	e *Editor

	parties   []agreement.Party
	officials []agreement.Official
	mandates  []agreement.Mandate

	rows      []agreement.AgreementParty
	list      *fyne.Container
	pick      *widget.SelectEntry
	region    *widget.SelectEntry
	addParty  *widget.Button
	addRegion *widget.Button
	removes   []*widget.Button // each party's Hapus, in order
	locked    bool
	stale     bool // the parties wait for the tab to show
}

func (t *partiesTab) build() fyne.CanvasObject {
	t.list = container.NewVBox()
	t.pick = widget.NewSelectEntry(nil)
	t.pick.SetPlaceHolder(lang.L("Instansi dari daftar instansi…"))
	t.addParty = widget.NewButtonWithIcon(lang.L("Tambah pihak"), theme.ContentAddIcon(), t.onAddRegistered)
	names, _ := kit.Governments()
	t.region = widget.NewSelectEntry(names)
	t.region.SetPlaceHolder(lang.L("Pemerintah daerah dari daftar wilayah…"))
	t.addRegion = widget.NewButtonWithIcon(lang.L("Tambah pemerintah daerah"), theme.ContentAddIcon(), t.onAddRegion)
	add := container.NewVBox(
		container.NewBorder(nil, nil, nil, t.addParty, t.pick),
		container.NewBorder(nil, nil, nil, t.addRegion, t.region))
	return container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), add, t.e.problemLabel("parties")), nil, nil, container.NewVScroll(t.list))
}

// load takes the agreement's parties; they show when the tab first shows, when
// the registries to choose from are read.
func (t *partiesTab) load(a agreement.Agreement) {
	t.rows = append([]agreement.AgreementParty(nil), a.Parties...)
	t.locked = a.Locked()
	enable(!t.locked, t.pick, t.addParty, t.region, t.addRegion)
	if t.parties == nil && (t.e.tabs == nil || t.e.tabs.SelectedIndex() != tabParties) {
		t.stale = true
		return
	}
	if err := t.show(); err != nil {
		t.e.fail(lang.L("Daftar instansi tidak dapat dibaca:"), err)
	}
}

// apply reads the parties in their order, with their signers and mandates.
func (t *partiesTab) apply(a *agreement.Agreement, _ *agreement.Errors) {
	a.Parties = append([]agreement.AgreementParty(nil), t.rows...)
}

// shown lays out the parties the first time the tab shows.
func (t *partiesTab) shown() {
	if !t.stale {
		return
	}
	if err := t.show(); err != nil {
		t.e.fail(lang.L("Daftar instansi tidak dapat dibaca:"), err)
	}
}

// show reads the registries the first time and lays out the parties.
func (t *partiesTab) show() error {
	if t.parties == nil {
		if err := t.readRegistries(); err != nil {
			return err
		}
	}
	t.stale = false
	t.render()
	return nil
}

// readRegistries reads the parties, officials and mandates to choose from.
func (t *partiesTab) readRegistries() error {
	var err error
	if t.parties, err = t.e.svc.Parties(); err != nil {
		return err
	}
	if t.officials, err = t.e.svc.Officials(); err != nil {
		return err
	}
	if t.mandates, err = t.e.svc.Mandates(); err != nil {
		return err
	}
	sort.Slice(t.parties, func(i, j int) bool { return t.parties[i].Name < t.parties[j].Name })
	var names []string
	for _, p := range t.parties {
		if !p.Own {
			names = append(names, p.Name)
		}
	}
	t.pick.SetOptions(names)
	return nil
}

func (t *partiesTab) party(id agreement.ID) (agreement.Party, bool) {
	for _, p := range t.parties {
		if p.ID == id {
			return p, true
		}
	}
	return agreement.Party{}, false
}

// signers are the officials of a party, those in office today first.
func (t *partiesTab) signers(party agreement.ID) []agreement.Official {
	var out []agreement.Official
	today := agreement.DateOf(t.e.now())
	for _, o := range t.officials {
		if o.PartyID == party {
			out = append(out, o)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].InOffice(today) && !out[j].InOffice(today) })
	return out
}

// render lays out one block per party: its role, name, signer and mandate.
func (t *partiesTab) render() {
	t.list.RemoveAll()
	t.removes = nil
	for i := range t.rows {
		i := i
		ap := &t.rows[i]
		p, _ := t.party(ap.PartyID)
		name := p.Name
		if ap.Own {
			name += " " + lang.L("(kantor kita)")
		}
		title := widget.NewLabelWithStyle(fmt.Sprintf("%s: %s", lang.L(ap.Role.Label()), name), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})

		officials := t.signers(ap.PartyID)
		labels := []string{lang.L("(belum dipilih)")}
		for _, o := range officials {
			labels = append(labels, kit.OfficialLabel(o))
		}
		signer := kit.NewSelect(labels, nil)
		signer.SetSelectedIndex(0)
		for k, o := range officials {
			if o.ID == ap.SignerID {
				signer.SetSelectedIndex(k + 1)
			}
		}
		var grants []agreement.Mandate
		mandateLabels := []string{lang.L("Tanpa surat kuasa")}
		for _, m := range t.mandates {
			if m.PartyID == ap.PartyID && (ap.SignerID == 0 || m.GranteeID == ap.SignerID) {
				grants = append(grants, m)
				mandateLabels = append(mandateLabels, lang.L("Surat Kuasa {{.Number}}", map[string]any{"Number": m.Number}))
			}
		}
		mandate := kit.NewSelect(mandateLabels, nil)
		mandate.SetSelectedIndex(0)
		for k, m := range grants {
			if m.ID == ap.MandateID {
				mandate.SetSelectedIndex(k + 1)
			}
		}
		signer.OnChanged = func(string) {
			ap.SignerID = 0
			if k := signer.SelectedIndex(); k > 0 {
				ap.SignerID = officials[k-1].ID
			}
			ap.MandateID = 0
			t.e.markDirty()
			t.render()
		}
		mandate.OnChanged = func(string) {
			ap.MandateID = 0
			if k := mandate.SelectedIndex(); k > 0 {
				ap.MandateID = grants[k-1].ID
			}
			t.e.markDirty()
		}
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { t.onMove(i, -1) })
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { t.onMove(i, 1) })
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { t.onRemove(i) })
		t.removes = append(t.removes, remove)
		if i == 0 {
			up.Disable()
		}
		if i == len(t.rows)-1 {
			down.Disable()
		}
		if ap.Own {
			remove.Disable() // our own office is always a party
		}
		for _, w := range []fyne.Disableable{signer, mandate, up, down, remove} {
			if t.locked {
				w.Disable()
			}
		}
		form := widget.NewForm(
			widget.NewFormItem(lang.L("Penandatangan"), signer),
			widget.NewFormItem(lang.L("Surat kuasa"), mandate))
		t.list.Add(container.NewBorder(title, widget.NewSeparator(), nil, container.NewVBox(up, down, remove), form))
	}
	t.list.Refresh()
}

// renumber gives the parties their roles by order: PIHAK PERTAMA, KEDUA, KETIGA.
func (t *partiesTab) renumber() {
	roles := []agreement.Role{agreement.RolePihakPertama, agreement.RolePihakKedua, agreement.RolePihakKetiga}
	for i := range t.rows {
		if i < len(roles) {
			t.rows[i].Role = roles[i]
		}
	}
}

func (t *partiesTab) onMove(i, by int) {
	j := i + by
	if j < 0 || j >= len(t.rows) {
		return
	}
	t.rows[i], t.rows[j] = t.rows[j], t.rows[i]
	t.renumber()
	t.e.markDirty()
	t.render()
}

func (t *partiesTab) onRemove(i int) {
	t.rows = append(t.rows[:i], t.rows[i+1:]...)
	t.renumber()
	t.e.markDirty()
	t.render()
}

func (t *partiesTab) add(p agreement.Party) {
	for _, r := range t.rows {
		if r.PartyID == p.ID {
			t.e.notice(lang.L("{{.Name}} sudah menjadi pihak.", map[string]any{"Name": p.Name}))
			return
		}
	}
	t.rows = append(t.rows, agreement.AgreementParty{PartyID: p.ID, Meterai: true})
	t.renumber()
	t.e.markDirty()
	t.render()
}

// onAddRegistered adds the party picked from the registry, by its name.
func (t *partiesTab) onAddRegistered() {
	name := t.pick.Text
	if err := t.show(); err != nil {
		t.e.fail(lang.L("Pihak tidak dapat ditambahkan:"), err)
		return
	}
	for _, p := range t.parties {
		if strings.EqualFold(p.Name, strings.TrimSpace(name)) {
			t.add(p)
			t.pick.SetText("")
			return
		}
	}
	t.e.notice(lang.L("Instansi \"{{.Name}}\" tidak ada di daftar instansi. Pilih dari daftar, atau tambahkan pemerintah daerah dari daftar wilayah.", map[string]any{"Name": name}))
}

// onAddRegion adds the regional government picked from the region list,
// registering it as a party the first time.
func (t *partiesTab) onAddRegion() {
	name := t.region.Text
	if err := t.show(); err != nil {
		t.e.fail(lang.L("Pihak tidak dapat ditambahkan:"), err)
		return
	}
	_, regions := kit.Governments()
	r, ok := regions[strings.TrimSpace(name)]
	if !ok {
		t.e.notice(lang.L("\"{{.Name}}\" tidak ada di daftar wilayah Kemendagri.", map[string]any{"Name": name}))
		return
	}
	p, added, err := kit.PartyOfRegion(t.e.svc, t.parties, r)
	if err != nil {
		t.e.fail(lang.L("Pihak tidak dapat ditambahkan:"), err)
		return
	}
	if !added {
		t.add(p)
		t.region.SetText("")
		return
	}
	t.parties = append(t.parties, p)
	t.add(p)
	t.region.SetText("")
}
