package syntax

import (
	"errors"
	"fmt"
	"slices"

	"sitrep/internal/perceptron"
)

// Feature keys are 64-bit hashes of a template number and the values it
// combines. They are computed with the mixing functions below, which are
// fixed (not seeded), so that a model trained in one process scores the
// same keys in another.

const (
	mulA = 0x9e3779b97f4a7c15
	mulB = 0xc2b2ae3d27d4eb4f
)

// mix is the 64-bit finaliser of MurmurHash3.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

func key1(t, a uint64) uint64       { return mix(t*mulA ^ a) }
func key2(t, a, b uint64) uint64    { return mix(mix(t*mulA^a)*mulB ^ b) }
func key3(t, a, b, c uint64) uint64 { return mix(mix(mix(t*mulA^a)*mulB^b)*mulA ^ c) }

// hashString is 64-bit FNV-1a.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// tentry is one class weight of a feature during training: the current
// weight and the running sum used for averaging (Daumé's trick: the
// averaged weight is w - u/c after c updates steps).
type tentry struct {
	class uint16
	w     float32
	u     float64
}

// trainer is an averaged perceptron over sparse features and a small
// number of classes. Rows are created on the first update of a feature.
type trainer struct {
	classes int
	index   map[uint64]int32
	rows    [][]tentry
	c       float64 // number of training instances seen, from 1
}

func newTrainer(classes int) *trainer {
	return &trainer{classes: classes, index: map[uint64]int32{}, c: 1}
}

// score adds the current weights of keys to scores (len classes).
func (t *trainer) score(keys []uint64, scores []float32) {
	clear(scores)
	for _, k := range keys {
		r, ok := t.index[k]
		if !ok {
			continue
		}
		for _, e := range t.rows[r] {
			scores[e.class] += e.w
		}
	}
}

// update moves the weights of keys towards class good and away from bad.
func (t *trainer) update(keys []uint64, good, bad int) {
	if good == bad {
		return
	}
	for _, k := range keys {
		r, ok := t.index[k]
		if !ok {
			r = int32(len(t.rows))
			t.index[k] = r
			t.rows = append(t.rows, nil)
		}
		row := t.rows[r]
		row = bump(row, good, 1, t.c)
		row = bump(row, bad, -1, t.c)
		t.rows[r] = row
	}
}

func bump(row []tentry, class int, d float32, c float64) []tentry {
	for i := range row {
		if int(row[i].class) == class {
			row[i].w += d
			row[i].u += c * float64(d)
			return row
		}
	}
	return append(row, tentry{class: uint16(class), w: d, u: c * float64(d)})
}

// tick counts one training instance.
func (t *trainer) tick() { t.c++ }

// averaged returns the averaged weights as an immutable model, leaving
// out weights smaller than prune in magnitude.
func (t *trainer) averaged(prune float32) *weights {
	keys := make([]uint64, 0, len(t.index))
	for k := range t.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b := newWeightsBuilder(t.classes, len(keys))
	var cls []uint8
	var ws []float32
	for _, k := range keys {
		row := slices.Clone(t.rows[t.index[k]])
		slices.SortFunc(row, func(a, b tentry) int { return int(a.class) - int(b.class) })
		cls, ws = cls[:0], ws[:0]
		for _, e := range row {
			v := float32(float64(e.w) - e.u/t.c)
			if v > prune || v < -prune {
				cls = append(cls, uint8(e.class))
				ws = append(ws, v)
			}
		}
		if len(cls) > 0 {
			b.add(k, cls, ws)
		}
	}
	return b.build()
}

// weights is a trained, immutable sparse weight table: for each feature
// key, the classes it has a weight for. Lookups use open addressing; a
// slot holds the key and where its entries are, and the entries of a
// feature are contiguous, so a lookup touches two cache lines. A table of
// denseClasses classes (the parser's moves) keeps instead the
// key and its weights for every class in one slot of dense, so that a
// lookup touches one cache line (scores are the same: a missing weight
// adds 0, and every class sums its weights in the same order).
type weights struct {
	classes int
	slots   []wslot
	dense   []dslot
	shift   uint
	ent     []wentry
	keys    []uint64 // the keys in row order (sorted), for writing
	starts  []uint32 // with dense: where row r's entries start in ent (len rows+1)
}

// denseClasses is the class count of tables stored in dense slots.
const denseClasses = 3

// dslot is one slot of a dense table; key 0 marks an empty slot.
type dslot struct {
	key uint64
	w   [denseClasses]float32
	_   uint32
}

