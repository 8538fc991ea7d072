package sheet_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/sheet"
)

// The register written to .xlsx and CSV reads back into a second data file
// with every mapped field kept.
func TestExportImportRoundTrip(t *testing.T) {
	src := openStore(t)
	// Bring in the clean sheet so the register has imported and drafted
	// records side by side.
	tb := read(t, "a.xlsx", book(t, map[string][][]any{"D": cleanRows()}, []string{"D"}, nil), "")
	if _, err := sheet.Apply(context.Background(), src, plan(t, src, tb)); err != nil {
		t.Fatal(err)
	}
	off, _ := src.Offsets()
	var ids []agreement.ID
	for id := agreement.ID(1); id <= off.Agreement; id++ {
		ids = append(ids, id)
	}
	for _, format := range []sheet.Format{sheet.XLSX, sheet.CSV} {
		var buf bytes.Buffer
		if err := sheet.WriteFile(context.Background(), &buf, format, src, src, ids, i18n.ID, today); err != nil {
			t.Fatal(err)
		}
		name := "ekspor.xlsx"
		if format == sheet.CSV {
			name = "ekspor.csv"
		}
		if format == sheet.XLSX {
			checkWorkbook(t, buf.Bytes(), len(ids))
		}
		tb := read(t, name, buf.Bytes(), "")
		m := sheet.Propose(tb)
		for i, f := range sheet.Fields {
			if m[i] != f {
				t.Errorf("%s: column %s proposed %q, want %q", name, tb.Header[i], m[i], f)
			}
		}
		dst := openStore(t)
		// The examples are in the second file too: take their rows out, the
		// numbers are already there.
		env, err := sheet.NewEnv(dst, dst, dst, today)
		if err != nil {
			t.Fatal(err)
		}
		p := sheet.NewPlan(tb, m, env)
		for i := range p.Rows[:3] {
			if len(p.Rows[i].Problems) == 0 {
				t.Errorf("%s: example row %d not refused as a duplicate", name, p.Rows[i].Line)
			}
			p.Rows[i].Skip = true
		}
		for _, r := range p.Rows[3:] {
			if len(r.Problems) > 0 {
				t.Errorf("%s row %d: %v", name, r.Line, r.Problems)
			}
		}
		if _, err := sheet.Apply(context.Background(), dst, p); err != nil {
			t.Fatalf("%s: %s", name, service.Message(err, i18n.ID))
		}
		for k, id := range ids[3:] {
			a, _ := src.Agreement(id)
			b, err := dst.Agreement(agreement.ID(4 + k))
			if err != nil {
				t.Fatal(err)
			}
			pa, _ := src.Party(a.Parties[1].PartyID)
			pb, _ := dst.Party(b.Parties[1].PartyID)
			same := a.OwnNumber() == b.OwnNumber() && a.PartnerNumber() == b.PartnerNumber() && a.Kind == b.Kind && a.Subject == b.Subject &&
				pa.Name == pb.Name && pa.RegionCode == pb.RegionCode && a.Signing.Date == b.Signing.Date && a.Term.Start == b.Term.Start &&
				a.EffectiveEnd() == b.EffectiveEnd() && a.Term.Length == b.Term.Length && a.Term.Unit == b.Term.Unit && a.Status == b.Status &&
				a.Notes == b.Notes && len(a.Implementers) == len(b.Implementers) && len(a.Signing.Signers) == len(b.Signing.Signers)
			for i := range a.Implementers {
				same = same && a.Implementers[i] == b.Implementers[i]
			}
			for i := range a.Signing.Signers {
				same = same && a.Signing.Signers[i].Name == b.Signing.Signers[i].Name
			}
			if !same {
				t.Errorf("%s: %d\n%+v\nread back as\n%+v", name, id, a, b)
			}
		}
	}
}

// checkWorkbook asserts what an office expects of the export: a bold
// header, frozen, an autofilter over the table, widths, date cells.
func checkWorkbook(t *testing.T, data []byte, rows int) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue(sheet.SheetName, "D1"); v != "Tentang" {
		t.Errorf("E1 %q", v)
	}
	panes, err := f.GetPanes(sheet.SheetName)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v %v", panes, err)
	}
	if w, _ := f.GetColWidth(sheet.SheetName, "D"); w != 60 {
		t.Errorf("subject column width %v", w)
	}
	// Row 2 is example 1, signed 15 September 2025 (a date cell, shown dd-mm-yyyy).
	if typ, _ := f.GetCellType(sheet.SheetName, "F2"); typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
		t.Errorf("date written as text")
	}
	if v, _ := f.GetCellValue(sheet.SheetName, "F2"); v != "15-09-2025" {
		t.Errorf("F2 shows %q", v)
	}
	x := readXML(t, data, "xl/worksheets/sheet1.xml")
	last := strconv.Itoa(rows + 1)
	for _, want := range []string{`<autoFilter ref="$A$1:$N$` + last + `"`, `state="frozen"`} {
		if !bytes.Contains(x, []byte(want)) {
			t.Errorf("sheet XML lacks %s:\n%.600s", want, x)
		}
	}
	if st, _ := f.GetCellStyle(sheet.SheetName, "A1"); st == 0 {
		t.Error("header not styled")
	} else if s, _ := f.GetStyle(st); s == nil || s.Font == nil || !s.Font.Bold {
		t.Error("header not bold")
	}
	all, _ := f.GetRows(sheet.SheetName)
	if len(all) != rows+1 {
		t.Errorf("%d rows, want %d and the header", len(all), rows)
	}
}

func readXML(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			return b
		}
	}
	t.Fatalf("no %s", name)
	return nil
}
