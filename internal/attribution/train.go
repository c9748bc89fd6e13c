package attribution

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sitrep/internal/perceptron"
	"slices"
	"time"
)

// TrainOptions configures Train. Zero values are defaults.
type TrainOptions struct {
	// Epochs is the most passes over the training data; <= 0 means 10.
	Epochs int
	// Patience stops training after this many epochs without a dev
	// improvement; <= 0 means 2.
	Patience int
	// MinCount drops features seen fewer times in training; <= 0 means 2.
	MinCount int
	// ContentWindow is Model.ContentWindow; < 0 means 0, and 0 means 1.
	ContentWindow int
	// Dev selects the epoch whose averaged weights score best (the mean
	// of cue overlap F1, source accuracy and content token F1); without
	// it the last epoch is kept.
	Dev []*Document
	// Clusters maps words (ner.ClusterKey forms) to Brown cluster bit
	// strings.
	Clusters map[string]string
	// Seed seeds the shuffling of documents between epochs.
	Seed uint64
	// Log receives one line per epoch; nil means no log.
	Log io.Writer
}

// goldAtt is one training attribution: its cue range and sentence.
type goldAtt struct {
	cue  Range
	sent int
	a    *Attribution
}

// goldOf returns a document's cues per sentence and its attributions
// with a cue, in cue order.
func goldOf(d *Document) ([][]Range, []goldAtt) {
	sentOf := make([]int, len(d.Tokens))
	for si, s := range d.Sentences {
		for k := s.Start; k < s.End; k++ {
			sentOf[k] = si
		}
	}
	cues := make([][]Range, len(d.Sentences))
	var atts []goldAtt
	for i := range d.Attributions {
		a := &d.Attributions[i]
		c := a.Cue[0]
		si := sentOf[c.Start]
		if last := a.Cue[len(a.Cue)-1]; sentOf[last.End-1] == si {
			c.End = last.End
		} else {
			c.End = min(c.End, d.Sentences[si].End)
		}
		atts = append(atts, goldAtt{cue: c, sent: si, a: a})
		if !slices.Contains(cues[si], c) {
			cues[si] = append(cues[si], c)
		}
	}
	for _, cs := range cues {
		slices.SortFunc(cs, func(a, b Range) int { return a.Start - b.Start })
	}
	return cues, atts
}

// trainer holds the weights being learned and scratch space.
type trainer struct {
	m        *Model
	w        []float32
	acc      []float64
	trans    []float32
	transAcc []float64
	c        float64
	dec      decoder
	em       []float32
	gold     []int
	keys     []uint64
	// static feature indices of the current document's tokens
	idx      []int32
	idxStart []int
	// relative feature indices of the current window's tokens
	rel      []int32
	relStart []int
}

func (t *trainer) lookup(keys []uint64, out []int32) []int32 {
	for _, k := range keys {
		if f, ok := t.m.index.Get(k); ok {
			out = append(out, f)
		}
	}
	return out
}

// emit fills t.em with the scores of layer for the tokens of r; rel
// features, when present, are those of the window starting at relOff.
func (t *trainer) emit(layer int, r Range, withRel bool, relOff int) []float32 {
	t.em = t.em[:0]
	for i := r.Start; i < r.End; i++ {
		var row [nl]float32
		add := func(fs []int32) {
			for _, f := range fs {
				for l, v := range t.w[int(f)*width+layer*nl : int(f)*width+layer*nl+nl] {
					row[l] += v
				}
			}
		}
		add(t.idx[t.idxStart[i]:t.idxStart[i+1]])
		if withRel {
			add(t.rel[t.relStart[i-relOff]:t.relStart[i-relOff+1]])
		}
		t.em = append(t.em, row[:]...)
	}
	return t.em
}

