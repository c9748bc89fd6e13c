package syntax

import (
	"fmt"
	"io"
	"math/rand/v2"

	"sitrep/internal/news"
)

// Parser is a greedy arc-hybrid dependency parser with averaged
// perceptrons: one scores the three moves, one labels each arc as it is
// made. It is immutable and safe for concurrent use.
type Parser struct {
	moves  *weights
	labels *weights
	// Labels are the dependency relations, by label id; Labels[rootLabel]
	// is "root".
	Labels []string
	root   uint8
	// clusters maps normalised words to Brown cluster paths.
	clusters map[string]string
	// c6 maps normalised words to the hash of their cluster's first six
	// bits, the one cluster feature the parser uses; built by index on
	// loading (nil while training).
	c6 map[string]uint64
}

// index builds p.c6 from p.clusters.
func (p *Parser) index() {
	p.c6 = make(map[string]uint64, len(p.clusters))
	for w, path := range p.clusters {
		_, p.c6[w], _, _ = clusterPrefixes(path)
	}
}

// Features returns the number of features with weights in the move and
// label models.
func (p *Parser) Features() (moves, labels int) { return p.moves.rows(), p.labels.rows() }

const (
	shift = iota
	left  // s0 ← b0: b0 becomes the head of s0, s0 is popped
	right // s1 → s0: s1 becomes the head of s0, s0 is popped
	numMoves
)

// none marks an absent token in the state (no child, empty position).
const none = -1

// state is a parser configuration over tokens 0 … n, where 0 is the
// artificial root and 1 … n are the words.
type state struct {
	n      int32
	stack  []int32
	b      int32 // front of the buffer; n+1 when it is empty
	heads  []int32
	labels []uint8
	// two leftmost and two rightmost children, and their counts
	lc1, lc2, rc1, rc2 []int32
	nl, nr             []uint8
	// sets of the labels of left and right children, a bit per label
	lset, rset []uint64
	// per-token hashes: word, tag, word+tag, cluster
	w, p, wp, c []uint64
}

func (s *state) reset(n int) {
	s.n = int32(n)
	s.stack = append(s.stack[:0], 0)
	s.b = 1
	grow := func(x []int32, v int32) []int32 {
		x = x[:0]
		for range n + 1 {
			x = append(x, v)
		}
		return x
	}
	s.heads = grow(s.heads, none)
	s.lc1, s.lc2, s.rc1, s.rc2 = grow(s.lc1, none), grow(s.lc2, none), grow(s.rc1, none), grow(s.rc2, none)
	s.labels = resize(s.labels, n+1)
	s.nl = resize(s.nl, n+1)
	s.nr = resize(s.nr, n+1)
	s.lset = resize(s.lset, n+1)
	s.rset = resize(s.rset, n+1)
	s.w = resize(s.w, n+1)
	s.p = resize(s.p, n+1)
	s.wp = resize(s.wp, n+1)
	s.c = resize(s.c, n+1)
}

func resize[T any](x []T, n int) []T {
	if cap(x) < n {
		return make([]T, n)
	}
	x = x[:n]
	clear(x)
	return x
}

func (s *state) terminal() bool { return s.b > s.n && len(s.stack) == 1 }

func (s *state) legal(m int) bool {
	switch m {
	case shift:
		return s.b <= s.n
	case left:
		return s.b <= s.n && len(s.stack) > 1
	default: // right; the root takes its one dependent last
		k := len(s.stack)
		return k > 2 || k == 2 && s.b > s.n
	}
}

// apply makes move m, attaching with label l when it is an arc.
func (s *state) apply(m int, l uint8) {
	k := len(s.stack)
	switch m {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
	case left:
		s.attach(s.b, s.stack[k-1], l)
		s.stack = s.stack[:k-1]
	case right:
		s.attach(s.stack[k-2], s.stack[k-1], l)
		s.stack = s.stack[:k-1]
	}
}

