package naskah

import (
	"strconv"
	"strings"

	"sepakat/internal/agreement"
	"sepakat/internal/bahasa"
)

// ParentPasal is one pasal of the parent, as the "what changes" question
// offers it: its number as printed, heading, and text with the parent's own
// words put in (so "{jenis} ini" stays the parent, not the Adendum).
type ParentPasal struct {
	Number  int
	Heading string
	Text    string
}

// PasalOf lists the pasal of a, inside BAB or not, in printed order.
func PasalOf(a *agreement.Agreement) []ParentPasal {
	var out []ParentPasal
	add := func(n agreement.Node) {
		out = append(out, ParentPasal{Number: len(out) + 1, Heading: n.Heading, Text: parentWords(a, nodeText(n))})
	}
	for _, n := range a.Body {
		if n.Kind == agreement.NodeBab {
			for _, c := range n.Children {
				if c.Kind == agreement.NodePasal {
					add(c)
				}
			}
		} else if n.Kind == agreement.NodePasal {
			add(n)
		}
	}
	return out
}

// nodeText is a pasal's text and its ayat, one paragraph per line.
func nodeText(n agreement.Node) string {
	var lines []string
	if t := strings.TrimSpace(n.Text); t != "" {
		lines = append(lines, t)
	}
	for _, c := range n.Children {
		lines = append(lines, nodeText(c))
	}
	return strings.Join(lines, "\n")
}

// parentWords puts in what the parent's placeholders say of the parent.
func parentWords(a *agreement.Agreement, text string) string {
	vars := map[string]string{"jenis": a.Kind.Title(), "tentang": strings.TrimRight(clean(a.Subject), ".;, ")}
	if a.Term.Length > 0 {
		unit := string(a.Term.Unit)
		if unit == "" {
			unit = string(agreement.UnitTahun)
		}
		vars["jangka_waktu"] = bahasa.Quantity(uint64(a.Term.Length), unit)
	}
	if s := a.EffectiveStart(); !s.IsZero() {
		vars["mulai_berlaku"] = "sejak tanggal " + bahasa.ShortDate(s.Time())
	}
	return placeholder.ReplaceAllStringFunc(text, func(m string) string {
		if v, ok := vars[m[1:len(m)-1]]; ok {
			return v
		}
		return m
	})
}

// termPasal finds the parent's pasal on its term (JANGKA WAKTU), or 0.
func termPasal(parent *agreement.Agreement) int {
	for _, p := range PasalOf(parent) {
		if strings.Contains(strings.ToUpper(p.Heading), "JANGKA WAKTU") {
			return p.Number
		}
	}
	return 0
}

// AdendumBody writes the pasal of an Adendum (or Perpanjangan) of parent that
// makes change m: Pasal I states the change in full, with dates and numbers
// written out, and Pasal II (from the clause library) keeps the rest of the
// parent in force and says when the Adendum comes into force. Nothing is left
// to be filled in by hand. m.End must be set when the term changes
// (Amendment.Resolve).
func AdendumBody(parent *agreement.Agreement, kind agreement.Kind, m agreement.Amendment, lib *Library) []agreement.Node {
	var changes []agreement.Node // one per change, each a complete statement
	if m.Term && m.End.Valid() {
		changes = append(changes, termChange(parent, kind, m))
	}
	for _, p := range m.Pasal {
		c := agreement.Node{Kind: agreement.NodePoint, Text: "Ketentuan Pasal " + itoa(p.Number) + " diubah sehingga berbunyi sebagai berikut:"}
		for _, line := range paragraphs(p.Text) {
			c.Children = append(c.Children, agreement.Node{Kind: agreement.NodeSubPoint, Text: line})
		}
		changes = append(changes, c)
	}
	if m.Signers {
		changes = append(changes, agreement.Node{Kind: agreement.NodePoint, Text: "Pejabat yang bertindak untuk dan atas nama masing-masing PIHAK dalam pelaksanaan {induk_singkat} selanjutnya adalah pejabat yang menandatangani {jenis} ini sebagaimana tercantum dalam bagian awal {jenis} ini."})
	}
	for _, line := range paragraphs(m.Text) {
		changes = append(changes, agreement.Node{Kind: agreement.NodePoint, Text: line})
	}
	var first agreement.Node
	switch {
	case len(changes) == 0:
		first = agreement.Node{Kind: agreement.NodePasal, Text: "PARA PIHAK sepakat bahwa seluruh ketentuan dalam {induk_singkat} tetap berlaku dan dilaksanakan sesuai dengan {jenis} ini."}
	case len(changes) == 1 && len(m.Pasal) == 1 && !m.Term && !m.Signers && m.Text == "":
		// One pasal rewritten: "Ketentuan Pasal 4 {induk_singkat} diubah …", then its new text.
		p := m.Pasal[0]
		first = agreement.Node{Kind: agreement.NodePasal, Text: "Ketentuan Pasal " + itoa(p.Number) + " {induk_singkat} diubah sehingga berbunyi sebagai berikut:"}
		for _, line := range paragraphs(p.Text) {
			first.Children = append(first.Children, agreement.Node{Kind: agreement.NodeAyat, Text: line})
		}
		if len(first.Children) == 1 {
			first.Children[0].Kind = agreement.NodePoint
		}
	case len(changes) == 1:
		first = agreement.Node{Kind: agreement.NodePasal, Text: changes[0].Text, Children: changes[0].Children}
	default:
		first = agreement.Node{Kind: agreement.NodePasal, Text: "Beberapa ketentuan dalam {induk_singkat} diubah sebagai berikut:", Children: changes}
	}
	body := []agreement.Node{first}
	if lib != nil {
		if c, ok := lib.Clause("adendum_penutup"); ok {
			body = append(body, c.Node)
		}
	}
	return body
}

