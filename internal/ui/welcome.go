package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// defaultNumbering is the usual numbering of a Bagian Kerja Sama, "12/KSB.05-Huk/2026".
const defaultNumbering = "{nomor}/{jenis}.{klasifikasi}-{unit}/{tahun}"

// welcome is the first start: set up our office from the region list, or try
// Sepakat with the three built-in examples.
type welcome struct {
	svc      service.Directory
	dialog   dialog.Dialog
	region   *kit.Picker
	seat     *kit.Entry // "berkedudukan di": the seat of government
	autoSeat string     // what seat was filled with from the region, not typed
	unit     *kit.Entry
	class    *kit.Entry
	problem  *widget.Label
	setup    *widget.Button
	examples *widget.Button
}

func (u *App) showWelcome() {
	u.welcome = showWelcome(u.svc, u.win, u.Refresh, func() { u.onLoadExamples(true) })
}

// showWelcome shows the welcome over win; onSetUp runs once our office is
// saved, onExamples when the examples are asked for.
func showWelcome(svc service.Directory, win fyne.Window, onSetUp, onExamples func()) *welcome {
	w := &welcome{svc: svc}
	names, _ := kit.Governments()
	w.region = kit.NewPicker(names, w.onRegion)
	w.region.SetPlaceHolder(lang.L("mis. Pemerintah Kabupaten Sumedang"))
	w.seat = kit.NewEntry()
	w.seat.SetPlaceHolder(lang.L("ibu kota, mis. Kalianda"))
	w.unit, w.class = kit.NewEntry(), kit.NewEntry()
	w.unit.SetText("Huk")
	w.class.SetText("05")
	w.problem = kit.NewProblemLabel()
	intro := widget.NewLabel(lang.L("Atur kantor kita: pemerintah daerah tempat Bagian Kerja Sama ini bekerja, dan kode pada nomor perjanjiannya. Semua dapat diubah nanti."))
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Kantor kita"), w.region),
		seatItem(w.seat),
		widget.NewFormItem(lang.L("Kode unit pada nomor"), w.unit),
		widget.NewFormItem(lang.L("Kode klasifikasi"), w.class),
	)
	w.setup = widget.NewButton(lang.L("Atur kantor kita"), func() {
		if problem := w.setupOffice(w.region.Text, w.seat.Text, w.unit.Text, w.class.Text); problem != "" {
			w.problem.SetText(problem)
			w.problem.Show()
			return
		}
		w.dialog.Hide()
		onSetUp()
	})
	w.setup.Importance = widget.HighImportance
	w.examples = widget.NewButton(lang.L("Coba dengan contoh bawaan"), func() {
		w.dialog.Hide()
		onExamples()
	})
	note := widget.NewLabel(lang.L("Contoh bawaan: MoU Lampung Timur–Sumedang, KSB dan PKS Lampung Selatan–Sumedang, dari sudut Pemerintah Kabupaten Sumedang."))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	content := container.NewVBox(intro, form, w.problem, widget.NewSeparator(), note,
		container.NewHBox(w.examples, w.setup))
	w.dialog = dialog.NewCustomWithoutButtons(lang.L("Selamat datang di Sepakat"), content, win)
	w.dialog.Resize(fyne.NewSize(620, 0))
	w.dialog.Show()
	win.Canvas().Focus(w.region) // type at once
	return w
}

// seatItem is the form row of a regional government's seat, with why it is
// asked: the shipped region list has no licensed list of capitals.
func seatItem(seat *kit.Entry) *widget.FormItem {
	item := widget.NewFormItem(lang.L("Berkedudukan di"), seat)
	item.HintText = seatHint()
	return item
}

// seatHint says why a seat is asked, under the field wherever it is.
func seatHint() string {
	return lang.L("Pusat pemerintahan, seperti tertulis di komparisi. Daftar wilayah tidak memuat ibu kota: periksa isinya.")
}

// onRegion fills the seat of a city, its own name, when nothing else was
// typed there; for any other region the name shows only as a guess in the
// empty field, for the user to write the capital (Lampung Selatan: Kalianda).
func (w *welcome) onRegion(name string) {
	_, regions := kit.Governments()
	r, ok := regions[name]
	w.seat.SetPlaceHolder(kit.SeatPlaceholder(r, ok))
	if strings.TrimSpace(w.seat.Text) != "" && w.seat.Text != w.autoSeat {
		return
	}
	w.autoSeat = ""
	if ok {
		w.autoSeat = kit.RegionParty(r).Seat
	}
	w.seat.SetText(w.autoSeat)
}

// setupOffice registers our office: the chosen regional government with the
// usual numbering scheme and page settings; or says what is wrong.
func (w *welcome) setupOffice(name, seat, unit, class string) (problem string) {
	_, regions := kit.Governments()
	region, found := regions[strings.TrimSpace(name)]
	if !found {
		return lang.L("Pilih kantor kita dari daftar wilayah, mis. Pemerintah Kabupaten Sumedang.")
	}
	unit, class = strings.TrimSpace(unit), strings.TrimSpace(class)
	if unit == "" {
		return lang.L("Isi kode unit yang tertulis pada nomor, mis. Huk.")
	}
	page := agreement.DefaultPageProfile()
	p := kit.RegionParty(region)
	p.Own, p.Page = true, &page
	if seat = strings.TrimSpace(seat); seat != "" {
		p.Seat = seat
	}
	if p.Seat == "" {
		return lang.L("Tulis tempat kedudukan pemerintah daerah ini (ibu kota), mis. Purwokerto untuk Kabupaten Banyumas.")
	}
	p.Numbering = &agreement.NumberingScheme{Template: defaultNumbering, Classification: class, UnitCode: unit}
	if err := w.svc.SaveParty(&p); err != nil {
		return kit.Unsaved(err)
	}
	return ""
}
