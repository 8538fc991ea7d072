//go:build faults

package store

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"
)

// TestFaultCampaign is the whole fault campaign (make faults): 200 kill -9
// during adds, updates, imports (with their copy before), number reservations
// and backups, 40 during restores, and the damage matrix
// (truncation to half and to 4 KiB, a zeroed first page, 100 single-byte and
// 100 multi-byte flips, a 0-byte file, a PDF renamed) on the examples and on a
// 2 000-agreement file. SEPAKAT_FAULT_KILLS and SEPAKAT_FAULT_N change the sizes.
func TestFaultCampaign(t *testing.T) {
	kills, n := envInt("SEPAKAT_FAULT_KILLS", 200), envInt("SEPAKAT_FAULT_N", 2000)
	k := runKills(t, kills, 1)
	fmt.Printf("kill -9 during writes: %d kills %v, %d acknowledged writes; lost %d, duplicate numbers %d, crashes %d, check failed %d; copies under a backup name that do not verify %d; temporary files left by kills %d, kept after the next run %d\n",
		k.Kills, k.PerOp, k.Acked, k.AckLost, k.DupNumbers, k.Crashes, k.CheckFailed, k.BadCopies, k.Leftovers, k.LeftoversKept)
	rk := runRestoreKills(t, max(1, kills/5), 1)
	fmt.Printf("kill -9 during restore: %d kills, %d restores done; data file neither copy %d, check failed %d, crashes %d; temporary files left by kills %d, kept after the next run %d\n",
		rk.Kills, rk.Restores, rk.Mixed, rk.CheckFailed, rk.Crashes, rk.Leftovers, rk.LeftoversKept)
	k.Crashes += rk.Crashes
	k.CheckFailed += rk.CheckFailed + rk.Mixed + k.BadCopies + k.LeftoversKept + rk.LeftoversKept
	total := damageFigures{}
	for _, f := range []struct {
		name string
		path string
	}{{"examples", examplesFile(t)}, {fmt.Sprintf("%d agreements", n), generatedFile(t, n)}} {
		d := runDamage(t, f.path, damageKinds(100, damageSeed()))
		fmt.Printf("damage matrix, %s: %d damaged copies: %d refused with words, %d opened; crashes %d, silent wrong reads %d; %d records readable one by one; salvaged %d of %d readable records in the files salvaged\n",
			f.name, d.Files, d.Refused, d.Opened, d.Crashes, d.SilentWrong, d.Readable, d.Salvaged, d.SalvReadable)
		total.Crashes += d.Crashes
		total.SilentWrong += d.SilentWrong
	}
	fmt.Printf("FAILURES: acknowledged writes lost %d, duplicate numbers %d, panics/crashes %d, silent wrong reads %d\n",
		k.AckLost, k.DupNumbers, k.Crashes+total.Crashes, total.SilentWrong)
	if k.AckLost+k.DupNumbers+k.Crashes+k.CheckFailed+total.Crashes+total.SilentWrong != 0 {
		t.Fail()
	}
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// TestRandomDamageMany probes the random part of the damage matrix (single-
// and multi-byte flips) with many seeds: SEPAKAT_DAMAGE_SEEDS seeds of 100+100
// flipped copies each, on the examples (and a file of SEPAKAT_FAULT_N generated
// agreements, when set), light probes (no salvage of files that open, but a
// page-by-page salvage of those that do not; SEPAKAT_PROBE_HEAVY=1 salvages
// as the damage matrix does). Every copy is
// probed in a child process, so a runtime fatal error is counted, not fatal.
// Copies that crashed are kept in SEPAKAT_DAMAGE_KEEP when it is set.
func TestRandomDamageMany(t *testing.T) {
	seeds := envInt("SEPAKAT_DAMAGE_SEEDS", 10)
	from := envInt("SEPAKAT_DAMAGE_FROM", 1)
	start := time.Now()
	files := []string{examplesFile(t)}
	if n := envInt("SEPAKAT_FAULT_N", 0); n > 0 {
		files = append(files, generatedFile(t, n))
	}
	total := damageFigures{}
	for seed := from; seed < from+seeds; seed++ {
		kinds := damageKinds(100, uint64(seed))[5:] // the flips only
		d := runDamageProbe(t, files[seed%len(files)], kinds, os.Getenv("SEPAKAT_PROBE_HEAVY") == "")
		total.Files += d.Files
		total.Crashes += d.Crashes
		total.SilentWrong += d.SilentWrong
		total.Refused += d.Refused
		total.Opened += d.Opened
	}
	fmt.Printf("random damage: %d copies (%d seeds): %d refused with words, %d opened; crashes %d, silent wrong reads %d; %s\n",
		total.Files, seeds, total.Refused, total.Opened, total.Crashes, total.SilentWrong, time.Since(start).Round(time.Second))
}
