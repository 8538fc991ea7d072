package kit

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/wilayah"
)

// OfficialRoleLabels name the roles of an official, to be passed through lang.L.
var OfficialRoleLabels = map[agreement.OfficialRole]string{
	agreement.RoleKepalaDaerah: "Kepala daerah", agreement.RoleWakilKepalaDaerah: "Wakil kepala daerah", agreement.RoleSekda: "Sekretaris daerah",
	agreement.RoleKepalaPD: "Kepala perangkat daerah", agreement.RolePimpinan: "Pimpinan instansi", agreement.RoleLain: "Lainnya",
}

// OfficeStatuses are the statuses of an office in the order the forms offer them.
var OfficeStatuses = []agreement.OfficeStatus{agreement.StatusDefinitif, agreement.StatusPlt, agreement.StatusPlh, agreement.StatusPj}

// OfficeStatusLabels are OfficeStatuses as the forms show them.
func OfficeStatusLabels() []string { return []string{lang.L("Definitif"), "Plt.", "Plh.", "Pj."} }

// RoleLabels are agreement.OfficialRoles in the user's language.
func RoleLabels() []string {
	out := make([]string, len(agreement.OfficialRoles))
	for i, r := range agreement.OfficialRoles {
		out[i] = lang.L(OfficialRoleLabels[r])
	}
	return out
}

// inPlace is a small form in a dialog over a window that is being worked in:
// it saves one registry record and hands it back, or shows each problem
// beside its field and stays open.
type inPlace struct {
	dlg      dialog.Dialog
	problems map[string]*widget.Label
	general  *widget.Label
	save     *widget.Button
	cancel   *widget.Button
}

func (f *inPlace) field(label, path string, obj fyne.CanvasObject) *widget.FormItem {
	p := NewProblemLabel()
	f.problems[path] = p
	return widget.NewFormItem(label, container.NewVBox(obj, p))
}

func (f *inPlace) show(title string, form *widget.Form, win fyne.Window, onSave func()) {
	f.general = NewProblemLabel()
	f.save = widget.NewButtonWithIcon(lang.L("Simpan"), theme.DocumentSaveIcon(), onSave)
	f.save.Importance = widget.HighImportance
	f.cancel = widget.NewButton(lang.L("Batal"), func() { f.dlg.Hide() })
	content := container.NewVBox(form, f.general, container.NewHBox(layout.NewSpacer(), f.cancel, f.save))
	f.dlg = dialog.NewCustomWithoutButtons(title, content, win)
	f.dlg.Resize(fyne.NewSize(620, 0))
	f.dlg.Show()
}

func (f *inPlace) clear() {
	for _, p := range f.problems {
		p.Hide()
	}
	f.general.Hide()
}

func (f *inPlace) problem(path, text string) {
	p, ok := f.problems[path]
	if !ok {
		p = f.general
	}
	if p.Visible() && p.Text != "" {
		text = p.Text + "\n" + text
	}
	p.SetText(text)
	p.Show()
}

// failed shows why a save was refused: each field's problem beside it, the rest below.
func (f *inPlace) failed(err error) {
	var es agreement.Errors
	if !errors.As(err, &es) {
		f.problem("", Unsaved(err))
		return
	}
	for _, fe := range es {
		f.problem(fe.Field, fe.Message(Lang()))
	}
}

// readDate reads a form date into d, or says under the field how to write one.
func (f *inPlace) readDate(e *Entry, path string, d *agreement.Date) bool {
	v, err := ParseFormDate(e.Text)
	if err != nil {
		f.problem(path, lang.L("Tanggal tidak dapat dibaca: tulis hh/bb/tttt, mis. 03/07/2025."))
		return false
	}
	*d = v
	return true
}

// Hide closes the form without saving.
func (f *inPlace) Hide() { f.dlg.Hide() }

// Problem is what the form says about path ("" for the form as a whole), or ""
// when it says nothing.
func (f *inPlace) Problem(path string) string {
	p := f.general
	if path != "" {
		p = f.problems[path]
	}
	if p == nil || !p.Visible() {
		return ""
	}
	return p.Text
}

