package claim

import (
	"context"
	"strings"
	"testing"

	"sitrep/internal/annotate/entity"
	"sitrep/internal/annotate/sentence"
	"sitrep/internal/annotate/syntax"
	"sitrep/internal/attribution"
	"sitrep/internal/news"
)

// TestLearned checks what the learned tagger adds to the rules: a claim
// with a reporting verb the rules do not list ("alleged"), beside the
// rules' own claims. The sentences are written for this
// test.
func TestLearned(t *testing.T) {
	text := "The harbour was shelled twice on Monday, according to U.K. officials in Tallinn. " +
		"Local officials have alleged that the reservoir could fail within days. " +
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
		"have alleged": "Local officials",
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

// TestLearnedCueFilters checks which cues the tagger may add as claims:
// a reporting verb, not the noun "report", not a negated verb, not
// "said nothing", not a past participle modifying a noun. The sentences are written for this test.
func TestLearnedCueFilters(t *testing.T) {
	for _, tt := range []struct {
		text, cue string
		want      bool
	}{
		{"The governor insists that 40 bridges were damaged.", "insists", true},
		{"In its report the agency listed 40 damaged bridges.", "report", false},
		{"State media has not reported the 40 damaged bridges.", "has not reported", false},
		{"The governor, for her part, has said nothing about 40 bridges.", "has said", false},
		{"Troops held the line against a force estimated at 40 battalions.", "estimated", false},
		{"Officials released a statement saying 40 bridges were damaged.", "saying", true},
	} {
		a := &news.Article{Text: tt.text}
		for _, st := range []interface {
			Process(context.Context, *news.Article) error
		}{sentence.New(), syntax.New()} {
			if err := st.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
		}
		d := attribution.FromLayers(a.Text, a.Tokens, a.Sentences)
		d.Syntax = a.Syntax
		at := strings.Index(tt.text, tt.cue)
		cue := d.TokensOf(news.Span{Start: at, End: at + len(tt.cue)})
		if got := learnedCue(d, cue); got != tt.want {
			t.Errorf("%q in %q: learnedCue %v, want %v", tt.cue, tt.text, got, tt.want)
		}
	}
}

// TestLearnedClaimWithoutSpeaker runs the stage over a learned cue whose
// source the rules reject ("surveys did predict …"): the claim keeps no
// speaker span, and nesting it must not fail the article (it once
// panicked on the missing span).
func TestLearnedClaimWithoutSpeaker(t *testing.T) {
	a := &news.Article{Text: "But surveys did predict the Labour vote - Pollbase: “While the count provided a polling upset on the Tory side, " +
		"most pollsters — often in the same surveys — fared much better with the Labour results. Polls projected a very close race.”"}
	for _, st := range []interface {
		Process(context.Context, *news.Article) error
	}{sentence.New(), syntax.New(), entity.New(), New()} {
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	if len(a.Claims) == 0 {
		t.Fatal("no claims")
	}
}

// TestLearnedRepairsSpeakers checks which rule speakers the tagger's
// source replaces: the tail of an apposition or of a coordination by the
// whole name or phrase, while a named person after a description, and a
// description with a place in it, stay. The sentences are written for
// this test.
func TestLearnedRepairsSpeakers(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Senator Mark Ellison, Republican of Ohio, said the bill would pass.", "Senator Mark Ellison"},
		{"Mykola Berezin, an engineer and grid expert, told reporters the lines were cut.", "Mykola Berezin"},
		{"Farmers and grain traders in Odesa say exports have stalled.", "Farmers and grain traders in Odesa"},
		{"A lawyer for the families, Pavel Hrytsenko, said the court would sit in May.", "Pavel Hrytsenko"},
		{"A brigadier general in Ukraine's armed forces said on Thursday that 40 drones were shot down.", "A brigadier general in Ukraine's armed forces"},
	} {
		a := &news.Article{Text: tt.text, Outlet: "Test Wire"}
		for _, st := range []interface {
			Process(context.Context, *news.Article) error
		}{sentence.New(), syntax.New(), entity.New(), New()} {
			if err := st.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
		}
		if len(a.Claims) != 1 || a.Claims[0].SpeakerSpan == nil {
			t.Errorf("%q: %d claims, want one with a speaker", tt.text, len(a.Claims))
			continue
		}
		if got := a.Claims[0].SpeakerSpan.In(tt.text); got != tt.want {
			t.Errorf("%q: speaker %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestLearnedChargeIsNoCue checks that the learned tagger's cues leave
// out "charged" as an indictment: the police charged two men, and said
// nothing. The sentences are written for this test.
func TestLearnedChargeIsNoCue(t *testing.T) {
	a := &news.Article{Text: "Police charged two men with murder on Tuesday. The men deny the charges.", Outlet: "Test Wire"}
	for _, st := range []interface {
		Process(context.Context, *news.Article) error
	}{sentence.New(), syntax.New(), entity.New(), New()} {
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range a.Claims {
		if strings.HasPrefix(c.Cue, "charge") {
			t.Errorf("claim with cue %q and speaker %q: an indictment is no statement", c.Cue, c.Speaker)
		}
	}
}
