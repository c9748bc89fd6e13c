package provenance_test

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"sitrep/internal/demo"
	"sitrep/internal/ingest"
	"sitrep/internal/link/provenance"
	"sitrep/internal/news"
	"sitrep/internal/source"
	"sitrep/internal/store/sqlite"
)

// ingestInto reads a stream into a fresh temporary store and returns it
// with the IDs of the stored articles in reading order.
func ingestInto(t testing.TB, st *sqlite.Store, read source.Seq) []string {
	t.Helper()
	var outs []ingest.Outcome
	if _, err := ingest.Run(context.Background(), read, st, ingest.Options{Workers: 1, OnResult: func(o ingest.Outcome) {
		outs = append(outs, o)
	}}); err != nil {
		t.Fatal(err)
	}
	sort.Slice(outs, func(i, j int) bool { return outs[i].Seq < outs[j].Seq })
	var ids []string
	for _, o := range outs {
		if o.Err == nil {
			ids = append(ids, o.ID)
		}
	}
	return ids
}

func newStore(t testing.TB) *sqlite.Store {
	t.Helper()
	st, err := sqlite.OpenTemp(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func link(t testing.TB, st *sqlite.Store) int {
	t.Helper()
	step, err := provenance.New(st, nil, provenance.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n, err := step.Link(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// demoKeys maps the demo corpus's article IDs to their keys.
func demoKeys(t testing.TB) []string {
	var keys []string
	for _, line := range bytes.Split(bytes.TrimSpace(demo.Articles), []byte("\n")) {
		var r struct{ Key string }
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatal(err)
		}
		keys = append(keys, r.Key)
	}
	return keys
}

// TestDemoExpected reproduces the demo corpus's true provenance exactly.
func TestDemoExpected(t *testing.T) {
	truth, err := demo.LoadTruth()
	if err != nil {
		t.Fatal(err)
	}
	st := newStore(t)
	ids := ingestInto(t, st, source.Stream(context.Background(), "demo", bytes.NewReader(demo.Articles), source.Options{}))
	keys := demoKeys(t)
	if len(ids) != len(keys) {
		t.Fatalf("stored %d articles, corpus has %d", len(ids), len(keys))
	}
	if n := link(t, st); n < len(ids) {
		t.Fatalf("judged %d articles, want at least %d", n, len(ids))
	}
	keyOf := map[string]string{}
	for i, id := range ids {
		keyOf[id] = keys[i]
	}
	for i, id := range ids {
		a, err := st.Article(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		want := truth.Article(keys[i]).Provenance
		got := a.Provenance
		if got == nil {
			t.Errorf("%s: no verdict", keys[i])
			continue
		}
		if got.Kind != want.Kind || keyOf[got.Of] != want.Of {
			t.Errorf("%s: got %s of %q, want %s of %q; measures %v", keys[i], got.Kind, keyOf[got.Of], want.Kind, want.Of, measures(got))
		} else {
			t.Logf("%s: %s of %q score %.2f %v", keys[i], got.Kind, keyOf[got.Of], got.Score, measures(got))
		}
	}
	// A second run has nothing to do.
	if n := link(t, st); n != 0 {
		t.Errorf("second run judged %d articles", n)
	}
}

func measures(p *news.Provenance) map[string]float64 {
	if p.Evidence == nil {
		return nil
	}
	return p.Evidence.Measures
}

// TestSeeds judges the five seed articles together and checks the
// verdict each should get.
func TestSeeds(t *testing.T) {
	dir := "../../../../shared/seeds"
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) != 5 {
		t.Skip("seeds not available")
	}
	st := newStore(t)
	ids := ingestInto(t, st, source.Files(context.Background(), files, source.Options{}))
	link(t, st)
	want := []string{provenance.KindOriginal, provenance.KindOpinion, provenance.KindRewrite, provenance.KindFiller, provenance.KindSpun}
	for i, id := range ids {
		a, err := st.Article(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		p := a.Provenance
		if p.Kind != want[i] || p.Of != "" {
			t.Errorf("%s: got %s of %q, want %s; %+v", filepath.Base(files[i]), p.Kind, p.Of, want[i], measures(p))
		} else {
			t.Logf("%s: %s score %.2f declared %q %v", filepath.Base(files[i]), p.Kind, p.Score, p.DeclaredSource, measures(p))
		}
	}
}

// TestLateOriginal stores a copy first and its original (published
// earlier) in a later run: the copy is judged again and the original
// heads the family.
func TestLateOriginal(t *testing.T) {
	st := newStore(t)
	ctx := context.Background()
	text := "Lisvanian President Danylo Korinsky said Wednesday that 3,000 Kazhari troops are already at military bases in Veldana close to the front line.\n\nKorinsky said he had passed the intelligence to Oskarian President Elin Varga in a phone call. Oskaria, which borders Kazhar, has tracked the troop movements since February.\n\nKazhar's defence ministry has denied sending combat troops, and Velgrad has not commented."
	copyArt := &news.Article{ID: "copy", URL: "https://copier.example/a", Text: text, Published: mustTime("2031-03-12T11:00:00Z")}
	orig := &news.Article{ID: "orig", URL: "https://wire.example/a", Text: text, Published: mustTime("2031-03-12T10:00:00Z")}
	if _, err := st.Put(ctx, []*news.Article{copyArt}); err != nil {
		t.Fatal(err)
	}
	link(t, st)
	if a, _ := st.Article(ctx, "copy"); a.Provenance.Kind != provenance.KindOriginal {
		t.Fatalf("alone, the copy is %s", a.Provenance.Kind)
	}
	if _, err := st.Put(ctx, []*news.Article{orig}); err != nil {
		t.Fatal(err)
	}
	if n := link(t, st); n != 2 {
		t.Errorf("judged %d articles, want 2 (the original and the requeued copy)", n)
	}
	a, _ := st.Article(ctx, "copy")
	o, _ := st.Article(ctx, "orig")
	if a.Provenance.Kind != provenance.KindCopy || a.Provenance.Of != "orig" || a.Provenance.Family != "orig" {
		t.Errorf("copy: %+v", a.Provenance)
	}
	if o.Provenance.Kind != provenance.KindOriginal || o.Provenance.Family != "orig" {
		t.Errorf("original: %+v", o.Provenance)
	}
	if p := a.Provenance.Evidence.Passages; len(p) == 0 || p[0].OfSpan.In(o.Text) == "" {
		t.Errorf("passages %+v", p)
	}
}

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}
