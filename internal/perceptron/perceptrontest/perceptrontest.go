// Package perceptrontest holds the checks the taggers' tests share that
// a model file's format and content have not changed.
package perceptrontest

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"testing"

	"sitrep/internal/perceptron"
)

// Saver is a model that writes itself as a gzipped model file.
type Saver interface{ Save(io.Writer) error }

// Sum is the hex SHA-256 of the decompressed content of the model file
// m writes.
func Sum(t testing.TB, m Saver) string {
	t.Helper()
	var b bytes.Buffer
	if err := m.Save(&b); err != nil {
		t.Fatal(err)
	}
	sum, err := perceptron.ContentSum(&b)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sum)
}

// RoundTrip loads the model file at path with load, saves it again and
// fails unless the content is unchanged; it skips when the file is
// absent.
func RoundTrip[M Saver](t testing.TB, path string, load func(io.Reader) (M, error)) {
	t.Helper()
	f, err := os.ReadFile(path)
	if err != nil {
		t.Skip("no committed model:", err)
	}
	m, err := load(bytes.NewReader(f))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	want, err := perceptron.ContentSum(bytes.NewReader(f))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if got := Sum(t, m); got != fmt.Sprintf("%x", want) {
		t.Errorf("%s after load and save: content sha256 %s, want the file's %x", path, got, want)
	}
}
