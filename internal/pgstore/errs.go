package pgstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"sepakat/internal/service"
)

// unreachable wraps a failure to reach the server in service.ErrServerUnreachable,
// and a refused login in service.ErrServerLogin.
func unreachable(err error) error {
	if err == nil {
		return nil
	}
	if refusedLogin(err) {
		return fmt.Errorf("%w: %v", service.ErrServerLogin, err)
	}
	return fmt.Errorf("%w: %v", service.ErrServerUnreachable, err)
}

// failed turns a lost connection into service.ErrServerUnreachable and leaves
// every other error as it is.
func (s *Store) failed(err error) error {
	if err == nil || errors.Is(err, service.ErrServerUnreachable) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	var pe *pgconn.PgError
	switch {
	case errors.As(err, &ce), errors.As(err, &ne), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF),
		errors.Is(err, net.ErrClosed), strings.Contains(err.Error(), "conn closed"):
		return unreachable(err)
	case errors.As(err, &pe):
		// Class 08 is a connection exception, 57P0x the server shutting down.
		if len(pe.Code) == 5 && (pe.Code[:2] == "08" || pe.Code[:4] == "57P0") {
			return unreachable(err)
		}
	case pgconn.SafeToRetry(err):
		return unreachable(err)
	}
	return err
}

// refusedLogin reports whether the server refused the account or its
// password (class 28: invalid authorization, an empty password included).
func refusedLogin(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && len(pe.Code) == 5 && pe.Code[:2] == "28"
}

// uniqueViolation reports whether err is a violation of the named constraint.
func uniqueViolation(err error, constraint string) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505" && pe.ConstraintName == constraint
}
