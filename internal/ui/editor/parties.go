package editor

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// partiesTab is the editor's Para Pihak tab: the parties in order,
// each with its signer and, where a representative signs, the Surat Kuasa.
type partiesTab struct {
	e *Editor

	parties   []agreement.Party
	officials []agreement.Official
	mandates  []agreement.Mandate

	rows      []agreement.AgreementParty
	list      *fyne.Container
	pick      *kit.Picker // an instansi of the registry
	region    *kit.Picker // a regional government of the region list
	addParty  *widget.Button
	addRegion *widget.Button
	removes   []*widget.Button // each party's Hapus, in order
	// Each party's signer and mandate pickers and their "+" buttons, in order.
	signerPicks, mandatePicks []*kit.Picker
	newOfficials, newMandates []*widget.Button
	// units name the perangkat daerah standing as each party (nil where none
	// may), unitFromSigner fills one from the signer's jabatan.
	units          []*kit.Entry
	unitFromSigner []*widget.Button
	officialForm   *kit.OfficialForm // the form opened last, if any
	mandateForm    *kit.MandateForm
	locked         bool
	stale          bool // the parties wait for the tab to show
	suggestPending bool // the signers the registries leave no doubt about are still to be filled
	suggested      bool // they were, once; never again in this editor
}

func (t *partiesTab) build() fyne.CanvasObject {
	t.list = container.NewVBox()
	// Picking an instansi or a region adds it at once; the buttons add what
	// was typed whole.
	t.pick = kit.NewPicker(nil, func(s string) {
		if s != "" {
			t.onAddRegistered()
		}
	})
	t.pick.SetPlaceHolder(lang.L("Instansi dari daftar instansi…"))
	t.addParty = widget.NewButtonWithIcon(lang.L("Tambah pihak"), theme.ContentAddIcon(), t.onAddRegistered)
	names, _ := kit.Governments()
	t.region = kit.NewPicker(names, func(s string) {
		if s != "" {
			t.onAddRegion()
		}
	})
	t.region.SetPlaceHolder(lang.L("Pemerintah daerah dari daftar wilayah…"))
	t.addRegion = widget.NewButtonWithIcon(lang.L("Tambah pemerintah daerah"), theme.ContentAddIcon(), t.onAddRegion)
	add := container.NewVBox(
		container.NewBorder(nil, nil, nil, t.addParty, t.pick),
		container.NewBorder(nil, nil, nil, t.addRegion, t.region))
	return container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), add, t.e.problemLabel("parties"), t.e.paraf.build()), nil, nil, container.NewVScroll(t.list))
}

// load takes the agreement's parties; they show when the tab first shows, when
// the registries to choose from are read.
func (t *partiesTab) load(a agreement.Agreement) {
	t.rows = append([]agreement.AgreementParty(nil), a.Parties...)
	t.locked = a.Locked()
	if !t.suggested {
		t.suggestPending = !t.locked
	}
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
	for i := range a.Parties {
		a.Parties[i].Unit = strings.Join(strings.Fields(a.Parties[i].Unit), " ")
	}
}

// unitsAllowed says whether perangkat daerah may stand as parties: in a PKS
// and what amends one, never in a KSB or Nota Kesepakatan, which the heads
// of region sign.
func (t *partiesTab) unitsAllowed() bool {
	k := t.e.a.Kind
	if (k == agreement.KindAdendum || k == agreement.KindPerpanjangan) && t.e.a.Parent != nil {
		k = t.e.a.Parent.Kind
	}
	return k != agreement.KindKSB && k != agreement.KindNK
}

// unitField is where the perangkat daerah that stands as the party is named;
// empty, the regional government itself is the party. Its button takes the
// name from the signer's jabatan ("Kepala Dinas X" gives "Dinas X").
func (t *partiesTab) unitField(ap *agreement.AgreementParty, officials []agreement.Official, i int) fyne.CanvasObject {
	unit := kit.NewWrappedEntry()
	unit.SetText(ap.Unit)
	unit.SetPlaceHolder(lang.L("Kosong: pemerintah daerah itu sendiri yang menjadi pihak"))
	unit.OnChanged = func(s string) {
		ap.Unit = s
		t.e.markDirty()
	}
	from := widget.NewButtonWithIcon(lang.L("Dari jabatan"), theme.ContentPasteIcon(), func() {
		for _, o := range officials {
			if u := unitOf(o.Jabatan); o.ID == ap.SignerID && u != "" {
				unit.SetText(u)
				return
			}
		}
		t.e.notice(lang.L("Pilih dulu penanda tangan dari perangkat daerah itu."))
	})
	if t.locked {
		unit.Disable()
		from.Disable()
	}
	t.units, t.unitFromSigner = append(t.units, unit), append(t.unitFromSigner, from)
	return container.NewBorder(nil, nil, nil, from, unit)
}

