package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"sepakat/internal/agreement"
	"sepakat/internal/docx"
	"sepakat/internal/exchange"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
)

// paketMsg are the words of the send and receive commands (.sepakat packages).
var paketMsg = map[string]i18n.Text{
	"send_failed":  {ID: "Paket untuk mitra tidak dibuat: %s", EN: "Package for the partner not made: %s"},
	"send_done":    {ID: "Paket .sepakat ditulis ke %s (revisi %d, putaran %d) dan disimpan sebagai lampiran \"dikirim ke mitra\".", EN: "The .sepakat package was written to %s (revision %d, round %d) and kept as an attachment \"sent to the partner\"."},
	"recv_failed":  {ID: "%s tidak dapat diterima: %s", EN: "%s cannot be received: %s"},
	"recv_from":    {ID: "Paket dari %s: %s %q, revisi %d mitra, putaran %d.", EN: "Package from %s: %s %q, the partner's revision %d, round %d."},
	"recv_new":     {ID: "Perjanjian ini belum ada di daftar kita: diterima sebagai konsep baru.", EN: "This agreement is not in our register yet: it is received as a new draft."},
	"recv_missing": {ID: "Belum ada di daftar kita dan akan ditambahkan: %s", EN: "Not in our register yet, to be added: %s"},
	"recv_yes":     {ID: "Tambahkan --yes untuk menerimanya. Tidak ada yang diubah.", EN: "Add --yes to receive it. Nothing was changed."},
	"recv_created": {ID: "Diterima sebagai konsep #%d; nomor kita diambil sendiri (Ambil nomor).", EN: "Received as draft #%d; our own number is taken by us (Ambil nomor)."},
	"recv_mirror":  {ID: "Dibandingkan dengan #%d %q.", EN: "Compared with #%d %q."},
	"recv_stale":   {ID: "Naskah kita sudah berubah sejak revisi %d yang dijawab mitra; daftar ini juga memuat perubahan kita sendiri.", EN: "Our text has changed since revision %d, which the partner answers; the list also holds our own changes since."},
	"recv_accept":  {ID: "Tambahkan --terima untuk menerima semua perubahan naskah sebagai revisi baru. Tidak ada yang diubah.", EN: "Add --terima to accept every change of the text as a new revision. Nothing was changed."},
	"recv_applied": {ID: "Dari mitra, putaran %d: %d perubahan diterima; tersimpan sebagai revisi %d.", EN: "From the partner, round %d: %d changes accepted; saved as revision %d."},
	"pkg_party":    {ID: "instansi %s", EN: "party %s"},
	"pkg_official": {ID: "pejabat %s (%s)", EN: "official %s (%s)"},
	"pkg_mandate":  {ID: "surat kuasa %s", EN: "mandate %s"},
}

func (r *runner) paketText(key string, args ...any) string { return paketMsg[key].In(r.Lang, args...) }

// send writes an agreement as a .sepakat package for a partner office that
// uses Sepakat too, and keeps it as the next round sent.
func (r *runner) send(args []string) error {
	fs := flag.NewFlagSet("send", flag.ContinueOnError)
	out := fs.String("o", "", "")
	pos, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" {
		return r.misuse("need_args", "send", "ID -o BERKAS.sepakat")
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
		p, round, err := exchange.Send(s, &a, r.Now())
		var buf bytes.Buffer
		if err == nil {
			err = exchange.Write(&buf, p)
		}
		if err == nil {
			err = service.WriteFile(r.ctx, *out, 0o644, func(w io.Writer) error {
				_, err := w.Write(buf.Bytes())
				return err
			})
		}
		if cancelled(err) {
			return err
		}
		if err != nil {
			return &exitError{ExitError, r.paketText("send_failed", service.Message(err, r.Lang))}
		}
		if err := exchange.Keep(s, &a, p, round, buf.Bytes(), r.Now()); err != nil {
			return err
		}
		fmt.Fprintln(r.Stderr, r.paketText("send_done", *out, p.Rev, round))
		return nil
	})
}

