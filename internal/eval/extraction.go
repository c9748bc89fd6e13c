package eval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"sitrep/internal/corpus"
	"sitrep/internal/extract"
	"sitrep/internal/news"
)

// This file scores article-body extraction on the ScrapingHub/Zyte
// article-extraction-benchmark (../shared/data/article-extraction-benchmark:
// html/<id>.html.gz, ground-truth.json, output/<system>.json).
//
// The metric reproduces the benchmark's evaluate.py exactly:
//
//   - Tokens are the matches of the Unicode regexp \w+ (Python's \w is a
//     letter, a number or "_"; combining marks are not word characters).
//   - Each text becomes the multiset of its 4-token shingles; a text of
//     fewer than 4 tokens gives one shingle of all its tokens, an empty
//     text none.
//   - Per page, over the union of shingles: TP = Σ min(true, pred),
//     FP = Σ max(0, pred−true), FN = Σ max(0, true−pred), then all three
//     are divided by TP+FP+FN (when positive) so every page weighs the
//     same.
//   - Precision is the mean over pages with TP+FP > 0 of a per-page score:
//     1 when FP = FN = 0, 0 when TP = FP = 0, else TP/(TP+FP). Recall is
//     the same over pages with TP+FN > 0 with TP/(TP+FN).
//   - F1 = 2PR/(P+R) of those two means, not a mean of per-page F1s.
//   - Accuracy is the share of pages whose predicted token list equals
//     the true one exactly.
//
// The bootstrap standard deviations evaluate.py also prints are not
// computed.

// PageScore is the score of one benchmark page.
type PageScore struct {
	ID  string
	URL string
	// TP, FP and FN are the page's shingle counts normalised by their sum.
	TP, FP, FN float64
	// Precision, Recall and F1 are the page's own scores (F1 is for
	// inspection only; the overall F1 is not their mean).
	Precision, Recall, F1 float64
	// Exact is true when the predicted tokens equal the true ones.
	Exact bool
	// Err is why extraction failed; the page then scores as empty.
	Err string
	// Bytes is the size of the page's HTML.
	Bytes int
	// Elapsed is the time extraction took.
	Elapsed time.Duration
}

// ExtractionReport is the outcome of scoring one system on the benchmark.
type ExtractionReport struct {
	// System names what was scored.
	System string
	// Precision, Recall, F1 and Accuracy are the benchmark's overall
	// figures.
	Precision, Recall, F1, Accuracy float64
	// Pages is the number of pages scored; Failed how many of them the
	// extractor rejected or failed on.
	Pages, Failed int
	// Bytes is the total HTML size extracted.
	Bytes int64
	// Elapsed is the total extraction time (reading and scoring excluded).
	Elapsed time.Duration
	// PerPage holds every page's score, in ID order.
	PerPage []PageScore
}

type truthItem struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

// Extraction runs ex over every page of the benchmark in dir, one page at
// a time, and scores the bodies against the ground truth.
func Extraction(ctx context.Context, dir string, ex *extract.Extractor) (*ExtractionReport, error) {
	truth, err := loadItems(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	r := &ExtractionReport{System: "sitrep extract"}
	for _, id := range sortedKeys(truth) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		raw, err := corpus.ReadGzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, err
		}
		a := &news.Article{Raw: raw, Format: news.FormatHTML}
		start := time.Now()
		perr := ex.Process(ctx, a)
		elapsed := time.Since(start)
		pred := a.Text
		if perr != nil {
			pred = ""
		}
		p := scorePage(truth[id].ArticleBody, pred)
		p.ID, p.URL, p.Bytes, p.Elapsed = id, truth[id].URL, len(raw), elapsed
		if perr != nil {
			p.Err = perr.Error()
			r.Failed++
		}
		r.Bytes += int64(len(raw))
		r.Elapsed += elapsed
		r.PerPage = append(r.PerPage, p)
	}
	r.summarise()
	return r, nil
}

