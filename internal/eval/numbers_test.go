package eval

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestParseInterval(t *testing.T) {
	tests := []struct {
		name, in string
		lo, hi   float64 // -1: open
		ok       bool
	}{
		{"closed", "[20,30]", 20, 30, true},
		{"half open", "(20,)", 20, -1, true},
		{"open low", "[,35]", -1, 35, true},
		{"garbage", "[a,b]", 0, 0, false},
		{"short", "[]", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi, ok := parseInterval(tt.in)
			if ok != tt.ok {
				t.Fatalf("ok = %v", ok)
			}
			if !ok {
				return
			}
			check := func(name string, got *float64, want float64) {
				if want < 0 && got != nil || want >= 0 && (got == nil || *got != want) {
					t.Errorf("%s = %v, want %v", name, got, want)
				}
			}
			check("lo", lo, tt.lo)
			check("hi", hi, tt.hi)
		})
	}
}

func TestUTF16Offsets(t *testing.T) {
	s := "a€😀b" // 1 + 3 + 4 + 1 bytes; 1 + 1 + 2 + 1 UTF-16 units
	offs := utf16Offsets(s)
	want := []int{0, 1, 4, 4, 8, 9}
	if len(offs) != len(want) {
		t.Fatalf("offsets = %v, want %v", offs, want)
	}
	for i := range want {
		if offs[i] != want[i] {
			t.Fatalf("offsets = %v, want %v", offs, want)
		}
	}
}

func TestNumbersSmall(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "Number", "English"), 0o755); err != nil {
		t.Fatal(err)
	}
	spec := `[
 {"Input": "they sent 3,000 troops", "Results": [{"Text": "3,000", "TypeName": "number", "Resolution": {"value": "3000"}, "Start": 10, "End": 14}]},
 {"Input": "between 20 and 30", "Results": [{"Text": "between 20 and 30", "TypeName": "numberrange", "Resolution": {"value": "[20,30)"}, "Start": 0, "End": 16}]},
 {"Input": "in 2023", "Results": []},
 {"Input": "a dozen", "Results": [{"Text": "a dozen", "TypeName": "number", "Resolution": {"value": "13"}, "Start": 0, "End": 6}]}
]`
	if err := os.WriteFile(filepath.Join(dir, "Number", "English", "NumberModel.json"), []byte(spec), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := Numbers(dir)
	if err != nil {
		t.Fatal(err)
	}
	f := rep.Files[0]
	if f.Cases != 4 || f.Passed != 3 || f.Results != 3 || f.Found != 2 {
		t.Errorf("got %+v, want 4 cases, 3 passed, 2 of 3 results", f)
	}
	if _, err := Numbers(t.TempDir()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("empty dir: err = %v", err)
	}
}

// TestNumbersSuite runs the real suite when it is present; the figures
// are reported by `sitrep eval numbers` and docs/BENCHMARKS.md.
func TestNumbersSuite(t *testing.T) {
	dir := "../../../shared/data/numbers"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("numbers suite not available")
	}
	rep, err := Numbers(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 13 {
		t.Errorf("%d spec files, want 13", len(rep.Files))
	}
	for _, f := range rep.Files {
		if f.Name == "NumberWithUnit/English/CurrencyModel.json" && f.PassRate() < 0.5 {
			t.Errorf("currency pass rate %.2f fell below 0.5", f.PassRate())
		}
	}
}
