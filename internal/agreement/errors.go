package agreement

import (
	"errors"
	"fmt"
	"strings"

	"sepakat/internal/i18n"
)

// Sentinel errors, checked with errors.Is.
var (
	ErrBadID          = errors.New("agreement: bad id")
	ErrTransition     = errors.New("agreement: transition not allowed")
	ErrLocked         = errors.New("agreement: signed agreement is locked")
	ErrInvalid        = errors.New("agreement: invalid")
	ErrParentNotValid = errors.New("agreement: parent cannot have this child")
	ErrScheme         = errors.New("agreement: numbering scheme invalid")
)

// FieldError is a problem with one field, for showing beside that field.
type FieldError struct {
	// Field is a path such as "term.end" or "parties[1].signer_id".
	Field string
	Code  string
	Args  []any
}

// Message returns the error in lang.
func (e FieldError) Message(lang i18n.Lang) string {
	t, ok := messages[e.Code]
	if !ok {
		t = i18n.Text{ID: "Isian tidak valid (" + e.Code + ")", EN: "Invalid value (" + e.Code + ")"}
	}
	return t.In(lang, e.Args...)
}

func (e FieldError) Error() string { return e.Field + ": " + e.Message(i18n.ID) }

// Errors is a list of field errors; nil when valid.
type Errors []FieldError

func (es Errors) Error() string { return es.Message(i18n.ID) }

// Message joins every error in lang, one per line.
func (es Errors) Message(lang i18n.Lang) string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Field + ": " + e.Message(lang)
	}
	return strings.Join(lines, "\n")
}

// Is makes errors.Is(err, ErrInvalid) true for any non-empty Errors.
func (es Errors) Is(target error) bool { return target == ErrInvalid && len(es) > 0 }

// For returns the errors for one field path.
func (es Errors) For(field string) []FieldError {
	var out []FieldError
	for _, e := range es {
		if e.Field == field {
			out = append(out, e)
		}
	}
	return out
}

// Err returns es as an error, or nil when empty.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

func (es *Errors) add(field, code string, args ...any) {
	*es = append(*es, FieldError{Field: field, Code: code, Args: args})
}

