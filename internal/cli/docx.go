package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/docx"
	"sepakat/internal/export"
	"sepakat/internal/i18n"
	"sepakat/internal/naskah"
	"sepakat/internal/pdf"
	"sepakat/internal/service"
)

// docxMsg are the words of the docx and compare commands.
var docxMsg = map[string]i18n.Text{
	"docx_failed": {ID: "Berkas Word tidak dibuat: %s", EN: "Word file not made: %s"},
	"docx_done":   {ID: "Berkas Word ditulis ke %s (kode %s, revisi %d, sidik %s).", EN: "Word file written to %s (code %s, revision %d, fingerprint %s)."},
	"docx_kept":   {ID: "Disimpan sebagai lampiran: dikirim ke mitra, putaran %d, revisi %d.", EN: "Kept as an attachment: sent to the partner, round %d, revision %d."},
	"recv_kept":   {ID: "Berkas mitra disimpan sebagai lampiran: diterima dari mitra, putaran %d.", EN: "The partner's file was kept as an attachment: received from the partner, round %d."},
	"cmp_failed":  {ID: "%s tidak dapat dibandingkan: %s", EN: "%s cannot be compared: %s"},
	"cmp_none":    {ID: "Tidak ada perbedaan: naskah mitra sama dengan naskah kita.", EN: "No differences: the partner's text is the same as ours."},
	"cmp_count":   {ID: "%d perubahan, %d komentar.", EN: "%d changes, %d comments."},
	"cmp_nomark":  {ID: "Berkas ini tidak bertanda Sepakat (diketik ulang atau propertinya dihapus); dibandingkan menurut isinya.", EN: "This file carries no Sepakat marker (retyped, or its properties removed); compared by its content."},
	"cmp_stale":   {ID: "Naskah kita sudah berubah sejak berkas ini dibuat dari revisi %d; daftar ini juga memuat perubahan kita sendiri sesudahnya.", EN: "Our text has changed since this file was made from revision %d; the list also holds our own changes since."},
	"kind_ubah":   {ID: "diubah", EN: "changed"},
	"kind_tambah": {ID: "ditambah", EN: "added"},
	"kind_hapus":  {ID: "dihapus", EN: "removed"},
	"kind_judul":  {ID: "judul diubah", EN: "heading renamed"},
	"kind_komen":  {ID: "komentar", EN: "comment"},
	"tracked_by":  {ID: "usulan terlacak oleh %s", EN: "tracked proposal by %s"},
	"comment_by":  {ID: "oleh %s", EN: "by %s"},
	"ours":        {ID: "kami ", EN: "ours "},
	"theirs":      {ID: "mitra", EN: "theirs"},
	"words":       {ID: "kata ", EN: "words"},
}

func (r *runner) docxFail(key string, args ...any) error {
	return &exitError{ExitError, docxMsg[key].In(r.Lang, args...)}
}

// docx writes an agreement as a Word file for the partner; --kirim also
// keeps it as a lampiran "sent to the partner" (a round).
func (r *runner) docx(args []string) error {
	fs := flag.NewFlagSet("docx", flag.ContinueOnError)
	out := fs.String("o", "", "")
	paper := fs.String("paper", "", "")
	send := fs.Bool("kirim", false, "")
	pos, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" {
		return r.misuse("need_args", "docx", "ID -o BERKAS.docx")
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
		d, page, err := document(s, &a, *paper)
		if err != nil {
			return r.docxFail("docx_failed", service.Message(err, r.Lang))
		}
		m := docx.Marker{ID: uint64(a.ID), Rev: a.Rev, Code: d.Code, Fingerprint: d.Fingerprint(), Made: r.Now()}
		var buf bytes.Buffer
		if err := docx.Write(&buf, d, page, m); err != nil {
			return r.docxFail("docx_failed", service.Message(err, r.Lang))
		}
		err = service.WriteFile(r.ctx, *out, 0o644, func(w io.Writer) error {
			_, err := w.Write(buf.Bytes())
			return err
		})
		if cancelled(err) {
			return err
		}
		if err != nil {
			return r.docxFail("docx_failed", service.Message(err, r.Lang))
		}
		fmt.Fprintln(r.Stderr, docxMsg["docx_done"].In(r.Lang, *out, d.Code, a.Rev, m.Fingerprint))
		if !*send {
			return nil
		}
		rev, n := a.Rev, docx.NextRound(&a, docx.ToPartner)
		if err := keepRound(s, &a, filepath.Base(*out), docx.MediaType, buf.Bytes(), docx.SentNote(n, rev), r.Now); err != nil {
			return err
		}
		fmt.Fprintln(r.Stderr, docxMsg["docx_kept"].In(r.Lang, n, rev))
		return nil
	})
}

// keepRound keeps a file of a negotiation round as a lampiran of a.
func keepRound(s service.Service, a *agreement.Agreement, name, media string, data []byte, note string, now func() time.Time) error {
	ref, err := s.PutFile(name, media, data)
	if err != nil {
		return err
	}
	a.Attachments = append(a.Attachments, agreement.Attachment{Kind: agreement.AttachDraft, File: ref, Added: now(), Note: note})
	return s.SaveAgreement(a)
}

// document builds agreement a's document model and our office's page.
func document(src export.Source, a *agreement.Agreement, paper string) (*naskah.Document, docx.Page, error) {
	lib, err := naskah.Shipped()
	if err != nil {
		return nil, docx.Page{}, err
	}
	opt := export.NaskahOptions(src)
	opt.Draft = true
	d, err := naskah.Build(a, src, lib, opt)
	if err != nil {
		return nil, docx.Page{}, err
	}
	prof := export.OfficeProfile(src)
	if paper != "" {
		prof.Paper = strings.ToUpper(paper)
	}
	return d, pageOf(prof), nil
}

