package readmodel

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"sitrep/internal/facts"
	"sitrep/internal/ledger"
	"sitrep/internal/news"
)

// Value is one value of a measure as a reader takes it in: every entry of
// the ledger stating the same number for the same time folded into one
// row, its speakers merged by entity, its reports counted ("n reports ·
// k independent origins") and the first of them to link to.
type Value struct {
	// Time is the time the value refers to as stored (ISO 8601), "" when
	// the reports give none; When is it in words, or the day of the first
	// report ("reported 2 May 2022") when there is none.
	Time string `json:"time,omitempty"`
	When string `json:"when"`
	// Text is the value as the first report writes it; Hedge its hedge.
	Text  string `json:"text"`
	Hedge string `json:"hedge,omitempty"`
	Unit  string `json:"unit,omitempty"`
	// Low and High bound the number (equal for one value; ±Inf for an
	// open bound; NaN for a value with no number, "dozens").
	Low  float64 `json:"-"`
	High float64 `json:"-"`
	// Speakers index Measure.SpeakerList.
	Speakers []int `json:"speakers"`
	// Reports counts the articles carrying the value, Origins their
	// distinct provenance families (independent origins); Articles lists
	// them, first stating first.
	Reports  int      `json:"reports"`
	Origins  int      `json:"origins"`
	Articles []string `json:"articles"`
	// Article and Figure are the first report stating the value and the
	// figure's index in it (the link to the sentence); Sentence is it.
	Article  string `json:"article"`
	Figure   int    `json:"figure"`
	Outlet   string `json:"outlet,omitempty"`
	Sentence string `json:"sentence,omitempty"`
	// Published is the first report's day.
	Published string `json:"published,omitempty"`
	// Relation is how the value relates to the earlier ones (the first
	// entry's); Contradicted is set when a speaker contradicts it.
	Relation     string `json:"relation,omitempty"`
	Contradicted bool   `json:"contradicted,omitempty"`
	// Stories are the stories of its reports (in a global measure).
	Stories []string `json:"stories,omitempty"`
}

// Speaker is one speaker of a measure: every spelling of one entity (or,
// without one, of one name) merged.
type Speaker struct {
	// Key is the entity ID, else the folded name.
	Key    string `json:"key"`
	Name   string `json:"name"`
	Entity string `json:"entity,omitempty"`
}

// valuesOf folds a ledger group's entries into values.
func valuesOf(g ledger.Group, m *Measure) {
	contradicted := map[int]bool{}
	for i, e := range g.Entries {
		if e.Relation == ledger.RelContradiction && e.Versus >= 0 {
			contradicted[i], contradicted[e.Versus] = true, true
		}
	}
	speakerAt := map[string]int{}
	type fold struct {
		v        *Value
		articles map[string]bool
		families map[string]bool
	}
	at := map[string]*fold{}
	var order []*fold
	for i, e := range g.Entries {
		name := SpeakerName(e.Speaker)
		key := e.SpeakerEntity
		if key == "" {
			key = foldName(name)
		}
		si, ok := speakerAt[key]
		if !ok {
			si = len(m.SpeakerList)
			speakerAt[key] = si
			m.SpeakerList = append(m.SpeakerList, Speaker{Key: key, Name: name, Entity: e.SpeakerEntity})
			m.Speakers = append(m.Speakers, name)
		}
		lo, hi := Bounds(news.Figure{Value: e.Value, Low: e.Low, High: e.High})
		unit := e.Unit
		if unit == "" {
			unit = g.Unit
		}
		when := e.Time
		if when == "" {
			when = "reported " + e.Published
		}
		k := when + "\x00" + boundKey(lo) + "\x00" + boundKey(hi) + "\x00" + unit
		if math.IsNaN(lo) {
			k += "\x00" + strings.ToLower(e.Text)
		}
		f := at[k]
		if f == nil {
			v := &Value{Time: e.Time, When: valueWhen(e.Time, e.Published), Text: e.Text, Hedge: e.Hedge, Unit: unit, Low: lo, High: hi,
				Speakers: []int{}, Articles: []string{}, Article: e.Article, Figure: e.Figure, Outlet: e.Outlet, Sentence: e.Sentence,
				Published: e.Published, Relation: e.Relation}
			f = &fold{v: v, articles: map[string]bool{}, families: map[string]bool{}}
			at[k] = f
			order = append(order, f)
		}
		v := f.v
		if !slices.Contains(v.Speakers, si) {
			v.Speakers = append(v.Speakers, si)
		}
		if contradicted[i] {
			v.Contradicted = true
		}
		if e.Story != "" && !slices.Contains(v.Stories, e.Story) {
			v.Stories = append(v.Stories, e.Story)
		}
		arts := e.Articles
		if len(arts) == 0 {
			arts = []string{e.Article}
		}
		for _, a := range arts {
			if !f.articles[a] {
				f.articles[a] = true
				v.Articles = append(v.Articles, a)
			}
		}
		fams := e.Families
		if len(fams) == 0 {
			fams = arts
		}
		for _, fa := range fams {
			f.families[fa] = true
		}
	}
	m.Values = make([]Value, len(order))
	for i, f := range order {
		f.v.Reports, f.v.Origins = len(f.articles), len(f.families)
		m.Values[i] = *f.v
	}
}

