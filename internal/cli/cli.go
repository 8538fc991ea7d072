// Package cli is sepakat-cli: Sepakat's services without a window.
package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/bahasa"
	"sepakat/internal/dataset"
	"sepakat/internal/export"
	"sepakat/internal/gen"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/store"
	"sepakat/internal/wilayah"
)

// Exit codes.
const (
	ExitOK     = 0
	ExitError  = 1
	ExitMisuse = 2
)

// Env is what a run of the tool needs from outside.
type Env struct {
	Stdout, Stderr io.Writer
	Lang           i18n.Lang
	Now            func() time.Time
	// Open opens the data file at path for one command; nil opens the bbolt
	// store. Every command works on the service seam only.
	Open func(path string, now func() time.Time) (Backend, error)
	// Context bounds the command; nil: context.Background(). Run adds the
	// interrupt signal (Ctrl+C) to it.
	Context context.Context
	// Stdin answers questions (restore); nil: the process's standard input,
	// and Interactive is then whether it is a terminal.
	Stdin       io.Reader
	Interactive bool
}

// Backend is an open data file: the service seam, and how to close it.
type Backend interface {
	service.Service
	Close() error
}

// openStore is the composition root: the bbolt store behind the seam. A
// search index to rebuild (after an upgrade) waits for the command that
// searches (compact.go), so that other commands start at once.
func openStore(path string, now func() time.Time) (Backend, error) {
	return store.Open(path, store.Options{Now: now, RebuildLater: true, SigningText: export.TextFingerprint})
}

type runner struct {
	Env
	db string
	// server is the connection string of the register on the office's
	// server (--server, SEPAKAT_SERVER); empty: the data file db.
	server string
	// ctx is cancelled by Env.Context or by Ctrl+C; the slow work stops at
	// its next check and writes nothing.
	ctx context.Context
	// noDaily: the command makes no automatic daily copy (backup commands).
	noDaily bool
}

// exitError carries an exit code and a message already in the user's language.
type exitError struct {
	code int
	text string
}

func (e *exitError) Error() string { return e.text }

func (r *runner) misuse(key string, args ...any) error {
	return &exitError{ExitMisuse, msg[key].In(r.Lang, args...)}
}

func (r *runner) fail(key string, args ...any) error {
	return &exitError{ExitError, msg[key].In(r.Lang, args...)}
}

// Run executes one command line and returns the exit code.
func Run(args []string, env Env) int {
	if env.Now == nil {
		env.Now = time.Now
	}
	if env.Open == nil {
		env.Open = openStore
	}
	if env.Context == nil {
		env.Context = context.Background()
	}
	if env.Stdin == nil {
		env.Stdin, env.Interactive = os.Stdin, isTerminal(os.Stdin)
	}
	ctx, stop := signal.NotifyContext(env.Context, os.Interrupt)
	defer stop()
	// Once cancelled, a second Ctrl+C ends the program at once; the data file
	// stays sound, as after any interrupted write.
	context.AfterFunc(ctx, stop)
	r := &runner{Env: env, ctx: ctx}
	err := r.run(args)
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		fmt.Fprintln(r.Stderr, ee.text)
		return ee.code
	}
	fmt.Fprintln(r.Stderr, service.Message(err, r.Lang))
	return ExitError
}

func (r *runner) usage() string {
	def, _ := store.DefaultPath()
	return msg["usage"].In(r.Lang, def)
}

