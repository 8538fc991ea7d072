package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// Settings is the Pengaturan screen: our office and how its agreements are
// numbered and printed. It edits the own party's numbering scheme and page
// profile.
type Settings struct {
	svc service.Directory
	own agreement.Party

	region                              *kit.Picker
	template, class, unit               *kit.Entry
	kindCodes                           map[agreement.Kind]*kit.Entry
	paper, font, pageNumbers, firstSide *widget.Select
	fontSize, spacing                   *kit.Entry
	margins                             [4]*kit.Entry
	paraf, titleCase, numericDate       *widget.Check
	placeOnly, actingAbbrev             *widget.Check
	parafs                              *parafSettings
	message                             *widget.Label
	example                             *widget.Label
	saveBtn                             *widget.Button
	// language is the choice between Indonesian, English and the system's
	// language, kept at once (i18n.SavePreferred) for both programs.
	language     *widget.Select
	languageNote *widget.Label
	// backups is the section about backups, at the end.
	backups   *backupSection
	procedure *procedureSection  // settings_procedure.go
	sections  *container.AppTabs // Umum, Cadangan, Prosedur kerja sama
	content   fyne.CanvasObject

	// do runs UI work handed over from the reading goroutine (fyne.Do).
	do func(func())
	// reading is the read under way; a newer read cancels it.
	reading kit.Latest
	// loaded, when set, is called on the UI goroutine after each read.
	loaded func(error)
}

func newSettings(svc service.Directory) *Settings {
	s := &Settings{svc: svc, kindCodes: map[agreement.Kind]*kit.Entry{}, do: fyne.Do}
	names, _ := kit.Governments()
	s.region = kit.NewPicker(names, nil)
	s.template, s.class, s.unit = kit.NewEntry(), kit.NewEntry(), kit.NewEntry()
	s.template.SetPlaceHolder(defaultNumbering)
	s.example = widget.NewLabel("")
	s.example.TextStyle = fyne.TextStyle{Italic: true}
	for _, e := range []*kit.Entry{s.template, s.class, s.unit} {
		e.OnChanged = func(string) { s.showExample() }
	}
	codes := container.NewGridWithColumns(len(agreement.Kinds))
	for _, k := range agreement.Kinds {
		e := kit.NewEntry()
		e.SetPlaceHolder(string(k))
		e.OnChanged = func(string) { s.showExample() }
		s.kindCodes[k] = e
		codes.Add(container.NewBorder(widget.NewLabel(string(k)), nil, nil, nil, e))
	}
	s.paper = kit.NewSelect([]string{"A4", "F4"}, nil)
	s.font = kit.NewSelect([]string{"Serif (Times)", "Sans (Arial)"}, nil)
	s.fontSize, s.spacing = kit.NewEntry(), kit.NewEntry()
	for i := range s.margins {
		s.margins[i] = kit.NewEntry()
	}
	s.pageNumbers = kit.NewSelect([]string{"- 2 -", lang.L("Halaman 2 dari 5")}, nil)
	s.firstSide = kit.NewSelect([]string{lang.L("PIHAK PERTAMA di kiri"), lang.L("PIHAK PERTAMA di kanan")}, nil)
	s.paraf = widget.NewCheck(lang.L("Kotak paraf di setiap halaman"), nil)
	s.titleCase = widget.NewCheck(lang.L("Tanggal dalam huruf ditulis Huruf Kapital Tiap Kata"), nil)
	s.numericDate = widget.NewCheck(lang.L("Tambahkan tanggal dalam angka, mis. (04-07-2025)"), nil)
	s.placeOnly = widget.NewCheck(lang.L("Pembukaan menyebut kota saja, tanpa gedung tempat penandatanganan"), nil)
	s.actingAbbrev = widget.NewCheck(lang.L("Jabatan penjabat di blok tanda tangan disingkat, mis. \"Pj. BUPATI\""), nil)
	s.parafs = newParafSettings()
	s.message = widget.NewLabel("")
	s.message.Wrapping = fyne.TextWrapWord
	s.message.Hide()
	s.saveBtn = widget.NewButtonWithIcon(lang.L("Simpan pengaturan"), theme.DocumentSaveIcon(), func() { s.save() })
	s.saveBtn.Importance = widget.HighImportance
	s.saveBtn.Disable() // until the settings show

	office := widget.NewForm(widget.NewFormItem(lang.L("Kantor kita"), s.region))
	numbering := widget.NewForm(
		widget.NewFormItem(lang.L("Pola nomor"), container.NewVBox(s.template, s.example)),
		widget.NewFormItem(lang.L("Kode klasifikasi"), s.class),
		widget.NewFormItem(lang.L("Kode unit"), s.unit),
		widget.NewFormItem(lang.L("Kode jenis"), codes),
	)
	margins := container.NewGridWithColumns(4,
		container.NewBorder(widget.NewLabel(lang.L("Atas")), nil, nil, nil, s.margins[0]),
		container.NewBorder(widget.NewLabel(lang.L("Kanan")), nil, nil, nil, s.margins[1]),
		container.NewBorder(widget.NewLabel(lang.L("Bawah")), nil, nil, nil, s.margins[2]),
		container.NewBorder(widget.NewLabel(lang.L("Kiri")), nil, nil, nil, s.margins[3]))
	page := widget.NewForm(
		widget.NewFormItem(lang.L("Kertas"), s.paper),
		widget.NewFormItem(lang.L("Huruf"), s.font),
		widget.NewFormItem(lang.L("Ukuran huruf (pt)"), s.fontSize),
		widget.NewFormItem(lang.L("Spasi baris"), s.spacing),
		widget.NewFormItem(lang.L("Margin (mm)"), margins),
		widget.NewFormItem(lang.L("Nomor halaman"), s.pageNumbers),
		widget.NewFormItem(lang.L("Tanda tangan"), s.firstSide),
		widget.NewFormItem("", container.NewVBox(s.paraf, s.titleCase, s.numericDate, s.placeOnly, s.actingAbbrev)),
		widget.NewFormItem(lang.L("Paraf hierarki"), s.parafs.content),
	)
	s.language = kit.NewSelect(languageOptions(), nil)
	s.language.SetSelectedIndex(languageIndex(i18n.SavedChoice()))
	s.language.OnChanged = func(string) { s.onLanguage() }
	s.languageNote = widget.NewLabel("")
	s.languageNote.Wrapping = fyne.TextWrapWord
	s.languageNote.Hide()
	display := widget.NewForm(widget.NewFormItem(lang.L("Bahasa"), container.NewVBox(s.language, s.languageNote)))
	body := container.NewVBox(
		heading(lang.L("Tampilan")), display,
		heading(lang.L("Kantor kita")), office,
		heading(lang.L("Penomoran")), numbering,
		heading(lang.L("Naskah cetak")), page)
	general := container.NewBorder(nil, container.NewPadded(container.NewBorder(nil, nil, nil, s.saveBtn, s.message)), nil, nil,
		container.NewVScroll(container.NewPadded(body)))
	s.backups = newBackupSection()
	s.procedure = newProcedureSection(s)
	s.sections = container.NewAppTabs(
		container.NewTabItem(lang.L("Umum"), general),
		container.NewTabItem(lang.L("Cadangan"), container.NewVScroll(container.NewPadded(s.backups.content))),
		container.NewTabItem(lang.L("Prosedur kerja sama"), s.procedure.content))
	s.content = s.sections
	return s
}

