// Package watch polls RSS/Atom feeds and hands each changed feed body to
// an ingest function, which stores its new items (the store refuses items
// it already has, so a changed feed's old items cost nothing). Requests
// are conditional (ETag / If-None-Match, Last-Modified /
// If-Modified-Since), requests to one host are spaced by a politeness
// delay, and a feed that fails is retried with exponential backoff.
package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// IngestFunc stores the items of one feed body, named name, and returns
// how many were new.
type IngestFunc func(ctx context.Context, name string, body []byte) (stored int, err error)

// Options tunes a Watcher. Zero values are defaults.
type Options struct {
	// Interval between polls of one feed; <= 0 means 5 minutes.
	Interval time.Duration
	// HostDelay is the least time between two requests to one host;
	// < 0 means none, 0 means 2 seconds.
	HostDelay time.Duration
	// MaxBackoff caps the delay after repeated errors; <= 0 means 1 hour.
	MaxBackoff time.Duration
	// MaxBytes bounds a feed body; <= 0 means 16 MiB.
	MaxBytes int64
	// Client makes the requests; nil means one with a 30 s timeout.
	Client *http.Client
	// UserAgent is sent with every request.
	UserAgent string
	// Logger receives one record per poll outcome: a warning with the
	// error and the backoff for a failed poll, info with the count of
	// new items for a good one. nil discards them.
	Logger *slog.Logger
}

// Feed is one watched feed's state.
type Feed struct {
	URL          string
	ETag         string
	LastModified string
	Failures     int
	Next         time.Time
	// Polls, NotModified and Stored count what happened to it.
	Polls, NotModified, Stored int
}

// Watcher polls a set of feeds.
type Watcher struct {
	opts   Options
	ingest IngestFunc
	feeds  []*Feed
	mu     sync.Mutex
	last   map[string]time.Time // host → time of the last request
	now    func() time.Time
	sleep  func(ctx context.Context, d time.Duration) error
}

// New returns a watcher over feed URLs.
func New(urls []string, ingest IngestFunc, opts Options) (*Watcher, error) {
	if opts.Interval <= 0 {
		opts.Interval = 5 * time.Minute
	}
	if opts.HostDelay == 0 {
		opts.HostDelay = 2 * time.Second
	}
	if opts.MaxBackoff <= 0 {
		opts.MaxBackoff = time.Hour
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 16 << 20
	}
	if opts.Client == nil {
		opts.Client = &http.Client{Timeout: 30 * time.Second}
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "sitrep-watch"
	}
	w := &Watcher{opts: opts, ingest: ingest, last: map[string]time.Time{}, now: time.Now, sleep: sleepCtx}
	for _, u := range urls {
		p, err := url.Parse(u)
		if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			return nil, fmt.Errorf("watch: %q is not an http(s) URL", u)
		}
		w.feeds = append(w.feeds, &Feed{URL: u})
	}
	if len(w.feeds) == 0 {
		return nil, errors.New("watch: no feeds")
	}
	return w, nil
}

// Feeds returns a snapshot of the feeds' state.
func (w *Watcher) Feeds() []Feed {
	out := make([]Feed, len(w.feeds))
	for i, f := range w.feeds {
		out[i] = *f
	}
	return out
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Run polls every feed that is due, then sleeps until the next is, until
// ctx is cancelled; it returns ctx's error.
func (w *Watcher) Run(ctx context.Context) error {
	for {
		if _, err := w.PollDue(ctx); err != nil {
			return err
		}
		next := w.feeds[0].Next
		for _, f := range w.feeds[1:] {
			if f.Next.Before(next) {
				next = f.Next
			}
		}
		if err := w.sleep(ctx, next.Sub(w.now())); err != nil {
			return err
		}
	}
}

// PollDue polls every feed whose time has come and returns how many new
// items were stored. Only a cancelled context is an error; a failing feed
// is logged and backed off.
func (w *Watcher) PollDue(ctx context.Context) (int, error) {
	total := 0
	for _, f := range w.feeds {
		if ctx.Err() != nil {
			return total, ctx.Err()
		}
		if w.now().Before(f.Next) {
			continue
		}
		n, err := w.poll(ctx, f)
		if ctx.Err() != nil {
			return total, ctx.Err()
		}
		total += n
		if err != nil {
			f.Failures++
			back := w.opts.Interval << min(f.Failures, 16)
			back = min(back, w.opts.MaxBackoff)
			f.Next = w.now().Add(back)
			w.log().Warn("poll failed", "feed", f.URL, "err", err, "retry_in", back.Round(time.Second))
			continue
		}
		f.Failures = 0
		f.Next = w.now().Add(w.opts.Interval)
	}
	return total, nil
}

// polite waits until the feed's host may be asked again.
func (w *Watcher) polite(ctx context.Context, host string) error {
	if w.opts.HostDelay < 0 {
		return nil
	}
	w.mu.Lock()
	wait := w.last[host].Add(w.opts.HostDelay).Sub(w.now())
	w.mu.Unlock()
	if err := w.sleep(ctx, wait); err != nil {
		return err
	}
	w.mu.Lock()
	w.last[host] = w.now()
	w.mu.Unlock()
	return nil
}

func (w *Watcher) poll(ctx context.Context, f *Feed) (int, error) {
	u, _ := url.Parse(f.URL)
	if err := w.polite(ctx, u.Host); err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.URL, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("User-Agent", w.opts.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
	if f.ETag != "" {
		req.Header.Set("If-None-Match", f.ETag)
	}
	if f.LastModified != "" {
		req.Header.Set("If-Modified-Since", f.LastModified)
	}
	f.Polls++
	resp, err := w.opts.Client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		f.NotModified++
		w.log().Info("not modified", "feed", f.URL)
		return 0, nil
	case resp.StatusCode != http.StatusOK:
		return 0, fmt.Errorf("HTTP %s", resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, w.opts.MaxBytes+1))
	if err != nil {
		return 0, err
	}
	if int64(len(body)) > w.opts.MaxBytes {
		return 0, fmt.Errorf("feed larger than %d bytes", w.opts.MaxBytes)
	}
	n, err := w.ingest(ctx, f.URL, body)
	if err != nil {
		return n, err
	}
	// Remember the validators only once the body is safely ingested.
	f.ETag, f.LastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	f.Stored += n
	w.log().Info("polled", "feed", f.URL, "new", n)
	return n, nil
}

// log returns the configured logger, or one that discards.
func (w *Watcher) log() *slog.Logger {
	if w.opts.Logger == nil {
		return discard
	}
	return w.opts.Logger
}

var discard = slog.New(slog.DiscardHandler)
