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

// Reader reads the records of one archive in order. When a record is
// damaged (cut short, a bad header, a Content-Length that runs into the
// next record) it reports that record as a *RecordError with Resync set
// and goes on from the next `WARC/1.x` record header, which it looks for
// first inside the damaged record's claimed block, then in what follows.
type Reader struct {
	br *bufio.Reader
	n  int
	// off counts the bytes consumed from the (decompressed) archive.
	off int64
	// maxBlock bounds a block held in memory to be checked before it is
	// returned; a larger one is streamed and checked only afterwards.
	maxBlock int64
	buf      []byte
	badLine  []byte            // the header line that made the last header corrupt
	block    *io.LimitedReader // the current streamed block's unread part
	err      error             // sticky error
	gz       *members          // the gzip members of a compressed archive, or nil
}

// NewReader returns a Reader over r. A gzip-compressed archive (one gzip
// member per record or one for the whole file) is detected by its magic
// bytes and decompressed member by member: a damaged member is skipped
// (GzipDamage) and reading goes on at the next one.
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var gz *members
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz = newMembers(br, DefaultMaxRecord+holdSlack)
		br = bufio.NewReaderSize(gz, 64<<10)
	}
	return &Reader{br: br, maxBlock: DefaultMaxRecord, gz: gz}, nil
}

// holdSlack is what a gzip member may hold besides a block of the record
// limit (its header and trailer) and still be checked before it is read.
const holdSlack = 1 << 20

// GzipDamage returns the damaged gzip members skipped since the last
// call, in input order.
func (r *Reader) GzipDamage() []GzipDamage {
	if r.gz == nil {
		return nil
	}
	return r.gz.takeDamage()
}

// ErrCorrupt marks a record whose framing is damaged: a missing version
// line, a bad header, a bad Content-Length, a block that does not end
// where its Content-Length says.
var ErrCorrupt = errors.New("corrupt WARC")

// Next returns the next record, or io.EOF after the last one. A
// *RecordError with Resync set reports a damaged record that was skipped:
// call Next again for the records after it. Any other error is final: the
// archive is truncated or corrupt from that point on, and the error says
// which record.
//
// A record's block is checked before the record is returned when it is at
// most DefaultMaxRecord bytes (Read uses its MaxRecord): it must be
// followed by the end of the archive or, after the blank lines that end a
// record, by the next version line, so a block never holds part of the
// next record. A larger block is streamed, and if it turns out not to end
// where it should, the search for the next header starts after it.
func (r *Reader) Next() (*Record, error) {
	if r.err != nil {
		return nil, r.err
	}
	rec, err := r.next()
	if err != nil {
		var re *RecordError
		if !errors.As(err, &re) && err != io.EOF {
			err = &RecordError{Number: max(r.n, 1), Offset: r.off, Err: err}
		}
		if re == nil || !re.Resync {
			r.err = err
		}
		return nil, err
	}
	return rec, nil
}

// RecordError is a failure to read record Number of an archive, which
// starts at byte Offset of the uncompressed archive.
type RecordError struct {
	Number int
	Offset int64
	Err    error
	// Resync is set when the reader found the next record header after
	// the damaged record: the record is skipped and reading goes on.
	Resync bool
}

// Error returns "record N at offset O: reason".
func (e *RecordError) Error() string {
	return fmt.Sprintf("record %d at offset %d: %v", e.Number, e.Offset, e.Err)
}

// Unwrap returns the underlying error.
func (e *RecordError) Unwrap() error { return e.Err }

// versionPrefix starts every record this reader reads.
var versionPrefix = []byte("WARC/1.")

func (r *Reader) next() (*Record, error) {
	if r.block != nil {
		// Skip what the caller left of the previous streamed block.
		_, err := io.Copy(io.Discard, r.block) // counted by countingReader
		if err == nil && r.block.N > 0 {
			err = io.ErrUnexpectedEOF
		}
		r.block = nil
		if err != nil {
			return nil, truncated(err)
		}
		if !r.trailerOK() {
			// The streamed block did not end where it should: look for
			// the next record after it.
			return nil, r.resync(r.n, r.off, fmt.Errorf("%w: block does not end at its Content-Length", ErrCorrupt), nil)
		}
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
		r.off++
	}
	r.n++
	start := r.off
	rec, err := r.header()
	if err != nil {
		if errors.Is(err, ErrCorrupt) {
			// The bad line may hold the next record's version line, spliced
			// onto a header cut short.
			return nil, r.resync(rec.Number, start, err, r.badLine)
		}
		return nil, &RecordError{Number: rec.Number, Offset: start, Err: err}
	}
	if rec.ContentLength > r.maxBlock {
		r.block = &io.LimitedReader{R: countingReader{r}, N: rec.ContentLength}
		rec.Block = r.block
		return rec, nil
	}
	if int64(cap(r.buf)) < rec.ContentLength {
		r.buf = make([]byte, rec.ContentLength)
	}
	block := r.buf[:rec.ContentLength]
	n, err := io.ReadFull(r.br, block)
	r.off += int64(n)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && err != io.EOF {
		return nil, err
	}
	switch {
	case err != nil:
		// Cut short at the end of the archive, or a record cut short in
		// the middle with the next record (and the end) inside its block.
		why := fmt.Errorf("truncated: %w: block of %d bytes, %d present", io.ErrUnexpectedEOF, rec.ContentLength, n)
		return nil, r.resync(rec.Number, start, why, block[:n])
	case !r.trailerOK() && r.spliced(block):
		// A record cut short in the middle, the next one spliced into
		// its claimed block. (A block with no version line in it is kept:
		// what follows it is looked at as the next record.)
		why := fmt.Errorf("%w: cut short: a record header inside its block of %d bytes", ErrCorrupt, rec.ContentLength)
		return nil, r.resync(rec.Number, start, why, block)
	}
	rec.Block = bytes.NewReader(block)
	return rec, nil
}

