package syntax

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"

	"sitrep/internal/news"
)

// Tagger assigns UD part-of-speech tags with a greedy averaged
// perceptron. It is immutable and safe for concurrent use.
type Tagger struct {
	w *weights
	// w2 is the second pass, which also sees the first pass's tags of
	// the next words; nil for a one-pass tagger.
	w2 *weights
	// amb maps a normalised word to the set of tags (a bit per
	// news.UPOS) it took in at least a tenth of its training occurrences.
	amb map[string]uint32
	// clusters maps a normalised word to its Brown cluster bit string.
	clusters map[string]string
}

// Features returns the number of features with weights.
func (t *Tagger) Features() int {
	if t.w2 != nil {
		return t.w.rows() + t.w2.rows()
	}
	return t.w.rows()
}

// tokInfo holds the hashes of one token's word features.
type tokInfo struct {
	// numeric marks a word of digits and separators ("49.4", "3,000"),
	// which inference always tags NUM (as UD does all but a few).
	numeric             bool
	w, form, shape, amb uint64
	s1, s2, s3, s4      uint64
	p1, p2, p3          uint64
	c4, c6, c10, cfull  uint64
}

// Sentinel hashes for positions before and after the sentence.
var (
	startInfo = tokInfo{w: 0x5354415254, form: 0x5354415254, shape: 1, amb: 1, s3: 1, c4: 1, c6: 1}
	endInfo   = tokInfo{w: 0x454e44, form: 0x454e44, shape: 2, amb: 2, s3: 2, c4: 2, c6: 2}
)

// scratch is the per-call working memory of the tagger and parser.
type scratch struct {
	buf   []byte
	info  []tokInfo
	keys  []uint64
	score []float32
	tags  []news.UPOS
	st    state
	lkeys []uint64
	ls    []float32
}

func (t *Tagger) prepare(words []string, sc *scratch) {
	sc.info = sc.info[:0]
	for _, w := range words {
		sc.buf = appendNorm(sc.buf[:0], w)
		b := sc.buf
		in := tokInfo{
			w:     hashDigitsZero(b),
			form:  hashDigitsZeroString(w) ^ 0x1f,
			shape: shapeHash(w),
			s1:    suffixHash(b, 1), s2: suffixHash(b, 2), s3: suffixHash(b, 3), s4: suffixHash(b, 4),
			p1: prefixHash(b, 1), p2: prefixHash(b, 2), p3: prefixHash(b, 3),
		}
		in.numeric = numeric(w)
		in.amb = uint64(t.amb[string(b)]) + 7
		in.c4, in.c6, in.c10, in.cfull = clusterPrefixes(t.clusters[string(b)])
		sc.info = append(sc.info, in)
	}
}

// numeric says whether w is digits with thousands or decimal separators
// and an optional sign ("49.4", "3,000", "-2").
func numeric(w string) bool {
	if w != "" && (w[0] == '-' || w[0] == '+') {
		w = w[1:]
	}
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < '0' || c > '9') && c != ',' && c != '.' {
			return false
		}
	}
	return true
}

func infoAt(info []tokInfo, i int) *tokInfo {
	if i < 0 {
		return &startInfo
	}
	if i >= len(info) {
		return &endInfo
	}
	return &info[i]
}

// tagKeys appends the feature keys of token i given the two previous
// tags.
func tagKeys(info []tokInfo, i int, p1, p2 news.UPOS, out []uint64) []uint64 {
	c := &info[i]
	m1, m2 := infoAt(info, i-1), infoAt(info, i-2)
	n1, n2 := infoAt(info, i+1), infoAt(info, i+2)
	t1, t2 := uint64(p1)+1, uint64(p2)+1
	out = append(out,
		key1(1, 0),
		key1(2, c.w), key1(3, c.form),
		key1(4, c.s1), key1(5, c.s2), key1(6, c.s3), key1(7, c.s4),
		key1(8, c.p1), key1(9, c.p2), key1(10, c.p3),
		key1(11, c.shape),
		key1(12, m1.w), key1(13, n1.w), key1(14, m2.w), key1(15, n2.w),
		key1(16, m1.s3), key1(17, n1.s3), key1(18, n1.shape), key1(19, m1.shape),
		key1(20, c.amb), key1(21, n1.amb), key1(22, n2.amb), key1(23, m1.amb),
		key1(24, c.c4), key1(25, c.c6), key1(26, c.c10), key1(27, c.cfull),
		key1(28, n1.c6), key1(29, m1.c6), key1(30, n1.c4),
		key2(31, c.w, n1.w), key2(32, m1.w, c.w), key2(33, c.amb, n1.amb),
		key2(34, c.shape, n1.w), key2(35, c.s3, n1.amb),
		key1(40, t1), key1(41, t2), key2(42, t1, t2), key2(43, t1, c.w),
		key2(44, t1, c.amb), key2(45, t1, c.s3), key2(46, t1, n1.amb),
	)
	if i == 0 {
		out = append(out, key1(36, c.shape), key1(37, c.w))
	}
	return out
}

