package editor

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/bahasa"
	"sepakat/internal/docx"
	"sepakat/internal/exchange"
	"sepakat/internal/export"
	"sepakat/internal/naskah"
	"sepakat/internal/pdf"
	"sepakat/internal/ui/kit"
)

// negotiation is the round trip of a draft with the partner office: "Kirim ke
// mitra" writes it as a Word file and keeps it as a lampiran; "Terima dari
// mitra" reads the partner's file back and opens the comparison.
type negotiation struct {
	e             *Editor
	send, receive *widget.Button
	// turn says whose turn it is in the round trip.
	turn *widget.Label
	// view is the last comparison opened.
	view *comparisonView
	// choice asks what to send: a Word file or a .sepakat package.
	choice             dialog.Dialog
	sendWord, sendPack *widget.Button
}

// negotiationButtons makes the two buttons of the editor's toolbar.
func (e *Editor) negotiationButtons() []fyne.CanvasObject {
	n := &negotiation{e: e}
	e.negotiation = n
	n.send = widget.NewButtonWithIcon(lang.L("Kirim ke mitra"), theme.MailSendIcon(), n.onSend)
	n.receive = widget.NewButtonWithIcon(lang.L("Terima dari mitra"), theme.MailReplyIcon(), n.onReceive)
	n.turn = widget.NewLabel("")
	n.turn.Importance = widget.LowImportance
	return []fyne.CanvasObject{widget.NewSeparator(), n.send, n.receive, n.turn}
}

// refresh offers the round trip while the text can still change: a signed
// agreement's text is locked.
// It also says whose turn it is, from the rounds kept.
func (n *negotiation) refresh(a agreement.Agreement) {
	for _, b := range []*widget.Button{n.send, n.receive} {
		if a.Locked() {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	dir, since := docx.Turn(&a)
	days := int(n.e.now().Sub(since).Hours() / 24)
	switch {
	case a.Locked() || dir == 0:
		n.turn.SetText("")
	case dir == docx.ToPartner:
		n.turn.SetText(lang.L("Menunggu mitra sejak {{.Date}} ({{.Days}} hari)", map[string]any{"Date": bahasa.ShortDate(since.In(n.e.now().Location())), "Days": days}))
	default:
		n.turn.SetText(lang.L("Giliran kita: berkas mitra diterima {{.Date}}", map[string]any{"Date": bahasa.ShortDate(since.In(n.e.now().Location()))}))
	}
}

// document builds a's document and our office's page as the Word file has them.
func (n *negotiation) document(a *agreement.Agreement) (*naskah.Document, docx.Page, error) {
	src := n.e.svc
	lib, err := naskah.Shipped()
	if err != nil {
		return nil, docx.Page{}, err
	}
	opt := export.NaskahOptions(src)
	opt.Draft = true
	d, err := naskah.Build(a, src, lib, opt)
	if err != nil {
		return nil, docx.Page{}, err
	}
	p := export.OfficeProfile(src)
	return d, docx.Page{Paper: p.Paper, Font: p.Font, FontSize: p.FontSize, LineSpacing: p.LineSpacing,
		MarginTop: p.MarginTop, MarginRight: p.MarginRight, MarginBot: p.MarginBot, MarginLeft: p.MarginLeft,
		Halaman: p.PageNumbers == pdf.NumberHalaman, ActingAbbrev: p.ActingAbbrev}, nil
}

// onSend saves unsaved changes first, then asks what to send: a Word file
// (a partner without Sepakat) or a .sepakat package (a partner with it).
func (n *negotiation) onSend() {
	e := n.e
	if e.dirty && !e.onSave() {
		return
	}
	n.sendWord = widget.NewButtonWithIcon(lang.L("Berkas Word (.docx)"), theme.DocumentIcon(), func() { n.choice.Hide(); n.saveAs(".docx") })
	n.sendPack = widget.NewButtonWithIcon(lang.L("Paket Sepakat (.sepakat)"), theme.MailSendIcon(), func() { n.choice.Hide(); n.saveAs(exchange.Ext) })
	hint := widget.NewLabel(lang.L("Mitra yang tidak memakai Sepakat menerima berkas Word. Mitra yang juga memakai Sepakat menerima paket .sepakat: naskah dengan para pihak, pejabat dan surat kuasanya, disegel sidik SHA-256."))
	hint.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(hint, n.sendWord, n.sendPack)
	n.choice = dialog.NewCustom(lang.L("Kirim ke mitra"), lang.L("Batal"), body, e.win)
	n.choice.Resize(fyne.NewSize(520, 260))
	n.choice.Show()
}

// saveAs asks where to write the file of extension ext (".docx", ".sepakat").
func (n *negotiation) saveAs(ext string) {
	e := n.e
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			e.fail(lang.L("Berkas untuk mitra tidak dibuat:"), err)
			return
		}
		if w != nil {
			n.sendTo(w, w.URI().Name())
		}
	}, e.win)
	save.SetFileName(fmt.Sprintf("%s-%d untuk mitra%s", e.a.Kind, e.a.ID, ext))
	save.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	kit.StartInDocuments(save, e.app)
	save.Show()
}

