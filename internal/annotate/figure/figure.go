// Package figure turns quantities that state facts into figures: what is
// measured (a key from the counted noun's lemma and the actors around
// it), the value, who states it (the innermost enclosing claim, else the
// outlet), the hedge and the time it refers to. It is the figure layer
// (news.Article.Figures) and reads the sentence, quantity, timex, entity
// and claim layers.
package figure

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/annotate/syntax"
	"sitrep/internal/annotate/tokens"
	"sitrep/internal/news"
)

// Stage is the figure stage. The zero value is ready to use.
type Stage struct{}

// New returns the figure stage.
func New() *Stage { return &Stage{} }

// Process sets a.Figures.
func (s *Stage) Process(ctx context.Context, a *news.Article) error {
	a.Figures = Find(a)
	return nil
}

// notFigures are units that are not facts about the world for the ledger:
// durations, distances, calibres and counts of sources or of text.
var notFigures = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`year month week day hour minute second decade century time times o'clock
		km kilometre kilometer mile metre meter m mm cm inch foot feet yard calibre
		source way reason point paragraph page step term side stage phase wave`) {
		notFigures[w] = true
	}
}

// informants are people a report counts as its sources ("two officials
// said", "according to three diplomats"): not a figure when they speak,
// a figure when something happens to them ("expelled 45 diplomats").
var informants = tokens.Set(`diplomat official reporter journalist`)

// speaks says whether quantity q counts the speakers of a claim: it
// overlaps a claim's speaker, or the speaker starts right after it with
// no punctuation between ("two officials familiar with the talks said").
func (ix *index) speaks(q news.Quantity) bool {
	for _, c := range ix.a.Claims {
		sp := c.SpeakerSpan
		switch {
		case sp == nil:
		case sp.Start < q.End && q.Start < sp.End:
			return true
		case sp.Start >= q.End && sp.Start <= q.End+40 && !strings.ContainsAny(ix.a.Text[q.End:sp.Start], ".,;:"):
			return true
		}
	}
	return false
}

// hedgeOrder lists hedge cues, strongest first, and the hedge they give.
var hedgeOrder = []struct{ cue, hedge string }{
	{"is expected to", "expected"}, {"are expected to", "expected"}, {"expected", "expected"},
	{"expects", "expected"}, {"expect", "expected"}, {"anticipates", "expected"}, {"would reach", "expected"},
	{"could", "could"}, {"may", "may"}, {"might", "might"}, {"reportedly", "reportedly"},
	{"allegedly", "allegedly"}, {"likely", "likely"}, {"believes", "believes"}, {"believe", "believes"},
	{"estimates", "estimates"}, {"estimated", "estimates"}, {"appeared", "appeared"}, {"apparently", "appeared"},
	{"is thought to", "believes"}, {"are thought to", "believes"}, {"was thought to", "believes"}, {"were thought to", "believes"},
	{"not independently verified", "unverified"}, {"could not be independently verified", "unverified"},
}

// approxWords are approximators that hedge a number ("some 2,000").
var approxWords = map[string]bool{"some": true, "about": true, "roughly": true, "around": true,
	"approximately": true, "nearly": true, "almost": true, "estimated": true, "an": true}

