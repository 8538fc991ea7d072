package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/export"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
)

// Exit codes of verify beyond 0 (the page's text is the record's).
const (
	// ExitChanged: the page was printed from the agreement, whose text changed since.
	ExitChanged = 3
	// ExitUnknown: the page is no known print of this register.
	ExitUnknown = 4
)

var verifyMsg = map[string]i18n.Text{
	"verify_usage":   {ID: "verify \"KODE SIDIK\", mis. verify \"SEPAKAT KSB-2 e74fc4e49ec7\"", EN: "verify \"CODE FINGERPRINT\", e.g. verify \"SEPAKAT KSB-2 e74fc4e49ec7\""},
	"verify_changed": {ID: "Naskah itu tidak sama lagi dengan data yang tersimpan.", EN: "That page no longer matches the record."},
	"verify_unknown": {ID: "Naskah itu tidak dikenal sebagai cetakan dari berkas data ini.", EN: "That page is not known as a print of this data file."},
	"print_unlogged": {ID: "PDF sudah ditulis, tetapi cetakannya tidak tercatat di riwayat: %s", EN: "The PDF was written, but its print was not recorded in the history: %s"},
}

// verify looks a printed page up by its code and fingerprint (or the QR
// text as a scanner types it) and says what it is; the exit code tells the
// verdict: 0 matches, 3 changed since, 4 unknown.
func (r *runner) verify(args []string) error {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	pos, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return r.misuse("need_args", "verify", verifyMsg["verify_usage"].In(r.Lang))
	}
	typed := strings.Join(pos, " ") // the QR text may come unquoted
	if _, err := export.ParseMark(typed); err != nil {
		return &exitError{ExitMisuse, service.Message(err, r.Lang)}
	}
	return r.withData(func(s service.Service) error {
		v, err := export.Verify(s, typed)
		if errors.Is(err, service.ErrPageUnknown) {
			return &exitError{ExitUnknown, service.Message(err, r.Lang)}
		}
		if err != nil {
			return err
		}
		fmt.Fprintln(r.Stdout, v.Text(r.Lang))
		switch v.Verdict {
		case export.Changed:
			return &exitError{ExitChanged, verifyMsg["verify_changed"].In(r.Lang)}
		case export.Unknown:
			return &exitError{ExitUnknown, verifyMsg["verify_unknown"].In(r.Lang)}
		}
		return nil
	})
}

// logPrint records a written PDF in its agreement's history.
func (r *runner) logPrint(src export.Source, id agreement.ID, p dataset.Print) error {
	log, ok := src.(service.PrintLog)
	if !ok {
		return nil // a source without history (tests) has nothing to record in
	}
	if err := log.RecordPrint(id, p); err != nil {
		return &exitError{ExitError, verifyMsg["print_unlogged"].In(r.Lang, service.Message(err, r.Lang))}
	}
	return nil
}
