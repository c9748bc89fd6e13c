package event

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/news"
)

// actorTypes are the entity types that can act, be met or be given to.
var actorTypes = set("PER ORG GPE")

// entityIn returns the mention of node n: the one on n itself, else one
// on a name-like dependent of n ("Russian forces", "Ukraine's army",
// "the armed forces of Ukraine", "the village of Hirnyk"); -1 if none.
func (s *clause) entityIn(n int) int {
	if n < 0 {
		return -1
	}
	if m := s.ment[n-s.lo]; m >= 0 {
		return m
	}
	// "the Ukrainian city of Melitopol" is Melitopol.
	if placeNouns[s.lemma(n)] {
		if c := s.caseChild(n, wOfFrom); c >= 0 && s.ment[c-s.lo] >= 0 {
			return s.ment[c-s.lo]
		}
	}
	// Names first ("his Russian counterpart Vladimir Putin"), then
	// possessors, demonyms and "of" phrases.
	for _, rels := range nameRels {
		for _, c := range s.children(n) {
			r := s.rel(c)
			if !rels[r] || r == "nmod" && s.childLemma(c, "case", wOfFrom) < 0 {
				continue
			}
			if m := s.ment[c-s.lo]; m >= 0 {
				return m
			}
		}
	}
	return -1
}

// placeNouns name a place by an "of" phrase.
var placeNouns = set("city town village region province oblast district settlement port island capital")

// nameRels are the relations entityIn looks through, in order.
var nameRels = []map[string]bool{relNames, relOwners}

// actorIn is entityIn limited to states, organisations and people.
func (s *clause) actorIn(n int) int {
	m := s.entityIn(n)
	if m >= 0 && !actorTypes[s.a.Entities[m].Type] {
		return -1
	}
	return m
}

// withConj returns n and the nodes conjoined to it ("Finland and Sweden").
func (s *clause) withConj(n int) []int {
	out := []int{n}
	for _, c := range s.children(n) {
		if s.rel(c) == "conj" {
			out = append(out, c)
		}
	}
	return out
}

// subjectEntity returns the first actor mention of verb i's subject, or -1.
func (s *clause) subjectEntity(i int) int {
	if ms := s.subjects(i); len(ms) > 0 {
		return ms[0]
	}
	return -1
}

// subjects returns the actor mentions of verb i's subject: its nsubj, or
// the "by" phrase of a passive; a relative pronoun stands for the noun
// the clause modifies; a pronoun in reported speech for the speaker
// ("Norway said it would invest").
func (s *clause) subjects(i int) []int {
	var out []int
	add := func(n int) {
		for _, c := range s.withConj(n) {
			if m := s.actorIn(c); m >= 0 {
				out = append(out, m)
			}
		}
	}
	if c := s.child(i, "nsubj"); c >= 0 && s.rel(c) == "nsubj" {
		switch {
		case s.pos(c) == news.PRON && strings.HasPrefix(s.rel(i), "acl") && s.head(i) >= 0:
			add(s.head(i))
		case s.pos(c) == news.PRON && s.rel(i) == "ccomp" && s.head(i) >= 0 && len(s.subjects(s.head(i))) > 0:
			return s.subjects(s.head(i))
		case s.pos(c) == news.PRON:
			if m := s.pronounAntecedent(c); m >= 0 {
				out = append(out, m)
			}
		default:
			add(c)
		}
		return out
	}
	if s.child(i, "nsubj:pass") >= 0 || s.child(i, "aux:pass") >= 0 {
		if c := s.caseChild(i, wBy); c >= 0 {
			add(c)
		}
		return out
	}
	if h := s.head(i); h >= 0 && (s.rel(i) == "xcomp" || s.rel(i) == "conj" || s.rel(i) == "advcl") && s.pos(h) == news.VERB {
		return s.subjects(h)
	}
	return out
}

