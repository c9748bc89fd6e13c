package ner

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
)

// WriteClusters writes clusters gzipped, as lines "word<TAB>path" sorted
// by word, after a "#" comment naming their origin.
func WriteClusters(w io.Writer, clusters map[string]string, comment string) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for _, line := range strings.Split(strings.TrimSpace(comment), "\n") {
		fmt.Fprintf(bw, "# %s\n", line)
	}
	words := make([]string, 0, len(clusters))
	for w := range clusters {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		fmt.Fprintf(bw, "%s\t%s\n", w, clusters[w])
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ReadClusters reads what WriteClusters wrote.
func ReadClusters(r io.Reader) (map[string]string, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	out := map[string]string{}
	sc := bufio.NewScanner(zr)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w, path, ok := strings.Cut(line, "\t")
		if !ok || w == "" || path == "" || strings.Trim(path, "01") != "" {
			return nil, fmt.Errorf("clusters line %d: want word<TAB>bits, got %q", n, line)
		}
		out[w] = path
	}
	return out, sc.Err()
}

// ClusterKey is the form of a word that word clusters are induced and
// looked up by: typographic quotes straightened, lower-cased.
func ClusterKey(w string) string { return strings.ToLower(normalize(w)) }

// Brown induces hierarchical word clusters from unlabelled sentences with
// Brown et al.'s (1992) class-based bigram model, using the windowed
// algorithm of Liang (2005): words enter in order of frequency, at most
// classes+1 clusters are active, and each time a word enters, the two
// clusters whose merge loses the least average mutual information
// between adjacent clusters are merged. When every word has entered, the
// remaining clusters are merged down to one, and each word's cluster is
// named by its path in that binary tree ("0110…"), so that prefixes of
// the path are coarser clusters. Words seen fewer than minCount times get
// no cluster. Keys are ClusterKey forms. The result is deterministic.
func Brown(sents [][]string, classes, minCount int) map[string]string {
	b, vocab := brownInput(sents, classes, minCount)
	return b.run(vocab)
}

