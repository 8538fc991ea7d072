package store

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/gen"
	"sepakat/internal/service"
	"sepakat/internal/service/servicetest"
	"sepakat/internal/wilayah"
)

// The fault campaign: kill -9 during writes, and a damage matrix. The short
// version runs in every test run (TestFaultsShort); the whole one behind the
// build tag faults (make faults).

// killFigures is what the kill campaign counts.
type killFigures struct {
	Kills, Acked, AckLost, DupNumbers, Crashes, CheckFailed int
	// PerOp counts the kills of each kind of write.
	PerOp map[string]int
	// BadCopies counts copies under a backup name that do not verify;
	// Leftovers the temporary files a kill left, LeftoversKept those the
	// next run did not remove.
	BadCopies, Leftovers, LeftoversKept int
}

// faultOps are the writes a killed child performs, one kind per child:
// "backup" makes verified copies (BackupNow), "import" makes the copy before
// each import.
var faultOps = []string{"add", "update", "import", "reserve", "backup"}

// runKills starts a writer n times and kills it with SIGKILL after a random
// delay; after each kill it reopens the file and checks every acknowledged write.
func runKills(t *testing.T, n int, seed uint64) killFigures {
	t.Helper()
	dir := t.TempDir()
	path, ack := filepath.Join(dir, "sepakat.db"), filepath.Join(dir, "ack.log")
	s, err := Open(path, Options{User: "staf1"})
	mustSave(t, err)
	w := servicetest.SeedWorld(t, s)
	base := w.KSB("Perjanjian dasar kampanye")
	mustSave(t, s.SaveAgreement(&base))
	mustSave(t, s.Close())
	r := rand.New(rand.NewPCG(seed, 2))
	f := killFigures{PerOp: map[string]int{}}
	numbers := map[string]bool{}
	seen := 0
	for i := range n {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperFaultWriter$")
		cmd.Env = append(os.Environ(), "SEPAKAT_FAULT_DB="+path, "SEPAKAT_FAULT_ACK="+ack,
			"SEPAKAT_FAULT_OP="+faultOps[i%len(faultOps)], fmt.Sprintf("SEPAKAT_FAULT_SEED=%d", i),
			fmt.Sprintf("SEPAKAT_FAULT_BASE=%d", base.ID), fmt.Sprintf("SEPAKAT_FAULT_OWN=%d", w.Sumedang.ID))
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		mustSave(t, cmd.Start())
		time.Sleep(time.Duration(20+r.IntN(400)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		f.Kills++
		f.PerOp[faultOps[i%len(faultOps)]]++
		if endedByItself(err, out.String()) {
			f.Crashes++
			t.Logf("writer %d ended by itself: %v\n%s", i, err, out.String())
		}
		// Every acknowledged write must be there.
		s, err := Open(path, Options{User: "staf1"})
		if err != nil {
			f.Crashes++
			t.Errorf("reopen after kill %d: %v", i, err)
			continue
		}
		lines := readLines(t, ack)
		var issuedNow *dataset.Dataset
		for _, l := range lines[seen:] {
			f.Acked++
			kind, val, _ := strings.Cut(l, " ")
			switch kind {
			case "A": // id rev
				var id agreement.ID
				var rev uint64
				fmt.Sscan(val, &id, &rev)
				if a, err := s.Agreement(id); err != nil || a.Rev < rev {
					f.AckLost++
					t.Errorf("acknowledged agreement %d rev %d: %v (rev %d)", id, rev, err, a.Rev)
				}
			case "N":
				if numbers[val] {
					f.DupNumbers++
					t.Errorf("number %s handed out twice", val)
				}
				numbers[val] = true
				if issuedNow == nil {
					d, err := s.Export(context.Background())
					if err != nil {
						t.Fatal(err)
					}
					issuedNow = d
				}
				if !issued(issuedNow, val) {
					f.AckLost++
					t.Errorf("acknowledged number %s not issued", val)
				}
			}
		}
		seen = len(lines)
		if err := s.Check(context.Background()); err != nil {
			f.CheckFailed++
			t.Errorf("check after kill %d: %v", i, err)
		}
		// Every copy under a backup name verifies; the temporary files a kill
		// left are gone after the next run lists the copies.
		cadangan := BackupDir(path)
		f.Leftovers += len(leftovers(t, cadangan)) + len(leftovers(t, dir))
		if _, err := s.Backups(context.Background()); err != nil {
			t.Errorf("backups after kill %d: %v", i, err)
		}
		if left := append(leftovers(t, cadangan), leftovers(t, dir)...); len(left) > 0 {
			f.LeftoversKept += len(left)
			t.Errorf("after kill %d, left: %v", i, left)
		}
		f.BadCopies += badCopies(t, cadangan, service.BackupStem(path))
		s.Close()
	}
	return f
}

// leftovers lists the temporary files of copies and restores in dir.
func leftovers(t *testing.T, dir string) []string {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	mustSave(t, err)
	var out []string
	for _, e := range entries {
		if isLeftover(e.Name()) {
			out = append(out, e.Name())
		}
	}
	return out
}

// badCopies counts the files in dir under a backup name that do not verify.
func badCopies(t *testing.T, dir, stem string) int {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return 0
	}
	mustSave(t, err)
	bad := 0
	for _, e := range entries {
		if _, _, ok := service.ParseBackupName(stem, e.Name(), time.UTC); !ok {
			continue
		}
		if _, err := Inspect(context.Background(), filepath.Join(dir, e.Name())); err != nil {
			bad++
			t.Errorf("copy %s does not verify: %v", e.Name(), err)
		}
	}
	return bad
}

func issued(d *dataset.Dataset, n string) bool {
	for _, x := range d.Numbers {
		if x.Number == n {
			return true
		}
	}
	return false
}

func readLines(t *testing.T, path string) []string {
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	mustSave(t, err)
	var out []string
	for _, l := range strings.Split(string(raw), "\n") {
		if strings.HasSuffix(l, ";") { // a line cut by the kill has no end mark
			out = append(out, strings.TrimSuffix(l, ";"))
		}
	}
	return out
}

// TestHelperFaultWriter runs in a child process of runKills: it writes until
// killed, appending each acknowledged write to the ack file, synced, after the
// store returned.
// endedByItself tells a child that failed or panicked from one the campaign
// killed. A kill ends a child with signal -1 on Unix; on Windows it is
// TerminateProcess with exit code 1, so there a child ended by itself only
// when it printed the test binary's last word or a panic.
func endedByItself(err error, out string) bool {
	if strings.Contains(out, "panic") {
		return true
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		return false
	}
	if runtime.GOOS == "windows" {
		return strings.Contains(out, "PASS") || strings.Contains(out, "FAIL")
	}
	return ee.ExitCode() != -1
}

func TestHelperFaultWriter(t *testing.T) {
	path := os.Getenv("SEPAKAT_FAULT_DB")
	if path == "" {
		return // only as runKills' child
	}
	seed, _ := strconv.Atoi(os.Getenv("SEPAKAT_FAULT_SEED"))
	baseID, _ := strconv.ParseUint(os.Getenv("SEPAKAT_FAULT_BASE"), 10, 64)
	own, _ := strconv.ParseUint(os.Getenv("SEPAKAT_FAULT_OWN"), 10, 64)
	ack, err := os.OpenFile(os.Getenv("SEPAKAT_FAULT_ACK"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	s, err := Open(path, Options{User: "staf1", LockTimeout: 5 * time.Second})
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	acked := func(line string) {
		fmt.Fprintf(ack, "%s;\n", line)
		ack.Sync()
	}
	base, err := s.Agreement(agreement.ID(baseID))
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	for j := 0; ; j++ {
		var err error
		switch os.Getenv("SEPAKAT_FAULT_OP") {
		case "add":
			a := base
			a.ID, a.Rev, a.Subject = 0, 0, fmt.Sprintf("Kampanye %d-%d", seed, j)
			a.Parties = slices.Clone(a.Parties)
			a.Parties[1].Number = fmt.Sprintf("K%d-%d/MoU", seed, j) // own numbers are unique
			if err = s.SaveAgreement(&a); err == nil {
				acked(fmt.Sprintf("A %d %d", a.ID, a.Rev))
			}
		case "update":
			a, _ := s.Agreement(agreement.ID(baseID))
			a.Notes = fmt.Sprintf("catatan %d-%d", seed, j)
			if err = s.SaveAgreement(&a); err == nil {
				acked(fmt.Sprintf("A %d %d", a.ID, a.Rev))
			}
		case "import":
			a := base
			a.ID, a.Rev, a.Subject = agreement.ID(1_000_000+seed*10_000+j), 1, fmt.Sprintf("Impor %d-%d", seed, j)
			a.Parties = slices.Clone(a.Parties)
			a.Parties[1].Number = fmt.Sprintf("I%d-%d/MoU", seed, j) // own numbers are unique
			d := &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Agreements: []agreement.Agreement{a}}
			if err = s.Import(context.Background(), d); err == nil {
				acked(fmt.Sprintf("A %d %d", a.ID, a.Rev))
			}
		case "backup":
			var info service.BackupInfo
			if info, err = s.BackupNow(context.Background(), service.ReasonManual); err == nil {
				acked("C " + info.Path)
			}
			time.Sleep(time.Millisecond) // copies are named by the second; prune keeps the newest
		case "reserve":
			var n string
			if n, err = s.ReserveNumber(agreement.ID(own), agreement.KindPKS, agreement.NewDate(2025, 7, 4), 0); err == nil {
				acked("N " + n)
			}
		}
		if err != nil {
			fmt.Println("ERR", err)
			os.Exit(3)
		}
	}
}

// damageFigures is what the damage matrix counts.
type damageFigures struct {
	Files, Refused, Opened, Crashes, SilentWrong, Readable int
	// Salvaged counts the records a salvage copied intact, out of SalvReadable
	// readable one by one in the same files.
	Salvaged, SalvReadable int
}

// runDamage damages copies of the file at path in every way of kinds and probes
// each in a child process (a crash there is counted, not fatal), comparing what
// it reads with the original export.
func runDamage(t *testing.T, path string, kinds []damaged) damageFigures {
	return runDamageProbe(t, path, kinds, false)
}

// runDamageProbe is runDamage; light probes leave out the salvage of files
// that open, for campaigns of many thousand copies.
func runDamageProbe(t *testing.T, path string, kinds []damaged, light bool) damageFigures {
	t.Helper()
	dir := t.TempDir()
	orig, err := os.ReadFile(path)
	mustSave(t, err)
	s, err := Open(path, Options{User: "staf1"})
	mustSave(t, err)
	d, err := s.Export(context.Background())
	mustSave(t, err)
	s.Close()
	origJSON := filepath.Join(dir, "orig.json")
	mustSave(t, writeJSON(origJSON, d))
	var names []string
	for i, k := range kinds {
		name := filepath.Join(dir, fmt.Sprintf("%03d-%s.db", i, k.name))
		mustSave(t, os.WriteFile(name, k.fn(append([]byte(nil), orig...)), 0o600))
		names = append(names, name)
	}
	f := damageFigures{Files: len(names)}
	pristine := map[string]int{} // name → its kind, to keep a crashed copy as it was
	for i, name := range names {
		pristine[name] = i
	}
	for len(names) > 0 {
		list := filepath.Join(dir, "list.txt")
		mustSave(t, os.WriteFile(list, []byte(strings.Join(names, "\n")), 0o600))
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperDamageProbe$")
		cmd.Env = append(os.Environ(), "SEPAKAT_PROBE_LIST="+list, "SEPAKAT_PROBE_ORIG="+origJSON)
		if light {
			cmd.Env = append(cmd.Env, "SEPAKAT_PROBE_LIGHT=1")
		}
		out, hung := probeOutput(t, cmd)
		done := 0
		sc := bufio.NewScanner(strings.NewReader(out))
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) < 3 || fields[0] != "PROBE" {
				continue
			}
			done++
			switch fields[2] {
			case "refused":
				f.Refused++
			case "opened":
				f.Opened++
				var silent, readable, salvaged, salvReadable int
				fmt.Sscan(strings.Join(fields[3:], " "), &silent, &readable, &salvaged, &salvReadable)
				f.SilentWrong += silent
				f.Readable += readable
				f.Salvaged += salvaged
				f.SalvReadable += salvReadable
				if silent > 0 {
					t.Errorf("%s: %d records read differently, unreported", fields[1], silent)
				}
			case "bad":
				t.Errorf("%s: %s", fields[1], strings.Join(fields[3:], " "))
			}
		}
		if done < len(names) {
			f.Crashes++
			what := "crashed"
			if hung {
				what = "hung"
			}
			t.Errorf("probe of %s %s:\n%s", names[done], what, lastLines(out, 30))
			if keep := os.Getenv("SEPAKAT_DAMAGE_KEEP"); keep != "" {
				os.MkdirAll(keep, 0o700)
				raw := kinds[pristine[names[done]]].fn(append([]byte(nil), orig...))
				os.WriteFile(filepath.Join(keep, fmt.Sprintf("%d-%s", time.Now().UnixNano(), filepath.Base(names[done]))), raw, 0o600)
			}
			done++
		}
		names = names[done:]
	}
	return f
}