// unitOf reads the perangkat daerah from a head's jabatan: "Kepala Dinas
// Komunikasi dan Informatika Kabupaten Sumedang" gives "Dinas Komunikasi …",
// "Inspektur Kabupaten Garut" "Inspektorat Kabupaten Garut".
func unitOf(jabatan string) string {
	j := strings.Join(strings.Fields(jabatan), " ")
	_, j = agreement.SplitActing(j)
	for _, head := range []string{"kepala ", "inspektur "} {
		if len(j) > len(head) && strings.EqualFold(j[:len(head)], head) {
			if head == "inspektur " {
				return "Inspektorat " + j[len(head):]
			}
			return j[len(head):]
		}
	}
	return "" // a head of region or another signer: no perangkat daerah in the jabatan
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
	if t.suggestPending && !t.e.loading {
		// Once per editor, when the parties first show: a signer cleared
		// on purpose and saved is not filled again by the save's reload.
		t.suggestPending, t.suggested = false, true
		t.suggestAll()
	}
	t.render()
	return nil
}

// suggestAll fills, in each party not yet given one, the signer and surat
// kuasa the registries leave no doubt about, and says so.
func (t *partiesTab) suggestAll() {
	var said []string
	for i := range t.rows {
		said = append(said, t.suggest(&t.rows[i])...)
	}
	if len(said) > 0 {
		t.e.markDirty()
		t.e.notice(strings.Join(said, " "))
	}
}

// suggest fills what of ap's signing the registries leave no doubt about, and
// returns what it filled, in words: in a KSB or Nota Kesepakatan the one
// kepala daerah in office of a regional government; under a signer who is
// not its head, the one surat kuasa in force that names the signer.
func (t *partiesTab) suggest(ap *agreement.AgreementParty) []string {
	if t.locked {
		return nil
	}
	p, ok := t.party(ap.PartyID)
	if !ok {
		return nil
	}
	today := agreement.DateOf(t.e.now())
	var said []string
	if ap.SignerID == 0 && !t.unitsAllowed() && p.Kind.IsRegion() {
		var heads []agreement.Official
		for _, o := range t.signers(ap.PartyID) {
			if o.Role == agreement.RoleKepalaDaerah && o.InOffice(today) {
				heads = append(heads, o)
			}
		}
		if len(heads) == 1 {
			ap.SignerID, ap.MandateID = heads[0].ID, 0
			said = append(said, lang.L("Penandatangan {{.Party}} diisi {{.Name}}, satu-satunya kepala daerah yang menjabat; ganti bila perlu.",
				map[string]any{"Party": p.Name, "Name": heads[0].FullName()}))
		}
	}
	if m, ok := t.onlyMandate(ap, today); ok {
		ap.MandateID = m.ID
		said = append(said, lang.L("Surat kuasa {{.Number}} dipilih: satu-satunya yang memberi kuasa kepada penandatangan ini; ganti bila perlu.",
			map[string]any{"Number": m.Number}))
	}
	return said
}

// onlyMandate is the one surat kuasa in force on day that names ap's signer,
// when the signer is not the head of region and none is chosen yet.
func (t *partiesTab) onlyMandate(ap *agreement.AgreementParty, day agreement.Date) (agreement.Mandate, bool) {
	if ap.SignerID == 0 || ap.MandateID != 0 || !t.unitsAllowed() {
		return agreement.Mandate{}, false
	}
	i := slices.IndexFunc(t.officials, func(o agreement.Official) bool { return o.ID == ap.SignerID })
	if i < 0 || t.officials[i].Role == agreement.RoleKepalaDaerah {
		return agreement.Mandate{}, false
	}
	var found []agreement.Mandate
	for _, m := range t.mandates {
		if m.PartyID == ap.PartyID && m.GranteeID == ap.SignerID && (m.ValidUntil.IsZero() || !m.ValidUntil.Before(day)) {
			found = append(found, m)
		}
	}
	if len(found) != 1 {
		return agreement.Mandate{}, false
	}
	return found[0], true
}