// update applies the perceptron update for one decoded sequence.
func (t *trainer) update(layer int, r Range, gold, pred []int, withRel bool, relOff int) (mistakes int) {
	tr := t.trans[layer*(nl+1)*nl:]
	ta := t.transAcc[layer*(nl+1)*nl:]
	prevG, prevP := nl, nl
	bump := func(fs []int32, g, p int) {
		for _, f := range fs {
			b := int(f)*width + layer*nl
			t.w[b+g]++
			t.acc[b+g] += t.c
			t.w[b+p]--
			t.acc[b+p] -= t.c
		}
	}
	for k := range gold {
		g, p := gold[k], pred[k]
		i := r.Start + k
		if g != p {
			mistakes++
			bump(t.idx[t.idxStart[i]:t.idxStart[i+1]], g, p)
			if withRel {
				bump(t.rel[t.relStart[i-relOff]:t.relStart[i-relOff+1]], g, p)
			}
		}
		if g != p || prevG != prevP {
			tr[prevG*nl+g]++
			ta[prevG*nl+g] += t.c
			tr[prevP*nl+p]--
			ta[prevP*nl+p] -= t.c
		}
		prevG, prevP = g, p
	}
	return mistakes
}

// relFor fills t.rel with the relative features of the window's tokens.
func (t *trainer) relFor(di *docInfo, cue *cueInfo, win Range) {
	t.rel, t.relStart = t.rel[:0], t.relStart[:0]
	for i := win.Start; i < win.End; i++ {
		t.relStart = append(t.relStart, len(t.rel))
		t.keys = t.m.relKeys(di, cue, i, t.keys[:0])
		t.rel = t.lookup(t.keys, t.rel)
	}
	t.relStart = append(t.relStart, len(t.rel))
}

