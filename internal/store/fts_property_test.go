package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/search"
	"sepakat/internal/search/fields"
	"sepakat/internal/search/postings"
	"sepakat/internal/search/searchtest"
	"sepakat/internal/service/servicetest"
	"sepakat/internal/store/fts"
	"sepakat/internal/store/schema"
)

// words the random agreements are written with: derived forms, compounds,
// synonyms of the shipped list, numbers and codes.
var propWords = strings.Fields(`pelayanan layanan melayani perizinan izin pengelolaan kelola sampah air minum
	pendidikan kesehatan jalan jembatan pariwisata pertanian kerjasama kerja sama nelayan pasar digital
	rumah sakit bencana penanggulangan pembangunan membangun bangunan informasi inovasi daerah
	perencanaan pelatihan aparatur sipil negara DPMPTSP Bappeda TKKSD 2025 03/MoU/2025 1.04 terpadu
	satu pintu pemerintah kabupaten kota provinsi publik data pertukaran studi tiru reformasi birokrasi`)

func propText(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = propWords[r.IntN(len(propWords))]
	}
	return strings.Join(ws, " ")
}

// propQueries are what the indexes are asked after each round: words as typed
// (some misspelt), phrases, and the last word still being typed.
func propQueries(r *rand.Rand, an *search.Analyzer) []propQuery {
	var qs []propQuery
	add := func(text string) {
		if q := search.ParseQuery(an, text); !q.Empty() {
			qs = append(qs, propQuery{text, q})
		}
	}
	for _, w := range propWords {
		add(w + " ")
	}
	for range 15 {
		add(propText(r, 1+r.IntN(3)) + " ")
		add(`"` + propText(r, 2) + `" `)
		w := propWords[r.IntN(len(propWords))]
		if len(w) > 5 { // a typo: one letter dropped
			i := 1 + r.IntN(len(w)-2)
			add(w[:i] + w[i+1:] + " ")
		}
		if len(w) > 3 { // still typing
			add(propText(r, r.IntN(2)) + " " + w[:2+r.IntN(len(w)-2)])
		}
	}
	return qs
}

type propQuery struct {
	text string
	q    search.Query
}

// propRanking is every hit of a query, best first.
func propRanking(src search.Source, an *search.Analyzer, q search.Query) []search.Hit {
	return search.Find(src, an, q).Top(1<<20, nil)
}

var errRollback = errors.New("rolled back")

// The index kept by saves and merges answers every query as a full rebuild and
// as the in-memory reference index do, through random saves, edits, status
// changes, renames of parties and officials, and changes of the office's
// synonyms. With exact norms (slack 0) the rankings are the same to the score;
// with the norm slack saves use, the same agreements match, postings and
// statistics agree, and scores stay within the slack's reach.
func TestIndexMatchesRebuildAndMemory(t *testing.T) {
	for _, slack := range []int{0, postings.NormSlack} {
		t.Run(fmt.Sprintf("slack%d", slack), func(t *testing.T) {
			propWorkload(t, slack, 1+uint64(slack))
		})
	}
}

