package editor

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/naskah"
	"sepakat/internal/ui/kit"
)

// bodyTab is the editor's Isi Naskah tab: the pasal tree, the selected node's
// heading and text, and a live preview built from the same document model as
// the PDF.
type bodyTab struct {
	e *Editor

	body     []agreement.Node
	tree     *widget.Tree
	selected string // path of the selected node: "2" or "2.0.1"
	heading  *kit.Entry
	text     *kit.Entry
	clauses  *widget.Select
	library  *naskah.Library
	preview  *widget.List
	// previewSegs are the preview's paragraphs, as rich text segments.
	previewSegs []widget.RichTextSegment
	// problems is what the document check finds in the previewed text.
	problems *widget.Label
	// fills says what the placeholders of the selected text ("{jenis}")
	// print as, from the last preview's document (fillValues).
	fills      *widget.Label
	fillValues map[string]string

	addPasal, addAyat, addPoint, split *widget.Button
	up, down, remove, insert           *widget.Button
	// editable are the widgets a signed text locks.
	editable []fyne.Disableable
	timer    *time.Timer
	locked   bool
	updating bool
	// previewStale says the preview waits for the tab to show.
	previewStale bool
	// stopPreview cancels the preview being built, when a newer one is asked
	// for or the window closes.
	stopPreview context.CancelFunc
	ownParties  []agreement.Party // read once, for the office's print choices
	// pre edits the premises and legal bases; sections holds them beside the pasal tree.
	pre      *preamble
	sections *container.AppTabs
}

// previewDelay lets a few keystrokes pass before the preview is rebuilt.
const previewDelay = 250 * time.Millisecond

