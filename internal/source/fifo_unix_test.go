//go:build unix

package source

import (
	"syscall"
	"testing"
)

// makeFIFO creates a named pipe, which a directory walk must report
// without opening it (opening would block with no writer).
func makeFIFO(t *testing.T, path string) {
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Logf("mkfifo: %v", err)
	}
}
