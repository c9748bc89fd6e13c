package perceptron

import (
	"bytes"
	"hash/fnv"
	"runtime"
	"slices"
	"testing"
)

func TestSaveOpenRoundTrip(t *testing.T) {
	index := NewIndex([]uint64{7, 900, 1 << 40})
	w := []float32{-2, 0, 0, 0, 1.5, 0, 0, 0, 3.25}
	var b bytes.Buffer
	err := Save(&b, "magic-2\n", func(pw *Writer) error {
		pw.Uvarint(300)
		pw.String("héllo")
		pw.Float32(-0.5)
		pw.StringMap(map[string]string{"b": "2", "a": "1"})
		pw.Weights(index, w, 3)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := Open(bytes.NewReader(b.Bytes()), "magic-3\n"); err == nil {
		t.Error("Open accepted a magic it was not given")
	}
	r, magic, err := Open(bytes.NewReader(b.Bytes()), "magic-1\n", "magic-2\n")
	if err != nil || magic != "magic-2\n" {
		t.Fatalf("Open: magic %q, err %v", magic, err)
	}
	if v := r.Uvarint(); v != 300 {
		t.Errorf("Uvarint = %d", v)
	}
	if s := r.String(10); s != "héllo" {
		t.Errorf("String = %q", s)
	}
	if f := r.Float32(); f != -0.5 {
		t.Errorf("Float32 = %v", f)
	}
	if mp := r.StringMap(r.Uvarint(), 10); len(mp) != 2 || mp["a"] != "1" || mp["b"] != "2" {
		t.Errorf("StringMap = %v", mp)
	}
	gi, gw, err := r.Weights(3, 10)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(gi.Keys(), index.Keys()) || !slices.Equal(gw, w) {
		t.Errorf("Weights = %v %v, want %v %v", gi.Keys(), gw, index.Keys(), w)
	}
	if r.Err() != nil {
		t.Error(r.Err())
	}
	r.Uvarint()
	if r.Err() == nil {
		t.Error("reading past the end gave no error")
	}
}

func TestWeightsBounds(t *testing.T) {
	var b bytes.Buffer
	Save(&b, "m\n", func(pw *Writer) error {
		pw.Weights(NewIndex([]uint64{1, 2}), []float32{1, 0, 0, 1}, 2)
		return nil
	})
	r, _, _ := Open(bytes.NewReader(b.Bytes()), "m\n")
	if _, _, err := r.Weights(2, 1); err == nil {
		t.Error("two rows read with a limit of one")
	}
	r, _, _ = Open(bytes.NewReader(b.Bytes()), "m\n")
	if _, _, err := r.Weights(1, 10); err == nil {
		t.Error("a label past the width was read")
	}
	// A count larger than the bytes left cannot be a table: no reader
	// allocates for it.
	var big bytes.Buffer
	Save(&big, "m\n", func(pw *Writer) error {
		pw.Uvarint(1 << 25)
		return nil
	})
	r, _, _ = Open(bytes.NewReader(big.Bytes()), "m\n")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, _, err := r.Weights(2, 1<<26)
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Error("a table of 2^25 rows was read from a few bytes")
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
		t.Errorf("reading a damaged count allocated %d bytes", n)
	}
}

func TestPrune(t *testing.T) {
	index := NewIndex([]uint64{3, 5, 9})
	w := []float32{1e-5, -1e-5, 0.5, 1e-5, 0, -0.2}
	gi, gw := Prune(index, w, 2, 1e-4)
	if !slices.Equal(gi.Keys(), []uint64{5, 9}) || !slices.Equal(gw, []float32{0.5, 0, 0, -0.2}) {
		t.Errorf("Prune = %v %v", gi.Keys(), gw)
	}
	if r, ok := gi.Get(9); !ok || r != 1 {
		t.Errorf("Get(9) = %d, %v after Prune", r, ok)
	}
}

func TestHashIsFNV1a(t *testing.T) {
	h := fnv.New64a()
	h.Write([]byte{7, 'a', 'b', 0xff, 'c', 0xff})
	if got := Key2(7, "ab", "c"); got != h.Sum64() {
		t.Errorf("Key2 = %x, want FNV-1a %x", got, h.Sum64())
	}
	if Key2(7, "ab", "c") == Key2(7, "a", "bc") {
		t.Error("Key2 does not separate its strings")
	}
	if HashCat(Offset, "ab", "c") != HashString(Offset, "abc") {
		t.Error("HashCat differs from HashString of the joined string")
	}
	if Key3(1, "a", "b", "c") != HashString(Key2(1, "a", "b"), "c") || Key1(1, "a") != HashString(HashByte(Offset, 1), "a") {
		t.Error("Key1/Key3 do not chain")
	}
}

func TestAveraged(t *testing.T) {
	// One weight set to 2 at step 1 of 4, one never updated.
	got := Averaged([]float32{2, 0}, []float64{2 * 1, 0}, 4)
	if !slices.Equal(got, []float32{1.5, 0}) {
		t.Errorf("Averaged = %v, want [1.5 0]", got)
	}
}

func TestShapes(t *testing.T) {
	for _, c := range []struct {
		w, full, short    string
		maxFull, maxShort int
	}{
		{"Kyiv-2", "Xxxx-d", "Xx-d", 16, 64},
		{"Ölçer", "Xxxxx", "Xx", 16, 64},
		{"東京", "**", "*", 16, 64},
		{"abcdef", "xxx", "x", 3, -1},
		{"aBaBaB", "xXxXxX", "xXx", 16, 3},
	} {
		full, short := Shapes(c.w, c.maxFull, c.maxShort)
		if full != c.full || short != c.short {
			t.Errorf("Shapes(%q) = %q, %q, want %q, %q", c.w, full, short, c.full, c.short)
		}
	}
}
