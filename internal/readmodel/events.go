package readmodel

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/facts"
	"sitrep/internal/news"
)

// eventRank orders the types one sentence may carry: the event a row
// stands for is the highest; casualties are what an attack or a battle
// cost, so they fold into it as its fatalities.
var eventRank = map[string]int{"strike": 9, "capture": 8, "casualties": 1, "threat": 2, "meeting": 3, "agreement": 4,
	"deployment": 6, "arms_transfer": 5, "aid_delivery": 5, "aid_pledge": 4}

// killedWords are the triggers that state deaths.
var killedWords = []string{"kill", "dead", "death", "die", "fatalit", "slain", "lost their lives"}

// eventRowsOf returns the analyst's rows of one article: its events with
// the ACLED-like columns filled, one row per sentence and event (the
// types one sentence states — a strike and its casualties — folded into
// the highest-ranked, their deaths its fatalities).
func eventRowsOf(a *news.Article) []EventRow {
	type slot struct {
		row   *EventRow
		types []string
	}
	var order []*slot
	bySentence := map[int][]*slot{}
	names := entityNames(a)
	for _, ev := range a.Events {
		si := sentenceOf(a, ev.Start)
		r := EventRow{Event: ev, Article: a.ID, Outlet: a.Outlet, URL: a.URL, Published: date(a), Text: ev.Span.In(a.Text), Reports: 1,
			Types: []string{ev.Type}, Origins: 1, origins: []string{originOf(a)}}
		if a.Provenance != nil {
			r.Family = a.Provenance.Family
		}
		fillColumns(&r, a, names)
		var into *slot
		if si >= 0 {
			for _, s := range bySentence[si] {
				if s.row.Type == ev.Type || s.row.Type == "casualties" || ev.Type == "casualties" {
					into = s
					break
				}
			}
		}
		if into == nil {
			s := &slot{row: &r}
			order = append(order, s)
			if si >= 0 {
				bySentence[si] = append(bySentence[si], s)
			}
			continue
		}
		into.row.merge(r)
	}
	out := make([]EventRow, len(order))
	for i, s := range order {
		out[i] = *s.row
	}
	return out
}

// merge folds o, an event of the same sentence, into r: the higher-ranked
// type leads, the columns r lacks come from o, fatalities add up.
func (r *EventRow) merge(o EventRow) {
	types := append(r.Types, o.Types...)
	fat := r.Fatalities
	if o.Fatalities != nil {
		n := *o.Fatalities
		if fat != nil {
			n = max(n, *fat)
		}
		fat = &n
	}
	if eventRank[o.Type] > eventRank[r.Type] {
		o, *r = *r, o
	}
	for _, f := range []struct{ dst, src *string }{{&r.Actor1, &o.Actor1}, {&r.Actor1ID, &o.Actor1ID}, {&r.Actor2, &o.Actor2},
		{&r.Actor2ID, &o.Actor2ID}, {&r.PlaceName, &o.PlaceName}, {&r.Place, &o.Place}, {&r.Date, &o.Date}, {&r.When, &o.When},
		{&r.Time, &o.Time}, {&r.SubType, &o.SubType}} {
		if *f.dst == "" {
			*f.dst = *f.src
		}
	}
	if r.ReportDay && !o.ReportDay {
		r.Date, r.When, r.ReportDay = o.Date, o.When, false
	}
	if r.Lat == nil {
		r.Lat, r.Lon = o.Lat, o.Lon
	}
	slices.Sort(types)
	r.Types, r.Fatalities = slices.Compact(types), fat
}

// entityNames maps the entity IDs an article names to their names.
func entityNames(a *news.Article) map[string]string {
	out := map[string]string{}
	for _, m := range a.Entities {
		if m.Entity != "" && out[m.Entity] == "" && m.Canonical != "" {
			out[m.Entity] = m.Canonical
		}
	}
	return out
}

