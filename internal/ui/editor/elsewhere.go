package editor

import (
	"fyne.io/fyne/v2/lang"
)

// ChangedElsewhere tells the editor that another seat saved its agreement.
// Without changes of its own the editor shows the version saved there; with
// them it says so and keeps them (a save then meets the conflict, which
// names what to do).
func (e *Editor) ChangedElsewhere() {
	a, err := e.svc.Agreement(e.a.ID)
	if err != nil {
		e.fail(lang.L("Perjanjian tidak dapat dibaca:"), err)
		return
	}
	if a.Rev == e.a.Rev {
		return // nothing new: this editor's own save
	}
	vars := map[string]any{"Rev": a.Rev}
	if e.dirty {
		e.notice(lang.L("Perjanjian ini baru saja diubah di komputer lain (revisi {{.Rev}}). Perubahan Anda di sini belum disimpan dan tidak dapat disimpan di atasnya: catat perubahan Anda, tutup tanpa menyimpan, lalu buka ulang.", vars))
		return
	}
	e.load(a)
	e.notice(lang.L("Perjanjian ini baru saja diubah di komputer lain; yang tampil sekarang revisi {{.Rev}}.", vars))
}
