package agreement

// Recommendations lists the recommendations a monev entry may give, in
// display order.
var Recommendations = []Recommendation{RecLanjut, RecUbah, RecPerpanjang, RecAkhiri}

// Label is the recommendation as the monev form and report say it.
func (r Recommendation) Label() string {
	switch r {
	case RecLanjut:
		return "Dilanjutkan"
	case RecUbah:
		return "Diubah"
	case RecPerpanjang:
		return "Diperpanjang"
	case RecAkhiri:
		return "Diakhiri"
	}
	return "Belum dinilai"
}

// Flagged reports whether the register should show the recommendation: an
// agreement the monev proposes to end or to extend.
func (r Recommendation) Flagged() bool { return r == RecAkhiri || r == RecPerpanjang }
