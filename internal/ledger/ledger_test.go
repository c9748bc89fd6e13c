package ledger

import (
	"encoding/json"
	"maps"
	"testing"

	"sitrep/internal/news"
)

func fp(v float64) *float64 { return &v }

func art(id, family, story string, figs ...news.Figure) *news.Article {
	return &news.Article{ID: id, Story: story, Figures: figs, Provenance: &news.Provenance{Kind: "original", Family: family}}
}

func fig(text string, v float64, approx, measure, speaker, hedge, time string) news.Figure {
	return news.Figure{Text: text, Value: fp(v), Approx: approx, Measure: measure, Speaker: speaker, SpeakerSpan: named(speaker),
		Hedge: hedge, Time: time, Claim: -1}
}

// named is the span of a speaker the text names: none for the outlet.
func named(speaker string) *news.Span {
	if speaker == "" || speaker == "OUTLET" {
		return nil
	}
	return &news.Span{}
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

// TestOneAttackAndTotal checks that one attack's toll and a total of
// the same number in one story are one group ("killing six" and "left six
// dead"), and a total of another number is not.
func TestOneAttackAndTotal(t *testing.T) {
	l := Build([]*news.Article{
		art("a", "a", "s1", sfig("six", 6, "exact", "", "people|lv|killed||event", news.ScopeEvent, "X", "2031-03-12")),
		art("b", "b", "s1", sfig("six", 6, "exact", "", "people|lv|killed||total", news.ScopeTotal, "Y", "2031-03-12"),
			sfig("9,000", 9000, "exact", "", "people|lv|killed||total", news.ScopeTotal, "Y", "2031-03-12")),
	})
	sizes := map[string]int{}
	for _, g := range l.Groups {
		sizes[g.Measure] = len(g.Entries)
	}
	if want := map[string]int{"people|lv|killed||event": 2, "people|lv|killed||total#1": 1}; !maps.Equal(sizes, want) {
		t.Errorf("groups %v, want %v", sizes, want)
	}
}

// TestFits checks which measures a figure may join although its key
// differs: unstated fields on either side, and one attack's toll beside
// a total, but not another scope or another stated field.
func TestFits(t *testing.T) {
	f := &news.Figure{What: "people", Owner: "lv", Fate: "killed", Scope: news.ScopeTotal}
	for _, c := range []struct {
		def  news.MeasureDef
		want bool
	}{
		{news.MeasureDef{What: "people", Owner: "lv", Fate: "killed", Place: "riga", Scope: news.ScopeTotal}, true},
		{news.MeasureDef{What: "people", Fate: "killed", Place: "riga", Scope: news.ScopeEvent}, true},
		{news.MeasureDef{What: "people", Owner: "lv", Fate: "killed", Scope: news.ScopeIncrement}, false},
		{news.MeasureDef{What: "people", Owner: "no", Fate: "killed", Scope: news.ScopeTotal}, false},
		{news.MeasureDef{What: "personnel", Owner: "lv", Fate: "killed", Scope: news.ScopeTotal}, false},
	} {
		if got := Fits(f, c.def); got != c.want {
			t.Errorf("Fits(%+v) = %v, want %v", c.def, got, c.want)
		}
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

// sfig is a figure with a structured measure.
func sfig(text string, v float64, approx, unit, key, scope, speaker, time string) news.Figure {
	return news.Figure{Text: text, Value: fp(v), Approx: approx, Unit: unit, Measure: key, What: "x", Scope: scope,
		Speaker: speaker, SpeakerSpan: named(speaker), Time: time, Claim: -1}
}

func ip(i int) *int { return &i }

// vague makes f a vague count of at least low ("dozens").
func vague(f news.Figure, low float64) news.Figure {
	f.Value, f.Low = nil, fp(low)
	return f
}

// speaks gives f the entity of its speaker.
func speaks(f news.Figure, entity string) news.Figure {
	f.SpeakerEntity = entity
	return f
}

func TestStructuredRelations(t *testing.T) {
	part := sfig("300", 300, "at_least", "", "personnel|ab|wounded", news.ScopePart, "OUTLET", "2031-03-12")
	part.Whole = ip(0)
	inc := sfig("€500m", 5e8, "exact", "EUR", "money|ab|pledged", news.ScopeIncrement, "OUTLET", "2031-03-12")
	inc.Whole = ip(1)
	tests := []struct {
		name     string
		articles []*news.Article
		want     []string // relation of each entry, in time order, over all groups
	}{
		{"at least 10,000 agrees with 11,000", []*news.Article{
			art("a", "a", "", sfig("at least 10,000", 10000, "at_least", "", "personnel|kp|deployed", "total", "Pentagon", "2031-03-12")),
			art("b", "b", "", sfig("11,000", 11000, "exact", "", "personnel|kp|deployed", "total", "Kyiv", "2031-03-12")),
		}, []string{RelFirst, RelAgrees}},
		{"up to 12,000 agrees with 3,000", []*news.Article{
			art("a", "a", "", sfig("up to 12,000", 12000, "up_to", "", "personnel|kp|deployed", "total", "Kyiv", "2031-03-12")),
			art("b", "b", "", sfig("3,000", 3000, "exact", "", "personnel|kp|deployed", "total", "Seoul", "2031-03-12")),
		}, []string{RelFirst, RelAgrees}},
		{"a conversion agrees", []*news.Article{
			art("a", "a", "", sfig("$61bn", 61e9, "exact", "USD", "money|us|approved", "total", "OUTLET", "2031-03-12"),
				sfig("£49bn", 49e9, "exact", "GBP", "money|us|approved", "total", "OUTLET", "2031-03-12")),
		}, []string{RelFirst, RelAgrees}},
		{"incompatible totals of two speakers the same month contradict", []*news.Article{
			art("a", "a", "", sfig("3,000", 3000, "exact", "", "personnel|kp|deployed", "total", "Seoul", "2031-03")),
			art("b", "b", "", sfig("12,000", 12000, "exact", "", "personnel|kp|deployed", "total", "Kyiv", "2031-03-01/2031-03-15")),
		}, []string{RelFirst, RelContradiction}},
		{"a measure that says neither whose nor where cannot contradict", []*news.Article{
			art("a", "a", "", sfig("seven", 7, "exact", "", "people||killed||total", "total", "Kyiv", "2031-03")),
			art("b", "b", "", sfig("three", 3, "exact", "", "people||killed||total", "total", "Moscow", "2031-03")),
		}, []string{RelFirst, RelUnrelated}},
		{"nor evolve", []*news.Article{
			art("a", "a", "", sfig("30", 30, "exact", "", "countries||||total", "total", "Kyiv", "2031-02")),
			art("b", "b", "", sfig("two", 2, "exact", "", "countries||||total", "total", "Moscow", "2031-03-12")),
		}, []string{RelFirst, RelUnrelated}},
		{"a located measure can", []*news.Article{
			art("a", "a", "", sfig("seven", 7, "exact", "", "people|ab|killed||total", "total", "Kyiv", "2031-03")),
			art("b", "b", "", sfig("three", 3, "exact", "", "people|ab|killed||total", "total", "Moscow", "2031-03")),
		}, []string{RelFirst, RelContradiction}},
		{"a measure that says nothing of what happened cannot contradict", []*news.Article{
			art("a", "a", "", sfig("3,000", 3000, "exact", "", "personnel|ab|||total", "total", "Seoul", "2031-03")),
			art("b", "b", "", sfig("12,000", 12000, "exact", "", "personnel|ab|||total", "total", "Kyiv", "2031-03")),
		}, []string{RelFirst, RelUnrelated}},
		{"the outlet's own value beside a source's does not contradict it", []*news.Article{
			art("a", "a", "", sfig("5.7 million", 5.7e6, "exact", "", "refugees|ab|fled", "total", "OUTLET", "2031-03-12")),
			art("b", "b", "", sfig("2.5 million", 2.5e6, "exact", "", "refugees|ab|fled", "total", "Warsaw", "2031-03-12")),
		}, []string{RelFirst, RelEvolution}},
		{"one actor under two names does not contradict itself", []*news.Article{
			art("a", "a", "", speaks(sfig("dozens", 36, "about", "", "buildings|ab|damaged", "total", "the governor", "2031-03-12"), "per:gladkov")),
			art("b", "b", "", speaks(sfig("11", 11, "exact", "", "buildings|ab|damaged", "total", "Gladkov", "2031-03-12"), "per:gladkov")),
		}, []string{RelFirst, RelEvolution}},
		{"a vague count does not contradict a number", []*news.Article{
			art("a", "a", "", vague(sfig("dozens", 0, "vague", "", "buildings|ab|damaged", "total", "the governor", "2031-03-12"), 24)),
			art("b", "b", "", sfig("11", 11, "exact", "", "buildings|ab|damaged", "total", "Gladkov", "2031-03-12")),
		}, []string{RelFirst, RelEvolution}},
		{"a vague count agrees with a number of its order of magnitude", []*news.Article{
			art("a", "a", "", vague(sfig("thousands", 0, "vague", "", "personnel|kp", "total", "Kyiv", "2031-03-12"), 2000)),
			art("b", "b", "", sfig("8,000", 8000, "exact", "", "personnel|kp", "total", "Seoul", "2031-03-12")),
		}, []string{RelFirst, RelAgrees}},
		{"a vague count does not agree with a number far above it", []*news.Article{
			art("a", "a", "", vague(sfig("thousands", 0, "vague", "", "personnel|kp", "total", "Kyiv", "2031-03-12"), 2000)),
			art("b", "b", "", sfig("1.3 million", 1.3e6, "exact", "", "personnel|kp", "total", "Seoul", "2031-03-12")),
		}, []string{RelFirst, RelEvolution}},
		{"a vague count does not reach the next order of magnitude", []*news.Article{
			art("a", "a", "", vague(sfig("a few thousand", 0, "vague", "", "personnel|kp", "total", "Kyiv", "2031-03-12"), 2000)),
			art("b", "b", "", sfig("more than 20,000", 20000, "more_than", "", "personnel|kp", "total", "Seoul", "2031-03-12")),
		}, []string{RelFirst, RelEvolution}},
		{"totals dated only by their year do not contradict", []*news.Article{
			art("a", "a", "", sfig("3,000", 3000, "exact", "", "personnel|kp|deployed", "total", "Seoul", "2031")),
			art("b", "b", "", sfig("12,000", 12000, "exact", "", "personnel|kp|deployed", "total", "Kyiv", "2031-03-12")),
		}, []string{RelFirst, RelEvolution}},
		{"totals dated only by their quarter do not contradict", []*news.Article{
			art("a", "a", "", sfig("3,000", 3000, "exact", "", "personnel|kp|deployed", "total", "Seoul", "2031-Q1")),
			art("b", "b", "", sfig("12,000", 12000, "exact", "", "personnel|kp|deployed", "total", "Kyiv", "2031-Q1")),
		}, []string{RelFirst, RelEvolution}},
		{"a count more than ten times another does not contradict it", []*news.Article{
			art("a", "a", "", sfig("15", 15, "exact", "", "tanks|ru|destroyed", "total", "Kyiv", "2031-03-12")),
			art("b", "b", "", sfig("3,552", 3552, "exact", "", "tanks|ru|destroyed", "total", "Warsaw", "2031-03-12")),
		}, []string{RelFirst, RelEvolution}},
		{"the same totals a month apart evolve", []*news.Article{
			art("a", "a", "", sfig("3,000", 3000, "exact", "", "personnel|kp|deployed", "total", "Seoul", "2031-02")),
			art("b", "b", "", sfig("12,000", 12000, "exact", "", "personnel|kp|deployed", "total", "Kyiv", "2031-03-12")),
		}, []string{RelFirst, RelEvolution}},
		{"two increments the same day are not a contradiction", []*news.Article{
			art("a", "a", "", sfig("€500m", 5e8, "exact", "EUR", "money|ab|pledged|increment", "increment", "Berlin", "2031-03-12")),
			art("b", "b", "", sfig("€200m", 2e8, "exact", "EUR", "money|ab|pledged|increment", "increment", "Paris", "2031-03-12")),
		}, []string{RelFirst, RelEvolution}},
		{"a part of the whole, one measure key", []*news.Article{
			art("a", "a", "", sfig("4,000", 4000, "exact", "", "personnel|ab|wounded", "total", "OUTLET", "2031-03-12"), part),
		}, []string{RelFirst, RelPartOf}},
		{"an increment and its total", []*news.Article{
			art("a", "a", "", sfig("€1.2bn", 1.2e9, "exact", "EUR", "money|ab|pledged", "total", "OUTLET", "2031-03-11"),
				sfig("€1.7bn", 1.7e9, "exact", "EUR", "money|ab|pledged", "total", "OUTLET", "2031-03-12"), inc),
		}, []string{RelFirst, RelEvolution, RelIncrement}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, g := range Build(tt.articles).Groups {
				for _, e := range g.Entries {
					got = append(got, e.Relation)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("relations %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("relations %v, want %v", got, tt.want)
					break
				}
			}
		})
	}
}

func TestPair(t *testing.T) {
	whole := sfig("4,000", 4000, "exact", "", "personnel|ab|deployed", "total", "Seoul", "2031-03-12")
	part := sfig("300", 300, "at_least", "", "personnel|ab|wounded", news.ScopePart, "OUTLET", "2031-03-12")
	part.Whole = ip(0)
	a := art("a", "a", "s1", whole, part)
	b := art("b", "b", "s2", sfig("5,000", 5000, "exact", "", "personnel|ab|deployed", "total", "Kyiv", "2031-03-12"),
		sfig("€5m", 5e6, "exact", "EUR", "money|ab|pledged", "total", "Kyiv", "2031-03-12"))
	for _, c := range []struct {
		name string
		i, j int
		a, b *news.Article
		want string
	}{
		{"part of its whole", 0, 1, a, a, RelPartOf},
		{"whole of its part", 1, 0, a, a, RelPartOf},
		{"other measure", 1, 1, a, b, RelUnrelated},
		{"same measure across stories", 0, 0, a, b, RelContradiction},
		{"money beside troops", 0, 1, a, b, RelUnrelated},
	} {
		same := Keys(c.a)[c.i] == Keys(c.b)[c.j]
		if got := Pair(c.a, c.i, c.b, c.j, same); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

func TestLine(t *testing.T) {
	def := news.MeasureDef{ID: ID("personnel|kp|deployed"), Key: "personnel|kp|deployed", Label: "North Korean troops deployed"}
	mf := func(article, story, family string, f news.Figure) news.MeasureFigure {
		return news.MeasureFigure{Measure: def.ID, Article: article, Story: story, Family: family, Sentence: "s " + f.Text, Figure: f}
	}
	figs := []news.MeasureFigure{
		mf("c", "s3", "c", sfig("15,000", 15000, "exact", "", def.Key, "total", "South Korea", "2031-09-01")),
		mf("a", "s1", "a", sfig("3,000", 3000, "exact", "", def.Key, "total", "Kyiv", "2031-03-01")),
		mf("b", "s2", "a", sfig("3,000", 3000, "exact", "", def.Key, "total", "Kyiv", "2031-03-01")),
		mf("d", "s2", "d", sfig("10,000", 10000, "about", "", def.Key, "total", "Western officials", "2031-04-01")),
	}
	g := Line(def, figs)
	var texts, rels []string
	for _, e := range g.Entries {
		texts = append(texts, e.Text+"/"+e.Speaker)
		rels = append(rels, e.Relation)
	}
	want := []string{"3,000/Kyiv", "10,000/Western officials", "15,000/South Korea"}
	if len(texts) != 3 || texts[0] != want[0] || texts[1] != want[1] || texts[2] != want[2] {
		t.Fatalf("entries %v, want %v", texts, want)
	}
	if rels[1] != RelEvolution || rels[2] != RelEvolution {
		t.Errorf("relations %v, want evolutions", rels)
	}
	if e := g.Entries[0]; e.Sources != 1 || len(e.Articles) != 2 || e.Sentence != "s 3,000" {
		t.Errorf("copies of one report: %+v, want 2 articles, 1 source and the sentence", e)
	}
	if g.Label != def.Label {
		t.Errorf("label %q, want %q", g.Label, def.Label)
	}
}

func TestKeys(t *testing.T) {
	const k = "people|ua|||share"
	expected := sfig("12,000", 12000, "exact", "", k, "share", "Pollster", "2031-03-12")
	expected.Hedge = "expected"
	a := art("a", "a", "",
		sfig("87%", 87, "exact", "percent", k, "share", "Pollster", "2031-03-12"),
		sfig("9%", 9, "exact", "percent", k, "share", "Pollster", "2031-03"),            // another question: split
		sfig("80%", 80, "exact", "percent", k, "share", "Ministry", "2031-03-12"),       // another speaker: kept
		sfig("about 90%", 90, "about", "percent", k, "share", "Pollster", "2031-03-12"), // compatible: kept
		sfig("60%", 60, "exact", "percent", k, "share", "Pollster", "2030-03-12"),       // another time: kept
		expected, // an expectation: kept
		sfig("5%", 5, "exact", "percent", "", "share", "Pollster", "2031-03-12"), // no key
	)
	got := Keys(a)
	want := []string{k, k + "#1", k, k, k, k, ""}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("figure %d (%s): key %q, want %q", i, a.Figures[i].Text, got[i], want[i])
		}
	}
	if r := Pair(a, 0, a, 1, got[0] == got[1]); r != RelUnrelated {
		t.Errorf("Pair of two poll questions = %q, want unrelated", r)
	}
}
