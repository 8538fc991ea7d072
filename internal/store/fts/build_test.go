package fts

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/search"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

var buildWords = strings.Fields(`pelayanan perizinan terpadu pengelolaan sampah bank desa air minum
	kesehatan pendidikan vokasi jalan jembatan pariwisata pertanian pangan irigasi bappeda dinas
	kabupaten kota provinsi sumedang bandung garut kerja sama daerah pemerintah perjanjian
	pembangunan pemberdayaan masyarakat koperasi usaha mikro kecil menengah 2024 2025 2026
	nomor pasal para pihak sepakat hak kewajiban jangka waktu penyelesaian perselisihan`)

// buildCorpus makes n documents whose IDs cross several chunks, from a seed.
func buildCorpus(n int, seed uint64) memDocs {
	r := rand.New(rand.NewPCG(seed, 1))
	docs := memDocs{}
	words := func(k int) string {
		var b strings.Builder
		for range k {
			b.WriteString(buildWords[r.IntN(len(buildWords))])
			b.WriteByte(' ')
		}
		return b.String()
	}
	id := uint64(0)
	for range n {
		id += 1 + uint64(r.IntN(700)) // about 6 documents a chunk
		docs[id] = struct {
			rev  uint64
			text [2]string
		}{1, [2]string{words(3 + r.IntN(5)), words(10+r.IntN(40)) + fmt.Sprintf(" kode%d", id)}}
	}
	return docs
}