// Train fits an averaged structured perceptron with three label layers
// (cue, source, content) to the documents. The source and content layers
// learn from gold cues. Training is deterministic: the same data and
// options give the same model.
func Train(docs []*Document, opt TrainOptions) (*Model, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.Patience <= 0 {
		opt.Patience = 2
	}
	if opt.MinCount <= 0 {
		opt.MinCount = 2
	}
	switch {
	case opt.ContentWindow < 0:
		opt.ContentWindow = 0
	case opt.ContentWindow == 0:
		opt.ContentWindow = 1
	}
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format, a...)
		}
	}
	m := &Model{ContentWindow: opt.ContentWindow, clusters: opt.Clusters}
	// The feature table, from one pass with gold cues.
	counts := map[uint64]int32{}
	natt, ntok := 0, 0
	var keys []uint64
	for _, d := range docs {
		di := m.newDocInfo(d)
		for _, k := range di.keys {
			counts[k]++
		}
		cues, atts := goldOf(d)
		for _, g := range atts {
			cue := m.newCueInfo(di, g.cue, otherCues(cues, g.sent, m.ContentWindow, slices.Index(cues[g.sent], g.cue)))
			win := contentWindow(d, g.sent, m.ContentWindow)
			for i := win.Start; i < win.End; i++ {
				keys = m.relKeys(di, &cue, i, keys[:0])
				for _, k := range keys {
					counts[k]++
				}
			}
		}
		natt += len(atts)
		ntok += len(d.Tokens)
	}
	if natt == 0 {
		return nil, errors.New("attribution: no attributions in the training data")
	}
	fkeys := make([]uint64, 0, len(counts))
	for k, c := range counts {
		if int(c) >= opt.MinCount {
			fkeys = append(fkeys, k)
		}
	}
	counts = nil
	slices.Sort(fkeys)
	m.index = perceptron.NewIndex(fkeys)
	nf := len(fkeys)
	logf("%d documents, %d tokens, %d attributions, %d features (min count %d), content window ±%d sentences\n",
		len(docs), ntok, natt, nf, opt.MinCount, opt.ContentWindow)

	t := &trainer{
		m:        m,
		w:        make([]float32, nf*width),
		acc:      make([]float64, nf*width),
		trans:    make([]float32, nLayers*(nl+1)*nl),
		transAcc: make([]float64, nLayers*(nl+1)*nl),
		c:        1,
	}
	m.trans = t.trans // the decoders read the live transitions
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0xa77b))
	var best *Model
	bestS, bestEpoch := -1.0, 0
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var wrong, seen [nLayers]int
		for _, dIdx := range order {
			d := docs[dIdx]
			di := m.newDocInfo(d)
			t.idx, t.idxStart = t.idx[:0], t.idxStart[:0]
			for i := range d.Tokens {
				t.idxStart = append(t.idxStart, len(t.idx))
				t.idx = t.lookup(di.keys[di.start[i]:di.start[i+1]], t.idx)
			}
			t.idxStart = append(t.idxStart, len(t.idx))
			cues, atts := goldOf(d)
			for si, s := range d.Sentences {
				t.gold = labelsOf(cues[si], s, t.gold)
				pred := t.dec.viterbi(t.emit(layerCue, s, false, 0), s.End-s.Start, t.trans[layerCue*(nl+1)*nl:])
				wrong[layerCue] += t.update(layerCue, s, t.gold, pred, false, 0)
				seen[layerCue] += s.End - s.Start
				t.c++
			}
			for _, g := range atts {
				cue := m.newCueInfo(di, g.cue, otherCues(cues, g.sent, m.ContentWindow, slices.Index(cues[g.sent], g.cue)))
				win := contentWindow(d, g.sent, m.ContentWindow)
				t.relFor(di, &cue, win)
				for _, ly := range []int{layerSource, layerContent} {
					r, spans := d.Sentences[g.sent], g.a.Source
					if ly == layerContent {
						r, spans = win, g.a.Content
					}
					t.gold = labelsOf(spans, r, t.gold)
					pred := m.decode(&t.dec, ly, t.emit(ly, r, true, win.Start), r.End-r.Start)
					wrong[ly] += t.update(ly, r, t.gold, pred, true, win.Start)
					seen[ly] += r.End - r.Start
				}
				t.c++
			}
		}
		avg := t.averaged()
		s := -1.0
		var rep Scores
		if len(opt.Dev) > 0 {
			rep = Evaluate(avg, opt.Dev)
			s = rep.All.Summary()
		}
		logf("epoch %2d: wrong tokens cue %.2f%% source %.2f%% content %.2f%%; dev cue F1 %.3f (exact %.3f), source acc %.3f, content F1 %.3f; %.1fs\n",
			epoch, pct(wrong[0], seen[0]), pct(wrong[1], seen[1]), pct(wrong[2], seen[2]),
			rep.All.CueOverlap.F1(), rep.All.CueExact.F1(), rep.All.SourceAccuracy(), rep.All.ContentTokens.F1(), time.Since(start).Seconds())
		if len(opt.Dev) == 0 || s > bestS {
			best, bestS, bestEpoch = avg, s, epoch
		} else if epoch-bestEpoch >= opt.Patience {
			break
		}
	}
	best.prune()
	best.split()
	logf("kept epoch %d (dev summary %.3f), %d features with weights\n", bestEpoch, bestS, best.NumFeatures())
	if len(opt.Dev) > 0 {
		// The cue bias: the best on dev of a small grid.
		bestB := float32(0)
		for _, b := range []float32{2, 4, 8, 12, 16, 24, 32} {
			best.CueBias = b
			rep := Evaluate(best, opt.Dev)
			logf("cue bias %4.1f: dev cue F1 %.3f (P %.3f R %.3f), source acc %.3f, content F1 %.3f, summary %.3f\n",
				b, rep.All.CueOverlap.F1(), rep.All.CueOverlap.P(), rep.All.CueOverlap.R(), rep.All.SourceAccuracy(), rep.All.ContentTokens.F1(), rep.All.Summary())
			if s := rep.All.Summary(); s > bestS {
				bestS, bestB = s, b
			}
		}
		best.CueBias = bestB
		logf("kept cue bias %.1f (dev summary %.3f)\n", bestB, bestS)
	}
	return best, nil
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }

// averaged returns a model with the averaged weights w - acc/c.
func (t *trainer) averaged() *Model {
	a := *t.m
	a.w = perceptron.Averaged(t.w, t.acc, t.c)
	a.trans = perceptron.Averaged(t.trans, t.transAcc, t.c)
	a.split()
	return &a
}

// prune drops features whose weights are all (nearly) zero.
func (m *Model) prune() { m.index, m.w = perceptron.Prune(m.index, m.w, width, 1e-3) }
