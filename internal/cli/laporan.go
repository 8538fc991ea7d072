package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/report"
	"sepakat/internal/service"
	"sepakat/internal/wilayah"
)

// The laporan command's words.
var (
	laporanArgs   = i18n.Text{ID: "--from TGL --to TGL (atau --year TAHUN [--semester 1|2]) -o BERKAS.pdf|.xlsx", EN: "--from DATE --to DATE (or --year YEAR [--semester 1|2]) -o FILE.pdf|.xlsx"}
	laporanFormat = i18n.Text{ID: "Berkas laporan harus berakhiran .pdf atau .xlsx: %s", EN: "The report file must end in .pdf or .xlsx: %s"}
	laporanRange  = i18n.Text{ID: "Periode tidak sah: --from harus sebelum atau sama dengan --to.", EN: "Invalid period: --from must not be after --to."}
	laporanDone   = i18n.Text{ID: "Laporan %s s.d. %s ditulis ke %s: %d perjanjian dalam periode, %d berlaku.", EN: "Report %s to %s written to %s: %d agreements in the period, %d in force."}
	laporanFailed = i18n.Text{ID: "Laporan tidak dapat dibuat: %s", EN: "The report could not be made: %s"}
)

// laporan writes the period report as a PDF on the office letterhead or as a workbook.
func (r *runner) laporan(args []string) error {
	fs := flag.NewFlagSet("laporan", flag.ContinueOnError)
	from := fs.String("from", "", "")
	to := fs.String("to", "", "")
	year := fs.Int("year", 0, "")
	semester := fs.Int("semester", 0, "")
	out := fs.String("o", "", "")
	pos, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 || *out == "" || (*year == 0) == (*from == "" || *to == "") || (*semester != 0 && *year == 0) || *semester < 0 || *semester > 2 {
		return r.misuse("need_args", "laporan", laporanArgs.In(r.Lang))
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if ext != ".pdf" && ext != ".xlsx" {
		return &exitError{ExitMisuse, laporanFormat.In(r.Lang, *out)}
	}
	var p report.Period
	switch {
	case *year != 0 && *semester != 0:
		p = report.Semester(*year, *semester)
	case *year != 0:
		p = report.Year(*year)
	default:
		// Days as staff write them: 01-07-2025, 1/7/2025, 2025-07-01, "1 Juli 2025", 2025.
		for _, d := range []struct {
			text  string
			field i18n.Text
			flag  string
			end   bool
			into  *agreement.Date
		}{{*from, report.TStartDay, "--from", false, &p.From}, {*to, report.TEndDay, "--to", true, &p.To}} {
			v, f := report.ParseDay(d.text, d.end)
			if f != report.DayOK {
				return &exitError{ExitMisuse, report.DayProblem(d.field.In(r.Lang)+" ("+d.flag+")", d.text, f, r.Lang)}
			}
			*d.into = v
		}
	}
	if !p.Valid() {
		return &exitError{ExitMisuse, laporanRange.In(r.Lang)}
	}
	regions, err := wilayah.Load()
	if err != nil {
		return err
	}
	return r.withData(func(s service.Service) error {
		now := r.Now()
		rep, err := report.Build(r.ctx, s, p, report.Options{Today: agreement.DateOf(now), Province: regions.Name})
		if err != nil {
			if cancelled(err) {
				return err
			}
			return &exitError{ExitError, laporanFailed.In(r.Lang, service.Message(err, r.Lang))}
		}
		parties, err := s.Parties()
		if err != nil {
			return err
		}
		office, _ := report.OfficeOf(parties, s.File)
		err = service.WriteFile(r.ctx, *out, 0o644, func(w io.Writer) error {
			if ext == ".xlsx" {
				return rep.WriteXLSX(r.ctx, w, office, r.Lang, now)
			}
			return rep.WritePDF(r.ctx, w, office, r.Lang, now)
		})
		if cancelled(err) {
			return err
		}
		if err != nil {
			return &exitError{ExitError, laporanFailed.In(r.Lang, service.Message(err, r.Lang))}
		}
		fmt.Fprintln(r.Stderr, laporanDone.In(r.Lang, report.DateText(p.From, r.Lang), report.DateText(p.To, r.Lang), *out, rep.Total, len(rep.InForce)))
		return nil
	})
}
