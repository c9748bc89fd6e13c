package eval

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"sitrep/internal/facts"
	"sitrep/internal/news"
	"sitrep/internal/pipeline"
)

// EventsReport scores the event layer on one split of the event gold set.
//
// A predicted event (its trigger inside the annotated window) matches an
// unused gold event of its article with the same type whose trigger
// offset lies in the predicted event's sentence, a factual gold event
// first. A match with a factual event is right; with a coreferent one it
// is not counted; with a background, irrealis or generic one, or with
// none, it is a false event. Recall is over the factual gold events.
// Actors, target, place and time are scored on the right events.
type EventsReport struct {
	Split string
	// Articles, Gold (factual events) and Predicted (inside the windows,
	// not on a coreferent event).
	Articles, Gold, Predicted, Right int
	// OnStatus counts predictions matching a non-factual gold event, by
	// status; NoGold those matching no gold event.
	OnStatus map[string]int
	NoGold   int
	// ByType counts right, predicted and gold events per type.
	ByType map[string]*[3]int
	// ActorsOK … TimeOK count right events whose field agrees with the
	// gold (both empty agrees).
	ActorsOK, TargetOK, PlaceOK, TimeOK int
	// Examples of misses, false events and wrong fields.
	Misses, False, Fields []string
}

// Precision is right / predicted.
func (r *EventsReport) Precision() float64 { return ratio(r.Right, r.Predicted) }

// Recall is right / gold.
func (r *EventsReport) Recall() float64 { return ratio(r.Right, r.Gold) }

// F1 is the harmonic mean of precision and recall.
func (r *EventsReport) F1() float64 {
	p, q := r.Precision(), r.Recall()
	if p+q == 0 {
		return 0
	}
	return 2 * p * q / (p + q)
}

// Events runs steps over the articles of one split of the event gold set
// in dir, reading their texts from the corpus at corpusPath, and scores
// their event layers.
func Events(ctx context.Context, dir, split, corpusPath string, steps []pipeline.Step) (*EventsReport, error) {
	g, err := LoadEventGold(dir, split)
	if err != nil {
		return nil, err
	}
	recs, texts, err := goldRecords(corpusPath, g.Articles)
	if err != nil {
		return nil, err
	}
	if err := g.CheckOffsets(texts); err != nil {
		return nil, fmt.Errorf("event gold against %s: %w", corpusPath, err)
	}
	byArticle := map[string][]GoldEvent{}
	for _, e := range g.Events {
		byArticle[e.Article] = append(byArticle[e.Article], e)
	}
	p := pipeline.New(1, steps...)
	rep := &EventsReport{Split: split}
	for _, a := range g.Articles {
		rec := recs[a.ID]
		art := ArticleOf(rec.ID, rec.Outlet, rec.Date, rec.Text)
		if err := p.Process(ctx, art); err != nil {
			return nil, fmt.Errorf("%s: %w", a.ID, err)
		}
		if art.Text != rec.Text {
			return nil, fmt.Errorf("%s: the steps changed the text, so spans no longer index it", a.ID)
		}
		rep.ScoreArticle(a, byArticle[a.ID], art)
	}
	return rep, nil
}

// examples caps each list of examples in a report.
const eventExamples = 40

// ScoreArticle adds one article's events to the report.
func (r *EventsReport) ScoreArticle(a EventGoldArticle, gold []GoldEvent, art *news.Article) {
	if r.OnStatus == nil {
		r.OnStatus, r.ByType = map[string]int{}, map[string]*[3]int{}
	}
	typ := func(t string) *[3]int {
		if r.ByType[t] == nil {
			r.ByType[t] = &[3]int{}
		}
		return r.ByType[t]
	}
	r.Articles++
	for _, g := range gold {
		if g.Status == "factual" {
			r.Gold++
			typ(g.Type)[2]++
		}
	}
	used := make([]bool, len(gold))
	names := entityNames(art)
	for _, ev := range art.Events {
		if ev.TriggerSpan.Start >= a.AnnotatedBytes {
			continue
		}
		best := -1
		for i, g := range gold {
			if used[i] || g.Type != ev.Type || g.Offset < ev.Start || g.Offset >= ev.End {
				continue
			}
			if best < 0 || g.Status == "factual" && gold[best].Status != "factual" {
				best = i
			}
		}
		if best >= 0 {
			used[best] = true
			if gold[best].Status == "coreferent" {
				continue
			}
		}
		r.Predicted++
		typ(ev.Type)[1]++
		where := fmt.Sprintf("%s %s %q", short(a.ID), ev.Type, ev.Trigger)
		switch {
		case best < 0:
			r.NoGold++
			r.addFalse(fmt.Sprintf("%s in %q", where, clip(ev.Span.In(art.Text), 110)))
			continue
		case gold[best].Status != "factual":
			r.OnStatus[gold[best].Status]++
			r.addFalse(fmt.Sprintf("%s (gold: %s)", where, gold[best].Status))
			continue
		}
		g := gold[best]
		r.Right++
		typ(ev.Type)[0]++
		actorsOK := len(ev.Actors) == len(g.Actors)
		for _, want := range g.Actors {
			actorsOK = actorsOK && slices.ContainsFunc(ev.Actors, func(got string) bool { return nameMatch(got, want, names) })
		}
		targetOK := ev.Target == "" && len(g.Target) == 0 ||
			ev.Target != "" && slices.ContainsFunc(g.Target, func(want string) bool { return nameMatch(ev.Target, want, names) })
		placeOK := ev.Place == g.Place || ev.Place != "" && g.Place != "" && nameMatch(ev.Place, g.Place, names)
		timeOK := TimeMatch(ev.Time, g.Time)
		for _, f := range []struct {
			ok        bool
			n         *int
			name, got string
			want      string
		}{
			{actorsOK, &r.ActorsOK, "actors", strings.Join(ev.Actors, ";"), strings.Join(g.Actors, ";")},
			{targetOK, &r.TargetOK, "target", ev.Target, strings.Join(g.Target, ";")},
			{placeOK, &r.PlaceOK, "place", ev.Place, g.Place},
			{timeOK, &r.TimeOK, "time", ev.Time, g.Time},
		} {
			if f.ok {
				*f.n++
			} else if len(r.Fields) < 4*eventExamples {
				r.Fields = append(r.Fields, fmt.Sprintf("%s: %s %q, want %q", where, f.name, f.got, f.want))
			}
		}
	}
	for i, g := range gold {
		if g.Status == "factual" && !used[i] && len(r.Misses) < eventExamples {
			r.Misses = append(r.Misses, fmt.Sprintf("%s %s %q @%d", short(a.ID), g.Type, g.Trigger, g.Offset))
		}
	}
}

