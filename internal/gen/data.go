package gen

import "sepakat/internal/agreement"

// stem is a subject of cooperation with what belongs to it: scope items (lower case,
// for lists), government affairs, implementing agencies, tags and topical laws.
type stem struct {
	key     string
	subject string
	scope   []string
	affairs []string
	impl    []string
	tags    []string
	laws    []string
	region  bool // suits a partner region
	wajib   bool // KSDD wajib: cross-border externalities
	long    bool // asset use or investment: long terms allowed
	dprd    bool // usually burdens the public: DPRD approval
	data    bool // personal or government data: a confidentiality article
}

const (
	pdKominfo    = "Dinas Komunikasi dan Informatika"
	pdDPMPTSP    = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"
	pdBappeda    = "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah"
	pdDukcapil   = "Dinas Kependudukan dan Pencatatan Sipil"
	pdPariwisata = "Dinas Pariwisata, Kebudayaan, Kepemudaan dan Olahraga"
	pdDLH        = "Dinas Lingkungan Hidup dan Kehutanan"
	pdDinkes     = "Dinas Kesehatan"
	pdDisdik     = "Dinas Pendidikan"
	pdDishub     = "Dinas Perhubungan"
	pdPUPR       = "Dinas Pekerjaan Umum dan Penataan Ruang"
	pdKUKM       = "Dinas Koperasi, Usaha Kecil dan Menengah, Perdagangan dan Perindustrian"
	pdBKPSDM     = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
	pdInspektor  = "Inspektorat Daerah"
	pdOrganisasi = "Bagian Organisasi Sekretariat Daerah"
	pdKerjaSama  = "Bagian Kerja Sama Sekretariat Daerah"
	pdHukum      = "Bagian Hukum Sekretariat Daerah"
	pdBPBD       = "Badan Penanggulangan Bencana Daerah"
	pdPertanian  = "Dinas Pertanian dan Ketahanan Pangan"
	pdSosial     = "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak"
	pdBPKAD      = "Badan Pengelolaan Keuangan dan Aset Daerah"
	pdBapenda    = "Badan Pendapatan Daerah"
	pdDPMD       = "Dinas Pemberdayaan Masyarakat dan Desa"
	pdNaker      = "Dinas Tenaga Kerja dan Transmigrasi"
	pdArsip      = "Dinas Perpustakaan dan Kearsipan"
	pdPerkim     = "Dinas Perumahan, Kawasan Permukiman dan Pertanahan"
	pdRSUD       = "Rumah Sakit Umum Daerah"
	pdPDAM       = "Perumda Air Minum"
)

// agencyHeads are the perangkat daerah whose heads sign PKS under a Surat Kuasa.
var agencyHeads = []string{pdKominfo, pdDPMPTSP, pdBappeda, pdDukcapil, pdPariwisata, pdDLH,
	pdDinkes, pdDisdik, pdDishub, pdPUPR, pdKUKM, pdBKPSDM}

