package ui

import (
	"errors"
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
	"sepakat/internal/i18n"
	"sepakat/internal/search"
	"sepakat/internal/service"
)

// Directory is the Instansi & Pejabat screen: the parties (with their lambang),
// their officials (with periods and Plt/Plh/Pj status) and the Surat Kuasa.
type Directory struct {
	svc service.Service
	win fyne.Window
	do  func(func())

	parties   []agreement.Party
	officials []agreement.Official
	mandates  []agreement.Mandate

	tabs *container.AppTabs

	// Instansi
	partyList                      *widget.List
	partyFilter                    *entry
	shownParties                   []agreement.Party
	party                          agreement.Party
	pKind                          *widget.Select
	pName, pShort, pSeat, pAddress *entry
	pLambang                       *canvas.Image
	pLambangRef                    *agreement.FileRef
	// Pejabat
	officialList                    *widget.List
	official                        agreement.Official
	oParty, oRole, oStatus          *widget.Select
	oName, oJabatan, oNIP, oPangkat *entry
	oFrom, oTo                      *entry
	// Surat Kuasa
	mandateList                    *widget.List
	mandate                        agreement.Mandate
	mParty, mGrantor, mGrantee     *widget.Select
	mNumber, mDate, mScope, mValid *entry
	message                        *widget.Label
	content                        fyne.CanvasObject
}

var partyKindLabels = map[agreement.PartyKind]string{
	agreement.PartyPemprov: "Pemerintah provinsi", agreement.PartyPemkab: "Pemerintah kabupaten", agreement.PartyPemkot: "Pemerintah kota",
	agreement.PartyKementerian: "Kementerian/lembaga", agreement.PartyBUMD: "BUMN/BUMD", agreement.PartySwasta: "Badan usaha swasta",
	agreement.PartyPT: "Perguruan tinggi", agreement.PartyLuarNegeri: "Lembaga luar negeri",
}

var officialRoleLabels = map[agreement.OfficialRole]string{
	agreement.RoleKepalaDaerah: "Kepala daerah", agreement.RoleWakilKepalaDaerah: "Wakil kepala daerah", agreement.RoleSekda: "Sekretaris daerah",
	agreement.RoleKepalaPD: "Kepala perangkat daerah", agreement.RolePimpinan: "Pimpinan instansi", agreement.RoleLain: "Lainnya",
}

var officeStatuses = []agreement.OfficeStatus{agreement.StatusDefinitif, agreement.StatusPlt, agreement.StatusPlh, agreement.StatusPj}

func labelsOf[T comparable](values []T, names map[T]string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = lang.L(names[v])
	}
	return out
}

func newDirectory(svc service.Service, win fyne.Window) *Directory {
	r := &Directory{svc: svc, win: win, do: fyne.Do}
	r.message = widget.NewLabel("")
	r.message.Wrapping = fyne.TextWrapWord
	r.message.Hide()
	r.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Instansi"), r.buildParties()),
		container.NewTabItem(lang.L("Pejabat"), r.buildOfficials()),
		container.NewTabItem(lang.L("Surat Kuasa"), r.buildMandates()),
	)
	r.content = container.NewBorder(nil, r.message, nil, nil, r.tabs)
	return r
}

// Content is the screen's root object.
func (r *Directory) Content() fyne.CanvasObject { return r.content }

// reload reads the registries.
func (r *Directory) reload() error {
	d, err := loadRegistry(r.svc)
	if err != nil {
		return err
	}
	r.apply(d)
	return nil
}

// reloadLater reads the registries off the UI goroutine, then shows them.
func (r *Directory) reloadLater(onErr func(error)) {
	go func() {
		d, err := loadRegistry(r.svc)
		r.do(func() {
			if err != nil {
				onErr(err)
				return
			}
			r.apply(d)
		})
	}()
}

type registryData struct {
	parties   []agreement.Party
	officials []agreement.Official
	mandates  []agreement.Mandate
}

