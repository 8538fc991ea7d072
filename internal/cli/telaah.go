package cli

import (
	"flag"
	"fmt"
	"io"

	"sepakat/internal/export"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
)

// The telaah command's words.
var (
	telaahArgs   = i18n.Text{ID: "ID -o BERKAS.pdf", EN: "ID -o FILE.pdf"}
	telaahDone   = i18n.Text{ID: "Lembar telaah ditulis ke %s.", EN: "Review sheet written to %s."}
	telaahFailed = i18n.Text{ID: "Lembar telaah tidak dibuat: %s", EN: "Review sheet not made: %s"}
)

// telaah writes an agreement's lembar telaah dan disposisi as a PDF on the
// office letterhead.
func (r *runner) telaah(args []string) error {
	fs := flag.NewFlagSet("telaah", flag.ContinueOnError)
	out := fs.String("o", "", "")
	pos, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" {
		return r.misuse("need_args", "telaah", telaahArgs.In(r.Lang))
	}
	id, err := r.parseID(pos[0])
	if err != nil {
		return err
	}
	return r.withData(func(s service.Service) error {
		if _, err := s.Agreement(id); err != nil {
			return err
		}
		err := service.WriteFile(r.ctx, *out, 0o644, func(w io.Writer) error {
			return export.Telaah(r.ctx, s, id, w, r.Lang, r.Now())
		})
		if cancelled(err) {
			return err
		}
		if err != nil {
			return &exitError{ExitError, telaahFailed.In(r.Lang, service.Message(err, r.Lang))}
		}
		fmt.Fprintln(r.Stderr, telaahDone.In(r.Lang, *out))
		return nil
	})
}
