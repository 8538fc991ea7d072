package ui

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/pick"
	"sepakat/internal/search"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
	"sepakat/internal/wilayah"
)

// Directory is the Instansi & Pejabat screen: three panes, for the parties
// (with their lambang), their officials (with periods and Plt/Plh/Pj status)
// and the Surat Kuasa, each a list and a form (masterDetail).
type Directory struct {
	svc service.Directory
	win fyne.Window
	do  func(func())

	// data is the directory as last read, shared by the panes.
	data directoryData

	parties   *partyPane
	officials *officialPane
	mandates  *mandatePane
	tabs      *container.AppTabs
	content   fyne.CanvasObject

	// reading is the read under way; a newer read cancels it.
	reading kit.Latest
	// onError shows a read that failed.
	onError func(error)
	// loaded, when set, is called on the UI goroutine after each read.
	loaded func()
	// cancel stops the change notices.
	cancel func()
}

// directoryData is the directory as read: the parties and officials sorted by
// name, and the mandates.
type directoryData struct {
	parties   []agreement.Party
	officials []agreement.Official
	mandates  []agreement.Mandate
}

var partyKindLabels = map[agreement.PartyKind]string{
	agreement.PartyPemprov: "Pemerintah provinsi", agreement.PartyPemkab: "Pemerintah kabupaten", agreement.PartyPemkot: "Pemerintah kota",
	agreement.PartyKementerian: "Kementerian/lembaga", agreement.PartyBUMD: "BUMN/BUMD", agreement.PartySwasta: "Badan usaha swasta",
	agreement.PartyPT: "Perguruan tinggi", agreement.PartyLuarNegeri: "Lembaga luar negeri",
}

func labelsOf[T comparable](values []T, names map[T]string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = lang.L(names[v])
	}
	return out
}

func newDirectory(svc service.Directory, files service.Files, win fyne.Window) *Directory {
	d := &Directory{svc: svc, win: win, do: fyne.Do}
	d.parties = newPartyPane(d, files)
	d.officials = newOfficialPane(d)
	d.mandates = newMandatePane(d)
	d.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Instansi"), d.parties.md.content),
		container.NewTabItem(lang.L("Pejabat"), d.officials.md.content),
		container.NewTabItem(lang.L("Surat Kuasa"), d.mandates.md.content),
	)
	d.content = d.tabs
	// A record saved anywhere (an editor's form in place, another window)
	// shows here at once.
	d.cancel = svc.Subscribe(func(service.Change) { d.do(d.reload) })
	return d
}

// Content is the screen's root object.
func (d *Directory) Content() fyne.CanvasObject { return d.content }

// reload reads the directory off the UI goroutine, then shows it; a newer
// reload cancels this one, whose result is then dropped.
func (d *Directory) reload() {
	svc := d.svc
	kit.ReadLatest(&d.reading, d.do, func(context.Context) (directoryData, error) {
		return loadDirectory(svc)
	}, func(data directoryData, err error) {
		if err != nil {
			if d.onError != nil {
				d.onError(err)
			}
		} else {
			d.apply(data)
		}
		if d.loaded != nil {
			d.loaded()
		}
	})
}

// loadDirectory reads the parties and officials, sorted by name, and the mandates.
func loadDirectory(svc service.Directory) (directoryData, error) {
	var d directoryData
	var err error
	if d.parties, err = svc.Parties(); err != nil {
		return d, err
	}
	if d.officials, err = svc.Officials(); err != nil {
		return d, err
	}
	if d.mandates, err = svc.Mandates(); err != nil {
		return d, err
	}
	sortByName(d.parties, func(p agreement.Party) string { return p.Name })
	sortByName(d.officials, func(o agreement.Official) string { return o.Name })
	return d, nil
}