// SaveButton and CancelButton are the form's buttons.
func (f *inPlace) SaveButton() *widget.Button   { return f.save }
func (f *inPlace) CancelButton() *widget.Button { return f.cancel }

// OfficialForm is "Pejabat baru" opened where an official is picked: a new
// official of one instansi, saved through the service.
type OfficialForm struct {
	inPlace
	Front, Name, Back, Jabatan, Pangkat, NIP, From *Entry
	Role, Status                                   *widget.Select
}

// ShowOfficialForm opens the form over win for a new official of party;
// saved runs with the stored official after the form closes. head tells that
// the official is to sign where only the head of region may (a KSB of a
// regional government): the role is then Kepala daerah; otherwise the role,
// like the status, is chosen, never assumed.
func ShowOfficialForm(win fyne.Window, svc service.Directory, party agreement.Party, head bool, saved func(agreement.Official)) *OfficialForm {
	f := &OfficialForm{inPlace: inPlace{problems: map[string]*widget.Label{}}}
	f.Front, f.Name, f.Back = NewEntry(), NewEntry(), NewEntry()
	f.Jabatan, f.Pangkat, f.NIP, f.From = NewWrappedEntry(), NewEntry(), NewEntry(), NewEntry()
	f.Front.SetPlaceHolder(lang.L("mis. Dr. Ir."))
	f.Name.SetPlaceHolder(lang.L("mis. Dadang Supriatna"))
	f.Back.SetPlaceHolder(lang.L("mis. S.Sos., M.Si."))
	f.From.SetPlaceHolder(lang.L("hh/bb/tttt"))
	f.Role = NewSelect(RoleLabels(), nil)
	f.Status = NewSelect(OfficeStatusLabels(), nil)
	if r, ok := regionOf(party); ok && head {
		f.Role.SetSelectedIndex(slices.Index(agreement.OfficialRoles, agreement.RoleKepalaDaerah))
		f.Jabatan.SetText(r.HeadTitle())
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Instansi"), widget.NewLabel(party.Name)),
		f.field(lang.L("Gelar depan"), "front_title", f.Front),
		f.field(lang.L("Nama (tanpa gelar)"), "name", f.Name),
		f.field(lang.L("Gelar belakang"), "back_title", f.Back),
		f.field(lang.L("Jabatan"), "jabatan", f.Jabatan),
		f.field(lang.L("Peran"), "role", f.Role),
		f.field(lang.L("Status jabatan"), "status", f.Status),
		f.field(lang.L("Pangkat/golongan"), "pangkat", f.Pangkat),
		f.field("NIP", "nip", f.NIP),
		f.field(lang.L("Menjabat sejak"), "from", f.From),
	)
	f.show(lang.L("Pejabat baru"), form, win, func() {
		o := agreement.Official{PartyID: party.ID, Name: strings.TrimSpace(f.Name.Text), Jabatan: strings.TrimSpace(f.Jabatan.Text),
			Pangkat: strings.TrimSpace(f.Pangkat.Text), NIP: strings.TrimSpace(f.NIP.Text),
			FrontTitle: strings.TrimSpace(f.Front.Text), BackTitle: strings.TrimSpace(f.Back.Text)}
		if o.FrontTitle == "" && o.BackTitle == "" {
			// Titles typed into the name go to their own fields.
			o.FrontTitle, o.Name, o.BackTitle = agreement.SplitName(o.Name)
		}
		if i := f.Role.SelectedIndex(); i >= 0 {
			o.Role = agreement.OfficialRoles[i]
		}
		if i := f.Status.SelectedIndex(); i >= 0 {
			o.Status = OfficeStatuses[i]
		}
		f.clear()
		chosen := true
		if f.Role.SelectedIndex() < 0 {
			f.problem("role", lang.L("Pilih peran pejabat ini."))
			chosen = false
		}
		if f.Status.SelectedIndex() < 0 {
			f.problem("status", lang.L("Pilih status jabatannya: Definitif, Plt., Plh. atau Pj."))
			chosen = false
		}
		if !chosen {
			// Say at once what else is missing, as the save would.
			for path, v := range map[string]string{"name": o.Name, "jabatan": o.Jabatan} {
				if v == "" {
					f.problem(path, agreement.FieldError{Field: path, Code: "required"}.Message(Lang()))
				}
			}
		}
		if !f.readDate(f.From, "from", &o.From) || !chosen {
			return
		}
		if err := svc.SaveOfficial(&o); err != nil {
			f.failed(err)
			return
		}
		f.dlg.Hide()
		saved(o)
	})
	win.Canvas().Focus(f.Name)
	return f
}

