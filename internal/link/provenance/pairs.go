package provenance

import "sitrep/internal/news"

// SentencePair is one sentence of a derived article aligned with the
// sentence of its source it reuses: Here and Of are the sentences'
// spans, Kind how close they are ("exact", "near", "edited",
// "paraphrase"), Ratio the share of words they have in common in order
// (2·LCS/(len here + len of)), and Subs the runs of words replaced.
type SentencePair struct {
	Here, Of news.Span
	Kind     string
	Ratio    float64
	Subs     []WordSub
}

// WordSub is a run of words Here that replaces a run Of in the source.
type WordSub struct {
	Here, Of news.Span
}

// Align aligns the sentences of a with those of src as the judge does
// (each sentence of a with the sentence of src sharing most content
// words, classified by their words in order), for pages that show the
// reuse. It reads the first MaxCompareBytes of each text.
func Align(a, src *news.Article) []SentencePair {
	da, db := newDoc(a.Text, a.Sentences), newDoc(src.Text, src.Sentences)
	pairs := align(da, db)
	out := make([]SentencePair, len(pairs))
	for i, p := range pairs {
		sp := SentencePair{Here: da.sentences[p.a].Span, Of: db.sentences[p.b].Span, Kind: pairKindName[p.kind], Ratio: p.ratio}
		for _, s := range p.subs {
			sp.Subs = append(sp.Subs, WordSub{Here: s.a, Of: s.b})
		}
		out[i] = sp
	}
	return out
}

var pairKindName = [...]string{pairNone: "", pairParaphrase: "paraphrase", pairEdited: "edited", pairNear: "near", pairExact: "exact"}
