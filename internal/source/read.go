package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"sitrep/internal/extract"
	"sitrep/internal/news"
	"sitrep/internal/source/feed"
	"sitrep/internal/source/jsonl"
	"sitrep/internal/source/warc"
)

// readInputs reads each input in order and calls emit once per article
// found and once per problem (see Files). It returns only ctx's error or
// emit's error.
func readInputs(ctx context.Context, inputs []string, opts Options, emit func(item) error) error {
	r := &reader{ctx: ctx, opts: opts.withDefaults(), emit: emit}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.input(in); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// readStream reads one stream whose format is sniffed from its content,
// as readInputs does for standard input (see Stream). It returns only
// ctx's error or emit's.
func readStream(ctx context.Context, name string, rd io.Reader, opts Options, emit func(item) error) error {
	r := &reader{ctx: ctx, opts: opts.withDefaults(), emit: emit}
	if err := r.stream(name, origin{path: name}, ctxReader{ctx, rd}, -1, kindUnknown, false, ""); err != nil {
		return err
	}
	return ctx.Err()
}

// kind is the format of one input.
type kind int

const (
	kindUnknown kind = iota
	kindText
	kindHTML
	kindJSONL
	kindFeed
	kindWARC
)

// extKinds maps file extensions to formats.
var extKinds = map[string]kind{
	".txt": kindText, ".text": kindText, ".md": kindText,
	".html": kindHTML, ".htm": kindHTML, ".xhtml": kindHTML,
	".jsonl": kindJSONL, ".ndjson": kindJSONL,
	".xml": kindFeed, ".rss": kindFeed, ".atom": kindFeed,
	".warc": kindWARC,
}

// kindOf returns the format a file name announces and whether it is
// gzip-compressed.
func kindOf(name string) (k kind, gz bool) {
	name = strings.ToLower(filepath.Base(name))
	if rest, ok := strings.CutSuffix(name, ".gz"); ok {
		name, gz = rest, true
	}
	return extKinds[filepath.Ext(name)], gz
}

// single reports whether k is read whole, as one document.
func (k kind) single() bool { return k == kindText || k == kindHTML || k == kindFeed }

// origin is where a stream came from; it fills in the articles read.
type origin struct {
	path    string    // local file or StdinName; "" for URLs
	url     string    // final URL of a fetched input
	fetched time.Time // when a URL was fetched
}

type reader struct {
	ctx  context.Context
	opts Options
	emit func(item) error
	br   *bufio.Reader // reused for the outer layer of each input
}

// send passes one item to emit unless ctx is done.
func (r *reader) send(it item) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	return r.emit(it)
}

// fail emits err as the item of one input.
func (r *reader) fail(err error) error { return r.send(item{Err: err}) }

func (r *reader) input(in string) error {
	switch {
	case in == "-":
		return r.stream(StdinName, origin{path: StdinName}, ctxReader{r.ctx, r.opts.Stdin}, -1, kindUnknown, false, "")
	case isURL(in):
		return r.fetch(in)
	}
	info, err := os.Stat(in)
	if err != nil {
		return r.fail(ioError(in, err))
	}
	if info.IsDir() {
		return r.walk(in)
	}
	return r.file(in, info)
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// walk reads every non-hidden file under root in lexical order.
func (r *reader) walk(root string) error {
	if fi, err := os.Lstat(root); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		// WalkDir does not follow a root that is a link; a trailing
		// separator makes it.
		root += string(filepath.Separator)
	}
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if e := r.fail(ioError(p, err)); e != nil {
				return e
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		info, err := os.Stat(p) // follow symbolic links to files
		switch {
		case err != nil:
			return r.fail(ioError(p, err))
		case info.IsDir():
			return nil // a link to a directory: not followed, to avoid cycles
		case !info.Mode().IsRegular():
			return r.fail(rejectf(p, "not a regular file (%s)", info.Mode().Type()))
		}
		return r.file(p, info)
	})
}

