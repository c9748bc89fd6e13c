package news

import (
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net/url"
	"strings"
	"time"
	"unicode"
)

// Format names how an article's raw bytes are encoded before extraction.
type Format string

// The raw formats the extract stage understands.
const (
	FormatText Format = "text" // plain text, possibly hard-wrapped
	FormatHTML Format = "html" // an HTML page or fragment
)

// Article is one news report: where it came from, its metadata, its clean
// text and the annotation layers stages add. Stages write only their own
// layer and read earlier ones.
type Article struct {
	// ID identifies the report: see [ArticleID].
	ID string `json:"id"`
	// URL is the canonical address of the report, when known.
	URL string `json:"url,omitempty"`
	// Path is the local file the report was read from, for file inputs.
	// A record inside a file (JSONL line, feed item, WARC record) is
	// addressed as PATH#N.
	Path string `json:"path,omitempty"`
	// Outlet is the publisher or site name ("Al Jazeera", "Reuters").
	Outlet string `json:"outlet,omitempty"`
	// Title is the headline.
	Title string `json:"title,omitempty"`
	// Author is the byline, when there is one.
	Author string `json:"author,omitempty"`
	// Published is the publication time; zero when unknown.
	Published time.Time `json:"published,omitzero"`
	// Fetched is when the bytes were retrieved (a WARC record's date, or
	// the time a URL was fetched); zero when unknown.
	Fetched time.Time `json:"fetched,omitzero"`
	// Language is the ISO 639-1 code of the text's language ("en").
	Language string `json:"language,omitempty"`
	// DeclaredSource is a source the article itself names as its origin
	// ("Original Source: www.independent.co.uk").
	DeclaredSource string `json:"declared_source,omitempty"`
	// Text is the clean article body. Every span points into it.
	Text string `json:"text"`

	// Format is the encoding of Raw.
	Format Format `json:"format,omitempty"`
	// Raw holds the bytes as read, until the extract stage has turned
	// them into Text; it is not kept or serialised after that.
	Raw []byte `json:"-"`
	// RawSHA256 is the hex SHA-256 of the raw bytes as read.
	RawSHA256 string `json:"raw_sha256,omitempty"`
	// RawSize is the number of raw bytes read.
	RawSize int `json:"raw_size,omitempty"`

	// Sentences is the sentence layer, in text order.
	Sentences []Sentence `json:"sentences,omitempty"`
	// Tokens is the token layer, in text order. It is cheap to recompute
	// and not serialised.
	Tokens []Token `json:"-"`
	// Syntax is the syntax layer: one entry per token of Tokens (tag,
	// lemma, head and relation), or nil when the syntax stage has not
	// run. Like Tokens it is recomputed rather than stored.
	Syntax []Syntax `json:"-"`

	// Quantities is the quantity layer, in text order.
	Quantities []Quantity `json:"quantities,omitempty"`
	// Times is the time-expression layer, in text order.
	Times []TimeExpr `json:"times,omitempty"`
	// Entities is the entity-mention layer, in text order.
	Entities []Mention `json:"entities,omitempty"`
	// Claims is the attributed-statement layer, in text order.
	Claims []Claim `json:"claims,omitempty"`
	// Figures is the figure layer: quantities stating facts, with speaker,
	// measure and time.
	Figures []Figure `json:"figures,omitempty"`
	// Events is the event layer, in text order.
	Events []Event `json:"events,omitempty"`
	// Genre is the genre layer: what kind of report this is.
	Genre *Genre `json:"genre,omitempty"`
	// Story is the ID of the story the link phase put the article in.
	Story string `json:"story,omitempty"`
	// Provenance is the link phase's derivation verdict; nil until the
	// link phase has run.
	Provenance *Provenance `json:"provenance,omitempty"`

	// Problems lists what went wrong while processing this article
	// without stopping it.
	Problems []Problem `json:"problems,omitempty"`
}

