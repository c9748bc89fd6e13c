package readmodel

import (
	"math"
	"slices"
	"strings"

	"sitrep/internal/ledger"
	"sitrep/internal/news"
)

// FigureRow is one figure with the article it is in.
type FigureRow struct {
	news.Figure
	Article   string `json:"article"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"`
	// Index is the figure's index in its article's Figures.
	Index int `json:"index"`
	// MeasureID is the global measure the figure is counted in (the
	// /measures/{id} page; Catalog.LinkMeasures), "" when not indexed.
	MeasureID string `json:"measure_id,omitempty"`
	// Sources, Relation and Sentence are set in a ledger: the value's
	// independent sources, how it relates to earlier values
	// (internal/ledger), and the sentence stating it.
	Sources  int    `json:"sources,omitempty"`
	Relation string `json:"relation,omitempty"`
	Sentence string `json:"sentence,omitempty"`
	// Story is the story of the figure's article (in a global measure).
	Story string `json:"story,omitempty"`
}

// EventRow is one event with the article it is in.
type EventRow struct {
	news.Event
	Article   string `json:"article"`
	Outlet    string `json:"outlet,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	// Text is the event's sentence or span as written.
	Text string `json:"text"`
	// The analyst's columns (ACLED-like): Date is the first day of the
	// event's time, else its report's (ReportDay set), When it in words; EventType and
	// SubType the ACLED event type and sub-event type; Actor1 the actors,
	// Actor2 the target or recipient, PlaceName the place (names; the
	// IDs when they are entities), Lat and Lon its coordinates when the
	// gazetteer knows it; Fatalities the deaths the event states (nil
	// for none stated); Types every event type its sentence stated and
	// this row folds.
	Date       string   `json:"date,omitempty"`
	When       string   `json:"when"`
	ReportDay  bool     `json:"report_day,omitempty"`
	EventType  string   `json:"event_type"`
	SubType    string   `json:"sub_event_type,omitempty"`
	Actor1     string   `json:"actor1,omitempty"`
	Actor1ID   string   `json:"actor1_id,omitempty"`
	Actor2     string   `json:"actor2,omitempty"`
	Actor2ID   string   `json:"actor2_id,omitempty"`
	PlaceName  string   `json:"place_name,omitempty"`
	Lat        *float64 `json:"lat,omitempty"`
	Lon        *float64 `json:"lon,omitempty"`
	Fatalities *int     `json:"fatalities,omitempty"`
	Types      []string `json:"types"`
	// Reports counts the reports that state the event: it and its
	// copies, and the reports of other outlets folded into it
	// (FoldOutlets); Outlets are their outlets, Origins counts their
	// independent origins (news.Provenance.Origin, else the family,
	// else the report itself).
	Reports int      `json:"reports"`
	Outlets []string `json:"outlets"`
	Origins int      `json:"origins"`
	// Family is the article's provenance family.
	Family  string   `json:"-"`
	origins []string // the keys Origins counts
}

// FigureFilter selects figures; zero values mean no filter. From and To
// compare with the figure's time as ISO 8601 text (its first date).
type FigureFilter struct {
	Measure, Speaker, From, To string
}

// Figures lists the figures of articles that pass f.
func Figures(articles []*news.Article, f FigureFilter) []FigureRow {
	out := []FigureRow{}
	for _, a := range articles {
		for i, fg := range a.Figures {
			if f.Measure != "" && fg.Measure != f.Measure {
				continue
			}
			if f.Speaker != "" && !strings.EqualFold(fg.Speaker, f.Speaker) && fg.SpeakerEntity != f.Speaker {
				continue
			}
			if !inRange(firstDate(fg.Time), f.From, f.To) {
				continue
			}
			out = append(out, FigureRow{Figure: fg, Article: a.ID, Outlet: a.Outlet, Published: date(a), Index: i})
		}
	}
	return out
}

// EventFilter selects events; zero values mean no filter.
type EventFilter struct {
	Type, Actor, Place, From, To string
}

// Events lists the analyst's rows (eventRowsOf) of articles that pass
// f, copies of one event in one provenance family folded (FoldCopies),
// then one event told by independent outlets (FoldOutlets).
// A type passes when the row folds an event of that type.
func Events(articles []*news.Article, f EventFilter) []EventRow {
	out := []EventRow{}
	for _, a := range articles {
		for _, r := range eventRowsOf(a) {
			if f.Type != "" && !slices.Contains(r.Types, f.Type) {
				continue
			}
			if f.Actor != "" && !containsFold(r.Actors, f.Actor) && !strings.EqualFold(r.Target, f.Actor) {
				continue
			}
			if f.Place != "" && !strings.EqualFold(r.Place, f.Place) {
				continue
			}
			if !inRange(r.Date, f.From, f.To) {
				continue
			}
			out = append(out, r)
		}
	}
	return FoldOutlets(FoldCopies(out))
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func date(a *news.Article) string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.UTC().Format("2006-01-02")
}

// firstDate returns the first date of an ISO 8601 value or interval.
func firstDate(v string) string {
	v, _, _ = strings.Cut(v, "/")
	return v
}

func inRange(d, from, to string) bool {
	if from == "" && to == "" {
		return true
	}
	if d == "" {
		return false
	}
	return (from == "" || d >= from) && (to == "" || d <= to)
}

// Ledger is the figure ledger of a set of articles (internal/ledger),
// measure by measure, shaped for the table and the chart.
type Ledger struct {
	Measures []Measure `json:"measures"`
}

// Measure is one ledger group: its values oldest first, its speakers, and
// where speakers contradict each other. ID is the global measure of its
// first value (the /measures/{id} page), Label the measure in words.
type Measure struct {
	ID      string      `json:"id,omitempty"`
	Measure string      `json:"measure"`
	Label   string      `json:"label,omitempty"`
	Unit    string      `json:"unit,omitempty"`
	Figures []FigureRow `json:"figures"`
	// Values are the figures folded into one row per value (valuesOf).
	Values []Value `json:"values"`
	// Speakers are the names of SpeakerList, its speakers merged by
	// entity, in the order they first speak.
	Speakers       []string        `json:"speakers"`
	SpeakerList    []Speaker       `json:"speaker_list"`
	Contradictions []Contradiction `json:"contradictions"`
}

// Contradiction is a value (B) incompatible with an earlier value (A)
// of another speaker for the same time; A and B index Measure.Figures.
// It carries both speakers and both sentences.
type Contradiction struct {
	Time      string `json:"time"`
	A         int    `json:"a"`
	B         int    `json:"b"`
	SpeakerA  string `json:"speaker_a"`
	SpeakerB  string `json:"speaker_b"`
	SentenceA string `json:"sentence_a"`
	SentenceB string `json:"sentence_b"`
}

// LedgerOf builds the ledger of articles with ledger.Build.
func LedgerOf(articles []*news.Article) Ledger {
	out := Ledger{Measures: []Measure{}}
	for _, g := range ledger.Build(articles).Groups {
		out.Measures = append(out.Measures, MeasureOf(g))
	}
	return out
}

// MeasureOf shapes one ledger group for the table and the chart.
func MeasureOf(g ledger.Group) Measure {
	m := Measure{Measure: g.Measure, Label: MeasureLabel(g.Label, g.Measure, g.Unit), Unit: g.Unit, Figures: []FigureRow{}, Speakers: []string{},
		SpeakerList: []Speaker{}, Contradictions: []Contradiction{}}
	valuesOf(g, &m)
	for i, e := range g.Entries {
		unit := e.Unit
		if unit == "" {
			unit = g.Unit
		}
		row := FigureRow{Figure: news.Figure{Span: e.Span, Text: e.Text, Value: e.Value, Low: e.Low, High: e.High, Approx: e.Approx,
			Unit: unit, Measure: g.Measure, Scope: e.Scope, Speaker: e.Speaker, SpeakerEntity: e.SpeakerEntity, Hedge: e.Hedge, Time: e.Time, Claim: -1},
			Article: e.Article, Index: e.Figure, Outlet: e.Outlet, Published: e.Published, Sources: e.Sources,
			Relation: e.Relation, Sentence: e.Sentence, Story: e.Story}
		m.Figures = append(m.Figures, row)
		if e.Relation == ledger.RelContradiction && e.Versus >= 0 && e.Versus < len(g.Entries) {
			p := g.Entries[e.Versus]
			m.Contradictions = append(m.Contradictions, Contradiction{Time: firstDate(e.Time), A: e.Versus, B: i,
				SpeakerA: p.Speaker, SpeakerB: e.Speaker, SentenceA: p.Sentence, SentenceB: e.Sentence})
		}
	}
	return m
}

// FigureTime is the day a figure refers to: the first date of its time,
// else its article's publication date.
func FigureTime(r FigureRow) string {
	t := firstDate(r.Time)
	if t == "" {
		t = r.Published
	}
	return t
}

// Bounds returns the interval a figure states: [v, v] for a value, its
// range or bound otherwise (open ends infinite), NaN when it has none.
func Bounds(f news.Figure) (lo, hi float64) {
	if f.Value != nil {
		return *f.Value, *f.Value
	}
	lo, hi = math.Inf(-1), math.Inf(1)
	if f.Low == nil && f.High == nil {
		return math.NaN(), math.NaN()
	}
	if f.Low != nil {
		lo = *f.Low
	}
	if f.High != nil {
		hi = *f.High
	}
	return lo, hi
}
