package pgstore

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/service"
)

// The schema is built by versioned migrations, migrations/NNNN_name.sql, each
// applied in one transaction with its version recorded in schema_migrations.

//go:embed migrations/*.sql
var migrationFS embed.FS

// goSteps are the parts of migrations written in Go, run in the migration's
// transaction after its SQL.
var goSteps = map[int]func(context.Context, pgx.Tx) error{3: chainHistory, 4: refreshPartnerRows, 9: refreshImportedRows, 10: refreshAdendumRows, 11: foldSigningRecords}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("pgstore: migration %s: name is not NNNN_name.sql", e.Name())
		}
		raw, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(raw)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// SchemaVersion is the version the newest migration brings.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// migrate applies the migrations the schema lacks, each in one transaction;
// an advisory lock keeps two programs from migrating at once. It returns the
// versions applied.
func migrate(ctx context.Context, c *pgx.Conn) ([]int, error) {
	ms, err := migrations()
	if err != nil {
		return nil, err
	}
	// A current schema needs nothing: staff accounts may not create tables.
	var applied []int32
	var exists bool
	if err := c.QueryRow(ctx, "SELECT to_regclass('schema_migrations') IS NOT NULL").Scan(&exists); err != nil {
		return nil, err
	}
	if exists {
		if err := c.QueryRow(ctx, "SELECT coalesce(array_agg(version ORDER BY version), '{}') FROM schema_migrations").Scan(&applied); err != nil {
			return nil, err
		}
	}
	if len(applied) > 0 && int(applied[len(applied)-1]) > ms[len(ms)-1].version {
		return nil, fmt.Errorf("%w: skema server versi %d", service.ErrNewerSchema, applied[len(applied)-1])
	}
	missing := false
	for _, m := range ms {
		if !slices.Contains(applied, int32(m.version)) {
			missing = true
		}
	}
	if !missing {
		return nil, nil
	}
	if _, err := c.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),
		applied_by text NOT NULL DEFAULT current_user)`); err != nil {
		return nil, err
	}
	var done []int
	for _, m := range ms {
		applied, err := applyOne(ctx, c, m)
		if err != nil {
			return done, fmt.Errorf("pgstore: migration %s: %w", m.name, err)
		}
		if applied {
			done = append(done, m.version)
		}
	}
	return done, nil
}

func applyOne(ctx context.Context, c *pgx.Conn, m migration) (bool, error) {
	tx, err := c.Begin(ctx)
	if err != nil {
		return false, err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtext(current_schema()))"); err != nil {
		return false, err
	}
	var n int
	if err := tx.QueryRow(ctx, "SELECT count(*) FROM schema_migrations WHERE version = $1", m.version).Scan(&n); err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	if _, err := tx.Exec(ctx, m.sql); err != nil {
		return false, err
	}
	if step := goSteps[m.version]; step != nil {
		if err := step(ctx, tx); err != nil {
			return false, err
		}
	}
	if _, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", m.version, m.name); err != nil {
		return false, err
	}
	return true, tx.Commit(ctx)
}
