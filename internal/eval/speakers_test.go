package eval

import (
	"strings"
	"testing"

	"sitrep/internal/attribution"
	"sitrep/internal/news"
)

// TestSpeakersScoring checks how figure speakers are scored against
// attributions, on a document written for this test: a figure outside
// every content is the outlet's, one inside nested contents belongs to
// the innermost source, a pronoun or lower-case description source
// counts any speaker but the outlet, and content without a source is
// not scored.
func TestSpeakersScoring(t *testing.T) {
	text := "Turnout was 52 percent. The commission said Gallup found that 61 percent backed the plan. " +
		"He said 40 were hurt. The Harbour Agency said 9 left. Reports put it at 70. In the north, local officials said 30 fled."
	d := attribution.NewDocument("doc", text)
	span := func(s string) news.Span {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q not in the text", s)
		}
		return news.Span{Start: i, End: i + len(s)}
	}
	attr := func(source, cue, content string) attribution.Attribution {
		a := attribution.Attribution{Cue: d.TokensOf(span(cue)), Content: d.TokensOf(span(content))}
		if source != "" {
			a.Source = d.TokensOf(span(source))
		}
		return a
	}
	d.Attributions = []attribution.Attribution{
		attr("The commission", "said Gallup", "Gallup found that 61 percent backed the plan"),
		attr("Gallup", "found", "61 percent backed the plan"),
		attr("He", "said 40", "40 were hurt"),
		attr("The Harbour Agency", "said 9", "9 left"),
		attr("", "put", "put it at 70"),
		attr("local officials", "said 30", "30 fled"),
	}
	fig := func(number, speaker string) news.Figure {
		return news.Figure{Span: span(number), Speaker: speaker}
	}
	r := &SpeakersReport{}
	r.scoreDoc(d, []news.Figure{
		fig("52 percent", "OUTLET"),         // outlet, right
		fig("61 percent", "The commission"), // the innermost source is Gallup: wrong
		fig("40", "Mr Reed"),                // pronoun source, any non-outlet speaker: right
		fig("9", "Harbour Agency"),          // named source, matched by name: right
		fig("70", "OUTLET"),                 // no source: not scored
		fig("30", "OUTLET"),                 // described source, outlet: wrong
	})
	if r.Figures != 6 || r.Outlet != 1 || r.Named != 2 || r.Described != 1 || r.Pronoun != 1 || r.Sourceless != 1 {
		t.Fatalf("kinds: %+v", r)
	}
	if r.OutletOK != 1 || r.NamedOK != 1 || r.DescribedOK != 0 || r.PronounOK != 1 {
		t.Errorf("right: %+v", r)
	}
	if got := r.Accuracy(); got != 0.6 {
		t.Errorf("accuracy %.3f, want 0.6", got)
	}
	if len(r.Wrong) != 2 || !strings.Contains(r.Wrong[0], `want "Gallup"`) || !strings.Contains(r.Wrong[1], `want "local officials"`) {
		t.Errorf("wrong: %q", r.Wrong)
	}
}
