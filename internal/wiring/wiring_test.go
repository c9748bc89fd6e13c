package wiring

import (
	"context"
	"strings"
	"testing"

	"sitrep/internal/store"
	"sitrep/internal/store/sqlite"
)

func TestStagesOrder(t *testing.T) {
	steps := Stages()
	seen := map[string]int{}
	for i, s := range steps {
		if s.Stage == nil {
			t.Errorf("stage %q has no Stage", s.Name)
		}
		if _, dup := seen[s.Name]; dup {
			t.Errorf("stage %q listed twice", s.Name)
		}
		seen[s.Name] = i
	}
	// Each stage reads the layers of the ones before it.
	for _, p := range [][2]string{{"extract", "sentence"}, {"sentence", "syntax"}, {"syntax", "claim"}, {"sentence", "entity"}, {"entity", "claim"}, {"quantity", "figure"}, {"claim", "figure"}, {"entity", "event"}} {
		a, okA := seen[p[0]]
		b, okB := seen[p[1]]
		if !okA || !okB || a >= b {
			t.Errorf("stage %s must run before %s (positions %d, %d)", p[0], p[1], a, b)
		}
	}
}

func TestLinks(t *testing.T) {
	s, err := sqlite.OpenTemp(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	steps, err := Links(s)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, st := range steps {
		names = append(names, st.Name)
	}
	if got := strings.Join(names, " "); got != "provenance entity story measure thread" {
		t.Errorf("link steps %q, want provenance, entity, story, measure, thread in that order", got)
	}
	// A store without the link indexes is refused with the one it lacks.
	if _, err := Links(bare{s}); err == nil || !strings.Contains(err.Error(), "provenance index") {
		t.Errorf("Links(bare store) = %v, want an error naming the provenance index", err)
	}
}

// bare is a store with nothing but the article methods.
type bare struct{ store.Store }