func (s *state) attach(h, d int32, l uint8) {
	s.heads[d] = h
	s.labels[d] = l
	if d < h {
		s.nl[h]++
		s.lset[h] |= 1 << (l & 63)
		if s.lc1[h] == none || d < s.lc1[h] {
			s.lc2[h], s.lc1[h] = s.lc1[h], d
		} else if s.lc2[h] == none || d < s.lc2[h] {
			s.lc2[h] = d
		}
	} else {
		s.nr[h]++
		s.rset[h] |= 1 << (l & 63)
		if s.rc1[h] == none || d > s.rc1[h] {
			s.rc2[h], s.rc1[h] = s.rc1[h], d
		} else if s.rc2[h] == none || d > s.rc2[h] {
			s.rc2[h] = d
		}
	}
}

// costs sets the dynamic-oracle cost of each legal move (Goldberg and
// Nivre 2013, arc-hybrid): the number of gold arcs that the move makes
// unreachable. Illegal moves get -1.
func (s *state) costs(gold []int32, c *[numMoves]int) {
	k := len(s.stack)
	var s0, s1 int32 = none, none
	if k > 0 {
		s0 = s.stack[k-1]
	}
	if k > 1 {
		s1 = s.stack[k-2]
	}
	depsInBuffer := func(h int32) int {
		n := 0
		for j := s.b; j <= s.n; j++ {
			if gold[j] == h {
				n++
			}
		}
		return n
	}
	for m := range numMoves {
		if !s.legal(m) {
			c[m] = -1
			continue
		}
		switch m {
		case shift:
			n := 0
			b0 := s.b
			for i, x := range s.stack {
				if x != 0 && gold[x] == b0 {
					n++
				}
				if i < k-1 && gold[b0] == x {
					n++
				}
			}
			c[m] = n
		case left:
			n := depsInBuffer(s0)
			if h := gold[s0]; h != s.b && (h == s1 || h > s.b) {
				n++
			}
			c[m] = n
		case right:
			n := depsInBuffer(s0)
			if h := gold[s0]; h != s1 && h >= s.b {
				n++
			}
			c[m] = n
		}
	}
}

// Position hashes for absent tokens and the root.
const (
	hNone = 0x4e4f4e45
	hRoot = 0x524f4f54
)

func (s *state) at(i int32) (w, p, wp uint64) {
	if i == none {
		return hNone, hNone, hNone
	}
	return s.w[i], s.p[i], s.wp[i]
}

func (s *state) tagOf(i int32) uint64 {
	if i == none {
		return hNone
	}
	return s.p[i]
}

func (s *state) wordOf(i int32) uint64 {
	if i == none {
		return hNone
	}
	return s.w[i]
}

func (s *state) labelOf(i int32) uint64 {
	if i == none {
		return hNone
	}
	return uint64(s.labels[i]) + 1
}

func pick(x []int32, i int32) int32 {
	if i == none {
		return none
	}
	return x[i]
}

func distBucket(a, b int32) uint64 {
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 12:
		return 6
	}
	return 7
}

