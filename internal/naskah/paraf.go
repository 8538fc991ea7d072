package naskah

import "strconv"

// Paraf is what our office's officials and the units concerned initial
// beside our signature, as tata naskah writes it: the paraf hierarki of up to
// three officials who checked the draft, the lowest first, and the paraf
// koordinasi of the units concerned. Both are empty unless the office
// chooses them.
type Paraf struct {
	Hierarki   []ParafEntry
	Koordinasi []ParafEntry
}

// ParafEntry is one row of a paraf table: an office and, in the paraf
// hierarki, the official's name.
type ParafEntry struct {
	Jabatan string
	Name    string
}

// Empty reports whether nothing of the paraf prints.
func (p Paraf) Empty() bool { return len(p.Hierarki) == 0 && len(p.Koordinasi) == 0 }

// Lines are the paraf as plain lines, for the preview: a heading, then one
// line a row.
func (p Paraf) Lines() []string {
	var out []string
	for _, t := range []struct {
		title string
		rows  []ParafEntry
	}{{"Paraf Hierarki", p.Hierarki}, {"Paraf Koordinasi", p.Koordinasi}} {
		if len(t.rows) == 0 {
			continue
		}
		out = append(out, t.title+":")
		for i, r := range t.rows {
			line := strconv.Itoa(i+1) + ". " + r.Jabatan
			if r.Name != "" {
				line += " (" + r.Name + ")"
			}
			out = append(out, line+" ……")
		}
	}
	return out
}

// paraf fills the document's paraf from the office's choices: the officials
// of the paraf hierarki as the registry names them now (one no longer found
// is left out), and the agreement's units for the paraf koordinasi.
func (b *builder) paraf(d *Document) {
	for _, id := range b.opt.ParafHierarki {
		o, err := b.src.Official(id)
		if err != nil {
			continue
		}
		d.Paraf.Hierarki = append(d.Paraf.Hierarki, ParafEntry{Jabatan: clean(o.Status.Prefix() + o.Jabatan), Name: clean(o.FullName())})
	}
	if b.opt.ParafKoordinasi {
		for _, u := range b.a.CoordinationUnits() {
			d.Paraf.Koordinasi = append(d.Paraf.Koordinasi, ParafEntry{Jabatan: clean(u)})
		}
	}
}