var stems = []stem{
	{key: "perizinan", subject: "Penyelenggaraan Pelayanan Perizinan Berbasis Digital",
		scope:   []string{"pengembangan dan integrasi sistem pelayanan perizinan berusaha", "pertukaran data dan informasi perizinan dan nonperizinan", "pendampingan teknis penyelenggaraan gerai pelayanan terpadu", "peningkatan kompetensi petugas pelayanan perizinan", "replikasi inovasi pelayanan perizinan"},
		affairs: []string{"Penanaman Modal"}, impl: []string{pdDPMPTSP, pdKominfo},
		tags: []string{"perizinan", "pelayanan publik", "digital"}, laws: []string{"uu25_2009", "pp5_2021", "uu25_2007"}, region: true, data: true},
	{key: "spbe", subject: "Pengembangan Sistem Pemerintahan Berbasis Elektronik",
		scope:   []string{"penerapan aplikasi umum dan aplikasi khusus SPBE", "pemanfaatan bersama infrastruktur SPBE", "pertukaran pengetahuan tata kelola dan manajemen SPBE", "pendampingan evaluasi SPBE", "peningkatan kapasitas sumber daya manusia bidang teknologi informasi"},
		affairs: []string{"Komunikasi dan Informatika"}, impl: []string{pdKominfo, pdOrganisasi},
		tags: []string{"spbe", "digital"}, laws: []string{"perpres95_2018", "uu14_2008"}, region: true, data: true},
	{key: "adminduk", subject: "Pemanfaatan Data Kependudukan",
		scope:   []string{"pemanfaatan nomor induk kependudukan, data kependudukan dan KTP elektronik", "verifikasi dan validasi data penduduk", "pemberian hak akses data kependudukan", "pengamanan dan kerahasiaan data kependudukan"},
		affairs: []string{"Administrasi Kependudukan dan Pencatatan Sipil"}, impl: []string{pdDukcapil},
		tags: []string{"adminduk", "data"}, laws: []string{"uu24_2013", "uu27_2022"}, region: true, data: true},
	{key: "kapasitas", subject: "Peningkatan Kapasitas Aparatur",
		scope:   []string{"pendidikan dan pelatihan aparatur", "magang dan studi tiru aparatur", "pertukaran narasumber dan tenaga ahli", "pengembangan kompetensi manajerial, teknis dan sosial kultural"},
		affairs: []string{"Kepegawaian"}, impl: []string{pdBKPSDM},
		tags: []string{"asn", "sdm"}, laws: []string{"uu20_2023"}, region: true},
	{key: "promosi", subject: "Promosi Investasi dan Pariwisata",
		scope:   []string{"promosi potensi dan peluang investasi daerah", "pengembangan paket wisata bersama", "penyelenggaraan pameran, festival dan temu bisnis", "pertukaran informasi peluang usaha", "fasilitasi kemudahan berusaha bagi penanam modal"},
		affairs: []string{"Penanaman Modal", "Pariwisata"}, impl: []string{pdDPMPTSP, pdPariwisata},
		tags: []string{"investasi", "pariwisata"}, laws: []string{"uu25_2007", "uu10_2009"}, region: true},
	{key: "sampah", subject: "Pengelolaan Sampah Regional",
		scope:   []string{"pemanfaatan tempat pemrosesan akhir sampah regional", "pengangkutan sampah antardaerah", "pengurangan dan penanganan sampah dari sumbernya", "pembagian beban biaya pengelolaan sampah"},
		affairs: []string{"Lingkungan Hidup"}, impl: []string{pdDLH},
		tags: []string{"sampah", "lingkungan"}, laws: []string{"uu18_2008", "uu32_2009"}, region: true, wajib: true, dprd: true},
	{key: "airminum", subject: "Penyediaan Air Minum Lintas Wilayah",
		scope:   []string{"pemanfaatan sumber air baku", "pembangunan dan pemeliharaan jaringan perpipaan", "penyaluran air minum curah", "penetapan tarif dan pembagian hasil penjualan air"},
		affairs: []string{"Pekerjaan Umum dan Penataan Ruang"}, impl: []string{pdPUPR, pdPDAM},
		tags: []string{"air minum", "infrastruktur"}, laws: []string{"pp122_2015", "uu17_2019"}, region: true, wajib: true, dprd: true, long: true},
	{key: "inovasi", subject: "Pertukaran Pengetahuan dan Inovasi Daerah",
		scope:   []string{"pertukaran informasi dan pengetahuan penyelenggaraan pemerintahan daerah", "replikasi inovasi daerah", "pendampingan percepatan reformasi birokrasi", "magang aparatur pada perangkat daerah prioritas"},
		affairs: []string{"Penelitian dan Pengembangan", "Komunikasi dan Informatika"}, impl: []string{pdBappeda, pdKominfo, pdInspektor, pdOrganisasi},
		tags: []string{"inovasi", "reformasi birokrasi"}, laws: []string{"pp38_2017"}, region: true},
	{key: "rb", subject: "Percepatan Reformasi Birokrasi",
		scope:   []string{"penguatan tata kelola dan akuntabilitas kinerja", "penataan kelembagaan dan tata laksana", "pembangunan zona integritas", "penguatan budaya kerja aparatur"},
		affairs: []string{"Organisasi dan Tata Laksana"}, impl: []string{pdOrganisasi, pdInspektor, pdBKPSDM},
		tags: []string{"reformasi birokrasi"}, laws: []string{"uu30_2014", "uu20_2023"}, region: true},
	{key: "mpp", subject: "Pengembangan Gerai Pelayanan Publik Terpadu",
		scope:   []string{"integrasi layanan instansi pusat dan daerah dalam satu gerai pelayanan", "pendampingan standar pelayanan", "pengembangan gerai pelayanan publik digital", "pengelolaan pengaduan masyarakat"},
		affairs: []string{"Penanaman Modal"}, impl: []string{pdDPMPTSP},
		tags: []string{"mpp", "pelayanan publik"}, laws: []string{"uu25_2009", "perpres89_2021"}, region: true},
	{key: "umkm", subject: "Pengembangan Usaha Mikro, Kecil, dan Menengah",
		scope:   []string{"pelatihan kewirausahaan dan manajemen usaha", "fasilitasi pemasaran produk unggulan daerah", "kurasi dan standardisasi produk", "akses permodalan bagi pelaku usaha"},
		affairs: []string{"Koperasi, Usaha Kecil, dan Menengah"}, impl: []string{pdKUKM},
		tags: []string{"umkm", "ekonomi"}, laws: []string{"uu20_2008"}, region: true},
	{key: "pangan", subject: "Ketahanan Pangan dan Pemasaran Hasil Pertanian",
		scope:   []string{"penyediaan dan distribusi bahan pangan pokok", "pemasaran hasil pertanian antardaerah", "pengembangan cadangan pangan daerah", "pertukaran data harga dan stok pangan"},
		affairs: []string{"Pangan", "Pertanian"}, impl: []string{pdPertanian},
		tags: []string{"pangan", "pertanian"}, laws: []string{"uu18_2012", "uu19_2013"}, region: true},
	{key: "agro", subject: "Pengembangan Kawasan Agropolitan",
		scope:   []string{"penataan kawasan sentra produksi pertanian", "pembangunan sarana dan prasarana pengolahan hasil", "pendampingan kelompok tani", "pengembangan rantai pasok komoditas unggulan"},
		affairs: []string{"Pertanian"}, impl: []string{pdPertanian, pdBappeda},
		tags: []string{"pertanian", "kawasan"}, laws: []string{"uu19_2013", "uu26_2007"}, region: true},
	{key: "bencana", subject: "Penanggulangan Bencana",
		scope:   []string{"pertukaran informasi dan peringatan dini bencana", "bantuan personel, peralatan dan logistik pada saat tanggap darurat", "pelatihan dan simulasi kesiapsiagaan bencana", "rehabilitasi dan rekonstruksi pascabencana"},
		affairs: []string{"Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat"}, impl: []string{pdBPBD},
		tags: []string{"bencana"}, laws: []string{"uu24_2007"}, region: true},
	{key: "transportasi", subject: "Penyelenggaraan Angkutan Umum Antarwilayah",
		scope:   []string{"penetapan trayek angkutan umum antardaerah", "penyediaan halte dan fasilitas perpindahan moda", "integrasi sistem tiket dan pembayaran", "pengawasan keselamatan angkutan umum"},
		affairs: []string{"Perhubungan"}, impl: []string{pdDishub},
		tags: []string{"transportasi"}, laws: []string{"uu22_2009"}, region: true, wajib: true},
	{key: "jalan", subject: "Pembangunan dan Pemeliharaan Jalan Penghubung Antardaerah",
		scope:   []string{"perencanaan teknis ruas jalan perbatasan", "pembagian pembiayaan pembangunan jalan", "pemeliharaan rutin dan berkala ruas jalan", "pengawasan mutu pekerjaan"},
		affairs: []string{"Pekerjaan Umum dan Penataan Ruang"}, impl: []string{pdPUPR},
		tags: []string{"jalan", "infrastruktur"}, laws: []string{"uu26_2007"}, region: true, wajib: true, dprd: true},
	{key: "das", subject: "Pengelolaan Daerah Aliran Sungai Terpadu",
		scope:   []string{"rehabilitasi lahan dan konservasi tanah di hulu sungai", "pengendalian pencemaran air sungai", "normalisasi dan pemeliharaan alur sungai", "pemantauan kualitas air bersama"},
		affairs: []string{"Lingkungan Hidup"}, impl: []string{pdDLH, pdPUPR},
		tags: []string{"sungai", "lingkungan"}, laws: []string{"uu17_2019", "uu32_2009"}, region: true, wajib: true},
	{key: "rujukan", subject: "Pelayanan Kesehatan Rujukan",
		scope:   []string{"pelayanan rujukan pasien antarfasilitas kesehatan", "pemanfaatan sarana dan tenaga kesehatan", "pertukaran data pelayanan kesehatan", "peningkatan kompetensi tenaga kesehatan"},
		affairs: []string{"Kesehatan"}, impl: []string{pdDinkes, pdRSUD},
		tags: []string{"kesehatan"}, laws: []string{"uu17_2023"}, region: true, data: true},
	{key: "stunting", subject: "Percepatan Penurunan Stunting",
		scope:   []string{"pendataan keluarga berisiko stunting", "pendampingan ibu hamil dan anak usia di bawah dua tahun", "pemberian makanan tambahan bergizi", "edukasi gizi dan sanitasi bagi masyarakat"},
		affairs: []string{"Kesehatan", "Pengendalian Penduduk dan Keluarga Berencana"}, impl: []string{pdDinkes, pdSosial},
		tags: []string{"stunting", "kesehatan"}, laws: []string{"uu17_2023", "perpres72_2021"}, region: true},
	{key: "pendidikan", subject: "Peningkatan Mutu Pendidikan",
		scope:   []string{"peningkatan kompetensi pendidik dan tenaga kependidikan", "pertukaran praktik baik pengelolaan satuan pendidikan", "pengembangan kurikulum muatan lokal", "beasiswa dan pendampingan peserta didik berprestasi"},
		affairs: []string{"Pendidikan"}, impl: []string{pdDisdik},
		tags: []string{"pendidikan"}, laws: []string{"uu20_2003"}, region: true},
	{key: "smartcity", subject: "Pengembangan Kota Cerdas",
		scope:   []string{"penyusunan masterplan kota cerdas", "pemanfaatan pusat kendali dan ruang komando", "pengembangan layanan publik berbasis aplikasi", "literasi digital bagi masyarakat"},
		affairs: []string{"Komunikasi dan Informatika"}, impl: []string{pdKominfo, pdBappeda},
		tags: []string{"smart city", "digital"}, laws: []string{"perpres95_2018"}, region: true},
	{key: "satudata", subject: "Penyelenggaraan Satu Data dan Statistik Sektoral",
		scope:   []string{"penyusunan standar data dan metadata statistik sektoral", "pembinaan penyelenggaraan statistik sektoral", "pertukaran dan pemanfaatan data", "penguatan portal satu data daerah"},
		affairs: []string{"Statistik"}, impl: []string{pdKominfo, pdBappeda},
		tags: []string{"satu data", "statistik"}, laws: []string{"perpres39_2019"}, region: true, data: true},
	{key: "persandian", subject: "Pengamanan Informasi dan Persandian",
		scope:   []string{"penerapan sertifikat elektronik bagi aparatur", "penilaian keamanan sistem elektronik", "penanganan insiden siber", "peningkatan kapasitas sandiman dan pengelola keamanan informasi"},
		affairs: []string{"Persandian"}, impl: []string{pdKominfo},
		tags: []string{"keamanan informasi", "persandian"}, laws: []string{"perpres95_2018", "uu27_2022"}, data: true},
	{key: "arsip", subject: "Pengelolaan Arsip Daerah",
		scope:   []string{"penyelamatan dan pelestarian arsip statis", "alih media dan digitalisasi arsip", "pembinaan kearsipan pada perangkat daerah", "penyediaan akses arsip bagi masyarakat"},
		affairs: []string{"Kearsipan"}, impl: []string{pdArsip},
		tags: []string{"kearsipan"}, laws: []string{"uu43_2009"}, region: true},
	{key: "ekraf", subject: "Pengembangan Ekonomi Kreatif",
		scope:   []string{"pemetaan dan pendataan pelaku ekonomi kreatif", "inkubasi dan pendampingan usaha kreatif", "fasilitasi hak kekayaan intelektual", "penyelenggaraan pameran produk kreatif"},
		affairs: []string{"Pariwisata"}, impl: []string{pdPariwisata, pdKUKM},
		tags: []string{"ekonomi kreatif"}, laws: []string{"uu10_2009"}, region: true},
	{key: "budaya", subject: "Pelestarian Cagar Budaya dan Kesenian Daerah",
		scope:   []string{"inventarisasi dan pelestarian cagar budaya", "pertukaran misi kesenian", "penyelenggaraan festival budaya bersama", "pembinaan sanggar dan pelaku seni"},
		affairs: []string{"Kebudayaan"}, impl: []string{pdPariwisata},
		tags: []string{"budaya"}, laws: []string{"uu5_2017"}, region: true},
	{key: "kkn", subject: "Penyelenggaraan Kuliah Kerja Nyata Tematik",
		scope:   []string{"penempatan mahasiswa pada desa dan kelurahan", "pemberdayaan masyarakat berbasis potensi desa", "pendampingan program prioritas daerah", "publikasi dan pelaporan hasil kegiatan"},
		affairs: []string{"Pemberdayaan Masyarakat dan Desa"}, impl: []string{pdDPMD, pdBappeda},
		tags: []string{"kkn", "perguruan tinggi"}, laws: []string{"uu12_2012", "uu6_2014"}},
	{key: "tridharma", subject: "Pelaksanaan Tri Dharma Perguruan Tinggi",
		scope:   []string{"pendidikan dan pengajaran", "penelitian dan pengembangan", "pengabdian kepada masyarakat", "pengembangan sumber daya manusia aparatur melalui tugas belajar"},
		affairs: []string{"Penelitian dan Pengembangan"}, impl: []string{pdBappeda, pdBKPSDM},
		tags: []string{"perguruan tinggi"}, laws: []string{"uu12_2012", "uu11_2019"}},
	{key: "kajian", subject: "Penyusunan Kajian dan Naskah Akademik Kebijakan Daerah",
		scope:   []string{"penyusunan kajian kebijakan pembangunan daerah", "penyusunan naskah akademik rancangan peraturan daerah", "evaluasi pelaksanaan program pembangunan", "penyelenggaraan seminar dan diskusi kebijakan"},
		affairs: []string{"Perencanaan"}, impl: []string{pdBappeda, pdHukum},
		tags: []string{"kajian", "perguruan tinggi"}, laws: []string{"uu12_2012", "uu11_2019"}},
	{key: "perbankan", subject: "Penggunaan Layanan Jasa Perbankan",
		scope:   []string{"pengelolaan rekening kas umum daerah", "penerimaan pajak daerah dan retribusi daerah", "pembayaran gaji dan tunjangan aparatur", "layanan perbankan elektronik bagi perangkat daerah"},
		affairs: []string{"Keuangan"}, impl: []string{pdBPKAD, pdBapenda},
		tags: []string{"perbankan", "keuangan daerah"}, laws: []string{"pp12_2019", "uu4_2023"}, data: true},
	{key: "etpd", subject: "Elektronifikasi Transaksi Pemerintah Daerah",
		scope:   []string{"penerapan kanal pembayaran nontunai pajak daerah", "penggunaan kartu kredit pemerintah daerah", "integrasi sistem informasi pendapatan daerah dengan layanan bank", "sosialisasi transaksi nontunai kepada masyarakat"},
		affairs: []string{"Keuangan"}, impl: []string{pdBapenda, pdBPKAD},
		tags: []string{"etpd", "keuangan daerah"}, laws: []string{"pp12_2019", "uu1_2022"}, data: true},
	{key: "kredit", subject: "Pembiayaan Usaha Mikro melalui Kredit Usaha Daerah",
		scope:   []string{"penyaluran kredit berbunga ringan bagi usaha mikro", "pemberian subsidi bunga oleh pemerintah daerah", "pendampingan dan pembinaan debitur", "pelaporan penyaluran kredit"},
		affairs: []string{"Koperasi, Usaha Kecil, dan Menengah"}, impl: []string{pdKUKM, pdBPKAD},
		tags: []string{"umkm", "kredit"}, laws: []string{"uu20_2008", "uu4_2023"}, dprd: true},
	{key: "tjsl", subject: "Pelaksanaan Tanggung Jawab Sosial dan Lingkungan Perusahaan",
		scope:   []string{"penyelarasan program tanggung jawab sosial dengan prioritas pembangunan daerah", "bantuan sarana pendidikan dan kesehatan", "pemberdayaan ekonomi masyarakat sekitar", "pelestarian lingkungan hidup"},
		affairs: []string{"Sosial"}, impl: []string{pdBappeda, pdSosial},
		tags: []string{"tjsl", "csr"}, laws: []string{"uu40_2007", "pp47_2012"}},
	{key: "internet", subject: "Penyediaan Jaringan Telekomunikasi dan Internet Desa",
		scope:   []string{"pembangunan jaringan akses internet di desa", "pemanfaatan menara dan infrastruktur pasif milik daerah", "penyediaan layanan internet pada fasilitas publik", "pelatihan literasi digital bagi aparatur desa"},
		affairs: []string{"Komunikasi dan Informatika"}, impl: []string{pdKominfo, pdDPMD},
		tags: []string{"internet", "desa", "digital"}, laws: []string{"uu6_2014", "perpres95_2018"}},
	{key: "bmd", subject: "Pemanfaatan Barang Milik Daerah",
		scope:   []string{"pemanfaatan tanah dan bangunan milik daerah", "pembangunan dan pengoperasian fasilitas di atas aset daerah", "pembayaran kontribusi tetap dan pembagian keuntungan", "penyerahan kembali aset pada akhir jangka waktu"},
		affairs: []string{"Keuangan"}, impl: []string{pdBPKAD},
		tags: []string{"aset daerah", "investasi"}, laws: []string{"pp27_2014", "uu1_2022"}, long: true, dprd: true},
	{key: "ebt", subject: "Pengembangan Energi Baru dan Terbarukan",
		scope:   []string{"studi kelayakan pembangkit listrik tenaga surya", "pemanfaatan atap gedung pemerintah untuk panel surya", "pengembangan energi biomassa berbasis limbah pertanian", "efisiensi energi pada bangunan pemerintah"},
		affairs: []string{"Energi dan Sumber Daya Mineral"}, impl: []string{pdPUPR, pdDLH},
		tags: []string{"energi", "lingkungan"}, laws: []string{"uu30_2007"}, long: true},
	{key: "tenagakerja", subject: "Penempatan dan Pelindungan Tenaga Kerja",
		scope:   []string{"pertukaran informasi pasar kerja", "pelatihan kerja berbasis kompetensi", "penempatan tenaga kerja antardaerah", "pelindungan dan pengawasan tenaga kerja"},
		affairs: []string{"Tenaga Kerja"}, impl: []string{pdNaker},
		tags: []string{"ketenagakerjaan"}, laws: []string{"uu13_2003"}, region: true},
	{key: "jkn", subject: "Penyelenggaraan Program Jaminan Kesehatan Nasional",
		scope:   []string{"pendaftaran penduduk sebagai peserta penerima bantuan iuran daerah", "pembayaran iuran jaminan kesehatan", "pemutakhiran data kepesertaan", "peningkatan mutu layanan fasilitas kesehatan"},
		affairs: []string{"Kesehatan", "Sosial"}, impl: []string{pdDinkes, pdSosial},
		tags: []string{"jkn", "kesehatan"}, laws: []string{"uu40_2004", "uu24_2011"}, data: true},
	{key: "pad", subject: "Optimalisasi Pendapatan Asli Daerah",
		scope:   []string{"pertukaran data wajib pajak daerah", "pengawasan kepatuhan wajib pajak", "pengembangan sistem informasi pajak daerah", "penagihan tunggakan pajak daerah"},
		affairs: []string{"Keuangan"}, impl: []string{pdBapenda},
		tags: []string{"pajak daerah", "pad"}, laws: []string{"uu1_2022"}, region: true, data: true},
	{key: "desawisata", subject: "Pengembangan Desa Wisata",
		scope:   []string{"pendampingan pengelola desa wisata", "pengembangan atraksi dan homestay", "promosi desa wisata melalui media digital", "penguatan kelompok sadar wisata"},
		affairs: []string{"Pariwisata", "Pemberdayaan Masyarakat dan Desa"}, impl: []string{pdPariwisata, pdDPMD},
		tags: []string{"pariwisata", "desa"}, laws: []string{"uu10_2009", "uu6_2014"}, region: true},
	{key: "pengawasan", subject: "Penguatan Pengawasan Intern Pemerintah Daerah",
		scope:   []string{"peningkatan kapabilitas aparat pengawasan intern pemerintah", "pendampingan penerapan sistem pengendalian intern", "reviu laporan keuangan dan kinerja", "pencegahan korupsi dan pengelolaan benturan kepentingan"},
		affairs: []string{"Pengawasan"}, impl: []string{pdInspektor},
		tags: []string{"pengawasan"}, laws: []string{"pp12_2019", "uu30_2014"}, region: true},
	{key: "pbj", subject: "Pengadaan Barang/Jasa Pemerintah Secara Elektronik",
		scope:   []string{"pemanfaatan sistem pengadaan secara elektronik", "pengembangan katalog elektronik lokal", "peningkatan kompetensi pengelola pengadaan", "pendampingan penyelesaian permasalahan kontrak"},
		affairs: []string{"Pengadaan Barang/Jasa"}, impl: []string{pdBPKAD, pdOrganisasi},
		tags: []string{"pengadaan"}, laws: []string{"perpres12_2021"}, region: true},
	{key: "anak", subject: "Pelindungan Perempuan dan Anak",
		scope:   []string{"penanganan kasus kekerasan terhadap perempuan dan anak", "pemulangan dan reintegrasi korban", "penyediaan rumah aman", "pemenuhan hak anak"},
		affairs: []string{"Pemberdayaan Perempuan dan Pelindungan Anak"}, impl: []string{pdSosial},
		tags: []string{"perlindungan anak", "perempuan"}, laws: []string{"uu35_2014"}, region: true, data: true},
	{key: "inflasi", subject: "Pengendalian Inflasi Daerah",
		scope:   []string{"kerja sama antardaerah dalam pemenuhan pasokan komoditas", "pertukaran informasi harga dan neraca komoditas", "operasi pasar dan gerakan pangan murah", "penguatan distribusi dan logistik pangan"},
		affairs: []string{"Perdagangan", "Pangan"}, impl: []string{pdKUKM, pdPertanian},
		tags: []string{"inflasi", "pangan"}, laws: []string{"uu7_2014", "uu18_2012"}, region: true},
	{key: "sdmti", subject: "Pengembangan Sumber Daya Manusia Bidang Teknologi Informasi",
		scope:   []string{"pelatihan dan sertifikasi kompetensi teknologi informasi", "beasiswa pendidikan vokasi digital", "program magang bagi lulusan", "pengembangan talenta digital daerah"},
		affairs: []string{"Komunikasi dan Informatika"}, impl: []string{pdKominfo, pdBKPSDM},
		tags: []string{"talenta digital", "sdm"}, laws: []string{"perpres95_2018", "uu12_2012"}},
	{key: "lahankritis", subject: "Rehabilitasi Hutan dan Lahan Kritis",
		scope:   []string{"penanaman pohon pada lahan kritis", "penyediaan bibit tanaman produktif", "pemberdayaan masyarakat sekitar kawasan hutan", "pemantauan tutupan lahan"},
		affairs: []string{"Lingkungan Hidup"}, impl: []string{pdDLH},
		tags: []string{"lingkungan", "rehabilitasi lahan"}, laws: []string{"uu41_1999", "uu32_2009"}, region: true, wajib: true},
	{key: "limbah", subject: "Penyelenggaraan Sistem Pengelolaan Air Limbah Domestik",
		scope:   []string{"pemanfaatan instalasi pengolahan lumpur tinja", "layanan penyedotan lumpur tinja terjadwal", "pembagian biaya operasional dan pemeliharaan", "pengawasan mutu air limbah"},
		affairs: []string{"Pekerjaan Umum dan Penataan Ruang"}, impl: []string{pdPUPR, pdPerkim},
		tags: []string{"sanitasi", "infrastruktur"}, laws: []string{"uu32_2009", "uu17_2019"}, region: true, wajib: true, dprd: true},
	{key: "desa", subject: "Pemberdayaan Masyarakat Desa",
		scope:   []string{"pengembangan badan usaha milik desa", "peningkatan kapasitas aparatur desa", "pertukaran praktik baik tata kelola keuangan desa", "pengembangan produk unggulan desa"},
		affairs: []string{"Pemberdayaan Masyarakat dan Desa"}, impl: []string{pdDPMD},
		tags: []string{"desa"}, laws: []string{"uu6_2014"}, region: true},
	{key: "ikm", subject: "Pengembangan Sentra Industri Kecil dan Menengah",
		scope:   []string{"penataan sentra industri kecil dan menengah", "bantuan mesin dan peralatan produksi", "pelatihan desain dan pengemasan produk", "fasilitasi sertifikasi halal dan standar mutu"},
		affairs: []string{"Perindustrian"}, impl: []string{pdKUKM},
		tags: []string{"industri", "umkm"}, laws: []string{"uu3_2014", "uu20_2008"}, region: true},
	{key: "perbatasan", subject: "Penataan dan Pengelolaan Kawasan Perbatasan Antardaerah",
		scope:   []string{"penegasan dan pemeliharaan batas daerah", "penyelarasan rencana tata ruang kawasan perbatasan", "pelayanan publik bagi penduduk di kawasan perbatasan", "pembangunan sarana dan prasarana kawasan perbatasan"},
		affairs: []string{"Pemerintahan Umum", "Pekerjaan Umum dan Penataan Ruang"}, impl: []string{pdBappeda, pdPUPR},
		tags: []string{"perbatasan", "tata ruang"}, laws: []string{"uu26_2007"}, region: true, wajib: true},
	{key: "perpustakaan", subject: "Pengembangan Perpustakaan dan Budaya Gemar Membaca",
		scope:   []string{"layanan perpustakaan keliling dan digital", "pertukaran koleksi bahan pustaka", "pembinaan perpustakaan desa dan sekolah", "gerakan literasi masyarakat"},
		affairs: []string{"Perpustakaan"}, impl: []string{pdArsip},
		tags: []string{"literasi", "perpustakaan"}, laws: []string{"uu43_2007"}, region: true},
	{key: "olahraga", subject: "Pembinaan Kepemudaan dan Olahraga",
		scope:   []string{"pembinaan atlet berprestasi", "pemanfaatan bersama sarana olahraga", "penyelenggaraan kejuaraan antardaerah", "kewirausahaan pemuda"},
		affairs: []string{"Kepemudaan dan Olahraga"}, impl: []string{pdPariwisata},
		tags: []string{"olahraga", "pemuda"}, laws: []string{"uu11_2022"}, region: true},
	{key: "perumahan", subject: "Penyediaan Perumahan bagi Masyarakat Berpenghasilan Rendah",
		scope:   []string{"percepatan perizinan persetujuan bangunan gedung rumah sederhana", "penyediaan lahan dan prasarana perumahan", "fasilitasi pembiayaan perumahan", "peningkatan kualitas rumah tidak layak huni"},
		affairs: []string{"Perumahan dan Kawasan Permukiman"}, impl: []string{pdPerkim, pdDPMPTSP},
		tags: []string{"perumahan", "mbr"}, laws: []string{"uu1_2011"}, region: true},
	{key: "pengaduan", subject: "Pengelolaan Pengaduan Pelayanan Publik",
		scope:   []string{"integrasi kanal pengaduan masyarakat", "penanganan dan tindak lanjut pengaduan", "pemantauan kepatuhan standar pelayanan", "survei kepuasan masyarakat"},
		affairs: []string{"Komunikasi dan Informatika"}, impl: []string{pdKominfo, pdOrganisasi},
		tags: []string{"pengaduan", "pelayanan publik"}, laws: []string{"uu25_2009", "uu14_2008"}, region: true},
}

