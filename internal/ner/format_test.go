package ner

import (
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/perceptron/perceptrontest"
)

// TestModelFormatPinned pins the bytes of a small deterministic training
// and checks that the committed model survives a load and save: a change
// to the on-disk format, to the features or to training shows here.
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
	if got, want := perceptrontest.Sum(t, m), "7aec1373378a935204ee34a55e373e49dcfe9b5c74ebe729b8c6e943a0c82510"; got != want {
		t.Errorf("trained model content: sha256 %s, want %s", got, want)
	}
	perceptrontest.RoundTrip(t, filepath.Join("..", "annotate", "entity", "ner.model.gz"), Load)
}