func propWorkload(t *testing.T, slack int, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 2026))
	s, _ := openTemp(t)
	s.fts.SetNormSlack(slack)
	w := servicetest.SeedWorld(t, s)
	var ids []agreement.ID
	var withPending, merged int // checks with and without agreements waiting for a merge
	for op := 0; op < 300; op++ {
		switch k := r.IntN(100); {
		case k < 35 || len(ids) < 5: // a new agreement
			a := w.KSB(propText(r, 2+r.IntN(4)))
			a.Notes = propText(r, r.IntN(6))
			a.Tags = strings.Fields(propText(r, r.IntN(2)))
			a.Body = []agreement.Node{{Kind: agreement.NodePasal, Heading: "RUANG LINGKUP", Text: propText(r, 3+r.IntN(40))}}
			mustSave(t, s.SaveAgreement(&a))
			ids = append(ids, a.ID)
		case k < 70: // an edit of a draft
			a, err := s.Agreement(ids[r.IntN(len(ids))])
			mustSave(t, err)
			if a.Status == agreement.StatusDitandatangani || a.Status == agreement.StatusDibatalkan {
				continue
			}
			switch r.IntN(3) {
			case 0:
				a.Subject = propText(r, 2+r.IntN(4))
			case 1:
				a.Notes = propText(r, r.IntN(8))
			default:
				a.Body = append(a.Body, agreement.Node{Kind: agreement.NodePasal, Heading: "LAIN-LAIN", Text: propText(r, 1+r.IntN(60))})
			}
			mustSave(t, s.SaveAgreement(&a))
		case k < 85: // a step of the life cycle, or a cancellation with its reason
			a, err := s.Agreement(ids[r.IntN(len(ids))])
			mustSave(t, err)
			next := agreement.NextStatuses(a.Status)
			if len(next) == 0 {
				continue
			}
			to := next[r.IntN(len(next))]
			if to == agreement.StatusSiapTTD && len(a.Reviews) == 0 {
				servicetest.Review(&a, agreement.NewDate(2025, 6, 20)) // the gate to Siap Tanda Tangan
			}
			if to == agreement.StatusDitandatangani {
				a.Signing = &agreement.Signing{Date: agreement.NewDate(2025, 7, 4), Place: "Sumedang", Venue: propText(r, 2), Meterai: 2}
			}
			mustSave(t, a.Transition(to, "Dibatalkan: "+propText(r, 3)))
			mustSave(t, s.SaveAgreement(&a))
		case k < 92: // a party or an official renamed: every agreement naming it changes
			if r.IntN(2) == 0 {
				p, err := s.Party(w.Lamsel.ID)
				mustSave(t, err)
				p.ShortName = "Pemkab " + propText(r, 1)
				mustSave(t, s.SaveParty(&p))
			} else {
				o, err := s.Official(w.BupatiLs.ID)
				mustSave(t, err)
				o.Name = "Radityo " + propText(r, 1)
				mustSave(t, s.SaveOfficial(&o))
			}
		case k < 95: // the office's synonyms change: a rebuild
			var own string
			for range r.IntN(3) {
				own += propWords[r.IntN(len(propWords))] + ", " + propWords[r.IntN(len(propWords))] + "\n"
			}
			mustSave(t, s.SetSynonyms(context.Background(), own))
		default:
			s.background.Wait()
			mustSave(t, s.merge())
		}
		if op%20 == 19 || op == 299 {
			if op%60 == 19 { // every third check, with nothing pending
				s.background.Wait()
				mustSave(t, s.merge())
			}
			if propCheck(t, s, r, slack, op) > 0 {
				withPending++
			} else {
				merged++
			}
		}
	}
	if withPending == 0 || merged == 0 {
		t.Errorf("the workload checked %d times with agreements pending and %d times with none; want both", withPending, merged)
	}
}

