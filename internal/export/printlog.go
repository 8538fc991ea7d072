package export

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"strconv"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/naskah"
	"sepakat/internal/service"
)

// printOf is what an export of a (at revision rev) printed as d.
func printOf(d *naskah.Document, rev uint64) dataset.Print {
	return dataset.Print{Code: d.Code, Fingerprint: d.Fingerprint(), Rev: rev, Draft: d.Draft, Parts: partsOf(d)}
}

// partsOf hashes each part of d's text the way the fingerprint reads it
// (naskah.Document.Text), so that a changed part can be named later.
func partsOf(d *naskah.Document) []dataset.PartPrint {
	var out []dataset.PartPrint
	seen := map[string]int{}
	add := func(name string, part naskah.Document) {
		text := part.Text()
		if text == "" {
			return
		}
		if seen[name]++; seen[name] > 1 {
			name += " #" + strconv.Itoa(seen[name])
		}
		sum := sha256.Sum256([]byte(text))
		out = append(out, dataset.PartPrint{Part: name, Hash: hex.EncodeToString(sum[:])[:8]})
	}
	add("title", naskah.Document{Title: d.Title, Numbers: d.Numbers})
	add("opening", naskah.Document{Opening: d.Opening})
	add("komparisi", naskah.Document{Komparisi: d.Komparisi, Together: d.Together})
	add("premises", naskah.Document{PremisIntro: d.PremisIntro, Premises: d.Premises})
	add("legal", naskah.Document{LegalIntro: d.LegalIntro, LegalBases: d.LegalBases})
	add("agreed", naskah.Document{Agreement: d.Agreement})
	for _, s := range d.Body {
		add(s.Label, naskah.Document{Body: []naskah.Section{s}})
	}
	add("closing", naskah.Document{Closing: d.Closing})
	add("signatures", naskah.Document{Signatures: d.Signatures})
	add("witnesses", naskah.Document{Witnesses: d.Witnesses})
	return out
}

// PrintPDF is ExportPDF that also says what it printed, for the caller to
// record (RecordPrint) once the file is written.
func (p Printer) PrintPDF(ctx context.Context, id agreement.ID, w io.Writer, draft bool) (dataset.Print, error) {
	res, err := PDF(ctx, p.Src, id, w, Options{Draft: draft})
	return res.Print, err
}

// errNoPrintLog is a source that keeps no history: nothing to record in.
var errNoPrintLog = errors.New("export: the source keeps no print log")

// RecordPrint keeps pr in agreement id's history, when the source keeps one.
func (p Printer) RecordPrint(id agreement.ID, pr dataset.Print) error {
	log, ok := p.Src.(service.PrintLog)
	if !ok {
		return errNoPrintLog
	}
	return log.RecordPrint(id, pr)
}

var _ service.LoggedPrinter = Printer{}

// TextFingerprint is service.TextFingerprint with naskah: the fingerprint of
// a's text as its final copy prints, in the page settings of our office among
// a's parties; "" when it does not build.
func TextFingerprint(a *agreement.Agreement, src service.TextSource) string {
	lib, err := naskah.Shipped()
	if err != nil {
		return ""
	}
	var parties []agreement.Party
	for _, ap := range a.Parties {
		if p, err := src.Party(ap.PartyID); err == nil {
			parties = append(parties, p)
		}
	}
	d, err := naskah.Build(a, src, lib, naskah.OfficeOptions(parties))
	if err != nil {
		return ""
	}
	return d.Fingerprint()
}

var _ service.TextFingerprint = TextFingerprint
