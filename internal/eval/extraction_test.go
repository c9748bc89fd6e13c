package eval

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/extract"
)

// benchDir is the article-extraction benchmark; it lives outside the
// repository.
const benchDir = "../../../shared/data/article-extraction-benchmark"

func TestScorePage(t *testing.T) {
	tests := []struct {
		name        string
		truth, pred string
		p, r        float64
		exact       bool
	}{
		{"identical", "one two three four five", "one, two; three four five!", 1, 1, true},
		{"empty prediction", "one two three four five", "", 0, 0, false},
		{"extra text", "a b c d", "a b c d e", 0.5, 1, false},
		{"short texts", "a b", "a b", 1, 1, true},
		{"case matters", "War in Ukraine", "war in Ukraine", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scorePage(tt.truth, tt.pred)
			if math.Abs(s.Precision-tt.p) > 1e-9 || math.Abs(s.Recall-tt.r) > 1e-9 || s.Exact != tt.exact {
				t.Errorf("got P=%v R=%v exact=%v, want P=%v R=%v exact=%v", s.Precision, s.Recall, s.Exact, tt.p, tt.r, tt.exact)
			}
		})
	}
}

// TestStoredPredictions checks the metric against the benchmark's
// published figures for the prediction files it ships.
func TestStoredPredictions(t *testing.T) {
	if _, err := os.Stat(benchDir); err != nil {
		t.Skipf("no benchmark: %v", err)
	}
	published := map[string][4]float64{ // F1, precision, recall, accuracy
		"trafilatura":    {0.958, 0.938, 0.978, 0.293},
		"go_trafilatura": {0.960, 0.940, 0.980, 0.287},
		"readability_js": {0.947, 0.914, 0.982, 0.166},
		"html-text":      {0.665, 0.500, 0.994, 0.000},
	}
	for name, want := range published {
		path := filepath.Join(benchDir, "output", name+".json")
		if _, err := os.Stat(path); err != nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			r, err := ExtractionPredictions(benchDir, path)
			if err != nil {
				t.Fatal(err)
			}
			got := [4]float64{r.F1, r.Precision, r.Recall, r.Accuracy}
			for i, g := range got {
				if math.Abs(g-want[i]) > 0.0015 {
					t.Errorf("metric %d = %.4f, published %.3f", i, g, want[i])
				}
			}
			t.Logf("%s: F1 %.4f P %.4f R %.4f accuracy %.4f", name, r.F1, r.Precision, r.Recall, r.Accuracy)
		})
	}
}

// TestExtraction runs the extract stage over the benchmark.
func TestExtraction(t *testing.T) {
	if _, err := os.Stat(benchDir); err != nil {
		t.Skipf("no benchmark: %v", err)
	}
	if testing.Short() {
		t.Skip("slow: extracts 181 pages")
	}
	r, err := Extraction(context.Background(), benchDir, extract.New(extract.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := r.Write(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if r.Pages != 181 {
		t.Errorf("pages = %d, want 181", r.Pages)
	}
	if r.F1 < 0.90 {
		t.Errorf("F1 = %.3f, want >= 0.90", r.F1)
	}
}
