package perceptron

// Index maps feature keys to the rows of a weight table: row i belongs to
// the i-th smallest key. It is an open-addressed hash table with linear
// probing, filled once and read only after; a model of a million features
// builds it several times faster than a Go map when it loads, and a
// lookup usually reads one slot.
type Index struct {
	keys    []uint64 // the keys in row order (ascending)
	slots   []slot
	shift   uint
	zeroRow int32 // the row of key 0, which cannot have a slot; -1 if none
}

// slot is one place of the table; key 0 marks an empty slot.
type slot struct {
	key uint64
	row int32
}

// golden spreads keys over the table (Fibonacci hashing).
const golden = 0x9e3779b97f4a7c15

// NewIndex returns the index of keys, which must be ascending and
// distinct; it keeps keys.
func NewIndex(keys []uint64) *Index {
	size, bits := 1, uint(0)
	for size < 2*len(keys)+2 {
		size *= 2
		bits++
	}
	x := &Index{keys: keys, slots: make([]slot, size), shift: 64 - bits, zeroRow: -1}
	for r, k := range keys {
		if k == 0 {
			x.zeroRow = int32(r)
			continue
		}
		x.slots[x.find(k)] = slot{key: k, row: int32(r)}
	}
	return x
}

// find returns the slot of k (not 0), or the empty slot where it would go.
func (x *Index) find(k uint64) int {
	mask := len(x.slots) - 1
	for i := int((k * golden) >> x.shift); ; i = (i + 1) & mask {
		if s := x.slots[i].key; s == k || s == 0 {
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
	s := x.slots[x.find(k)]
	return s.row, s.key != 0
}

// Len returns the number of keys.
func (x *Index) Len() int {
	if x == nil {
		return 0
	}
	return len(x.keys)
}

// Keys returns the keys in row order; the caller must not change them.
func (x *Index) Keys() []uint64 {
	if x == nil {
		return nil
	}
	return x.keys
}