// Find returns the figures of an article, in text order. It reads the
// syntax layer; when the article has none (a caller that ran only some
// stages), Find fills it first with the syntax stage.
func Find(a *news.Article) []news.Figure {
	if len(a.Syntax) != len(a.Tokens) && len(a.Tokens) > 0 {
		_ = syntax.New().Process(context.Background(), a)
	}
	var out []news.Figure
	pub := ""
	if !a.Published.IsZero() {
		pub = a.Published.Format("2006-01-02")
	}
	lastUnit, lastSent := "", -1
	ix := newIndex(a)
	for qi, q := range a.Quantities {
		if q.Kind == "ordinal" || ix.times.Contain(q.Span) || q.Value == nil && q.Low == nil && q.High == nil && q.Approx != "vague" {
			continue
		}
		sent := ix.sentenceOf(q.Start)
		unit := strings.ToLower(q.Unit)
		if unit == "" && q.Kind == "cardinal" && q.Counts == "" && lastSent >= 0 {
			// A bare number takes the unit of the number before it in
			// its sentence, or in the sentence before in the same
			// paragraph ("40 tanks were destroyed and 12 damaged").
			if sent == lastSent || sent == lastSent+1 && !strings.Contains(a.Text[a.Sentences[lastSent].End:q.Start], "\n") {
				unit = lastUnit
			}
		}
		if unitWord(strings.TrimSuffix(unit, ".")) || informants[strings.TrimSuffix(unit, "s")] && ix.speaks(q) || listNumber(a, q) || yearLike(a.Text, q) || ix.notFigure(q) {
			continue
		}
		if q.Unit != "" && q.Kind != "money" && q.Kind != "percent" {
			lastUnit, lastSent = unit, sent // (a unit taken over is not passed on)
		}
		f := news.Figure{Quantity: qi, Span: q.Span, Text: q.Text, Value: q.Value, Low: q.Low, High: q.High,
			Approx: q.Approx, Unit: q.Unit, Counts: q.Counts, CountsSpan: q.CountsSpan, Claim: -1}
		if f.Unit == "" {
			f.Unit = unit
		}
		sp := news.Span{Start: 0, End: len(a.Text)}
		if sent >= 0 {
			sp = a.Sentences[sent].Span
		}
		// Speaker: the innermost claim whose content holds the quantity.
		best := ix.innermostClaim(q.Span)
		if best >= 0 {
			c := a.Claims[best]
			f.Claim, f.Speaker, f.SpeakerEntity, f.SpeakerSpan = best, c.Speaker, c.SpeakerEntity, c.SpeakerSpan
		} else if name, ent, span, ok := ix.estimator(q); ok {
			f.Speaker, f.SpeakerEntity, f.SpeakerSpan = name, ent, &span
		} else if name, ent, span, ok := ix.quotedBy(q, sp); ok {
			f.Speaker, f.SpeakerEntity, f.SpeakerSpan = name, ent, &span
		} else if c := ix.quotedAfter(q, sent); c >= 0 {
			cl := a.Claims[c]
			f.Speaker, f.SpeakerEntity, f.SpeakerSpan = cl.Speaker, cl.SpeakerEntity, cl.SpeakerSpan
		} else if c := ix.pollGoesOn(q, sent); c >= 0 {
			cl := a.Claims[c]
			f.Speaker, f.SpeakerEntity, f.SpeakerSpan = cl.Speaker, cl.SpeakerEntity, cl.SpeakerSpan
		} else if c := ix.bodyGoesOn(sent); c >= 0 {
			cl := a.Claims[c]
			f.Speaker, f.SpeakerEntity, f.SpeakerSpan = cl.Speaker, cl.SpeakerEntity, cl.SpeakerSpan
		} else {
			f.Speaker = a.Voice() // the outlet, else the author or site
		}
		f.Hedge = ix.hedge(q, sp, f.Claim)
		f.Time, f.TimeSpan = when(a, q, sp)
		if f.Time == "" || afterPub(f.Time, pub) && !forecast(forecastClauses(a.Text, sp, q.Span, f.TimeSpan), f.Hedge) {
			// A figure is dated by the text, else by its publication; a
			// date after publication holds only for a forecast.
			f.Time, f.TimeSpan = pub, nil
		}
		if n := anniversaryOf(a.Text, sp, q.Span); n > 0 {
			// "the 10th anniversary of the tragedy that claimed 298
			// lives": the count is of the day remembered, n years before.
			f.Time = yearsBefore(f.Time, n)
		}
		if f.Claim >= 0 && a.Claims[f.Claim].Kind == news.ClaimPledge {
			f.Actors = ix.actors(sp, "", nil) // the pledger owns what it pledges
		} else {
			f.Actors = ix.actors(sp, f.SpeakerEntity, f.SpeakerSpan)
		}
		ix.measureOf(&f, q, sp)
		if f.Fate == "" && f.Hedge == "" && strings.EqualFold(q.Text, "one") && !limited(a.Text[:q.Start]) {
			// "In one case", "One man I spoke to", "One jet bombed a
			// school": a lone, unhedged "one" to which nothing happens
			// introduces someone or something; it counts nothing ("only
			// one tank" does).
			continue
		}
		out = append(out, f)
	}
	ix.link(out)
	ix.fromTo(out)
	ix.openFates(out)
	ix.unify(out)
	names := ix.names()
	for i := range out {
		out[i].Measure = MeasureKey(out[i])
		out[i].Label = labelOf(&out[i], names)
	}
	return out
}

// limited reports whether the text before a number bounds it ("only",
// "just", "at least", "more than"): "only one tank" is a count.
func limited(before string) bool {
	w := strings.ToLower(before[max(0, len(before)-12):])
	w = strings.TrimRightFunc(w, unicode.IsSpace)
	for _, b := range []string{"only", "just", "least", "than", "most"} {
		if strings.HasSuffix(w, b) {
			return true
		}
	}
	return false
}

// index answers the finder's questions about the other layers without
// scanning them whole, so that finding figures stays linear in the
// length of the article. The quantities are asked about in text order.
type index struct {
	a    *news.Article
	tree *tree
	// wholes maps a figure's quantity to the token of the number it is a
	// part of ("300 of the 4,000"), read by link.
	wholes map[int]int
	// bare holds the quantities with no counted noun ("rose to 131").
	bare map[int]bool
	// bareVerb maps a bare quantity to the token of the verb it hangs on,
	// whose fate link reads again once it knows what the number counts.
	bareVerb map[int]int
	// noDonor holds the quantities no donor named before owns: aid
	// several donors give together ("Germany, Belgium and Norway are
	// allocating $1.5bn"), and weapons that are the agent of a passive
	// ("Kharkiv was hit by 40 missiles").
	noDonor map[int]bool
	// ownOwner holds the quantities whose owner their own words give,
	// which link keeps: the country of their own place ("60% in
	// Latvia"), the candidate of a poll's share ("Rubio with 18%").
	ownOwner map[int]bool
	// openVerb maps a quantity with no fate to the content verb its
	// counted thing is the subject or object of, whose participle is its
	// fate when nothing else gives one (openFates).
	openVerb map[int]int
	times    tokens.Covers // does a time expression contain a span?
	quants   tokens.Covers // does a quantity contain a span?
	// byContent lists the claims by the start of their content; open are
	// the claims whose content has started, next the first not yet open.
	byContent []int
	open      []int
	next      int
	// nameOf caches names(): entity key → display name.
	nameOf map[string]string
}

