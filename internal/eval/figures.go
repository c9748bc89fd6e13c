package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"sitrep/internal/news"
	"sitrep/internal/pipeline"
	"sitrep/internal/source/jsonl"
)

// GoldFigure is one annotated figure: the number phrase as written (no
// counted noun), its value, what it measures (free text) and who states
// it (a canonical name, or the outlet).
type GoldFigure struct {
	Text    string   `json:"text"`
	Value   *float64 `json:"value,omitempty"`
	Measure string   `json:"measure,omitempty"`
	Speaker string   `json:"speaker"`
}

// GoldArticle is the gold annotation of one article: its ID in the
// source corpus and every figure it states.
type GoldArticle struct {
	ID      string       `json:"id"`
	Outlet  string       `json:"outlet,omitempty"`
	Figures []GoldFigure `json:"figures"`
}

// FiguresReport scores figures against a gold set.
type FiguresReport struct {
	Articles  int `json:"articles"`
	Gold      int `json:"gold"`      // gold figures
	Predicted int `json:"predicted"` // predicted figures
	Matched   int `json:"matched"`   // predicted figures whose text matches a gold one
	// SpeakerOK counts matched figures whose speaker matches the gold
	// speaker (see SpeakerMatch); SpeakerExact those equal up to case.
	SpeakerOK    int `json:"speaker_ok"`
	SpeakerExact int `json:"speaker_exact"`
	// Misses and Wrong list a few examples for the reader.
	Misses []string `json:"misses,omitempty"`
	Wrong  []string `json:"wrong_speakers,omitempty"`
}

// Recall is matched over gold figures.
func (r FiguresReport) Recall() float64 { return ratio(r.Matched, r.Gold) }

// Precision is matched over predicted figures.
func (r FiguresReport) Precision() float64 { return ratio(r.Matched, r.Predicted) }

// SpeakerAccuracy is the share of matched figures with the right speaker.
func (r FiguresReport) SpeakerAccuracy() float64 { return ratio(r.SpeakerOK, r.Matched) }

// Write prints the report.
func (r FiguresReport) Write(w io.Writer) error {
	_, err := fmt.Fprintf(w, "figures: %d articles, %d gold, %d predicted, %d matched\n"+
		"  recall %.3f  precision %.3f  speaker accuracy %.3f (exact %.3f)\n",
		r.Articles, r.Gold, r.Predicted, r.Matched, r.Recall(), r.Precision(), r.SpeakerAccuracy(), ratio(r.SpeakerExact, r.Matched))
	for _, m := range r.Misses {
		fmt.Fprintf(w, "  missed: %s\n", m)
	}
	for _, m := range r.Wrong {
		fmt.Fprintf(w, "  speaker: %s\n", m)
	}
	return err
}

// ScoreArticle adds one article's figures to the report: a predicted
// figure matches an unused gold figure whose text equals its text, or
// contains it, or is contained in it (so "some 10,000" matches "10,000").
func (r *FiguresReport) ScoreArticle(id string, gold []GoldFigure, got []news.Figure) {
	r.Articles++
	r.Gold += len(gold)
	r.Predicted += len(got)
	used := make([]bool, len(got))
	for _, g := range gold {
		found := -1
		for pass := 0; pass < 2 && found < 0; pass++ {
			for i, f := range got {
				if used[i] {
					continue
				}
				gt, ft := normText(g.Text), normText(f.Text)
				if pass == 0 && gt == ft || pass == 1 && ft != "" && (strings.Contains(gt, ft) || strings.Contains(ft, gt)) {
					found = i
					break
				}
			}
		}
		if found < 0 {
			if len(r.Misses) < 15 {
				r.Misses = append(r.Misses, fmt.Sprintf("%s %q (%s)", short(id), g.Text, g.Speaker))
			}
			continue
		}
		used[found] = true
		r.Matched++
		f := got[found]
		if strings.EqualFold(f.Speaker, g.Speaker) {
			r.SpeakerExact++
		}
		if SpeakerMatch(f.Speaker, g.Speaker) {
			r.SpeakerOK++
		} else if len(r.Wrong) < 15 {
			r.Wrong = append(r.Wrong, fmt.Sprintf("%s %q: got %q, want %q", short(id), g.Text, f.Speaker, g.Speaker))
		}
	}
}