// sortByName sorts items by their folded names, each folded once.
func sortByName[T any](items []T, name func(T) string) {
	keys := make([]string, len(items))
	idx := make([]int, len(items))
	for i, it := range items {
		idx[i], keys[i] = i, search.Fold(name(it))
	}
	sort.SliceStable(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	sorted := make([]T, len(items))
	for i, j := range idx {
		sorted[i] = items[j]
	}
	copy(items, sorted)
}

func (d *Directory) apply(data directoryData) {
	d.data = data
	names := make([]string, len(data.parties))
	for i, p := range data.parties {
		names[i] = p.Name
	}
	d.officials.party.SetOptions(names)
	d.mandates.party.SetOptions(names)
	d.officials.party.SetAlso(kit.ShortNames(data.parties))
	d.mandates.party.SetAlso(kit.ShortNames(data.parties))
	d.mandates.refreshOfficials()
	d.parties.filter()
	d.officials.md.refresh()
	d.mandates.md.refresh()
}

func (d *Directory) partyName(id agreement.ID) string {
	if i := d.partyIndex(id); i >= 0 {
		return d.data.parties[i].Name
	}
	return "–"
}

func (d *Directory) partyIndex(id agreement.ID) int {
	return slices.IndexFunc(d.data.parties, func(p agreement.Party) bool { return p.ID == id })
}

func (d *Directory) officialName(id agreement.ID) string {
	if i := slices.IndexFunc(d.data.officials, func(o agreement.Official) bool { return o.ID == id }); i >= 0 {
		return d.data.officials[i].Name
	}
	return "–"
}

// readDates reads each field into its date, or says under the field which way
// to write a date.
func readDates(md *masterDetail, fields []dateField) bool {
	ok := true
	for _, f := range fields {
		d, err := kit.ParseFormDate(f.entry.Text)
		if err != nil {
			md.problem(f.path, lang.L("Tanggal tidak dapat dibaca: tulis hh/bb/tttt, mis. 03/07/2025."))
			ok = false
			continue
		}
		*f.into = d
	}
	return ok
}

// dateField is a form's date entry, the path of its problems and where it is read to.
type dateField struct {
	entry *kit.Entry
	path  string
	into  *agreement.Date
}

// partyPane is the Instansi pane.
type partyPane struct {
	d     *Directory
	files service.Files
	md    *masterDetail

	search                     *kit.Entry
	shown                      []agreement.Party
	party                      agreement.Party
	kind                       *widget.Select
	region                     *kit.Picker // a regional government's region, from the Kemendagri list
	name, short, seat, address *kit.Entry
	lambang                    *canvas.Image
	lambangRef                 *agreement.FileRef
}

func newPartyPane(d *Directory, files service.Files) *partyPane {
	p := &partyPane{d: d, files: files}
	p.search = kit.NewEntry()
	p.search.SetPlaceHolder(lang.L("Saring nama instansi…"))
	p.search.OnChanged = func(string) { p.filter() }
	p.kind = kit.NewSelect(labelsOf(agreement.PartyKinds, partyKindLabels), nil)
	p.name, p.short, p.seat, p.address = kit.NewWrappedEntry(), kit.NewEntry(), kit.NewEntry(), kit.NewMultiLineEntry()
	// The region list ships no capitals: the seat is written here.
	p.seat.SetPlaceHolder(lang.L("ibu kota, mis. Kalianda"))
	names, _ := kit.Governments()
	p.region = kit.NewPicker(names, p.onRegion)
	p.region.SetPlaceHolder(lang.L("Pemerintah daerah dari daftar wilayah…"))
	p.lambang = canvas.NewImageFromResource(nil)
	p.lambang.FillMode = canvas.ImageFillContain
	p.lambang.SetMinSize(fyne.NewSize(96, 96))
	importBtn := widget.NewButtonWithIcon(lang.L("Impor lambang…"), theme.FolderOpenIcon(), p.onImportLambang)
	p.md = newMasterDetail(paneSpec{
		win:      d.win,
		newLabel: lang.L("Instansi baru"),
		top:      p.search,
		count:    func() int { return len(p.shown) },
		text: func(i int) string {
			if p.shown[i].Own {
				return p.shown[i].Name + " " + lang.L("(kantor kita)")
			}
			return p.shown[i].Name
		},
		id: func(i int) agreement.ID { return p.shown[i].ID },
		fields: []formField{
			{lang.L("Wilayah"), "region_code", p.region},
			{lang.L("Jenis"), "kind", p.kind},
			{lang.L("Nama resmi"), "name", p.name},
			{lang.L("Singkatan"), "short_name", p.short},
			{lang.L("Kedudukan"), "seat", p.seat},
			{lang.L("Alamat"), "address", p.address},
			{lang.L("Lambang"), "lambang", container.NewHBox(p.lambang, importBtn)},
		},
		hints:  map[string]string{"seat": seatHint()},
		show:   func(i int) { p.show(p.shown[i]) },
		onNew:  func() { p.show(agreement.Party{}) }, // Jenis is chosen, never assumed
		onSave: p.onSave,
		extra: func() string {
			if p.lambangRef == nil {
				return ""
			}
			return p.lambangRef.SHA256
		},
	})
	return p
}

// filter lists the parties whose name or short name holds the filter's text,
// or matches it as the pick lists do ("lamsel", "pemkab garut").
func (p *partyPane) filter() {
	want := search.Fold(strings.TrimSpace(p.search.Text))
	p.shown = p.shown[:0]
	for _, x := range p.d.data.parties {
		if want == "" || strings.Contains(search.Fold(x.Name+" "+x.ShortName), want) || pick.Matches(x.Name, want) || pick.Matches(x.ShortName, want) {
			p.shown = append(p.shown, x)
		}
	}
	p.md.refresh()
}

// onRegion makes the party the government of the region picked: its kind,
// official name and seat follow; none picked, the party has no region.
func (p *partyPane) onRegion(name string) {
	_, regions := kit.Governments()
	r, ok := regions[name]
	if !ok {
		p.party.RegionCode, p.party.ProvinceCode = "", ""
		return
	}
	rp := kit.RegionParty(r)
	p.party.RegionCode, p.party.ProvinceCode = rp.RegionCode, rp.ProvinceCode
	if i := slices.Index(agreement.PartyKinds, rp.Kind); i >= 0 {
		p.kind.SetSelectedIndex(i)
	}
	p.name.SetText(rp.Name)
	p.seat.SetPlaceHolder(kit.SeatPlaceholder(r, true))
	if strings.TrimSpace(p.seat.Text) == "" {
		p.seat.SetText(rp.Seat) // a city's own name; any other stays to be written
	}
}

func (p *partyPane) show(x agreement.Party) {
	p.party = x
	p.region.SetText("")
	p.seat.SetPlaceHolder(kit.SeatPlaceholder(wilayah.Region{}, false))
	if l, err := wilayah.Load(); err == nil {
		if r, ok := l.Get(x.RegionCode); ok {
			p.region.SetText(r.GovernmentName())
			p.seat.SetPlaceHolder(kit.SeatPlaceholder(r, true))
		}
	}
	p.kind.ClearSelected()
	for i, k := range agreement.PartyKinds {
		if k == x.Kind {
			p.kind.SetSelectedIndex(i)
		}
	}
	p.name.SetText(x.Name)
	p.short.SetText(x.ShortName)
	p.seat.SetText(x.Seat)
	p.address.SetText(x.Address)
	p.lambangRef = x.Lambang
	p.lambang.Resource = nil
	p.lambang.Image = nil
	if x.Lambang != nil {
		if data, err := p.files.File(x.Lambang.SHA256); err == nil {
			p.lambang.Resource = fyne.NewStaticResource(x.Lambang.Name, data)
		}
	}
	p.lambang.Refresh()
}

func (p *partyPane) onImportLambang() {
	dlg := dialog.NewFileOpen(func(f fyne.URIReadCloser, err error) {
		if err != nil {
			p.md.problem("lambang", kit.Message(err))
			return
		}
		if f == nil {
			return // cancelled
		}
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, service.MaxFileSize+1))
		if err != nil {
			p.md.problem("lambang", kit.Message(err))
			return
		}
		p.importLambang(f.URI().Name(), data)
	}, p.d.win)
	dlg.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg"}))
	kit.StartInDocuments(dlg, fyne.CurrentApp())
	dlg.Show()
}