func newIndex(a *news.Article) *index {
	ix := &index{a: a, byContent: make([]int, len(a.Claims)), tree: newTree(a), wholes: map[int]int{}, bare: map[int]bool{}, bareVerb: map[int]int{}, noDonor: map[int]bool{}, ownOwner: map[int]bool{}, openVerb: map[int]int{}}
	ix.times = tokens.NewCovers(len(a.Times), func(i int) news.Span { return a.Times[i].Span })
	ix.quants = tokens.NewCovers(len(a.Quantities), func(i int) news.Span { return a.Quantities[i].Span })
	for i := range ix.byContent {
		ix.byContent[i] = i
	}
	sort.SliceStable(ix.byContent, func(i, j int) bool {
		return a.Claims[ix.byContent[i]].Content.Start < a.Claims[ix.byContent[j]].Content.Start
	})
	return ix
}

// sentenceOf returns the index of the sentence holding pos, or -1.
func (ix *index) sentenceOf(pos int) int {
	ss := ix.a.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > pos })
	if i < len(ss) && ss[i].Start <= pos {
		return i
	}
	return -1
}

// quotedBy returns the named subject whose words a partial quotation
// holding quantity q gives, when no claim holds it: the quotation hangs
// on a verb of saying, asking or naming that the claim rules do not take
// as a cue ("Zelenskyy decried “hundreds, thousands of crimes”", "what
// the US authorities called “a scheme that netted $93 million”"). A
// quotation on any other verb is the writer's ("attacks that killed
// “dozens”"), and a pronoun subject names no one here.
func (ix *index) quotedBy(q news.Quantity, sent news.Span) (name, entity string, span news.Span, ok bool) {
	t := ix.tree
	if !t.parsed {
		return "", "", news.Span{}, false
	}
	text := ix.a.Text
	open := quoteOpen(text, sent, q.Start)
	if open < 0 || strings.TrimSpace(text[sent.Start:open]) == "" {
		return "", "", news.Span{}, false // a whole quoted sentence is a claim's business
	}
	lo, hi := t.span(news.Span{Start: open, End: q.End})
	if lo >= hi {
		return "", "", news.Span{}, false
	}
	v := t.anchor(lo, hi)
	for k := 0; k < 4 && v >= 0 && !t.isVerb(v); k++ {
		v = t.head(v)
	}
	if v < 0 || !t.isVerb(v) || !quoteVerbs[t.lemma(v)] {
		return "", "", news.Span{}, false
	}
	s := t.child(v, "nsubj")
	if s < 0 && t.rel(v) == "xcomp" || s < 0 && t.rel(v) == "advcl" {
		s = t.child(t.head(v), "nsubj") // "He pleaded for help, asking for “1% of your tanks”"
	}
	return ix.namedSubject(s)
}

// quoteOpen returns where the quotation open at pos in the sentence sent
// begins: the last “ before it with no ” between, or the last of an odd
// number of straight quotes; -1 when none is open.
func quoteOpen(text string, sent news.Span, pos int) int {
	before := text[sent.Start:pos]
	if i := strings.LastIndex(before, "“"); i >= 0 && !strings.Contains(before[i:], "”") {
		return sent.Start + i
	}
	if strings.Count(before, `"`)%2 == 1 {
		return sent.Start + strings.LastIndex(before, `"`)
	}
	return -1
}

// quotedAfter returns the claim of the sentence before when quantity q
// stands in a partial quotation that opens and closes inside sentence
// sent, no claim's cue or reporting verb stands in sent, and the
// sentence before, in the same paragraph, credits a named speaker: the
// writer goes on quoting the source just named ("…, Harris wrote. Since
// the spring, Spain's presence has risen “from 500 to 640”."), or -1.
func (ix *index) quotedAfter(q news.Quantity, sent int) int {
	a := ix.a
	if sent < 1 {
		return -1
	}
	cur, prev := a.Sentences[sent].Span, a.Sentences[sent-1].Span
	if q.End > cur.End {
		return -1 // (a quantity the sentence splitter cut)
	}
	open := quoteOpen(a.Text, cur, q.Start)
	if open < 0 && ix.quotedPredicate(q, cur) {
		open = q.Start // "Twenty of its ships were recently “engaged in …”": the predicate is quoted
	}
	if open < 0 || strings.TrimSpace(a.Text[cur.Start:open]) == "" && open != q.Start || !strings.ContainsAny(a.Text[q.End:cur.End], "”\"") ||
		strings.Contains(a.Text[prev.End:cur.Start], "\n") {
		return -1 // (a whole quoted sentence is a claim's business; a partial quotation closes in its sentence)
	}
	best, own := ix.claimBefore(prev.Start, cur, nil)
	if own || best < 0 || a.Claims[best].SpeakerSpan == nil {
		return -1
	}
	if t := ix.tree; t.parsed {
		lo, hi := t.span(cur)
		for k := lo; k < hi; k++ {
			if reportVerbs[t.lemma(k)] {
				return -1 // "“…” Ukraine's armed forces claim": a source of its own the rules missed (whatever its tag)
			}
		}
	}
	return best
}

// quotedPredicate says whether a quotation opens after quantity q in
// sentence cur with a verb as its first word and closes in the sentence:
// the writer quotes what the thing counted did, not a name in scare
// quotes.
func (ix *index) quotedPredicate(q news.Quantity, cur news.Span) bool {
	t := ix.tree
	if !t.parsed {
		return false
	}
	_, hi := t.span(q.Span)
	_, shi := t.span(cur)
	for k := hi; k+1 < shi && k < hi+8; k++ {
		if w := t.low(k); w == "“" || w == "\"" {
			return t.upos(k+1) == news.VERB && strings.ContainsAny(ix.a.Text[t.a.Tokens[k+1].End:cur.End], "”\"")
		}
	}
	return false
}

