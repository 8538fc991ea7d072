package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/store"
)

// editDocx rewrites word/document.xml of a .docx, as the partner's Word would.
func editDocx(t *testing.T, from, to string, edit func(string) string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range z.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "word/document.xml" {
			b = []byte(edit(string(b)))
		}
		fw, _ := w.Create(f.Name)
		fw.Write(b)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

func attachments(t *testing.T, db string, id agreement.ID) []agreement.Attachment {
	t.Helper()
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, err := s.Agreement(id)
	if err != nil {
		t.Fatal(err)
	}
	return a.Attachments
}

func TestDocxAndCompare(t *testing.T) {
	dir, db := demoFile(t)
	sent := filepath.Join(dir, "PKS-3.docx")
	r := run(t, i18n.ID, "--db", db, "docx", "3", "-o", sent, "--kirim")
	if r.code != 0 || !strings.Contains(r.stderr, "PKS-3") || !strings.Contains(r.stderr, "putaran 1, revisi 1") {
		t.Fatalf("docx: %+v", r)
	}
	if at := attachments(t, db, 3); len(at) != 1 || at[0].Kind != agreement.AttachDraft || at[0].Note != "Dikirim ke mitra, putaran 1, revisi 1" || at[0].File.Size == 0 {
		t.Fatalf("the round sent: %+v", at)
	}
	// Our own file, unchanged.
	if r := run(t, i18n.EN, "--db", db, "compare", "3", sent); r.code != 0 || r.stdout != "" || !strings.Contains(r.stderr, "No differences") {
		t.Errorf("unchanged: %+v", r)
	}
	// The partner changes one word in Pasal 6 (1).
	back := filepath.Join(dir, "PKS-3 mitra.docx")
	editDocx(t, sent, back, func(doc string) string {
		if strings.Count(doc, ">Biaya yang timbul ") != 1 {
			t.Fatal("Pasal 6 (1) not found once")
		}
		return strings.Replace(doc, ">Biaya yang timbul ", ">Biaya yang muncul ", 1)
	})
	r = run(t, i18n.ID, "--db", db, "compare", "3", back, "--json")
	if r.code != 0 {
		t.Fatalf("compare --json: %+v", r)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d lines: %s", len(lines), r.stdout)
	}
	var c map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &c); err != nil {
		t.Fatal(err)
	}
	if c["pasal"] != "Pasal 6" || c["where"] != "(1)" || c["kind"] != "ubah" || !strings.HasPrefix(c["ours"].(string), "Biaya yang timbul ") ||
		!strings.HasPrefix(c["theirs"].(string), "Biaya yang muncul ") || !strings.HasPrefix(c["words"].(string), "Biaya yang [-timbul-] [+muncul+] sebagai") {
		t.Errorf("change: %v", c)
	}
	r = run(t, i18n.EN, "--db", db, "compare", "3", back)
	if r.code != 0 || !strings.HasPrefix(r.stdout, "Pasal 6 (1): changed\n  ours : Biaya yang timbul") || !strings.Contains(r.stderr, "1 changes, 0 comments.") {
		t.Errorf("compare: %+v", r)
	}
	// Another agreement's file changes nothing and says so.
	r = run(t, i18n.ID, "--db", db, "compare", "2", back)
	if r.code != ExitError || !strings.Contains(r.stderr, "perjanjian lain (PKS-3)") || !strings.Contains(r.stderr, "(KSB-2)") {
		t.Errorf("another agreement: %+v", r)
	}
	// A newer round sent: the partner's file from revision 1 is now too old.
	if r := run(t, i18n.ID, "--db", db, "docx", "3", "-o", filepath.Join(dir, "PKS-3 putaran 2.docx"), "--kirim"); r.code != 0 {
		t.Fatalf("second round: %+v", r)
	}
	r = run(t, i18n.EN, "--db", db, "compare", "3", back, "--simpan")
	if r.code != ExitError || !strings.Contains(r.stderr, "revision 1, but revision 2 was sent") {
		t.Errorf("older revision: %+v", r)
	}
	if n := len(attachments(t, db, 3)); n != 2 {
		t.Errorf("a refused file was kept: %d attachments", n)
	}
	// The partner's reply to round 2, kept as the round received.
	back2 := filepath.Join(dir, "balasan.docx")
	editDocx(t, filepath.Join(dir, "PKS-3 putaran 2.docx"), back2, func(doc string) string { return doc })
	if r := run(t, i18n.ID, "--db", db, "compare", "3", back2, "--simpan"); r.code != 0 || !strings.Contains(r.stderr, "disimpan sebagai lampiran") {
		t.Errorf("compare --simpan: %+v", r)
	}
	if at := attachments(t, db, 3); len(at) != 3 || at[2].Note != "Diterima dari mitra, putaran 1, dibuat dari revisi 2" {
		t.Errorf("the round received: %+v", at)
	}
	// Bad input: a file that is not there, an old .doc.
	if r := run(t, i18n.ID, "--db", db, "compare", "3", filepath.Join(dir, "tidak-ada.docx")); r.code != ExitError || !strings.Contains(r.stderr, "tidak-ada.docx") {
		t.Errorf("missing file: %+v", r)
	}
	doc := filepath.Join(dir, "lama.doc")
	os.WriteFile(doc, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...), 0o600)
	if r := run(t, i18n.ID, "--db", db, "compare", "3", doc); r.code != ExitError || !strings.Contains(r.stderr, "Word lama (.doc)") {
		t.Errorf(".doc: %+v", r)
	}
	if r := run(t, i18n.ID, "--db", db, "docx", "3"); r.code != ExitMisuse {
		t.Errorf("docx without -o: %+v", r)
	}
}