// loadRegistry reads the parties and officials, sorted by name, and the mandates.
func loadRegistry(svc service.Service) (registryData, error) {
	var d registryData
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

func (r *Directory) apply(d registryData) {
	r.parties, r.officials, r.mandates = d.parties, d.officials, d.mandates
	r.filterParties()
	names := make([]string, len(r.parties))
	for i, p := range r.parties {
		names[i] = p.Name
	}
	r.oParty.Options, r.mParty.Options = names, names
	r.officialList.Refresh()
	r.mandateList.Refresh()
}

func (r *Directory) say(text string, bad bool) {
	r.message.SetText(text)
	r.message.Importance = widget.SuccessImportance
	if bad {
		r.message.Importance = widget.DangerImportance
	}
	r.message.Show()
}

// saved reports the result of a save: the problems in the user's language, or done.
func (r *Directory) saved(err error, what string) bool {
	var es agreement.Errors
	switch {
	case errors.As(err, &es):
		r.say(lang.L("Belum tersimpan:")+"\n"+es.Message(i18n.FromEnv()), true)
		return false
	case err != nil:
		r.say(lang.L("Belum tersimpan: {{.Error}}", map[string]any{"Error": err.Error()}), true)
		return false
	}
	r.say(lang.L("{{.What}} tersimpan.", map[string]any{"What": what}), false)
	if err := r.reload(); err != nil {
		r.say(err.Error(), true)
	}
	return true
}

// readDates reads each field into its date, or says which way to write a date.
func (r *Directory) readDates(fields map[*agreement.Date]*entry) bool {
	for to, field := range fields {
		d, err := parseFormDate(field.Text)
		if err != nil {
			r.say(lang.L("Tanggal tidak dapat dibaca: tulis hh/bb/tttt, mis. 03/07/2025."), true)
			return false
		}
		*to = d
	}
	return true
}

func (r *Directory) partyName(id agreement.ID) string {
	if i := r.partyIndex(id); i >= 0 {
		return r.parties[i].Name
	}
	return "–"
}

func (r *Directory) partyIndex(id agreement.ID) int {
	return slices.IndexFunc(r.parties, func(p agreement.Party) bool { return p.ID == id })
}

func (r *Directory) buildParties() fyne.CanvasObject {
	r.partyFilter = newEntry()
	r.partyFilter.SetPlaceHolder(lang.L("Saring nama instansi…"))
	r.partyFilter.OnChanged = func(string) { r.filterParties() }
	r.partyList = newTextList(func() int { return len(r.shownParties) }, func(i int) string {
		p := r.shownParties[i]
		if p.Own {
			return p.Name + " " + lang.L("(kantor kita)")
		}
		return p.Name
	})
	r.partyList.OnSelected = func(i widget.ListItemID) { r.showParty(r.shownParties[i]) }
	r.pKind = newSelect(labelsOf(agreement.PartyKinds, partyKindLabels), nil)
	r.pName, r.pShort, r.pSeat, r.pAddress = newEntry(), newEntry(), newEntry(), newMultiLineEntry()
	r.pLambang = canvas.NewImageFromResource(nil)
	r.pLambang.FillMode = canvas.ImageFillContain
	r.pLambang.SetMinSize(fyne.NewSize(96, 96))
	importBtn := widget.NewButtonWithIcon(lang.L("Impor lambang…"), theme.FolderOpenIcon(), r.onImportLambang)
	save := widget.NewButtonWithIcon(lang.L("Simpan"), theme.DocumentSaveIcon(), r.onSaveParty)
	save.Importance = widget.HighImportance
	add := widget.NewButtonWithIcon(lang.L("Instansi baru"), theme.ContentAddIcon(), func() {
		r.partyList.UnselectAll()
		r.showParty(agreement.Party{Kind: agreement.PartySwasta})
	})
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Jenis"), r.pKind),
		widget.NewFormItem(lang.L("Nama resmi"), r.pName),
		widget.NewFormItem(lang.L("Singkatan"), r.pShort),
		widget.NewFormItem(lang.L("Kedudukan"), r.pSeat),
		widget.NewFormItem(lang.L("Alamat"), r.pAddress),
		widget.NewFormItem(lang.L("Lambang"), container.NewHBox(r.pLambang, importBtn)),
	)
	left := container.NewBorder(container.NewBorder(nil, nil, nil, add, r.partyFilter), nil, nil, nil, r.partyList)
	right := container.NewBorder(nil, container.NewHBox(save), nil, nil, container.NewVScroll(form))
	split := container.NewHSplit(left, right)
	split.Offset = 0.4
	return split
}

