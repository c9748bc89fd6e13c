package ledger

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/internal/annotate/claim"
	"sitrep/internal/annotate/entity"
	"sitrep/internal/annotate/figure"
	"sitrep/internal/annotate/quantity"
	"sitrep/internal/annotate/sentence"
	"sitrep/internal/annotate/timex"
	"sitrep/internal/news"
)

type stage interface {
	Process(context.Context, *news.Article) error
}

var stages = []stage{sentence.New(), quantity.New(), timex.New(), entity.New(), claim.New(), figure.New()}

func annotate(t testing.TB, a *news.Article) *news.Article {
	t.Helper()
	for _, st := range stages {
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// seeds reads the seed reports (skipping when ../shared is absent), with
// a publication date so that relative times resolve.
func seeds(t *testing.T) map[string]*news.Article {
	return seedsAt(t, time.Date(2024, 10, 20, 0, 0, 0, 0, time.UTC))
}

// seedsAt reads the seed reports published at pub (zero: undated, as
// `sitrep ingest` reads the bare text files).
func seedsAt(t *testing.T, pub time.Time) map[string]*news.Article {
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("seeds not available")
	}
	out := map[string]*news.Article{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)[:3]
		a := &news.Article{ID: name, Text: string(b), Outlet: "seed " + name, Published: pub}
		out[name] = annotate(t, a)
	}
	return out
}

func TestSeedsDump(t *testing.T) {
	if os.Getenv("SEEDS_DUMP") == "" {
		t.Skip("set SEEDS_DUMP=1")
	}
	for k, a := range seeds(t) {
		for _, f := range a.Figures {
			t.Logf("%s %-22s %-30s %-40s %-10s %s", k, f.Text, f.Measure, f.Speaker, f.Hedge, f.Time)
		}
		for _, c := range a.Claims {
			t.Logf("%s claim %-30s %-12s %s", k, c.Speaker, c.Cue, strings.ReplaceAll(c.Content.In(a.Text), "\n", " "))
		}
	}
}

// seedWhat is the structured What of each measure string TestSeeds
// expects.
var seedWhat = map[string]string{"troop": "personnel", "money": "money", "shell": "weapons/ammunition", "missile": "weapons/missiles", "": ""}

// TestSeeds checks the troop and aid figures on the seed reports:
// each value comes out as its own figure with the right speaker.
func TestSeeds(t *testing.T) {
	arts := seeds(t)
	tests := []struct {
		name, seed, text, speaker, measure, hedge string
	}{
		{"battalion per Ukrainian outlets", "000", "3,000-man", "Suspilne and Liga", "troop", ""},
		{"Norway's $90m", "000", "$90m", "Norway", "money", ""},
		{"four countries' $1.5bn", "000", "$1.5bn", "Germany, Belgium, Denmark and Norway", "money", ""},
		{"12 to 20 Mirage jets", "000", "12 to 20", "France", "", ""},
		{"half a million shells", "000", "half a million", "Czech", "shell", "expected"},
		{"15,000 per South Korea", "001", "15,000", "South Korea", "troop", "estimates"},
		{"as many as 12,000", "002", "as many as 12,000", "Zelensky", "troop", ""},
		{"10,000 per Western leaders", "004", "some 10,000", "Western leaders", "troop", "some"},
		{"3,000 at the front per Zelenskyy", "004", "3,000", "Zelensky", "troop", ""},
		{"12,000 expected per Zelenskyy", "004", "12,000", "Zelensky", "troop", "expected"},
		{"500 Patriot and AMRAAM missiles", "004", "500", "", "missile", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := arts[tt.seed]
			var f *news.Figure
			for i := range a.Figures {
				if a.Figures[i].Text == tt.text {
					f = &a.Figures[i]
					break
				}
			}
			if f == nil {
				t.Fatalf("no figure %q in seed %s", tt.text, tt.seed)
			}
			if !strings.Contains(f.Speaker, tt.speaker) {
				t.Errorf("speaker %q, want %q", f.Speaker, tt.speaker)
			}
			// The measure string, or the structured measure's What once
			// the figure stage gives one.
			if !strings.HasPrefix(f.Measure, tt.measure) && (f.What == "" || !strings.HasPrefix(f.What, seedWhat[tt.measure])) {
				t.Errorf("measure %q (what %q), want %q… (what %q)", f.Measure, f.What, tt.measure, seedWhat[tt.measure])
			}
			if tt.hedge != "" && f.Hedge != tt.hedge {
				t.Errorf("hedge %q, want %q", f.Hedge, tt.hedge)
			}
		})
	}
	// The ledger keeps the troop values apart, each with its speaker, and
	// tells Zelenskyy's expectation from a contradiction.
	l := Build([]*news.Article{arts["000"], arts["001"], arts["002"], arts["003"], arts["004"]})
	seen := map[string]string{}
	for _, g := range l.Groups {
		troops := strings.HasPrefix(g.Measure, "troop") && !strings.Contains(g.Measure, "-")
		for _, e := range g.Entries {
			troops = troops || e.Text == "15,000" && e.Speaker == "South Korea"
		}
		if !troops {
			continue
		}
		for _, e := range g.Entries {
			seen[e.Text] = e.Relation
		}
	}
	for _, v := range []string{"3,000-man", "some 10,000", "3,000", "12,000", "15,000"} {
		if _, ok := seen[v]; !ok {
			t.Errorf("troop ledger lacks %q: %v", v, seen)
		}
	}
	if seen["12,000"] == RelContradiction {
		t.Errorf("Zelenskyy's expected 12,000 marked a contradiction")
	}
}

