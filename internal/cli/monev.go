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
)

// The monev command's words.
var (
	monevFormat = i18n.Text{ID: "Berkas laporan monev harus berakhiran .pdf: %s", EN: "The monitoring report file must end in .pdf: %s"}
	monevDone   = i18n.Text{ID: "Laporan monev perjanjian %d ditulis ke %s: %d catatan monev, %d putaran terlambat.", EN: "Monitoring report of agreement %d written to %s: %d entries, %d rounds overdue."}
	monevFailed = i18n.Text{ID: "Laporan monev tidak dapat dibuat: %s", EN: "The monitoring report could not be made: %s"}
)

// monev writes an agreement's monitoring and evaluation report as a PDF on
// the office letterhead, as the editor's Monitoring tab does.
func (r *runner) monev(args []string) error {
	fs := flag.NewFlagSet("monev", flag.ContinueOnError)
	out := fs.String("o", "", "")
	pos, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" {
		return r.misuse("need_args", "monev", "ID -o BERKAS.pdf")
	}
	if strings.ToLower(filepath.Ext(*out)) != ".pdf" {
		return &exitError{ExitMisuse, monevFormat.In(r.Lang, *out)}
	}
	id, err := r.parseID(pos[0])
	if err != nil {
		return err
	}
	return r.withData(func(s service.Service) error {
		a, err := s.Agreement(id)
		if err != nil {
			return err
		}
		parties, err := s.Parties()
		if err != nil {
			return err
		}
		office, _ := report.OfficeOf(parties, s.File)
		p, now := agreement.OfficeProcedure(parties), r.Now()
		err = service.WriteFile(r.ctx, *out, 0o644, func(w io.Writer) error {
			return report.WriteMonevPDF(r.ctx, w, &a, s.Party, office, p, r.Lang, now)
		})
		if cancelled(err) {
			return err
		}
		if err != nil {
			return &exitError{ExitError, monevFailed.In(r.Lang, service.Message(err, r.Lang))}
		}
		fmt.Fprintln(r.Stderr, monevDone.In(r.Lang, a.ID, *out, len(a.Monitoring), len(a.MonevDue(p, now))))
		return nil
	})
}
