package sqlstore

import (
	"reflect"
	"testing"
	"testing/fstest"
)

func TestBind(t *testing.T) {
	q := `SELECT a FROM t WHERE x = ? AND y IN (?, ?) LIMIT ?`
	if got := (&Store{d: &Dialect{}}).bind(q); got != q {
		t.Errorf("bind without numbered placeholders = %q", got)
	}
	want := `SELECT a FROM t WHERE x = $1 AND y IN ($2, $3) LIMIT $4`
	if got := (&Store{d: &Dialect{Numbered: true}}).bind(q); got != want {
		t.Errorf("bind = %q, want %q", got, want)
	}
}

func TestIn(t *testing.T) {
	cond, args := in(&Dialect{}, "a.id", []string{"x", "y"})
	if cond != "a.id IN (?, ?)" || !reflect.DeepEqual(args, []any{"x", "y"}) {
		t.Errorf("in = %q %v", cond, args)
	}
	cond, args = in(&Dialect{Arrays: true}, "a.id", []string{"x", "y"})
	if cond != "a.id = ANY(?)" || !reflect.DeepEqual(args, []any{[]string{"x", "y"}}) {
		t.Errorf("in with arrays = %q %v", cond, args)
	}
	if got := tuples(3, "(?, 1)"); got != "(?, 1), (?, 1), (?, 1)" {
		t.Errorf("tuples = %q", got)
	}
}

func TestChunks(t *testing.T) {
	vals := make([]int, 2*chunk+1)
	var sizes []int
	if err := chunks(vals, func(part []int) error { sizes = append(sizes, len(part)); return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(sizes, []int{chunk, chunk, 1}) {
		t.Errorf("chunk sizes %v", sizes)
	}
}

func TestMigrations(t *testing.T) {
	ms, err := Migrations(fstest.MapFS{
		"m/0002_b.sql": {Data: []byte("B")},
		"m/0001_a.sql": {Data: []byte("A")},
	}, "m")
	if err != nil || len(ms) != 2 || ms[0].Version != 1 || ms[1].SQL != "B" || Latest(ms) != 2 {
		t.Errorf("Migrations = %+v, %v", ms, err)
	}
	for name, fsys := range map[string]fstest.MapFS{
		"no version":     {"m/first.sql": {}},
		"shared version": {"m/0001_a.sql": {}, "m/0001_b.sql": {}},
		"not sql":        {"m/0001_a.txt": {}},
	} {
		if _, err := Migrations(fsys, "m"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
