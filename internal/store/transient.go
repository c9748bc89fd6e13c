package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"
)

// Transient reports whether err is a failure of the store's connection or
// of its concurrency control rather than of the data: the database is
// unreachable or restarting, the connection was closed or terminated, the
// transaction lost a serialization or deadlock race, or SQLite was busy.
// The same call may succeed later, so workers retry it; any other error
// is about the data and retrying it would fail the same way. A cancelled
// or expired context is not transient: the caller gave up.
func Transient(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var state interface{ SQLState() string }
	if errors.As(err, &state) {
		return transientState(state.SQLState())
	}
	var retry interface{ SafeToRetry() bool }
	if errors.As(err, &retry) && retry.SafeToRetry() {
		return true
	}
	var code interface{ Code() int }
	if errors.As(err, &code) {
		switch code.Code() & 0xff {
		case 5, 6: // SQLITE_BUSY, SQLITE_LOCKED
			return true
		}
	}
	var netErr net.Error
	if errors.As(err, &netErr) {
		return true
	}
	// database/sql's own words for a lost connection (the stores run over
	// it): a connection it gave up on, a transaction whose connection went.
	if errors.Is(err, driver.ErrBadConn) || errors.Is(err, sql.ErrConnDone) {
		return true
	}
	for _, e := range []error{syscall.ECONNREFUSED, syscall.ECONNRESET, syscall.ECONNABORTED,
		syscall.EPIPE, syscall.ETIMEDOUT, syscall.EHOSTUNREACH, syscall.ENETUNREACH, io.ErrUnexpectedEOF, io.EOF, net.ErrClosed} {
		if errors.Is(err, e) {
			return true
		}
	}
	// Drivers that report a lost connection without a typed error.
	msg := err.Error()
	for _, s := range []string{"conn closed", "connection reset", "broken pipe", "failed to connect"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// transientState reports whether a PostgreSQL SQLSTATE names a condition
// that passes: connection exceptions (class 08), the server shutting down
// or starting (57P01–57P03), too many connections (53300), serialization
// failures and deadlocks (40001, 40P01), and lock timeouts (55P03).
func transientState(s string) bool {
	if strings.HasPrefix(s, "08") {
		return true
	}
	switch s {
	case "57P01", "57P02", "57P03", "53300", "40001", "40P01", "55P03":
		return true
	}
	return false
}
