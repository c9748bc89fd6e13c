package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"sitrep/internal/api"
	"sitrep/internal/ingest"
	"sitrep/internal/readmodel"
	"sitrep/internal/source"
	"sitrep/internal/store"
	"sitrep/internal/web"
)

// defaultReadTimeout bounds the time to read one request, body included.
const defaultReadTimeout = 30 * time.Second

// runServe serves the web UI and the JSON API: `sitrep serve`.
func runServe(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "serve", "\n\nServes the web UI at / and the JSON API at /api/v1 (OpenAPI at /api/v1/openapi.json).\nPOST /api/v1/articles is enabled only when SITREP_API_TOKEN is set.")
	db := dbFlag(fs, env)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `ADDRESS`")
	readTimeout := fs.Duration("read-timeout", defaultReadTimeout, "longest time to read a request with its body; a slower body gets 408")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("serve: unexpected argument %q: %w", fs.Arg(0), errUsage)
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	if *readTimeout <= 0 {
		return fmt.Errorf("serve: --read-timeout %v: want more than 0: %w", *readTimeout, errUsage)
	}
	return serve(ctx, env, s, *addr, *readTimeout)
}

// handler is the whole site over s: the API under /api/, pages elsewhere.
func handler(env *environment, s store.Store) (http.Handler, error) {
	cat := readmodel.NewCatalog(s, 0)
	var mu sync.Mutex // one ingest (and link phase) at a time
	ingestFn := func(ctx context.Context, read source.Seq) (ingest.Summary, error) {
		mu.Lock()
		defer mu.Unlock()
		sum, err := ingest.Run(ctx, read, s, ingest.Options{})
		if err != nil {
			return sum, err
		}
		return sum, runLink(ctx, env, s, true, envWorkers(env))
	}
	apiSrv := api.New(cat, api.Options{Token: env.getenv("SITREP_API_TOKEN"), Ingest: ingestFn,
		Logger: slog.New(slog.NewTextHandler(env.stderr, nil)).With("component", "api")})
	pages, err := web.New(cat, slog.New(slog.NewTextHandler(env.stderr, nil)).With("component", "web"))
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", apiSrv)
	mux.Handle("/", pages)
	return mux, nil
}

// serve listens on addr until ctx is cancelled, then shuts down cleanly.
// A request must arrive, body included, within readTimeout (the API
// answers a stalled body 408).
func serve(ctx context.Context, env *environment, s store.Store, addr string, readTimeout time.Duration) error {
	h, err := handler(env, s)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: min(5*time.Second, readTimeout),
		ReadTimeout:       readTimeout,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
	fmt.Fprintf(env.stderr, "serving http://%s/ (API at /api/v1); Ctrl-C stops\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
		return nil
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return fmt.Errorf("serve: %w", err)
	}
}
