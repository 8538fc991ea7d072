package naskah

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/bahasa"
	"sepakat/internal/i18n"
)

// Problem is something a built document says that cannot be right: a number
// whose words disagree with its digits, a pasal cited that does not exist, a
// day name that does not fit its date, a term, rangkap or amount that differs
// from the record.
type Problem struct {
	// Where names the place in the document: a part ("pembukaan") or a pasal
	// with its ayat and butir ("Pasal 3 ayat (2)").
	Where Where
	Code  string
	Args  []any
}

// Where is a place in a document.
type Where struct {
	Part  string // one of the part names below, or "" for a pasal
	Label string // "Pasal 3 ayat (2) huruf b"; for a part, its item ("I", "a")
}

var partNames = map[string]i18n.Text{
	"title":     {ID: "judul", EN: "title"},
	"opening":   {ID: "pembukaan", EN: "opening"},
	"komparisi": {ID: "komparisi", EN: "komparisi (parties)"},
	"together":  {ID: "para pihak", EN: "the parties"},
	"premis":    {ID: "premis", EN: "premises"},
	"legal":     {ID: "dasar hukum", EN: "legal bases"},
	"agreement": {ID: "kalimat kesepakatan", EN: "agreement sentence"},
	"closing":   {ID: "penutup", EN: "closing"},
}

// In names the place in lang: "Pasal 3 ayat (2)", "premis b".
func (w Where) In(ln i18n.Lang) string {
	if w.Part == "" {
		return w.Label
	}
	s := partNames[w.Part].In(ln)
	if w.Label != "" {
		s += " " + w.Label
	}
	return s
}

var problemTexts = map[string]i18n.Text{
	"number_words":  {ID: "%s ditulis dengan huruf \"%s\", yang berarti %s.", EN: "%s is written in words as \"%s\", which means %s."},
	"day_name":      {ID: "%s jatuh pada hari %s, bukan %s.", EN: "%s falls on a %s, not a %s."},
	"no_date":       {ID: "tanggal %s tidak ada.", EN: "the date %s does not exist."},
	"opening_date":  {ID: "tanggal pembukaan (%s) tidak sama dengan tanggal penandatanganan di data (%s).", EN: "the opening's date (%s) differs from the signing date recorded (%s)."},
	"no_pasal":      {ID: "menyebut %s, padahal naskah ini hanya sampai %s.", EN: "cites %s, but this text ends at %s."},
	"no_ayat":       {ID: "menyebut %s ayat (%d), padahal %s tidak mempunyai ayat itu.", EN: "cites %s ayat (%d), but %s has no such ayat."},
	"term_record":   {ID: "jangka waktu di teks %s, di data %s.", EN: "the text says a term of %s, the record %s."},
	"copies_record": {ID: "jumlah rangkap di teks %d, di data %d.", EN: "the text says %d copies, the record %d."},
	"amount_record": {ID: "jumlah di teks Rp%s, nilai di data Rp%s.", EN: "the text says Rp%s, the record Rp%s."},
	"signed_no_numbers": {ID: "perjanjian ini sudah ditandatangani, tetapi tidak mempunyai nomor: baris NOMOR tercetak titik-titik. Isi nomor para pihak di tab Penandatanganan, kecuali nomor memang ditulis tangan pada naskah.",
		EN: "this agreement is marked signed but has no number: its NOMOR lines print as dots. Enter the parties' numbers on the Signing tab, unless they are written by hand on the originals."},
	"signed_no_own_number": {ID: "perjanjian ini sudah ditandatangani tanpa nomor kita: baris NOMOR kita tercetak titik-titik. Isi atau ambil nomor kita di tab Identitas atau Penandatanganan, kecuali nomor memang ditulis tangan pada naskah.",
		EN: "this agreement is marked signed without our own number: our NOMOR line prints as dots. Enter or take our number on the Identity or Signing tab, unless it is written by hand on the originals."},
}

