package claim

import (
	"context"
	"testing"

	"sitrep/internal/annotate/entity"
	"sitrep/internal/annotate/sentence"
	"sitrep/internal/news"
)

// TestLearned checks what the learned tagger adds to the rules: a claim
// with a reporting verb the rules do not list ("argued"), beside the
// rules' own claims. The sentences are written for this
// test.
func TestLearned(t *testing.T) {
	text := "The harbour was shelled twice on Monday, according to U.K. officials in Tallinn. " +
		"Local officials have argued that the reservoir could fail within days. " +
		"The mayor said the ferries would keep running."
	a := &news.Article{Text: text, Outlet: "Test Wire"}
	for _, st := range []interface {
		Process(context.Context, *news.Article) error
	}{sentence.New(), entity.New()} {
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	rules := Find(a)
	for _, c := range rules {
		t.Logf("rule: %q %q", c.Cue, c.SpeakerSpan.In(text))
	}
	if err := New().Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	speakers := map[string]string{}
	for _, c := range a.Claims {
		speakers[c.Cue] = c.SpeakerSpan.In(text)
	}
	if len(a.Claims) <= len(rules) {
		t.Errorf("the stage found %d claims, the rules %d: nothing added (%v)", len(a.Claims), len(rules), speakers)
	}
	for cue, want := range map[string]string{
		"according to": "U.K. officials in Tallinn",
		"have argued":  "Local officials",
		"said":         "The mayor",
	} {
		if got, ok := speakers[cue]; !ok || got != want {
			t.Errorf("cue %q: speaker %q (found %v), want %q", cue, got, ok, want)
		}
	}
	for i := 1; i < len(a.Claims); i++ {
		if a.Claims[i].CueSpan.Start < a.Claims[i-1].CueSpan.Start {
			t.Errorf("claims out of text order: %v", speakers)
		}
	}
}
