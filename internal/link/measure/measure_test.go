package measure

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"sitrep/internal/ledger"
	"sitrep/internal/news"
)

func TestRecord(t *testing.T) {
	v := 3000.0
	a := &news.Article{ID: "a", Story: "s1", Outlet: "Wire", Published: time.Date(2031, 3, 1, 0, 0, 0, 0, time.UTC),
		Text:      "Kazhar sent 3,000 troops. Three more came. Kazhar sent 3,000 troops again.",
		Sentences: []news.Sentence{{Span: news.Span{Start: 0, End: 25}}, {Span: news.Span{Start: 26, End: 41}}, {Span: news.Span{Start: 42, End: 74}}},
		Figures: []news.Figure{
			{Span: news.Span{Start: 12, End: 17}, Text: "3,000", Value: &v, Measure: "personnel|kz|deployed", Label: "Kazhar troops deployed", Unit: "troop"},
			{Span: news.Span{Start: 26, End: 31}, Text: "Three", Value: &v},
			{Span: news.Span{Start: 55, End: 60}, Text: "3,000", Value: &v, Measure: "personnel|kz|deployed"},
		}}
	d := news.MeasureDef{ID: ledger.ID("personnel|kz|deployed"), Key: "personnel|kz|deployed", Label: "Kazhar troops deployed"}
	rec := Record(a, []news.MeasureDef{d, {}, d})
	if len(rec.Measures) != 1 || rec.Measures[0].ID != ledger.ID("personnel|kz|deployed") || rec.Measures[0].Label != "Kazhar troops deployed" {
		t.Errorf("measures = %+v, want the one troop measure with its label", rec.Measures)
	}
	if len(rec.Figures) != 2 {
		t.Fatalf("figures = %+v, want the two with a measure", rec.Figures)
	}
	f := rec.Figures[1]
	if f.Index != 2 || f.Family != "a" || f.Story != "s1" || f.Sentence != "Kazhar sent 3,000 troops again." || f.Outlet != "Wire" {
		t.Errorf("second figure = %+v", f)
	}
}

// knownIndex is an Index holding the measures a test gives it.
type knownIndex struct {
	Index
	defs map[string]news.MeasureDef
}

func (k knownIndex) MeasureDefs(_ context.Context, ids []string) ([]news.MeasureDef, error) {
	var out []news.MeasureDef
	for _, id := range ids {
		if d, ok := k.defs[id]; ok {
			out = append(out, d)
		}
	}
	return out, nil
}

func (k knownIndex) MeasuresLike(context.Context, news.MeasureQuery, int) ([]news.MeasureDef, error) {
	return nil, nil
}

// TestResolveKeepsUnstatedMeasuresLocal checks that a measure stating no
// owner, fate or place ("500 people") stays the article's own, while a
// stated one ("North Korean troops deployed") is shared across articles.
func TestResolveKeepsUnstatedMeasuresLocal(t *testing.T) {
	v, w := 500.0, 12000.0
	a := &news.Article{ID: "b", Text: "Some 500 people gathered. 12,000 North Korean troops were sent.",
		Figures: []news.Figure{
			{Span: news.Span{Start: 5, End: 8}, Text: "500", Value: &v, What: "people", Scope: news.ScopeTotal, Measure: "people||||total"},
			{Span: news.Span{Start: 26, End: 32}, Text: "12,000", Value: &w, What: "personnel", Owner: "kp", Fate: "deployed", Scope: news.ScopeTotal, Measure: "personnel|kp|deployed||total"},
		}}
	troops := news.MeasureDef{ID: ledger.ID("personnel|kp|deployed||total"), Key: "personnel|kp|deployed||total", What: "personnel", Owner: "kp", Fate: "deployed"}
	people := news.MeasureDef{ID: ledger.ID("people||||total"), Key: "people||||total", What: "people"}
	got, err := Resolve(context.Background(), knownIndex{defs: map[string]news.MeasureDef{troops.ID: troops}}, a)
	if err != nil {
		t.Fatal(err)
	}
	if got[1].ID != troops.ID {
		t.Errorf("troops measure = %+v, want the shared %s", got[1], troops.ID)
	}
	if p := got[0]; p.ID == people.ID || p.Key != "people||||total@b" {
		t.Errorf("people measure = %+v, want the article's own (key people||||total@b)", p)
	}
}

