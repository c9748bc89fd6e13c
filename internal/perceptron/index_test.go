package perceptron

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestIndexFindsEveryKeyAndNoOther(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	set := map[uint64]bool{0: true, 1: true, 2: true}
	for len(set) < 5000 {
		set[rng.Uint64()] = true
	}
	keys := make([]uint64, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	x := NewIndex(keys)
	if x.Len() != len(keys) {
		t.Fatalf("Len = %d, want %d", x.Len(), len(keys))
	}
	for r, k := range keys {
		if got, ok := x.Get(k); !ok || int(got) != r {
			t.Fatalf("Get(%d) = %d, %v, want row %d", k, got, ok, r)
		}
	}
	for range 5000 {
		k := rng.Uint64()
		if _, ok := x.Get(k); ok != set[k] {
			t.Fatalf("Get(%d) found = %v, in the set = %v", k, ok, set[k])
		}
	}
	// Key 0 marks an empty slot: a table without it must not find it.
	y := NewIndex([]uint64{1})
	if _, ok := y.Get(0); ok {
		t.Error("Get(0) found a key never stored")
	}
	if r, ok := y.Get(1); !ok || r != 0 {
		t.Errorf("Get(1) = %d, %v", r, ok)
	}
	var empty *Index
	if _, ok := empty.Get(5); ok || empty.Len() != 0 {
		t.Error("a nil index is not empty")
	}
}
