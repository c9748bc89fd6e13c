package ner

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sitrep/internal/perceptron"
	"slices"
	"sort"
	"time"
)

// TrainOptions configures Train. Zero values are defaults.
type TrainOptions struct {
	// Features are the families to use; 0 means AllFeatures.
	Features Features
	// Epochs is the most passes over the training data; <= 0 means 15.
	// Training stops early when the dev F1 has not improved for Patience
	// epochs.
	Epochs int
	// Patience is the number of epochs without a dev improvement before
	// stopping; <= 0 means 3.
	Patience int
	// MinCount drops features seen fewer times in training; <= 0 means 1.
	MinCount int
	// Dev selects the epoch whose averaged weights score best; without
	// it, the last epoch is kept.
	Dev []Document
	// Gazetteer maps names to classes for the gazetteer features.
	Gazetteer map[string]string
	// Clusters maps words to cluster bit strings.
	Clusters map[string]string
	// Lexicon holds the name lists of the lexicon features.
	Lexicon *Lexicon
	// Folds is the number of parts the training documents are cut into
	// for a two-pass model: the first pass's labels of each part, which
	// the second pass learns from, come from a first model trained on
	// the other parts; <= 0 means 4.
	Folds int
	// Seed seeds the shuffling of documents between epochs.
	Seed uint64
	// Log receives one line per epoch; nil means no log.
	Log io.Writer
}

// Train fits an averaged structured perceptron to the documents. It is
// deterministic: the same data and options give the same model. With
// FeatTwoPass it trains a first model without that family, labels each
// training document with a first model that did not see it, and trains
// the second pass on those labels.
func Train(docs []Document, opt TrainOptions) (*Model, error) {
	if opt.Features == 0 {
		opt.Features = AllFeatures
	}
	if opt.Features&FeatTwoPass == 0 {
		return train(docs, nil, nil, opt)
	}
	folds := opt.Folds
	if folds <= 0 {
		folds = 4
	}
	if folds > len(docs) {
		return nil, fmt.Errorf("ner: %d folds for %d documents", folds, len(docs))
	}
	first := opt
	first.Features &^= FeatTwoPass
	priors := make([][][]int, len(docs))
	for k := range folds {
		var part []Document
		for i, d := range docs {
			if i%folds != k {
				part = append(part, d)
			}
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "first pass, fold %d of %d:\n", k+1, folds)
		}
		mk, err := train(part, nil, nil, first)
		if err != nil {
			return nil, err
		}
		for i, d := range docs {
			if i%folds == k {
				priors[i] = mk.tagLabels(docWords(d))
			}
		}
	}
	if opt.Log != nil {
		fmt.Fprintf(opt.Log, "first pass, all documents:\n")
	}
	m1, err := train(docs, nil, nil, first)
	if err != nil {
		return nil, err
	}
	if opt.Log != nil {
		fmt.Fprintf(opt.Log, "second pass:\n")
	}
	return train(docs, priors, m1, opt)
}

