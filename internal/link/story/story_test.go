package story

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"sitrep/internal/news"
)

func TestTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"North Korean troops arrived", []string{"north", "korean", "troop", "arrived"}},
		{"Russia's casualties and the strikes", []string{"russia", "casualty", "strike"}},
		{"He said it was in Kyiv", []string{"kyiv"}},
		{"The press and its trucks", []string{"press", "truck"}},
		{"Zelenskyy’s 3,000 troops", []string{"zelenskyy", "troop"}},
	}
	for _, tt := range tests {
		if got := Terms(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func day(d int) time.Time { return time.Date(2031, 3, d, 12, 0, 0, 0, time.UTC) }

// article builds an annotated article: title, text, publication day (0:
// undated), entity IDs and provenance family.
func article(id, title, text string, d int, family string, entities ...string) *news.Article {
	a := &news.Article{ID: id, Title: title, Text: text}
	if d > 0 {
		a.Published = day(d)
	}
	for _, e := range entities {
		a.Entities = append(a.Entities, news.Mention{Entity: e, Text: e})
	}
	if family != "" {
		a.Provenance = &news.Provenance{Kind: "original", Family: family}
	}
	return a
}

const (
	quake1 = "A strong earthquake struck the coastal city of Velmar, collapsing buildings and killing at least forty people, rescue officials said."
	quake2 = "Rescuers in Velmar searched collapsed buildings after the earthquake killed forty people in the coastal city."
	vote   = "Parliament approved the budget after a long debate over pensions and taxes, with the ruling party winning the vote."
)

func TestStep(t *testing.T) {
	tests := []struct {
		name     string
		articles []*news.Article
		// same lists groups of IDs that must share a story; apart lists
		// pairs that must not.
		same  [][]string
		apart [][2]string
	}{
		{
			name: "one event told twice, another event apart",
			articles: []*news.Article{
				article("a", "Earthquake kills forty in Velmar", quake1, 10, "", "loc:velmar"),
				article("b", "Velmar earthquake: rescuers search rubble", quake2, 10, "", "loc:velmar"),
				article("c", "Parliament passes budget", vote, 11, "", "org:parliament"),
			},
			same:  [][]string{{"a", "b"}},
			apart: [][2]string{{"a", "c"}},
		},
		{
			name: "the same words a month later are another story",
			articles: []*news.Article{
				article("a", "Earthquake kills forty in Velmar", quake1, 1, "", "loc:velmar"),
				article("b", "Velmar earthquake: rescuers search rubble", quake2, 28, "", "loc:velmar"),
			},
			apart: [][2]string{{"a", "b"}},
		},
		{
			name: "a provenance family stays together whatever its words",
			articles: []*news.Article{
				article("a", "Earthquake kills forty in Velmar", quake1, 10, "a", "loc:velmar"),
				article("b", "Parliament passes budget", vote, 11, "a", "org:parliament"),
			},
			same: [][]string{{"a", "b"}},
		},
		{
			name: "a copy published months later starts another story",
			articles: []*news.Article{
				article("a", "Earthquake kills forty in Velmar", quake1, 1, "a", "loc:velmar"),
				article("b", "Earthquake kills forty in Velmar", quake1, 20, "a", "loc:velmar"),
				article("c", "Earthquake kills forty in Velmar", quake1, 120, "a", "loc:velmar"),
			},
			same:  [][]string{{"a", "b"}},
			apart: [][2]string{{"a", "c"}},
		},
		{
			name: "an undated report joins by its words",
			articles: []*news.Article{
				article("a", "Earthquake kills forty in Velmar", quake1, 10, "", "loc:velmar"),
				article("c", "Parliament passes budget", vote, 10, "", "org:parliament"),
				article("b", "Velmar earthquake: rescuers search rubble", quake2, 0, "", "loc:velmar"),
			},
			same:  [][]string{{"a", "b"}},
			apart: [][2]string{{"b", "c"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMemory(tt.articles)
			n, err := New(m, Options{}).Link(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if n != len(tt.articles) {
				t.Errorf("linked %d articles, want %d", n, len(tt.articles))
			}
			got := m.Assignments()
			for _, a := range tt.articles {
				if a.Story == "" || a.Story != got[a.ID] {
					t.Errorf("%s: Article.Story %q, recorded %q", a.ID, a.Story, got[a.ID])
				}
			}
			for _, g := range tt.same {
				for _, id := range g[1:] {
					if got[id] != got[g[0]] {
						t.Errorf("%s in story %s, %s in %s: want one story", g[0], got[g[0]], id, got[id])
					}
				}
			}
			for _, p := range tt.apart {
				if got[p[0]] == got[p[1]] {
					t.Errorf("%s and %s share story %s", p[0], p[1], got[p[0]])
				}
			}
			// Nothing is pending: a second run does nothing.
			if n, err := New(m, Options{}).Link(context.Background()); err != nil || n != 0 {
				t.Errorf("second run: %d, %v", n, err)
			}
		})
	}
}

func TestStoryState(t *testing.T) {
	arts := []*news.Article{
		article("a", "Earthquake kills forty in Velmar", quake1, 10, "", "loc:velmar"),
		article("b", "Velmar earthquake: rescuers search rubble", quake2, 12, "", "loc:velmar"),
	}
	m := NewMemory(arts)
	if _, err := New(m, Options{TopTerms: 5}).Link(context.Background()); err != nil {
		t.Fatal(err)
	}
	s, err := m.StoryState(context.Background(), "a")
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles != 2 || !s.First.Equal(day(10)) || !s.Last.Equal(day(12)) || s.Title != arts[0].Title {
		t.Errorf("state = %d articles, %v–%v, %q", s.Articles, s.First, s.Last, s.Title)
	}
	if len(s.Terms) != 5 || s.Terms["velmar"] == 0 || s.Entities["loc:velmar"] != 2 || s.TermNorm <= 0 {
		t.Errorf("centroid = %v %v norm %g", s.Terms, s.Entities, s.TermNorm)
	}
	enc, err := s.EncodeCentroid()
	if err != nil {
		t.Fatal(err)
	}
	back := State{ID: s.ID}
	if err := back.DecodeCentroid(enc); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Terms, s.Terms) || back.TermNorm != s.TermNorm || back.EntityNorm != s.EntityNorm {
		t.Errorf("centroid does not round-trip: %s", enc)
	}
}

func BenchmarkStep(b *testing.B) {
	texts := []string{quake1, quake2, vote}
	var arts []*news.Article
	for i := range 500 {
		arts = append(arts, article(fmt.Sprint(i), fmt.Sprintf("Report %d on event %d", i, i%40),
			texts[i%3]+fmt.Sprintf(" Event%d in place%d.", i%40, i%17), 1+i%28, "", fmt.Sprintf("loc:%d", i%17)))
	}
	b.ReportAllocs()
	for b.Loop() {
		m := NewMemory(arts)
		if _, err := New(m, Options{}).Link(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
