package agreement

import (
	"testing"
	"time"
)

func TestMonevOpenRoundIsWhereMonevDueStarts(t *testing.T) {
	a := ksb()
	a.Status = StatusDitandatangani
	a.Signing = &Signing{Date: NewDate(2025, 3, 10), Place: "Sumedang"}
	a.Term = Term{Length: 2, Unit: UnitTahun, Start: NewDate(2025, 3, 10), End: NewDate(2027, 3, 9)}
	a.Implementers = []string{"DPMPTSP", "Dinas Kominfo"}
	p := DefaultProcedure()
	if got := a.MonevOpenRound(p); got != NewDate(2025, 6, 30) {
		t.Errorf("nothing recorded: open from %v, want the first semester's end", got)
	}
	// Both units monitored in both semesters of 2025: the first open round
	// is 2026's first; one unit late is enough.
	for _, m := range []Monitoring{
		{Date: NewDate(2025, 6, 1), Unit: "DPMPTSP"}, {Date: NewDate(2025, 6, 2), Unit: "Dinas Kominfo"},
		{Date: NewDate(2025, 11, 1), Unit: "DPMPTSP"}, {Date: NewDate(2025, 12, 2), Unit: "Dinas Kominfo"},
		{Date: NewDate(2026, 5, 2), Unit: "Dinas Kominfo"},
	} {
		m.Activity = "Evaluasi"
		a.Monitoring = append(a.Monitoring, m)
	}
	if got := a.MonevOpenRound(p); got != NewDate(2026, 6, 30) {
		t.Errorf("open from %v, want 30 June 2026 (DPMPTSP)", got)
	}
	// The Summary keeps it and says when it is overdue.
	sum := Summarize(&a, 0, fixture().Party)
	if sum.MonevDue != NewDate(2026, 6, 30) || sum.MonevOverdue(time.Date(2026, 6, 30, 9, 0, 0, 0, time.UTC)) ||
		!sum.MonevOverdue(time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("summary %v", sum.MonevDue)
	}
	if due := a.MonevDue(p, time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC)); len(due) != 1 || due[0].To != sum.MonevDue {
		t.Errorf("MonevDue the day after %+v", due)
	}
	// Every round until the end recorded: nothing open.
	for _, m := range []Monitoring{{Date: NewDate(2026, 6, 1), Unit: "DPMPTSP"}, {Date: NewDate(2026, 7, 1), Unit: "DPMPTSP"},
		{Date: NewDate(2026, 8, 1), Unit: "Dinas Kominfo"}, {Date: NewDate(2027, 1, 5), Unit: "DPMPTSP"}, {Date: NewDate(2027, 2, 5), Unit: "Dinas Kominfo"}} {
		m.Activity = "Evaluasi"
		a.Monitoring = append(a.Monitoring, m)
	}
	if got := a.MonevOpenRound(p); !got.IsZero() {
		t.Errorf("all recorded: open from %v", got)
	}
	// Four rounds a year under the office's procedure, read from its party.
	a.Monitoring = nil
	dir := fixture()
	own := dir.parties[1]
	own.Procedure = &Procedure{MonevPerYear: 4}
	dir.parties[1] = own
	if got := a.MonevOpenRound(a.ProcedureOf(dir.Party)); got != NewDate(2025, 3, 31) {
		t.Errorf("quarters: open from %v", got)
	}
	if sum := Summarize(&a, 0, dir.Party); sum.MonevDue != NewDate(2025, 3, 31) {
		t.Errorf("summary under the office's procedure: %v", sum.MonevDue)
	}
	// A draft owes nothing.
	a.Status = StatusKonsep
	if got := a.MonevOpenRound(p); !got.IsZero() || Summarize(&a, 0, dir.Party).MonevDue.Valid() {
		t.Errorf("a draft is open from %v", got)
	}
}

