package editor

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/bahasa"
	"sepakat/internal/dataset"
)

// historyTab is the editor's Riwayat tab: every change, newest first.
type historyTab struct {
	e *Editor

	list *widget.List
	rows []dataset.HistoryEntry // oldest first
}

func (t *historyTab) build() fyne.CanvasObject {
	t.list = widget.NewList(func() int { return len(t.rows) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.SetText(historyLine(t.rows[len(t.rows)-1-i]))
		t.list.SetItemHeight(i, l.MinSize().Height)
	})
	return t.list
}

func (t *historyTab) load(a agreement.Agreement) {
	rows, err := t.e.svc.AgreementHistory(a.ID)
	if err != nil {
		t.e.fail(lang.L("Riwayat tidak dapat dibaca:"), err)
		return
	}
	t.rows = rows
	t.list.Refresh()
}

func (t *historyTab) apply(*agreement.Agreement, *agreement.Errors) {}

// fieldLabels name the fields of a change as people call them; the rest of a
// path ("body[2].children[0].text") says where inside.
var fieldLabels = map[string]string{
	"subject": "tentang", "kind": "jenis", "status": "status", "place": "tempat", "notes": "catatan", "tags": "label",
	"parties": "para pihak", "body": "isi naskah", "term": "jangka waktu", "term.length": "jangka waktu",
	"term.unit": "satuan jangka waktu", "term.start": "mulai berlaku", "term.end": "akhir berlaku", "term.extendable": "dapat diperpanjang",
	"funding": "pembiayaan", "funding.amount": "nilai pembiayaan", "funding.source": "sumber pembiayaan", "funding.notes": "keterangan pembiayaan",
	"signing": "penandatanganan", "signing.date": "tanggal penandatanganan", "signing.place": "tempat penandatanganan",
	"signing.numbers": "nomor penandatanganan", "monitoring": "monitoring dan evaluasi", "attachments": "lampiran", "exchange": "pertukaran dengan mitra", "cancel_reason": "alasan pembatalan",
	"implementers": "perangkat daerah", "affairs": "urusan", "premises": "pertimbangan", "legal_bases": "dasar hukum", "copies": "rangkap",
	"category": "kategori kerja sama", "voluntary": "kerja sama sukarela", "term.sectoral_basis": "dasar hukum sektoral",
	"dprd": "persetujuan DPRD", "central": "persetujuan pemerintah pusat", "reviews": "telaah", "action_plan": "rencana aksi",
	"signing.checklist": "kelengkapan naskah asli", "signing.venue": "lokasi penandatanganan", "signing.meterai": "meterai",
	"paraf_units": "paraf koordinasi",
}

// fieldLabel names a changed field: "jangka waktu", or "isi naskah (body[2].text)".
func fieldLabel(path string) string {
	if l, ok := fieldLabels[path]; ok {
		return lang.L(l)
	}
	top := path
	if i := strings.IndexAny(path, ".["); i > 0 {
		top = path[:i]
	}
	if l, ok := fieldLabels[top]; ok {
		return lang.L(l) + " (" + path + ")"
	}
	return path
}

// historyLine is one history entry as a person reads it:
// "Rabu, 3 Desember 2025 10.14 — oleh staf1: jangka waktu 5 → 3".
func historyLine(h dataset.HistoryEntry) string {
	at := h.At.Local()
	when := fmt.Sprintf("%s, %s %02d.%02d", bahasa.DayName(at.Weekday()), bahasa.ShortDate(at), at.Hour(), at.Minute())
	action := map[string]string{"buat": lang.L("dibuat"), "ubah": lang.L("diubah"), "status": lang.L("status diubah"), "impor": lang.L("diimpor"), "cetak": lang.L("dicetak")}[h.Action]
	if action == "" {
		action = h.Action
	}
	var changes []string
	for _, c := range h.Changes {
		field := fieldLabel(c.Field)
		switch {
		case c.Old == "":
			changes = append(changes, fmt.Sprintf("%s: %s", field, c.New))
		case c.New == "":
			changes = append(changes, fmt.Sprintf("%s: %s → –", field, c.Old))
		default:
			changes = append(changes, fmt.Sprintf("%s: %s → %s", field, c.Old, c.New))
		}
	}
	if p := h.Print; p != nil {
		// A print: what its pages carry, "KSB-2 · e74fc4e49ec7, revisi 3 (KONSEP)".
		what := fmt.Sprintf("%s · %s, %s %d", p.Code, p.Fingerprint, lang.L("revisi"), p.Rev)
		if p.Draft {
			what += " (KONSEP)"
		}
		changes = append(changes, what)
	}
	if h.Text != "" {
		// The signing keeps the fingerprint of the signed text.
		changes = append(changes, lang.L("sidik teks yang ditandatangani {{.Fingerprint}}", map[string]any{"Fingerprint": h.Text}))
	}
	line := fmt.Sprintf("%s — %s %s", when, action, lang.L("oleh {{.User}}", map[string]any{"User": h.By}))
	if len(changes) > 0 {
		line += ": " + strings.Join(changes, "; ")
	}
	return line
}