// probeOutput runs a probe child and returns its output; a child that prints
// nothing for a minute is killed as hung.
func probeOutput(t *testing.T, cmd *exec.Cmd) (string, bool) {
	t.Helper()
	pr, pw, err := os.Pipe()
	mustSave(t, err)
	cmd.Stdout, cmd.Stderr = pw, pw
	mustSave(t, cmd.Start())
	pw.Close()
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(pr)
		sc.Buffer(make([]byte, 64<<10), 16<<20)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	var out strings.Builder
	hung := false
	for open := true; open; {
		select {
		case l, ok := <-lines:
			if !ok {
				open = false
				break
			}
			out.WriteString(l + "\n")
		case <-time.After(time.Minute):
			hung = true
			cmd.Process.Signal(syscall.SIGQUIT) // a goroutine dump, then the end
			time.AfterFunc(5*time.Second, func() { cmd.Process.Kill() })
			for l := range lines {
				out.WriteString(l + "\n")
			}
			open = false
		}
	}
	cmd.Wait()
	pr.Close()
	return out.String(), hung
}

func lastLines(s string, n int) string {
	l := strings.Split(s, "\n")
	return strings.Join(l[max(0, len(l)-n):], "\n")
}

func writeJSON(path string, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return os.WriteFile(path, raw, 0o600)
}

