package pipeline

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"sitrep/internal/news"
)

func TestRunRecordsErrorsWithoutStoppingTheBatch(t *testing.T) {
	upper := StageFunc(func(_ context.Context, a *news.Article) error {
		if a.Path == "reject" {
			return fmt.Errorf("no body: %w", news.ErrRejected)
		}
		a.Text = strings.ToUpper(a.Text)
		return nil
	})
	flaky := StageFunc(func(_ context.Context, a *news.Article) error {
		switch a.Path {
		case "fail":
			return errors.New("boom")
		case "panic":
			panic("bad article")
		}
		return nil
	})
	var last []string
	record := StageFunc(func(_ context.Context, a *news.Article) error {
		last = append(last, a.Path) // only written by one worker below
		return nil
	})
	p := New(1, Step{"upper", upper}, Step{"flaky", flaky}, Step{"record", record})

	in := make(chan *news.Article)
	go func() {
		for _, path := range []string{"ok", "reject", "fail", "panic"} {
			in <- &news.Article{Path: path, Text: "x", Raw: []byte("raw")}
		}
		close(in)
	}()
	got := map[string]Result{}
	for r := range p.Run(context.Background(), in) {
		got[r.Article.Path] = r
	}
	if len(got) != 4 {
		t.Fatalf("got %d results, want 4", len(got))
	}
	if r := got["ok"]; r.Err != nil || r.Article.Text != "X" || r.Article.Status() != "ok" || string(r.Article.Raw) != "raw" {
		t.Errorf("ok article: err %v text %q status %s raw %q (the pipeline leaves Raw to the extract stage)", r.Err, r.Article.Text, r.Article.Status(), r.Article.Raw)
	}
	var se *StageError
	if r := got["reject"]; !errors.Is(r.Err, news.ErrRejected) || !errors.As(r.Err, &se) || se.Stage != "upper" {
		t.Errorf("reject: err %v, want a StageError from upper wrapping ErrRejected", r.Err)
	}
	for _, path := range []string{"fail", "panic"} {
		r := got[path]
		if r.Err != nil || len(r.Article.Problems) != 1 || r.Article.Problems[0].Stage != "flaky" {
			t.Errorf("%s: err %v problems %+v, want one problem from flaky", path, r.Err, r.Article.Problems)
		}
	}
	sort.Strings(last)
	if want := "fail,ok,panic"; strings.Join(last, ",") != want {
		t.Errorf("later stage ran on %v, want %s", last, want)
	}
	timings := p.Timings()
	if len(timings) != 3 || timings[0].Articles != 4 || timings[0].Errors != 1 || timings[1].Errors != 2 {
		t.Errorf("timings %+v", timings)
	}
}

func TestRunKeepsInputOrder(t *testing.T) {
	// Early articles are the slowest, so completion order is the reverse
	// of input order unless the pipeline reorders.
	slow := StageFunc(func(_ context.Context, a *news.Article) error {
		n, _ := strconv.Atoi(a.Path)
		time.Sleep(time.Duration(40-n) * 100 * time.Microsecond)
		return nil
	})
	in := make(chan *news.Article)
	go func() {
		for i := range 40 {
			in <- &news.Article{Path: strconv.Itoa(i)}
		}
		close(in)
	}()
	var got []string
	for r := range New(4, Step{"slow", slow}).Run(context.Background(), in) {
		got = append(got, r.Article.Path)
	}
	for i, path := range got {
		if path != strconv.Itoa(i) {
			t.Fatalf("result %d is article %s; order %v", i, path, got)
		}
	}
	if len(got) != 40 {
		t.Fatalf("got %d results, want 40", len(got))
	}
}

func TestRunStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	block := StageFunc(func(ctx context.Context, _ *news.Article) error {
		cancel()
		<-ctx.Done()
		return ctx.Err()
	})
	in := make(chan *news.Article, 10)
	for range 10 {
		in <- &news.Article{}
	}
	close(in)
	n := 0
	for r := range New(2, Step{"block", block}).Run(ctx, in) {
		if !errors.Is(r.Err, context.Canceled) {
			t.Errorf("err %v, want context.Canceled", r.Err)
		}
		n++
	}
	if n > 2 {
		t.Errorf("%d articles processed after cancel, want at most one per worker", n)
	}
}

func BenchmarkPipeline(b *testing.B) {
	noop := StageFunc(func(context.Context, *news.Article) error { return nil })
	p := New(0, Step{"a", noop}, Step{"b", noop})
	b.ReportAllocs()
	for b.Loop() {
		in := make(chan *news.Article, 64)
		go func() {
			for range 64 {
				in <- &news.Article{}
			}
			close(in)
		}()
		for range p.Run(context.Background(), in) {
		}
	}
}

// limitRun runs two articles, "big" then "small", through a pipeline
// whose "fill" stage sets the text and whose "slow" stage takes wait on
// "big"; it returns the results by path and the paths the "last" stage saw.
func limitRun(t *testing.T, l Limits, bigText string, wait time.Duration, watchCtx bool) (map[string]Result, []string) {
	t.Helper()
	fill := StageFunc(func(_ context.Context, a *news.Article) error {
		a.Text = "short text"
		if a.Path == "big" {
			a.Text = bigText
		}
		return nil
	})
	slow := StageFunc(func(ctx context.Context, a *news.Article) error {
		if a.Path != "big" {
			return nil
		}
		if watchCtx {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Minute):
				return nil
			}
		}
		time.Sleep(wait)
		return nil
	})
	var seen []string
	last := StageFunc(func(_ context.Context, a *news.Article) error {
		seen = append(seen, a.Path) // one worker only
		return nil
	})
	p := New(1, Step{"fill", fill}, Step{"slow", slow}, Step{"last", last}).WithLimits(l)
	in := make(chan *news.Article, 2)
	in <- &news.Article{Path: "big"}
	in <- &news.Article{Path: "small"}
	close(in)
	got := map[string]Result{}
	for r := range p.Run(context.Background(), in) {
		got[r.Article.Path] = r
	}
	return got, seen
}

func TestLimitsKeepTheArticleAndGoOn(t *testing.T) {
	for _, tc := range []struct {
		name      string
		limits    Limits
		text      string
		wait      time.Duration
		watchCtx  bool
		wantStage string
		wantMsg   string
	}{
		{"over the annotation cap", Limits{MaxText: 16}, strings.Repeat("word ", 10), 0, false, "slow", "annotation cap of 16 bytes"},
		{"past the deadline between stages", Limits{Deadline: 20 * time.Millisecond}, "big text", 60 * time.Millisecond, false, "slow", "deadline of 20ms passed during slow; last"},
		{"past the deadline in a stage that watches it", Limits{Deadline: 20 * time.Millisecond}, "big text", 0, true, "slow", "deadline of 20ms passed during slow"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, seen := limitRun(t, tc.limits, tc.text, tc.wait, tc.watchCtx)
			big, small := got["big"], got["small"]
			if big.Err != nil || big.Article == nil {
				t.Fatalf("big article: err %v; want it kept", big.Err)
			}
			if big.Article.Text != tc.text {
				t.Errorf("big article text %q, want it kept", big.Article.Text)
			}
			if ps := big.Article.Problems; len(ps) != 1 || ps[0].Stage != tc.wantStage || !strings.Contains(ps[0].Message, tc.wantMsg) {
				t.Errorf("big article problems %+v, want one of stage %q containing %q", ps, tc.wantStage, tc.wantMsg)
			}
			if small.Err != nil || len(small.Article.Problems) != 0 {
				t.Errorf("small article: err %v problems %+v, want processed", small.Err, small.Article.Problems)
			}
			if len(seen) != 1 || seen[0] != "small" {
				t.Errorf("last stage saw %v, want only the small article", seen)
			}
		})
	}
}