// file reads one named file, whose Stat is info.
func (r *reader) file(p string, info fs.FileInfo) error {
	k, gz := kindOf(p)
	size := info.Size()
	if !info.Mode().IsRegular() {
		size = -1 // a pipe or device: size unknown
	}
	switch {
	case size == 0:
		return r.fail(rejectf(p, "empty file"))
	case k.single() && !gz && size > r.opts.MaxBytes:
		return r.fail(rejectf(p, "larger than %d bytes", r.opts.MaxBytes))
	}
	f, err := os.Open(p)
	if err != nil {
		return r.fail(ioError(p, err))
	}
	defer f.Close()
	if gz {
		size = -1
	}
	return r.stream(p, origin{path: p}, ctxReader{r.ctx, f}, size, k, gz, "")
}

// fetch reads one URL.
func (r *reader) fetch(u string) error {
	ctx, cancel := context.WithTimeout(r.ctx, r.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return r.fail(fmt.Errorf("%s: bad URL: %s", u, oneLine(err.Error())))
	}
	req.Header.Set("User-Agent", r.opts.UserAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8")
	resp, err := r.opts.Client.Do(req)
	if err != nil {
		if e := r.ctx.Err(); e != nil {
			return e
		}
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return r.fail(fmt.Errorf("%s: fetch: %w", u, timeoutError(err, r.opts.Timeout)))
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return r.fail(fmt.Errorf("%s: HTTP status %s", u, resp.Status))
	}
	o := origin{url: resp.Request.URL.String(), fetched: time.Now().UTC()}
	body := ctxReader{ctx, resp.Body}
	return r.stream(u, o, body, resp.ContentLength, kindUnknown, false, resp.Header.Get("Content-Type"))
}

// sniffGzip sniffs the format of the gzip stream at the head of br
// from what its buffered bytes decompress to, without consuming any.
func sniffGzip(br *bufio.Reader, ctype string) kind {
	peek, _ := br.Peek(br.Size())
	zr, err := gzip.NewReader(bytes.NewReader(peek))
	if err != nil {
		return kindUnknown
	}
	head := make([]byte, sniffLen)
	n, _ := io.ReadFull(zr, head)
	if n == 0 {
		return kindUnknown
	}
	return sniff(head[:n], ctype)
}

// sniffLen is how much of a stream sniffing looks at.
const sniffLen = 4096

// stream reads one input of format k (kindUnknown: sniff it), of the
// given size (-1 if unknown), gzip-compressed if gz. ctype is the HTTP
// Content-Type of a URL body.
func (r *reader) stream(name string, o origin, rd io.Reader, size int64, k kind, gz bool, ctype string) error {
	if r.br == nil {
		r.br = bufio.NewReaderSize(rd, 64<<10)
	} else {
		r.br.Reset(rd)
	}
	br := r.br
	defer br.Reset(nil) // drop the reference to rd
	if magic, _ := br.Peek(2); (gz || k == kindUnknown) && len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b &&
		(k == kindWARC || k == kindUnknown && sniffGzip(br, ctype) == kindWARC) {
		// A WARC reader decompresses member by member, to skip a
		// damaged member and keep the records after it.
		k, gz = kindWARC, false
	}
	for {
		if gz {
			zr, err := gzip.NewReader(br)
			if err != nil {
				if errors.Is(err, io.EOF) {
					return r.fail(rejectf(name, "empty file"))
				}
				if r.ctx.Err() != nil {
					return r.ctx.Err()
				}
				return r.fail(rejectf(name, "bad gzip data: %s", oneLine(err.Error())))
			}
			defer zr.Close()
			br, size, gz = bufio.NewReaderSize(zr, 64<<10), -1, false
		}
		head, err := br.Peek(sniffLen)
		if len(head) == 0 {
			if err == io.EOF {
				return r.fail(rejectf(name, "empty file"))
			}
			return r.fail(ioError(name, err))
		}
		if k != kindUnknown {
			break
		}
		if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b && br == r.br {
			gz = true // decompress once, then sniff again
			continue
		}
		k = sniff(head, ctype)
		break
	}
	if k.single() {
		return r.single(name, o, br, size, k)
	}
	var stop error
	emit := func(a *news.Article, err error) error {
		if a != nil {
			if a.Fetched.IsZero() {
				a.Fetched = o.fetched
			}
		}
		if e := r.send(item{Article: a, Err: err}); e != nil {
			stop = e
			return e
		}
		return nil
	}
	if k == kindJSONL {
		err := jsonl.Read(br, name, r.opts.MaxBytes, emit)
		return r.after(stop, err)
	}
	_, err := warc.Read(br, name, warc.Options{MaxRecord: r.opts.MaxBytes}, emit)
	return r.after(stop, err)
}

// after turns the result of a sub-reader into readInputs': emit's error stops
// reading, any other error is the input's problem.
func (r *reader) after(stop, err error) error {
	switch {
	case stop != nil:
		return stop
	case err == nil:
		return nil
	case r.ctx.Err() != nil:
		return r.ctx.Err()
	}
	return r.fail(lineError{err, warc.Damaged(err)})
}

// lineError shows an error on one line and keeps its chain; a damaged
// stream also counts as rejected.
type lineError struct {
	err      error
	rejected bool
}

func (e lineError) Error() string { return oneLine(e.err.Error()) }

func (e lineError) Unwrap() []error {
	if e.rejected {
		return []error{e.err, news.ErrRejected}
	}
	return []error{e.err}
}

// single reads a text, HTML or feed document whole.
func (r *reader) single(name string, o origin, br *bufio.Reader, size int64, k kind) error {
	max := r.opts.MaxBytes
	if size > max {
		return r.fail(rejectf(name, "larger than %d bytes", max))
	}
	var buf bytes.Buffer
	if size > 0 {
		buf.Grow(int(size) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(io.LimitReader(br, max+1))
	data := buf.Bytes()
	if err != nil {
		if r.ctx.Err() != nil {
			return r.ctx.Err()
		}
		if warc.Damaged(err) {
			return r.fail(rejectf(name, "damaged data: %v", err))
		}
		return r.fail(ioError(name, err))
	}
	if int64(len(data)) > max {
		return r.fail(rejectf(name, "larger than %d bytes", max))
	}
	if k == kindFeed {
		var stop error
		err := feed.Read(bytes.NewReader(data), name, func(a *news.Article, err error) error {
			if a != nil && a.Fetched.IsZero() {
				a.Fetched = o.fetched
			}
			if e := r.send(item{Article: a, Err: err}); e != nil {
				stop = e
				return e
			}
			return nil
		})
		return r.after(stop, err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return r.fail(rejectf(name, "empty file"))
	}
	if why := binary(data); why != "" {
		return r.fail(rejectf(name, "binary data (%s)", why))
	}
	f := news.FormatText
	if k == kindHTML {
		f = news.FormatHTML
	}
	sum := sha256.Sum256(data)
	a := &news.Article{
		URL:       o.url,
		Path:      o.path,
		Fetched:   o.fetched,
		Format:    f,
		Raw:       data,
		RawSHA256: hex.EncodeToString(sum[:]),
		RawSize:   len(data),
	}
	return r.send(item{Article: a})
}

// sniff guesses the format of a stream from its first bytes and, for a
// URL, its Content-Type.
func sniff(head []byte, ctype string) kind {
	if order, _ := extract.UTF16(head); order != "" {
		head = utf16Head(head, order)
	}
	h := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	lower := bytes.ToLower(h)
	mt, _, _ := mime.ParseMediaType(ctype)
	switch {
	case len(h) == 0:
		return kindText
	case bytes.HasPrefix(h, []byte("WARC/")):
		return kindWARC
	case bytes.HasPrefix(lower, []byte("<?xml")):
		if isHTMLDoc(lower) {
			return kindHTML
		}
		return kindFeed
	case hasAnyPrefix(lower, "<rss", "<feed", "<rdf"):
		return kindFeed
	case strings.Contains(mt, "rss") || strings.Contains(mt, "atom"):
		return kindFeed
	case strings.Contains(mt, "xml") && !strings.Contains(mt, "html") && h[0] == '<' && !isHTMLDoc(lower):
		return kindFeed
	case h[0] == '<':
		return kindHTML
	case h[0] == '{':
		return kindJSONL
	}
	return kindText
}

// utf16Head decodes the ASCII characters of a UTF-16 head, enough to
// sniff its format; other characters become '?'.
func utf16Head(head []byte, order string) []byte {
	if len(head) >= 2 && (head[0] == 0xff && head[1] == 0xfe || head[0] == 0xfe && head[1] == 0xff) {
		head = head[2:]
	}
	out := make([]byte, 0, len(head)/2)
	for i := 0; i+1 < len(head); i += 2 {
		lo, hi := head[i], head[i+1]
		if order == "UTF-16BE" {
			lo, hi = hi, lo
		}
		if hi == 0 && lo < 0x80 {
			out = append(out, lo)
		} else {
			out = append(out, '?')
		}
	}
	return out
}

// isHTMLDoc reports whether an XML prologue leads to an HTML document
// rather than a feed: whichever root element comes first wins.
func isHTMLDoc(lower []byte) bool {
	html := firstIndex(lower, "<!doctype html", "<html")
	feed := firstIndex(lower, "<rss", "<feed", "<rdf")
	return html >= 0 && (feed < 0 || html < feed)
}

func firstIndex(b []byte, subs ...string) int {
	best := -1
	for _, s := range subs {
		if i := bytes.Index(b, []byte(s)); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

func hasAnyPrefix(b []byte, prefixes ...string) bool {
	for _, p := range prefixes {
		if bytes.HasPrefix(b, []byte(p)) {
			return true
		}
	}
	return false
}

// binary returns why data looks binary rather than text, or "": a NUL
// byte in the first 8 KiB, or more than 30% of the first 64 KiB in
// invalid UTF-8 sequences or control characters.
func binary(data []byte) string {
	if order, _ := extract.UTF16(data); order != "" {
		return "" // UTF-16 text: the extract stage decodes it
	}
	if bytes.IndexByte(data[:min(len(data), 8<<10)], 0) >= 0 {
		return "NUL bytes"
	}
	sample := data[:min(len(data), 64<<10)]
	bad := 0
	for i := 0; i < len(sample); {
		c := sample[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b {
				bad++
			}
			i++
			continue
		}
		rn, n := utf8.DecodeRune(sample[i:])
		if rn == utf8.RuneError && n == 1 && len(sample)-i >= utf8.UTFMax {
			bad++
		}
		i += n
	}
	if bad*10 > len(sample)*3 {
		return fmt.Sprintf("%d%% invalid UTF-8 or control bytes", bad*100/len(sample))
	}
	return ""
}

// ctxReader stops reading once ctx is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// rejectf returns an error naming input and wrapping news.ErrRejected.
func rejectf(input, format string, args ...any) error {
	return fmt.Errorf("%s: %w: %s", input, news.ErrRejected, oneLine(fmt.Sprintf(format, args...)))
}

// ioError names input in an I/O error without repeating the path that
// os errors carry.
func ioError(input string, err error) error {
	var pe *fs.PathError
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s: timed out: %w", input, err)
	}
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: cannot %s: %w", input, pe.Op, pe.Err)
	}
	return fmt.Errorf("%s: %w", input, err)
}

// timeoutError says "timed out after d" for a deadline error.
func timeoutError(err error, d time.Duration) error {
	var te interface{ Timeout() bool }
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &te) && te.Timeout()) {
		return fmt.Errorf("timed out after %v: %w", d, err)
	}
	return err
}

// oneLine keeps an error message on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