// moveKeys appends the features of the configuration (after Zhang and
// Nivre 2011, adapted to the arc-hybrid system, plus word clusters).
func (s *state) moveKeys(out []uint64) []uint64 {
	k := len(s.stack)
	var s0, s1, s2, b0, b1, b2 int32 = none, none, none, none, none, none
	if k > 0 {
		s0 = s.stack[k-1]
	}
	if k > 1 {
		s1 = s.stack[k-2]
	}
	if k > 2 {
		s2 = s.stack[k-3]
	}
	if s.b <= s.n {
		b0 = s.b
	}
	if s.b+1 <= s.n {
		b1 = s.b + 1
	}
	if s.b+2 <= s.n {
		b2 = s.b + 2
	}
	s0w, s0p, s0wp := s.at(s0)
	s1w, s1p, s1wp := s.at(s1)
	b0w, b0p, b0wp := s.at(b0)
	b1w, b1p, b1wp := s.at(b1)
	b2w, b2p, b2wp := s.at(b2)
	s2p := s.tagOf(s2)
	s0l, s0r, s0l2, s0r2 := pick(s.lc1, s0), pick(s.rc1, s0), pick(s.lc2, s0), pick(s.rc2, s0)
	s1l, s1r := pick(s.lc1, s1), pick(s.rc1, s1)
	b0l, b0l2 := pick(s.lc1, b0), pick(s.lc2, b0)
	s0lp, s0rp, b0lp := s.tagOf(s0l), s.tagOf(s0r), s.tagOf(b0l)
	s1lp, s1rp := s.tagOf(s1l), s.tagOf(s1r)
	var d01, d10 uint64 = hNone, hNone
	if s0 != none && b0 != none {
		d01 = distBucket(s0, b0)
	}
	if s1 != none && s0 != none {
		d10 = distBucket(s1, s0)
	}
	var s0c, s1c, b0c, b1c uint64 = hNone, hNone, hNone, hNone
	if s0 != none {
		s0c = s.c[s0]
	}
	if s1 != none {
		s1c = s.c[s1]
	}
	if b0 != none {
		b0c = s.c[b0]
	}
	if b1 != none {
		b1c = s.c[b1]
	}
	var s0vl, s0vr, b0vl, s1vr uint64
	var s0ls, s0rs, b0ls uint64
	if s0 != none {
		s0vl, s0vr, s0ls, s0rs = uint64(s.nl[s0]), uint64(s.nr[s0]), s.lset[s0], s.rset[s0]
	}
	if b0 != none {
		b0vl, b0ls = uint64(s.nl[b0]), s.lset[b0]
	}
	if s1 != none {
		s1vr = uint64(s.nr[s1])
	}
	return append(out,
		key1(1, 0),
		// single positions
		key1(2, s0w), key1(3, s0p), key1(4, s0wp),
		key1(5, s1w), key1(6, s1p), key1(7, s1wp),
		key1(8, b0w), key1(9, b0p), key1(10, b0wp),
		key1(11, b1w), key1(12, b1p), key1(13, b1wp),
		key1(14, b2w), key1(15, b2p), key1(16, b2wp),
		key1(17, s2p),
		// pairs
		key2(20, s0wp, b0wp), key2(21, s0wp, b0w), key2(22, s0w, b0wp),
		key2(23, s0wp, b0p), key2(24, s0p, b0wp), key2(25, s0w, b0w),
		key2(26, s0p, b0p), key2(27, b0p, b1p),
		key2(28, s1wp, s0wp), key2(29, s1w, s0w), key2(30, s1p, s0p),
		key2(31, s1p, s0wp), key2(32, s1wp, s0p), key2(33, s1p, b0p),
		// triples of tags
		key3(40, b0p, b1p, b2p), key3(41, s0p, b0p, b1p), key3(42, s1p, s0p, b0p),
		key3(43, s0p, s0lp, b0p), key3(44, s0p, s0rp, b0p), key3(45, s0p, b0p, b0lp),
		key3(46, s1p, s0p, s0lp), key3(47, s1p, s0p, s0rp), key3(48, s1p, s1rp, s0p),
		key3(49, s2p, s1p, s0p), key3(50, s1p, s1lp, s0p),
		// distance
		key2(60, s0w, d01), key2(61, s0p, d01), key2(62, b0w, d01), key2(63, b0p, d01),
		key3(64, s0p, b0p, d01), key2(65, s1p*31+s0p, d10), key3(66, s1w, s0p, d10),
		// valency
		key2(70, s0w, s0vr), key2(71, s0p, s0vr), key2(72, s0w, s0vl), key2(73, s0p, s0vl),
		key2(74, b0w, b0vl), key2(75, b0p, b0vl), key2(76, s1p, s1vr),
		// children
		key1(80, s.wordOf(s0l)), key1(81, s0lp), key1(82, s.labelOf(s0l)),
		key1(83, s.wordOf(s0r)), key1(84, s0rp), key1(85, s.labelOf(s0r)),
		key1(86, s.wordOf(b0l)), key1(87, b0lp), key1(88, s.labelOf(b0l)),
		key1(89, s1rp), key1(90, s.labelOf(s1r)), key1(91, s.labelOf(s1l)),
		key1(92, s.tagOf(s0l2)), key1(93, s.labelOf(s0l2)), key1(94, s.tagOf(s0r2)), key1(95, s.labelOf(s0r2)),
		key1(96, s.tagOf(b0l2)), key1(97, s.labelOf(b0l2)),
		key3(98, s0p, s0lp, s.tagOf(s0l2)), key3(99, s0p, s0rp, s.tagOf(s0r2)), key3(100, b0p, b0lp, s.tagOf(b0l2)),
		// label sets
		key2(110, s0w, s0rs), key2(111, s0p, s0rs), key2(112, s0w, s0ls), key2(113, s0p, s0ls),
		key2(114, b0w, b0ls), key2(115, b0p, b0ls),
		// clusters
		key1(120, s0c), key1(121, b0c), key1(122, s1c), key1(123, b1c),
		key2(124, s0c, b0c), key2(125, s0c, b0p), key2(126, s0p, b0c), key2(127, s1c, s0c), key2(128, s1p, s0c), key2(129, s1c, s0p),
	)
}

