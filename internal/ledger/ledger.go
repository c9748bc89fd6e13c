// Package ledger groups the figures of many articles by what they
// measure, orders each group by time and says, for every later value,
// how it relates to the earlier ones: it agrees (bounds that overlap given
// the hedges, or the same amount in another currency), it is an evolution
// (a different time, the same speaker updating, an expectation beside a
// current count), a part or an increment of another figure, or a
// contradiction (the same measure and scope, different speakers, an
// overlapping time frame, and values that cannot both hold). Each value
// counts its independent sources: the distinct provenance families of the
// articles that carry it, so copies of one report count once.
//
// Build makes the per-story ledger of a set of articles; Line makes the
// ledger of one global measure from the figures the measure index keeps
// (internal/link/measure); Relate and Pair judge two figures.
package ledger

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/news"
)

// Relations of an entry to the earlier entries of its group.
const (
	RelFirst         = "first"         // the earliest value of the group
	RelAgrees        = "agrees"        // compatible with an earlier value
	RelEvolution     = "evolution"     // a change over time, an update or an expectation
	RelContradiction = "contradiction" // incompatible with another speaker's value at the same time
	// RelUnknownTime: incompatible with another speaker's value, but at
	// least one of the two has no time (no time expression in the text and
	// no publication date), so it cannot be told whether they speak of the
	// same moment (a contradiction) or of different ones (an evolution).
	RelUnknownTime = "unknown-time"
	// RelPartOf: one figure is a part of the other ("300 of the
	// 4,000", "including 40 children").
	RelPartOf = "part_of"
	// RelIncrement: the later figure is an addition to the earlier
	// one ("a further €500m"); RelTotal: the later figure is the total
	// an earlier increment adds to ("taking its total to €1.7bn").
	RelIncrement = "increment"
	RelTotal     = "total"
	// RelUnrelated: the figures measure different things (Pair), or a
	// group that says neither whose nor where holds values that cannot
	// both hold (judge: such a group may count different things).
	RelUnrelated = "unrelated"
)

// Ledger is the figure ledger of a set of articles.
type Ledger struct {
	Groups []Group `json:"groups"`
}

// Group is every value stated for one measure (within one story).
type Group struct {
	// Story is the story the articles belong to ("" when unclustered).
	Story string `json:"story,omitempty"`
	// Measure is the group's key: the measure of its first figure.
	Measure string `json:"measure"`
	// Measures lists every figure measure merged into the group.
	Measures []string `json:"measures"`
	// Unit is what is counted.
	Unit string `json:"unit,omitempty"`
	// Label is the measure in words (the first figure's Figure.Label),
	// "" when the figure stage gave none.
	Label   string  `json:"label,omitempty"`
	Entries []Entry `json:"entries"`
	// Contradictions counts entries marked contradiction.
	Contradictions int `json:"contradictions"`
	// UnknownTime counts entries marked unknown-time.
	UnknownTime int `json:"unknown_time"`
}

