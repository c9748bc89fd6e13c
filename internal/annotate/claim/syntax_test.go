package claim

import (
	"context"
	"strings"
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

// TestAccusationsStatementsAndClaimedAttacks checks three kinds of
// attribution seen in conflict-domain press text (re3d dev; sentences
// written for this test): an accusation credits its maker; "X claimed an
// attack" states no figure of X's; and a statement printed under "X
// said:" is X's down to the paragraph that credits someone else.
func TestAccusationsStatementsAndClaimedAttacks(t *testing.T) {
	if _, err := syntax.Model(); err != nil {
		t.Skipf("syntax models not built: %v", err)
	}
	st := syntax.New()
	find := func(text string) (*news.Article, []news.Claim) {
		a := annotate(t, text)
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		return a, Find(a)
	}
	speakerOf := func(a *news.Article, cs []news.Claim, phrase string) string {
		at := strings.Index(a.Text, phrase)
		best := ""
		size := len(a.Text) + 1
		for _, c := range cs {
			if c.Content.Start <= at && at+len(phrase) <= c.Content.End && c.Content.Len() < size {
				best, size = c.Speaker, c.Content.Len()
			}
		}
		return best
	}

	a, cs := find("A Norwegian army spokesman accused the rebels of killing more than 60 civilians near the port.")
	if got := speakerOf(a, cs, "60 civilians"); !strings.Contains(got, "spokesman") {
		t.Errorf("accusation: speaker of the figure %q, want the spokesman (claims %+v)", got, cs)
	}
	a, cs = find("The rebels were accused of killing 60 civilians near the port.")
	if got := speakerOf(a, cs, "60 civilians"); got != "" {
		t.Errorf("passive accusation: speaker %q, want none", got)
	}
	a, cs = find("Earlier this year, the Oslo Political Report projected a pick-up of between five and 12 seats.")
	if got := speakerOf(a, cs, "five and 12"); !strings.Contains(got, "Oslo Political Report") {
		t.Errorf("projection: speaker %q, want the Oslo Political Report", got)
	}
	a, cs = find("The government has been accused of a soft line because of trade – Latvia is its largest partner, taking 30% of exports.")
	if got := speakerOf(a, cs, "30%"); got != "" {
		t.Errorf("a passive accusation credits no one: speaker %q", got)
	}
	a, cs = find("Add in people accused by Norway of supporting the cleric, who Oslo accuses of plotting the coup, and Norway wants 12 people returned.")
	if got := speakerOf(a, cs, "12 people"); got != "" {
		t.Errorf("an accusation is its 'of' phrase: speaker of the writer's figure %q", got)
	}
	a, cs = find("On Saturday, the rebels claimed twin bombings in the capital which killed at least 28 people.")
	if got := speakerOf(a, cs, "28 people"); got != "" {
		t.Errorf("claimed attack: speaker %q, want none", got)
	}

	text := "The Minister for Europe, Anna Lind, said:\n\n" +
		"We are appalled that 40 people were killed in Riga.\n\n" +
		"Our country has sent 300 medics to the region.\n\n" +
		"Police in Riga said 12 suspects had been arrested.\n\n" +
		"The ministry has given £5 million since January."
	a, cs = find(text)
	for phrase, want := range map[string]string{"40 people": "Anna Lind", "300 medics": "Anna Lind", "£5 million": ""} {
		if got := speakerOf(a, cs, phrase); want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("statement: speaker of %q is %q, want %q", phrase, got, want)
		}
	}
	if got := speakerOf(a, cs, "12 suspects"); got == "" || strings.Contains(got, "Lind") {
		t.Errorf("statement: speaker of the police's figure %q, want the police's", got)
	}
	a, cs = find("Gen. Anna Lind, commander of the Northern Command said, \"We were clear from the start. In the north, our forces retook 300 villages.\" The ministry later listed 40 tanks.")
	if got := speakerOf(a, cs, "300 villages"); !strings.Contains(got, "Anna Lind") {
		t.Errorf("quotation over two sentences after 'Name, role said': speaker %q, want Anna Lind (claims %+v)", got, cs)
	}
	if got := speakerOf(a, cs, "40 tanks"); strings.Contains(got, "Lind") {
		t.Errorf("the writer's sentence after the quotation: speaker %q", got)
	}
	a, cs = find("The minister said:\n\n“We will send 300 medics.”\n\nThe ministry has given £5 million since January.")
	if got := speakerOf(a, cs, "£5 million"); got != "" {
		t.Errorf("a quoted statement runs no further than its quotation: speaker of £5 million %q", got)
	}
}
