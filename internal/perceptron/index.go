package perceptron

import "slices"

// Index maps feature keys to the rows of a weight table: row i belongs to
// the i-th smallest key. It is an open-addressed hash table with linear
// probing, filled once and read only after; a model of a million features
// builds it several times faster than a Go map when it loads. The keys
// and their rows sit in two arrays: most lookups of a tagger miss, and a
// miss reads only the keys.
type Index struct {
	slots   []uint64 // key 0 marks an empty slot
	rows    []int32  // the row of the key in the same slot
	shift   uint
	n       int
	zeroRow int32 // the row of key 0, which cannot have a slot; -1 if none
}

// golden spreads keys over the table (Fibonacci hashing).
const golden = 0x9e3779b97f4a7c15

// NewIndex returns the index of keys, which must be ascending and
// distinct.
func NewIndex(keys []uint64) *Index {
	// At most 60% full: a miss then probes about four slots.
	size, bits := 1, uint(0)
	for size*3 < len(keys)*5+3 {
		size *= 2
		bits++
	}
	x := &Index{slots: make([]uint64, size), rows: make([]int32, size), shift: 64 - bits, n: len(keys), zeroRow: -1}
	for r, k := range keys {
		if k == 0 {
			x.zeroRow = int32(r)
			continue
		}
		i := x.find(k)
		x.slots[i], x.rows[i] = k, int32(r)
	}
	return x
}

// find returns the slot of k (not 0), or the empty slot where it would go.
func (x *Index) find(k uint64) int {
	mask := len(x.slots) - 1
	for i := int((k * golden) >> x.shift); ; i = (i + 1) & mask {
		if s := x.slots[i]; s == k || s == 0 {
			return i
		}
	}
}

// Get returns the row of k and whether k has one.
func (x *Index) Get(k uint64) (int32, bool) {
	if x == nil {
		return 0, false
	}
	if k == 0 {
		return x.zeroRow, x.zeroRow >= 0
	}
	i := x.find(k)
	if x.slots[i] == 0 {
		return 0, false
	}
	return x.rows[i], true
}

// Len returns the number of keys.
func (x *Index) Len() int {
	if x == nil {
		return 0
	}
	return x.n
}

// Keys returns the keys in row order (ascending), for writing a model.
func (x *Index) Keys() []uint64 {
	if x == nil {
		return nil
	}
	keys := make([]uint64, 0, x.n)
	if x.zeroRow >= 0 {
		keys = append(keys, 0)
	}
	for _, k := range x.slots {
		if k != 0 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}
