package sheet

import (
	"cmp"
	"context"
	"io"
	"strings"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/wilayah"
)

var (
	msgNoOwn = i18n.Text{ID: "Instansi kita belum diatur. Pilih dulu instansi kita (Berkas → Pengaturan, atau layar Selamat Datang), lalu impor lagi.",
		EN: "Our office is not set up yet. Choose our office first (File → Settings, or the Welcome screen), then import again."}
	msgNothing = i18n.Text{ID: "Tidak ada baris yang dapat diimpor: setiap baris mempunyai masalah atau dilewati. Tidak ada yang disimpan.",
		EN: "No row can be imported: every row has a problem or was left out. Nothing was saved."}
)

// NewEnv reads what a plan is made against from the seam: our office, the
// registry, every own number in the register, the IDs in use.
func NewEnv(dir service.Directory, reg service.Register, adm service.Admin, today time.Time) (Env, error) {
	env := Env{Numbers: map[string]bool{}, Agreements: map[string][]Known{}, Today: agreement.DateOf(today)}
	parties, err := dir.Parties()
	if err != nil {
		return env, err
	}
	env.Parties = parties
	found := false
	for _, p := range parties {
		if p.Own {
			env.Own, found = p, true
			break
		}
	}
	if !found {
		return env, refuse(msgNoOwn)
	}
	if env.Regions, err = wilayah.Load(); err != nil {
		return env, err
	}
	q := service.Query{Order: service.ByChanged, Limit: 2000}
	for {
		page, err := reg.List(q)
		if err != nil {
			return env, err
		}
		for _, s := range page.Items {
			if k := NumberKey(s.OwnNumber); k != "" {
				env.Numbers[k] = true
			}
			kn := Known{ID: s.ID, Kind: s.Kind, Subject: s.Subject, OwnNumber: s.OwnNumber, PartnerNumber: s.PartnerNumber, Signed: s.Signed, End: s.End}
			for _, n := range []string{s.OwnNumber, s.PartnerNumber} {
				if k := NumberKey(n); k != "" && strings.Trim(k, ".-/…") != "" {
					env.Agreements[k] = append(env.Agreements[k], kn)
				}
			}
		}
		if page.Next == nil {
			break
		}
		q.After = page.Next
	}
	if env.Offsets, err = adm.Offsets(); err != nil {
		return env, err
	}
	return env, nil
}

// Apply writes the plan's accepted rows and the new instansi they need in
// one import: all or nothing. It returns what went in.
func Apply(ctx context.Context, adm service.Admin, p *Plan) (Counts, error) {
	c := p.Counts()
	d := p.Dataset()
	if len(d.Agreements) == 0 {
		return c, refuse(msgNothing)
	}
	return c, adm.Import(ctx, d)
}

// RegisterWriter is where the register's rows go: XLSXWriter or CSVWriter.
type RegisterWriter interface{ Add(Export) error }

// WriteRegister writes the agreements ids, in order, with our office's
// register columns. ctx is checked every hundred rows.
func WriteRegister(ctx context.Context, rec service.Records, dir service.Directory, ids []agreement.ID, w RegisterWriter, now time.Time) error {
	names := map[agreement.ID]string{}
	parties, err := dir.Parties()
	if err != nil {
		return err
	}
	for _, p := range parties {
		names[p.ID] = p.Name
	}
	name := func(id agreement.ID) string { return names[id] }
	// A parent's number as it stands now, read once per parent.
	parents := map[agreement.ID]string{}
	parentNumber := func(id agreement.ID) (string, bool) {
		if n, ok := parents[id]; ok {
			return n, n != ""
		}
		pa, err := rec.Agreement(id)
		if err != nil {
			parents[id] = ""
			return "", false
		}
		n := cmp.Or(pa.OwnNumber(), pa.PartnerNumber())
		parents[id] = n
		return n, n != ""
	}
	// The end and state as the register's list rows keep them: a signed
	// Adendum or Perpanjangan moves its parent's end, and an Adendum without a
	// term of its own ends with its parent.
	reg, _ := rec.(interface {
		Summaries([]agreement.ID) ([]agreement.Summary, error)
	})
	rows := map[agreement.ID]agreement.Summary{}
	for i, id := range ids {
		if i%100 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if reg != nil {
				clear(rows)
				list, err := reg.Summaries(ids[i:min(i+100, len(ids))])
				if err != nil {
					return err
				}
				for _, s := range list {
					rows[s.ID] = s
				}
			}
		}
		a, err := rec.Agreement(id)
		if err != nil {
			return err
		}
		e := ExportOf(&a, name, now)
		if s, ok := rows[id]; ok {
			e.Dates[End] = s.End
			e.Text[Status] = s.Phase(now, agreement.DefaultSoonDays).Label()
		}
		if a.ParentID != 0 {
			if n, ok := parentNumber(a.ParentID); ok {
				e.Text[ParentNumber] = n
			}
		}
		if err := w.Add(e); err != nil {
			return err
		}
	}
	return nil
}

// Format is the kind of file the register is written to.
type Format int

const (
	XLSX Format = iota
	CSV
)

// WriteFile writes the register's rows ids as format to out.
func WriteFile(ctx context.Context, out io.Writer, format Format, rec service.Records, dir service.Directory, ids []agreement.ID, lang i18n.Lang, now time.Time) error {
	if format == CSV {
		w, err := NewCSV(out, lang)
		if err != nil {
			return err
		}
		if err := WriteRegister(ctx, rec, dir, ids, w, now); err != nil {
			return err
		}
		return w.Finish()
	}
	w, err := NewXLSX(lang, len(ids))
	if err != nil {
		return err
	}
	if err := WriteRegister(ctx, rec, dir, ids, w, now); err != nil {
		return err
	}
	return w.Finish(out)
}