// nameOf is an entity ID or a name as written, in words.
func nameOf(v string, names map[string]string) string {
	if n := names[v]; n != "" {
		return n
	}
	if k, rest, ok := strings.Cut(v, ":"); ok && len(k) == 3 && rest != "" {
		if k == "gpe" {
			if c, ok := facts.Default().Country(strings.ToUpper(rest)); ok {
				return c.Name
			}
		}
		return placeWord(rest)
	}
	return v
}

// fillColumns sets a row's analyst columns from its event.
func fillColumns(r *EventRow, a *news.Article, names map[string]string) {
	ev := r.Event
	t := ev.Time
	if t == "" {
		t = date(a)
	}
	r.Date, r.When, r.ReportDay = firstDate(t), ReadableTime(t), ev.Time == "" && t != ""
	r.EventType, r.SubType = ev.ACLEDType, ev.ACLEDSubType
	if r.EventType == "" {
		r.EventType = strings.ReplaceAll(ev.Type, "_", " ")
	}
	if len(ev.Actors) > 0 {
		r.Actor1ID, r.Actor1 = idOnly(ev.Actors[0]), nameOf(ev.Actors[0], names)
		for _, x := range ev.Actors[1:] {
			r.Actor1 += "; " + nameOf(x, names)
		}
	}
	if ev.Target != "" {
		r.Actor2ID, r.Actor2 = idOnly(ev.Target), nameOf(ev.Target, names)
	}
	if ev.Place != "" {
		r.PlaceName = nameOf(ev.Place, names)
		if p, ok := facts.Places().Where(ev.Place); ok {
			r.Lat, r.Lon = &p.Lat, &p.Lon
		}
	}
	r.Fatalities = fatalities(a, ev)
}

func idOnly(v string) string {
	if k, rest, ok := strings.Cut(v, ":"); ok && len(k) == 3 && rest != "" {
		return v
	}
	return ""
}

// fatalities is the number of deaths an event states: the largest of its
// figures whose fate is killed (two counts in one sentence are more often
// a total and its part than two tolls), else, for a trigger of death, of
// its counts; nil when it states none.
func fatalities(a *news.Article, ev news.Event) *int {
	n, found := 0.0, false
	for _, f := range a.Figures {
		if f.Fate == "killed" && slices.Contains(ev.Quantities, f.Quantity) {
			if v := lowest(f.Value, f.Low, f.High); !math.IsNaN(v) {
				n, found = math.Max(n, v), true
			}
		}
	}
	if !found && ev.Type == "casualties" && deathWord(ev.Trigger) {
		for _, qi := range ev.Quantities {
			if qi >= 0 && qi < len(a.Quantities) && a.Quantities[qi].Kind == "cardinal" {
				q := a.Quantities[qi]
				if v := lowest(q.Value, q.Low, q.High); !math.IsNaN(v) {
					n, found = math.Max(n, v), true
				}
			}
		}
	}
	if !found || n < 0 || n > 1e8 {
		return nil
	}
	k := int(n)
	return &k
}

// lowest is the least number a value states (ACLED codes the lowest
// estimate), NaN for none.
func lowest(v, lo, hi *float64) float64 {
	switch {
	case v != nil:
		return *v
	case lo != nil:
		return *lo
	case hi != nil:
		return *hi
	}
	return math.NaN()
}