// OpenAfterSigning reports whether the problem can still be put right once
// the agreement is signed and its text locked: a number the original did
// not carry may still be entered (agreement.CheckLocked).
func (p Problem) OpenAfterSigning() bool {
	return p.Code == "signed_no_numbers" || p.Code == "signed_no_own_number"
}

// Message says the problem in lang, with where it is.
func (p Problem) Message(ln i18n.Lang) string {
	t, ok := problemTexts[p.Code]
	if !ok {
		t = i18n.Text{ID: "periksa teks ini (" + p.Code + ").", EN: "check this text (" + p.Code + ")."}
	}
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		if d, ok := a.(dayArg); ok {
			a = d.in(ln)
		}
		args[i] = a
	}
	return p.Where.In(ln) + ": " + t.In(ln, args...)
}

// dayArg is a weekday named in the message's language.
type dayArg time.Weekday

func (d dayArg) in(ln i18n.Lang) string {
	if ln == i18n.EN {
		return time.Weekday(d).String()
	}
	return bahasa.DayName(time.Weekday(d))
}

// unit is one paragraph of the document to check, with where it stands.
type unit struct {
	where Where
	text  string
	// section is the index in Document.Body of the pasal it belongs to, or -1.
	section int
}

func units(d *Document) []unit {
	var out []unit
	add := func(w Where, text string, sec int) {
		if text = strings.TrimSpace(text); text != "" {
			out = append(out, unit{w, text, sec})
		}
	}
	var items func(part, prefix string, list []Item, sec int, depth int)
	items = func(part, prefix string, list []Item, sec int, depth int) {
		for _, it := range list {
			label := strings.TrimSpace(prefix + " " + itemWord(part, it.Label, depth) + it.Label)
			add(Where{Part: part, Label: strings.TrimSuffix(label, ".")}, it.Text.Plain(), sec)
			items(part, label, it.Children, sec, depth+1)
		}
	}
	for _, t := range d.Title {
		add(Where{Part: "title"}, t, -1)
	}
	add(Where{Part: "opening"}, d.Opening.Plain(), -1)
	items("komparisi", "", d.Komparisi, -1, 0)
	add(Where{Part: "together"}, d.Together.Plain(), -1)
	items("premis", "", d.Premises, -1, 0)
	items("legal", "", d.LegalBases, -1, 0)
	add(Where{Part: "agreement"}, d.Agreement.Plain(), -1)
	for i, s := range d.Body {
		if s.Kind != SectionPasal {
			continue
		}
		add(Where{Label: s.Label}, s.Intro.Plain(), i)
		items("", s.Label, s.Items, i, 0)
	}
	add(Where{Part: "closing"}, d.Closing.Plain(), -1)
	return out
}

// itemWord is the word before an item's label inside a pasal: "ayat (2)",
// "huruf b", "angka 1)".
func itemWord(part, label string, depth int) string {
	if part != "" {
		return ""
	}
	switch {
	case strings.HasPrefix(label, "("):
		return "ayat "
	case strings.HasSuffix(label, "."):
		return "huruf "
	}
	return "angka "
}

// Check lists what the document says that cannot be right, in reading order.
// a is the record it was built from; its term, copies and amount are compared
// with the text.
func Check(d *Document, a *agreement.Agreement) []Problem {
	var out []Problem
	us := units(d)
	for _, u := range us {
		out = append(out, checkNumberWords(u)...)
		out = append(out, checkDayNames(u)...)
	}
	out = append(out, checkOpening(d, a)...)
	out = append(out, checkCitations(d, us)...)
	out = append(out, checkRecord(a, us)...)
	out = append(out, checkNumbers(a)...)
	return out
}

// checkNumbers names a signed agreement without our own number, or without
// any number: its NOMOR lines print as dots. Numbers may be written by hand
// on the originals, so a print may pass it.
func checkNumbers(a *agreement.Agreement) []Problem {
	if a == nil || a.Status != agreement.StatusDitandatangani {
		return nil
	}
	given, own, ownGiven := 0, false, false
	for _, p := range a.Parties {
		if agreement.NumberGiven(p.Number) {
			given++
			ownGiven = ownGiven || p.Own
		}
		own = own || p.Own
	}
	switch {
	case given == 0:
		return []Problem{{Where: Where{Part: "title"}, Code: "signed_no_numbers"}}
	case own && !ownGiven:
		return []Problem{{Where: Where{Part: "title"}, Code: "signed_no_own_number"}}
	}
	return nil
}

