package cli

import (
	"errors"
	"fmt"
	"io"

	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/store"
)

// The salvage command's words.
var (
	salvageArgs    = i18n.Text{ID: "berkas keluaran baru (OUT.db)", EN: "a new output file (OUT.db)"}
	salvageNone    = i18n.Text{ID: "Berkas data ini tidak dapat diselamatkan dengan program ini.", EN: "This data file cannot be salvaged by this program."}
	salvageDone    = i18n.Text{ID: "%d data diselamatkan ke %s.", EN: "%d records salvaged into %s."}
	salvageDamaged = i18n.Text{ID: "%d data tidak dapat dibaca dan tidak disalin:", EN: "%d records could not be read and were not copied:"}
)

// salvage copies every readable record into a new file and lists what could not
// be read; it exits 1 when something was left behind.
func (r *runner) salvage(args []string) error {
	if len(args) != 1 {
		return r.misuse("need_args", "salvage", salvageArgs.In(r.Lang))
	}
	out := args[0]
	r.noDaily = true // no copy of a file being salvaged
	var rep service.SalvageReport
	s, err := r.Open(r.db, r.Now)
	switch {
	case errors.Is(err, service.ErrCorrupt):
		// A file that does not open is read page by page.
		if rep, err = store.SalvageFile(r.ctx, r.db, out); err != nil {
			return err
		}
	case err != nil:
		if errors.Is(err, service.ErrAlreadyOpen) {
			return err
		}
		return r.fail("open_failed", r.db, service.Message(err, r.Lang))
	default:
		sv, ok := s.(service.Salvager)
		if !ok {
			s.Close()
			return &exitError{ExitError, salvageNone.In(r.Lang)}
		}
		rep, err = sv.Salvage(r.ctx, out)
		if cerr := s.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return r.salvaged(rep, out)
}

// salvaged reports a salvage: what was copied, and what was left behind.
func (r *runner) salvaged(rep service.SalvageReport, out string) error {
	fmt.Fprintln(r.Stdout, salvageDone.In(r.Lang, rep.Copied, out))
	if len(rep.Damaged) == 0 {
		return nil
	}
	text := salvageDamaged.In(r.Lang, len(rep.Damaged))
	for _, d := range rep.Damaged {
		text += "\n- " + d.Words(r.Lang)
	}
	return &exitError{ExitError, text}
}

var (
	exportSalvaged = i18n.Text{ID: "%d perjanjian diekspor ke %s; data yang rusak dilewati.", EN: "%d agreements exported to %s; damaged records were left out."}
)

// salvageFlag finds export-json's --salvage: the path, and whether it was given.
func salvageFlag(args []string) (string, bool) {
	if len(args) != 2 {
		return "", false
	}
	for i, a := range args {
		if a == "--salvage" || a == "-salvage" {
			return args[1-i], true
		}
	}
	return "", false
}

// exportSalvage is export-json --salvage: every readable record goes to path,
// and what could not be read is listed, exiting 1.
func (r *runner) exportSalvage(path string) error {
	return r.withData(func(s service.Service) error {
		sv, ok := s.(service.Salvager)
		if !ok {
			return &exitError{ExitError, salvageNone.In(r.Lang)}
		}
		var counts dataset.Counts
		var damaged []service.RecordRef
		write := func(w io.Writer) (err error) {
			counts, damaged, err = sv.ExportReadableTo(r.ctx, w)
			return err
		}
		var err error
		if path == "-" {
			err = write(r.Stdout)
		} else {
			err = service.WriteFile(r.ctx, path, 0o600, write)
		}
		if err != nil {
			if cancelled(err) || !writeProblem(err) {
				return err
			}
			return r.fail("write_failed", path, r.reason(err, path))
		}
		fmt.Fprintln(r.Stderr, exportSalvaged.In(r.Lang, counts.Agreements, path))
		if len(damaged) == 0 {
			return nil
		}
		text := salvageDamaged.In(r.Lang, len(damaged))
		for _, ref := range damaged {
			text += "\n- " + ref.Words(r.Lang)
		}
		return &exitError{ExitError, text}
	})
}