// TestResolveKeepsVagueMeasuresLocal checks that a measure stating whose
// but neither what happened nor where ("Russian troops": an army, a
// garrison, a unit) stays the article's own, also when its fate is an
// open verb the key does not hold, and that a figure of the article that
// repeats its number without naming the owner joins that same measure.
func TestResolveKeepsVagueMeasuresLocal(t *testing.T) {
	v, w := 21.0, 3000.0
	a := &news.Article{ID: "d", Text: "Of these, 21 were military. Russia's 21 military events rose; 3,000 Russian troops were trained.",
		Figures: []news.Figure{
			{Span: news.Span{Start: 10, End: 12}, Text: "21", Value: &v, What: "events", Scope: news.ScopeTotal, Measure: "events||||total"},
			{Span: news.Span{Start: 37, End: 39}, Text: "21", Value: &v, What: "events", Owner: "ru", Scope: news.ScopeTotal, Measure: "events|ru|||total"},
			{Span: news.Span{Start: 62, End: 67}, Text: "3,000", Value: &w, What: "personnel", Owner: "ru", Fate: "trained", Scope: news.ScopeTotal, Measure: "personnel|ru|||total"},
		}}
	known := map[string]news.MeasureDef{}
	for _, k := range []string{"events|ru|||total", "personnel|ru|||total"} {
		what, _, _ := strings.Cut(k, "|")
		known[ledger.ID(k)] = news.MeasureDef{ID: ledger.ID(k), Key: k, What: what, Owner: "ru", Scope: news.ScopeTotal}
	}
	got, err := Resolve(context.Background(), knownIndex{defs: known}, a)
	if err != nil {
		t.Fatal(err)
	}
	if d := got[2]; d.Key != "personnel|ru|||total@d" {
		t.Errorf("troops measure = %+v, want the article's own (key personnel|ru|||total@d)", d)
	}
	own := got[1]
	if own.Key != "events|ru|||total@d" {
		t.Errorf("events measure = %+v, want the article's own (key events|ru|||total@d)", own)
	}
	if d := got[0]; d.ID != own.ID {
		t.Errorf("unowned 21 events in measure %+v, want the owned 21's %s", d, own.ID)
	}
}

// TestResolveJoinsOnlyTheFiguresThatRepeat checks that of a key's
// figures only those repeating a number of the measure the key joins go
// there: a live blog's bare "people" counts (a city of 40 million, a
// rally of 300), said by different speakers and so under one key, do
// not follow the one that repeats "18 people killed in Kyiv".
func TestResolveJoinsOnlyTheFiguresThatRepeat(t *testing.T) {
	v, w, x := 18.0, 40e6, 300.0
	a := &news.Article{ID: "e", Text: "18 people were killed in Kyiv. A country of 40 million people. About 18 people died. A rally of 300 people.",
		Figures: []news.Figure{
			{Span: news.Span{Start: 0, End: 2}, Text: "18", Value: &v, Approx: "exact", What: "people", Owner: "ua", Fate: "killed", Place: "kyiv", Scope: news.ScopeTotal, Measure: "people|ua|killed|kyiv|total"},
			{Span: news.Span{Start: 44, End: 54}, Text: "40 million", Value: &w, Approx: "exact", Speaker: "the governor", What: "people", Scope: news.ScopeTotal, Measure: "people||||total"},
			{Span: news.Span{Start: 63, End: 71}, Text: "About 18", Value: &v, Approx: "about", Speaker: "the mayor", What: "people", Scope: news.ScopeTotal, Measure: "people||||total"},
			{Span: news.Span{Start: 95, End: 98}, Text: "300", Value: &x, Approx: "exact", Speaker: "the police", What: "people", Scope: news.ScopeTotal, Measure: "people||||total"},
		}}
	got, err := Resolve(context.Background(), knownIndex{defs: map[string]news.MeasureDef{}}, a)
	if err != nil {
		t.Fatal(err)
	}
	if got[2].ID != got[0].ID {
		t.Errorf("About 18 people in %+v, want the measure of 18 killed in Kyiv %s", got[2], got[0].ID)
	}
	for _, i := range []int{1, 3} {
		if got[i].ID == got[0].ID || got[i].Key != "people||||total@e" {
			t.Errorf("%s people in %+v, want the article's own bare people measure", a.Figures[i].Text, got[i])
		}
	}
}

