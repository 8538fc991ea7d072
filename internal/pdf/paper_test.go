package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"sepakat/internal/naskah"
)

// textLine is a line of a page as poppler reads it back, in points.
type textLine struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	words                  []string
}

func (l textLine) text() string { return strings.Join(l.words, " ") }

var (
	pageRe = regexp.MustCompile(`(?s)<page .*?</page>`)
	lineRe = regexp.MustCompile(`(?s)<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>`)
	wordRe = regexp.MustCompile(`<word [^>]*>([^<]*)</word>`)
)

// lines reads a PDF back with pdftotext -bbox-layout: every line with its box.
func lines(t testing.TB, pdf []byte) []textLine {
	t.Helper()
	path := filepath.Join(t.TempDir(), "bbox.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-bbox-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var res []textLine
	for pi, page := range pageRe.FindAllString(string(out), -1) {
		for _, m := range lineRe.FindAllStringSubmatch(page, -1) {
			l := textLine{page: pi + 1}
			for i, p := range []*float64{&l.xMin, &l.yMin, &l.xMax, &l.yMax} {
				*p, _ = strconv.ParseFloat(m[i+1], 64)
			}
			for _, w := range wordRe.FindAllStringSubmatch(m[5], -1) {
				l.words = append(l.words, strings.ReplaceAll(w[1], "&amp;", "&"))
			}
			res = append(res, l)
		}
	}
	return res
}

// find returns the lines holding word, in reading order.
func find(ls []textLine, word string) []textLine {
	var out []textLine
	for _, l := range ls {
		for _, w := range l.words {
			if w == word {
				out = append(out, l)
				break
			}
		}
	}
	return out
}

// wordY is the top of the first word w on the page of the signatures, with its x.
func wordBoxes(t testing.TB, pdf []byte, word string) [][2]float64 {
	t.Helper()
	path := filepath.Join(t.TempDir(), "words.pdf")
	os.WriteFile(path, pdf, 0o600)
	out, err := exec.Command("pdftotext", "-bbox", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	re := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">` + regexp.QuoteMeta(word) + `</word>`)
	var res [][2]float64
	for _, m := range re.FindAllStringSubmatch(string(out), -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		y, _ := strconv.ParseFloat(m[2], 64)
		res = append(res, [2]float64{x, y})
	}
	return res
}

// The two signature columns put each part at the same height, whatever wraps
// in one of them: jabatan, meterai, name, pangkat and NIP.
func TestSignatureColumnsAlignRowByRow(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(3) // the PKS: both signers ASN, with pangkat and NIP
	a.Parties[0].Meterai, a.Parties[1].Meterai = true, true
	sg := a.Signing.Signers
	sg[0].Name = "Dr. Ir. H. Muhammad Abdurrahman Wahid Kusumaatmadja, S.H., M.Hum."
	sg[0].Jabatan = "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Lampung Selatan"
	sg[0].Pangkat, sg[0].NIP = "Pembina Utama Muda (IV/c)", "197001011990031001"
	sg[1].Name = "Kemal Idris"
	sg[1].Jabatan = "Kepala DPMPTSP"
	sg[1].Pangkat, sg[1].NIP = "Pembina", "197502022000031002"
	pdf := render(t, build(t, s, &a, naskah.Options{}), DefaultProfile())

	same := func(what string, boxes [][2]float64) {
		t.Helper()
		if len(boxes) != 2 {
			t.Fatalf("%s: %d found, want one per column", what, len(boxes))
		}
		if d := boxes[0][1] - boxes[1][1]; d > 0.5 || d < -0.5 {
			t.Errorf("%s: left at y %.1f, right at y %.1f", what, boxes[0][1], boxes[1][1])
		}
		if boxes[0][0] >= boxes[1][0] {
			t.Errorf("%s: not in two columns: x %.1f and %.1f", what, boxes[0][0], boxes[1][0])
		}
	}
	meterai := wordBoxes(t, pdf, "METERAI")
	same("the meterai", meterai)
	below := func(word string) [][2]float64 {
		var out [][2]float64
		for _, b := range wordBoxes(t, pdf, word) {
			if len(meterai) > 0 && b[1] > meterai[0][1] {
				out = append(out, b)
			}
		}
		return out
	}
	same("the first line of the names", append(below("Dr."), below("KEMAL")...))
	same("the pangkat", below("Pembina"))
	same("the NIP", below("NIP."))
	jabatan := append(wordBoxes(t, pdf, "KEPALA"), wordBoxes(t, pdf, "PERTAMA,")...)
	if len(jabatan) != 3 {
		t.Fatalf("jabatan and role: %v", jabatan)
	}
	// Both jabatan start on the line under the roles.
	same("the jabatan", jabatan[:2])
	if jabatan[0][1] <= jabatan[2][1] {
		t.Errorf("jabatan above the role")
	}
	// The long name wraps: the right column's pangkat stands under the left's
	// last name line, not under its own name.
	if kemal, pangkat := below("KEMAL"), below("Pembina"); len(kemal) == 1 && len(pangkat) == 2 && pangkat[1][1]-kemal[0][1] < 20 {
		t.Errorf("the right pangkat follows its own name, not the row: name y %.1f, pangkat y %.1f", kemal[0][1], pangkat[1][1])
	}
}

// A justified paragraph full of hyphenated words fills every line but its last
// to the right margin, breaking after a hyphen where that fits better.
func TestHyphenatedWordsJustify(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(2)
	premis := "bahwa sesuai ketentuan peraturan perundang-undangan, masing-masing pihak berwenang menyelenggarakan urusan pemerintahan dan kerja sama antar-daerah yang saling menguntungkan bagi masyarakat, dengan memperhatikan kepentingan masing-masing daerah serta ketentuan perundang-undangan mengenai tugas-tugas pemerintahan sehari-hari, sebagaimana diatur dalam peraturan perundang-undangan yang berlaku secara turun-temurun"
	a.Premises = []string{premis}
	p := DefaultProfile()
	pdf := render(t, build(t, s, &a, naskah.Options{}), p)
	right := (210 - p.MarginRight) * 72 / 25.4
	var item []textLine
	started := false
	for _, l := range lines(t, pdf) {
		if len(l.words) > 1 && l.words[0] == "a." && l.words[1] == "bahwa" {
			started = true
		}
		if started {
			item = append(item, l)
			if strings.HasSuffix(l.text(), "turun-temurun.") || strings.HasSuffix(l.text(), "temurun.") {
				break
			}
		}
	}
	if len(item) < 4 {
		t.Fatalf("the premis read back as %d lines", len(item))
	}
	hyphenEnd := false
	for _, l := range item[:len(item)-1] {
		if d := right - l.xMax; d > 1 || d < -1 {
			t.Errorf("line %q ends %.1f pt from the right margin", l.text(), d)
		}
		hyphenEnd = hyphenEnd || strings.HasSuffix(l.text(), "-")
	}
	if !hyphenEnd {
		t.Errorf("no line breaks after a hyphen:\n%v", item)
	}
	text := flat(pages(t, pdf))
	for _, w := range []string{"perundang-", "masing-"} {
		if !strings.Contains(text, w) {
			t.Errorf("%q lost", w)
		}
	}
}

// An acting head's jabatan in the signature block: in full words, or "Pj." as
// the profile says, and never broken inside the region's name.
func TestActingJabatanInTheSignatureBlock(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(2)
	a.Signing.Signers[0].Name = "Dr. Ir. Thamrin Hamid, M.Si."
	a.Signing.Signers[0].Jabatan = "Pj. Bupati Lampung Selatan"
	d := build(t, s, &a, naskah.Options{})
	for _, abbrev := range []bool{false, true} {
		p := DefaultProfile()
		p.ActingAbbrev = abbrev
		pdf := render(t, d, p)
		ls := lines(t, pdf)
		var lampung []textLine
		for _, l := range find(ls, "LAMPUNG") {
			if strings.Contains(l.text(), "SELATAN,") || strings.HasSuffix(l.text(), "LAMPUNG") {
				lampung = append(lampung, l)
			}
		}
		if len(lampung) != 1 || !strings.Contains(lampung[0].text(), "LAMPUNG SELATAN,") {
			t.Errorf("abbrev %v: the region's name broken: %v", abbrev, lampung)
			continue
		}
		text := flat(pages(t, pdf))
		switch {
		case !abbrev && len(find(ls, "PENJABAT")) != 1:
			t.Errorf("full words: %v", find(ls, "PENJABAT"))
		case !abbrev && find(ls, "PENJABAT")[0].text() != "PENJABAT BUPATI":
			t.Errorf("full words: %q over %q", find(ls, "PENJABAT")[0].text(), lampung[0].text())
		case abbrev && !strings.Contains(text, "Pj. BUPATI"):
			t.Errorf("abbreviated: %v", lampung)
		}
		if !abbrev {
			// "PENJABAT BUPATI" over "LAMPUNG SELATAN,", not "… LAMPUNG" over "SELATAN,".
			if lampung[0].words[0] != "LAMPUNG" {
				t.Errorf("jabatan line %q", lampung[0].text())
			}
		}
		// The komparisi writes the acting title in full, the name in capitals
		// and the titles in their own case.
		if !strings.Contains(text, "Dr. Ir. THAMRIN HAMID, M.Si., Penjabat Bupati Lampung Selatan, dalam hal ini") {
			t.Errorf("komparisi: %s", text)
		}
		if !strings.Contains(text, "bertempat di Gedung Command Center, Kompleks Pemerintahan Kabupaten Sumedang, yang bertanda tangan") {
			t.Errorf("venue: %s", text)
		}
	}
}

// A hyphenated word that ends a paragraph is not broken: its second half
// would stand alone on the last line.
func TestNoHyphenFragmentAloneOnTheLastLine(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(2)
	// Grow the sentence one word at a time so that "masing-masing." meets the
	// margin at some length.
	base := "bahwa PIHAK KEDUA telah mengembangkan berbagai inovasi daerah yang dapat direplikasi dan dipakai"
	broken := 0
	for n := 0; n < 14; n++ {
		a.Premises = []string{base + strings.Repeat(" lagi", n) + " masing-masing"}
		pdf := render(t, build(t, s, &a, naskah.Options{}), DefaultProfile())
		for _, l := range lines(t, pdf) {
			if l.text() == "masing." {
				broken++
			}
		}
	}
	if broken > 0 {
		t.Errorf("\"masing.\" alone on a last line %d times", broken)
	}
}

// The titles after a wrapped name stay together on its last line.
func TestBackTitlesStayTogether(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(2)
	for n := 0; n < 12; n++ {
		name := "H. Dony Ahmad Munir S" + strings.Repeat("a", n)
		a.Signing.Signers[1].Name = name + ", S.Sos., M.Si."
		pdf := render(t, build(t, s, &a, naskah.Options{}), DefaultProfile())
		ls := find(lines(t, pdf), "M.Si.")
		if len(ls) != 1 || !strings.HasSuffix(ls[0].text(), "S.Sos., M.Si.") {
			t.Errorf("%s: the titles after the name broken: %v", name, ls)
		}
	}
}

// "PARA PIHAK" and "PIHAK PERTAMA" never break across lines.
func TestPartyNamesStayOnOneLine(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(2)
	var broken []string
	for n := 0; n < 12; n++ {
		a.Premises = []string{"bahwa" + strings.Repeat(" kerja", n) + " sama antara PIHAK PERTAMA dan PIHAK KEDUA disetujui oleh PARA PIHAK dengan itikad baik dan saling menguntungkan bagi PARA PIHAK serta PIHAK KETIGA"}
		for _, l := range lines(t, render(t, build(t, s, &a, naskah.Options{}), DefaultProfile())) {
			last := l.words[len(l.words)-1]
			if last == "PARA" || (last == "PIHAK" && len(l.words) > 1 && l.words[len(l.words)-2] != "PARA") {
				broken = append(broken, l.text())
			}
		}
	}
	if len(broken) > 0 {
		t.Errorf("a party's name broken at the end of %d lines: %q", len(broken), broken)
	}
}

// Keeping a region's name whole never costs the jabatan an extra line: the
// longer phrase ("KABUPATEN LAMPUNG SELATAN") would give way to the region alone.
func TestKeptPhrasesCostNoExtraLine(t *testing.T) {
	s := examples(t)
	a, _ := s.Agreement(2)
	d := build(t, s, &a, naskah.Options{})
	// jabatanLines reads the left column between its role and its name.
	jabatanLines := func(sig naskah.Signature) (out []string) {
		d.Signatures[0] = sig
		ls := lines(t, render(t, d, DefaultProfile()))
		var role *textLine
		for i, l := range ls {
			if l.text() == "PIHAK PERTAMA," {
				role = &ls[i]
				continue
			}
			if role == nil || l.page != role.page || l.xMin > 297 {
				continue
			}
			if strings.Contains(l.text(), sig.Name) {
				break
			}
			out = append(out, l.text())
		}
		return out
	}
	for n := 0; n < 16; n++ {
		j := "KEPALA DINAS" + strings.Repeat(" SE", n) + " KABUPATEN LAMPUNG SELATAN SELAKU KETUA TIM KOORDINASI,"
		sig := d.Signatures[0]
		sig.Acting, sig.Jabatan, sig.Keep = "", j, nil
		plain := jabatanLines(sig)
		sig.Keep = []string{"KABUPATEN LAMPUNG SELATAN", "LAMPUNG SELATAN"}
		kept := jabatanLines(sig)
		if len(kept) != len(plain) || !strings.Contains(strings.Join(kept, "|"), "LAMPUNG SELATAN") {
			t.Errorf("%d lines kept together %q, without %q", len(kept), kept, plain)
		}
	}
}