// rightKeys appends the second pass's features: the first pass's tags
// of the token and the two after it.
func rightKeys(info []tokInfo, first []news.UPOS, i int, p1 news.UPOS, out []uint64) []uint64 {
	q := func(j int) uint64 {
		if j >= len(first) {
			return 99
		}
		return uint64(first[j]) + 1
	}
	q0, r1, r2 := q(i), q(i+1), q(i+2)
	c := &info[i]
	return append(out,
		key1(50, q0), key2(51, q0, c.w), key1(52, r1), key1(53, r2), key2(54, r1, r2),
		key2(55, r1, c.w), key2(56, uint64(p1)+1, r1), key3(57, uint64(p1)+1, q0, r1), key2(58, q0, c.s3),
	)
}

// Tag appends the tags of words (one sentence) to out.
func (t *Tagger) Tag(words []string, out []news.UPOS) []news.UPOS {
	var sc scratch
	return t.tag(words, &sc, out)
}

func (t *Tagger) tag(words []string, sc *scratch, out []news.UPOS) []news.UPOS {
	t.prepare(words, sc)
	if t.w2 == nil {
		return t.pass(t.w, len(words), sc, nil, out, true)
	}
	sc.tags = t.pass(t.w, len(words), sc, nil, sc.tags[:0], true)
	return t.pass(t.w2, len(words), sc, sc.tags, out, true)
}

// pass tags the prepared sentence greedily from left to right with w;
// first holds the first pass's tags in the second pass, else nil. With
// numbers, a numeric word is NUM whatever the weights say (training
// passes leave it to the weights, so that a model rebuilds as it was).
func (t *Tagger) pass(w *weights, n int, sc *scratch, first []news.UPOS, out []news.UPOS, numbers bool) []news.UPOS {
	if cap(sc.score) < news.NumUPOS {
		sc.score = make([]float32, news.NumUPOS)
	}
	scores := sc.score[:news.NumUPOS]
	p1, p2 := news.UPOSNone, news.UPOSNone
	for i := range n {
		sc.keys = tagKeys(sc.info, i, p1, p2, sc.keys[:0])
		if first != nil {
			sc.keys = rightKeys(sc.info, first, i, p1, sc.keys)
		}
		w.score(sc.keys, scores)
		best := argmax(scores[1:]) + 1
		if numbers && sc.info[i].numeric {
			best = int(news.NUM)
		}
		out = append(out, news.UPOS(best))
		p2, p1 = p1, news.UPOS(best)
	}
	return out
}

// argmax returns the index of the largest score, the first on ties.
func argmax(s []float32) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}

// TrainTaggerOptions configures TrainTagger.
type TrainTaggerOptions struct {
	// Epochs is the most passes over the training data; the epoch that
	// scores best on Dev is kept. 0 means 8.
	Epochs int
	// Dev is the development data that picks the epoch.
	Dev []Sentence
	// Clusters maps normalised words to Brown cluster paths; may be nil.
	Clusters map[string]string
	// Folds > 1 adds a second pass that sees the first pass's tags of
	// the words to the right; it learns from first-pass tags predicted by
	// Folds taggers, each trained without its fold of the data.
	Folds int
	// Seed fixes the order of sentences in each epoch.
	Seed uint64
	// Log receives one line per epoch; may be nil.
	Log io.Writer
}

// TrainTagger trains a tagger on sentences with gold tags. Training is
// deterministic: the same data and options give the same model.
func TrainTagger(train []Sentence, opt TrainTaggerOptions) (*Tagger, error) {
	if len(train) == 0 {
		return nil, fmt.Errorf("train tagger: no training sentences")
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 8
	}
	t := &Tagger{amb: ambiguityClasses(train), clusters: opt.Clusters}
	w, epochs := t.trainPass(train, nil, opt.Dev, nil, opt.Epochs, opt.Seed, "tagger", opt.Log)
	t.w = w
	if opt.Folds <= 1 {
		return t, nil
	}
	// Jackknifed first-pass tags for the second pass to learn from.
	first := jackknife(train, opt.Folds, epochs, opt.Seed, t.amb, t.clusters, opt.Log)
	var sc scratch
	devFirst := make([][]news.UPOS, len(opt.Dev))
	for i := range opt.Dev {
		t.prepare(opt.Dev[i].Forms(), &sc)
		devFirst[i] = t.pass(t.w, len(opt.Dev[i].Words), &sc, nil, nil, false)
	}
	t.w2, _ = t.trainPass(train, first, opt.Dev, devFirst, opt.Epochs, opt.Seed+100, "tagger pass 2", opt.Log)
	return t, nil
}

// JackknifeTags returns tags for every training sentence from folds
// one-pass taggers, each trained for epochs without its fold (sentence i
// is in fold i mod folds): the tags a tagger gives text it has not seen.
func JackknifeTags(train []Sentence, folds, epochs int, clusters map[string]string, log io.Writer) [][]news.UPOS {
	return jackknife(train, folds, epochs, 0, ambiguityClasses(train), clusters, log)
}