func idx(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

var messages = map[string]i18n.Text{
	"required":               {ID: "Wajib diisi.", EN: "Required."},
	"too_long":               {ID: "Terlalu panjang: paling banyak %d karakter.", EN: "Too long: at most %d characters."},
	"bad_value":              {ID: "Nilai %q tidak dikenal.", EN: "Unknown value %q."},
	"bad_date":               {ID: "Tanggal tidak valid.", EN: "Invalid date."},
	"not_found":              {ID: "Data dengan ID %v tidak ditemukan.", EN: "No record with ID %v."},
	"end_before_start":       {ID: "Tanggal berakhir (%s) lebih awal dari tanggal mulai (%s). Periksa kedua tanggal.", EN: "End date (%s) is before the start date (%s). Check both dates."},
	"end_mismatch":           {ID: "Tanggal berakhir tidak sesuai jangka waktu: seharusnya %s. Ubah tanggal berakhir atau jangka waktunya.", EN: "End date does not match the term: it should be %s. Change the end date or the term."},
	"min_parties":            {ID: "Perjanjian memerlukan sekurang-kurangnya dua pihak.", EN: "An agreement needs at least two parties."},
	"duplicate_party":        {ID: "Pihak yang sama tercantum dua kali.", EN: "The same party is listed twice."},
	"unit_region":            {ID: "Perangkat daerah hanya dapat menjadi pihak atas nama pemerintah daerahnya: pilih pemerintah daerah sebagai instansi.", EN: "A perangkat daerah can only be a party on behalf of its regional government: choose the regional government as the instansi."},
	"unit_level":             {ID: "%s ditandatangani kepala daerah atas nama pemerintah daerah; perangkat daerah tidak menjadi pihaknya. Kosongkan perangkat daerah.", EN: "A %s is signed by the head of region for the regional government; a perangkat daerah is not its party. Leave the perangkat daerah empty."},
	"duplicate_role":         {ID: "Peran %s dipakai lebih dari satu pihak.", EN: "Role %s is used by more than one party."},
	"many_own":               {ID: "Hanya satu pihak yang boleh ditandai sebagai instansi kita.", EN: "Only one party may be marked as our office."},
	"signer_other_party":     {ID: "Penandatangan bukan pejabat pada pihak ini.", EN: "The signer is not an official of this party."},
	"signer_required":        {ID: "Pilih penandatangan untuk pihak ini sebelum naskah siap ditandatangani.", EN: "Choose a signer for this party before the agreement is ready to sign."},
	"ksb_kepala_daerah":      {ID: "%s hanya dapat ditandatangani oleh kepala daerah; %s bukan kepala daerah.", EN: "A %s can only be signed by the head of region; %s is not."},
	"ksb_no_mandate":         {ID: "%s tidak boleh ditandatangani atas nama (a.n.) atau dengan surat kuasa.", EN: "A %s may not be signed on behalf (a.n.) or under a mandate."},
	"pks_needs_mandate":      {ID: "%s bukan kepala daerah: lampirkan Surat Kuasa dari kepala daerah.", EN: "%s is not the head of region: attach a mandate (Surat Kuasa) from the head of region."},
	"pks_kepala_pd_mandate":  {ID: "%s adalah kepala perangkat daerah dan menandatangani %s atas kuasa kepala daerah: pilih surat kuasanya, bukan \"Tanpa surat kuasa\".", EN: "%s heads a perangkat daerah and signs a %s under a mandate from the head of region. Choose the Surat Kuasa instead of \"No Surat Kuasa\"."},
	"mandate_out_of_office":  {ID: "Pemberi kuasa %s tidak menjabat pada tanggal surat kuasa (%s); masa jabatannya %s. Periksa tanggal surat kuasa atau masa jabatan pejabat.", EN: "The grantor %s was not in office on the mandate's date (%s); the term of office is %s. Check the mandate's date or the official's term."},
	"mandate_mismatch":       {ID: "Surat Kuasa ini tidak diberikan kepada penandatangan yang dipilih.", EN: "This mandate was not given to the chosen signer."},
	"mandate_grantor":        {ID: "Surat Kuasa harus diberikan oleh kepala daerah pihak ini.", EN: "The mandate must be given by this party's head of region."},
	"mandate_expired":        {ID: "Surat Kuasa berlaku sampai %s, sebelum tanggal penandatanganan.", EN: "The mandate ran until %s, before the signing date."},
	"parent_kind":            {ID: "%s tidak dapat menjadi induk dari %s.", EN: "A %s cannot be the parent of a %s."},
	"parent_required":        {ID: "%s harus merujuk naskah induk yang diubah atau diperpanjang.", EN: "A %s must refer to the parent agreement it changes or extends."},
	"parent_forbidden":       {ID: "%s tidak mempunyai naskah induk.", EN: "A %s has no parent agreement."},
	"parent_self":            {ID: "Naskah tidak dapat menjadi induk dirinya sendiri.", EN: "An agreement cannot be its own parent."},
	"negative":               {ID: "Tidak boleh negatif.", EN: "Must not be negative."},
	"copies_required":        {ID: "Isi jumlah rangkap (paling sedikit 1).", EN: "Enter the number of copies (at least 1)."},
	"body_required":          {ID: "Isi naskah masih kosong: tambahkan sekurang-kurangnya satu pasal.", EN: "The body is empty: add at least one pasal."},
	"body_structure":         {ID: "Unsur %s tidak boleh berada di bawah %s.", EN: "A %s may not stand under a %s."},
	"signing_required":       {ID: "Isi catatan penandatanganan (tanggal dan tempat) sebelum menandai Ditandatangani.", EN: "Fill in the signing record (date and place) before marking it signed."},
	"cancel_reason":          {ID: "Tuliskan alasan pembatalan.", EN: "Give the reason for cancelling."},
	"locked":                 {ID: "Naskah sudah ditandatangani dan terkunci; buat Adendum atau Perpanjangan untuk mengubahnya.", EN: "The agreement is signed and locked; make an Adendum or Perpanjangan to change it."},
	"signed_ahead":           {ID: "Tanggal penandatanganan %s belum tiba: tandai Ditandatangani pada hari penandatanganan atau sesudahnya, atau perbaiki tanggalnya.", EN: "The signing date %s has not come yet: mark it signed on or after the day it is signed, or correct the date."},
	"transition":             {ID: "Status tidak dapat diubah dari %s ke %s.", EN: "Status cannot change from %s to %s."},
	"region_unknown":         {ID: "Kode wilayah %q tidak ada dalam daftar Kemendagri.", EN: "Region code %q is not in the Kemendagri list."},
	"region_required":        {ID: "Pilih wilayah untuk pemerintah daerah.", EN: "Choose the region of a regional government."},
	"nip_format":             {ID: "NIP harus 18 angka tanpa spasi.", EN: "An NIP is 18 digits without spaces."},
	"same_official":          {ID: "Pemberi dan penerima kuasa tidak boleh orang yang sama.", EN: "Grantor and grantee must be different people."},
	"scheme_token":           {ID: "Tanda {%s} tidak dikenal. Yang tersedia: {nomor}, {nomor:3}, {jenis}, {klasifikasi}, {unit}, {bulan}, {tahun}.", EN: "Unknown token {%s}. Available: {nomor}, {nomor:3}, {jenis}, {klasifikasi}, {unit}, {bulan}, {tahun}."},
	"scheme_no_seq":          {ID: "Pola nomor harus memuat {nomor}.", EN: "The number pattern must contain {nomor}."},
	"scheme_brace":           {ID: "Kurung kurawal pada pola nomor tidak seimbang.", EN: "Unbalanced braces in the number pattern."},
	"control_chars":          {ID: "Teks memuat karakter kendali yang tidak dapat dicetak.", EN: "The text contains control characters that cannot be printed."},
	"bad_node":               {ID: "Jenis unsur naskah %q tidak dikenal.", EN: "Unknown body element kind %q."},
	"out_of_range":           {ID: "Di luar batas: isi antara %g dan %g.", EN: "Out of range: enter a value between %g and %g."},
	"number_taken":           {ID: "Nomor %s sudah dipakai %s (ID %v). Ambil nomor baru atau ubah nomor ini.", EN: "Number %s is already carried by %s (ID %v). Take a new number or change this one."},
	"official_party_kind":    {ID: "Kepala daerah hanya ada pada pemerintah daerah.", EN: "Only a regional government has a head of region."},
	"ministry_needs_nk":      {ID: "Dengan kementerian atau lembaga pusat dibuat Nota Kesepakatan dengan rencana aksi, bukan %s. Pilih mitra lain, atau buat Nota Kesepakatan baru untuk mitra ini (Baru, jenis NK).", EN: "With a ministry or central agency the document is a Nota Kesepakatan with a rencana aksi, not a %s. Choose another partner, or start a new Nota Kesepakatan for this partner (New, kind NK)."},
	"nk_needs_ministry":      {ID: "Nota Kesepakatan dibuat dengan kementerian atau lembaga pusat; mitra naskah ini bukan kementerian/lembaga. Pilih mitra kementerian/lembaga, atau buat Kesepakatan Bersama baru untuk mitra ini (Baru, jenis KSB).", EN: "A Nota Kesepakatan is made with a ministry or central agency; this partner is neither. Choose a ministry or agency as partner, or start a new Kesepakatan Bersama for this partner (New, kind KSB)."},
	"category_partner":       {ID: "Kategori %s dipakai untuk kerja sama dengan %s; mitra naskah ini tidak sesuai. Ubah kategori atau mitranya.", EN: "Category %s is for cooperation with %s; this partner does not fit. Change the category or the partner."},
	"review_note":            {ID: "Tuliskan catatan telaah: apa yang harus diperbaiki atau mengapa ditolak.", EN: "Write the review note: what must be changed, or why it is refused."},
	"recommendation_reasons": {ID: "Tuliskan alasan rekomendasi.", EN: "Give the reasons for the recommendation."},
	"dprd_required":          {ID: "Naskah ini memerlukan persetujuan DPRD (membebani masyarakat dan daerah, atau di luar APBD tahun berjalan): isi nomor dan tanggal persetujuan DPRD sebelum Siap Tanda Tangan.", EN: "This agreement needs the DPRD's approval (it burdens the public and the region, or is outside this year's APBD): enter the approval's number and date before Ready to sign."},
	"central_required":       {ID: "Kerja sama dengan pihak luar negeri memerlukan persetujuan Pemerintah Pusat: isi nomor dan tanggal persetujuannya sebelum Siap Tanda Tangan.", EN: "Cooperation with a foreign party needs the central government's approval: enter its number and date before Ready to sign."},
	"reviews_pending":        {ID: "Telaah belum selesai: belum disetujui oleh %s.", EN: "The review is not finished: not yet agreed by %s."},
	"action_plan_required":   {ID: "Nota Kesepakatan memerlukan rencana aksi: tambahkan sekurang-kurangnya satu kegiatan dengan unit penanggung jawab dan waktunya.", EN: "A Nota Kesepakatan needs a rencana aksi: add at least one activity with its responsible unit and time."},
	"dprd_unanswered":        {ID: "Jawab dua pertanyaan DPRD: apakah naskah ini membebani masyarakat dan daerah, dan apakah pendanaannya di luar APBD tahun berjalan?", EN: "Answer the two DPRD questions: does this agreement burden the public and the region, and is its funding outside this year's APBD?"},
	"term_over_max":          {ID: "Jangka waktu lebih dari %d tahun: sebutkan dasar hukum sektoral yang membolehkannya.", EN: "The term is longer than %d years: state the sectoral rule that allows it."},
	"duplicate_reviewer":     {ID: "Penelaah %s tercantum lebih dari sekali.", EN: "Reviewer %s is listed more than once."},
	"reviewer_required":      {ID: "Cantumkan sekurang-kurangnya satu penelaah yang wajib menyetujui.", EN: "List at least one reviewer who must agree."},
	"letter_not_attached":    {ID: "Surat persetujuan ini tidak ada lagi di Lampiran. Pilih surat dari Lampiran atau lampirkan lagi.", EN: "This approval letter is no longer among the attachments. Choose a letter from the attachments or attach it again."},
	"dprd_date_required":     {ID: "Isi tanggal persetujuan DPRD (hh/bb/tttt).", EN: "Enter the date of the DPRD's approval (dd/mm/yyyy)."},
}
