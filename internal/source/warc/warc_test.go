package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"sitrep/internal/source/record"
	"strings"
	"testing"
	"time"

	"sitrep/internal/news"
	"sitrep/internal/source/warc/warctest"
)

var (
	page1 = []byte("<html><head><title>Bridge reopens</title></head><body><p>Engineers in the fictional town of Velmora reopened the river bridge on Tuesday.</p></body></html>")
	page2 = []byte("<html><body><p>A convoy of twelve trucks reached the northern district of Ostrava Nova.</p></body></html>")
)

func gz(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// sample returns the records of a small crawl: two articles among records
// that must be skipped.
func sample() [][]byte {
	return [][]byte{
		warctest.Warcinfo(),
		warctest.Request("https://news.example/a"),
		warctest.Response("https://news.example/a", 200, "text/html; charset=utf-8", page1),
		warctest.Response("https://news.example/gone", 404, "text/html", []byte("<p>not found</p>")),
		warctest.Response("https://news.example/logo.png", 200, "image/png", []byte("\x89PNG....")),
		warctest.Record("metadata", []byte("fetchTimeMs: 12\r\n"), "WARC-Target-URI", "https://news.example/a"),
		warctest.Response("https://news.example/b", 200, "application/xhtml+xml", gz(page2), "Content-Encoding: gzip"),
	}
}

func TestRead(t *testing.T) {
	recs := sample()
	plain := warctest.Concat(recs...)
	perRecord := warctest.Gzip(recs...)
	whole := gz(plain)
	truncGz := perRecord[:len(perRecord)-20]
	chunked := warctest.Record("response", []byte("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>Hi\r\n5\r\n all.\r\n0\r\n\r\n"),
		"WARC-Target-URI", "https://news.example/c", "WARC-Date", warctest.Date)
	lfOnly := []byte(strings.ReplaceAll(string(warctest.Warcinfo()), "\r\n", "\n"))

	tests := []struct {
		name      string
		in        []byte
		max       int64
		wantURLs  []string
		wantErrs  []string // substrings, one per error, in order
		wantFinal string   // substring of the returned error; "" for nil
	}{
		{name: "plain", in: plain, wantURLs: []string{"https://news.example/a", "https://news.example/b"}},
		{name: "gzip per record", in: perRecord, wantURLs: []string{"https://news.example/a", "https://news.example/b"}},
		{name: "gzip whole file", in: whole, wantURLs: []string{"https://news.example/a", "https://news.example/b"}},
		{name: "truncated gzip", in: truncGz, wantURLs: []string{"https://news.example/a"}, wantFinal: "x.warc#7: rejected: truncated"},
		{name: "truncated plain block", in: plain[:len(plain)-30], wantURLs: []string{"https://news.example/a"}, wantFinal: "x.warc#7: rejected: truncated"},
		{name: "truncated in header", in: append(warctest.Concat(recs[:3]...), "WARC/1.1\r\nWARC-Type: resp"...), wantURLs: []string{"https://news.example/a"}, wantFinal: "x.warc#4: rejected: header: truncated"},
		{name: "garbage after record", in: append(warctest.Concat(recs[:3]...), "garbage here\r\n"...), wantURLs: []string{"https://news.example/a"}, wantFinal: "x.warc#4: rejected: corrupt WARC: bad version line"},
		{name: "bad content length", in: []byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: ten\r\n\r\n"), wantFinal: "x.warc#1: rejected: corrupt WARC: bad Content-Length"},
		{name: "record too large", in: plain, max: 100, wantErrs: []string{"x.warc#3: rejected: record larger than 100 bytes", "x.warc#7: rejected: record larger than 100 bytes"}},
		{name: "malformed HTTP", in: warctest.Concat(warctest.Record("response", []byte("HTTP/1.1 abc\r\n\r\n"), "WARC-Target-URI", "u"), recs[2]),
			wantURLs: []string{"https://news.example/a"}, wantErrs: []string{"x.warc#1: rejected: bad HTTP response"}},
		{name: "chunked", in: chunked, wantURLs: []string{"https://news.example/c"}},
		{name: "LF line endings", in: warctest.Concat(lfOnly, recs[2])},
		{name: "empty", in: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var g record.Collector
			_, err := Read(bytes.NewReader(tt.in), "x.warc", Options{MaxRecord: tt.max}, g.Emit)
			switch {
			case tt.wantFinal == "" && err != nil:
				t.Fatalf("Read: %v", err)
			case tt.wantFinal != "" && (err == nil || !strings.Contains(err.Error(), tt.wantFinal) || !errors.Is(err, news.ErrRejected)):
				t.Fatalf("Read error %v, want it to contain %q", err, tt.wantFinal)
			}
			var urls []string
			for _, a := range g.Articles {
				urls = append(urls, a.URL)
			}
			if tt.name == "LF line endings" {
				tt.wantURLs = []string{"https://news.example/a"}
			}
			if strings.Join(urls, " ") != strings.Join(tt.wantURLs, " ") {
				t.Errorf("URLs %q, want %q", urls, tt.wantURLs)
			}
			if len(g.Errors) != len(tt.wantErrs) {
				t.Fatalf("errors %v, want %d", g.Errors, len(tt.wantErrs))
			}
			for i, e := range g.Errors {
				if !strings.Contains(e.Error(), tt.wantErrs[i]) || !errors.Is(e, news.ErrRejected) {
					t.Errorf("error %q, want %q wrapping ErrRejected", e, tt.wantErrs[i])
				}
			}
		})
	}
}

func TestReadArticle(t *testing.T) {
	var g record.Collector
	st, err := Read(bytes.NewReader(warctest.Gzip(sample()...)), "crawl.warc.gz", Options{}, g.Emit)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Stats{Records: 7, Articles: 2, Skipped: 5}); st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
	a := g.Articles[1]
	if !bytes.Equal(a.Raw, page2) {
		t.Errorf("Raw %q, want the decoded body", a.Raw)
	}
	if a.Path != "crawl.warc.gz#7" || a.Format != news.FormatHTML || a.RawSize != len(page2) || len(a.RawSHA256) != 64 {
		t.Errorf("article %+v", a)
	}
	if want := time.Date(2024, 11, 5, 8, 30, 0, 0, time.UTC); !a.Fetched.Equal(want) {
		t.Errorf("Fetched %v, want %v", a.Fetched, want)
	}
}

