package editor

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"sepakat/internal/store"
)

// storedFiles lists the files the data file holds, read back from it.
func storedFiles(t *testing.T, s *store.Store) []string {
	t.Helper()
	d, err := s.Export(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range d.Files {
		out = append(out, f.SHA256)
	}
	return out
}

func TestDiscardedAttachmentNeverEntersTheDataFile(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	w := e.Window()
	before := storedFiles(t, h.s)
	png, err := os.ReadFile("../../../resources/icon.png")
	if err != nil {
		t.Fatal(err)
	}
	e.tabs.SelectIndex(tabAttachments)
	at := e.attachments
	if !at.attach("Draf untuk mitra.png", png) {
		t.Fatalf("attach failed: %q", e.general.Text)
	}
	sha := at.rows[0].File.SHA256
	// It can be viewed before the save.
	if data, err := h.s.File(sha); err != nil || len(data) != len(png) {
		t.Fatalf("the chosen file is not served before the save: %d bytes, %v", len(data), err)
	}
	shortcut(w, "W")
	test.Tap(dialogButtons(t, w, "no question about unsaved changes")["Buang perubahan"])
	if !h.closed {
		t.Fatal("Buang perubahan did not close the editor")
	}
	if after := storedFiles(t, h.s); slices.Contains(after, sha) || len(after) != len(before) {
		t.Errorf("a discarded attachment is in the data file: %v (before %v)", after, before)
	}
	if a, _ := h.s.Agreement(e.a.ID); len(a.Attachments) != 0 {
		t.Errorf("discarded attachment listed: %+v", a.Attachments)
	}
}

func TestRemovedAttachmentLeavesTheDataFile(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	png, err := os.ReadFile("../../../resources/icon.png")
	if err != nil {
		t.Fatal(err)
	}
	e.tabs.SelectIndex(tabAttachments)
	at := e.attachments
	if !at.attach("Pindaian.png", png) {
		t.Fatalf("attach failed: %q", e.general.Text)
	}
	sha := at.rows[0].File.SHA256
	test.Tap(e.saveBtn)
	if !slices.Contains(storedFiles(t, h.s), sha) {
		t.Fatalf("the saved attachment is not in the data file: %q", e.general.Text)
	}
	tapRow(t, at.list, at.rowText(0))
	test.Tap(at.detach)
	test.Tap(e.saveBtn)
	if slices.Contains(storedFiles(t, h.s), sha) {
		t.Error("the removed attachment stays in the data file")
	}
	if _, err := h.s.File(sha); err == nil {
		t.Error("the removed attachment is still read")
	}
}

func TestOwnNumberCarriedElsewhereShownAtTheField(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	other, err := h.s.Agreement(1)
	if err != nil {
		t.Fatal(err)
	}
	taken := other.OwnNumber()
	if taken == "" {
		t.Fatal("the example has no own number")
	}
	e.tabs.SelectIndex(tabIdentitas)
	retype(e.Window(), e.identity.ownNumber, taken)
	test.Tap(e.saveBtn)
	l := e.problems[ownNumberField]
	if !l.Visible() || !strings.Contains(l.Text, taken) || !strings.Contains(l.Text, other.Subject[:40]) || !strings.Contains(l.Text, "(ID 1)") || e.tabs.SelectedIndex() != tabIdentitas {
		t.Fatalf("beside the number: %q (visible %v), tab %d, bottom %q", l.Text, l.Visible(), e.tabs.SelectedIndex(), e.general.Text)
	}
	if a, _ := h.s.Agreement(e.a.ID); a.OwnNumber() == taken || !e.Dirty() {
		t.Errorf("stored %q, dirty %v", a.OwnNumber(), e.Dirty())
	}
	// Another number saves and clears the problem.
	retype(e.Window(), e.identity.ownNumber, "999/PKS.05-Huk/2026")
	test.Tap(e.saveBtn)
	if a, _ := h.s.Agreement(e.a.ID); a.OwnNumber() != "999/PKS.05-Huk/2026" || l.Visible() {
		t.Errorf("stored %q, problem %q", a.OwnNumber(), l.Text)
	}
}

// TestViewCopiesRemovedAtExitAndNextStart: an attachment opened for viewing is
// copied into this run's folder, which goes when the program ends; folders
// an earlier, killed run left go at the next start, and nothing else does.
func TestViewCopiesRemovedAtExitAndNextStart(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	old := time.Now().Add(-time.Hour)
	mk := func(name string, dir bool) {
		t.Helper()
		p := filepath.Join(tmp, name)
		var err error
		if dir {
			err = os.MkdirAll(filepath.Join(p, "123"), 0o700)
		} else {
			err = os.WriteFile(p, []byte("x"), 0o600)
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	mk("sepakat-lampiran-4242", true)     // a killed run's
	mk("sepakat-lampiran-8ab3f1", true)   // an older version's
	mk("lain-lampiran-1", true)           // another program's
	mk("sepakat-lampiran-catatan", false) // a file, not our folder
	started := time.Now()

	h := newHarness(t)
	e := h.draft(nil)
	png, err := os.ReadFile("../../../resources/icon.png")
	if err != nil {
		t.Fatal(err)
	}
	e.tabs.SelectIndex(tabAttachments)
	at := e.attachments
	if !at.attach("Pindaian.png", png) {
		t.Fatalf("attach failed: %q", e.general.Text)
	}
	var opened string
	at.openURL = func(u *url.URL) error { opened = u.Path; return nil }
	tapRow(t, at.list, at.rowText(0))
	test.Tap(at.open)
	if got, err := os.ReadFile(opened); err != nil || len(got) != len(png) || !strings.HasPrefix(opened, viewCopiesRoot(tmp)+string(filepath.Separator)) {
		t.Fatalf("opened %q: %d bytes, %v", opened, len(got), err)
	}
	if n := SweepViewCopies(started); n != 2 {
		t.Errorf("%d leftovers removed at start, want 2", n)
	}
	if err := RemoveViewCopies(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(tmp)
	var names []string
	for _, en := range entries {
		names = append(names, en.Name())
	}
	if !slices.Equal(names, []string{"lain-lampiran-1", "sepakat-lampiran-catatan"}) {
		t.Errorf("temporary folder holds %v after the run", names)
	}
}