func (r *Directory) filterParties() {
	want := search.Fold(strings.TrimSpace(r.partyFilter.Text))
	r.shownParties = r.shownParties[:0]
	for _, p := range r.parties {
		if want == "" || strings.Contains(search.Fold(p.Name+" "+p.ShortName), want) {
			r.shownParties = append(r.shownParties, p)
		}
	}
	r.partyList.Refresh()
}

func (r *Directory) showParty(p agreement.Party) {
	r.party = p
	for i, k := range agreement.PartyKinds {
		if k == p.Kind {
			r.pKind.SetSelectedIndex(i)
		}
	}
	r.pName.SetText(p.Name)
	r.pShort.SetText(p.ShortName)
	r.pSeat.SetText(p.Seat)
	r.pAddress.SetText(p.Address)
	r.pLambangRef = p.Lambang
	r.pLambang.Resource = nil
	r.pLambang.Image = nil
	if p.Lambang != nil {
		if data, err := r.svc.File(p.Lambang.SHA256); err == nil {
			r.pLambang.Resource = fyne.NewStaticResource(p.Lambang.Name, data)
		}
	}
	r.pLambang.Refresh()
}

func (r *Directory) onImportLambang() {
	d := dialog.NewFileOpen(func(f fyne.URIReadCloser, err error) {
		if err != nil || f == nil {
			return
		}
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, maxAttachment+1))
		if err != nil {
			r.say(err.Error(), true)
			return
		}
		r.importLambang(f.URI().Name(), data)
	}, r.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg"}))
	d.Show()
}

// importLambang keeps a coat of arms image for the party being edited.
func (r *Directory) importLambang(name string, data []byte) bool {
	media, ok := mediaTypes[strings.ToLower(filepath.Ext(name))]
	if !ok || media == "application/pdf" {
		r.say(lang.L("Lambang harus berupa gambar PNG atau JPG."), true)
		return false
	}
	if len(data) > 2<<20 {
		r.say(lang.L("Lambang lebih dari 2 MB; perkecil gambarnya."), true)
		return false
	}
	ref, err := r.svc.PutFile(name, media, data)
	if err != nil {
		r.say(err.Error(), true)
		return false
	}
	r.pLambangRef = &ref
	r.pLambang.Resource = fyne.NewStaticResource(name, data)
	r.pLambang.Refresh()
	return true
}

func (r *Directory) onSaveParty() {
	p := r.party
	if i := r.pKind.SelectedIndex(); i >= 0 {
		p.Kind = agreement.PartyKinds[i]
	}
	p.Name, p.ShortName = strings.TrimSpace(r.pName.Text), strings.TrimSpace(r.pShort.Text)
	p.Seat, p.Address = strings.TrimSpace(r.pSeat.Text), strings.TrimSpace(r.pAddress.Text)
	p.Lambang = r.pLambangRef
	if r.saved(r.svc.SaveParty(&p), p.Name) {
		r.party = p
	}
}

