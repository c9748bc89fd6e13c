package claim

import (
	"context"
	"testing"

	"sitrep/internal/annotate/syntax"
	"sitrep/internal/demo"
	"sitrep/internal/news"
)

// With the syntax layer, a reporting verb counts only where it is tagged
// VERB: "states" the noun is never a cue. Sentences written for this test.
func TestCueNeedsVerbTag(t *testing.T) {
	if _, err := syntax.Model(); err != nil {
		t.Skipf("syntax models not built: %v", err)
	}
	st := syntax.New()
	tests := []struct {
		text string
		cues []string // the cues found, in order
	}{
		{"Ukraine's defence ministry states that the bridge was destroyed.", []string{"states"}},
		{"Volodymyr Zelensky states that the bridge was destroyed.", []string{"states"}},
		// Without the syntax layer these found "states" cues with the
		// speakers "Three Baltic", "Two" and an "estimates" cue; the
		// states are speakers of the verbs after them.
		{"Three Baltic states warned that the pipeline was at risk, Lithuanian President Gitanas Nauseda said.", []string{"warned", "said"}},
		{"Two states reported that the bridge was destroyed.", []string{"reported"}},
		{"Their estimates of the damage differ widely.", nil},
	}
	for _, tc := range tests {
		a := annotate(t, tc.text)
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range Find(a) {
			got = append(got, c.Cue)
		}
		if len(got) != len(tc.cues) {
			t.Errorf("%q: cues %q, want %q", tc.text, got, tc.cues)
			continue
		}
		for i := range got {
			if got[i] != tc.cues[i] {
				t.Errorf("%q: cues %q, want %q", tc.text, got, tc.cues)
			}
		}
	}
}

// The demo's claims scored without and with the syntax layer: the verb
// check may only remove false cues, never a gold one.
func TestDemoClaimsWithSyntax(t *testing.T) {
	if _, err := syntax.Model(); err != nil {
		t.Skipf("syntax models not built: %v", err)
	}
	truth, err := demo.LoadTruth()
	if err != nil {
		t.Fatal(err)
	}
	list := demoArticles(t)
	arts := map[string]*news.Article{}
	for i, a := range list {
		arts[truth.Articles[i].Key] = a
	}
	before := scoreClaims(t, truth, arts, Find)
	st := syntax.New()
	for _, a := range list {
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	after := scoreClaims(t, truth, arts, Find)
	t.Logf("without syntax: %d predicted, %d matched, precision %.3f recall %.3f", before.predicted, before.matched, before.precision(), before.recall())
	t.Logf("with syntax:    %d predicted, %d matched, precision %.3f recall %.3f", after.predicted, after.matched, after.precision(), after.recall())
	if after.matched < before.matched {
		t.Errorf("the verb check lost %d gold claims", before.matched-after.matched)
	}
}
