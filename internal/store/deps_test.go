package store_test

import (
	"go/build"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// module is this repository's module path; root its directory from here.
const (
	module = "sitrep"
	root   = "../.."
)

// TestImportRules checks the arrows ARCHITECTURE.md allows between the
// stores and the link steps, over each package's non-test imports and
// everything they import in turn.
func TestImportRules(t *testing.T) {
	for _, rule := range []struct {
		from   string   // packages at or below this path
		except []string // packages among them the rule leaves out
		not    []string // may not depend on packages at or below these
	}{
		// The stores implement the link steps' interfaces in news types.
		{from: "internal/store", not: []string{"internal/link", "internal/facts"}},
		// The steps declare what they need; the suite the stores run
		// against the story, measure and thread indexes are stores' tests and may import store.
		{from: "internal/link", except: []string{"internal/link/story/storytest", "internal/link/measure/measuretest",
			"internal/link/thread/threadtest"}, not: []string{"internal/store"}},
	} {
		for _, pkg := range packagesBelow(t, rule.from) {
			if slices.Contains(rule.except, pkg) {
				continue
			}
			for dep, via := range deps(t, pkg) {
				for _, bad := range rule.not {
					if under(dep, bad) {
						t.Errorf("%s imports %s (through %s); ARCHITECTURE.md forbids %s → %s", pkg, dep, via, rule.from, bad)
					}
				}
			}
		}
	}
}

// under reports whether the package path p is dir or below it.
func under(p, dir string) bool { return p == dir || strings.HasPrefix(p, dir+"/") }

// packagesBelow lists the directories at or below dir (relative to the
// module root) that hold a non-test Go package.
func packagesBelow(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if name := d.Name(); name == "testdata" || strings.HasPrefix(name, ".") {
			return filepath.SkipDir
		}
		if _, err := build.ImportDir(path, 0); err == nil {
			rel, _ := filepath.Rel(root, path)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil || len(out) == 0 {
		t.Fatalf("packages below %s: %v (found %d)", dir, err, len(out))
	}
	return out
}

// deps returns every package of this module that pkg (relative to the
// module root) depends on through non-test imports, each with the
// package that imports it.
func deps(t *testing.T, pkg string) map[string]string {
	t.Helper()
	seen := map[string]string{}
	queue := []string{pkg}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		bp, err := build.ImportDir(filepath.Join(root, p), 0)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, imp := range bp.Imports {
			rel, ok := strings.CutPrefix(imp, module+"/")
			if !ok {
				continue
			}
			if _, done := seen[rel]; !done {
				seen[rel] = p
				queue = append(queue, rel)
			}
		}
	}
	return seen
}