// numberWords finds "5 (lima)", "Rp1.500.000,00 (satu juta lima ratus ribu rupiah)".
var numberWords = regexp.MustCompile(`(\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?\s*\(([\pL ]+)\)`)

func checkNumberWords(u unit) []Problem {
	var out []Problem
	for _, m := range numberWords.FindAllStringSubmatch(u.text, -1) {
		digits := strings.ReplaceAll(m[1], ".", "")
		n, err := strconv.ParseUint(digits, 10, 64)
		if err != nil {
			continue
		}
		words := strings.ToLower(strings.TrimSpace(m[2]))
		words = strings.TrimSpace(strings.TrimSuffix(words, "rupiah"))
		if first := strings.Fields(words); len(first) == 0 || !numberWord(first[0]) {
			continue // "(PIHAK PERTAMA)", not a number in words
		}
		w, ok := bahasa.ParseTerbilang(words)
		if ok && w == n {
			continue
		}
		meaning := "?"
		if ok {
			meaning = strconv.FormatUint(w, 10)
		}
		out = append(out, Problem{Where: u.where, Code: "number_words", Args: []any{m[1], strings.TrimSpace(m[2]), meaning}})
	}
	return out
}

var numberWordSet = map[string]bool{"nol": true, "satu": true, "dua": true, "tiga": true, "empat": true, "lima": true,
	"enam": true, "tujuh": true, "delapan": true, "sembilan": true, "sepuluh": true, "sebelas": true, "seratus": true,
	"seribu": true, "sejuta": true}

func numberWord(w string) bool { return numberWordSet[w] }

var months = map[string]time.Month{}

func init() {
	for m := time.January; m <= time.December; m++ {
		months[strings.ToLower(bahasa.MonthName(m))] = m
	}
}

const dayPattern = `(Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)`

var (
	// "Jumat, 4 Juli 2025", "hari Jumat tanggal 4 Juli 2025"
	dayDigits = regexp.MustCompile(`(?i)\b` + dayPattern + `\s*,?\s+(?:tanggal\s+)?(\d{1,2})\s+(\pL+)\s+(\d{4})\b`)
	// "Pada hari ini Jumat tanggal empat bulan Juli tahun dua ribu dua puluh lima"
	dayWords = regexp.MustCompile(`(?i)\bhari\s+(?:ini\s+)?` + dayPattern + `\s*,?\s+tanggal\s+([\pL ]+?)\s+bulan\s+(\pL+)\s+tahun\s+([\pL ]+)`)
)

func weekdayOf(name string) time.Weekday {
	switch strings.ToLower(name) {
	case "senin":
		return time.Monday
	case "selasa":
		return time.Tuesday
	case "rabu":
		return time.Wednesday
	case "kamis":
		return time.Thursday
	case "jumat", "jum'at":
		return time.Friday
	case "sabtu":
		return time.Saturday
	}
	return time.Sunday
}

// dateOf makes a date of day, month name and year, and says whether it exists.
func dateOf(day int, month string, year int) (time.Time, bool, bool) {
	m, ok := months[strings.ToLower(month)]
	if !ok || year < 1000 {
		return time.Time{}, false, false // not a date
	}
	t := time.Date(year, m, day, 0, 0, 0, 0, time.UTC)
	return t, true, t.Day() == day && t.Month() == m
}

