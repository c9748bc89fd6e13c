package syntax

import (
	"bufio"
	"bytes"
	"slices"
	"testing"

	"sitrep/internal/perceptron"
)

// TestDenseScoresAsSparse checks that a three-class table, kept in dense
// slots, scores exactly as summing its sparse rows in key order does, and
// that it writes and reads back unchanged.
func TestDenseScoresAsSparse(t *testing.T) {
	b := newWeightsBuilder(3, 0)
	var all []uint64
	for i := uint64(1); i <= 2000; i++ {
		k := mix(i) | 1
		all = append(all, k)
	}
	// Keys in sorted order, with 1 to 3 classes each.
	sorted := slices.Sorted(slices.Values(all))
	for i, k := range sorted {
		var cls []uint8
		var ws []float32
		for c := range 3 {
			if (i+c)%4 != 0 {
				cls = append(cls, uint8(c))
				ws = append(ws, float32(i%13)*0.37-float32(c)*1.1)
			}
		}
		b.add(k, cls, ws)
	}
	m := b.build()
	if m.dense == nil {
		t.Fatal("a three-class table is not dense")
	}
	keys := append(all[:500:500], 12345, 678) // two keys with no weights
	got := make([]float32, 3)
	m.score(keys, got)
	want := make([]float32, 3)
	for _, k := range keys {
		for _, e := range m.row(k) {
			want[e.class] += e.w
		}
	}
	if got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("dense scores %v, sparse %v", got, want)
	}
	if want[0] == 0 && want[1] == 0 && want[2] == 0 {
		t.Error("the test keys have no weights")
	}
	var buf bytes.Buffer
	w := perceptron.NewWriter(bufio.NewWriter(&buf))
	m.write(w)
	w.Flush()
	back, err := readWeights(perceptron.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var buf2 bytes.Buffer
	w2 := perceptron.NewWriter(bufio.NewWriter(&buf2))
	back.write(w2)
	w2.Flush()
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("a dense table does not write back the bytes it read")
	}
}

// TestSparseScoresAsRows checks that a sparse table, looked up in
// chunks, scores exactly as summing its rows in key order does, for
// fewer keys than a chunk and more.
func TestSparseScoresAsRows(t *testing.T) {
	const classes = 20
	b := newWeightsBuilder(classes, 0)
	var all []uint64
	for i := uint64(1); i <= 3000; i++ {
		all = append(all, mix(i)|1)
	}
	sorted := slices.Sorted(slices.Values(all))
	for i, k := range sorted {
		var cls []uint8
		var ws []float32
		for c := range classes {
			if (i*7+c*3)%(1+i%9) == 0 {
				cls = append(cls, uint8(c))
				ws = append(ws, float32(i%17)*0.31-float32(c)*0.7)
			}
		}
		if len(cls) == 0 {
			cls, ws = append(cls, uint8(i%classes)), append(ws, 0.5)
		}
		b.add(k, cls, ws)
	}
	m := b.build()
	keys := append(all[:200:200], 12345, 678) // two keys with no weights
	for _, n := range []int{1, 7, chunk, chunk + 1, len(keys)} {
		got := make([]float32, classes)
		m.score(keys[:n], got)
		want := make([]float32, classes)
		for _, k := range keys[:n] {
			for _, e := range m.row(k) {
				want[e.class] += e.w
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%d keys: scores %v, rows summed %v", n, got, want)
		}
	}
}
