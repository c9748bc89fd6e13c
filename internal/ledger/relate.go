package ledger

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"sort"
	"strconv"
	"strings"

	"sitrep/internal/annotate/figure"
	"sitrep/internal/news"
)

// Key is the global measure key of a figure: its Measure, which the
// figure stage builds from the structured fields (what is counted, whose,
// its fate, place and scope). "" means the figure has no measure.
func Key(f *news.Figure) string { return f.Measure }

// ID is the ID of the global measure with key k: the first 16 hex digits
// of its SHA-256, so every store and every run names a measure alike.
func ID(k string) string {
	sum := sha256.Sum256([]byte(k))
	return hex.EncodeToString(sum[:8])
}

// SentenceOf returns the text of the sentence of a holding span (the
// span's own text when the article has no sentence layer there).
func SentenceOf(a *news.Article, sp news.Span) string {
	ss := a.Sentences
	k := sort.Search(len(ss), func(i int) bool { return ss[i].End > sp.Start })
	if k < len(ss) && ss[k].Start <= sp.Start && ss[k].End <= len(a.Text) {
		return strings.TrimSpace(a.Text[ss[k].Start:ss[k].End])
	}
	if sp.Start >= 0 && sp.End <= len(a.Text) && sp.Start <= sp.End {
		return a.Text[sp.Start:sp.End]
	}
	return ""
}

// Relate judges a later entry e against an earlier entry p of the same
// group (the same measure key):
//
//   - a part or an increment of the other (Figure.Whole in one article,
//     or a part-scoped figure beside a total of the same thing) is
//     RelPartOf, RelIncrement or RelTotal, never a contradiction;
//   - values whose bounds overlap given their hedges ("at least 10,000"
//     and "11,000"; "up to 12,000" and "3,000"), or one amount in two
//     currencies, agree;
//   - otherwise it is an evolution when the speaker is the same (an
//     update), when one is an expectation and the other not, when the
//     scope is not a total (two increments, rates or shares at other
//     moments), or when the time frames do not overlap; unknown-time
//     when either has no time;
//   - and a contradiction only when none of these holds and the two
//     values set named sources against each other (opposed): else the
//     reports moved on (evolution).
func Relate(p, e Entry) string {
	if r := whole(p, e); r != "" {
		return r
	}
	if p.Unit != e.Unit && (p.Unit == "percent" || e.Unit == "percent") {
		return RelEvolution // a share beside a count: nothing to compare
	}
	if compatible(p, e) {
		return RelAgrees
	}
	if strings.EqualFold(p.Speaker, e.Speaker) || expectation(p.Hedge) != expectation(e.Hedge) {
		return RelEvolution
	}
	if !total(p.Scope) || !total(e.Scope) || p.Scope != e.Scope {
		return RelEvolution
	}
	if p.Time == "" || e.Time == "" {
		return RelUnknownTime
	}
	if !sameWindow(p.Time, e.Time) || !opposed(p, e) {
		return RelEvolution
	}
	return RelContradiction
}

// opposed says whether two differing values of one measure and time
// frame set two sources against each other, so that they contradict:
//
//   - each is attributed to a source the text names, and the two are
//     not one actor under two names ("the region's governor" and the
//     governor's name). A value in the outlet's own voice beside another
//     is a report moving on, or a count of something else the measure
//     could not tell apart (a country's refugees and those one city
//     took in), not a dispute;
//   - both are numbers: a vague count ("dozens", "thousands") gives an
//     order of magnitude, not a count to dispute;
//   - both times are stated to the month or finer: two totals of one
//     year ("2022") may be a year apart;
//   - the values are within a factor of ten of each other: a count ten
//     times another is a day's losses against the war's, or a part
//     against its whole, not the same count disputed.
func opposed(p, e Entry) bool {
	if !p.Attributed || !e.Attributed || p.SpeakerEntity != "" && p.SpeakerEntity == e.SpeakerEntity {
		return false
	}
	if p.Approx == "vague" || e.Approx == "vague" || !monthOrFiner(p.Time) || !monthOrFiner(e.Time) {
		return false
	}
	plo, phi := bounds(p)
	elo, ehi := bounds(e)
	return !(tenfold(plo, ehi) || tenfold(elo, phi))
}

// tenfold says whether lo is more than ten times hi (both positive and
// finite).
func tenfold(lo, hi float64) bool {
	return hi > 0 && !math.IsInf(lo, 0) && !math.IsInf(hi, 0) && lo > 10*hi
}

// monthOrFiner says whether an ISO time (or the end of an interval)
// names a month, a week or a day ("2022-03", "2022-W10", "2022-03-26"),
// not a year, a quarter or a season.
func monthOrFiner(t string) bool {
	if _, end, ok := strings.Cut(t, "/"); ok {
		t = end
	}
	return len(t) >= len("2006-01") && t[4] == '-' && (t[5] >= '0' && t[5] <= '9' || t[5] == 'W')
}