func jackknife(train []Sentence, folds, epochs int, seed uint64, amb map[string]uint32, clusters map[string]string, log io.Writer) [][]news.UPOS {
	out := make([][]news.UPOS, len(train))
	var sc scratch
	for f := range folds {
		var rest []Sentence
		for i := range train {
			if i%folds != f {
				rest = append(rest, train[i])
			}
		}
		ft := &Tagger{amb: amb, clusters: clusters}
		ft.w, _ = ft.trainPass(rest, nil, nil, nil, epochs, seed+uint64(f)+1, "", nil)
		for i := f; i < len(train); i += folds {
			ft.prepare(train[i].Forms(), &sc)
			out[i] = ft.pass(ft.w, len(train[i].Words), &sc, nil, nil, false)
		}
		if log != nil {
			fmt.Fprintf(log, "tagger: jackknife fold %d/%d tagged\n", f+1, folds)
		}
	}
	return out
}

// trainPass trains one pass (the second when first holds first-pass
// tags) and returns the averaged weights of the epoch best on dev and
// that epoch.
func (t *Tagger) trainPass(train []Sentence, first [][]news.UPOS, dev []Sentence, devFirst [][]news.UPOS, epochs int, seed uint64, name string, log io.Writer) (*weights, int) {
	tr := newTrainer(news.NumUPOS)
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x7461676765))
	var sc scratch
	scores := make([]float32, news.NumUPOS)
	var best *weights
	bestAcc, bestEpoch := -1.0, 0
	for epoch := 1; epoch <= epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			s := &train[si]
			t.prepare(s.Forms(), &sc)
			p1, p2 := news.UPOSNone, news.UPOSNone
			for i, w := range s.Words {
				sc.keys = tagKeys(sc.info, i, p1, p2, sc.keys[:0])
				if first != nil {
					sc.keys = rightKeys(sc.info, first[si], i, p1, sc.keys)
				}
				tr.score(sc.keys, scores)
				guess := argmax(scores[1:]) + 1
				tr.update(sc.keys, int(w.UPOS), guess)
				tr.tick()
				if guess == int(w.UPOS) {
					correct++
				}
				total++
				p2, p1 = p1, news.UPOS(guess)
			}
		}
		if len(dev) == 0 && epoch < epochs {
			continue
		}
		w := tr.averaged(1e-3)
		acc := passAccuracy(t, w, dev, devFirst)
		if log != nil {
			fmt.Fprintf(log, "%s epoch %d: train %.2f%%, dev %.2f%%, %d features\n", name, epoch, 100*float64(correct)/float64(total), 100*acc, w.rows())
		}
		if acc > bestAcc || len(dev) == 0 {
			best, bestAcc, bestEpoch = w, acc, epoch
		}
	}
	if log != nil && len(dev) > 0 {
		fmt.Fprintf(log, "%s: kept epoch %d (dev %.2f%%)\n", name, bestEpoch, 100*bestAcc)
	}
	return best, bestEpoch
}

// passAccuracy scores one pass with weights w on gold-tokenised
// sentences (first: the first pass's tags, for the second pass).
func passAccuracy(t *Tagger, w *weights, sents []Sentence, first [][]news.UPOS) float64 {
	var sc scratch
	return tagAccuracy(sents, func(i int, tags []news.UPOS) []news.UPOS {
		t.prepare(sents[i].Forms(), &sc)
		var f []news.UPOS
		if first != nil {
			f = first[i]
		}
		return t.pass(w, len(sents[i].Words), &sc, f, tags, false)
	})
}

// Accuracy returns the share of words of sents whose predicted tag is the
// gold one (gold tokenisation).
func (t *Tagger) Accuracy(sents []Sentence) float64 {
	var sc scratch
	return tagAccuracy(sents, func(i int, tags []news.UPOS) []news.UPOS {
		return t.tag(sents[i].Forms(), &sc, tags)
	})
}

// tagAccuracy scores the tags tag appends for each sentence.
func tagAccuracy(sents []Sentence, tag func(i int, tags []news.UPOS) []news.UPOS) float64 {
	correct, total := 0, 0
	var tags []news.UPOS
	for i, s := range sents {
		tags = tag(i, tags[:0])
		for j, w := range s.Words {
			if tags[j] == w.UPOS {
				correct++
			}
			total++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(correct) / float64(total)
}

// ambiguityClasses returns, for every normalised word seen at least
// twice in train, the tags it took at least a tenth of the time.
func ambiguityClasses(train []Sentence) map[string]uint32 {
	counts := map[string]*[news.NumUPOS]int{}
	var buf []byte
	for _, s := range train {
		for _, w := range s.Words {
			buf = appendNorm(buf[:0], w.Form)
			c := counts[string(buf)]
			if c == nil {
				c = new([news.NumUPOS]int)
				counts[string(buf)] = c
			}
			c[w.UPOS]++
		}
	}
	out := make(map[string]uint32, len(counts))
	for w, c := range counts {
		n := 0
		for _, v := range c {
			n += v
		}
		if n < 2 {
			continue
		}
		var set uint32
		for tag, v := range c {
			if v*10 >= n {
				set |= 1 << tag
			}
		}
		out[w] = set
	}
	return out
}

// sortedKeys returns the keys of m in order, for saving.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