func (r *EventsReport) addFalse(s string) {
	if len(r.False) < eventExamples {
		r.False = append(r.False, s)
	}
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8Start(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// entityNames maps each entity ID of the article to the surfaces its
// mentions have.
func entityNames(a *news.Article) map[string][]string {
	out := map[string][]string{}
	for _, m := range a.Entities {
		if m.Entity != "" && !slices.Contains(out[m.Entity], m.Text) {
			out[m.Entity] = append(out[m.Entity], m.Text)
		}
	}
	return out
}

// nameMatch says whether a predicted participant (an entity ID or a
// surface) names the gold one: the facts table resolves the gold name to
// the same ID, or the ID's surfaces in the article (or the surface
// itself) match the gold name as SpeakerMatch does.
func nameMatch(got, want string, names map[string][]string) bool {
	for _, ref := range facts.Default().Lookup(want) {
		if ref.ID == got {
			return true
		}
	}
	if SpeakerMatch(got, want) {
		return true
	}
	for _, s := range names[got] {
		if SpeakerMatch(s, want) {
			return true
		}
	}
	return false
}

// TimeMatch says whether a predicted time agrees with a gold one: both
// empty, the same period, or one inside the other when the larger spans
// at most a week ("2022-W18" and a day of that week).
func TimeMatch(got, want string) bool {
	if got == want {
		return true
	}
	g0, g1, ok1 := period(got)
	w0, w1, ok2 := period(want)
	if !ok1 || !ok2 {
		return false
	}
	if g0.Equal(w0) && g1.Equal(w1) {
		return true
	}
	week := 7 * 24 * time.Hour
	inside := func(a0, a1, b0, b1 time.Time) bool { return !a0.Before(b0) && !a1.After(b1) && b1.Sub(b0) <= week }
	return inside(g0, g1, w0, w1) || inside(w0, w1, g0, g1)
}

// period parses an ISO date, month, year, week or interval of those into
// [start, end) days.
func period(s string) (time.Time, time.Time, bool) {
	if a, b, ok := strings.Cut(s, "/"); ok {
		s0, _, ok1 := period(a)
		_, e1, ok2 := period(b)
		return s0, e1, ok1 && ok2
	}
	if y, w, ok := strings.Cut(s, "-W"); ok {
		yy, err1 := strconv.Atoi(y)
		ww, err2 := strconv.Atoi(w)
		if err1 != nil || err2 != nil {
			return time.Time{}, time.Time{}, false
		}
		// ISO week 1 holds 4 January.
		jan4 := time.Date(yy, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(ww-1))
		return monday, monday.AddDate(0, 0, 7), true
	}
	for _, f := range []struct {
		layout  string
		y, m, d int
	}{{"2006-01-02", 0, 0, 1}, {"2006-01", 0, 1, 0}, {"2006", 1, 0, 0}} {
		if t, err := time.Parse(f.layout, s); err == nil && len(s) == len(f.layout) {
			return t, t.AddDate(f.y, f.m, f.d), true
		}
	}
	return time.Time{}, time.Time{}, false
}

// Write prints the report.
func (r *EventsReport) Write(w io.Writer) error {
	fmt.Fprintf(w, "events on the real-news gold set, split %s: %d articles, %d factual gold events\n", r.Split, r.Articles, r.Gold)
	fmt.Fprintf(w, "predicted %d (right %d; on background %d, irrealis %d, generic %d; no gold %d)\n",
		r.Predicted, r.Right, r.OnStatus["background"], r.OnStatus["irrealis"], r.OnStatus["generic"], r.NoGold)
	fmt.Fprintf(w, "precision %.3f  recall %.3f  F1 %.3f\n", r.Precision(), r.Recall(), r.F1())
	fmt.Fprintf(w, "on the %d right events: actors %.3f  target %.3f  place %.3f  time %.3f\n", r.Right,
		ratio(r.ActorsOK, r.Right), ratio(r.TargetOK, r.Right), ratio(r.PlaceOK, r.Right), ratio(r.TimeOK, r.Right))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "type\tright\tpredicted\tgold\tP\tR\t")
	var types []string
	for t := range r.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		c := r.ByType[t]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.2f\t%.2f\t\n", t, c[0], c[1], c[2], ratio(c[0], c[1]), ratio(c[0], c[2]))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, l := range []struct {
		head string
		xs   []string
	}{{"missed", r.Misses}, {"false", r.False}, {"wrong fields", r.Fields}} {
		if len(l.xs) > 0 {
			fmt.Fprintf(w, "%s:\n", l.head)
			for _, x := range l.xs {
				fmt.Fprintf(w, "  %s\n", x)
			}
		}
	}
	return nil
}
