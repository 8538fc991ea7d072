// Package pgstore keeps Sepakat's register on a PostgreSQL server, for
// offices where several staff share one register. It implements the role
// interfaces of internal/service with the semantics of the bbolt store
// (internal/store), held to the same conformance suite (servicetest):
// records as JSONB beside the columns the lists need, saves checked against
// the stored revision under a row lock, numbers reserved under a row lock on
// their counter and a unique constraint, append-only history naming the
// database user, and the search index as tsvectors of our own analyser's terms.
package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/search"
	"sepakat/internal/search/fields"
	"sepakat/internal/service"
	"sepakat/internal/wilayah"
)

// Options configure Open.
type Options struct {
	// SigningText keeps the fingerprint of an agreement's text in the history
	// entry of the save that signs it (export.TextFingerprint); nil keeps none.
	SigningText service.TextFingerprint
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// User is recorded in the history; the database user when empty.
	User string
	// BackupDir is the local folder BackupNow writes copies to (bbolt data
	// files made from the server); required for BackupNow.
	BackupDir string
	// MaxConns bounds the connection pool; 4 when 0.
	MaxConns int32
	// Password, when set, is the login's password, kept out of the
	// connection string (the desktop reads it from the credential store).
	Password string
}

// Store is a register on a PostgreSQL server.
type Store struct {
	pool    *pgxpool.Pool
	now     func() time.Time
	user    string
	signing service.TextFingerprint
	dbUser  string
	regions *wilayah.List
	bkDir   string

	mu     sync.Mutex
	an     *search.Analyzer // nil until the first search or index write
	staged map[string]dataset.File
	notes  service.Notifier

	// instance tells this Store's notices from other seats'; channel is
	// the register's notice channel (listen.go).
	instance  string
	channel   string
	stop      context.CancelFunc
	listening chan struct{}
}

var _ service.Service = (*Store)(nil)

// querier is a pool or a transaction.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// Open connects to the server named by connString (a libpq connection string
// or URL), brings the schema up to date and returns the register.
func Open(ctx context.Context, connString string, opt Options) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(connString)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", service.ErrServerConfig, err)
	}
	if opt.Password != "" {
		cfg.ConnConfig.Password = opt.Password
	}
	cfg.MaxConns = 4
	if opt.MaxConns > 0 {
		cfg.MaxConns = opt.MaxConns
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, unreachable(err)
	}
	s := &Store{pool: pool, now: opt.Now, bkDir: opt.BackupDir, instance: newInstanceID(), listening: make(chan struct{})}
	if err := s.setup(ctx, opt); err != nil {
		pool.Close()
		return nil, err
	}
	lctx, stop := context.WithCancel(context.Background())
	s.stop = stop
	go s.listen(lctx, cfg.ConnConfig.Copy())
	return s, nil
}

func (s *Store) setup(ctx context.Context, opt Options) error {
	c, err := s.pool.Acquire(ctx)
	if err != nil {
		return unreachable(err)
	}
	defer c.Release()
	if _, err := migrate(ctx, c.Conn()); err != nil {
		return err
	}
	if err := c.QueryRow(ctx, "SELECT current_user").Scan(&s.dbUser); err != nil {
		return err
	}
	if s.channel, err = channel(ctx, c); err != nil {
		return err
	}
	s.user = opt.User
	s.signing = opt.SigningText
	if s.user == "" {
		s.user = s.dbUser
	}
	if s.regions, err = wilayah.Load(); err != nil {
		return err
	}
	return nil
}

// Close stops listening and closes the connections.
func (s *Store) Close() error {
	s.stop()
	<-s.listening
	s.pool.Close()
	s.mu.Lock()
	s.staged = nil
	s.mu.Unlock()
	return nil
}

// User is the name recorded in history.
func (s *Store) User() string { return s.user }

// bg is the context of calls the seam gives none.
func bg() context.Context { return context.Background() }

// registryOf names the notice of each record type's save. Other seats hear
// of agreements (the register, Beranda and open editors refresh); this
// Store's own subscribers hear only of directory records (notify).
var registryOf = map[dataset.RecordType]service.Registry{
	dataset.TypeParty: service.RegistryParties, dataset.TypeOfficial: service.RegistryOfficials,
	dataset.TypeMandate: service.RegistryMandates, dataset.TypeAgreement: service.RegistryAgreements,
}

