// Package provenance is the link phase's provenance step: for every
// stored article it decides whether the article is an original report or
// derives from another (copy, partial_copy, revision, rewrite, summary,
// spun, translation), or is filler or opinion, and groups derived articles
// into families so that a hundred copies of one report count as one
// independent source. Each verdict also names the article's origin: its
// source's for a copy, revision, rewrite, summary, spun copy or
// translation, else the wire agency its byline, dateline or credit line
// names, else its outlet (see OriginOf).
//
// Candidates come from MinHash signatures cut into LSH bands (word
// 5-shingles for copies, content-word sets for rewrites and spun copies),
// kept in the store so that judging one article costs the same however
// many are stored; verbatim copies also match by news.TextHash. Each
// candidate published earlier is aligned sentence by sentence (exact,
// near, edited with word substitutions, paraphrased), and the shares of
// words in each class decide the verdict, with the aligned passages and
// the substitutions (and whether each pair shares a WordNet synset) as
// evidence. Page furniture (date lines, bylines, share prompts,
// subscription pleas) never counts as reused; the same host and URL path
// is a revision; a source in another language is matched by its figures
// and names (a translation). A spun copy shows as many plain one-word
// substitutions spread over the aligned sentences, each keeping its part
// of speech and reading worse against the background model than the
// original (or sharing a WordNet synset): no one thesaurus is needed.
// With no source in the corpus, a spun copy shows as word pairs
// the background model has not seen although a synonym-swapped pair is
// common ("White Home", "suppose tank"); filler and opinion are scored
// from explainable measures (redundancy, information density, stock
// phrases; first-person narration, blog furniture, attribution).
//
// Articles are judged in publication order; an earlier article that
// arrives later requeues the later articles it may be the source of.
//
// The tables in data/ are derived files: synonyms.txt.gz from WordNet 3.0
// (its licence notice is in the file) and lm.txt.gz, word and word-pair
// counts from the news corpora in ../shared/data. Rebuild them with
// `sitrep train synonyms` and `sitrep train lm`.
package provenance
