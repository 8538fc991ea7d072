package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"io"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
)

// pushBatch is how many elements of the exchange stream (records, history
// entries, numbers, files) one transaction of Push commits; a variable for
// the tests.
var pushBatch = 2000

// pushLock is the advisory lock a push holds for its whole run: two pushes
// never fill one server at once.
const pushLock = 7_418_002

// pushMark is the meta key a push sets in its first transaction and clears
// in its last: while it is there, the register on the server is the part of
// a push that did not finish.
const pushMark = "push"

// UnfinishedPush reports whether the server holds the part of a push that
// stopped before its end, and from where that push came.
func (s *Store) UnfinishedPush(ctx context.Context) (from string, ok bool, err error) {
	var raw []byte
	err = s.pool.QueryRow(ctx, "SELECT value FROM meta WHERE key = $1", pushMark).Scan(&raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, s.failed(err)
	}
	var m struct {
		From string `json:"from"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return "", false, err
	}
	return m.From, true, nil
}

// Push moves the exchange stream open gives onto an empty server, or onto
// one holding an unfinished push (which it clears first). Elements are
// checked and written as they are read and committed pushBatch at a time
// with their list rows and search index, so memory holds one batch and the
// checks' bookkeeping, not the register, and no transaction spans the whole
// move. Until its last transaction the server carries a mark naming from: a
// push that stops before then (a refusal, a lost connection, a cancel) can
// simply be run again. progress, when not nil, is told the records written
// after each batch.
func (s *Store) Push(ctx context.Context, from string, open func() (io.ReadCloser, error), progress func(dataset.Counts)) (dataset.Counts, error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return dataset.Counts{}, s.failed(err)
	}
	defer conn.Release()
	unlock, err := pushLocked(ctx, conn)
	if err != nil {
		return dataset.Counts{}, err
	}
	defer unlock()
	counts, err := s.push(ctx, conn, from, open, progress)
	if err != nil {
		return counts, cancelled(ctx, s.failed(err))
	}
	// The planner's statistics and the visibility map of tables just filled:
	// without them the first queries plan as for empty tables. The register
	// is whole already, so a failure here only leaves it to autovacuum.
	conn.Exec(ctx, "VACUUM (ANALYZE) "+joinComma(quoted(pushTables)))
	return counts, s.notify(nil, service.RegistryAll, 0)
}

// quoted are names as SQL identifiers.
func quoted(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = pgx.Identifier{n}.Sanitize()
	}
	return out
}

// pushLocked takes pushLock on conn, or says a push is under way.
func pushLocked(ctx context.Context, conn *pgxpool.Conn) (func(), error) {
	var got bool
	if err := conn.QueryRow(ctx, "SELECT pg_try_advisory_lock($1)", pushLock).Scan(&got); err != nil {
		return nil, err
	}
	if !got {
		return nil, service.ErrPushUnderway
	}
	return func() {
		conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", pushLock)
	}, nil
}

func (s *Store) push(ctx context.Context, conn *pgxpool.Conn, from string, open func() (io.ReadCloser, error), progress func(dataset.Counts)) (dataset.Counts, error) {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return dataset.Counts{}, err
	}
	defer func() { tx.Rollback(context.WithoutCancel(ctx)) }()
	if err := clearForPush(ctx, tx); err != nil {
		return dataset.Counts{}, err
	}
	mark, _ := json.Marshal(map[string]string{"from": from})
	if _, err := tx.Exec(ctx, "INSERT INTO meta (key, value) VALUES ($1, $2)", pushMark, mark); err != nil {
		return dataset.Counts{}, err
	}
	t := &importTarget{s: s, ctx: ctx, tx: tx, maxID: map[dataset.RecordType]agreement.ID{}, fresh: true}
	// next commits the batch written so far with its derived rows and begins
	// the next transaction.
	next := func() error {
		if err := t.derive(); err != nil {
			return err
		}
		if err := tx.Commit(ctx); err != nil {
			return err
		}
		if tx, err = conn.Begin(ctx); err != nil {
			return err
		}
		t.tx = tx
		return nil
	}
	check := service.NewImportCheck(t, s.now(), s.user)
	check.Streaming()
	f, err := open()
	if err != nil {
		return dataset.Counts{}, err
	}
	defer f.Close()
	rd := dataset.NewReader(f)
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return check.Counts, err
		}
		it, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return check.Counts, err
		}
		if err := check.Check(it); err != nil {
			return check.Counts, err
		}
		if err := check.Write(it, t); err != nil {
			return check.Counts, err
		}
		if n%pushBatch == 0 {
			if err := next(); err != nil {
				return check.Counts, err
			}
			if progress != nil {
				progress(check.Counts)
			}
		}
	}
	if err := check.Finish(); err != nil {
		return check.Counts, err
	}
	entries := check.ImportEntries()
	for i := range entries {
		if err := t.AppendHistory(&entries[i]); err != nil {
			return check.Counts, err
		}
		if (i+1)%pushBatch == 0 {
			if err := next(); err != nil {
				return check.Counts, err
			}
		}
	}
	if check.DirectoryLate() {
		// A party, official or mandate came after agreements that name it:
		// their list rows and search entries are made again now that the
		// whole directory is there.
		if err := next(); err != nil {
			return check.Counts, err
		}
		ids, err := allIDs(ctx, tx)
		if err != nil {
			return check.Counts, err
		}
		for len(ids) > 0 {
			part := ids[:min(len(ids), pushBatch)]
			ids = ids[len(part):]
			t.agreements = append(t.agreements, part...)
			if err := next(); err != nil {
				return check.Counts, err
			}
		}
	}
	if err := t.derive(); err != nil {
		return check.Counts, err
	}
	if _, err := tx.Exec(ctx, "DELETE FROM meta WHERE key = $1", pushMark); err != nil {
		return check.Counts, err
	}
	if err := s.sendNotice(ctx, tx, service.RegistryAll, 0); err != nil {
		return check.Counts, err
	}
	if err := tx.Commit(ctx); err != nil {
		return check.Counts, err
	}
	return check.Counts, nil
}

// pushTables are the tables a push fills: what an unfinished one left is
// cleared before it starts again.
var pushTables = []string{"agreements", "parties", "officials", "mandates", "history", "counters", "issued", "files",
	"search_docs", "search_postings", "search_terms", "search_words"}

// clearForPush leaves tx with an empty register: it is empty already, or it
// holds what an unfinished push wrote, which goes. Anything else refuses.
func clearForPush(ctx context.Context, tx pgx.Tx) error {
	var marked, empty bool
	err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM meta WHERE key = $1),
		NOT EXISTS (SELECT 1 FROM agreements) AND NOT EXISTS (SELECT 1 FROM parties)
		AND NOT EXISTS (SELECT 1 FROM officials) AND NOT EXISTS (SELECT 1 FROM mandates)`, pushMark).Scan(&marked, &empty)
	if err != nil {
		return err
	}
	if !marked {
		if !empty {
			return service.ErrServerNotEmpty
		}
		return nil
	}
	_, err = tx.Exec(ctx, "TRUNCATE "+joinComma(quoted(pushTables))+`;
		UPDATE ids SET last = 0;
		UPDATE search_stats SET docs = 0, total_high = 0, total_body = 0;
		DELETE FROM meta WHERE key = '`+pushMark+`'`)
	return err
}

func joinComma(s []string) string {
	out := ""
	for i, v := range s {
		if i > 0 {
			out += ", "
		}
		out += v
	}
	return out
}