// pollGoesOn returns the last claim of the two sentences before sentence
// sent, in its paragraph, that credits a poll, when q is a share that
// answers it: a percentage or fraction in a sentence with no claim of its
// own whose verb says what people said, think or back ("…, according to
// a Metrix poll. About half of the public – 52% – said they support
// …"); else -1.
func (ix *index) pollGoesOn(q news.Quantity, sent int) int {
	a, t := ix.a, ix.tree
	if sent < 1 || !t.parsed || q.Kind != "percent" && q.Kind != "fraction" {
		return -1
	}
	cur := a.Sentences[sent].Span
	answers, refers := false, false
	lo, hi := t.span(cur)
	for k := lo; k < hi; k++ {
		answers = answers || t.isVerb(k) && answerVerbs[t.lemma(k)]
		// "the poll" referred back to: "Bush is followed in the poll by
		// Rubio with 18 percent".
		refers = refers || tokens.PollWords[t.low(k)] && (t.low(k-1) == "the" || t.low(k-1) == "that" || t.low(k-1) == "this")
	}
	first := a.Sentences[max(0, sent-2)].Start
	if p := strings.LastIndex(a.Text[first:cur.Start], "\n"); p >= 0 && !refers {
		first += p // (not past a paragraph break, unless the sentence refers back to the poll)
	}
	best, own := ix.claimBefore(first, cur, func(c news.Claim) bool {
		return c.SpeakerSpan != nil && pollNoun(a.Text[min(c.CueSpan.Start, c.SpeakerSpan.Start):max(c.CueSpan.End, c.SpeakerSpan.End)])
	})
	if own || !answers && !refers {
		return -1
	}
	return best
}

// answerVerbs say what respondents said, think or back.
var answerVerbs = tokens.Set(`say tell think believe support oppose back favour favor approve disapprove want expect agree trust`)

// pollNoun says whether an attribution (its cue and its speaker, "according
// to polling published by Q", "a poll suggests") names a poll or a survey.
func pollNoun(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if tokens.PollWords[strings.Trim(w, ".,;:")] {
			return true
		}
	}
	return false
}

// quoteVerbs introduce someone's own words in a partial quotation
// without being a claim cue: decrying, pleading, asking, naming.
var quoteVerbs = tokens.Set(`decry condemn denounce plead ask beg demand call describe brand dub term label
	promise vow pledge urge appeal hail praise lament slam blast criticise criticize`)

// bodyGoesOn returns the claim of the sentence before sentence sent
// when sent opens with "It" as its subject and that claim's speaker is an
// organisation: the body goes on to describe its own findings ("…, the
// UN human rights office said. It interviewed hundreds of witnesses"),
// or -1. A state or a person that spoke before is no such source: what
// "it" or "he" did next is the writer's report.
func (ix *index) bodyGoesOn(sent int) int {
	t := ix.tree
	if sent < 1 || !t.parsed {
		return -1
	}
	lo, hi := t.span(ix.a.Sentences[sent].Span)
	if lo >= hi || !t.actingIt(lo) {
		return -1
	}
	prev := ix.a.Sentences[sent-1].Span
	best, _ := ix.claimBefore(prev.Start, news.Span{Start: prev.End, End: prev.End}, nil)
	if best < 0 {
		return -1
	}
	c := ix.a.Claims[best]
	fs := strings.Fields(strings.ToLower(c.Speaker))
	if strings.HasPrefix(c.SpeakerEntity, "org:") || c.SpeakerEntity == "" && len(fs) > 0 && tokens.BodyHeads[fs[len(fs)-1]] {
		return best
	}
	return -1
}

// claimBefore returns the last claim, among those keep accepts (all when
// keep is nil), whose cue lies between from and the start of the
// sentence cur, or -1; and whether any claim's cue lies in cur itself.
func (ix *index) claimBefore(from int, cur news.Span, keep func(news.Claim) bool) (best int, own bool) {
	best = -1
	for ci, c := range ix.a.Claims {
		if c.CueSpan.Start >= cur.Start && c.CueSpan.End <= cur.End && cur.Len() > 0 {
			own = true
		}
		if c.CueSpan.Start >= from && c.CueSpan.End <= cur.Start && (keep == nil || keep(c)) {
			best = ci
		}
	}
	return best, own
}