// TestResolveSmallCountsRepeatOnlyNearby checks that a small count
// repeats another figure's number only a few paragraphs from it: in a
// long live blog "Deaths: 4" pages after "four people were killed in
// Kyiv" is not that count, while "the four" two sentences on is.
func TestResolveSmallCountsRepeatOnlyNearby(t *testing.T) {
	for _, tt := range []struct {
		name string
		gap  int
		join bool
	}{{"two sentences on", 40, true}, {"pages on", 5000, false}} {
		v := 4.0
		text := "Four people were killed in Kyiv." + strings.Repeat(" ", tt.gap) + "Deaths: 4"
		at := len(text) - 1
		a := &news.Article{ID: "f", Text: text, Figures: []news.Figure{
			{Span: news.Span{Start: 0, End: 4}, Text: "Four", Value: &v, Approx: "exact", What: "people", Owner: "ua", Fate: "killed", Place: "kyiv", Scope: news.ScopeTotal, Measure: "people|ua|killed|kyiv|total"},
			{Span: news.Span{Start: at, End: at + 1}, Text: "4", Value: &v, Approx: "exact", Speaker: "the live blog", What: "people", Scope: news.ScopeTotal, Measure: "people||||total"},
		}}
		got, err := Resolve(context.Background(), knownIndex{defs: map[string]news.MeasureDef{}}, a)
		if err != nil {
			t.Fatal(err)
		}
		if joined := got[1].ID == got[0].ID; joined != tt.join {
			t.Errorf("%s: the bare 4 joined the 4 killed in Kyiv = %v, want %v", tt.name, joined, tt.join)
		}
	}
}

// TestResolveJoinsByNumberOnlyOneFate checks that across reports a
// figure joins a measure by its number only when the two agree on what
// happened: "facing 70,000 Russian troops" is not the 70,000 Russian
// troops killed, while an amount of money joins its package whatever
// verb each report puts it under ("approved", "pledged").
func TestResolveJoinsByNumberOnlyOneFate(t *testing.T) {
	v, m := 70000.0, 61e9
	killed := news.MeasureDef{ID: ledger.ID("personnel|ru|killed||total"), Key: "personnel|ru|killed||total", What: "personnel", Owner: "ru", Fate: "killed", Scope: news.ScopeTotal}
	pledged := news.MeasureDef{ID: ledger.ID("money|us|pledged||total@x"), Key: "money|us|pledged||total@x", What: "money", Owner: "us", Fate: "pledged", Scope: news.ScopeTotal}
	for _, tt := range []struct {
		name string
		f    news.Figure
		d    news.MeasureDef
		join bool
	}{
		{"troops with no fate", news.Figure{Text: "70,000", Value: &v, Approx: "exact", What: "personnel", Owner: "ru", Scope: news.ScopeTotal}, killed, false},
		{"troops killed", news.Figure{Text: "70,000", Value: &v, Approx: "exact", What: "personnel", Owner: "ru", Fate: "killed", Scope: news.ScopeTotal}, killed, true},
		{"money under another verb", news.Figure{Text: "$61bn", Value: &m, Approx: "exact", What: "money", Owner: "us", Fate: "approved", Scope: news.ScopeTotal}, pledged, true},
	} {
		f := tt.f
		f.Span = news.Span{Start: 0, End: len(f.Text)}
		f.Measure = strings.Join([]string{f.What, f.Owner, f.Fate, f.Place, f.Scope}, "|")
		a := &news.Article{ID: "g", Text: f.Text + " were reported.", Figures: []news.Figure{f}}
		got, err := Resolve(context.Background(), likeIndex{knownIndex{defs: map[string]news.MeasureDef{}}, []news.MeasureDef{tt.d}}, a)
		if err != nil {
			t.Fatal(err)
		}
		if joined := got[0].ID == tt.d.ID; joined != tt.join {
			t.Errorf("%s: joined %s = %v, want %v (%+v)", tt.name, tt.d.Key, joined, tt.join, got[0])
		}
	}
}

