// Command search is the Go half of bench/search.sh, which compares Sepakat's
// full-text search with SQLite FTS5 on the same texts and queries.
//
//	search dump      --db FILE --out FILE.tsv [--stats FILE.json]
//	search run       --db FILE --queries FILE.json --out FILE.json [--rounds 5] [--warmup 1]
//	search sizes     --db FILE --out FILE.json
//	search relevance --out DIR [--n 2000] [--reuse]
//	search probe     --db FILE query...
//
// dump writes the text the index reads from each agreement, one line per
// agreement: id, weighted fields, body (tabs and line breaks become spaces).
// run times every query in-process and records the IDs found. sizes reports the
// bytes each top-level bucket of the data file takes. relevance builds the
// relevance corpus in DIR, dumps its texts and records our hits for each case.
// fts5.py does the same for SQLite and writes the report.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/relevance"
	"sepakat/internal/service"
	"sepakat/internal/store"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "dump":
		err = cmdDump(os.Args[2:])
	case "run":
		err = cmdRun(os.Args[2:])
	case "sizes":
		err = cmdSizes(os.Args[2:])
	case "relevance":
		err = cmdRelevance(os.Args[2:])
	case "probe":
		err = cmdProbe(os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "search:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: search dump|run|sizes|relevance [flags]")
	os.Exit(2)
}

// clean keeps a text on one TSV field.
var clean = strings.NewReplacer("\t", " ", "\r", " ", "\n", " ")

func dump(s *store.Store, path string) (docs int, textBytes int64, err error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, 0, err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = s.SearchTexts(func(id agreement.ID, high, body string) error {
		high, body = clean.Replace(high), clean.Replace(body)
		docs++
		textBytes += int64(len(high) + len(body))
		_, err := fmt.Fprintf(w, "%d\t%s\t%s\n", uint64(id), high, body)
		return err
	})
	if err == nil {
		err = w.Flush()
	}
	return docs, textBytes, errors.Join(err, f.Close())
}

func cmdDump(args []string) error {
	fs := flag.NewFlagSet("dump", flag.ExitOnError)
	db := fs.String("db", "", "data file")
	out := fs.String("out", "", "TSV file to write")
	stats := fs.String("stats", "", "JSON file for the counts and times (optional)")
	fs.Parse(args)
	if *db == "" || *out == "" {
		return errors.New("dump needs --db and --out")
	}
	start := time.Now()
	s, err := store.Open(*db, store.Options{})
	if err != nil {
		return err
	}
	opened := time.Since(start)
	docs, n, err := dump(s, *out)
	if err := errors.Join(err, s.Close()); err != nil {
		return err
	}
	total := time.Since(start)
	fmt.Fprintf(os.Stderr, "dump: %d agreements, %d bytes of text, open %.1f s, total %.1f s\n",
		docs, n, opened.Seconds(), total.Seconds())
	if *stats == "" {
		return nil
	}
	return writeJSON(*stats, map[string]any{"docs": docs, "text_bytes": n,
		"open_s": opened.Seconds(), "total_s": total.Seconds()})
}

// Filter is a search filter as queries.json writes it. Party names a party by
// its name or short name (a case-insensitive substring, the shortest name that
// contains it wins). YearsAgo, FromDays and ToDays are relative to today, since
// the generated corpus is dated around the day it was made.
type Filter struct {
	Kind        string `json:"kind,omitempty"`
	Status      string `json:"status,omitempty"`
	Party       string `json:"party,omitempty"`
	Year        int    `json:"year,omitempty"`
	YearsAgo    *int   `json:"years_ago,omitempty"`
	Implementer string `json:"implementer,omitempty"`
	From        string `json:"from,omitempty"`
	To          string `json:"to,omitempty"`
	FromDays    *int   `json:"from_days,omitempty"`
	ToDays      *int   `json:"to_days,omitempty"`
	EndsWithin  int    `json:"ends_within,omitempty"`
}

// Query is one query of the latency set.
type Query struct {
	Cat    string  `json:"cat"` // "short", "filter" or "prefix"
	Text   string  `json:"text"`
	Filter *Filter `json:"filter,omitempty"`
}

// Timed is one query as run: Mode "exact" searches the words as typed then
// Enter (the text gets a trailing space, so the last word is not a prefix);
// "prefix" searches as typed, the last word being a prefix.
type Timed struct {
	Cat     string    `json:"cat"`
	Mode    string    `json:"mode"`
	Text    string    `json:"text"`
	Filter  *Filter   `json:"filter,omitempty"`
	Applied string    `json:"applied_filter,omitempty"`
	LatMS   []float64 `json:"lat_ms"`
	IDs     []uint64  `json:"ids"`
}