// qualifiers are appended to a root subject so that subjects vary.
var qualifiers = []string{
	" dalam rangka Peningkatan Kualitas Pelayanan Publik",
	" untuk Mendukung Percepatan Pembangunan Daerah",
	" dan Replikasi Inovasi Daerah",
	" Secara Terpadu dan Berkelanjutan",
	" Berbasis Teknologi Informasi",
	" dalam rangka Mewujudkan Tata Kelola Pemerintahan yang Baik",
	" bagi Kesejahteraan Masyarakat",
	" di Wilayah Perbatasan",
	" melalui Sinergi Program Pemerintah Daerah",
	" Tahap Kedua",
	" dan Penguatan Kelembagaan",
	" dalam rangka Pemulihan Ekonomi Daerah",
}

var laws = map[string]agreement.LegalBasis{
	"uu25_2009":      {Kind: "Undang-Undang", Number: "25", Year: 2009, About: "Pelayanan Publik"},
	"pp5_2021":       {Kind: "Peraturan Pemerintah", Number: "5", Year: 2021, About: "Penyelenggaraan Perizinan Berusaha Berbasis Risiko"},
	"uu25_2007":      {Kind: "Undang-Undang", Number: "25", Year: 2007, About: "Penanaman Modal"},
	"perpres95_2018": {Kind: "Peraturan Presiden", Number: "95", Year: 2018, About: "Sistem Pemerintahan Berbasis Elektronik"},
	"uu14_2008":      {Kind: "Undang-Undang", Number: "14", Year: 2008, About: "Keterbukaan Informasi Publik"},
	"uu24_2013":      {Kind: "Undang-Undang", Number: "24", Year: 2013, About: "Perubahan atas Undang-Undang Nomor 23 Tahun 2006 tentang Administrasi Kependudukan"},
	"uu27_2022":      {Kind: "Undang-Undang", Number: "27", Year: 2022, About: "Pelindungan Data Pribadi"},
	"uu20_2023":      {Kind: "Undang-Undang", Number: "20", Year: 2023, About: "Aparatur Sipil Negara"},
	"uu10_2009":      {Kind: "Undang-Undang", Number: "10", Year: 2009, About: "Kepariwisataan"},
	"uu18_2008":      {Kind: "Undang-Undang", Number: "18", Year: 2008, About: "Pengelolaan Sampah"},
	"uu32_2009":      {Kind: "Undang-Undang", Number: "32", Year: 2009, About: "Perlindungan dan Pengelolaan Lingkungan Hidup"},
	"pp122_2015":     {Kind: "Peraturan Pemerintah", Number: "122", Year: 2015, About: "Sistem Penyediaan Air Minum"},
	"uu17_2019":      {Kind: "Undang-Undang", Number: "17", Year: 2019, About: "Sumber Daya Air"},
	"pp38_2017":      {Kind: "Peraturan Pemerintah", Number: "38", Year: 2017, About: "Inovasi Daerah"},
	"uu30_2014":      {Kind: "Undang-Undang", Number: "30", Year: 2014, About: "Administrasi Pemerintahan"},
	"perpres89_2021": {Kind: "Peraturan Presiden", Number: "89", Year: 2021, About: "Penyelenggaraan Mal Pelayanan Publik"},
	"uu20_2008":      {Kind: "Undang-Undang", Number: "20", Year: 2008, About: "Usaha Mikro, Kecil, dan Menengah"},
	"uu18_2012":      {Kind: "Undang-Undang", Number: "18", Year: 2012, About: "Pangan"},
	"uu19_2013":      {Kind: "Undang-Undang", Number: "19", Year: 2013, About: "Perlindungan dan Pemberdayaan Petani"},
	"uu26_2007":      {Kind: "Undang-Undang", Number: "26", Year: 2007, About: "Penataan Ruang"},
	"uu24_2007":      {Kind: "Undang-Undang", Number: "24", Year: 2007, About: "Penanggulangan Bencana"},
	"uu22_2009":      {Kind: "Undang-Undang", Number: "22", Year: 2009, About: "Lalu Lintas dan Angkutan Jalan"},
	"uu17_2023":      {Kind: "Undang-Undang", Number: "17", Year: 2023, About: "Kesehatan"},
	"perpres72_2021": {Kind: "Peraturan Presiden", Number: "72", Year: 2021, About: "Percepatan Penurunan Stunting"},
	"uu20_2003":      {Kind: "Undang-Undang", Number: "20", Year: 2003, About: "Sistem Pendidikan Nasional"},
	"perpres39_2019": {Kind: "Peraturan Presiden", Number: "39", Year: 2019, About: "Satu Data Indonesia"},
	"uu43_2009":      {Kind: "Undang-Undang", Number: "43", Year: 2009, About: "Kearsipan"},
	"uu5_2017":       {Kind: "Undang-Undang", Number: "5", Year: 2017, About: "Pemajuan Kebudayaan"},
	"uu12_2012":      {Kind: "Undang-Undang", Number: "12", Year: 2012, About: "Pendidikan Tinggi"},
	"uu6_2014":       {Kind: "Undang-Undang", Number: "6", Year: 2014, About: "Desa"},
	"uu11_2019":      {Kind: "Undang-Undang", Number: "11", Year: 2019, About: "Sistem Nasional Ilmu Pengetahuan dan Teknologi"},
	"pp12_2019":      {Kind: "Peraturan Pemerintah", Number: "12", Year: 2019, About: "Pengelolaan Keuangan Daerah"},
	"uu4_2023":       {Kind: "Undang-Undang", Number: "4", Year: 2023, About: "Pengembangan dan Penguatan Sektor Keuangan"},
	"uu1_2022":       {Kind: "Undang-Undang", Number: "1", Year: 2022, About: "Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah"},
	"uu40_2007":      {Kind: "Undang-Undang", Number: "40", Year: 2007, About: "Perseroan Terbatas"},
	"pp47_2012":      {Kind: "Peraturan Pemerintah", Number: "47", Year: 2012, About: "Tanggung Jawab Sosial dan Lingkungan Perseroan Terbatas"},
	"pp27_2014":      {Kind: "Peraturan Pemerintah", Number: "27", Year: 2014, About: "Pengelolaan Barang Milik Negara/Daerah"},
	"uu30_2007":      {Kind: "Undang-Undang", Number: "30", Year: 2007, About: "Energi"},
	"uu13_2003":      {Kind: "Undang-Undang", Number: "13", Year: 2003, About: "Ketenagakerjaan"},
	"uu40_2004":      {Kind: "Undang-Undang", Number: "40", Year: 2004, About: "Sistem Jaminan Sosial Nasional"},
	"uu24_2011":      {Kind: "Undang-Undang", Number: "24", Year: 2011, About: "Badan Penyelenggara Jaminan Sosial"},
	"perpres12_2021": {Kind: "Peraturan Presiden", Number: "12", Year: 2021, About: "Perubahan atas Peraturan Presiden Nomor 16 Tahun 2018 tentang Pengadaan Barang/Jasa Pemerintah"},
	"uu35_2014":      {Kind: "Undang-Undang", Number: "35", Year: 2014, About: "Perubahan atas Undang-Undang Nomor 23 Tahun 2002 tentang Perlindungan Anak"},
	"uu7_2014":       {Kind: "Undang-Undang", Number: "7", Year: 2014, About: "Perdagangan"},
	"uu41_1999":      {Kind: "Undang-Undang", Number: "41", Year: 1999, About: "Kehutanan"},
	"uu3_2014":       {Kind: "Undang-Undang", Number: "3", Year: 2014, About: "Perindustrian"},
	"uu43_2007":      {Kind: "Undang-Undang", Number: "43", Year: 2007, About: "Perpustakaan"},
	"uu11_2022":      {Kind: "Undang-Undang", Number: "11", Year: 2022, About: "Keolahragaan"},
	"uu1_2011":       {Kind: "Undang-Undang", Number: "1", Year: 2011, About: "Perumahan dan Kawasan Permukiman"},
}

