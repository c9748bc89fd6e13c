// Package api is sitrep's HTTP JSON API, versioned under /api/v1 and
// described by the embedded OpenAPI document (openapi.json, served at
// /api/v1/openapi.json). Every error is one JSON envelope,
// {"error": {"code": "...", "message": "..."}}, with its status chosen by
// one table (statusOf). Ingesting (POST /api/v1/articles) is off unless a
// token is configured; the token is compared in constant time.
package api

import (
	"context"
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/ingest"
	"sitrep/internal/news"
	"sitrep/internal/readmodel"
	"sitrep/internal/source"
	"sitrep/internal/store"
)

// OpenAPI is the API's OpenAPI 3.1 document.
//
//go:embed openapi.json
var OpenAPI []byte

// Limits on what a request may carry.
const (
	// MaxQueryBytes bounds a request's raw query string.
	MaxQueryBytes = 2048
	// DefaultMaxBody bounds a POST body unless Options.MaxBody says otherwise.
	DefaultMaxBody = 8 << 20
	// DefaultLimit and MaxLimit bound a page of results.
	DefaultLimit = 50
	MaxLimit     = readmodel.MaxPage
)

// IngestFunc ingests what read reads into the store and runs the link
// phase; cmd wires it to ingest.Run and the link steps.
type IngestFunc func(ctx context.Context, read source.Seq) (ingest.Summary, error)

// Options configures the API. Zero values are safe: ingest off.
type Options struct {
	// Token enables POST /api/v1/articles for requests carrying
	// "Authorization: Bearer TOKEN". Empty means ingest is off.
	Token string
	// Ingest runs an ingest; nil means ingest is off.
	Ingest IngestFunc
	// MaxBody bounds a POST body; <= 0 means DefaultMaxBody.
	MaxBody int64
	// Logger receives the cause of every 500 response, whose body says
	// only "internal error"; nil discards it.
	Logger *slog.Logger
}

// Errors the handlers return; statusOf maps them to HTTP statuses.
var (
	errBadRequest   = errors.New("bad request")
	errUnauthorized = errors.New("unauthorized")
	errDisabled     = errors.New("disabled")
	errTooLarge     = errors.New("too large")
	errURITooLong   = errors.New("query too long")
	errMethod       = errors.New("method not allowed")
	errMediaType    = errors.New("unsupported media type")
	errNoRoute      = errors.New("no such endpoint")
)

// statusOf is the one table from errors to HTTP statuses and codes.
func statusOf(err error) (int, string) {
	var mbe *http.MaxBytesError
	switch {
	case errors.Is(err, store.ErrNotFound), errors.Is(err, errNoRoute):
		return http.StatusNotFound, "not_found"
	case errors.Is(err, errBadRequest), errors.Is(err, readmodel.ErrBadInput):
		return http.StatusBadRequest, "bad_request"
	case errors.Is(err, errUnauthorized):
		return http.StatusUnauthorized, "unauthorized"
	case errors.Is(err, errDisabled):
		return http.StatusForbidden, "ingest_disabled"
	case errors.Is(err, errTooLarge), errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge, "too_large"
	case errors.Is(err, errURITooLong):
		return http.StatusRequestURITooLong, "query_too_long"
	case errors.Is(err, errMethod):
		return http.StatusMethodNotAllowed, "method_not_allowed"
	case errors.Is(err, errMediaType):
		return http.StatusUnsupportedMediaType, "unsupported_media_type"
	case errors.Is(err, os.ErrDeadlineExceeded):
		// The server's read deadline (http.Server.ReadTimeout) passed
		// while the body was still arriving.
		return http.StatusRequestTimeout, "timeout"
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable, "unavailable"
	default:
		return http.StatusInternalServerError, "internal"
	}
}

// ErrorBody is the envelope every error response carries.
type ErrorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// WriteError writes err as the JSON error envelope with its status. A
// 500 says only "internal error"; the Server logs its cause.
func WriteError(w http.ResponseWriter, err error) {
	status, code := statusOf(err)
	var body ErrorBody
	body.Error.Code = code
	body.Error.Message = err.Error()
	if status == http.StatusInternalServerError {
		body.Error.Message = "internal error"
	}
	writeJSON(w, status, body)
}

