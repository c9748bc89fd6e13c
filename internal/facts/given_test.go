package facts_test

import (
	"os"
	"strings"
	"testing"

	"sitrep/internal/corpus"
	"sitrep/internal/facts"
	"sitrep/internal/sharedtest"
)

// TestBuildGiven checks that a name in both lists has no gender, that
// case does not matter and that the table holds hashes, not names.
func TestBuildGiven(t *testing.T) {
	table := facts.BuildGiven([]string{"Marek", "Robin", "Juri"}, []string{"Ingrid", "robin"})
	if strings.Contains(strings.ToLower(table), "marek") {
		t.Errorf("the table holds a name:\n%s", table)
	}
	if n := strings.Count(table, "\n"); n != 3 {
		t.Errorf("%d lines, want 3 (Robin is in both lists):\n%s", n, table)
	}
}

// TestGivenGender checks the committed table on names of each kind.
func TestGivenGender(t *testing.T) {
	for name, want := range map[string]byte{"Joseph": 'm', "LOIS": 'f', "ursula": 'f', "Hillary": 0, "Zelensky": 0} {
		if got := facts.GivenGender(name); got != want {
			t.Errorf("GivenGender(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestGivenRebuilds checks that the committed table is what `sitrep
// train given` builds from the name lists in ../shared/data.
func TestGivenRebuilds(t *testing.T) {
	dir := sharedtest.Path(t, "data", "gazetteers", "wikipedia")
	var lists [2][]string
	for i, file := range []string{"names_names.male.gz", "names_names.female.gz"} {
		b, err := corpus.ReadGzip(dir + "/" + file)
		if err != nil {
			t.Skipf("name lists absent: %v", err)
		}
		lists[i] = strings.Split(string(b), "\n")
	}
	committed, err := os.ReadFile("given.txt")
	if err != nil {
		t.Fatal(err)
	}
	if facts.BuildGiven(lists[0], lists[1]) != string(committed) {
		t.Error("given.txt differs from a rebuild: run `go run ./cmd/sitrep train given`")
	}
}