// base legal bases of every agreement; the UU 23/2014 wording depends on the year.
var (
	lawPP28 = agreement.LegalBasis{Kind: "Peraturan Pemerintah", Number: "28", Year: 2018, About: "Kerja Sama Daerah"}
	lawPMDN = agreement.LegalBasis{Kind: "Peraturan Menteri Dalam Negeri", Number: "22", Year: 2020,
		About: "Tata Cara Kerja Sama Daerah dengan Daerah Lain dan Kerja Sama Daerah dengan Pihak Ketiga"}
	lawUU23 = [...]agreement.LegalBasis{
		{Kind: "Undang-Undang", Number: "23", Year: 2014, About: "Pemerintahan Daerah sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"},
		{Kind: "Undang-Undang", Number: "23", Year: 2014, About: "Pemerintahan Daerah sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 11 Tahun 2020 tentang Cipta Kerja"},
		{Kind: "Undang-Undang", Number: "23", Year: 2014, About: "Pemerintahan Daerah sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023 tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2022 tentang Cipta Kerja menjadi Undang-Undang"},
	}
)

// org is a party that is not a regional government.
type org struct {
	kind    agreement.PartyKind
	name    string
	short   string
	seat    string
	leader  string // jabatan of its pimpinan
	stems   []string
	style   int    // partner numbering style
	person  string // fixed leader name (foreign parties)
	foreign bool   // KSDPL (a foreign regional government) rather than KSDLL
}

