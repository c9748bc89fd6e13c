package ner

import (
	"errors"
	"fmt"
	"io"
	"sitrep/internal/perceptron"
)

// Model is a trained tagger. It is immutable and safe for concurrent use.
type Model struct {
	// Types are the entity types, in label order ("PER", "ORG" …).
	Types []string
	// Features are the families the model was trained with.
	Features Features
	// Gazetteer is the gazetteer the model was trained with; nil if none.
	Gazetteer *Gazetteer
	// Clusters maps words to cluster bit strings; nil if none.
	Clusters map[string]string
	// Lexicon holds the name lists of the lexicon features; nil if none.
	Lexicon *Lexicon
	// First is the first-pass model of a two-pass model (FeatTwoPass);
	// it shares this model's gazetteer, clusters and lexicon.
	First *Model

	gazEntries map[string]string
	index      *perceptron.Index
	w          []float32           // len(index) × nl
	trans      []float32           // (nl+1) × nl; row nl is the start
	machine    *perceptron.Machine // BILOU's allowed transitions
}

// nl is the number of BILOU labels.
func (m *Model) nl() int { return 1 + 4*len(m.Types) }

// Label returns the BILOU name of label l ("O", "B-PER", "U-LOC" …).
func (m *Model) Label(l int) string {
	if l == 0 {
		return "O"
	}
	return string("BILU"[(l-1)%4]) + "-" + m.Types[(l-1)/4]
}

// NumFeatures returns the number of features with weights.
func (m *Model) NumFeatures() int { return m.index.Len() }

// label indices: 0 is O; type k has B=1+4k, I=2+4k, L=3+4k, U=4+4k.
func labelOf(prefix byte, typ int) int {
	switch prefix {
	case 'B':
		return 1 + 4*typ
	case 'I':
		return 2 + 4*typ
	case 'L':
		return 3 + 4*typ
	}
	return 4 + 4*typ
}

// setConstraints fills the allowed transitions of BILOU.
func (m *Model) setConstraints() {
	nl := m.nl()
	allowed := make([]bool, (nl+1)*nl)
	final := make([]bool, nl)
	outside := func(l int) bool { return l == 0 || (l-1)%4 >= 2 } // O, L, U
	for prev := 0; prev <= nl; prev++ {
		for cur := range nl {
			var ok bool
			curP := (cur - 1) % 4 // 0 B, 1 I, 2 L, 3 U
			if prev == nl || outside(prev) {
				ok = cur == 0 || curP == 0 || curP == 3
			} else {
				ok = cur != 0 && (curP == 1 || curP == 2) && (cur-1)/4 == (prev-1)/4
			}
			allowed[prev*nl+cur] = ok
		}
	}
	for l := range nl {
		final[l] = outside(l)
	}
	m.machine = perceptron.NewMachine(nl, allowed, final)
}

// toBILOU converts IOB2 (or IOB1) tags to label indices; unknown types
// become O.
func (m *Model) toBILOU(tags []string) []int {
	out := make([]int, len(tags))
	typeIdx := map[string]int{}
	for i, t := range m.Types {
		typeIdx[t] = i
	}
	for _, c := range Chunks(tags) {
		k, ok := typeIdx[c.Type]
		if !ok {
			continue
		}
		if c.End-c.Start == 1 {
			out[c.Start] = labelOf('U', k)
			continue
		}
		out[c.Start] = labelOf('B', k)
		for i := c.Start + 1; i < c.End-1; i++ {
			out[i] = labelOf('I', k)
		}
		out[c.End-1] = labelOf('L', k)
	}
	return out
}

// toIOB2 converts label indices to IOB2 tags.
func (m *Model) toIOB2(labels []int) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		if l == 0 {
			out[i] = "O"
			continue
		}
		p := "I-"
		if q := (l - 1) % 4; q == 0 || q == 3 {
			p = "B-"
		}
		out[i] = p + m.Types[(l-1)/4]
	}
	return out
}

// histType maps a label to a history slot: 0 for O, 1+type otherwise.
func histType(l int) int {
	if l == 0 {
		return 0
	}
	t := 1 + (l-1)/4
	if t > 4 {
		t = 4
	}
	return t
}

// emissions fills em (n × nl) with the feature scores of each token and
// returns the scratch buffer for reuse.
func emissions(em []float32, x *extractor, h history, index *perceptron.Index, w []float32, nl int, useHist bool, buf []uint64) []uint64 {
	n := len(x.toks)
	addKey := func(row []float32, k uint64) {
		f, ok := index.Get(k)
		if !ok {
			return
		}
		ws := w[int(f)*nl : int(f)*nl+nl]
		for l, v := range ws {
			row[l] += v
		}
	}
	for i := range n {
		row := em[i*nl : (i+1)*nl]
		clear(row)
		for _, k := range x.keys[x.start[i]:x.start[i+1]] {
			addKey(row, k)
		}
		if useHist {
			buf = x.histKeys(i, h, buf[:0])
			for _, k := range buf {
				addKey(row, k)
			}
		}
	}
	return buf
}

// viterbi returns the best label sequence under em and the
// transitions, in out's storage.
func (m *Model) viterbi(em []float32, n int, trans []float32, out []int) []int {
	var d perceptron.Decoder
	return append(out[:0], d.Decode(m.machine, em, n, trans)...)
}