func checkDayNames(u unit) []Problem {
	var out []Problem
	check := func(dayName string, day int, month string, year int, written string) {
		t, isDate, exists := dateOf(day, month, year)
		switch {
		case !isDate:
		case !exists:
			out = append(out, Problem{Where: u.where, Code: "no_date", Args: []any{written}})
		case t.Weekday() != weekdayOf(dayName):
			out = append(out, Problem{Where: u.where, Code: "day_name", Args: []any{bahasa.ShortDate(t), dayArg(t.Weekday()), dayArg(weekdayOf(dayName))}})
		}
	}
	for _, m := range dayDigits.FindAllStringSubmatch(u.text, -1) {
		day, _ := strconv.Atoi(m[2])
		year, _ := strconv.Atoi(m[4])
		check(m[1], day, m[3], year, m[2]+" "+m[3]+" "+m[4])
	}
	for _, m := range dayWords.FindAllStringSubmatch(u.text, -1) {
		day, ok1 := bahasa.ParseTerbilang(m[2])
		year, ok2 := yearWords(m[4])
		if ok1 && ok2 {
			check(m[1], int(day), m[3], year, strconv.FormatUint(day, 10)+" "+m[3]+" "+strconv.Itoa(year))
		}
	}
	return out
}

// yearWords reads the longest run of number words at the start of s: the
// year of "tahun dua ribu dua puluh lima, bertempat di …".
func yearWords(s string) (int, bool) {
	words := strings.Fields(strings.ToLower(s))
	for n := len(words); n > 0; n-- {
		if v, ok := bahasa.ParseTerbilang(strings.Join(words[:n], " ")); ok {
			return int(v), true
		}
	}
	return 0, false
}

// checkOpening compares the opening's date in words with the signing date recorded.
func checkOpening(d *Document, a *agreement.Agreement) []Problem {
	if a == nil || a.Signing == nil || !a.Signing.Date.Valid() {
		return nil
	}
	m := dayWords.FindStringSubmatch(d.Opening.Plain())
	if m == nil {
		return nil
	}
	day, ok1 := bahasa.ParseTerbilang(m[2])
	year, ok2 := yearWords(m[4])
	if !ok1 || !ok2 {
		return nil
	}
	t, isDate, exists := dateOf(int(day), m[3], year)
	want := a.Signing.Date.Time()
	if !isDate || !exists || (t.Year() == want.Year() && t.YearDay() == want.YearDay()) {
		return nil
	}
	return []Problem{{Where: Where{Part: "opening"}, Code: "opening_date", Args: []any{bahasa.ShortDate(t), bahasa.ShortDate(want)}}}
}

// citation finds "Pasal 12", "Pasal 3 ayat (2)", "Pasal IV"; the words after
// it say whether it cites another document.
var citation = regexp.MustCompile(`\b(?:Pasal|PASAL|pasal)\s+(\d+|[IVXLC]+)\b(?:\s+ayat\s+\((\d+)\))?`)

// elsewhere are words that, right after a citation, name the document cited.
var elsewhere = regexp.MustCompile(`^(?:\s+huruf\s+\pL+)?[\s,]+(?:Undang|UU|Peraturan|Perpres|Permendagri|PP|Keputusan|Kitab|KUH|Perjanjian|Kesepakatan|Nota|Adendum|Perpanjangan|Surat|Instruksi|Qanun|Perda|Pergub|Perbup|Perwal)`)

func checkCitations(d *Document, us []unit) []Problem {
	labels := map[string]int{}
	last, roman := "", false
	for i, s := range d.Body {
		if s.Kind == SectionPasal {
			labels[strings.ToLower(s.Label)] = i
			last = s.Label
			_, roman = bahasa.ParseRoman(strings.TrimPrefix(s.Label, "Pasal "))
		}
	}
	if last == "" {
		return nil
	}
	var out []Problem
	for _, u := range us {
		if u.section < 0 {
			continue // premises and legal bases cite laws
		}
		for _, loc := range citation.FindAllStringSubmatchIndex(u.text, -1) {
			if elsewhere.MatchString(u.text[loc[1]:]) {
				continue
			}
			num := u.text[loc[2]:loc[3]]
			_, isRoman := bahasa.ParseRoman(num)
			isRoman = isRoman && num[0] > '9'
			if isRoman != roman {
				continue // an Adendum's "Pasal 5" is the parent's
			}
			label := "Pasal " + num
			sec, ok := labels[strings.ToLower(label)]
			if !ok {
				out = append(out, Problem{Where: u.where, Code: "no_pasal", Args: []any{label, last}})
				continue
			}
			if loc[4] < 0 {
				continue
			}
			ayat, _ := strconv.Atoi(u.text[loc[4]:loc[5]])
			if !hasAyat(d.Body[sec], ayat) {
				out = append(out, Problem{Where: u.where, Code: "no_ayat", Args: []any{label, ayat, label}})
			}
		}
	}
	return out
}

