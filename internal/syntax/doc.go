// Package syntax is our own Universal Dependencies (v2) analyser for
// English: a part-of-speech tagger, a lemmatiser and a dependency parser,
// trained on the UD English EWT and GUM treebanks, with the code that
// trains, saves, loads and scores them. The syntax stage
// (internal/annotate/syntax) tags every sentence and parses those a later
// stage needs.
//
// # Design, and why
//
// The stage runs on every article, on a CPU, inside a
// pipeline that must keep ingest at more than 100,000 words a second; the
// training data is about 380,000 words. That asks for linear models over
// sparse features with greedy decoding, the design of the fast
// pre-neural taggers and parsers (Collins 2002; Zhang and Nivre 2011;
// Goldberg and Nivre 2012), rather than a neural network: they train in
// minutes with no dependencies, are deterministic, run at hundreds of
// thousands of words a second, and score within a few points of BiLSTM
// systems on English.
//
//   - Features are 64-bit hashes of a template number and the values it
//     combines (word, tag, suffix, Brown cluster …). A weight row exists
//     only for features the perceptron ever updated, and stores only the
//     classes it was updated for, so the models stay a few megabytes.
//     At run time a feature costs a random read into the weights, which
//     is most of the time spent; the parser's three-class move table
//     therefore keeps a key and its three weights in one slot (one cache
//     line), the larger tables a key and where its weights are.
//   - Tagger: a greedy left-to-right averaged perceptron with the
//     well-known feature set (word, affixes, shape, the two previous
//     tags, neighbouring words), plus the Brown clusters of
//     internal/ner/data/clusters.txt.gz and "ambiguity classes" (the tags
//     a word took in training). An optional second pass sees the first
//     pass's tags of the next two words, which the greedy first pass
//     cannot; it learns from first-pass tags predicted by jackknifed
//     taggers, so that it trusts them as much as they deserve. It gained
//     only 0.06 points on EWT dev for twice the time, so the committed
//     tagger has one pass (`sitrep train tagger -jackknife 5` adds it).
//   - Lemmatiser: the lemma the treebanks give a (form, tag) pair most
//     often, then a (lower-cased form, tag) pair; for unseen words the
//     suffix rewrite ("-ies" → "-y") most often seen with the tag and the
//     longest known ending, counted over word types so that rules reflect
//     rare words. Proper nouns, numbers and symbols keep their form. A
//     table plus rules is what UDPipe and spaCy's rule lemmatiser do; it
//     needs no morphological dictionary we do not have.
//   - Parser: greedy arc-hybrid transitions (shift, left, right) scored by
//     an averaged perceptron over Zhang and Nivre's feature templates
//     adapted to the stack and buffer of the arc-hybrid system, with word
//     clusters. It is trained with the dynamic oracle of Goldberg and
//     Nivre (2013): after the first epoch it follows its own mistakes 90 %
//     of the time and learns the best move from there, which fixes the
//     error propagation of greedy parsing. A second perceptron labels
//     each arc as it is made (51 relations) from the head, the dependent
//     and their children so far, which is cheaper than scoring 100
//     labelled moves. The root takes its one dependent last, so every
//     sentence has exactly one root. The parser learns from tags of
//     jackknifed taggers, as it will see at run time.
//
// Training is deterministic (fixed seeds, sorted tables, gzip without a
// name or time in its header): `sitrep train tagger` and `sitrep train
// parser` rebuild the committed models byte for byte.
package syntax
