package ui

import (
	"context"
	"image/color"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/places"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// backupSection is Pengaturan's part about backups: the copies of both
// places (one restores from the list), when a copy last reached the second
// place, the rotation and the second place.
type backupSection struct {
	admin service.Admin
	win   fyne.Window
	do    func(func())

	heading  fyne.CanvasObject
	status   *widget.Label
	copies   []service.BackupInfo
	table    *widget.Table
	chosen   int
	restore  *widget.Button
	now      *widget.Button
	keep     [3]*kit.Entry // daily, weekly, monthly
	second   *kit.Entry
	pick     *widget.Button
	save     *widget.Button
	message  *widget.Label
	content  fyne.CanvasObject
	settings service.BackupSettings

	// onRestore restores a copy (App.askRestore); onBackupNow makes one.
	onRestore   func(service.BackupInfo)
	onBackupNow func()
	// loaded, when set, runs on the UI goroutine after each read (tests).
	loaded  func(error)
	reading kit.Latest
}

// backupColumns are the list's columns: heading and width.
var backupColumns = []struct {
	title string
	width float32
}{{"Dibuat", 220}, {"Alasan", 230}, {"Tempat", 190}, {"Isi", 140}, {"Ukuran", 100}, {"Pemeriksaan", 170}}

func newBackupSection() *backupSection {
	b := &backupSection{chosen: -1, do: fyne.Do}
	b.heading = heading(lang.L("Salinan cadangan berkas data"))
	b.status = widget.NewLabel("")
	b.status.Wrapping = fyne.TextWrapWord
	b.table = widget.NewTableWithHeaders(func() (int, int) { return len(b.copies), len(backupColumns) },
		func() fyne.CanvasObject { return kit.NewFitLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*kit.FitLabel).SetText(b.cell(id)) })
	b.table.ShowHeaderColumn = false
	b.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	b.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(backupColumns) {
			o.(*widget.Label).SetText(lang.L(backupColumns[id.Col].title))
		}
	}
	for i, c := range backupColumns {
		b.table.SetColumnWidth(i, c.width)
	}
	b.table.OnSelected = func(id widget.TableCellID) {
		b.chosen = id.Row
		if b.onRestore != nil && id.Row >= 0 && id.Row < len(b.copies) {
			b.restore.Enable()
		}
	}
	tall := canvas.NewRectangle(color.Transparent)
	tall.SetMinSize(fyne.NewSize(0, 224))
	b.restore = widget.NewButtonWithIcon(lang.L("Pulihkan salinan terpilih…"), theme.HistoryIcon(), b.onRestoreTapped)
	b.restore.Disable()
	b.now = widget.NewButtonWithIcon(lang.L("Cadangkan sekarang"), theme.DocumentSaveIcon(), func() {
		if b.onBackupNow != nil {
			b.onBackupNow()
		}
	})
	for i := range b.keep {
		b.keep[i] = kit.NewEntry()
	}
	b.second = kit.NewEntry()
	b.second.SetPlaceHolder(lang.L("mis. E:\\Cadangan Sepakat (diska USB) atau folder jaringan"))
	b.pick = widget.NewButtonWithIcon(lang.L("Pilih folder…"), theme.FolderOpenIcon(), b.onPick)
	b.save = widget.NewButtonWithIcon(lang.L("Simpan pengaturan cadangan"), theme.DocumentSaveIcon(), func() { b.saveSettings() })
	b.save.Disable() // until the settings show
	b.message = widget.NewLabel("")
	b.message.Wrapping = fyne.TextWrapWord
	b.message.Hide()
	keep := container.NewGridWithColumns(3,
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Harian")), nil, b.keep[0]),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Mingguan")), nil, b.keep[1]),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Bulanan")), nil, b.keep[2]))
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Salinan yang disimpan"), container.NewVBox(keep,
			plain(lang.L("Salinan terbaru dari setiap hari, minggu dan bulan terakhir; semua salinan 24 jam terakhir selalu disimpan.")))),
		widget.NewFormItem(lang.L("Tempat kedua"), container.NewVBox(container.NewBorder(nil, nil, nil, b.pick, b.second),
			plain(lang.L("Folder lain yang juga menerima setiap salinan, mis. pada diska USB atau folder jaringan. Kosongkan bila tidak ada.")))),
	)
	b.content = container.NewVBox(b.heading, b.status,
		container.NewStack(tall, b.table),
		container.NewHBox(b.restore, b.now),
		form, container.NewBorder(nil, nil, nil, b.save, b.message))
	return b
}

