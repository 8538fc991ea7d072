package naskah

import (
	"regexp"
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
	for i, n := range flatPasal(a.Body) {
		out = append(out, ParentPasal{Number: i + 1, Heading: n.Heading, Text: parentWords(a, nodeText(n))})
	}
	return out
}

// nodeText is a pasal's text with its ayat and butir, one paragraph per
// line, each item after its printed label ("(1) ", "a. ", "1) "), so that the
// text can be edited as it reads and parsed back (quoted).
func nodeText(n agreement.Node) string {
	var lines []string
	if t := strings.TrimSpace(n.Text); t != "" {
		lines = append(lines, t)
	}
	var walk func(nodes []agreement.Node)
	walk = func(nodes []agreement.Node) {
		ayat, butir, sub := 0, 0, 0
		for _, c := range nodes {
			var label string
			switch c.Kind {
			case agreement.NodeAyat:
				ayat++
				label = "(" + strconv.Itoa(ayat) + ")"
			case agreement.NodePoint:
				label = letter(butir) + "."
				butir++
			default:
				sub++
				label = strconv.Itoa(sub) + ")"
			}
			lines = append(lines, label+" "+strings.TrimSpace(c.Text))
			walk(c.Children)
		}
	}
	walk(n.Children)
	return strings.Join(lines, "\n")
}

var (
	ayatLabel  = regexp.MustCompile(`^\(\d+\)\s+`)
	butirLabel = regexp.MustCompile(`^[a-z]{1,2}\.\s+`)
	subLabel   = regexp.MustCompile(`^\d+\)\s+`)
)

// quoted reads a pasal's text as nodeText writes it (or as a person typed
// it) back into its opening text and its ayat, butir and sub-butir: a line
// after "(1)" is an ayat, after "a." a butir, after "1)" a sub-butir, each
// under the nearest item above it of a higher level. Lines before the first
// item are the opening; an unlabelled line after an item is an item of its
// own at the level of the last one; paragraphs without any label are ayat.
func quoted(text string) (intro string, items []agreement.Node) {
	var openers []string
	var stack []*agreement.Node // the open item at each depth
	var ranks []int
	var root []agreement.Node
	add := func(k agreement.NodeKind, rank int, t string) {
		for len(ranks) > 0 && ranks[len(ranks)-1] >= rank {
			stack, ranks = stack[:len(stack)-1], ranks[:len(ranks)-1]
		}
		n := agreement.Node{Kind: k, Text: t}
		var list *[]agreement.Node
		if len(stack) == 0 {
			list = &root
		} else {
			list = &stack[len(stack)-1].Children
		}
		*list = append(*list, n)
		stack, ranks = append(stack, &(*list)[len(*list)-1]), append(ranks, rank)
	}
	lastKind, lastRank := agreement.NodeAyat, 0
	for _, line := range paragraphs(text) {
		switch {
		case ayatLabel.MatchString(line):
			lastKind, lastRank = agreement.NodeAyat, 0
			add(lastKind, lastRank, ayatLabel.ReplaceAllString(line, ""))
		case butirLabel.MatchString(line):
			lastKind, lastRank = agreement.NodePoint, 1
			add(lastKind, lastRank, butirLabel.ReplaceAllString(line, ""))
		case subLabel.MatchString(line):
			lastKind, lastRank = agreement.NodeSubPoint, 2
			add(lastKind, lastRank, subLabel.ReplaceAllString(line, ""))
		case len(root) == 0:
			openers = append(openers, line)
		default:
			add(lastKind, lastRank, line)
		}
	}
	if len(root) == 0 && len(openers) > 1 {
		// Paragraphs typed without labels: the ayat of the new pasal.
		for _, o := range openers {
			root = append(root, agreement.Node{Kind: agreement.NodeAyat, Text: o})
		}
		return "", root
	}
	return strings.Join(openers, " "), root
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
	var body []agreement.Node // one pasal per change, each a complete statement
	if m.Term && m.End.Valid() {
		t := termChange(parent, kind, m)
		t.Kind = agreement.NodePasal
		body = append(body, t)
	}
	for _, p := range m.Pasal {
		body = append(body, pasalChange(p, "Ketentuan Pasal "+itoa(p.Number)+" {induk_singkat} diubah sehingga berbunyi sebagai berikut:"))
	}
	if m.Signers {
		body = append(body, agreement.Node{Kind: agreement.NodePasal, Text: "Pejabat yang bertindak untuk dan atas nama masing-masing PIHAK dalam pelaksanaan {induk_singkat} selanjutnya adalah pejabat yang menandatangani {jenis} ini."})
	}
	if strings.TrimSpace(m.Text) != "" {
		intro, items := quoted(m.Text)
		body = append(body, agreement.Node{Kind: agreement.NodePasal, Text: intro, Children: fitKinds(agreement.NodePasal, items)})
	}
	if len(body) == 0 {
		body = append(body, agreement.Node{Kind: agreement.NodePasal, Text: "PARA PIHAK sepakat bahwa seluruh ketentuan dalam {induk_singkat} tetap berlaku dan dilaksanakan sesuai dengan {jenis} ini."})
	}
	if lib != nil {
		if c, ok := lib.Clause("adendum_penutup"); ok {
			body = append(body, c.Node)
		}
	}
	return body
}

