package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/naskah"
)

// emblem draws a small shield, as a stand-in for a region's lambang.
func emblem(c color.Color) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, 120, 140))
	for y := 0; y < 140; y++ {
		for x := 0; x < 120; x++ {
			if x > y/3 && x < 120-y/3 {
				img.Set(x, y, c)
			}
		}
	}
	return img
}

func TestLambangWitnessesAndSettings(t *testing.T) {
	s := examples(t)
	var pngData, jpgData bytes.Buffer
	png.Encode(&pngData, emblem(color.NRGBA{0, 100, 0, 255}))
	jpeg.Encode(&jpgData, emblem(color.NRGBA{150, 0, 0, 255}), nil)
	a, _ := s.Agreement(2)
	for i, data := range [][]byte{pngData.Bytes(), jpgData.Bytes()} {
		media := []string{"image/png", "image/jpeg"}[i]
		ref, err := s.PutFile("lambang", media, data)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := s.Party(a.Parties[i].PartyID)
		p.Lambang = &ref
		mustSave(t, s.SaveParty(&p))
	}
	a.Signing.Witnesses = []agreement.Witness{
		{Name: "Tuti Alawiyah", Jabatan: "Sekretaris Daerah Kabupaten Sumedang"},
		{Name: "Thamrin", Jabatan: "Sekretaris Daerah Kabupaten Lampung Selatan"},
	}
	d := build(t, s, &a, naskah.Options{FirstPartyRight: true, NumericDate: true})
	prof := DefaultProfile()
	prof.PageNumbers = NumberHalaman
	pdf := render(t, d, prof)
	if dir := os.Getenv("SEPAKAT_LOOK_DIR"); dir != "" {
		os.WriteFile(filepath.Join(dir, "lambang-saksi.pdf"), pdf, 0o644)
	}

	path := filepath.Join(t.TempDir(), "a.pdf")
	os.WriteFile(path, pdf, 0o600)
	out, err := exec.Command("pdfimages", "-list", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(strings.Split(strings.TrimSpace(string(out)), "\n")) - 2; n < 2 {
		t.Errorf("%d images on the page, want both lambang:\n%s", n, out)
	}
	pp := pages(t, pdf)
	text := flat(pp)
	for _, want := range []string{"Menyaksikan:", "TUTI ALAWIYAH", "THAMRIN", "(04-07-2025)"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q", want)
		}
	}
	if !strings.Contains(pp[1], "Halaman 2 dari "+strconv.Itoa(len(pp))) {
		t.Errorf("page 2 header: %q", firstLine(pp[1]))
	}
	// PIHAK PERTAMA now signs on the right: PIHAK KEDUA's column comes first.
	last := pp[len(pp)-1]
	if i, j := strings.Index(last, "PIHAK KEDUA,"), strings.Index(last, "PIHAK PERTAMA,"); i < 0 || j < i {
		t.Errorf("signature columns not swapped:\n%s", last)
	}
}

func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			return l
		}
	}
	return ""
}