func (t *bodyTab) build() fyne.CanvasObject {
	t.library, _ = naskah.Shipped()
	t.tree = widget.NewTree(t.childUIDs, t.isBranch, func(bool) fyne.CanvasObject {
		return kit.NewFitLabel("")
	}, t.updateNode)
	t.tree.OnSelected = t.selectNode
	t.heading = kit.NewEntry()
	t.heading.SetPlaceHolder(lang.L("Judul pasal, mis. RUANG LINGKUP"))
	t.text = kit.NewMultiLineEntry()
	t.text.SetMinRowsVisible(5)
	t.heading.OnChanged = func(s string) { t.edit(func(n *agreement.Node) { n.Heading = s }) }
	t.text.OnChanged = func(s string) { t.edit(func(n *agreement.Node) { n.Text = s }) }
	var titles []string
	if t.library != nil {
		for _, c := range t.library.Clauses {
			titles = append(titles, c.Title)
		}
	}
	t.clauses = kit.NewSelect(titles, func(string) {})
	t.clauses.PlaceHolder = lang.L("Pustaka klausul…")
	t.addPasal = widget.NewButtonWithIcon(lang.L("Pasal"), theme.ContentAddIcon(), func() { t.onAdd(agreement.NodePasal) })
	t.addAyat = widget.NewButtonWithIcon(lang.L("Ayat"), theme.ContentAddIcon(), func() { t.onAdd(agreement.NodeAyat) })
	t.addPoint = widget.NewButtonWithIcon(lang.L("Butir"), theme.ContentAddIcon(), func() { t.onAdd(agreement.NodePoint) })
	t.split = widget.NewButtonWithIcon(lang.L("Pecah"), theme.ContentCutIcon(), t.onSplit)
	t.up = widget.NewButtonWithIcon(lang.L("Naik"), theme.MoveUpIcon(), func() { t.onMove(-1) })
	t.down = widget.NewButtonWithIcon(lang.L("Turun"), theme.MoveDownIcon(), func() { t.onMove(1) })
	t.remove = widget.NewButtonWithIcon(lang.L("Hapus"), theme.DeleteIcon(), t.onRemove)
	t.insert = widget.NewButtonWithIcon(lang.L("Sisipkan"), theme.DocumentCreateIcon(), t.onInsertClause)
	t.editable = []fyne.Disableable{t.addPasal, t.addAyat, t.addPoint, t.split, t.up, t.down, t.remove, t.insert, t.clauses, t.heading, t.text}
	tools := container.NewGridWithColumns(4, t.addPasal, t.addAyat, t.addPoint, t.split, t.up, t.down, t.remove, t.insert)
	pasal := container.NewBorder(container.NewVBox(tools, t.clauses, t.e.problemLabel("body")), nil, nil, nil, t.tree)
	t.pre = newPreamble(t)
	t.sections = container.NewAppTabs(
		container.NewTabItem(lang.L("Pasal"), pasal),
		container.NewTabItem(lang.L("Premis"), container.NewBorder(t.e.problemLabel("premises"), nil, nil, nil, t.pre.premises.build())),
		container.NewTabItem(lang.L("Dasar hukum"), container.NewBorder(t.e.problemLabel("legal_bases"), nil, nil, nil, t.pre.legal.build())))
	left := t.sections
	t.fills = widget.NewLabel("")
	t.fills.Wrapping = fyne.TextWrapWord
	t.fills.Importance = widget.LowImportance
	t.fills.Hide()
	editor := container.NewBorder(t.heading, t.fills, nil, nil, t.text)
	// One list row per paragraph: only the rows in view are laid out and drawn.
	t.preview = widget.NewList(func() int { return len(t.previewSegs) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		seg := t.previewSegs[i].(*widget.TextSegment)
		l := o.(*widget.Label)
		l.Alignment, l.TextStyle = seg.Style.Alignment, seg.Style.TextStyle
		l.SetText(seg.Text)
		t.preview.SetItemHeight(i, l.MinSize().Height)
	})
	t.preview.HideSeparators = true
	t.preview.OnSelected = func(id widget.ListItemID) { t.preview.Unselect(id) } // a page, not a choice
	t.problems = widget.NewLabel("")
	t.problems.Wrapping = fyne.TextWrapWord
	t.problems.Importance = widget.WarningImportance
	t.problems.Hide()
	right := container.NewVSplit(editor, container.NewBorder(
		widget.NewLabelWithStyle(lang.L("Pratinjau naskah"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), t.problems, nil, nil,
		t.preview))
	right.Offset = 0.3
	split := container.NewHSplit(left, right)
	split.Offset = 0.42
	return split
}

// load shows the agreement's body.
func (t *bodyTab) load(a agreement.Agreement) {
	t.body = cloneNodes(a.Body)
	t.locked = a.Locked()
	t.pre.load(a)
	enable(!t.locked, t.editable...)
	t.selected = ""
	t.tree.Refresh()
	t.tree.UnselectAll()
	t.showSelected()
	t.previewStale = true // the editor rebuilds it once every tab has loaded
}

func (t *bodyTab) apply(a *agreement.Agreement, _ *agreement.Errors) {
	a.Body = cloneNodes(t.body)
	t.pre.apply(a)
}

// shown builds the preview when the tab shows, if it waits for that.
func (t *bodyTab) shown() {
	if t.previewStale {
		t.refreshPreview()
	}
}

func cloneNodes(ns []agreement.Node) []agreement.Node {
	if ns == nil {
		return nil
	}
	out := make([]agreement.Node, len(ns))
	for i, n := range ns {
		out[i] = n
		out[i].Children = cloneNodes(n.Children)
	}
	return out
}

func parsePath(uid string) []int {
	if uid == "" {
		return nil
	}
	var out []int
	for _, p := range strings.Split(uid, ".") {
		n, err := strconv.Atoi(p)
		if err != nil {
			return nil
		}
		out = append(out, n)
	}
	return out
}

func pathUID(path []int) string {
	parts := make([]string, len(path))
	for i, n := range path {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ".")
}

// list returns the sibling list that holds path's last element.
func (t *bodyTab) list(path []int) *[]agreement.Node {
	l := &t.body
	for _, i := range path[:max(len(path)-1, 0)] {
		if i < 0 || i >= len(*l) {
			return nil
		}
		l = &(*l)[i].Children
	}
	return l
}

func (t *bodyTab) node(path []int) *agreement.Node {
	if len(path) == 0 {
		return nil
	}
	l := t.list(path)
	i := path[len(path)-1]
	if l == nil || i < 0 || i >= len(*l) {
		return nil
	}
	return &(*l)[i]
}

func (t *bodyTab) childUIDs(uid widget.TreeNodeID) []widget.TreeNodeID {
	var kids []agreement.Node
	path := parsePath(uid)
	if uid == "" {
		kids = t.body
	} else if n := t.node(path); n != nil {
		kids = n.Children
	}
	out := make([]widget.TreeNodeID, len(kids))
	for i := range kids {
		out[i] = pathUID(append(append([]int(nil), path...), i))
	}
	return out
}

func (t *bodyTab) isBranch(uid widget.TreeNodeID) bool {
	if uid == "" {
		return true
	}
	n := t.node(parsePath(uid))
	return n != nil && len(n.Children) > 0
}

// label is how the tree names a node: "Pasal 3 · RUANG LINGKUP", "(2) …", "b. …".
func (t *bodyTab) label(path []int) string {
	n := t.node(path)
	if n == nil {
		return ""
	}
	i := path[len(path)-1]
	switch n.Kind {
	case agreement.NodeBab:
		return "BAB " + strings.TrimSpace(n.Heading)
	case agreement.NodePasal:
		number := 0
		var count func([]agreement.Node, []int) bool
		count = func(ns []agreement.Node, at []int) bool {
			for k := range ns {
				p := append(append([]int(nil), at...), k)
				if ns[k].Kind == agreement.NodePasal {
					number++
				}
				if pathUID(p) == pathUID(path) {
					return true
				}
				if ns[k].Kind == agreement.NodeBab && count(ns[k].Children, p) {
					return true
				}
			}
			return false
		}
		count(t.body, nil)
		return fmt.Sprintf("%s %d · %s", lang.L("Pasal"), number, n.Heading)
	case agreement.NodeAyat:
		return fmt.Sprintf("(%d) %s", i+1, n.Text)
	case agreement.NodePoint:
		return fmt.Sprintf("%c. %s", 'a'+rune(i%26), n.Text)
	}
	return fmt.Sprintf("%d) %s", i+1, n.Text)
}

func (t *bodyTab) updateNode(uid widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
	o.(*kit.FitLabel).SetText(t.label(parsePath(uid)))
}

func (t *bodyTab) selectNode(uid string) {
	t.selected = uid
	t.showSelected()
}

func (t *bodyTab) showSelected() {
	t.updating = true
	defer func() { t.updating = false }()
	n := t.node(parsePath(t.selected))
	if n == nil {
		t.heading.SetText("")
		t.text.SetText("")
		t.heading.Disable()
		t.text.Disable()
		return
	}
	t.heading.SetText(n.Heading)
	t.text.SetText(n.Text)
	t.showFills()
	if !t.locked {
		t.text.Enable()
		if n.Kind == agreement.NodePasal || n.Kind == agreement.NodeBab {
			t.heading.Enable()
		} else {
			t.heading.Disable()
		}
	}
}

// edit changes the selected node as typed.
func (t *bodyTab) edit(f func(*agreement.Node)) {
	if t.updating {
		return
	}
	if n := t.node(parsePath(t.selected)); n != nil {
		f(n)
		t.changed(false)
	}
}

// changed marks the form dirty and refreshes the tree (when its shape changed)
// and, a moment later, the preview.
func (t *bodyTab) changed(shape bool) {
	t.e.markDirty()
	if shape {
		t.tree.Refresh()
	} else {
		t.tree.RefreshItem(t.selected)
	}
	if t.timer != nil {
		t.timer.Stop()
	}
	t.timer = time.AfterFunc(previewDelay, func() { t.e.do(t.refreshPreview) })
}

// onAdd puts a new node of kind after the selected node's level: a pasal after
// the selected pasal (or at the end), an ayat in the selected pasal, a point in
// the selected ayat or pasal.
func (t *bodyTab) onAdd(kind agreement.NodeKind) {
	path := parsePath(t.selected)
	n := agreement.Node{Kind: kind}
	var newPath []int
	switch kind {
	case agreement.NodePasal:
		top := len(t.body)
		if len(path) > 0 {
			top = path[0] + 1
		}
		n.Heading = strings.ToUpper(lang.L("Judul pasal"))
		t.body = append(t.body[:top], append([]agreement.Node{n}, t.body[top:]...)...)
		newPath = []int{top}
	default:
		// The parent: the selected node if it may hold this kind, else its parent.
		parent := path
		for len(parent) > 0 {
			pn := t.node(parent)
			if pn != nil && mayHold(pn.Kind, kind) {
				break
			}
			parent = parent[:len(parent)-1]
		}
		pn := t.node(parent)
		if pn == nil {
			t.e.notice(lang.L("Pilih dulu pasal (atau ayat) tempat {{.Kind}} ditambahkan.", map[string]any{"Kind": lang.L(nodeName(kind))}))
			return
		}
		pn.Children = append(pn.Children, n)
		newPath = append(append([]int(nil), parent...), len(pn.Children)-1)
	}
	t.changed(true)
	t.selectPath(newPath)
}

func nodeName(k agreement.NodeKind) string {
	switch k {
	case agreement.NodeAyat:
		return "ayat"
	case agreement.NodePoint:
		return "butir"
	}
	return "pasal"
}

// mayHold reports whether a node of kind parent may hold one of kind child.
func mayHold(parent, child agreement.NodeKind) bool {
	switch parent {
	case agreement.NodePasal:
		return child == agreement.NodeAyat || child == agreement.NodePoint
	case agreement.NodeAyat:
		return child == agreement.NodePoint
	case agreement.NodePoint:
		return child == agreement.NodeSubPoint
	}
	return false
}

func (t *bodyTab) selectPath(path []int) {
	uid := pathUID(path)
	for i := 1; i < len(path); i++ {
		t.tree.OpenBranch(pathUID(path[:i]))
	}
	t.tree.Select(uid)
	t.selectNode(uid)
}

// onMove moves the selected node among its siblings.
func (t *bodyTab) onMove(by int) {
	path := parsePath(t.selected)
	l := t.list(path)
	if l == nil || len(path) == 0 {
		return
	}
	i := path[len(path)-1]
	j := i + by
	if j < 0 || j >= len(*l) {
		return
	}
	(*l)[i], (*l)[j] = (*l)[j], (*l)[i]
	path[len(path)-1] = j
	t.changed(true)
	t.selectPath(path)
}

// onRemove deletes the selected node with what it holds.
func (t *bodyTab) onRemove() {
	path := parsePath(t.selected)
	l := t.list(path)
	if l == nil || len(path) == 0 {
		return
	}
	i := path[len(path)-1]
	if i >= len(*l) {
		return
	}
	*l = append((*l)[:i], (*l)[i+1:]...)
	t.selected = ""
	t.tree.UnselectAll()
	t.changed(true)
	t.showSelected()
}

// onSplit cuts the selected node's text at the cursor into two nodes of its kind.
func (t *bodyTab) onSplit() {
	path := parsePath(t.selected)
	n := t.node(path)
	if n == nil {
		return
	}
	runes := []rune(t.text.Text)
	at := t.text.CursorColumn
	// The cursor's row and column give its place in the text.
	rows := strings.Split(t.text.Text, "\n")
	offset := 0
	for r := 0; r < t.text.CursorRow && r < len(rows); r++ {
		offset += len([]rune(rows[r])) + 1
	}
	at += offset
	if at <= 0 || at >= len(runes) {
		t.e.notice(lang.L("Letakkan kursor di dalam teks, di tempat naskah dipecah."))
		return
	}
	first, second := strings.TrimSpace(string(runes[:at])), strings.TrimSpace(string(runes[at:]))
	n.Text = first
	next := agreement.Node{Kind: n.Kind, Text: second}
	l := t.list(path)
	i := path[len(path)-1]
	*l = append((*l)[:i+1], append([]agreement.Node{next}, (*l)[i+1:]...)...)
	path[len(path)-1] = i + 1
	t.changed(true)
	t.selectPath(path)
}

// onInsertClause puts the chosen standard pasal after the selected pasal.
func (t *bodyTab) onInsertClause() {
	if t.library == nil || t.clauses.SelectedIndex() < 0 {
		t.e.notice(lang.L("Pilih dulu klausul dari pustaka klausul."))
		return
	}
	c := t.library.Clauses[t.clauses.SelectedIndex()]
	path := parsePath(t.selected)
	top := len(t.body)
	if len(path) > 0 {
		top = path[0] + 1
	}
	node := cloneNodes([]agreement.Node{c.Node})[0]
	t.body = append(t.body[:top], append([]agreement.Node{node}, t.body[top:]...)...)
	t.changed(true)
	t.selectPath([]int{top})
}

// refreshPreview builds the document from the form as it stands, off the UI
// goroutine, and shows it; a newer preview cancels the one being built.
func (t *bodyTab) refreshPreview() {
	t.previewStale = false
	if t.library == nil {
		return
	}
	a, _ := t.e.form()
	t.cancelPreview()
	ctx, cancel := context.WithCancel(context.Background())
	t.stopPreview = cancel
	svc, library, own := t.e.svc, t.library, t.ownParties
	go func() {
		segs, problems, own, fills := buildPreview(ctx, &a, svc, library, own)
		if ctx.Err() != nil {
			return
		}
		t.e.do(func() {
			if ctx.Err() != nil {
				return // a newer preview was asked for, or the window closed
			}
			t.ownParties = own
			if fills != nil {
				t.fillValues = fills
			}
			t.showFills()
			t.previewSegs = segs
			t.preview.Refresh()
			t.showProblems(problems)
		})
	}()
}

// cancelPreview stops the preview waiting to be built or being built.
func (t *bodyTab) cancelPreview() {
	if t.timer != nil {
		t.timer.Stop()
	}
	if t.stopPreview != nil {
		t.stopPreview()
	}
}

// showFills says under the selected text what each of its placeholders
// prints as: "{induk_singkat} = Perjanjian Kerja Sama Nomor …".
func (t *bodyTab) showFills() {
	var lines []string
	if n := t.node(parsePath(t.selected)); n != nil {
		for _, name := range naskah.Placeholders(n.Heading + " " + n.Text) {
			v := t.fillValues[name]
			if v == "" {
				v = lang.L("(belum dapat diisi)")
			}
			lines = append(lines, "{"+name+"} = "+v)
		}
	}
	if len(lines) == 0 {
		t.fills.SetText("")
		t.fills.Hide()
		return
	}
	t.fills.SetText(lang.L("Isian dalam teks ini, tercetak sebagai:") + "\n" + strings.Join(lines, "\n"))
	t.fills.Show()
}

// showProblems lists what the document check found under the preview.
func (t *bodyTab) showProblems(problems []naskah.Problem) {
	if len(problems) == 0 {
		t.problems.SetText("")
		t.problems.Hide()
		return
	}
	t.problems.SetText(lang.L("Periksa naskah:") + "\n" + kit.ProblemLines(problems))
	t.problems.Show()
}

// buildPreview lays out the document of a and checks it; own are our
// office's records (read when nil), whose print choices the document follows.
// fills are what the text's placeholders print as (nil when it does not build).
func buildPreview(ctx context.Context, a *agreement.Agreement, svc Service, library *naskah.Library, own []agreement.Party) ([]widget.RichTextSegment, []naskah.Problem, []agreement.Party, map[string]string) {
	if own == nil {
		own, _ = svc.Parties() // the office's choices; a failure only leaves the defaults
	}
	if ctx.Err() != nil {
		return nil, nil, own, nil
	}
	opt := naskah.OfficeOptions(own)
	opt.Draft = !a.Locked()
	doc, err := naskah.Build(a, svc, library, opt)
	if err != nil {
		return []widget.RichTextSegment{&widget.TextSegment{Text: kit.Failure(lang.L("Pratinjau belum dapat dibuat:"), err)}}, nil, own, nil
	}
	return previewSegments(doc, actingAbbrev(own)), naskah.Check(doc, a), own, doc.Fills
}

// actingAbbrev says whether our office prints acting heads as "Pj." in the
// signature block, as the PDF does.
func actingAbbrev(own []agreement.Party) bool {
	for _, p := range own {
		if p.Own && p.Page != nil {
			return p.Page.ActingAbbrev
		}
	}
	return false
}

// previewSegments lays a document out as rich text: the title, numbers and
// pasal labels centred (a run of centred lines is one block, as on paper),
// items indented under their label, acting heads in the signature block as
// the office prints them (actingShort: "Pj.").
func previewSegments(d *naskah.Document, actingShort bool) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	signer := 0
	for _, p := range d.Paragraphs() {
		style := widget.RichTextStyleParagraph
		text := p.Text
		switch p.Part {
		case naskah.PartSigner:
			// The jabatan as the signature block prints it: "Pj." or in full words.
			if signer < len(d.Signatures) {
				s := d.Signatures[signer]
				text = strings.Join(strings.Fields(s.Role+" "+s.JabatanLine(actingShort)+" "+s.Name+" "+s.Pangkat+" "+s.NIP), " ")
			}
			signer++
			if signer == len(d.Signatures) && !d.Paraf.Empty() {
				// The paraf beside our signature, after the last signer, as printed.
				out = append(out, &widget.TextSegment{Text: text, Style: style},
					&widget.TextSegment{Text: strings.Join(d.Paraf.Lines(), "\n"), Style: widget.RichTextStyleParagraph})
				continue
			}
		case naskah.PartTitle, naskah.PartSection, naskah.PartNumber:
			style.Alignment = fyne.TextAlignCenter
			style.TextStyle.Bold = p.Part != naskah.PartNumber
			if n := len(out); n > 0 {
				if last := out[n-1].(*widget.TextSegment); last.Style == style {
					last.Text += "\n" + text
					continue
				}
			}
		case naskah.PartItem:
			text = strings.Repeat("\u2003", p.Depth+1) + text
		}
		out = append(out, &widget.TextSegment{Text: text, Style: style})
	}
	return out
}