func (r *runner) run(args []string) error {
	global := flag.NewFlagSet("sepakat-cli", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	global.StringVar(&r.db, "db", "", "")
	global.StringVar(&r.server, "server", os.Getenv(EnvServer), "")
	help := global.Bool("help", false, "")
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(r.Stdout, r.usage())
			return nil
		}
		return &exitError{ExitMisuse, msg["bad_flag"].In(r.Lang, flagText(err)) + "\n\n" + r.usage()}
	}
	rest := global.Args()
	if *help || len(rest) == 0 || rest[0] == "help" {
		if len(rest) == 0 && !*help {
			return &exitError{ExitMisuse, r.usage()}
		}
		fmt.Fprint(r.Stdout, r.usage())
		return nil
	}
	if r.db == "" {
		def, err := store.DefaultPath()
		if err != nil {
			return err
		}
		r.db = def
	}
	cmd, cargs := rest[0], rest[1:]
	commands := map[string]func([]string) error{
		"demo": r.demo, "list": r.list, "show": r.show, "add": r.add, "update": r.update,
		"export-json": r.exportJSON, "import-json": r.importJSON, "gen": r.gen,
		"reindex": r.reindex, "sinonim": r.synonyms, "check": r.check, "pdf": r.pdf, "search": r.search,
		"backup": r.backup, "backups": r.backups, "restore": r.restore,
		"salvage": r.salvage, "server": r.serverCmd,
		"docx": r.docx, "compare": r.compare, "send": r.send, "receive": r.receive, // paket.go
		"import-sheet": r.importSheet, "export-sheet": r.exportSheet,
		"laporan": r.laporan, "monev": r.monev,
		"telaah":  r.telaah, // telaah.go
		"compact": r.compact,
		"verify":  r.verify,
	}
	fn, ok := commands[cmd]
	if !ok {
		return &exitError{ExitMisuse, msg["unknown_command"].In(r.Lang, cmd) + "\n\n" + r.usage()}
	}
	// "salvage --help" asks for help: it never names a file to write.
	for _, a := range cargs {
		if a == "-h" || a == "-help" || a == "--help" {
			fmt.Fprint(r.Stdout, r.usage())
			return nil
		}
	}
	return fn(cargs)
}

// flags parses a command's options, allowing them before or after positional arguments.
func (r *runner) flags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, r.misuse("bad_flag", flagText(err))
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// flagText names the option a parse error is about, without the flag
// package's English: "-limit abc", "-x".
func flagText(err error) string {
	text := err.Error()
	for _, sep := range []string{" for flag -", " for -"} {
		if i := strings.Index(text, sep); i >= 0 {
			name, _, _ := strings.Cut(text[i+len(sep)-1:], ":")
			value := ""
			if q := strings.Index(text, `"`); q >= 0 && q < i {
				value, _ = strconv.Unquote(text[q:i])
			}
			return strings.TrimSpace(name + " " + value)
		}
	}
	if i := strings.LastIndex(text, ": -"); i >= 0 {
		return text[i+2:]
	}
	if v, ok := strings.CutPrefix(text, "bad flag syntax: "); ok {
		return v
	}
	return text
}

// cancelled reports a command stopped by Ctrl+C (or its caller): Run says
// so in the table's words ("Dibatalkan."), not as a failure of the file.
func cancelled(err error) bool { return errors.Is(err, context.Canceled) }

// reason is err in the message table's words, for a line that names path
// already: a detail line that only repeats the path is left out.
func (r *runner) reason(err error, path string) string {
	p := service.Explain(err, r.Lang)
	if _, detail, ok := strings.Cut(p.Detail, ": "); ok && detail == path {
		p.Detail = ""
	}
	return p.String()
}

func (r *runner) open() (Backend, error) {
	open := r.Open
	if r.server != "" {
		open = r.openServer
	}
	s, err := open(r.db, r.Now)
	if err != nil {
		if errors.Is(err, service.ErrAlreadyOpen) {
			return nil, err
		}
		return nil, r.openFailed(err)
	}
	r.dailyBackup(s) // backup.go
	return s, nil
}

// withData opens the data file for one command and closes it afterwards.
func (r *runner) withData(fn func(service.Service) error) error {
	s, err := r.open()
	if err != nil {
		return err
	}
	err = fn(s)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	return err
}

func (r *runner) parseID(s string) (agreement.ID, error) {
	id, err := agreement.ParseID(s)
	if err != nil {
		return 0, r.misuse("bad_id", s)
	}
	return id, nil
}

func (r *runner) demo(args []string) error {
	if len(args) != 0 {
		return r.misuse("need_args", "demo", "-")
	}
	return r.withData(func(s service.Service) error { return r.loadExamples(s, s, s) })
}

func (r *runner) loadExamples(ex service.Examples, reg service.Register, dir service.Directory) error {
	before, _ := reg.Total()
	partiesBefore, _ := dir.Parties()
	if err := ex.LoadExamples(); err != nil {
		return err
	}
	n, _ := reg.Total()
	parties, _ := dir.Parties()
	fmt.Fprintln(r.Stderr, msg["demo_done"].In(r.Lang, n-before, len(parties)-len(partiesBefore), n))
	return nil
}