// labelKeys appends the features for labelling the arc h → d.
func (s *state) labelKeys(h, d int32, out []uint64) []uint64 {
	dir := uint64(1)
	if d < h {
		dir = 2
	}
	dw, dp, dwp := s.at(d)
	hw, hp, hwp := s.at(h)
	dl, dr := s.lc1[d], s.rc1[d]
	var pp, np uint64 = hNone, hNone
	if d > 1 {
		pp = s.p[d-1]
	}
	if d < s.n {
		np = s.p[d+1]
	}
	dist := distBucket(h, d)
	return append(out,
		key1(1, dir),
		key2(2, dir, dw), key2(3, dir, dp), key2(4, dir, dwp),
		key2(5, dir, hw), key2(6, dir, hp), key2(7, dir, hwp),
		key3(8, dir, hp, dp), key3(9, dir, hw, dp), key3(10, dir, hp, dw), key3(11, dir, hw, dw),
		key3(12, dir, hp*31+dp, dist),
		key3(13, dir, dp, s.labelOf(dl)), key3(14, dir, dp, s.labelOf(dr)),
		key3(15, dir, dp, s.wordOf(dl)), key3(16, dir, dp, s.tagOf(dl)), key3(17, dir, dp, s.tagOf(dr)),
		key3(18, dir, dp, s.lset[d]), key3(19, dir, dp, s.rset[d]),
		key3(20, dir, hp, s.lset[h]), key3(21, dir, hp, s.rset[h]),
		key3(22, dir, dp, pp), key3(23, dir, dp, np),
		key2(24, dir, s.c[d]), key2(25, dir, s.c[h]), key3(26, dir, s.c[d], hp), key3(27, dir, dp, s.c[h]),
		key3(28, dir, hp, s.labelOf(s.lc1[h])), key3(29, dir, dw, s.wordOf(dl)),
		key3(30, dir, dp*31+hp, uint64(s.nl[d])*8+uint64(s.nr[d])),
	)
}

// load fills the per-token hashes of the state from the words and tags.
func (p *Parser) load(st *state, words []string, tags []news.UPOS, sc *scratch) {
	st.reset(len(words))
	st.w[0], st.p[0], st.wp[0], st.c[0] = hRoot, hRoot, hRoot, hRoot
	for i, w := range words {
		sc.buf = appendNorm(sc.buf[:0], w)
		j := i + 1
		st.w[j] = hashDigitsZero(sc.buf)
		st.p[j] = uint64(tags[i]) + 1
		st.wp[j] = key2(0, st.w[j], st.p[j])
		if p.c6 != nil {
			st.c[j] = p.c6[string(sc.buf)]
		} else {
			_, st.c[j], _, _ = clusterPrefixes(p.clusters[string(sc.buf)])
		}
	}
}

// Parse parses one sentence of words with their tags and appends to
// heads (1-based head per word, 0 for the root) and rels.
func (p *Parser) Parse(words []string, tags []news.UPOS, heads []int32, rels []string) ([]int32, []string) {
	var sc scratch
	p.parse(words, tags, &sc)
	for i := 1; i <= len(words); i++ {
		heads = append(heads, sc.st.heads[i])
		rels = append(rels, p.Labels[sc.st.labels[i]])
	}
	return heads, rels
}