// termChange states the parent's new end: lengthened by a period, or given a new date.
func termChange(parent *agreement.Agreement, kind agreement.Kind, m agreement.Amendment) agreement.Node {
	where := ""
	if n := termPasal(parent); n > 0 {
		where = " sebagaimana diatur dalam Pasal " + itoa(n)
	}
	end := bahasa.ShortDate(m.End.Time())
	old := parent.EffectiveEnd()
	var text string
	switch {
	case m.Length > 0 && old.Valid():
		unit := string(m.Unit)
		if unit == "" {
			unit = string(agreement.UnitTahun)
		}
		text = "Jangka waktu {induk_singkat}" + where + " diperpanjang selama " + bahasa.Quantity(uint64(m.Length), unit) +
			", terhitung sejak tanggal " + bahasa.ShortDate(old.AddDate(0, 0, 1).Time()) + " sampai dengan tanggal " + end + "."
	case old.Valid() && m.End.After(old):
		text = "Jangka waktu {induk_singkat}" + where + " diperpanjang sampai dengan tanggal " + end + "."
	default:
		text = "Jangka waktu {induk_singkat}" + where + " diubah sehingga berakhir pada tanggal " + end + "."
	}
	if kind == agreement.KindPerpanjangan {
		text = "PARA PIHAK sepakat bahwa j" + text[1:]
	}
	return agreement.Node{Kind: agreement.NodePoint, Text: text}
}

// paragraphs splits typed text into its non-empty lines.
func paragraphs(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

// PKSBody is the body of a PKS made from parent (a Kesepakatan Bersama or Nota
// Kesepakatan): the pasal "Baru" starts a PKS with (StartBody), with the parent's scope in place of
// the template's, since the PKS carries out what the parent agreed.
func PKSBody(parent *agreement.Agreement, lib *Library) []agreement.Node {
	body := lib.StartBody(agreement.KindPKS)
	var scope *agreement.Node
	for _, n := range flatPasal(parent.Body) {
		if strings.Contains(strings.ToUpper(n.Heading), "RUANG LINGKUP") {
			scope = &n
			break
		}
	}
	for i := range body {
		if scope != nil && strings.Contains(strings.ToUpper(body[i].Heading), "RUANG LINGKUP") {
			body[i] = *scope
		}
	}
	return body
}

func flatPasal(body []agreement.Node) []agreement.Node {
	var out []agreement.Node
	for _, n := range body {
		if n.Kind == agreement.NodeBab {
			out = append(out, flatPasal(n.Children)...)
		} else if n.Kind == agreement.NodePasal {
			out = append(out, n)
		}
	}
	return out
}

// StartBody is the body "Baru" starts a document of kind k with: every clause
// of the library made for k, in the library's order.
func (l *Library) StartBody(k agreement.Kind) []agreement.Node {
	var out []agreement.Node
	for _, c := range l.ClausesFor(k) {
		out = append(out, c.Node)
	}
	return out
}
