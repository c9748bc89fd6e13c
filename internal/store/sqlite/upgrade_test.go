package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/internal/link"
	"sitrep/internal/link/measure/measuretest"
	"sitrep/internal/news"
	"sitrep/internal/store"
	"sitrep/internal/store/sqlstore"
	"sitrep/internal/store/storetest"
	"sitrep/internal/wiring"
)

// TestUpgradeFrom5 opens a database written at schema 5 and checks what
// the later migrations fill from the stored rows: the genre column from
// each document (0006), and the entity queue's publication order (0007).
func TestUpgradeFrom5(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db := openAt(t, path, 5)
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

// openAt returns a database at path migrated to schema version.
func openAt(t *testing.T, path string, version int) *sql.DB {
	t.Helper()
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
		if m.Version <= version {
			old = append(old, m)
		}
	}
	if err := sqlstore.Migrate(context.Background(), db, dialect, old); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestUpgradeFrom9 opens a database written at schema 9 and checks that
// 0010 queues every stored article for the thread step in publication
// order, and that the thread step then links them all.
func TestUpgradeFrom9(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db := openAt(t, path, 9)
	for _, r := range []struct{ id, published string }{
		{"late", "2031-05-02T00:00:00.000000000Z"},
		{"undated", ""},
		{"early", "2031-05-01T00:00:00.000000000Z"},
	} {
		if _, err := db.Exec(`INSERT INTO articles (id, duplicate_key, text_hash, published, text, doc, ingested_at)
			VALUES (?, ?, ?, ?, 'text', '{}', '2031-05-03T00:00:00.000000000Z')`, r.id, r.id, r.id, r.published); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	s := openTest(t, path)
	pending, err := s.PendingThreads(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(pending, " "); got != "early late undated" {
		t.Errorf("thread queue after the upgrade: %s, want early late undated", got)
	}
	steps, err := wiring.Links(s)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := link.Run(ctx, steps); err != nil {
		t.Fatal(err)
	}
	page, err := s.Threads(ctx, news.ThreadCursor{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, th := range page.Threads {
		n += th.Articles
	}
	if n != 3 {
		t.Errorf("threads after the upgrade hold %d articles, want 3: %+v", n, page.Threads)
	}
}

// TestUpgradeFillsMeasureGroups opens a database whose measure index was
// written before 0011 and checks that the migration fills the measure
// groups from the stored figures (measuretest.CheckUpgraded).
func TestUpgradeFillsMeasureGroups(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db := openAt(t, path, 10)
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

// TestUpgradeFillsEntityRows opens a database written at schema 11 and
// checks that 0012 fills the index of figures and events by entity from
// the stored documents (storetest.CheckRows).
func TestUpgradeFillsEntityRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db := openAt(t, path, 11)
	for _, id := range []string{"r1", "r2", "r3"} {
		if _, err := db.Exec(`INSERT INTO articles (id, duplicate_key, text_hash, published, text, doc, ingested_at)
			VALUES (?, ?, ?, '', 'text', ?, '2031-05-03T00:00:00.000000000Z')`, id, id, id, storetest.RowDocs[id]); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	storetest.CheckRows(t, openTest(t, path), "text")
}

// TestUpgradeAddsLinkLeases opens a database written at schema 12 with
// an article waiting to be linked, and checks that 0013 adds the link
// leases and leaves the article queued.
func TestUpgradeAddsLinkLeases(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db := openAt(t, path, 12)
	if _, err := db.Exec(`INSERT INTO articles (id, duplicate_key, text_hash, published, text, doc, ingested_at)
		VALUES ('q1', 'q1', 'q1', '', 'text', '{}', '2031-05-03T00:00:00.000000000Z')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s := openTest(t, path)
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

// TestUpgradeNarrowsLSHKeys opens a database whose LSH index holds 63-bit
// band keys (before 0014) and checks that the migration narrows each to
// its top 31 bits (the key the provenance step computes now for the same
// band), drops the rows the narrowing makes duplicates, and that a lookup
// by a narrowed key finds the article judged before the upgrade.
func TestUpgradeNarrowsLSHKeys(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db := openAt(t, path, 12)
	for _, id := range []string{"old", "new"} {
		if _, err := db.Exec(`INSERT INTO articles (id, duplicate_key, text_hash, published, text, doc, ingested_at)
			VALUES (?, ?, ?, '2031-05-01T00:00:00.000000000Z', 'text', '{}', '2031-05-03T00:00:00.000000000Z')`, id, id, id); err != nil {
			t.Fatal(err)
		}
	}
	const a, b = int64(0x5a5a_1234_0000_0001), int64(0x1234_5678_9abc_def0)
	// a and a+1 narrow to one key; the old article has three rows.
	for _, k := range []int64{a, a + 1, b} {
		if _, err := db.Exec(`INSERT INTO provenance_keys (key, seq) SELECT ?, seq FROM articles WHERE id = 'old'`, k); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	s := openTest(t, path)
	rdb, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer rdb.Close()
	var n, wide int
	if err := rdb.QueryRowContext(ctx, `SELECT count(*), count(CASE WHEN key >= 2147483648 THEN 1 END) FROM provenance_keys`).Scan(&n, &wide); err != nil {
		t.Fatal(err)
	}
	if n != 2 || wide != 0 {
		t.Errorf("after the upgrade: %d rows (want 2), %d keys over 31 bits", n, wide)
	}
	refs, err := s.ProvenanceCandidates(ctx, "new", []int64{b >> 32}, 64, 12)
	if err != nil {
		t.Fatal(err)
	}
	if len(refs) != 1 || refs[0].ID != "old" {
		t.Errorf("lookup by the narrowed key: %+v, want the old article", refs)
	}
}