// listFilters are the register filters list and export-sheet take: the
// first one given chooses the order, as the list indexes do.
type listFilters struct {
	status, kind *string
	party        *uint64
	year         *int
	ending       *bool
}

func listFlags(fs *flag.FlagSet) listFilters {
	return listFilters{status: fs.String("status", "", ""), kind: fs.String("kind", "", ""),
		party: fs.Uint64("party", 0, ""), year: fs.Int("year", 0, ""), ending: fs.Bool("ending", false, "")}
}

// query is the register query the filters ask for, pages of limit rows.
func (f listFilters) query(r *runner, limit int) (service.Query, error) {
	q := service.Query{Limit: limit}
	switch {
	case *f.status != "":
		if !agreement.Status(*f.status).Valid() {
			return q, r.misuse("bad_flag", "--status "+*f.status)
		}
		q.Order, q.Status = service.ByStatus, agreement.Status(*f.status)
	case *f.kind != "":
		k := agreement.Kind(strings.ToUpper(*f.kind))
		if !k.Valid() {
			return q, r.misuse("bad_flag", "--kind "+*f.kind)
		}
		q.Order, q.Kind = service.ByKind, k
	case *f.party != 0:
		q.Order, q.Party = service.ByParty, agreement.ID(*f.party)
	case *f.year != 0:
		q.Order, q.Year = service.ByYear, *f.year
	case *f.ending:
		q.Order, q.EndFrom = service.ByEnd, agreement.DateOf(r.Now())
	}
	return q, nil
}

func (r *runner) list(args []string) error {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "")
	filters := listFlags(fs)
	limit := fs.Int("limit", 50, "")
	pos, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 || *limit < 1 {
		return r.misuse("bad_flag", strings.Join(pos, " "))
	}
	q, err := filters.query(r, *limit)
	if err != nil {
		return err
	}
	return r.withData(func(s service.Service) error { return r.listPage(s, q, *asJSON) })
}

func (r *runner) listPage(s service.Register, q service.Query, asJSON bool) error {
	page, err := s.List(q)
	if err != nil {
		return err
	}
	if asJSON {
		items := page.Items
		if items == nil {
			items = []agreement.Summary{}
		}
		return dataset.Encode(r.Stdout, items)
	}
	if len(page.Items) == 0 {
		fmt.Fprintln(r.Stderr, msg["empty_list"].In(r.Lang))
		return nil
	}
	w := bufio.NewWriter(r.Stdout)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if r.Lang == i18n.EN {
		fmt.Fprintln(tw, "ID\tKIND\tSTATUS\tOUR NUMBER\tPARTNER\tSUBJECT\tENDS")
	} else {
		fmt.Fprintln(tw, "ID\tJENIS\tSTATUS\tNOMOR KITA\tMITRA\tTENTANG\tBERAKHIR")
	}
	for _, it := range page.Items {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", it.ID, it.Kind, it.Phase(r.Now(), agreement.DefaultSoonDays).Label(),
			dash(it.OwnNumber), clip(it.Partners(), 40), clip(it.Subject, 60), dash(shortDate(it.End)))
	}
	tw.Flush()
	if page.Next != nil {
		total, _ := s.Total()
		fmt.Fprintln(w, msg["more"].In(r.Lang, len(page.Items), total))
	}
	return w.Flush()
}

func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func clip(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}

func shortDate(d agreement.Date) string {
	if d.IsZero() {
		return ""
	}
	return bahasa.ShortDate(d.Time())
}

func (r *runner) show(args []string) error {
	fs := flag.NewFlagSet("show", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "")
	pos, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return r.misuse("need_args", "show", "ID")
	}
	id, err := r.parseID(pos[0])
	if err != nil {
		return err
	}
	return r.withData(func(s service.Service) error { return r.showAgreement(s, s, id, *asJSON) })
}

func (r *runner) showAgreement(rec service.Records, dir service.Directory, id agreement.ID, asJSON bool) error {
	a, err := rec.Agreement(id)
	if err != nil {
		return err
	}
	if asJSON {
		return dataset.Encode(r.Stdout, dataset.Single{Format: dataset.Format, Version: dataset.Version, Agreement: &a})
	}
	if a.ParentID != 0 {
		// A draft cites the numbers its parent has now, as its text does.
		if p, err := rec.Agreement(a.ParentID); err == nil {
			a.RefreshCitation(&p)
		}
	}
	return r.printAgreement(dir, &a)
}

