//go:build libreoffice

// These checks open the written files in LibreOffice (make test-docx).
package docx

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/naskah"
)

var spaces = regexp.MustCompile(`\s+`)

// convert turns .docx files into PDFs with LibreOffice headless in one run
// and returns each PDF's text per page.
func convert(t *testing.T, files map[string][]byte) map[string][]string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice is missing: install libreoffice-writer-nogui (make test-docx does)")
	}
	dir := t.TempDir()
	var args []string
	for name, data := range files {
		p := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	profile := "file://" + filepath.Join(dir, "lo-profile")
	cmd := exec.Command(soffice, append([]string{"-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir", dir}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pages := map[string][]string{}
	for name := range files {
		pdf := filepath.Join(dir, name+".pdf")
		if keep := os.Getenv("DOCX_KEEP"); keep != "" {
			data, _ := os.ReadFile(pdf)
			os.WriteFile(filepath.Join(keep, name+".pdf"), data, 0o644)
			docx, _ := os.ReadFile(filepath.Join(dir, name+".docx"))
			os.WriteFile(filepath.Join(keep, name+".docx"), docx, 0o644)
		}
		out, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v (did LibreOffice convert it?)", name, err)
		}
		pp := strings.Split(string(out), "\f")
		if len(pp) > 0 && strings.TrimSpace(pp[len(pp)-1]) == "" {
			pp = pp[:len(pp)-1]
		}
		pages[name] = pp
	}
	return pages
}

// TestLibreOfficeReadsEveryPasalAndNumber converts the examples and a 40-pasal
// PKS under A4 and F4 and reads the PDFs back.
func TestLibreOfficeReadsEveryPasalAndNumber(t *testing.T) {
	s := examples(t)
	files := map[string][]byte{}
	docs := map[string]*naskah.Document{}
	numbers := map[string][]string{}
	for _, paper := range []string{"A4", "F4"} {
		p := DefaultPage()
		p.Paper = paper
		for id := agreement.ID(1); id <= 3; id++ {
			a, _ := s.Agreement(id)
			d := build(t, s, &a)
			name := strings.ToLower(d.Code + "-" + paper)
			files[name], docs[name], numbers[name] = writeDocx(t, d, p, markerOf(a, d)), d, a.Numbers()
		}
		a, d := pks40(t, s)
		name := "pks40-" + strings.ToLower(paper)
		files[name], docs[name], numbers[name] = writeDocx(t, d, p, markerOf(a, d)), d, a.Numbers()
	}
	// Example 1 once more with its two lambang above the title.
	a1, _ := s.Agreement(1)
	dl := build(t, s, &a1)
	withLambang(t, dl)
	files["lambang"], docs["lambang"], numbers["lambang"] = writeDocx(t, dl, DefaultPage(), markerOf(a1, dl)), dl, a1.Numbers()
	pages := convert(t, files)
	if n := imagesIn(t, files["lambang"]); n != 2 {
		t.Errorf("LibreOffice shows %d lambang, want 2", n)
	}
	for name, d := range docs {
		pp := pages[name]
		text := spaces.ReplaceAllString(strings.Join(pp, " "), " ")
		for _, sec := range d.Body {
			if !strings.Contains(text, sec.Label) {
				t.Errorf("%s: %s missing", name, sec.Label)
			}
			if sec.Heading != "" && !strings.Contains(text, spaces.ReplaceAllString(sec.Heading, " ")) {
				t.Errorf("%s: heading %q missing", name, sec.Heading)
			}
		}
		if len(numbers[name]) < 2 {
			t.Errorf("%s: the example has %d numbers; the check wants both", name, len(numbers[name]))
		}
		for _, n := range numbers[name] {
			if !strings.Contains(text, "NOMOR : "+n) {
				t.Errorf("%s: number %q missing", name, n)
			}
		}
		for _, title := range d.Title {
			if !strings.Contains(text, spaces.ReplaceAllString(title, " ")) {
				t.Errorf("%s: title line %q missing", name, title)
			}
		}
		if !strings.Contains(text, "PIHAK PERTAMA,") || !strings.Contains(text, "PIHAK KEDUA,") {
			t.Errorf("%s: signature block missing", name)
		}
		// The signature block never breaks across pages: its roles and the
		// last signer's name stand on one page, the last.
		if n := len(d.Signatures); n > 0 {
			signer := strings.ToUpper(d.Signatures[n-1].Name)
			roles, names := -1, -1
			for i, page := range pp {
				page = strings.ReplaceAll(spaces.ReplaceAllString(page, " "), "\u00a0", " ")
				if strings.Contains(page, "PIHAK PERTAMA,") {
					roles = i
				}
				if strings.Contains(strings.ToUpper(page), signer) {
					names = i
				}
			}
			if roles < 0 || roles != names || names != len(pp)-1 {
				t.Errorf("%s: the roles on page %d, %s on page %d, of %d", name, roles+1, signer, names+1, len(pp))
			}
		}
		t.Logf("%s: %d pages", name, len(pp))
	}
	// F4 is longer than A4, so the 40-pasal PKS needs fewer pages on it.
	if a4, f4 := len(pages["pks40-a4"]), len(pages["pks40-f4"]); f4 >= a4 || a4 < 8 {
		t.Errorf("40-pasal PKS: %d pages on A4, %d on F4", a4, f4)
	}
}

// saveAs has LibreOffice open a .docx and save it in another format, as a
// partner who edits in LibreOffice would.
func saveAs(t *testing.T, data []byte, filter, ext string) []byte {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "naskah.docx")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"), "--headless", "--convert-to", filter, "--outdir", out, in)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	got, err := os.ReadFile(filepath.Join(out, "naskah."+ext))
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestLibreOfficeSavedFileReadsBack: our file opened and saved again by
// LibreOffice (as .docx, .odt and old .doc) reads back as the same text, or
// is refused in words for the old format.
func TestLibreOfficeSavedFileReadsBack(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(3)
	d := build(t, s, &a)
	data := writeDocx(t, d, DefaultPage(), markerOf(a, d))
	resaved := saveAs(t, data, "docx:MS Word 2007 XML", "docx")
	rec := read(t, resaved)
	if rec.Marker == nil || rec.Marker.ID != 3 || rec.Marker.Fingerprint != d.Fingerprint() {
		t.Errorf("LibreOffice .docx: marker %+v", rec.Marker)
	}
	if changes := Compare(OutlineOf(d), rec.Outline); len(changes) != 0 || !rec.Outline.Styled {
		t.Errorf("LibreOffice .docx: styled %v, %d changes:\n%s", rec.Outline.Styled, len(changes), describe(changes))
	}
	odt := saveAs(t, data, "odt", "odt")
	if rec, err := Read(bytes.NewReader(odt), int64(len(odt))); err != nil {
		t.Errorf("LibreOffice .odt: %v", err)
	} else {
		if rec.Marker == nil || rec.Marker.ID != 3 {
			t.Errorf("LibreOffice .odt: marker %+v", rec.Marker)
		}
		if changes := Compare(OutlineOf(d), rec.Outline); len(changes) != 0 {
			t.Errorf("LibreOffice .odt: %d changes:\n%s", len(changes), describe(changes))
		}
	}
	doc := saveAs(t, data, "doc", "doc")
	if _, err := Read(bytes.NewReader(doc), int64(len(doc))); ProblemOf(err) != ProblemOldWord {
		t.Errorf("LibreOffice .doc: %v", err)
	}
}

// TestLibreOfficeKeepsProposalsAndComments: the partner's tracked changes and
// comment, saved again by LibreOffice as .docx and as .odt, read back as the
// same seven changes.
func TestLibreOfficeKeepsProposalsAndComments(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(3)
	d := build(t, s, &a)
	edited := partnerEdits(t, d, writeDocx(t, d, DefaultPage(), markerOf(a, d)))
	for _, f := range []struct{ filter, ext string }{{"docx:MS Word 2007 XML", "docx"}, {"odt", "odt"}} {
		t.Run(f.ext, func(t *testing.T) {
			data := saveAs(t, edited, f.filter, f.ext)
			checkRoundTrip(t, d, read(t, data))
		})
	}
}

// imagesIn converts a .docx with LibreOffice and counts the images of the PDF
// (poppler's pdfimages).
func imagesIn(t *testing.T, data []byte) int {
	t.Helper()
	pdf := saveAs(t, data, "pdf", "pdf")
	dir := t.TempDir()
	p := filepath.Join(dir, "x.pdf")
	if err := os.WriteFile(p, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfimages", "-list", p).Output()
	if err != nil {
		t.Fatalf("pdfimages: %v", err)
	}
	n := 0
	for _, l := range strings.Split(string(out), "\n")[2:] {
		if f := strings.Fields(l); len(f) > 2 && f[2] == "image" {
			n++
		}
	}
	return n
}

// TestLibreOfficeShowsTheParafAndTheRencanaAksi: the paraf tables stand with
// the signatures, and the rencana aksi starts a page of its own after them.
func TestLibreOfficeShowsTheParafAndTheRencanaAksi(t *testing.T) {
	a, d := nkWithParaf(t)
	for _, paper := range []string{"A4", "F4"} {
		p := DefaultPage()
		p.Paper = paper
		pages := convert(t, map[string][]byte{"nk": writeDocx(t, d, p, markerOf(a, d))})["nk"]
		find := func(s string) int {
			for i, pg := range pages {
				if strings.Contains(spaces.ReplaceAllString(pg, " "), s) {
					return i
				}
			}
			t.Fatalf("%s: no page shows %q", paper, s)
			return -1
		}
		last := func(s string) int { // the last page that shows s
			at := -1
			for i, pg := range pages {
				if strings.Contains(spaces.ReplaceAllString(pg, " "), s) {
					at = i
				}
			}
			return at
		}
		sig := last(d.Signatures[len(d.Signatures)-1].Name) // the signature block
		if closing, end := last("Demikian"), last(d.Paraf.Hierarki[len(d.Paraf.Hierarki)-1].Name); closing != sig || end != sig {
			t.Errorf("%s: closing on page %d, signatures on %d, the paraf's last row on %d", paper, closing+1, sig+1, end+1)
		}
		if hi, ko := find("Paraf Hierarki"), find("Paraf Koordinasi"); hi != sig || ko != sig {
			t.Errorf("%s: signatures on page %d, paraf on %d and %d", paper, sig+1, hi+1, ko+1)
		}
		lamp := find("RENCANA AKSI")
		if lamp <= sig || find(a.ActionPlan[1].Activity) < lamp {
			t.Errorf("%s: signatures on page %d, rencana aksi on %d", paper, sig+1, lamp+1)
		}
		if !strings.Contains(pages[lamp], "LAMPIRAN NOTA KESEPAKATAN") {
			t.Errorf("%s: the lampiran page has no heading:\n%s", paper, pages[lamp])
		}
	}
}