var orgs = []org{
	{agreement.PartyKementerian, "Kementerian Dalam Negeri", "Kemendagri", "Jakarta", "Direktur Jenderal Kependudukan dan Pencatatan Sipil", []string{"adminduk", "inovasi", "spbe"}, 7, "", false},
	{agreement.PartyKementerian, "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "KemenPAN-RB", "Jakarta", "Deputi Bidang Pelayanan Publik", []string{"mpp", "rb", "pengaduan"}, 7, "", false},
	{agreement.PartyKementerian, "Kementerian Komunikasi dan Digital", "Komdigi", "Jakarta", "Direktur Jenderal Teknologi Pemerintah Digital", []string{"spbe", "smartcity", "sdmti"}, 4, "", false},
	{agreement.PartyKementerian, "Badan Pusat Statistik", "BPS", "Jakarta", "Deputi Bidang Metodologi dan Informasi Statistik", []string{"satudata"}, 7, "", false},
	{agreement.PartyKementerian, "Badan Siber dan Sandi Negara", "BSSN", "Jakarta", "Deputi Bidang Keamanan Siber dan Sandi Pemerintahan dan Pembangunan Manusia", []string{"persandian"}, 7, "", false},
	{agreement.PartyKementerian, "Arsip Nasional Republik Indonesia", "ANRI", "Jakarta", "Deputi Bidang Pembinaan Kearsipan", []string{"arsip"}, 4, "", false},
	{agreement.PartyKementerian, "Badan Penyelenggara Jaminan Sosial Kesehatan", "BPJS Kesehatan", "Jakarta", "Direktur Kepesertaan", []string{"jkn"}, 7, "", false},
	{agreement.PartyKementerian, "Badan Pengawasan Keuangan dan Pembangunan", "BPKP", "Jakarta", "Deputi Bidang Pengawasan Penyelenggaraan Keuangan Daerah", []string{"pengawasan"}, 7, "", false},
	{agreement.PartyKementerian, "Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah", "LKPP", "Jakarta", "Deputi Bidang Monitoring-Evaluasi dan Pengembangan Sistem Informasi", []string{"pbj"}, 4, "", false},
	{agreement.PartyKementerian, "Badan Riset dan Inovasi Nasional", "BRIN", "Jakarta", "Deputi Bidang Riset dan Inovasi Daerah", []string{"inovasi", "kajian"}, 7, "", false},
	{agreement.PartyBUMD, "PT Bank Pembangunan Daerah Jawa Barat dan Banten Tbk", "bank bjb", "Bandung", "Direktur Utama", []string{"perbankan", "etpd", "kredit", "adminduk"}, 6, "", false},
	{agreement.PartyBUMD, "PT Bank Pembangunan Daerah Lampung", "Bank Lampung", "Bandar Lampung", "Direktur Utama", []string{"perbankan", "etpd"}, 6, "", false},
	{agreement.PartyBUMD, "PT Bank Pembangunan Daerah Jawa Tengah", "Bank Jateng", "Semarang", "Direktur Utama", []string{"perbankan", "etpd", "kredit"}, 6, "", false},
	{agreement.PartyBUMD, "Perusahaan Umum Daerah Air Minum Tirta Medal", "Perumda Tirta Medal", "Sumedang", "Direktur Utama", []string{"airminum", "limbah"}, 6, "", false},
	{agreement.PartyBUMD, "PT Jasa Sarana", "PT Jasa Sarana", "Bandung", "Direktur Utama", []string{"airminum", "sampah", "ebt"}, 6, "", false},
	{agreement.PartyBUMD, "PT Migas Hulu Jabar", "PT MUJ", "Bandung", "Direktur Utama", []string{"ebt", "tjsl"}, 6, "", false},
	{agreement.PartyPT, "Universitas Padjadjaran", "Unpad", "Bandung", "Rektor", []string{"kkn", "tridharma", "kajian", "stunting"}, 5, "", false},
	{agreement.PartyPT, "Institut Pemerintahan Dalam Negeri", "IPDN", "Sumedang", "Rektor", []string{"kapasitas", "tridharma", "kajian", "rb"}, 5, "", false},
	{agreement.PartyPT, "Institut Teknologi Bandung", "ITB", "Bandung", "Rektor", []string{"tridharma", "kajian", "smartcity", "sdmti"}, 5, "", false},
	{agreement.PartyPT, "Universitas Lampung", "Unila", "Bandar Lampung", "Rektor", []string{"kkn", "tridharma", "kajian"}, 5, "", false},
	{agreement.PartyPT, "Universitas Pendidikan Indonesia", "UPI", "Bandung", "Rektor", []string{"pendidikan", "kkn", "tridharma"}, 5, "", false},
	{agreement.PartyPT, "Universitas Gadjah Mada", "UGM", "Sleman", "Rektor", []string{"kkn", "tridharma", "kajian", "desa"}, 5, "", false},
	{agreement.PartyPT, "Institut Pertanian Bogor", "IPB", "Bogor", "Rektor", []string{"pangan", "agro", "tridharma", "lahankritis"}, 5, "", false},
	{agreement.PartyPT, "Universitas Sebelas April", "Unsap", "Sumedang", "Rektor", []string{"kkn", "tridharma", "desa"}, 5, "", false},
	{agreement.PartySwasta, "PT Telekomunikasi Indonesia (Persero) Tbk", "Telkom", "Bandung", "Executive Vice President Regional", []string{"internet", "smartcity", "spbe"}, 6, "", false},
	{agreement.PartySwasta, "PT Pos Indonesia (Persero)", "Pos Indonesia", "Bandung", "Direktur Bisnis Jasa Keuangan", []string{"etpd", "adminduk"}, 6, "", false},
	{agreement.PartySwasta, "PT Nusantara Data Solusi", "PT NDS", "Jakarta", "Direktur Utama", []string{"spbe", "satudata", "sdmti"}, 6, "", false},
	{agreement.PartySwasta, "PT Cahaya Surya Energi Lestari", "PT CSEL", "Bandung", "Direktur Utama", []string{"ebt", "bmd"}, 6, "", false},
	{agreement.PartySwasta, "PT Agro Makmur Parahyangan", "PT AMP", "Bandung", "Direktur", []string{"agro", "pangan", "tjsl"}, 6, "", false},
	{agreement.PartySwasta, "PT Griya Karya Mandiri", "PT GKM", "Bekasi", "Direktur Utama", []string{"perumahan", "bmd"}, 6, "", false},
	{agreement.PartySwasta, "PT Karya Semen Priangan", "PT KSP", "Jakarta", "Direktur", []string{"tjsl", "lahankritis"}, 6, "", false},
	{agreement.PartyLuarNegeri, "Majlis Bandaraya Seberang Perai", "MBSP", "Seberang Perai, Pulau Pinang, Malaysia", "Datuk Bandar Seberang Perai", []string{"inovasi", "promosi", "sampah"}, 6, "Dato' Haji Rosli bin Abdullah", true},
	{agreement.PartyLuarNegeri, "Japan International Cooperation Agency", "JICA", "Tokyo, Jepang", "Chief Representative JICA Indonesia Office", []string{"bencana", "sampah", "kapasitas"}, 6, "Takahiro Sasaki", false},
}

// name parts by cultural group.
type nameGroup struct {
	male, female         []string
	lastMale, lastFemale []string
	muslim               bool // may carry the H./Hj. title
}

const (
	grpJawa = iota
	grpSunda
	grpBatak
	grpMinang
	grpBugis
	grpMelayu
	grpBali
	grpTimur
)

var nameGroups = []nameGroup{
	grpJawa: {
		male:       []string{"Agus", "Bambang", "Budi", "Joko", "Hadi", "Eko", "Slamet", "Teguh", "Wahyu", "Dwi", "Heru", "Sigit", "Bayu", "Aris", "Yudi", "Hari", "Gatot", "Priyo", "Rudi", "Nur"},
		female:     []string{"Sri", "Endang", "Retno", "Dewi", "Siti", "Tri", "Rini", "Wulan", "Ratna", "Yuli", "Anik", "Wiwik"},
		lastMale:   []string{"Santoso", "Wibowo", "Prasetyo", "Nugroho", "Susilo", "Hartono", "Purnomo", "Setiawan", "Kurniawan", "Haryanto", "Sutanto", "Wijaya", "Pramono", "Rahardjo", "Suharto", "Sulistyo"},
		lastFemale: []string{"Rahayu", "Wahyuni", "Lestari", "Handayani", "Susanti", "Purwanti", "Astuti", "Kusumawati", "Widyastuti", "Hidayati", "Utami", "Pratiwi"},
		muslim:     true,
	},
	grpSunda: {
		male:       []string{"Asep", "Dede", "Ujang", "Cecep", "Dadang", "Iwan", "Yayan", "Dony", "Ade", "Aceng", "Herman", "Deden", "Erwan", "Tatang", "Dadan", "Endang", "Rahmat", "Yana"},
		female:     []string{"Euis", "Neneng", "Cucu", "Enung", "Imas", "Yeni", "Rina", "Lilis", "Nia", "Ela", "Tati", "Wiwin"},
		lastMale:   []string{"Sutisna", "Suryana", "Hidayat", "Permana", "Supriatna", "Kusnadi", "Gunawan", "Rahmat", "Mulyana", "Sopandi", "Setiadi", "Ruhiyat", "Saepudin", "Firmansyah", "Sumantri", "Wiradinata"},
		lastFemale: []string{"Nurhayati", "Rohayati", "Kurniasih", "Rostika", "Sumarni", "Mulyani", "Komalasari", "Rosdiana", "Nuraeni", "Sulastri", "Nurjanah", "Marlina"},
		muslim:     true,
	},
	grpBatak: {
		male:       []string{"Robert", "Parlindungan", "Maruli", "Togar", "Hotman", "Sahat", "Benny", "Martua", "Bonar", "Poltak", "Edison", "Tigor", "Rudolf", "Sahala"},
		female:     []string{"Rosmawati", "Mery", "Lamtiur", "Friska", "Rumondang", "Tiurma", "Sondang", "Ruth", "Debora"},
		lastMale:   []string{"Siregar", "Nasution", "Simanjuntak", "Harahap", "Lubis", "Sitompul", "Panjaitan", "Hutapea", "Sinaga", "Situmorang", "Simatupang", "Tambunan", "Pardede", "Sihombing", "Manurung", "Hasibuan"},
		lastFemale: []string{"Siregar", "Nasution", "Simanjuntak", "Harahap", "Lubis", "Sitompul", "Panjaitan", "Hutapea", "Sinaga", "Situmorang", "Tambunan", "Manurung"},
	},
	grpMinang: {
		male:       []string{"Afrizal", "Fadly", "Mahyudin", "Zulkifli", "Syafrizal", "Irwan", "Hendri", "Nasrul", "Asrul", "Erman", "Yosrizal", "Masri", "Indra"},
		female:     []string{"Yenni", "Desi", "Fitri", "Rahmi", "Yulia", "Mardiah", "Nurhasanah", "Elvi", "Syafni"},
		lastMale:   []string{"Chaniago", "Piliang", "Tanjung", "Sikumbang", "Koto", "Jambak", "Guci", "Syamsuddin", "Effendi", "Anwar", "Datuak Rajo Mudo"},
		lastFemale: []string{"Chaniago", "Piliang", "Tanjung", "Sikumbang", "Koto", "Jambak", "Yusra", "Darmayanti", "Syafitri"},
		muslim:     true,
	},
	grpBugis: {
		male:       []string{"Andi Muhammad", "Baharuddin", "Syamsul", "Ashar", "Taufik", "Idris", "Rusdi", "Haerul", "Jufri", "Arifin", "Andi Akbar", "Muhammad Ramli", "Andi Irfan"},
		female:     []string{"Andi Nurul", "Hasnah", "Sitti", "Hamsiah", "Rahmawati", "Andi Ratna", "Nurlina", "Hasmiah"},
		lastMale:   []string{"Sulaiman", "Rachman", "Hamid", "Saleh", "Mustari", "Mappiare", "Patongai", "Labaso", "Tahir", "Baso", "Paewai", "Mappasessu"},
		lastFemale: []string{"Sulaiman", "Rachman", "Hamid", "Saleh", "Tahir", "Nurhayati", "Hasanah", "Amir"},
		muslim:     true,
	},
	grpMelayu: {
		male:       []string{"Syahrial", "Zainal", "Azhar", "Fauzi", "Rizal", "Hamdan", "Khairul", "Ismail", "Said", "Abdul Rahman", "Syafrudin", "Hendra", "Zulfikar", "Muhammad Yusuf"},
		female:     []string{"Nurlela", "Zuraidah", "Aisyah", "Rosmawati", "Hasnah", "Mariani", "Fatimah", "Nurul", "Raja Mariam"},
		lastMale:   []string{"Abdullah", "Hasan", "Ismail", "Yusuf", "Ibrahim", "Harun", "Syahputra", "Rahman", "Zakaria", "Saputra", "Hamzah", "Daulay"},
		lastFemale: []string{"Abdullah", "Hasan", "Yusuf", "Ibrahim", "Harun", "Rahman", "Zakaria", "Hayati", "Wati"},
		muslim:     true,
	},
	grpBali: {
		male:       []string{"Suarta", "Sudirta", "Artha", "Widiana", "Sukerta", "Budiasa", "Mahendra", "Dharma", "Suparta", "Adnyana", "Sudarsana", "Wirawan"},
		female:     []string{"Sari", "Ayu", "Suartini", "Artini", "Widiastuti", "Puspawati", "Suryani", "Sriasih"},
		lastMale:   []string{"Putra", "Wiryawan", "Kusuma", "Jaya", "Pering", "Sastra", "Gunawan", "Mertha"},
		lastFemale: []string{"Dewi", "Astiti", "Sari", "Laksmi", "Suwitri", "Rahayu"},
	},
	grpTimur: {
		male:       []string{"Yohanis", "Markus", "Petrus", "Fransiskus", "Marthen", "Yosef", "Agustinus", "Simon", "Daniel", "Yakobus", "Paulus", "Hendrik", "Stevanus"},
		female:     []string{"Maria", "Yohana", "Elisabeth", "Agustina", "Theresia", "Margaretha", "Yuliana", "Fransina"},
		lastMale:   []string{"Ndolu", "Manafe", "Haning", "Bria", "Mandaku", "Tallo", "Riwu", "Koten", "Kabes", "Rumbiak", "Mandowen", "Kambu", "Rumaropen", "Pattiasina", "Sahetapy", "Tuhumury", "Lumintang", "Wowor"},
		lastFemale: []string{"Ndolu", "Manafe", "Bria", "Tallo", "Riwu", "Rumbiak", "Pattiasina", "Sahetapy", "Lumintang", "Wowor"},
	},
}

var baliMale = []string{"I Wayan ", "I Made ", "I Nyoman ", "I Ketut ", "I Gusti Ngurah ", "I Putu "}
var baliFemale = []string{"Ni Luh ", "Ni Made ", "Ni Komang ", "Ni Putu ", "Ni Nyoman "}

var degreesS1 = []string{"S.H.", "S.E.", "S.T.", "S.Sos.", "S.IP.", "S.Kom.", "S.STP.", "S.Pd.", "S.Ag.", "S.P.", "S.Si.", "S.AP."}
var degreesS2 = []string{"M.Si.", "M.M.", "M.H.", "M.T.", "M.AP.", "M.Kes.", "M.Pd.", "M.E.", "M.Kom.", "M.P."}

var pangkatPD = []string{"Pembina (IV/a)", "Pembina Tingkat I (IV/b)", "Pembina Tingkat I (IV/b)", "Pembina Utama Muda (IV/c)"}

var streets = []string{"Jalan Jenderal Sudirman", "Jalan Ahmad Yani", "Jalan Diponegoro", "Jalan Pahlawan", "Jalan Merdeka",
	"Jalan Veteran", "Jalan Pangeran Antasari", "Jalan Gatot Subroto", "Jalan Siliwangi", "Jalan Pemuda",
	"Jalan Soekarno-Hatta", "Jalan Kartini", "Jalan Cut Nyak Dhien", "Jalan Imam Bonjol", "Jalan Raden Intan", "Jalan Sultan Hasanuddin"}

var objectives = []string{
	"meningkatkan kualitas penyelenggaraan pemerintahan dan pelayanan publik",
	"mengoptimalkan potensi dan sumber daya yang dimiliki PARA PIHAK",
	"meningkatkan efisiensi dan efektivitas penyelenggaraan urusan pemerintahan",
	"mendorong percepatan pembangunan dan peningkatan kesejahteraan masyarakat",
	"mewujudkan sinergi program dan kegiatan PARA PIHAK",
	"meningkatkan kapasitas kelembagaan dan sumber daya manusia PARA PIHAK",
	"mendorong pertukaran pengetahuan dan praktik baik antarinstansi",
	"menjamin keberlanjutan program yang telah dilaksanakan PARA PIHAK",
}

var obstacles = []string{
	"keterbatasan anggaran pada tahun berjalan",
	"pergantian pejabat pengelola kegiatan pada salah satu pihak",
	"rencana aksi bersama belum disusun secara rinci",
	"jaringan internet di lokasi kegiatan belum stabil",
	"penyesuaian jadwal karena agenda pimpinan daerah",
	"data pendukung dari perangkat daerah terkait belum lengkap",
	"koordinasi teknis antarperangkat daerah belum optimal",
}

var activityPrefixes = []string{
	"Rapat koordinasi pelaksanaan ",
	"Penyusunan rencana aksi ",
	"Pelaksanaan kegiatan ",
	"Kunjungan kerja dan studi tiru terkait ",
	"Bimbingan teknis ",
	"Evaluasi semester atas ",
}

var noteTexts = []string{
	"Naskah asli disimpan pada Bagian Kerja Sama Sekretariat Daerah.",
	"Tindak lanjut: dua orang staf perangkat daerah mitra melaksanakan magang selama dua minggu.",
	"Rencana aksi bersama disusun paling lambat tiga bulan setelah penandatanganan.",
	"Draf telah dikirim kepada mitra melalui surat elektronik; menunggu tanggapan.",
	"Telaah Bagian Hukum: tidak ada catatan substansial.",
	"Penandatanganan dirangkaikan dengan kunjungan kerja kepala daerah mitra.",
	"Laporan pelaksanaan disampaikan kepada Gubernur melalui Biro Pemerintahan.",
	"Perlu persetujuan DPRD karena membebani APBD lebih dari satu tahun anggaran.",
}

var cancelReasons = []string{
	"Mitra mengundurkan diri karena perubahan prioritas program.",
	"Substansi kerja sama telah tercakup dalam perjanjian lain yang masih berlaku.",
	"Tidak tersedia anggaran pada tahun berjalan.",
	"Diakhiri atas kesepakatan PARA PIHAK sebelum jangka waktu berakhir.",
	"Urusan pemerintahan yang dikerjasamakan beralih kewenangan ke pemerintah provinsi.",
	"Draf tidak ditindaklanjuti oleh mitra dalam jangka waktu yang disepakati.",
}
