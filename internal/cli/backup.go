package cli

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/store"
)

// dailyBackup makes the day's automatic copy after a command opened the
// data file; a failure is a warning, never the end of the command.
func (r *runner) dailyBackup(s service.Admin) {
	if r.noDaily {
		return
	}
	if _, _, err := s.DailyBackup(r.ctx); err != nil && !cancelled(err) {
		fmt.Fprintln(r.Stderr, msg["daily_failed"].In(r.Lang, service.Message(err, r.Lang)))
	}
}

// backup: a verified copy into the backup folder (or to PATH), and the
// settings: --second-place DIR, --no-second-place, --keep D,W,M.
func (r *runner) backup(args []string) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	second := fs.String("second-place", "", "")
	noSecond := fs.Bool("no-second-place", false, "")
	keep := fs.String("keep", "", "")
	pos, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 || (*second != "" && *noSecond) {
		return r.misuse("need_args", "backup", "[BERKAS] [--second-place FOLDER | --no-second-place] [--keep H,M,B]")
	}
	var policy *service.BackupPolicy
	if *keep != "" {
		p, ok := parseKeep(*keep)
		if !ok {
			return r.misuse("bad_flag", "--keep "+*keep)
		}
		policy = &p
	}
	r.noDaily = true
	return r.withData(func(s service.Service) error {
		if policy != nil || *second != "" || *noSecond {
			set, err := s.BackupSettings()
			if err != nil {
				return err
			}
			if policy != nil {
				set.Policy = *policy
			}
			switch {
			case *noSecond:
				set.SecondPlace = ""
			case *second != "":
				abs, err := filepath.Abs(*second)
				if err != nil {
					return err
				}
				set.SecondPlace = abs
			}
			if err := s.SetBackupSettings(set); err != nil {
				return err
			}
			fmt.Fprintln(r.Stderr, msg["backup_settings"].In(r.Lang, set.Policy.Daily, set.Policy.Weekly, set.Policy.Monthly, r.secondPlace(set.SecondPlace)))
		}
		if len(pos) == 1 {
			if err := s.Backup(r.ctx, pos[0]); err != nil {
				return err
			}
			fmt.Fprintln(r.Stdout, msg["backup_to"].In(r.Lang, pos[0]))
			return nil
		}
		info, err := s.BackupNow(r.ctx, service.ReasonManual)
		if info.Path != "" {
			fmt.Fprintln(r.Stdout, msg["backup_done"].In(r.Lang, info.Path, info.Agreements, size(info.Size)))
		}
		if err == nil {
			if set, _ := s.BackupSettings(); set.SecondPlace != "" {
				fmt.Fprintln(r.Stdout, msg["backup_second"].In(r.Lang, set.SecondPlace))
			}
		}
		return err
	})
}

// parseKeep reads "D,W,M": how many daily, weekly and monthly copies to keep.
func parseKeep(s string) (service.BackupPolicy, bool) {
	parts := strings.Split(s, ",")
	if len(parts) != 3 {
		return service.BackupPolicy{}, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			return service.BackupPolicy{}, false
		}
		n[i] = v
	}
	return service.BackupPolicy{Daily: n[0], Weekly: n[1], Monthly: n[2]}, true
}

func (r *runner) secondPlace(dir string) string {
	if dir == "" {
		return msg["second_none"].In(r.Lang)
	}
	return dir
}

// backups lists the copies, newest first, and where the second place stands.
func (r *runner) backups(args []string) error {
	if len(args) != 0 {
		return r.misuse("need_args", "backups", "-")
	}
	r.noDaily = true
	return r.withData(func(s service.Service) error {
		list, listErr := s.Backups(r.ctx)
		if listErr != nil && !errors.Is(listErr, service.ErrSecondPlace) {
			return listErr
		}
		st, err := s.BackupStatus()
		if err != nil {
			return err
		}
		w := bufio.NewWriter(r.Stdout)
		if len(list) == 0 {
			fmt.Fprintln(w, msg["backups_none"].In(r.Lang, st.Folder))
		} else {
			tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, msg["backups_head"].In(r.Lang))
			for _, b := range list {
				n := "?"
				if b.Agreements >= 0 {
					n = strconv.Itoa(b.Agreements)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", b.Time.Format("2006-01-02 15:04"), r.reasonLabel(b.Reason),
					size(b.Size), n, r.placeLabel(b.Place, b.Verified), b.Path)
			}
			tw.Flush()
		}
		fmt.Fprintln(w, msg["backups_folder"].In(r.Lang, st.Folder))
		switch {
		case st.SecondPlace == "":
			fmt.Fprintln(w, msg["backups_no_second"].In(r.Lang))
		case st.LastSecond.IsZero():
			fmt.Fprintln(w, msg["backups_second_never"].In(r.Lang, st.SecondPlace))
		default:
			fmt.Fprintln(w, msg["backups_second_last"].In(r.Lang, st.SecondPlace, st.LastSecond.In(r.Now().Location()).Format("2006-01-02 15:04")))
		}
		if err := w.Flush(); err != nil {
			return err
		}
		return listErr
	})
}