func short(id string) string {
	if len(id) > 28 {
		return id[len(id)-28:]
	}
	return id
}

func normText(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// speakerStop are words that do not identify a speaker.
var speakerStop = map[string]bool{"the": true, "of": true, "and": true, "for": true, "mr": true, "ms": true,
	"president": true, "minister": true, "ministry": true, "officials": true, "official": true, "news": true,
	"spokesperson": true, "spokesman": true, "defence": true, "defense": true, "foreign": true}

// SpeakerMatch says whether a predicted speaker names the gold speaker:
// equal up to case, or sharing a distinctive word stem (five letters, so
// "Zelensky" matches "Zelenskyy" and "Kazhar's defence ministry" matches
// "Kazhar Ministry of Defence").
func SpeakerMatch(got, want string) bool {
	if strings.EqualFold(got, want) {
		return true
	}
	stems := func(s string) map[string]bool {
		out := map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if speakerStop[w] || len(w) < 4 || w == "s" {
				continue
			}
			if len(w) > 5 {
				w = w[:5]
			}
			out[w] = true
		}
		return out
	}
	g, w := stems(got), stems(want)
	for k := range g {
		if w[k] {
			return true
		}
	}
	return false
}

// LoadGold reads a gold set: one GoldArticle per line.
func LoadGold(path string) ([]GoldArticle, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []GoldArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var g GoldArticle
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, g)
	}
	return out, sc.Err()
}

// corpusRecord is the part of a ukraine-war-news record the evaluation reads.
type corpusRecord struct {
	ID     string  `json:"id"`
	Outlet *string `json:"outlet"`
	Date   string  `json:"date"`
	Title  *string `json:"title"`
	Text   string  `json:"text"`
}

// Figures scores the figure layer on a gold set of articles from a
// corpus in the ukraine-war-news JSON Lines format: each gold article's
// text is run through steps (which must not include extraction: the
// text is already clean) and its figures are compared with the gold ones.
func Figures(ctx context.Context, goldPath, corpusPath string, steps []pipeline.Step) (*FiguresReport, error) {
	gold, err := LoadGold(goldPath)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, g := range gold {
		want[g.ID] = true
	}
	recs, err := readRecords(corpusPath, want)
	if err != nil {
		return nil, err
	}
	p := pipeline.New(1, steps...)
	rep := &FiguresReport{}
	for _, g := range gold {
		rec, ok := recs[g.ID]
		if !ok {
			return nil, fmt.Errorf("gold article %s not in %s", g.ID, corpusPath)
		}
		a := ArticleOf(rec.ID, rec.Outlet, rec.Date, rec.Text)
		if g.Outlet != "" {
			a.Outlet = g.Outlet
		}
		if err := p.Process(ctx, a); err != nil {
			return nil, fmt.Errorf("%s: %w", g.ID, err)
		}
		rep.ScoreArticle(g.ID, g.Figures, a.Figures)
	}
	return rep, nil
}

// ArticleOf builds a clean-text article from a corpus record.
func ArticleOf(id string, outlet *string, date, text string) *news.Article {
	a := &news.Article{ID: id, Text: text, Format: news.FormatText, Language: "en"}
	if outlet != nil {
		a.Outlet = *outlet
	}
	if t, ok := jsonl.ParseTime(date); ok {
		a.Published = t // the corpus writes dates in several layouts ("2022-03-04", "2025-12-28 00:00")
	}
	return a
}

// readRecords reads the records whose IDs are in want from a corpus in
// the ukraine-war-news JSON Lines format or, when path is a directory,
// from BASIL's articles (readBasil) or re3d's per-source folders
// (readRe3d).
func readRecords(path string, want map[string]bool) (map[string]corpusRecord, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		if _, err := os.Stat(filepath.Join(path, "articles")); err == nil {
			return readBasil(path, want)
		}
		return readRe3d(path, want)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]corpusRecord{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var r corpusRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if want[r.ID] {
			out[r.ID] = r
		}
	}
	return out, sc.Err()
}
