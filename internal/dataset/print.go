package dataset

// ActionPrint is the history action of an export of an agreement's document.
const ActionPrint = "cetak"

// Print is what one export of an agreement's document printed: the code and
// the text fingerprint on every page, the revision, whether it carried the
// KONSEP watermark, and a short hash of each part of the text, so that a later
// verification can name the parts changed since.
type Print struct {
	Code        string      `json:"code"`
	Fingerprint string      `json:"fingerprint"`
	Rev         uint64      `json:"rev"`
	Draft       bool        `json:"draft,omitempty"`
	Parts       []PartPrint `json:"parts,omitempty"`
}

// PartPrint is the hash of one part of a printed text: Part is "title",
// "opening", "komparisi", "premises", "legal", "closing", "signatures",
// "witnesses", or a section's label as printed ("Pasal 3", "BAB II").
type PartPrint struct {
	Part string `json:"part"`
	Hash string `json:"hash"`
}