// importLambang keeps a coat of arms image for the party being edited.
func (p *partyPane) importLambang(name string, data []byte) bool {
	p.md.problems["lambang"].Hide()
	media, ok := kit.MediaTypes[strings.ToLower(filepath.Ext(name))]
	if !ok || media == "application/pdf" {
		p.md.problem("lambang", lang.L("Lambang harus berupa gambar PNG atau JPG."))
		return false
	}
	if len(data) > 2<<20 {
		p.md.problem("lambang", lang.L("Lambang lebih dari 2 MB; perkecil gambarnya."))
		return false
	}
	ref, err := p.files.PutFile(name, media, data)
	if err != nil {
		p.md.problem("lambang", kit.Message(err))
		return false
	}
	p.lambangRef = &ref
	p.lambang.Resource = fyne.NewStaticResource(name, data)
	p.lambang.Refresh()
	return true
}

func (p *partyPane) onSave() {
	x := p.party
	if i := p.kind.SelectedIndex(); i >= 0 {
		x.Kind = agreement.PartyKinds[i]
	} else {
		p.md.clearProblems()
		p.md.problem("kind", lang.L("Pilih jenis instansi ini."))
		p.md.say(kit.Unsaved(agreement.ErrInvalid), true)
		return
	}
	x.Name, x.ShortName = strings.TrimSpace(p.name.Text), strings.TrimSpace(p.short.Text)
	x.Seat, x.Address = strings.TrimSpace(p.seat.Text), strings.TrimSpace(p.address.Text)
	x.Lambang = p.lambangRef
	if x.Seat == "" && x.Kind.IsRegion() {
		// The komparisi says where a regional government sits; the region
		// list has no capitals to guess it from.
		p.md.clearProblems()
		p.md.problem("seat", lang.L("Tulis tempat kedudukannya (ibu kota), mis. Slawi untuk Kabupaten Tegal."))
		p.md.say(kit.Unsaved(agreement.ErrInvalid), true)
		return
	}
	err := p.d.svc.SaveParty(&x)
	if p.md.saved(err, x.Name, x.ID) {
		p.party = x
		p.d.reload()
	}
}

