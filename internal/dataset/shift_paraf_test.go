package dataset

import (
	"slices"
	"testing"

	"sepakat/internal/agreement"
)

// The office's paraf hierarki names officials: a shifted dataset names the
// same officials under their new IDs.
func TestShiftMovesTheParafHierarki(t *testing.T) {
	pg := agreement.DefaultPageProfile()
	pg.ParafHierarki = []agreement.ID{2, 3}
	d := Dataset{
		Parties:   []agreement.Party{{ID: 1, Own: true, Page: &pg}},
		Officials: []agreement.Official{{ID: 2, PartyID: 1}, {ID: 3, PartyID: 1}},
	}
	d.Shift(Offsets{Party: 10, Official: 100})
	if got := d.Parties[0].Page.ParafHierarki; !slices.Equal(got, []agreement.ID{102, 103}) {
		t.Fatalf("paraf hierarki after shift: %v", got)
	}
	if d.Officials[0].ID != 102 || d.Parties[0].ID != 11 {
		t.Fatalf("records: %+v %+v", d.Parties[0], d.Officials[0])
	}
}
