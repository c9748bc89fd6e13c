package provenance

import (
	"sync"

	"sitrep/internal/news"
)

// prepared is what the judge derives from one article on its own: its
// compared text as a doc, its text hash, shingle set and LSH keys, the
// source it declares, the citations it makes, the quotation share of
// each sentence, and (when first needed) the measures of an article with
// no source. Every comparison of the article reads it, so a link pass
// derives it once per article instead of once per comparison. It depends
// only on the article's text and metadata, which an article ID fixes.
type prepared struct {
	a        *news.Article
	d        *doc
	hash     string
	shingles map[uint64]bool
	keys     []int64
	declared string // a.DeclaredSource, else the source the text names as a whole
	cited    []news.Citation
	quoted   []float64

	aloneOnce sync.Once
	alone     aloneMeasures
}

// aloneMeasures are the measures of standalone, which read the article's
// text only.
type aloneMeasures struct {
	cols []collocation
	rate float64 // improbable collocations per 100 words
	op   opinionMeasures
	fm   fillerMeasures
	note []string // the text's note that it is a translation
}

// prepare derives a's prepared form.
func (j *Judge) prepare(a *news.Article) *prepared {
	d := newDoc(a.Text, a.Sentences)
	pa := &prepared{a: a, d: d, hash: news.TextHash(a.Text), keys: keysOf(d.words), declared: a.DeclaredSource}
	pa.shingles = shingleSet(d.words)
	if pa.declared == "" {
		pa.declared = wholeSource(d.text)
	}
	for _, c := range citations(d.text) {
		pa.cited = append(pa.cited, news.Citation{Span: c.Span, Source: c.source})
	}
	pa.quoted = quotedShare(d)
	return pa
}

// measureAlone measures d for standalone.
func (j *Judge) measureAlone(d *doc) aloneMeasures {
	cols := improbable(d, j.syn, j.lm)
	return aloneMeasures{
		cols: cols,
		rate: 100 * float64(len(cols)) / float64(max(1, len(d.words))),
		op:   measureOpinion(d),
		fm:   measureFiller(d),
		note: translationNote(d.text),
	}
}

// pairing is the comparison of a judged article with one earlier
// article: an anchor share when their languages differ, else a match
// (whose src the judge sets).
type pairing struct {
	translated bool
	share      float64
	anchors    int
	match      *match
}

// memo holds the prepared articles and the comparisons of one link pass,
// for concurrent use. A nil memo memoizes nothing.
type memo struct {
	j     *Judge
	mu    sync.Mutex
	preps map[string]*prepEntry
	pairs map[[2]string]*pairing
}

// prepEntry is one article of a memo, prepared once.
type prepEntry struct {
	once sync.Once
	a    *news.Article
	p    *prepared
}

func newMemo(j *Judge) *memo {
	return &memo{j: j, preps: map[string]*prepEntry{}, pairs: map[[2]string]*pairing{}}
}

// prepared returns a prepared, from the memo when it holds a's ID.
func (mm *memo) prepared(a *news.Article) *prepared {
	if mm == nil {
		return nil
	}
	mm.mu.Lock()
	e := mm.preps[a.ID]
	if e == nil {
		e = &prepEntry{a: a}
		mm.preps[a.ID] = e
	}
	mm.mu.Unlock()
	e.once.Do(func() { e.p = mm.j.prepare(e.a) })
	return e.p
}

// cached returns the prepared article of id when the memo holds it.
func (mm *memo) cached(id string) *prepared {
	mm.mu.Lock()
	e := mm.preps[id]
	mm.mu.Unlock()
	if e == nil {
		return nil
	}
	e.once.Do(func() { e.p = mm.j.prepare(e.a) })
	return e.p
}

// put makes pa the memo's prepared form of its article (after the step
// changed its verdict, so that later sources read the new one).
func (mm *memo) put(pa *prepared) {
	e := &prepEntry{a: pa.a, p: pa}
	e.once.Do(func() {})
	mm.mu.Lock()
	mm.preps[pa.a.ID] = e
	mm.mu.Unlock()
}

// trim forgets every prepared article when the memo holds more than n,
// and the comparisons of the judged article id.
func (mm *memo) trim(id string, n int) {
	mm.mu.Lock()
	defer mm.mu.Unlock()
	for k := range mm.pairs {
		if k[0] == id {
			delete(mm.pairs, k)
		}
	}
	if len(mm.preps) > n {
		clear(mm.preps)
	}
}

// pair returns the comparison of pa with src, computing it (and src's
// prepared form) when the memo does not hold it.
func (mm *memo) pair(j *Judge, pa *prepared, src *news.Article) *pairing {
	key := [2]string{pa.a.ID, src.ID}
	if mm != nil {
		mm.mu.Lock()
		pr := mm.pairs[key]
		mm.mu.Unlock()
		if pr != nil {
			return pr
		}
	}
	pr := &pairing{}
	if translated(pa.a, src) {
		pr.translated = true
		pr.share, pr.anchors = anchorShare(pa.d, src)
	} else {
		pb := mm.prepared(src)
		if pb == nil {
			pb = j.prepare(src)
		}
		pr.match = j.compare(pa, pb)
	}
	if mm != nil {
		mm.mu.Lock()
		mm.pairs[key] = pr
		mm.mu.Unlock()
	}
	return pr
}