// receive reads a partner's .sepakat package: a new draft of ours when we
// hold no mirror of it (--yes adds it, with what our registry lacks), or
// the comparison with our mirror pasal by pasal (--terima accepts every
// change of the text as a new revision).
func (r *runner) receive(args []string) error {
	fs := flag.NewFlagSet("receive", flag.ContinueOnError)
	into := fs.String("into", "", "")
	asJSON := fs.Bool("json", false, "")
	yes := fs.Bool("yes", false, "")
	accept := fs.Bool("terima", false, "")
	pos, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return r.misuse("need_args", "receive", "BERKAS.sepakat [--into ID] [--json] [--yes] [--terima]")
	}
	var mirrorID agreement.ID
	if *into != "" {
		if mirrorID, err = r.parseID(*into); err != nil {
			return err
		}
	}
	path := pos[0]
	data, err := readPackage(path)
	if err != nil {
		return r.fail("read_failed", path, r.reason(err, path))
	}
	failed := func(err error) error {
		return &exitError{ExitError, r.paketText("recv_failed", path, service.Message(err, r.Lang))}
	}
	p, err := exchange.Read(data)
	if err != nil {
		return failed(err)
	}
	return r.withData(func(s service.Service) error {
		var mirror *agreement.Agreement
		if mirrorID != 0 {
			a, err := s.Agreement(mirrorID)
			if err != nil {
				return err
			}
			mirror = &a
		} else if mirror, err = exchange.FindMirror(s, p.Key); err != nil {
			return err
		}
		rc, err := exchange.Prepare(s, p, mirror)
		if err != nil {
			return failed(err)
		}
		fmt.Fprintln(r.Stderr, r.paketText("recv_from", p.From.Name, p.Agreement.Kind.Title(), p.Agreement.Subject, p.Rev, p.Round))
		if rc.Mirror == nil {
			fmt.Fprintln(r.Stderr, r.paketText("recv_new"))
			if list := r.missing(rc); list != "" {
				fmt.Fprintln(r.Stderr, r.paketText("recv_missing", list))
			}
			if !*yes {
				return &exitError{ExitError, r.paketText("recv_yes")}
			}
			a, err := rc.CreateMirror(s, data, r.Now())
			if err != nil {
				return err
			}
			fmt.Fprintln(r.Stderr, r.paketText("recv_created", a.ID))
			return nil
		}
		fmt.Fprintln(r.Stderr, r.paketText("recv_mirror", rc.Mirror.ID, rc.Mirror.Subject))
		if rc.Stale() {
			fmt.Fprintln(r.Stderr, r.paketText("recv_stale", rc.Package.Answers))
		}
		if err := r.printChanges(rc.Changes, *asJSON); err != nil {
			return err
		}
		if !*accept {
			if len(rc.Changes) > 0 {
				fmt.Fprintln(r.Stderr, r.paketText("recv_accept"))
			}
			return nil
		}
		var chosen []docx.Change
		for _, c := range rc.Changes {
			if docx.Applicable(c) {
				chosen = append(chosen, c)
			}
		}
		a, round, err := rc.Accept(s, chosen, data, fmt.Sprintf("%d diterima, 0 ditolak", len(chosen)), r.Now())
		if err != nil {
			return err
		}
		fmt.Fprintln(r.Stderr, r.paketText("recv_applied", round, len(chosen), a.Rev))
		return nil
	})
}

// missing names what receiving would add to our registry.
func (r *runner) missing(rc *exchange.Receipt) string {
	parties, officials, mandates := rc.Match.Missing(rc.Package)
	var out []string
	for _, p := range parties {
		out = append(out, r.paketText("pkg_party", p.Name))
	}
	for _, o := range officials {
		out = append(out, r.paketText("pkg_official", o.Name, o.Jabatan))
	}
	for _, m := range mandates {
		out = append(out, r.paketText("pkg_mandate", m.Number))
	}
	return strings.Join(out, "; ")
}

// readPackage reads a file no larger than a package may be (Read says so
// of a larger one).
func readPackage(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, exchange.MaxSize+1))
}