// officialPane is the Pejabat pane.
type officialPane struct {
	d  *Directory
	md *masterDetail

	official                    agreement.Official
	party                       *kit.Picker
	role, status                *widget.Select
	name, jabatan, nip, pangkat *kit.Entry
	front, back                 *kit.Entry // gelar depan and belakang
	from, to                    *kit.Entry
}

func newOfficialPane(d *Directory) *officialPane {
	o := &officialPane{d: d}
	o.party = kit.NewPicker(nil, nil)
	o.role = kit.NewSelect(kit.RoleLabels(), nil)
	o.status = kit.NewSelect(kit.OfficeStatusLabels(), nil)
	o.name, o.jabatan, o.nip, o.pangkat = kit.NewEntry(), kit.NewWrappedEntry(), kit.NewEntry(), kit.NewEntry()
	o.front, o.back = kit.NewEntry(), kit.NewEntry()
	o.front.SetPlaceHolder(lang.L("mis. Dr. Ir."))
	o.back.SetPlaceHolder(lang.L("mis. S.Sos., M.Si."))
	o.from, o.to = kit.NewEntry(), kit.NewEntry()
	o.from.SetPlaceHolder(lang.L("hh/bb/tttt"))
	o.to.SetPlaceHolder(lang.L("kosong selama masih menjabat"))
	officials := func() []agreement.Official { return d.data.officials }
	o.md = newMasterDetail(paneSpec{
		win:      d.win,
		newLabel: lang.L("Pejabat baru"),
		count:    func() int { return len(officials()) },
		text: func(i int) string {
			of := officials()[i]
			return fmt.Sprintf("%s — %s%s (%s)", of.FullName(), of.Status.Prefix(), of.Jabatan, d.partyName(of.PartyID))
		},
		id: func(i int) agreement.ID { return officials()[i].ID },
		fields: []formField{
			{lang.L("Instansi"), "party_id", o.party},
			{lang.L("Gelar depan"), "front_title", o.front},
			{lang.L("Nama (tanpa gelar)"), "name", o.name},
			{lang.L("Gelar belakang"), "back_title", o.back},
			{lang.L("Jabatan"), "jabatan", o.jabatan},
			{lang.L("Peran"), "role", o.role},
			{lang.L("Status jabatan"), "status", o.status},
			{lang.L("Pangkat/golongan"), "pangkat", o.pangkat},
			{"NIP", "nip", o.nip},
			{lang.L("Menjabat sejak"), "from", o.from},
			{lang.L("Sampai"), "to", o.to},
		},
		show: func(i int) { o.show(officials()[i]) },
		// Peran and status are chosen, never assumed: a kepala dinas saved
		// as the default "Kepala daerah" would sign as the head of region.
		onNew:  func() { o.show(agreement.Official{}) },
		onSave: o.onSave,
	})
	return o
}

