package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/ui/kit"
)

// parafSettings is the part of Naskah cetak that chooses the paraf beside our
// signature: up to three officials of our office for the paraf hierarki,
// picked from the registry, and whether a paraf koordinasi of the units
// concerned prints.
type parafSettings struct {
	picks      [agreement.MaxParafHierarki]*widget.Select
	koordinasi *widget.Check
	// offered are the officials the picks offer, in their order after "none".
	offered []agreement.Official
	content fyne.CanvasObject
}

func newParafSettings() *parafSettings {
	p := &parafSettings{}
	box := container.NewVBox()
	for i := range p.picks {
		p.picks[i] = kit.NewSelect(nil, nil)
		box.Add(p.picks[i])
	}
	p.koordinasi = widget.NewCheck(lang.L("Cetak paraf koordinasi perangkat daerah terkait (unitnya dipilih per perjanjian, di tab Para Pihak)"), nil)
	note := widget.NewLabel(lang.L("Paraf hierarki: sampai tiga pejabat kantor kita yang memeriksa naskah, dari yang terendah; dicetak dalam tabel di bawah tanda tangan kita. Pejabat diambil dari daftar Pejabat."))
	note.Wrapping = fyne.TextWrapWord
	box.Add(note)
	box.Add(p.koordinasi)
	p.content = box
	return p
}

// apply shows our office's choices; officials are the registry's, of which
// those of our office in office below the head of region (and any already
// chosen) are offered.
func (p *parafSettings) apply(own agreement.Party, officials []agreement.Official, today agreement.Date) {
	var chosen []agreement.ID
	if own.Page != nil {
		chosen = own.Page.ParafHierarki
		p.koordinasi.SetChecked(own.Page.ParafKoordinasi)
	} else {
		p.koordinasi.SetChecked(false)
	}
	p.offered = p.offered[:0]
	for _, o := range officials {
		// The head of region signs; the paraf is of those below.
		offer := o.InOffice(today) && o.Role != agreement.RoleKepalaDaerah
		if own.ID != 0 && o.PartyID == own.ID && (offer || slices.Contains(chosen, o.ID)) {
			p.offered = append(p.offered, o)
		}
	}
	options := []string{lang.L("(tanpa paraf)")}
	for _, o := range p.offered {
		options = append(options, parafLabel(o))
	}
	for i, sel := range p.picks {
		sel.SetOptions(options)
		sel.SetSelectedIndex(0)
		if i < len(chosen) {
			if k := slices.IndexFunc(p.offered, func(o agreement.Official) bool { return o.ID == chosen[i] }); k >= 0 {
				sel.SetSelectedIndex(k + 1)
			}
		}
	}
}

// read puts the choices into pg: the officials picked, in order, each once.
func (p *parafSettings) read(pg *agreement.PageProfile) {
	pg.ParafHierarki = nil
	for _, sel := range p.picks {
		if k := sel.SelectedIndex() - 1; k >= 0 && k < len(p.offered) && !slices.Contains(pg.ParafHierarki, p.offered[k].ID) {
			pg.ParafHierarki = append(pg.ParafHierarki, p.offered[k].ID)
		}
	}
	pg.ParafKoordinasi = p.koordinasi.Checked
}

// parafLabel names an official in a pick: the jabatan, then the name.
func parafLabel(o agreement.Official) string {
	return o.Status.Prefix() + o.Jabatan + " — " + o.FullName()
}
