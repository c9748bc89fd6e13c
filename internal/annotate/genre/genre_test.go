package genre

import (
	"context"
	"strings"
	"testing"

	"sitrep/internal/news"
)

// A plain report, written for this test.
const reportText = `Officials in the port city said on Tuesday that two cargo ships had left the harbour under escort.

The regional governor told reporters the convoy carried grain bound for North Africa. "The corridor is open again," he said.

According to the shipping ministry, four more vessels are expected to sail this week. The navy confirmed it had cleared mines from the approach channel overnight.

Insurance rates for the route fell by a third after the announcement, brokers said. The ministry added that inspections would continue at sea.`

// An opinion piece, written for this test: first person, prescriptive,
// and a biography as its last line.
const opinionText = `I have watched this war from a distance for two years, and I no longer believe that patience is a strategy.

We keep telling ourselves that time is on our side. It is not. Every month we delay, the price of the eventual settlement rises, and it is paid by people who never had a say in our caution.

The west must stop pretending that half measures are prudence. They are simply a way of avoiding a decision. Our leaders should say plainly what they want the outcome to be, and then they should fund it.

Of course there are risks. There always are. But the greater folly is to mistake drift for diplomacy, and I fear that is exactly what we are doing.

It is time to choose. If we will not, someone else will choose for us.

Maria Example is a senior fellow at an imaginary institute for European security.`

func TestDecide(t *testing.T) {
	long := func(s string) string { return strings.Repeat(s+"\n\n", 3) }
	tests := []struct {
		name  string
		a     news.Article
		want  string
		cause string // a substring of the first evidence line
	}{
		{"plain report", news.Article{Text: reportText, Title: "Grain ships leave port under escort"}, news.GenreNews, "no genre signal"},
		{"comment section", news.Article{URL: "https://paper.example/commentisfree/2024/may/01/a-view", Title: "A view", Text: reportText}, news.GenreOpinion, "/commentisfree/"},
		{"opinion section", news.Article{URL: "https://site.example/opinion/2024/05/01/piece.html", Text: reportText}, news.GenreOpinion, "/opinion/"},
		{"editorial headline", news.Article{Title: "The Guardian view on grain: open the corridor", Text: reportText}, news.GenreOpinion, "editorial"},
		{"opinion kicker", news.Article{Title: "Opinion: The corridor must stay open", Text: reportText}, news.GenreOpinion, "kicker"},
		{"editorial note in text", news.Article{Text: "This article is an editorial, written to explain what readers here think.\n\n" + reportText}, news.GenreOpinion, "editorial"},
		{"views disclaimer", news.Article{Text: "Editor’s Note: Sam Doe is a historian. The views expressed in this commentary are her own.\n\n" + reportText}, news.GenreOpinion, "views expressed"},
		{"writer's own views", news.Article{Text: reportText + "\n\nSam Doe, a former minister, teaches economics. The views expressed here are the writer's own."}, news.GenreOpinion, "views expressed"},
		{"voice only", news.Article{Text: opinionText}, news.GenreOpinion, "biography"},
		{"live path", news.Article{URL: "https://paper.example/world/live/2024/may/01/war-latest", Text: reportText}, news.GenreLive, "/live/"},
		{"as it happened", news.Article{Title: "Ships leave port – as it happened", Text: reportText}, news.GenreLive, "as it happened"},
		{"live structure", news.Article{Text: long("09.15Ships leave portTwo ships left the harbour, officials said.Updated at 09.20 GMT\n\n10.02Convoy reaches open seaThe navy said the convoy was clear.Updated at 10.05 GMT")}, news.GenreLive, "timestamped"},
		{"video path", news.Article{URL: "https://paper.example/world/video/2024/may/01/ships-video", Text: reportText}, news.GenreVideo, "/video/"},
		{"video headline", news.Article{Title: "Ships leave port under escort – video", Text: reportText}, news.GenreVideo, "video"},
		{"video footer", news.Article{Text: "The governor said the corridor was open again. Source: Reuters Tue 30 Apr 2024 10.11 BST\n\n\n   Last modified on Tue 30 Apr 2024 11.02 BST"}, news.GenreVideo, "footer"},
		{"transcript", news.Article{Text: "The president spoke in his evening address. The full text of the speech is provided below:\n\n" + reportText}, news.GenreVideo, "transcript"},
		{"letter", news.Article{Title: "Why I doubt the corridor will hold", Text: reportText + "\n\nHave a view on this? Email us your letter and it may be published."}, news.GenreLetter, "letter"},
		{"round-up", news.Article{Title: "War: what we know on day 100", Text: reportText}, news.GenreAggregated, "what we know"},
		{"fact-check", news.Article{URL: "https://checks.example/fact-check/2024/ship-claim", Text: reportText}, news.GenreFactCheck, "fact-check"},
		{"rating line", news.Article{Text: reportText + "\n\nRating: False. The photo shows a different port."}, news.GenreFactCheck, "Rating"},
		{"press release", news.Article{Text: "FOR IMMEDIATE RELEASE\n\n" + reportText}, news.GenrePressRelease, "IMMEDIATE"},
		{"analysis kicker", news.Article{Title: "Analysis: Why the corridor matters", Text: reportText}, news.GenreAnalysis, "Analysis"},
		{"author's views", news.Article{Text: reportText + "\n\nThe Author’s views are not those of this site."}, news.GenreOpinion, "author"},
		{"more opinion", news.Article{Text: reportText + "\n\nREAD MORE OPINION on the war"}, news.GenreOpinion, "read more"},
		{"live blog closed", news.Article{Text: reportText + "\n\nThis Live Blog is now closed."}, news.GenreLive, "blog is now closed"},
		{"live coverage ends", news.Article{Text: reportText + "\n\nWe’ll wrap up our live coverage here."}, news.GenreLive, "live coverage"},
		{"end of live coverage", news.Article{Text: reportText + "\n\nThat's all from our live blog for today."}, news.GenreLive, "live blog"},
		{"see the video link is not a video", news.Article{Text: "See the video: ministers meet in Warsaw\n\n" + reportText}, news.GenreNews, "no genre signal"},
		{"opinion quoted is not opinion", news.Article{Text: reportText + "\n\nIn his opinion, the minister said, the route was safe."}, news.GenreNews, "no genre signal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.a
			if err := New().Process(context.Background(), &a); err != nil {
				t.Fatal(err)
			}
			g := a.Genre
			if g == nil || g.Kind != tt.want {
				t.Fatalf("genre = %+v, want %s", g, tt.want)
			}
			if len(g.Evidence) == 0 || !strings.Contains(strings.ToLower(g.Evidence[0]), strings.ToLower(tt.cause)) {
				t.Errorf("evidence = %q, want it to mention %q", g.Evidence, tt.cause)
			}
			if g.Score <= 0 || g.Score > 1 {
				t.Errorf("score = %v, want in (0, 1]", g.Score)
			}
		})
	}
}

