package servicetest

import (
	"errors"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
)

func testRecords(t *testing.T, c Config) {
	t.Run("SaveReadHistory", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		a := w.KSB("Berbagi Informasi dan Inovasi Daerah")
		must(t, s.SaveAgreement(&a))
		if a.ID == 0 || a.Rev != 1 || a.Created.IsZero() || a.Updated.Before(a.Created) {
			t.Fatalf("after create: id %d rev %d created %v updated %v", a.ID, a.Rev, a.Created, a.Updated)
		}
		got, err := s.Agreement(a.ID)
		if err != nil || got.Subject != a.Subject || len(got.Body) != 2 || got.Rev != 1 || got.Parties[1].Number != "119/MoU.05-Huk/2025" {
			t.Fatalf("read back: %+v %v", got, err)
		}
		if !got.Created.Equal(a.Created) || !got.Updated.Equal(a.Updated) {
			t.Errorf("times read back %v %v, saved %v %v", got.Created, got.Updated, a.Created, a.Updated)
		}
		// What the caller changes after a save is not stored.
		a.Body[0].Text = "diubah di tempat"
		if again, _ := s.Agreement(a.ID); again.Body[0].Text == "diubah di tempat" {
			t.Error("the store shares memory with the caller's record")
		}
		a.Body[0].Text = got.Body[0].Text
		created := a.Created
		a.Term = agreement.Term{Length: 3, Unit: agreement.UnitTahun, Start: agreement.NewDate(2025, 7, 4), End: agreement.NewDate(2028, 7, 3)}
		must(t, s.SaveAgreement(&a))
		if a.Rev != 2 || !a.Created.Equal(created) || !a.Updated.After(created) {
			t.Errorf("after update: rev %d created %v updated %v", a.Rev, a.Created, a.Updated)
		}
		h, err := s.AgreementHistory(a.ID)
		if err != nil || len(h) != 2 {
			t.Fatalf("history %+v %v", h, err)
		}
		if h[0].Action != "buat" || h[0].Rev != 1 || h[1].Action != "ubah" || h[1].Rev != 2 || h[1].By == "" || h[1].ID != a.ID {
			t.Errorf("history entries %+v", h)
		}
		if c.User != "" && (h[0].By != c.User || h[1].By != c.User) {
			t.Errorf("history by %q and %q, want %q", h[0].By, h[1].By, c.User)
		}
		found := false
		for _, ch := range h[1].Changes {
			if ch.Field == "term.length" && ch.Old == "5" && ch.New == "3" {
				found = true
			}
			if ch.Field == "rev" || ch.Field == "updated" {
				t.Errorf("bookkeeping field in history: %+v", ch)
			}
		}
		if !found {
			t.Errorf("term.length 5 → 3 missing from %+v", h[1].Changes)
		}
	})

	t.Run("StaleSaveIsConflict", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		a := w.KSB("Pelayanan Publik")
		must(t, s.SaveAgreement(&a))
		windowA, windowB := a, a
		windowA.Subject = "Pelayanan Publik Terpadu"
		must(t, s.SaveAgreement(&windowA))
		windowB.Subject = "Subjek dari jendela kedua"
		err := s.SaveAgreement(&windowB)
		if !errors.Is(err, service.ErrConflict) {
			t.Fatalf("stale save: %v, want service.ErrConflict", err)
		}
		var ce *service.ConflictError
		if !errors.As(err, &ce) || ce.ID != a.ID || ce.Have != 1 || ce.Want != 2 {
			t.Errorf("conflict %+v", ce)
		}
		if windowB.Rev != 1 || windowB.Subject != "Subjek dari jendela kedua" {
			t.Error("a refused save changed the caller's record")
		}
		got, _ := s.Agreement(a.ID)
		if got.Subject != "Pelayanan Publik Terpadu" || got.Rev != 2 {
			t.Errorf("stored %q rev %d", got.Subject, got.Rev)
		}
		if !strings.Contains(service.Message(err, i18n.ID), "jendela lain") {
			t.Errorf("message %q", service.Message(err, i18n.ID))
		}
		if h, _ := s.AgreementHistory(a.ID); len(h) != 2 {
			t.Errorf("history has %d entries after a refused save, want 2", len(h))
		}
		// A new record that claims a revision is stale too.
		b := w.KSB("Baru dengan revisi")
		b.Rev = 3
		if err := s.SaveAgreement(&b); !errors.Is(err, service.ErrConflict) || b.ID != 0 {
			t.Errorf("new record with a revision: %v, id %d", err, b.ID)
		}
		if n := total(t, s); n != 1 {
			t.Errorf("%d agreements, want 1", n)
		}
	})

	t.Run("NotFound", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		if _, err := s.Agreement(999); !errors.Is(err, service.ErrNotFound) {
			t.Errorf("missing agreement: %v", err)
		}
		a := w.KSB("Tidak ada")
		a.ID, a.Rev = 999, 1
		if err := s.SaveAgreement(&a); !errors.Is(err, service.ErrNotFound) {
			t.Errorf("saving a missing agreement: %v", err)
		}
		if n := total(t, s); n != 0 {
			t.Errorf("%d agreements after saving a missing one", n)
		}
		if h, err := s.AgreementHistory(999); err != nil || len(h) != 0 {
			t.Errorf("history of a missing agreement: %v %v", h, err)
		}
	})

	t.Run("InvalidSaveStoresNothing", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		a := w.KSB("Uji")
		a.Term.End = agreement.NewDate(2024, 1, 1)
		es := fieldErrors(t, s.SaveAgreement(&a))
		if len(es.For("term.end")) == 0 {
			t.Fatalf("want a term.end error, got %v", es)
		}
		if a.ID != 0 || a.Rev != 0 {
			t.Error("a refused create assigned an id or revision")
		}
		if n := total(t, s); n != 0 {
			t.Errorf("%d agreements stored after a refused create", n)
		}
		if p, _ := s.List(service.Query{}); len(p.Items) != 0 {
			t.Error("list entry written for a refused create")
		}
		// References to records that do not exist are refused by name.
		b := w.KSB("Pihak tak dikenal")
		b.Parties[0].PartyID = 999
		es = fieldErrors(t, s.SaveAgreement(&b))
		if len(es.For("parties[0].party_id")) == 0 || es.For("parties[0].party_id")[0].Code != "not_found" {
			t.Errorf("unknown party: %v", es)
		}
		// A refused update keeps the stored version and its history.
		a = w.KSB("Uji")
		must(t, s.SaveAgreement(&a))
		bad := a
		bad.Subject = ""
		fieldErrors(t, s.SaveAgreement(&bad))
		if bad.Rev != 1 {
			t.Errorf("refused update moved the caller's revision to %d", bad.Rev)
		}
		if got, _ := s.Agreement(a.ID); got.Subject != "Uji" || got.Rev != 1 {
			t.Errorf("stored %q rev %d after a refused update", got.Subject, got.Rev)
		}
		if h, _ := s.AgreementHistory(a.ID); len(h) != 1 {
			t.Errorf("%d history entries after a refused update", len(h))
		}
		must(t, s.SaveAgreement(&a)) // the revision is still free
	})

	t.Run("LifeCycleAndLock", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		a := w.KSB("Reformasi Birokrasi")
		must(t, s.SaveAgreement(&a))

		skip := a
		skip.Status = agreement.StatusDitandatangani
		skip.Signing = &agreement.Signing{Date: agreement.NewDate(2025, 7, 4), Place: "Sumedang"}
		es := fieldErrors(t, s.SaveAgreement(&skip))
		if len(es.For("status")) == 0 || es.For("status")[0].Code != "transition" {
			t.Errorf("konsep → ditandatangani: %v", es)
		}
		if got, _ := s.Agreement(a.ID); got.Status != agreement.StatusKonsep {
			t.Errorf("status %s after a refused move", got.Status)
		}
		Sign(t, s, &a, agreement.NewDate(2025, 7, 4))

		back := a
		back.Status = agreement.StatusKonsep
		if err := s.SaveAgreement(&back); !errors.Is(err, agreement.ErrInvalid) {
			t.Errorf("ditandatangani → konsep: %v", err)
		}
		edit := a
		edit.Body = append(append([]agreement.Node(nil), a.Body...), agreement.Node{Kind: agreement.NodePasal, Heading: "PENUTUP", Text: "x"})
		es = fieldErrors(t, s.SaveAgreement(&edit))
		if len(es.For("body")) == 0 || es.For("body")[0].Code != "locked" {
			t.Fatalf("editing a signed body: %v", es)
		}
		edit = a
		edit.Parties = append([]agreement.AgreementParty(nil), a.Parties...)
		edit.Parties[0].Number = "04/MoU/2025"
		fieldErrors(t, s.SaveAgreement(&edit))
		if got, _ := s.Agreement(a.ID); got.Parties[0].Number != "03/MoU/TKKSD-LS/1.04/VII/2025" {
			t.Errorf("signed number changed to %q", got.Parties[0].Number)
		}
		// What stays open after signing: tags, notes, monitoring.
		a.Tags = []string{"digitalisasi"}
		a.Monitoring = []agreement.Monitoring{{Date: agreement.NewDate(2025, 10, 1), Activity: "Magang dua staf Diskominfo", Realised: true}}
		must(t, s.SaveAgreement(&a))
		got, _ := s.Agreement(a.ID)
		if len(got.Monitoring) != 1 || got.Tags[0] != "digitalisasi" {
			t.Errorf("monitoring after signing: %+v", got.Monitoring)
		}
		// A cancelled signed agreement stays locked.
		if err := a.Transition(agreement.StatusDibatalkan, "Diganti perjanjian baru"); err != nil {
			t.Fatal(err)
		}
		must(t, s.SaveAgreement(&a))
		edit = a
		edit.Subject = "Subjek baru"
		fieldErrors(t, s.SaveAgreement(&edit))
	})

	t.Run("ChildNeedsMandate", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		ksb := w.KSB("Berbagi Informasi dan Inovasi Daerah")
		must(t, s.SaveAgreement(&ksb))
		Sign(t, s, &ksb, agreement.NewDate(2025, 7, 4))
		pks, err := agreement.NewChild(&ksb, agreement.KindPKS, time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC))
		must(t, err)
		pks.Parties[0].SignerID, pks.Parties[0].MandateID = w.KadisLs.ID, w.KuasaLs.ID
		pks.Parties[1].SignerID = w.KadisSmd.ID
		es := fieldErrors(t, s.SaveAgreement(&pks))
		if len(es.For("parties[1].mandate_id")) == 0 {
			t.Fatalf("PKS signer without mandate accepted: %v", es)
		}
		pks.Parties[1].MandateID = w.KuasaSmd.ID
		must(t, s.SaveAgreement(&pks))
		got, err := s.Agreement(pks.ID)
		if err != nil || got.ParentID != ksb.ID || got.Parent == nil || got.Parent.Numbers[0] != "03/MoU/TKKSD-LS/1.04/VII/2025" {
			t.Fatalf("child read back: %+v %v", got.Parent, err)
		}
		// A KSB has no parent.
		orphan := w.KSB("KSB dengan induk")
		orphan.ParentID = ksb.ID
		if es := fieldErrors(t, s.SaveAgreement(&orphan)); len(es.For("parent_id")) == 0 {
			t.Errorf("KSB with a parent: %v", es)
		}
	})
}
