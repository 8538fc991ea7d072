package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// Prosedur kerja sama shows the default 14 days a draft may wait on the
// partner; 21 typed and saved is kept on our office, and "0" is refused.
func TestProcedureSettingsKeepThePartnerDays(t *testing.T) {
	u, s, l := withExamples(t)
	st := u.settings
	read := false
	st.loaded = func(err error) { read = err == nil }
	u.tabs.SelectIndex(tabSettings)
	st.sections.SelectIndex(settingsProcedure)
	pr := st.procedure
	l.until("the settings", func() bool { return read })
	if pr.partner.Text != "14" {
		t.Fatalf("default days shown: %q", pr.partner.Text)
	}
	pr.partner.SetText("")
	test.Type(pr.partner, "0")
	test.Tap(pr.saveBtn)
	if p := ownProcedure(t, s); p != nil || !pr.message.Visible() {
		t.Fatalf("0 days saved: %+v, message %q", p, pr.message.Text)
	}
	pr.partner.SetText("")
	test.Type(pr.partner, "21")
	test.Tap(pr.saveBtn)
	if p := ownProcedure(t, s); p == nil || p.PartnerWaitDays != 21 {
		t.Fatalf("saved: %+v, message %q", p, pr.message.Text)
	}
}
