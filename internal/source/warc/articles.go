package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sitrep/internal/source/record"
	"strings"
	"time"

	"sitrep/internal/news"
)

// DefaultMaxRecord is the record size limit when Options.MaxRecord is 0.
const DefaultMaxRecord = 32 << 20

// Options tune Read.
type Options struct {
	// MaxRecord bounds the content block of a response record and its
	// decoded HTTP body; 0 means DefaultMaxRecord. A larger response is
	// reported as an error and skipped.
	MaxRecord int64
}

// Stats counts what Read saw in one archive.
type Stats struct {
	Records  int // records read, of every type
	Articles int // articles emitted
	Skipped  int // records skipped silently: other types, non-200, non-HTML
	Errors   int // records reported as errors through emit
}

// Read reads the archive r, named name in errors and article paths, and
// emits one FormatHTML article per response record holding an HTTP 200
// HTML page: URL is WARC-Target-URI, Fetched is WARC-Date, Path is
// name#N (N the 1-based record number) and Raw the HTTP body with any
// Content-Encoding removed. Other records are skipped. A record that is
// too large, or whose HTTP message is malformed, is emitted as an error
// wrapping news.ErrRejected and reading goes on.
//
// A damaged record in the middle of the archive (cut short, a bad
// header) is emitted as an error naming name#N and its offset, wrapping
// news.ErrRejected, and reading resynchronises on the next record header
// (see Reader.Next): no article ever holds part of the next record.
//
// Read returns emit's error, or an error naming name#N when the archive
// is truncated or corrupt at record N with no record after it; records
// before it have already been emitted.
func Read(r io.Reader, name string, opts Options, emit record.EmitFunc) (Stats, error) {
	var st Stats
	max := opts.MaxRecord
	if max <= 0 {
		max = DefaultMaxRecord
	}
	wr, err := NewReader(r)
	if err != nil {
		return st, fmt.Errorf("%s: %w", name, err)
	}
	wr.maxBlock = max
	if wr.gz != nil {
		wr.gz.setHold(int(max) + holdSlack)
	}
	var buf []byte
	for {
		rec, err := wr.Next()
		// A damaged gzip member found while reading this record (or
		// looking past it) is reported first: its records are gone.
		for _, d := range wr.GzipDamage() {
			st.Errors++
			if err := emit(nil, fmt.Errorf("%s: %w: %w", name, news.ErrRejected, d)); err != nil {
				return st, err
			}
		}
		if err == io.EOF {
			return st, nil
		}
		if err != nil {
			var re *RecordError
			if !errors.As(err, &re) {
				return st, fmt.Errorf("%s: %w", name, err)
			}
			where := fmt.Sprintf("%s#%d", name, re.Number)
			if re.Resync {
				// A damaged record, skipped: the records after it are read.
				st.Records++
				st.Errors++
				err := fmt.Errorf("%s: %w: damaged record at offset %d skipped: %s", where, news.ErrRejected, re.Offset, oneLine(re.Err.Error()))
				if err := emit(nil, err); err != nil {
					return st, err
				}
				continue
			}
			if Damaged(re.Err) {
				return st, fmt.Errorf("%s: %w: %w (record at offset %d)", where, news.ErrRejected, re.Err, re.Offset)
			}
			return st, fmt.Errorf("%s: %w (record at offset %d)", where, re.Err, re.Offset)
		}
		st.Records++
		if !isHTTPResponse(rec) {
			st.Skipped++
			continue
		}
		where := fmt.Sprintf("%s#%d", name, rec.Number)
		if rec.ContentLength > max {
			st.Errors++
			if err := emit(nil, fmt.Errorf("%s: %w: record larger than %d bytes", where, news.ErrRejected, max)); err != nil {
				return st, err
			}
			continue
		}
		if int64(cap(buf)) < rec.ContentLength {
			buf = make([]byte, rec.ContentLength)
		}
		block := buf[:rec.ContentLength]
		if _, err := io.ReadFull(rec.Block, block); err != nil {
			if Damaged(err) {
				return st, fmt.Errorf("%s: %w: %w", where, news.ErrRejected, truncated(err))
			}
			return st, fmt.Errorf("%s: %w", where, err)
		}
		a, err := article(rec, block, max)
		switch {
		case err == errSkip:
			st.Skipped++
			continue
		case err != nil:
			st.Errors++
			err = fmt.Errorf("%s: %w: %s", where, news.ErrRejected, oneLine(err.Error()))
		default:
			st.Articles++
			a.Path = where
		}
		if err := emit(a, err); err != nil {
			return st, err
		}
	}
}

// Damaged reports whether err means the data itself is damaged
// (truncated, corrupt WARC framing, corrupt gzip) rather than that
// reading it failed.
func Damaged(err error) bool {
	var ce flate.CorruptInputError
	return errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, ErrCorrupt) ||
		errors.Is(err, gzip.ErrHeader) || errors.Is(err, gzip.ErrChecksum) || errors.As(err, &ce)
}

// errSkip marks a response that is not an article: not 200, not HTML.
var errSkip = errors.New("skip")

func isHTTPResponse(rec *Record) bool {
	if !strings.EqualFold(rec.Type(), "response") {
		return false
	}
	ct := strings.ToLower(rec.Header.Get("Content-Type"))
	// Content-Type is optional in practice; when present it must be HTTP.
	return ct == "" || strings.HasPrefix(ct, "application/http")
}

// article parses the HTTP response in block.
func article(rec *Record, block []byte, max int64) (*news.Article, error) {
	if !bytes.HasPrefix(block, []byte("HTTP/")) {
		return nil, errSkip // not an HTTP response (dns:, ftp:, …)
	}
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(block)), nil)
	if err != nil {
		return nil, fmt.Errorf("bad HTTP response: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !isHTML(resp.Header.Get("Content-Type")) {
		return nil, errSkip
	}
	var body io.Reader = resp.Body
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			return nil, fmt.Errorf("gzip body: %w", err)
		}
		body = zr
	case "deflate":
		// "deflate" is zlib-wrapped by the spec, raw DEFLATE in practice.
		peek := bufio.NewReader(body)
		if b, err := peek.Peek(2); err == nil && (uint16(b[0])<<8|uint16(b[1]))%31 == 0 && b[0]&0x0f == 8 {
			zr, err := zlib.NewReader(peek)
			if err != nil {
				return nil, fmt.Errorf("deflate body: %w", err)
			}
			body = zr
		} else {
			body = flate.NewReader(peek)
		}
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %.20q", enc)
	}
	raw, err := io.ReadAll(io.LimitReader(body, max+1))
	if err != nil {
		return nil, fmt.Errorf("HTTP body: %w", err)
	}
	if int64(len(raw)) > max {
		return nil, fmt.Errorf("HTTP body larger than %d bytes", max)
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, errors.New("empty HTTP body")
	}
	sum := sha256.Sum256(raw)
	a := &news.Article{
		URL:       strings.Trim(rec.Header.Get("WARC-Target-URI"), "<>"),
		Format:    news.FormatHTML,
		Raw:       raw,
		RawSHA256: hex.EncodeToString(sum[:]),
		RawSize:   len(raw),
	}
	if d := rec.Header.Get("WARC-Date"); d != "" {
		if t, err := time.Parse(time.RFC3339Nano, d); err == nil {
			a.Fetched = t.UTC()
		}
	}
	return a, nil
}

// isHTML reports whether an HTTP Content-Type names an HTML page.
func isHTML(ct string) bool {
	if strings.TrimSpace(ct) == "" {
		return false
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// oneLine keeps an error message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