// isPackage says whether a file is a .sepakat package, by its name.
func isPackage(name string) bool { return strings.HasSuffix(strings.ToLower(name), exchange.Ext) }

// sendTo writes the Word file (or, for a name ending in .sepakat, the
// package) to w and keeps it as the next round sent.
func (n *negotiation) sendTo(w io.WriteCloser, name string) bool {
	if isPackage(name) {
		return n.sendPackageTo(w, name)
	}
	e := n.e
	a := e.a
	d, page, err := n.document(&a)
	var buf bytes.Buffer
	if err == nil {
		err = docx.Write(&buf, d, page, docx.Marker{ID: uint64(a.ID), Rev: a.Rev, Code: d.Code, Fingerprint: d.Fingerprint(), Made: e.now()})
	}
	if err == nil {
		_, err = w.Write(buf.Bytes())
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		e.fail(lang.L("Berkas untuk mitra tidak dibuat:"), err)
		return false
	}
	round := docx.NextRound(&a, docx.ToPartner)
	ref, err := e.svc.PutFile(name, docx.MediaType, buf.Bytes())
	if err != nil {
		e.fail(lang.L("Berkas ditulis, tetapi tidak disimpan sebagai lampiran:"), err)
		return false
	}
	a.Attachments = append(a.Attachments, agreement.Attachment{Kind: agreement.AttachDraft, File: ref, Added: e.now(), Note: docx.SentNote(round, a.Rev)})
	if !e.commit(a) {
		return false
	}
	e.notice(lang.L("Berkas Word untuk mitra ditulis ke {{.Name}} dan disimpan sebagai lampiran (putaran {{.Round}}).", map[string]any{"Name": name, "Round": round}))
	return true
}

// sendPackageTo writes the .sepakat package to w and keeps it as the next
// round sent; the agreement gets its exchange key with the first.
func (n *negotiation) sendPackageTo(w io.WriteCloser, name string) bool {
	e := n.e
	a := e.a
	p, round, err := exchange.Send(e.svc, &a, e.now())
	var buf bytes.Buffer
	if err == nil {
		err = exchange.Write(&buf, p)
	}
	if err == nil {
		_, err = w.Write(buf.Bytes())
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		e.fail(lang.L("Paket untuk mitra tidak dibuat:"), err)
		return false
	}
	ref, err := e.svc.PutFile(name, exchange.MediaType, buf.Bytes())
	if err != nil {
		e.fail(lang.L("Berkas ditulis, tetapi tidak disimpan sebagai lampiran:"), err)
		return false
	}
	exchange.Sent(&a, round, ref, e.now())
	if !e.commit(a) {
		return false
	}
	e.notice(lang.L("Paket .sepakat untuk mitra ditulis ke {{.Name}} dan disimpan sebagai lampiran (putaran {{.Round}}).", map[string]any{"Name": name, "Round": round}))
	return true
}

// onReceive saves unsaved changes first, then asks for the partner's file.
func (n *negotiation) onReceive() {
	e := n.e
	if e.dirty && !e.onSave() {
		return
	}
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			e.fail(lang.L("Berkas mitra tidak dapat dibaca:"), err)
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, max(docx.MaxFileSize, exchange.MaxSize)+1))
		if err != nil {
			e.fail(lang.L("Berkas mitra tidak dapat dibaca:"), err)
			return
		}
		n.receiveFile(r.URI().Name(), data)
	}, e.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{".docx", ".odt", ".doc", exchange.Ext}))
	kit.StartInDocuments(open, e.app)
	open.Show()
}