// Origin returns the independent origin the article counts for (see
// Provenance.Origin); an article the provenance step has not judged is
// its own origin.
func (a *Article) Origin() string {
	if a.Provenance != nil && a.Provenance.Origin != "" {
		return a.Provenance.Origin
	}
	return a.ID
}

// Span is a half-open byte range [Start, End) in Article.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// In returns the text the span covers, or "" if it lies outside text.
func (s Span) In(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Sentence is one sentence of the clean text.
type Sentence struct {
	Span
}

// TokenKind classifies a token by its surface.
type TokenKind uint8

// Token kinds.
const (
	TokenWord   TokenKind = iota // letters, possibly with inner apostrophes or hyphens
	TokenNumber                  // digits with separators and decimals: 3,000 1.3 10 000
	TokenPunct                   // punctuation and symbols
)

// Token is one token of the clean text.
type Token struct {
	Span
	Kind TokenKind
}

// Problem records a non-fatal failure of one stage on one article.
type Problem struct {
	Stage   string `json:"stage"`
	Message string `json:"message"`
}

// Status summarises an article's processing: "ok" when no stage
// reported a problem, "partial" otherwise.
func (a *Article) Status() string {
	if len(a.Problems) == 0 {
		return "ok"
	}
	return "partial"
}

// Words counts the whitespace-separated words of the clean text.
func (a *Article) Words() int {
	return len(strings.Fields(a.Text))
}

// Source names where the article was read from: its URL, else its path.
func (a *Article) Source() string {
	if a.URL != "" {
		return a.URL
	}
	return a.Path
}

// LogValue implements slog.LogValuer: the ID and origin, never the body.
func (a *Article) LogValue() slog.Value {
	return slog.GroupValue(slog.String("id", a.ID), slog.String("source", a.Source()))
}

// ArticleID returns the identifier of a report: the first 16 hex digits
// of the SHA-256 of its canonical URL when it has one, else of its
// normalised text. The same report read twice, from any container, gets
// the same ID; the same text republished at another address does not, so
// copies stay visible as separate articles.
func ArticleID(url, text string) string {
	if url != "" {
		return shortHash("url " + CanonicalURL(url))
	}
	return shortHash("text " + NormalizeForHash(text))
}

// TextHash returns 16 hex digits identifying a text up to case,
// punctuation and spacing: equal hashes mean a verbatim copy.
func TextHash(text string) string {
	return shortHash(NormalizeForHash(text))
}

// DuplicateKey says when two articles are the same report although their
// IDs differ: the same text from the same host, or with no URL at all.
// Stores refuse a second article with the same key.
func (a *Article) DuplicateKey() string {
	return TextHash(a.Text) + " " + Host(a.URL)
}

func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// CanonicalURL normalises a URL for identity: scheme and host lower-cased,
// default port, fragment and tracking parameters (utm_*, fbclid, gclid)
// dropped. A string that does not parse as an absolute URL is returned
// trimmed.
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if h, port, ok := strings.Cut(u.Host, ":"); ok && (port == "80" && u.Scheme == "http" || port == "443" && u.Scheme == "https") {
		u.Host = h
	}
	u.Fragment, u.RawFragment = "", ""
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			lk := strings.ToLower(k)
			if strings.HasPrefix(lk, "utm_") || lk == "fbclid" || lk == "gclid" {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode()
	}
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String()
}

// Voice names who speaks where the article speaks in its own voice (a
// figure or claim no source is credited with): the outlet, else the
// author, else the source the article declares, else the site of its
// URL; "" when nothing names it. A file's name is not a voice: the
// records of one JSONL file would each read as a different speaker.
func (a *Article) Voice() string {
	switch {
	case a.Outlet != "":
		return a.Outlet
	case a.Author != "":
		return a.Author
	case a.DeclaredSource != "":
		return a.DeclaredSource
	case Host(a.URL) != "":
		return Host(a.URL)
	}
	return ""
}

// Host returns the lower-cased host of a URL without "www.", or "".
func Host(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// NormalizeForHash lower-cases text, keeps letters and digits, and joins
// the resulting words with single spaces.
func NormalizeForHash(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	space := false
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}
