// Package minhash computes MinHash signatures of sets of 64-bit feature
// hashes and cuts them into LSH bands, so that sets with a high Jaccard
// similarity land in a shared bucket with high probability while the cost
// of indexing or querying one set does not depend on how many are stored.
//
// Everything here is deterministic across runs and machines: signatures
// and band keys are persisted by the store and compared later.
package minhash

import (
	"encoding/binary"
	"math"
)

// Mix is the splitmix64 finaliser: a fast, well-distributed bijection on
// 64-bit values.
func Mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// HashString is 64-bit FNV-1a of s.
func HashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Combine folds the hash v into the running hash h (order-sensitive).
func Combine(h, v uint64) uint64 {
	return Mix(h*31 + v + 0x9e3779b97f4a7c15)
}

// Hasher computes signatures of a fixed length with fixed seeds.
type Hasher struct {
	seeds []uint64
}

// NewHasher returns a Hasher of n hash functions derived from seed.
func NewHasher(n int, seed uint64) *Hasher {
	h := &Hasher{seeds: make([]uint64, n)}
	s := seed
	for i := range h.seeds {
		s += 0x9e3779b97f4a7c15
		h.seeds[i] = Mix(s)
	}
	return h
}

// Size is the signature length.
func (h *Hasher) Size() int { return len(h.seeds) }

// Signature returns the MinHash signature of the set of feature hashes.
// Duplicates in features do not matter. An empty set gives a signature of
// all math.MaxUint64, which matches nothing in Bands.
func (h *Hasher) Signature(features []uint64) []uint64 {
	sig := make([]uint64, len(h.seeds))
	for i := range sig {
		sig[i] = math.MaxUint64
	}
	for _, f := range features {
		for i, s := range h.seeds {
			if v := Mix(f ^ s); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// Similarity estimates the Jaccard similarity of the sets behind two
// signatures of the same Hasher.
func Similarity(a, b []uint64) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	n := 0
	for i := range a {
		if a[i] == b[i] && a[i] != math.MaxUint64 {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// Bands cuts sig into bands of rows values each and returns one key per
// band, salted with the band number and tag (so bands of different
// signatures never collide). Keys are non-negative so they fit a signed
// 64-bit database column. An empty-set signature gives no keys.
func Bands(sig []uint64, rows int, tag uint64) []int64 {
	if rows <= 0 || len(sig) == 0 || sig[0] == math.MaxUint64 {
		return nil
	}
	var out []int64
	for b := 0; b+rows <= len(sig); b += rows {
		h := Combine(tag, uint64(b/rows))
		for _, v := range sig[b : b+rows] {
			h = Combine(h, v)
		}
		out = append(out, int64(h>>1))
	}
	return out
}

// Narrow keeps the top bits of each key of Bands (0 < bits <= 63) in
// place, so a key narrowed from a stored 63-bit key (k >> (63-bits))
// equals the key narrowed here from the same band. Smaller keys take less
// room in an index (SQLite stores a 31-bit integer in 4 bytes).
func Narrow(keys []int64, bits int) []int64 {
	if bits <= 0 || bits >= 63 {
		return keys
	}
	for i, k := range keys {
		keys[i] = k >> (63 - bits)
	}
	return keys
}

// Probability is the chance that two sets of Jaccard similarity j share at
// least one of bands buckets of rows values each: 1-(1-j^rows)^bands.
func Probability(j float64, bands, rows int) float64 {
	return 1 - math.Pow(1-math.Pow(j, float64(rows)), float64(bands))
}

// Encode packs a signature into bytes (little-endian), for storage.
func Encode(sig []uint64) []byte {
	b := make([]byte, 8*len(sig))
	for i, v := range sig {
		binary.LittleEndian.PutUint64(b[8*i:], v)
	}
	return b
}

// Decode unpacks a signature packed by Encode; a trailing partial value
// is ignored.
func Decode(b []byte) []uint64 {
	sig := make([]uint64, len(b)/8)
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return sig
}
