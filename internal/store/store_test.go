package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/i18n"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

func TestOpenCreatesPrivateFileAndRefusesSecondOpen(t *testing.T) {
	s, path := openTemp(t)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	if v, _ := s.SchemaVersionOnDisk(); v != SchemaVersion {
		t.Errorf("schema %d, want %d", v, SchemaVersion)
	}
	start := time.Now()
	_, err = Open(path, Options{LockTimeout: 100 * time.Millisecond})
	if !errors.Is(err, service.ErrAlreadyOpen) {
		t.Fatalf("second open: %v, want service.ErrAlreadyOpen", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Error("second open hung")
	}
	if got := service.Message(err, i18n.ID); got != "Sepakat sudah terbuka di jendela lain. Tutup jendela itu dahulu, lalu coba lagi." {
		t.Errorf("message %q", got)
	}
}

func TestSaveGetHistory(t *testing.T) {
	s, _ := openTemp(t)
	w := seedWorld(t, s)
	a := w.ksb("Berbagi Informasi dan Inovasi Daerah")
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	if a.ID == 0 || a.Rev != 1 || a.Created.IsZero() {
		t.Fatalf("after create: id %d rev %d created %v", a.ID, a.Rev, a.Created)
	}
	got, err := s.Agreement(a.ID)
	if err != nil || got.Subject != a.Subject || len(got.Body) != 2 {
		t.Fatalf("read back: %+v %v", got, err)
	}
	a.Term = agreement.Term{Length: 3, Unit: agreement.UnitTahun, Start: agreement.NewDate(2025, 7, 4), End: agreement.NewDate(2028, 7, 3)}
	mustSave(t, s.SaveAgreement(&a))
	h, err := s.History(dataset.TypeAgreement, a.ID)
	if err != nil || len(h) != 2 {
		t.Fatalf("history %v %v", h, err)
	}
	if h[0].Action != "buat" || h[1].Action != "ubah" || h[1].By != "staf1" || h[1].Rev != 2 {
		t.Errorf("history entries %+v", h)
	}
	found := false
	for _, c := range h[1].Changes {
		if c.Field == "term.length" && c.Old == "5" && c.New == "3" {
			found = true
		}
		if c.Field == "rev" || c.Field == "updated" {
			t.Errorf("bookkeeping field in history: %+v", c)
		}
	}
	if !found {
		t.Errorf("term.length 5 → 3 missing from %+v", h[1].Changes)
	}
}

func TestStaleRevisionIsConflictAndDoesNotOverwrite(t *testing.T) {
	s, _ := openTemp(t)
	w := seedWorld(t, s)
	a := w.ksb("Pelayanan Publik")
	mustSave(t, s.SaveAgreement(&a))
	windowA, windowB := a, a
	windowA.Subject = "Pelayanan Publik Terpadu"
	mustSave(t, s.SaveAgreement(&windowA))
	windowB.Subject = "Subjek dari jendela kedua"
	err := s.SaveAgreement(&windowB)
	if !errors.Is(err, service.ErrConflict) {
		t.Fatalf("stale save: %v, want service.ErrConflict", err)
	}
	if windowB.Rev != 1 || windowB.Subject != "Subjek dari jendela kedua" {
		t.Error("failed save changed the caller's record")
	}
	got, _ := s.Agreement(a.ID)
	if got.Subject != "Pelayanan Publik Terpadu" || got.Rev != 2 {
		t.Errorf("stored %q rev %d", got.Subject, got.Rev)
	}
	if !strings.Contains(service.Message(err, i18n.ID), "jendela lain") {
		t.Errorf("message %q", service.Message(err, i18n.ID))
	}
	if h, _ := s.History(dataset.TypeAgreement, a.ID); len(h) != 2 {
		t.Errorf("history has %d entries after a refused save, want 2", len(h))
	}
}

func TestInvalidSaveWritesNothing(t *testing.T) {
	s, _ := openTemp(t)
	w := seedWorld(t, s)
	a := w.ksb("Uji")
	a.Term.End = agreement.NewDate(2024, 1, 1)
	err := s.SaveAgreement(&a)
	var es agreement.Errors
	if !errors.As(err, &es) || len(es.For("term.end")) == 0 {
		t.Fatalf("want term.end error, got %v", err)
	}
	if a.ID != 0 || a.Rev != 0 {
		t.Error("failed create assigned an id or revision")
	}
	if n, _ := s.Total(); n != 0 {
		t.Errorf("%d agreements stored after failed create", n)
	}
	if p, _ := s.List(service.Query{}); len(p.Items) != 0 {
		t.Error("index entry written for failed create")
	}
}

func TestLifeCycleAndLock(t *testing.T) {
	s, _ := openTemp(t)
	w := seedWorld(t, s)
	a := w.ksb("Reformasi Birokrasi")
	mustSave(t, s.SaveAgreement(&a))

	skip := a
	skip.Status = agreement.StatusDitandatangani
	skip.Signing = &agreement.Signing{Date: agreement.NewDate(2025, 7, 4), Place: "Sumedang"}
	if err := s.SaveAgreement(&skip); !errors.Is(err, agreement.ErrInvalid) {
		t.Fatalf("konsep → ditandatangani allowed: %v", err)
	}
	sign(t, s, &a)

	edit := a
	edit.Body = append(append([]agreement.Node(nil), a.Body...), agreement.Node{Kind: agreement.NodePasal, Heading: "PENUTUP", Text: "x"})
	err := s.SaveAgreement(&edit)
	var es agreement.Errors
	if !errors.As(err, &es) || len(es.For("body")) == 0 || es.For("body")[0].Code != "locked" {
		t.Fatalf("editing a signed body: %v", err)
	}
	edit = a
	edit.Parties = append([]agreement.AgreementParty(nil), a.Parties...)
	edit.Parties[0].Number = "04/MoU/2025"
	if err := s.SaveAgreement(&edit); err == nil {
		t.Fatal("changing a signed number was allowed")
	}

	// What stays open after signing: tags, notes, monitoring.
	a.Tags = []string{"digitalisasi"}
	a.Monitoring = []agreement.Monitoring{{Date: agreement.NewDate(2025, 10, 1), Activity: "Magang dua staf Diskominfo", Realised: true}}
	mustSave(t, s.SaveAgreement(&a))

	now := time.Date(2030, 5, 1, 0, 0, 0, 0, time.UTC)
	if p := a.PhaseAt(now, 90); p != agreement.PhaseAkanBerakhir {
		t.Errorf("phase on 2030-05-01: %s", p)
	}
	if p := a.PhaseAt(time.Date(2030, 7, 4, 0, 0, 0, 0, time.UTC), 90); p != agreement.PhaseBerakhir {
		t.Errorf("phase on 2030-07-04: %s", p)
	}
}

func TestChildInheritsParent(t *testing.T) {
	s, _ := openTemp(t)
	w := seedWorld(t, s)
	ksb := w.ksb("Berbagi Informasi dan Inovasi Daerah")
	mustSave(t, s.SaveAgreement(&ksb))
	sign(t, s, &ksb)
	pks, err := agreement.NewChild(&ksb, agreement.KindPKS, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if pks.Subject != ksb.Subject || len(pks.Parties) != 2 || pks.Parties[0].PartyID != w.lamsel.ID || pks.Parent.Numbers[0] != "03/MoU/TKKSD-LS/1.04/VII/2025" {
		t.Fatalf("child did not inherit: %+v", pks)
	}
	pks.Parties[0].SignerID, pks.Parties[0].MandateID = w.kadisLs.ID, w.kuasaLs.ID
	pks.Parties[1].SignerID = w.kadisSmd.ID
	err = s.SaveAgreement(&pks)
	var es agreement.Errors
	if !errors.As(err, &es) || len(es.For("parties[1].mandate_id")) == 0 {
		t.Fatalf("PKS signer without mandate accepted: %v", err)
	}
	pks.Parties[1].MandateID = w.kuasaSmd.ID
	mustSave(t, s.SaveAgreement(&pks))
	page, err := s.List(service.Query{Order: service.ByParent, Parent: ksb.ID})
	if err != nil || len(page.Items) != 1 || page.Items[0].ID != pks.ID {
		t.Fatalf("children of KSB: %+v %v", page.Items, err)
	}
	if _, err := agreement.NewChild(&pks, agreement.KindPKS, time.Now()); !errors.Is(err, agreement.ErrParentNotValid) {
		t.Errorf("PKS under PKS: %v", err)
	}
}

func TestIndexesAndPaging(t *testing.T) {
	s, _ := openTemp(t)
	w := seedWorld(t, s)
	lamtim := agreement.Party{Kind: agreement.PartyPemkab, Name: "Pemerintah Kabupaten Lampung Timur", RegionCode: "18.07"}
	mustSave(t, s.SaveParty(&lamtim))
	const n = 123
	var ids []agreement.ID
	for i := 0; i < n; i++ {
		a := w.ksb(fmt.Sprintf("Kerja sama nomor %d", i))
		if i%3 == 0 {
			a.Parties[0].PartyID, a.Parties[0].SignerID = lamtim.ID, 0
		}
		start := agreement.NewDate(2020+i%6, time.Month(1+i%12), 1)
		a.Term = agreement.Term{Length: 1 + i%5, Unit: agreement.UnitTahun, Start: start}
		a.Term.End = a.Term.EndFor(start)
		mustSave(t, s.SaveAgreement(&a))
		ids = append(ids, a.ID)
	}
	// Newest change first, across pages.
	var seen []agreement.ID
	q := service.Query{Limit: 50}
	for {
		p, err := s.List(q)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range p.Items {
			seen = append(seen, it.ID)
		}
		if p.Next == nil {
			break
		}
		q.After = p.Next
	}
	if len(seen) != n || seen[0] != ids[n-1] || seen[n-1] != ids[0] {
		t.Fatalf("paging by change: %d items, first %d last %d", len(seen), seen[0], seen[len(seen)-1])
	}
	p, _ := s.List(service.Query{Order: service.ByParty, Party: lamtim.ID, Limit: 200})
	if len(p.Items) != 41 {
		t.Errorf("by party: %d, want 41", len(p.Items))
	}
	for _, it := range p.Items {
		if it.Partners() != "Pemerintah Kabupaten Lampung Timur" {
			t.Errorf("partner %q", it.Partners())
		}
	}
	p, _ = s.List(service.Query{Order: service.ByEnd, EndFrom: agreement.NewDate(2026, 1, 1), Limit: 500})
	for i := 1; i < len(p.Items); i++ {
		if p.Items[i].End.Before(p.Items[i-1].End) {
			t.Fatal("by end not ascending")
		}
	}
	if len(p.Items) == 0 || p.Items[0].End.Before(agreement.NewDate(2026, 1, 1)) {
		t.Error("by end ignored EndFrom")
	}
	p, _ = s.List(service.Query{Order: service.ByYear, Year: 2023, Limit: 500})
	for _, it := range p.Items {
		if it.Year != 2023 {
			t.Errorf("year %d in 2023 list", it.Year)
		}
	}
	if len(p.Items) == 0 {
		t.Error("empty year list")
	}
	p, _ = s.List(service.Query{Order: service.ByStatus, Status: agreement.StatusKonsep, Limit: 500})
	if len(p.Items) != n {
		t.Errorf("by status: %d", len(p.Items))
	}
	p, _ = s.List(service.Query{Order: service.ByKind, Kind: agreement.KindPKS})
	if len(p.Items) != 0 {
		t.Errorf("PKS list has %d", len(p.Items))
	}
	// A rename shows in the summaries at once.
	lamtim.Name = "Pemerintah Kabupaten Lampung Timur (baru)"
	mustSave(t, s.SaveParty(&lamtim))
	p, _ = s.List(service.Query{Order: service.ByParty, Party: lamtim.ID, Limit: 1})
	if p.Items[0].Partners() != lamtim.Name {
		t.Errorf("summary not refreshed: %q", p.Items[0].Partners())
	}
	// Reindex gives the same lists.
	before, _ := s.List(service.Query{Limit: 500})
	mustSave(t, s.Reindex())
	after, _ := s.List(service.Query{Limit: 500})
	if fmt.Sprint(before.Items) != fmt.Sprint(after.Items) {
		t.Error("reindex changed the list")
	}
	counts, _ := s.Counts()
	if counts[agreement.StatusKonsep] != n {
		t.Errorf("counts %v", counts)
	}
}

func TestReserveNumber(t *testing.T) {
	s, path := openTemp(t)
	w := seedWorld(t, s)
	d := agreement.NewDate(2025, 7, 4)
	n1, err := s.ReserveNumber(w.sumedang.ID, agreement.KindPKS, d, 0)
	if err != nil {
		t.Fatal(err)
	}
	n2, _ := s.ReserveNumber(w.sumedang.ID, agreement.KindPKS, d, 0)
	k1, _ := s.ReserveNumber(w.sumedang.ID, agreement.KindKSB, d, 0)
	y1, _ := s.ReserveNumber(w.sumedang.ID, agreement.KindPKS, agreement.NewDate(2026, 1, 2), 0)
	if n1 != "1/PKS.05-Huk/2025" || n2 != "2/PKS.05-Huk/2025" || k1 != "1/MoU.05-Huk/2025" || y1 != "1/PKS.05-Huk/2026" {
		t.Fatalf("numbers %q %q %q %q", n1, n2, k1, y1)
	}
	if _, err := s.ReserveNumber(w.lamsel.ID, agreement.KindPKS, d, 0); !errors.Is(err, service.ErrNoScheme) {
		t.Errorf("office without scheme: %v", err)
	}
	// A process that reserves a number and dies at once must not see it handed out again.
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperReserveAndDie$")
	cmd.Env = append(os.Environ(), "SEPAKAT_RESERVE_DB="+path)
	s.Close()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	died := strings.TrimSpace(string(out[bytes.LastIndex(out, []byte("NUMBER="))+7:]))
	died = strings.Fields(died)[0]
	s2 := openAt(t, path)
	n3, err := s2.ReserveNumber(w.sumedang.ID, agreement.KindPKS, d, 0)
	if err != nil {
		t.Fatal(err)
	}
	if died != "3/PKS.05-Huk/2025" || n3 != "4/PKS.05-Huk/2025" {
		t.Errorf("after a crash: died with %q, next %q", died, n3)
	}
}

// TestHelperReserveAndDie runs in a child process: it reserves a number and exits
// without closing the store, as a crash would.
func TestHelperReserveAndDie(t *testing.T) {
	path := os.Getenv("SEPAKAT_RESERVE_DB")
	if path == "" {
		t.Skip("helper process for TestReserveNumber")
	}
	s, err := Open(path, Options{})
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	n, err := s.ReserveNumber(1, agreement.KindPKS, agreement.NewDate(2025, 7, 4), 0)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	fmt.Println("NUMBER=" + n)
	os.Exit(0)
}

func TestFiles(t *testing.T) {
	s, _ := openTemp(t)
	ref, err := s.PutFile("lambang.png", "image/png", []byte("\x89PNG fake"))
	if err != nil || ref.Size != 9 || len(ref.SHA256) != 64 {
		t.Fatalf("%+v %v", ref, err)
	}
	data, err := s.File(ref.SHA256)
	if err != nil || string(data) != "\x89PNG fake" {
		t.Fatal("file not read back")
	}
	if _, err := s.PutFile("besar.pdf", "application/pdf", make([]byte, service.MaxFileSize+1)); !errors.Is(err, service.ErrTooLarge) {
		t.Errorf("oversized file: %v", err)
	}
	if _, err := s.File("0000"); !errors.Is(err, service.ErrNotFound) {
		t.Errorf("missing file: %v", err)
	}
}

func TestBackupWhileOpen(t *testing.T) {
	s, _ := openTemp(t)
	w := seedWorld(t, s)
	a := w.ksb("Cadangan")
	mustSave(t, s.SaveAgreement(&a))
	bak := filepath.Join(t.TempDir(), "copy.db")
	mustSave(t, s.Backup(bak))
	s2 := openAt(t, bak)
	if got, err := s2.Agreement(a.ID); err != nil || got.Subject != "Cadangan" {
		t.Fatalf("backup content: %v", err)
	}
}

func TestSupersededChangeKeysAreSkippedAndSwept(t *testing.T) {
	s, path := openTemp(t)
	w := seedWorld(t, s)
	var ids []agreement.ID
	for i := 0; i < 5; i++ {
		a := w.ksb(fmt.Sprintf("Perjanjian %d", i))
		mustSave(t, s.SaveAgreement(&a))
		ids = append(ids, a.ID)
	}
	// Edit the oldest three times; it must appear once, first.
	a, _ := s.Agreement(ids[0])
	for i := 0; i < 3; i++ {
		a.Notes = fmt.Sprint("catatan ", i)
		mustSave(t, s.SaveAgreement(&a))
	}
	// A refused save leaves nothing to sweep.
	bad := a
	bad.Term.End = agreement.NewDate(2000, 1, 1)
	if err := s.SaveAgreement(&bad); err == nil {
		t.Fatal("invalid save accepted")
	}
	check := func(s *Store) {
		t.Helper()
		p, err := s.List(service.Query{Limit: 2})
		if err != nil {
			t.Fatal(err)
		}
		var got []agreement.ID
		for q := (service.Query{Limit: 2}); ; q.After = p.Next {
			p, _ = s.List(q)
			for _, it := range p.Items {
				got = append(got, it.ID)
			}
			if p.Next == nil {
				break
			}
		}
		if len(got) != 5 || got[0] != ids[0] || got[1] != ids[4] {
			t.Fatalf("by change: %v", got)
		}
		if n, _ := s.Total(); n != 5 {
			t.Fatalf("total %d", n)
		}
	}
	check(s)
	s.Close()
	s2 := openAt(t, path)
	check(s2)
	var keys int
	s2.db.View(func(tx *txT) error {
		keys = tx.Bucket(schema.IdxChanged).Stats().KeyN
		return nil
	})
	if keys != 5 {
		t.Errorf("%d last-change keys after the sweep on close, want 5", keys)
	}
}