func resolveFilter(f *Filter, parties []agreement.Party, now time.Time) (agreement.Filter, string, error) {
	var sf agreement.Filter
	if f == nil {
		return sf, "", nil
	}
	var desc []string
	sf.Kind = agreement.Kind(f.Kind)
	if f.Kind != "" {
		if !sf.Kind.Valid() {
			return sf, "", fmt.Errorf("kind %q", f.Kind)
		}
		desc = append(desc, "kind="+f.Kind)
	}
	sf.Status = agreement.Status(f.Status)
	if f.Status != "" {
		desc = append(desc, "status="+f.Status)
	}
	if f.Party != "" {
		want := strings.ToLower(f.Party)
		var best *agreement.Party
		for i := range parties {
			p := &parties[i]
			if strings.Contains(strings.ToLower(p.Name), want) || strings.EqualFold(p.ShortName, f.Party) {
				if best == nil || len(p.Name) < len(best.Name) {
					best = p
				}
			}
		}
		if best == nil {
			return sf, "", fmt.Errorf("no party matches %q", f.Party)
		}
		sf.Party = best.ID
		desc = append(desc, fmt.Sprintf("party=%s (#%d)", best.Name, best.ID))
	}
	sf.Year = f.Year
	if f.YearsAgo != nil {
		sf.Year = now.Year() - *f.YearsAgo
	}
	if sf.Year != 0 {
		desc = append(desc, fmt.Sprintf("year=%d", sf.Year))
	}
	if f.Implementer != "" {
		sf.Implementer = f.Implementer
		desc = append(desc, "implementer="+f.Implementer)
	}
	today := agreement.DateOf(now)
	date := func(abs string, rel *int) (agreement.Date, error) {
		if rel != nil {
			return today.AddDate(0, 0, *rel), nil
		}
		if abs == "" {
			return agreement.Date{}, nil
		}
		return agreement.ParseDate(abs)
	}
	var err error
	if sf.From, err = date(f.From, f.FromDays); err != nil {
		return sf, "", err
	}
	if sf.To, err = date(f.To, f.ToDays); err != nil {
		return sf, "", err
	}
	if !sf.From.IsZero() || !sf.To.IsZero() {
		desc = append(desc, fmt.Sprintf("term overlaps %s..%s", sf.From, sf.To))
	}
	sf.EndsWithin = f.EndsWithin
	if sf.EndsWithin != 0 {
		desc = append(desc, fmt.Sprintf("ends within %d days", sf.EndsWithin))
	}
	return sf, strings.Join(desc, ", "), nil
}

func ids(res service.SearchResult) []uint64 {
	out := make([]uint64, 0, len(res.Hits))
	for _, h := range res.Hits {
		out = append(out, uint64(h.Summary.ID))
	}
	return out
}

