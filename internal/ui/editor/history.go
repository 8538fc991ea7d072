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
	"sepakat/internal/ui/kit"
)

// historyTab is the editor's Riwayat tab: every change, newest first.
type historyTab struct {
	e *Editor

	list  *widget.List
	rows  []dataset.HistoryEntry // oldest first
	lines []string               // rows in words, oldest first
}

func (t *historyTab) build() fyne.CanvasObject {
	t.list = widget.NewList(func() int { return len(t.lines) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.SetText(t.lines[len(t.lines)-1-i])
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
	names := changeNames(t.e.svc)
	t.lines = make([]string, len(rows))
	for i, h := range rows {
		t.lines[i] = historyLine(h, &a, names)
	}
	t.list.Refresh()
}

func (t *historyTab) apply(*agreement.Agreement, *agreement.Errors) {}

// changeNames names the instansi, pejabat, surat kuasa and agreements a
// change refers to, as the directory holds them now; each is read once.
func changeNames(svc Service) agreement.ChangeNames {
	cache := map[string]string{}
	once := func(kind string, id agreement.ID, read func() string) string {
		key := fmt.Sprintf("%s%d", kind, id)
		if s, ok := cache[key]; ok {
			return s
		}
		s := read()
		cache[key] = s
		return s
	}
	return agreement.ChangeNames{
		Party: func(id agreement.ID) string {
			return once("p", id, func() string {
				p, err := svc.Party(id)
				switch {
				case err != nil:
					return ""
				case p.ShortName != "":
					return p.ShortName
				}
				return p.Name
			})
		},
		Official: func(id agreement.ID) string {
			return once("o", id, func() string {
				o, err := svc.Official(id)
				if err != nil {
					return ""
				}
				if o.Jabatan == "" {
					return o.FullName()
				}
				return o.FullName() + " (" + o.Status.Prefix() + o.Jabatan + ")"
			})
		},
		Mandate: func(id agreement.ID) string {
			return once("m", id, func() string {
				m, err := svc.Mandate(id)
				if err != nil {
					return ""
				}
				return m.Number
			})
		},
		Agreement: func(id agreement.ID) string {
			return once("a", id, func() string {
				a, err := svc.Agreement(id)
				if err != nil {
					return ""
				}
				if n := a.OwnNumber(); n != "" {
					return a.Kind.Title() + " " + n
				}
				return a.Kind.Title() + " " + a.Subject
			})
		},
	}
}

// historyLine is one history entry of a as a person reads it:
// "Rabu, 3 Desember 2025 10.14 — diubah oleh staf1: Jangka waktu: 5 → 3",
// with one change a line when there are several.
func historyLine(h dataset.HistoryEntry, a *agreement.Agreement, names agreement.ChangeNames) string {
	at := h.At.Local()
	when := fmt.Sprintf("%s, %s %02d.%02d", bahasa.DayName(at.Weekday()), bahasa.ShortDate(at), at.Hour(), at.Minute())
	action := map[string]string{"buat": lang.L("dibuat"), "ubah": lang.L("diubah"), "status": lang.L("status diubah"), "impor": lang.L("diimpor"), "cetak": lang.L("dicetak")}[h.Action]
	if action == "" {
		action = h.Action
	}
	var changes []string
	l := kit.Lang()
	for _, c := range h.Changes {
		changes = append(changes, agreement.Describe(c, l, a, names).String())
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
	switch len(changes) {
	case 0:
	case 1:
		line += ": " + changes[0]
	default:
		// One change a line: a save often changes several.
		line += ":\n• " + strings.Join(changes, "\n• ")
	}
	return line
}
