package ner

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sitrep/internal/perceptron"
	"strings"
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
	docs, err := ReadCoNLL(strings.NewReader(tiny))
	if err != nil {
		t.Fatal(err)
	}
	lex, err := NewLexicon("loc", "first")
	if err != nil {
		t.Fatal(err)
	}
	lex.Add("loc", "Brussels")
	lex.Add("first", "Anna")
	m, err := Train(docs, TrainOptions{Epochs: 5, Folds: 2, Lexicon: lex, Gazetteer: map[string]string{"Berlin": "capital"}})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := m.Save(&b); err != nil {
		t.Fatal(err)
	}
	if got, want := rawSum(t, b.Bytes()), "7aec1373378a935204ee34a55e373e49dcfe9b5c74ebe729b8c6e943a0c82510"; got != want {
		t.Errorf("trained model bytes: sha256 %s, want %s", got, want)
	}

	f, err := os.ReadFile(filepath.Join("..", "annotate", "entity", "ner.model.gz"))
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
