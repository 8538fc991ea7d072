package ui

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
)

// maxAttachment is the largest file an agreement may carry (the store's limit).
const maxAttachment = 20 << 20

// attachmentKinds are the kinds a person chooses, in order.
var attachmentKinds = []agreement.AttachmentKind{agreement.AttachDraft, agreement.AttachScan, agreement.AttachBukti, agreement.AttachLain}

func attachmentKindLabel(k agreement.AttachmentKind) string {
	switch k {
	case agreement.AttachDraft:
		return lang.L("Draf yang dikirim ke mitra")
	case agreement.AttachScan:
		return lang.L("Pindaian naskah bertanda tangan")
	case agreement.AttachBukti:
		return lang.L("Bukti tindak lanjut")
	}
	return lang.L("Lainnya")
}

// mediaTypes are the files an agreement may carry.
var mediaTypes = map[string]string{".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}

// attachmentsTab is the editor's Lampiran tab: the files kept with the
// agreement inside the data file, each opening in the system viewer.
type attachmentsTab struct {
	e        *Editor
	list     *widget.List
	rows     []agreement.Attachment
	kind     *widget.Select
	selected int
	content  fyne.CanvasObject
	// opened, when set, replaces opening the file in the system viewer (tests).
	opened func(path string)
}

func (e *Editor) buildAttachments() fyne.CanvasObject {
	t := &attachmentsTab{e: e, selected: -1}
	e.attachments = t
	t.list = newTextList(func() int { return len(t.rows) }, func(i int) string {
		a := t.rows[i]
		return fmt.Sprintf("%s · %s · %s · %s", attachmentKindLabel(a.Kind), a.File.Name, sizeText(a.File.Size), shortDate(agreement.DateOf(a.Added)))
	})
	t.list.OnSelected = func(i widget.ListItemID) { t.selected = i }
	labels := make([]string, len(attachmentKinds))
	for i, k := range attachmentKinds {
		labels[i] = attachmentKindLabel(k)
	}
	t.kind = newSelect(labels, nil)
	t.kind.SetSelectedIndex(0)
	add := widget.NewButtonWithIcon(lang.L("Lampirkan berkas…"), theme.ContentAddIcon(), t.onAdd)
	open := widget.NewButtonWithIcon(lang.L("Buka"), theme.FileIcon(), func() { t.onOpen(t.selected) })
	remove := widget.NewButtonWithIcon(lang.L("Lepas"), theme.DeleteIcon(), func() { t.remove(t.selected) })
	hint := widget.NewLabel(lang.L("PDF, JPG atau PNG, paling besar 20 MB; disimpan di dalam berkas data."))
	hint.Importance = widget.LowImportance
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(add, open, remove), t.kind), hint)
	t.content = container.NewBorder(top, nil, nil, nil, t.list)
	return t.content
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}

func (t *attachmentsTab) load(a agreement.Agreement) {
	t.rows = append([]agreement.Attachment(nil), a.Attachments...)
	t.selected = -1
	t.list.UnselectAll()
	t.list.Refresh()
}

func (t *attachmentsTab) onAdd() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			t.e.showProblem(err)
			return
		}
		if r == nil {
			return // cancelled
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, maxAttachment+1))
		if err != nil {
			t.e.showProblem(err)
			return
		}
		t.attach(r.URI().Name(), data)
	}, t.e.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf", ".jpg", ".jpeg", ".png"}))
	d.Show()
}

// attach keeps a file's bytes in the data file and lists it as the chosen kind.
func (t *attachmentsTab) attach(name string, data []byte) bool {
	ext := strings.ToLower(filepath.Ext(name))
	media, ok := mediaTypes[ext]
	switch {
	case !ok:
		t.e.notice(lang.L("{{.Name}} bukan PDF, JPG atau PNG.", map[string]any{"Name": name}))
		return false
	case len(data) > maxAttachment:
		t.e.notice(lang.L("{{.Name}} lebih dari 20 MB. Perkecil pindaiannya (mis. 200 dpi, hitam-putih) lalu lampirkan lagi.", map[string]any{"Name": name}))
		return false
	case len(data) == 0:
		t.e.notice(lang.L("{{.Name}} kosong.", map[string]any{"Name": name}))
		return false
	}
	ref, err := t.e.svc.PutFile(name, media, data)
	if err != nil {
		t.e.showProblem(err)
		return false
	}
	kind := attachmentKinds[max(t.kind.SelectedIndex(), 0)]
	t.rows = append(t.rows, agreement.Attachment{Kind: kind, File: ref, Added: t.e.now()})
	t.list.Refresh()
	t.e.markDirty()
	return true
}

func (t *attachmentsTab) remove(i int) {
	if i < 0 || i >= len(t.rows) {
		return
	}
	t.rows = append(t.rows[:i], t.rows[i+1:]...)
	t.selected = -1
	t.list.UnselectAll()
	t.list.Refresh()
	t.e.markDirty()
}

// onOpen writes the file to the temporary folder and opens it in the system viewer.
func (t *attachmentsTab) onOpen(i int) {
	if i < 0 || i >= len(t.rows) {
		t.e.notice(lang.L("Pilih dulu lampiran yang akan dibuka."))
		return
	}
	ref := t.rows[i].File
	data, err := t.e.svc.File(ref.SHA256)
	if err != nil {
		t.e.showProblem(err)
		return
	}
	dir, err := os.MkdirTemp("", "sepakat-lampiran-")
	if err != nil {
		t.e.showProblem(err)
		return
	}
	path := filepath.Join(dir, filepath.Base(ref.Name))
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.e.showProblem(err)
		return
	}
	if t.opened != nil {
		t.opened(path)
		return
	}
	if err := t.e.app.OpenURL(fileURL(path)); err != nil {
		t.e.showProblem(err)
	}
}

// fileURL is a local path as a file:// URL, on Windows as well ("/C:/…").
func fileURL(path string) *url.URL {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return &url.URL{Scheme: "file", Path: p}
}