// AdendumPremises are the considerations that follow the citation of the
// parent in an Adendum or Perpanjangan making change m: why PARA PIHAK agree
// to it.
func AdendumPremises(parent *agreement.Agreement, m agreement.Amendment) []string {
	longer := m.Term && m.End.Valid() && (!parent.EffectiveEnd().Valid() || m.End.After(parent.EffectiveEnd()))
	switch {
	case m.Empty():
		return nil
	case longer && len(m.Pasal) == 0 && !m.Signers && m.Text == "":
		return []string{"bahwa untuk melanjutkan pelaksanaan kerja sama, PARA PIHAK sepakat untuk memperpanjang jangka waktu {induk_singkat};"}
	case longer:
		return []string{"bahwa untuk melanjutkan dan menyesuaikan pelaksanaan kerja sama, PARA PIHAK sepakat untuk memperpanjang jangka waktu dan mengubah beberapa ketentuan dalam {induk_singkat};"}
	}
	return []string{"bahwa untuk menyesuaikan pelaksanaan kerja sama dengan kebutuhan PARA PIHAK, PARA PIHAK sepakat untuk mengubah beberapa ketentuan dalam {induk_singkat};"}
}

// fitKinds gives items the kinds the body allows under parent: ayat or butir
// under a pasal, butir under an ayat, sub-butir under a butir; what stands
// under a sub-butir joins it as the next sub-butir.
func fitKinds(parent agreement.NodeKind, items []agreement.Node) []agreement.Node {
	var out []agreement.Node
	for _, n := range items {
		kids := n.Children
		switch parent {
		case agreement.NodePasal:
			if n.Kind != agreement.NodeAyat {
				n.Kind = agreement.NodePoint
			}
		case agreement.NodeAyat:
			n.Kind = agreement.NodePoint
		default:
			n.Kind = agreement.NodeSubPoint
		}
		if n.Kind == agreement.NodeSubPoint {
			n.Children = nil
			out = append(out, n)
			out = append(out, fitKinds(parent, kids)...)
			continue
		}
		n.Children = fitKinds(n.Kind, kids)
		out = append(out, n)
	}
	return out
}

// pasalChange is the pasal stating that pasal p now reads as its new text:
// the statement, the new opening text after it, then the new ayat and butir.
func pasalChange(p agreement.AmendedPasal, statement string) agreement.Node {
	intro, items := quoted(p.Text)
	text := statement
	if intro != "" {
		text += " " + intro
	}
	return agreement.Node{Kind: agreement.NodePasal, Text: text, Children: fitKinds(agreement.NodePasal, items)}
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
			// "Kesepakatan Bersama ini" written out in the parent is this PKS.
			body[i] = renamed(*scope, parent.Kind.Title()+" ini", "{jenis} ini")
		}
	}
	return body
}

// renamed is n with every old in its texts replaced by new.
func renamed(n agreement.Node, old, new string) agreement.Node {
	n.Text = strings.ReplaceAll(n.Text, old, new)
	kids := make([]agreement.Node, len(n.Children))
	for i, c := range n.Children {
		kids[i] = renamed(c, old, new)
	}
	if n.Children != nil {
		n.Children = kids
	}
	return n
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