// writeError writes err as WriteError does and logs the cause of a 500,
// which the response does not show.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	if status, _ := statusOf(err); status == http.StatusInternalServerError {
		s.opts.Logger.ErrorContext(r.Context(), "internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	WriteError(w, err)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// Server serves the API.
type Server struct {
	cat  *readmodel.Catalog
	opts Options
	mux  *http.ServeMux
}

// New returns the API over cat.
func New(cat *readmodel.Catalog, opts Options) *Server {
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{cat: cat, opts: opts, mux: http.NewServeMux()}
	get := func(pattern string, h func(*http.Request) (any, error)) {
		s.mux.HandleFunc("GET "+pattern, s.wrap(withParams(pattern, h)))
	}
	get("/api/v1/articles", s.articles)
	get("/api/v1/articles/{id}", s.article)
	s.mux.HandleFunc("POST /api/v1/articles", s.wrapStatus(s.postArticles, http.StatusCreated))
	get("/api/v1/entities", s.entities)
	get("/api/v1/entities/{id}", s.entity)
	get("/api/v1/families", s.families)
	get("/api/v1/search", s.search)
	get("/api/v1/stories", s.stories)
	get("/api/v1/stories/{id}", s.story)
	get("/api/v1/figures", s.figures)
	get("/api/v1/events", s.events)
	get("/api/v1/measures", s.measures)
	get("/api/v1/measures/{id}", s.measure)
	get("/api/v1/threads", s.threads)
	get("/api/v1/threads/{id}", s.thread)
	s.mux.HandleFunc("GET /api/v1/openapi.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(OpenAPI)
	})
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, fmt.Errorf("%s %s: %w", r.Method, r.URL.Path, errNoRoute))
	})
	return s
}

// ServeHTTP implements http.Handler: bounded queries, then the routes.
// A known path with the wrong method gets the envelope with 405.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if len(r.URL.RawQuery) > MaxQueryBytes {
		s.writeError(w, r, fmt.Errorf("query of %d bytes, at most %d: %w", len(r.URL.RawQuery), MaxQueryBytes, errURITooLong))
		return
	}
	if _, pattern := s.mux.Handler(r); pattern == "" || pattern == "/api/" {
		// Ask again with GET to tell a wrong method from a wrong path.
		probe := r.Clone(r.Context())
		probe.Method = http.MethodGet
		if _, p := s.mux.Handler(probe); p != "" && p != "/api/" && r.Method != http.MethodGet {
			w.Header().Set("Allow", "GET")
			s.writeError(w, r, fmt.Errorf("%s %s: %w", r.Method, r.URL.Path, errMethod))
			return
		}
	}
	s.mux.ServeHTTP(w, r)
}

// QueryParams names the query parameters each GET route reads; a request
// with any other is a 400, so that a misspelt filter is an error rather
// than a silently unfiltered list. The OpenAPI document lists the same
// parameters (a test checks both ways).
var QueryParams = map[string][]string{
	"/api/v1/articles": {"outlet", "from", "to", "story", "provenance", "genre", "entity", "limit", "cursor"},
	"/api/v1/entities": {"type", "limit", "cursor"},
	"/api/v1/families": {"sort", "provenance", "limit", "cursor"},
	"/api/v1/search":   {"q", "outlet", "provenance", "genre", "from", "to", "limit", "cursor"},
	"/api/v1/stories":  {"sort", "from", "to", "limit", "cursor"},
	"/api/v1/figures":  {"story", "measure", "speaker", "from", "to", "limit", "cursor"},
	"/api/v1/events":   {"story", "type", "actor", "place", "from", "to", "limit", "cursor"},
	"/api/v1/measures": {"limit", "cursor"},
	"/api/v1/threads":  {"limit", "cursor"},
}

// withParams rejects a request to pattern carrying a query parameter
// QueryParams does not list for it.
func withParams(pattern string, h func(*http.Request) (any, error)) func(*http.Request) (any, error) {
	known := map[string]bool{}
	for _, p := range QueryParams[pattern] {
		known[p] = true
	}
	return func(r *http.Request) (any, error) {
		for k := range r.URL.Query() {
			if !known[k] {
				if len(known) == 0 {
					return nil, fmt.Errorf("parameter %q: %s takes none: %w", k, pattern, errBadRequest)
				}
				return nil, fmt.Errorf("parameter %q: %s takes %s: %w", k, pattern, strings.Join(QueryParams[pattern], ", "), errBadRequest)
			}
		}
		return h(r)
	}
}

func (s *Server) wrap(h func(*http.Request) (any, error)) http.HandlerFunc {
	return s.wrapStatus(h, http.StatusOK)
}

func (s *Server) wrapStatus(h func(*http.Request) (any, error), status int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := h(r)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		writeJSON(w, status, withoutPaths(v))
	}
}

// limit reads ?limit=, defaulting to DefaultLimit and capped at MaxLimit.
func limit(r *http.Request) (int, error) {
	v := r.URL.Query().Get("limit")
	if v == "" {
		return DefaultLimit, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("limit %q: want a positive integer: %w", v, errBadRequest)
	}
	return min(n, MaxLimit), nil
}

// day reads a YYYY-MM-DD (or RFC 3339) query parameter.
func day(r *http.Request, name string) (time.Time, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q: want YYYY-MM-DD: %w", name, v, errBadRequest)
	}
	return t, nil
}

// ArticlePage is the response of GET /api/v1/articles.
type ArticlePage struct {
	Articles   []readmodel.Entry `json:"articles"`
	NextCursor string            `json:"next_cursor,omitempty"`
}

var provenanceKinds = map[string]bool{"original": true, "copy": true, "partial_copy": true, "rewrite": true, "summary": true, "spun": true, "revision": true, "translation": true, "filler": true, "opinion": true}

