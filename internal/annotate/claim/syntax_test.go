package claim

import (
	"context"
	"testing"

	"sitrep/internal/annotate/syntax"
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
		// speakers "Three Baltic", "Two" and an "estimates" cue.
		{"Three Baltic states warned that the pipeline was at risk, Lithuanian President Gitanas Nauseda said.", []string{"said"}},
		{"Two states reported that the bridge was destroyed.", nil},
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
