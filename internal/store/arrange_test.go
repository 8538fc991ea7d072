package store

import (
	"slices"
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
	"sepakat/internal/service"
)

func TestArrangeFiltersAndSorts(t *testing.T) {
	s, _ := openTemp(t)
	if err := s.LoadExamples(); err != nil {
		t.Fatal(err)
	}
	arrange := func(a service.Arrangement) []agreement.ID {
		t.Helper()
		ids, err := s.Arrange(a)
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}
	if got := arrange(service.Arrangement{}); len(got) != 3 {
		t.Fatalf("all: %v", got)
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
	if got := arrange(service.Arrangement{Sort: service.SortPartner}); got[len(got)-1] != 1 {
		t.Errorf("by partner, Lampung Timur last: %v", got)
	}
	ch, err := s.Choices()
	if err != nil {
		t.Fatal(err)
	}
	if len(ch.Years) == 0 || len(ch.Partners) != 2 || len(ch.Implementers) == 0 {
		t.Fatalf("choices %+v", ch)
	}
	lt := ch.Partners[0] // Kabupaten Lampung Selatan, then Timur
	if got := arrange(service.Arrangement{Filter: agreement.Filter{Party: lt.ID}}); len(got) != 2 {
		t.Errorf("partner %s: %v", lt.Name, got)
	}
	im := ch.Implementers[0]
	got := arrange(service.Arrangement{Filter: agreement.Filter{Implementer: im}})
	if len(got) == 0 {
		t.Fatalf("implementer %q found nothing", im)
	}
	sums, err := s.Summaries(got)
	if err != nil {
		t.Fatal(err)
	}
	for _, sum := range sums {
		if !slices.ContainsFunc(sum.Implementers, func(x string) bool { return string(search.ImplementerKey(x)) == string(search.ImplementerKey(im)) }) {
			t.Errorf("%d lacks %q: %v", sum.ID, im, sum.Implementers)
		}
	}
	if got := arrange(service.Arrangement{Filter: agreement.Filter{Year: ch.Years[0], Status: agreement.StatusKonsep}}); len(got) != 0 {
		t.Errorf("no draft: %v", got)
	}
	if _, err := s.Summaries([]agreement.ID{99}); err == nil {
		t.Error("a missing agreement gave no error")
	}
}