func (s *Server) articles(r *http.Request) (any, error) {
	q := r.URL.Query()
	n, err := limit(r)
	if err != nil {
		return nil, err
	}
	f := readmodel.Filter{Outlet: q.Get("outlet"), Story: q.Get("story"), Provenance: q.Get("provenance"), Genre: q.Get("genre")}
	if err := checkKind(f.Provenance); err != nil {
		return nil, err
	}
	if f.From, f.To, err = period(r); err != nil {
		return nil, err
	}
	if name := q.Get("entity"); name != "" {
		res, err := s.cat.Resolve(r.Context(), name)
		if err != nil {
			return nil, err
		}
		if res.Entity == "" {
			return ArticlePage{Articles: []readmodel.Entry{}}, nil
		}
		f.Entity = res.Entity
	}
	after, err := readmodel.AfterArticle(q.Get("cursor"))
	if err != nil {
		return nil, err
	}
	list, more, err := s.cat.List(r.Context(), f, after, n)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("cursor names no article: %w", errBadRequest)
	}
	if err != nil {
		return nil, err
	}
	page := ArticlePage{Articles: list}
	if more {
		page.NextCursor = readmodel.ArticleCursor(list[len(list)-1].ID)
	}
	return page, nil
}

func checkKind(k string) error {
	if k != "" && !provenanceKinds[k] {
		return fmt.Errorf("provenance %q: not a provenance kind: %w", k, errBadRequest)
	}
	return nil
}

// period reads ?from= and ?to= (YYYY-MM-DD, "to" inclusive, or RFC 3339)
// as [from, to).
func period(r *http.Request) (from, to time.Time, err error) {
	if from, err = day(r, "from"); err != nil {
		return
	}
	if to, err = day(r, "to"); err != nil {
		return
	}
	if !to.IsZero() && len(r.URL.Query().Get("to")) == len(time.DateOnly) {
		to = to.AddDate(0, 0, 1) // "to" names the last day, inclusive
	}
	return
}

// ArticleResponse is the response of GET /api/v1/articles/{id}.
type ArticleResponse struct {
	Article *news.Article `json:"article"`
	// Source is the article it derives from, when stored, and Reuse the
	// article set against it (readmodel.ReuseOf).
	Source *news.Article    `json:"source,omitempty"`
	Reuse  *readmodel.Reuse `json:"reuse,omitempty"`
	// Derivatives are the stored articles derived from this one.
	Derivatives []readmodel.Entry `json:"derivatives"`
}

func (s *Server) article(r *http.Request) (any, error) {
	id := r.PathValue("id")
	a, err := s.cat.Store().Article(r.Context(), id)
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	resp := ArticleResponse{Article: a}
	if p := a.Provenance; p != nil && p.Of != "" {
		if src, err := s.cat.Store().Article(r.Context(), p.Of); err == nil {
			resp.Source, resp.Reuse = src, readmodel.ReuseOf(a, src)
		}
	}
	if resp.Derivatives, err = s.cat.Derivatives(r.Context(), id); err != nil {
		return nil, err
	}
	return resp, nil
}

// IngestResponse is the response of POST /api/v1/articles.
type IngestResponse struct {
	Summary ingest.Summary `json:"summary"`
	Skipped []ingest.Skip  `json:"skipped"`
}

func (s *Server) postArticles(r *http.Request) (any, error) {
	if s.opts.Token == "" || s.opts.Ingest == nil {
		return nil, fmt.Errorf("ingest is off: set SITREP_API_TOKEN to enable it: %w", errDisabled)
	}
	auth := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(tok), []byte(s.opts.Token)) != 1 {
		return nil, fmt.Errorf("missing or wrong bearer token: %w", errUnauthorized)
	}
	ct := r.Header.Get("Content-Type")
	ct, _, _ = strings.Cut(ct, ";")
	switch strings.TrimSpace(ct) {
	case "application/json", "application/x-ndjson", "application/jsonl":
	default:
		return nil, fmt.Errorf("content type %q: send application/x-ndjson (one article object a line): %w", ct, errMediaType)
	}
	if r.ContentLength > s.opts.MaxBody {
		return nil, fmt.Errorf("body of %d bytes, at most %d: %w", r.ContentLength, s.opts.MaxBody, errTooLarge)
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, s.opts.MaxBody))
	if err != nil {
		return nil, fmt.Errorf("body: %w", err)
	}
	// Every line must be a JSON object; reject malformed bodies whole.
	lines := 0
	for _, line := range strings.Split(string(body), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			return nil, fmt.Errorf("line %d: not a JSON object: %w", lines+1, errBadRequest)
		}
		lines++
	}
	if lines == 0 {
		return nil, fmt.Errorf("empty body: %w", errBadRequest)
	}
	read := source.Stream(r.Context(), "api.jsonl", strings.NewReader(string(body)), sourceOptions(s.opts.MaxBody))
	sum, err := s.opts.Ingest(r.Context(), read)
	s.cat.Invalidate()
	if err != nil {
		return nil, err
	}
	skipped := sum.Skipped
	if skipped == nil {
		skipped = []ingest.Skip{}
	}
	return IngestResponse{Summary: sum, Skipped: skipped}, nil
}
