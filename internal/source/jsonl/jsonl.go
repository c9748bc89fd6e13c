// Package jsonl reads news reports stored one JSON object per line, as
// scraped corpora and data-set dumps often are, into raw news.Articles.
package jsonl

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sitrep/internal/source/record"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/news"
)

// DefaultMaxLine is the line length limit when Read's maxLine is <= 0.
const DefaultMaxLine = 32 << 20

// fields lists the accepted field names. Within each group the first
// non-empty field wins. encoding/json matches names case-insensitively.
type fields struct {
	URL       json.RawMessage `json:"url"`
	Link      json.RawMessage `json:"link"`
	SourceURL json.RawMessage `json:"sourceUrl"`

	Title    json.RawMessage `json:"title"`
	Headline json.RawMessage `json:"headline"`

	Outlet    json.RawMessage `json:"outlet"`
	Source    json.RawMessage `json:"source"`
	Site      json.RawMessage `json:"site"`
	SiteName  json.RawMessage `json:"site_name"`
	Publisher json.RawMessage `json:"publisher"`
	SrcName   json.RawMessage `json:"sourceName"`

	Author  json.RawMessage `json:"author"`
	Byline  json.RawMessage `json:"byline"`
	Authors json.RawMessage `json:"authors"`

	Published     json.RawMessage `json:"published"`
	Date          json.RawMessage `json:"date"`
	PublishedAt   json.RawMessage `json:"published_at"`
	PubDate       json.RawMessage `json:"pubDate"`
	DatePublished json.RawMessage `json:"datePublished"`

	Text    json.RawMessage `json:"text"`
	Body    json.RawMessage `json:"body"`
	Content json.RawMessage `json:"content"`
	Article json.RawMessage `json:"article"`

	HTML    json.RawMessage `json:"html"`
	RawHTML json.RawMessage `json:"raw_html"`
}