// Entry is one value stated by one speaker for one time, with every
// article that carries it.
type Entry struct {
	Value  *float64 `json:"value,omitempty"`
	Low    *float64 `json:"low,omitempty"`
	High   *float64 `json:"high,omitempty"`
	Approx string   `json:"approx"`
	Text   string   `json:"text"`
	// Unit is the entry's unit (a conversion may state one amount in
	// another currency than the group's).
	Unit string `json:"unit,omitempty"`
	// Scope is the figure's scope (news.Scope*), "" when unknown.
	Scope string `json:"scope,omitempty"`
	// Speaker is the canonical speaker or the outlet; Attributed says
	// whether the text names the speaker (false: the outlet's own voice).
	Speaker       string `json:"speaker"`
	SpeakerEntity string `json:"speaker_entity,omitempty"`
	Attributed    bool   `json:"attributed,omitempty"`
	Hedge         string `json:"hedge,omitempty"`
	Time          string `json:"time,omitempty"`
	// Article is the first article (in time order) stating the value,
	// Figure the figure's index in its Figures, Whole the index there of
	// the figure it is a part of or an increment to (nil for none), and
	// Span the figure's evidence in it; Sentence is the sentence that
	// states it.
	Article   string    `json:"article"`
	Figure    int       `json:"figure"`
	Whole     *int      `json:"whole,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Published string    `json:"published,omitempty"`
	Story     string    `json:"story,omitempty"`
	Span      news.Span `json:"span"`
	Sentence  string    `json:"sentence,omitempty"`
	// Articles lists every article carrying the value; Families their
	// distinct provenance families; Sources is len(Families).
	Articles []string `json:"articles"`
	Families []string `json:"families"`
	Sources  int      `json:"sources"`
	// Relation is one of the Rel constants; Versus is the index in the
	// group's Entries of the earlier entry it is judged against (-1 for
	// the first).
	Relation string `json:"relation"`
	Versus   int    `json:"versus"`
}

// item is one figure with what the ledger reads of its article.
type item struct {
	a        *news.Article
	f        *news.Figure
	index    int
	sentence string
}

// Build makes the ledger of articles. It reads each article's Figures,
// Story, Published, Outlet and Provenance (and its Text and Entities, to
// find what a figure's people did and whose they are); it does not modify
// them.
//
// Figures with a structured measure (Figure.What set by the figure
// stage) share a group when they are in the same story and their measure
// keys (Key) are equal. Figures without one fall back on the measure
// string: they share a group when they are in the same story, their
// measure nouns are equal after the ledger's head qualifier (headOf:
// "troop" and "troop-deserted" stay apart), their owners (ownerOf: the
// state whose troops or people are counted) do not differ, and their
// actor sets overlap (a figure with no actors continues its article's
// previous group on the same noun).
func Build(articles []*news.Article) *Ledger {
	type bucket struct {
		story, noun, owner string
		key                string
		actors             map[string]bool
		measures           []string
		items              []item
	}
	var buckets []*bucket
	fits := func(b *bucket, story, noun, owner string) bool {
		return b.story == story && b.noun == noun && (b.owner == "" || owner == "" || b.owner == owner)
	}
	structured := map[[2]string]*bucket{}
	for _, a := range articles {
		last := map[string]*bucket{} // the bucket of the article's latest figure, by noun
		keys := Keys(a)
		for i := range a.Figures {
			f := &a.Figures[i]
			it := item{a: a, f: f, index: i, sentence: SentenceOf(a, f.Span)}
			if f.What != "" {
				k := [2]string{a.Story, keys[i]}
				b := structured[k]
				if tw := structured[[2]string{a.Story, twin(keys[i])}]; b == nil && tw != nil && slices.ContainsFunc(tw.items, func(x item) bool { return sameAmount(x.f, f) }) {
					// "killing six" in one report and "left six dead" in
					// another: one attack's toll and a total of the same
					// number in one story are one count.
					b = tw
				}
				if b == nil {
					b = &bucket{story: a.Story, key: k[1], measures: []string{f.Measure}}
					structured[k] = b
					buckets = append(buckets, b)
				}
				b.items = append(b.items, it)
				continue
			}
			noun, actors := split(f.Measure)
			if h := headOf(a, f); h != "" && !strings.Contains(noun, "-") {
				noun += "-" + h
			}
			owner := ownerOf(a, f)
			var into *bucket
			for _, b := range buckets {
				if !fits(b, a.Story, noun, owner) {
					continue
				}
				if overlaps(b.actors, actors) || len(actors) == 0 && len(b.actors) == 0 {
					into = b
					break
				}
			}
			if len(actors) == 0 {
				// No actors of its own: it continues the article's
				// previous figure on the same noun ("… and 12,000 more").
				if b := last[noun]; b != nil && fits(b, a.Story, noun, owner) {
					into = b
				}
			}
			if into == nil && len(actors) == 0 {
				for _, b := range buckets {
					if fits(b, a.Story, noun, owner) && (into == nil || len(b.items) > len(into.items)) {
						into = b
					}
				}
			}
			if into == nil {
				key := f.Measure
				if n0, rest, _ := strings.Cut(f.Measure, "|"); n0 != noun {
					key = noun
					if rest != "" {
						key += "|" + rest
					}
				}
				into = &bucket{story: a.Story, noun: noun, key: key, actors: map[string]bool{}}
				buckets = append(buckets, into)
			}
			if into.owner == "" {
				into.owner = owner
			}
			for _, x := range actors {
				into.actors[x] = true
			}
			if !contains(into.measures, f.Measure) {
				into.measures = append(into.measures, f.Measure)
			}
			into.items = append(into.items, it)
			last[noun] = into
		}
	}
	l := &Ledger{Groups: []Group{}}
	for _, b := range buckets {
		g := group(b.story, b.measures, b.items)
		g.Measure = b.key
		l.Groups = append(l.Groups, g)
	}
	sort.SliceStable(l.Groups, func(i, j int) bool {
		gi, gj := l.Groups[i], l.Groups[j]
		if gi.Story != gj.Story {
			return gi.Story < gj.Story
		}
		return len(gi.Entries) > len(gj.Entries)
	})
	return l
}

// heads are what may have happened to the people a figure counts, read
// just after the counted noun ("100,000 personnel have deserted"): a
// count of deserters is not a count of troops sent.
var heads = []struct{ stem, key string }{
	{"desert", "deserted"}, {"defect", "defected"}, {"surrender", "surrendered"},
	{"kill", "killed"}, {"dead", "killed"}, {"died", "killed"},
	{"wound", "injured"}, {"injur", "injured"}, {"missing", "missing"},
	{"captur", "captured"}, {"taken prisoner", "captured"}, {"arrest", "arrested"},
	{"evacuat", "evacuated"}, {"displac", "displaced"}, {"fled", "fled"},
}

// headOf reads what happened to the counted people in the few words after
// the figure's counted noun (or its number), within the clause: "" when
// nothing is said or the text is not there.
func headOf(a *news.Article, f *news.Figure) string {
	end := f.Span.End
	if f.CountsSpan != nil && f.CountsSpan.End > end {
		end = f.CountsSpan.End
	}
	if end <= 0 || end > len(a.Text) {
		return ""
	}
	w := a.Text[end:min(len(a.Text), end+40)]
	if k := strings.IndexAny(w, ".;:,\n"); k >= 0 {
		w = w[:k]
	}
	w = " " + strings.ToLower(w)
	for _, h := range heads {
		if strings.Contains(w, " "+h.stem) {
			return h.key
		}
	}
	return ""
}

// forceNouns follow a demonym that owns the counted people ("the
// Ukrainian army, where 100,000 personnel …").
var forceNouns = []string{"army", "armed forces", "forces", "military", "troops", "soldiers", "navy", "air force"}

// ownerOf finds the state whose people a figure counts: a state or its
// demonym inside the counted noun phrase ("15,000 North Korean troops"),
// else, in the clause before the number, a demonym naming a force ("within
// the Ukrainian army, where over 100,000 personnel") or a state that sends
// or deploys ("North Korea has despatched some 10,000"). "" when the text
// does not say.
func ownerOf(a *news.Article, f *news.Figure) string {
	// The layers are in text order: look only at the mentions that start
	// where the figure's clause does (tokens.Within), so that the cost
	// per figure does not grow with the article.
	mentions := func(sp news.Span) []news.Mention {
		lo, hi := tokens.Within(len(a.Entities), func(i int) int { return a.Entities[i].Start }, sp)
		return a.Entities[lo:hi]
	}
	if f.CountsSpan != nil {
		for _, m := range mentions(*f.CountsSpan) {
			if m.End <= f.CountsSpan.End && state(m) {
				return actorKey(m.Entity)
			}
		}
	}
	start := f.Span.Start
	if start <= 0 || start > len(a.Text) {
		return ""
	}
	lo := max(0, start-70)
	ss := a.Sentences
	if k := sort.Search(len(ss), func(i int) bool { return ss[i].End > start }); k < len(ss) && ss[k].Start <= start && ss[k].Start > lo {
		lo = ss[k].Start
	}
	// A new coordinated clause ("…, and a few thousand more") or a new
	// sentence ends the look-back.
	before := a.Text[lo:start]
	for _, stop := range []string{", and ", ", but ", "; ", ". "} {
		if k := strings.LastIndex(before, stop); k >= 0 {
			lo += k + len(stop)
			before = a.Text[lo:start]
		}
	}
	best := ""
	for _, m := range mentions(news.Span{Start: lo, End: start}) {
		if m.End > start || !state(m) {
			continue
		}
		after := strings.ToLower(a.Text[m.End:min(len(a.Text), m.End+30)])
		ok := false
		if m.Kind == "demonym" {
			for _, n := range forceNouns {
				if strings.HasPrefix(after, " "+n) {
					ok = true
				}
			}
		} else {
			for _, v := range []string{" has despatched", " has dispatched", " has sent", " sent", " deployed", " has deployed", " dispatched"} {
				if strings.HasPrefix(after, v) {
					ok = true
				}
			}
		}
		if ok {
			best = actorKey(m.Entity) // the nearest wins
		}
	}
	return best
}

// state says whether a mention names a state or its people.
func state(m news.Mention) bool {
	return m.Entity != "" && (m.Type == "GPE" || m.Kind == "demonym") && strings.HasPrefix(m.Entity, "gpe:")
}

// actorKey turns an entity ID into the figure layer's short key:
// "gpe:kp" → "kp".
func actorKey(id string) string {
	if _, rest, ok := strings.Cut(id, ":"); ok {
		return rest
	}
	return id
}

// twin is the key of the same measure counted as one attack's toll when
// k is a total, and as a total when k is one attack's toll; "" for other
// keys.
func twin(k string) string {
	if base, ok := strings.CutSuffix(k, "|"+news.ScopeTotal); ok {
		return base + "|" + news.ScopeEvent
	}
	if base, ok := strings.CutSuffix(k, "|"+news.ScopeEvent); ok {
		return base + "|" + news.ScopeTotal
	}
	return ""
}

func split(measure string) (string, []string) {
	parts := strings.Split(measure, "|")
	return parts[0], parts[1:]
}

func overlaps(set map[string]bool, xs []string) bool {
	for _, x := range xs {
		if set[x] {
			return true
		}
	}
	return false
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func family(a *news.Article) string {
	if a.Provenance != nil && a.Provenance.Family != "" {
		return a.Provenance.Family
	}
	return a.ID
}

// key identifies one value by one speaker at one time.
func key(f *news.Figure) string {
	return num(f.Value) + "/" + num(f.Low) + "/" + num(f.High) + "|" + strings.ToLower(f.Speaker) + "|" + f.Time + "|" + strconv.FormatBool(expectation(f.Hedge))
}

func num(p *float64) string {
	if p == nil {
		return "-"
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

func group(story string, measures []string, items []item) Group {
	sort.SliceStable(items, func(i, j int) bool {
		ti, tj := firstDate(items[i].f.Time), firstDate(items[j].f.Time)
		if ti != tj {
			return ti < tj
		}
		return items[i].a.Published.Before(items[j].a.Published)
	})
	g := Group{Story: story, Measure: measures[0], Measures: measures, Unit: items[0].f.Unit}
	index := map[string]int{}
	for _, it := range items {
		f := it.f
		if g.Label == "" {
			g.Label = f.Label
		}
		k := key(f)
		fam := family(it.a)
		if i, ok := index[k]; ok {
			e := &g.Entries[i]
			if !contains(e.Articles, it.a.ID) {
				e.Articles = append(e.Articles, it.a.ID)
			}
			if !contains(e.Families, fam) {
				e.Families = append(e.Families, fam)
				e.Sources = len(e.Families)
			}
			continue
		}
		index[k] = len(g.Entries)
		published := ""
		if !it.a.Published.IsZero() {
			published = it.a.Published.UTC().Format("2006-01-02")
		}
		g.Entries = append(g.Entries, Entry{Value: f.Value, Low: f.Low, High: f.High, Approx: f.Approx, Text: f.Text,
			Unit: f.Unit, Scope: f.Scope, Speaker: f.Speaker, SpeakerEntity: f.SpeakerEntity, Attributed: f.SpeakerSpan != nil,
			Hedge: f.Hedge, Time: f.Time,
			Article: it.a.ID, Figure: it.index, Whole: f.Whole, Outlet: it.a.Outlet,
			Published: published, Story: it.a.Story, Span: f.Span, Sentence: it.sentence,
			Articles: []string{it.a.ID}, Families: []string{fam}, Sources: 1, Versus: -1})
	}
	for i := range g.Entries {
		judge(&g, i)
		switch g.Entries[i].Relation {
		case RelContradiction:
			g.Contradictions++
		case RelUnknownTime:
			g.UnknownTime++
		}
	}
	return g
}

// Line makes the ledger of one global measure from the figures the
// measure index keeps for it (news.MeasureFigure, any order): its values
// across every story and article, ordered by the time each figure refers
// to, each with its speaker, its independent sources and its relation to
// the earlier values.
func Line(def news.MeasureDef, figs []news.MeasureFigure) Group {
	if len(figs) == 0 {
		return Group{Measure: def.Key, Measures: []string{def.Key}, Unit: def.Unit, Label: def.Label, Entries: []Entry{}}
	}
	arts := map[string]*news.Article{}
	items := make([]item, 0, len(figs))
	for i := range figs {
		mf := &figs[i]
		a := arts[mf.Article]
		if a == nil {
			a = &news.Article{ID: mf.Article, Story: mf.Story, Outlet: mf.Outlet, Published: mf.Published}
			if mf.Family != "" {
				a.Provenance = &news.Provenance{Family: mf.Family}
			}
			arts[mf.Article] = a
		}
		items = append(items, item{a: a, f: &mf.Figure, index: mf.Index, sentence: mf.Sentence})
	}
	// A stable input order (article, figure) keeps the ledger the same
	// whatever order the store returns the rows in.
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].a.ID != items[j].a.ID {
			return items[i].a.ID < items[j].a.ID
		}
		return items[i].index < items[j].index
	})
	g := group("", []string{def.Key}, items)
	if def.Label != "" {
		g.Label = def.Label
	}
	if def.Unit != "" {
		g.Unit = def.Unit
	}
	return g
}

// judge sets the relation of entry i to the earlier entries: a
// contradiction with any earlier one wins, then an unknown-time
// disagreement, then a part or an increment, then an evolution, then
// agreement.
func judge(g *Group, i int) {
	e := &g.Entries[i]
	if i == 0 {
		e.Relation = RelFirst
		return
	}
	rel, versus := "", -1
	for j := i - 1; j >= 0; j-- {
		p := g.Entries[j]
		r := Relate(p, *e)
		if (r == RelContradiction || r == RelEvolution || r == RelUnknownTime) && !locatedKey(g.Measure) {
			// A measure that says neither whose nor where ("people
			// killed", "countries") may hold counts of different things:
			// their different values neither contradict each other nor
			// tell how one thing changed.
			r = RelUnrelated
		}
		if r == RelContradiction && !fatedKey(g.Measure) {
			// Nor does one that says nothing of what happened to the
			// thing counted: "hundreds of thousands of Russian soldiers"
			// who would defend Belarus and "100,000 troops" amassed on a
			// border are counts of two events.
			r = RelUnrelated
		}
		if r == RelContradiction {
			rel, versus = r, j
			break
		}
		if rank(r) > rank(rel) {
			rel, versus = r, j
		}
	}
	if rel == "" {
		rel, versus = RelUnrelated, i-1 // every earlier value was unrelated
	}
	e.Relation, e.Versus = rel, versus
}

// fatedKey says whether a structured measure key (what|owner|fate|place|
// scope) states the fate of what it counts; a key of another form does.
func fatedKey(k string) bool {
	f := strings.Split(k, "|")
	return len(f) != 5 || f[2] != ""
}

// locatedKey says whether a structured measure key ("what|owner|fate|
// place|scope", perhaps with a "#" or "@" suffix) states an owner or a
// place; keys of another shape (the measure strings of figures without a
// structured measure) count as located.
func locatedKey(k string) bool {
	f := strings.Split(k, "|")
	if len(f) != 5 {
		return true
	}
	return f[1] != "" || f[3] != ""
}

// rank orders the relations judge prefers, the nearest earlier entry
// winning a tie.
func rank(r string) int {
	switch r {
	case RelAgrees:
		return 1
	case RelEvolution:
		return 2
	case RelPartOf, RelIncrement, RelTotal:
		return 3
	case RelUnknownTime:
		return 4
	case RelContradiction:
		return 5
	}
	return 0
}
