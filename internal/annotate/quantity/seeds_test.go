package quantity

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSeeds checks the examples where they occur in the seed
// reports; it skips when ../shared is absent.
func TestSeeds(t *testing.T) {
	dir := "../../../../shared/seeds"
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("seeds not available")
	}
	type fig struct {
		text, kind string
		value      float64 // nan for nil
		approx     string
		counts     string
	}
	want := map[string][]fig{
		"000": {
			{"$90m", Money, 9e7, Exact, ""},
			{"$1.5bn", Money, 1.5e9, Exact, ""},
			{"12 to 20", Cardinal, nan, Range, ""},
			{"half a million", Cardinal, 5e5, Exact, "artillery shells"},
			{"155mm", Measure, 155, Exact, ""},
			{"Thousands", Cardinal, nan, Vague, "North Korean soldiers"},
			{"3,000-man", Cardinal, 3000, Exact, "man"},
			{"six", Cardinal, 6, Exact, "them"},
		},
		"001": {
			{"15,000", Cardinal, 15000, Exact, "North Korean troops"},
			{"1.3 million-strong", Cardinal, 1.3e6, Exact, "army"},
		},
		"002": {
			{"as many as 12,000", Cardinal, 12000, UpTo, "troops"},
			{"over 100,000", Cardinal, 100000, MoreThan, "personnel"},
		},
		"004": {
			{"1000’s", Cardinal, nan, Vague, "North Korean troopers"},
			{"some 10,000", Cardinal, 10000, About, "troopers"},
			{"500", Cardinal, 500, Exact, "Patriot and ARAAM missiles"},
			{"1 p.c", Percent, 1, Exact, "Russia’s forces"},
		},
	}
	for _, f := range files {
		prefix := filepath.Base(f)[:3]
		figs, ok := want[prefix]
		if !ok {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got := find(string(b))
		for _, w := range figs {
			found := false
			for _, q := range got {
				if q.Text != w.text {
					continue
				}
				found = true
				v := nan
				if q.Value != nil {
					v = *q.Value
				}
				if q.Kind != w.kind || fmtWant(v) != fmtWant(w.value) || q.Approx != w.approx || q.Counts != w.counts {
					t.Errorf("seed %s: %s, want %s %s %s counts %q", prefix, describe(q), w.kind, fmtWant(w.value), w.approx, w.counts)
				}
				break // the first with this text
			}
			if !found {
				t.Errorf("seed %s: %q not found", prefix, w.text)
			}
		}
		for _, q := range got {
			switch q.Text {
			case "October 3", "3", "2023", "F-16":
				t.Errorf("seed %s: %q reported as a quantity", prefix, q.Text)
			}
		}
	}
}
