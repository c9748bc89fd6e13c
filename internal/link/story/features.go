package story

import (
	"math"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/news"
)

// EntityPrefix marks entity keys among the document-frequency keys.
const EntityPrefix = "e:"

// Doc is what the step compares of one article.
type Doc struct {
	// Terms weighs the content words: 1 + ln(tf), title words counted
	// twice.
	Terms map[string]float64
	// Entities weighs the canonical entity IDs of the mentions likewise.
	Entities map[string]float64
	// Title is the set of the title's content words.
	Title map[string]bool
	// Time is the publication time; zero when unknown.
	Time time.Time
}

// Keys returns the document-frequency keys of doc, sorted: its terms and
// its entities with EntityPrefix.
func (d Doc) Keys() []string {
	out := make([]string, 0, len(d.Terms)+len(d.Entities))
	for t := range d.Terms {
		out = append(out, t)
	}
	for e := range d.Entities {
		out = append(out, EntityPrefix+e)
	}
	sort.Strings(out)
	return out
}

// Features returns what the step compares of a.
func Features(a *news.Article) Doc {
	tf := map[string]int{}
	count := func(text string, weight int) {
		ws := Terms(text)
		for _, w := range ws {
			tf[w] += weight
		}
	}
	count(a.Title, TitleWeight)
	title := map[string]bool{}
	for _, w := range Terms(a.Title) {
		title[w] = true
	}
	// The lead (the first sentences) says what the story is about.
	lead := leadEnd(a)
	count(a.Text[:lead], LeadWeight)
	count(a.Text[lead:], 1)
	ef := map[string]int{}
	for _, m := range a.Entities {
		if m.Entity != "" {
			ef[m.Entity]++
		}
	}
	return Doc{Terms: logWeights(tf), Entities: logWeights(ef), Title: title, Time: a.Published}
}

// TitleWeight and LeadWeight are how many times a word of the title or
// of the lead counts (chosen with the threshold: docs/BENCHMARKS.md).
const TitleWeight, LeadWeight = 3, 3

// LeadBytes is about how much of the text counts as the lead: the
// sentences that start within it.
const LeadBytes = 400

// leadEnd returns the end of the lead: the end of the last sentence that
// starts within LeadBytes, or LeadBytes (on a rune boundary) when there
// is no sentence layer.
func leadEnd(a *news.Article) int {
	end := 0
	for _, s := range a.Sentences {
		if s.Start >= LeadBytes {
			break
		}
		end = s.End
	}
	if len(a.Sentences) == 0 {
		end = min(LeadBytes, len(a.Text))
		for end < len(a.Text) && !utf8.RuneStart(a.Text[end]) {
			end++
		}
	}
	return min(max(end, 0), len(a.Text))
}

func logWeights(c map[string]int) map[string]float64 {
	out := make(map[string]float64, len(c))
	for k, n := range c {
		out[k] = 1 + math.Log(float64(n))
	}
	return out
}

// Terms returns the content words of text: lower-cased words of three
// letters or more that are not stop words, with plural and possessive
// endings stripped.
func Terms(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '’' && r != '-'
	}) {
		w = strings.Trim(strings.ToLower(w), "'’-")
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if len(w) < 3 || stop[w] {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

// stem strips an English plural ending: troops → troop, strikes →
// strike, casualties → casualty; "ss" and short words are kept.
func stem(w string) string {
	switch {
	case len(w) <= 4 || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

// stop lists English function words and the reporting vocabulary every
// news story shares.
var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`about above across after again against all almost also although always among
an and another any anyone anything are aren't around as at back be because been before being below between both but
by can cannot could couldn't did didn't do does doesn't doing don't done down during each either else even ever every
few for from further get gets got had hadn't has hasn't have haven't having he her here hers herself him himself his
how however i if in into is isn't it its it's itself just last least less let like made make many may me might more
most much must my myself neither never new no nor not now of off often on once one only or other others our ours
ourselves out over own per perhaps put rather really said same say says see seen several shall she should shouldn't
since so some still such than that the their theirs them themselves then there these they this those though through
thus to too toward towards under until up upon us very via was wasn't we were weren't what whatever when where
whether which while who whom whose why will with within without won't would wouldn't yet you your yours yourself
yourselves also told according added including includes include way well year years week weeks day days monday
tuesday wednesday thursday friday saturday sunday time times today yesterday tomorrow mr mrs ms two three four five
six seven eight nine ten first second third people thing things going think lot reported report reports reuters
news told statement percent called call calls`) {
		m[w] = true
	}
	return m
}()