var reasonLabels = map[service.BackupReason]i18n.Text{
	service.ReasonManual:   {ID: "manual", EN: "on demand"},
	service.ReasonDaily:    {ID: "harian", EN: "daily"},
	service.ReasonImport:   {ID: "sebelum impor", EN: "before import"},
	service.ReasonMigrate:  {ID: "sebelum migrasi", EN: "before migration"},
	service.ReasonRestore:  {ID: "sebelum pemulihan", EN: "before restore"},
	service.ReasonSynonyms: {ID: "sebelum ubah sinonim", EN: "before synonym change"},
	service.ReasonReindex:  {ID: "sebelum bangun indeks", EN: "before reindex"},
}

func (r *runner) reasonLabel(reason service.BackupReason) string {
	return reasonLabels[reason].In(r.Lang)
}

func (r *runner) placeLabel(p service.BackupPlace, verified bool) string {
	key := "place_local"
	if p == service.PlaceSecond {
		key = "place_second"
	}
	label := msg[key].In(r.Lang)
	if !verified {
		label += " " + msg["unreadable"].In(r.Lang)
	}
	return label
}

// size is a file size in KB or MB, as a file manager shows it.
func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	default:
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
}

// restore puts a copy in place of the data file, after showing what it holds
// and asking (--yes skips the question; without a terminal it is required).
// It never opens the current data file, which may be damaged.
func (r *runner) restore(args []string) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	yes := fs.Bool("yes", false, "")
	pos, err := r.flags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return r.misuse("need_args", "restore", "SALINAN [--yes]")
	}
	copyPath := pos[0]
	if _, err := os.Stat(copyPath); err != nil && !strings.ContainsRune(copyPath, os.PathSeparator) {
		// A bare name from "backups": look in the backup folder.
		if in := filepath.Join(store.BackupDir(r.db), copyPath); fileExists(in) {
			copyPath = in
		}
	}
	c, err := store.Inspect(r.ctx, copyPath)
	if err != nil {
		return r.fail("restore_refused", copyPath, r.reason(err, copyPath))
	}
	newest := msg["none"].In(r.Lang)
	if !c.Newest.IsZero() {
		newest = c.Newest.In(r.Now().Location()).Format("2006-01-02 15:04")
	}
	fmt.Fprintln(r.Stdout, msg["restore_holds"].In(r.Lang, copyPath, c.Agreements, c.Parties, newest, r.db))
	if !*yes {
		if !r.Interactive {
			return r.misuse("restore_need_yes")
		}
		fmt.Fprint(r.Stdout, msg["restore_ask"].In(r.Lang))
		line, _ := bufio.NewReader(r.Stdin).ReadString('\n')
		switch strings.ToLower(strings.TrimSpace(line)) {
		case "y", "ya", "yes":
		default:
			return r.fail("restore_not")
		}
	}
	aside, _, err := store.Restore(r.ctx, r.db, copyPath, r.Now())
	if err != nil {
		if errors.Is(err, service.ErrAlreadyOpen) || cancelled(err) {
			return err
		}
		return r.fail("restore_failed", r.reason(err, r.db))
	}
	if aside == "" {
		fmt.Fprintln(r.Stdout, msg["restored_new"].In(r.Lang, r.db, copyPath))
	} else {
		fmt.Fprintln(r.Stdout, msg["restored"].In(r.Lang, r.db, copyPath, aside))
	}
	return nil
}

func fileExists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// isTerminal says whether f is a terminal a person types into.
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
