package attribution

import (
	"testing"

	"sitrep/internal/perceptron/perceptrontest"
)

// TestModelFormatPinned pins the bytes of a small deterministic training
// and checks that the committed model survives a load and save: a change
// to the on-disk format, to the features or to training shows here.
func TestModelFormatPinned(t *testing.T) {
	m, err := Train(tinyCorpus(), TrainOptions{Epochs: 4, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := perceptrontest.Sum(t, m), "2f83cda3952980f3d3fa0169a85c9bb1908be5291cedbc64adcb6fbfbeb5b12e"; got != want {
		t.Errorf("trained model content: sha256 %s, want %s", got, want)
	}
	perceptrontest.RoundTrip(t, "data/attribution.model.gz", Load)
}
