package sheet_test

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"sepakat/internal/agreement"
	"sepakat/internal/sheet"
)

// CSV as offices save it: commas or semicolons, UTF-8 with or without a
// byte-order mark, or Windows-1252 from an old Excel.
func TestCSVForms(t *testing.T) {
	s := openStore(t)
	body := "No;Nomor;Perihal;Pihak Kedua;Tgl TTD;Masa Berlaku\r\n1;180/1/2017;Kerja Sama Pendidikan Kesehatan;Pemkab Lampung Timur;4 Juli 2017;5 th\r\n2;180/2/2017;Pengelolaan Sampah Terpadu;Kab. Lampung Selatan;12/10/2017;60 bulan\r\n"
	comma := strings.ReplaceAll(body, ";", ",")
	latin, err := charmap.Windows1252.NewEncoder().String(strings.ReplaceAll(body, "Terpadu", "Terpadu – Café"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{"semicolon.csv": body, "bom.csv": "\xEF\xBB\xBF" + body, "comma.csv": comma, "latin.csv": latin} {
		tb := read(t, name, []byte(data), "")
		if len(tb.Rows) != 2 || tb.Header[2] != "Perihal" {
			t.Fatalf("%s: %d rows, header %q", name, len(tb.Rows), tb.Header)
		}
		p := plan(t, s, tb)
		for _, r := range p.Rows {
			if len(r.Problems) > 0 {
				t.Errorf("%s row %d: %v", name, r.Line, r.Problems)
			}
		}
		a := p.Rows[1].Agreement
		if a.OwnNumber() != "180/2/2017" || a.Signing.Date != agreement.NewDate(2017, 10, 12) || a.Term.Length != 60 || a.Parties[1].PartyID != 2 {
			t.Errorf("%s: row 3 as %+v", name, a)
		}
		if name == "latin.csv" && a.Subject != "Pengelolaan Sampah Terpadu – Café" {
			t.Errorf("Windows-1252 subject %q", a.Subject)
		}
		if p.Rows[0].Agreement.Parties[1].PartyID != 3 {
			t.Errorf("%s: Pemkab Lampung Timur matched %+v", name, p.Rows[0].Partner)
		}
		if m := sheet.Propose(tb); m[0] != sheet.Skip || m[3] != sheet.Partner || m[5] != sheet.Term {
			t.Errorf("%s: mapping %v", name, m)
		}
	}
}
