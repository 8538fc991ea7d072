package ui

import (
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/exchange"
	"sepakat/internal/ui/kit"
)

// receivePage is the question Berkas → Terima paket dari mitra asks of a
// package whose agreement we do not hold yet: take it as a new draft, with
// the instansi, pejabat and surat kuasa our registry lacks?
type receivePage struct {
	u          *App
	name       string
	data       []byte
	rc         *exchange.Receipt
	dlg        dialog.Dialog
	take, skip *widget.Button
	// text is the question; message what went wrong taking the package.
	text, message *widget.Label
}

// onReceivePackage asks for a partner's .sepakat package.
func (u *App) onReceivePackage() {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			kit.ShowFailure(u.win, lang.L("Paket mitra tidak dapat diterima:"), err)
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, exchange.MaxSize+1))
		if err != nil {
			kit.ShowFailure(u.win, lang.L("Paket mitra tidak dapat diterima:"), err)
			return
		}
		u.receivePackage(r.URI().Name(), data)
	}, u.win)
	open.SetFilter(storage.NewExtensionFileFilter([]string{exchange.Ext}))
	kit.StartInDocuments(open, u.app)
	open.Show()
}

// receivePackage opens the agreement a package belongs to and its
// comparison there, or, when we hold none, asks to take it as a new draft
// (the page returned).
func (u *App) receivePackage(name string, data []byte) *receivePage {
	failed := func(err error) *receivePage {
		kit.ShowFailure(u.win, lang.L("Paket mitra tidak dapat diterima:"), err)
		return nil
	}
	p, err := exchange.Read(data)
	if err != nil {
		return failed(err)
	}
	mirror, err := exchange.FindMirror(u.svc, p.Key)
	if err != nil {
		return failed(err)
	}
	if mirror != nil {
		u.onOpen(mirror.ID)
		if e := u.editors[mirror.ID]; e != nil {
			e.ReceivePackage(name, data)
		}
		return nil
	}
	rc, err := exchange.Prepare(u.svc, p, nil)
	if err != nil {
		return failed(err)
	}
	r := &receivePage{u: u, name: name, data: data, rc: rc}
	lines := []string{lang.L("Paket dari {{.From}}: {{.Kind}} tentang {{.Subject}}.", map[string]any{"From": p.From.Name, "Kind": p.Agreement.Kind.Title(), "Subject": p.Agreement.Subject}),
		lang.L("Perjanjian ini belum ada di daftar kita. Terima sebagai konsep baru? Nomor kita diambil sendiri nanti (Ambil nomor).")}
	parties, officials, mandates := rc.Match.Missing(p)
	var missing []string
	for _, x := range parties {
		missing = append(missing, "• "+lang.L("Instansi")+": "+x.Name)
	}
	for _, x := range officials {
		missing = append(missing, "• "+lang.L("Pejabat")+": "+x.Name+" ("+x.Jabatan+")")
	}
	for _, x := range mandates {
		missing = append(missing, "• "+lang.L("Surat kuasa")+": "+x.Number)
	}
	if len(missing) > 0 {
		lines = append(lines, lang.L("Yang belum ada di Instansi & Pejabat ikut ditambahkan:")+"\n"+strings.Join(missing, "\n"))
	}
	r.text = widget.NewLabel(strings.Join(lines, "\n\n"))
	r.text.Wrapping = fyne.TextWrapWord
	r.message = widget.NewLabel("")
	r.message.Wrapping = fyne.TextWrapWord
	r.message.Hide()
	r.take = widget.NewButtonWithIcon(lang.L("Terima sebagai konsep baru"), theme.ConfirmIcon(), r.onTake)
	r.take.Importance = widget.HighImportance
	r.skip = widget.NewButton(lang.L("Batal"), func() { r.dlg.Hide() })
	body := container.NewBorder(nil, container.NewVBox(r.message, container.NewHBox(layout.NewSpacer(), r.skip, r.take)), nil, nil,
		container.NewVScroll(r.text))
	r.dlg = dialog.NewCustomWithoutButtons(lang.L("Terima paket dari mitra"), body, u.win)
	r.dlg.Resize(fyne.NewSize(640, 420))
	r.dlg.Show()
	return r
}

// onTake adds what our registry lacks and the new draft, and opens it.
func (r *receivePage) onTake() {
	a, err := r.rc.CreateMirror(r.u.svc, r.data, r.u.now())
	if err != nil {
		r.message.SetText(kit.Failure(lang.L("Paket mitra tidak dapat diterima:"), err))
		r.message.Importance = widget.DangerImportance
		r.message.Show()
		return
	}
	r.dlg.Hide()
	r.u.Refresh()
	r.u.onOpen(a.ID)
}