func cmdRun(args []string) error {
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	db := fs.String("db", "", "data file (a copy: the engine may merge pending index entries)")
	queries := fs.String("queries", "", "queries.json")
	out := fs.String("out", "", "JSON file to write")
	rounds := fs.Int("rounds", 5, "timed rounds over the whole set")
	warmup := fs.Int("warmup", 1, "untimed rounds first")
	limit := fs.Int("limit", 20, "results per query")
	fs.Parse(args)
	if *db == "" || *queries == "" || *out == "" {
		return errors.New("run needs --db, --queries and --out")
	}
	raw, err := os.ReadFile(*queries)
	if err != nil {
		return err
	}
	var qs []Query
	if err := json.Unmarshal(raw, &qs); err != nil {
		return fmt.Errorf("%s: %v", *queries, err)
	}
	start := time.Now()
	s, err := store.Open(*db, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	opened := time.Since(start)
	parties, err := s.Parties()
	if err != nil {
		return err
	}
	now := time.Now()
	// Every query runs in the modes FTS5 also runs: the prefix category as typed;
	// the others both submitted (exact) and as typed (our engine treats a last word
	// without a trailing space as a prefix).
	var runs []*Timed
	var sqs []service.SearchQuery
	for _, q := range qs {
		sf, desc, err := resolveFilter(q.Filter, parties, now)
		if err != nil {
			return fmt.Errorf("query %q: %v", q.Text, err)
		}
		text := strings.TrimRight(q.Text, " ")
		modes := []string{"exact", "prefix"}
		if q.Cat == "prefix" {
			modes = []string{"prefix"}
		}
		for _, m := range modes {
			t := text
			if m == "exact" {
				t += " "
			}
			runs = append(runs, &Timed{Cat: q.Cat, Mode: m, Text: text, Filter: q.Filter, Applied: desc})
			sqs = append(sqs, service.SearchQuery{Text: t, Filter: sf, Limit: *limit})
		}
	}
	for r := 0; r < *warmup+*rounds; r++ {
		for i, q := range sqs {
			t0 := time.Now()
			res, err := s.Search(q)
			d := time.Since(t0)
			if err != nil {
				return fmt.Errorf("search %q: %v", q.Text, err)
			}
			if r < *warmup {
				continue
			}
			runs[i].LatMS = append(runs[i].LatMS, float64(d.Nanoseconds())/1e6)
			if runs[i].IDs == nil {
				runs[i].IDs = ids(res)
			}
		}
	}
	fmt.Fprintf(os.Stderr, "run: open %.1f s, %d query runs × %d rounds (+%d warm-up)\n",
		opened.Seconds(), len(runs), *rounds, *warmup)
	return writeJSON(*out, map[string]any{
		"engine": "sepakat", "rounds": *rounds, "warmup": *warmup, "limit": *limit,
		"open_s": opened.Seconds(), "queries": runs,
	})
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// BucketSize is what one top-level bucket (with the buckets inside it) takes.
type BucketSize struct {
	Name  string `json:"name"`
	Keys  int    `json:"keys"`
	Inuse int64  `json:"inuse_bytes"` // bytes used on the pages
	Alloc int64  `json:"alloc_bytes"` // bytes of the pages, inline buckets counted in their parent
}

func cmdSizes(args []string) error {
	fs := flag.NewFlagSet("sizes", flag.ExitOnError)
	path := fs.String("db", "", "data file")
	out := fs.String("out", "", "JSON file to write")
	fs.Parse(args)
	if *path == "" || *out == "" {
		return errors.New("sizes needs --db and --out")
	}
	st, err := os.Stat(*path)
	if err != nil {
		return err
	}
	db, err := bolt.Open(*path, 0o600, &bolt.Options{ReadOnly: true, Timeout: 5 * time.Second})
	if err != nil {
		return err
	}
	defer db.Close()
	var sizes []BucketSize
	var pageSize int
	err = db.View(func(tx *bolt.Tx) error {
		pageSize = tx.DB().Info().PageSize
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			s := b.Stats()
			sizes = append(sizes, BucketSize{Name: string(name), Keys: s.KeyN,
				Inuse: int64(s.BranchInuse + s.LeafInuse + s.InlineBucketInuse),
				Alloc: int64(s.BranchAlloc + s.LeafAlloc)})
			return nil
		})
	})
	if err != nil {
		return err
	}
	sort.Slice(sizes, func(i, j int) bool { return sizes[i].Alloc > sizes[j].Alloc })
	return writeJSON(*out, map[string]any{"file_bytes": st.Size(), "page_size": pageSize, "buckets": sizes})
}

// CaseRun is one relevance case with our hits.
type CaseRun struct {
	Set     string   `json:"set"` // "relevance" (relevance.json) or "scale" (scale.json)
	Query   string   `json:"query"`
	Want    []uint64 `json:"want"`
	Top     int      `json:"top"`
	Note    string   `json:"note,omitempty"`
	Via     string   `json:"via,omitempty"`
	Filter  string   `json:"filter,omitempty"`
	Limit   int      `json:"limit"`
	IDs     []uint64 `json:"ids"`       // as typed: a last word without a trailing space is a prefix
	Exact   []uint64 `json:"ids_exact"` // with a trailing space: no prefix
	Latency float64  `json:"lat_ms"`
}

