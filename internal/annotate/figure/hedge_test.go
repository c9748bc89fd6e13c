package figure

import (
	"context"
	"strings"
	"testing"

	"sitrep/internal/annotate/claim"
	"sitrep/internal/annotate/entity"
	"sitrep/internal/annotate/quantity"
	"sitrep/internal/annotate/sentence"
	"sitrep/internal/annotate/syntax"
	"sitrep/internal/annotate/timex"
	"sitrep/internal/demo/demotest"
	"sitrep/internal/news"
)

// TestHedges checks the hedge of one figure per sentence (sentences
// written for this test): hedges that govern the figure's clause from
// the syntax layer, and hedges elsewhere in the sentence that do not.
func TestHedges(t *testing.T) {
	if _, err := syntax.Model(); err != nil {
		t.Skip("no syntax model")
	}
	tests := []struct{ text, number, hedge string }{
		// a modal after the figure, on the verb that governs it
		{"A strike on the dam means that thousands more villagers could be forced to leave their homes.", "thousands", "could"},
		// a relayed belief governs the clause
		{"Allied officials told the BBC they believed at least 400 of the 2,000 soldiers had been wounded.", "400", "believes"},
		// a figure the sentence says was not verified
		{"Oslo said it had downed 14 drones, a figure that could not be independently verified.", "14", "unverified"},
		{"Up to 900 people fled, according to unconfirmed reports.", "900", "unverified"},
		// "is thought to"
		{"The army is thought to have lost 300 tanks.", "300", "believes"},
		// a passive hedging verb
		{"About 900 fighters are believed to have crossed the border.", "900", "believes"},
		// "an estimated"
		{"The deployment of an estimated 12,000 troops alarmed the region.", "12,000", "estimates"},
		// an approximator shared by a coordination
		{"Support has risen to about 40% in Norway and 55% in Denmark.", "55%", "about"},
		// a modal in a later clause of the claim hedges nothing here
		{"The party said its review covered the 30-nation alliance, adding that it could decide to apply alone.", "30", ""},
		// a hedge before a spaced en dash belongs to the clause before it
		{"Not all of the rockets are expected to be new – of which the army has already received 800.", "800", ""},
		// a reporting adverb on the attribution
		{"Officials reportedly said 70 drones were shot down.", "70", "reportedly"},
		// "likely voters" are who a poll asked, not a hedge
		{"A survey of 900 likely voters showed that 47 percent back the mayor.", "47 percent", ""},
		{"The tally will likely reach 300 by Friday.", "300", "likely"},
		// a passive report and a reported number
		{"At least 40 people were reported killed in the strike on Riga.", "40", "reported"},
		{"A reported 5,000 troops crossed the border at night.", "5,000", "reported"},
		// a count still to follow is expected
		{"At least 368,000 people have fled, with as many as 4.5 million to follow if the fighting spreads.", "as many as 4.5 million", "expected"},
		{"The first 200 troops arrived on Monday, with 1,000 more to come.", "1,000", "expected"},
		// an active report is a claim, not a hedge
		{"The ministry reported that 40 people were killed.", "40", ""},
	}
	stages := []demotest.Stage{sentence.New(), quantity.New(), timex.New(), entity.New(), syntax.New(), claim.New(), New()}
	for _, tt := range tests {
		a := &news.Article{Text: tt.text, Outlet: "The Test Gazette"}
		for _, s := range stages {
			if err := s.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
		}
		var got *news.Figure
		for i, f := range a.Figures {
			if strings.Contains(f.Text, tt.number) {
				got = &a.Figures[i]
				break
			}
		}
		if got == nil {
			t.Errorf("%q: no figure %q", tt.text, tt.number)
			continue
		}
		if got.Hedge != tt.hedge {
			t.Errorf("%q: %q hedge %q, want %q", tt.text, tt.number, got.Hedge, tt.hedge)
		}
	}
}

// TestLemma checks the crude singular of a counted noun: a singular that
// ends in "s" keeps it ("basis", not "basi").
func TestLemma(t *testing.T) {
	for in, want := range map[string]string{"packages": "package", "basis": "basis", "crisis": "crisis", "Israelis": "israeli", "casualties": "casualty"} {
		if got := lemma(in); got != want {
			t.Errorf("lemma(%q) = %q, want %q", in, got, want)
		}
	}
}
