package provenance

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"sitrep/internal/link/provenance/minhash"
)

// layout is one LSH band layout: bands and rows of the copy and content
// signatures, and the key width.
type layout struct {
	name                      string
	copyBands, copyRows       int
	contentBands, contentRows int
	bits                      int
}

// legacy is the layout before migration 0014: 20 + 20 bands of 3 rows,
// 63-bit keys.
var legacy = layout{"20+20 bands, 63-bit", 20, 3, 20, 3, 63}

// current is the layout keysOf uses.
var current = layout{"6+22 bands, 31-bit", copyBands, copyRows, contentBands, contentRows, KeyBits}

// keys returns a text's copy and content keys under l, from hashers with
// the step's seeds.
func (l layout) keys(ws []word) (copyKeys, contentKeys []int64) {
	ch := minhash.NewHasher(l.copyBands*l.copyRows, 0x5157_5245_5001)
	th := minhash.NewHasher(l.contentBands*l.contentRows, 0x5157_5245_5002)
	copyKeys = minhash.Narrow(minhash.Bands(ch.Signature(shingles(ws, shingleK)), l.copyRows, copyTag), l.bits)
	contentKeys = minhash.Narrow(minhash.Bands(th.Signature(contentSet(ws)), l.contentRows, contentTag), l.bits)
	return copyKeys, contentKeys
}

// madeUpWord returns a random lower-case word of 5 to 9 letters, never a
// stopword (all have at least five letters and no vowel pattern of one).
func madeUpWord(rng *rand.Rand) string {
	b := make([]byte, 5+rng.IntN(5))
	for i := range b {
		b[i] = byte('a' + rng.IntN(26))
	}
	return string(b)
}

// sentenceOf returns a sentence of n made-up words.
func sentenceOf(rng *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = madeUpWord(rng)
	}
	return strings.Join(ws, " ") + "."
}

// jaccard is the Jaccard index of two hash sets.
func jaccard(a, b []uint64) float64 {
	sa := map[uint64]bool{}
	for _, v := range a {
		sa[v] = true
	}
	sb := map[uint64]bool{}
	for _, v := range b {
		sb[v] = true
	}
	n := 0
	for v := range sb {
		if sa[v] {
			n++
		}
	}
	u := len(sa) + len(sb) - n
	if u == 0 {
		return 0
	}
	return float64(n) / float64(u)
}

func shareAny(a, b []int64) bool {
	return slices.ContainsFunc(a, func(k int64) bool { return slices.Contains(b, k) })
}

