package main

import (
	"context"
	"fmt"
	"strings"

	"sitrep/internal/store"
	"sitrep/internal/store/postgres"
	"sitrep/internal/store/sqlite"
)

// openStore opens the store a DSN names. This is the one list of storage
// back ends: "sqlite:PATH" (or a bare path) for the embedded default,
// "postgres://…" for PostgreSQL.
func openStore(ctx context.Context, dsn string) (store.Store, error) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
		return s, nil
	case strings.HasPrefix(dsn, "sqlite:"):
		dsn = strings.TrimPrefix(dsn, "sqlite:")
	}
	if dsn == "" {
		return nil, fmt.Errorf("store: empty sqlite path: %w", errUsage)
	}
	s, err := sqlite.Open(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", dsn, err)
	}
	return s, nil
}
