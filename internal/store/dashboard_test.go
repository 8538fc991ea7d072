package store

import (
	"testing"
	"time"

	"sepakat/internal/agreement"
)

func TestDashboard(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	d, err := s.Dashboard(today)
	if err != nil {
		t.Fatal(err)
	}
	if d.Counts[agreement.StatusDitandatangani] != 3 || len(d.Recent) != 3 || len(d.Review) != 0 {
		t.Errorf("counts %v, %d recent, %d in review", d.Counts, len(d.Recent), len(d.Review))
	}
	// The MoU with Lampung Timur has a follow-up; the KSB with Lampung Selatan a PKS.
	if d.EndingCount != [3]int{} || d.SleepingCount != 0 {
		t.Errorf("ending %v, sleeping %v", d.EndingCount, ids(d.Sleeping))
	}

	// Two weeks before the MoU with Lampung Timur ends (14 September 2030).
	d, err = s.Dashboard(time.Date(2030, 9, 1, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Ending[0]) != 1 || d.Ending[0][0].ID != 1 || len(d.Ending[1])+len(d.Ending[2]) != 0 || d.EndingCount != [3]int{1, 1, 1} {
		t.Errorf("ending %v, counts %v", d.Ending, d.EndingCount)
	}
	// Two months before, it ends in the second horizon.
	if d, err = s.Dashboard(time.Date(2030, 7, 14, 8, 0, 0, 0, time.UTC)); err != nil || len(d.Ending[1]) != 1 || d.EndingCount != [3]int{0, 1, 1} {
		t.Errorf("two months before: %v, %v", d.EndingCount, err)
	}

	// Without its follow-up the MoU sleeps.
	mou, err := s.Agreement(1)
	if err != nil {
		t.Fatal(err)
	}
	mou.Monitoring = nil
	mustSave(t, s.SaveAgreement(&mou))
	if d, err = s.Dashboard(today); err != nil || d.SleepingCount != 1 || d.Sleeping[0].ID != 1 {
		t.Errorf("sleeping %v (%d), %v", ids(d.Sleeping), d.SleepingCount, err)
	}

	// A PKS drafted under the MoU wakes it, and waits for review.
	ksb, err := s.Agreement(1)
	if err != nil {
		t.Fatal(err)
	}
	pks, err := agreement.NewChild(&ksb, agreement.KindPKS, today)
	if err != nil {
		t.Fatal(err)
	}
	pks.Subject = "Magang Aparatur Dinas Komunikasi dan Informatika"
	mustSave(t, s.SaveAgreement(&pks))
	if err := pks.Transition(agreement.StatusTelaah, ""); err != nil {
		t.Fatal(err)
	}
	mustSave(t, s.SaveAgreement(&pks))
	if d, err = s.Dashboard(today); err != nil || d.SleepingCount != 0 || len(d.Review) != 1 || d.Review[0].ID != pks.ID || len(d.Recent) != 4 {
		t.Errorf("after the PKS: sleeping %v, review %v, recent %v, %v", ids(d.Sleeping), ids(d.Review), ids(d.Recent), err)
	}
}

func ids(list []agreement.Summary) []agreement.ID {
	var out []agreement.ID
	for _, s := range list {
		out = append(out, s.ID)
	}
	return out
}
