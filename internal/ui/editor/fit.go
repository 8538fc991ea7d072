package editor

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"sepakat/internal/agreement"
	"sepakat/internal/ui/kit"
)

// categoryChoices are the Kategori select's options: none, then the PP
// 28/2018 categories, in the order of agreement.Categories.
func categoryChoices() []string {
	return []string{
		lang.L("(tanpa kategori)"),
		lang.L("KSDD – dengan daerah lain"),
		lang.L("KSDPK – dengan pihak ketiga"),
		lang.L("KSDPL – dengan pemerintah daerah di luar negeri"),
		lang.L("KSDLL – dengan lembaga di luar negeri"),
	}
}

// editorDir answers agreement.Directory for the checks the editor runs as
// the user types: the parties tab's registry first, then the service.
type editorDir struct{ e *Editor }

func (d editorDir) Party(id agreement.ID) (agreement.Party, bool) {
	if p, ok := d.e.parties.party(id); ok {
		return p, true
	}
	p, err := d.e.svc.Party(id)
	return p, err == nil
}

func (d editorDir) Official(id agreement.ID) (agreement.Official, bool) {
	o, err := d.e.svc.Official(id)
	return o, err == nil
}

func (d editorDir) Mandate(id agreement.ID) (agreement.Mandate, bool) {
	m, err := d.e.svc.Mandate(id)
	return m, err == nil
}

func (d editorDir) AgreementKind(id agreement.ID) (agreement.Kind, bool) {
	if id == d.e.a.ParentID && d.e.a.Parent != nil {
		return d.e.a.Parent.Kind, true
	}
	a, err := d.e.svc.Agreement(id)
	return a.Kind, err == nil
}

func (d editorDir) RegionName(string) (string, bool) { return "", false }

// checkFit says at Jenis and Kategori, as the partner or the category
// changes, what a save would refuse: a document or category that does not
// fit the partner (agreement.FitErrors).
func (e *Editor) checkFit() {
	if e.loading || e.identity == nil || e.identity.category == nil {
		return
	}
	a, _ := e.form()
	es := a.FitErrors(editorDir{e})
	ln := kit.Lang()
	for _, field := range []string{"kind", "category"} {
		l, ok := e.problems[field]
		if !ok {
			continue
		}
		var msgs []string
		for _, fe := range es.For(field) {
			msgs = append(msgs, fieldMessage(fe, ln))
		}
		l.SetText(strings.Join(msgs, "\n"))
		l.Hidden = len(msgs) == 0
		l.Refresh()
	}
}