// Pair judges two figures anywhere: the relation of figure j of b to
// figure i of a, given whether they are counted in one global measure
// (same). A part, an increment or a total of the other (Figure.Whole) is
// part_of, increment or total; other figures of different measures are
// unrelated, and figures of one measure are judged by Relate.
func Pair(a *news.Article, i int, b *news.Article, j int, same bool) string {
	p, e := entryOf(a, i), entryOf(b, j)
	if r := whole(p, e); r != "" {
		return r
	}
	if !same {
		return RelUnrelated
	}
	return Relate(p, e)
}

// entryOf is the entry of figure i of a alone.
func entryOf(a *news.Article, i int) Entry {
	f := &a.Figures[i]
	return Entry{Value: f.Value, Low: f.Low, High: f.High, Approx: f.Approx, Text: f.Text, Unit: f.Unit, Scope: f.Scope,
		Speaker: f.Speaker, SpeakerEntity: f.SpeakerEntity, Attributed: f.SpeakerSpan != nil, Hedge: f.Hedge, Time: f.Time,
		Article: a.ID, Figure: i, Whole: f.Whole, Span: f.Span, Versus: -1}
}

// whole says whether one entry is a part of or an increment to the other
// (Figure.Whole points from the part or increment to the larger figure in
// the same article): RelPartOf, RelIncrement when e adds to p, RelTotal
// when p adds to e; "" when neither is.
func whole(p, e Entry) string {
	if p.Article != e.Article {
		return ""
	}
	switch {
	case e.Whole != nil && *e.Whole == p.Figure:
		if e.Scope == news.ScopeIncrement {
			return RelIncrement
		}
		return RelPartOf
	case p.Whole != nil && *p.Whole == e.Figure:
		if p.Scope == news.ScopeIncrement {
			return RelTotal
		}
		return RelPartOf
	}
	return ""
}

// total says whether a scope is a total (or not stated).
func total(scope string) bool { return scope == "" || scope == news.ScopeTotal }

// compatible says whether two entries can both hold: their bounds
// overlap, or they state one amount in two currencies (a conversion:
// values within a factor of two, as between the dollar, the pound, the
// euro and the like).
func compatible(p, e Entry) bool {
	if p.Unit != e.Unit && currency(p.Unit) && currency(e.Unit) {
		if p.Value == nil || e.Value == nil || *p.Value <= 0 || *e.Value <= 0 {
			return true
		}
		r := *p.Value / *e.Value
		return r >= 0.5 && r <= 2
	}
	return overlap(p, e)
}

// currency says whether a unit is an ISO 4217 code.
func currency(u string) bool {
	if len(u) != 3 {
		return false
	}
	for i := range 3 {
		if u[i] < 'A' || u[i] > 'Z' {
			return false
		}
	}
	return true
}

// expectation says whether a hedge makes a figure a projection.
func expectation(h string) bool {
	switch h {
	case "expected", "could", "may", "might", "likely", "planned", "forecast":
		return true
	}
	return false
}

// sameWindow says whether two ISO times (dates, months, years or
// intervals "a/b") overlap: a month holds its days, a year its months.
func sameWindow(a, b string) bool {
	alo, ahi, ok1 := window(a)
	blo, bhi, ok2 := window(b)
	if !ok1 || !ok2 {
		return a == b
	}
	return alo <= bhi && blo <= ahi
}

// window is the range of ISO date texts a time covers: a point covers
// every text it prefixes; an interval runs from its start to every text
// its end prefixes. Durations ("P3Y") cover nothing.
func window(t string) (lo, hi string, ok bool) {
	if t == "" || t[0] == 'P' {
		return "", "", false
	}
	lo, end, isInterval := strings.Cut(t, "/")
	if !isInterval {
		end = lo
	}
	if lo == "" || end == "" || end[0] == 'P' {
		return "", "", false
	}
	return lo, end + "\xff", true
}

// firstDate returns the first date of an ISO 8601 value or interval.
func firstDate(v string) string {
	v, _, _ = strings.Cut(v, "/")
	return v
}

// bounds gives the interval a value covers: a range, a bound ("at least",
// "more than" open above; "up to", "as many as", "at most" from zero), or
// a point widened by its approximation (10 % for "about"), or for a
// vague count its order of magnitude: "thousands" (from 2,000) stay under
// the 20,000 of "tens of thousands", so under ten times their least.
func bounds(e Entry) (lo, hi float64) {
	lo, hi = math.Inf(-1), math.Inf(1)
	if e.Low != nil {
		lo = *e.Low
	}
	if e.High != nil {
		hi = *e.High
	}
	if e.Approx == "vague" && e.Value == nil && e.Low != nil && e.High == nil {
		// "thousands" (2,000) runs below the next order: "a few
		// thousand" does not reach "more than 20,000".
		hi = 10 * *e.Low * (1 - 1e-9)
	}
	if e.Value != nil {
		v := *e.Value
		switch e.Approx {
		case "exact":
			lo, hi = v, v
		case "about":
			lo, hi = v*0.9, v*1.1
		case "at_least", "more_than":
			lo = v
		case "at_most", "less_than", "up_to":
			lo, hi = 0, v
		case "range":
			if e.Low == nil {
				lo = v
			}
			if e.High == nil {
				hi = v
			}
		default:
			lo, hi = v*0.9, v*1.1
		}
	}
	return lo, hi
}