// TestHelperDamageProbe runs in a child process of runDamage: for each damaged
// file it prints one PROBE line: refused, or opened with the records read
// differently from the original and not reported, the records readable, and
// the records a salvage copied.
func TestHelperDamageProbe(t *testing.T) {
	list := os.Getenv("SEPAKAT_PROBE_LIST")
	if list == "" {
		return // only as runDamage's child
	}
	raw, _ := os.ReadFile(os.Getenv("SEPAKAT_PROBE_ORIG"))
	var orig dataset.Dataset
	if err := json.Unmarshal(raw, &orig); err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	want := recordsOf(&orig)
	names, _ := os.ReadFile(list)
	probes := 0
	light := os.Getenv("SEPAKAT_PROBE_LIGHT") != "" // no salvage of files that open
	for _, name := range strings.Split(string(names), "\n") {
		s, err := Open(name, Options{User: "staf1"})
		if err != nil {
			if !service.Known(err) {
				fmt.Println("PROBE", name, "bad", "open error without words:", err)
				continue
			}
			// A file that does not open is salvaged page by page.
			if _, err := SalvageFile(context.Background(), name, name+".raw"); err != nil && !service.Known(err) {
				fmt.Println("PROBE", name, "bad", "salvage error without words:", err)
				continue
			}
			os.Remove(name + ".raw")
			fmt.Println("PROBE", name, "refused")
			continue
		}
		checkErr := s.Check(context.Background())
		// Every record of the original, read one by one: the same, or reported.
		silent, readable, failed := 0, 0, 0
		for key, v := range want {
			var typ string
			var id agreement.ID
			fmt.Sscan(key, &typ, &id)
			got, err := readOne(s, typ, id)
			switch {
			case err != nil:
				failed++
			case got != v:
				silent++
			default:
				readable++
			}
		}
		_, _, _ = s.ExportReadable(context.Background())
		// Salvage where damage showed, and every tenth file besides.
		salvaged, salvReadable := 0, 0
		if !light && (checkErr != nil || failed > 0 || probes%10 == 0) {
			salvReadable = readable
			out := name + ".salvaged"
			if _, err := s.Salvage(context.Background(), out); err == nil {
				if s2, err := Open(out, Options{User: "staf1"}); err == nil {
					if d2, err := s2.Export(context.Background()); err == nil {
						for key, v := range recordsOf(d2) {
							if want[key] == v {
								salvaged++
							}
						}
					}
					if err := s2.Check(context.Background()); err != nil {
						fmt.Println("PROBE", name, "bad", "salvaged file fails check:", err)
						s2.Close()
						s.Close()
						continue
					}
					s2.Close()
				}
				os.Remove(out)
			}
		}
		probes++
		s.Close()
		fmt.Println("PROBE", name, "opened", silent, readable, salvaged, salvReadable)
	}
}