// hasAyat reports whether a pasal has ayat (n); a pasal written as one
// paragraph has only its first.
func hasAyat(s Section, n int) bool {
	count := 0
	for _, it := range s.Items {
		if strings.HasPrefix(it.Label, "(") {
			count++
		}
	}
	if count == 0 {
		return n == 1
	}
	return n >= 1 && n <= count
}

var (
	// "jangka waktu 5 (lima) tahun", "berlaku selama 3 (tiga) tahun"
	termText = regexp.MustCompile(`(?i)(?:jangka\s+waktu|berlaku\s+selama)\s+(\d+)\s*\([\pL ]+\)\s*(tahun|bulan)`)
	// "rangkap 2 (dua)", "2 (dua) rangkap"
	copiesText = regexp.MustCompile(`(?i)(?:rangkap\s+(\d+)|(\d+)\s*\([\pL ]+\)\s*rangkap)`)
	amountText = regexp.MustCompile(`Rp\.?\s?(\d{1,3}(?:\.\d{3})+|\d+)`)
)

// checkRecord compares the term, copies and amount written in the text with
// the record. An Adendum or Perpanjangan writes its parent's term and its
// extension, so only its copies are compared.
func checkRecord(a *agreement.Agreement, us []unit) []Problem {
	if a == nil {
		return nil
	}
	derived := a.Kind == agreement.KindAdendum || a.Kind == agreement.KindPerpanjangan
	var out []Problem
	var amounts []unit
	var amountSeen []string
	for _, u := range us {
		if a.Term.Length > 0 && !derived && u.section >= 0 {
			for _, loc := range termText.FindAllStringSubmatchIndex(u.text, -1) {
				before := strings.ToLower(u.text[max(0, loc[0]-40):loc[0]])
				if strings.Contains(before, "perpanjang") {
					continue // the length of an extension
				}
				n, _ := strconv.Atoi(u.text[loc[2]:loc[3]])
				unit := strings.ToLower(u.text[loc[4]:loc[5]])
				want := string(a.Term.Unit)
				if want == "" {
					want = string(agreement.UnitTahun)
				}
				if n != a.Term.Length || unit != want {
					out = append(out, Problem{Where: u.where, Code: "term_record",
						Args: []any{strconv.Itoa(n) + " " + unit, strconv.Itoa(a.Term.Length) + " " + want}})
				}
			}
		}
		if a.Copies > 0 {
			for _, m := range copiesText.FindAllStringSubmatch(u.text, -1) {
				s := m[1] + m[2]
				if n, err := strconv.Atoi(s); err == nil && n != a.Copies {
					out = append(out, Problem{Where: u.where, Code: "copies_record", Args: []any{n, a.Copies}})
				}
			}
		}
		if a.Funding.Amount > 0 && u.section >= 0 {
			for _, m := range amountText.FindAllStringSubmatch(u.text, -1) {
				amounts = append(amounts, u)
				amountSeen = append(amountSeen, m[1])
			}
		}
	}
	if len(amounts) > 0 {
		want := strconv.FormatInt(a.Funding.Amount, 10)
		for _, s := range amountSeen {
			if strings.ReplaceAll(s, ".", "") == want {
				return out // the recorded amount is in the text
			}
		}
		out = append(out, Problem{Where: amounts[0].where, Code: "amount_record", Args: []any{amountSeen[0], groupThousands(a.Funding.Amount)}})
	}
	return out
}

func groupThousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}