// endSetBy names the child whose signed change gives a its end in the
// register ("Perpanjangan 4"), or the kinds that may when its children
// cannot be read.
func endSetBy(s service.Directory, a *agreement.Agreement) string {
	reg, ok := s.(interface {
		List(service.Query) (service.Page, error)
		Agreement(agreement.ID) (agreement.Agreement, error)
	})
	if !ok {
		return "Adendum atau Perpanjangan"
	}
	var kids []agreement.Agreement
	q := service.Query{Parent: a.ID}
	for {
		page, err := reg.List(q)
		if err != nil {
			return "Adendum atau Perpanjangan"
		}
		for _, row := range page.Items {
			if c, err := reg.Agreement(row.ID); err == nil {
				kids = append(kids, c)
			}
		}
		if page.Next == nil {
			break
		}
		q.After = page.Next
	}
	if c := a.EndSetBy(kids); c != nil {
		return fmt.Sprintf("%s %d", c.Kind.Title(), c.ID)
	}
	return "Adendum atau Perpanjangan"
}

func (r *runner) printAgreement(s service.Directory, a *agreement.Agreement) error {
	w := bufio.NewWriter(r.Stdout)
	fmt.Fprintf(w, "%s %d — %s\n", a.Kind.Title(), a.ID, a.Subject)
	// The end as the register keeps it: a signed Adendum may have moved it.
	end := a.EffectiveEnd()
	if reg, ok := s.(interface {
		Summaries([]agreement.ID) ([]agreement.Summary, error)
	}); ok {
		if rows, err := reg.Summaries([]agreement.ID{a.ID}); err == nil && len(rows) == 1 {
			end = rows[0].End
		}
	}
	fmt.Fprintf(w, "Status: %s (revisi %d)\n", agreement.PhaseOf(a.Status, a.EffectiveStart(), end, r.Now(), agreement.DefaultSoonDays).Label(), a.Rev)
	for _, ap := range a.Parties {
		p, _ := s.Party(ap.PartyID)
		fmt.Fprintf(w, "%s: %s\n", ap.Role.Label(), p.Name)
		if ap.Number != "" {
			fmt.Fprintf(w, "  Nomor: %s\n", ap.Number)
		}
		if ap.SignerID != 0 {
			o, _ := s.Official(ap.SignerID)
			fmt.Fprintf(w, "  Penanda tangan: %s, %s\n", o.FullName(), o.Position())
		}
		if ap.MandateID != 0 {
			m, _ := s.Mandate(ap.MandateID)
			fmt.Fprintf(w, "  Surat Kuasa: %s tanggal %s\n", m.Number, shortDate(m.Date))
		}
	}
	if a.Parent != nil {
		var given []string
		for _, n := range a.Parent.Numbers {
			if agreement.NumberGiven(n) {
				given = append(given, strings.TrimSpace(n))
			}
		}
		if len(given) > 0 {
			fmt.Fprintf(w, "Induk: %s %d (%s)\n", a.Parent.Kind.Title(), a.ParentID, strings.Join(given, "; "))
		} else {
			fmt.Fprintf(w, "Induk: %s %d\n", a.Parent.Kind.Title(), a.ParentID)
		}
	}
	if t := a.Term; t.Length > 0 {
		fmt.Fprintf(w, "Jangka waktu: %d %s", t.Length, t.Unit)
		if start, own := a.EffectiveStart(), a.EffectiveEnd(); !start.IsZero() {
			fmt.Fprintf(w, ", %s s.d. %s", shortDate(start), shortDate(own))
			if end != own && end.Valid() {
				fmt.Fprintf(w, ", diubah dengan %s sampai %s", endSetBy(s, a), shortDate(end))
			}
		}
		fmt.Fprintln(w)
	} else if a.EndsWithParent() {
		// No term of its own: it ends with its parent, as the register keeps it.
		if end.Valid() {
			fmt.Fprintf(w, "Jangka waktu: berakhir bersama perjanjian induk, kini %s\n", shortDate(end))
		} else {
			fmt.Fprintln(w, "Jangka waktu: berakhir bersama perjanjian induk, yang tidak mempunyai tanggal berakhir")
		}
	}
	if sg := a.Signing; sg != nil {
		fmt.Fprintf(w, "Ditandatangani: %s, %s", shortDate(sg.Date), sg.Place)
		if sg.Venue != "" {
			fmt.Fprintf(w, " (%s)", sg.Venue)
		}
		fmt.Fprintln(w)
	}
	if len(a.Implementers) > 0 {
		fmt.Fprintf(w, "Perangkat daerah: %s\n", strings.Join(a.Implementers, ", "))
	}
	n := 0
	for _, b := range a.Body {
		if b.Kind == agreement.NodeBab {
			fmt.Fprintf(w, "BAB %s\n", b.Heading)
			for _, c := range b.Children {
				n++
				fmt.Fprintf(w, "  Pasal %d  %s\n", n, c.Heading)
			}
			continue
		}
		n++
		fmt.Fprintf(w, "  Pasal %d  %s\n", n, b.Heading)
	}
	return w.Flush()
}

