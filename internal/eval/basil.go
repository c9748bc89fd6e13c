package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// BasilArticle is one article of BASIL (../shared/data/news-clustering/
// basil: Fox News, The New York Times and HuffPost on the same events),
// with its body as the text the ledger gold indexes.
type BasilArticle struct {
	// ID is the file name without ".json" ("<triplet-uuid>_<n>"); the
	// uuid field repeats across files.
	ID     string
	Title  string
	Date   string
	Source string
	URL    string
	// Text is the body: paragraphs joined by a blank line, each one's
	// sentences trimmed and joined by a space.
	Text string
}

// ReadBasil reads every article of the BASIL corpus at dir (its
// articles/YEAR/*.json files), in path order.
func ReadBasil(dir string) ([]BasilArticle, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "articles", "*", "*.json"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no BASIL articles (articles/*/*.json)", dir)
	}
	sort.Strings(paths)
	out := make([]BasilArticle, 0, len(paths))
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		var raw struct {
			Title      string     `json:"title"`
			Date       string     `json:"date"`
			Source     string     `json:"source"`
			URL        string     `json:"url"`
			Paragraphs [][]string `json:"body-paragraphs"`
		}
		if err := json.Unmarshal(b, &raw); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		paras := make([]string, len(raw.Paragraphs))
		for i, p := range raw.Paragraphs {
			ss := make([]string, len(p))
			for j, s := range p {
				ss[j] = strings.TrimSpace(s)
			}
			paras[i] = strings.Join(ss, " ")
		}
		out = append(out, BasilArticle{
			ID: strings.TrimSuffix(filepath.Base(path), ".json"), Title: raw.Title, Date: raw.Date,
			Source: strings.ToLower(raw.Source), URL: raw.URL, Text: strings.Join(paras, "\n\n"),
		})
	}
	return out, nil
}

// readBasil reads the BASIL articles whose IDs are in want as corpus
// records: the source (fox, nyt, hpo) is the outlet.
func readBasil(dir string, want map[string]bool) (map[string]corpusRecord, error) {
	arts, err := ReadBasil(dir)
	if err != nil {
		return nil, err
	}
	out := map[string]corpusRecord{}
	for _, a := range arts {
		if want[a.ID] {
			outlet, title := a.Source, a.Title
			out[a.ID] = corpusRecord{ID: a.ID, Outlet: &outlet, Title: &title, Date: a.Date, Text: a.Text}
		}
	}
	return out, nil
}
