package eval

import (
	"testing"

	"sitrep/internal/news"
)

func TestEntityGoldSplits(t *testing.T) {
	arts, ms, err := EntityGold("")
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) < 40 || len(ms) < 600 {
		t.Fatalf("%d articles, %d mentions; want ≥ 40 and ≥ 600", len(arts), len(ms))
	}
	split := map[string]string{}
	for _, a := range arts {
		split[a.ID] = a.Split
	}
	for _, m := range ms {
		if s, ok := split[m.Article]; !ok || s != m.Split {
			t.Fatalf("mention %+v: article split %q", m, s)
		}
	}
	_, test, _ := EntityGold("test")
	_, dev, _ := EntityGold("dev")
	if len(test)+len(dev) != len(ms) || len(test) == 0 || len(dev) == 0 {
		t.Errorf("test %d + dev %d != %d", len(test), len(dev), len(ms))
	}
}

func TestScoreEntities(t *testing.T) {
	text := "Mr Putin met the Kremlin staff in Moscow."
	a := &news.Article{ID: "a1", Text: text, Entities: []news.Mention{
		{Span: news.Span{Start: 3, End: 8}, Text: "Putin", Type: "PER", Entity: "per:putin"},
		{Span: news.Span{Start: 13, End: 24}, Text: "the Kremlin", Type: "GPE", Entity: "gpe:ru"},
		{Span: news.Span{Start: 34, End: 40}, Text: "Moscow", Type: "GPE", Entity: "gpe:ru"},
		{Span: news.Span{Start: 0, End: 2}, Text: "Mr", Type: "PER", Entity: "per:mr"},
	}}
	gold := []GoldMention{
		{Article: "a1", Start: 3, End: 8, Type: "PER", Entity: "per:putin"},
		{Article: "a1", Start: 17, End: 24, Type: "GPE", Entity: "gpe:ru"},
		{Article: "a1", Start: 34, End: 40, Type: "LOC", Entity: "loc:moscow"},
	}
	r := ScoreEntities([]*news.Article{a}, gold)
	// Three of four found spans match ("the" ignored), all three gold
	// found; Moscow has the wrong type and the wrong entity.
	if r.Gold != 3 || r.Found != 4 || r.Matched != 3 || r.TypeRight != 2 || r.LinkExact != 2 || r.LinkMapped != 2 {
		t.Errorf("report %+v", r)
	}
}

// TestSpanFits checks the misfit test on spans that cut words or run past
// the text.
func TestSpanFits(t *testing.T) {
	text := "Kyiv and Moscow, Zelensky's aides."
	cases := []struct {
		start, end int
		want       bool
	}{
		{0, 4, true},    // Kyiv
		{9, 15, true},   // Moscow
		{17, 25, true},  // Zelensky (before 's)
		{1, 4, false},   // yiv: cuts a word
		{9, 14, false},  // Mosco
		{30, 40, false}, // past the end
		{5, 5, false},   // empty
	}
	for _, c := range cases {
		if got := spanFits(text, c.start, c.end); got != c.want {
			t.Errorf("spanFits(%q) = %v, want %v", text[min(c.start, len(text)):min(c.end, len(text))], got, c.want)
		}
	}
}
