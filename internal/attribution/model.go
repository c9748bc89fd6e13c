package attribution

import (
	"errors"
	"fmt"
	"io"
	"sitrep/internal/perceptron"
)

// Labels of one layer: BILOU for a single span type.
const (
	lO = iota
	lB
	lI
	lL
	lU
	nl // labels per layer
)

// The three label layers, in the order they are decoded.
const (
	layerCue = iota
	layerSource
	layerContent
	nLayers
	width = nl * nLayers // weights per feature
)

// Model is a trained attribution tagger. It is immutable and safe for
// concurrent use.
type Model struct {
	// ContentWindow is how many sentences either side of the cue's
	// sentence the content tagger sees.
	ContentWindow int
	// CueBias is subtracted from the cue layer's O score: above zero it
	// trades cue precision for recall. Training chooses it on dev.
	CueBias float32

	clusters map[string]string
	index    *perceptron.Index
	w        []float32 // len(index) × width
	// The same weights split by layer, for cache-friendly tagging: the
	// cue layer's (len(index) × nl) and the source and content layers'
	// (len(index) × 2nl). Set by split.
	wCue, wSC []float32
	trans     []float32 // nLayers × (nl+1) × nl; row nl of each layer is the start
}

// split fills wCue and wSC from w.
func (m *Model) split() {
	nf := len(m.w) / width
	m.wCue, m.wSC = make([]float32, nf*nl), make([]float32, nf*2*nl)
	for f := range nf {
		copy(m.wCue[f*nl:(f+1)*nl], m.w[f*width:f*width+nl])
		copy(m.wSC[f*2*nl:(f+1)*2*nl], m.w[f*width+nl:(f+1)*width])
	}
}

// NumFeatures returns the number of features with weights.
func (m *Model) NumFeatures() int { return m.index.Len() }

// allowed[prev*nl+cur] says whether BILOU allows cur after prev; prev
// nl is the start of the sequence.
var allowed = func() []bool {
	a := make([]bool, (nl+1)*nl)
	for prev := 0; prev <= nl; prev++ {
		for cur := range nl {
			if prev == nl || prev == lO || prev == lL || prev == lU {
				a[prev*nl+cur] = cur == lO || cur == lB || cur == lU
			} else {
				a[prev*nl+cur] = cur == lI || cur == lL
			}
		}
	}
	return a
}()

func final(l int) bool { return l == lO || l == lL || l == lU }

// decoder holds Viterbi scratch space.
type decoder struct{ perceptron.Decoder }

// bilou is plain BILOU over one span type.
var bilou = func() *perceptron.Machine {
	finals := make([]bool, nl)
	for l := range nl {
		finals[l] = final(l)
	}
	return perceptron.NewMachine(nl, allowed, finals)
}()

// oneSpan is BILOU with at most one span: the states are the labels
// before the span plus an O after it.
var oneSpan = func() *perceptron.Machine {
	const ns, oAfter = nl + 1, nl
	m := &perceptron.Machine{NL: nl, States: ns, Labels: []int{lO, lB, lI, lL, lU, lO}, OK: make([]bool, ns*ns), Start: make([]bool, ns), Final: make([]bool, ns)}
	for prev := range ns {
		for cur := range ns {
			var ok bool
			switch prev {
			case lO:
				ok = cur == lO || cur == lB || cur == lU
			case lB, lI:
				ok = cur == lI || cur == lL
			default: // after L, U or the span
				ok = cur == oAfter
			}
			m.OK[prev*ns+cur] = ok
		}
	}
	for s := range ns {
		m.Start[s] = s == lO || s == lB || s == lU
		m.Final[s] = s != lB && s != lI
	}
	return m
}()

// viterbi returns the best BILOU sequence for em (n × nl) under trans
// ((nl+1) × nl).
func (d *decoder) viterbi(em []float32, n int, trans []float32) []int {
	return d.Decode(bilou, em, n, trans)
}

// viterbiOne is viterbi restricted to at most one span, so the best
// single span (or none) wins. Sources are one phrase.
func (d *decoder) viterbiOne(em []float32, n int, trans []float32) []int {
	return d.Decode(oneSpan, em, n, trans)
}