// Content is the screen's root object.
func (s *Settings) Content() fyne.CanvasObject { return s.content }

// showBackups shows the part about backups.
func (s *Settings) showBackups() { s.sections.SelectIndex(settingsBackups) }

// Pengaturan's parts.
const (
	settingsGeneral = iota
	settingsBackups
	settingsProcedure
)

func floatText(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// reload reads our office's settings off the UI goroutine, then shows them; a
// newer reload cancels this one, whose result is then dropped. Save waits for
// the settings to show.
func (s *Settings) reload() {
	s.backups.do = s.do
	s.backups.reload()
	svc := s.svc
	type registry struct {
		parties   []agreement.Party
		officials []agreement.Official
	}
	kit.ReadLatest(&s.reading, s.do, func(context.Context) (registry, error) {
		parties, err := svc.Parties()
		if err != nil {
			return registry{}, err
		}
		officials, err := svc.Officials()
		return registry{parties, officials}, err
	}, func(r registry, err error) {
		if err != nil {
			s.saveBtn.Disable()
			s.say(kit.Failure(lang.L("Pengaturan tidak dapat dibaca:"), err), widget.DangerImportance)
		} else {
			s.apply(r.parties)
			s.parafs.apply(s.own, r.officials, agreement.DateOf(time.Now()))
		}
		if s.loaded != nil {
			s.loaded(err)
		}
	})
}

// apply shows the settings of our office, found among parties.
func (s *Settings) apply(parties []agreement.Party) {
	s.own = agreement.Party{}
	for _, p := range parties {
		if p.Own {
			s.own = p
		}
	}
	s.region.SetText(s.own.Name)
	n := agreement.NumberingScheme{Template: defaultNumbering}
	if s.own.Numbering != nil {
		n = *s.own.Numbering
	}
	s.template.SetText(n.Template)
	s.class.SetText(n.Classification)
	s.unit.SetText(n.UnitCode)
	for k, e := range s.kindCodes {
		e.SetText(n.KindCodes[k])
	}
	pg := agreement.DefaultPageProfile()
	if s.own.Page != nil {
		pg = *s.own.Page
	}
	s.paper.SetSelected(strings.ToUpper(pg.Paper))
	if s.paper.Selected == "" {
		s.paper.SetSelectedIndex(0)
	}
	s.font.SetSelectedIndex(0)
	if strings.Contains(strings.ToLower(pg.Font), "sans") || strings.Contains(strings.ToLower(pg.Font), "arial") {
		s.font.SetSelectedIndex(1)
	}
	s.fontSize.SetText(floatText(pg.FontSize))
	s.spacing.SetText(floatText(pg.LineSpacing))
	for i, m := range []float64{pg.MarginTop, pg.MarginRight, pg.MarginBot, pg.MarginLeft} {
		s.margins[i].SetText(floatText(m))
	}
	s.pageNumbers.SetSelectedIndex(0)
	if pg.PageNumbers == agreement.PageNumbersHalaman {
		s.pageNumbers.SetSelectedIndex(1)
	}
	s.firstSide.SetSelectedIndex(0)
	if pg.FirstPartyRight {
		s.firstSide.SetSelectedIndex(1)
	}
	s.paraf.SetChecked(!pg.NoParaf)
	s.titleCase.SetChecked(pg.TitleCaseDate)
	s.numericDate.SetChecked(pg.NumericDate)
	s.placeOnly.SetChecked(pg.OpeningPlaceOnly)
	s.actingAbbrev.SetChecked(pg.ActingAbbrev)
	s.message.Hide()
	s.showExample()
	s.saveBtn.Enable()
	s.procedure.show()
}

// say shows msg under the form.
func (s *Settings) say(msg string, importance widget.Importance) {
	s.message.SetText(msg)
	s.message.Importance = importance
	s.message.Show()
	s.message.Refresh()
}

func (s *Settings) scheme() agreement.NumberingScheme {
	n := agreement.NumberingScheme{Template: strings.TrimSpace(s.template.Text), Classification: strings.TrimSpace(s.class.Text),
		UnitCode: strings.TrimSpace(s.unit.Text), KindCodes: map[agreement.Kind]string{}}
	if n.Template == "" {
		n.Template = defaultNumbering
	}
	for k, e := range s.kindCodes {
		if c := strings.TrimSpace(e.Text); c != "" {
			n.KindCodes[k] = c
		}
	}
	return n
}

// showExample shows the number the scheme would give the 12th KSB of 2026.
func (s *Settings) showExample() {
	if s.example == nil {
		return
	}
	n, err := s.scheme().Format(agreement.KindKSB, 12, agreement.NewDate(2026, 11, 22))
	if err != nil {
		s.example.SetText(kit.Message(err))
		return
	}
	s.example.SetText(lang.L("Contoh: {{.Number}}", map[string]any{"Number": n}))
}

// save stores the settings on our office, or says what is wrong.
func (s *Settings) save() bool {
	fail := func(msg string) bool {
		s.say(msg, widget.DangerImportance)
		return false
	}
	p := s.own
	if name := strings.TrimSpace(s.region.Text); name != p.Name {
		_, regions := kit.Governments()
		r, ok := regions[name]
		if !ok {
			return fail(lang.L("Pilih kantor kita dari daftar wilayah, mis. Pemerintah Kabupaten Sumedang."))
		}
		g := kit.RegionParty(r)
		p.Kind, p.Name, p.RegionCode, p.ProvinceCode, p.Seat = g.Kind, g.Name, g.RegionCode, g.ProvinceCode, g.Seat
	}
	p.Own = true
	scheme := s.scheme()
	if _, err := scheme.Format(agreement.KindKSB, 1, agreement.NewDate(2026, 1, 1)); err != nil {
		return fail(kit.Message(err))
	}
	p.Numbering = &scheme
	pg := agreement.DefaultPageProfile()
	if p.Page != nil {
		pg = *p.Page
	}
	pg.Paper = s.paper.Selected
	pg.Font = []string{"Liberation Serif", "Liberation Sans"}[max(s.font.SelectedIndex(), 0)]
	number := func(e *kit.Entry, into *float64) bool {
		f, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(e.Text), ",", "."), 64)
		*into = f
		return err == nil
	}
	for _, x := range []struct {
		e    *kit.Entry
		into *float64
	}{{s.fontSize, &pg.FontSize}, {s.spacing, &pg.LineSpacing}, {s.margins[0], &pg.MarginTop}, {s.margins[1], &pg.MarginRight},
		{s.margins[2], &pg.MarginBot}, {s.margins[3], &pg.MarginLeft}} {
		if !number(x.e, x.into) {
			return fail(lang.L("\"{{.Text}}\" bukan angka.", map[string]any{"Text": x.e.Text}))
		}
	}
	pg.PageNumbers = []string{agreement.PageNumbersDash, agreement.PageNumbersHalaman}[max(s.pageNumbers.SelectedIndex(), 0)]
	pg.FirstPartyRight = s.firstSide.SelectedIndex() == 1
	pg.NoParaf = !s.paraf.Checked
	pg.TitleCaseDate, pg.NumericDate = s.titleCase.Checked, s.numericDate.Checked
	pg.OpeningPlaceOnly, pg.ActingAbbrev = s.placeOnly.Checked, s.actingAbbrev.Checked
	s.parafs.read(&pg)
	p.Page = &pg
	if err := s.svc.SaveParty(&p); err != nil {
		var es agreement.Errors
		if errors.As(err, &es) {
			return fail(lang.L("Belum tersimpan:") + "\n" + settingsProblems(es))
		}
		return fail(kit.Unsaved(err))
	}
	s.own = p
	s.say(lang.L("Pengaturan tersimpan."), widget.SuccessImportance)
	return true
}

