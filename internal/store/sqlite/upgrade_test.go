package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/link/measure/measuretest"
	"sitrep/internal/store"
	"sitrep/internal/store/sqlstore"
)

// TestUpgradeFrom5 opens a database written at schema 5 and checks what
// the later migrations fill from the stored rows: the genre column from
// each document (0006), and the entity queue's publication order (0007).
func TestUpgradeFrom5(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	var old []sqlstore.Migration
	for _, m := range ms {
		if m.Version <= 5 {
			old = append(old, m)
		}
	}
	if err := sqlstore.Migrate(ctx, db, dialect, old); err != nil {
		t.Fatal(err)
	}
	// Three articles stored in an order other than their publication
	// order, one undated; two with a genre layer.
	rows := []struct{ id, published, doc string }{
		{"late", "2031-05-02T00:00:00.000000000Z", `{"genre":{"kind":"opinion","score":0.9}}`},
		{"undated", "", `{}`},
		{"early", "2031-05-01T00:00:00.000000000Z", `{"genre":{"kind":"live","score":0.8}}`},
	}
	for _, r := range rows {
		if _, err := db.Exec(`INSERT INTO articles (id, duplicate_key, text_hash, published, text, doc, ingested_at)
			VALUES (?, ?, ?, ?, 'text', ?, '2031-05-03T00:00:00.000000000Z')`, r.id, r.id, r.id, r.published, r.doc); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	s := openTest(t, path)
	entries, err := s.ArticleEntries(ctx, store.EntryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"late": "opinion", "undated": "", "early": "live"}
	for _, e := range entries {
		if e.Genre != want[e.ID] {
			t.Errorf("%s: genre %q after the upgrade, want %q", e.ID, e.Genre, want[e.ID])
		}
	}
	if len(entries) != len(want) {
		t.Errorf("%d entries, want %d", len(entries), len(want))
	}
	pending, err := s.PendingEntities(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(pending, " "); got != "early late undated" {
		t.Errorf("entity queue after the upgrade: %s, want early late undated", got)
	}
}

// TestUpgradeFillsMeasureGroups opens a database whose measure index was
// written before 0011 and checks that the migration fills the measure
// groups from the stored figures (measuretest.CheckUpgraded).
func TestUpgradeFillsMeasureGroups(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	var old []sqlstore.Migration
	for _, m := range ms {
		if m.Version < 11 {
			old = append(old, m)
		}
	}
	if err := sqlstore.Migrate(ctx, db, dialect, old); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a1", "a2", "a3"} {
		if _, err := db.Exec(`INSERT INTO articles (id, duplicate_key, text_hash, published, text, doc, ingested_at)
			VALUES (?, ?, ?, '', 'text', '{}', '2031-05-03T00:00:00.000000000Z')`, id, id, id); err != nil {
			t.Fatal(err)
		}
	}
	for m, l := range measuretest.Old.Listed {
		if _, err := db.Exec(`INSERT INTO measures (id, key, label, unit, what, owner, fate, place, scope, listed)
			VALUES (?, ?, ?, '', 'personnel', 'kz', 'deployed', '', 'total', ?)`, m, m, m, l); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range measuretest.Old.Figures {
		if _, err := db.Exec(`INSERT INTO measure_figures (seq, idx, measure, story, speaker, text, time, lo, hi, doc)
			VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)`, f.Seq, f.Idx, f.Measure, f.Story, f.Speaker, f.Text, f.Time,
			fmt.Sprintf(`{"measure":%q,"article":"a%d","index":%d,"figure":{"text":%q}}`, f.Measure, f.Seq, f.Idx, f.Text)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(measuretest.OldRecount); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DELETE FROM measure_queue`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s := openTest(t, path)
	var groups int
	if err := s.w.QueryRowContext(ctx, `SELECT COUNT(*) FROM measure_groups`).Scan(&groups); err != nil {
		t.Fatal(err)
	}
	// m1: values 3,000 4,000 5,000, speakers "kazhar mod" and "wire",
	// stories s1 s2; m2: one value and the empty speaker.
	if groups != 9 {
		t.Errorf("%d measure groups after the upgrade, want 9", groups)
	}
	measuretest.CheckUpgraded(t, s)
}