// header reads a record's version line and named fields.
func (r *Reader) header() (*Record, error) {
	rec := &Record{Number: r.n, Header: make(Header)}
	r.badLine = nil
	line, err := r.readLine()
	if err != nil {
		return rec, fmt.Errorf("version line: %w", err)
	}
	if !strings.HasPrefix(line, "WARC/") {
		return rec, fmt.Errorf("%w: bad version line %.40q", ErrCorrupt, line)
	}
	rec.Version = line
	total := len(line)
	var last string // key of the last field, for continuation lines
	for {
		line, err := r.readLine()
		if err != nil {
			return rec, fmt.Errorf("header: %w", err)
		}
		if line == "" {
			break
		}
		total += len(line)
		if total > maxHeaderBytes {
			return rec, fmt.Errorf("%w: header longer than %d bytes", ErrCorrupt, maxHeaderBytes)
		}
		if line[0] == ' ' || line[0] == '\t' {
			if last == "" {
				return rec, fmt.Errorf("%w: continuation line before any field", ErrCorrupt)
			}
			vs := rec.Header[last]
			vs[len(vs)-1] += " " + strings.TrimSpace(line)
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(k) == "" || versionIndex([]byte(line+"\n")) >= 0 {
			// A line ending in a version line is a header cut short with
			// the next record spliced on.
			r.badLine = []byte(line + "\r\n")
			return rec, fmt.Errorf("%w: bad header line %.40q", ErrCorrupt, line)
		}
		last = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(k))
		rec.Header[last] = append(rec.Header[last], strings.TrimSpace(v))
	}
	cl := rec.Header.Get("Content-Length")
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return rec, fmt.Errorf("%w: bad Content-Length %.40q", ErrCorrupt, cl)
	}
	rec.ContentLength = n
	return rec, nil
}

// trailerOK reports whether what follows a block is a record's end: line
// breaks and then the next version line, or the end of the archive. It
// consumes nothing.
func (r *Reader) trailerOK() bool {
	for k := 16; k <= 8<<10; k *= 2 {
		peek, err := r.br.Peek(k)
		rest := bytes.TrimLeft(peek, "\r\n")
		if len(rest) >= len(versionPrefix) {
			return bytes.HasPrefix(rest, versionPrefix)
		}
		if err != nil { // the end of the archive is near
			return bytes.HasPrefix(versionPrefix, rest)
		}
	}
	return false // a long run of line breaks is not a record's end
}

// spliced reports whether a version line starts inside block: in it, or
// across its end into what follows.
func (r *Reader) spliced(block []byte) bool {
	if versionIndex(block) >= 0 {
		return true
	}
	tail := append([]byte(nil), block[max(len(block)-maxVersionLine, 0):]...)
	next, _ := r.br.Peek(maxVersionLine)
	i := versionIndex(append(tail, next...))
	return i >= 0 && i < len(tail)
}

// maxVersionLine is the length of the longest version line a resync
// looks for, "WARC/1.1\r\n".
const maxVersionLine = 10

// resync skips the damaged record number at offset start. It looks for
// the next version line ("WARC/1.x" and a line break, wherever it starts:
// a record cut short is followed by the next one mid-line) in seen, the
// bytes of the damaged record read after its header, then in the archive
// that follows. Found, it arranges for the next call to read from there
// and returns a RecordError with Resync set; at the end of the archive it
// returns the final error.
func (r *Reader) resync(number int, start int64, why error, seen []byte) error {
	fail := &RecordError{Number: number, Offset: start, Err: why}
	back := seen[max(len(seen)-maxVersionLine, 0):] // may hold the start of a version line
	if i := versionIndex(seen); i >= 0 {
		back = seen[i:]
		fail.Resync = true
	}
	if len(back) > 0 {
		back = append([]byte(nil), back...)
		r.off -= int64(len(back))
		r.br = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(back), r.br), 64<<10)
	}
	for !fail.Resync {
		peek, err := r.br.Peek(r.br.Size())
		if i := versionIndex(peek); i >= 0 {
			r.discard(i)
			fail.Resync = true
			break
		}
		if err != nil && err != bufio.ErrBufferFull {
			r.discard(len(peek))
			break // the end: nothing after the damaged record
		}
		r.discard(max(len(peek)-maxVersionLine, 1))
	}
	return fail
}

func (r *Reader) discard(n int) {
	d, _ := r.br.Discard(n)
	r.off += int64(d)
}

// versionIndex returns the offset in b of the first complete version line
// "WARC/1.N" followed by CRLF or LF, or -1.
func versionIndex(b []byte) int {
	for i := 0; ; {
		j := bytes.Index(b[i:], versionPrefix)
		if j < 0 {
			return -1
		}
		at := i + j
		rest := b[at+len(versionPrefix):]
		if len(rest) >= 2 && rest[0] >= '0' && rest[0] <= '9' &&
			(rest[1] == '\n' || (rest[1] == '\r' && len(rest) >= 3 && rest[2] == '\n')) {
			return at
		}
		i = at + 1
	}
}

// countingReader reads a streamed block from the reader, counting offsets.
type countingReader struct{ r *Reader }

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.br.Read(p)
	c.r.off += int64(n)
	return n, err
}

// readLine reads one header line without its line ending. A line must
// fit in the reader's buffer.
func (r *Reader) readLine() (string, error) {
	line, err := r.br.ReadSlice('\n')
	r.off += int64(len(line))
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
