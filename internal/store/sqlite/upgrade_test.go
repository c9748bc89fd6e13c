package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/news"
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
// groups from the stored figures: the aggregates agree with a recount,
// and recording an article again updates them from there.
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
	// Figures as the step stored them at schema 9 (seq, idx, measure,
	// story, speaker, text, time), and the measures recounted as it did.
	figs := []struct {
		seq, idx                            int
		measure, story, speaker, text, when string
	}{
		{1, 0, "m1", "s1", "Kazhar MoD", "3,000", "2031-03-02"},
		{1, 1, "m2", "", "", "$2m", ""},
		{2, 0, "m1", "s1", "KAZHAR MOD", "3,000", "2031-03-01"},
		{2, 1, "m1", "s2", "Wire", "4,000", "2031-03-05"},
		{3, 0, "m1", "", "kazhar mod", "5,000", ""},
	}
	for _, m := range []string{"m1", "m2"} {
		if _, err := db.Exec(`INSERT INTO measures (id, key, label, unit, what, owner, fate, place, scope)
			VALUES (?, ?, ?, '', 'personnel', 'kz', 'deployed', '', 'total')`, m, m, m); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range figs {
		if _, err := db.Exec(`INSERT INTO measure_figures (seq, idx, measure, story, speaker, text, time, lo, hi, doc)
			VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)`, f.seq, f.idx, f.measure, f.story, f.speaker, f.text, f.when,
			fmt.Sprintf(`{"measure":%q,"article":"a%d","index":%d,"figure":{"text":%q}}`, f.measure, f.seq, f.idx, f.text)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`UPDATE measures SET figures = c.figures, articles = c.articles, stories = c.stories,
			speakers = c.speakers, first_time = c.first_time, last_time = c.last_time
		FROM (SELECT f.measure, COUNT(*) AS figures, COUNT(DISTINCT f.seq) AS articles,
			COUNT(DISTINCT NULLIF(f.story, '')) AS stories, COUNT(DISTINCT LOWER(f.speaker)) AS speakers,
			COALESCE(MIN(NULLIF(f.time, '')), '') AS first_time, MAX(f.time) AS last_time
			FROM measure_figures f GROUP BY f.measure) AS c
		WHERE measures.id = c.measure`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE measures SET listed = '{"values":["5,000","3,000","4,000"],"speakers":["KAZHAR MOD","Wire"]}' WHERE id = 'm1'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE measures SET listed = '{"values":["$2m"],"speakers":[""]}' WHERE id = 'm2'`); err != nil {
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
	diffs, err := s.CheckMeasures(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diffs {
		t.Errorf("after the upgrade: %s", d)
	}
	// The article that held the earliest 3,000 and the least spelling
	// of the Kazhar MoD reports something else now.
	if err := s.RequeueMeasures(ctx, []string{"a2"}); err != nil {
		t.Fatal(err)
	}
	rec := news.MeasureRecord{Article: "a2", Measures: []news.MeasureDef{{ID: "m1"}}, Figures: []news.MeasureFigure{
		{Measure: "m1", Article: "a2", Story: "s3", Figure: news.Figure{Text: "6,000", Speaker: "Wire", Time: "2031-03-07", Claim: -1}}}}
	if err := s.RecordMeasures(ctx, rec); err != nil {
		t.Fatal(err)
	}
	if diffs, err = s.CheckMeasures(ctx); err != nil {
		t.Fatal(err)
	}
	for _, d := range diffs {
		t.Errorf("after recording a2 again: %s", d)
	}
	m, _, err := s.Measure(ctx, "m1")
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprintln(m.Figures, m.Articles, m.Stories, m.Speakers, m.First, m.Last, m.Values, m.SpeakerNames); got != "3 3 2 2 2031-03-02 2031-03-07 [5,000 3,000 6,000] [Kazhar MoD Wire]\n" {
		t.Errorf("m1 after recording a2 again: %s", got)
	}
}