// reader keeps the error of reading a file, which decoding reports only as text.
type reader struct {
	r   io.Reader
	err error
}

func (rd *reader) Read(p []byte) (int, error) {
	n, err := rd.r.Read(p)
	if err != nil && err != io.EOF {
		rd.err = err
	}
	return n, err
}

// decodeFailed says why path did not decode: it could not be read, or what is
// wrong inside it.
func (r *runner) decodeFailed(path string, in *reader, err error) error {
	if in.err != nil {
		return r.fail("read_failed", path, r.reason(in.err, path))
	}
	return r.fail("bad_file", path, r.reason(err, path))
}

func (r *runner) readSingle(path string) (*dataset.Single, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, r.fail("read_failed", path, r.reason(err, path))
	}
	defer f.Close()
	in := &reader{r: f}
	single, err := dataset.DecodeSingle(in)
	if err != nil {
		return nil, r.decodeFailed(path, in, err)
	}
	return single, nil
}

func (r *runner) add(args []string) error {
	if len(args) != 1 {
		return r.misuse("need_args", "add", "BERKAS.json")
	}
	single, err := r.readSingle(args[0])
	if err != nil {
		return err
	}
	id, rev := singleMeta(single)
	if *id != 0 || *rev != 0 {
		return r.misuse("add_has_id")
	}
	return r.withData(func(s service.Service) error { return r.saveSingle(s, s, single) })
}

func (r *runner) update(args []string) error {
	if len(args) != 2 {
		return r.misuse("need_args", "update", "ID BERKAS.json")
	}
	want, err := r.parseID(args[0])
	if err != nil {
		return err
	}
	single, err := r.readSingle(args[1])
	if err != nil {
		return err
	}
	id, rev := singleMeta(single)
	if *id != 0 && *id != want {
		return r.misuse("id_mismatch", *id, want)
	}
	if *rev == 0 {
		return r.misuse("update_needs_rev")
	}
	*id = want
	return r.withData(func(s service.Service) error { return r.saveSingle(s, s, single) })
}

func singleMeta(s *dataset.Single) (*agreement.ID, *uint64) {
	switch {
	case s.Agreement != nil:
		return &s.Agreement.ID, &s.Agreement.Rev
	case s.Party != nil:
		return &s.Party.ID, &s.Party.Rev
	case s.Official != nil:
		return &s.Official.ID, &s.Official.Rev
	}
	return &s.Mandate.ID, &s.Mandate.Rev
}

func (r *runner) saveSingle(rec service.Records, dir service.Directory, single *dataset.Single) error {
	var err error
	var kind string
	switch {
	case single.Agreement != nil:
		kind, err = "perjanjian", rec.SaveAgreement(single.Agreement)
	case single.Party != nil:
		kind, err = "instansi", dir.SaveParty(single.Party)
	case single.Official != nil:
		kind, err = "pejabat", dir.SaveOfficial(single.Official)
	default:
		kind, err = "surat kuasa", dir.SaveMandate(single.Mandate)
	}
	var es agreement.Errors
	if errors.As(err, &es) {
		return r.fail("invalid_record", service.Message(es, r.Lang))
	}
	if err != nil {
		return err
	}
	id, rev := singleMeta(single)
	fmt.Fprintln(r.Stderr, msg["saved"].In(r.Lang, kind, *id, *rev))
	fmt.Fprintln(r.Stdout, *id)
	return nil
}

func (r *runner) exportJSON(args []string) error {
	if path, ok := salvageFlag(args); ok {
		return r.exportSalvage(path)
	}
	if len(args) != 1 {
		return r.misuse("need_args", "export-json", "BERKAS")
	}
	return r.withData(func(s service.Service) error { return r.export(s, args[0]) })
}