func overlap(p, e Entry) bool {
	plo, phi := bounds(p)
	elo, ehi := bounds(e)
	return plo <= ehi && elo <= phi
}

// Keys returns the global measure key of each figure of a: its Key, save
// that a report does not contradict itself. A figure with the key of an
// earlier figure of the same article, the same speaker, an overlapping
// time frame and a value that cannot hold beside it (neither a part, an
// increment or a conversion of the other, nor an expectation beside a
// count) measures something else (another poll question, another kind of
// event) and gets a key of its own: the key, "#" and its index.
func Keys(a *news.Article) []string {
	keys := make([]string, len(a.Figures))
	kept := map[string][]int{} // the figures that kept each key
	for j := range a.Figures {
		f := &a.Figures[j]
		k := Key(f)
		keys[j] = k
		if k == "" {
			continue
		}
		e := entryOf(a, j)
		for _, i := range kept[k] {
			p := entryOf(a, i)
			if whole(p, e) != "" || fromTo(a, i, j) {
				continue
			}
			if f.What == "money" && !sameAmount(&a.Figures[i], f) {
				// Two amounts of money in one report are two packages
				// unless one repeats or converts the other.
				keys[j] = k + "#" + strconv.Itoa(j)
				break
			}
			if compatible(p, e) || expectation(p.Hedge) != expectation(e.Hedge) ||
				!strings.EqualFold(p.Speaker, e.Speaker) || !sameTime(p.Time, e.Time) {
				continue
			}
			keys[j] = k + "#" + strconv.Itoa(j)
			break
		}
		if keys[j] == k {
			kept[k] = append(kept[k], j)
		}
	}
	return keys
}

// sameTime says whether two figure times are one time frame: both
// unknown, or overlapping windows.
func sameTime(a, b string) bool {
	if a == "" || b == "" {
		return a == b
	}
	return sameWindow(a, b)
}

// Fits says whether a figure whose structured measure is f may be counted
// in the measure def although their keys differ: the same kind of thing
// (What), scopes that count alike (news.SameCount: a total may be one
// attack's toll), and each of owner, fate and place the same or unstated
// on one side. Whether it is, the measure step decides from the values.
func Fits(f *news.Figure, def news.MeasureDef) bool {
	if f.What == "" || f.What != def.What || !news.SameCount(f.Scope, def.Scope) {
		return false
	}
	same := func(a, b string) bool { return a == b || a == "" || b == "" }
	return same(f.Owner, def.Owner) && same(figure.KeyFate(f.Fate, f.What, f.Scope), figure.KeyFate(def.Fate, def.What, def.Scope)) && same(f.Place, def.Place)
}

// Near is the interval within which another figure states the same
// amount as f, for telling that two reports give one number: its value
// within 10 % whatever its hedge ("more than 400" and "400"; a bound is
// evidence of that number, not of every number past it), its range, or
// nothing (ok false) for a vague count with no number.
func Near(f *news.Figure) (lo, hi float64, ok bool) {
	switch {
	case f.Value != nil && f.Approx == "exact":
		return *f.Value, *f.Value, true
	case f.Value != nil:
		return *f.Value * 0.9, *f.Value * 1.1, true
	case f.Low != nil && f.High != nil:
		return *f.Low, *f.High, true
	}
	return 0, 0, false
}

// fromTo says whether figures i and j of a are the two ends of one
// change ("grew from 60 to 71 percent"): an evolution of one measure,
// never a report contradicting itself.
func fromTo(a *news.Article, i, j int) bool {
	f, g := &a.Figures[i], &a.Figures[j]
	if f.End > g.Start || g.Start > len(a.Text) || f.Start < 5 {
		return false
	}
	if strings.TrimSpace(a.Text[f.End:g.Start]) != "to" {
		return false
	}
	return strings.HasSuffix(strings.ToLower(strings.TrimRight(a.Text[max(0, f.Start-6):f.Start], " ")), "from")
}

// sameAmount says whether two figures state one amount: their Near
// intervals overlap, or they are one amount in two currencies.
func sameAmount(f, g *news.Figure) bool {
	if f.Unit != g.Unit && currency(f.Unit) && currency(g.Unit) {
		return compatible(Entry{Value: f.Value, Unit: f.Unit}, Entry{Value: g.Value, Unit: g.Unit})
	}
	lo, hi, ok := Near(f)
	lo2, hi2, ok2 := Near(g)
	if !ok || !ok2 {
		return true // a vague amount ("billions") may be any of them
	}
	return lo <= hi2 && lo2 <= hi
}
