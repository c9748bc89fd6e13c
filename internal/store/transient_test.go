package store

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"syscall"
	"testing"
)

type sqlStateError string

func (e sqlStateError) Error() string    { return "pg: " + string(e) }
func (e sqlStateError) SQLState() string { return string(e) }

type codeError int

func (e codeError) Error() string { return fmt.Sprintf("sqlite: code %d", int(e)) }
func (e codeError) Code() int     { return int(e) }

func TestTransient(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"data error", errors.New("constraint violated"), false},
		{"unique violation", sqlStateError("23505"), false},
		{"admin shutdown", fmt.Errorf("link story: %w", sqlStateError("57P01")), true},
		{"connection failure", sqlStateError("08006"), true},
		{"serialization", sqlStateError("40001"), true},
		{"refused", fmt.Errorf("put: %w", refused), true},
		{"reset", fmt.Errorf("put: %w", syscall.ECONNRESET), true},
		{"sqlite busy (extended)", codeError(5 | 2<<8), true},
		{"sqlite constraint", codeError(19), false},
		{"cancelled", fmt.Errorf("put: %w", context.Canceled), false},
		{"cancelled while refused", errors.Join(context.Canceled, refused), false},
	}
	for _, tt := range tests {
		if got := Transient(tt.err); got != tt.want {
			t.Errorf("%s: Transient(%v) = %v, want %v", tt.name, tt.err, got, tt.want)
		}
	}
}