// cell is what the list shows in one cell.
func (b *backupSection) cell(id widget.TableCellID) string {
	if id.Row < 0 || id.Row >= len(b.copies) {
		return ""
	}
	c := b.copies[id.Row]
	switch id.Col {
	case 0:
		return copyTime(c.Time)
	case 1:
		return reasonWords(c.Reason)
	case 2:
		return placeWords(c.Place)
	case 3:
		return countWords(c)
	case 4:
		return megabytes(c.Size)
	case 5:
		if c.Verified {
			return lang.L("diperiksa, terbuka")
		}
		return lang.L("tidak terbuka")
	}
	return ""
}

// reload reads the copies, the status and the settings off the UI goroutine.
func (b *backupSection) reload() {
	if b.admin == nil {
		return
	}
	type read struct {
		copies   []service.BackupInfo
		listErr  error
		status   service.BackupStatus
		settings service.BackupSettings
	}
	admin := b.admin
	kit.ReadLatest(&b.reading, b.do, func(ctx context.Context) (read, error) {
		var r read
		var err error
		if r.settings, err = admin.BackupSettings(); err != nil {
			return r, err
		}
		if r.status, err = admin.BackupStatus(); err != nil {
			return r, err
		}
		r.copies, r.listErr = admin.Backups(ctx)
		return r, nil
	}, func(r read, err error) {
		if err == nil {
			b.show(r.copies, r.listErr, r.status, r.settings)
		} else {
			b.say(kit.Failure(lang.L("Cadangan tidak dapat dibaca:"), err), widget.DangerImportance)
		}
		if b.loaded != nil {
			b.loaded(err)
		}
	})
}

func (b *backupSection) show(copies []service.BackupInfo, listErr error, st service.BackupStatus, set service.BackupSettings) {
	b.copies, b.chosen, b.settings = copies, -1, set
	b.table.UnselectAll()
	b.restore.Disable()
	b.table.Refresh()
	lines := []string{lang.L("Folder cadangan: {{.Folder}}", map[string]any{"Folder": places.Display(st.Folder)})}
	if st.Last.IsZero() {
		lines = append(lines, lang.L("Belum ada salinan."))
	} else {
		lines = append(lines, lang.L("Salinan terakhir: {{.Date}}.", map[string]any{"Date": copyTime(st.Last)}))
	}
	switch {
	case st.SecondPlace == "":
		lines = append(lines, lang.L("Tempat kedua belum diatur."))
	case st.LastSecond.IsZero():
		lines = append(lines, lang.L("Belum ada salinan yang sampai ke tempat kedua."))
	default:
		lines = append(lines, lang.L("Terakhir sampai ke tempat kedua: {{.Date}}.", map[string]any{"Date": copyTime(st.LastSecond.Local())}))
	}
	if listErr != nil {
		lines = append(lines, kit.Failure(lang.L("Tempat kedua:"), listErr))
	}
	b.status.SetText(strings.Join(lines, "\n"))
	for i, n := range []int{set.Policy.Daily, set.Policy.Weekly, set.Policy.Monthly} {
		b.keep[i].SetText(strconv.Itoa(n))
	}
	b.second.SetText(set.SecondPlace)
	b.save.Enable()
}

func (b *backupSection) say(msg string, importance widget.Importance) {
	b.message.SetText(msg)
	b.message.Importance = importance
	b.message.Show()
	b.message.Refresh()
}

func (b *backupSection) onRestoreTapped() {
	if b.chosen >= 0 && b.chosen < len(b.copies) && b.onRestore != nil {
		b.onRestore(b.copies[b.chosen])
	}
}

// onPick chooses the second place with the system's folder dialog.
func (b *backupSection) onPick() {
	if b.win == nil {
		return
	}
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			b.say(kit.Failure(lang.L("Folder tidak dapat dibuka:"), err), widget.DangerImportance)
			return
		}
		if l == nil {
			return // cancelled
		}
		b.second.SetText(filepath.FromSlash(places.Display(l.Path())))
	}, b.win)
	if dir := strings.TrimSpace(b.second.Text); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Show()
}

// saveSettings stores the rotation and the second place, or says what is wrong.
func (b *backupSection) saveSettings() bool {
	if b.admin == nil {
		return false
	}
	set := b.settings
	for i, into := range []*int{&set.Policy.Daily, &set.Policy.Weekly, &set.Policy.Monthly} {
		n, err := strconv.Atoi(strings.TrimSpace(b.keep[i].Text))
		if err != nil {
			b.say(lang.L("\"{{.Text}}\" bukan angka.", map[string]any{"Text": b.keep[i].Text}), widget.DangerImportance)
			return false
		}
		*into = n
	}
	set.SecondPlace = strings.TrimSpace(b.second.Text)
	if err := b.admin.SetBackupSettings(set); err != nil {
		b.say(kit.Unsaved(err), widget.DangerImportance)
		return false
	}
	b.settings = set
	b.say(lang.L("Pengaturan cadangan tersimpan."), widget.SuccessImportance)
	b.reload()
	return true
}
