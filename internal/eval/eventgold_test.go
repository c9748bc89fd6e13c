package eval

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"sitrep/internal/news"
)

var eventGoldDir = filepath.Join("..", "..", "testdata", "gold", "events")

func loadEventGold(t *testing.T) (dev, test *EventGold) {
	t.Helper()
	dev, err := LoadEventGold(eventGoldDir, LedgerDev)
	if err != nil {
		t.Fatal(err)
	}
	test, err = LoadEventGold(eventGoldDir, LedgerTest)
	if err != nil {
		t.Fatal(err)
	}
	return dev, test
}

// TestEventGoldLoads checks the committed gold set loads, validates, is
// as large as the events brief asks and has disjoint halves.
func TestEventGoldLoads(t *testing.T) {
	dev, test := loadEventGold(t)
	ids := map[string]bool{}
	articles, factual := 0, 0
	for _, g := range []*EventGold{dev, test} {
		for _, a := range g.Articles {
			if ids[a.ID] {
				t.Errorf("article %s is in both splits", a.ID)
			}
			ids[a.ID] = true
			articles++
		}
		for _, e := range g.Events {
			if e.Status == "factual" {
				factual++
			}
		}
	}
	t.Logf("%d articles, %d factual events", articles, factual)
	if articles < 60 || factual < 80 {
		t.Errorf("gold set below the minimum: %d articles, %d factual events", articles, factual)
	}
}

// TestEventGoldValidateRejects checks Validate finds each kind of fault.
func TestEventGoldValidateRejects(t *testing.T) {
	dev, _ := loadEventGold(t)
	cases := map[string]func(g *EventGold){
		"unknown type":   func(g *EventGold) { g.Events[0].Type = "parade" },
		"unknown status": func(g *EventGold) { g.Events[0].Status = "maybe" },
		"wrong split":    func(g *EventGold) { g.Events[0].Split = LedgerTest },
		"duplicate":      func(g *EventGold) { g.Events = append(g.Events, g.Events[0]) },
		"outside window": func(g *EventGold) { g.Events[0].Offset = 1 << 30 },
		"raw time code":  func(g *EventGold) { g.Events[0].Time = "P3W" },
		"long trigger":   func(g *EventGold) { g.Events[0].Trigger = "a trigger of many words here" },
		"no article":     func(g *EventGold) { g.Events[0].Article = "nowhere" },
	}
	for name, mutate := range cases {
		g := &EventGold{Split: dev.Split, Articles: dev.Articles, Events: append([]GoldEvent(nil), dev.Events...)}
		mutate(g)
		if err := g.Validate(); err == nil {
			t.Errorf("%s: Validate accepted a faulty gold set", name)
		}
	}
}

// TestEventGoldOffsets checks every trigger sits at its byte offset in
// the corpus text.
func TestEventGoldOffsets(t *testing.T) {
	recs := readWarNews(t)
	texts := map[string]string{}
	for _, r := range recs {
		texts[r.ID] = r.Text
	}
	dev, test := loadEventGold(t)
	for _, g := range []*EventGold{dev, test} {
		if err := g.CheckOffsets(texts); err != nil {
			t.Errorf("%s: %v", g.Split, err)
		}
	}
}

// eventWindow recomputes the annotated prefix of an article (README,
// Selection 5).
func eventWindow(text string) int {
	const w = 1100
	if len(text) <= 1500 {
		return len(text)
	}
	if i := strings.IndexByte(text[w:], '\n'); i >= 0 && i <= 1000 {
		return w + i
	}
	if j := strings.Index(text[w:], ". "); j >= 0 {
		return w + j + 1
	}
	return len(text)
}