// postingsOf reads every term's postings and document frequency as the index
// in db serves them.
func postingsOf(t *testing.T, db *bolt.DB, x *Index, docs Docs) (map[string][]search.Posting, map[string]int, search.Stats) {
	t.Helper()
	out, df := map[string][]search.Posting{}, map[string]int{}
	var stats search.Stats
	err := db.View(func(tx *bolt.Tx) error {
		src, err := x.Source(tx, docs)
		if err != nil {
			return err
		}
		stats = src.Stats()
		return tx.Bucket(schema.SearchDict).ForEach(func(k, _ []byte) error {
			term := string(k)
			src.Scan(term, func(ps []search.Posting) { out[term] = append(out[term], ps...) })
			df[term] = src.DF(term)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out, df, stats
}

// stepAll runs Steps until the rebuild ends, each in its own transaction; after
// each step check sees the index.
func stepAll(t *testing.T, db *bolt.DB, x *Index, docs Docs, check func(Progress)) int {
	t.Helper()
	steps := 0
	for {
		var p Progress
		var done bool
		err := db.Update(func(tx *bolt.Tx) (err error) {
			p, done, err = x.Step(tx, docs)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if done {
			return steps
		}
		steps++
		if check != nil {
			check(p)
		}
	}
}

func TestBatchedRebuildMatchesOneShot(t *testing.T) {
	docs := buildCorpus(150, 7)
	one, batched := openIndex(t), openIndex(t)
	x1, x2 := New(), New()
	if err := one.Update(func(tx *bolt.Tx) error { return x1.Rebuild(context.Background(), tx, docs) }); err != nil {
		t.Fatal(err)
	}
	x2.SetBatch(7, 300)
	if err := batched.Update(func(tx *bolt.Tx) error { return x2.Begin(tx, docs) }); err != nil {
		t.Fatal(err)
	}
	last := -1
	steps := stepAll(t, batched, x2, docs, func(p Progress) {
		// While it runs, search refuses with the figure, and it only grows.
		err := batched.View(func(tx *bolt.Tx) error { _, err := x2.Source(tx, docs); return err })
		var re *service.RebuildingError
		if !errors.As(err, &re) || !errors.Is(err, service.ErrRebuilding) {
			t.Fatalf("search during the rebuild: %v", err)
		}
		if re.Percent < last || re.Percent > 99 || re.Percent != p.Percent {
			t.Fatalf("progress %d after %d (step says %d)", re.Percent, last, p.Percent)
		}
		last = re.Percent
	})
	if steps < 30 {
		t.Fatalf("only %d steps: the batches are not small", steps)
	}
	p1, df1, st1 := postingsOf(t, one, x1, docs)
	p2, df2, st2 := postingsOf(t, batched, x2, docs)
	if len(p1) < 50 || len(p1) != len(p2) {
		t.Fatalf("%d terms one-shot, %d batched", len(p1), len(p2))
	}
	if st1 != st2 {
		t.Errorf("stats one-shot %+v, batched %+v", st1, st2)
	}
	for term, ps := range p1 {
		if !slices.Equal(ps, p2[term]) || df1[term] != df2[term] {
			t.Errorf("%q: one-shot %d postings (df %d), batched %d (df %d)", term, len(ps), df1[term], len(p2[term]), df2[term])
		}
	}
	for _, q := range []string{"sampah desa", "pelayanan perizinan", "2025", "sumedang kerja sama", "pend", "kode1"} {
		if got, want := find(t, batched, x2, docs, q), find(t, one, x1, docs, q); !slices.Equal(got, want) || len(want) == 0 {
			t.Errorf("%q: batched %v, one-shot %v", q, got, want)
		}
	}
	batched.View(func(tx *bolt.Tx) error {
		if tx.Bucket(schema.SearchBuild) != nil || tx.Bucket(schema.Meta).Get(schema.KeySearchBuild) != nil {
			t.Error("the scratch or the state stayed")
		}
		if ok, err := Current(tx); !ok || err != nil {
			t.Errorf("not current after the rebuild: %v", err)
		}
		return nil
	})
}

// A rebuild taken up by another process (a new Index, nothing in memory) after
// any step, and agreements saved while it runs, give the index a one-shot
// rebuild of the final texts gives.
func TestBatchedRebuildResumesAndKeepsSaves(t *testing.T) {
	docs := buildCorpus(120, 11)
	db := openIndex(t)
	x := New()
	x.SetBatch(5, 200)
	x.SetNormSlack(0) // merged postings exactly as a rebuild writes them
	if err := db.Update(func(tx *bolt.Tx) error { return x.Begin(tx, docs) }); err != nil {
		t.Fatal(err)
	}
	ids := make([]uint64, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	step := 0
	for {
		var done bool
		err := db.Update(func(tx *bolt.Tx) (err error) {
			_, done, err = x.Step(tx, docs)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if done {
			break
		}
		step++
		if step%3 == 0 {
			x = New() // a new process
			x.SetBatch(5, 200)
			x.SetNormSlack(0)
		}
		if step%4 == 0 {
			// A save while it runs: an early agreement edited, one added at the end.
			early := ids[step%len(ids)]
			d := docs[early]
			d.rev++
			d.text[0] = fmt.Sprintf("diubah langkah%d", step)
			docs[early] = d
			added := ids[len(ids)-1] + uint64(step)
			docs[added] = struct {
				rev  uint64
				text [2]string
			}{1, [2]string{fmt.Sprintf("tambahan langkah%d", step), "isi"}}
			for _, id := range []uint64{early, added} {
				if err := db.Update(func(tx *bolt.Tx) error { return x.Mark(tx, id) }); err != nil {
					t.Fatal(err)
				}
			}
			// A merge meanwhile leaves them marked.
			if err := db.Update(func(tx *bolt.Tx) error { return x.Merge(tx, docs) }); err != nil {
				t.Fatal(err)
			}
		}
	}
	db.View(func(tx *bolt.Tx) error {
		if Pending(tx) == 0 {
			t.Error("the saves made during the rebuild are not marked")
		}
		return nil
	})
	if err := db.Update(func(tx *bolt.Tx) error { return x.Merge(tx, docs) }); err != nil {
		t.Fatal(err)
	}
	ref := openIndex(t)
	xr := New()
	xr.SetNormSlack(0)
	if err := ref.Update(func(tx *bolt.Tx) error { return xr.Rebuild(context.Background(), tx, docs) }); err != nil {
		t.Fatal(err)
	}
	p1, df1, st1 := postingsOf(t, ref, xr, docs)
	p2, df2, st2 := postingsOf(t, db, x, docs)
	if st1.Docs != st2.Docs || st1.MaxDoc != st2.MaxDoc {
		t.Errorf("stats reference %+v, resumed %+v", st1, st2)
	}
	for term, n := range df1 {
		if df2[term] != n || !slices.Equal(p1[term], p2[term]) {
			t.Errorf("%q: reference DF %d, %d postings; resumed DF %d, %d postings", term, n, len(p1[term]), df2[term], len(p2[term]))
		}
	}
	for _, q := range []string{"diubah", "tambahan", "sampah desa", "langkah8", "kode"} {
		if got, want := find(t, db, x, docs, q), find(t, ref, xr, docs, q); !slices.Equal(got, want) {
			t.Errorf("%q: resumed %v, one-shot %v", q, got, want)
		}
	}
}