// pageOf is the PDF page profile as the Word writer takes it.
func pageOf(p pdf.Profile) docx.Page {
	return docx.Page{Paper: p.Paper, Font: p.Font, FontSize: p.FontSize, LineSpacing: p.LineSpacing,
		MarginTop: p.MarginTop, MarginRight: p.MarginRight, MarginBot: p.MarginBot, MarginLeft: p.MarginLeft,
		Halaman: p.PageNumbers == pdf.NumberHalaman, ActingAbbrev: p.ActingAbbrev}
}

// changeJSON is one line of compare --json.
type changeJSON struct {
	Pasal   string `json:"pasal"`
	Where   string `json:"where,omitempty"`
	Kind    string `json:"kind"`
	Ours    string `json:"ours"`
	Theirs  string `json:"theirs"`
	Words   string `json:"words,omitempty"`
	Author  string `json:"author,omitempty"`
	Tracked bool   `json:"tracked,omitempty"`
}

// compare reads a partner's Word file and lists how it differs from the
// agreement's text, pasal by pasal; --simpan keeps the file as a lampiran.
func (r *runner) compare(args []string) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "")
	keep := fs.Bool("simpan", false, "")
	pos, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return r.misuse("need_args", "compare", "ID BERKAS.docx")
	}
	id, err := r.parseID(pos[0])
	if err != nil {
		return err
	}
	path := pos[1]
	data, err := readPartnerFile(path)
	if err != nil {
		return r.fail("read_failed", path, r.reason(err, path))
	}
	rec, err := docx.Read(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return r.docxFail("cmp_failed", path, service.Message(err, r.Lang))
	}
	return r.withData(func(s service.Service) error {
		a, err := s.Agreement(id)
		if err != nil {
			return err
		}
		d, _, err := document(s, &a, "")
		if err != nil {
			return r.docxFail("cmp_failed", path, service.Message(err, r.Lang))
		}
		if err := rec.Check(uint64(a.ID), docx.LastSent(&a, s.File), d.Code); err != nil {
			return r.docxFail("cmp_failed", path, service.Message(err, r.Lang))
		}
		changes := docx.Compare(docx.OutlineOf(d), rec.Outline)
		if err := r.printChanges(changes, *asJSON); err != nil {
			return err
		}
		switch {
		case rec.Marker == nil:
			fmt.Fprintln(r.Stderr, docxMsg["cmp_nomark"].In(r.Lang))
		case rec.Marker.Fingerprint != d.Fingerprint():
			fmt.Fprintln(r.Stderr, docxMsg["cmp_stale"].In(r.Lang, rec.Marker.Rev))
		}
		if t := docx.IgnoredText(rec.Ignored, r.Lang); t != "" {
			fmt.Fprintln(r.Stderr, t)
		}
		if *keep {
			var rev uint64
			if rec.Marker != nil {
				rev = rec.Marker.Rev
			}
			media := docx.MediaType
			if rec.Format == "odt" {
				media = docx.ODTMediaType
			}
			n := docx.NextRound(&a, docx.FromPartner)
			if err := keepRound(s, &a, filepath.Base(path), media, data, docx.ReceivedNote(n, rev, ""), r.Now); err != nil {
				return err
			}
			fmt.Fprintln(r.Stderr, docxMsg["recv_kept"].In(r.Lang, n))
		}
		return nil
	})
}

// readPartnerFile reads a file no larger than the reader takes.
func readPartnerFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, docx.MaxFileSize+1))
}

func (r *runner) printChanges(changes []docx.Change, asJSON bool) error {
	w := bufio.NewWriter(r.Stdout)
	comments := 0
	for _, c := range changes {
		if c.Kind == docx.Commented {
			comments++
		}
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, c := range changes {
			j := changeJSON{Pasal: c.Pasal, Where: c.Where, Kind: string(c.Kind), Ours: c.Ours, Theirs: c.Theirs, Author: c.Author, Tracked: c.Tracked}
			if c.Kind == docx.Changed || c.Kind == docx.HeadingChanged {
				j.Words = docx.Marked(c.Words)
			}
			if err := enc.Encode(j); err != nil {
				return err
			}
		}
		return w.Flush()
	}
	kinds := map[docx.ChangeKind]string{docx.Changed: "kind_ubah", docx.Added: "kind_tambah", docx.Removed: "kind_hapus",
		docx.HeadingChanged: "kind_judul", docx.Commented: "kind_komen"}
	for _, c := range changes {
		head := strings.TrimSpace(c.Pasal + " " + c.Where)
		what := docxMsg[kinds[c.Kind]].In(r.Lang)
		switch {
		case c.Kind == docx.Commented:
			what += " (" + docxMsg["comment_by"].In(r.Lang, c.Author) + ")"
		case c.Tracked:
			what += " (" + docxMsg["tracked_by"].In(r.Lang, c.Author) + ")"
		}
		fmt.Fprintf(w, "%s: %s\n", head, what)
		if c.Ours != "" {
			fmt.Fprintf(w, "  %s: %s\n", docxMsg["ours"].In(r.Lang), c.Ours)
		}
		if c.Theirs != "" {
			fmt.Fprintf(w, "  %s: %s\n", docxMsg["theirs"].In(r.Lang), c.Theirs)
		}
		if len(c.Words) > 0 {
			fmt.Fprintf(w, "  %s: %s\n", docxMsg["words"].In(r.Lang), docx.Marked(c.Words))
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if len(changes) == 0 {
		fmt.Fprintln(r.Stderr, docxMsg["cmp_none"].In(r.Lang))
		return nil
	}
	fmt.Fprintln(r.Stderr, docxMsg["cmp_count"].In(r.Lang, len(changes)-comments, comments))
	return nil
}
