// Package ner is sitrep's statistical named-entity recogniser: an averaged
// structured perceptron over BILOU labels with first-order Viterbi
// decoding, trained on CoNLL-2003.
//
// The feature families (see [Features]) are word identity in a window,
// word shape, affixes, capitalisation in context, gazetteer membership
// from a caller-supplied [Gazetteer], word clusters, document-level casing
// evidence, and the history of labels the tagger gave the same word
// earlier in the document. Features are hashed to 64 bits and indexed in a
// table built from the training data, so the model file holds only the
// features that occurred and the weights they earned.
//
// The package also reads CoNLL files ([ReadCoNLL]) and scores tagged
// output exactly as the conlleval script does ([Score]).
package ner
