package eval

import "sitrep/internal/corpus"

// recordsOf returns the documents whose IDs are in want as corpus
// records: the source is the outlet (re3d's publishing body, BASIL's fox,
// nyt or hpo).
func recordsOf(docs []corpus.Doc, want map[string]bool) map[string]corpusRecord {
	out := map[string]corpusRecord{}
	for _, d := range docs {
		if want[d.ID] {
			outlet, title := d.Source, d.Title
			out[d.ID] = corpusRecord{ID: d.ID, Outlet: &outlet, Title: &title, Date: d.Date, Text: d.Text}
		}
	}
	return out
}

// readRe3d reads the re3d documents (corpus.Re3d) whose IDs are in want.
func readRe3d(dir string, want map[string]bool) (map[string]corpusRecord, error) {
	docs, err := corpus.Re3d(dir)
	if err != nil {
		return nil, err
	}
	return recordsOf(docs, want), nil
}