// wslot is one slot of the table; key 0 marks an empty slot.
type wslot struct {
	key   uint64
	start uint32
	n     uint32
}

// wentry is one class weight.
type wentry struct {
	w     float32
	class uint32
}

type weightsBuilder struct {
	m      *weights
	counts []uint32
}

// newWeightsBuilder returns a builder for about rows features (most
// features have one to three weights).
func newWeightsBuilder(classes, rows int) *weightsBuilder {
	return &weightsBuilder{
		m:      &weights{classes: classes, keys: make([]uint64, 0, rows), ent: make([]wentry, 0, 2*rows)},
		counts: make([]uint32, 0, rows),
	}
}

func (b *weightsBuilder) add(k uint64, cls []uint8, ws []float32) {
	b.m.keys = append(b.m.keys, k)
	b.counts = append(b.counts, uint32(len(cls)))
	for i, c := range cls {
		b.m.ent = append(b.m.ent, wentry{w: ws[i], class: uint32(c)})
	}
}

func (b *weightsBuilder) build() *weights {
	m := b.m
	size := 1
	bits := uint(0)
	for size < 2*len(m.keys)+2 {
		size *= 2
		bits++
	}
	m.shift = 64 - bits
	start := uint32(0)
	if m.classes == denseClasses {
		m.dense = make([]dslot, size)
		m.starts = make([]uint32, 0, len(m.keys)+1)
		for r, k := range m.keys {
			m.starts = append(m.starts, start)
			k = nonzero(k)
			d := &m.dense[m.dslot(k)]
			d.key = k
			for _, e := range m.ent[start : start+b.counts[r]] {
				d.w[e.class] = e.w
			}
			start += b.counts[r]
		}
		m.starts = append(m.starts, start)
		return m
	}
	m.slots = make([]wslot, size)
	for r, k := range m.keys {
		k = nonzero(k)
		m.slots[m.slot(k)] = wslot{key: k, start: start, n: b.counts[r]}
		start += b.counts[r]
	}
	return m
}

// dslot returns the dense slot of k, or the empty slot where it would go.
func (m *weights) dslot(k uint64) int {
	return m.dslotFrom(k, int((k*mulA)>>m.shift))
}

// dslotFrom is dslot probing from slot i on.
func (m *weights) dslotFrom(k uint64, i int) int {
	mask := len(m.dense) - 1
	for {
		s := m.dense[i].key
		if s == k || s == 0 {
			return i
		}
		i = (i + 1) & mask
	}
}

