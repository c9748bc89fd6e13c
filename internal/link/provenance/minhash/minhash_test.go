package minhash

import (
	"math"
	"testing"
)

func set(lo, hi int) []uint64 {
	var s []uint64
	for i := lo; i < hi; i++ {
		s = append(s, HashString(string(rune('a'+i%26))+string(rune(i))))
	}
	return s
}

func TestSimilarityEstimatesJaccard(t *testing.T) {
	h := NewHasher(256, 7)
	tests := []struct {
		name string
		a, b []uint64
		want float64
	}{
		{"identical", set(0, 500), set(0, 500), 1},
		{"disjoint", set(0, 500), set(500, 1000), 0},
		{"half", set(0, 600), set(200, 800), 400.0 / 800},
		{"subset", set(0, 100), set(0, 400), 0.25},
	}
	for _, tt := range tests {
		got := Similarity(h.Signature(tt.a), h.Signature(tt.b))
		if math.Abs(got-tt.want) > 0.08 {
			t.Errorf("%s: similarity %.3f, want %.3f ± 0.08", tt.name, got, tt.want)
		}
	}
}

func TestBands(t *testing.T) {
	h := NewHasher(60, 1)
	a, b := h.Signature(set(0, 300)), h.Signature(set(0, 300))
	ka, kb := Bands(a, 3, 5), Bands(b, 3, 5)
	if len(ka) != 20 {
		t.Fatalf("%d bands, want 20", len(ka))
	}
	for i := range ka {
		if ka[i] != kb[i] || ka[i] < 0 {
			t.Fatalf("band %d: %d vs %d", i, ka[i], kb[i])
		}
	}
	if other := Bands(a, 3, 6); other[0] == ka[0] {
		t.Error("tags do not separate keys")
	}
	if Bands(h.Signature(nil), 3, 5) != nil {
		t.Error("an empty set has band keys")
	}
	d := Bands(h.Signature(set(1000, 1300)), 3, 5)
	for i := range d {
		if d[i] == ka[i] {
			t.Errorf("disjoint sets share band %d", i)
		}
	}
}

func TestProbability(t *testing.T) {
	for _, tt := range []struct{ j, lo, hi float64 }{{0.5, 0.9, 0.95}, {0.9, 0.999, 1}, {0.1, 0, 0.03}} {
		if p := Probability(tt.j, 20, 3); p < tt.lo || p > tt.hi {
			t.Errorf("P(%.1f) = %.3f, want in [%.3f, %.3f]", tt.j, p, tt.lo, tt.hi)
		}
	}
}

func TestEncodeDecode(t *testing.T) {
	sig := NewHasher(8, 3).Signature(set(0, 10))
	got := Decode(Encode(sig))
	for i := range sig {
		if got[i] != sig[i] {
			t.Fatalf("value %d: %d, want %d", i, got[i], sig[i])
		}
	}
}

func BenchmarkSignature(b *testing.B) {
	h := NewHasher(60, 1)
	s := set(0, 500)
	for b.Loop() {
		h.Signature(s)
	}
}
