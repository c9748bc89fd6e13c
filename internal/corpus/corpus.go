// Package corpus reads the public news data sets in ../shared/data that
// the training and evaluation commands use: unlabelled news text for the
// background word model and the word clusters, the labelled BASIL story
// set, and Dstl's re3d conflict reports (the ledger gold sets on BASIL and
// re3d index their texts). It reads only; nothing it returns is committed.
package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Doc is one article of a data set.
type Doc struct {
	ID, Group, Source, Title, Date, URL, Text string
}

// BASIL reads the BASIL articles under dir (news-clustering/basil, which
// holds articles/<year>/*.json), in path order: Group is the triplet id,
// Source the lower-cased outlet, Text the paragraphs joined by a blank
// line, each one's sentences joined by a space as stored.
func BASIL(dir string) ([]Doc, error) { return readBASIL(dir, false) }

// BASILTrimmed reads BASIL as BASIL does, with every sentence trimmed of
// surrounding white space before it is joined: the text the ledger gold
// set on BASIL indexes (testdata/gold/ledger-basil).
func BASILTrimmed(dir string) ([]Doc, error) { return readBASIL(dir, true) }

func readBASIL(dir string, trim bool) ([]Doc, error) {
	files, err := filepath.Glob(filepath.Join(dir, "articles", "*", "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("basil: no articles under %s: %w", dir, os.ErrNotExist)
	}
	sort.Strings(files)
	out := make([]Doc, 0, len(files))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var r struct {
			Source  string     `json:"source"`
			Triplet string     `json:"triplet-uuid"`
			Title   string     `json:"title"`
			Date    string     `json:"date"`
			URL     string     `json:"url"`
			Paras   [][]string `json:"body-paragraphs"`
		}
		if err := json.Unmarshal(b, &r); err != nil {
			return nil, fmt.Errorf("basil %s: %w", p, err)
		}
		paras := make([]string, 0, len(r.Paras))
		for _, para := range r.Paras {
			if trim {
				para = slices.Clone(para)
				for i := range para {
					para[i] = strings.TrimSpace(para[i])
				}
			}
			paras = append(paras, strings.Join(para, " "))
		}
		out = append(out, Doc{ID: filepath.Base(p), Group: r.Triplet, Source: strings.ToLower(r.Source),
			Title: strings.TrimSpace(r.Title), Date: r.Date, URL: r.URL, Text: strings.Join(paras, "\n\n")})
	}
	return out, nil
}

// News calls each with every text of the unlabelled news under dataDir,
// in a fixed order: the ukraine-war-news articles (except those whose id
// skip reports, when skip is not nil), the CNN revisions' last versions,
// the ECB+ sentences, the BASIL articles and the MSRP sentences.
func News(dataDir string, skip func(id string) bool, each func(text string)) error {
	if err := readJSONL(filepath.Join(dataDir, "ukraine-war-news", "articles.jsonl"), func(r record) {
		if skip == nil || !skip(r.str("id")) {
			each(r.str("text"))
		}
	}); err != nil {
		return err
	}
	last := map[string]string{}
	if err := readJSONL(filepath.Join(dataDir, "near-duplicates", "cnn-revisions-2024-07", "versions.jsonl"), func(r record) {
		last[r.str("article_path")] = r.str("text")
	}); err != nil {
		return err
	}
	paths := make([]string, 0, len(last))
	for p := range last {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		each(last[p])
	}
	if err := readJSONL(filepath.Join(dataDir, "news-clustering", "ecbplus", "documents.jsonl"), func(r record) {
		ss, _ := r["sentences"].([]any)
		for _, s := range ss {
			t, _ := s.(string)
			each(t)
		}
	}); err != nil {
		return err
	}
	basil, err := BASIL(filepath.Join(dataDir, "news-clustering", "basil"))
	if err != nil {
		return err
	}
	for _, b := range basil {
		each(b.Text)
	}
	if b, err := os.ReadFile(filepath.Join(dataDir, "near-duplicates", "msrp", "msr_paraphrase_data.txt")); err == nil {
		for i, line := range strings.Split(string(b), "\n") {
			if f := strings.Split(line, "\t"); i > 0 && len(f) > 1 {
				each(f[1])
			}
		}
	}
	return nil
}

type record map[string]any

func (r record) str(k string) string { s, _ := r[k].(string); return s }

func readJSONL(path string, each func(record)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	dec := json.NewDecoder(bufio.NewReader(f))
	for dec.More() {
		var r record
		if err := dec.Decode(&r); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		each(r)
	}
	return nil
}
