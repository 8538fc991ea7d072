package service

import (
	"fmt"

	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
)

// ChainText says where a record's history chain breaks, in both languages,
// for check's report: "riwayat revisi 3 diubah setelah ditulis …".
func ChainText(b dataset.ChainBreak) i18n.Text {
	at := i18n.Text{ID: fmt.Sprintf("revisi %d", b.Entry.Rev), EN: fmt.Sprintf("revision %d", b.Entry.Rev)}
	if b.Entry.Seq > 0 {
		at = i18n.Text{ID: fmt.Sprintf("cetakan %d (revisi %d)", b.Entry.Seq, b.Entry.Rev), EN: fmt.Sprintf("print %d (revision %d)", b.Entry.Seq, b.Entry.Rev)}
	}
	var t i18n.Text
	switch b.Why {
	case dataset.BreakUnsealed:
		t = i18n.Text{ID: "riwayat %s tidak bersegel rantai: entri ini tidak ikut dimigrasi atau ditulis di luar Sepakat",
			EN: "history %s carries no chain seal: it was not migrated, or was written outside Sepakat"}
	case dataset.BreakAltered:
		t = i18n.Text{ID: "riwayat %s diubah setelah ditulis: isinya tidak cocok lagi dengan sidik SHA-256-nya",
			EN: "history %s was changed after it was written: its content no longer matches its SHA-256"}
	default:
		t = i18n.Text{ID: "rantai riwayat putus di %s: entri sebelumnya dihapus, disisipkan atau diganti",
			EN: "the history chain breaks at %s: an entry before it was removed, inserted or replaced"}
	}
	return i18n.Text{ID: fmt.Sprintf(t.ID, at.ID), EN: fmt.Sprintf(t.EN, at.EN)}
}