// receiveFile reads the partner's file and opens the comparison, or says in
// the editor why it cannot, changing nothing.
func (n *negotiation) receiveFile(name string, data []byte) *comparisonView {
	if isPackage(name) {
		return n.receivePackage(name, data)
	}
	e := n.e
	rec, err := docx.Read(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		e.fail(lang.L("Berkas mitra tidak dapat dibaca:"), err)
		return nil
	}
	a := e.a
	d, _, err := n.document(&a)
	if err == nil {
		err = rec.Check(uint64(a.ID), docx.LastSent(&a, e.svc.File), d.Code)
	}
	if err != nil {
		e.fail(lang.L("Berkas mitra tidak dapat dibaca:"), err)
		return nil
	}
	v := &comparisonView{n: n, name: name, data: data, rec: rec, code: d.Code,
		changes: docx.Compare(docx.OutlineOf(d), rec.Outline)}
	v.build(d)
	n.view = v
	v.win.Show()
	return v
}

// receivePackage reads the partner's .sepakat package against the open
// agreement and opens the comparison, or says why it cannot, changing nothing.
func (n *negotiation) receivePackage(name string, data []byte) *comparisonView {
	e := n.e
	p, err := exchange.Read(data)
	var rc *exchange.Receipt
	if err == nil {
		a := e.a
		rc, err = exchange.Prepare(e.svc, p, &a)
	}
	if err != nil {
		e.fail(lang.L("Paket mitra tidak dapat diterima:"), err)
		return nil
	}
	v := &comparisonView{n: n, name: name, data: data, pkg: rc, code: rc.Ours.Code, changes: rc.Changes}
	v.build(rc.Ours)
	n.view = v
	v.win.Show()
	return v
}

// decision is what was decided about one change.
type decision int

const (
	undecided decision = iota
	accepted
	rejected
)

// comparisonView shows our text and theirs side by side, change by change,
// each to accept or reject; Terapkan makes the accepted ones a new revision.
type comparisonView struct {
	n    *negotiation
	win  fyne.Window
	name string
	data []byte
	rec  *docx.Received
	// pkg is the .sepakat package compared, instead of rec.
	pkg     *exchange.Receipt
	code    string
	changes []docx.Change

	decisions      []decision
	accept, reject []*widget.Button
	acceptAll      *widget.Button
	applyBtn       *widget.Button
	printBtn       *widget.Button
	status         *widget.Label
}

