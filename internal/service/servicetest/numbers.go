package servicetest

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
)

// testOneNumber: an agreement's numbers are its parties' (one per party);
// a number the signed original left open may be entered after signing, one
// it carried may not change; an exchange file written before one number per
// party, with the numbers and rangkap typed at signing in its signing
// record, imports with them in their one place.
func testOneNumber(t *testing.T, c Config) {
	const partnerNo, ownNo = "130/021/KS/III/2026", "1/KSB.100.3-Setda.KS/2026"
	var w *World
	signedWithout := func(t *testing.T, s service.Service) (agreement.Agreement, int, int) {
		w = SeedWorld(t, s)
		a := w.KSB("Pengembangan Pariwisata")
		own, partner := -1, -1
		for i := range a.Parties {
			a.Parties[i].Number = ""
			if a.Parties[i].Own {
				own = i
			} else if partner < 0 {
				partner = i
			}
		}
		a.Parties[partner].Number = partnerNo
		must(t, s.SaveAgreement(&a))
		Sign(t, s, &a, agreement.NewDate(2026, 3, 5))
		return a, own, partner
	}
	row := func(t *testing.T, s service.Service, id agreement.ID) agreement.Summary {
		t.Helper()
		rows, err := s.Summaries([]agreement.ID{id})
		must(t, err)
		return rows[0]
	}
	t.Run("EnteredAfterSigning", func(t *testing.T) {
		s := fresh(t, c)
		a, own, partner := signedWithout(t, s)
		a.Parties[own].Number = ownNo
		must(t, s.SaveAgreement(&a))
		if r := row(t, s, a.ID); r.OwnNumber != ownNo || r.PartnerNumber != partnerNo {
			t.Errorf("register row after our number was entered: own %q partner %q", r.OwnNumber, r.PartnerNumber)
		}
		got, err := s.Agreement(a.ID)
		must(t, err)
		for _, edit := range []func(*agreement.Agreement){
			func(x *agreement.Agreement) { x.Parties[partner].Number = "130/022/KS/III/2026" },
			func(x *agreement.Agreement) { x.Parties[own].Number = "2/KSB.100.3-Setda.KS/2026" },
		} {
			x := got
			x.Parties = append([]agreement.AgreementParty(nil), got.Parties...)
			edit(&x)
			if es := fieldErrors(t, s.SaveAgreement(&x)); len(es.For("parties")) != 1 {
				t.Errorf("a number on the record changed after signing: %v", es)
			}
		}
		other := w.KSB("Promosi Wisata Bersama")
		for i := range other.Parties {
			other.Parties[i].Number = ""
		}
		other.Parties[own].Number = ownNo
		if err := s.SaveAgreement(&other); !errors.Is(err, service.ErrNumberTaken) {
			t.Errorf("our number entered after signing is not kept unique: %v", err)
		}
	})
	t.Run("ImportWrittenBefore", func(t *testing.T) {
		src := fresh(t, c)
		a, own, _ := signedWithout(t, src)
		d, err := src.Export(context.Background())
		must(t, err)
		for i := range d.Agreements {
			if d.Agreements[i].ID != a.ID {
				continue
			}
			x := &d.Agreements[i]
			numbers := make([]string, len(x.Parties))
			numbers[own] = ownNo
			for j := range x.Parties {
				x.Parties[j].Number = ""
				if j != own {
					numbers[j] = partnerNo
				}
			}
			sg := *x.Signing
			sg.OldNumbers, sg.OldCopies = numbers, 3
			x.Signing = &sg
		}
		var buf bytes.Buffer
		must(t, dataset.Encode(&buf, d))
		if !bytes.Contains(buf.Bytes(), []byte(`"numbers": [`)) {
			t.Fatalf("not the old form:\n%s", buf.String())
		}
		dst := fresh(t, c)
		opens := 0
		_, err = dst.ImportFrom(context.Background(), opener(buf.Bytes(), &opens))
		must(t, err)
		if r := row(t, dst, a.ID); r.OwnNumber != ownNo || r.PartnerNumber != partnerNo {
			t.Errorf("register row of the import: own %q partner %q", r.OwnNumber, r.PartnerNumber)
		}
		got, err := dst.Agreement(a.ID)
		must(t, err)
		if got.Copies != 3 || got.Signing.OldNumbers != nil || got.Signing.OldCopies != 0 {
			t.Errorf("imported copies %d, signing %+v", got.Copies, got.Signing)
		}
	})
}
