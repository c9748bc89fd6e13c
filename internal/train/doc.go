// Package train builds the derived tables the runtime packages embed,
// from public data: the provenance step's synonym table (from WordNet)
// and its background word-pair counts (from the news corpora in
// ../shared/data). `sitrep train synonyms|lm` runs them; the tables are
// read back by internal/link/provenance (ReadSynonyms, ReadLM).
package train
