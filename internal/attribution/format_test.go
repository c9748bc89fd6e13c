package attribution

import (
	"bytes"
	"fmt"
	"os"
	"sitrep/internal/perceptron"
	"testing"
)

// rawSum is the hex SHA-256 of a gzipped model's decompressed bytes, so
// the pins below hold whatever gzip level or Go version wrote the stream.
func rawSum(t *testing.T, gz []byte) string {
	t.Helper()
	sum, err := perceptron.ContentSum(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sum)
}

// TestModelFormatPinned pins the bytes of a small deterministic training
// and of the committed model after a load and save: a change to the
// on-disk format, or to training, shows here.
func TestModelFormatPinned(t *testing.T) {
	m, err := Train(tinyCorpus(), TrainOptions{Epochs: 4, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := m.Save(&b); err != nil {
		t.Fatal(err)
	}
	if got, want := rawSum(t, b.Bytes()), "172cfa711b7408c86a866abc262479dbc22a04389bd04d62b40ccd910211710b"; got != want {
		t.Errorf("trained model bytes: sha256 %s, want %s", got, want)
	}

	f, err := os.ReadFile("data/attribution.model.gz")
	if err != nil {
		t.Skip("no committed model:", err)
	}
	cm, err := Load(bytes.NewReader(f))
	if err != nil {
		t.Fatal(err)
	}
	b.Reset()
	if err := cm.Save(&b); err != nil {
		t.Fatal(err)
	}
	if got, want := rawSum(t, b.Bytes()), rawSum(t, f); got != want {
		t.Errorf("committed model after load and save: sha256 %s, want the file's %s", got, want)
	}
}
