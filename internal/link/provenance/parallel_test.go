package provenance_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"sitrep/internal/demo"
	"sitrep/internal/link/provenance"
	"sitrep/internal/news"
)

// copiedDemo returns the demo corpus's articles and near copies of each:
// a copy an hour later with a credit before the text (every third at the same time as its
// original), a trimmed copy with a credit line three hours later, and a
// copy of that copy with a line more five hours later, each from its own outlet.
func copiedDemo(t *testing.T) []*news.Article {
	t.Helper()
	var out []*news.Article
	add := func(url, outlet, text string, at time.Time) {
		out = append(out, &news.Article{ID: news.ArticleID(url, text), URL: url, Outlet: outlet, Text: text, Published: at})
	}
	for i, line := range bytes.Split(bytes.TrimSpace(demo.Articles), []byte("\n")) {
		var r struct {
			URL, Outlet, Text string
			Published         time.Time
		}
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatal(err)
		}
		add(r.URL, r.Outlet, r.Text, r.Published)
		later := time.Hour
		if i%3 == 0 {
			later = 0
		}
		add(r.URL+"?copy", "Copy Wire", "(Copy Wire) "+r.Text, r.Published.Add(later))
		trimmed := r.Text
		if cut := strings.LastIndex(strings.TrimRight(trimmed, ". \n"), ". "); cut > 0 {
			trimmed = trimmed[:cut+1]
		}
		trimmed += "\n\nReporting by the copy desk."
		add(r.URL+"?trim", "Trim Daily", trimmed, r.Published.Add(3*time.Hour))
		add(r.URL+"?again", "Again Post", trimmed+" Read more at Again Post.", r.Published.Add(5*time.Hour))
	}
	return out
}

// TestParallelVerdictsAreSequential judges the same corpus one article at
// a time (batches of one, one worker) and in batches compared by several
// workers: every verdict, with its evidence, must be the same, since an
// article's candidates and its sources' verdicts are read again at its
// commit when an article ahead of it in the batch may have changed them.
func TestParallelVerdictsAreSequential(t *testing.T) {
	ctx := context.Background()
	arts := copiedDemo(t)
	verdicts := func(opts provenance.Options) map[string]string {
		st := newStore(t)
		res, err := st.Put(ctx, arts)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range res {
			if r.Duplicate {
				t.Fatalf("%s is stored as a duplicate of %s", arts[i].URL, r.ID)
			}
		}
		step, err := provenance.New(st, nil, opts)
		if err != nil {
			t.Fatal(err)
		}
		if n, err := step.Link(ctx); err != nil || n != len(arts) {
			t.Fatalf("%+v: judged %d of %d articles: %v", opts, n, len(arts), err)
		}
		out := map[string]string{}
		for _, a := range arts {
			b, err := st.Article(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			v, _ := json.Marshal(b.Provenance)
			out[a.ID] = string(v)
		}
		return out
	}
	want := verdicts(provenance.Options{Batch: 1, Workers: 1})
	derived := 0
	for _, v := range want {
		if strings.Contains(v, `"of":`) {
			derived++
		}
	}
	if derived < len(arts)/2 {
		t.Fatalf("%d of %d articles derived one at a time: the corpus does not exercise the comparisons", derived, len(arts))
	}
	for _, opts := range []provenance.Options{{Workers: 4}, {Batch: 7, Workers: 3}, {Workers: 1}} {
		got := verdicts(opts)
		for _, a := range arts {
			if got[a.ID] != want[a.ID] {
				t.Errorf("%+v: %s (%s) is %s, one at a time %s", opts, a.ID, a.URL, got[a.ID], want[a.ID])
			}
		}
	}
}
