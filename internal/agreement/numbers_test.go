package agreement

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// A record stored before one number per party: the numbers typed at signing
// become the parties' where they had none, the rangkap typed there the
// agreement's, and what is written again keeps one of each.
func TestLegacySigningNumbersFold(t *testing.T) {
	old := `{"id":7,"kind":"KSB","status":"ditandatangani","copies":2,
		"parties":[{"party_id":2,"role":"pihak_pertama","own":true,"number":"1/KSB.100.3-Setda.KS/2026"},
		           {"party_id":1,"role":"pihak_kedua","number":"........../2026"},
		           {"party_id":3,"role":"pihak_ketiga","number":"3/X/2026"}],
		"signing":{"date":"2026-03-05","place":"Purwokerto","numbers":["99/LAIN/2026","130/021/KS/III/2026","........"],"copies":3,"meterai":2}}`
	var a Agreement
	if err := json.Unmarshal([]byte(old), &a); err != nil {
		t.Fatal(err)
	}
	Fold(&a)
	want := []string{"1/KSB.100.3-Setda.KS/2026", "130/021/KS/III/2026", "3/X/2026"}
	for i, n := range a.Numbers() {
		if n != want[i] {
			t.Errorf("party %d number %q, want %q", i, n, want[i])
		}
	}
	if a.Copies != 3 || a.Signing.Meterai != 2 || a.Signing.Place != "Purwokerto" || a.Signing.Date != NewDate(2026, 3, 5) {
		t.Errorf("copies %d signing %+v", a.Copies, a.Signing)
	}
	if a.PartnerNumber() != "130/021/KS/III/2026" {
		t.Errorf("partner number %q", a.PartnerNumber())
	}
	out, err := json.Marshal(&a)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), `"numbers"`) || strings.Count(string(out), `"copies"`) != 1 {
		t.Errorf("written again with a second place for numbers or copies: %s", out)
	}
	var b Agreement
	err = json.Unmarshal(out, &b)
	Fold(&b)
	if err != nil || b.Copies != 3 || b.PartnerNumber() != "130/021/KS/III/2026" {
		t.Errorf("read back %+v %v", b, err)
	}
}

// After signing, a number the original did not carry may be entered; one it
// carried may not change.
func TestSignedNumberOpenUntilGiven(t *testing.T) {
	prev := ksb()
	prev.ID, prev.Status = 5, StatusDitandatangani
	prev.Signing = &Signing{Date: NewDate(2026, 3, 5), Place: "Purwokerto"}
	prev.Parties[0].Number = "130/021/KS/III/2026" // the partner's, printed
	prev.Parties[1].Number = "…………"                // ours: dots, by hand

	next := prev
	next.Parties = append([]AgreementParty(nil), prev.Parties...)
	next.Parties[1].Number = "1/KSB.100.3-Setda.KS/2026"
	if es := CheckLocked(&prev, &next); len(es) > 0 {
		t.Errorf("own number entered after signing refused: %v", es)
	}
	kept := next
	kept.Parties = append([]AgreementParty(nil), next.Parties...)
	kept.KeepLocked(&prev)
	if kept.OwnNumber() != "1/KSB.100.3-Setda.KS/2026" {
		t.Errorf("KeepLocked dropped the number entered: %q", kept.OwnNumber())
	}

	next.Parties[0].Number = "130/022/KS/III/2026"
	if es := CheckLocked(&prev, &next); len(es.For("parties")) != 1 {
		t.Errorf("printed partner number changed after signing: %v", es)
	}
	kept = next
	kept.Parties = append([]AgreementParty(nil), next.Parties...)
	kept.KeepLocked(&prev)
	if kept.PartnerNumber() != "130/021/KS/III/2026" {
		t.Errorf("KeepLocked let the printed number change: %q", kept.PartnerNumber())
	}

	// A number left open may be entered, not another party put in its place.
	swapped := prev
	swapped.Parties = append([]AgreementParty(nil), prev.Parties...)
	swapped.Parties[1].PartyID, swapped.Parties[1].Number = 9, "1/KSB/2026"
	if es := CheckLocked(&prev, &swapped); len(es.For("parties")) != 1 {
		t.Errorf("party changed with its number: %v", es)
	}
}

// A child cites its parent by every party's number, whichever tab the user
// typed it in, also for a parent stored before the numbers were one.
func TestChildCitesEveryNumber(t *testing.T) {
	old := `{"id":1,"kind":"KSB","status":"ditandatangani","subject":"Pariwisata","copies":2,
		"parties":[{"party_id":1,"role":"pihak_pertama","own":true,"number":"1/KSB.100.3-Setda.KS/2026"},
		           {"party_id":2,"role":"pihak_kedua"}],
		"term":{"length":5,"unit":"tahun","start":"2026-03-05","end":"2031-03-04"},
		"signing":{"date":"2026-03-05","place":"Purwokerto","numbers":["","130/021/KS/III/2026"]}}`
	var p Agreement
	if err := json.Unmarshal([]byte(old), &p); err != nil {
		t.Fatal(err)
	}
	Fold(&p)
	for _, k := range []Kind{KindPKS, KindAdendum, KindPerpanjangan} {
		c, err := NewChild(&p, k, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(c.Parent.Numbers, "; "); got != "1/KSB.100.3-Setda.KS/2026; 130/021/KS/III/2026" {
			t.Errorf("%s cites %q", k, got)
		}
	}
}

// A draft child started before its parent had our number cites it once the
// parent has it; a signed child keeps what it was signed with.
func TestRefreshCitationFillsNumbersGivenSince(t *testing.T) {
	p := ksb()
	p.ID, p.Status = 1, StatusDitandatangani
	p.Signing = &Signing{Date: NewDate(2026, 3, 5), Place: "Purwokerto"}
	p.Parties[0].Number = "130/021/KS/III/2026"
	c, err := NewChild(&p, KindPKS, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	p.Parties[1].Number = "1/KSB.100.3-Setda.KS/2026" // taken after the child was started
	before := c.Parent
	c.RefreshCitation(&p)
	if got := strings.Join(c.Parent.Numbers, "; "); got != "130/021/KS/III/2026; 1/KSB.100.3-Setda.KS/2026" {
		t.Errorf("draft cites %q", got)
	}
	if before.Numbers[1] != "" {
		t.Error("the citation was changed in place")
	}
	signed := c
	signed.Parent = before
	signed.Status = StatusDitandatangani
	signed.RefreshCitation(&p)
	if signed.Parent.Numbers[1] != "" {
		t.Errorf("a signed child's citation changed: %v", signed.Parent.Numbers)
	}
}

// A rangkap the signed record left open may be entered; one it has stays.
func TestSignedCopiesOpenUntilGiven(t *testing.T) {
	prev := ksb()
	prev.ID, prev.Status, prev.Copies = 5, StatusDitandatangani, 0
	prev.Signing = &Signing{Date: NewDate(2026, 3, 5), Place: "Purwokerto"}
	next := prev
	next.Copies = 3
	if es := CheckLocked(&prev, &next); len(es) > 0 {
		t.Errorf("rangkap entered after signing refused: %v", es)
	}
	if next.KeepLocked(&prev); next.Copies != 3 {
		t.Errorf("KeepLocked dropped the rangkap entered: %d", next.Copies)
	}
	prev.Copies = 2
	if es := CheckLocked(&prev, &next); len(es.For("copies")) != 1 {
		t.Errorf("printed rangkap changed after signing: %v", es)
	}
	if next.KeepLocked(&prev); next.Copies != 2 {
		t.Errorf("KeepLocked let the printed rangkap change: %d", next.Copies)
	}
}
