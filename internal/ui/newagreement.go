package ui

import (
	"slices"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/naskah"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// newKinds are the kinds "Baru" starts; an Adendum or Perpanjangan starts from
// the agreement it changes.
var newKinds = []agreement.Kind{agreement.KindKSB, agreement.KindPKS, agreement.KindNK}

// defaultTerm is a new agreement's usual length by kind.
var defaultTerm = map[agreement.Kind]int{agreement.KindKSB: 5, agreement.KindPKS: 3, agreement.KindNK: 5}

// drafting is what Baru asks of the service: the directory to find or
// register the partner, the records to save the draft.
type drafting interface {
	service.Directory
	service.Records
}

// newAgreementDialog is Baru's dialog: the kind, the partner and the subject.
type newAgreementDialog struct {
	svc     drafting
	now     func() time.Time
	dialog  dialog.Dialog
	kind    *widget.Select
	partner *kit.Picker
	subject *kit.Entry
	problem *widget.Label
}

// onNew asks for the kind, the partner and the subject, then makes a draft from
// the template: our office and the partner as parties, the standard pasal of the
// clause library for that kind, the usual term; and opens it.
func (u *App) onNew() {
	parties, err := u.svc.Parties()
	if err != nil {
		kit.ShowFailure(u.win, lang.L("Perjanjian baru tidak dibuat:"), err)
		return
	}
	var own agreement.Party
	var names []string
	for _, p := range parties {
		if p.Own {
			own = p
		} else {
			names = append(names, p.Name)
		}
	}
	if own.ID == 0 {
		dialog.ShowInformation(lang.L("Kantor kita belum diatur"),
			lang.L("Sebelum membuat perjanjian baru, atur dulu kantor kita (pemerintah daerah dan skema penomoran) di Pengaturan, atau muat contoh bawaan."), u.win)
		return
	}
	regions, _ := kit.Governments()
	for _, n := range regions {
		if n != own.Name {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	names = slices.Compact(names) // a registered government is also in the region list

	kinds := make([]string, len(newKinds))
	for i, k := range newKinds {
		kinds[i] = string(k) + " – " + lang.L(k.Title())
	}
	n := &newAgreementDialog{svc: u.svc, now: u.now}
	u.newAgreement = n
	kind := kit.NewSelect(kinds, nil)
	kind.SetSelectedIndex(0)
	partner := kit.NewPicker(names, nil)
	partner.SetAlso(kit.ShortNames(parties))
	partner.SetPlaceHolder(lang.L("Instansi atau pemerintah daerah mitra"))
	subject := kit.NewMultiLineEntry()
	subject.SetPlaceHolder(lang.L("tentang …, mis. Pengembangan Desa Wisata"))
	problem := kit.NewProblemLabel()
	n.kind, n.partner, n.subject, n.problem = kind, partner, subject, problem
	// Say at once when the kind does not fit the partner picked.
	fit := func(string) {
		why, name := "", strings.TrimSpace(partner.Text)
		k := newKinds[max(kind.SelectedIndex(), 0)]
		_, regions := kit.Governments()
		if _, ok := regions[name]; ok {
			why = kindMisfit(k, agreement.Party{Kind: agreement.PartyPemkab, Name: name}) // any region
		}
		for _, p := range parties {
			if !p.Own && strings.EqualFold(p.Name, name) {
				why = kindMisfit(k, p)
			}
		}
		problem.SetText(why)
		problem.Hidden = why == ""
		problem.Refresh()
	}
	kind.OnChanged, partner.OnChanged = fit, fit
	var d dialog.Dialog
	create := func(ok bool) {
		if !ok {
			return
		}
		id, why := n.create(newKinds[max(kind.SelectedIndex(), 0)], own, parties, strings.TrimSpace(partner.Text), strings.TrimSpace(subject.Text))
		if why != "" {
			problem.SetText(why)
			problem.Show()
			d.Show() // keep what was typed
			return
		}
		u.Refresh()
		u.onOpen(id)
	}
	d = dialog.NewForm(lang.L("Perjanjian baru"), lang.L("Buat"), lang.L("Batal"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Jenis"), kind),
		widget.NewFormItem(lang.L("Mitra"), partner),
		widget.NewFormItem(lang.L("Tentang"), subject),
		widget.NewFormItem("", problem),
	}, create, u.win)
	n.dialog = d
	d.Resize(fyne.NewSize(640, 380))
	d.Show()
}

// create saves a new draft from the template and returns its ID, or says
// what is missing or why it was not saved.
func (n *newAgreementDialog) create(kind agreement.Kind, own agreement.Party, parties []agreement.Party, partnerName, subject string) (agreement.ID, string) {
	if partnerName == "" {
		return 0, lang.L("Pilih mitra: instansi dari daftar atau pemerintah daerah dari daftar wilayah.")
	}
	var partner agreement.Party
	for _, p := range parties {
		if strings.EqualFold(p.Name, partnerName) && !p.Own {
			partner = p
		}
	}
	if partner.ID == 0 {
		_, regions := kit.Governments()
		r, ok := regions[partnerName]
		if !ok {
			return 0, lang.L("\"{{.Name}}\" tidak ada di daftar instansi maupun daftar wilayah.", map[string]any{"Name": partnerName})
		}
		if why := kindMisfit(kind, agreement.Party{Kind: agreement.PartyPemkab, Name: partnerName}); why != "" {
			return 0, why // before the region is registered
		}
		var err error
		if partner, _, err = kit.PartyOfRegion(n.svc, parties, r); err != nil {
			return 0, kit.Unsaved(err)
		}
	}
	if partner.Own {
		return 0, lang.L("Mitra tidak boleh kantor kita sendiri.")
	}
	if why := kindMisfit(kind, partner); why != "" {
		return 0, why
	}
	lib, err := naskah.Shipped()
	if err != nil {
		return 0, kit.Message(err)
	}
	now := n.now()
	a := agreement.Agreement{
		Kind: kind, Subject: subject, Status: agreement.StatusKonsep, Place: own.Seat, Copies: 2,
		Parties: []agreement.AgreementParty{
			{PartyID: own.ID, Role: agreement.RolePihakPertama, Own: true, Meterai: true},
			{PartyID: partner.ID, Role: agreement.RolePihakKedua, Meterai: true},
		},
		Term:    agreement.Term{Length: defaultTerm[kind], Unit: agreement.UnitTahun},
		Created: now, Updated: now,
	}
	a.Category = agreement.CategoryFor([]agreement.PartyKind{partner.Kind})
	a.Voluntary = a.Category == agreement.CatKSDD // most are sukarela; the editor changes it
	a.Body = lib.StartBody(kind)
	a.Premises, a.LegalBases = lib.StartPremises(kind, a.Category), lib.StartLegalBases(kind, a.Category)
	if err := n.svc.SaveAgreement(&a); err != nil {
		return 0, kit.Unsaved(err)
	}
	return a.ID, ""
}

// kindMisfit says why a document of this kind cannot be made with partner
// (agreement.DocumentsFor), "" when it can.
func kindMisfit(kind agreement.Kind, partner agreement.Party) string {
	if slices.Contains(agreement.DocumentsFor([]agreement.PartyKind{partner.Kind}), kind) {
		return ""
	}
	if partner.Kind == agreement.PartyKementerian {
		return lang.L("Dengan kementerian atau lembaga pusat dibuat Nota Kesepakatan dengan rencana aksi, bukan {{.Kind}}. Pilih jenis NK.",
			map[string]any{"Kind": lang.L(kind.Title())})
	}
	return lang.L("Nota Kesepakatan dibuat dengan kementerian atau lembaga pusat; {{.Name}} bukan kementerian/lembaga. Pilih KSB atau PKS.",
		map[string]any{"Name": partner.Name})
}