// recordsOf keys every record of d ("agreement 3") to its JSON.
func recordsOf(d *dataset.Dataset) map[string]string {
	out := map[string]string{}
	put := func(t string, id agreement.ID, v any) {
		raw, _ := json.Marshal(v)
		out[fmt.Sprintf("%s %d", t, id)] = string(raw)
	}
	for _, a := range d.Agreements {
		put("agreement", a.ID, a)
	}
	for _, p := range d.Parties {
		put("party", p.ID, p)
	}
	for _, o := range d.Officials {
		put("official", o.ID, o)
	}
	for _, m := range d.Mandates {
		put("mandate", m.ID, m)
	}
	return out
}

// examplesFile is a data file with the built-in examples.
func examplesFile(t *testing.T) string {
	path := filepath.Join(t.TempDir(), "contoh.db")
	s, err := Open(path, Options{User: "staf1"})
	mustSave(t, err)
	mustSave(t, s.LoadExamples())
	mustSave(t, s.Close())
	return path
}

// generatedFile is a data file with n generated agreements, as sepakat-cli gen makes.
func generatedFile(t *testing.T, n int) string {
	path := filepath.Join(t.TempDir(), "gen.db")
	s, err := Open(path, Options{User: "staf1"})
	mustSave(t, err)
	regions, err := wilayah.Load()
	mustSave(t, err)
	g := gen.New(gen.Options{Seed: 1, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}, regions)
	mustSave(t, s.Import(context.Background(), g.Directory()))
	d := &dataset.Dataset{Format: dataset.Format, Version: dataset.Version, Agreements: g.Agreements(0, n)}
	mustSave(t, s.Import(context.Background(), d))
	mustSave(t, s.Close())
	return path
}

