package postgres

import (
	"context"
	"testing"
)

// TestUpgradeNarrowsLSHKeys opens a schema whose LSH index holds 63-bit
// band keys (before 0014) and checks that the migration narrows each to
// its top 31 bits, drops the rows the narrowing makes duplicates, and
// that a lookup by a narrowed key finds the article judged before.
func TestUpgradeNarrowsLSHKeys(t *testing.T) {
	ctx := context.Background()
	dsn, db := schemaBefore(t, 14)
	defer db.Close()
	for _, id := range []string{"old", "new"} {
		if _, err := db.ExecContext(ctx, `INSERT INTO articles (id, duplicate_key, text_hash, text, doc) VALUES ($1, $1, $1, 'text', '{}')`, id); err != nil {
			t.Fatal(err)
		}
	}
	const a, b = int64(0x5a5a_1234_0000_0001), int64(0x1234_5678_9abc_def0)
	for _, k := range []int64{a, a + 1, b} {
		if _, err := db.ExecContext(ctx, `INSERT INTO provenance_keys (key, seq) SELECT $1, seq FROM articles WHERE id = 'old'`, k); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n, wide int
	if err := db.QueryRowContext(ctx, `SELECT count(*), count(CASE WHEN key >= 2147483648 THEN 1 END) FROM provenance_keys`).Scan(&n, &wide); err != nil {
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
