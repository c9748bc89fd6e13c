package provenance

import (
	"math"
	"slices"

	"sitrep/internal/annotate/syntax"
	"sitrep/internal/news"
	ud "sitrep/internal/syntax"
)

// Kinds of provenance verdicts.
const (
	KindOriginal    = "original"
	KindCopy        = "copy"
	KindPartialCopy = "partial_copy"
	KindRewrite     = "rewrite"
	KindSummary     = "summary"
	KindSpun        = "spun"
	KindRevision    = "revision"    // the same document (host and path) fetched again
	KindTranslation = "translation" // the source's text in another language
	KindFiller      = "filler"
	KindOpinion     = "opinion"
)

// Derived reports whether a kind names an article made from another.
func Derived(kind string) bool {
	switch kind {
	case KindCopy, KindPartialCopy, KindRewrite, KindSummary, KindSpun, KindRevision, KindTranslation:
		return true
	}
	return false
}

// Judge decides provenance verdicts. It is safe for concurrent use.
type Judge struct {
	syn    *Synonyms
	lm     *LM
	tagger *ud.Analyzer
}

// NewJudge returns a Judge using the given tables and part-of-speech
// tagger; nil switches off the tests that need them (synonym
// substitutions, improbable collocations, disfluent substitutions, parts
// of speech kept).
func NewJudge(syn *Synonyms, lm *LM, tagger *ud.Analyzer) *Judge {
	return &Judge{syn: syn, lm: lm, tagger: tagger}
}

// DefaultJudge returns a Judge with the embedded synonym table,
// background model and tagger.
func DefaultJudge() (*Judge, error) {
	syn, err := DefaultSynonyms()
	if err != nil {
		return nil, err
	}
	lm, err := DefaultLM()
	if err != nil {
		return nil, err
	}
	tagger, err := syntax.Model()
	if err != nil {
		return nil, err
	}
	return NewJudge(syn, lm, tagger), nil
}

// Source is an earlier article that may be the one an article derives
// from, with its own verdict so that copies resolve to their original.
type Source struct {
	Article *news.Article
	// Verdict is the source's own provenance, nil if not judged.
	Verdict *news.Provenance
	// Declared is true when the judged article names this source.
	Declared bool
}

// match is the comparison of an article with one source.
type match struct {
	src         *Source
	doc         *doc
	sameHash    bool
	jaccard     float64 // of word 5-shingle sets
	containment float64 // share of this article's shingles in the source
	reused      float64 // share of words in verbatim or near-verbatim sentences
	reusedWords int     // reused words outside quotations
	words       int     // words of the judged article
	quoted      float64 // share of words in reused sentences that are quotations
	reusedOf    float64 // share of the source's words reused so
	edited      float64 // share of words in edited sentences
	editedOf    float64
	para        float64 // share of words in paraphrased sentences
	lengthRatio float64
	subs        []news.Substitution
	synSubs     int
	spin        spinSignals
	passages    []news.Passage
}

func (m *match) strength() float64 { return m.reused + m.edited + 0.5*m.para }

// Verdict thresholds; docs/BENCHMARKS.md shows how they were measured.
const (
	copyShare       = 0.95 // both sides reused for a copy
	partialShare    = 0.25 // share of the article reused for a partial copy
	partialOfShare  = 0.50 // … or share of the source reused (a grown update)
	spunEdited      = 0.25 // share of words in substituted sentences
	spunCovered     = 0.60 // reused + edited
	spunSynonyms    = 3    // synonym substitutions at least
	spunSynRatio    = 0.20 // share of substitutions that are synonyms
	spunDensity     = 0.01 // … or synonym substitutions per word, when most substitutions are synonyms
	partialMinWords = 12   // reused words of a partial copy
	derivedShare    = 0.50 // reused + edited + paraphrased for a rewrite
	declaredShare   = 0.30 // … when the article names the source
	summaryLength   = 0.60 // a summary is at most this long relative to its source
	improbableMin   = 5    // improbable collocations for spin without a source
	improbableRate  = 1.5  // … per 100 words
	opinionScore    = 0.5
	fillerScore     = 0.6
	declaredRewrite = 0.6 // score of a rewrite known only by its declaration
)

// Judge returns the provenance of a among sources, which must all be
// earlier than a (in publication order) and come earliest first.
func (j *Judge) Judge(a *news.Article, sources []Source) *news.Provenance {
	return j.judge(j.prepare(a), sources, nil)
}

