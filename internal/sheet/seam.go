package sheet

import (
	"context"
	"io"
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
	env := Env{Numbers: map[string]bool{}, Today: agreement.DateOf(today)}
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
	for i, id := range ids {
		if i%100 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		a, err := rec.Agreement(id)
		if err != nil {
			return err
		}
		if err := w.Add(ExportOf(&a, name, now)); err != nil {
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
