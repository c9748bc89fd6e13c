package eval

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/corpus"
	"sitrep/internal/link/provenance"
)

// TestEvalFloors keeps the measured scores from regressing (docs/BENCHMARKS.md).
func TestEvalFloors(t *testing.T) {
	dir := "../../../shared/data"
	if _, err := os.Stat(filepath.Join(dir, "near-duplicates")); err != nil {
		t.Skip("data sets not available")
	}
	if testing.Short() || os.Getenv("SITREP_TEST_LONG") == "" {
		t.Skip("long test (judges every near-duplicate pair, ~10 s): set SITREP_TEST_LONG=1")
	}
	j, err := provenance.DefaultJudge()
	if err != nil {
		t.Fatal(err)
	}
	lines, err := NearDuplicates(j, dir)
	if err != nil {
		t.Fatal(err)
	}
	floors := map[string]float64{"cnn revisions (consecutive vs other article)": 0.95, "yonhap chains (consecutive vs other chain)": 0.9}
	for _, l := range lines {
		if f, ok := floors[l.Set]; ok && l.PR.F1() < f {
			t.Errorf("%s: F1 %.3f < %.2f", l.Set, l.PR.F1(), f)
		}
		if strings.HasPrefix(l.Set, "basil") && l.PR.FP > 0 {
			t.Errorf("basil: %d same-event pairs called copies", l.PR.FP)
		}
	}
}

func TestSpinners(t *testing.T) {
	clusters := map[string]string{"storm": "01", "flood": "01", "Gale": "01", "towers": "10", "pylons": "10", "masts": "10"}
	sp := ClusterSpinner(clusters)
	if got := strings.Join(sp("storm"), " "); got != "flood" {
		t.Errorf("neighbours of storm = %q, want flood (capitalised words are not drawn, the word itself neither)", got)
	}
	text := "The storm brought down twelve towers near the river. Another storm is expected."
	spun, n := Spin(text, sp, 1, rand.New(rand.NewPCG(1, 2)))
	if n != 3 || spun != "The flood brought down twelve pylons near the river. Another flood is expected." &&
		spun != "The flood brought down twelve masts near the river. Another flood is expected." {
		t.Errorf("Spin at rate 1 = %q (%d), want every word with a neighbour replaced", spun, n)
	}
	if _, n := Spin(text, sp, 0, rand.New(rand.NewPCG(1, 2))); n != 0 {
		t.Errorf("Spin at rate 0 replaced %d words", n)
	}
	dev, test := SplitSpin([]corpus.Doc{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}, {ID: "e"}, {ID: "f"}})
	if len(dev)+len(test) != 6 || len(dev) == 0 || len(test) == 0 {
		t.Errorf("split %d/%d", len(dev), len(test))
	}
}
