// Package warc reads WARC 1.0 and 1.1 archives (ISO 28500), plain or as a
// concatenation of gzip members, and turns archived HTML responses into
// raw news.Articles. It streams: memory use is bounded by the largest
// record kept, never by the size of the archive.
package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
)

// maxHeaderBytes bounds one record's header block; a longer one is corrupt.
const maxHeaderBytes = 1 << 20

// Header holds a record's named fields, keyed by canonical MIME name
// ("Warc-Type", "Content-Length"); use Get for case-insensitive lookup.
type Header = textproto.MIMEHeader

// Record is one WARC record. Block is valid only until the next call to
// Reader.Next.
type Record struct {
	// Number is the record's 1-based position in the archive.
	Number int
	// Version is the version line, e.g. "WARC/1.1".
	Version string
	// Header holds the named fields.
	Header Header
	// ContentLength is the length of Block in bytes.
	ContentLength int64
	// Block reads the record's content block.
	Block io.Reader
}

// Type returns the record's WARC-Type ("response", "warcinfo", …).
func (r *Record) Type() string { return r.Header.Get("WARC-Type") }

// Reader reads the records of one archive in order.
type Reader struct {
	br    *bufio.Reader
	n     int
	block *io.LimitedReader // the current record's unread block
	err   error             // sticky error
}

// NewReader returns a Reader over r. A gzip-compressed archive (one gzip
// member per record or one for the whole file) is detected by its magic
// bytes and decompressed.
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := newGzipReader(br)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	return &Reader{br: br}, nil
}

// ErrCorrupt marks an archive whose framing is damaged: a missing version
// line, a bad header, a bad Content-Length. Reading cannot go on past it.
var ErrCorrupt = errors.New("corrupt WARC")

// Next returns the next record, or io.EOF after the last one. Any other
// error is final: the archive is truncated or corrupt from that point on,
// and the error says which record.
func (r *Reader) Next() (*Record, error) {
	if r.err != nil {
		return nil, r.err
	}
	rec, err := r.next()
	if err != nil {
		if err != io.EOF {
			err = &RecordError{Number: max(r.n, 1), Err: err}
		}
		r.err = err
		return nil, err
	}
	return rec, nil
}

// RecordError is a failure to read record Number of an archive.
type RecordError struct {
	Number int
	Err    error
}

// Error returns "record N: reason".
func (e *RecordError) Error() string { return fmt.Sprintf("record %d: %v", e.Number, e.Err) }

// Unwrap returns the underlying error.
func (e *RecordError) Unwrap() error { return e.Err }

func (r *Reader) next() (*Record, error) {
	if r.block != nil {
		// Skip what the caller left of the previous record's block.
		_, err := io.Copy(io.Discard, r.block)
		if err == nil && r.block.N > 0 {
			err = io.ErrUnexpectedEOF
		}
		if err != nil {
			return nil, truncated(err)
		}
		r.block = nil
	}
	// Skip the CRLF CRLF that ends a record, and any stray blank lines.
	for {
		b, err := r.br.ReadByte()
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			r.n++
			return nil, truncated(err)
		}
		if b != '\r' && b != '\n' {
			_ = r.br.UnreadByte()
			break
		}
	}
	r.n++
	rec := &Record{Number: r.n, Header: make(Header)}
	line, err := r.readLine()
	if err != nil {
		return nil, fmt.Errorf("version line: %w", err)
	}
	if !strings.HasPrefix(line, "WARC/") {
		return nil, fmt.Errorf("%w: bad version line %.40q", ErrCorrupt, line)
	}
	rec.Version = line
	total := len(line)
	var last string // key of the last field, for continuation lines
	for {
		line, err := r.readLine()
		if err != nil {
			return nil, fmt.Errorf("header: %w", err)
		}
		if line == "" {
			break
		}
		total += len(line)
		if total > maxHeaderBytes {
			return nil, fmt.Errorf("%w: header longer than %d bytes", ErrCorrupt, maxHeaderBytes)
		}
		if line[0] == ' ' || line[0] == '\t' {
			if last == "" {
				return nil, fmt.Errorf("%w: continuation line before any field", ErrCorrupt)
			}
			vs := rec.Header[last]
			vs[len(vs)-1] += " " + strings.TrimSpace(line)
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(k) == "" {
			return nil, fmt.Errorf("%w: bad header line %.40q", ErrCorrupt, line)
		}
		last = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(k))
		rec.Header[last] = append(rec.Header[last], strings.TrimSpace(v))
	}
	cl := rec.Header.Get("Content-Length")
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("%w: bad Content-Length %.40q", ErrCorrupt, cl)
	}
	rec.ContentLength = n
	r.block = &io.LimitedReader{R: r.br, N: n}
	rec.Block = r.block
	return rec, nil
}

// readLine reads one header line without its line ending. A line must
// fit in the reader's buffer.
func (r *Reader) readLine() (string, error) {
	line, err := r.br.ReadSlice('\n')
	switch {
	case err == bufio.ErrBufferFull:
		return "", fmt.Errorf("%w: header line too long", ErrCorrupt)
	case err == io.EOF:
		return "", fmt.Errorf("truncated: %w", io.ErrUnexpectedEOF)
	case err != nil:
		return "", truncated(err)
	}
	line = bytes.TrimRight(line, "\r\n")
	return string(line), nil
}

// truncated labels an unexpected end of input as truncation.
func truncated(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("truncated: %w", err)
	}
	return err
}
