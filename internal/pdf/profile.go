// Package pdf renders a naskah document as a print-ready PDF. It is the only
// package that imports gofpdf.
package pdf

import "fmt"

// PageNumberStyle is how pages from the second on are numbered.
type PageNumberStyle string

const (
	NumberDash    PageNumberStyle = "dash"    // "- 2 -" centred at the top
	NumberHalaman PageNumberStyle = "halaman" // "Halaman 2 dari 5"
)

// Profile is an office's page settings.
type Profile struct {
	Paper       string  // "A4" (210×297 mm) or "F4" (215×330 mm)
	Font        string  // "serif" (Liberation Serif, Times metrics) or "sans" (Liberation Sans, Arial metrics)
	FontSize    float64 // points
	LineSpacing float64 // multiple of the font size
	MarginTop   float64 // mm
	MarginRight float64
	MarginBot   float64
	MarginLeft  float64
	PageNumbers PageNumberStyle
	// Paraf prints the initials box of every party on every page.
	Paraf bool
	// ActingAbbrev writes an acting head's status abbreviated in the signature
	// block ("Pj. BUPATI …") instead of in full words ("PENJABAT BUPATI …").
	ActingAbbrev bool
}

// DefaultProfile follows the usual tata naskah settings.
func DefaultProfile() Profile {
	return Profile{Paper: "A4", Font: "serif", FontSize: 12, LineSpacing: 1.15,
		MarginTop: 25, MarginRight: 25, MarginBot: 30, MarginLeft: 30,
		PageNumbers: NumberDash, Paraf: true}
}

// Check reports a profile that cannot print, in words a user can act on.
func (p Profile) Check() error { return p.check() }

func (p Profile) size() (w, h float64, err error) {
	switch p.Paper {
	case "A4", "":
		return 210, 297, nil
	case "F4":
		return 215, 330, nil
	}
	return 0, 0, fmt.Errorf("ukuran kertas %q tidak dikenal: pilih A4 atau F4", p.Paper)
}

func (p Profile) check() error {
	w, h, err := p.size()
	if err != nil {
		return err
	}
	switch {
	case p.Font != "" && p.Font != "serif" && p.Font != "sans":
		return fmt.Errorf("huruf %q tidak tersedia: pilih serif atau sans", p.Font)
	case p.FontSize < 8 || p.FontSize > 16:
		return fmt.Errorf("ukuran huruf %.1f pt di luar 8–16 pt", p.FontSize)
	case p.LineSpacing < 1 || p.LineSpacing > 2.5:
		return fmt.Errorf("spasi baris %.2f di luar 1–2,5", p.LineSpacing)
	case p.MarginLeft+p.MarginRight > w-80 || p.MarginTop+p.MarginBot > h-100:
		return fmt.Errorf("margin terlalu besar untuk kertas %s", p.Paper)
	case p.MarginLeft < 10 || p.MarginRight < 10 || p.MarginTop < 15 || p.MarginBot < 20:
		return fmt.Errorf("margin terlalu kecil: kiri/kanan paling sedikit 10 mm, atas 15 mm, bawah 20 mm")
	}
	return nil
}