func TestWaitingForDPRDAndCopiesOverdue(t *testing.T) {
	a := ksb()
	if a.WaitingForDPRD() {
		t.Error("unanswered questions wait for the DPRD")
	}
	a.DPRD = DPRDApproval{Burdens: AnswerNo, OutsideBudget: AnswerYes}
	if !a.WaitingForDPRD() || !Summarize(&a, 0, fixture().Party).DPRDWaiting {
		t.Error("funding outside the APBD does not wait for the DPRD")
	}
	a.DPRD.Number, a.DPRD.Date = "172/07/DPRD/2025", NewDate(2025, 6, 1)
	if a.WaitingForDPRD() {
		t.Error("approved and still waiting")
	}
	a.DPRD.Number = ""
	a.Status = StatusDibatalkan
	if a.WaitingForDPRD() {
		t.Error("a cancelled agreement waits for the DPRD")
	}

	b := ksb()
	b.Status, b.Copies = StatusDitandatangani, 2
	b.Signing = &Signing{Date: NewDate(2025, 7, 4), Place: "Sumedang"}
	sum := Summarize(&b, 0, fixture().Party)
	p := DefaultProcedure()
	for _, c := range []struct {
		day  time.Time
		want bool
	}{{time.Date(2025, 8, 3, 9, 0, 0, 0, time.UTC), false}, {time.Date(2025, 8, 4, 9, 0, 0, 0, time.UTC), true}} {
		if got := sum.CopiesOverdue(p, c.day); got != c.want || got != b.IncompleteAt(p, c.day) {
			t.Errorf("%v: overdue %v, want %v (IncompleteAt %v)", c.day, got, c.want, b.IncompleteAt(p, c.day))
		}
	}
	for _, c := range b.Checklist() {
		c.Paraf, c.Meterai, c.Stempel, c.Exchanged, c.Scanned = true, true, true, true, true
		b.Signing.Checklist = append(b.Signing.Checklist, c)
	}
	if sum = Summarize(&b, 0, fixture().Party); !sum.CopiesDone || sum.CopiesOverdue(p, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("finished copies: done %v", sum.CopiesDone)
	}
}

func TestRecommendationWords(t *testing.T) {
	for _, r := range Recommendations {
		if r.Label() == "" || r.Label() == RecBelumDinilai.Label() {
			t.Errorf("%q has no words", r)
		}
	}
	if !RecAkhiri.Flagged() || !RecPerpanjang.Flagged() || RecLanjut.Flagged() || RecUbah.Flagged() || RecBelumDinilai.Flagged() {
		t.Error("only akhiri and perpanjang show in the register")
	}
}

// An agreement imported from an old register while in force owes the monev
// rounds that end after it came in, not the years before, and no originals.
func TestImportedOwesFromItsImport(t *testing.T) {
	a := ksb()
	a.Status = StatusDitandatangani
	a.Signing = &Signing{Date: NewDate(2021, 3, 10), Place: "Sumedang"}
	a.Term = Term{Length: 10, Unit: UnitTahun, Start: NewDate(2021, 3, 10)}
	a.Implementers = []string{"DPMPTSP"}
	p := DefaultProcedure()
	jan := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	if due := a.MonevDue(p, jan); len(due) != 10 {
		t.Fatalf("kept here from the start: %d rounds overdue, want the 10 of 2021–2025", len(due))
	}
	a.Imported = &Imported{Source: "daftar lama.xlsx", Row: 4, At: NewDate(2025, 9, 15)}
	due := a.MonevDue(p, jan)
	if len(due) != 1 || due[0].From != NewDate(2025, 7, 1) || due[0].To != NewDate(2025, 12, 31) {
		t.Errorf("imported on 15 September 2025: %+v, want only the round ending 31 December 2025", due)
	}
	sum := Summarize(&a, 0, fixture().Party)
	if sum.MonevDue != NewDate(2025, 12, 31) || !sum.CopiesDone || a.IncompleteAt(p, jan) {
		t.Errorf("summary: monev due %v, copies done %v, incomplete %v", sum.MonevDue, sum.CopiesDone, a.IncompleteAt(p, jan))
	}
}
