package source

import (
	"context"
	"errors"
	"io"
	"iter"

	"sitrep/internal/news"
)

// Seq is what every reader returns: each article read, or the error that
// kept one input (a file, a JSONL line, a feed item, a WARC record, a URL)
// from becoming one; exactly one of the two is non-nil. Ranging over it
// reads; stopping early (break) stops reading. The sequence ends when the
// inputs are exhausted or the reader's context is done: a caller that
// must tell the two apart checks that context's Err.
type Seq = iter.Seq2[*news.Article, error]

// Files reads each input in order: a file; a directory, walked
// recursively in lexical order, skipping hidden entries and not following
// symbolic links to directories; "-" for Options.Stdin; or an http(s)
// URL. ctx bounds the whole read.
//
// The format of a file comes from its extension: .txt .text .md are
// text; .html .htm .xhtml HTML; .jsonl .ndjson JSON lines; .xml .rss
// .atom feeds; .warc WARC; any of these may end in .gz. Other files,
// standard input and URL bodies are sniffed.
//
// Every problem with one input is yielded as an error on one line that
// names it (path, path#N or URL) and the reason, and reading goes on.
// Errors for content that can never become an article (binary, empty,
// too large, malformed) wrap news.ErrRejected; errors reaching an input
// (missing file, network failure, HTTP status) do not, as a retry may
// succeed.
func Files(ctx context.Context, inputs []string, opts Options) Seq {
	return func(yield func(*news.Article, error) bool) {
		_ = readInputs(ctx, inputs, opts, yielder(yield))
	}
}

// Stream reads one stream of any format, sniffed from its content, as
// Files does for standard input; name stands for the stream in paths
// (name#N for records) and errors. Ranging over the result more than
// once reads what is left of r.
func Stream(ctx context.Context, name string, r io.Reader, opts Options) Seq {
	return func(yield func(*news.Article, error) bool) {
		_ = readStream(ctx, name, r, opts, yielder(yield))
	}
}

// errStop ends reading when the consumer stops ranging.
var errStop = errors.New("source: consumer stopped")

// yielder adapts yield to the readers' emit: reading stops at the first
// false. The readers' own result is ctx's error or errStop, both of which
// the sequence's end already tells.
func yielder(yield func(*news.Article, error) bool) func(item) error {
	return func(it item) error {
		if !yield(it.Article, it.Err) {
			return errStop
		}
		return nil
	}
}
