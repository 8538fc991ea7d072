package gen

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"sepakat/internal/agreement"
	"sepakat/internal/bahasa"
)

// ---- small language helpers ----

// qty writes "5 (lima) tahun".
func qty(n int, unit string) string { return bahasa.Quantity(uint64(max(n, 0)), unit) }

// rupiah writes "Rp250.000.000,00 (dua ratus lima puluh juta rupiah)".
func rupiah(n int64) string { return bahasa.Rupiah(uint64(max(n, 0))) }

func longDate(d agreement.Date) string { return bahasa.ShortDate(d.Time()) }

// joinAnd writes "A, B dan C".
func joinAnd(list []string) string {
	switch len(list) {
	case 0:
		return "perangkat daerah terkait"
	case 1:
		return list[0]
	}
	return strings.Join(list[:len(list)-1], ", ") + " dan " + list[len(list)-1]
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

var minorWords = map[string]bool{"dan": true, "atau": true, "di": true, "ke": true, "dari": true, "untuk": true,
	"yang": true, "bagi": true, "dalam": true, "pada": true, "serta": true, "melalui": true, "dengan": true, "antar": true, "oleh": true}

// titleCase capitalises a lower-case phrase for a subject, keeping acronyms and minor words.
func titleCase(s string) string {
	w := strings.Fields(s)
	for i, x := range w {
		if i > 0 && minorWords[x] {
			continue
		}
		w[i] = upperFirst(x)
	}
	return strings.Join(w, " ")
}

// lowerTitle lowers a subject for use inside a sentence, keeping acronyms.
func lowerTitle(s string) string {
	w := strings.Fields(s)
	for i, x := range w {
		if len(x) > 1 && strings.ToUpper(x) == x {
			continue
		}
		w[i] = strings.ToLower(x)
	}
	return strings.Join(w, " ")
}

// ---- body nodes ----

func pasal(h string, kids ...agreement.Node) agreement.Node {
	return agreement.Node{Kind: agreement.NodePasal, Heading: h, Children: kids}
}

func pasalText(h, text string) agreement.Node {
	return agreement.Node{Kind: agreement.NodePasal, Heading: h, Text: text}
}

func ayat(t string, kids ...agreement.Node) agreement.Node {
	return agreement.Node{Kind: agreement.NodeAyat, Text: t, Children: kids}
}

func butir(t string, kids ...agreement.Node) agreement.Node {
	return agreement.Node{Kind: agreement.NodePoint, Text: t, Children: kids}
}

// list turns phrases into butir ending in ";", "; dan" (or "; atau") and ".".
func list(items []string, conj string) []agreement.Node {
	out := make([]agreement.Node, len(items))
	for i, s := range items {
		switch {
		case i == len(items)-1:
			s += "."
		case i == len(items)-2:
			s += "; " + conj
		default:
			s += ";"
		}
		out[i] = butir(s)
	}
	return out
}

func subList(items []string) []agreement.Node {
	out := make([]agreement.Node, len(items))
	for i, s := range items {
		end := ";"
		if i == len(items)-1 {
			end = "."
		} else if i == len(items)-2 {
			end = "; dan"
		}
		out[i] = agreement.Node{Kind: agreement.NodeSubPoint, Text: s + end}
	}
	return out
}

// choose returns n distinct elements of list in random order.
func choose(r *rand.Rand, src []string, n int) []string {
	if n > len(src) {
		n = len(src)
	}
	idx := r.Perm(len(src))[:n]
	out := make([]string, n)
	for i, k := range idx {
		out[i] = src[k]
	}
	return out
}

// ---- the body of one agreement ----

const (
	hUmum       = "KETENTUAN UMUM"
	hMaksud     = "MAKSUD DAN TUJUAN"
	hLingkup    = "RUANG LINGKUP"
	hPelaksana  = "PELAKSANAAN"
	hHak        = "HAK DAN KEWAJIBAN"
	hBiaya      = "PEMBIAYAAN"
	hRahasia    = "KERAHASIAAN DATA"
	hWaktu      = "JANGKA WAKTU"
	hMonev      = "MONITORING DAN EVALUASI"
	hLapor      = "PELAPORAN"
	hKahar      = "KEADAAN KAHAR"
	hSelisih    = "PENYELESAIAN PERSELISIHAN"
	hAkhir      = "PENGAKHIRAN"
	hUbah       = "PERUBAHAN"
	hKorespond  = "KORESPONDENSI"
	hLain       = "KETENTUAN LAIN-LAIN"
	hPenutup    = "PENUTUP"
	hRuangUbah  = "RUANG LINGKUP PERUBAHAN"
	hPerubahan  = "PERUBAHAN KETENTUAN "
	hPerpanjang = "PERPANJANGAN JANGKA WAKTU"
)

// canonical is the usual order of articles.
var canonical = []string{hUmum, hMaksud, hLingkup, hPelaksana, hHak, hBiaya, hRahasia, hWaktu, hMonev, hLapor,
	hKahar, hSelisih, hAkhir, hUbah, hKorespond, hPenutup}

// babs groups the articles of a long PKS into chapters.
var babs = []struct {
	heading string
	members []string
}{
	{"KETENTUAN UMUM", []string{hUmum}},
	{"MAKSUD, TUJUAN DAN RUANG LINGKUP", []string{hMaksud, hLingkup}},
	{"PELAKSANAAN, HAK DAN KEWAJIBAN", []string{hPelaksana, hHak, hBiaya, hRahasia}},
	{"JANGKA WAKTU DAN PENGAKHIRAN", []string{hWaktu, hAkhir}},
	{"MONITORING, EVALUASI DAN PELAPORAN", []string{hMonev, hLapor}},
	{"LAIN-LAIN", []string{hKahar, hSelisih, hUbah, hKorespond}},
	{"PENUTUP", []string{hPenutup}},
}

type bodyCtx struct {
	g    *Generator
	r    *rand.Rand
	it   *item
	a    *agreement.Agreement
	st   *stem
	doc  string // "Kesepakatan Bersama": what "… ini" refers to
	pdoc string // the parent's document title
	p    [2]*partyInfo
	num  map[string]int // pasal number of each heading
}

func (g *Generator) newBody(r *rand.Rand, it *item) *bodyCtx {
	bc := &bodyCtx{g: g, r: r, it: it, a: &it.a, st: &stems[it.stem], num: map[string]int{}}
	bc.p = [2]*partyInfo{&g.parties[it.parties[0]], &g.parties[it.parties[1]]}
	bc.doc = it.a.Kind.Title()
	if it.parent != nil {
		bc.pdoc = it.parent.a.Kind.Title()
		if it.a.Kind == kPPJ {
			bc.doc = "Perpanjangan " + bc.pdoc
		}
	}
	return bc
}

func (bc *bodyCtx) role(k int) string {
	if k == 0 {
		return "PIHAK PERTAMA"
	}
	return "PIHAK KEDUA"
}

// parentCite is "Kesepakatan Bersama Nomor A dan Nomor B tanggal 4 Juli 2025 tentang X".
func (bc *bodyCtx) parentCite() string {
	p := bc.a.Parent
	var b strings.Builder
	b.WriteString(bc.pdoc)
	for i, n := range p.Numbers {
		if n == "" {
			continue
		}
		if i > 0 {
			b.WriteString(" dan")
		}
		b.WriteString(" Nomor " + n)
	}
	if !p.Date.IsZero() {
		b.WriteString(" tanggal " + longDate(p.Date))
	}
	b.WriteString(" tentang " + p.Subject)
	return b.String()
}

func (bc *bodyCtx) describe(k int) string {
	pi := bc.p[k]
	who := bc.role(k)
	switch pi.party.Kind {
	case agreement.PartyPemprov, agreement.PartyPemkab, agreement.PartyPemkot:
		return "bahwa " + who + " merupakan daerah otonom yang berwenang mengatur dan mengurus urusan pemerintahan sesuai dengan ketentuan peraturan perundang-undangan;"
	case agreement.PartyKementerian:
		return "bahwa " + who + " merupakan instansi pemerintah pusat yang menyelenggarakan urusan pemerintahan sesuai dengan tugas dan fungsinya berdasarkan ketentuan peraturan perundang-undangan;"
	case agreement.PartyPT:
		return "bahwa " + who + " merupakan perguruan tinggi yang menyelenggarakan pendidikan, penelitian dan pengabdian kepada masyarakat sebagai wujud Tri Dharma Perguruan Tinggi;"
	case agreement.PartyBUMD:
		return "bahwa " + who + " merupakan badan usaha milik daerah yang didirikan untuk memberikan manfaat bagi perkembangan perekonomian daerah dan pelayanan kepada masyarakat;"
	case agreement.PartyLuarNegeri:
		return "bahwa " + who + " merupakan " + pi.party.Name + " yang berkedudukan di " + pi.party.Seat + ";"
	}
	return "bahwa " + who + " merupakan badan usaha berbentuk perseroan terbatas yang didirikan berdasarkan hukum Negara Republik Indonesia dan bergerak di bidang yang berkaitan dengan kerja sama ini;"
}

func (bc *bodyCtx) premises() []string {
	r := bc.r
	out := []string{bc.describe(0), bc.describe(1)}
	if bc.a.Parent != nil {
		out = append(out, "bahwa PARA PIHAK telah menandatangani "+bc.parentCite()+";")
		switch bc.a.Kind {
		case kADD:
			out = append(out, "bahwa berdasarkan hasil monitoring dan evaluasi, beberapa ketentuan dalam "+bc.pdoc+" sebagaimana dimaksud pada huruf c perlu disesuaikan dengan perkembangan kebutuhan PARA PIHAK;")
		case kPPJ:
			out = append(out, "bahwa "+bc.pdoc+" sebagaimana dimaksud pada huruf c berakhir pada tanggal "+longDate(bc.it.parent.end)+" dan PARA PIHAK sepakat untuk memperpanjang jangka waktunya;")
		}
	}
	out = append(out, "bahwa PARA PIHAK memiliki komitmen untuk bekerja sama di bidang "+lowerTitle(bc.a.Subject)+" guna "+pick(r, objectives)+";")
	out = append(out, "bahwa berdasarkan pertimbangan sebagaimana dimaksud di atas, PARA PIHAK sepakat untuk menuangkan kerja sama dalam "+bc.doc+".")
	return out
}

// headings chooses the articles of an agreement of kind k, in order, and whether
// they are grouped under BAB. It is the first use of the body stream, so the
// articles of a parent can be recomputed to cite their numbers.
func headings(r *rand.Rand, k agreement.Kind, data bool) (heads []string, useBab bool) {
	var req, opt []string
	lo, hi := 8, 12
	switch k {
	case kPKS:
		req = []string{hUmum, hMaksud, hLingkup, hPelaksana, hHak, hBiaya, hWaktu, hAkhir, hKorespond, hPenutup}
		opt = []string{hMonev, hLapor, hKahar, hSelisih, hUbah}
		lo, hi = 10, 12
		if r.IntN(4) == 0 {
			hi = 15
		}
	case kPPJ:
		req = []string{hMaksud, hLingkup, hWaktu, hPenutup}
		opt = []string{hPelaksana, hHak, hBiaya, hMonev, hLapor, hKahar, hSelisih, hAkhir, hUbah}
		lo, hi = 8, 9
		if r.IntN(4) == 0 {
			hi = 10
		}
	default:
		hi = 10
		if r.IntN(4) == 0 {
			hi = 12
		}
		req = []string{hMaksud, hLingkup, hPelaksana, hWaktu, hPenutup}
		opt = []string{hBiaya, hMonev, hKahar, hSelisih, hUbah, hAkhir, hKorespond, hLapor, hHak}
	}
	if data {
		opt = append(opt, hRahasia)
	}
	n := between(r, lo, hi)
	if n-len(req) > len(opt) {
		n = len(req) + len(opt)
	}
	chosen := map[string]bool{}
	for _, h := range req {
		chosen[h] = true
	}
	for _, h := range choose(r, opt, n-len(req)) {
		chosen[h] = true
	}
	useBab = k == kPKS && n >= 12 && r.IntN(100) < 35
	if useBab {
		for _, b := range babs {
			for _, h := range b.members {
				if chosen[h] {
					heads = append(heads, h)
				}
			}
		}
		return heads, true
	}
	for _, h := range canonical {
		if chosen[h] {
			heads = append(heads, h)
		}
	}
	return heads, false
}

// body builds 8–15 pasal, grouped under BAB for some long PKS.
func (bc *bodyCtx) body() []agreement.Node {
	if bc.a.Kind == kADD {
		return bc.adendum()
	}
	heads, useBab := headings(bc.r, bc.a.Kind, bc.st.data)
	for i, h := range heads {
		bc.num[h] = i + 1
	}
	pasals := make([]agreement.Node, len(heads))
	for i, h := range heads {
		pasals[i] = bc.article(h)
	}
	if !useBab {
		return pasals
	}
	var out []agreement.Node
	k := 0
	for _, b := range babs {
		bab := agreement.Node{Kind: agreement.NodeBab, Heading: b.heading}
		for k < len(heads) && contains(b.members, heads[k]) {
			bab.Children = append(bab.Children, pasals[k])
			k++
		}
		if len(bab.Children) > 0 {
			out = append(out, bab)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (bc *bodyCtx) ref(h string) string {
	if n, ok := bc.num[h]; ok {
		return "Pasal " + strconv.Itoa(n)
	}
	return "Pasal " + strconv.Itoa(1+bc.r.IntN(4))
}

func (bc *bodyCtx) article(h string) agreement.Node {
	switch h {
	case hUmum:
		return bc.umum()
	case hMaksud:
		return bc.maksud()
	case hLingkup:
		return bc.lingkup()
	case hPelaksana:
		return bc.pelaksanaan()
	case hHak:
		return bc.hak()
	case hBiaya:
		return bc.biaya()
	case hRahasia:
		return bc.rahasia()
	case hWaktu:
		return bc.waktu()
	case hMonev:
		return bc.monev()
	case hLapor:
		return bc.lapor()
	case hKahar:
		return bc.kahar()
	case hSelisih:
		return bc.selisih()
	case hAkhir:
		return bc.akhir()
	case hUbah:
		return bc.ubah()
	case hKorespond:
		return bc.korespondensi()
	}
	return bc.penutup()
}

func (bc *bodyCtx) umum() agreement.Node {
	d := []string{
		"PIHAK PERTAMA adalah " + bc.p[0].party.Name,
		"PIHAK KEDUA adalah " + bc.p[1].party.Name,
		"PARA PIHAK adalah PIHAK PERTAMA dan PIHAK KEDUA",
	}
	if bc.a.Parent != nil {
		d = append(d, bc.pdoc+" adalah "+bc.parentCite())
	}
	d = append(d,
		"Tim Teknis adalah tim yang dibentuk oleh PARA PIHAK untuk melaksanakan kegiatan dalam "+bc.doc+" ini",
		"Rencana Kerja adalah dokumen yang memuat kegiatan, jadwal dan penanggung jawab pelaksanaan kerja sama")
	if bc.r.IntN(2) == 0 {
		d = append(d, "Hari adalah hari kerja")
	}
	items := make([]agreement.Node, len(d))
	for i, s := range d {
		end := "."
		items[i] = butir(s + end)
	}
	return agreement.Node{Kind: agreement.NodePasal, Heading: hUmum, Text: "Dalam " + bc.doc + " ini yang dimaksud dengan:", Children: items}
}

func (bc *bodyCtx) maksud() agreement.Node {
	r := bc.r
	subj := lowerTitle(bc.a.Subject)
	var m string
	switch r.IntN(3) {
	case 0:
		m = "Maksud " + bc.doc + " ini adalah sebagai landasan dan pedoman bagi PARA PIHAK dalam melaksanakan kerja sama di bidang " + subj + "."
	case 1:
		m = bc.doc + " ini dimaksudkan sebagai pedoman bagi PARA PIHAK dalam penyelenggaraan kerja sama " + subj + " sesuai dengan kewenangan masing-masing."
	default:
		m = "Maksud " + bc.doc + " ini adalah untuk menyatukan langkah dan memadukan potensi PARA PIHAK dalam rangka " + subj + "."
	}
	goals := choose(r, objectives, 1+r.IntN(2))
	goals = append(goals, "terlaksananya "+pick(r, bc.st.scope)+" secara efektif dan efisien")
	return pasal(hMaksud, ayat(m), ayat("Tujuan "+bc.doc+" ini adalah:", list(goals, "dan")...))
}

func (bc *bodyCtx) lingkup() agreement.Node {
	r := bc.r
	items := bc.st.scope
	if bc.a.Kind == kPKS && r.IntN(2) == 0 {
		items = choose(r, items, 3)
	}
	nodes := list(items, "dan")
	if bc.a.Kind == kPKS || r.IntN(3) == 0 {
		k := r.IntN(len(nodes))
		nodes[k].Children = subList([]string{"penyusunan rencana kegiatan bersama", "pelaksanaan kegiatan sesuai rencana kerja", "pendampingan dan asistensi teknis", "evaluasi hasil kegiatan"}[:2+r.IntN(2)])
	}
	intro := "Ruang lingkup " + bc.doc + " ini meliputi:"
	if bc.a.Kind == kPPJ {
		intro = "Ruang lingkup kerja sama dalam " + bc.doc + " ini tetap sebagaimana diatur dalam " + bc.pdoc + ", meliputi:"
	}
	if r.IntN(2) == 0 {
		return agreement.Node{Kind: agreement.NodePasal, Heading: hLingkup, Text: intro, Children: nodes}
	}
	return pasal(hLingkup, ayat(intro, nodes...),
		ayat("Rincian kegiatan dari masing-masing ruang lingkup sebagaimana dimaksud pada ayat (1) dituangkan dalam Rencana Kerja yang disepakati PARA PIHAK."))
}

func (bc *bodyCtx) pelaksanaan() agreement.Node {
	r := bc.r
	impl := joinAnd(bc.a.Implementers)
	if bc.a.Kind == kKSB || bc.a.Kind == kNK {
		return pasal(hPelaksana,
			ayat("Pelaksanaan "+bc.doc+" ini dituangkan lebih lanjut dalam Perjanjian Kerja Sama yang disusun dan ditandatangani oleh PARA PIHAK atau pejabat yang ditunjuk."),
			ayat("Perjanjian Kerja Sama sebagaimana dimaksud pada ayat (1) paling sedikit memuat:",
				list([]string{"objek dan ruang lingkup kerja sama", "hak dan kewajiban PARA PIHAK", "jangka waktu kerja sama", "pembiayaan", "keadaan kahar dan penyelesaian perselisihan"}, "dan")...),
			ayat("Pelaksanaan teknis "+bc.doc+" ini pada pemerintah daerah dikoordinasikan oleh "+impl+"."))
	}
	ayats := []agreement.Node{
		ayat("Dalam melaksanakan " + bc.doc + " ini, PARA PIHAK membentuk Tim Teknis yang ditetapkan dengan keputusan pimpinan masing-masing pihak."),
		ayat("Pelaksanaan kegiatan sebagaimana dimaksud dalam "+bc.ref(hLingkup)+" dilaksanakan oleh:",
			list([]string{impl + " pada " + bc.ownRole(), "unit kerja yang membidangi urusan terkait pada " + bc.partnerRole()}, "dan")...),
		ayat("Tim Teknis menyusun Rencana Kerja paling lambat " + qty(30, "hari") + " sejak " + bc.doc + " ini ditandatangani."),
	}
	if r.IntN(4) == 0 {
		ayats = append(ayats, ayat("Dalam hal diperlukan, PARA PIHAK dapat melibatkan pihak lain sepanjang disepakati secara tertulis oleh PARA PIHAK."))
	}
	return pasal(hPelaksana, ayats...)
}

func (bc *bodyCtx) ownRole() string {
	if bc.it.parties[0] == bc.g.own {
		return "PIHAK PERTAMA"
	}
	return "PIHAK KEDUA"
}

func (bc *bodyCtx) partnerRole() string {
	if bc.it.parties[0] == bc.g.own {
		return "PIHAK KEDUA"
	}
	return "PIHAK PERTAMA"
}

var rights = []string{
	"menerima data dan informasi yang diperlukan dalam pelaksanaan kerja sama dari %s",
	"memperoleh dukungan teknis dan narasumber dari %s",
	"menerima laporan pelaksanaan kegiatan secara berkala",
	"memanfaatkan hasil kerja sama untuk kepentingan penyelenggaraan pemerintahan dan pelayanan publik",
	"mengusulkan perubahan Rencana Kerja sesuai dengan kebutuhan",
}

var duties = []string{
	"menyediakan data, informasi dan sumber daya yang diperlukan sesuai dengan kewenangannya",
	"menunjuk pejabat penghubung dan anggota Tim Teknis",
	"memfasilitasi pelaksanaan %s",
	"menjaga kerahasiaan data dan informasi yang diperoleh",
	"menyampaikan laporan pelaksanaan kegiatan kepada %s",
	"mengalokasikan anggaran sesuai dengan kemampuan keuangan",
}

func fill(s, v string) string { return strings.Replace(s, "%s", v, 1) }

func (bc *bodyCtx) hak() agreement.Node {
	r := bc.r
	var ayats []agreement.Node
	for k := 0; k < 2; k++ {
		me, other := bc.role(k), bc.role(1-k)
		var rs, ds []string
		for _, s := range choose(r, rights, 2) {
			rs = append(rs, fill(s, other))
		}
		for _, s := range choose(r, duties, 2) {
			if strings.Contains(s, "%s") {
				if strings.HasPrefix(s, "memfasilitasi") {
					s = fill(s, pick(r, bc.st.scope))
				} else {
					s = fill(s, other)
				}
			}
			ds = append(ds, s)
		}
		ayats = append(ayats, ayat(me+" berhak:", list(rs, "dan")...), ayat(me+" berkewajiban:", list(ds, "dan")...))
	}
	return pasal(hHak, ayats...)
}

func (bc *bodyCtx) biaya() agreement.Node {
	f := bc.a.Funding
	src := f.Source
	if src == "" {
		src = "anggaran masing-masing PARA PIHAK"
	}
	first := "Segala biaya yang timbul sebagai akibat dilaksanakannya " + bc.doc + " ini dibebankan pada " + src + " sesuai dengan ketentuan peraturan perundang-undangan."
	if f.Amount <= 0 {
		if bc.r.IntN(2) == 0 {
			return pasalText(hBiaya, first)
		}
		return pasal(hBiaya, ayat(first), ayat(bc.doc+" ini tidak mengakibatkan pemindahan hak atas aset atau kekayaan masing-masing PARA PIHAK."))
	}
	return pasal(hBiaya, ayat(first),
		ayat("Besaran biaya pelaksanaan kegiatan sebagaimana dimaksud pada ayat (1) sebesar "+rupiah(f.Amount)+"."),
		ayat("Pembayaran dilaksanakan secara bertahap sesuai dengan kemajuan pelaksanaan kegiatan berdasarkan berita acara yang ditandatangani PARA PIHAK."))
}

func (bc *bodyCtx) rahasia() agreement.Node {
	return pasal(hRahasia,
		ayat("PARA PIHAK wajib menjaga kerahasiaan data dan informasi yang diperoleh dalam pelaksanaan "+bc.doc+" ini."),
		ayat("Data dan informasi sebagaimana dimaksud pada ayat (1) hanya digunakan untuk kepentingan pelaksanaan "+bc.doc+" ini dan dilarang diberikan kepada pihak lain tanpa persetujuan tertulis dari pemilik data."),
		ayat("Kewajiban sebagaimana dimaksud pada ayat (1) tetap berlaku meskipun "+bc.doc+" ini telah berakhir."))
}

// termPhrase is "5 (lima) tahun".
func termPhrase(t agreement.Term) string {
	unit := "tahun"
	if t.Unit == agreement.UnitBulan {
		unit = "bulan"
	}
	return qty(t.Length, unit)
}

func (bc *bodyCtx) waktu() agreement.Node {
	t := bc.a.Term
	var first string
	switch {
	case bc.a.Kind == kPPJ:
		first = "Jangka waktu " + bc.pdoc + " diperpanjang untuk jangka waktu " + termPhrase(t) + " terhitung mulai tanggal " + longDate(t.Start) + " sampai dengan tanggal " + longDate(t.End) + "."
	case t.Start.IsZero() || (bc.a.Signing != nil && t.Start == bc.a.Signing.Date):
		first = bc.doc + " ini berlaku untuk jangka waktu " + termPhrase(t) + " terhitung sejak tanggal ditandatangani oleh PARA PIHAK."
	default:
		first = bc.doc + " ini berlaku untuk jangka waktu " + termPhrase(t) + " terhitung mulai tanggal " + longDate(t.Start) + " sampai dengan tanggal " + longDate(t.End) + "."
	}
	second := bc.doc + " ini berakhir dengan sendirinya pada akhir jangka waktu sebagaimana dimaksud pada ayat (1), kecuali diperpanjang atas kesepakatan PARA PIHAK."
	if t.Extendable {
		second = bc.doc + " ini dapat diperpanjang atas kesepakatan PARA PIHAK dengan pemberitahuan tertulis paling lambat " + qty(3, "bulan") + " sebelum jangka waktu sebagaimana dimaksud pada ayat (1) berakhir."
	}
	return pasal(hWaktu, ayat(first), ayat(second))
}

func (bc *bodyCtx) monev() agreement.Node {
	return pasal(hMonev,
		ayat("PARA PIHAK melaksanakan monitoring dan evaluasi atas pelaksanaan "+bc.doc+" ini paling sedikit "+qty(2, "kali")+" dalam "+qty(1, "tahun")+" anggaran."),
		ayat("Hasil monitoring dan evaluasi sebagaimana dimaksud pada ayat (1) digunakan sebagai bahan pertimbangan untuk:",
			list([]string{"melanjutkan kerja sama", "mengubah ketentuan kerja sama", "memperpanjang jangka waktu kerja sama", "mengakhiri kerja sama"}, "atau")...))
}

func (bc *bodyCtx) lapor() agreement.Node {
	to := "pimpinan masing-masing"
	if bc.p[0].isRegion && bc.p[1].isRegion {
		to = "kepala daerah masing-masing"
	}
	return pasal(hLapor,
		ayat("Tim Teknis menyampaikan laporan pelaksanaan "+bc.doc+" ini kepada "+to+" setiap "+qty(6, "bulan")+" sekali."),
		ayat("Pemerintah daerah menyampaikan laporan pelaksanaan kerja sama kepada Menteri Dalam Negeri melalui Gubernur sebagai wakil Pemerintah Pusat sesuai dengan ketentuan peraturan perundang-undangan."))
}

func (bc *bodyCtx) kahar() agreement.Node {
	causes := choose(bc.r, []string{"bencana alam seperti gempa bumi, banjir, tanah longsor dan letusan gunung berapi",
		"kebakaran yang tidak disebabkan oleh kelalaian PARA PIHAK", "huru-hara, kerusuhan, perang atau pemberontakan",
		"wabah penyakit yang ditetapkan oleh Pemerintah", "kebijakan Pemerintah yang secara langsung memengaruhi pelaksanaan kerja sama"}, 3)
	return pasal(hKahar,
		ayat("Keadaan kahar adalah keadaan di luar kehendak dan kemampuan PARA PIHAK yang mengakibatkan salah satu pihak tidak dapat melaksanakan kewajibannya, antara lain:", list(causes, "dan")...),
		ayat("Pihak yang mengalami keadaan kahar wajib memberitahukan secara tertulis kepada pihak lainnya paling lambat "+qty(14, "hari")+" sejak terjadinya keadaan kahar."))
}

func (bc *bodyCtx) forum() string {
	a, b := bc.p[0], bc.p[1]
	if a.isRegion && b.isRegion {
		pa, pb := a.party.ProvinceCode, b.party.ProvinceCode
		if pa == "" {
			pa = a.party.RegionCode
		}
		if pb == "" {
			pb = b.party.RegionCode
		}
		if pa == pb && (a.party.Kind != agreement.PartyPemprov && b.party.Kind != agreement.PartyPemprov) {
			if prov, ok := bc.g.regions.Get(pa); ok {
				return "diselesaikan oleh Gubernur " + prov.Name + " sebagai wakil Pemerintah Pusat sesuai dengan ketentuan peraturan perundang-undangan"
			}
		}
		return "diselesaikan oleh Menteri Dalam Negeri sesuai dengan ketentuan peraturan perundang-undangan"
	}
	own := &bc.g.parties[bc.g.own]
	return "PARA PIHAK sepakat memilih domisili hukum yang tetap di Kantor Kepaniteraan Pengadilan Negeri " + own.party.Seat
}

func (bc *bodyCtx) selisih() agreement.Node {
	return pasal(hSelisih,
		ayat("Setiap perselisihan yang timbul dalam pelaksanaan "+bc.doc+" ini diselesaikan secara musyawarah untuk mufakat."),
		ayat("Dalam hal penyelesaian secara musyawarah sebagaimana dimaksud pada ayat (1) tidak tercapai, perselisihan "+bc.forum()+"."))
}

func (bc *bodyCtx) akhir() agreement.Node {
	reasons := []string{"jangka waktu " + bc.doc + " ini berakhir", "atas kesepakatan PARA PIHAK", "terjadi keadaan kahar yang mengakibatkan kerja sama tidak dapat dilanjutkan",
		"bertentangan dengan ketentuan peraturan perundang-undangan", "urusan pemerintahan yang dikerjasamakan beralih kewenangannya"}
	return pasal(hAkhir,
		ayat(bc.doc+" ini berakhir apabila:", list(reasons[:3+bc.r.IntN(2)], "atau")...),
		ayat("Pihak yang bermaksud mengakhiri "+bc.doc+" ini sebelum jangka waktunya berakhir wajib memberitahukan secara tertulis kepada pihak lainnya paling lambat "+qty(3, "bulan")+" sebelumnya."))
}

func (bc *bodyCtx) ubah() agreement.Node {
	return pasal(hUbah,
		ayat("Perubahan atas "+bc.doc+" ini hanya dapat dilakukan atas kesepakatan PARA PIHAK."),
		ayat("Perubahan sebagaimana dimaksud pada ayat (1) dituangkan dalam adendum yang merupakan bagian yang tidak terpisahkan dari "+bc.doc+" ini."))
}

func (bc *bodyCtx) korespondensi() agreement.Node {
	var items []string
	for k := 0; k < 2; k++ {
		pi := bc.p[k]
		unit := "Sekretariat"
		if pi.isRegion {
			unit = "Bagian Kerja Sama Sekretariat Daerah"
		}
		items = append(items, bc.role(k)+": "+unit+" "+pi.party.Name+", "+pi.party.Address)
	}
	return pasal(hKorespond,
		ayat("Setiap pemberitahuan dan korespondensi dalam pelaksanaan "+bc.doc+" ini disampaikan secara tertulis kepada alamat berikut:", list(items, "dan")...),
		ayat("Perubahan alamat sebagaimana dimaksud pada ayat (1) wajib diberitahukan secara tertulis kepada pihak lainnya paling lambat "+qty(7, "hari")+" sejak perubahan."))
}

func (bc *bodyCtx) penutup() agreement.Node {
	c := bc.a.Copies
	if c <= 0 {
		c = 2
	}
	return pasal(hPenutup,
		ayat("Hal-hal yang belum diatur dalam "+bc.doc+" ini akan diatur kemudian atas kesepakatan PARA PIHAK."),
		ayat(bc.doc+" ini dibuat dalam rangkap "+strings.TrimSpace(qty(c, ""))+" asli, masing-masing bermeterai cukup dan mempunyai kekuatan hukum yang sama."))
}

// adendum builds the articles of an Adendum: what changes, citing the parent's
// own article numbers, and the new wording.
func (bc *bodyCtx) adendum() []agreement.Node {
	r := bc.r
	out := []agreement.Node{pasal(hMaksud,
		ayat("Adendum ini dimaksudkan untuk mengubah beberapa ketentuan dalam "+bc.parentCite()+"."),
		ayat("Tujuan Adendum ini adalah menyesuaikan pelaksanaan kerja sama dengan perkembangan kebutuhan dan ketentuan peraturan perundang-undangan."))}
	par := bc.it.parent
	parentHeads, _ := headings(bc.g.rng(par.idx, 2), par.a.Kind, bc.st.data)
	pnum := map[string]int{}
	for i, h := range parentHeads {
		pnum[h] = i + 1
	}
	var changeable []string
	for _, h := range []string{hLingkup, hPelaksana, hHak, hBiaya, hMonev, hKahar, hSelisih, hKorespond, hLapor} {
		if pnum[h] > 0 {
			changeable = append(changeable, h)
		}
	}
	targets := choose(r, changeable, 3+r.IntN(2))
	// articles the parent lacks are inserted
	for _, h := range []string{hMonev, hLapor, hKahar, hSelisih, hKorespond} {
		if len(targets) >= 3 {
			break
		}
		if pnum[h] == 0 {
			targets = append(targets, h)
		}
	}
	var changes []string
	for _, h := range targets {
		if pnum[h] > 0 {
			changes = append(changes, "perubahan ketentuan Pasal "+strconv.Itoa(pnum[h])+" mengenai "+strings.ToLower(h))
		} else {
			changes = append(changes, "penambahan ketentuan mengenai "+strings.ToLower(h))
		}
	}
	out = append(out, agreement.Node{Kind: agreement.NodePasal, Heading: hRuangUbah, Text: "Ruang lingkup perubahan dalam Adendum ini meliputi:", Children: list(changes, "dan")})
	inserted := 0
	// the new wording speaks of the parent document and cites its articles
	doc, num := bc.doc, bc.num
	bc.doc, bc.num = bc.pdoc, pnum
	defer func() { bc.doc, bc.num = doc, num }()
	for _, h := range targets {
		old := bc.article(h)
		p := agreement.Node{Kind: agreement.NodePasal, Heading: hPerubahan + h}
		if n := pnum[h]; n > 0 {
			p.Text = "Ketentuan Pasal " + strconv.Itoa(n) + " " + bc.pdoc + " diubah sehingga berbunyi sebagai berikut:"
		} else {
			n := len(parentHeads) - 1
			p.Text = "Di antara Pasal " + strconv.Itoa(n) + " dan Pasal " + strconv.Itoa(n+1) + " " + bc.pdoc +
				" disisipkan " + qty(1, "pasal") + ", yakni Pasal " + strconv.Itoa(n) + string(rune('A'+inserted)) + " yang berbunyi sebagai berikut:"
			inserted++
		}
		if old.Text != "" {
			p.Children = append(p.Children, ayat(old.Text, old.Children...))
		} else {
			p.Children = old.Children
		}
		out = append(out, p)
	}
	bc.doc, bc.num = doc, num
	t := bc.a.Term
	out = append(out,
		pasalText(hWaktu, "Adendum ini merupakan bagian yang tidak terpisahkan dari "+bc.pdoc+" dan berlaku selama jangka waktu "+bc.pdoc+", yaitu "+termPhrase(t)+bc.untilPhrase(t)+"."),
		pasalText(hLain, "Ketentuan lain dalam "+bc.pdoc+" yang tidak diubah dalam Adendum ini dinyatakan tetap berlaku dan mengikat PARA PIHAK."),
		bc.penutup())
	return out
}

func (bc *bodyCtx) untilPhrase(t agreement.Term) string {
	if t.End.IsZero() {
		return ""
	}
	return " sampai dengan tanggal " + longDate(t.End)
}