// parse leaves the tree in sc.st.
func (p *Parser) parse(words []string, tags []news.UPOS, sc *scratch) {
	st := &sc.st
	p.load(st, words, tags, sc)
	var ms [numMoves]float32
	sc.ls = resize(sc.ls, len(p.Labels))
	for !st.terminal() {
		m := -1
		if nl := st.numLegal(); nl == 1 {
			m = st.onlyLegal()
		} else {
			sc.keys = st.moveKeys(sc.keys[:0])
			p.moves.score(sc.keys, ms[:])
			for c := range numMoves {
				if st.legal(c) && (m < 0 || ms[c] > ms[m]) {
					m = c
				}
			}
		}
		st.apply(m, p.label(st, m, sc))
	}
}

func (s *state) numLegal() int {
	n := 0
	for m := range numMoves {
		if s.legal(m) {
			n++
		}
	}
	return n
}

func (s *state) onlyLegal() int {
	for m := range numMoves {
		if s.legal(m) {
			return m
		}
	}
	return -1
}

// arcOf returns the head and dependent move m would attach, or none.
func (s *state) arcOf(m int) (h, d int32) {
	k := len(s.stack)
	switch m {
	case left:
		return s.b, s.stack[k-1]
	case right:
		return s.stack[k-2], s.stack[k-1]
	}
	return none, none
}

// label returns the label of the arc move m makes (0 for a shift).
func (p *Parser) label(st *state, m int, sc *scratch) uint8 {
	h, d := st.arcOf(m)
	if d == none {
		return 0
	}
	if h == 0 {
		return p.root
	}
	sc.lkeys = st.labelKeys(h, d, sc.lkeys[:0])
	p.labels.score(sc.lkeys, sc.ls)
	return uint8(p.bestLabel(sc.ls))
}

func (p *Parser) bestLabel(scores []float32) int {
	best := -1
	for l, v := range scores {
		if uint8(l) != p.root && (best < 0 || v > scores[best]) {
			best = l
		}
	}
	return best
}

// TrainParserOptions configures TrainParser.
type TrainParserOptions struct {
	// Epochs is the most passes over the training data; the epoch that
	// scores best (LAS) on Dev is kept. 0 means 12.
	Epochs int
	// Dev is the development data that picks the epoch, parsed with
	// DevTags.
	Dev     []Sentence
	DevTags [][]news.UPOS
	// Tags are the tags to train on, per training sentence (predicted
	// tags, so that the parser learns to live with tagging errors); nil
	// means the gold tags.
	Tags [][]news.UPOS
	// Explore is the probability of following a wrong predicted move
	// from the second epoch on (the dynamic oracle's exploration). 0
	// means 0.9.
	Explore float64
	// Clusters maps normalised words to Brown cluster paths; may be nil.
	Clusters map[string]string
	// Seed fixes the sentence order and the exploration.
	Seed uint64
	// Log receives one line per epoch; may be nil.
	Log io.Writer
}