// TestFaultsShort is the campaign's short version: a few kills of each write,
// and every kind of damage once, on the examples.
func TestFaultsShort(t *testing.T) {
	k := runKills(t, 10, 1)
	t.Logf("kills: %+v", k)
	if k.AckLost+k.DupNumbers+k.Crashes+k.CheckFailed+k.BadCopies+k.LeftoversKept != 0 || k.Acked == 0 {
		t.Errorf("kill campaign: %+v", k)
	}
	rk := runRestoreKills(t, 4, 1)
	t.Logf("restore kills: %+v", rk)
	if rk.Mixed+rk.CheckFailed+rk.Crashes+rk.LeftoversKept != 0 {
		t.Errorf("restore kills: %+v", rk)
	}
	d := runDamage(t, examplesFile(t), damageKinds(1, 1))
	t.Logf("damage: %+v", d)
	if d.Crashes+d.SilentWrong != 0 || d.Refused == 0 || d.Opened == 0 {
		t.Errorf("damage matrix: %+v", d)
	}
}

// readOne reads one record by type and ID as JSON.
func readOne(s *Store, typ string, id agreement.ID) (string, error) {
	var v any
	var err error
	switch typ {
	case "agreement":
		v, err = s.Agreement(id)
	case "party":
		v, err = s.Party(id)
	case "official":
		v, err = s.Official(id)
	default:
		v, err = s.Mandate(id)
	}
	if err != nil {
		return "", err
	}
	raw, err := json.Marshal(v)
	return string(raw), err
}