// innermostClaim returns the claim with the shortest content holding sp
// (the first such claim on a tie), or -1. Successive calls must come in
// text order of sp.Start.
func (ix *index) innermostClaim(sp news.Span) int {
	cs := ix.a.Claims
	for ix.next < len(ix.byContent) && cs[ix.byContent[ix.next]].Content.Start <= sp.Start {
		ix.open = append(ix.open, ix.byContent[ix.next])
		ix.next++
	}
	// A claim whose content ended before sp starts holds no later span.
	ix.open = slices.DeleteFunc(ix.open, func(ci int) bool { return cs[ci].Content.End < sp.Start })
	best := -1
	for _, ci := range ix.open {
		c := cs[ci].Content
		if sp.End > c.End {
			continue
		}
		if best < 0 || c.Len() < cs[best].Content.Len() || c.Len() == cs[best].Content.Len() && ix.beforeOwnCue(ci, best) {
			best = ci
		}
	}
	if best >= 0 && cs[best].Kind == news.ClaimPledge {
		// "Haavisto said Finland intends to keep 280,000 soldiers": a
		// pledge reported inside what someone said is the sayer's.
		pledge, outer := cs[best].Span, -1
		for _, ci := range ix.open {
			c := cs[ci]
			if c.Kind != news.ClaimPledge && c.SpeakerSpan != nil && c.Content.Start <= pledge.Start && pledge.End <= c.Content.End &&
				(outer < 0 || c.Content.Len() < cs[outer].Content.Len()) {
				outer = ci
			}
		}
		if outer >= 0 {
			return outer
		}
	}
	return best
}

// beforeOwnCue breaks a tie between two claims with the same content:
// the one attributed right after it ("“…,” Anna Berzina said") over one
// whose quotation runs on from an attribution before it, else the first.
func (ix *index) beforeOwnCue(ci, best int) bool {
	cs := ix.a.Claims
	after := func(k int) bool { return cs[k].CueSpan.Start >= cs[k].Content.End }
	if after(ci) != after(best) {
		return after(ci)
	}
	return ci < best
}

// forecastClauses is the text that can say a figure's time is ahead: the
// clause holding the figure (at q) in the sentence sent. A "will" in
// another clause ("she massed 120,000 soldiers, and the drills will end on
// Sunday") says nothing of the figure; a deadline for its time expression
// (at ts: "to 2% of GDP by 2027") makes it a target.
func forecastClauses(text string, sent, q news.Span, ts *news.Span) string {
	if ts != nil && ts.Start >= sent.Start && ts.Start <= sent.End &&
		(strings.HasSuffix(strings.ToLower(text[max(sent.Start, ts.Start-3):ts.Start]), "by ") ||
			ts.End-ts.Start > 3 && strings.EqualFold(text[ts.Start:ts.Start+3], "by ") && !weekday(text[ts.Start:ts.End])) {
		// (The time layer may hold the "by": "pledged to reach 2% by
		// 2033"; "By Thursday morning, the fire had burned" is no
		// deadline.)
		return " by the end "
	}
	return text[clauseStart(text, sent, q.Start):clauseEnd(text, sent, q.End)]
}

// afterPub reports whether the time value v (ISO 8601: a year, month,
// day, week ("2022-W10"), quarter or season ("2022-WI"), or an interval
// starting with one) starts after the publication date pub
// ("2006-01-02").
func afterPub(v, pub string) bool {
	if pub == "" {
		return false
	}
	start, _, _ := strings.Cut(v, "/")
	if len(start) >= 7 && start[4] == '-' && (start[5] < '0' || start[5] > '9') {
		d, ok := periodStart(start)
		return ok && d > pub[:min(len(pub), 10)]
	}
	switch len(start) {
	case 4, 7, 10:
	default:
		return false // decades, durations
	}
	for i := 0; i < len(start); i++ {
		if c := start[i]; !(c >= '0' && c <= '9' || c == '-' && (i == 4 || i == 7)) {
			return false
		}
	}
	return start > pub[:len(start)]
}

// periodStart returns the first day ("2006-01-02") of a week
// ("2022-W10", "2022-W09-WE"), quarter ("2022-Q3") or season ("2022-WI",
// the winter starting in December of that year).
func periodStart(v string) (string, bool) {
	y, err := strconv.Atoi(v[:4])
	if err != nil {
		return "", false
	}
	rest := v[5:]
	switch {
	case strings.HasPrefix(rest, "W") && len(rest) >= 3 && rest[1] >= '0' && rest[1] <= '9':
		w, err := strconv.Atoi(rest[1:3])
		if err != nil {
			return "", false
		}
		// ISO week 1 holds 4 January; its Monday starts it.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		if strings.HasSuffix(rest, "-WE") {
			monday = monday.AddDate(0, 0, 5)
		}
		return monday.Format("2006-01-02"), true
	case len(rest) == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4':
		return fmt.Sprintf("%04d-%02d-01", y, 3*int(rest[1]-'0')-2), true
	}
	m, ok := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[rest]
	if !ok {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-01", y, m), true
}

// forecastCues mark a sentence that looks ahead.
var forecastCues = []string{" will ", " would ", "'ll ", " expected", " expects", " forecast", " plans to ",
	" planned", " due ", " next ", " by the end", " scheduled", " set to ", " could ", " may ", " aims to ",
	" plan to ", " target"}

// forecast reports whether a figure's sentence (or its hedge) says it is
// a forecast.
func forecast(sentence, hedge string) bool {
	switch hedge {
	case "expected", "could", "may", "might":
		return true
	}
	l := " " + strings.ToLower(sentence) + " "
	for _, c := range forecastCues {
		if strings.Contains(l, c) {
			return true
		}
	}
	return false
}

