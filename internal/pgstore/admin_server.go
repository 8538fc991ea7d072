package pgstore

import (
	"context"
	"errors"
	"fmt"
	"regexp"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"sepakat/internal/dataset"
	"sepakat/internal/service"
)

// DefaultStaffRole is the role server init grants the staff's accounts.
const DefaultStaffRole = "sepakat_staf"

var roleName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// InitResult says what Init did.
type InitResult struct {
	// Applied are the migrations this run applied; empty when the schema was current.
	Applied []int
	Version int
	// RoleCreated is false when the staff role existed already (its grants are renewed).
	RoleCreated bool
}

// Init brings the schema on the server up to date (each migration in one
// transaction) and creates the staff role, a group role without login that
// may read and write the register and only add to its history. The
// connection must be the schema owner's.
func Init(ctx context.Context, connString, staffRole string) (InitResult, error) {
	var res InitResult
	if !roleName.MatchString(staffRole) {
		return res, fmt.Errorf("%w: nama peran %q (huruf kecil, angka, _)", service.ErrServerConfig, staffRole)
	}
	c, err := pgx.Connect(ctx, connString)
	if err != nil {
		var pe *pgconn.ParseConfigError
		if errors.As(err, &pe) {
			return res, fmt.Errorf("%w: %v", service.ErrServerConfig, err)
		}
		return res, unreachable(err)
	}
	defer c.Close(ctx)
	if res.Applied, err = migrate(ctx, c); err != nil {
		return res, err
	}
	res.Version = SchemaVersion()
	tx, err := c.Begin(ctx)
	if err != nil {
		return res, err
	}
	defer tx.Rollback(ctx)
	var exists bool
	if err := tx.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)", staffRole).Scan(&exists); err != nil {
		return res, err
	}
	role := pgx.Identifier{staffRole}.Sanitize()
	if !exists {
		if _, err := tx.Exec(ctx, "CREATE ROLE "+role+" NOLOGIN"); err != nil {
			return res, err
		}
		res.RoleCreated = true
	}
	var schema string
	if err := tx.QueryRow(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
		return res, err
	}
	sch := pgx.Identifier{schema}.Sanitize()
	grants := []string{
		"GRANT USAGE ON SCHEMA " + sch + " TO " + role,
		"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + sch + " TO " + role,
		// History is append-only for the staff (a trigger refuses changes for everyone).
		"REVOKE UPDATE, DELETE, TRUNCATE ON " + sch + ".history FROM " + role,
		// The schema itself is the owner's.
		"REVOKE ALL ON " + sch + ".schema_migrations FROM " + role,
		"GRANT SELECT ON " + sch + ".schema_migrations TO " + role,
	}
	for _, g := range grants {
		if _, err := tx.Exec(ctx, g); err != nil {
			return res, err
		}
	}
	return res, tx.Commit(ctx)
}

// Describe names the register a connection string points at, without its
// password: "user@host/dbname".
func Describe(connString string) string {
	cfg, err := pgconn.ParseConfig(connString)
	if err != nil {
		return "server"
	}
	return fmt.Sprintf("%s@%s/%s", cfg.User, cfg.Host, cfg.Database)
}

// Counts are the records on the server, by type.
func (s *Store) Counts(ctx context.Context) (dataset.Counts, error) {
	var c dataset.Counts
	err := s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM agreements), (SELECT count(*) FROM parties),
		(SELECT count(*) FROM officials), (SELECT count(*) FROM mandates)`).Scan(&c.Agreements, &c.Parties, &c.Officials, &c.Mandates)
	return c, s.failed(err)
}
