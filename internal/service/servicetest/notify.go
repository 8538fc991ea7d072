package servicetest

import (
	"testing"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

// testChanges: every registry record saved is told to every subscriber, after
// the save committed and outside the backend's locks (the subscriber reads the
// record back from inside its notice); a refused save tells nothing, and a
// cancelled subscriber hears no more.
func testChanges(t *testing.T, c Config) {
	s := fresh(t, c)
	var first, second []service.Change
	var readBack []string
	cancelFirst := s.Subscribe(func(ch service.Change) {
		first = append(first, ch)
		switch ch.Registry {
		case service.RegistryParties:
			p, err := s.Party(ch.ID)
			readBack = append(readBack, p.Name+errText(err))
		case service.RegistryOfficials:
			o, err := s.Official(ch.ID)
			readBack = append(readBack, o.Name+errText(err))
		case service.RegistryMandates:
			m, err := s.Mandate(ch.ID)
			readBack = append(readBack, m.Number+errText(err))
		}
	})
	defer s.Subscribe(func(ch service.Change) { second = append(second, ch) })()

	w := SeedWorld(t, s)
	want := []service.Change{
		{Registry: service.RegistryParties, ID: w.Sumedang.ID}, {Registry: service.RegistryParties, ID: w.Lamsel.ID},
		{Registry: service.RegistryOfficials, ID: w.BupatiSmd.ID}, {Registry: service.RegistryOfficials, ID: w.BupatiLs.ID},
		{Registry: service.RegistryOfficials, ID: w.KadisSmd.ID}, {Registry: service.RegistryOfficials, ID: w.KadisLs.ID},
		{Registry: service.RegistryMandates, ID: w.KuasaSmd.ID}, {Registry: service.RegistryMandates, ID: w.KuasaLs.ID},
	}
	if !sameChanges(first, want) || !sameChanges(second, want) {
		t.Fatalf("notices:\n first %+v\nsecond %+v\n  want %+v", first, second, want)
	}
	wantRead := []string{w.Sumedang.Name, w.Lamsel.Name, w.BupatiSmd.Name, w.BupatiLs.Name, w.KadisSmd.Name, w.KadisLs.Name, w.KuasaSmd.Number, w.KuasaLs.Number}
	for i, r := range readBack {
		if i >= len(wantRead) || r != wantRead[i] {
			t.Fatalf("read back inside the notices: %q, want %q", readBack, wantRead)
		}
	}

	// A refused save tells nothing.
	bad := agreement.Official{PartyID: w.Lamsel.ID}
	if err := s.SaveOfficial(&bad); err == nil {
		t.Fatal("an official without a name was saved")
	}
	if len(first) != len(want) {
		t.Errorf("a refused save was told: %+v", first[len(want):])
	}

	// A change to a record is told as well; a cancelled subscriber hears no more.
	cancelFirst()
	w.KadisLs.Jabatan = "Kepala Dinas Komunikasi dan Informatika Kabupaten Lampung Selatan"
	must(t, s.SaveOfficial(&w.KadisLs))
	if len(first) != len(want) {
		t.Errorf("a cancelled subscriber was told %+v", first[len(want):])
	}
	if last := second[len(second)-1]; len(second) != len(want)+1 || last != (service.Change{Registry: service.RegistryOfficials, ID: w.KadisLs.ID}) {
		t.Errorf("the change of an official: %+v", second[len(want):])
	}

	// Examples loaded change every registry at once.
	must(t, s.LoadExamples())
	if last := second[len(second)-1]; last.Registry != service.RegistryAll || !last.Affects(service.RegistryMandates) {
		t.Errorf("examples loaded told %+v", last)
	}
}

func sameChanges(a, b []service.Change) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func errText(err error) string {
	if err != nil {
		return " (" + err.Error() + ")"
	}
	return ""
}
