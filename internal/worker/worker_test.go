package worker

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/internal/news"
	"sitrep/internal/queue"
	"sitrep/internal/queue/memory"
	"sitrep/internal/source"
	"sitrep/internal/store"
	"sitrep/internal/store/sqlite"
	"sitrep/internal/wiring"
)

// corpus returns n JSONL articles with distinct URLs and texts.
func corpus(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, `{"url":"https://wire.example/%d","title":"Report %d","text":"Officials in Velmar said %d families left the town on day %d. Aid convoys were expected by morning."}`+"\n", i, i, 10+i, i)
	}
	return b.Bytes()
}

func openStore(t *testing.T) *sqlite.Store {
	t.Helper()
	s, err := sqlite.OpenTemp(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// annotateUntil runs Annotate until the store holds want articles or 20 s pass.
func annotateUntil(t *testing.T, q queue.Queue, s store.Store, w store.ArticleWriter, want int, opts AnnotateOptions) AnnotateStats {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	go func() {
		for ctx.Err() == nil {
			if n, _ := s.Count(ctx); n >= want {
				cancel()
			}
			time.Sleep(20 * time.Millisecond)
		}
	}()
	opts.Wait = 100 * time.Millisecond
	stats, err := Annotate(ctx, q, w, opts)
	if err != nil {
		t.Fatalf("Annotate: %v", err)
	}
	return stats
}

func TestEncodeDecodeKeepsRawBytes(t *testing.T) {
	a := &news.Article{URL: "https://a.example/1", Title: "T", Format: news.FormatHTML, Raw: []byte("<p>x\x00y</p>"), RawSize: 11}
	data, err := Encode(a)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Raw, a.Raw) || b.URL != a.URL || b.Format != a.Format {
		t.Errorf("decoded %+v", b)
	}
	if _, err := Decode([]byte("{}")); err == nil {
		t.Error("Decode of a message without an article succeeded")
	}
}

func TestPublishAnnotateStoresEachArticleOnce(t *testing.T) {
	t.Parallel() // waits on the clock more than it computes
	const n = 300
	q := memory.New(queue.Options{AckWait: 2 * time.Second})
	s := openStore(t)
	read := source.Stream(context.Background(), "corpus", bytes.NewReader(corpus(n)), source.Options{})
	sum, err := Publish(context.Background(), read, q)
	if err != nil || sum.Published != n {
		t.Fatalf("Publish: %v, %+v", err, sum)
	}
	// A consumer that fetches a batch and dies without acknowledging it.
	lost, err := q.Fetch(context.Background(), 10, time.Second)
	if err != nil || len(lost) != 10 {
		t.Fatalf("fetch to lose: %v, %d", err, len(lost))
	}
	stats := annotateUntil(t, q, s, s, n, AnnotateOptions{Batch: 32})
	if c, _ := s.Count(context.Background()); c != n {
		t.Fatalf("store holds %d articles, want %d (stats %+v)", c, n, stats)
	}
	// Publishing the same articles again stores nothing new.
	read = source.Stream(context.Background(), "corpus", bytes.NewReader(corpus(n)), source.Options{})
	if _, err := Publish(context.Background(), read, q); err != nil {
		t.Fatal(err)
	}
	// The worker stops once every re-published article has been seen
	// (or after a generous deadline on a loaded machine), not after a
	// fixed time that a slow machine may not reach.
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	w := &countingWriter{ArticleWriter: s, want: n, done: cancel}
	st, err := Annotate(ctx, q, w, AnnotateOptions{Wait: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Count(context.Background()); c != n || st.Stored != 0 || st.Duplicates != n {
		t.Errorf("after re-publishing: %d stored in all, stats %+v; want %d, 0 new, %d duplicates", c, st, n, n)
	}
}

// countingWriter calls done once want articles have passed through Put.
type countingWriter struct {
	store.ArticleWriter
	want int
	done func()

	mu   sync.Mutex
	seen int
}

func (c *countingWriter) Put(ctx context.Context, as []*news.Article) ([]store.PutResult, error) {
	res, err := c.ArticleWriter.Put(ctx, as)
	if err == nil {
		c.mu.Lock()
		c.seen += len(res)
		if c.seen >= c.want {
			c.done()
		}
		c.mu.Unlock()
	}
	return res, err
}

// poisonWriter fails every batch that holds an article titled POISON.
type poisonWriter struct{ store.ArticleWriter }

func (p poisonWriter) Put(ctx context.Context, as []*news.Article) ([]store.PutResult, error) {
	for _, a := range as {
		if a.Title == "POISON" {
			return nil, errors.New("constraint violated by POISON")
		}
	}
	return p.ArticleWriter.Put(ctx, as)
}

func TestPoisonArticleIsDeadLetteredAndDoesNotBlock(t *testing.T) {
	q := memory.New(queue.Options{AckWait: 2 * time.Second, MaxDeliver: 3, RetryDelay: 20 * time.Millisecond})
	s := openStore(t)
	in := string(corpus(20)) + `{"url":"https://wire.example/p","title":"POISON","text":"This article makes the store fail every single time it is written."}` + "\n"
	if _, err := Publish(context.Background(), source.Stream(context.Background(), "c", strings.NewReader(in), source.Options{}), q); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	wg.Go(func() {
		Annotate(ctx, q, poisonWriter{s}, AnnotateOptions{Batch: 8, Wait: 50 * time.Millisecond})
	})
	for ctx.Err() == nil {
		dead, _ := q.DeadLetters(ctx)
		if n, _ := s.Count(ctx); n == 20 && len(dead) == 1 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	dead, _ := q.DeadLetters(context.Background())
	if len(dead) != 1 || !strings.Contains(dead[0].Error, "POISON") || dead[0].Attempts != 3 {
		t.Fatalf("dead letters %+v, want the poison article after 3 tries", dead)
	}
	if n, _ := s.Count(context.Background()); n != 20 {
		t.Errorf("store holds %d articles, want the 20 good ones", n)
	}
}

func TestRejectedInputIsAcknowledged(t *testing.T) {
	q := memory.New(queue.Options{})
	s := openStore(t)
	in := string(corpus(3)) + `{"url":"https://wire.example/b","html":"<html><body><nav>menu</nav></body></html>"}` + "\n"
	if _, err := Publish(context.Background(), source.Stream(context.Background(), "c", strings.NewReader(in), source.Options{}), q); err != nil {
		t.Fatal(err)
	}
	stats := annotateUntil(t, q, s, s, 3, AnnotateOptions{})
	// Wait for the batch with the rejected page to settle.
	if stats.Rejected != 1 || stats.Failed != 0 {
		t.Errorf("stats %+v, want 1 rejected, 0 failed", stats)
	}
	if msgs, _ := q.Fetch(context.Background(), 10, 200*time.Millisecond); len(msgs) != 0 {
		t.Errorf("%d messages left in the queue", len(msgs))
	}
}

func TestAnnotateFinishesTheBatchInHandOnShutdown(t *testing.T) {
	q := memory.New(queue.Options{AckWait: time.Minute})
	s := openStore(t)
	if _, err := Publish(context.Background(), source.Stream(context.Background(), "c", bytes.NewReader(corpus(50)), source.Options{}), q); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	slow := wiring.Stages()
	slow = append(slow, stepFunc("cancel", func(context.Context, *news.Article) error {
		cancel() // SIGTERM arrives while the batch is being processed
		return nil
	}))
	if _, err := Annotate(ctx, q, s, AnnotateOptions{Steps: slow, Batch: 50, Workers: 1}); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Count(context.Background()); n != 50 {
		t.Errorf("store holds %d after shutdown, want the whole batch of 50", n)
	}
	if msgs, _ := q.Fetch(context.Background(), 50, 100*time.Millisecond); len(msgs) != 0 {
		t.Errorf("%d messages were not acknowledged", len(msgs))
	}
}
