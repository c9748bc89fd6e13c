package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"sitrep/internal/news"
	"sitrep/internal/pipeline"
	"sitrep/internal/source/jsonl"
)

// GenreGold is one hand-labelled article of the genre gold set
// (testdata/gold/genre): its corpus ID, split, selection stratum and genre.
type GenreGold struct {
	ID      string `json:"id"`
	Split   string `json:"split"`
	Stratum string `json:"stratum"`
	Genre   string `json:"genre"`
}

// LoadGenreGold reads dir/genre.jsonl and checks every label is a known
// genre and every split dev or test.
func LoadGenreGold(dir string) ([]GenreGold, error) {
	path := filepath.Join(dir, "genre.jsonl")
	var gold []GenreGold
	if err := readJSONL(path, &gold); err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for _, g := range GenreKinds {
		known[g] = true
	}
	seen := map[string]bool{}
	for _, g := range gold {
		switch {
		case !known[g.Genre]:
			return nil, fmt.Errorf("%s: article %s: unknown genre %q", path, g.ID, g.Genre)
		case g.Split != LedgerDev && g.Split != LedgerTest:
			return nil, fmt.Errorf("%s: article %s: unknown split %q", path, g.ID, g.Split)
		case seen[g.ID]:
			return nil, fmt.Errorf("%s: article %s listed twice", path, g.ID)
		}
		seen[g.ID] = true
	}
	return gold, nil
}

// GenreKinds are the genres in report order.
var GenreKinds = []string{
	news.GenreNews, news.GenreAnalysis, news.GenreOpinion, news.GenreLetter, news.GenreLive,
	news.GenreVideo, news.GenrePressRelease, news.GenreFactCheck, news.GenreAggregated,
}

// GenreReport scores the genre layer on one split of the gold set.
type GenreReport struct {
	Split string
	// Scored counts gold articles the pipeline kept; NotStored those it
	// rejected (an audio page or cartoon with no text), which a store
	// would never hold and which are left out of the scores.
	Scored, NotStored int
	// Confusion counts gold genre → predicted genre.
	Confusion map[string]map[string]int
	// Errors lists the misclassified articles: id, gold, predicted.
	Errors [][3]string
}

// PR returns precision, recall and the gold and predicted counts of one genre.
func (r *GenreReport) PR(kind string) (p, rec float64, gold, pred int) {
	tp := r.Confusion[kind][kind]
	for g, row := range r.Confusion {
		for k, n := range row {
			if g == kind {
				gold += n
			}
			if k == kind {
				pred += n
			}
		}
	}
	return ratio(tp, pred), ratio(tp, gold), gold, pred
}

// Accuracy is the share of scored articles whose genre is right.
func (r *GenreReport) Accuracy() float64 {
	ok := 0
	for g, row := range r.Confusion {
		ok += row[g]
	}
	return ratio(ok, r.Scored)
}

// Write prints precision and recall per genre, and the wrong answers
// of a split other than test.
func (r *GenreReport) Write(w io.Writer) error {
	fmt.Fprintf(w, "genre, %s split: %d articles scored, %d not stored (no text), accuracy %.3f\n", r.Split, r.Scored, r.NotStored, r.Accuracy())
	fmt.Fprintf(w, "  %-14s %5s %5s %6s %6s %6s\n", "genre", "gold", "pred", "P", "R", "F1")
	for _, k := range GenreKinds {
		p, rec, gold, pred := r.PR(k)
		if gold == 0 && pred == 0 {
			continue
		}
		f1 := 0.0
		if p+rec > 0 {
			f1 = 2 * p * rec / (p + rec)
		}
		fmt.Fprintf(w, "  %-14s %5d %5d %6.3f %6.3f %6.3f\n", k, gold, pred, p, rec, f1)
	}
	if r.Split == "test" {
		// Held out: the test split's errors are not shown, so that no
		// one tunes on them.
		fmt.Fprintf(w, "  (%d wrong; test errors are not listed)\n", len(r.Errors))
	} else {
		for _, e := range r.Errors {
			fmt.Fprintf(w, "  wrong: %s gold %s, got %s\n", e[0], e[1], e[2])
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}

// Genre scores the genre layer on one split of the gold set in goldDir.
// Each gold article is read from corpusPath (the ukraine-war-news JSON
// Lines file) exactly as `sitrep ingest` reads it, and run through steps
// (extraction and the genre stage at least).
func Genre(ctx context.Context, goldDir, split, corpusPath string, steps []pipeline.Step) (*GenreReport, error) {
	gold, err := LoadGenreGold(goldDir)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, g := range gold {
		if g.Split == split {
			want[g.ID] = true
		}
	}
	lines, err := corpusLines(corpusPath, want)
	if err != nil {
		return nil, err
	}
	p := pipeline.New(1, steps...)
	rep := &GenreReport{Split: split, Confusion: map[string]map[string]int{}}
	for _, g := range gold {
		if g.Split != split {
			continue
		}
		line, ok := lines[g.ID]
		if !ok {
			return nil, fmt.Errorf("genre gold article %s not in %s", g.ID, corpusPath)
		}
		var a *news.Article
		err := jsonl.Read(bytes.NewReader(line), g.ID, 0, func(got *news.Article, err error) error {
			a = got
			return err
		})
		if err == nil {
			err = p.Process(ctx, a)
		}
		if errors.Is(err, news.ErrRejected) {
			rep.NotStored++
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("genre gold article %s: %w", g.ID, err)
		}
		got := news.GenreNews
		if a.Genre != nil {
			got = a.Genre.Kind
		}
		if rep.Confusion[g.Genre] == nil {
			rep.Confusion[g.Genre] = map[string]int{}
		}
		rep.Confusion[g.Genre][got]++
		rep.Scored++
		if got != g.Genre {
			rep.Errors = append(rep.Errors, [3]string{g.ID, g.Genre, got})
		}
	}
	sort.Slice(rep.Errors, func(i, j int) bool { return rep.Errors[i][0] < rep.Errors[j][0] })
	return rep, nil
}

// corpusLines returns the raw JSON line of every wanted record of a
// JSON Lines corpus, keyed by its id field.
func corpusLines(path string, want map[string]bool) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := scanCorpus(path, func(id string, _ int, raw []byte) {
		if want[id] {
			out[id] = bytes.Clone(raw)
		}
	})
	return out, err
}

// CorpusLineNumbers returns the 1-based line number of every record of a
// JSON Lines corpus, keyed by its id field: the LINE of the "PATH#LINE"
// that `sitrep ingest` gives each article it reads from the file.
func CorpusLineNumbers(path string) (map[string]int, error) {
	out := map[string]int{}
	err := scanCorpus(path, func(id string, n int, _ []byte) { out[id] = n })
	return out, err
}

// scanCorpus calls each with the id field, the 1-based line number and the
// raw line of every non-blank line of a JSON Lines corpus.
func scanCorpus(path string, each func(id string, n int, raw []byte)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for n := 1; sc.Scan(); n++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var r struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return fmt.Errorf("%s#%d: %w", path, n, err)
		}
		each(r.ID, n, sc.Bytes())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
