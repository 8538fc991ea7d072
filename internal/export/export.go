// Package export makes the printable document of a stored agreement: the agreement
// and its records from the store, the document model from naskah, the PDF from pdf.
package export

import (
	"bytes"
	"context"
	"io"
	"strings"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/naskah"
	"sepakat/internal/pdf"
)

// Source is what an export reads.
type Source interface {
	naskah.Source
	Parties() ([]agreement.Party, error)
}

// Options choose how an agreement prints.
type Options struct {
	// Draft prints the KONSEP watermark on an agreement not yet signed.
	Draft bool
	// Paper overrides the office's paper ("A4", "F4") when set.
	Paper string
}

// NoTextError refuses to print an agreement imported from an old register:
// it has no text, and an empty document would pretend otherwise.
type NoTextError struct{ Subject string }

func (e *NoTextError) Error() string { return "export: imported agreement has no text" }

// Message explains the refusal in lang.
func (e *NoTextError) Message(l i18n.Lang) string {
	return i18n.Text{ID: "Naskah tidak tersedia untuk perjanjian impor (%s): perjanjian ini dicatat dari daftar lama tanpa teksnya. Lampirkan pindaian naskah aslinya di tab Lampiran.",
		EN: "No text for an imported agreement (%s): it was recorded from an old register without its text. Attach a scan of the signed original under Attachments."}.In(l, e.Subject)
}

// Result describes a finished export.
type Result struct {
	Code        string
	Fingerprint string
	// Print is what to record in the agreement's history (RecordPrint).
	Print dataset.Print
}

// PDF writes agreement id as a PDF in our office's page profile. A cancelled
// ctx stops it between its stages (read, build, render, write); nothing is
// written to w unless the whole PDF is made.
func PDF(ctx context.Context, src Source, id agreement.ID, w io.Writer, opt Options) (Result, error) {
	a, err := src.Agreement(id)
	if err != nil {
		return Result{}, err
	}
	if a.IsImported() {
		return Result{}, &NoTextError{Subject: a.Subject}
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	lib, err := naskah.Shipped()
	if err != nil {
		return Result{}, err
	}
	nopt := NaskahOptions(src)
	nopt.Draft = opt.Draft
	d, err := naskah.Build(&a, src, lib, nopt)
	if err != nil {
		return Result{}, err
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	prof := OfficeProfile(src)
	if opt.Paper != "" {
		prof.Paper = strings.ToUpper(opt.Paper)
	}
	r, err := pdf.NewRenderer()
	if err != nil {
		return Result{}, err
	}
	var buf bytes.Buffer
	if err := r.Render(ctx, &buf, d, prof, pdf.Options{Compress: true}); err != nil {
		return Result{}, err
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	if _, err := buf.WriteTo(w); err != nil {
		return Result{}, err
	}
	return Result{Code: d.Code, Fingerprint: d.Fingerprint(), Print: printOf(d, a.Rev)}, nil
}

// OfficeProfile takes the page settings of our own office, or the defaults.
func OfficeProfile(src Source) pdf.Profile {
	prof := pdf.DefaultProfile()
	parties, _ := src.Parties()
	for _, p := range parties {
		if !p.Own || p.Page == nil {
			continue
		}
		pg := p.Page
		if pg.Paper != "" {
			prof.Paper = strings.ToUpper(strings.TrimSpace(pg.Paper))
		}
		font := strings.ToLower(pg.Font)
		if strings.Contains(font, "sans") || strings.Contains(font, "arial") {
			prof.Font = "sans"
		}
		if pg.FontSize > 0 {
			prof.FontSize = pg.FontSize
		}
		if pg.LineSpacing > 0 {
			prof.LineSpacing = pg.LineSpacing
		}
		for _, m := range []struct {
			from float64
			to   *float64
		}{{pg.MarginTop, &prof.MarginTop}, {pg.MarginRight, &prof.MarginRight}, {pg.MarginBot, &prof.MarginBot}, {pg.MarginLeft, &prof.MarginLeft}} {
			if m.from > 0 {
				*m.to = m.from
			}
		}
		if pg.PageNumbers == agreement.PageNumbersHalaman {
			prof.PageNumbers = pdf.NumberHalaman
		}
		prof.Paraf = !pg.NoParaf
		prof.ActingAbbrev = pg.ActingAbbrev
	}
	return prof
}

// NaskahOptions takes the document choices of our own office's page settings.
func NaskahOptions(src Source) naskah.Options {
	parties, _ := src.Parties()
	return naskah.OfficeOptions(parties)
}

// Printer is service.Printer on a Source.
type Printer struct{ Src Source }

// ExportPDF writes agreement id as a PDF in our office's page profile; a
// cancelled ctx stops it between its stages.
func (p Printer) ExportPDF(ctx context.Context, id agreement.ID, w io.Writer, draft bool) error {
	_, err := PDF(ctx, p.Src, id, w, Options{Draft: draft})
	return err
}

// Check builds agreement id as its final copy prints and lists what the
// document check finds in it (naskah.Check); a print asks first when it finds
// something.
func Check(src Source, id agreement.ID) ([]naskah.Problem, error) {
	a, err := src.Agreement(id)
	if err != nil {
		return nil, err
	}
	lib, err := naskah.Shipped()
	if err != nil {
		return nil, err
	}
	d, err := naskah.Build(&a, src, lib, NaskahOptions(src))
	if err != nil {
		return nil, err
	}
	return naskah.Check(d, &a), nil
}
