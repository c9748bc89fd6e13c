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

// TestGzipMemberResync damages one gzip member of a .warc.gz written one
// member per record: the damaged member is reported with the input and
// its offset in the compressed file, and every complete record in the
// members after it is kept.
func TestGzipMemberResync(t *testing.T) {
	var recs [][]byte
	for i, s := range []string{
		"The harbour master of Velmora counted forty ships on Monday.",
		"Ferries to the fictional island of Ostrava Nova resumed at dawn.",
		"A bridge over the Tesna river reopened after three weeks of repairs.",
		"Grain barges left the port of Kaldir under a grey sky.",
	} {
		body := fmt.Sprintf("<p>%s</p>%s", s, strings.Repeat("<p>The report goes on.</p>\n", 20))
		recs = append(recs, warctest.Response(fmt.Sprintf("https://news.example/%c", 'a'+i), 200, "text/html", []byte(body)))
	}
	members := make([][]byte, len(recs))
	for i, r := range recs {
		members[i] = warctest.Gzip(r)
	}
	// damaged returns the file with the members which changed by f, and
	// the offset of each member in it.
	damaged := func(f func(m []byte) []byte, which ...int) ([]byte, []int) {
		var out []byte
		var at []int
		for i, m := range members {
			m = append([]byte(nil), m...)
			for _, w := range which {
				if w == i {
					m = f(m)
				}
			}
			at = append(at, len(out))
			out = append(out, m...)
		}
		return out, at
	}
	flipMiddle := func(m []byte) []byte {
		for i := len(m)/2 - 4; i < len(m)/2+4; i++ {
			m[i] ^= 0x55
		}
		return m
	}
	badCRC := func(m []byte) []byte { m[len(m)-8] ^= 0xff; return m }
	badHeader := func(m []byte) []byte { m[0], m[1] = 'x', 'y'; return m }
	cutShort := func(m []byte) []byte { return m[:len(m)/2] }
	// A report names the first damaged member, the reason (any when
	// ""), and the member reading resumed at.
	type report struct {
		from, to int
		why      string
	}
	tests := []struct {
		name     string
		f        func([]byte) []byte
		which    []int
		wantURLs string
		reports  []report
	}{
		{"corrupt deflate data", flipMiddle, []int{1}, "a c d", []report{{1, 2, ""}}},
		{"bad checksum", badCRC, []int{1}, "a c d", []report{{1, 2, "gzip: invalid checksum"}}},
		{"bad member header", badHeader, []int{1}, "a c d", []report{{1, 2, "gzip: invalid header"}}},
		{"member cut short", cutShort, []int{1}, "a c d", []report{{1, 2, ""}}},
		{"first member damaged", flipMiddle, []int{0}, "b c d", []report{{0, 1, ""}}},
		{"two damaged in a row: one report", flipMiddle, []int{1, 2}, "a d", []report{{1, 3, ""}}},
		{"two damaged apart", badCRC, []int{0, 2}, "b d", []report{{0, 1, "gzip: invalid checksum"}, {2, 3, "gzip: invalid checksum"}}},
		{"whole", nil, nil, "a b c d", nil},
		// The last member damaged: nothing to resume at, so the record it
		// held is reported as the WARC reader finds it, as before.
		{"last member cut short", cutShort, []int{3}, "a b c", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, at := damaged(tt.f, tt.which...)
			var g record.Collector
			_, err := Read(bytes.NewReader(in), "x.warc.gz", Options{}, g.Emit)
			last := len(tt.which) > 0 && tt.which[len(tt.which)-1] == len(members)-1
			switch {
			case !last && err != nil:
				t.Fatalf("Read: %v", err)
			case last && (err == nil || !strings.Contains(err.Error(), "x.warc.gz#4: rejected: ") || !strings.Contains(err.Error(), "truncated")):
				t.Fatalf("Read error %v, want the fourth record truncated", err)
			}
			var urls []string
			for _, a := range g.Articles {
				urls = append(urls, strings.TrimPrefix(a.URL, "https://news.example/"))
				if bytes.Contains(a.Raw, []byte("WARC/")) || !bytes.HasSuffix(bytes.TrimSpace(a.Raw), []byte("</p>")) {
					t.Errorf("%s is not whole: %q", a.URL, a.Raw)
				}
			}
			if got := strings.Join(urls, " "); got != tt.wantURLs {
				t.Errorf("articles %q, want %q", got, tt.wantURLs)
			}
			if len(g.Errors) != len(tt.reports) {
				t.Fatalf("errors %v, want %d", g.Errors, len(tt.reports))
			}
			for i, e := range g.Errors {
				r := tt.reports[i]
				head := fmt.Sprintf("x.warc.gz: rejected: damaged gzip member at offset %d skipped: %s", at[r.from], r.why)
				tail := fmt.Sprintf("; reading resumed at the next member, offset %d", at[r.to])
				if msg := e.Error(); !strings.HasPrefix(msg, head) || !strings.HasSuffix(msg, tail) || !errors.Is(e, news.ErrRejected) {
					t.Errorf("error %q, want %q…%q wrapping ErrRejected", msg, head, tail)
				}
			}
		})
	}
}