// cmdRelevance builds the relevance corpus (the examples and n generated
// agreements) and runs the cases: at relevance.CorpusN both sets, at any other
// size the scale cases alone (relevance.json names generated agreements that
// have look-alikes in a larger corpus). --reuse keeps a corpus built before.
func cmdRelevance(args []string) error {
	fs := flag.NewFlagSet("relevance", flag.ExitOnError)
	dir := fs.String("out", "", "directory for the corpus, its TSV and our hits")
	n := fs.Int("n", relevance.CorpusN, "generated agreements after the examples")
	reuse := fs.Bool("reuse", false, "use the corpus in --out when it is there")
	tsv := fs.Bool("tsv", true, "write relevance.tsv, the texts for fts5.py relevance")
	fs.Parse(args)
	if *dir == "" {
		return errors.New("relevance needs --out")
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		return err
	}
	path := filepath.Join(*dir, fmt.Sprintf("relevance-%d.db", *n))
	_, statErr := os.Stat(path)
	build := !*reuse || statErr != nil
	if build {
		for _, p := range []string{path, path + ".lock"} {
			if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
				return err
			}
		}
	}
	s, err := store.Open(path, store.Options{NoSync: true})
	if err != nil {
		return err
	}
	defer s.Close()
	if build {
		t0 := time.Now()
		if err := relevance.BuildCorpusN(context.Background(), s, *n); err != nil {
			return fmt.Errorf("build corpus: %v", err)
		}
		if *n <= relevance.CorpusN {
			// Everything merged, so that the hits do not depend on a background merge.
			if err := s.Reindex(context.Background()); err != nil {
				return err
			}
		}
		fmt.Fprintf(os.Stderr, "relevance: corpus of %d built in %.1f s\n", *n, time.Since(t0).Seconds())
	}
	docs, err := s.Total()
	if err != nil {
		return err
	}
	if *tsv {
		if _, _, err := dump(s, filepath.Join(*dir, "relevance.tsv")); err != nil {
			return err
		}
	}
	sets := map[string][]relevance.Case{}
	if sets["scale"], err = relevance.ScaleCases(); err != nil {
		return err
	}
	if *n == relevance.CorpusN {
		if sets["relevance"], err = relevance.Cases(); err != nil {
			return err
		}
	}
	cases := []CaseRun{}
	for _, set := range []string{"relevance", "scale"} {
		for _, c := range sets[set] {
			q := caseQuery(c)
			q.Limit = max(10, c.Top)
			t0 := time.Now()
			res, err := s.Search(q)
			d := time.Since(t0)
			if err != nil {
				return fmt.Errorf("search %q: %v", c.Query, err)
			}
			run := CaseRun{Set: set, Query: c.Query, Want: c.Want, Top: c.Top, Note: c.Note, Via: c.Via,
				Filter: filterDesc(q.Filter), Limit: q.Limit, IDs: ids(res), Latency: float64(d.Nanoseconds()) / 1e6}
			q.Text = strings.TrimRight(q.Text, " ") + " "
			if res, err = s.Search(q); err != nil {
				return fmt.Errorf("search %q: %v", q.Text, err)
			}
			run.Exact = ids(res)
			cases = append(cases, run)
		}
	}
	fmt.Fprintf(os.Stderr, "relevance: %d agreements, %d cases\n", docs, len(cases))
	return writeJSON(filepath.Join(*dir, "ours.json"), map[string]any{"engine": "sepakat", "n": *n, "cases": cases})
}

// cmdProbe prints the first hits of each query given, for writing cases.
func cmdProbe(args []string) error {
	fs := flag.NewFlagSet("probe", flag.ExitOnError)
	db := fs.String("db", "", "data file")
	limit := fs.Int("limit", 5, "hits per query")
	fs.Parse(args)
	s, err := store.Open(*db, store.Options{NoSync: true})
	if err != nil {
		return err
	}
	defer s.Close()
	for _, q := range fs.Args() {
		t0 := time.Now()
		res, err := s.Search(service.SearchQuery{Text: q, Limit: *limit})
		if err != nil {
			return err
		}
		fmt.Printf("%q (%.1f ms)\n", q, float64(time.Since(t0).Microseconds())/1000)
		for i, h := range res.Hits {
			fmt.Printf("  %d. %6d %s %.2f %s | %s\n", i+1, h.Summary.ID, h.Summary.Kind, h.Score, h.Summary.Subject, h.Summary.Partners())
		}
	}
	return nil
}

func filterDesc(f agreement.Filter) string {
	var parts []string
	add := func(ok bool, format string, v any) {
		if ok {
			parts = append(parts, fmt.Sprintf(format, v))
		}
	}
	add(f.Kind != "", "kind=%s", f.Kind)
	add(f.Status != "", "status=%s", f.Status)
	add(f.Party != 0, "party=#%d", uint64(f.Party))
	add(f.Year != 0, "year=%d", f.Year)
	add(f.Implementer != "", "implementer=%s", f.Implementer)
	add(!f.From.IsZero(), "from=%s", f.From)
	add(!f.To.IsZero(), "to=%s", f.To)
	add(f.EndsWithin != 0, "ends within %d days", f.EndsWithin)
	return strings.Join(parts, ", ")
}