// train fits one model; priors are the first pass's labels of the
// documents and first the first-pass model, for FeatTwoPass.
func train(docs []Document, priors [][][]int, first *Model, opt TrainOptions) (*Model, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 15
	}
	if opt.Patience <= 0 {
		opt.Patience = 3
	}
	if opt.MinCount <= 0 {
		opt.MinCount = 1
	}
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format, a...)
		}
	}
	m := &Model{Features: opt.Features, First: first}
	if opt.Features&FeatTwoPass != 0 && (first == nil || len(priors) != len(docs)) {
		return nil, errors.New("ner: a second pass needs a first model and its labels")
	}
	prior := func(di int) [][]int {
		if priors == nil {
			return nil
		}
		return priors[di]
	}
	typeSet := map[string]bool{}
	for _, d := range docs {
		for _, s := range d.Sentences {
			if len(s.Tags) != len(s.Words) {
				return nil, errors.New("ner: a sentence has fewer tags than words")
			}
			for _, c := range Chunks(s.Tags) {
				typeSet[c.Type] = true
			}
		}
	}
	if len(typeSet) == 0 {
		return nil, errors.New("ner: no entities in the training data")
	}
	for t := range typeSet {
		m.Types = append(m.Types, t)
	}
	sort.Strings(m.Types)
	if opt.Features&FeatGazetteer != 0 && len(opt.Gazetteer) > 0 {
		m.gazEntries = opt.Gazetteer
		m.Gazetteer = NewGazetteer(opt.Gazetteer)
	}
	if opt.Features&FeatClusters != 0 && len(opt.Clusters) > 0 {
		m.Clusters = opt.Clusters
	}
	if opt.Features&FeatLexicon != 0 {
		m.Lexicon = opt.Lexicon
	}
	m.setConstraints()
	nl := m.nl()
	useHist := opt.Features&FeatHistory != 0

	// Gold labels, and the feature table from one pass with the gold
	// history standing in for the predicted one.
	gold := make([][][]int, len(docs))
	counts := map[uint64]int32{}
	x := m.newExtractor()
	var buf []uint64
	for di, d := range docs {
		doc := m.newDoc(docWords(d), prior(di))
		h := history{}
		gold[di] = make([][]int, len(d.Sentences))
		for si, s := range d.Sentences {
			g := m.toBILOU(s.Tags)
			gold[di][si] = g
			x.static(s.Words, doc, si)
			for _, k := range x.keys {
				counts[k]++
			}
			if useHist {
				for i := range s.Words {
					buf = x.histKeys(i, h, buf[:0])
					for _, k := range buf {
						counts[k]++
					}
				}
				x.record(h, histTypes(g, nil))
			}
		}
	}
	keys := make([]uint64, 0, len(counts))
	for k, c := range counts {
		if int(c) >= opt.MinCount {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	m.index = perceptron.NewIndex(keys)
	counts = nil
	nf := len(keys)
	logf("%d documents, %d tokens, %d types, %d features (min count %d), families %s\n",
		len(docs), Tokens(docs), len(m.Types), nf, opt.MinCount, opt.Features)

	w := make([]float32, nf*nl)
	acc := make([]float64, nf*nl)
	trans := make([]float32, (nl+1)*nl)
	transAcc := make([]float64, (nl+1)*nl)
	var best *Model
	bestF, bestEpoch := -1.0, 0
	c := 1.0
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	var em []float32
	var pred []int
	var idx []int32
	var idxStart []int
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		mistakes, tokens := 0, 0
		m.w, m.trans = w, trans
		for _, di := range order {
			d := docs[di]
			doc := m.newDoc(docWords(d), prior(di))
			h := history{}
			for si, s := range d.Sentences {
				n := len(s.Words)
				g := gold[di][si]
				x.static(s.Words, doc, si)
				// Feature indices of each token, history included.
				idx, idxStart = idx[:0], idxStart[:0]
				for i := range n {
					idxStart = append(idxStart, len(idx))
					for _, k := range x.keys[x.start[i]:x.start[i+1]] {
						if f, ok := m.index.Get(k); ok {
							idx = append(idx, f)
						}
					}
					if useHist {
						buf = x.histKeys(i, h, buf[:0])
						for _, k := range buf {
							if f, ok := m.index.Get(k); ok {
								idx = append(idx, f)
							}
						}
					}
				}
				idxStart = append(idxStart, len(idx))
				if cap(em) < n*nl {
					em = make([]float32, n*nl)
				}
				em = em[:n*nl]
				clear(em)
				for i := range n {
					row := em[i*nl : (i+1)*nl]
					for _, f := range idx[idxStart[i]:idxStart[i+1]] {
						for l, v := range w[int(f)*nl : int(f)*nl+nl] {
							row[l] += v
						}
					}
				}
				pred = m.viterbi(em, n, trans, pred)
				tokens += n
				prevG, prevP := nl, nl
				for i := range n {
					gl, pl := g[i], pred[i]
					if gl != pl {
						mistakes++
						for _, f := range idx[idxStart[i]:idxStart[i+1]] {
							w[int(f)*nl+gl]++
							acc[int(f)*nl+gl] += c
							w[int(f)*nl+pl]--
							acc[int(f)*nl+pl] -= c
						}
					}
					if gl != pl || prevG != prevP {
						trans[prevG*nl+gl]++
						transAcc[prevG*nl+gl] += c
						trans[prevP*nl+pl]--
						transAcc[prevP*nl+pl] -= c
					}
					prevG, prevP = gl, pl
				}
				c++
				if useHist {
					x.record(h, histTypes(pred, nil))
				}
			}
		}
		avg := averaged(m, w, acc, trans, transAcc, c)
		f := -1.0
		if len(opt.Dev) > 0 {
			f = Evaluate(avg, opt.Dev).Overall.F1()
		}
		logf("epoch %2d: %5.2f%% train tokens wrong, dev F1 %.2f, %.1fs\n",
			epoch, 100*float64(mistakes)/float64(max(tokens, 1)), f, time.Since(start).Seconds())
		if len(opt.Dev) == 0 || f > bestF {
			best, bestF, bestEpoch = avg, f, epoch
		} else if epoch-bestEpoch >= opt.Patience {
			break
		}
	}
	best.prune()
	logf("kept epoch %d (dev F1 %.2f), %d features with weights\n", bestEpoch, bestF, best.NumFeatures())
	return best, nil
}

// averaged returns a copy of m with the averaged weights w - acc/c.
func averaged(m *Model, w []float32, acc []float64, trans []float32, transAcc []float64, c float64) *Model {
	a := *m
	a.w = perceptron.Averaged(w, acc, c)
	a.trans = perceptron.Averaged(trans, transAcc, c)
	return &a
}

// prune drops features whose weights are all zero, renumbering the rest.
func (m *Model) prune() { m.index, m.w = perceptron.Prune(m.index, m.w, m.nl(), 1e-4) }

func histTypes(labels []int, out []int) []int {
	out = out[:0]
	for _, l := range labels {
		out = append(out, histType(l))
	}
	return out
}

func docWords(d Document) [][]string {
	out := make([][]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = s.Words
	}
	return out
}

// Evaluate tags the documents with the model and scores the result
// against their gold tags.
func Evaluate(m *Model, docs []Document) *Report {
	r := &Report{}
	for _, d := range docs {
		pred := m.TagDocument(docWords(d))
		for i, s := range d.Sentences {
			r.Add(s.Tags, pred[i])
		}
	}
	return r
}