// registryChanged reads the registries again after a change saved anywhere
// (another window, the directory, a form in place), and shows the parties
// with the new choices; what is being edited stays.
func (t *partiesTab) registryChanged(c service.Change) {
	if t.parties == nil || !(c.Affects(service.RegistryParties) || c.Affects(service.RegistryOfficials) || c.Affects(service.RegistryMandates)) {
		return // read when the tab first shows
	}
	if err := t.readRegistries(); err != nil {
		t.e.fail(lang.L("Daftar instansi tidak dapat dibaca:"), err)
		return
	}
	if !t.stale {
		t.render()
	}
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
	t.pick.SetAlso(kit.ShortNames(t.parties))
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
	for _, p := range append(t.signerPicks, t.mandatePicks...) {
		p.CloseDropDown() // a list read again while one was open
	}
	t.list.RemoveAll()
	t.removes = nil
	t.signerPicks, t.mandatePicks, t.newOfficials, t.newMandates = nil, nil, nil, nil
	t.units, t.unitFromSigner = nil, nil
	for i := range t.rows {
		i := i
		ap := &t.rows[i]
		p, _ := t.party(ap.PartyID)
		name := p.Name
		if ap.Own {
			name += " " + lang.L("(kantor kita)")
		}
		title := widget.NewLabelWithStyle(fmt.Sprintf("%s: %s", lang.L(ap.Role.Label()), name), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})

		// Nothing chosen shows as the pickers' placeholders.
		officials := t.signers(ap.PartyID)
		var labels []string
		for _, o := range officials {
			labels = append(labels, kit.OfficialLabel(o))
		}
		signer := kit.NewPicker(labels, nil)
		signer.SetPlaceHolder(lang.L("(belum dipilih)"))
		for k, o := range officials {
			if o.ID == ap.SignerID {
				signer.SetSelectedIndex(k)
			}
		}
		var grants []agreement.Mandate
		var mandateLabels []string
		for _, m := range t.mandates {
			if m.PartyID == ap.PartyID && (ap.SignerID == 0 || m.GranteeID == ap.SignerID) {
				grants = append(grants, m)
				mandateLabels = append(mandateLabels, lang.L("Surat Kuasa {{.Number}}", map[string]any{"Number": m.Number}))
			}
		}
		mandate := kit.NewPicker(mandateLabels, nil)
		mandate.SetPlaceHolder(lang.L("Tanpa surat kuasa"))
		for k, m := range grants {
			if m.ID == ap.MandateID {
				mandate.SetSelectedIndex(k)
			}
		}
		signer.OnChanged = func(string) {
			ap.SignerID = 0
			if k := signer.SelectedIndex(); k >= 0 {
				ap.SignerID = officials[k].ID
			}
			ap.MandateID = 0
			if m, ok := t.onlyMandate(ap, agreement.DateOf(t.e.now())); ok {
				ap.MandateID = m.ID
				t.e.notice(lang.L("Surat kuasa {{.Number}} dipilih: satu-satunya yang memberi kuasa kepada penandatangan ini; ganti bila perlu.",
					map[string]any{"Number": m.Number}))
			}
			t.e.markDirty()
			t.render()
			// The keyboard goes on to the mandate of the same party.
			if i < len(t.mandatePicks) && !t.mandatePicks[i].Disabled() {
				t.e.win.Canvas().Focus(t.mandatePicks[i])
			}
		}
		mandate.OnChanged = func(string) {
			ap.MandateID = 0
			if k := mandate.SelectedIndex(); k >= 0 {
				ap.MandateID = grants[k].ID
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
		newOfficial := widget.NewButtonWithIcon(lang.L("Pejabat baru"), theme.ContentAddIcon(), func() { t.onNewOfficial(ap) })
		newMandate := widget.NewButtonWithIcon(lang.L("Surat kuasa"), theme.ContentAddIcon(), func() { t.onNewMandate(ap) })
		t.signerPicks, t.mandatePicks = append(t.signerPicks, signer), append(t.mandatePicks, mandate)
		t.newOfficials, t.newMandates = append(t.newOfficials, newOfficial), append(t.newMandates, newMandate)
		for _, w := range []fyne.Disableable{signer, mandate, newOfficial, newMandate, up, down, remove} {
			if t.locked {
				w.Disable()
			}
		}
		form := widget.NewForm(
			widget.NewFormItem(lang.L("Penandatangan"), container.NewBorder(nil, nil, nil, newOfficial, signer)),
			widget.NewFormItem(lang.L("Surat kuasa"), container.NewBorder(nil, nil, nil, newMandate, mandate)))
		if t.unitsAllowed() && p.Kind.IsRegion() {
			form.Append(lang.L("Perangkat daerah"), t.unitField(ap, officials, i))
		} else {
			t.units = append(t.units, nil)
		}
		t.list.Add(container.NewBorder(title, widget.NewSeparator(), nil, container.NewVBox(up, down, remove), form))
	}
	t.list.Refresh()
}

// onNewOfficial opens "Pejabat baru" over the editor for the party of ap;
// the official saved becomes its signer. Nothing typed in the editor is lost.
func (t *partiesTab) onNewOfficial(ap *agreement.AgreementParty) {
	party, ok := t.party(ap.PartyID)
	if !ok {
		return
	}
	id := ap.PartyID
	// Where the heads of region sign, a regional government's signer is its head.
	head := !t.unitsAllowed() && party.Kind.IsRegion()
	t.officialForm = kit.ShowOfficialForm(t.e.win, t.e.svc, party, head, func(o agreement.Official) {
		t.useSigner(id, o)
	})
}

// useSigner makes o the signer of party id, knowing o before the change
// notice reads the registries again.
func (t *partiesTab) useSigner(id agreement.ID, o agreement.Official) {
	if !slices.ContainsFunc(t.officials, func(x agreement.Official) bool { return x.ID == o.ID }) {
		t.officials = append(t.officials, o)
	}
	for i := range t.rows {
		if t.rows[i].PartyID == id {
			t.rows[i].SignerID, t.rows[i].MandateID = o.ID, 0
		}
	}
	t.e.markDirty()
	t.render()
}

// onNewMandate opens "Surat kuasa" over the editor for the party of ap, its
// signer as the penerima kuasa; the mandate saved is chosen, and its
// penerima becomes the signer.
func (t *partiesTab) onNewMandate(ap *agreement.AgreementParty) {
	party, ok := t.party(ap.PartyID)
	if !ok {
		return
	}
	id := ap.PartyID
	t.mandateForm = kit.ShowMandateForm(t.e.win, t.e.svc, party, t.signers(id), ap.SignerID, func(m agreement.Mandate) {
		if !slices.ContainsFunc(t.mandates, func(x agreement.Mandate) bool { return x.ID == m.ID }) {
			t.mandates = append(t.mandates, m)
		}
		for i := range t.rows {
			if t.rows[i].PartyID == id {
				t.rows[i].SignerID, t.rows[i].MandateID = m.GranteeID, m.ID
			}
		}
		t.e.markDirty()
		t.render()
	})
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
	t.e.checkFit()
}

func (t *partiesTab) add(p agreement.Party) {
	for _, r := range t.rows {
		// A second perangkat daerah of one region may join a PKS once the
		// first is named.
		if r.PartyID == p.ID && (strings.TrimSpace(r.Unit) == "" || !t.unitsAllowed()) {
			t.e.notice(lang.L("{{.Name}} sudah menjadi pihak.", map[string]any{"Name": p.Name}))
			return
		}
	}
	t.rows = append(t.rows, agreement.AgreementParty{PartyID: p.ID, Meterai: true})
	t.renumber()
	if said := t.suggest(&t.rows[len(t.rows)-1]); len(said) > 0 {
		t.e.notice(strings.Join(said, " "))
	}
	t.e.markDirty()
	t.render()
	t.e.checkFit()
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
			t.pick.ClearSelected()
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
		t.region.ClearSelected()
		return
	}
	if !slices.ContainsFunc(t.parties, func(x agreement.Party) bool { return x.ID == p.ID }) {
		t.parties = append(t.parties, p) // the change notice may have read it already
	}
	t.add(p)
	t.region.ClearSelected()
}
