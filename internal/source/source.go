// Package source reads reports from files, directories, standard input,
// URLs, JSONL, RSS/Atom feeds and WARC archives, and turns each into a raw
// news.Article for the extract stage. Files and Stream return the one
// shape every reader has, a Seq: each article, or an error naming the
// one input that did not become an article; reading goes on with the next.
//
// The format readers live in sub-packages (jsonl, feed, warc) that know
// nothing of this one; Files dispatches to them by file extension or by
// sniffing the content.
package source

import (
	"io"
	"net/http"
	"os"
	"time"

	"sitrep/internal/news"
)

// item is one thing read from the inputs: an article, or the error that
// kept one input (a file, a line, a record, a URL) from becoming one.
type item struct {
	Article *news.Article
	Err     error
}

// Defaults for the zero values of Options.
const (
	DefaultMaxBytes  = 32 << 20
	DefaultTimeout   = 30 * time.Second
	DefaultUserAgent = "sitrep/0.1 (news report analysis)"
)

// StdinName names standard input in errors and article paths.
const StdinName = "<stdin>"

// Options tune Files and Stream. The zero value is ready to use.
type Options struct {
	// MaxBytes bounds one document: a text or HTML file, a feed, a JSONL
	// line, a WARC record, a URL's body. 0 means DefaultMaxBytes.
	MaxBytes int64
	// Timeout bounds fetching one URL, body included. 0 means
	// DefaultTimeout.
	Timeout time.Duration
	// UserAgent is sent with URL requests. "" means DefaultUserAgent.
	UserAgent string
	// Client fetches URLs. nil means a client with Timeout.
	Client *http.Client
	// Stdin is read for the input "-". nil means os.Stdin.
	Stdin io.Reader
}

func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: o.Timeout}
	}
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
	return o
}
