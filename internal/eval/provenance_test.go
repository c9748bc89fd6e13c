package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/link/provenance"
)

// TestEvalFloors keeps the measured scores from regressing (docs/BENCHMARKS.md).
func TestEvalFloors(t *testing.T) {
	dir := "../../../shared/data"
	if _, err := os.Stat(filepath.Join(dir, "near-duplicates")); err != nil {
		t.Skip("data sets not available")
	}
	if testing.Short() {
		t.Skip("slow")
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
