package eval

import (
	"strings"

	"sitrep/internal/corpus"
)

// ReadBasil reads the BASIL corpus at dir (../shared/data/news-clustering/
// basil) as the ledger gold set on it names and indexes its articles:
// the ID is the file name without ".json" ("<triplet-uuid>_<n>"; the
// uuid field repeats across files), the text the body with every
// sentence trimmed (corpus.BASILTrimmed).
func ReadBasil(dir string) ([]corpus.Doc, error) {
	docs, err := corpus.BASILTrimmed(dir)
	for i := range docs {
		docs[i].ID = strings.TrimSuffix(docs[i].ID, ".json")
	}
	return docs, err
}

// readBasil reads the BASIL articles (ReadBasil) whose IDs are in want.
func readBasil(dir string, want map[string]bool) (map[string]corpusRecord, error) {
	docs, err := ReadBasil(dir)
	if err != nil {
		return nil, err
	}
	return recordsOf(docs, want), nil
}