func (o *officialPane) show(x agreement.Official) {
	o.official = x
	o.party.SetSelectedIndex(o.d.partyIndex(x.PartyID))
	o.front.SetText(x.FrontTitle)
	o.name.SetText(x.Name)
	o.back.SetText(x.BackTitle)
	o.jabatan.SetText(x.Jabatan)
	o.role.ClearSelected()
	for i, r := range agreement.OfficialRoles {
		if r == x.Role {
			o.role.SetSelectedIndex(i)
		}
	}
	o.status.ClearSelected()
	if x.ID != 0 && x.Status == "" {
		o.status.SetSelectedIndex(0) // stored without a status: definitif
	}
	for i, st := range kit.OfficeStatuses {
		if st == x.Status {
			o.status.SetSelectedIndex(i)
		}
	}
	o.nip.SetText(x.NIP)
	o.pangkat.SetText(x.Pangkat)
	o.from.SetText(kit.FormDate(x.From))
	o.to.SetText(kit.FormDate(x.To))
}

func (o *officialPane) onSave() {
	x := o.official
	if i := o.party.SelectedIndex(); i >= 0 {
		x.PartyID = o.d.data.parties[i].ID
	}
	if i := o.role.SelectedIndex(); i >= 0 {
		x.Role = agreement.OfficialRoles[i]
	}
	if i := o.status.SelectedIndex(); i >= 0 {
		x.Status = kit.OfficeStatuses[i]
	}
	x.Name, x.Jabatan = strings.TrimSpace(o.name.Text), strings.TrimSpace(o.jabatan.Text)
	x.FrontTitle, x.BackTitle = strings.TrimSpace(o.front.Text), strings.TrimSpace(o.back.Text)
	if x.FrontTitle == "" && x.BackTitle == "" {
		// Titles typed into the name go to their own fields.
		x.FrontTitle, x.Name, x.BackTitle = agreement.SplitName(x.Name)
	}
	x.NIP, x.Pangkat = strings.TrimSpace(o.nip.Text), strings.TrimSpace(o.pangkat.Text)
	o.md.clearProblems()
	chosen := true
	if o.role.SelectedIndex() < 0 {
		o.md.problem("role", lang.L("Pilih peran pejabat ini."))
		chosen = false
	}
	if o.status.SelectedIndex() < 0 {
		o.md.problem("status", lang.L("Pilih status jabatannya: Definitif, Plt., Plh. atau Pj."))
		chosen = false
	}
	if !chosen {
		// Say at once what else is missing, as the save would.
		for path, empty := range map[string]bool{"party_id": x.PartyID == 0, "name": x.Name == "", "jabatan": x.Jabatan == ""} {
			if empty {
				o.md.problem(path, agreement.FieldError{Field: path, Code: "required"}.Message(kit.Lang()))
			}
		}
	}
	if !readDates(o.md, []dateField{{o.from, "from", &x.From}, {o.to, "to", &x.To}}) || !chosen {
		o.md.say(kit.Unsaved(agreement.ErrInvalid), true)
		return
	}
	err := o.d.svc.SaveOfficial(&x)
	if o.md.saved(err, x.FullName(), x.ID) {
		o.show(x) // titles typed into the name now stand in their fields
		o.d.reload()
	}
}

// mandatePane is the Surat Kuasa pane.
type mandatePane struct {
	d  *Directory
	md *masterDetail

	mandate                    agreement.Mandate
	party, grantor, grantee    *kit.Picker
	number, date, scope, valid *kit.Entry
}

