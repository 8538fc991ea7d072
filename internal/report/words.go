package report

import (
	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
)

// The report's words, Bahasa Indonesia first.
var (
	TTitle         = i18n.Text{ID: "LAPORAN KERJA SAMA DAERAH", EN: "REGIONAL COOPERATION REPORT"}
	TPeriod        = i18n.Text{ID: "Periode %s s.d. %s", EN: "Period %s to %s"}
	TAsOf          = i18n.Text{ID: "Keadaan per %s", EN: "As of %s"}
	TSummary       = i18n.Text{ID: "Ringkasan", EN: "Summary"}
	TTotal         = i18n.Text{ID: "Perjanjian dalam periode", EN: "Agreements in the period"}
	TSignedTotal   = i18n.Text{ID: "Ditandatangani dalam periode", EN: "Signed in the period"}
	TInForceTotal  = i18n.Text{ID: "Berlaku per %s", EN: "In force on %s"}
	TEnding90      = i18n.Text{ID: "Berakhir dalam 90 hari", EN: "Ending within 90 days"}
	TEnding180     = i18n.Text{ID: "Berakhir dalam 180 hari", EN: "Ending within 180 days"}
	TSleepingTotal = i18n.Text{ID: "Kesepakatan Bersama tidur (tanpa PKS/tindak lanjut)", EN: "Sleeping MoUs (no PKS or follow-up)"}
	TMonDone       = i18n.Text{ID: "Monitoring terlaksana (kegiatan/perjanjian)", EN: "Monitoring done (activities/agreements)"}
	TMonOverdue    = i18n.Text{ID: "Monitoring terlambat (kegiatan/perjanjian)", EN: "Monitoring overdue (activities/agreements)"}
	TByKind        = i18n.Text{ID: "Menurut jenis", EN: "By kind"}
	TByStatus      = i18n.Text{ID: "Menurut status", EN: "By status"}
	TByCategory    = i18n.Text{ID: "Menurut kategori", EN: "By category"}
	TSignedByKind  = i18n.Text{ID: "Ditandatangani dalam periode, menurut jenis", EN: "Signed in the period, by kind"}
	TByPartner     = i18n.Text{ID: "Menurut mitra", EN: "By partner"}
	TByProvince    = i18n.Text{ID: "Menurut provinsi mitra", EN: "By partner's province"}
	TByImplementer = i18n.Text{ID: "Menurut perangkat daerah", EN: "By perangkat daerah"}
	TEnding        = i18n.Text{ID: "Berakhir dalam 180 hari", EN: "Ending within 180 days"}
	TSleeping      = i18n.Text{ID: "Kesepakatan Bersama tidur", EN: "Sleeping MoUs"}
	TInForce       = i18n.Text{ID: "Daftar perjanjian yang berlaku", EN: "Agreements in force"}
	TPerYear       = i18n.Text{ID: "Ditandatangani per tahun, menurut jenis", EN: "Signed per year, by kind"}
	TByStatusChart = i18n.Text{ID: "Sebaran status", EN: "Status breakdown"}
	TPage          = i18n.Text{ID: "Halaman %d dari {nb}", EN: "Page %d of {nb}"}
	TFooter        = i18n.Text{ID: "Dibuat dengan Sepakat pada %s", EN: "Made with Sepakat on %s"}
	TNone          = i18n.Text{ID: "Tidak ada.", EN: "None."}
	TDamaged       = i18n.Text{ID: "%d perjanjian tidak terbaca dan tidak dihitung.", EN: "%d agreements could not be read and are not counted."}

	TColNo          = i18n.Text{ID: "No.", EN: "No."}
	TColWhat        = i18n.Text{ID: "Uraian", EN: "Item"}
	TColCount       = i18n.Text{ID: "Jumlah", EN: "Count"}
	TColKind        = i18n.Text{ID: "Jenis", EN: "Kind"}
	TColNumbers     = i18n.Text{ID: "Nomor", EN: "Numbers"}
	TColSubject     = i18n.Text{ID: "Tentang", EN: "Subject"}
	TColPartner     = i18n.Text{ID: "Mitra", EN: "Partner"}
	TColTerm        = i18n.Text{ID: "Jangka waktu", EN: "Term"}
	TColStatus      = i18n.Text{ID: "Status", EN: "Status"}
	TColSigned      = i18n.Text{ID: "Ditandatangani", EN: "Signed"}
	TColDaysLeft    = i18n.Text{ID: "Sisa hari", EN: "Days left"}
	TColYear        = i18n.Text{ID: "Tahun", EN: "Year"}
	TColCategory    = i18n.Text{ID: "Kategori", EN: "Category"}
	TColProvince    = i18n.Text{ID: "Provinsi", EN: "Province"}
	TColImplementer = i18n.Text{ID: "Perangkat daerah", EN: "Perangkat daerah (agency)"}
	TTotalRow       = i18n.Text{ID: "Jumlah", EN: "Total"}
	TUntil          = i18n.Text{ID: "s.d.", EN: "to"}
	TOpenEnded      = i18n.Text{ID: "tanpa batas", EN: "open-ended"}
	TNoCategory     = i18n.Text{ID: "(tanpa kategori)", EN: "(no category)"}
	TNoProvince     = i18n.Text{ID: "(bukan pemerintah daerah)", EN: "(not a regional government)"}
	TNoPartner      = i18n.Text{ID: "(tanpa nama)", EN: "(no name)"}
)

