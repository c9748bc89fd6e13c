package web

import (
	"go/build"
	"path/filepath"
	"strings"
	"testing"
)

// module is this repository's module path; root is its directory as seen
// from this package.
const (
	module = "sitrep"
	root   = "../.."
)

// deps returns every package of this module that pkg imports, directly
// or not, leaving out test files (what `go list -deps` shows).
func deps(t *testing.T, pkg string) map[string]bool {
	t.Helper()
	seen := map[string]bool{}
	var walk func(string)
	walk = func(p string) {
		dir := filepath.Join(root, strings.TrimPrefix(p, module))
		bp, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatalf("package %s (%s): %v", p, dir, err)
		}
		for _, imp := range bp.Imports {
			if (imp == module || strings.HasPrefix(imp, module+"/")) && !seen[imp] {
				seen[imp] = true
				walk(imp)
			}
		}
	}
	walk(pkg)
	return seen
}

// TestImports keeps the arrows ARCHITECTURE.md draws: the pages and the
// read model never reach into the API, and the worker reads its stages
// from the wiring, not from the single-machine ingest.
func TestImports(t *testing.T) {
	forbidden := []struct{ from, to string }{
		{"sitrep/internal/web", "sitrep/internal/api"},
		{"sitrep/internal/readmodel", "sitrep/internal/api"},
		{"sitrep/internal/readmodel", "sitrep/internal/web"},
		{"sitrep/internal/readmodel", "sitrep/internal/ingest"},
		{"sitrep/internal/api", "sitrep/internal/web"},
		{"sitrep/internal/worker", "sitrep/internal/ingest"},
	}
	for _, f := range forbidden {
		if d := deps(t, f.from); d[f.to] {
			t.Errorf("%s imports %s", f.from, f.to)
		}
	}
	// The walk must see the read model, or it proves nothing.
	if !deps(t, "sitrep/internal/web")["sitrep/internal/readmodel"] {
		t.Error("deps(web) misses internal/readmodel: the import walk is broken")
	}
}
