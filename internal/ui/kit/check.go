package kit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/naskah"
)

// ProblemLines says each problem of a document check in the user's language,
// one a line, with where it is.
func ProblemLines(problems []naskah.Problem) string {
	ln := Lang()
	lines := make([]string, len(problems))
	for i, p := range problems {
		lines[i] = "• " + p.Message(ln)
	}
	return strings.Join(lines, "\n")
}

// ConfirmPrint runs print at once when the check found nothing; otherwise it
// lists the problems and asks first whether to print a final copy anyway.
// It returns the dialog it showed, or nil.
func ConfirmPrint(parent fyne.Window, problems []naskah.Problem, print func()) dialog.Dialog {
	if len(problems) == 0 {
		print()
		return nil
	}
	list := widget.NewLabel(ProblemLines(problems))
	list.Wrapping = fyne.TextWrapWord
	head := widget.NewLabel(lang.L("Pemeriksaan naskah menemukan hal yang perlu dilihat sebelum naskah final dicetak:"))
	head.Wrapping = fyne.TextWrapWord
	ask := widget.NewLabel(lang.L("Cetak naskah final apa adanya?"))
	content := container.NewBorder(head, ask, nil, nil, container.NewVScroll(list))
	d := dialog.NewCustomConfirm(lang.L("Periksa naskah"), lang.L("Cetak tetap"), lang.L("Perbaiki dulu"), content, func(ok bool) {
		if ok {
			print()
		}
	}, parent)
	d.Resize(fyne.NewSize(620, 380))
	d.Show()
	return d
}