// Read reads JSON lines from r, named name in errors and article paths,
// and emits one article per non-blank line, with Path name#LINE (1-based).
// A line with a text field (text, body, content, article) becomes a
// news.FormatText article; else one with html or raw_html becomes
// news.FormatHTML. Metadata comes from url|link|sourceUrl, title|headline,
// outlet|source|site|site_name|publisher|sourceName, author|byline|authors and
// published|date|published_at|pubDate|datePublished.
//
// A malformed line, a line with no body, or a line longer than maxLine
// bytes (<= 0 means DefaultMaxLine) is emitted as an error naming
// name#LINE and wrapping news.ErrRejected; reading goes on. Read returns
// emit's error, or an error naming name#LINE if r fails.
func Read(r io.Reader, name string, maxLine int64, emit record.EmitFunc) error {
	if maxLine <= 0 {
		maxLine = DefaultMaxLine
	}
	br, ok := r.(*bufio.Reader)
	if !ok || br.Size() < 64<<10 {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	var buf []byte
	for n := 1; ; n++ {
		buf = buf[:0]
		tooLong := false
		var rerr error
		for {
			chunk, err := br.ReadSlice('\n')
			if !tooLong {
				if int64(len(buf)+len(chunk)) > maxLine+2 { // allow for CRLF
					tooLong, buf = true, buf[:0]
				} else {
					buf = append(buf, chunk...)
				}
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			rerr = err
			break
		}
		if rerr != nil && rerr != io.EOF {
			return fmt.Errorf("%s#%d: %w", name, n, rerr)
		}
		where := fmt.Sprintf("%s#%d", name, n)
		var a *news.Article
		var err error
		switch line := bytes.TrimSpace(buf); {
		case tooLong:
			err = fmt.Errorf("%s: %w: line longer than %d bytes", where, news.ErrRejected, maxLine)
		case len(line) == 0:
		default:
			a, err = parse(line)
			if err != nil {
				err = fmt.Errorf("%s: %w: %s", where, news.ErrRejected, oneLine(err.Error()))
			} else {
				a.Path = where
			}
		}
		if a != nil || err != nil {
			if err := emit(a, err); err != nil {
				return err
			}
		}
		if rerr == io.EOF {
			return nil
		}
	}
}

// parse turns one JSON object into an article.
func parse(line []byte) (*news.Article, error) {
	if line[0] != '{' {
		return nil, errors.New("malformed JSON: not an object")
	}
	var rec fields
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, fmt.Errorf("malformed JSON: %w", err)
	}
	a := &news.Article{
		URL:    first(rec.URL, rec.Link, rec.SourceURL),
		Title:  first(rec.Title, rec.Headline),
		Outlet: first(rec.Outlet, rec.Source, rec.Site, rec.SiteName, rec.Publisher, rec.SrcName),
		Author: first(rec.Author, rec.Byline, rec.Authors),
	}
	if body := first(rec.Text, rec.Body, rec.Content, rec.Article); body != "" {
		a.Format, a.Raw = news.FormatText, []byte(body)
	} else if body := first(rec.HTML, rec.RawHTML); body != "" {
		a.Format, a.Raw = news.FormatHTML, []byte(body)
	} else {
		return nil, errors.New("no text or html field")
	}
	sum := sha256.Sum256(a.Raw)
	a.RawSHA256, a.RawSize = hex.EncodeToString(sum[:]), len(a.Raw)
	for _, d := range []json.RawMessage{rec.Published, rec.Date, rec.PublishedAt, rec.PubDate, rec.DatePublished} {
		s := str(d)
		if s == "" {
			continue
		}
		if unknownDate[strings.ToLower(strings.TrimSpace(s))] {
			break // the record says it has no date
		}
		if t, ok := ParseTime(s); ok {
			a.Published = t
		} else {
			a.Problems = append(a.Problems, news.Problem{Stage: "source", Message: fmt.Sprintf("unrecognised date %.40q", s)})
		}
		break
	}
	return a, nil
}

// first returns the first field holding a non-empty value.
func first(fields ...json.RawMessage) string {
	for _, f := range fields {
		if s := str(f); s != "" {
			return s
		}
	}
	return ""
}

// str renders a field as a string: a string as is, a number as written,
// a list of strings (or of objects with a "name") joined with ", ", an
// object by its "name". Null and other shapes give "".
func str(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return ""
		}
		return strings.TrimSpace(s)
	case '[':
		var list []json.RawMessage
		if json.Unmarshal(raw, &list) != nil {
			return ""
		}
		var parts []string
		for _, e := range list {
			if s := str(e); s != "" && (len(e) == 0 || e[0] != '[') {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case '{':
		var o struct {
			Name json.RawMessage `json:"name"`
		}
		if json.Unmarshal(raw, &o) != nil || len(o.Name) == 0 || o.Name[0] != '"' {
			return ""
		}
		return str(o.Name)
	case 'n', 't', 'f':
		return ""
	default:
		return string(raw) // a number
	}
}

// layouts are the date formats ParseTime tries, most common first.
var layouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05 -0700",
	time.RFC850,
	time.RFC822Z,
	time.RFC822,
	time.ANSIC,
	time.UnixDate,
	"January 2, 2006",
	"January 2, 2006 15:04",
	"January 2, 2006 3:04 PM",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"02 Jan 2006",
	"2006/01/02",
	"2006/01/02 15:04:05",
	"20060102T150405Z",
	"20060102150405",
	"20060102",
}

// ParseTime parses a publication date in one of the common formats of
// feeds, sitemaps and data sets, or a Unix time in seconds or
// milliseconds. A time without a zone is taken as UTC. It reports
// whether s was recognised.
func ParseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && len(s) >= 9 && !strings.ContainsAny(s, "eE") {
		switch {
		case math.Abs(f) >= 1e11 && math.Abs(f) < 1e14: // milliseconds
			return time.UnixMilli(int64(f)).UTC(), true
		case math.Abs(f) < 1e11:
			sec, frac := math.Modf(f)
			return time.Unix(int64(sec), int64(frac*1e9)).UTC(), true
		}
	}
	return time.Time{}, false
}

// unknownDate lists the values records use to say they have no date.
var unknownDate = map[string]bool{"unknown": true, "n/a": true, "na": true, "none": true, "null": true, "-": true}

// oneLine keeps an error message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