// restoreFigures is what the restore kills count.
type restoreFigures struct {
	Kills, Restores, Mixed, CheckFailed, Crashes, Leftovers, LeftoversKept int
}

// runRestoreKills restores two copies in turn in a child and kills it after a
// random delay, n times. After each kill the data file must be, byte for byte,
// one of the two copies (never neither, never a mix), open and pass check (a
// copy of it is opened: opening writes), and the next restore removes what the
// kill left.
func runRestoreKills(t *testing.T, n int, seed uint64) restoreFigures {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "sepakat.db")
	s, err := Open(path, Options{User: "staf1"})
	mustSave(t, err)
	w := servicetest.SeedWorld(t, s)
	a := w.KSB("Perjanjian sebelum pemulihan")
	mustSave(t, s.SaveAgreement(&a))
	copyA := filepath.Join(dir, "salinan-a.db")
	mustSave(t, s.Backup(context.Background(), copyA))
	b := w.KSB("Perjanjian sesudahnya")
	mustSave(t, s.SaveAgreement(&b))
	copyB := filepath.Join(dir, "salinan-b.db")
	mustSave(t, s.Backup(context.Background(), copyB))
	mustSave(t, s.Close())
	want := map[string]string{}
	for _, c := range []string{copyA, copyB} {
		raw, err := os.ReadFile(c)
		mustSave(t, err)
		want[string(raw)] = filepath.Base(c)
	}
	if _, _, err := Restore(context.Background(), path, copyA, time.Now()); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(seed, 3))
	var f restoreFigures
	for i := range n {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperFaultRestorer$")
		cmd.Env = append(os.Environ(), "SEPAKAT_RESTORE_DB="+path, "SEPAKAT_RESTORE_A="+copyA, "SEPAKAT_RESTORE_B="+copyB)
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		mustSave(t, cmd.Start())
		time.Sleep(time.Duration(5+r.IntN(300)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		f.Kills++
		if endedByItself(err, out.String()) {
			f.Crashes++
			t.Logf("restorer %d ended by itself: %v\n%s", i, err, out.String())
		}
		f.Restores += strings.Count(out.String(), "RESTORED")
		raw, err := os.ReadFile(path)
		if _, ok := want[string(raw)]; err != nil || !ok {
			f.Mixed++
			t.Errorf("after kill %d the data file is neither copy (%d bytes): %v", i, len(raw), err)
			continue
		}
		probe := filepath.Join(t.TempDir(), "periksa.db")
		mustSave(t, os.WriteFile(probe, raw, 0o600))
		if s, err := Open(probe, Options{User: "staf1"}); err != nil {
			f.CheckFailed++
			t.Errorf("open after kill %d: %v", i, err)
		} else {
			if err := s.Check(context.Background()); err != nil {
				f.CheckFailed++
				t.Errorf("check after kill %d: %v", i, err)
			}
			s.Close()
		}
		f.Leftovers += len(leftovers(t, dir))
	}
	// The next run removes what the kills left.
	if _, _, err := Restore(context.Background(), path, copyB, time.Now()); err != nil {
		t.Fatal(err)
	}
	if left := leftovers(t, dir); len(left) > 0 {
		f.LeftoversKept = len(left)
		t.Errorf("after the last restore, left: %v", left)
	}
	return f
}

// TestHelperFaultRestorer runs in a child of runRestoreKills: it restores the
// two copies in turn until killed.
func TestHelperFaultRestorer(t *testing.T) {
	path := os.Getenv("SEPAKAT_RESTORE_DB")
	if path == "" {
		return // only as runRestoreKills' child
	}
	copies := []string{os.Getenv("SEPAKAT_RESTORE_B"), os.Getenv("SEPAKAT_RESTORE_A")}
	for j := 0; ; j++ {
		if _, _, err := Restore(context.Background(), path, copies[j%2], time.Now()); err != nil {
			fmt.Println("ERR", err)
			os.Exit(3)
		}
		fmt.Println("RESTORED")
	}
}
