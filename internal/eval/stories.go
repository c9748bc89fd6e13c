package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"sitrep/internal/corpus"
	"sitrep/internal/link/story"
	"sitrep/internal/news"
)

// StoryDoc is one article of a labelled story-clustering set with its
// gold cluster.
type StoryDoc struct {
	Article *news.Article
	Gold    string
}

// LoadBASIL reads BASIL (dir holds articles/<year>/*.json): 300 articles,
// the same 100 events each told by Fox News, the New York Times and
// HuffPost; the gold cluster is the triplet-uuid. The articles come back
// raw (Format text), in file order.
func LoadBASIL(dir string) ([]StoryDoc, error) {
	docs, err := corpus.BASIL(dir)
	if err != nil {
		return nil, err
	}
	out := make([]StoryDoc, 0, len(docs))
	for _, d := range docs {
		a := rawArticle(d.URL, d.Title, d.Source, d.Text)
		if t, err := time.Parse("2006-01-02", d.Date); err == nil {
			a.Published = t
		}
		out = append(out, StoryDoc{Article: a, Gold: d.Group})
	}
	return out, nil
}

// LoadECBPlus reads ECB+ (dir holds documents.jsonl): 982 texts in 43
// topics, each with two different events of the same kind; the gold
// cluster is the sub-topic (topic and corpus part). The texts have no
// publication dates.
func LoadECBPlus(dir string) ([]StoryDoc, error) {
	f, err := os.Open(filepath.Join(dir, "documents.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("ecb+: %w", err)
	}
	defer f.Close()
	var out []StoryDoc
	r := bufio.NewReader(f)
	for {
		line, err := r.ReadBytes('\n')
		if len(strings.TrimSpace(string(line))) > 0 {
			var rec struct {
				Doc       string   `json:"doc_name"`
				Subtopic  string   `json:"subtopic"`
				URL       *string  `json:"url"`
				Sentences []string `json:"sentences"`
			}
			if err := json.Unmarshal(line, &rec); err != nil {
				return nil, fmt.Errorf("ecb+: %w", err)
			}
			url := "ecbplus:" + rec.Doc
			if rec.URL != nil && *rec.URL != "" {
				url = *rec.URL
			}
			out = append(out, StoryDoc{Article: rawArticle(url, "", "", strings.Join(rec.Sentences, "\n\n")), Gold: rec.Subtopic})
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("ecb+: %w", err)
		}
	}
}

func rawArticle(url, title, outlet, text string) *news.Article {
	if title != "" {
		text = title + "\n\n" + text
	}
	return &news.Article{ID: news.ArticleID(url, text), URL: url, Outlet: outlet, Title: title,
		Format: news.FormatText, Raw: []byte(text)}
}

// ClusterScores are the pairwise and B-cubed scores of a clustering.
type ClusterScores struct {
	Docs, Gold, Predicted int
	// Pairwise precision, recall and F1 over pairs of articles put in
	// one cluster.
	PairP, PairR, PairF1 float64
	// B-cubed precision, recall and F1 (Bagga and Baldwin 1998).
	B3P, B3R, B3F1 float64
}

// ScoreClusters compares predicted clusters with gold clusters, both
// maps from article to cluster; articles missing from pred count as
// singletons.
func ScoreClusters(gold, pred map[string]string) ClusterScores {
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	p := func(id string) string {
		if c, ok := pred[id]; ok {
			return c
		}
		return "singleton:" + id
	}
	gSize, pSize, both := map[string]int{}, map[string]int{}, map[[2]string]int{}
	for _, id := range ids {
		gSize[gold[id]]++
		pSize[p(id)]++
		both[[2]string{gold[id], p(id)}]++
	}
	pairs := func(n int) float64 { return float64(n*(n-1)) / 2 }
	var tp, gp, pp float64
	for _, n := range both {
		tp += pairs(n)
	}
	for _, n := range gSize {
		gp += pairs(n)
	}
	for _, n := range pSize {
		pp += pairs(n)
	}
	s := ClusterScores{Docs: len(ids), Gold: len(gSize), Predicted: len(pSize)}
	s.PairP, s.PairR = pairRatio(tp, pp), pairRatio(tp, gp)
	s.PairF1 = harmonic(s.PairP, s.PairR)
	for _, id := range ids {
		n := float64(both[[2]string{gold[id], p(id)}])
		s.B3P += n / float64(pSize[p(id)])
		s.B3R += n / float64(gSize[gold[id]])
	}
	if len(ids) > 0 {
		s.B3P /= float64(len(ids))
		s.B3R /= float64(len(ids))
	}
	s.B3F1 = harmonic(s.B3P, s.B3R)
	return s
}

func pairRatio(a, b float64) float64 {
	if b == 0 {
		return 1
	}
	return a / b
}

func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ClusterStories runs the story step over docs (already annotated) in an
// in-memory store and scores the result against the gold clusters.
func ClusterStories(ctx context.Context, docs []StoryDoc, opts story.Options) (ClusterScores, error) {
	arts := make([]*news.Article, len(docs))
	gold := map[string]string{}
	for i, d := range docs {
		a := *d.Article
		a.Story = ""
		arts[i] = &a
		gold[a.ID] = d.Gold
	}
	m := story.NewMemory(arts)
	if _, err := story.New(m, opts).Link(ctx); err != nil {
		return ClusterScores{}, err
	}
	return ScoreClusters(gold, m.Assignments()), nil
}

// Annotate runs process (the per-article stages) over docs in place and
// drops the documents that share an ID with an earlier one and those
// process rejects (an error wrapping news.ErrRejected), which come back
// in skipped as "URL: error" so the caller can say what was not scored.
// Any other error stops it.
func Annotate(docs []StoryDoc, process func(*news.Article) error) (kept []StoryDoc, skipped []string, err error) {
	out := docs[:0]
	seen := map[string]bool{}
	for _, d := range docs {
		if seen[d.Article.ID] {
			continue
		}
		if err := process(d.Article); err != nil {
			if errors.Is(err, news.ErrRejected) {
				skipped = append(skipped, fmt.Sprintf("%s: %v", d.Article.URL, err))
				continue
			}
			return nil, nil, fmt.Errorf("%s: %w", d.Article.URL, err)
		}
		seen[d.Article.ID] = true
		out = append(out, d)
	}
	return out, skipped, nil
}

// WriteClusterScores writes one line of scores.
func WriteClusterScores(w io.Writer, name string, s ClusterScores) {
	fmt.Fprintf(w, "%-24s %5d %5d %5d  %6.3f %6.3f %6.3f  %6.3f %6.3f %6.3f\n", name, s.Docs, s.Gold, s.Predicted,
		s.PairP, s.PairR, s.PairF1, s.B3P, s.B3R, s.B3F1)
}

// ClusterScoresHeader is the header of WriteClusterScores lines.
const ClusterScoresHeader = "set                       docs  gold  pred  pair-P pair-R pair-F1  B3-P   B3-R   B3-F1\n"