// yearLike rejects a bare four-digit number between 1900 and 2100 with
// nothing counted: a year the time layer did not take.
func yearLike(text string, q news.Quantity) bool {
	if q.Kind != "cardinal" || q.Value == nil || strings.Contains(q.Text, ",") {
		return false
	}
	if y, note, ok := strings.Cut(q.Text, "."); ok && len(y) == 4 && len(note) <= 2 {
		// "throughout 2025.24 However": a year with a footnote mark
		// before the next sentence.
		rest := strings.TrimLeft(text[q.End:], " ")
		r, _ := utf8.DecodeRuneInString(rest)
		if v := *q.Value; v >= 1900 && v < 2101 && (rest == "" || unicode.IsUpper(r) || r == '\n') {
			return true
		}
	}
	switch q.Unit {
	case "bc", "bce", "ad", "ce":
		return q.Value != nil && *q.Value >= 1 && *q.Value <= 9999 // "430 BC", "1200 AD"
	}
	if len(q.Text) != 4 {
		return false
	}
	v := *q.Value
	if q.Unit == "" && v >= 1900 && v <= 2100 {
		return true
	}
	// An earlier year after a word of time ("in 1792,", "since 1848"),
	// bare or before a name ("In 1795 Catherine divided …"), never
	// before a counted noun ("in 1500 cases").
	if v < 1000 || v > 2100 {
		return false
	}
	if q.Unit != "" {
		rest := strings.TrimLeft(text[q.End:], " ")
		if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) {
			return false
		}
	}
	before := strings.Fields(text[max(0, q.Start-12):q.Start])
	return len(before) > 0 && yearWords[strings.ToLower(before[len(before)-1])]
}

// yearWords are the words of time a year follows.
// ("of", "by" and "from" are left out: "a force of 1500", "from 1500 to
// 2000" are counts).
var yearWords = map[string]bool{"in": true, "since": true, "until": true, "till": true, "before": true,
	"after": true, "circa": true}

// listNumber rejects list numbering: a number at the start of a line
// followed by "." or ")".
func listNumber(a *news.Article, q news.Quantity) bool {
	if q.End < len(a.Text) && (a.Text[q.End] == '.' || a.Text[q.End] == ')') && (q.End+1 >= len(a.Text) || a.Text[q.End+1] == ' ') {
		k := q.Start - 1
		for k >= 0 && (a.Text[k] == ' ' || a.Text[k] == '\t') {
			k--
		}
		return k < 0 || a.Text[k] == '\n'
	}
	return false
}

// clauseStart is where the clause holding pos begins: after the last
// comma, semicolon, colon or " and " of the sentence before it.
func clauseStart(text string, sent news.Span, pos int) int {
	seg := text[sent.Start:pos]
	k := max(strings.LastIndexAny(seg, ",;:—"), strings.LastIndex(seg, " and "))
	if k < 0 {
		return sent.Start
	}
	return sent.Start + k
}

// clauseEnd is where the clause holding pos ends.
func clauseEnd(text string, sent news.Span, pos int) int {
	if k := strings.IndexAny(text[pos:sent.End], ",;:—"); k >= 0 {
		return pos + k
	}
	return sent.End
}

// hedge returns the hedge on a figure: a hedge word before it in its
// clause, "an estimated", the hedge the syntax layer puts on the verb
// that governs it (governingHedge), an approximator, one shared with the
// number it is coordinated with, else the hedge of its claim's
// attribution ("officials believe", "reportedly said"). Without a parse
// the claim's hedges anywhere in its sentence stand in for the syntax.
func (ix *index) hedge(q news.Quantity, sent news.Span, claim int) string {
	a := ix.a
	start := clauseStart(a.Text, sent, q.Start)
	if k := strings.LastIndex(a.Text[start:q.Start], " – "); k >= 0 {
		start += k // a spaced en dash ends a clause as a comma does
	}
	clause := []byte(a.Text[start:q.Start])
	// A time expression or a capitalised word inside the clause hedges
	// nothing: "In May 300 soldiers", "Theresa May said 40" name a month
	// and a person, not the modal.
	lo, hi := tokens.Within(len(a.Times), func(i int) int { return a.Times[i].Start }, news.Span{Start: start, End: q.Start})
	for i := lo; i < hi; i++ {
		for k := max(a.Times[i].Start, start); k < min(a.Times[i].End, q.Start); k++ {
			clause[k-start] = ' '
		}
	}
	for k := 1; k < len(clause); k++ {
		if clause[k] >= 'A' && clause[k] <= 'Z' && clause[k-1] == ' ' {
			for ; k < len(clause) && clause[k] != ' '; k++ {
				clause[k] = ' '
			}
		}
	}
	window := " " + strings.ToLower(string(clause)) + " "
	window = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || r == ' ' {
			return r
		}
		return ' '
	}, window)
	if strings.Contains(window, " likely ") {
		window = likelyVoters.ReplaceAllString(window, " ") // "a poll of likely voters" hedges nothing
	}
	for _, h := range hedgeOrder {
		if strings.Contains(window, " "+h.cue+" ") {
			return h.hedge
		}
	}
	low := strings.ToLower(q.Text)
	if strings.HasPrefix(low, "an estimated ") || strings.HasPrefix(low, "estimated ") {
		return "estimates"
	}
	gov, parsed := ix.tree.governingHedge(ix.tree.span(q.Span))
	if gov != "" {
		return gov
	}
	if toCome(a.Text, q) {
		return "expected" // "with as many as 4.5 million to follow", "more to come"
	}
	if unverified(a.Text[q.End:max(q.End, sent.End)]) {
		return "unverified" // "…, a figure that could not be independently verified"
	}
	if q.Approx != "exact" {
		first := strings.ToLower(strings.Fields(q.Text)[0])
		if approxWords[first] && first != "an" {
			return first
		}
	}
	if shared := ix.sharedApprox(q, sent); shared != "" {
		return shared
	}
	if claim >= 0 && len(a.Claims[claim].Hedges) > 0 {
		c := a.Claims[claim]
		if !parsed {
			return c.Hedges[0] // the claim's: "they believed", "estimates"
		}
		// With a parse, only the attribution's own hedge: its cue
		// ("believe", "estimated", "claimed") or an adverb before the cue
		// ("reportedly said").
		if h := attributionHedge(a.Text, c); h != "" {
			return h
		}
	}
	return ""
}

