package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"sepakat/internal/places"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// ServerProfile says how to reach the register on the office's PostgreSQL
// server. The password is not part of it: it lives in the operating
// system's credential store (Credentials), never in the preferences.
type ServerProfile struct {
	Host     string
	Port     int // 5432 when 0
	Database string
	User     string
	// TLS is libpq's sslmode: prefer (the default: TLS when the server
	// offers it), require, verify-full or disable.
	TLS string
	// CAFile is the certificate authority that signed the server's
	// certificate, for verify-full; the system's when empty.
	CAFile string
}

// tlsModes are the TLS choices, in the order the page offers them.
var tlsModes = []string{"prefer", "require", "verify-full", "disable"}

func tlsLabels() []string {
	return []string{
		lang.L("Enkripsi bila server menawarkannya"),
		lang.L("Selalu enkripsi"),
		lang.L("Selalu enkripsi dan periksa sertifikat server (verify-full)"),
		lang.L("Tanpa enkripsi"),
	}
}

// ConnString is p as a libpq connection string, without a password.
func (p ServerProfile) ConnString() string {
	parts := []string{"host=" + connValue(p.Host)}
	if p.Port != 0 {
		parts = append(parts, "port="+strconv.Itoa(p.Port))
	}
	parts = append(parts, "dbname="+connValue(p.Database), "user="+connValue(p.User), "sslmode="+connValue(p.tls()))
	if p.CAFile != "" && p.tls() == "verify-full" {
		parts = append(parts, "sslrootcert="+connValue(p.CAFile))
	}
	return strings.Join(parts, " ") + " connect_timeout=8"
}

func (p ServerProfile) tls() string {
	if p.TLS == "" {
		return "prefer"
	}
	return p.TLS
}

