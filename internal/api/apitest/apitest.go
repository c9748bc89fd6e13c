// Package apitest builds what the API, web and export tests share: a
// temporary store holding the embedded demo corpus, analysed and linked
// as `sitrep demo` does.
package apitest

import (
	"bytes"
	"context"
	"testing"

	"sitrep/internal/demo"
	"sitrep/internal/ingest"
	"sitrep/internal/link"
	linkentity "sitrep/internal/link/entity"
	"sitrep/internal/link/provenance"
	"sitrep/internal/link/story"
	"sitrep/internal/source"
	"sitrep/internal/store/sqlite"
)

// Link runs the link phase (provenance, entities, stories) on s.
func Link(ctx context.Context, s *sqlite.Store) error {
	prov, err := provenance.New(s, nil, provenance.Options{})
	if err != nil {
		return err
	}
	_, err = link.Run(ctx, []link.Named{
		{Name: "provenance", Step: prov},
		{Name: "entity", Step: linkentity.New(s)},
		{Name: "story", Step: story.New(s, story.Options{})},
	})
	return err
}

// DemoStore returns a temporary SQLite store with the demo corpus
// ingested and linked; it is closed when the test ends.
func DemoStore(t testing.TB) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	s, err := sqlite.OpenTemp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	sum, err := ingest.Run(ctx, ingest.Stream("demo", bytes.NewReader(demo.Articles), source.Options{}), s, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored == 0 {
		t.Fatal("demo corpus: nothing stored")
	}
	if err := Link(ctx, s); err != nil {
		t.Fatal(err)
	}
	return s
}