func (r *runner) export(adm service.Admin, path string) error {
	var counts dataset.Counts
	write := func(w io.Writer) (err error) {
		counts, err = adm.ExportTo(r.ctx, w)
		return err
	}
	if path == "-" {
		return write(r.Stdout)
	}
	// Through a temporary file: a failed or cancelled export leaves no half file.
	if err := service.WriteFile(r.ctx, path, 0o600, write); err != nil {
		if cancelled(err) || !writeProblem(err) {
			return err
		}
		return r.fail("write_failed", path, r.reason(err, path))
	}
	fmt.Fprintln(r.Stderr, msg["exported"].In(r.Lang, path, counts.Agreements, counts.Parties, counts.Officials, counts.Mandates))
	return nil
}

// writeProblem reports whether err is about writing the output file, not
// about reading the data file.
func writeProblem(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) || !service.Known(err)
}

func (r *runner) importJSON(args []string) error {
	if len(args) != 1 {
		return r.misuse("need_args", "import-json", "BERKAS")
	}
	path := args[0]
	// The file must be there before the data file is opened.
	f, err := os.Open(path)
	if err != nil {
		return r.fail("read_failed", path, r.reason(err, path))
	}
	f.Close()
	return r.withData(func(s service.Service) error { return r.importFile(s, path) })
}

// importMemory is the heap an import aims to stay within: the garbage of
// each batch is collected before it piles up.
const importMemory = 320 << 20

// importFile imports the exchange file at path, read element by element.
func (r *runner) importFile(adm service.Admin, path string) error {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(importMemory))
	var in *reader
	open := func() (io.ReadCloser, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		in = &reader{r: bufio.NewReaderSize(f, 1<<20)}
		return struct {
			io.Reader
			io.Closer
		}{in, f}, nil
	}
	counts, err := adm.ImportFrom(r.ctx, open)
	if err != nil {
		if cancelled(err) {
			return err
		}
		var de *dataset.DecodeError
		var ie *service.ImportError
		if !errors.As(err, &de) && !errors.As(err, &ie) && (in == nil || in.err != nil) {
			return r.fail("read_failed", path, r.reason(err, path))
		}
		return r.fail("bad_file", path, service.Message(err, r.Lang))
	}
	fmt.Fprintln(r.Stderr, msg["imported"].In(r.Lang, path, counts.Agreements, counts.Parties, counts.Officials, counts.Mandates))
	return nil
}

func (r *runner) gen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	n := fs.Int("n", 0, "")
	seed := fs.Uint64("seed", 1, "")
	pos, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 0 {
		return r.misuse("bad_flag", strings.Join(pos, " "))
	}
	if *n < 1 || *n > 10_000_000 {
		return r.misuse("gen_n")
	}
	regions, err := wilayah.Load()
	if err != nil {
		return err
	}
	g := gen.New(gen.Options{Seed: *seed, Now: r.Now()}, regions)
	return r.withData(func(s service.Service) error { return r.generate(s, s, g, *n, *seed) })
}

// generate imports a synthetic corpus in batches, each one import.
func (r *runner) generate(reg service.Register, adm service.Admin, g *gen.Generator, n int, seed uint64) error {
	start := time.Now()
	if total, err := reg.Total(); err != nil || total > 0 {
		if err != nil {
			return err
		}
		return r.fail("gen_not_empty", r.db)
	}
	if err := adm.Import(r.ctx, g.Directory()); err != nil {
		return err
	}
	const batch = 2000
	// The file was empty: its batches need no copy before each.
	ctx := service.WithoutBackup(r.ctx)
	for from := 0; from < n; from += batch {
		d := &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Agreements: g.Agreements(from, min(batch, n-from))}
		d.Counters = ownCounters(g.OwnPartyID(), d.Agreements)
		if err := adm.Import(ctx, d); err != nil {
			return err
		}
	}
	fmt.Fprintln(r.Stderr, msg["generated"].In(r.Lang, n, seed, time.Since(start).Round(time.Millisecond)))
	return nil
}