// connValue quotes a value of a connection string as libpq reads it.
func connValue(v string) string {
	if v != "" && !strings.ContainsAny(v, ` '\`) {
		return v
	}
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(v) + "'"
}

// Describe names the register on the server for the title bar: host/db.
func (p ServerProfile) Describe() string { return p.Host + "/" + p.Database }

// account is the profile's name in the credential store.
func (p ServerProfile) account() string {
	port := p.Port
	if port == 0 {
		port = 5432
	}
	return fmt.Sprintf("%s@%s:%d/%s", p.User, p.Host, port, p.Database)
}

// problem says in words what the profile lacks, or "".
func (p ServerProfile) problem() string {
	switch {
	case strings.TrimSpace(p.Host) == "":
		return lang.L("Isi alamat server.")
	case strings.TrimSpace(p.Database) == "":
		return lang.L("Isi nama basis data.")
	case strings.TrimSpace(p.User) == "":
		return lang.L("Isi nama pengguna.")
	case p.Port < 0 || p.Port > 65535:
		return lang.L("Port adalah angka 1 sampai 65535, biasanya 5432.")
	}
	return ""
}

// SavedServer is the server profile the preferences hold, and whether the
// last register open was the one on the server (the next start opens it).
func SavedServer(a fyne.App) (p ServerProfile, chosen bool) {
	prefs := a.Preferences()
	p = ServerProfile{Host: prefs.String(prefServerHost), Port: prefs.Int(prefServerPort), Database: prefs.String(prefServerDatabase),
		User: prefs.String(prefServerUser), TLS: prefs.String(prefServerTLS), CAFile: prefs.String(prefServerCA)}
	return p, prefs.Bool(prefServerChosen) && p.problem() == ""
}

func saveServerProfile(a fyne.App, p ServerProfile) {
	prefs := a.Preferences()
	prefs.SetString(prefServerHost, p.Host)
	prefs.SetInt(prefServerPort, p.Port)
	prefs.SetString(prefServerDatabase, p.Database)
	prefs.SetString(prefServerUser, p.User)
	prefs.SetString(prefServerTLS, p.TLS)
	prefs.SetString(prefServerCA, p.CAFile)
}

// Credentials keep passwords in the operating system's credential store.
type Credentials interface {
	// Get is the password kept for account; ErrNoPassword when none is.
	Get(account string) (string, error)
	// Set keeps password for account; an error says there is no store.
	Set(account, password string) error
	// Delete forgets account's password.
	Delete(account string) error
}

// ErrNoPassword: the credential store keeps no password for the account.
var errNoPassword = errors.New("ui: no password kept")

// SystemCredentials are the operating system's credential store through
// go-keyring: Windows Credential Manager, the macOS Keychain, the Secret
// Service (GNOME Keyring, KWallet) on Linux. Headless Linux has none.
type SystemCredentials struct{}

const keyringService = "Sepakat"

func (SystemCredentials) Get(account string) (string, error) {
	pw, err := keyring.Get(keyringService, account)
	if errors.Is(err, keyring.ErrNotFound) {
		return "", errNoPassword
	}
	return pw, err
}

func (SystemCredentials) Set(account, password string) error {
	return keyring.Set(keyringService, account, password)
}

func (SystemCredentials) Delete(account string) error {
	err := keyring.Delete(keyringService, account)
	if errors.Is(err, keyring.ErrNotFound) {
		return nil
	}
	return err
}

// ServerLink is the way to the office's server the main program gives the
// screens, so that they see service interfaces only.
type ServerLink interface {
	// Try connects with conn and password, reads the register and closes it.
	Try(ctx context.Context, conn, password string) error
	// Open connects and returns the register on the server; the main
	// program closes the register open before once this one opened.
	Open(ctx context.Context, conn, password string) (service.Service, service.Printer, error)
}

// serverPage is Pengaturan → "Data di server kantor": the saved profile, a
// test of the connection, and the switch between the data file and the server.
type serverPage struct {
	u *App

	host, port, database, user *kit.Entry
	password                   *widget.Entry
	remember                   *widget.Check
	tls                        *widget.Select
	caFile                     *kit.Entry
	pickCA                     *widget.Button
	test, use, local           *widget.Button
	where                      *widget.Label // which register is open
	answer                     *widget.Label // the latest test's or switch's answer
	content                    fyne.CanvasObject

	// done, when set, runs on the UI goroutine after each test or switch (tests).
	done func(error)
}

func (u *App) newServerPage() *serverPage {
	p := &serverPage{u: u}
	p.host, p.port, p.database, p.user, p.caFile = kit.NewEntry(), kit.NewEntry(), kit.NewEntry(), kit.NewEntry(), kit.NewEntry()
	p.host.SetPlaceHolder("server.kantor")
	p.port.SetPlaceHolder("5432")
	p.database.SetPlaceHolder("sepakat")
	p.password = widget.NewPasswordEntry()
	p.remember = widget.NewCheck(lang.L("Simpan kata sandi di penyimpan kata sandi sistem"), nil)
	p.remember.SetChecked(true)
	p.tls = kit.NewSelect(tlsLabels(), func(string) { p.showCA() })
	p.pickCA = widget.NewButtonWithIcon(lang.L("Pilih…"), theme.FolderOpenIcon(), p.onPickCA)
	p.test = widget.NewButtonWithIcon(lang.L("Uji sambungan"), theme.ConfirmIcon(), p.onTest)
	p.use = widget.NewButtonWithIcon(lang.L("Pakai data di server"), theme.StorageIcon(), p.onUse)
	p.use.Importance = widget.HighImportance
	p.local = widget.NewButtonWithIcon(lang.L("Kembali ke berkas data di komputer ini"), theme.ComputerIcon(), p.onLocal)
	p.where = widget.NewLabel("")
	p.where.Wrapping = fyne.TextWrapWord
	p.answer = widget.NewLabel("")
	p.answer.Wrapping = fyne.TextWrapWord
	p.answer.Hide()

	prof, _ := SavedServer(u.app)
	p.host.SetText(prof.Host)
	if prof.Port != 0 {
		p.port.SetText(strconv.Itoa(prof.Port))
	}
	p.database.SetText(prof.Database)
	p.user.SetText(prof.User)
	p.tls.SetSelectedIndex(max(0, indexOf(tlsModes, prof.tls())))
	p.caFile.SetText(prof.CAFile)
	p.showCA()
	p.showWhere()

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Alamat server"), p.host),
		widget.NewFormItem(lang.L("Port"), p.port),
		widget.NewFormItem(lang.L("Basis data"), p.database),
		widget.NewFormItem(lang.L("Nama pengguna"), p.user),
		widget.NewFormItem(lang.L("Kata sandi"), container.NewVBox(p.password, p.remember)),
		widget.NewFormItem(lang.L("Keamanan sambungan"), p.tls),
		widget.NewFormItem(lang.L("Sertifikat CA server"), container.NewBorder(nil, nil, nil, p.pickCA, p.caFile)),
	)
	intro := widget.NewLabel(lang.L("Bila beberapa staf bekerja pada satu register, register itu disimpan di server PostgreSQL kantor. Tanyakan alamat, nama basis data dan akun Anda kepada pengelola server. Kata sandi disimpan di penyimpan kata sandi sistem operasi, tidak di berkas pengaturan."))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(heading(lang.L("Data di server kantor")), p.where, intro, form,
		container.NewHBox(p.test, p.use, p.local), p.answer)
	p.content = container.NewVScroll(container.NewPadded(body))
	return p
}

func indexOf(list []string, v string) int {
	for i, s := range list {
		if s == v {
			return i
		}
	}
	return -1
}

// showCA offers the CA file only with verify-full.
func (p *serverPage) showCA() {
	if p.tls.SelectedIndex() == 2 {
		p.caFile.Enable()
		p.pickCA.Enable()
		return
	}
	p.caFile.Disable()
	p.pickCA.Disable()
}

// showWhere says which register is open, and offers the switch back.
func (p *serverPage) showWhere() {
	switch {
	case p.u.Server != "":
		p.where.SetText(lang.L("Yang terbuka sekarang: register di server kantor {{.Server}}.", map[string]any{"Server": p.u.Server}))
	case p.u.copyOpen != "":
		p.where.SetText(lang.L("Yang terbuka sekarang: {{.Copy}}.", map[string]any{"Copy": p.u.copyOpen}))
	default:
		p.where.SetText(lang.L("Yang terbuka sekarang: berkas data {{.Path}} di komputer ini.", map[string]any{"Path": places.Display(p.u.DataPath)}))
	}
	if p.u.DataPath == "" && p.u.LocalPath != "" {
		p.local.Enable()
	} else {
		p.local.Disable()
	}
}

func (p *serverPage) onPickCA() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		p.caFile.SetText(filepath.FromSlash(places.Display(r.URI().Path())))
		r.Close()
	}, p.u.win)
	d.Show()
}

// profile is what the page's fields say, or the words of what is missing.
func (p *serverPage) profile() (ServerProfile, string) {
	prof := ServerProfile{Host: strings.TrimSpace(p.host.Text), Database: strings.TrimSpace(p.database.Text),
		User: strings.TrimSpace(p.user.Text), CAFile: strings.TrimSpace(p.caFile.Text)}
	if i := p.tls.SelectedIndex(); i >= 0 {
		prof.TLS = tlsModes[i]
	}
	if t := strings.TrimSpace(p.port.Text); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil || n < 1 {
			n = -1
		}
		prof.Port = n
	}
	return prof, prof.problem()
}

// passwordFor is the password typed, else the one kept for prof.
func (p *serverPage) passwordFor(prof ServerProfile) string {
	if p.password.Text != "" {
		return p.password.Text
	}
	return p.u.serverPassword(prof)
}

func (p *serverPage) say(text string) {
	p.answer.SetText(text)
	p.answer.Show()
}

// busy turns the buttons off while a connection is tried.
func (p *serverPage) busy(on bool) {
	for _, b := range []*widget.Button{p.test, p.use} {
		if on {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if on {
		p.local.Disable()
	} else {
		p.showWhere()
	}
}

func (p *serverPage) finish(err error) {
	p.busy(false)
	if p.done != nil {
		p.done(err)
	}
}

// onTest connects with the fields as they are, off the UI goroutine, and
// says in words whether the register there can be used.
func (p *serverPage) onTest() {
	prof, problem := p.profile()
	if problem != "" {
		p.say(problem)
		p.finish(errors.New(problem))
		return
	}
	if p.u.ServerLink == nil {
		return
	}
	pw := p.passwordFor(prof)
	p.say(lang.L("Menghubungi {{.Server}}…", map[string]any{"Server": prof.Describe()}))
	p.busy(true)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		err := p.u.ServerLink.Try(ctx, prof.ConnString(), pw)
		p.u.do(func() {
			if err != nil {
				p.say(kit.Failure(lang.L("Sambungan gagal:"), err))
			} else {
				p.say(lang.L("Sambungan berhasil: register di {{.Server}} dapat dipakai.", map[string]any{"Server": prof.Describe()}))
			}
			p.finish(err)
		})
	}()
}

// onUse saves the profile (the password in the credential store) and makes
// the register on the server the open one.
func (p *serverPage) onUse() {
	prof, problem := p.profile()
	if problem != "" {
		p.say(problem)
		p.finish(errors.New(problem))
		return
	}
	saveServerProfile(p.u.app, prof)
	pw := p.passwordFor(prof)
	p.busy(true)
	p.say(lang.L("Menghubungi {{.Server}}…", map[string]any{"Server": prof.Describe()}))
	p.u.useServer(prof, pw, func(err error) {
		if err != nil {
			p.say(kit.Failure(lang.L("Register di server tidak dapat dibuka:"), err))
			p.finish(err)
			return
		}
		// The page was built anew with the screens; its answer shows there.
		np := p.u.serverPage
		if np == nil {
			np = p
		}
		np.say(np.u.keepPassword(prof, pw, p.remember.Checked))
		np.password.SetText("")
		np.finish(nil)
		p.u.settingsServerShown()
	})
}

// onLocal goes back to the data file on this computer.
func (p *serverPage) onLocal() {
	if p.u.LocalPath == "" {
		return
	}
	p.u.app.Preferences().SetBool(prefServerChosen, false)
	p.u.openData(p.u.LocalPath)
}

// keepPassword keeps pw for prof in the credential store when remember is
// set, and says where it went.
func (u *App) keepPassword(prof ServerProfile, pw string, remember bool) string {
	opened := lang.L("Register di server kantor {{.Server}} sekarang terbuka.", map[string]any{"Server": prof.Describe()})
	if pw == "" {
		return opened
	}
	if !remember {
		if u.Credentials != nil {
			_ = u.Credentials.Delete(prof.account())
		}
		return opened + " " + lang.L("Kata sandi tidak disimpan: Sepakat akan menanyakannya setiap kali dibuka.")
	}
	if u.Credentials == nil || u.Credentials.Set(prof.account(), pw) != nil {
		return opened + " " + lang.L("Komputer ini tidak punya penyimpan kata sandi, jadi kata sandi tidak disimpan: Sepakat akan menanyakannya setiap kali dibuka.")
	}
	return opened + " " + lang.L("Kata sandi disimpan di penyimpan kata sandi sistem.")
}

// KeptPassword is the password the credential store keeps for prof, or "".
func KeptPassword(c Credentials, prof ServerProfile) string {
	if c == nil {
		return ""
	}
	pw, err := c.Get(prof.account())
	if err != nil {
		return ""
	}
	return pw
}

// serverPassword is the password of prof known in this session, else the
// one in the credential store, else "".
func (u *App) serverPassword(prof ServerProfile) string {
	if u.sessionPassword != "" && u.sessionAccount == prof.account() {
		return u.sessionPassword
	}
	return KeptPassword(u.Credentials, prof)
}

// useServer closes the editors (asking about unsaved changes), opens the
// register on the server off the UI goroutine and rebuilds the screens on
// it; the next start opens it again. done runs on the UI goroutine.
func (u *App) useServer(prof ServerProfile, pw string, done func(error)) {
	if u.ServerLink == nil {
		return
	}
	u.leaveEditors(lang.L("Simpan semua dan buka"), lang.L("Buka tanpa menyimpan"), func() {
		for _, e := range u.editors {
			e.Close()
		}
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
			defer cancel()
			svc, printer, err := u.ServerLink.Open(ctx, prof.ConnString(), pw)
			u.do(func() {
				if err != nil {
					done(err)
					return
				}
				u.app.Preferences().SetBool(prefServerChosen, true)
				u.AdoptServer(svc, printer, prof, pw)
				done(nil)
			})
		}()
	})
}

// AdoptServer rebuilds the screens on the register svc on the server prof
// (pw is kept for this session, to connect again).
func (u *App) AdoptServer(svc service.Service, printer service.Printer, prof ServerProfile, pw string) {
	if u.DataPath != "" {
		u.LocalPath = u.DataPath
	}
	u.sessionAccount, u.sessionPassword = prof.account(), pw
	u.Server, u.copyOpen = prof.Describe(), ""
	u.closeWelcome()
	u.adopt(svc, printer, "")
}

// OnServer tells the screens, built on the register on the server prof,
// that it is the one open (the main program opened it at start).
func (u *App) OnServer(prof ServerProfile, pw, localPath string) {
	u.LocalPath = localPath
	u.sessionAccount, u.sessionPassword = prof.account(), pw
	u.Server, u.DataPath = prof.Describe(), ""
	u.serverPage.showWhere()
	u.showTitle()
}

// settingsServerShown shows Pengaturan → Data di server kantor.
func (u *App) settingsServerShown() {
	u.tabs.SelectIndex(tabSettings)
	u.settings.sections.SelectIndex(len(u.settings.sections.Items) - 1)
}

// addServerPage adds "Data di server kantor" to Pengaturan.
func (u *App) addServerPage() {
	u.serverPage = u.newServerPage()
	u.settings.sections.Append(container.NewTabItem(lang.L("Data di server kantor"), u.serverPage.content))
}

// showTitle names the register open in the title bar.
func (u *App) showTitle() {
	if name := u.registerName(false); name != "" {
		u.win.SetTitle("Sepakat — " + name)
	} else {
		u.win.SetTitle("Sepakat")
	}
}

// registerName names the register open: the server, the read-only copy, or
// the data file (its whole path when full, as Tentang shows it).
func (u *App) registerName(full bool) string {
	switch {
	case u.Server != "":
		return lang.L("server kantor: {{.Server}}", map[string]any{"Server": u.Server})
	case u.copyOpen != "":
		return u.copyOpen
	case u.DataPath != "" && full:
		return u.DataPath
	case u.DataPath != "":
		return filepath.Base(u.DataPath)
	}
	return ""
}

// watchOtherSeats subscribes to the open register's changes: when another
// seat saves an agreement (or the connection came back, RegistryAll), the
// register, the Beranda and the family tree are read again, once for a burst
// of notices, and an open editor of that agreement is told.
func (u *App) watchOtherSeats() {
	if u.unsubscribe != nil {
		u.unsubscribe()
	}
	u.unsubscribe = u.svc.Subscribe(func(c service.Change) {
		if !c.Affects(service.RegistryAgreements) {
			return
		}
		u.do(func() {
			if e := u.editors[c.ID]; e != nil && c.Registry == service.RegistryAgreements {
				e.ChangedElsewhere()
			}
			if u.refreshing {
				return
			}
			u.refreshing = true
			u.do(func() {
				u.refreshing = false
				u.Refresh()
			})
		})
	})
}

// closeWelcome closes the welcome of the data file open before, when
// another register takes its place.
func (u *App) closeWelcome() {
	if u.welcome != nil && u.welcome.dialog != nil {
		u.welcome.dialog.Hide()
	}
	u.welcome = nil
}