// propCheck compares the incremental index with a rebuild (in a transaction
// rolled back afterwards) and with a MemIndex of every agreement as it stands.
// It returns how many agreements were pending.
func propCheck(t *testing.T, s *Store, r *rand.Rand, slack, op int) int {
	t.Helper()
	s.background.Wait()
	type answer struct {
		stats search.Stats
		df    map[string]int
		hits  [][]search.Hit
		// completions lists every completion of a query's last word being typed.
		completions [][]string
	}
	var an *search.Analyzer
	var qs []propQuery
	var terms []string
	ask := func(src search.Source) answer {
		a := answer{stats: src.Stats(), df: map[string]int{}}
		for _, term := range terms {
			a.df[term] = src.DF(term)
		}
		for _, q := range qs {
			a.hits = append(a.hits, propRanking(src, an, q.q))
			var c []string
			if n := len(q.q.Terms); n > 0 && q.q.Terms[n-1].Prefix {
				c = src.Expand(q.q.Terms[n-1].Raw, 1<<20)
			}
			a.completions = append(a.completions, c)
		}
		return a
	}
	var incremental, rebuilt, memory answer
	var pending int
	mustSave(t, s.db.View(func(tx *bolt.Tx) error {
		src, err := s.fts.Source(tx, s.docs(tx))
		if err != nil {
			return err
		}
		an = src.Analyzer()
		qs = propQueries(r, an)
		for _, w := range propWords {
			for _, term := range an.Analyze(w) {
				terms = append(terms, term.Text)
			}
		}
		pending = fts.Pending(tx)
		incremental = ask(src)
		// The reference: every agreement analysed afresh, in ID order.
		mem := searchtest.NewMemIndex()
		dir := s.dir(tx)
		err = s.docs(tx).From(0, func(id uint64, _ func() ([2]string, error)) error {
			a, _, err := get[agreement.Agreement](tx, schema.Agreements, agreement.ID(id))
			if err != nil {
				return err
			}
			mem.Add(an, id, fields.Text(dir, &a))
			return nil
		})
		memory = ask(mem)
		return err
	}))
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := s.fts.Rebuild(context.Background(), tx, s.docs(tx)); err != nil {
			return err
		}
		src, err := s.fts.Source(tx, s.docs(tx))
		if err != nil {
			return err
		}
		rebuilt = ask(src)
		return errRollback
	})
	if !errors.Is(err, errRollback) {
		t.Fatal(err)
	}
	where := fmt.Sprintf("after operation %d (%d pending)", op, pending)
	sameStats(t, where+", rebuild vs memory", rebuilt.stats, memory.stats)
	sameStats(t, where+", incremental vs rebuild", incremental.stats, rebuilt.stats)
	for _, term := range terms {
		if incremental.df[term] != rebuilt.df[term] || rebuilt.df[term] != memory.df[term] {
			t.Errorf("%s: DF(%q) incremental %d, rebuild %d, memory %d", where, term, incremental.df[term], rebuilt.df[term], memory.df[term])
		}
	}
	for i, q := range qs {
		name := fmt.Sprintf("%s, query %q", where, q.text)
		sameRanking(t, name+", rebuild vs memory", rebuilt.hits[i], memory.hits[i], 1e-5, false)
		exact := slices.Equal(incremental.completions[i], rebuilt.completions[i])
		if !slices.Equal(rebuilt.completions[i], memory.completions[i]) {
			t.Errorf("%s: completions of the rebuild %v, of memory %v", name, rebuilt.completions[i], memory.completions[i])
		}
		switch {
		case !exact:
			// Merges keep the derived words of text since removed, which a
			// rebuild forgets: a word being typed may complete to more stems
			// (and then rank differently), never to fewer.
			for _, c := range rebuilt.completions[i] {
				if !slices.Contains(incremental.completions[i], c) {
					t.Errorf("%s: completions %v miss %q of the rebuild's %v", name, incremental.completions[i], c, rebuilt.completions[i])
				}
			}
		case slack == 0:
			sameRanking(t, name+", incremental vs rebuild", incremental.hits[i], rebuilt.hits[i], 1e-5, false)
		default:
			sameRanking(t, name+", incremental vs rebuild", incremental.hits[i], rebuilt.hits[i], 0.1, true)
		}
	}
	if t.Failed() {
		t.FailNow()
	}
	return pending
}

func sameStats(t *testing.T, where string, a, b search.Stats) {
	t.Helper()
	if a.Docs != b.Docs || a.MaxDoc != b.MaxDoc || math.Abs(a.AvgLen[0]-b.AvgLen[0]) > 1e-9 || math.Abs(a.AvgLen[1]-b.AvgLen[1]) > 1e-9 {
		t.Errorf("%s: stats %+v and %+v", where, a, b)
	}
}

// sameRanking compares two rankings: the same documents with scores within tol
// (relative), in the same order unless anyOrder.
func sameRanking(t *testing.T, where string, got, want []search.Hit, tol float64, anyOrder bool) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d hits, want %d: %v / %v", where, len(got), len(want), docsOf(got), docsOf(want))
		return
	}
	score := map[uint64]float64{}
	for _, h := range want {
		score[h.Doc] = h.Score
	}
	for i, h := range got {
		w, ok := score[h.Doc]
		if !ok || (!anyOrder && want[i].Doc != h.Doc) {
			t.Errorf("%s: order %v, want %v", where, docsOf(got), docsOf(want))
			return
		}
		if math.Abs(h.Score-w) > tol*math.Max(math.Abs(w), 1e-9) {
			t.Errorf("%s: agreement %d scores %g, want %g", where, h.Doc, h.Score, w)
			return
		}
	}
}

func docsOf(hs []search.Hit) []uint64 {
	out := make([]uint64, len(hs))
	for i, h := range hs {
		out[i] = h.Doc
	}
	return slices.Clip(out)
}