// TagDocument tags the sentences of one document (each a list of words)
// and returns their IOB2 tags. Document-level features see all the
// sentences; the label history runs in order.
func (m *Model) TagDocument(sents [][]string) [][]string {
	labels := m.tagLabels(sents)
	out := make([][]string, len(sents))
	for i, l := range labels {
		out[i] = m.toIOB2(l)
	}
	return out
}

// newDoc returns the document-level evidence the model's features need,
// or nil; a two-pass model runs its first pass here.
func (m *Model) newDoc(sents [][]string, prior [][]int) *docInfo {
	var doc *docInfo
	if m.Features&FeatDocument != 0 {
		doc = newDocInfo(sents)
	}
	if m.Features&FeatTwoPass != 0 {
		if prior == nil && m.First != nil {
			prior = m.First.tagLabels(sents)
		}
		if prior != nil {
			if doc == nil {
				doc = &docInfo{}
			}
			doc.setPrior(sents, prior)
		}
	}
	return doc
}

// tagLabels tags a document and returns the label indices.
func (m *Model) tagLabels(sents [][]string) [][]int {
	x := m.newExtractor()
	doc := m.newDoc(sents, nil)
	h := history{}
	useHist := m.Features&FeatHistory != 0
	nl := m.nl()
	out := make([][]int, len(sents))
	var em []float32
	var buf []uint64
	types := []int{}
	for si, words := range sents {
		x.static(words, doc, si)
		n := len(words)
		if cap(em) < n*nl {
			em = make([]float32, n*nl)
		}
		em = em[:n*nl]
		buf = emissions(em, x, h, m.index, m.w, nl, useHist, buf)
		labels := m.viterbi(em, n, m.trans, nil)
		out[si] = labels
		if useHist {
			types = types[:0]
			for _, l := range labels {
				types = append(types, histType(l))
			}
			x.record(h, types)
		}
	}
	return out
}

// Model file magics: version 2 adds the lexicon and the first pass.
const (
	modelMagic1 = "sitrep-ner-1\n"
	modelMagic  = "sitrep-ner-2\n"
)

// Save writes the model in its gzipped binary format. The output is a
// deterministic function of the model.
func (m *Model) Save(w io.Writer) error {
	return perceptron.Save(w, modelMagic, func(pw *perceptron.Writer) error { return m.encode(pw, true) })
}

// encode writes the model; tables is false for a first pass, which
// shares its parent's gazetteer, clusters and lexicon.
func (m *Model) encode(w *perceptron.Writer, tables bool) error {
	w.Uvarint(uint64(m.Features))
	w.Uvarint(uint64(len(m.Types)))
	for _, t := range m.Types {
		w.String(t)
	}
	if tables {
		w.StringMap(m.gazEntries)
		w.StringMap(m.Clusters)
		if m.Lexicon != nil {
			w.Uvarint(1)
			if err := m.Lexicon.encode(w); err != nil {
				return err
			}
		} else {
			w.Uvarint(0)
		}
	}
	for _, v := range m.trans {
		w.Float32(v)
	}
	w.Weights(m.index, m.w, m.nl())
	if tables {
		if m.First != nil {
			w.Uvarint(1)
			return m.First.encode(w, false)
		}
		w.Uvarint(0)
	}
	return nil
}

// Load reads a model written by Save (this version or the previous one).
func Load(r io.Reader) (*Model, error) {
	pr, magic, err := perceptron.Open(r, modelMagic, modelMagic1)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	m, err := decodeModel(pr, nil, magic == modelMagic)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	return m, nil
}

// decodeModel reads a model written by encode; parent is the model a
// first pass shares its tables with, nil for the top model.
func decodeModel(r *perceptron.Reader, parent *Model, v2 bool) (*Model, error) {
	m := &Model{Features: Features(r.Uvarint())}
	nt := r.Uvarint()
	if nt == 0 || nt > 60 {
		return nil, errors.New("bad type count")
	}
	for range nt {
		m.Types = append(m.Types, r.String(1<<20))
	}
	if parent != nil {
		m.gazEntries, m.Gazetteer, m.Clusters, m.Lexicon = parent.gazEntries, parent.Gazetteer, parent.Clusters, parent.Lexicon
	} else {
		if m.gazEntries = r.StringMap(r.Uvarint(), 1<<20); m.gazEntries != nil {
			m.Gazetteer = NewGazetteer(m.gazEntries)
		}
		m.Clusters = r.StringMap(r.Uvarint(), 1<<20)
		if v2 && r.Uvarint() == 1 && r.Err() == nil {
			lex, err := decodeLexicon(r)
			if err != nil {
				return nil, err
			}
			m.Lexicon = lex
		}
	}
	nl := m.nl()
	m.trans = make([]float32, (nl+1)*nl)
	for i := range m.trans {
		m.trans[i] = r.Float32()
	}
	var err error
	if m.index, m.w, err = r.Weights(nl, 1<<26); err != nil {
		return nil, err
	}
	m.setConstraints()
	if parent == nil && v2 && r.Uvarint() == 1 && r.Err() == nil {
		first, err := decodeModel(r, m, v2)
		if err != nil {
			return nil, fmt.Errorf("first pass: %w", err)
		}
		m.First = first
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	return m, nil
}