// likelyVoters matches "likely" naming who a poll sampled ("likely
// voters", "likely Republican primary voters").
var likelyVoters = regexp.MustCompile(` likely( [a-z]+){0,2} (voters?|caucusgoers|electorate) `)

// unverifiedPhrases say that what the sentence states was not checked.
var unverifiedPhrases = []string{"unverified", "unconfirmed", "not be independently verified", "not be verified",
	"not independently verified", "cannot be verified", "can't be verified", "not independently verify",
	"not independently confirm", "not be independently confirmed", "not been verified", "not been independently verified",
	"not been confirmed", "not be confirmed"}

// unverified says whether the rest of a sentence after a figure says it
// was not verified.
func unverified(rest string) bool {
	low := strings.ToLower(rest)
	for _, p := range unverifiedPhrases {
		if strings.Contains(low, p) {
			return true
		}
	}
	return false
}

// attributionHedge returns the hedge of a claim's attribution: its cue
// when the cue is a hedging verb ("they believed", "estimates"), or a
// hedging adverb between the speaker and the cue ("reportedly said").
func attributionHedge(text string, c news.Claim) string {
	for _, w := range strings.Fields(c.Cue) {
		if h, ok := verbHedges[lemma(w)]; ok {
			return h
		}
		switch w {
		case "believed", "believes":
			return "believes"
		case "estimated", "estimates":
			return "estimates"
		case "claimed", "claims":
			return "claimed"
		}
	}
	from := c.CueSpan.Start
	if c.SpeakerSpan != nil && c.SpeakerSpan.End <= c.CueSpan.Start {
		from = c.SpeakerSpan.End
	}
	for _, w := range strings.Fields(strings.ToLower(text[from:c.CueSpan.Start])) {
		if h, ok := adverbHedges[w]; ok {
			return h
		}
	}
	return ""
}

// when picks the time the figure refers to: the nearest day-precise
// expression in its sentence, else the nearest other resolved one that
// is not a duration.
func when(a *news.Article, q news.Quantity, sent news.Span) (string, *news.Span) {
	best, bestDist, bestDay := -1, 1<<30, false
	lo, hi := tokens.Within(len(a.Times), func(i int) int { return a.Times[i].Start }, sent)
	cs, ce := clauseStart(a.Text, sent, q.Start), clauseEnd(a.Text, sent, q.End)
	timed := false // the figure's own clause holds a time expression, of any kind
	for i := lo; i < hi; i++ {
		if t := a.Times[i]; t.End >= cs && t.Start <= ce && t.Start >= sent.Start && t.End <= sent.End {
			timed = true
		}
	}
	for i := lo; i < hi; i++ {
		t := a.Times[i]
		if t.Start < sent.Start || t.End > sent.End || !t.Resolved || t.Value == "" || t.Granularity == "duration" || strings.HasPrefix(t.Value, "P") {
			continue
		}
		if t.Mod == "since" || t.Mod == "before" || t.Mod == "after" || strings.Contains(t.Mod, "before") || inSinceClause(a.Text, sent, t.Span, q.Span) || sinceAfter(a.Text, q.Span, t.Span) {
			continue
		}
		d := q.Start - t.End
		if d < 0 {
			d = t.Start - q.End
		}
		day := t.Granularity == "day"
		if !day && (t.End < cs || t.Start > ce) && (timed || !opensSentence(a.Text, sent, t.Span)) {
			// A coarse time counts only in the figure's own clause, or
			// set off at the head of its sentence when that clause has
			// none ("Two decades ago, the US invaded Iraq, sending
			// 130,000 troops").
			continue
		}
		if best < 0 || day && !bestDay || day == bestDay && d < bestDist {
			best, bestDist, bestDay = i, d, day
		}
	}
	if best < 0 {
		return "", nil
	}
	sp := a.Times[best].Span
	return a.Times[best].Value, &sp
}

// toCome says whether the counted phrase of q (and a "more") is followed
// by "to follow" or "to come": a count still expected ("as many as 4.5
// million to follow if the fighting spreads", "1,000 more to come").
func toCome(text string, q news.Quantity) bool {
	end := q.End
	if q.CountsSpan != nil && q.CountsSpan.End > end {
		end = q.CountsSpan.End
	}
	rest := strings.ToLower(text[end:min(len(text), end+17)])
	rest = strings.TrimPrefix(rest, " more") // "1,000 more to come"
	return strings.HasPrefix(rest, " to follow") || strings.HasPrefix(rest, " to come")
}