func TestVoice(t *testing.T) {
	op, rep := MeasureVoice(opinionText), MeasureVoice(reportText)
	if op.Score() < opinionVoice {
		t.Errorf("opinion voice score %.2f (%+v), want >= %.2f", op.Score(), op, opinionVoice)
	}
	if rep.Score() >= opinionVoice {
		t.Errorf("report voice score %.2f (%+v), want < %.2f", rep.Score(), rep, opinionVoice)
	}
	if op.Bio == "" {
		t.Error("no biography found in the opinion text")
	}
}

func TestFactual(t *testing.T) {
	for kind, want := range map[string]bool{news.GenreNews: true, news.GenreLive: true, news.GenreOpinion: false, news.GenreLetter: false} {
		if got := (&news.Genre{Kind: kind}).Factual(); got != want {
			t.Errorf("%s: Factual() = %v, want %v", kind, got, want)
		}
	}
	if !(*news.Genre)(nil).Factual() {
		t.Error("no genre layer: Factual() = false, want true")
	}
}

// BenchmarkDecide decides the genre of a 6 KB report with no address or
// headline signal, the path that reads the whole text (furniture rules,
// structure and voice).
func BenchmarkDecide(b *testing.B) {
	a := &news.Article{Text: strings.Repeat(reportText+"\n\n", 6) + opinionText}
	b.SetBytes(int64(len(a.Text)))
	for b.Loop() {
		Decide(a)
	}
}