func (v *comparisonView) build(d *naskah.Document) {
	e := v.n.e
	v.win = e.app.NewWindow(lang.L("Perbandingan dengan mitra — {{.Code}}", map[string]any{"Code": v.code}))
	v.decisions = make([]decision, len(v.changes))
	v.accept = make([]*widget.Button, len(v.changes))
	v.reject = make([]*widget.Button, len(v.changes))
	var info []string
	info = append(info, lang.L("Berkas mitra: {{.Name}}", map[string]any{"Name": v.name}))
	switch {
	case v.pkg != nil:
		p := v.pkg.Package
		info = append(info, lang.L("Paket .sepakat dari {{.From}}: revisi {{.Rev}} mitra, putaran {{.Round}}. Nomor mitra ikut diperbarui; nomor kita tetap.",
			map[string]any{"From": p.From.Name, "Rev": p.Rev, "Round": p.Round}))
		if v.pkg.Stale() {
			info = append(info, lang.L("Naskah kita sudah berubah sejak revisi {{.Rev}} yang dijawab mitra; daftar ini juga memuat perubahan kita sendiri.", map[string]any{"Rev": p.Answers}))
		}
	case v.rec.Marker == nil:
		info = append(info, lang.L("Berkas ini tidak bertanda Sepakat (diketik ulang); dibandingkan menurut isinya."))
	case v.rec.Marker.Fingerprint != d.Fingerprint():
		info = append(info, lang.L("Naskah kita sudah berubah sejak berkas ini dibuat dari revisi {{.Rev}}; daftar ini juga memuat perubahan kita sendiri.", map[string]any{"Rev": v.rec.Marker.Rev}))
	}
	if v.rec != nil {
		if t := docx.IgnoredText(v.rec.Ignored, kit.Lang()); t != "" {
			info = append(info, t)
		}
	}
	if len(v.changes) == 0 {
		info = append(info, lang.L("Tidak ada perbedaan: naskah mitra sama dengan naskah kita."))
	}
	head := widget.NewLabel(strings.Join(info, "\n"))
	head.Wrapping = fyne.TextWrapWord
	columns := container.NewGridWithColumns(2, widget.NewLabelWithStyle(lang.L("Naskah kita"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("Naskah mitra"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	rows := container.NewVBox()
	for i := range v.changes {
		rows.Add(v.row(i))
		rows.Add(widget.NewSeparator())
	}
	v.status = widget.NewLabel("")
	v.status.Wrapping = fyne.TextWrapWord
	v.acceptAll = widget.NewButton(lang.L("Terima semua"), v.onAcceptAll)
	v.printBtn = widget.NewButtonWithIcon(lang.L("Cetak PDF"), theme.DocumentPrintIcon(), v.onPrint)
	v.applyBtn = widget.NewButtonWithIcon(lang.L("Terapkan yang diterima"), theme.ConfirmIcon(), func() { v.onApply() })
	v.applyBtn.Importance = widget.HighImportance
	closeBtn := widget.NewButton(lang.L("Tutup"), v.win.Close)
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(v.acceptAll, v.printBtn, closeBtn, v.applyBtn), v.status)
	v.refresh()
	// Sized before its content: the wrapped lines at the top are then laid
	// out at the window's width, not at none (which made it taller than a
	// 768-pixel screen).
	v.win.Resize(fyne.NewSize(1200, 700))
	v.win.SetContent(container.NewBorder(container.NewVBox(head, columns), container.NewPadded(bottom), nil, nil, container.NewVScroll(rows)))
	v.win.Resize(fyne.NewSize(1200, 700))
}

// kindWords are the kinds of change as the screen names them.
func kindWords(k docx.ChangeKind) string {
	switch k {
	case docx.Changed:
		return lang.L("diubah")
	case docx.Added:
		return lang.L("ditambah")
	case docx.Removed:
		return lang.L("dihapus")
	case docx.HeadingChanged:
		return lang.L("judul diubah")
	}
	return lang.L("komentar")
}

// where names a change: "Pasal 6 (1) — diubah (usulan terlacak oleh …)".
func where(c docx.Change) string {
	s := strings.TrimSpace(c.Pasal+" "+c.Where) + " — " + kindWords(c.Kind)
	switch {
	case c.Kind == docx.Commented:
		s += " " + lang.L("oleh {{.User}}", map[string]any{"User": c.Author})
	case c.Tracked:
		s += " (" + lang.L("usulan terlacak oleh {{.User}}", map[string]any{"User": c.Author}) + ")"
	}
	return s
}

func (v *comparisonView) row(i int) fyne.CanvasObject {
	c := v.changes[i]
	title := widget.NewLabelWithStyle(where(c), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ours, theirs := texts(c)
	v.accept[i] = widget.NewButton(lang.L("Terima"), func() { v.decide(i, accepted) })
	v.reject[i] = widget.NewButton(lang.L("Tolak"), func() { v.decide(i, rejected) })
	buttons := container.NewVBox(v.accept[i], v.reject[i])
	if !docx.Applicable(c) {
		v.accept[i].Disable()
		v.reject[i].Disable()
		if c.Kind != docx.Commented {
			hint := widget.NewLabel(v.notApplicable(c))
			hint.Importance = widget.LowImportance
			buttons.Add(hint)
		}
	}
	return container.NewBorder(title, nil, nil, buttons, container.NewGridWithColumns(2, ours, theirs))
}

// notApplicable says what becomes of a change the comparison cannot apply:
// a package carries the partner's number over by itself; anything else is
// changed on its own tab.
func (v *comparisonView) notApplicable(c docx.Change) string {
	if v.pkg != nil && c.Pasal == docx.BlockNumbers {
		return lang.L("Nomor mitra ikut diperbarui")
	}
	return lang.L("Ubah di tab datanya")
}

// texts are the two sides of a change, the deleted words marked in ours and
// the inserted ones in theirs.
func texts(c docx.Change) (ours, theirs *widget.RichText) {
	plain := func(s string) *widget.RichText {
		r := widget.NewRichTextWithText(s)
		r.Wrapping = fyne.TextWrapWord
		return r
	}
	if len(c.Words) == 0 {
		return plain(c.Ours), plain(c.Theirs)
	}
	// Words of one kind in a row make one segment: the rich text wraps
	// inside a segment at spaces, and between segments only where one ends.
	side := func(skip docx.Op, mark docx.Op, colour fyne.ThemeColorName) *widget.RichText {
		var segs []widget.RichTextSegment
		var cur *widget.TextSegment
		curMarked := false
		for _, w := range c.Words {
			if w.Op == skip {
				continue
			}
			marked := w.Op == mark
			if cur != nil && marked == curMarked {
				cur.Text += " " + w.Text
				continue
			}
			if cur != nil {
				cur.Text += " "
			}
			st := widget.RichTextStyleInline
			if marked {
				st.ColorName = colour
				st.TextStyle = fyne.TextStyle{Bold: true}
			}
			cur, curMarked = &widget.TextSegment{Text: w.Text, Style: st}, marked
			segs = append(segs, cur)
		}
		r := widget.NewRichText(segs...)
		r.Wrapping = fyne.TextWrapWord
		return r
	}
	return side(docx.Insert, docx.Delete, theme.ColorNameError), side(docx.Delete, docx.Insert, theme.ColorNamePrimary)
}

func (v *comparisonView) decide(i int, d decision) {
	v.decisions[i] = d
	v.refresh()
}

func (v *comparisonView) onAcceptAll() {
	for i, c := range v.changes {
		if docx.Applicable(c) {
			v.decisions[i] = accepted
		}
	}
	v.refresh()
}

// counts are the applicable changes accepted, rejected and still open.
func (v *comparisonView) counts() (acc, rej, open int) {
	for i, c := range v.changes {
		if !docx.Applicable(c) {
			continue
		}
		switch v.decisions[i] {
		case accepted:
			acc++
		case rejected:
			rej++
		default:
			open++
		}
	}
	return
}

func (v *comparisonView) refresh() {
	for i := range v.changes {
		v.accept[i].Importance, v.reject[i].Importance = widget.MediumImportance, widget.MediumImportance
		switch v.decisions[i] {
		case accepted:
			v.accept[i].Importance = widget.SuccessImportance
		case rejected:
			v.reject[i].Importance = widget.DangerImportance
		}
		v.accept[i].Refresh()
		v.reject[i].Refresh()
	}
	acc, rej, open := v.counts()
	v.status.SetText(lang.L("{{.Acc}} diterima, {{.Rej}} ditolak, {{.Open}} belum diputuskan.", map[string]any{"Acc": acc, "Rej": rej, "Open": open}))
	if acc+rej == 0 {
		v.applyBtn.Disable()
	} else {
		v.applyBtn.Enable()
	}
}

// onApply makes the accepted changes a new revision of the draft, with the
// partner's file kept as the round received ("Diterima dari mitra, putaran N"
// in the lampiran and so in the history). Rejected and open changes stay out.
func (v *comparisonView) onApply() bool {
	e := v.n.e
	acc, rej, _ := v.counts()
	a, err := e.svc.Agreement(e.a.ID)
	if err != nil {
		v.status.SetText(kit.Failure(lang.L("Belum tersimpan:"), err))
		return false
	}
	var chosen []docx.Change
	for i, c := range v.changes {
		if v.decisions[i] == accepted && docx.Applicable(c) {
			chosen = append(chosen, c)
		}
	}
	decided := fmt.Sprintf("%d diterima, %d ditolak", acc, rej)
	if v.pkg != nil {
		ref, err := e.svc.PutFile(v.name, exchange.MediaType, v.data)
		if err != nil {
			v.status.SetText(kit.Failure(lang.L("Belum tersimpan:"), err))
			return false
		}
		round := v.pkg.Merge(&a, chosen, ref, decided, e.now())
		return v.applied(a, round, acc, rej)
	}
	docx.Apply(&a, chosen)
	media := docx.MediaType
	if v.rec.Format == "odt" {
		media = docx.ODTMediaType
	}
	ref, err := e.svc.PutFile(v.name, media, v.data)
	if err != nil {
		v.status.SetText(kit.Failure(lang.L("Belum tersimpan:"), err))
		return false
	}
	var rev uint64
	if v.rec.Marker != nil {
		rev = v.rec.Marker.Rev
	}
	round := docx.NextRound(&a, docx.FromPartner)
	a.Attachments = append(a.Attachments, agreement.Attachment{Kind: agreement.AttachDraft, File: ref, Added: e.now(),
		Note: docx.ReceivedNote(round, rev, decided)})
	return v.applied(a, round, acc, rej)
}

// applied saves a as the new revision and says so, closing the comparison.
func (v *comparisonView) applied(a agreement.Agreement, round, acc, rej int) bool {
	e := v.n.e
	if !e.commit(a) {
		v.status.SetText(e.general.Text)
		return false
	}
	e.notice(lang.L("Dari mitra, putaran {{.Round}}: {{.Acc}} perubahan diterima, {{.Rej}} ditolak; tersimpan sebagai revisi {{.Rev}}.",
		map[string]any{"Round": round, "Acc": acc, "Rej": rej, "Rev": e.a.Rev}))
	v.win.Close()
	return true
}

// onPrint asks where to write the comparison as a PDF table.
func (v *comparisonView) onPrint() {
	save := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			v.status.SetText(kit.Failure(lang.L("PDF tidak dibuat:"), err))
			return
		}
		if w != nil {
			v.printTo(w, w.URI().Name())
		}
	}, v.win)
	save.SetFileName(fmt.Sprintf("%s perbandingan dengan mitra.pdf", v.code))
	save.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	kit.StartInDocuments(save, v.n.e.app)
	save.Show()
}

// printTo writes the comparison table (pasal, our text, their text, decision).
func (v *comparisonView) printTo(w io.WriteCloser, name string) bool {
	e := v.n.e
	c := pdf.Comparison{
		Title:    lang.L("Perbandingan naskah dengan mitra"),
		Lines:    []string{v.code + " · " + v.name, bahasa.ShortDate(e.now())},
		Headings: [4]string{lang.L("Pasal"), lang.L("Naskah kita"), lang.L("Naskah mitra"), lang.L("Keputusan")},
		Footer:   lang.L("Halaman %d dari %s"),
	}
	for i, ch := range v.changes {
		row := pdf.ComparisonRow{Where: strings.TrimSpace(ch.Pasal + " " + ch.Where), Kind: kindWords(ch.Kind)}
		if len(ch.Words) > 0 {
			for _, wd := range ch.Words {
				if wd.Op != docx.Insert {
					row.Ours = append(row.Ours, pdf.Mark{Text: wd.Text, Marked: wd.Op == docx.Delete})
				}
				if wd.Op != docx.Delete {
					row.Theirs = append(row.Theirs, pdf.Mark{Text: wd.Text, Marked: wd.Op == docx.Insert})
				}
			}
		} else {
			row.Ours, row.Theirs = pdf.Words(ch.Ours), pdf.Words(ch.Theirs)
			for k := range row.Ours {
				row.Ours[k].Marked = ch.Kind == docx.Removed
			}
			for k := range row.Theirs {
				row.Theirs[k].Marked = ch.Kind == docx.Added
			}
		}
		switch {
		case ch.Kind == docx.Commented:
			row.Theirs = append(pdf.Words(ch.Author+":"), row.Theirs...)
			row.Decision = "–"
		case !docx.Applicable(ch):
			row.Decision = v.notApplicable(ch)
		case v.decisions[i] == accepted:
			row.Decision = lang.L("Diterima")
		case v.decisions[i] == rejected:
			row.Decision = lang.L("Ditolak")
		default:
			row.Decision = lang.L("Belum diputuskan")
		}
		c.Rows = append(c.Rows, row)
	}
	r, err := pdf.NewRenderer()
	var buf bytes.Buffer
	if err == nil {
		err = r.RenderComparison(context.Background(), &buf, c, e.now())
	}
	if err == nil {
		_, err = w.Write(buf.Bytes())
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		v.status.SetText(kit.Failure(lang.L("PDF tidak dibuat:"), err))
		return false
	}
	v.status.SetText(lang.L("Perbandingan dicetak ke {{.Name}}.", map[string]any{"Name": name}))
	return true
}

// ReceivePackage reads a partner's .sepakat package for this agreement (the
// main window found it by its key) and opens the comparison, or says in the
// editor why it cannot.
func (e *Editor) ReceivePackage(name string, data []byte) bool {
	if e.dirty && !e.onSave() {
		return false
	}
	return e.negotiation.receivePackage(name, data) != nil
}