// judge is Judge over a prepared article, taking the prepared sources and
// their comparisons with pa from mm (nil: computing them here). The
// verdict depends only on pa, the sources (their order, verdicts and
// declarations) and pure functions of their texts, so a memoized
// comparison gives the verdict a fresh one would.
func (j *Judge) judge(pa *prepared, sources []Source, mm *memo) *news.Provenance {
	a := pa.a
	p := &news.Provenance{DeclaredSource: pa.declared}
	ev := &news.ProvenanceEvidence{Measures: map[string]float64{}}
	if len(pa.cited) > 0 {
		ev.Cited = slices.Clone(pa.cited)
	}
	p.Evidence = ev

	defer func() {
		if p.Origin == "" {
			p.Origin = OriginOf(a)
		}
	}()
	// A document fetched again from its own address is a revision of the
	// latest earlier fetch, whatever it changed.
	for i := len(sources) - 1; i >= 0; i-- {
		s := &sources[i]
		if s.Article != nil && s.Article.ID != a.ID && sameDocument(a.URL, s.Article.URL) {
			p.Kind, p.Score = KindRevision, 1
			linkTo(p, s)
			return finish(p)
		}
	}
	var best *match
	for i := range sources {
		s := &sources[i]
		if s.Article == nil || s.Article.ID == a.ID {
			continue
		}
		pr := mm.pair(j, pa, s.Article)
		if pr.translated {
			if pr.anchors >= translationAnchors && pr.share >= translationShare {
				p.Kind, p.Score, p.Language = KindTranslation, pr.share, s.Article.Language
				p.Evidence.Measures["anchors"], p.Evidence.Measures["anchor_share"] = float64(pr.anchors), pr.share
				linkTo(p, s)
				return finish(p)
			}
			continue
		}
		m := *pr.match
		m.src = s
		if best == nil || m.sameHash && !best.sameHash || !best.sameHash && m.strength() > best.strength()+0.02 {
			best = &m
		}
	}
	if best != nil && j.derive(p, best) {
		return finish(p)
	}
	j.standalone(p, pa)
	return finish(p)
}

// linkTo makes p derive from src: Of is the source (its original when
// the source is itself a copy), Family the source's family, and the
// origin the source's when the kind folds into it.
func linkTo(p *news.Provenance, src *Source) {
	p.Of, p.Family = src.Article.ID, src.Article.ID
	if v := src.Verdict; v != nil {
		if v.Kind == KindCopy && v.Of != "" {
			p.Of = v.Of // a copy of a copy derives from the original
		}
		if v.Family != "" {
			p.Family = v.Family
		}
	}
	if folds(p.Kind) {
		p.Origin = originFrom(src)
	}
}

func finish(p *news.Provenance) *news.Provenance {
	for k, v := range p.Evidence.Measures {
		p.Evidence.Measures[k] = math.Round(v*1000) / 1000
	}
	p.Score = math.Round(p.Score*1000) / 1000
	if len(p.Evidence.Measures) == 0 {
		p.Evidence.Measures = nil
	}
	if p.Evidence.Measures == nil && len(p.Evidence.Cited) == 0 {
		p.Evidence = nil
	}
	return p
}

// derive sets a derived verdict from the best match, if it is one.
func (j *Judge) derive(p *news.Provenance, m *match) bool {
	ms := p.Evidence.Measures
	set := func(kind string, score float64) {
		p.Kind, p.Score = kind, clamp01(score)
		linkTo(p, m.src)
		p.Evidence.Passages = m.passages
		if kind == KindSpun || kind == KindCopy || kind == KindPartialCopy {
			p.Evidence.Substitutions = m.subs
		}
		ms["jaccard"], ms["containment"] = m.jaccard, m.containment
		ms["reused"], ms["reused_of"] = m.reused, m.reusedOf
		ms["edited"], ms["paraphrased"] = m.edited, m.para
		ms["length_ratio"], ms["quoted"] = m.lengthRatio, m.quoted
		ms["substitutions"], ms["synonym_substitutions"] = float64(len(m.subs)), float64(m.synSubs)
		if m.spin.subs > 0 {
			ms["plain_substitutions"], ms["disfluent_substitutions"] = float64(m.spin.subs), float64(m.spin.disfluent)
			ms["substituted_sentences"] = float64(m.spin.sentences) / float64(max(1, m.spin.aligned))
			ms["pos_kept"] = float64(m.spin.posKept) / float64(m.spin.subs)
		}
	}
	synRatio := float64(m.synSubs) / float64(max(1, len(m.subs)))
	synDensity := float64(m.synSubs) / float64(max(1, m.words))
	aligned := m.reused + m.edited + m.para
	switch {
	case m.sameHash:
		set(KindCopy, 1)
	case m.reused+m.edited >= spunCovered && m.spin.spun(m.words):
		// Before the copy tests: a spun copy is otherwise near-verbatim.
		set(KindSpun, m.spin.score(m.words))
	case m.reused >= copyShare && m.reusedOf >= copyShare:
		set(KindCopy, min(m.reused, m.reusedOf))
	case m.reused+m.edited >= spunCovered && m.synSubs >= spunSynonyms && synRatio >= spunSynRatio &&
		(m.edited >= spunEdited || synDensity >= spunDensity && synRatio >= 2*spunSynRatio):
		set(KindSpun, 0.5+0.5*clamp01(synRatio/0.5)*clamp01((m.reused+m.edited)/0.9))
	case m.reused+m.edited >= copyShare && m.reusedOf+m.editedOf >= copyShare:
		set(KindCopy, min(m.reused+m.edited, m.reusedOf+m.editedOf))
	case m.reusedWords >= partialMinWords && (m.reused-m.quoted >= partialShare || m.reusedOf >= partialOfShare):
		set(KindPartialCopy, max(m.reused, m.reusedOf))
	case aligned >= derivedShare || m.src.Declared && aligned >= declaredShare:
		kind := KindRewrite
		if m.lengthRatio <= summaryLength {
			kind = KindSummary
		}
		set(kind, clamp01(aligned))
	default:
		return false
	}
	return true
}