// table names each record type's table.
var table = map[dataset.RecordType]string{
	dataset.TypeAgreement: "agreements", dataset.TypeParty: "parties",
	dataset.TypeOfficial: "officials", dataset.TypeMandate: "mandates",
}

func encode(v any) []byte {
	raw, err := json.Marshal(v)
	if err != nil {
		panic("pgstore: record does not encode: " + err.Error()) // records are plain data
	}
	return raw
}

func decode[T any](raw []byte) (T, error) {
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		return v, fmt.Errorf("%w: %v", service.ErrCorrupt, err)
	}
	agreement.Fold(&v) // a record written before one number per party
	return v, nil
}

// getRaw reads one record's JSON; nil when absent.
func getRaw(ctx context.Context, q querier, t dataset.RecordType, id agreement.ID, lock bool) ([]byte, error) {
	sql := "SELECT data FROM " + table[t] + " WHERE id = $1"
	if lock {
		sql += " FOR UPDATE"
	}
	var raw []byte
	err := q.QueryRow(ctx, sql, int64(id)).Scan(&raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	return raw, err
}

func get[T any](ctx context.Context, q querier, t dataset.RecordType, id agreement.ID) (T, bool, error) {
	var zero T
	raw, err := getRaw(ctx, q, t, id, false)
	if err != nil || raw == nil {
		return zero, false, err
	}
	v, err := decode[T](raw)
	return v, err == nil, err
}

func getOne[T any](s *Store, t dataset.RecordType, id agreement.ID) (T, error) {
	v, ok, err := get[T](bg(), s.pool, t, id)
	if err != nil {
		return v, s.failed(err)
	}
	if !ok {
		return v, service.ErrNotFound
	}
	return v, nil
}

// all reads every record of a type in ID order; nil when there are none.
func all[T any](ctx context.Context, q querier, t dataset.RecordType) ([]T, error) {
	rows, err := q.Query(ctx, "SELECT data FROM "+table[t]+" ORDER BY id")
	if err != nil {
		return nil, err
	}
	var out []T
	for rows.Next() {
		var raw []byte
		if err := rows.Scan(&raw); err != nil {
			return nil, err
		}
		v, err := decode[T](raw)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// dir answers agreement.Directory from what q sees. A lookup that fails for
// another reason than a missing row (the server gone mid-save) is kept in
// *fault, when set, so that the save reports it rather than "not found".
type dir struct {
	ctx   context.Context
	q     querier
	s     *Store
	fault *error
}

func (d dir) keep(err error) {
	if err != nil && d.fault != nil && *d.fault == nil {
		*d.fault = err
	}
}

func (d dir) Party(id agreement.ID) (agreement.Party, bool) {
	p, ok, err := get[agreement.Party](d.ctx, d.q, dataset.TypeParty, id)
	d.keep(err)
	return p, ok
}

func (d dir) Official(id agreement.ID) (agreement.Official, bool) {
	o, ok, err := get[agreement.Official](d.ctx, d.q, dataset.TypeOfficial, id)
	d.keep(err)
	return o, ok
}

func (d dir) Mandate(id agreement.ID) (agreement.Mandate, bool) {
	m, ok, err := get[agreement.Mandate](d.ctx, d.q, dataset.TypeMandate, id)
	d.keep(err)
	return m, ok
}

func (d dir) AgreementKind(id agreement.ID) (agreement.Kind, bool) {
	var k string
	err := d.q.QueryRow(d.ctx, "SELECT kind FROM agreements WHERE id = $1", int64(id)).Scan(&k)
	if !errors.Is(err, pgx.ErrNoRows) {
		d.keep(err)
	}
	return agreement.Kind(k), err == nil
}

func (d dir) RegionName(code string) (string, bool) { return d.s.regions.Name(code) }

// begin starts a transaction. A pooled connection the server dropped (it
// restarted) fails its BEGIN before the server saw anything; begin then
// tries the next connection, so the first save after a restart goes through.
func (s *Store) begin(ctx context.Context, opts pgx.TxOptions) (pgx.Tx, error) {
	for i := 0; ; i++ {
		tx, err := s.pool.BeginTx(ctx, opts)
		if err == nil || !pgconn.SafeToRetry(err) || i >= int(s.pool.Config().MaxConns) {
			return tx, err
		}
	}
}

// inTx runs fn in one transaction, committed when fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	tx, err := s.begin(ctx, pgx.TxOptions{})
	if err != nil {
		return s.failed(err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := fn(tx); err != nil {
		return cancelled(ctx, err)
	}
	if err := tx.Commit(ctx); err != nil {
		return cancelled(ctx, s.failed(err))
	}
	return nil
}

// cancelled is ctx's error when ctx was cancelled (a query stopped by it
// fails with its own words), else err.
func cancelled(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil {
		return cerr
	}
	return err
}

// save is the one write path of a record (saveIn) in a transaction of its
// own; v is updated only when it committed.
func save[T agreement.Record](s *Store, t dataset.RecordType, v *T, check func(d agreement.Directory, prev func() (*T, error), next *T) error) error {
	ctx := bg()
	var next T
	var after func()
	err := s.inTx(ctx, func(tx pgx.Tx) (err error) {
		next, after, err = saveIn(ctx, s, tx, t, v, check)
		return err
	})
	if err != nil {
		a, _ := any(v).(*agreement.Agreement)
		return s.saveFailed(ctx, err, a)
	}
	*v = next
	after()
	return nil
}

// saveFailed is err in the user's words: a number another seat gave at the
// same moment names the agreement that took it.
func (s *Store) saveFailed(ctx context.Context, err error, a *agreement.Agreement) error {
	if a != nil && uniqueViolation(err, "own_number_unique") {
		// Another seat gave the number to an agreement at the same moment.
		office, key, _ := service.OwnNumber(a)
		if other, found, cerr := carrier(ctx, s.pool, office, key, a.ID); cerr == nil && found {
			return service.NumberTaken(a, agreement.Summary{ID: other.ID, Kind: other.Kind, Subject: other.Subject})
		}
	}
	return s.failed(err)
}

// saveIn is the one write path of a record: the rules every backend applies
// (service.PrepareSave) with the stored row locked, the type's own check,
// the record with its derived rows and its history entry, in transaction
// tx. It returns the saved record, for v once tx committed, and what to do
// then.
func saveIn[T agreement.Record](ctx context.Context, s *Store, tx pgx.Tx, t dataset.RecordType, v *T, check func(d agreement.Directory, prev func() (*T, error), next *T) error) (T, func(), error) {
	next := *v
	var took []string
	err := func() error {
		now := s.now()
		var fault error
		d := newNames(dir{ctx, tx, s, &fault})
		// An update reads what it needs in one round trip: the stored record
		// (locked), the last entry of its history and, for an agreement, the
		// directory records it names and its family (its parents locked).
		var pre *before
		if id, _, _, _ := agreement.Meta(&next); *id != 0 {
			var err error
			if pre, err = readBefore(ctx, tx, t, *id, &next, d); err != nil {
				return err
			}
		} else if a, ok := any(&next).(*agreement.Agreement); ok {
			// A new agreement reads the same but for the record and its history.
			b := &pgx.Batch{}
			b.Queue(genericPlans)
			read := d.queuePrefetch(b, a)
			readFamily := queueFamily(b, a)
			br := tx.SendBatch(ctx, b)
			pre = &before{}
			_, err := br.Exec()
			if err == nil {
				err = read(br)
			}
			if err == nil {
				pre.family, err = readFamily(br)
			}
			if cerr := br.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		}
		var prevRaw []byte
		var prevV *T // prevRaw decoded once
		var oldRev uint64
		newID := func() (agreement.ID, error) {
			var id int64
			err := tx.QueryRow(ctx, "UPDATE ids SET last = last + 1 WHERE type = $1 RETURNING last", string(t)).Scan(&id)
			return agreement.ID(id), err
		}
		stored := func(id agreement.ID) (uint64, time.Time, bool, error) {
			var err error
			if pre != nil && pre.id == id && id != 0 {
				prevRaw = pre.raw
			} else if prevRaw, err = getRaw(ctx, tx, t, id, true); err != nil {
				return 0, time.Time{}, false, err
			}
			if prevRaw == nil {
				return 0, time.Time{}, false, nil
			}
			prev, err := decode[T](prevRaw)
			prevV = &prev
			_, rev, created, _ := agreement.Meta(&prev)
			oldRev = *rev
			return *rev, *created, true, err
		}
		if err := service.PrepareSave(t, &next, now, d, newID, stored); err != nil {
			if fault != nil {
				return fault // the words are the server's, not the record's
			}
			return err
		}
		var prevA *agreement.Agreement
		if prevRaw != nil {
			if check != nil {
				// The checks read the stored record and never change it.
				prev := func() (*T, error) { return prevV, nil }
				if err := check(d, prev, &next); err != nil {
					return err
				}
			}
			prevA, _ = any(prevV).(*agreement.Agreement)
		}
		a, isAgreement := any(&next).(*agreement.Agreement)
		if isAgreement {
			if err := s.checkNumber(ctx, tx, prevA, a); err != nil {
				return err
			}
		}
		raw := encode(&next)
		id, rev, _, _ := agreement.Meta(&next)
		// The history's diff compares encodings of the same kind: the stored
		// record comes back from jsonb spaced and with its keys reordered,
		// which would make every field look changed and be walked.
		var prevEnc []byte
		if prevV != nil {
			prevEnc = encode(prevV)
		}
		entry := dataset.SaveEntry(t, *id, *rev, now, s.user, prevEnc, raw)
		entry.Text = service.SigningText(s.signing, prevRaw, &next, d, func(id agreement.ID) (agreement.Agreement, bool) {
			a, ok, err := get[agreement.Agreement](ctx, tx, dataset.TypeAgreement, id)
			return a, ok && err == nil
		})
		// The entry joins its record's chain (the record's row is held).
		last := []byte(nil)
		if pre != nil && pre.id == *id && *id != 0 {
			last = pre.last
		} else {
			var err error
			if last, err = lastEntry(ctx, tx, t, *id); err != nil {
				return err
			}
		}
		if err := seal(&entry, last); err != nil {
			return err
		}
		// One round trip writes the entry, the record and the notice and,
		// for an agreement, its list row and those of its parents, takes the
		// search index's lock and reads the agreement's stored entry there.
		var rows []listRow
		var doc *pendingDoc
		if isAgreement {
			// Its search terms are analysed while the server works.
			an, err := s.analyzer(ctx, tx)
			if err != nil {
				return err
			}
			doc = analyseApart(an, fields.Text(d, a))
			var family []agreement.Agreement
			if pre != nil {
				family = pre.family
			}
			rows = listRowsOf(familyOf(family, a, endsOf(a, prevA)), d.Party)
		}
		b := &pgx.Batch{}
		b.Queue(historyInsert, historyArgs(&entry)...)
		var own *listRow
		for i := range rows {
			if rows[i].id == int64(*id) {
				r := rows[i]
				own = &r
				rows = slices.Delete(rows, i, i+1)
				break
			}
		}
		wsql, wargs := writeStmt(t, &next, raw, prevRaw != nil, oldRev, own)
		b.Queue(wsql, wargs...)
		queueRows(b, rows)
		r, notice := registryOf[t]
		if notice {
			s.queueNotice(b, r, *id)
		}
		if isAgreement {
			b.Queue("SELECT pg_advisory_xact_lock($1)", searchLock)
			b.Queue(oldDocsSQL, []int64{int64(*id)})
		}
		br := tx.SendBatch(ctx, b)
		var olds map[int64]oldDoc
		err := func() error {
			tag, err := br.Exec()
			if err != nil {
				return err
			}
			if err := historyWritten(tag, &entry); err != nil {
				return err
			}
			if tag, err = br.Exec(); err != nil {
				return err
			}
			if err := written(tag, t, *id, *rev); err != nil {
				return err
			}
			if len(rows) > 0 {
				if _, err := br.Exec(); err != nil {
					return err
				}
			}
			if notice {
				if _, err := br.Exec(); err != nil {
					return err
				}
			}
			if isAgreement {
				if _, err := br.Exec(); err != nil {
					return err
				}
				rows, err := br.Query()
				if err != nil {
					return err
				}
				olds, err = readOldDocs(rows)
				return err
			}
			return nil
		}()
		if cerr := br.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		if took, err = s.moveFiles(ctx, tx, t, prevRaw, raw); err != nil {
			return err
		}
		if isAgreement {
			// The Adenda that end with what this save moved (adendum.go).
			if err := refreshHeirs(ctx, tx, a, prevA); err != nil {
				return err
			}
			// The last round trip writes its search index.
			b := &pgx.Batch{}
			indexSelf(b, a, d, doc, olds)
			if b.Len() == 0 {
				return nil
			}
			return tx.SendBatch(ctx, b).Close()
		}
		return s.derive(ctx, tx, t, &next, prevA)
	}()
	if err != nil {
		return next, nil, err
	}
	return next, func() {
		s.mu.Lock()
		for _, sha := range took {
			delete(s.staged, sha)
		}
		s.mu.Unlock()
	}, nil
}

// genericPlans starts a save: the server plans each of its statements once
// per connection rather than at every save (a save's statements read a
// handful of rows by key, for which a plan made for the values is no better).
const genericPlans = "SET LOCAL plan_cache_mode = force_generic_plan"

// before is what an update reads ahead: the stored record (locked) and the
// last entry of its history.
type before struct {
	id        agreement.ID
	raw, last []byte
	// family is an agreement's (queueFamily).
	family []agreement.Agreement
}

func readBefore(ctx context.Context, tx pgx.Tx, t dataset.RecordType, id agreement.ID, v any, d *names) (*before, error) {
	b := &pgx.Batch{}
	b.Queue(genericPlans)
	b.Queue("SELECT data FROM "+table[t]+" WHERE id = $1 FOR UPDATE", int64(id))
	b.Queue(lastEntrySQL, string(t), int64(id))
	var prefetched func(pgx.BatchResults) error
	var readFamily func(pgx.BatchResults) ([]agreement.Agreement, error)
	if a, ok := v.(*agreement.Agreement); ok {
		prefetched = d.queuePrefetch(b, a)
		readFamily = queueFamily(b, a)
	}
	br := tx.SendBatch(ctx, b)
	pre := &before{id: id}
	err := func() error {
		if _, err := br.Exec(); err != nil {
			return err
		}
		for _, into := range []*[]byte{&pre.raw, &pre.last} {
			if err := br.QueryRow().Scan(into); err != nil && !errors.Is(err, pgx.ErrNoRows) {
				return err
			}
		}
		if prefetched == nil {
			return nil
		}
		if err := prefetched(br); err != nil {
			return err
		}
		var err error
		pre.family, err = readFamily(br)
		return err
	}()
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	return pre, nil
}

// write stores a record; an update names the revision it replaces. A new
// record's ID is taken from ids by the caller (save) or raised there after
// (import).
func (s *Store) write(ctx context.Context, tx pgx.Tx, t dataset.RecordType, v any, raw []byte, update bool, oldRev uint64) error {
	id, rev, _, _ := agreement.Meta(v)
	sql, args := writeStmt(t, v, raw, update, oldRev, nil)
	tag, err := tx.Exec(ctx, sql, args...)
	if err != nil {
		return err
	}
	return written(tag, t, *id, *rev)
}

// written refuses a write that changed no row: the revision it replaces
// is gone.
func written(tag pgconn.CommandTag, t dataset.RecordType, id agreement.ID, rev uint64) error {
	if tag.RowsAffected() != 1 {
		return &service.ConflictError{Type: t, ID: id, Have: rev - 1}
	}
	return nil
}

// writeStmt is the statement that stores a record; an agreement's list row
// is stored with it when given (else refreshed after).
func writeStmt(t dataset.RecordType, v any, raw []byte, update bool, oldRev uint64, row *listRow) (string, []any) {
	id, rev, _, _ := agreement.Meta(v)
	switch x := v.(type) {
	case *agreement.Agreement:
		c := columnsOf(x)
		args := []any{int64(*id), int64(*rev), raw, c.updated, c.status, c.kind, c.year, c.parent, c.parties, c.signers, c.office, c.key}
		if update {
			set := `UPDATE agreements SET rev = $2, data = $3, updated_ns = $4, status = $5, kind = $6, year = $7,
				parent_id = $8, party_ids = $9, signer_ids = $10, own_office = $11, own_key = $12`
			if row != nil {
				return set + ", end_key = $14, sum = $15 WHERE id = $1 AND rev = $13", append(args, int64(oldRev), row.end, row.sum)
			}
			return set + " WHERE id = $1 AND rev = $13", append(args, int64(oldRev))
		}
		if row != nil {
			return `INSERT INTO agreements (id, rev, data, updated_ns, status, kind, year, parent_id, party_ids, signer_ids, own_office, own_key, end_key, sum)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`, append(args, row.end, row.sum)
		}
		return `INSERT INTO agreements (id, rev, data, updated_ns, status, kind, year, parent_id, party_ids, signer_ids, own_office, own_key)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, args
	case *agreement.Official:
		if update {
			return "UPDATE officials SET rev = $2, data = $3, party_id = $4 WHERE id = $1 AND rev = $5",
				[]any{int64(*id), int64(*rev), raw, int64(x.PartyID), int64(oldRev)}
		}
		return "INSERT INTO officials (id, rev, data, party_id) VALUES ($1, $2, $3, $4)",
			[]any{int64(*id), int64(*rev), raw, int64(x.PartyID)}
	default:
		if update {
			return "UPDATE " + table[t] + " SET rev = $2, data = $3 WHERE id = $1 AND rev = $4", []any{int64(*id), int64(*rev), raw, int64(oldRev)}
		}
		return "INSERT INTO " + table[t] + " (id, rev, data) VALUES ($1, $2, $3)", []any{int64(*id), int64(*rev), raw}
	}
}

// columns are an agreement's list columns.
type columns struct {
	updated      int64
	status, kind string
	year         int
	parent       int64
	parties      []int64
	signers      []int64
	office       *int64
	key          *string
}

func columnsOf(a *agreement.Agreement) columns {
	c := columns{updated: a.Updated.UnixNano(), status: string(a.Status), kind: string(a.Kind), year: a.Year(),
		parent: int64(a.ParentID), parties: []int64{}, signers: []int64{}}
	for _, ap := range a.Parties {
		c.parties = append(c.parties, int64(ap.PartyID))
		if ap.SignerID != 0 {
			c.signers = append(c.signers, int64(ap.SignerID))
		}
	}
	if office, key, _ := service.OwnNumber(a); key != "" {
		o := int64(office)
		c.office, c.key = &o, &key
	}
	return c
}

// appendHistory stores e under its record and revision; a revision is written once.
func appendHistory(ctx context.Context, q querier, e *dataset.HistoryEntry) error {
	if e.Seq > 0 && e.Type != dataset.TypeAgreement {
		return fmt.Errorf("%w: cetakan pada riwayat %s %d", service.ErrCorrupt, e.Type, e.ID)
	}
	if e.Hash == "" {
		// A new entry joins its record's chain (the caller holds the record's
		// row); an imported one keeps its own.
		last, err := lastEntry(ctx, q, e.Type, e.ID)
		if err != nil {
			return err
		}
		if err := seal(e, last); err != nil {
			return err
		}
	}
	tag, err := q.Exec(ctx, historyInsert, historyArgs(e)...)
	if err != nil {
		return err
	}
	return historyWritten(tag, e)
}

// lastEntrySQL reads the last entry of a record's history.
const lastEntrySQL = "SELECT entry FROM history WHERE type = $1 AND id = $2 ORDER BY rev DESC, seq DESC LIMIT 1"

// lastEntry is the last entry of a record's history as stored; nil when it has none.
func lastEntry(ctx context.Context, q querier, t dataset.RecordType, id agreement.ID) ([]byte, error) {
	var raw []byte
	err := q.QueryRow(ctx, lastEntrySQL, string(t), int64(id)).Scan(&raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	return raw, err
}

// seal chains e after the stored entry last (nil: e is the first).
func seal(e *dataset.HistoryEntry, last []byte) error {
	var prev *dataset.HistoryEntry
	if last != nil {
		p, err := decode[dataset.HistoryEntry](last)
		if err != nil {
			return err
		}
		prev = &p
	}
	e.Seal(prev)
	return nil
}

// historyInsert writes one history entry, or nothing when its place is taken.
const historyInsert = "INSERT INTO history (type, id, rev, seq, at, entry) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING"

func historyArgs(e *dataset.HistoryEntry) []any {
	return []any{string(e.Type), int64(e.ID), int64(e.Rev), int64(e.Seq), e.At, encode(e)}
}

// historyWritten refuses an entry whose revision was written already.
func historyWritten(tag pgconn.CommandTag, e *dataset.HistoryEntry) error {
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("%w: riwayat %s %d revisi %d sudah ada", service.ErrDuplicate, e.Type, e.ID, e.Rev)
	}
	return nil
}

// Agreement returns one agreement.
func (s *Store) Agreement(id agreement.ID) (agreement.Agreement, error) {
	return getOne[agreement.Agreement](s, dataset.TypeAgreement, id)
}

// SaveAgreement creates (ID 0) or updates an agreement, refusing a stale
// revision, a status move the life cycle does not allow, a change to a signed
// agreement's locked fields, and whatever fails validation.
func (s *Store) SaveAgreement(a *agreement.Agreement) error {
	return save(s, dataset.TypeAgreement, a, checkAgreement)
}

func checkAgreement(d agreement.Directory, prev func() (*agreement.Agreement, error), next *agreement.Agreement) error {
	old, err := prev()
	if err != nil {
		return err
	}
	return agreement.CheckUpdate(old.Status, prev, next, d)
}

// AgreementHistory lists an agreement's changes, oldest first.
func (s *Store) AgreementHistory(id agreement.ID) ([]dataset.HistoryEntry, error) {
	return s.historyOf(bg(), s.pool, dataset.TypeAgreement, id)
}

func (s *Store) historyOf(ctx context.Context, q querier, t dataset.RecordType, id agreement.ID) ([]dataset.HistoryEntry, error) {
	rows, err := q.Query(ctx, "SELECT entry FROM history WHERE type = $1 AND id = $2 ORDER BY rev, seq", string(t), int64(id))
	if err != nil {
		return nil, s.failed(err)
	}
	var out []dataset.HistoryEntry
	for rows.Next() {
		var raw []byte
		if err := rows.Scan(&raw); err != nil {
			return nil, s.failed(err)
		}
		e, err := decode[dataset.HistoryEntry](raw)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, e)
	}
	return out, s.failed(rows.Err())
}

// Party returns one party.
func (s *Store) Party(id agreement.ID) (agreement.Party, error) {
	return getOne[agreement.Party](s, dataset.TypeParty, id)
}

// Official returns one official.
func (s *Store) Official(id agreement.ID) (agreement.Official, error) {
	return getOne[agreement.Official](s, dataset.TypeOfficial, id)
}

// Mandate returns one mandate.
func (s *Store) Mandate(id agreement.ID) (agreement.Mandate, error) {
	return getOne[agreement.Mandate](s, dataset.TypeMandate, id)
}

func allOf[T any](s *Store, t dataset.RecordType) ([]T, error) {
	out, err := all[T](bg(), s.pool, t)
	return out, s.failed(err)
}

// Parties returns every party in ID order.
func (s *Store) Parties() ([]agreement.Party, error) {
	return allOf[agreement.Party](s, dataset.TypeParty)
}

// Officials returns every official in ID order.
func (s *Store) Officials() ([]agreement.Official, error) {
	return allOf[agreement.Official](s, dataset.TypeOfficial)
}

// Mandates returns every mandate in ID order.
func (s *Store) Mandates() ([]agreement.Mandate, error) {
	return allOf[agreement.Mandate](s, dataset.TypeMandate)
}

// SaveParty creates or updates a party.
func (s *Store) SaveParty(p *agreement.Party) error {
	return s.notify(save(s, dataset.TypeParty, p, nil), service.RegistryParties, p.ID)
}

// SaveOfficial creates or updates an official.
func (s *Store) SaveOfficial(o *agreement.Official) error {
	return s.notify(save(s, dataset.TypeOfficial, o, nil), service.RegistryOfficials, o.ID)
}

// SaveMandate creates or updates a mandate.
func (s *Store) SaveMandate(m *agreement.Mandate) error {
	return s.notify(save(s, dataset.TypeMandate, m, nil), service.RegistryMandates, m.ID)
}

// Subscribe tells fn of every registry record saved through this Store, and
// of every record other seats save (listen.go), until cancel.
func (s *Store) Subscribe(fn func(service.Change)) (cancel func()) { return s.notes.Subscribe(fn) }

func (s *Store) notify(err error, r service.Registry, id agreement.ID) error {
	if err == nil {
		s.notes.Notify(service.Change{Registry: r, ID: id})
	}
	return err
}