// pronounAntecedent returns the actor mention a personal pronoun at
// token p stands for: the nearest mention before it, within 400 bytes,
// of a person for "he" and "she", of a state or organisation for "it" and
// "they"; -1 if none.
func (s *clause) pronounAntecedent(p int) int {
	var want map[string]bool
	switch s.low(p) {
	case "he", "she", "his", "her":
		want = set("PER")
	case "it", "they", "its", "their":
		want = set("GPE ORG")
	default:
		return -1
	}
	start := s.a.Tokens[p].Start
	_, hi := tokens.Within(len(s.a.Entities), func(k int) int { return s.a.Entities[k].Start }, news.Span{Start: max(0, start-400), End: start})
	for k := hi - 1; k >= 0 && s.a.Entities[k].End > start-400; k-- {
		if want[s.a.Entities[k].Type] && s.a.Entities[k].End <= start {
			return k
		}
	}
	return -1
}

// ownerEntity returns the first actor mention that owns noun trigger i
// (see owners), or -1.
func (s *clause) ownerEntity(i int) int {
	if ms := s.owners(i); len(ms) > 0 {
		return ms[0]
	}
	return -1
}

// owners returns the actor mentions that own noun trigger i: its
// possessor, a demonym or name modifying it, a "by" or "from" phrase, or
// the parties "between" whom it happens.
func (s *clause) owners(i int) []int {
	self := s.ment[i-s.lo] // "the Moscow Conference" does not hold itself
	for _, c := range s.children(i) {
		if self >= 0 && s.ment[c-s.lo] == self {
			continue
		}
		switch r := s.rel(c); {
		case r == "compound" && s.pos(c) == news.PROPN && s.placeName(c) && s.violentNoun(i):
			// "the Libya attack", "the Kyiv strike": where, not who.
		case r == "nmod:poss", r == "amod", r == "compound":
			if m := s.actorIn(c); m >= 0 {
				return []int{m}
			}
		case strings.HasPrefix(r, "nmod") && s.childLemma(c, "case", wByFromBetween) >= 0:
			var out []int
			for _, cc := range s.withConj(c) {
				if m := s.actorIn(cc); m >= 0 {
					out = append(out, m)
				}
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	return nil
}

// onlookerVerbs take an event as object without taking part in it: "he
// described the attack as …", "condemned the strike".
var onlookerVerbs = set("describe condemn slam criticize criticise denounce decry blame welcome praise hail mourn report confirm deny discuss call label see view consider investigate witness survive recall remember mark commemorate")

// namedOwner reports whether noun i has a possessor other than a pronoun:
// "the west's supply", not "his visit".
func (s *clause) namedOwner(i int) bool {
	c := s.child(i, "nmod:poss")
	return c >= 0 && s.pos(c) != news.PRON
}

// placeMention reports whether mention m names a place or a state, not
// by a demonym: "injured in Russian shelling" says who, not where.
func (s *clause) placeMention(m int) bool {
	e := s.a.Entities[m]
	return (e.Type == "GPE" || e.Type == "LOC") && e.Kind != "demonym"
}

// placeName reports whether node c is the proper name of a state or place
// ("Libya", "Kyiv"), not a demonym ("Ukrainian") nor an acronym ("US").
func (s *clause) placeName(c int) bool {
	m := s.ment[c-s.lo]
	return m >= 0 && s.placeMention(m) && s.a.Entities[m].Kind == "name"
}

// violentNoun reports whether noun i names a strike, a capture or deaths.
func (s *clause) violentNoun(i int) bool {
	return slices.ContainsFunc(nounTriggers[s.lemma(i)], func(t string) bool { return violent[t] })
}

// lightVerb returns the verb whose object noun trigger i is ("hold
// talks", "made threats", "launched an attack"), or -1.
func (s *clause) lightVerb(i int) int {
	if h := s.head(i); h >= 0 && s.isNoun(i) && s.rel(i) == "obj" && s.pos(h) == news.VERB {
		return h
	}
	return -1
}

// actors returns the actor mentions of trigger i.
func (s *clause) actors(i int) []int {
	if s.lemma(i) == "die" {
		return nil // who died is the victim, not an actor
	}
	if !s.isNoun(i) {
		return s.subjects(i)
	}
	if ms := s.owners(i); len(ms) > 0 {
		return ms
	}
	// "held negotiations", "launched an attack", "hosting talks"; but the
	// west's supply that Putin sees is the west's.
	if h := s.head(i); h >= 0 && s.rel(i) == "obj" && s.pos(h) == news.VERB && !s.namedOwner(i) && !onlookerVerbs[s.lemma(h)] {
		return s.subjects(h)
	}
	return nil
}

// targetPreps are the prepositions that introduce the target of each type.
var targetPreps = map[string]map[string]bool{
	"deployment":    set("to into for"),
	"arms_transfer": set("to for"),
	"aid_pledge":    set("to for"),
	"aid_delivery":  set("to for"),
	"strike":        set("on against"),
	"meeting":       wWithTo,
	"agreement":     set("with"),
	"threat":        set("against to"),
}

// objectTarget are the types whose direct object is their target.
var objectTarget = set("meeting threat strike")

// target returns the target mention of trigger i, not one of actors, or -1.
func (s *clause) target(i int, typ string, actors []int) int {
	ok := func(m int) bool {
		if m < 0 {
			return false
		}
		for _, a := range actors {
			if s.a.Entities[a].Entity == s.a.Entities[m].Entity && s.a.Entities[m].Entity != "" || a == m {
				return false
			}
		}
		if typ == "strike" {
			return s.a.Entities[m].Type == "GPE" || s.a.Entities[m].Type == "ORG"
		}
		return true
	}
	// The trigger's phrases, nearest first, then those of the verb whose
	// object it is ("hold talks with Putin").
	if preps := targetPreps[typ]; preps != nil {
		roots := []int{i}
		if v := s.lightVerb(i); v >= 0 {
			roots = append(roots, v)
		}
		found := -1
		s.bfs(roots, func(c int) (bool, bool) {
			if r := s.rel(c); (strings.HasPrefix(r, "obl") || strings.HasPrefix(r, "nmod")) && s.childLemma(c, "case", preps) >= 0 {
				for _, cc := range s.withConj(c) {
					if m := s.actorIn(cc); ok(m) {
						found = m
						return false, true
					}
				}
			}
			return true, false
		})
		if found >= 0 {
			return found
		}
	}
	if c := s.child(i, "iobj"); c >= 0 {
		if m := s.actorIn(c); ok(m) {
			return m
		}
	}
	if objectTarget[typ] {
		if c := s.child(i, "obj"); c >= 0 {
			for _, cc := range s.withConj(c) {
				if m := s.actorIn(cc); ok(m) {
					return m
				}
			}
		}
	}
	return -1
}

// placePreps introduce a place.
var placePreps = set("in at near on outside across into around over inside")

// place returns the place mention of trigger i: a LOC or GPE in a place
// phrase of the trigger or of its object, nearest first; for a strike, a
// capture or a visit also the object itself. -1 if none.
func (s *clause) place(i int, typ string, target int) int {
	isPlace := func(m int) bool {
		return m >= 0 && m != target && s.placeMention(m)
	}
	roots := []int{i}
	if v := s.lightVerb(i); v >= 0 {
		roots = append(roots, v)
	}
	if s.child(i, "cop") >= 0 {
		// "the city of Lysychansk is under shelling"
		if m := s.entityIn(s.child(i, "nsubj")); isPlace(m) {
			return m
		}
	}
	preps := placePreps
	switch typ {
	case "deployment", "arms_transfer", "aid_pledge", "aid_delivery":
		preps = placeOrDestination
	case "capture":
		preps = placeOrSource
	case "meeting":
		if journeys[s.lemma(i)] {
			preps = placeOrDestination // "a visit to Belgrade"
		}
		// "Nato's Madrid summit"
		for _, c := range s.children(i) {
			if m := s.ment[c-s.lo]; s.rel(c) == "compound" && m >= 0 && s.a.Entities[m].Type == "LOC" {
				return m
			}
		}
	}
	found := -1
	s.bfs(roots, func(c int) (bool, bool) {
		r := s.rel(c)
		if (strings.HasPrefix(r, "obl") || strings.HasPrefix(r, "nmod")) && s.childLemma(c, "case", preps) >= 0 ||
			r == "obj" && (typ == "strike" || typ == "capture" || s.lemma(i) == "visit") {
			if m := s.entityIn(c); isPlace(m) {
				found = m
				return false, true
			}
		}
		// A place inside "to X", "with X" describes X.
		return s.childLemma(c, "case", wTargetCases) < 0, false
	})
	if found < 0 {
		// "struck Kharkiv …, killing 14", "arrived in St. Louis, meeting
		// with leaders": the clause it hangs from. For a violent event
		// anywhere in that clause; for others only where its verb takes
		// place, not "a speech about the situation in Gaza".
		if h := s.head(i); h >= 0 && (s.rel(i) == "advcl" || s.rel(i) == "conj") && s.pos(h) == news.VERB {
			if typ == "casualties" {
				typ = "strike" // the attack that killed them
			}
			if violent[typ] {
				return s.place(h, typ, target)
			}
			for _, c := range s.children(h) {
				if strings.HasPrefix(s.rel(c), "obl") && s.childLemma(c, "case", preps) >= 0 {
					if m := s.entityIn(c); isPlace(m) {
						return m
					}
				}
			}
		}
	}
	return found
}

// wWho are the relative pronouns of people.
var wWho = set("who whom whose")

// journeys are the meetings that take their place from where one goes.
var journeys = set("visit trip")

// placeOrDestination are placePreps with "to": aid and troops sent to a
// town are there.
var placeOrDestination = set("in at near on outside across into around over inside to")

// placeOrSource are placePreps with "from": forces expelled from an
// island leave it to the captor.
var placeOrSource = set("in at near on outside across into around over inside from")

// bfs visits the dependents of roots breadth first, to depth 3, without
// entering clauses of their own. visit says whether to descend into the
// child and whether to stop.
func (s *clause) bfs(roots []int, visit func(c int) (descend, stop bool)) {
	frontier := roots
	for depth := 0; depth < 3 && len(frontier) > 0; depth++ {
		var next []int
		for _, n := range frontier {
			for _, c := range s.children(n) {
				if s.clauseOf(c) {
					continue
				}
				descend, stop := visit(c)
				if stop {
					return
				}
				if descend {
					next = append(next, c)
				}
			}
		}
		frontier = next
	}
}

// eventTime returns the plain value of the time of trigger i: the first
// resolved time expression whose words hang from the trigger (or from the
// verb whose object the trigger is) without passing a clause of its own
// or a reporting verb; else the sentence's first one that does not date
// a saying ("said on Monday" dates the saying, not the event).
func (s *clause) eventTime(i int) string {
	a := s.a
	anchor := map[int]bool{i: true}
	if h := s.head(i); h >= 0 && s.isNoun(i) && (s.rel(i) == "obj" || strings.HasPrefix(s.rel(i), "obl") || s.rel(i) == "nsubj:pass") {
		anchor[h] = true
	}
	// above are the trigger and the tokens it hangs from.
	var buf [12]int
	above := buf[:0]
	for n := i; n >= 0 && len(above) < len(buf); n = s.head(n) {
		above = append(above, n)
	}
	tlo, thi := tokens.Within(len(a.Times), func(k int) int { return a.Times[k].Start }, s.sent)
	fallback := ""
	for _, t := range a.Times[tlo:thi] {
		if !t.Resolved || t.End > s.sent.End {
			continue
		}
		val := plainTime(t)
		if val == "" {
			continue
		}
		// The time's attachment: its first token whose head lies outside it.
		att := -1
		for k := s.lo; k < s.hi; k++ {
			tk := a.Tokens[k]
			if tk.Start < t.Start || tk.End > t.End {
				continue
			}
			h := s.head(k)
			if h < 0 || a.Tokens[h].Start < t.Start || a.Tokens[h].End > t.End {
				att = k
				break
			}
		}
		inClause, saying, other, met := false, false, false, false
		for n, step := att, 0; n >= 0 && step < 12; step++ {
			if anchor[n] {
				inClause = true
				break
			}
			if reportVerbs[s.lemma(n)] {
				saying = true
				break
			}
			// A time inside a clause that does not hold the trigger dates
			// that clause: "the visit from Lukashenko, who allowed … last
			// year", "reiterated in his statement of July 5". A clause on
			// the trigger itself ("the strike, which happened a month ago")
			// or one sharing its subject ("was facilitated … and held on
			// Feb. 28") still dates it.
			met = met || slices.Contains(above, n)
			other = other || !met && n != att && s.clauseOf(n) && !s.describes(n, i) && !s.sharesSubject(n)
			n = s.head(n)
		}
		if inClause && !other {
			return val
		}
		if !saying && !other && fallback == "" {
			fallback = val
		}
	}
	return fallback
}

// describes reports whether clause n is said of trigger i itself ("the
// strike, which happened a month ago"); a "who" clause describes a person,
// however the parser attached it.
func (s *clause) describes(n, i int) bool {
	return s.head(n) == i && s.childLemma(n, "nsubj", wWho) < 0 && s.childLemma(n, "nsubj:pass", wWho) < 0
}

// sharesSubject reports whether clause n is a predicate conjoined to its
// head's, with no subject of its own.
func (s *clause) sharesSubject(n int) bool {
	return s.rel(n) == "conj" && s.child(n, "nsubj") < 0 && s.child(n, "nsubj:pass") < 0
}

// plainDate is the shape of a plain time: a date, month or year, or an
// interval of two.
var plainDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$`)

// plainTime returns t's value as a plain date, month, year or interval of
// those: weeks, quarters, seasons and decades become intervals; durations
// and anything else give "".
func plainTime(t news.TimeExpr) string {
	v := t.Value
	switch t.Granularity {
	case "week":
		var y, w int
		if n, _ := scan2(v, "-W", &y, &w); n {
			jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
			mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
			v = mon.Format(time.DateOnly) + "/" + mon.AddDate(0, 0, 6).Format(time.DateOnly)
		}
	case "quarter":
		var y, q int
		if n, _ := scan2(v, "-Q", &y, &q); n && q >= 1 && q <= 4 {
			v = months(y, 3*q-2, y, 3*q)
		}
	case "season":
		if len(v) == 7 {
			y, err := strconv.Atoi(v[:4])
			if err == nil {
				switch v[5:] {
				case "SP":
					v = months(y, 3, y, 5)
				case "SU":
					v = months(y, 6, y, 8)
				case "FA":
					v = months(y, 9, y, 11)
				case "WI":
					v = months(y, 12, y+1, 2)
				}
			}
		}
	case "decade":
		if d, err := strconv.Atoi(v); err == nil && len(v) == 3 {
			v = strconv.Itoa(d*10) + "/" + strconv.Itoa(d*10+9)
		}
	case "duration":
		return ""
	}
	if !plainDate.MatchString(v) {
		return ""
	}
	return v
}

func months(y1, m1, y2, m2 int) string {
	return time.Date(y1, time.Month(m1), 1, 0, 0, 0, 0, time.UTC).Format("2006-01") + "/" +
		time.Date(y2, time.Month(m2), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
}

// scan2 splits "2024-W10" at sep into two numbers.
func scan2(v, sep string, a, b *int) (bool, error) {
	x, y, ok := strings.Cut(v, sep)
	if !ok {
		return false, nil
	}
	var err error
	if *a, err = strconv.Atoi(x); err != nil {
		return false, err
	}
	if *b, err = strconv.Atoi(y); err != nil {
		return false, err
	}
	return true, nil
}

// timeEnd returns the end (exclusive) of a plain time value.
func timeEnd(v string) (time.Time, bool) {
	if _, b, ok := strings.Cut(v, "/"); ok {
		v = b
	}
	for _, f := range []struct {
		layout  string
		y, m, d int
	}{{time.DateOnly, 0, 0, 1}, {"2006-01", 0, 1, 0}, {"2006", 1, 0, 0}} {
		if t, err := time.Parse(f.layout, v); err == nil && len(v) == len(f.layout) {
			return t.AddDate(f.y, f.m, f.d), true
		}
	}
	return time.Time{}, false
}

// build fills the event of type typ triggered by token i. It reports
// false for history: an event whose time ended more than a year before
// the article was published.
func (s *clause) build(i int, typ string) (news.Event, bool) {
	a := s.a
	tok := a.Tokens[i]
	ev := news.Event{Span: s.sent, Type: typ, Trigger: tok.In(a.Text), TriggerSpan: tok.Span}
	ev.Time = s.eventTime(i)
	if end, ok := timeEnd(ev.Time); ok && !a.Published.IsZero() && end.Before(a.Published.AddDate(-1, 0, 0)) {
		return ev, false
	}
	m := Mappings[typ]
	switch {
	case typ == "capture" && retakeLemmas[s.lemma(i)]:
		m = Mappings["retake"]
	case typ == "strike" && s.lemma(i) == "clash":
		m = Mappings["clash"]
	case typ == "strike" && s.sentenceHas(shellingCtx):
		m = Mappings["shelling"]
	}
	ev.ACLEDType, ev.ACLEDSubType, ev.CAMEO = m.ACLEDType, m.ACLEDSubType, m.CAMEO
	name := func(k int) string {
		if a.Entities[k].Entity != "" {
			return a.Entities[k].Entity
		}
		return a.Entities[k].Text
	}
	actors := s.actors(i)
	for _, k := range actors {
		if n := name(k); !contains(ev.Actors, n) {
			ev.Actors = append(ev.Actors, n)
		}
	}
	t := s.target(i, typ, actors)
	if t >= 0 {
		ev.Target = name(t)
	}
	if p := s.place(i, typ, t); p >= 0 {
		ev.Place = name(p)
	} else if typ == "meeting" && journeys[s.lemma(i)] && t >= 0 && (a.Entities[t].Type == "GPE" || a.Entities[t].Type == "LOC") {
		ev.Place = ev.Target // "visited Ukraine", "a trip to Kyiv"
	}
	qlo, qhi := tokens.Within(len(a.Quantities), func(k int) int { return a.Quantities[k].Start }, s.sent)
	for k := qlo; k < qhi; k++ {
		q := a.Quantities[k]
		if q.Start >= s.sent.Start && q.End <= s.sent.End && relevant(typ, q) && s.sameClause(i, q) {
			ev.Quantities = append(ev.Quantities, k)
		}
	}
	if typ == "aid_pledge" || typ == "aid_delivery" || typ == "arms_transfer" {
		ev.What = s.what(i)
	}
	return ev, true
}

// sameClause reports whether quantity q is said in the clause of
// trigger i: the first clause above each of them (a relative clause
// counts as its noun's: "a strike that killed 12") is the same. A
// number in a clause of its own — "…, bringing the toll since February
// to 3,400", "; more than 2,000 have been killed since" — is another
// count than the event's. Without a tree every quantity of the sentence
// is the event's.
func (s *clause) sameClause(i int, q news.Quantity) bool {
	if !s.a.Syntax[i].Parsed() {
		return true
	}
	k := s.lo
	for k < s.hi && s.a.Tokens[k].End <= q.Start {
		k++
	}
	if k >= s.hi || s.a.Tokens[k].Start >= q.End {
		return true
	}
	return s.clauseTop(k) == s.clauseTop(i)
}

// clauseTop is the token heading the clause n is in: n's nearest
// ancestor (or n) that starts a clause of its own other than a relative
// clause, else the root.
func (s *clause) clauseTop(n int) int {
	for {
		if s.clauseOf(n) && s.rel(n) != "acl:relcl" {
			return n
		}
		h := s.head(n)
		if h < 0 {
			return n
		}
		n = h
	}
}

// relevant reports whether quantity q is an amount of an event of type typ.
func relevant(typ string, q news.Quantity) bool {
	switch q.Kind {
	case "money":
		return typ == "aid_pledge" || typ == "aid_delivery" || typ == "arms_transfer" || typ == "agreement"
	case "cardinal":
		return typ != "meeting" && typ != "agreement" && typ != "threat"
	}
	return false
}

// what names what is given: the first weapon or aid word among the
// trigger's related words, else in the sentence.
func (s *clause) what(i int) string {
	pick := func(k int) string {
		for _, w := range []string{s.low(k), s.lemma(k)} {
			if weaponWords[w] || aidWords[w] && w != "support" && w != "package" {
				return s.low(k)
			}
		}
		return ""
	}
	for _, k := range s.related(i) {
		if w := pick(k); w != "" {
			return w
		}
	}
	for k := s.lo; k < s.hi; k++ {
		if w := pick(k); w != "" {
			return w
		}
	}
	return ""
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
