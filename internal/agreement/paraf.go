package agreement

import "sepakat/internal/i18n"

// Paraf as tata naskah writes it: besides the paraf box on every page, the
// officials of our office who checked the draft initial beside our signature
// (paraf hierarki), and the units concerned initial a paraf koordinasi. The
// office's PageProfile chooses both; an agreement may name its own units.

// MaxParafHierarki is how many officials a paraf hierarki holds.
const MaxParafHierarki = 3

// MaxParafUnits is how many units a paraf koordinasi holds.
const MaxParafUnits = 8

// CoordinationUnits are the units whose paraf koordinasi prints: those named
// for the agreement, else its perangkat daerah pelaksana, each once and at
// most MaxParafUnits (a long list of pelaksana is cut: name the units).
func (a *Agreement) CoordinationUnits() []string {
	list := a.ParafUnits
	if len(list) == 0 {
		list = a.Implementers
	}
	seen := map[string]bool{}
	var out []string
	for _, u := range list {
		key := foldTitle(u)
		if key == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, u)
		if len(out) == MaxParafUnits {
			break
		}
	}
	return out
}

// validateParaf checks the agreement's paraf units: named, not too long, each
// once, at most MaxParafUnits.
func (a *Agreement) validateParaf(es *Errors) {
	if len(a.ParafUnits) > MaxParafUnits {
		es.add("paraf_units", "paraf_max", MaxParafUnits)
	}
	seen := map[string]bool{}
	for i, u := range a.ParafUnits {
		f := idx("paraf_units", i)
		checkText(es, f, u, maxName, true)
		if key := foldTitle(u); key != "" && seen[key] {
			es.add(f, "paraf_duplicate", u)
		} else {
			seen[key] = true
		}
	}
}

// validateParaf checks the office's paraf hierarki: at most
// MaxParafHierarki officials, each of this office and named once.
func (p *Party) validateParaf(es *Errors, dir Directory) {
	pg := p.Page
	if len(pg.ParafHierarki) > MaxParafHierarki {
		es.add("page.paraf_hierarki", "paraf_max", MaxParafHierarki)
	}
	seen := map[ID]bool{}
	for i, id := range pg.ParafHierarki {
		f := idx("page.paraf_hierarki", i)
		o, ok := dir.Official(id)
		switch {
		case !ok:
			es.add(f, "not_found", id)
		case p.ID != 0 && o.PartyID != p.ID:
			es.add(f, "paraf_other_party", o.FullName())
		case seen[id]:
			es.add(f, "paraf_duplicate", o.FullName())
		}
		seen[id] = true
	}
}

func init() {
	// The words of the paraf rules, beside the table in errors.go.
	for code, t := range map[string]i18n.Text{
		"paraf_max":         {ID: "Paling banyak %d isian paraf.", EN: "At most %d paraf entries."},
		"paraf_duplicate":   {ID: "%s disebut dua kali dalam paraf.", EN: "%s is named twice in the paraf."},
		"paraf_other_party": {ID: "%s bukan pejabat kantor kita: paraf hierarki diisi pejabat kantor kita sendiri.", EN: "%s is not an official of our office: the paraf hierarki names officials of our own office."},
	} {
		messages[code] = t
	}
}