// TestEventGoldSelection checks the gold articles, splits and windows are
// exactly what the README's rules give on the corpus and the genre set.
func TestEventGoldSelection(t *testing.T) {
	recs := readWarNews(t)
	genre := map[string]string{}
	f, err := os.Open(filepath.Join("..", "..", "testdata", "gold", "genre", "genre.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var g struct{ ID, Genre string }
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		genre[g.ID] = g.Genre
	}
	var opinion, rest []*warNewsRecord
	for _, r := range recs {
		if len(r.QualityFlags) > 0 || r.MachineTransl || r.NChars < 400 || r.NChars > 8000 {
			continue
		}
		switch genre[r.ID] {
		case "opinion", "analysis":
			opinion = append(opinion, r)
		case "letter":
		default:
			rest = append(rest, r)
		}
	}
	rank := func(g []*warNewsRecord, salt string, n int) []*warNewsRecord {
		sort.Slice(g, func(i, j int) bool { return hashHex(salt+g[i].ID) < hashHex(salt+g[j].ID) })
		return g[:min(n, len(g))]
	}
	want := map[string][3]any{}
	for _, s := range []struct {
		name string
		g    []*warNewsRecord
	}{{"opinion", rank(opinion, "eventgold-v1:", 12)}, {"news", rank(rest, "eventgold-v1:", 50)}} {
		for i, r := range rank(s.g, "eventgold-split:", len(s.g)) {
			want[r.ID] = [3]any{s.name, []string{LedgerDev, LedgerTest}[i%2], eventWindow(r.Text)}
		}
	}
	dev, test := loadEventGold(t)
	got := 0
	for _, g := range []*EventGold{dev, test} {
		for _, a := range g.Articles {
			got++
			if w, ok := want[a.ID]; !ok || w != [3]any{a.Stratum, a.Split, a.AnnotatedBytes} {
				t.Errorf("%s: %s/%s/%d, the rule gives %v (selected %v)", a.ID, a.Stratum, a.Split, a.AnnotatedBytes, w, ok)
			}
		}
	}
	if got != len(want) {
		t.Errorf("%d gold articles, the rule selects %d", got, len(want))
	}
}

// TestEventsScoreArticle scores a made-up article whose spans are known:
// one factual event found with its fields, one found on an irrealis gold
// event, one on a coreferent one (not counted), one with no gold, one
// missed and one past the window.
func TestEventsScoreArticle(t *testing.T) {
	text := "Kazhar shelled Dovria on Monday. If Kazhar attacks again, talks end. The shelling went on. Kazhar met Veldana. Later: a summit."
	at := func(s string) int { return strings.Index(text, s) }
	sent := func(s string) news.Span {
		i := at(s)
		return news.Span{Start: i, End: i + strings.Index(text[i:], ".") + 1}
	}
	a := EventGoldArticle{ID: "made-up", Split: LedgerDev, Stratum: "news", AnnotatedBytes: at("Later")}
	gold := []GoldEvent{
		{Article: a.ID, Offset: at("shelled"), Trigger: "shelled", Type: "strike", Status: "factual", Actors: []string{"Kazhar"}, Place: "Dovria", Time: "2024-W10"},
		{Article: a.ID, Offset: at("attacks"), Trigger: "attacks", Type: "strike", Status: "irrealis"},
		{Article: a.ID, Offset: at("shelling"), Trigger: "shelling", Type: "strike", Status: "coreferent"},
		{Article: a.ID, Offset: at("met"), Trigger: "met", Type: "meeting", Status: "factual"},
	}
	ev := func(s, typ, trig string) news.Event {
		return news.Event{Span: sent(s), Type: typ, Trigger: trig, TriggerSpan: news.Span{Start: at(trig), End: at(trig) + len(trig)}}
	}
	right := ev("Kazhar shelled", "strike", "shelled")
	right.Actors, right.Place, right.Time = []string{"Kazhar"}, "Dovria", "2024-03-04"
	art := &news.Article{Text: text, Events: []news.Event{
		right,
		ev("If Kazhar", "strike", "attacks"),
		ev("If Kazhar", "meeting", "talks"),
		ev("The shelling", "strike", "shelling"),
		ev("Later", "meeting", "summit"),
	}}
	var r EventsReport
	r.ScoreArticle(a, gold, art)
	if r.Gold != 2 || r.Predicted != 3 || r.Right != 1 || r.OnStatus["irrealis"] != 1 || r.NoGold != 1 {
		t.Fatalf("report %+v", r)
	}
	if r.ActorsOK != 1 || r.PlaceOK != 1 || r.TimeOK != 1 || r.TargetOK != 1 || len(r.Misses) != 1 {
		t.Errorf("fields %d %d %d %d, misses %v", r.ActorsOK, r.TargetOK, r.PlaceOK, r.TimeOK, r.Misses)
	}
}

func TestTimeMatch(t *testing.T) {
	for _, c := range []struct {
		got, want string
		ok        bool
	}{
		{"2022-05-01", "2022-05-01", true},
		{"2024-03-04", "2024-W10", true},
		{"2024-03-04/2024-03-10", "2024-W10", true},
		{"2024-03-11", "2024-W10", false},
		{"2022-05", "2022-05-10", false},
		{"", "2022", false},
		{"P3W", "2022-05", false},
		{"2031-06/2031-08", "2031-07", false},
	} {
		if got := TimeMatch(c.got, c.want); got != c.ok {
			t.Errorf("TimeMatch(%q, %q) = %v, want %v", c.got, c.want, got, c.ok)
		}
	}
}
