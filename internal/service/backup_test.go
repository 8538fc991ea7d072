package service

import (
	"errors"
	"slices"
	"testing"
	"time"
)

func at(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

func copiesAt(times ...string) []BackupInfo {
	var out []BackupInfo
	for _, s := range times {
		out = append(out, BackupInfo{Path: s, Time: at(s)})
	}
	return out
}

func paths(cs []BackupInfo) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Path)
	}
	return out
}

func TestPruneTable(t *testing.T) {
	cases := []struct {
		name       string
		copies     []BackupInfo
		policy     BackupPolicy
		now        string
		keep, drop []string
	}{
		{name: "nothing", policy: DefaultBackupPolicy, now: "2026-03-10 09:00"},
		{
			name:   "the newest of each day; the last 24 hours all kept",
			copies: copiesAt("2026-03-10 08:00", "2026-03-09 17:00", "2026-03-09 10:00", "2026-03-08 17:00", "2026-03-08 09:00"),
			policy: BackupPolicy{Daily: 7}, now: "2026-03-10 09:00",
			keep: []string{"2026-03-10 08:00", "2026-03-09 17:00", "2026-03-09 10:00", "2026-03-08 17:00"},
			drop: []string{"2026-03-08 09:00"},
		},
		{
			name:   "daily counts days that have copies, not calendar days",
			copies: copiesAt("2026-03-10 09:00", "2026-02-01 09:00", "2026-01-05 09:00", "2025-12-01 09:00"),
			policy: BackupPolicy{Daily: 3}, now: "2026-03-10 10:00",
			keep: []string{"2026-03-10 09:00", "2026-02-01 09:00", "2026-01-05 09:00"},
			drop: []string{"2025-12-01 09:00"},
		},
		{
			name: "weekly: the newest of each ISO week",
			// 2026-03-02 is a Monday; 03-01 a Sunday of the week before.
			copies: copiesAt("2026-03-10 09:00", "2026-03-04 09:00", "2026-03-02 09:00", "2026-03-01 09:00", "2026-02-23 09:00"),
			policy: BackupPolicy{Daily: 1, Weekly: 3}, now: "2026-03-12 09:00",
			keep: []string{"2026-03-10 09:00", "2026-03-04 09:00", "2026-03-01 09:00"},
			drop: []string{"2026-03-02 09:00", "2026-02-23 09:00"},
		},
		{
			name:   "monthly: the newest of each month",
			copies: copiesAt("2026-03-01 09:00", "2026-02-28 09:00", "2026-02-01 09:00", "2026-01-31 09:00", "2025-12-31 09:00"),
			policy: BackupPolicy{Daily: 1, Monthly: 2}, now: "2026-03-05 09:00",
			keep: []string{"2026-03-01 09:00", "2026-02-28 09:00"},
			drop: []string{"2026-02-01 09:00", "2026-01-31 09:00", "2025-12-31 09:00"},
		},
		{
			name:   "a copy dated after now (a clock set back) is kept",
			copies: copiesAt("2027-01-01 09:00", "2026-03-01 09:00", "2026-02-01 09:00"),
			policy: BackupPolicy{Daily: 1}, now: "2026-03-05 09:00",
			keep: []string{"2027-01-01 09:00"},
			drop: []string{"2026-03-01 09:00", "2026-02-01 09:00"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := slices.Clone(c.copies)
			slices.Reverse(in) // order of the input does not matter
			keep, drop := Prune(in, c.policy, at(c.now))
			if !slices.Equal(paths(keep), c.keep) || !slices.Equal(paths(drop), c.drop) {
				t.Errorf("keep %v drop %v\nwant keep %v drop %v", paths(keep), paths(drop), c.keep, c.drop)
			}
		})
	}
}

// TestPruneOverAYear makes a daily copy every day of 2026 and rotates after
// each, as BackupNow does; what is left on 31 December is the last 7 days,
// the newest of the last 4 weeks and of the last 12 months.
func TestPruneOverAYear(t *testing.T) {
	var copies []BackupInfo
	for d := at("2026-01-01 09:00"); d.Year() == 2026; d = d.AddDate(0, 0, 1) {
		copies = append(copies, BackupInfo{Path: d.Format("2006-01-02"), Time: d})
		var drop []BackupInfo
		copies, drop = Prune(copies, DefaultBackupPolicy, d)
		if len(copies)+len(drop) == 0 {
			t.Fatal("nothing")
		}
	}
	want := []string{
		"2026-12-31", "2026-12-30", "2026-12-29", "2026-12-28", "2026-12-27", "2026-12-26", "2026-12-25", // daily
		"2026-12-20", "2026-12-13", // weekly (Sundays of weeks 51 and 50; 52 and 53 are in the daily)
		"2026-11-30", "2026-10-31", "2026-09-30", "2026-08-31", "2026-07-31", "2026-06-30",
		"2026-05-31", "2026-04-30", "2026-03-31", "2026-02-28", "2026-01-31", // monthly
	}
	if got := paths(copies); !slices.Equal(got, want) {
		t.Errorf("kept after a year:\n%v\nwant\n%v", got, want)
	}
}

