package ledger

import (
	"encoding/json"
	"testing"

	"sitrep/internal/news"
)

func fp(v float64) *float64 { return &v }

func art(id, family, story string, figs ...news.Figure) *news.Article {
	return &news.Article{ID: id, Story: story, Figures: figs, Provenance: &news.Provenance{Kind: "original", Family: family}}
}

func fig(text string, v float64, approx, measure, speaker, hedge, time string) news.Figure {
	return news.Figure{Text: text, Value: fp(v), Approx: approx, Measure: measure, Speaker: speaker, Hedge: hedge, Time: time, Claim: -1}
}

func TestRelations(t *testing.T) {
	tests := []struct {
		name     string
		articles []*news.Article
		want     []string // relation of each entry of the first group
		sources  []int
	}{
		{"contradiction: two speakers, same day", []*news.Article{
			art("a", "a", "", fig("3,000", 3000, "exact", "troop|kz", "Korinsky", "", "2031-03-12")),
			art("b", "b", "", fig("no more than 400", 400, "at_most", "troop|kz", "Kazhar MoD", "", "2031-03-12")),
		}, []string{RelFirst, RelContradiction}, []int{1, 1}},
		{"evolution: expectation beside a count", []*news.Article{
			art("a", "a", "", fig("3,000", 3000, "exact", "troop|kp|ru", "Zelenskyy", "", "2024-10-15"),
				fig("12,000", 12000, "exact", "troop", "Zelenskyy", "expected", "2024-10-15")),
		}, []string{RelFirst, RelEvolution}, []int{1, 1}},
		{"evolution: a year later", []*news.Article{
			art("a", "a", "", fig("3,000", 3000, "exact", "troop|kp", "Zelenskyy", "", "2024-10-15")),
			art("b", "b", "", fig("15,000", 15000, "exact", "troop|kp", "South Korea", "", "2025-10-15")),
		}, []string{RelFirst, RelEvolution}, []int{1, 1}},
		{"unknown-time: two speakers, no times", []*news.Article{
			art("a", "a", "", fig("3,000", 3000, "exact", "troop|kz", "Korinsky", "", "")),
			art("b", "b", "", fig("no more than 400", 400, "at_most", "troop|kz", "Kazhar MoD", "", "")),
		}, []string{RelFirst, RelUnknownTime}, []int{1, 1}},
		{"unknown-time: one time unknown", []*news.Article{
			art("a", "a", "", fig("3,000", 3000, "exact", "troop|kz", "Korinsky", "", "2031-03-12")),
			art("b", "b", "", fig("no more than 400", 400, "at_most", "troop|kz", "Kazhar MoD", "", "")),
		}, []string{RelFirst, RelUnknownTime}, []int{1, 1}},
		{"evolution: same speaker, no times", []*news.Article{
			art("a", "a", "", fig("3,000", 3000, "exact", "troop|kz", "Korinsky", "", "")),
			art("b", "b", "", fig("5,000", 5000, "exact", "troop|kz", "Korinsky", "", "")),
		}, []string{RelFirst, RelEvolution}, []int{1, 1}},
		{"agreement within the approximation", []*news.Article{
			art("a", "a", "", fig("about 10,000", 10000, "about", "troop|kp", "NATO", "", "2024-10-20")),
			art("b", "b", "", fig("10,500", 10500, "exact", "troop|kp", "Pentagon", "", "2024-10-21")),
		}, []string{RelFirst, RelAgrees}, []int{1, 1}},
		{"copies count once per family", []*news.Article{
			art("a", "a", "", fig("3,000", 3000, "exact", "troop|kp", "Zelenskyy", "", "2024-10-15")),
			art("b", "a", "", fig("3,000", 3000, "exact", "troop|kp", "Zelenskyy", "", "2024-10-15")),
			art("c", "c", "", fig("3,000", 3000, "exact", "troop|kp", "Zelenskyy", "", "2024-10-15")),
		}, []string{RelFirst}, []int{2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Build(tt.articles)
			if len(l.Groups) != 1 {
				t.Fatalf("%d groups, want 1: %+v", len(l.Groups), l.Groups)
			}
			es := l.Groups[0].Entries
			if len(es) != len(tt.want) {
				t.Fatalf("%d entries, want %d: %+v", len(es), len(tt.want), es)
			}
			for i, e := range es {
				if e.Relation != tt.want[i] {
					t.Errorf("entry %d (%s) relation %q, want %q", i, e.Text, e.Relation, tt.want[i])
				}
				if e.Sources != tt.sources[i] {
					t.Errorf("entry %d (%s) sources %d, want %d", i, e.Text, e.Sources, tt.sources[i])
				}
			}
		})
	}
}

func TestStoriesAndMeasuresApart(t *testing.T) {
	l := Build([]*news.Article{
		art("a", "a", "s1", fig("3,000", 3000, "exact", "troop|kp", "X", "", "2024-10-15"),
			fig("six", 6, "exact", "person-killed|ua", "Y", "", "2024-10-15")),
		art("b", "b", "s2", fig("3,000", 3000, "exact", "troop|kp", "X", "", "2024-10-15")),
	})
	if len(l.Groups) != 3 {
		t.Errorf("%d groups, want 3 (two stories, two measures)", len(l.Groups))
	}
	if _, err := json.Marshal(l); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkBuild(b *testing.B) {
	var arts []*news.Article
	for i := range 200 {
		id := string(rune('a'+i%26)) + string(rune('a'+i/26))
		arts = append(arts, art(id, id, "", fig("3,000", float64(3000+i%7*1000), "exact", "troop|kp", "S"+id[:1], "", "2024-10-15"),
			fig("$90m", 9e7, "exact", "money|no", "Norway", "", "2024-10-14")))
	}
	b.ResetTimer()
	for b.Loop() {
		Build(arts)
	}
}