// rangesOf turns BILOU labels of tokens off, off+1 … into ranges.
func rangesOf(labels []int, off int) []Range {
	var out []Range
	start := -1
	for i, l := range labels {
		switch l {
		case lU:
			out = append(out, Range{off + i, off + i + 1})
			start = -1
		case lB:
			start = i
		case lL:
			if start >= 0 {
				out = append(out, Range{off + start, off + i + 1})
			}
			start = -1
		case lO:
			start = -1
		}
	}
	return out
}

// labelsOf writes the BILOU labels of the ranges clipped to the window
// into out; a range overlapping an earlier one is skipped.
func labelsOf(rs []Range, win Range, out []int) []int {
	out = out[:0]
	for range win.End - win.Start {
		out = append(out, lO)
	}
	for _, r := range rs {
		s, e := max(r.Start, win.Start), min(r.End, win.End)
		if s >= e {
			continue
		}
		free := true
		for k := s; k < e; k++ {
			if out[k-win.Start] != lO {
				free = false
			}
		}
		if !free {
			continue
		}
		if e-s == 1 {
			out[s-win.Start] = lU
			continue
		}
		out[s-win.Start] = lB
		for k := s + 1; k < e-1; k++ {
			out[k-win.Start] = lI
		}
		out[e-1-win.Start] = lL
	}
	return out
}

// contentWindow is the token range of sentences cs-w … cs+w.
func contentWindow(d *Document, cs, w int) Range {
	lo, hi := max(0, cs-w), min(len(d.Sentences)-1, cs+w)
	return Range{d.Sentences[lo].Start, d.Sentences[hi].End}
}

// Tag finds the attributions of a document: cues first, sentence by
// sentence, then for each cue its source in the cue's sentence and its
// content in the window of ContentWindow sentences around it.
func (m *Model) Tag(d *Document) []Attribution { return m.TagCues(d, nil) }

// TagCues is Tag for the cues keep accepts (all when keep is nil): the
// cue layer runs over every sentence, the costlier source and content
// layers only for the cues kept.
func (m *Model) TagCues(d *Document, keep func(cue Range) bool) []Attribution {
	di := m.newDocInfo(d)
	n := len(d.Tokens)
	// Feature indices of every token, looked up once; the cue layer's
	// scores for every token, the other layers' static scores on demand.
	idx := make([]int32, 0, len(di.keys))
	idxStart := make([]int, n+1)
	em := make([]float32, n*nl)
	for i := range n {
		idxStart[i] = len(idx)
		row := em[i*nl : (i+1)*nl]
		for _, k := range di.keys[di.start[i]:di.start[i+1]] {
			if f, ok := m.index.Get(k); ok {
				idx = append(idx, f)
				for l, v := range m.wCue[int(f)*nl : int(f)*nl+nl] {
					row[l] += v
				}
			}
		}
	}
	idxStart[n] = len(idx)
	var st []float32 // n × (source, content) static scores
	var done []bool
	static := func(i int) []float32 {
		if st == nil {
			st, done = make([]float32, n*2*nl), make([]bool, n)
		}
		row := st[i*2*nl : (i+1)*2*nl]
		if !done[i] {
			for _, f := range idx[idxStart[i]:idxStart[i+1]] {
				for l, v := range m.wSC[int(f)*2*nl : int(f)*2*nl+2*nl] {
					row[l] += v
				}
			}
			done[i] = true
		}
		return row
	}
	var dec decoder
	var buf []float32
	layerEm := func(win Range) []float32 {
		buf = append(buf[:0], em[win.Start*nl:win.End*nl]...)
		return buf
	}
	var out []Attribution
	cuesBySent := make([][]Range, len(d.Sentences))
	for si, s := range d.Sentences {
		ce := layerEm(s)
		for k := 0; k < len(ce); k += nl {
			ce[k+lO] -= m.CueBias
		}
		labels := dec.viterbi(ce, s.End-s.Start, m.trans[layerCue*(nl+1)*nl:])
		cuesBySent[si] = rangesOf(labels, s.Start)
	}
	var keys []uint64
	var rel, em2 []float32
	for si, cues := range cuesBySent {
		sent := d.Sentences[si]
		win := contentWindow(d, si, m.ContentWindow)
		for ci, c := range cues {
			if keep != nil && !keep(c) {
				continue
			}
			cue := m.newCueInfo(di, c, otherCues(cuesBySent, si, m.ContentWindow, ci))
			// The relative features' scores for the source and content
			// layers, for the tokens of r.
			relBase := 0
			relFor := func(r Range) {
				rel, relBase = rel[:0], r.Start
				for i := r.Start; i < r.End; i++ {
					var row [2 * nl]float32
					keys = m.relKeys(di, &cue, i, keys[:0])
					for _, k := range keys {
						if f, ok := m.index.Get(k); ok {
							for l, v := range m.wSC[int(f)*2*nl : int(f)*2*nl+2*nl] {
								row[l] += v
							}
						}
					}
					rel = append(rel, row[:]...)
				}
			}
			layer := func(r Range, ly int) []Range {
				em2 = em2[:0]
				for i := r.Start; i < r.End; i++ {
					sr := static(i)[(ly-1)*nl:]
					rl := rel[(i-relBase)*2*nl+(ly-1)*nl:]
					for l := range nl {
						em2 = append(em2, sr[l]+rl[l])
					}
				}
				return rangesOf(m.decode(&dec, ly, em2, r.End-r.Start), r.Start)
			}
			relFor(win)
			src, content := layer(sent, layerSource), layer(win, layerContent)
			out = append(out, Attribution{Cue: []Range{c}, Source: src, Content: di.quoteEnds(content)})
		}
	}
	return out
}

