package figure_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"

	"sitrep/internal/annotate/claim"
	"sitrep/internal/annotate/entity"
	"sitrep/internal/annotate/figure"
	"sitrep/internal/annotate/quantity"
	"sitrep/internal/annotate/sentence"
	"sitrep/internal/annotate/timex"
	"sitrep/internal/demo"
	"sitrep/internal/eval"
	"sitrep/internal/extract"
	"sitrep/internal/news"
	"sitrep/internal/source/jsonl"
)

type stage interface {
	Process(context.Context, *news.Article) error
}

var stages = []stage{sentence.New(), quantity.New(), timex.New(), entity.New(), claim.New()}

// annotate runs every stage the figure layer reads, then Find.
func annotate(t testing.TB, a *news.Article) {
	t.Helper()
	for _, st := range stages {
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	a.Figures = figure.Find(a)
}

// demoArticles returns the demo corpus, annotated, by key in corpus order.
func demoArticles(t testing.TB) ([]string, map[string]*news.Article) {
	t.Helper()
	var keys []string
	sc := bufio.NewScanner(bytes.NewReader(demo.Articles))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var l struct{ Key string }
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		keys = append(keys, l.Key)
	}
	byKey := map[string]*news.Article{}
	i := 0
	ex := extract.New(extract.Options{})
	err := jsonl.Read(bytes.NewReader(demo.Articles), "demo", 0, func(a *news.Article, err error) error {
		if err != nil {
			return err
		}
		if err := ex.Process(context.Background(), a); err != nil {
			return err
		}
		annotate(t, a)
		byKey[keys[i]] = a
		i++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys, byKey
}

// TestDemoFigures scores the figure layer against expected.json: every
// figure of the original and opinion reports, with its speaker.
func TestDemoFigures(t *testing.T) {
	truth, err := demo.LoadTruth()
	if err != nil {
		t.Fatal(err)
	}
	keys, arts := demoArticles(t)
	gold := map[string][]eval.GoldFigure{}
	for _, f := range truth.Figures {
		gold[f.Article] = append(gold[f.Article], eval.GoldFigure{Text: f.Text, Value: f.Value, Measure: f.Measure, Speaker: f.Speaker})
	}
	var rep eval.FiguresReport
	for _, k := range keys {
		ta := truth.Article(k)
		if ta == nil || ta.Provenance.Kind != demo.KindOriginal && ta.Provenance.Kind != demo.KindOpinion {
			continue
		}
		rep.ScoreArticle(k, gold[k], arts[k].Figures)
	}
	var buf bytes.Buffer
	_ = rep.Write(&buf)
	t.Log(buf.String())
	if os.Getenv("FIGURE_DUMP") != "" {
		for _, k := range keys {
			for _, f := range arts[k].Figures {
				t.Logf("%-22s %-18s %-28s %-30s %-10s %s", k, f.Text, f.Measure, f.Speaker, f.Hedge, f.Time)
			}
		}
	}
	// Floors just under the measured scores (docs/BENCHMARKS.md): a
	// regression fails the test.
	if rep.Recall() < 0.95 || rep.Precision() < 0.85 || rep.SpeakerAccuracy() < 0.65 {
		t.Errorf("recall %.3f precision %.3f speaker accuracy %.3f below the floors", rep.Recall(), rep.Precision(), rep.SpeakerAccuracy())
	}
}

func BenchmarkFind(b *testing.B) {
	_, arts := demoArticles(b)
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			figure.Find(a)
		}
	}
}