// ownCounters moves our office's counters past every generated number. The corpus
// numbers its agreements by ID, so the largest ID per kind and year bounds them.
func ownCounters(own agreement.ID, list []agreement.Agreement) []dataset.Counter {
	type key struct {
		kind agreement.Kind
		year int
	}
	last := map[key]uint64{}
	var order []key
	for _, a := range list {
		k := key{a.Kind, a.Year()}
		if _, seen := last[k]; !seen {
			order = append(order, k)
		}
		last[k] = max(last[k], uint64(a.ID))
	}
	out := make([]dataset.Counter, 0, len(order))
	for _, k := range order {
		out = append(out, dataset.Counter{Office: own, Kind: k.kind, Year: k.year, Last: last[k]})
	}
	return out
}

func (r *runner) pdf(args []string) error {
	fs := flag.NewFlagSet("pdf", flag.ContinueOnError)
	out := fs.String("o", "", "")
	draft := fs.Bool("konsep", false, "")
	paper := fs.String("paper", "", "")
	anyway := fs.Bool("tetap", false, "")
	pos, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *out == "" {
		return r.misuse("need_args", "pdf", "ID -o BERKAS.pdf")
	}
	id, err := r.parseID(pos[0])
	if err != nil {
		return err
	}
	return r.withData(func(s service.Service) error {
		if !*draft && !*anyway {
			if err := r.checkText(s, id); err != nil {
				return err
			}
		}
		return r.printPDF(s, id, *out, export.Options{Draft: *draft, Paper: *paper})
	})
}

// checkText refuses a final copy whose text the document check finds fault
// with, naming each problem; --tetap prints it all the same.
func (r *runner) checkText(src export.Source, id agreement.ID) error {
	problems, err := export.Check(src, id)
	if err != nil || len(problems) == 0 {
		return nil // an agreement that cannot be built says why as it prints
	}
	lines := make([]string, len(problems))
	for i, p := range problems {
		lines[i] = "  - " + p.Message(r.Lang)
	}
	return r.fail("pdf_check", strings.Join(lines, "\n"))
}

// printPDF reads what the document needs (the agreement, the directory, the
// files) through the seam.
func (r *runner) printPDF(src export.Source, id agreement.ID, out string, opt export.Options) error {
	if _, err := src.Agreement(id); err != nil {
		return err
	}
	var res export.Result
	err := service.WriteFile(r.ctx, out, 0o644, func(w io.Writer) error {
		var err error
		res, err = export.PDF(r.ctx, src, id, w, opt)
		return err
	})
	if cancelled(err) {
		return err
	}
	if err != nil {
		return r.fail("pdf_failed", service.Message(err, r.Lang))
	}
	fmt.Fprintln(r.Stderr, msg["pdf_done"].In(r.Lang, out, res.Code, res.Fingerprint))
	return r.logPrint(src, id, res.Print)
}

func (r *runner) search(args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "")
	kind := fs.String("kind", "", "")
	status := fs.String("status", "", "")
	party := fs.Uint64("party", 0, "")
	year := fs.Int("year", 0, "")
	pd := fs.String("pd", "", "")
	from := fs.String("from", "", "")
	to := fs.String("to", "", "")
	ending := fs.Int("ending-within", 0, "")
	limit := fs.Int("limit", 20, "")
	pos, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || *limit < 1 {
		return r.misuse("need_args", "search", "\"KATA KUNCI\"")
	}
	f := agreement.Filter{Kind: agreement.Kind(strings.ToUpper(*kind)), Status: agreement.Status(*status),
		Party: agreement.ID(*party), Year: *year, Implementer: *pd, EndsWithin: *ending}
	if f.Kind != "" && !f.Kind.Valid() {
		return r.misuse("bad_flag", "--kind "+*kind)
	}
	if f.Status != "" && !f.Status.Valid() {
		return r.misuse("bad_flag", "--status "+*status)
	}
	for _, d := range []struct {
		in  string
		out *agreement.Date
	}{{*from, &f.From}, {*to, &f.To}} {
		if d.in == "" {
			continue
		}
		v, err := agreement.ParseDate(d.in)
		if err != nil {
			return r.misuse("bad_date", d.in)
		}
		*d.out = v
	}
	q := service.SearchQuery{Text: pos[0], Filter: f, Limit: *limit}
	return r.withData(func(s service.Service) error { return r.searchRebuilding(s, q, *asJSON) })
}

