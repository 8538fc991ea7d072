package store

import (
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

func TestShippedExamplesLoadAndValidate(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(service.Message(err, "id"))
	}
	page, err := s.List(service.Query{Limit: 10})
	if err != nil || len(page.Items) != 3 {
		t.Fatalf("%d examples listed, %v", len(page.Items), err)
	}
	var ksb, pks *agreement.Agreement
	for _, it := range page.Items {
		a, _ := s.Agreement(it.ID)
		if a.Kind == agreement.KindPKS {
			pks = &a
		} else if a.Signing != nil && a.Signing.Date == agreement.NewDate(2025, 7, 4) {
			ksb = &a
		}
		if a.Status != agreement.StatusDitandatangani {
			t.Errorf("example %d is %s", a.ID, a.Status)
		}
	}
	if ksb == nil || pks == nil || pks.ParentID != ksb.ID {
		t.Fatal("the Lampung Selatan KSB and its PKS are not linked")
	}
	for _, ap := range pks.Parties {
		o, err := s.Official(ap.SignerID)
		if err != nil || o.Role != agreement.RoleKepalaPD || ap.MandateID == 0 {
			t.Errorf("PKS signer %+v %v", o, err)
		}
	}
	scope := 0
	for _, n := range pks.Body {
		if n.Heading == "RUANG LINGKUP" {
			for _, c := range n.Children {
				if c.Kind == agreement.NodePoint {
					scope++
				}
			}
		}
	}
	if scope != 4 {
		t.Errorf("PKS scope items: %d", scope)
	}
	if sep, _ := s.Agreement(1); sep.Signing == nil || sep.Signing.Date.Weekday().String() != "Monday" {
		t.Errorf("MoU Lampung Timur not signed on Monday 15 September 2025: %+v", sep.Signing)
	}
}