func boundKey(v float64) string {
	switch {
	case math.IsNaN(v):
		return "nan"
	case math.IsInf(v, 1):
		return "+inf"
	case math.IsInf(v, -1):
		return "-inf"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// valueWhen is a value's time in words, or its first report's day.
func valueWhen(t, published string) string {
	if t != "" {
		return ReadableTime(t)
	}
	if published == "" {
		return "undated"
	}
	return "reported " + ReadableTime(published)
}

// SpeakerName is a speaker as a page shows it: the name without the
// punctuation and spaces an extraction left around it, "unattributed"
// when there is none.
func SpeakerName(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) && r != ')' })
	if s == "" {
		return "unattributed"
	}
	return s
}

// foldName folds the spellings of one name that differ only in case,
// apostrophes and spaces.
func foldName(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "`", "'").Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

// MeasureLabel is the measure in words: its label when the figure stage
// gave one that is words (not a key), else one built from the structured
// fields of its key ("what|owner|fate|place|scope"): "Ukrainian people
// killed in Kharkiv (share)". It is never a key or an ID.
func MeasureLabel(label, key, unit string) string {
	if l := strings.TrimSpace(label); l != "" && !strings.Contains(l, "|") {
		return l
	}
	parts := strings.Split(key, "|")
	for len(parts) < 5 {
		parts = append(parts, "")
	}
	what, owner, fate, place, scope := parts[0], parts[1], parts[2], parts[3], parts[4]
	var words []string
	if owner != "" {
		words = append(words, ownerWord(owner))
	}
	if what != "" {
		words = append(words, strings.ReplaceAll(strings.ReplaceAll(what, "/", " "), "_", " "))
	} else if unit != "" {
		words = append(words, unit+"s")
	}
	if fate != "" {
		words = append(words, fate)
	}
	if place != "" {
		words = append(words, "in "+placeWord(place))
	}
	out := strings.Join(words, " ")
	switch scope {
	case "", news.ScopeTotal:
	case news.ScopeEvent:
		out += " (one event)"
	default:
		out += " (" + scope + ")"
	}
	if strings.TrimSpace(out) == "" {
		return "an unnamed quantity"
	}
	return out
}

// ownerWord is an owner key as an adjective: a state's demonym
// ("ua" → "Ukrainian"), else the key as words.
func ownerWord(k string) string {
	if c, ok := facts.Default().Country(strings.ToUpper(k)); ok && len(c.Demonyms) > 0 {
		return c.Demonyms[0]
	}
	return placeWord(k)
}

// placeWord is a place key as a name: a state's name, else the key's
// words capitalised ("kharkiv-oblast" → "Kharkiv Oblast").
func placeWord(k string) string {
	k = strings.TrimPrefix(strings.TrimPrefix(k, "gpe:"), "loc:")
	if c, ok := facts.Default().Country(strings.ToUpper(k)); ok {
		return c.Name
	}
	words := strings.FieldsFunc(k, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	for i, w := range words {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// CountedPhrase is a number with what it counts as the text has them,
// the short linking words kept: "about a quarter of its armoured force",
// "about half of them", not "about a quarter its armoured force". text is
// the article's text, sp the number's span, counts and cs the counted
// phrase and its span (nil when unknown).
func CountedPhrase(text string, sp news.Span, number, counts string, cs *news.Span) string {
	if counts == "" || cs != nil && cs.Start >= sp.Start && cs.End <= sp.End {
		return number // ("the 300-member council": the number holds it)
	}
	if cs != nil && sp.End <= cs.Start && cs.Start <= len(text) {
		if gap := text[sp.End:cs.Start]; len(gap) <= 8 && strings.TrimSpace(gap) != "" && strings.IndexFunc(gap, func(r rune) bool {
			return r != ' ' && !unicode.IsLetter(r)
		}) < 0 {
			return number + gap + counts // " of ", " of the "
		}
	}
	return number + " " + counts
}