// quoteEnds extends a content that starts or ends inside a quotation to
// the quotation's marks: quotations run over sentences, and PolNeAR
// contents take the whole of one.
func (di *docInfo) quoteEnds(rs []Range) []Range {
	if len(rs) == 0 {
		return rs
	}
	first, last := &rs[0], &rs[len(rs)-1]
	if i := last.End - 1; di.toks[i].inQuote {
		j := i + 1
		for j < len(di.toks) && di.toks[j].inQuote {
			j++
		}
		if j < len(di.toks) && (di.toks[j].quote == qClose || di.toks[j].quote == qStraight) {
			j++
		}
		last.End = j
	}
	if i := first.Start; di.toks[i].inQuote {
		j := i
		for j > 0 && di.toks[j-1].inQuote {
			j--
		}
		if j > 0 && (di.toks[j-1].quote == qOpen || di.toks[j-1].quote == qStraight) {
			j--
		}
		first.Start = j
	}
	return mergeRanges(rs)
}

// decode runs the decoder of a layer: one span at most for sources.
func (m *Model) decode(dec *decoder, layer int, em []float32, n int) []int {
	tr := m.trans[layer*(nl+1)*nl:]
	if layer == layerSource {
		return dec.viterbiOne(em, n, tr)
	}
	return dec.viterbi(em, n, tr)
}

// otherCues lists the cues of the sentences si-w … si+w other than the
// ci-th of sentence si.
func otherCues(bySent [][]Range, si, w, ci int) []Range {
	var out []Range
	for s := max(0, si-w); s <= min(len(bySent)-1, si+w); s++ {
		for k, c := range bySent[s] {
			if s != si || k != ci {
				out = append(out, c)
			}
		}
	}
	return out
}

const modelMagic = "sitrep-attribution-1\n"

// Save writes the model in its gzipped binary format, a deterministic
// function of the model.
func (m *Model) Save(w io.Writer) error {
	return perceptron.Save(w, modelMagic, func(pw *perceptron.Writer) error {
		pw.Uvarint(uint64(m.ContentWindow))
		pw.Float32(m.CueBias)
		pw.StringMap(m.clusters)
		for _, v := range m.trans {
			pw.Float32(v)
		}
		pw.Weights(m.index, m.w, width)
		return nil
	})
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	pr, _, err := perceptron.Open(r, modelMagic)
	if err != nil {
		return nil, fmt.Errorf("attribution model: %w", err)
	}
	m := &Model{ContentWindow: int(pr.Uvarint())}
	m.CueBias = pr.Float32()
	nc := pr.Uvarint()
	if nc > 1<<24 {
		return nil, errors.New("attribution model: bad cluster count")
	}
	m.clusters = pr.StringMap(nc, 1<<16)
	m.trans = make([]float32, nLayers*(nl+1)*nl)
	for i := range m.trans {
		m.trans[i] = pr.Float32()
	}
	if m.index, m.w, err = pr.Weights(width, 1<<26); err != nil {
		return nil, fmt.Errorf("attribution model: %w", err)
	}
	m.split()
	return m, nil
}