func (r *Directory) buildOfficials() fyne.CanvasObject {
	r.officialList = newTextList(func() int { return len(r.officials) }, func(i int) string {
		of := r.officials[i]
		return fmt.Sprintf("%s — %s%s (%s)", of.Name, of.Status.Prefix(), of.Jabatan, r.partyName(of.PartyID))
	})
	r.officialList.OnSelected = func(i widget.ListItemID) { r.showOfficial(r.officials[i]) }
	r.oParty = newSelect(nil, nil)
	r.oRole = newSelect(labelsOf(agreement.OfficialRoles, officialRoleLabels), nil)
	statusLabels := []string{lang.L("Definitif"), "Plt.", "Plh.", "Pj."}
	r.oStatus = newSelect(statusLabels, nil)
	r.oName, r.oJabatan, r.oNIP, r.oPangkat = newEntry(), newEntry(), newEntry(), newEntry()
	r.oFrom, r.oTo = newEntry(), newEntry()
	r.oFrom.SetPlaceHolder(lang.L("hh/bb/tttt"))
	r.oTo.SetPlaceHolder(lang.L("kosong selama masih menjabat"))
	save := widget.NewButtonWithIcon(lang.L("Simpan"), theme.DocumentSaveIcon(), r.onSaveOfficial)
	save.Importance = widget.HighImportance
	add := widget.NewButtonWithIcon(lang.L("Pejabat baru"), theme.ContentAddIcon(), func() {
		r.officialList.UnselectAll()
		r.showOfficial(agreement.Official{Role: agreement.RoleKepalaDaerah, Status: agreement.StatusDefinitif})
	})
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Instansi"), r.oParty),
		widget.NewFormItem(lang.L("Nama (dengan gelar)"), r.oName),
		widget.NewFormItem(lang.L("Jabatan"), r.oJabatan),
		widget.NewFormItem(lang.L("Peran"), r.oRole),
		widget.NewFormItem(lang.L("Status jabatan"), r.oStatus),
		widget.NewFormItem(lang.L("Pangkat/golongan"), r.oPangkat),
		widget.NewFormItem("NIP", r.oNIP),
		widget.NewFormItem(lang.L("Menjabat sejak"), r.oFrom),
		widget.NewFormItem(lang.L("Sampai"), r.oTo),
	)
	left := container.NewBorder(container.NewHBox(add), nil, nil, nil, r.officialList)
	right := container.NewBorder(nil, container.NewHBox(save), nil, nil, container.NewVScroll(form))
	split := container.NewHSplit(left, right)
	split.Offset = 0.4
	return split
}

func (r *Directory) showOfficial(o agreement.Official) {
	r.official = o
	r.oParty.SetSelectedIndex(r.partyIndex(o.PartyID))
	r.oName.SetText(o.Name)
	r.oJabatan.SetText(o.Jabatan)
	for i, x := range agreement.OfficialRoles {
		if x == o.Role {
			r.oRole.SetSelectedIndex(i)
		}
	}
	r.oStatus.SetSelectedIndex(0)
	for i, x := range officeStatuses {
		if x == o.Status {
			r.oStatus.SetSelectedIndex(i)
		}
	}
	r.oNIP.SetText(o.NIP)
	r.oPangkat.SetText(o.Pangkat)
	r.oFrom.SetText(formDate(o.From))
	r.oTo.SetText(formDate(o.To))
}

func (r *Directory) onSaveOfficial() {
	o := r.official
	if i := r.oParty.SelectedIndex(); i >= 0 {
		o.PartyID = r.parties[i].ID
	}
	if i := r.oRole.SelectedIndex(); i >= 0 {
		o.Role = agreement.OfficialRoles[i]
	}
	if i := r.oStatus.SelectedIndex(); i >= 0 {
		o.Status = officeStatuses[i]
	}
	o.Name, o.Jabatan = strings.TrimSpace(r.oName.Text), strings.TrimSpace(r.oJabatan.Text)
	o.NIP, o.Pangkat = strings.TrimSpace(r.oNIP.Text), strings.TrimSpace(r.oPangkat.Text)
	if !r.readDates(map[*agreement.Date]*entry{&o.From: r.oFrom, &o.To: r.oTo}) {
		return
	}
	if r.saved(r.svc.SaveOfficial(&o), o.Name) {
		r.official = o
	}
}