func newMandatePane(d *Directory) *mandatePane {
	m := &mandatePane{d: d}
	m.party = kit.NewPicker(nil, func(string) { m.fillOfficials() })
	m.grantor, m.grantee = kit.NewPicker(nil, nil), kit.NewPicker(nil, nil)
	m.number, m.date, m.scope, m.valid = kit.NewEntry(), kit.NewEntry(), kit.NewMultiLineEntry(), kit.NewEntry()
	m.scope.SetMinRowsVisible(4) // a scope runs to several lines
	m.date.SetPlaceHolder(lang.L("hh/bb/tttt"))
	m.valid.SetPlaceHolder(lang.L("hh/bb/tttt"))
	mandates := func() []agreement.Mandate { return d.data.mandates }
	m.md = newMasterDetail(paneSpec{
		win:      d.win,
		newLabel: lang.L("Surat kuasa baru"),
		count:    func() int { return len(mandates()) },
		text: func(i int) string {
			x := mandates()[i]
			return fmt.Sprintf("%s · %s · %s → %s", x.Number, kit.ShortDate(x.Date), d.officialName(x.GrantorID), d.officialName(x.GranteeID))
		},
		id: func(i int) agreement.ID { return mandates()[i].ID },
		fields: []formField{
			{lang.L("Instansi"), "party_id", m.party},
			{lang.L("Pemberi kuasa"), "grantor_id", m.grantor},
			{lang.L("Penerima kuasa"), "grantee_id", m.grantee},
			{lang.L("Nomor"), "number", m.number},
			{lang.L("Tanggal"), "date", m.date},
			{lang.L("Lingkup kuasa"), "scope", m.scope},
			{lang.L("Berlaku sampai"), "valid_until", m.valid},
		},
		show:   func(i int) { m.show(mandates()[i]) },
		onNew:  func() { m.show(agreement.Mandate{}) },
		onSave: m.onSave,
	})
	return m
}

// partyOfficials are the officials of the party chosen for the mandate.
func (m *mandatePane) partyOfficials() []agreement.Official {
	i := m.party.SelectedIndex()
	if i < 0 || i >= len(m.d.data.parties) {
		return nil
	}
	var out []agreement.Official
	for _, o := range m.d.data.officials {
		if o.PartyID == m.d.data.parties[i].ID {
			out = append(out, o)
		}
	}
	return out
}

func (m *mandatePane) fillOfficials() {
	var names []string
	officials := m.partyOfficials()
	for _, o := range officials {
		names = append(names, kit.OfficialLabel(o))
	}
	m.grantor.SetOptions(names)
	m.grantee.SetOptions(names)
	m.grantor.ClearSelected()
	m.grantee.ClearSelected()
	for i, o := range officials {
		if o.ID == m.mandate.GrantorID {
			m.grantor.SetSelectedIndex(i)
		}
		if o.ID == m.mandate.GranteeID {
			m.grantee.SetSelectedIndex(i)
		}
	}
}

// refreshOfficials offers the officials of the chosen party as read again,
// keeping the grantor and grantee chosen in the form.
func (m *mandatePane) refreshOfficials() {
	var names []string
	for _, o := range m.partyOfficials() {
		names = append(names, kit.OfficialLabel(o))
	}
	m.grantor.SetOptions(names)
	m.grantee.SetOptions(names)
}

func (m *mandatePane) show(x agreement.Mandate) {
	m.mandate = x
	m.party.SetSelectedIndex(m.d.partyIndex(x.PartyID))
	m.fillOfficials()
	m.number.SetText(x.Number)
	m.date.SetText(kit.FormDate(x.Date))
	m.scope.SetText(x.Scope)
	m.valid.SetText(kit.FormDate(x.ValidUntil))
}

func (m *mandatePane) onSave() {
	x := m.mandate
	if i := m.party.SelectedIndex(); i >= 0 {
		x.PartyID = m.d.data.parties[i].ID
	}
	officials := m.partyOfficials()
	if i := m.grantor.SelectedIndex(); i >= 0 && i < len(officials) {
		x.GrantorID = officials[i].ID
	}
	if i := m.grantee.SelectedIndex(); i >= 0 && i < len(officials) {
		x.GranteeID = officials[i].ID
	}
	x.Number, x.Scope = strings.TrimSpace(m.number.Text), strings.TrimSpace(m.scope.Text)
	m.md.clearProblems()
	if !readDates(m.md, []dateField{{m.date, "date", &x.Date}, {m.valid, "valid_until", &x.ValidUntil}}) {
		m.md.say(kit.Unsaved(agreement.ErrInvalid), true)
		return
	}
	err := m.d.svc.SaveMandate(&x)
	if m.md.saved(err, x.Number, x.ID) {
		m.mandate = x
		m.d.reload()
	}
}
