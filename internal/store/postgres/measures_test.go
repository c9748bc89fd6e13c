package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"sitrep/internal/link/measure/measuretest"
	"sitrep/internal/store/sqlstore"
	"sitrep/internal/store/storetest"
)

func TestMeasureIndex(t *testing.T) {
	measuretest.Run(t, openTestStore(t))
}

func TestMeasureAggregatesMatchARecount(t *testing.T) {
	measuretest.RunIncremental(t, openTestStore(t))
}

// TestUpgradeFillsMeasureGroups writes a measure index at the schema
// before 0011 and checks that the migration fills the measure groups from
// the stored figures (measuretest.CheckUpgraded).
func TestUpgradeFillsMeasureGroups(t *testing.T) {
	ctx := context.Background()
	dsn, db := schemaBefore(t, 11)
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"a1", "a2", "a3"} {
		exec(`INSERT INTO articles (id, duplicate_key, text_hash, text, doc) VALUES ($1, $1, $1, 'text', '{}')`, id)
	}
	for m, l := range measuretest.Old.Listed {
		exec(`INSERT INTO measures (id, key, label, unit, what, owner, fate, place, scope, listed)
			VALUES ($1, $1, $1, '', 'personnel', 'kz', 'deployed', '', 'total', $2)`, m, l)
	}
	for _, f := range measuretest.Old.Figures {
		exec(`INSERT INTO measure_figures (seq, idx, measure, story, speaker, text, time, lo, hi, doc)
			VALUES ((SELECT seq FROM articles WHERE id = $1), $2, $3, $4, $5, $6, $7, NULL, NULL, $8)`,
			fmt.Sprintf("a%d", f.Seq), f.Idx, f.Measure, f.Story, f.Speaker, f.Text, f.Time,
			fmt.Sprintf(`{"measure":%q,"article":"a%d","index":%d,"figure":{"text":%q}}`, f.Measure, f.Seq, f.Idx, f.Text))
	}
	exec(measuretest.OldRecount)
	exec(`DELETE FROM measure_queue`)
	db.Close()

	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var groups int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM measure_groups`).Scan(&groups); err != nil {
		t.Fatal(err)
	}
	if groups != 9 {
		t.Errorf("%d measure groups after the upgrade, want 9", groups)
	}
	measuretest.CheckUpgraded(t, s)
}

// TestUpgradeFillsEntityRows writes articles at the schema before 0012
// and checks that the migration fills the index of figures and events
// by entity from their documents (storetest.CheckRows).
func TestUpgradeFillsEntityRows(t *testing.T) {
	ctx := context.Background()
	dsn, db := schemaBefore(t, 12)
	for _, id := range []string{"r1", "r2", "r3"} {
		if _, err := db.ExecContext(ctx, `INSERT INTO articles (id, duplicate_key, text_hash, text, doc) VALUES ($1, $1, $1, 'text', $2)`,
			id, storetest.RowDocs[id]); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	storetest.CheckRows(t, s, "text")
}

// schemaBefore creates a new schema (testSchema) migrated to the
// versions before version, and returns its DSN and a connection to it.
func schemaBefore(t *testing.T, version int) (string, *sql.DB) {
	t.Helper()
	dsn := testSchema(t)
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	db := stdlib.OpenDB(*cfg)
	ms, err := sqlstore.Migrations(migrationFiles, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	var old []sqlstore.Migration
	for _, m := range ms {
		if m.Version < version {
			old = append(old, m)
		}
	}
	if err := sqlstore.Migrate(context.Background(), db, dialect, old); err != nil {
		t.Fatal(err)
	}
	return dsn, db
}

// TestUpgradeAddsLinkLeases writes an article at the schema before 0013
// and checks that the migration adds the link leases and leaves the
// article queued.
func TestUpgradeAddsLinkLeases(t *testing.T) {
	ctx := context.Background()
	dsn, db := schemaBefore(t, 13)
	if _, err := db.ExecContext(ctx, `INSERT INTO articles (id, duplicate_key, text_hash, text, doc) VALUES ('q1', 'q1', 'q1', 'text', '{}')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ok, err := s.TakeLinkLease(ctx, "provenance", "q1", "A", time.Minute); err != nil || !ok {
		t.Fatalf("TakeLinkLease after the upgrade: %v, %v", ok, err)
	}
	if ok, err := s.TakeLinkLease(ctx, "provenance", "q1", "B", time.Minute); err != nil || ok {
		t.Fatalf("B took A's lease after the upgrade: %v, %v", ok, err)
	}
	refs, err := s.PendingProvenance(ctx, 10)
	if err != nil || len(refs) != 1 || refs[0].ID != "q1" {
		t.Fatalf("provenance queue after the upgrade: %v, %v; want q1", refs, err)
	}
}