func (r *Directory) buildMandates() fyne.CanvasObject {
	r.mandateList = newTextList(func() int { return len(r.mandates) }, func(i int) string {
		m := r.mandates[i]
		return fmt.Sprintf("%s · %s · %s → %s", m.Number, shortDate(m.Date), r.officialName(m.GrantorID), r.officialName(m.GranteeID))
	})
	r.mandateList.OnSelected = func(i widget.ListItemID) { r.showMandate(r.mandates[i]) }
	r.mParty = newSelect(nil, func(string) { r.fillMandateOfficials() })
	r.mGrantor, r.mGrantee = newSelect(nil, nil), newSelect(nil, nil)
	r.mNumber, r.mDate, r.mScope, r.mValid = newEntry(), newEntry(), newMultiLineEntry(), newEntry()
	r.mDate.SetPlaceHolder(lang.L("hh/bb/tttt"))
	r.mValid.SetPlaceHolder(lang.L("hh/bb/tttt"))
	save := widget.NewButtonWithIcon(lang.L("Simpan"), theme.DocumentSaveIcon(), r.onSaveMandate)
	save.Importance = widget.HighImportance
	add := widget.NewButtonWithIcon(lang.L("Surat kuasa baru"), theme.ContentAddIcon(), func() {
		r.mandateList.UnselectAll()
		r.showMandate(agreement.Mandate{})
	})
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Instansi"), r.mParty),
		widget.NewFormItem(lang.L("Pemberi kuasa"), r.mGrantor),
		widget.NewFormItem(lang.L("Penerima kuasa"), r.mGrantee),
		widget.NewFormItem(lang.L("Nomor"), r.mNumber),
		widget.NewFormItem(lang.L("Tanggal"), r.mDate),
		widget.NewFormItem(lang.L("Lingkup kuasa"), r.mScope),
		widget.NewFormItem(lang.L("Berlaku sampai"), r.mValid),
	)
	left := container.NewBorder(container.NewHBox(add), nil, nil, nil, r.mandateList)
	right := container.NewBorder(nil, container.NewHBox(save), nil, nil, container.NewVScroll(form))
	split := container.NewHSplit(left, right)
	split.Offset = 0.4
	return split
}

func (r *Directory) officialName(id agreement.ID) string {
	if i := slices.IndexFunc(r.officials, func(o agreement.Official) bool { return o.ID == id }); i >= 0 {
		return r.officials[i].Name
	}
	return "–"
}

// partyOfficials are the officials of the party chosen for the mandate.
func (r *Directory) partyOfficials() []agreement.Official {
	i := r.mParty.SelectedIndex()
	if i < 0 {
		return nil
	}
	var out []agreement.Official
	for _, o := range r.officials {
		if o.PartyID == r.parties[i].ID {
			out = append(out, o)
		}
	}
	return out
}

func (r *Directory) fillMandateOfficials() {
	var names []string
	for _, o := range r.partyOfficials() {
		names = append(names, officialLabel(o))
	}
	r.mGrantor.Options, r.mGrantee.Options = names, names
	r.mGrantor.ClearSelected()
	r.mGrantee.ClearSelected()
	for i, o := range r.partyOfficials() {
		if o.ID == r.mandate.GrantorID {
			r.mGrantor.SetSelectedIndex(i)
		}
		if o.ID == r.mandate.GranteeID {
			r.mGrantee.SetSelectedIndex(i)
		}
	}
}

func (r *Directory) showMandate(m agreement.Mandate) {
	r.mandate = m
	r.mParty.SetSelectedIndex(r.partyIndex(m.PartyID))
	r.fillMandateOfficials()
	r.mNumber.SetText(m.Number)
	r.mDate.SetText(formDate(m.Date))
	r.mScope.SetText(m.Scope)
	r.mValid.SetText(formDate(m.ValidUntil))
}

func (r *Directory) onSaveMandate() {
	m := r.mandate
	if i := r.mParty.SelectedIndex(); i >= 0 {
		m.PartyID = r.parties[i].ID
	}
	officials := r.partyOfficials()
	if i := r.mGrantor.SelectedIndex(); i >= 0 && i < len(officials) {
		m.GrantorID = officials[i].ID
	}
	if i := r.mGrantee.SelectedIndex(); i >= 0 && i < len(officials) {
		m.GranteeID = officials[i].ID
	}
	m.Number, m.Scope = strings.TrimSpace(r.mNumber.Text), strings.TrimSpace(r.mScope.Text)
	if !r.readDates(map[*agreement.Date]*entry{&m.Date: r.mDate, &m.ValidUntil: r.mValid}) {
		return
	}
	if r.saved(r.svc.SaveMandate(&m), m.Number) {
		r.mandate = m
	}
}
