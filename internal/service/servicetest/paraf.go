package servicetest

import (
	"context"
	"slices"
	"strings"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
)

// testParaf: the office's paraf hierarki names its own officials, refused at
// the field otherwise; an agreement's paraf units are kept and checked; an
// export imported again keeps both (the office is read before the officials
// it names).
func testParaf(t *testing.T, c Config) {
	s := fresh(t, c)
	w := SeedWorld(t, s)
	own := w.Sumedang
	pg := agreement.DefaultPageProfile()
	pg.ParafHierarki, pg.ParafKoordinasi = []agreement.ID{w.KadisSmd.ID, w.BupatiSmd.ID}, true
	own.Page = &pg
	must(t, s.SaveParty(&own))
	got, err := s.Party(own.ID)
	must(t, err)
	if got.Page == nil || !slices.Equal(got.Page.ParafHierarki, pg.ParafHierarki) || !got.Page.ParafKoordinasi {
		t.Fatalf("paraf read back: %+v", got.Page)
	}
	bad := got
	badPage := *got.Page
	badPage.ParafHierarki = []agreement.ID{w.KadisLs.ID}
	bad.Page = &badPage
	if es := fieldErrors(t, s.SaveParty(&bad)); len(es.For("page.paraf_hierarki[0]")) == 0 {
		t.Errorf("a partner's official in our paraf hierarki: %v", es)
	}
	if again, _ := s.Party(own.ID); again.Rev != got.Rev || !slices.Equal(again.Page.ParafHierarki, pg.ParafHierarki) {
		t.Errorf("a refused save changed the office: rev %d, paraf %v", again.Rev, again.Page.ParafHierarki)
	}

	a := w.KSB("Paraf koordinasi")
	a.ParafUnits = []string{"Bagian Hukum", "bagian  hukum"}
	if es := fieldErrors(t, s.SaveAgreement(&a)); len(es.For("paraf_units[1]")) == 0 || a.ID != 0 {
		t.Errorf("the same unit twice: %v, id %d", es, a.ID)
	}
	a.ParafUnits = []string{"Bagian Hukum", "Dinas Kesehatan"}
	must(t, s.SaveAgreement(&a))
	if back, _ := s.Agreement(a.ID); !slices.Equal(back.ParafUnits, a.ParafUnits) {
		t.Errorf("paraf units read back: %q", back.ParafUnits)
	}

	first := exportJSON(t, s)
	if strings.Index(first, `"paraf_hierarki"`) > strings.Index(first, `"officials"`) {
		t.Fatal("the export lists the officials before the office that names them: the import would not be tested")
	}
	d, err := dataset.Decode(strings.NewReader(first))
	must(t, err)
	dst := fresh(t, c)
	must(t, dst.Import(context.Background(), d))
	if second := exportJSON(t, dst); second != first {
		t.Error("export of the imported instance differs from the original export")
	}
	if p, _ := dst.Party(own.ID); p.Page == nil || !slices.Equal(p.Page.ParafHierarki, pg.ParafHierarki) {
		t.Errorf("imported paraf hierarki: %+v", p.Page)
	}
}
