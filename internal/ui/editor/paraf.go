package editor

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/ui/kit"
)

// parafPart is the agreement's paraf koordinasi, under the parties and their
// signers: the units whose paraf prints beside our signature, one a line;
// left empty, the perangkat daerah pelaksana. Whether it prints at all is the
// office's choice (Pengaturan).
type parafPart struct {
	e *Editor

	units *kit.Entry
	// pick adds a unit of the agreement (a pelaksana, a party's perangkat
	// daerah) as a line.
	pick *kit.Picker
	// note says what prints while the units are left empty, and whether the
	// office prints a paraf koordinasi.
	note *widget.Label
	// byDefault and noOffice are the note's two parts.
	byDefault, noOffice string
}

func (p *parafPart) build() fyne.CanvasObject {
	e := p.e
	p.units = e.input(true)
	p.units.SetMinRowsVisible(2)
	p.units.OnChanged = func(string) { e.markDirty(); p.showNote() }
	p.pick = kit.NewPicker(nil, func(u string) {
		if u != "" {
			p.add(u)
		}
	})
	p.pick.SetPlaceHolder(lang.L("Tambah perangkat daerah pelaksana…"))
	p.note = widget.NewLabel("")
	p.note.Wrapping = fyne.TextWrapWord
	problem := e.problemLabel("paraf_units")
	for i := range agreement.MaxParafUnits + 1 {
		// A unit's problem shows under the list.
		f := fmt.Sprintf("paraf_units[%d]", i)
		e.problems[f], e.fieldTab[f] = problem, e.building
	}
	return widget.NewForm(widget.NewFormItem(lang.L("Paraf koordinasi"), container.NewVBox(p.units, p.pick, p.note, problem)))
}

func (p *parafPart) load(a agreement.Agreement) {
	p.units.SetText(strings.Join(a.ParafUnits, "\n"))
	p.units.SetPlaceHolder(lang.L("satu unit per baris, mis. Bagian Hukum"))
	p.byDefault = lang.L("Kosong: perangkat daerah pelaksana.")
	byDefault := a
	byDefault.ParafUnits = nil
	if units := byDefault.CoordinationUnits(); len(units) > 0 {
		p.byDefault = lang.L("Kosong: perangkat daerah pelaksana ({{.Units}}).", map[string]any{"Units": strings.Join(units, ", ")})
	}
	p.noOffice = ""
	if !p.officePrints() {
		p.noOffice = lang.L("Kantor kita belum mencetak paraf koordinasi: pilih di Pengaturan, Naskah cetak.")
	}
	p.showNote()
	var offer []string
	for _, u := range append(append([]string(nil), a.Implementers...), partyUnits(a)...) {
		if u = strings.TrimSpace(u); u != "" && !slices.ContainsFunc(offer, func(o string) bool { return strings.EqualFold(o, u) }) {
			offer = append(offer, u)
		}
	}
	p.pick.SetOptions(offer)
	p.pick.SetText("")
	enable(!a.Locked(), p.units, p.pick)
}

// partyUnits are the perangkat daerah standing as the agreement's parties.
func partyUnits(a agreement.Agreement) []string {
	var out []string
	for _, ap := range a.Parties {
		if ap.Unit != "" {
			out = append(out, ap.Unit)
		}
	}
	return out
}

// add puts unit on a line of its own, unless it is listed already.
func (p *parafPart) add(unit string) {
	var lines []string
	for _, l := range strings.Split(p.units.Text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if !slices.ContainsFunc(lines, func(l string) bool { return strings.EqualFold(l, unit) }) {
		p.units.SetText(strings.Join(append(lines, unit), "\n"))
	}
	p.pick.SetText("")
}

// showNote says what prints by default while no unit is named, and when the
// office prints no paraf koordinasi.
func (p *parafPart) showNote() {
	var parts []string
	if strings.TrimSpace(p.units.Text) == "" {
		parts = append(parts, p.byDefault)
	}
	if p.noOffice != "" {
		parts = append(parts, p.noOffice)
	}
	p.note.SetText(strings.Join(parts, " "))
	p.note.Hidden = len(parts) == 0
	p.note.Refresh()
}

// officePrints reports whether our office prints a paraf koordinasi; a
// registry that cannot be read says no.
func (p *parafPart) officePrints() bool {
	parties, err := p.e.svc.Parties()
	if err != nil {
		return false
	}
	for _, o := range parties {
		if o.Own && o.Page != nil {
			return o.Page.ParafKoordinasi
		}
	}
	return false
}

func (p *parafPart) apply(a *agreement.Agreement, _ *agreement.Errors) {
	a.ParafUnits = nil
	for _, line := range strings.Split(p.units.Text, "\n") {
		if u := strings.TrimSpace(line); u != "" {
			a.ParafUnits = append(a.ParafUnits, u)
		}
	}
}
