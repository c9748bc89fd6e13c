package watch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/internal/ingest"
	"sitrep/internal/source"
	"sitrep/internal/store/sqlite"
)

// feedServer serves an RSS feed whose items the test adds, with an ETag
// and Last-Modified, answering 304 to a matching conditional request.
type feedServer struct {
	mu          sync.Mutex
	items       []string
	version     int
	requests    int
	conditional int
	notModified int
	fail        bool
}

func (f *feedServer) add(title, body string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := len(f.items) + 1
	f.items = append(f.items, fmt.Sprintf(`<item><title>%s</title><link>https://example.org/news/%d</link><pubDate>Mon, 1%d Mar 2031 10:00:00 GMT</pubDate><description><![CDATA[<p>%s</p>]]></description></item>`, title, n, n, body))
	f.version++
}

func (f *feedServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests++
	if f.fail {
		http.Error(w, "down", http.StatusServiceUnavailable)
		return
	}
	etag := fmt.Sprintf(`"v%d"`, f.version)
	lastMod := time.Date(2031, 3, 10, 0, f.version, 0, 0, time.UTC).Format(http.TimeFormat)
	if r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
		f.conditional++
	}
	if r.Header.Get("If-None-Match") == etag {
		f.notModified++
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", lastMod)
	w.Header().Set("Content-Type", "application/rss+xml")
	fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title><link>https://example.org/</link>%s</channel></rss>`, strings.Join(f.items, ""))
}

const para = "Officials in Velgrad said on Monday that the convoy of 40 trucks had crossed the border with food and medicine for the eastern districts, and that more would follow. "

// TestWatchPicksUpNewItem polls a local feed into a real store, adds an
// item, and checks that exactly the new item is stored, that unchanged
// feeds are asked conditionally and answered 304, and that a failing
// feed backs off.
func TestWatchPicksUpNewItem(t *testing.T) {
	ctx := context.Background()
	fs := &feedServer{}
	fs.add("Convoy reaches Velgrad", strings.Repeat(para, 3))
	srv := httptest.NewServer(fs)
	defer srv.Close()

	st, err := sqlite.OpenTemp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ing := func(ctx context.Context, name string, body []byte) (int, error) {
		sum, err := ingest.Run(ctx, source.Stream(ctx, name, bytes.NewReader(body), source.Options{}), st, ingest.Options{})
		return sum.Stored, err
	}
	var logs bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logs, nil))
	w, err := New([]string{srv.URL + "/feed.xml"}, ing, Options{Interval: time.Minute, HostDelay: -1, Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2031, 3, 10, 12, 0, 0, 0, time.UTC)
	w.now = func() time.Time { return now }

	steps := []struct {
		name        string
		before      func()
		advance     time.Duration
		wantNew     int
		wantStored  int
		wantRequest int
		wantLog     string // the message of the poll's log record; "" for none
	}{
		{"first poll stores the item", nil, 0, 1, 1, 1, "polled"},
		{"not due yet: no request", nil, 30 * time.Second, 0, 1, 1, ""},
		{"unchanged feed: 304", nil, time.Minute, 0, 1, 2, "not modified"},
		{"a new item is picked up", func() {
			fs.add("Second convoy leaves Dorovets", strings.Repeat("A second convoy of 25 trucks left Dorovets on Tuesday carrying generators for hospitals, the ministry said. ", 3))
		}, time.Minute, 1, 2, 3, "polled"},
		{"server down: error, backoff", func() { fs.mu.Lock(); fs.fail = true; fs.mu.Unlock() }, time.Minute, 0, 2, 4, "poll failed"},
		{"backed off: not asked after one interval", func() { fs.mu.Lock(); fs.fail = false; fs.mu.Unlock() }, time.Minute, 0, 2, 4, ""},
		{"asked again after the backoff", nil, 2 * time.Minute, 0, 2, 5, "not modified"},
	}
	for _, s := range steps {
		if s.before != nil {
			s.before()
		}
		now = now.Add(s.advance)
		n, err := w.PollDue(ctx)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		count, _ := st.Count(ctx)
		fs.mu.Lock()
		reqs := fs.requests
		fs.mu.Unlock()
		if n != s.wantNew || count != s.wantStored || reqs != s.wantRequest {
			t.Errorf("%s: %d new, %d stored, %d requests; want %d, %d, %d", s.name, n, count, reqs, s.wantNew, s.wantStored, s.wantRequest)
		}
		checkLog(t, s.name, &logs, s.wantLog)
	}
	if fs.notModified < 1 || fs.conditional < 3 {
		t.Errorf("%d conditional requests, %d answered 304", fs.conditional, fs.notModified)
	}
	if f := w.Feeds()[0]; f.Stored != 2 || f.ETag == "" || f.LastModified == "" {
		t.Errorf("feed state %+v", f)
	}
}

// TestPoliteness checks that two feeds on one host are spaced by HostDelay.
func TestPoliteness(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<rss version="2.0"><channel><title>x</title></channel></rss>`)
	}))
	defer srv.Close()
	w, err := New([]string{srv.URL + "/a", srv.URL + "/b"}, func(context.Context, string, []byte) (int, error) { return 0, nil }, Options{HostDelay: 3 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC)
	var slept []time.Duration
	w.now = func() time.Time { return now }
	w.sleep = func(_ context.Context, d time.Duration) error {
		if d > 0 {
			slept = append(slept, d)
			now = now.Add(d)
		}
		return nil
	}
	if _, err := w.PollDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(slept) != 1 || slept[0] != 3*time.Second {
		t.Errorf("slept %v between two requests to one host, want [3s]", slept)
	}
}

func TestNewRejectsBadURLs(t *testing.T) {
	for _, u := range []string{"", "file:///etc/passwd", "ftp://x/y", "not a url"} {
		if _, err := New([]string{u}, nil, Options{}); err == nil {
			t.Errorf("New(%q): no error", u)
		}
	}
}

// checkLog reads the records logged since the last call and checks that
// there is one, with message want and the feed named (and, for a failed
// poll, the error and the backoff), or none when want is "".
func checkLog(t *testing.T, step string, logs *bytes.Buffer, want string) {
	t.Helper()
	var recs []map[string]any
	dec := json.NewDecoder(logs)
	for dec.More() {
		var r map[string]any
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("%s: log record: %v", step, err)
		}
		recs = append(recs, r)
	}
	logs.Reset()
	if want == "" {
		if len(recs) > 0 {
			t.Errorf("%s: logged %v, want nothing", step, recs)
		}
		return
	}
	if len(recs) != 1 || recs[0]["msg"] != want || recs[0]["feed"] == nil {
		t.Errorf("%s: logged %v, want one %q record naming the feed", step, recs, want)
		return
	}
	if want == "poll failed" && (recs[0]["err"] == nil || recs[0]["retry_in"] == nil || recs[0]["level"] != "WARN") {
		t.Errorf("%s: failure record %v, want err, retry_in and level WARN", step, recs[0])
	}
}