// inSinceClause says whether the time expression at ts lies in a clause
// opened by "since" that ends before the figure at qs: "Since Russia
// invaded in February 2022, more than six million have fled" counts from
// February 2022 to the time of writing; the month is where the count
// starts, not when it holds.
func inSinceClause(text string, sent, ts, qs news.Span) bool {
	if qs.Start < ts.End {
		return false
	}
	before := strings.ToLower(text[sent.Start:ts.Start])
	k := strings.LastIndex(before, "since ")
	if k < 0 || k > 0 && before[k-1] != ' ' && before[k-1] != '"' && before[k-1] != '(' || strings.ContainsAny(before[k:], ",;") {
		return false
	}
	between := text[ts.End:qs.Start]
	k = strings.IndexAny(between, ",;")
	if k < 0 {
		return false
	}
	// The clause goes on past a comma that opens a relative clause: "since
	// the October 7 attack, in which 1,200 were killed", "since their
	// meeting on 11 December, when he said …".
	next := strings.Fields(strings.ToLower(between[k+1:]))
	if len(next) > 0 && relativeWords[next[0]] || len(next) > 1 && (next[1] == "which" || next[1] == "whom") {
		return false
	}
	return true
}

// anniversaryOf returns n when the figure at qs stands in the "of"
// phrase of "the nth anniversary" earlier in its sentence, else 0.
func anniversaryOf(text string, sent, qs news.Span) int {
	before := strings.ToLower(text[sent.Start:qs.Start])
	k := strings.LastIndex(before, " anniversary of ")
	if k < 0 || strings.ContainsAny(before[k:], ",;") {
		return 0
	}
	fs := strings.Fields(before[:k])
	if len(fs) == 0 {
		return 0
	}
	w := fs[len(fs)-1]
	if n, ok := tokens.Ordinals[w]; ok {
		return n
	}
	digits := strings.TrimRight(w, "stndrh")
	if n, err := strconv.Atoi(digits); err == nil && digits != w && n > 0 && n < 1000 {
		return n // "10th"
	}
	return 0
}

// yearsBefore returns an ISO 8601 date or month n years earlier
// ("2024-07-17" → "2014-07-17"), or v when it is no such (an interval).
func yearsBefore(v string, n int) string {
	if len(v) < 4 || strings.Contains(v, "/") {
		return v
	}
	y, err := strconv.Atoi(v[:4])
	if err != nil || y-n < 1 {
		return v
	}
	return fmt.Sprintf("%04d", y-n) + v[4:]
}

// sinceAfter says whether the time expression at ts lies in a "since"
// clause after the figure at qs: "tens of thousands have been killed
// since Israel began its offensive after the October 7 attack" is a total
// to the time of writing; the date is where the count starts.
func sinceAfter(text string, qs, ts news.Span) bool {
	if ts.Start < qs.End {
		return false
	}
	between := strings.ToLower(text[qs.End:ts.Start])
	k := strings.LastIndex(between, " since ")
	return k >= 0 && !strings.ContainsAny(between[k:], ",;.")
}

// relativeWords open a relative clause.
var relativeWords = tokens.Set(`when where which who whom whose that`)

// weekday says whether a time expression names a day of the week.
func weekday(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		switch strings.TrimRight(w, ".,") {
		case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
			return true
		}
	}
	return false
}

// opensSentence says whether the time expression at ts opens its sentence
// (after at most a preposition) and is set off by a comma: it then dates
// the whole sentence.
func opensSentence(text string, sent, ts news.Span) bool {
	switch strings.ToLower(strings.Trim(text[sent.Start:ts.Start], " \n\"“‘'")) {
	case "", "in", "on", "during", "at":
	default:
		return false
	}
	return strings.HasPrefix(text[ts.End:], ",")
}

// actorKey turns an entity ID into a short key: "gpe:kp" → "kp". A place
// that is no state keeps its type when its key is two letters ("loc:va",
// the VA or Virginia, "loc:la"), so that it never reads as a country code
// (Vatican City, Laos).
func actorKey(id string) string {
	if kind, rest, ok := strings.Cut(id, ":"); ok {
		if kind == "loc" && len(rest) == 2 {
			return id
		}
		return rest
	}
	return id
}

// actors lists the non-person entities in the clause around the quantity
// and its counted noun phrase, the speaker excepted.
func (ix *index) actors(sent news.Span, speaker string, speakerSpan *news.Span) []string {
	a := ix.a
	lo, hi := sent.Start, sent.End
	var out []string
	seen := map[string]bool{}
	elo, ehi := tokens.Within(len(a.Entities), func(i int) int { return a.Entities[i].Start }, sent)
	for _, m := range a.Entities[elo:ehi] {
		if m.Start < lo || m.End > hi || m.Entity == "" || m.Type == "PER" && m.Kind != "demonym" || m.Entity == speaker {
			continue
		}
		if speakerSpan != nil && m.Start >= speakerSpan.Start && m.End <= speakerSpan.End {
			continue
		}
		k := actorKey(m.Entity)
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	if len(out) > 4 {
		out = out[:4]
	}
	return out
}

// singularS are singular nouns that end in "s" ("Israelis" is a plural).
var singularS = tokens.Set(`basis crisis analysis thesis census virus status bonus campus consensus news`)

// lemma is a crude singular: "packages" → "package".
func lemma(s string) string {
	s = strings.ToLower(strings.Trim(s, ".,;:'’\""))
	switch {
	case strings.HasSuffix(s, "ies") && len(s) > 4:
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "ses") || strings.HasSuffix(s, "ss") || singularS[s]:
		return s
	case strings.HasSuffix(s, "s") && len(s) > 3:
		return s[:len(s)-1]
	}
	return s
}