// TestLSHRecallAtJaccard measures, on synthetic pairs of texts at a
// controlled word-5-shingle Jaccard index (a 40-sentence text of made-up
// words and a copy of it with a share of its sentences replaced), how
// often the pair shares a band key under the current layout and the
// layout before it, per Jaccard bin, against the theoretical candidate
// probability 1-(1-J^rows)^bands. It fails if the current layout's copy
// bands do not behave as their theory says (a wiring error: bands lost,
// keys narrowed into collisions) or if recall of either signature falls
// below the floors the layout was chosen for.
func TestLSHRecallAtJaccard(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 5))
	type bin struct {
		lo, hi                      float64
		pairs                       int
		theory                      float64 // mean theoretical copy-band probability, current layout
		copyHit, contentHit, anyHit int     // current layout
		legacyAny                   int
		contentJ                    float64
	}
	bins := []*bin{{lo: 0.4, hi: 0.5}, {lo: 0.5, hi: 0.6}, {lo: 0.6, hi: 0.7}, {lo: 0.7, hi: 0.8}}
	for p := 0; p < 1500; p++ {
		sents := make([]string, 40)
		for i := range sents {
			sents[i] = sentenceOf(rng, 8+rng.IntN(10))
		}
		other := slices.Clone(sents)
		f := 0.06 + 0.3*rng.Float64()
		for i := range other {
			if rng.Float64() < f {
				other[i] = sentenceOf(rng, 8+rng.IntN(10))
			}
		}
		wa, wb := words(strings.Join(sents, " ")), words(strings.Join(other, " "))
		j := jaccard(shingles(wa, shingleK), shingles(wb, shingleK))
		var b *bin
		for _, c := range bins {
			if j >= c.lo && j < c.hi {
				b = c
			}
		}
		if b == nil || b.pairs >= 150 {
			continue
		}
		b.pairs++
		b.theory += minhash.Probability(j, current.copyBands, current.copyRows)
		b.contentJ += jaccard(contentSet(wa), contentSet(wb))
		ca, ta := current.keys(wa)
		cb, tb := current.keys(wb)
		if shareAny(ca, cb) {
			b.copyHit++
		}
		if shareAny(ta, tb) {
			b.contentHit++
		}
		if shareAny(append(ca, ta...), append(cb, tb...)) {
			b.anyHit++
		}
		la, lta := legacy.keys(wa)
		lb, ltb := legacy.keys(wb)
		if shareAny(append(la, lta...), append(lb, ltb...)) {
			b.legacyAny++
		}
	}
	t.Logf("%-9s %5s %8s %8s %8s %8s %10s %s", "shingle J", "pairs", "theory", "copy", "content", "any key", "before", "(content-word J)")
	for _, b := range bins {
		if b.pairs < 100 {
			t.Fatalf("bin %.1f–%.1f: only %d pairs", b.lo, b.hi, b.pairs)
		}
		n := float64(b.pairs)
		t.Logf("%.1f–%.1f   %5d %8.3f %8.3f %8.3f %8.3f %10.3f (%.2f)", b.lo, b.hi, b.pairs, b.theory/n,
			float64(b.copyHit)/n, float64(b.contentHit)/n, float64(b.anyHit)/n, float64(b.legacyAny)/n, b.contentJ/n)
		if d := float64(b.copyHit)/n - b.theory/n; d < -0.08 || d > 0.08 {
			t.Errorf("bin %.1f–%.1f: copy-band recall %.3f, theory %.3f", b.lo, b.hi, float64(b.copyHit)/n, b.theory/n)
		}
		floor := map[float64]float64{0.4: 0.9, 0.5: 0.97, 0.6: 0.99, 0.7: 0.99}[b.lo]
		if got := float64(b.anyHit) / n; got < floor {
			t.Errorf("bin %.1f–%.1f: recall %.3f < %.2f", b.lo, b.hi, got, floor)
		}
	}
}

// TestKeysAreNarrow checks the key count and width of the current layout,
// and that narrowing a stored 63-bit key (what migration 0014 does) gives
// the key computed now for the bands both layouts share.
func TestKeysAreNarrow(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	var sents []string
	for i := 0; i < 30; i++ {
		sents = append(sents, sentenceOf(rng, 12))
	}
	ws := words(strings.Join(sents, " "))
	ks := keysOf(ws)
	if len(ks) != copyBands+contentBands {
		t.Fatalf("%d keys, want %d", len(ks), copyBands+contentBands)
	}
	for _, k := range ks {
		if k < 0 || k >= 1<<KeyBits {
			t.Fatalf("key %d is not %d-bit", k, KeyBits)
		}
	}
	lc, lt := legacy.keys(ws)
	for i := 0; i < copyBands; i++ {
		if lc[i]>>(63-KeyBits) != ks[i] {
			t.Fatalf("copy band %d: old key %d narrows to %d, key now %d", i, lc[i], lc[i]>>(63-KeyBits), ks[i])
		}
	}
	for i := 0; i < min(contentBands, legacy.contentBands); i++ {
		if lt[i]>>(63-KeyBits) != ks[copyBands+i] {
			t.Fatalf("content band %d: old key narrows to %d, key now %d", i, lt[i]>>(63-KeyBits), ks[copyBands+i])
		}
	}
}
