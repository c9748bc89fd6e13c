package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"strings"
	"testing"

	"sitrep/internal/news"
	"sitrep/internal/pipeline"
	"sitrep/internal/sizetest"
	"sitrep/internal/source"
	"sitrep/internal/wiring"
)

// TestArticleCostIsLinear runs every stage over 1 MB and 3 MB of
// ordinary prose: the work must grow about threefold, not ninefold as it
// did when claim, event and figure scanned whole layers per sentence and
// entity resolution compared every pair of mentions.
func TestArticleCostIsLinear(t *testing.T) {
	if os.Getenv("SITREP_TEST_LONG") == "" {
		t.Skip("long test (every stage over 4 MB of text, minutes on 2 cores): set SITREP_TEST_LONG=1")
	}
	steps := wiring.Stages()
	var last *news.Article
	g := sizetest.Growth(1<<20, 3<<20, func(text string) {
		a := &news.Article{Path: "big.txt", Raw: []byte(text)}
		for _, s := range steps {
			if err := s.Stage.Process(context.Background(), a); err != nil {
				t.Fatalf("%s: %v", s.Name, err)
			}
		}
		last = a
	})
	t.Logf("3 MB costs %.1f× 1 MB", g)
	if g > 6 {
		t.Errorf("3 MB of prose costs %.1f× 1 MB; want about 3× (linear; 9× is quadratic)", g)
	}
	if len(last.Sentences) == 0 || len(last.Entities) == 0 || len(last.Claims) == 0 || len(last.Figures) == 0 {
		t.Errorf("3 MB article: %d sentences, %d entities, %d claims, %d figures; want every layer filled",
			len(last.Sentences), len(last.Entities), len(last.Claims), len(last.Figures))
	}
}

// TestRunKeepsAnArticleOverTheCapAndGoesOn ingests a text over the
// annotation cap (as gzip, which the cap counts after decompression)
// before an ordinary report: the long one is stored with its text and a
// problem naming the first stage not run, the report is annotated.
func TestRunKeepsAnArticleOverTheCapAndGoesOn(t *testing.T) {
	long := sizetest.Prose(200 << 10)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(long))
	zw.Close()
	dir := writeFiles(t, map[string]string{"a-long.txt.gz": gz.String(), "b-report.txt": report1})
	w := openStore(t)
	var outcomes []Outcome
	sum, err := Run(context.Background(), source.Files(context.Background(), []string{dir}, source.Options{}), w, Options{
		Workers: 1, Limits: pipeline.Limits{MaxText: 100 << 10},
		OnResult: func(o Outcome) { outcomes = append(outcomes, o) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 2 || sum.Problems != 1 || len(outcomes) != 2 {
		t.Fatalf("summary %+v, %d outcomes; want 2 stored, 1 with a problem", sum, len(outcomes))
	}
	for _, o := range outcomes {
		a, err := w.Article(context.Background(), o.ID)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case strings.Contains(o.Input, "a-long"):
			if len(a.Text) < 200<<10-1000 || len(a.Sentences) != 0 || len(a.Entities) != 0 {
				t.Errorf("long article: %d bytes of text, %d sentences, %d entities; want its text and no layers", len(a.Text), len(a.Sentences), len(a.Entities))
			}
			if len(a.Problems) != 1 || a.Problems[0].Stage != "sentence" || !strings.Contains(a.Problems[0].Message, "annotation cap") {
				t.Errorf("long article problems %+v; want one naming the sentence stage and the cap", a.Problems)
			}
		default:
			if len(a.Problems) != 0 || len(a.Sentences) == 0 || len(a.Claims) == 0 {
				t.Errorf("report: problems %+v, %d sentences, %d claims; want it annotated", a.Problems, len(a.Sentences), len(a.Claims))
			}
		}
	}
}