func (r *runner) searchOn(s service.Register, q service.SearchQuery, asJSON bool) error {
	res, err := s.Search(q)
	if err != nil {
		return err
	}
	if asJSON {
		if res.Hits == nil {
			res.Hits = []service.SearchHit{}
		}
		return dataset.Encode(r.Stdout, res)
	}
	switch {
	case res.OnlyStopwords:
		fmt.Fprintln(r.Stderr, msg["search_stopwords"].In(r.Lang))
		return nil
	case len(res.Hits) == 0:
		fmt.Fprintln(r.Stderr, msg["search_none"].In(r.Lang, q.Text))
		return nil
	}
	w := bufio.NewWriter(r.Stdout)
	for _, h := range res.Hits {
		sum := h.Summary
		fmt.Fprintf(w, "%d  %s  %s  %s\n", sum.ID, sum.Kind, clip(sum.Subject, 70), sum.Phase(r.Now(), agreement.DefaultSoonDays).Label())
		fmt.Fprintf(w, "    %s  %s\n", dash(sum.OwnNumber), clip(sum.Partners(), 60))
		if h.Snippet != "" {
			fmt.Fprintf(w, "    %s\n", h.Snippet)
		}
	}
	if res.Truncated {
		fmt.Fprintln(w, msg["search_truncated"].In(r.Lang))
	}
	return w.Flush()
}

func (r *runner) reindex(args []string) error {
	return r.withData(func(s service.Service) error { return r.rebuild(s) })
}

func (r *runner) rebuild(adm service.Admin) error {
	if err := adm.Reindex(r.ctx); err != nil {
		return err
	}
	fmt.Fprintln(r.Stderr, msg["reindexed"].In(r.Lang))
	return nil
}

// synonyms prints the shipped synonym list and the office's own, or replaces the
// office's own with a file's (--set FILE) or empties it (--clear).
func (r *runner) synonyms(args []string) error {
	fs := flag.NewFlagSet("sinonim", flag.ContinueOnError)
	set := fs.String("set", "", "")
	clear := fs.Bool("clear", false, "")
	rest, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 || (*set != "" && *clear) {
		return r.misuse("synonyms_usage")
	}
	text := ""
	if *set != "" {
		raw, err := os.ReadFile(*set)
		if err != nil {
			return r.fail("read_failed", *set, r.reason(err, *set))
		}
		text = string(raw)
	}
	show := *set == "" && !*clear
	return r.withData(func(s service.Service) error { return r.setSynonyms(s, show, text) })
}

// setSynonyms shows the synonym lists, or replaces the office's own with text.
func (r *runner) setSynonyms(s service.Admin, show bool, text string) error {
	if show {
		shipped, own, err := s.Synonyms()
		if err != nil {
			return err
		}
		fmt.Fprintln(r.Stdout, msg["synonyms_shipped"].In(r.Lang))
		fmt.Fprintln(r.Stdout, strings.TrimRight(shipped, "\n"))
		fmt.Fprintln(r.Stdout)
		if strings.TrimSpace(own) == "" {
			fmt.Fprintln(r.Stdout, msg["synonyms_own_none"].In(r.Lang))
			return nil
		}
		fmt.Fprintln(r.Stdout, msg["synonyms_own"].In(r.Lang))
		fmt.Fprintln(r.Stdout, strings.TrimRight(own, "\n"))
		return nil
	}
	err := s.SetSynonyms(r.ctx, text)
	if cancelled(err) {
		// Stopped during the index's rebuild: the list is kept.
		idx, ok := s.(service.SearchIndex)
		if ok {
			if st, serr := idx.SearchIndexState(); serr == nil && st.Rebuilding {
				return &exitError{ExitError, msg["synonyms_resumes"].In(r.Lang)}
			}
		}
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(r.Stderr, msg["synonyms_set"].In(r.Lang))
	return nil
}

func (r *runner) check(args []string) error {
	return r.withData(func(s service.Service) error { return r.checkOn(s, s) })
}

func (r *runner) checkOn(adm service.Admin, reg service.Register) error {
	if err := adm.Check(r.ctx); err != nil {
		var report *service.CheckError
		if cancelled(err) || errors.As(err, &report) {
			return err // the report: one line per problem
		}
		return fmt.Errorf("%w: %v", service.ErrCorrupt, err)
	}
	n, err := reg.Total()
	if err != nil {
		return err
	}
	fmt.Fprintln(r.Stdout, msg["check_ok"].In(r.Lang, n))
	return nil
}
