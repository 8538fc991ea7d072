package editor

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

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

// attachmentsTab is the editor's Lampiran tab: the files kept with the
// agreement inside the data file, each opening in the system viewer.
type attachmentsTab struct {
	e *Editor

	list              *widget.List
	rows              []agreement.Attachment
	kind              *widget.Select
	selected          int
	add, open, detach *widget.Button
	// openURL opens a file in the system viewer: the app's OpenURL.
	openURL func(*url.URL) error
	// tmpDir is where opened files are written; "" is the system's temporary folder.
	tmpDir string
}

func (t *attachmentsTab) build() fyne.CanvasObject {
	t.openURL = t.e.app.OpenURL
	t.list = kit.NewTextList(func() int { return len(t.rows) }, t.rowText)
	t.list.OnSelected = func(i widget.ListItemID) { t.selected = i }
	labels := make([]string, len(attachmentKinds))
	for i, k := range attachmentKinds {
		labels[i] = attachmentKindLabel(k)
	}
	t.kind = kit.NewSelect(labels, nil)
	t.kind.SetSelectedIndex(0)
	t.add = widget.NewButtonWithIcon(lang.L("Lampirkan berkas…"), theme.ContentAddIcon(), t.onAdd)
	t.open = widget.NewButtonWithIcon(lang.L("Buka"), theme.FileIcon(), t.onOpen)
	t.detach = widget.NewButtonWithIcon(lang.L("Lepas"), theme.DeleteIcon(), t.onDetach)
	hint := widget.NewLabel(lang.L("PDF, JPG atau PNG, paling besar 20 MB; disimpan di dalam berkas data."))
	hint.Importance = widget.LowImportance
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(t.add, t.open, t.detach), t.kind), hint)
	return container.NewBorder(top, nil, nil, nil, t.list)
}

// rowText is how the list shows attachment i: its kind, name, size and day.
func (t *attachmentsTab) rowText(i int) string {
	a := t.rows[i]
	return fmt.Sprintf("%s · %s · %s · %s", attachmentKindLabel(a.Kind), a.File.Name, sizeText(a.File.Size), kit.ShortDate(agreement.DateOf(a.Added)))
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

func (t *attachmentsTab) apply(a *agreement.Agreement, _ *agreement.Errors) {
	a.Attachments = append([]agreement.Attachment(nil), t.rows...)
}

// onAdd asks for a file and attaches it.
func (t *attachmentsTab) onAdd() {
	t.e.chooseAttachment(func(name string, data []byte) { t.attach(name, data) })
}

// chooseAttachment asks for a file of a kind the Lampiran tab takes (read up
// to one byte over the limit, so attach can refuse it) and gives its bytes to
// then.
func (e *Editor) chooseAttachment(then func(name string, data []byte)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			e.fail(lang.L("Lampiran tidak dapat ditambahkan:"), err)
			return
		}
		if r == nil {
			return // cancelled
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, service.MaxFileSize+1))
		if err != nil {
			e.fail(lang.L("Lampiran tidak dapat ditambahkan:"), err)
			return
		}
		then(r.URI().Name(), data)
	}, e.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf", ".jpg", ".jpeg", ".png"}))
	kit.StartInDocuments(d, e.app)
	d.Show()
}

// attach keeps a file's bytes in the data file and lists it as the chosen kind.
func (t *attachmentsTab) attach(name string, data []byte) bool {
	ext := strings.ToLower(filepath.Ext(name))
	media, ok := kit.MediaTypes[ext]
	switch {
	case !ok:
		t.e.notice(lang.L("{{.Name}} bukan PDF, JPG atau PNG.", map[string]any{"Name": name}))
		return false
	case len(data) > service.MaxFileSize:
		t.e.notice(lang.L("{{.Name}} lebih dari 20 MB. Perkecil pindaiannya (mis. 200 dpi, hitam-putih) lalu lampirkan lagi.", map[string]any{"Name": name}))
		return false
	case len(data) == 0:
		t.e.notice(lang.L("{{.Name}} kosong.", map[string]any{"Name": name}))
		return false
	}
	ref, err := t.e.svc.PutFile(name, media, data)
	if err != nil {
		t.e.fail(lang.L("Lampiran tidak dapat ditambahkan:"), err)
		return false
	}
	kind := attachmentKinds[max(t.kind.SelectedIndex(), 0)]
	t.rows = append(t.rows, agreement.Attachment{Kind: kind, File: ref, Added: t.e.now()})
	t.list.Refresh()
	t.e.markDirty()
	return true
}

// onDetach takes the selected file off the agreement.
func (t *attachmentsTab) onDetach() {
	i := t.selected
	if i < 0 || i >= len(t.rows) {
		t.e.notice(lang.L("Pilih dulu lampiran yang akan dilepas."))
		return
	}
	t.rows = append(t.rows[:i], t.rows[i+1:]...)
	t.selected = -1
	t.list.UnselectAll()
	t.list.Refresh()
	t.e.markDirty()
}

// onOpen writes the selected file to the temporary folder and opens it in
// the system viewer.
func (t *attachmentsTab) onOpen() {
	i := t.selected
	if i < 0 || i >= len(t.rows) {
		t.e.notice(lang.L("Pilih dulu lampiran yang akan dibuka."))
		return
	}
	ref := t.rows[i].File
	if err := t.openFile(ref); err != nil {
		t.e.fail(lang.L("Lampiran tidak dapat dibuka:"), err)
	}
}

// openFile writes ref's bytes to a fresh folder in this run's folder of
// viewing copies and opens them.
func (t *attachmentsTab) openFile(ref agreement.FileRef) error {
	data, err := t.e.svc.File(ref.SHA256)
	if err != nil {
		return err
	}
	base := t.tmpDir
	if base == "" {
		base = os.TempDir()
	}
	root := viewCopiesRoot(base)
	if err := os.MkdirAll(root, 0o700); err != nil {
		return err
	}
	dir, err := os.MkdirTemp(root, "")
	if err != nil {
		return err
	}
	path := filepath.Join(dir, filepath.Base(ref.Name))
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return err
	}
	return t.openURL(kit.FileURL(path))
}

// viewCopiesPrefix names the folders of the copies opened for viewing; only
// folders with it are ever removed.
const viewCopiesPrefix = "sepakat-lampiran-"

// viewCopiesRoot is this run's folder of viewing copies in base.
func viewCopiesRoot(base string) string {
	return filepath.Join(base, fmt.Sprintf("%s%d", viewCopiesPrefix, os.Getpid()))
}

// RemoveViewCopies removes the copies of attachments this run opened for
// viewing; the desktop calls it when it exits.
func RemoveViewCopies() error { return os.RemoveAll(viewCopiesRoot(os.TempDir())) }

// SweepViewCopies removes the viewing copies earlier runs left behind (killed,
// crashed): folders in the temporary folder named sepakat-lampiran-…, last
// changed before started, when this run began. It returns how many went.
func SweepViewCopies(started time.Time) int { return sweepViewCopies(os.TempDir(), started) }

func sweepViewCopies(base string, started time.Time) int {
	entries, err := os.ReadDir(base)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), viewCopiesPrefix) {
			continue
		}
		info, err := e.Info()
		if err != nil || !info.ModTime().Before(started) {
			continue
		}
		if os.RemoveAll(filepath.Join(base, e.Name())) == nil {
			n++
		}
	}
	return n
}
