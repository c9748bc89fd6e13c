package measuretest

import (
	"context"
	"fmt"
	"testing"

	"sitrep/internal/news"
)

// OldFigure is a figure as the measure step stored it in measure_figures
// before schema 11 kept the measures' aggregates by deltas.
type OldFigure struct {
	Seq, Idx                            int
	Measure, Story, Speaker, Text, Time string
}

// Old is what an upgrade test writes at schema 10: the figures of the
// articles a1, a2 and a3 (seq 1, 2, 3) under the measures m1 and m2, and
// each measure's listed values and speakers as the step stored them; the
// counts come from OldRecount.
var Old = struct {
	Figures []OldFigure
	Listed  map[string]string
}{
	Figures: []OldFigure{
		{1, 0, "m1", "s1", "Kazhar MoD", "3,000", "2031-03-02"},
		{1, 1, "m2", "", "", "$2m", ""},
		{2, 0, "m1", "s1", "KAZHAR MOD", "3,000", "2031-03-01"},
		{2, 1, "m1", "s2", "Wire", "4,000", "2031-03-05"},
		{3, 0, "m1", "", "kazhar mod", "5,000", ""},
	},
	Listed: map[string]string{
		"m1": `{"values":["5,000","3,000","4,000"],"speakers":["KAZHAR MOD","Wire"]}`,
		"m2": `{"values":["$2m"],"speakers":[""]}`,
	},
}

// OldRecount is the recount of every measure the step ran before schema
// 11 (in both dialects).
const OldRecount = `UPDATE measures SET figures = c.figures, articles = c.articles, stories = c.stories,
		speakers = c.speakers, first_time = c.first_time, last_time = c.last_time
	FROM (SELECT f.measure, COUNT(*) AS figures, COUNT(DISTINCT f.seq) AS articles,
		COUNT(DISTINCT NULLIF(f.story, '')) AS stories, COUNT(DISTINCT LOWER(f.speaker)) AS speakers,
		COALESCE(MIN(NULLIF(f.time, '')), '') AS first_time, MAX(f.time) AS last_time
		FROM measure_figures f GROUP BY f.measure) AS c
	WHERE measures.id = c.measure`

// CheckUpgraded checks a store upgraded from Old: its aggregates agree
// with a recount, and recording an article again updates them from there.
func CheckUpgraded(t *testing.T, s Checked) {
	ctx := context.Background()
	diffs, err := s.CheckMeasures(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diffs {
		t.Errorf("after the upgrade: %s", d)
	}
	// The article that held the earliest 3,000 and the least spelling
	// of the Kazhar MoD reports something else now.
	if err := s.RequeueMeasures(ctx, []string{"a2"}); err != nil {
		t.Fatal(err)
	}
	rec := news.MeasureRecord{Article: "a2", Measures: []news.MeasureDef{{ID: "m1"}}, Figures: []news.MeasureFigure{
		{Measure: "m1", Article: "a2", Story: "s3", Figure: news.Figure{Text: "6,000", Speaker: "Wire", Time: "2031-03-07", Claim: -1}}}}
	if err := s.RecordMeasures(ctx, rec); err != nil {
		t.Fatal(err)
	}
	if diffs, err = s.CheckMeasures(ctx); err != nil {
		t.Fatal(err)
	}
	for _, d := range diffs {
		t.Errorf("after recording a2 again: %s", d)
	}
	m, _, err := s.Measure(ctx, "m1")
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprintln(m.Figures, m.Articles, m.Stories, m.Speakers, m.First, m.Last, m.Values, m.SpeakerNames); got != "3 3 2 2 2031-03-02 2031-03-07 [5,000 3,000 6,000] [Kazhar MoD Wire]\n" {
		t.Errorf("m1 after recording a2 again: %s", got)
	}
}