func TestBackupNames(t *testing.T) {
	tm := time.Date(2026, 11, 30, 15, 4, 5, 0, time.UTC)
	for _, r := range append([]BackupReason{ReasonManual}, reasons...) {
		name := BackupName("sepakat", tm, r)
		got, gr, ok := ParseBackupName("sepakat", name, time.UTC)
		if !ok || !got.Equal(tm) || gr != r {
			t.Errorf("%s: %v %q %v", name, got, gr, ok)
		}
	}
	if BackupName("sepakat", tm, ReasonDaily) != "sepakat-20261130-150405-harian.db" || BackupName("sepakat", tm, ReasonManual) != "sepakat-20261130-150405.db" {
		t.Errorf("names %s %s", BackupName("sepakat", tm, ReasonDaily), BackupName("sepakat", tm, ReasonManual))
	}
	for _, bad := range []string{"sepakat.db", "sepakat-20261130-150405-lain.db", "sepakat-20261130-1504.db", "sepakat-20261130-150405.db.tmp",
		"x-20261130-150405.db", "sepakat-20261330-150405.db", ".sepakat-cadangan-123"} {
		if _, _, ok := ParseBackupName("sepakat", bad, time.UTC); ok {
			t.Errorf("%s read as a copy's name", bad)
		}
	}
}

// The copies of two data files in one folder never pass for each other's,
// so one file's rotation never removes the other's copies.
func TestBackupNamesKeepDataFilesApart(t *testing.T) {
	tm := time.Date(2026, 11, 30, 15, 4, 5, 0, time.UTC)
	salvaged := BackupStem("/data/sepakat-selamat-20261130-1504.db")
	if BackupStem("/data/sepakat.db") != "sepakat" || salvaged != "sepakat-selamat-20261130-1504" || BackupStem("") != "sepakat" {
		t.Fatalf("stems %q %q %q", BackupStem("/data/sepakat.db"), salvaged, BackupStem(""))
	}
	theirs := BackupName(salvaged, tm, ReasonDaily)
	if _, _, ok := ParseBackupName("sepakat", theirs, time.UTC); ok {
		t.Errorf("%s passes for a copy of sepakat.db", theirs)
	}
	if _, _, ok := ParseBackupName(salvaged, BackupName("sepakat", tm, ReasonDaily), time.UTC); ok {
		t.Error("a copy of sepakat.db passes for one of the salvaged file")
	}
	if got, r, ok := ParseBackupName(salvaged, theirs, time.UTC); !ok || !got.Equal(tm) || r != ReasonDaily {
		t.Errorf("%s: %v %v %v", theirs, got, r, ok)
	}
}

func TestBackupPolicyValidate(t *testing.T) {
	for _, p := range []BackupPolicy{DefaultBackupPolicy, {Daily: 1}, {Daily: 400, Weekly: 400, Monthly: 400}} {
		if err := p.Validate(); err != nil {
			t.Errorf("%+v: %v", p, err)
		}
	}
	for _, p := range []BackupPolicy{{}, {Daily: -1, Weekly: 4}, {Daily: 1, Monthly: 401}, {Daily: 1, Weekly: -2}} {
		if err := p.Validate(); !errors.Is(err, ErrBackupPolicy) {
			t.Errorf("%+v: %v", p, err)
		}
	}
}

func TestCheckSecondPlace(t *testing.T) {
	dir := t.TempDir()
	if err := CheckSecondPlace(dir, dir+"/cadangan"); err != nil {
		t.Error(err)
	}
	if err := CheckSecondPlace(dir, dir); !errors.Is(err, ErrNotFolder) {
		t.Errorf("the backup folder itself: %v", err)
	}
	if err := CheckSecondPlace(dir+"/tidak-ada", ""); err == nil || !Known(err) {
		t.Errorf("missing folder: %v", err)
	}
}