// standalone judges an article with no source in the corpus.
func (j *Judge) standalone(p *news.Provenance, pa *prepared) {
	a := pa.a
	pa.aloneOnce.Do(func() { pa.alone = j.measureAlone(pa.d) })
	cols, rate, op, fm, note := pa.alone.cols, pa.alone.rate, pa.alone.op, pa.alone.fm, pa.alone.note
	ms := p.Evidence.Measures
	p.Family = a.ID
	ms["improbable_per_100"] = rate
	ms["first_person_per_100"], ms["blog_furniture"], ms["stance_markers"] = op.firstPerson, float64(op.blogTail), float64(op.stance)
	ms["attributed"], ms["opinion"] = op.attributed, op.score()
	ms["redundancy"], ms["density_per_100"], ms["generic_per_100"] = fm.redundancy, fm.density, fm.generic
	ms["filler"] = fm.score()
	switch {
	case note != nil:
		// Translated text reads oddly in English: it is not spun.
		p.Kind, p.Score, p.Language = KindTranslation, declaredRewrite, languageCode(note[1])
		p.Evidence.Unnamed = "the text says it is a translation; its source text is not in the store"
	case len(cols) >= improbableMin && rate >= improbableRate:
		p.Kind = KindSpun
		p.Score = 0.5 + 0.5*clamp01((rate-improbableRate)/2)
		for _, c := range cols {
			p.Evidence.Substitutions = append(p.Evidence.Substitutions, news.Substitution{Span: c.span, Text: c.text, Original: c.original, Synonym: true})
		}
	case opinion(a, op):
		p.Kind, p.Score = KindOpinion, op.score()
		if a.Genre != nil && a.Genre.Kind != news.GenreNews {
			p.Score = a.Genre.Score
		}
	case a.DeclaredSource != "":
		p.Kind, p.Score = KindRewrite, declaredRewrite
		p.Evidence.Unnamed = "the declared source " + a.DeclaredSource + " is not in the store"
	case fm.score() >= fillerScore:
		p.Kind, p.Score = KindFiller, fm.score()
	default:
		p.Kind = KindOriginal
		p.Score = 1 - max(fm.score(), op.score(), clamp01(rate/improbableRate)*0.5)
	}
}

// opinion reports whether a states views rather than reports. The genre
// layer decides when a signal decided it (an opinion section, an
// editorial headline, a live blog, a video page …); when it found none
// (plain news by default), or for an article stored before the genre
// stage existed, the voice and blog-furniture measures decide.
func opinion(a *news.Article, op opinionMeasures) bool {
	if a.Genre != nil && (a.Genre.Kind != news.GenreNews || a.Genre.Score > news.GenreUnsignalled) {
		return !a.Genre.Factual()
	}
	return op.score() >= opinionScore
}

