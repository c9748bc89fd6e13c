//go:build !unix

package source

import "testing"

// makeFIFO does nothing where named pipes do not exist.
func makeFIFO(t *testing.T, path string) {}