// ExtractionPredictions scores a stored prediction file, such as the
// benchmark's own output/trafilatura.json, with the same metric. The file
// holds {"<id>": {"articleBody": …}} or that map wrapped as
// {"version": …, "output": {…}}.
func ExtractionPredictions(dir, file string) (*ExtractionReport, error) {
	truth, err := loadItems(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	pred, err := loadItems(file)
	if err != nil {
		return nil, err
	}
	r := &ExtractionReport{System: strings.TrimSuffix(filepath.Base(file), ".json") + " (stored output)"}
	for _, id := range sortedKeys(truth) {
		pi, ok := pred[id]
		if !ok {
			return nil, fmt.Errorf("%s: no prediction for %s", file, id)
		}
		p := scorePage(truth[id].ArticleBody, pi.ArticleBody)
		p.ID, p.URL = id, truth[id].URL
		r.PerPage = append(r.PerPage, p)
	}
	if len(pred) != len(truth) {
		return nil, fmt.Errorf("%s: %d predictions for %d pages", file, len(pred), len(truth))
	}
	r.summarise()
	return r, nil
}

// summarise computes the overall figures from PerPage.
func (r *ExtractionReport) summarise() {
	r.Pages = len(r.PerPage)
	var ps, rs []float64
	exact := 0
	for _, p := range r.PerPage {
		if p.TP+p.FP > 0 {
			ps = append(ps, p.Precision)
		}
		if p.TP+p.FN > 0 {
			rs = append(rs, p.Recall)
		}
		if p.Exact {
			exact++
		}
	}
	r.Precision, r.Recall = mean(ps), mean(rs)
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	if r.Pages > 0 {
		r.Accuracy = float64(exact) / float64(r.Pages)
	}
}

// Write prints the report: the overall figures, throughput, and the ten
// worst pages by F1.
func (r *ExtractionReport) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "system\t%s\n", r.System)
	fmt.Fprintf(tw, "pages\t%d (failed %d)\n", r.Pages, r.Failed)
	fmt.Fprintf(tw, "F1\t%.3f\n", r.F1)
	fmt.Fprintf(tw, "precision\t%.3f\n", r.Precision)
	fmt.Fprintf(tw, "recall\t%.3f\n", r.Recall)
	fmt.Fprintf(tw, "accuracy\t%.3f\n", r.Accuracy)
	if r.Elapsed > 0 {
		secs := r.Elapsed.Seconds()
		fmt.Fprintf(tw, "bytes\t%d\n", r.Bytes)
		fmt.Fprintf(tw, "elapsed\t%s\n", r.Elapsed.Round(time.Millisecond))
		fmt.Fprintf(tw, "throughput\t%.1f pages/s, %.2f MB/s\n", float64(r.Pages)/secs, float64(r.Bytes)/1e6/secs)
	}
	worst := append([]PageScore(nil), r.PerPage...)
	sort.SliceStable(worst, func(i, j int) bool { return worst[i].F1 < worst[j].F1 })
	fmt.Fprintf(tw, "\nworst pages\tF1\tP\tR\terror\n")
	for _, p := range worst[:min(10, len(worst))] {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%s\n", p.URL, p.F1, p.Precision, p.Recall, p.Err)
	}
	return tw.Flush()
}

// scorePage compares one predicted body with the true one.
func scorePage(truth, pred string) PageScore {
	tt, pt := tokenize(truth), tokenize(pred)
	tc, pc := shingles(tt), shingles(pt)
	var tp, fp, fn float64
	for k, t := range tc {
		p := pc[k]
		tp += float64(min(t, p))
		fn += float64(max(0, t-p))
	}
	for k, p := range pc {
		fp += float64(max(0, p-tc[k]))
	}
	if s := tp + fp + fn; s > 0 {
		tp, fp, fn = tp/s, fp/s, fn/s
	}
	ps := PageScore{TP: tp, FP: fp, FN: fn, Exact: equalTokens(tt, pt)}
	switch {
	case fp == 0 && fn == 0:
		ps.Precision, ps.Recall = 1, 1
	default:
		if tp+fp > 0 {
			ps.Precision = tp / (tp + fp)
		}
		if tp+fn > 0 {
			ps.Recall = tp / (tp + fn)
		}
	}
	if ps.Precision+ps.Recall > 0 {
		ps.F1 = 2 * ps.Precision * ps.Recall / (ps.Precision + ps.Recall)
	}
	return ps
}

// tokenize returns the matches of Python's Unicode \w+.
func tokenize(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
}

// shingles counts the 4-token shingles of tokens; fewer than 4 tokens make
// one shorter shingle.
func shingles(tokens []string) map[string]int {
	const n = 4
	m := make(map[string]int, len(tokens))
	for i := 0; i < max(1, len(tokens)-n+1); i++ {
		end := min(i+n, len(tokens))
		if end <= i {
			break
		}
		m[strings.Join(tokens[i:end], "\x00")]++
	}
	return m
}

func equalTokens(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	var s float64
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// loadItems reads a benchmark JSON file, unwrapping {"version","output"}.
func loadItems(path string) (map[string]truthItem, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if out, ok := top["output"]; ok && len(top) == 2 {
		if _, ok := top["version"]; ok {
			b = out
		}
	}
	var items map[string]truthItem
	if err := json.Unmarshal(b, &items); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(items) == 0 {
		return nil, errors.New(path + ": no items")
	}
	return items, nil
}

func sortedKeys(m map[string]truthItem) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