// TrainParser trains a parser on gold trees with the arc-hybrid dynamic
// oracle. Training is deterministic.
func TrainParser(train []Sentence, opt TrainParserOptions) (*Parser, error) {
	if len(train) == 0 {
		return nil, fmt.Errorf("train parser: no training sentences")
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 12
	}
	if opt.Explore <= 0 {
		opt.Explore = 0.9
	}
	p := &Parser{clusters: opt.Clusters}
	labelID := map[string]uint8{}
	for _, s := range train {
		for _, w := range s.Words {
			if _, ok := labelID[w.Rel]; !ok {
				labelID[w.Rel] = 0
			}
		}
	}
	p.Labels = sortedKeys(labelID)
	if len(p.Labels) > 255 {
		return nil, fmt.Errorf("train parser: %d relations, at most 255", len(p.Labels))
	}
	for i, l := range p.Labels {
		labelID[l] = uint8(i)
	}
	r, ok := labelID["root"]
	if !ok {
		return nil, fmt.Errorf("train parser: no root relation in the training data")
	}
	p.root = r
	mt, lt := newTrainer(numMoves), newTrainer(len(p.Labels))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x7061727365))
	var sc scratch
	var gold []int32
	var goldLab []uint8
	var tags []news.UPOS
	ls := make([]float32, len(p.Labels))
	var best *Parser
	bestLAS, bestEpoch := -1.0, 0
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := &train[si]
			words := s.Forms()
			tags = tags[:0]
			if opt.Tags != nil {
				tags = append(tags, opt.Tags[si]...)
			} else {
				for _, w := range s.Words {
					tags = append(tags, w.UPOS)
				}
			}
			gold = append(gold[:0], none)
			goldLab = append(goldLab[:0], 0)
			for _, w := range s.Words {
				gold = append(gold, int32(w.Head))
				goldLab = append(goldLab, labelID[w.Rel])
			}
			st := &sc.st
			p.load(st, words, tags, &sc)
			var ms [numMoves]float32
			var cost [numMoves]int
			for !st.terminal() {
				st.costs(gold, &cost)
				next := -1
				if st.numLegal() == 1 {
					next = st.onlyLegal()
				} else {
					sc.keys = st.moveKeys(sc.keys[:0])
					mt.score(sc.keys, ms[:])
					pred, good := -1, -1
					minCost := 1 << 30
					for m := range numMoves {
						if cost[m] >= 0 && cost[m] < minCost {
							minCost = cost[m]
						}
					}
					for m := range numMoves {
						if cost[m] < 0 {
							continue
						}
						if pred < 0 || ms[m] > ms[pred] {
							pred = m
						}
						if cost[m] == minCost && (good < 0 || ms[m] > ms[good]) {
							good = m
						}
					}
					next = good
					if cost[pred] > minCost {
						mt.update(sc.keys, good, pred)
						if epoch > 1 && rng.Float64() < opt.Explore {
							next = pred
						}
					} else {
						next = pred
					}
					mt.tick()
				}
				h, d := st.arcOf(next)
				var lab uint8
				switch {
				case d == none:
				case h == 0:
					lab = p.root
				default:
					sc.lkeys = st.labelKeys(h, d, sc.lkeys[:0])
					lt.score(sc.lkeys, ls)
					lab = uint8(p.bestLabel(ls))
					if gold[d] == h {
						lt.update(sc.lkeys, int(goldLab[d]), int(lab))
						lt.tick()
						if epoch == 1 {
							lab = goldLab[d]
						}
					}
				}
				st.apply(next, lab)
			}
		}
		p.moves, p.labels = mt.averaged(1e-3), lt.averaged(1e-3)
		uas, las := p.Score(opt.Dev, opt.DevTags)
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "parser epoch %d: dev UAS %.2f LAS %.2f, %d+%d features\n", epoch, 100*uas, 100*las, p.moves.rows(), p.labels.rows())
		}
		if las > bestLAS || len(opt.Dev) == 0 {
			cp := *p
			best, bestLAS, bestEpoch = &cp, las, epoch
		}
	}
	if opt.Log != nil && len(opt.Dev) > 0 {
		fmt.Fprintf(opt.Log, "parser: kept epoch %d (dev LAS %.2f)\n", bestEpoch, 100*bestLAS)
	}
	return best, nil
}

// Score parses sents with tags (nil: gold tags) and returns UAS and LAS
// over all words, punctuation included (as the CoNLL 2018 shared task).
func (p *Parser) Score(sents []Sentence, tags [][]news.UPOS) (uas, las float64) {
	var sc scratch
	var t []news.UPOS
	ua, la, total := 0, 0, 0
	for i := range sents {
		s := &sents[i]
		t = t[:0]
		if tags != nil {
			t = append(t, tags[i]...)
		} else {
			for _, w := range s.Words {
				t = append(t, w.UPOS)
			}
		}
		p.parse(s.Forms(), t, &sc)
		for j, w := range s.Words {
			total++
			if int(sc.st.heads[j+1]) == w.Head {
				ua++
				if p.Labels[sc.st.labels[j+1]] == w.Rel {
					la++
				}
			}
		}
	}
	if total == 0 {
		return 0, 0
	}
	return float64(ua) / float64(total), float64(la) / float64(total)
}

// Pruned returns a copy of the parser without the weights smaller than t
// in magnitude, which makes the model smaller at little cost.
func (p *Parser) Pruned(t float32) *Parser {
	cp := *p
	cp.moves, cp.labels = p.moves.pruned(t), p.labels.pruned(t)
	return &cp
}