func TestReaderHeader(t *testing.T) {
	in := "WARC/1.0\r\nWARC-Type: resource\r\nX-Long: one\r\n  two\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n"
	r, err := NewReader(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	rec, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if rec.Version != "WARC/1.0" || rec.Type() != "resource" || rec.Header.Get("x-long") != "one two" || rec.ContentLength != 3 {
		t.Errorf("record %+v", rec)
	}
	if b, _ := io.ReadAll(rec.Block); string(b) != "abc" {
		t.Errorf("block %q", b)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("second Next: %v, want EOF", err)
	}
}

func TestEmitErrorStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	_, err := Read(bytes.NewReader(warctest.Concat(sample()...)), "x", Options{}, func(*news.Article, error) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Errorf("err %v after %d emits, want stop after 1", err, n)
	}
}

func FuzzWARC(f *testing.F) {
	recs := sample()
	f.Add(warctest.Concat(recs...))
	f.Add(warctest.Gzip(recs...))
	f.Add(warctest.Concat(recs[2:4]...))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 0\r\n\r\n\r\n\r\n"))
	cut := warctest.Concat(recs[2], recs[6][:len(recs[6])/2], recs[2])
	f.Add(cut)
	f.Add(warctest.Gzip(cut))
	damaged := warctest.Gzip(recs...)
	damaged[len(damaged)/2] ^= 0x55
	f.Add(damaged)
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Read(bytes.NewReader(data), "f", Options{MaxRecord: 1 << 16}, func(a *news.Article, err error) error {
			if a == nil && err == nil {
				t.Fatal("emit with neither article nor error")
			}
			if err != nil && strings.ContainsAny(err.Error(), "\r\n") {
				t.Fatalf("multi-line error %q", err)
			}
			return nil
		})
	})
}

func BenchmarkRead(b *testing.B) {
	var parts [][]byte
	body := bytes.Repeat([]byte("<p>The fictional council met again to discuss the harbour repairs.</p>\n"), 200)
	for range 200 {
		parts = append(parts, warctest.Request("https://news.example/x"), warctest.Response("https://news.example/x", 200, "text/html", body))
	}
	data := warctest.Gzip(parts...)
	b.SetBytes(int64(len(warctest.Concat(parts...))))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data), "bench", Options{}, func(*news.Article, error) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
