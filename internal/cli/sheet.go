package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/sheet"
)

// The words of import-sheet and export-sheet.
var sheetMsg = map[string]i18n.Text{
	"import_usage": {ID: "Pemakaian: import-sheet BERKAS.xlsx|BERKAS.csv [--sheet NAMA] [--map \"KOLOM=isian,…\"] [--dry-run] [--skip-bad] [--yes]",
		EN: "Usage: import-sheet FILE.xlsx|FILE.csv [--sheet NAME] [--map \"COLUMN=field,…\"] [--dry-run] [--skip-bad] [--yes]"},
	"export_usage": {ID: "Pemakaian: export-sheet BERKAS.xlsx|BERKAS.csv [--status S] [--kind J] [--party ID] [--year T] [--ending]",
		EN: "Usage: export-sheet FILE.xlsx|FILE.csv [--status S] [--kind K] [--party ID] [--year Y] [--ending]"},
	"bad_map": {ID: "--map %q tidak dikenal: tulis KOLOM=isian dipisah koma, KOLOM huruf kolom (A, B …) atau judulnya, isian salah satu dari: %s, atau - untuk tidak diimpor.",
		EN: "--map %q not understood: write COLUMN=field separated by commas, COLUMN a column letter (A, B …) or its header, field one of: %s, or - to leave it out."},
	"sheet_read":           {ID: "Lembar %q dari %s: judul kolom di baris %d, %d baris data.", EN: "Sheet %q of %s: header at row %d, %d data rows."},
	"csv_read":             {ID: "Berkas %s: judul kolom di baris %d, %d baris data.", EN: "File %s: header at row %d, %d data rows."},
	"sheet_hidden":         {ID: "Lembar tersembunyi yang tidak dibaca: %s.", EN: "Hidden sheets not read: %s."},
	"mapping_title":        {ID: "Pemetaan kolom (%s):", EN: "Column mapping (%s):"},
	"mapping_src_proposed": {ID: "usulan dari judul dan isi", EN: "proposed from headers and contents"},
	"mapping_src_saved":    {ID: "pemetaan tersimpan untuk bentuk tabel ini", EN: "the mapping saved for this table's shape"},
	"mapping_src_flag":     {ID: "dengan --map", EN: "with --map"},
	"row_problem":          {ID: "baris %d: %s", EN: "row %d: %s"},
	"row_warning":          {ID: "baris %d (periksa): %s", EN: "row %d (check): %s"},
	"row_parent":           {ID: "baris %d: %s di bawah perjanjian induk %s", EN: "row %d: %s under parent agreement %s"},
	"plan_counts":          {ID: "%d baris siap diimpor, %d bermasalah, %d dilewati; %d instansi baru.", EN: "%d rows ready, %d with problems, %d left out; %d new instansi."},
	"new_party":            {ID: "  instansi baru: %s (%s)", EN: "  new instansi: %s (%s)"},
	"has_problems":         {ID: "Tidak ada yang diimpor: %d baris bermasalah (lihat di atas). Perbaiki berkasnya, atau impor baris yang baik saja dengan --skip-bad.", EN: "Nothing imported: %d rows have problems (see above). Fix the file, or import only the good rows with --skip-bad."},
	"needs_yes":            {ID: "Tidak ada yang diimpor: %d instansi baru akan dibuat (lihat di atas). Periksa namanya, lalu ulangi dengan --yes.", EN: "Nothing imported: %d new instansi would be made (see above). Check their names, then run again with --yes."},
	"dry_run":              {ID: "Uji coba (--dry-run): tidak ada yang disimpan.", EN: "Dry run (--dry-run): nothing saved."},
	"sheet_imported":       {ID: "Diimpor dari %s: %d perjanjian, %d instansi baru. Pemetaan kolom disimpan di %s.", EN: "Imported from %s: %d agreements, %d new instansi. Column mapping saved in %s."},
	"sheet_exported":       {ID: "Diekspor ke %s: %d perjanjian.", EN: "Exported to %s: %d agreements."},
	"export_kind":          {ID: "Berkas %s harus berakhiran .xlsx atau .csv.", EN: "File %s must end in .xlsx or .csv."},
}

