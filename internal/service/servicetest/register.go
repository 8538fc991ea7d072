package servicetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

// listAll follows a list view's pages to the end.
func listAll(t *testing.T, s service.Register, q service.Query) []agreement.ID {
	t.Helper()
	var out []agreement.ID
	for pages := 0; ; pages++ {
		p, err := s.List(q)
		must(t, err)
		if len(p.Items) > q.Limit && q.Limit > 0 {
			t.Fatalf("page of %d items, limit %d", len(p.Items), q.Limit)
		}
		out = append(out, ids(p.Items)...)
		if p.Next == nil || pages > 1000 {
			return out
		}
		q.After = p.Next
	}
}

func testRegister(t *testing.T, c Config) {
	t.Run("ListOrdersAndPages", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		lamtim := agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Lampung Timur", RegionCode: "18.07"}
		must(t, s.SaveParty(&lamtim))
		const n = 61
		var all []agreement.ID
		for i := 0; i < n; i++ {
			a := w.KSB(fmt.Sprintf("Kerja sama nomor %d", i))
			if i%3 == 0 {
				a.Parties[0].PartyID, a.Parties[0].SignerID = lamtim.ID, 0
			}
			start := agreement.NewDate(2020+i%6, time.Month(1+i%12), 1)
			a.Term = agreement.Term{Length: 1 + i%5, Unit: agreement.UnitTahun, Start: start}
			a.Term.End = a.Term.EndFor(start)
			must(t, s.SaveAgreement(&a))
			all = append(all, a.ID)
		}
		if got := total(t, s); got != n {
			t.Fatalf("total %d, want %d", got, n)
		}
		// Newest change first, across pages of 25.
		seen := listAll(t, s, service.Query{Limit: 25})
		want := slices.Clone(all)
		slices.Reverse(want)
		if !slices.Equal(seen, want) {
			t.Fatalf("by change across pages: %v", seen)
		}
		// A change moves an agreement to the front, once.
		first, _ := s.Agreement(all[0])
		for i := 0; i < 3; i++ {
			first.Notes = fmt.Sprint("catatan ", i)
			must(t, s.SaveAgreement(&first))
		}
		seen = listAll(t, s, service.Query{Limit: 7})
		if len(seen) != n || seen[0] != all[0] || seen[1] != all[n-1] {
			t.Fatalf("after a change: %d items, first %v", len(seen), seen[:2])
		}
		byParty := listAll(t, s, service.Query{Order: service.ByParty, Party: lamtim.ID, Limit: 10})
		if len(byParty) != 21 {
			t.Errorf("by party: %d, want 21", len(byParty))
		}
		if !slices.IsSortedFunc(byParty, func(a, b agreement.ID) int { return int(b) - int(a) }) {
			t.Errorf("by party not newest first: %v", byParty)
		}
		p, _ := s.List(service.Query{Order: service.ByParty, Party: lamtim.ID, Limit: 100})
		for _, it := range p.Items {
			if it.Partners() != "Pemerintah Kabupaten Lampung Timur" {
				t.Errorf("partner %q", it.Partners())
			}
		}
		from := agreement.NewDate(2026, 1, 1)
		p, _ = s.List(service.Query{Order: service.ByEnd, EndFrom: from, Limit: 500})
		if len(p.Items) == 0 || p.Items[0].End.Before(from) {
			t.Error("by end ignored EndFrom")
		}
		for i := 1; i < len(p.Items); i++ {
			if p.Items[i].End.Before(p.Items[i-1].End) {
				t.Fatal("by end not ascending")
			}
		}
		ended := 0
		for _, id := range all {
			a, _ := s.Agreement(id)
			if a.Term.End.Before(from) {
				ended++
			}
		}
		if len(p.Items) != n-ended {
			t.Errorf("by end from %s: %d, want %d", from, len(p.Items), n-ended)
		}
		p, _ = s.List(service.Query{Order: service.ByYear, Year: 2023, Limit: 500})
		for _, it := range p.Items {
			if it.Year != 2023 {
				t.Errorf("year %d in the 2023 list", it.Year)
			}
		}
		if len(p.Items) != 10 {
			t.Errorf("year 2023: %d, want 10", len(p.Items))
		}
		if got := listAll(t, s, service.Query{Order: service.ByStatus, Status: agreement.StatusKonsep, Limit: 20}); len(got) != n {
			t.Errorf("by status: %d", len(got))
		}
		if p, _ := s.List(service.Query{Order: service.ByStatus, Status: agreement.StatusTelaah}); len(p.Items) != 0 || p.Next != nil {
			t.Errorf("empty status list: %+v", p)
		}
		if got := listAll(t, s, service.Query{Order: service.ByKind, Kind: agreement.KindKSB, Limit: 30}); len(got) != n {
			t.Errorf("by kind KSB: %d", len(got))
		}
		if p, _ := s.List(service.Query{Order: service.ByKind, Kind: agreement.KindPKS}); len(p.Items) != 0 {
			t.Errorf("PKS list has %d", len(p.Items))
		}
		// The default page holds 50.
		if p, _ := s.List(service.Query{}); len(p.Items) != 50 || p.Next == nil {
			t.Errorf("default page: %d items, next %v", len(p.Items), p.Next != nil)
		}
		// Reindex gives the same lists.
		before, _ := s.List(service.Query{Limit: 500})
		must(t, s.Reindex(context.Background()))
		after, _ := s.List(service.Query{Limit: 500})
		if fmt.Sprint(before.Items) != fmt.Sprint(after.Items) {
			t.Error("reindex changed the list")
		}
		d, err := s.Dashboard(time.Date(2025, 7, 2, 0, 0, 0, 0, time.UTC))
		must(t, err)
		if d.Counts[agreement.StatusKonsep] != n || d.Counts[agreement.StatusDitandatangani] != 0 {
			t.Errorf("counts %v", d.Counts)
		}
	})

	t.Run("ListByParent", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		ksb := w.KSB("Induk")
		must(t, s.SaveAgreement(&ksb))
		Sign(t, s, &ksb, agreement.NewDate(2025, 7, 4))
		var kids []agreement.ID
		for i := 0; i < 3; i++ {
			pks, err := agreement.NewChild(&ksb, agreement.KindPKS, time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC))
			must(t, err)
			pks.Subject = fmt.Sprint("Turunan ", i)
			pks.Parties[0].SignerID, pks.Parties[0].MandateID = w.KadisLs.ID, w.KuasaLs.ID
			pks.Parties[1].SignerID, pks.Parties[1].MandateID = w.KadisSmd.ID, w.KuasaSmd.ID
			must(t, s.SaveAgreement(&pks))
			kids = append(kids, pks.ID)
		}
		if got := listAll(t, s, service.Query{Order: service.ByParent, Parent: ksb.ID, Limit: 2}); !slices.Equal(got, kids) {
			t.Errorf("children oldest first: %v, want %v", got, kids)
		}
		sums, _ := s.Summaries([]agreement.ID{ksb.ID})
		if sums[0].Children != 3 {
			t.Errorf("parent counts %d children", sums[0].Children)
		}
	})

	t.Run("ArrangeAndChoices", func(t *testing.T) {
		s := withExamples(t, c)
		arrange := func(a service.Arrangement) []agreement.ID {
			t.Helper()
			ids, err := s.Arrange(a)
			must(t, err)
			return ids
		}
		// Last changed: 1 on 16 September 2025, 3 and 2 on 4 July 2025 at 16:00 and 15:30.
		if got := arrange(service.Arrangement{}); !slices.Equal(got, []agreement.ID{1, 3, 2}) {
			t.Fatalf("all, newest first: %v", got)
		}
		if got := arrange(service.Arrangement{Desc: true}); !slices.Equal(got, []agreement.ID{2, 3, 1}) {
			t.Errorf("all, oldest first: %v", got)
		}
		if got := arrange(service.Arrangement{Filter: agreement.Filter{Kind: agreement.KindKSB}, Sort: service.SortSubject}); !slices.Equal(got, []agreement.ID{2, 1}) {
			t.Errorf("KSB by subject (Berbagi…, Percepatan…): %v", got)
		}
		if got := arrange(service.Arrangement{Filter: agreement.Filter{Kind: agreement.KindKSB}, Sort: service.SortSubject, Desc: true}); !slices.Equal(got, []agreement.ID{1, 2}) {
			t.Errorf("descending: %v", got)
		}
		if got := arrange(service.Arrangement{Sort: service.SortEnd}); !slices.Equal(got, []agreement.ID{3, 2, 1}) {
			t.Errorf("by end (2026, July 2030, September 2030): %v", got)
		}
		if got := arrange(service.Arrangement{Sort: service.SortKind}); !slices.Equal(got, []agreement.ID{1, 2, 3}) {
			t.Errorf("by kind (KSB before PKS): %v", got)
		}
		if got := arrange(service.Arrangement{Sort: service.SortPartner}); len(got) != 3 || got[len(got)-1] != 1 {
			t.Errorf("by partner, Lampung Timur last: %v", got)
		}
		if got := arrange(service.Arrangement{Filter: agreement.Filter{Kind: agreement.KindPKS}}); !slices.Equal(got, []agreement.ID{3}) {
			t.Errorf("PKS: %v", got)
		}
		ch, err := s.Choices()
		must(t, err)
		if len(ch.Years) == 0 || len(ch.Partners) != 2 || len(ch.Implementers) == 0 {
			t.Fatalf("choices %+v", ch)
		}
		if !slices.IsSortedFunc(ch.Years, func(a, b int) int { return b - a }) {
			t.Errorf("years not newest first: %v", ch.Years)
		}
		if !strings.Contains(ch.Partners[0].Name, "Selatan") || !strings.Contains(ch.Partners[1].Name, "Timur") {
			t.Errorf("partners by name: %+v", ch.Partners)
		}
		for _, p := range ch.Partners {
			if p.Own || strings.Contains(p.Name, "Sumedang") {
				t.Errorf("our office offered as a partner: %+v", p)
			}
		}
		ls := ch.Partners[0]
		if got := arrange(service.Arrangement{Filter: agreement.Filter{Party: ls.ID}}); len(got) != 2 {
			t.Errorf("partner %s: %v", ls.Name, got)
		}
		for _, im := range ch.Implementers {
			got := arrange(service.Arrangement{Filter: agreement.Filter{Implementer: im}})
			if len(got) == 0 {
				t.Fatalf("implementer %q found nothing", im)
			}
			// The perangkat daerah matches whatever its case.
			if up := arrange(service.Arrangement{Filter: agreement.Filter{Implementer: strings.ToUpper(im)}}); !slices.Equal(up, got) {
				t.Errorf("implementer %q in capitals: %v, want %v", im, up, got)
			}
			sums, err := s.Summaries(got)
			must(t, err)
			for _, sum := range sums {
				if !slices.ContainsFunc(sum.Implementers, func(x string) bool { return strings.EqualFold(strings.Join(strings.Fields(x), " "), im) }) {
					t.Errorf("%d lacks %q: %v", sum.ID, im, sum.Implementers)
				}
			}
		}
		if got := arrange(service.Arrangement{Filter: agreement.Filter{Year: ch.Years[0], Status: agreement.StatusKonsep}}); len(got) != 0 {
			t.Errorf("no draft: %v", got)
		}
		if got := arrange(service.Arrangement{Filter: agreement.Filter{Implementer: "Dinas Yang Tidak Ada"}}); len(got) != 0 {
			t.Errorf("unknown implementer: %v", got)
		}
	})

	t.Run("ArrangeSorts", func(t *testing.T) {
		s := fresh(t, c)
		w := SeedWorld(t, s)
		save := func(subject, own string, end agreement.Date, status agreement.Status) agreement.ID {
			t.Helper()
			a := w.KSB(subject)
			a.Parties[1].Number = own
			a.Term = agreement.Term{Start: agreement.NewDate(2025, 7, 4), End: end}
			must(t, s.SaveAgreement(&a))
			if status == agreement.StatusTelaah {
				a.Status = status
				must(t, s.SaveAgreement(&a))
			}
			return a.ID
		}
		a := save("Ćendana", "2/MoU/2025", agreement.NewDate(2027, 1, 1), agreement.StatusTelaah)
		b := save("anggrek", "10/MoU/2025", agreement.Date{}, agreement.StatusKonsep)
		c2 := save("Bakung", "1/MoU/2025", agreement.NewDate(2026, 1, 1), agreement.StatusKonsep)
		d := save("Dahlia", "3/MoU/2025", agreement.Date{}, agreement.StatusTelaah)
		for _, tc := range []struct {
			name string
			a    service.Arrangement
			want []agreement.ID
		}{
			{"changed", service.Arrangement{}, []agreement.ID{d, c2, b, a}},
			{"changed, oldest first", service.Arrangement{Desc: true}, []agreement.ID{a, b, c2, d}},
			// Case and diacritics do not count.
			{"subject", service.Arrangement{Sort: service.SortSubject}, []agreement.ID{b, c2, a, d}},
			{"subject, descending", service.Arrangement{Sort: service.SortSubject, Desc: true}, []agreement.ID{d, a, c2, b}},
			// Numbers sort as text.
			{"number", service.Arrangement{Sort: service.SortNumber}, []agreement.ID{c2, b, a, d}},
			// In life-cycle order, then by ID.
			{"status", service.Arrangement{Sort: service.SortStatus}, []agreement.ID{b, c2, a, d}},
			// Those without an end follow, newest first, whichever the direction.
			{"end", service.Arrangement{Sort: service.SortEnd}, []agreement.ID{c2, a, d, b}},
			{"end, descending", service.Arrangement{Sort: service.SortEnd, Desc: true}, []agreement.ID{a, c2, d, b}},
			{"status filter", service.Arrangement{Filter: agreement.Filter{Status: agreement.StatusTelaah}, Sort: service.SortSubject}, []agreement.ID{a, d}},
		} {
			got, err := s.Arrange(tc.a)
			must(t, err)
			if !slices.Equal(got, tc.want) {
				t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
			}
		}
	})

	t.Run("ArrangePhases", func(t *testing.T) {
		// The clock starts on 1 July 2025. The register's status column shows
		// a signed agreement's phase; the filter selects the same words.
		s := fresh(t, c)
		w := SeedWorld(t, s)
		d := agreement.NewDate
		ended := signedEnding(t, s, w, "Pengelolaan Sampah Regional", d(2020, 1, 10), d(2024, 12, 31))
		soon := signedEnding(t, s, w, "Pengelolaan Sampah Pasar", d(2024, 1, 2), d(2025, 8, 15))
		inForce := signedEnding(t, s, w, "Pengelolaan Sampah Terpadu", d(2025, 1, 2), d(2030, 1, 1))
		open := signedEnding(t, s, w, "Pengelolaan Sampah Medis", d(2025, 2, 3), agreement.Date{})
		later := w.KSB("Pengelolaan Sampah Sungai")
		later.Term = agreement.Term{Start: d(2025, 9, 1), End: d(2027, 8, 31)}
		must(t, s.SaveAgreement(&later))
		Sign(t, s, &later, d(2025, 6, 20))
		draft := w.KSB("Pengelolaan Sampah Desa")
		must(t, s.SaveAgreement(&draft))
		sorted := func(ids ...agreement.ID) []agreement.ID { slices.Sort(ids); return ids }
		for _, tc := range []struct {
			f    agreement.Filter
			want []agreement.ID
		}{
			{agreement.Filter{Phase: agreement.PhaseBerakhir}, sorted(ended.ID)},
			{agreement.Filter{Phase: agreement.PhaseAkanBerakhir}, sorted(soon.ID)},
			{agreement.Filter{Phase: agreement.PhaseBerlaku}, sorted(inForce.ID, open.ID)},
			{agreement.Filter{Phase: agreement.PhaseDitandatangani}, sorted(later.ID)},
			{agreement.Filter{Phase: agreement.PhaseKonsep}, sorted(draft.ID)},
			{agreement.Filter{Phase: agreement.PhaseDibatalkan}, nil},
			{agreement.Filter{Status: agreement.StatusDitandatangani}, sorted(ended.ID, soon.ID, inForce.ID, open.ID, later.ID)},
			{agreement.Filter{Phase: agreement.PhaseBerlaku, Kind: agreement.KindPKS}, nil},
		} {
			got, err := s.Arrange(service.Arrangement{Filter: tc.f, Sort: service.SortEnd})
			must(t, err)
			if slices.Sort(got); !slices.Equal(got, tc.want) {
				t.Errorf("arrange %+v: %v, want %v", tc.f, got, tc.want)
			}
			// Search filters the same way.
			found := searchIDs(t, s, "sampah", tc.f)
			if slices.Sort(found); !slices.Equal(found, tc.want) && !(len(found) == 0 && len(tc.want) == 0) {
				t.Errorf("search %+v: %v, want %v", tc.f, found, tc.want)
			}
		}
	})

	t.Run("ArrangeEndingWithin", func(t *testing.T) {
		// The clock starts on 1 July 2025: agreement 3 (ends 2026) is within 400
		// days, the others (2030) are not.
		s := withExamples(t, c)
		got, err := s.Arrange(service.Arrangement{Filter: agreement.Filter{EndsWithin: 400}, Sort: service.SortEnd})
		must(t, err)
		if !slices.Equal(got, []agreement.ID{3}) {
			sums, _ := s.Summaries([]agreement.ID{1, 2, 3})
			for _, sum := range sums {
				t.Logf("%d ends %s", sum.ID, sum.End)
			}
			t.Errorf("ending within 400 days: %v", got)
		}
	})

	t.Run("Summaries", func(t *testing.T) {
		s := withExamples(t, c)
		sums, err := s.Summaries([]agreement.ID{3, 1})
		must(t, err)
		if len(sums) != 2 || sums[0].ID != 3 || sums[1].ID != 1 {
			t.Fatalf("summaries in the order asked: %v", ids(sums))
		}
		pks := sums[0]
		if pks.Kind != agreement.KindPKS || pks.ParentID != 2 || pks.Status != agreement.StatusDitandatangani || pks.OwnNumber == "" || pks.PartnerNumber == "" || !pks.Signed.Valid() {
			t.Errorf("PKS summary %+v", pks)
		}
		if len(pks.Parties) != 2 || pks.Partners() == "" || strings.Contains(pks.Partners(), "Sumedang") {
			t.Errorf("PKS parties %+v", pks.Parties)
		}
		parent, _ := s.Summaries([]agreement.ID{2})
		if parent[0].Children != 1 {
			t.Errorf("KSB with a PKS counts %d children", parent[0].Children)
		}
		if sums[1].FollowUps == 0 {
			t.Errorf("MoU with a follow-up counts none: %+v", sums[1])
		}
		if sums, err := s.Summaries(nil); err != nil || len(sums) != 0 {
			t.Errorf("no IDs: %v %v", sums, err)
		}
		if _, err := s.Summaries([]agreement.ID{1, 99}); !errors.Is(err, service.ErrNotFound) {
			t.Errorf("a missing agreement: %v", err)
		}
	})
}
