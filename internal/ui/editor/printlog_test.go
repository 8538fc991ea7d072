package editor

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
)

// An export from the editor goes into the agreement's history once the file
// is written: its code, fingerprint, revision, KONSEP or not, who and when.
func TestExportFromTheEditorIsRecordedInTheHistory(t *testing.T) {
	h := newHarness(t)
	e := h.draft(nil)
	for i, draft := range []bool{true, false} {
		path := filepath.Join(t.TempDir(), "pks.pdf")
		w, err := storage.Writer(storage.NewFileURI(path))
		if err != nil {
			t.Fatal(err)
		}
		finished := false
		var result error
		e.exportTo(w, draft, func(err error) { result, finished = err, true })
		h.l.until("the export", func() bool { return finished })
		if data, err := os.ReadFile(path); result != nil || err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
			t.Fatalf("export %d: %v, %v", i, result, err)
		}
		test.Tap(dialogButtons(t, e.Window(), "no word of the exported PDF")["Tutup"])
		hist, err := h.s.AgreementHistory(e.a.ID)
		if err != nil {
			t.Fatal(err)
		}
		last := hist[len(hist)-1]
		if last.Action != dataset.ActionPrint || last.Seq != uint64(i+1) || last.Print == nil || last.Print.Draft != draft ||
			last.Print.Rev != e.a.Rev || last.Print.Code != "PKS-4" || len(last.Print.Fingerprint) != 12 || last.By == "" {
			t.Fatalf("export %d recorded as %+v", i, last)
		}
		if shown := e.history.rows; len(shown) != len(hist) || shown[len(shown)-1].Seq != last.Seq {
			t.Errorf("Riwayat was not read again after the export: %d rows", len(shown))
		}
		line := e.history.lines[len(e.history.lines)-1]
		if !strings.Contains(line, "dicetak oleh") || !strings.Contains(line, "PKS-4 · "+last.Print.Fingerprint) || strings.Contains(line, "KONSEP") != draft {
			t.Errorf("Riwayat shows %q", line)
		}
	}
}

// The signing entry shows the fingerprint kept of the signed text.
func TestRiwayatShowsTheSignedTextsFingerprint(t *testing.T) {
	line := historyLine(dataset.HistoryEntry{Type: dataset.TypeAgreement, ID: 2, Rev: 4, At: fixedNow(), By: "ani", Action: "ubah",
		Changes: []agreement.Change{{Field: "status", Old: "siap_ttd", New: "ditandatangani"}}, Text: "71db32bc80b2"}, &agreement.Agreement{}, agreement.ChangeNames{})
	if !strings.Contains(line, "diubah oleh ani:\n• Status: Siap Tanda Tangan → Ditandatangani\n• sidik teks yang ditandatangani 71db32bc80b2") {
		t.Errorf("Riwayat shows %q", line)
	}
}
