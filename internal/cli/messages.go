package cli

import "sepakat/internal/i18n"

var msg = map[string]i18n.Text{
	"usage": {ID: `Pemakaian: sepakat-cli [--db BERKAS | --server KONEKSI] PERINTAH [ARGUMEN]

Perintah:
  demo                       muat tiga contoh bawaan
  list [--json] [--status S] [--kind J] [--party ID] [--year T] [--ending] [--limit N]
                             daftar perjanjian (terbaru diubah lebih dahulu)
  show ID [--json]           tampilkan satu perjanjian
  add BERKAS.json            tambah satu data (lihat docs/format.md)
  update ID BERKAS.json      ubah satu data; berkas memuat "rev" yang sedang diubah
  export-json BERKAS         ekspor seluruh isi berkas data ("-" untuk keluaran standar);
                             --salvage melewati data yang rusak dan menyebutkannya
  import-json BERKAS         impor ekspor Sepakat: semua atau tidak sama sekali
  import-sheet BERKAS.xlsx|BERKAS.csv [--sheet NAMA] [--map "KOLOM=isian,…"] [--dry-run]
         [--skip-bad] [--yes]
                             impor daftar lama dari Excel/CSV dalam satu transaksi; pemetaan
                             kolom diingat di pemetaan-impor.json di samping berkas data
  export-sheet BERKAS.xlsx|BERKAS.csv [--status S] [--kind J] [--party ID] [--year T] [--ending]
                             ekspor daftar perjanjian (saringan sama dengan list)
  gen --n N [--seed S]       buat korpus sintetis N perjanjian untuk uji kinerja
  pdf ID -o BERKAS.pdf [--konsep] [--paper A4|F4] [--tetap]
                             cetak naskah siap tanda tangan; cetakan dicatat di riwayat
  verify "KODE SIDIK"        periksa halaman cetak (kode dan sidik di kaki halaman, atau
                             teks kode QR): perjanjian, revisi, kapan dan oleh siapa
                             dicetak, dan apakah teksnya masih sama; keluar 0 cocok,
                             3 berubah sejak dicetak, 4 tidak dikenal
  docx ID -o BERKAS.docx [--paper A4|F4] [--kirim]
                             tulis naskah sebagai berkas Word untuk mitra; --kirim juga
                             menyimpannya sebagai lampiran "dikirim ke mitra"
  compare ID BERKAS.docx [--json] [--simpan]
                             bandingkan berkas Word dari mitra dengan naskah kita, pasal demi
                             pasal (--json: satu objek per perubahan); --simpan menyimpan
                             berkas mitra sebagai lampiran "diterima dari mitra"
  send ID -o BERKAS.sepakat   tulis paket .sepakat untuk mitra yang juga memakai Sepakat dan
                             simpan sebagai lampiran "dikirim ke mitra"
  receive BERKAS.sepakat [--into ID] [--json] [--yes] [--terima]
                             terima paket .sepakat dari mitra: konsep baru (--yes, juga
                             instansi dan pejabat yang belum ada) atau perbandingan pasal demi
                             pasal dengan naskah kita (--terima: semua perubahan naskah)
  search "KATA" [--kind J] [--status S] [--party ID] [--year T] [--pd NAMA]
         [--from TGL] [--to TGL] [--ending-within HARI] [--limit N] [--json]
                             cari perjanjian (teks lengkap, bahasa Indonesia)
  reindex                    bangun ulang indeks daftar dan pencarian
  compact                    padatkan berkas data (buang ruang kosong), sebutkan ukurannya
  sinonim [--set BERKAS | --clear]
                             tampilkan daftar sinonim pencarian, atau ganti/kosongkan
                             sinonim kantor sendiri (satu kelompok per baris, dipisah koma)
  check                      periksa keutuhan berkas data
  backup [BERKAS] [--second-place FOLDER | --no-second-place] [--keep H,M,B]
                             buat cadangan yang diperiksa di folder cadangan di samping
                             berkas data (atau ke BERKAS); --second-place juga menyalin
                             setiap cadangan ke folder lain (diska USB, folder jaringan);
                             --keep: berapa cadangan harian, mingguan, bulanan disimpan
  backups                    daftar cadangan, terbaru lebih dahulu
  restore SALINAN [--yes]    pulihkan berkas data dari sebuah cadangan; berkas sekarang
                             disimpan di sampingnya (sebelum-pulih-…)
  salvage OUT.db             salin setiap data yang masih terbaca ke berkas baru
  laporan --from TGL --to TGL | --year TAHUN [--semester 1|2] -o BERKAS.pdf|.xlsx
                             laporan periode: PDF berkop surat kantor, atau buku kerja Excel
  monev ID -o BERKAS.pdf     laporan monitoring dan evaluasi satu perjanjian (PDF berkop surat)
  telaah ID -o BERKAS.pdf    lembar telaah dan disposisi TKKSD, berkop surat kantor
  server init|push|pull      register di server PostgreSQL kantor (sepakat-cli server)

Cadangan harian dibuat otomatis saat berkas data pertama kali dibuka setiap hari,
dan sebelum impor, bangun ulang indeks dan perubahan sinonim.

Ctrl+C menghentikan import-json, export-json, reindex, sinonim --set dan check
tanpa mengubah berkas data.

Berkas data bawaan: %s
`, EN: `Usage: sepakat-cli [--db FILE | --server CONNECTION] COMMAND [ARGS]

Commands:
  demo                       load the three built-in examples
  list [--json] [--status S] [--kind K] [--party ID] [--year Y] [--ending] [--limit N]
                             list agreements (most recently changed first)
  show ID [--json]           show one agreement
  add FILE.json              add one record (see docs/format.md)
  update ID FILE.json        change one record; the file carries the "rev" being changed
  export-json FILE           export the whole data file ("-" for standard output);
                             --salvage leaves out damaged records and names them
  import-json FILE           import a Sepakat export: all of it or nothing
  import-sheet FILE.xlsx|FILE.csv [--sheet NAME] [--map "COLUMN=field,…"] [--dry-run]
         [--skip-bad] [--yes]
                             import an old register from Excel/CSV in one transaction; the
                             column mapping is kept in pemetaan-impor.json beside the data file
  export-sheet FILE.xlsx|FILE.csv [--status S] [--kind K] [--party ID] [--year Y] [--ending]
                             export the register (the same filters as list)
  gen --n N [--seed S]       write a synthetic corpus of N agreements for benchmarks
  pdf ID -o FILE.pdf [--konsep] [--paper A4|F4] [--tetap]
                             print the agreement ready for signing; the print is recorded
                             in its history
  verify "CODE FINGERPRINT"  check a printed page (the code and fingerprint at its foot, or
                             its QR code's text): the agreement, revision, when and by whom
                             it was printed, and whether its text is still the same; exits
                             0 matches, 3 changed since printed, 4 unknown
  docx ID -o FILE.docx [--paper A4|F4] [--kirim]
                             write the agreement as a Word file for the partner; --kirim
                             also keeps it as an attachment "sent to the partner"
  compare ID FILE.docx [--json] [--simpan]
                             compare the partner's Word file with our text, pasal by pasal
                             (--json: one object per change); --simpan keeps the partner's
                             file as an attachment "received from the partner"
  send ID -o FILE.sepakat     write a .sepakat package for a partner who uses Sepakat too and
                             keep it as an attachment "sent to the partner"
  receive FILE.sepakat [--into ID] [--json] [--yes] [--terima]
                             receive a partner's .sepakat package: a new draft (--yes, with
                             the parties and officials we lack) or the comparison pasal by
                             pasal with our text (--terima: every change of the text)
  search "WORDS" [--kind K] [--status S] [--party ID] [--year Y] [--pd NAME]
         [--from DATE] [--to DATE] [--ending-within DAYS] [--limit N] [--json]
                             full-text search in Indonesian
  reindex                    rebuild the list and search indexes
  compact                    compact the data file (drop its free space), giving its size
  sinonim [--set FILE | --clear]
                             show the search synonyms, or replace/empty the office's own
                             (one group per line, names separated by commas)
  check                      check the data file's integrity
  backup [FILE] [--second-place FOLDER | --no-second-place] [--keep D,W,M]
                             make a verified backup in the backup folder beside the data
                             file (or to FILE); --second-place also copies every backup to
                             another folder (USB stick, network share); --keep: how many
                             daily, weekly and monthly backups to keep
  backups                    list the backups, newest first
  restore COPY [--yes]       restore the data file from a backup; the current file is
                             kept beside it (sebelum-pulih-…)
  salvage OUT.db             copy every record still readable into a new file
  laporan --from DATE --to DATE | --year YEAR [--semester 1|2] -o FILE.pdf|.xlsx
                             period report: PDF on the office letterhead, or an Excel workbook
  monev ID -o FILE.pdf       monitoring and evaluation report of one agreement (PDF, letterhead)
  telaah ID -o FILE.pdf      the TKKSD's review and disposition sheet, on the office letterhead
  server init|push|pull      the register on the office's PostgreSQL server (sepakat-cli server)

A daily backup is made by itself when the data file is first opened each day,
and before an import, a reindex and a change of synonyms.

Ctrl+C stops import-json, export-json, reindex, sinonim --set and check
without changing the data file.

Default data file: %s
`},
	"synonyms_usage":    {ID: "Pemakaian: sinonim [--set BERKAS | --clear]", EN: "Usage: sinonim [--set FILE | --clear]"},
	"synonyms_shipped":  {ID: "# Sinonim bawaan Sepakat", EN: "# Synonyms shipped with Sepakat"},
	"synonyms_own":      {ID: "# Sinonim kantor sendiri", EN: "# The office's own synonyms"},
	"synonyms_own_none": {ID: "# Belum ada sinonim kantor sendiri. Tambahkan dengan: sepakat-cli sinonim --set BERKAS.txt", EN: "# No synonyms of the office's own yet. Add them with: sepakat-cli sinonim --set FILE.txt"},
	"synonyms_set":      {ID: "Sinonim kantor disimpan; indeks pencarian dibangun ulang.", EN: "Office synonyms saved; the search index was rebuilt."},
	"synonyms_resumes":  {ID: "Sinonim kantor disimpan, tetapi pembangunan ulang indeks pencarian dihentikan; dilanjutkan saat berkas data dibuka lagi. Sampai selesai, pencarian belum dapat dipakai.", EN: "Office synonyms saved, but rebuilding the search index was stopped; it goes on when the data file is opened again. Until it is done, search cannot be used."},
	"unknown_command":   {ID: "Perintah %q tidak dikenal.", EN: "Unknown command %q."},
	"need_args":         {ID: "Perintah %s memerlukan %s.", EN: "Command %s needs %s."},
	"bad_id":            {ID: "ID %q tidak valid: gunakan angka bulat positif, mis. 12.", EN: "Invalid ID %q: use a positive whole number, e.g. 12."},
	"bad_flag":          {ID: "Pilihan tidak valid: %v", EN: "Invalid option: %v"},
	"bad_date":          {ID: "Tanggal %q tidak valid: tulis TTTT-BB-HH, tanggal yang benar-benar ada, mis. 2025-07-04.", EN: "Invalid date %q: write YYYY-MM-DD, a date that exists, e.g. 2025-07-04."},
	"open_failed":       {ID: "Berkas data %s tidak dapat dibuka: %s", EN: "Cannot open data file %s: %s"},
	"read_failed":       {ID: "Berkas %s tidak dapat dibaca: %s", EN: "Cannot read file %s: %s"},
	"write_failed":      {ID: "Berkas %s tidak dapat ditulis: %s", EN: "Cannot write file %s: %s"},
	"bad_file":          {ID: "Berkas %s tidak valid: %s", EN: "File %s is not valid: %s"},
	"demo_done":         {ID: "Tiga contoh bawaan dimuat: %d perjanjian dan %d instansi ditambahkan; register kini berisi %d perjanjian.", EN: "Loaded the three built-in examples: %d agreements and %d parties added; the register now holds %d agreements."},
	"saved":             {ID: "Tersimpan: %s %d (revisi %d).", EN: "Saved: %s %d (revision %d)."},
	"exported":          {ID: "Diekspor ke %s: %d perjanjian, %d instansi, %d pejabat, %d surat kuasa.", EN: "Exported to %s: %d agreements, %d parties, %d officials, %d mandates."},
	"imported":          {ID: "Diimpor dari %s: %d perjanjian, %d instansi, %d pejabat, %d surat kuasa.", EN: "Imported from %s: %d agreements, %d parties, %d officials, %d mandates."},
	"generated":         {ID: "Dibuat %d perjanjian sintetis (benih %d) dalam %s.", EN: "Generated %d synthetic agreements (seed %d) in %s."},
	"reindexed":         {ID: "Indeks dibangun ulang.", EN: "Indexes rebuilt."},
	"check_ok":          {ID: "Berkas data utuh: %d perjanjian.", EN: "Data file is sound: %d agreements."},
	"id_mismatch":       {ID: "ID di berkas (%d) berbeda dengan ID pada perintah (%d).", EN: "The ID in the file (%d) differs from the ID given (%d)."},
	"add_has_id":        {ID: "Data baru tidak boleh memuat \"id\" atau \"rev\"; hapus keduanya, atau gunakan update.", EN: "A new record must not carry \"id\" or \"rev\"; remove both, or use update."},
	"update_needs_rev":  {ID: "Isi \"rev\" dengan revisi yang sedang diubah (lihat show ID --json).", EN: "Set \"rev\" to the revision being changed (see show ID --json)."},
	"empty_list":        {ID: "Belum ada perjanjian. Jalankan \"sepakat-cli demo\" untuk memuat contoh.", EN: "No agreements yet. Run \"sepakat-cli demo\" to load the examples."},
	"more":              {ID: "… %d dari %d ditampilkan; gunakan --limit untuk lebih banyak.", EN: "… %d of %d shown; use --limit for more."},
	"gen_n":             {ID: "--n harus antara 1 dan 10000000.", EN: "--n must be between 1 and 10000000."},
	"gen_not_empty":     {ID: "Korpus sintetis hanya dibuat pada berkas data kosong; %s sudah berisi perjanjian. Pilih berkas lain dengan --db.", EN: "A synthetic corpus goes only into an empty data file; %s already holds agreements. Choose another file with --db."},
	"pdf_failed":        {ID: "PDF tidak dibuat: %s", EN: "PDF not made: %s"},
	"pdf_check":         {ID: "PDF final tidak dibuat: pemeriksaan naskah menemukan\n%s\nPerbaiki naskahnya, cetak konsep dengan --konsep, atau cetak final apa adanya dengan --tetap.", EN: "Final PDF not made: the document check found\n%s\nCorrect the text, print a draft with --konsep, or print the final copy as it is with --tetap."},
	"pdf_done":          {ID: "PDF ditulis ke %s (kode %s, sidik %s).", EN: "PDF written to %s (code %s, fingerprint %s)."},
	"search_none":       {ID: "Tidak ada perjanjian yang cocok dengan %q. Periksa ejaannya atau kurangi kata kunci dan saringan.", EN: "No agreement matches %q. Check the spelling or use fewer words and filters."},
	"search_stopwords":  {ID: "Kata kunci hanya berisi kata umum (yang, dan, di …). Tambahkan kata yang lebih khas.", EN: "The query has only common words (yang, dan, di …). Add a more specific word."},
	"search_truncated":  {ID: "Kata kunci terlalu panjang; hanya bagian awalnya yang dicari.", EN: "The query is too long; only its beginning was searched."},
	"invalid_record":    {ID: "Data tidak disimpan:\n%s", EN: "Record not saved:\n%s"},

	// Backups (backup.go).
	"daily_failed":         {ID: "Peringatan: cadangan harian tidak dibuat. %s", EN: "Warning: the daily backup was not made. %s"},
	"backup_done":          {ID: "Cadangan dibuat dan diperiksa: %s (%d perjanjian, %s).", EN: "Backup made and verified: %s (%d agreements, %s)."},
	"backup_to":            {ID: "Cadangan dibuat dan diperiksa: %s.", EN: "Backup made and verified: %s."},
	"backup_second":        {ID: "Juga disalin ke tempat kedua: %s.", EN: "Also copied to the second place: %s."},
	"backup_settings":      {ID: "Pengaturan cadangan disimpan: simpan %d harian, %d mingguan, %d bulanan; tempat kedua: %s.", EN: "Backup settings saved: keep %d daily, %d weekly, %d monthly; second place: %s."},
	"second_none":          {ID: "tidak ada", EN: "none"},
	"backups_none":         {ID: "Belum ada cadangan di %s. Buat dengan: sepakat-cli backup", EN: "No backups in %s yet. Make one with: sepakat-cli backup"},
	"backups_head":         {ID: "WAKTU\tALASAN\tUKURAN\tPERJANJIAN\tTEMPAT\tBERKAS", EN: "TIME\tREASON\tSIZE\tAGREEMENTS\tPLACE\tFILE"},
	"backups_folder":       {ID: "Folder cadangan: %s", EN: "Backup folder: %s"},
	"backups_no_second":    {ID: "Tempat kedua belum diatur. Atur dengan: sepakat-cli backup --second-place FOLDER", EN: "No second place set. Set one with: sepakat-cli backup --second-place FOLDER"},
	"backups_second_never": {ID: "Tempat kedua: %s (belum pernah menerima salinan)", EN: "Second place: %s (no copy has reached it yet)"},
	"backups_second_last":  {ID: "Tempat kedua: %s (salinan terakhir %s)", EN: "Second place: %s (last copy %s)"},
	"place_local":          {ID: "folder cadangan", EN: "backup folder"},
	"place_second":         {ID: "tempat kedua", EN: "second place"},
	"unreadable":           {ID: "(tidak terbaca)", EN: "(unreadable)"},
	"none":                 {ID: "tidak ada", EN: "none"},
	"restore_refused":      {ID: "Tidak dipulihkan dari %s: %s", EN: "Not restored from %s: %s"},
	"restore_holds":        {ID: "Salinan %s berisi %d perjanjian dan %d instansi; perubahan terakhir: %s.\nSalinan ini akan menggantikan berkas data %s; berkas sekarang disimpan di sampingnya.", EN: "Copy %s holds %d agreements and %d parties; last change: %s.\nIt will replace the data file %s; the current file is kept beside it."},
	"restore_ask":          {ID: "Pulihkan sekarang? [ya/tidak] ", EN: "Restore now? [yes/no] "},
	"restore_need_yes":     {ID: "Pemulihan perlu dikonfirmasi. Tanpa terminal, tambahkan --yes.", EN: "A restore must be confirmed. Without a terminal, add --yes."},
	"restore_not":          {ID: "Tidak dipulihkan; berkas data tidak diubah.", EN: "Not restored; the data file is unchanged."},
	"restore_failed":       {ID: "Pemulihan gagal; berkas data tidak diubah. %s", EN: "The restore failed; the data file is unchanged. %s"},
	"restored":             {ID: "Berkas data %s dipulihkan dari %s. Berkas sebelumnya disimpan sebagai %s.", EN: "Data file %s restored from %s. The previous file is kept as %s."},
	"restored_new":         {ID: "Berkas data %s dipulihkan dari %s.", EN: "Data file %s restored from %s."},
}