// compare measures how the article pa derives from the article pb.
func (j *Judge) compare(pa, pb *prepared) *match {
	d, b := pa.d, pb.d
	m := &match{doc: b, words: len(d.words), sameHash: pa.hash == pb.hash}
	if len(b.words) > 0 {
		m.lengthRatio = float64(len(d.words)) / float64(len(b.words))
	}
	sa, sb := pa.shingles, pb.shingles
	inter := 0
	for h := range sa {
		if sb[h] {
			inter++
		}
	}
	if n := len(sa) + len(sb) - inter; n > 0 {
		m.jaccard = float64(inter) / float64(n)
	}
	if len(sa) > 0 {
		m.containment = float64(inter) / float64(len(sa))
	}
	total, totalOf := float64(max(1, len(d.words))), float64(max(1, len(b.words)))
	usedOf := map[int]pairKind{}
	quoted := pa.quoted
	var run *news.Passage
	lastB := -2
	for _, pr := range align(d, b) {
		sa, sb := d.sentences[pr.a], b.sentences[pr.b]
		if sa.furniture || sb.furniture {
			continue // shared page furniture is no reused text
		}
		n := float64(len(sa.words))
		isQuote := quoted[pr.a] > 0.5 && pr.kind >= pairEdited
		if isQuote {
			// Two reports quoting the same statement have not copied
			// each other: quotations do not make a partial copy.
			m.quoted += n / total
		}
		switch pr.kind {
		case pairExact, pairNear:
			m.reused += n / total
			if !isQuote {
				m.reusedWords += len(sa.words)
			}
		case pairEdited:
			m.edited += n / total
		case pairParaphrase:
			m.para += n / total
		}
		if pr.kind >= pairNear {
			if run != nil && pr.b == lastB+1 {
				run.End, run.OfSpan.End = sa.End, sb.End
			} else {
				m.passages = append(m.passages, news.Passage{Span: sa.Span, OfSpan: sb.Span})
				run = &m.passages[len(m.passages)-1]
			}
			lastB = pr.b
		} else {
			run, lastB = nil, -2
		}
		if pr.kind > usedOf[pr.b] {
			usedOf[pr.b] = pr.kind
		}
		if pr.kind >= pairEdited {
			m.spin.aligned++
		}
		plain := 0
		var tagsA, tagsB []news.UPOS // tagged when a plain substitution needs them
		for _, sub := range pr.subs {
			syn := j.syn != nil && len(sub.aw) == 1 && len(sub.bw) == 1 && j.syn.Are(sub.aw[0], sub.bw[0])
			if !syn && j.syn != nil && len(sub.aw) <= 2 && len(sub.bw) <= 2 {
				syn = phraseSynonym(j.syn, sub.aw, sub.bw)
			}
			if syn {
				m.synSubs++
			}
			if plainSub(d.text, sub) {
				kept := true
				if j.tagger != nil {
					if tagsA == nil {
						tagsA, tagsB = j.tags(d.text, sa.words), j.tags(b.text, sb.words)
					}
					kept = tagsA[sub.ai] == tagsB[sub.bi]
				}
				m.spin.add(j, sub, syn, kept)
				plain++
			}
			of := sub.b
			m.subs = append(m.subs, news.Substitution{Span: sub.a, Text: d.text[sub.a.Start:sub.a.End],
				Original: b.text[sub.b.Start:sub.b.End], OfSpan: &of, Synonym: syn})
		}
		if plain > 0 {
			m.spin.sentences++
		}
	}
	for k, kind := range usedOf {
		if b.sentences[k].furniture {
			continue
		}
		n := float64(len(b.sentences[k].words))
		switch kind {
		case pairExact, pairNear:
			m.reusedOf += n / totalOf
		case pairEdited:
			m.editedOf += n / totalOf
		}
	}
	return m
}

// tags returns the parts of speech of a sentence's words.
func (j *Judge) tags(text string, ws []word) []news.UPOS {
	forms := make([]string, len(ws))
	for i, w := range ws {
		forms[i] = text[w.Start:w.End]
	}
	var an ud.Analysis
	j.tagger.Tag(forms, &an)
	return an.Tags
}

// phraseSynonym reports whether two short phrases differ by one synonym
// pair, the other words being equal ("close to" for "near to").
func phraseSynonym(s *Synonyms, a, b []string) bool {
	if len(a) != len(b) {
		// One word for two: "nation" for "the country" is not checked;
		// a pair whose first or last word is shared reduces to one pair.
		if len(a) == 2 && len(b) == 1 {
			return s.Are(a[1], b[0]) || s.Are(a[0], b[0])
		}
		if len(a) == 1 && len(b) == 2 {
			return s.Are(a[0], b[1]) || s.Are(a[0], b[0])
		}
		return false
	}
	diff := 0
	ok := true
	for i := range a {
		if a[i] != b[i] {
			diff++
			ok = ok && s.Are(a[i], b[i])
		}
	}
	return diff > 0 && ok
}

func shingleSet(ws []word) map[uint64]bool {
	m := map[uint64]bool{}
	for _, h := range shingles(ws, shingleK) {
		m[h] = true
	}
	return m
}