func (r *runner) sheetText(key string, args ...any) string { return sheetMsg[key].In(r.Lang, args...) }

// mappingFile is where import-sheet remembers mappings: beside the data file.
func (r *runner) mappingFile() string {
	return filepath.Join(filepath.Dir(r.db), "pemetaan-impor.json")
}

// savedMappings reads the remembered mappings, by table shape.
func savedMappings(path string) map[string][]sheet.Field {
	out := map[string][]sheet.Field{}
	if b, err := os.ReadFile(path); err == nil {
		_ = json.Unmarshal(b, &out) // a damaged file only loses the memory
	}
	return out
}

func (r *runner) importSheet(args []string) error {
	fs := flag.NewFlagSet("import-sheet", flag.ContinueOnError)
	sheetName := fs.String("sheet", "", "")
	mapSpec := fs.String("map", "", "")
	dry := fs.Bool("dry-run", false, "")
	skipBad := fs.Bool("skip-bad", false, "")
	yes := fs.Bool("yes", false, "")
	pos, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return &exitError{ExitMisuse, r.sheetText("import_usage")}
	}
	path := pos[0]
	data, err := os.ReadFile(path)
	if err != nil {
		return r.fail("read_failed", path, r.reason(err, path))
	}
	tb, err := sheet.Read(path, data, *sheetName)
	if err != nil {
		return &exitError{ExitError, service.Message(err, r.Lang)}
	}
	if tb.Sheet == "" {
		// A CSV file has no sheets.
		fmt.Fprintln(r.Stdout, r.sheetText("csv_read", tb.File, tb.HeaderLine, len(tb.Rows)))
	} else {
		fmt.Fprintln(r.Stdout, r.sheetText("sheet_read", tb.Sheet, tb.File, tb.HeaderLine, len(tb.Rows)))
	}
	if len(tb.Hidden) > 0 {
		fmt.Fprintln(r.Stdout, r.sheetText("sheet_hidden", strings.Join(tb.Hidden, ", ")))
	}
	shape := sheet.Shape(tb.Header)
	saved := savedMappings(r.mappingFile())
	m, src := sheet.Propose(tb), "mapping_src_proposed"
	if s, ok := saved[shape]; ok && len(s) == len(m) {
		m, src = sheet.Mapping(s), "mapping_src_saved"
	}
	if *mapSpec != "" {
		if err := r.applyMapSpec(tb, m, *mapSpec); err != nil {
			return err
		}
		src = "mapping_src_flag"
	}
	r.printMapping(tb, m, src)
	return r.withData(func(s service.Service) error {
		env, err := sheet.NewEnv(s, s, s, r.Now())
		if err != nil {
			return err
		}
		p := sheet.NewPlan(tb, m, env)
		c := r.printPlan(p)
		switch {
		case c.Refused > 0 && !*skipBad && !*dry:
			return r.sheetFail("has_problems", c.Refused)
		case *dry:
			fmt.Fprintln(r.Stderr, r.sheetText("dry_run"))
			return nil
		case c.NewParties > 0 && !*yes:
			return r.sheetFail("needs_yes", c.NewParties)
		}
		done, err := sheet.Apply(r.ctx, s, p)
		if err != nil {
			return err
		}
		saved[shape] = m
		where := r.mappingFile()
		if b, err := json.MarshalIndent(saved, "", "  "); err == nil {
			if err := service.WriteFile(r.ctx, where, 0o600, func(w io.Writer) error { _, err := w.Write(b); return err }); err != nil {
				where = "–"
			}
		}
		fmt.Fprintln(r.Stderr, r.sheetText("sheet_imported", tb.File, done.Accepted, done.NewParties, where))
		return nil
	})
}

func (r *runner) sheetFail(key string, args ...any) error {
	return &exitError{ExitError, r.sheetText(key, args...)}
}