// settingsLabels name the settings' fields as the form does.
var settingsLabels = map[string]string{
	"name": "Kantor kita", "region_code": "Kantor kita",
	"numbering.template": "Pola nomor", "numbering.classification": "Kode klasifikasi", "numbering.unit_code": "Kode unit", "numbering.kind_codes": "Kode jenis",
	"page.paper": "Kertas", "page.font_size": "Ukuran huruf (pt)", "page.line_spacing": "Spasi baris", "page.page_numbers": "Nomor halaman",
	"page.margin_top_mm": "Margin atas (mm)", "page.margin_right_mm": "Margin kanan (mm)",
	"page.margin_bottom_mm": "Margin bawah (mm)", "page.margin_left_mm": "Margin kiri (mm)",
	"page.paraf_hierarki": "Paraf hierarki", "page.paraf_hierarki[0]": "Paraf hierarki", "page.paraf_hierarki[1]": "Paraf hierarki", "page.paraf_hierarki[2]": "Paraf hierarki",
}

// settingsProblems says what is wrong with each field, named as the form names it.
func settingsProblems(es agreement.Errors) string {
	lines := make([]string, len(es))
	for i, e := range es {
		label := lang.L("Naskah cetak")
		if l, ok := settingsLabels[e.Field]; ok {
			label = lang.L(l)
		} else if strings.HasPrefix(e.Field, "numbering.") {
			label = lang.L("Penomoran")
		}
		lines[i] = label + ": " + e.Message(kit.Lang())
	}
	return strings.Join(lines, "\n")
}

// languageChoices are the language select's options, in order.
var languageChoices = []i18n.Choice{i18n.ChoiceSystem, i18n.ChoiceID, i18n.ChoiceEN}

func languageOptions() []string {
	return []string{lang.L("Ikuti sistem"), "Bahasa Indonesia", "English"}
}

func languageIndex(c i18n.Choice) int {
	for i, x := range languageChoices {
		if x == c {
			return i
		}
	}
	return 0
}

// onLanguage keeps the language chosen, for the desktop's next start and the CLI.
func (s *Settings) onLanguage() {
	i := s.language.SelectedIndex()
	if i < 0 {
		return
	}
	if err := i18n.SavePreferred(languageChoices[i]); err != nil {
		s.languageNote.SetText(kit.Failure(lang.L("Pilihan bahasa tidak tersimpan:"), err))
	} else {
		s.languageNote.SetText(lang.L("Bahasa baru berlaku setelah Sepakat dibuka ulang. sepakat-cli memakainya sekarang."))
	}
	s.languageNote.Show()
}