func regionOf(p agreement.Party) (wilayah.Region, bool) {
	if p.RegionCode == "" {
		return wilayah.Region{}, false
	}
	l, err := wilayah.Load()
	if err != nil {
		return wilayah.Region{}, false
	}
	return l.Get(p.RegionCode)
}

// MandateForm is "Surat kuasa" opened where a mandate is picked: a new surat
// kuasa between two officials of one instansi, saved through the service.
type MandateForm struct {
	inPlace
	Grantor, Grantee    *Picker
	Number, Date, Valid *Entry
	Scope               *Entry
	officials           []agreement.Official
}

// ShowMandateForm opens the form over win for a new mandate of party, given
// among officials; grantee, when set, is chosen as the penerima kuasa. saved
// runs with the stored mandate after the form closes.
func ShowMandateForm(win fyne.Window, svc service.Directory, party agreement.Party, officials []agreement.Official, grantee agreement.ID, saved func(agreement.Mandate)) *MandateForm {
	f := &MandateForm{inPlace: inPlace{problems: map[string]*widget.Label{}}, officials: officials}
	labels := make([]string, len(officials))
	for i, o := range officials {
		labels[i] = OfficialLabel(o)
	}
	f.Grantor, f.Grantee = NewPicker(labels, nil), NewPicker(labels, nil)
	for i, o := range officials {
		if o.ID == grantee {
			f.Grantee.SetSelectedIndex(i)
		}
		if o.Role == agreement.RoleKepalaDaerah && f.Grantor.SelectedIndex() < 0 {
			f.Grantor.SetSelectedIndex(i)
		}
	}
	f.Number, f.Date, f.Valid = NewEntry(), NewEntry(), NewEntry()
	f.Number.SetPlaceHolder(lang.L("mis. 180/55/Huk/2025"))
	f.Date.SetPlaceHolder(lang.L("hh/bb/tttt"))
	f.Valid.SetPlaceHolder(lang.L("kosong bila tidak dibatasi"))
	f.Scope = NewMultiLineEntry()
	f.Scope.SetMinRowsVisible(3)
	f.Scope.SetPlaceHolder(lang.L("mis. menandatangani Perjanjian Kerja Sama tentang …"))
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Instansi"), widget.NewLabel(party.Name)),
		f.field(lang.L("Pemberi kuasa"), "grantor_id", f.Grantor),
		f.field(lang.L("Penerima kuasa"), "grantee_id", f.Grantee),
		f.field(lang.L("Nomor"), "number", f.Number),
		f.field(lang.L("Tanggal"), "date", f.Date),
		f.field(lang.L("Lingkup kuasa"), "scope", f.Scope),
		f.field(lang.L("Berlaku sampai"), "valid_until", f.Valid),
	)
	f.show(lang.L("Surat kuasa baru"), form, win, func() {
		m := agreement.Mandate{PartyID: party.ID, Number: strings.TrimSpace(f.Number.Text), Scope: strings.TrimSpace(f.Scope.Text)}
		if i := f.Grantor.SelectedIndex(); i >= 0 {
			m.GrantorID = f.officials[i].ID
		}
		if i := f.Grantee.SelectedIndex(); i >= 0 {
			m.GranteeID = f.officials[i].ID
		}
		f.clear()
		okDate := f.readDate(f.Date, "date", &m.Date)
		if !f.readDate(f.Valid, "valid_until", &m.ValidUntil) || !okDate {
			return
		}
		if err := svc.SaveMandate(&m); err != nil {
			f.failed(err)
			return
		}
		f.dlg.Hide()
		saved(m)
	})
	win.Canvas().Focus(f.Number)
	return f
}