// applyMapSpec sets the columns --map names: "B=nomor,Mitra=mitra,H=-".
func (r *runner) applyMapSpec(tb *sheet.Table, m sheet.Mapping, spec string) error {
	var keys []string
	for _, f := range sheet.Fields {
		keys = append(keys, string(f))
	}
	bad := func(part string) error {
		return &exitError{ExitMisuse, r.sheetText("bad_map", part, strings.Join(keys, ", "))}
	}
	for _, part := range strings.Split(spec, ",") {
		col, field, ok := strings.Cut(part, "=")
		if !ok {
			return bad(part)
		}
		f, ok := sheet.ParseField(field)
		if !ok {
			return bad(part)
		}
		c := columnOf(tb, strings.TrimSpace(col))
		if c < 0 {
			return bad(part)
		}
		m[c] = f
	}
	return nil
}

// columnOf finds a column by its letter or its header, case ignored.
func columnOf(tb *sheet.Table, col string) int {
	for c := range tb.Header {
		if strings.EqualFold(sheet.ColumnName(c), col) {
			return c
		}
	}
	for c, h := range tb.Header {
		if strings.EqualFold(strings.TrimSpace(h), col) {
			return c
		}
	}
	return -1
}

func (r *runner) printMapping(tb *sheet.Table, m sheet.Mapping, src string) {
	fmt.Fprintln(r.Stdout, r.sheetText("mapping_title", r.sheetText(src)))
	for c, h := range tb.Header {
		sample := strings.Join(tb.Samples(c, 1), "")
		fmt.Fprintf(r.Stdout, "  %-3s %-28s → %-22s %s\n", sheet.ColumnName(c), clip(h, 28), m[c].Label(r.Lang), clip(sample, 40))
	}
}

func (r *runner) printPlan(p *sheet.Plan) sheet.Counts {
	for i, row := range p.Rows {
		if row.Parent.Found() && row.Agreement.Parent != nil {
			fmt.Fprintln(r.Stdout, r.sheetText("row_parent", row.Line, row.Agreement.Kind.Title(), p.ParentLabel(i, r.Lang)))
		}
		for _, t := range row.Problems {
			fmt.Fprintln(r.Stdout, r.sheetText("row_problem", row.Line, t.In(r.Lang)))
		}
		for _, t := range row.Warnings {
			fmt.Fprintln(r.Stdout, r.sheetText("row_warning", row.Line, t.In(r.Lang)))
		}
	}
	for _, np := range p.NewParties() {
		fmt.Fprintln(r.Stdout, r.sheetText("new_party", np.Name, sheet.PartyKindLabel(np.Kind, r.Lang)))
	}
	c := p.Counts()
	fmt.Fprintln(r.Stdout, r.sheetText("plan_counts", c.Accepted, c.Refused, c.Skipped, c.NewParties))
	return c
}

func (r *runner) exportSheet(args []string) error {
	fs := flag.NewFlagSet("export-sheet", flag.ContinueOnError)
	filters := listFlags(fs)
	pos, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return &exitError{ExitMisuse, r.sheetText("export_usage")}
	}
	path := pos[0]
	format := sheet.XLSX
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
	case ".csv":
		format = sheet.CSV
	default:
		return &exitError{ExitMisuse, r.sheetText("export_kind", path)}
	}
	// The same selection as list, every page of it.
	q, err := filters.query(r, 1000)
	if err != nil {
		return err
	}
	return r.withData(func(s service.Service) error {
		var ids []agreement.ID
		for {
			page, err := s.List(q)
			if err != nil {
				return err
			}
			for _, it := range page.Items {
				ids = append(ids, it.ID)
			}
			if page.Next == nil {
				break
			}
			q.After = page.Next
		}
		err := service.WriteFile(r.ctx, path, 0o600, func(w io.Writer) error {
			return sheet.WriteFile(r.ctx, w, format, s, s, ids, r.Lang, r.Now())
		})
		if err != nil {
			if cancelled(err) || !writeProblem(err) {
				return err
			}
			var se *sheet.Error
			if errors.As(err, &se) {
				return err
			}
			return r.fail("write_failed", path, r.reason(err, path))
		}
		fmt.Fprintln(r.Stderr, r.sheetText("sheet_exported", path, len(ids)))
		return nil
	})
}
