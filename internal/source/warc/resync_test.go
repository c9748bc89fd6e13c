package warc

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"sitrep/internal/news"
	"sitrep/internal/source/record"
	"sitrep/internal/source/warc/warctest"
)

// TestResync cuts records short in the middle of an archive: the damaged
// record is reported as skipped, with the input and its offset, no article
// holds part of another record, and every complete record after it is
// kept.
func TestResync(t *testing.T) {
	a := warctest.Response("https://news.example/a", 200, "text/html", page1)
	b := warctest.Response("https://news.example/b", 200, "text/html", page2)
	c := warctest.Response("https://news.example/c", 200, "text/html", []byte("<p>The harbour master of Velmora counted forty ships on Monday.</p>"))
	d := warctest.Response("https://news.example/d", 200, "text/html", []byte("<p>Ferries to the fictional island of Ostrava Nova resumed at dawn.</p>"))
	// A legitimate page that quotes a WARC version line: kept whole.
	quoting := warctest.Response("https://news.example/q", 200, "text/html", []byte("<pre>\nWARC/1.1\r\nWARC-Type: response\r\n</pre><p>How archives begin.</p>"))
	// half cuts a record in the middle of its block.
	half := func(rec []byte) []byte {
		h := bytes.Index(rec, []byte("\r\n\r\n")) + 4
		return rec[:h+(len(rec)-h)/2]
	}
	long := warctest.Response("https://news.example/long", 200, "text/html", bytes.Repeat([]byte("<p>The long report goes on and on.</p>\n"), 50))
	headerCut := func(rec []byte) []byte { return rec[:bytes.Index(rec, []byte("WARC-Target-URI"))+9] }
	off := func(parts ...[]byte) string { return fmt.Sprintf("offset %d", len(warctest.Concat(parts...))) }

	tests := []struct {
		name      string
		in        []byte
		wantURLs  string
		wantErrs  []string // substrings, one error each, in order
		wantFinal string
	}{
		{name: "block cut short", in: warctest.Concat(a, half(b), c, d), wantURLs: "a c d",
			wantErrs: []string{"x.warc#2: rejected: damaged record at " + off(a) + " skipped"}},
		{name: "cut just after the header", in: warctest.Concat(a, b[:bytes.Index(b, []byte("\r\n\r\n"))+4], c), wantURLs: "a c",
			wantErrs: []string{"x.warc#2: rejected: damaged record at " + off(a)}},
		{name: "header cut short", in: warctest.Concat(a, headerCut(b), c, d), wantURLs: "a c d",
			wantErrs: []string{"x.warc#2: rejected: damaged record at " + off(a) + " skipped: corrupt WARC: bad header line"}},
		{name: "two damaged in a row", in: warctest.Concat(a, half(b), half(c), d), wantURLs: "a d",
			wantErrs: []string{"x.warc#2: rejected: damaged record at " + off(a), "x.warc#3: rejected: damaged record at " + off(a, half(b))}},
		{name: "garbage between records", in: warctest.Concat(a, []byte("\x00\x01 not a record at all\r\nstill not\r\n"), c), wantURLs: "a c",
			wantErrs: []string{"x.warc#2: rejected: damaged record at " + off(a) + " skipped: corrupt WARC: bad version line"}},
		{name: "cut short with the last record inside its block", in: warctest.Concat(a, half(long), d[:len(d)-4]), wantURLs: "a d",
			wantErrs: []string{"x.warc#2: rejected: damaged record at " + off(a) + " skipped: truncated"}},
		{name: "page quoting a version line", in: warctest.Concat(a, quoting, c), wantURLs: "a q c"},
		{name: "cut short, gzip whole file", in: gz(warctest.Concat(a, half(b), c)), wantURLs: "a c",
			wantErrs: []string{"x.warc#2: rejected: damaged record at " + off(a)}},
		{name: "cut short at the end", in: warctest.Concat(a, c, half(d)), wantURLs: "a c", wantFinal: "x.warc#3: rejected: truncated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var g record.Collector
			_, err := Read(bytes.NewReader(tt.in), "x.warc", Options{}, g.Emit)
			switch {
			case tt.wantFinal == "" && err != nil:
				t.Fatalf("Read: %v", err)
			case tt.wantFinal != "" && (err == nil || !strings.Contains(err.Error(), tt.wantFinal)):
				t.Fatalf("Read error %v, want %q", err, tt.wantFinal)
			}
			var urls []string
			for _, art := range g.Articles {
				urls = append(urls, strings.TrimPrefix(art.URL, "https://news.example/"))
				if art.URL != "https://news.example/q" && bytes.Contains(art.Raw, []byte("WARC/")) {
					t.Errorf("%s holds part of another record: %q", art.URL, art.Raw)
				}
			}
			if got := strings.Join(urls, " "); got != tt.wantURLs {
				t.Errorf("articles %q, want %q", got, tt.wantURLs)
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

// TestResyncOffsets checks the offsets Reader reports and that a record
// read after a resync is whole.
func TestResyncOffsets(t *testing.T) {
	a := warctest.Record("resource", []byte("first block"))
	b := warctest.Record("resource", []byte("second block, which is cut short"))
	c := warctest.Record("resource", []byte("third block"))
	in := warctest.Concat(a, b[:len(b)-12], c)
	r, err := NewReader(bytes.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		rec, err := r.Next()
		var re *RecordError
		if errors.As(err, &re) && re.Resync {
			got = append(got, fmt.Sprintf("skip %d@%d", re.Number, re.Offset))
			continue
		}
		if err != nil {
			break
		}
		var blk bytes.Buffer
		blk.ReadFrom(rec.Block)
		got = append(got, fmt.Sprintf("%d:%s", rec.Number, blk.String()))
	}
	want := fmt.Sprintf("1:first block|skip 2@%d|3:third block", len(a))
	if strings.Join(got, "|") != want {
		t.Errorf("records %q, want %q", strings.Join(got, "|"), want)
	}
}