// KindLabel names a kind.
func KindLabel(k agreement.Kind, l i18n.Lang) string {
	en := map[agreement.Kind]string{agreement.KindKSB: "Joint Agreement (MoU)", agreement.KindPKS: "Cooperation Agreement (PKS)",
		agreement.KindNK: "Memorandum with a ministry", agreement.KindAdendum: "Addendum", agreement.KindPerpanjangan: "Extension"}
	if l == i18n.EN && en[k] != "" {
		return en[k]
	}
	return k.Title()
}

// StatusLabel names a stored status.
func StatusLabel(s agreement.Status, l i18n.Lang) string {
	en := map[agreement.Status]string{agreement.StatusKonsep: "Draft", agreement.StatusTelaah: "In review",
		agreement.StatusSiapTTD: "Ready to sign", agreement.StatusDitandatangani: "Signed", agreement.StatusDibatalkan: "Cancelled"}
	if l == i18n.EN && en[s] != "" {
		return en[s]
	}
	return s.Label()
}

// PhaseLabel names a phase.
func PhaseLabel(p agreement.Phase, l i18n.Lang) string {
	en := map[agreement.Phase]string{agreement.PhaseBerlaku: "In force", agreement.PhaseAkanBerakhir: "Ending soon",
		agreement.PhaseBerakhir: "Ended"}
	if l == i18n.EN {
		if w, ok := en[p]; ok {
			return w
		}
		return StatusLabel(agreement.Status(p), l)
	}
	return p.Label()
}

// CategoryLabel names a category.
func CategoryLabel(c agreement.Category, l i18n.Lang) string {
	id := map[agreement.Category]i18n.Text{
		agreement.CatKSDD:  {ID: "KSDD (dengan daerah lain)", EN: "KSDD (with another region)"},
		agreement.CatKSDPK: {ID: "KSDPK (dengan pihak ketiga)", EN: "KSDPK (with a third party)"},
		agreement.CatKSDPL: {ID: "KSDPL (dengan pemerintah daerah luar negeri)", EN: "KSDPL (with a foreign regional government)"},
		agreement.CatKSDLL: {ID: "KSDLL (dengan lembaga luar negeri)", EN: "KSDLL (with a foreign institution)"},
	}
	if t, ok := id[c]; ok {
		return t.In(l)
	}
	if c == "" {
		return TNoCategory.In(l)
	}
	return string(c)
}

// Labelled returns the counts with their labels in l: kinds, statuses and
// categories by their names, empty partner and province labels by a word.
func Labelled(cs []Count, table string, l i18n.Lang) []Count {
	out := make([]Count, len(cs))
	for i, c := range cs {
		switch table {
		case "kind":
			c.Label = KindLabel(agreement.Kind(c.Key), l)
		case "status":
			c.Label = StatusLabel(agreement.Status(c.Key), l)
		case "category":
			c.Label = CategoryLabel(agreement.Category(c.Key), l)
		case "province":
			if c.Key == "" {
				c.Label = TNoProvince.In(l)
			}
		case "partner":
			if c.Label == "" {
				c.Label = TNoPartner.In(l)
			}
		}
		out[i] = c
	}
	return out
}