func deathWord(s string) bool {
	s = strings.ToLower(s)
	for _, w := range killedWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// eventKey identifies one event across copies of one report: its type,
// time, place, actors and fatalities.
func eventKey(r EventRow) string {
	fat := ""
	if r.Fatalities != nil {
		fat = strconv.Itoa(*r.Fatalities)
	}
	return strings.Join([]string{r.Type, r.Time, r.Place, strings.Join(r.Actors, ","), r.Target, fat, strings.Join(r.Types, ",")}, "|")
}

// sameCopy reports whether rows a and b of one provenance family state
// one event: as copies do (eventKey), or as sameEvent says.
func sameCopy(a, b EventRow) bool {
	return eventKey(a) == eventKey(b) || sameEvent(a, b)
}

// FoldCopies folds rows of one provenance family that state the same
// event (eventKey) into the row of its earliest report, which counts
// them (Reports) and their outlets; rows keep their order.
func FoldCopies(rows []EventRow) []EventRow {
	first := map[string]int{}
	var out []EventRow
	for _, r := range rows {
		fam := r.Family
		if fam == "" {
			fam = r.Article
		}
		k := fam + "\x00" + eventKey(r)
		i, ok := first[k]
		if !ok {
			first[k] = len(out)
			r.Outlets = appendOutlet(nil, r.Outlet)
			out = append(out, r)
			continue
		}
		out[i].fold(r)
	}
	return out
}

// fold counts o, a report of the event r stands for, in r: its
// reports, outlets and origins; the earliest report leads the row.
func (r *EventRow) fold(o EventRow) {
	r.Reports += o.Reports
	outlets := slices.Clone(r.Outlets)
	if len(o.Outlets) == 0 {
		o.Outlets = []string{o.Outlet}
	}
	for _, x := range o.Outlets {
		outlets = appendOutlet(outlets, x)
	}
	origins := slices.Clone(r.origins)
	for _, x := range o.origins {
		if !slices.Contains(origins, x) {
			origins = append(origins, x)
		}
	}
	if o.Published != "" && (r.Published == "" || o.Published < r.Published) {
		reports := r.Reports
		*r = o
		r.Reports = reports
	}
	r.Outlets, r.origins, r.Origins = outlets, origins, len(origins)
}

// originOf is the independent origin a report counts for: its
// provenance origin, else its family, else itself.
func originOf(a *news.Article) string {
	if p := a.Provenance; p != nil {
		if p.Origin != "" {
			return "o:" + p.Origin
		}
		if p.Family != "" {
			return "a:" + p.Family
		}
	}
	return "a:" + a.ID
}

// FoldOutlets folds rows that state one event in different reports,
// of one provenance family or not (two outlets reporting one strike),
// into the row
// of the earliest report, which counts their reports, outlets and
// origins; rows keep their order. Two rows state one event when
// sameEvent holds.
func FoldOutlets(rows []EventRow) []EventRow {
	var out []EventRow
	for _, r := range rows {
		i := slices.IndexFunc(out, func(k EventRow) bool { return sameEvent(k, r) })
		if i < 0 {
			out = append(out, r)
			continue
		}
		out[i].fold(r)
	}
	return out
}

// FoldDays is how far apart, in days, the dates of two reports of one
// event may be.
const FoldDays = 1

// sameEvent reports whether rows a and b, of different reports, state
// one event: the same type, the same place below a country (an event
// with no place, or only a country's, folds with none: two strikes "in
// Ukraine" on one day are rarely one), dates given to the day at most FoldDays apart, and actors
// that do not disagree (when both name actors, they share one; when both
// name a target, it is the same).
func sameEvent(a, b EventRow) bool {
	if a.Article == b.Article || a.Type != b.Type || a.Place == "" || a.Place != b.Place || strings.HasPrefix(a.Place, "gpe:") {
		return false
	}
	da, err1 := time.Parse(time.DateOnly, a.Date)
	db, err2 := time.Parse(time.DateOnly, b.Date)
	if err1 != nil || err2 != nil || math.Abs(da.Sub(db).Hours()) > 24*FoldDays {
		return false
	}
	if len(a.Actors) > 0 && len(b.Actors) > 0 && !slices.ContainsFunc(a.Actors, func(x string) bool { return slices.Contains(b.Actors, x) }) {
		return false
	}
	return a.Target == "" || b.Target == "" || a.Target == b.Target
}

func appendOutlet(list []string, o string) []string {
	if o != "" && !slices.Contains(list, o) {
		list = append(list, o)
	}
	if list == nil {
		list = []string{}
	}
	return list
}