// nonzero keeps key 0 free to mark empty slots.
func nonzero(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

// slot returns the slot of k, or the empty slot where it would go.
func (m *weights) slot(k uint64) int {
	return m.slotFrom(k, int((k*mulA)>>m.shift))
}

// slotFrom is slot probing from slot i on.
func (m *weights) slotFrom(k uint64, i int) int {
	mask := len(m.slots) - 1
	for {
		s := m.slots[i].key
		if s == k || s == 0 {
			return i
		}
		i = (i + 1) & mask
	}
}

// rows returns the number of features with weights.
func (m *weights) rows() int { return len(m.keys) }

// chunk is how many keys score looks up at once.
const chunk = 64

// score sets scores (len classes) to the summed weights of keys.
//
// The table is much larger than the caches, so nearly every lookup is a
// cache miss; score looks keys up in chunks, first loading the home slot
// of every key of the chunk (independent loads, whose misses the CPU
// overlaps), then resolving each key and summing its weights in key
// order, so that the sums are bit for bit those of one key at a time.
func (m *weights) score(keys []uint64, scores []float32) {
	clear(scores)
	for len(keys) > 0 {
		n := min(len(keys), chunk)
		if m.dense != nil {
			m.scoreDense(keys[:n], scores[:denseClasses:denseClasses])
		} else {
			m.scoreSparse(keys[:n], scores)
		}
		keys = keys[n:]
	}
}

func (m *weights) scoreDense(keys []uint64, sc []float32) {
	var at [chunk]int32
	var seen [chunk]uint64
	mask := len(m.dense) - 1
	for j, k := range keys {
		i := int((nonzero(k)*mulA)>>m.shift) & mask
		at[j] = int32(i)
		seen[j] = m.dense[i].key
	}
	for j, k := range keys {
		k = nonzero(k)
		i := int(at[j])
		if s := seen[j]; s != k {
			if s == 0 {
				continue
			}
			i = m.dslotFrom(k, (i+1)&mask)
			if m.dense[i].key != k {
				continue
			}
		}
		d := &m.dense[i]
		sc[0] += d.w[0]
		sc[1] += d.w[1]
		sc[2] += d.w[2]
	}
}

func (m *weights) scoreSparse(keys []uint64, scores []float32) {
	var at [chunk]int32
	var seen [chunk]uint64
	mask := len(m.slots) - 1
	for j, k := range keys {
		i := int((nonzero(k)*mulA)>>m.shift) & mask
		at[j] = int32(i)
		seen[j] = m.slots[i].key
	}
	// Resolve the slots and load the first entry of each row.
	var first [chunk]float32
	for j, k := range keys {
		k = nonzero(k)
		i := int(at[j])
		if s := seen[j]; s != k {
			if s == 0 {
				at[j] = -1
				continue
			}
			i = m.slotFrom(k, (i+1)&mask)
			if m.slots[i].key != k {
				at[j] = -1
				continue
			}
			at[j] = int32(i)
		}
		first[j] = m.ent[m.slots[i].start].w
	}
	for j := range keys {
		if at[j] < 0 {
			continue
		}
		s := &m.slots[at[j]]
		row := m.ent[s.start : s.start+s.n]
		scores[row[0].class] += first[j]
		for _, e := range row[1:] {
			scores[e.class] += e.w
		}
	}
}

// row returns the entries of key k (nil when it has none).
func (m *weights) row(k uint64) []wentry {
	if m.dense != nil {
		r, ok := slices.BinarySearch(m.keys, k)
		if !ok {
			return nil
		}
		return m.ent[m.starts[r]:m.starts[r+1]]
	}
	s := &m.slots[m.slot(nonzero(k))]
	if s.key == 0 {
		return nil
	}
	return m.ent[s.start : s.start+s.n]
}

// write appends m to w: class count, rows with delta-coded keys, class
// indices and float32 weights.
func (m *weights) write(w *perceptron.Writer) error {
	w.Uvarint(uint64(m.classes))
	w.Uvarint(uint64(len(m.keys)))
	prev := uint64(0)
	for _, k := range m.keys {
		w.Uvarint(k - prev)
		prev = k
		row := m.row(k)
		w.Uvarint(uint64(len(row)))
		for _, e := range row {
			w.WriteByte(byte(e.class))
			w.Float32(e.w)
		}
	}
	return nil
}

// readWeights reads what write wrote.
func readWeights(r *perceptron.Reader) (*weights, error) {
	classes := r.Uvarint()
	if err := r.Err(); err != nil {
		return nil, err
	}
	if classes == 0 || classes > 256 {
		return nil, fmt.Errorf("bad class count %d", classes)
	}
	n := r.Uvarint()
	if err := r.Err(); err != nil {
		return nil, err
	}
	if n > 1<<26 || n > uint64(r.Len()) {
		return nil, fmt.Errorf("bad feature count %d", n)
	}
	b := newWeightsBuilder(int(classes), int(n))
	prev := uint64(0)
	var cls []uint8
	var ws []float32
	for range n {
		prev += r.Uvarint()
		cnt := r.Uvarint()
		if err := r.Err(); err != nil {
			return nil, err
		}
		if cnt == 0 || cnt > classes {
			return nil, errors.New("bad row")
		}
		cls, ws = cls[:0], ws[:0]
		for range cnt {
			c, err := r.ReadByte()
			if err != nil {
				return nil, err
			}
			if uint64(c) >= classes {
				return nil, errors.New("bad class")
			}
			cls = append(cls, c)
			ws = append(ws, r.Float32())
		}
		if err := r.Err(); err != nil {
			return nil, err
		}
		b.add(prev, cls, ws)
	}
	return b.build(), nil
}

// pruned returns a copy of m without the weights whose magnitude is
// below t; features left with no weight are dropped.
func (m *weights) pruned(t float32) *weights {
	b := newWeightsBuilder(m.classes, m.rows())
	var cls []uint8
	var ws []float32
	for _, k := range m.keys {
		cls, ws = cls[:0], ws[:0]
		for _, e := range m.row(k) {
			if e.w >= t || e.w <= -t {
				cls = append(cls, uint8(e.class))
				ws = append(ws, e.w)
			}
		}
		if len(cls) > 0 {
			b.add(k, cls, ws)
		}
	}
	return b.build()
}