// TestSeedsMeasures checks the ledger's keys on the seeds: the Ukrainian
// army's "over 100,000" deserters share no group with the North Korean
// troop figures, and on undated reports two speakers' different troop
// figures are unknown-time, not contradictions.
func TestSeedsMeasures(t *testing.T) {
	all := func(arts map[string]*news.Article) []*news.Article {
		return []*news.Article{arts["000"], arts["001"], arts["002"], arts["003"], arts["004"]}
	}
	for _, dated := range []bool{true, false} {
		pub := time.Time{}
		if dated {
			pub = time.Date(2024, 10, 20, 0, 0, 0, 0, time.UTC)
		}
		l := Build(all(seedsAt(t, pub)))
		groupOf := map[string]*Group{}
		for gi := range l.Groups {
			for _, e := range l.Groups[gi].Entries {
				groupOf[e.Text] = &l.Groups[gi]
			}
		}
		deserters, troops := groupOf["over 100,000"], groupOf["15,000"]
		if deserters == nil || troops == nil {
			t.Fatalf("dated=%v: no ledger entry for the deserters or South Korea's 15,000", dated)
		}
		if deserters == troops {
			t.Errorf("dated=%v: the deserters share the measure %q with the North Korean troops", dated, troops.Measure)
		}
		if !strings.Contains(deserters.Measure, "desert") {
			t.Errorf("dated=%v: deserters' measure %q does not say they deserted", dated, deserters.Measure)
		}
		for _, v := range []string{"some 10,000", "3,000", "12,000", "3,000-man"} {
			if groupOf[v] != troops {
				t.Errorf("dated=%v: %q is not in the North Korean troop group", dated, v)
			}
		}
		if dated {
			continue
		}
		unknown := 0
		for _, g := range l.Groups {
			for _, e := range g.Entries {
				if e.Time != "" {
					t.Errorf("undated seeds: %q has time %q", e.Text, e.Time)
				}
				if e.Relation == RelContradiction {
					t.Errorf("undated seeds: %q (%s) in %s marked a contradiction", e.Text, e.Speaker, g.Measure)
				}
				if e.Relation == RelUnknownTime {
					unknown++
				}
			}
		}
		if troops.UnknownTime == 0 || unknown == 0 {
			t.Errorf("undated seeds: no unknown-time relation in the troop group %q", troops.Measure)
		}
		if e := troops.Entries; len(e) > 0 {
			for _, x := range e {
				if x.Text == "12,000" && x.Relation != RelEvolution {
					t.Errorf("undated seeds: Zelenskyy's expected 12,000 is %q, want evolution", x.Relation)
				}
			}
		}
	}
}

// TestSeedsGlobalMeasure checks the aim on the seeds: the North
// Korean troop figures 3,000, 10,000, 12,000 and 15,000, reported in
// different seeds by different speakers, fall in one global measure
// (one measure key, which the measure link step groups by) with at least
// four speakers, and its ledger (Line) orders them by time. It needs the
// figure stage's structured measure (Figure.What) and skips without it.
func TestSeedsGlobalMeasure(t *testing.T) {
	arts := seeds(t)
	structured := false
	var all []news.MeasureFigure
	for _, name := range []string{"000", "001", "002", "003", "004"} {
		a := arts[name]
		for i := range a.Figures {
			f := a.Figures[i]
			structured = structured || f.What != ""
			if k := Key(&f); k != "" {
				all = append(all, news.MeasureFigure{Measure: ID(k), Article: a.ID, Index: i, Story: "story-" + name,
					Outlet: a.Outlet, Published: a.Published, Sentence: SentenceOf(a, f.Span), Figure: f})
			}
		}
	}
	if !structured {
		t.Skip("the figure stage gives no structured measure (Figure.What) yet")
	}
	var measure string
	for _, mf := range all {
		if mf.Article == "001" && mf.Figure.Value != nil && *mf.Figure.Value == 15000 {
			measure = mf.Measure
		}
	}
	if measure == "" {
		t.Fatal("no figure of 15,000 with a measure in seed 001")
	}
	var figs []news.MeasureFigure
	speakers := map[string]bool{}
	values := map[float64]bool{}
	for _, mf := range all {
		if mf.Measure != measure {
			continue
		}
		figs = append(figs, mf)
		if v := mf.Figure.Value; v != nil {
			values[*v] = true
		}
		speakers[strings.ToLower(mf.Figure.Speaker)] = true
	}
	for _, v := range []float64{3000, 10000, 12000, 15000} {
		if !values[v] {
			t.Errorf("the North Korean troop measure (key %q) lacks %v: %v", figs[0].Figure.Measure, v, values)
		}
	}
	if len(speakers) < 4 {
		t.Errorf("the North Korean troop measure has %d speakers, want 4: %v", len(speakers), speakers)
	}
	g := Line(news.MeasureDef{ID: measure, Key: figs[0].Figure.Measure}, figs)
	for i := 1; i < len(g.Entries); i++ {
		if firstDate(g.Entries[i].Time) < firstDate(g.Entries[i-1].Time) {
			t.Errorf("entry %d (%s, %s) before entry %d (%s) in time", i, g.Entries[i].Text, g.Entries[i].Time, i-1, g.Entries[i-1].Time)
		}
		if g.Entries[i].Hedge == "expected" && g.Entries[i].Relation == RelContradiction {
			t.Errorf("the expected %s is called a contradiction", g.Entries[i].Text)
		}
	}
}