// TestResolveOwnAndSharedKeys checks which of two figures with the same
// measure fields is its report's own and which is shared across
// reports: a share of money ("2.5% of GDP on defence") is a level known
// by its key while an amount of money is a package of its own report;
// one attack's toll ("people|lv|killed||event") stays its report's own
// rather than joining the tolls of the state's other attacks, while a
// total of the same key is shared.
func TestResolveOwnAndSharedKeys(t *testing.T) {
	for _, c := range []struct {
		name, id, text   string
		figures          []news.Figure
		first, second    string // the keys the two figures resolve to
		firstRole, other string
	}{
		{name: "money", id: "h", text: "Latvia will spend 2.5% of GDP on defence and $1bn on drones.",
			figures: []news.Figure{
				{Span: news.Span{Start: 18, End: 22}, Text: "2.5%", Value: ptr(2.5), Approx: "exact", What: "money", Owner: "lv", Fate: "spent", Scope: news.ScopeShare, Measure: "money|lv|spent||share"},
				{Span: news.Span{Start: 42, End: 46}, Text: "$1bn", Value: ptr(1e9), Approx: "exact", What: "money", Owner: "lv", Fate: "spent", Scope: news.ScopeTotal, Measure: "money|lv|spent||total"},
			},
			first: "money|lv|spent||share", second: "money|lv|spent||total@h", firstRole: "the shared share of money", other: "the article's own amount of money"},
		{name: "one attack", id: "s", text: "A strike on Riga killed 12 people. The war has killed 9,000 people.",
			figures: []news.Figure{
				{Span: news.Span{Start: 24, End: 26}, Text: "12", Value: ptr(12), Approx: "exact", What: "people", Owner: "lv", Fate: "killed", Scope: news.ScopeEvent, Measure: "people|lv|killed||event"},
				{Span: news.Span{Start: 51, End: 56}, Text: "9,000", Value: ptr(9000), Approx: "exact", What: "people", Owner: "lv", Fate: "killed", Scope: news.ScopeTotal, Measure: "people|lv|killed||total"},
			},
			first: "people|lv|killed||event@s", second: "people|lv|killed||total", firstRole: "the article's own toll of one attack", other: "the shared toll of the war"},
	} {
		a := &news.Article{ID: c.id, Text: c.text, Figures: c.figures}
		got, err := Resolve(context.Background(), knownIndex{defs: map[string]news.MeasureDef{}}, a)
		if err != nil {
			t.Fatal(err)
		}
		if got[0].Key != c.first {
			t.Errorf("%s: %+v, want %s %s", c.name, got[0], c.firstRole, c.first)
		}
		if got[1].Key != c.second {
			t.Errorf("%s: %+v, want %s %s", c.name, got[1], c.other, c.second)
		}
	}
}

// BenchmarkResolve resolves the measures of a long live blog: 600
// figures under 150 keys, each key's number repeated by a few others, so
// every pair of keys is compared.
func BenchmarkResolve(b *testing.B) {
	a := &news.Article{ID: "blog"}
	fates := []string{"killed", "wounded", "deployed", "displaced", "pledged"}
	for i := range 600 {
		v := float64(100 + i%40*25)
		k := i % 150
		a.Text += "Some 1,000 were counted. "
		f := news.Figure{Span: news.Span{Start: i * 25, End: i*25 + 10}, Text: "1,000", Value: &v, Approx: "exact",
			What: "people", Owner: "o" + strconv.Itoa(k%30), Fate: fates[k%5], Scope: news.ScopeTotal}
		f.Measure = strings.Join([]string{f.What, f.Owner, f.Fate, "", f.Scope}, "|")
		a.Figures = append(a.Figures, f)
	}
	idx := knownIndex{defs: map[string]news.MeasureDef{}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Resolve(context.Background(), idx, a); err != nil {
			b.Fatal(err)
		}
	}
}

// likeIndex is an Index whose number lookup returns the measures a test
// gives it.
type likeIndex struct {
	knownIndex
	like []news.MeasureDef
}

func (l likeIndex) MeasuresLike(context.Context, news.MeasureQuery, int) ([]news.MeasureDef, error) {
	return l.like, nil
}

// TestResolveJoinsByNumberOnlyWhatAgrees checks that a figure joins
// another report's measure by repeating its number only when the two
// agree on whose or where, or when it names neither and its number is
// large: "at least 12 people killed" named nowhere is not the 12 killed
// in a place another report named (measuretest.Run checks the large
// number that joins).
func TestResolveJoinsByNumberOnlyWhatAgrees(t *testing.T) {
	v := 12.0
	elsewhere := news.MeasureDef{ID: ledger.ID("people||killed|vale|total"), Key: "people||killed|vale|total", What: "people", Fate: "killed", Place: "vale", Scope: news.ScopeTotal}
	for _, tt := range []struct {
		name, place string
		join        bool
	}{
		{"a figure that names no place", "", false},
		{"a figure in the same place", "vale", true},
		{"a figure in another place", "hollow", false},
	} {
		f := news.Figure{Span: news.Span{Start: 9, End: 11}, Text: "12", Value: &v, Approx: "exact", What: "people", Fate: "killed", Place: tt.place, Scope: news.ScopeTotal}
		f.Measure = strings.Join([]string{f.What, "", f.Fate, f.Place, f.Scope}, "|")
		a := &news.Article{ID: "c", Text: "At least 12 people were killed.", Figures: []news.Figure{f}}
		got, err := Resolve(context.Background(), likeIndex{knownIndex{defs: map[string]news.MeasureDef{}}, []news.MeasureDef{elsewhere}}, a)
		if err != nil {
			t.Fatal(err)
		}
		if joined := got[0].ID == elsewhere.ID; joined != tt.join {
			t.Errorf("%s: joined the other report's measure = %v, want %v (%+v)", tt.name, joined, tt.join, got[0])
		}
	}
}

// ptr returns a pointer to v, for a figure's value.
func ptr(v float64) *float64 { return &v }