// brownInput counts the vocabulary (in entry order) and its bigrams.
func brownInput(sents [][]string, classes, minCount int) (*brownState, []string) {
	if classes < 2 {
		classes = 2
	}
	// Vocabulary by frequency, then spelling.
	freq := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			freq[ClusterKey(w)]++
		}
	}
	var vocab []string
	for w, n := range freq {
		if n >= minCount {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if freq[vocab[i]] != freq[vocab[j]] {
			return freq[vocab[i]] > freq[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	id := make(map[string]int32, len(vocab))
	for i, w := range vocab {
		id[w] = int32(i)
	}
	// Bigram counts between vocabulary words.
	pairs := map[[2]int32]float64{}
	total := 0.0
	for _, s := range sents {
		prev := int32(-1)
		for _, w := range s {
			cur, ok := id[ClusterKey(w)]
			if !ok {
				prev = -1
				continue
			}
			if prev >= 0 {
				pairs[[2]int32{prev, cur}]++
				total++
			}
			prev = cur
		}
	}
	b := newBrownState(len(vocab), classes)
	if total == 0 {
		total = 1
	}
	for k, c := range pairs {
		p := c / total
		b.right[k[0]] = append(b.right[k[0]], edge{k[1], p})
		if k[0] != k[1] {
			b.left[k[1]] = append(b.left[k[1]], edge{k[0], p})
		}
	}
	// Sum the marginals in a fixed order: floating-point sums in map
	// order would differ in the last bits between runs and could tip a
	// near-tie between two merges.
	for i := range b.right {
		sortEdges(b.right[i])
		sortEdges(b.left[i])
	}
	for i, es := range b.right {
		for _, e := range es {
			b.wl[i] += e.p
			b.wr[e.to] += e.p
		}
	}
	return b, vocab
}

type edge struct {
	to int32
	p  float64
}

func sortEdges(es []edge) { sort.Slice(es, func(i, j int) bool { return es[i].to < es[j].to }) }

// brownState is the windowed clustering: n = classes+1 slots, each
// holding an active cluster or free.
type brownState struct {
	n, classes  int
	right, left [][]edge  // word bigrams: word → following / preceding words
	wl, wr      []float64 // word marginals as left and right member of a bigram
	slotOf      []int32   // word → slot, -1 before it enters
	members     [][]int32 // slot → its words

	p2     []float64 // p2[a*n+b]: probability of a cluster-a word followed by a cluster-b word
	pl, pr []float64 // cluster marginals
	w      []float64 // w[a*n+b]: the mutual-information terms between clusters a and b
	loss   []float64 // loss[a*n+b], a < b: the information lost by merging a and b
	active []bool
	order  []int // active slots, ascending
}

func newBrownState(words, classes int) *brownState {
	n := classes + 1
	b := &brownState{
		n: n, classes: classes,
		right: make([][]edge, words), left: make([][]edge, words),
		wl: make([]float64, words), wr: make([]float64, words), slotOf: make([]int32, words),
		p2: make([]float64, n*n), pl: make([]float64, n), pr: make([]float64, n),
		w: make([]float64, n*n), loss: make([]float64, n*n), active: make([]bool, n),
		members: make([][]int32, n),
	}
	for i := range b.slotOf {
		b.slotOf[i] = -1
	}
	return b
}

// q is one term of the mutual information: p(a,b) log p(a,b)/(p(a)p(b)).
func q(pab, pa, pb float64) float64 {
	if pab <= 0 {
		return 0
	}
	return pab * math.Log(pab/(pa*pb))
}

// weight is the information between clusters a and b (a == b: within a).
func (b *brownState) weight(x, y int) float64 {
	n := b.n
	if x == y {
		return q(b.p2[x*n+x], b.pl[x], b.pr[x])
	}
	return q(b.p2[x*n+y], b.pl[x], b.pr[y]) + q(b.p2[y*n+x], b.pl[y], b.pr[x])
}

// merged is the information between the union of clusters i and j and
// a third cluster x.
func (b *brownState) merged(i, j, x int) float64 {
	n := b.n
	ab, ba := b.p2[i*n+x]+b.p2[j*n+x], b.p2[x*n+i]+b.p2[x*n+j]
	if ab == 0 && ba == 0 {
		return 0
	}
	return q(ab, b.pl[i]+b.pl[j], b.pr[x]) + q(ba, b.pl[x], b.pr[i]+b.pr[j])
}

// delta is what cluster x contributes to the loss of merging i and j.
func (b *brownState) delta(i, j, x int) float64 {
	return b.w[i*b.n+x] + b.w[j*b.n+x] - b.merged(i, j, x)
}

// fullLoss computes the loss of merging i and j from scratch.
func (b *brownState) fullLoss(i, j int) float64 {
	n := b.n
	l := b.w[i*n+i] + b.w[j*n+j] + b.w[i*n+j]
	for _, u := range b.order {
		if u != i && u != j {
			l += b.delta(i, j, u)
		}
	}
	within := b.p2[i*n+i] + b.p2[i*n+j] + b.p2[j*n+i] + b.p2[j*n+j]
	return l - q(within, b.pl[i]+b.pl[j], b.pr[i]+b.pr[j])
}

// refresh recomputes the cached weights of slot x.
func (b *brownState) refresh(x int) {
	for _, u := range b.order {
		v := b.weight(x, u)
		b.w[x*b.n+u], b.w[u*b.n+x] = v, v
	}
}

// adjust adds sign times x's contribution to the loss of every active
// pair that does not include x.
func (b *brownState) adjust(x int, sign float64) {
	for a, i := range b.order {
		if i == x {
			continue
		}
		for _, j := range b.order[a+1:] {
			if j != x {
				b.loss[i*b.n+j] += sign * b.delta(i, j, x)
			}
		}
	}
}

// recomputeLosses computes from scratch the loss of every pair with x.
func (b *brownState) recomputeLosses(x int) {
	for _, u := range b.order {
		if u < x {
			b.loss[u*b.n+x] = b.fullLoss(u, x)
		} else if u > x {
			b.loss[x*b.n+u] = b.fullLoss(x, u)
		}
	}
}

func (b *brownState) setActive(x int, on bool) {
	b.active[x] = on
	b.order = b.order[:0]
	for i, a := range b.active {
		if a {
			b.order = append(b.order, i)
		}
	}
}

// enter puts word wd into the free slot x.
func (b *brownState) enter(wd int32, x int) {
	n := b.n
	b.slotOf[wd] = int32(x)
	b.members[x] = append(b.members[x], wd)
	for _, e := range b.right[wd] {
		if s := b.slotOf[e.to]; s >= 0 {
			b.p2[x*n+int(s)] += e.p
		}
	}
	for _, e := range b.left[wd] {
		if s := b.slotOf[e.to]; s >= 0 {
			b.p2[int(s)*n+x] += e.p
		}
	}
	b.pl[x], b.pr[x] = b.wl[wd], b.wr[wd]
	b.setActive(x, true)
	b.refresh(x)
	b.adjust(x, +1)
	b.recomputeLosses(x)
}

// best returns the active pair whose merge loses least.
func (b *brownState) best() (int, int) {
	bi, bj, bl := -1, -1, math.Inf(1)
	for a, i := range b.order {
		for _, j := range b.order[a+1:] {
			if l := b.loss[i*b.n+j]; l < bl {
				bi, bj, bl = i, j, l
			}
		}
	}
	return bi, bj
}

// merge joins slot t into slot s (s < t) and frees t.
func (b *brownState) merge(s, t int) {
	n := b.n
	b.adjust(s, -1)
	b.adjust(t, -1)
	for _, u := range b.order {
		if u != s && u != t {
			b.p2[s*n+u] += b.p2[t*n+u]
			b.p2[u*n+s] += b.p2[u*n+t]
		}
	}
	b.p2[s*n+s] += b.p2[s*n+t] + b.p2[t*n+s] + b.p2[t*n+t]
	b.pl[s] += b.pl[t]
	b.pr[s] += b.pr[t]
	for u := range n {
		b.p2[t*n+u], b.p2[u*n+t] = 0, 0
		b.w[t*n+u], b.w[u*n+t] = 0, 0
	}
	b.pl[t], b.pr[t] = 0, 0
	for _, wd := range b.members[t] {
		b.slotOf[wd] = int32(s)
	}
	b.members[s] = append(b.members[s], b.members[t]...)
	b.members[t] = nil
	b.setActive(t, false)
	b.refresh(s)
	b.adjust(s, +1)
	b.recomputeLosses(s)
}

// run clusters the words (in frequency order) and returns their paths.
func (b *brownState) run(vocab []string) map[string]string {
	if len(vocab) == 0 {
		return map[string]string{}
	}
	free := func() int {
		for x, a := range b.active {
			if !a {
				return x
			}
		}
		return -1
	}
	for wd := range vocab {
		x := free()
		b.enter(int32(wd), x)
		if len(b.order) > b.classes {
			b.merge(b.best())
		}
	}
	// Merge the final clusters down to one, building the tree.
	type node struct{ left, right int }
	var tree []node
	nodeOf := make([]int, b.n)
	leaf := map[int][]int32{} // tree node → its words
	for _, x := range b.order {
		nodeOf[x] = len(tree)
		leaf[len(tree)] = b.members[x]
		tree = append(tree, node{-1, -1})
	}
	for len(b.order) > 1 {
		s, t := b.best()
		b.merge(s, t)
		tree = append(tree, node{nodeOf[s], nodeOf[t]})
		nodeOf[s] = len(tree) - 1
	}
	out := make(map[string]string, len(vocab))
	var walk func(k int, path string)
	walk = func(k int, path string) {
		if tree[k].left < 0 {
			for _, wd := range leaf[k] {
				out[vocab[wd]] = path
			}
			return
		}
		walk(tree[k].left, path+"0")
		walk(tree[k].right, path+"1")
	}
	walk(len(tree)-1, "")
	if len(tree) == 1 { // one cluster: give it a one-bit name
		for w := range out {
			out[w] = "0"
		}
	}
	return out
}
