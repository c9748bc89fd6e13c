// Package attribution is sitrep's learned attribution tagger: it finds
// who says what — the source, cue and content spans of each attribution
// relation ("X said …", "according to X", "X believes …") — with averaged
// structured perceptrons trained on PolNeAR (Newell et al., LREC 2018).
//
// # Decoding: a cue first, then its source and content
//
// Attribution spans nest and overlap: the content of one attribution
// holds the source and cue of another ("X told reporters that Y said
// Z"), and one source can speak through several cues. A single tag
// sequence cannot hold that, so the tagger has three label layers, each
// BILOU over one span type and decoded by first-order Viterbi:
//
//  1. the cue layer tags every sentence once and yields the cues;
//  2. for each cue, the source layer tags the cue's sentence and the
//     content layer tags a window of ContentWindow sentences either side
//     of it (a fifth of PolNeAR's content tokens lie outside the cue's
//     sentence, mostly in the sentences next to it).
//
// The source and content layers are conditioned on their cue through
// relative features (side and distance to the cue, the cue's head word
// and verb form, quotation marks, commas, "that" and other cues between
// the token and the cue), so each cue gets its own source and content,
// and two attributions may share or nest spans. Tokens of the
// neighbouring sentences get only a few relative features, which keeps
// the per-cue cost low. The source layer's decoder allows at most one
// span (sources are one phrase); a content that ends or starts inside a
// quotation is extended to the quotation's marks, since quotations run
// over sentences.
//
// The cue layer's O score is lowered by Model.CueBias, chosen on dev
// (trading cue precision for recall). A token's static features (word,
// stem, shape, affixes, context words, Brown clusters, a lexicon of
// speech, cognition and evidence verbs, quotation state, distances to
// the nearest quotation mark and lexicon verb) are computed once per
// document and scored for all three layers with one table lookup per
// feature, so the per-cue work is the relative features only.
//
// The syntax layer (internal/annotate/syntax, as the pipeline runs it:
// tags and lemmas everywhere, dependency trees for the sentences it
// parses) adds static features — the tags of the token and its
// neighbours, its lemma, its relation to its head and the head's lemma,
// the core relations of its dependents ("nsubj" and "ccomp" under a
// verb of saying), whether it is the subject of a lexicon verb, the
// relations up to the nearest verb — and relative ones: how the token
// hangs from the cue's head in the tree (under it through nsubj, ccomp …;
// under the cue's governor; elsewhere). [Document.Syntax] carries the
// layer; when it is missing the tagger runs the syntax stage itself, so
// PolNeAR is tagged, parsed and trained on as the pipeline sees news.
//
// The source and content layers learn from gold cues; at run time they
// see the cues the cue layer found.
//
// # Data and scoring
//
// [ReadPolNeAR] reads a split of PolNeAR, tokenised with our own token
// and sentence stage (internal/annotate/sentence), its code-point
// offsets mapped onto tokens. [Evaluate] scores cues (precision, recall
// and F1 by token overlap and exact match), sources (accuracy given a
// found cue) and contents (token F1), for all cues and for reporting
// verbs alone.
package attribution
