package event

import (
	"slices"
	"strings"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/news"
)

// clause is one parsed sentence with its dependency tree and the entity
// mentions on its tokens. Token indexes are indexes in Article.Tokens.
type clause struct {
	a      *news.Article
	v      *tokens.View
	sent   news.Span
	lo, hi int
	// The children of token lo+k are kids[first[k]:first[k+1]], in text
	// order.
	first, kids []int
	ment        []int // index in a.Entities of the mention covering token lo+k, or -1
}

func newClause(a *news.Article, v *tokens.View, sent news.Span, lo, hi int) *clause {
	n := hi - lo
	buf := make([]int, 3*n+1)
	s := &clause{a: a, v: v, sent: sent, lo: lo, hi: hi, first: buf[:n+1], kids: buf[n+1 : 2*n+1], ment: buf[2*n+1:]}
	for i := lo; i < hi; i++ {
		if h := s.head(i); h >= 0 {
			s.first[h-lo+1]++
		}
		s.ment[i-lo] = -1
	}
	for k := 1; k <= n; k++ {
		s.first[k] += s.first[k-1]
	}
	fill := make([]int, n)
	for i := lo; i < hi; i++ {
		if h := s.head(i); h >= 0 {
			s.kids[s.first[h-lo]+fill[h-lo]] = i
			fill[h-lo]++
		}
	}
	elo, ehi := tokens.Within(len(a.Entities), func(k int) int { return a.Entities[k].Start }, sent)
	i := lo
	for k := elo; k < ehi; k++ {
		m := a.Entities[k]
		for i < hi && a.Tokens[i].Start < m.Start {
			i++
		}
		for j := i; j < hi && a.Tokens[j].End <= m.End; j++ {
			if s.ment[j-lo] < 0 {
				s.ment[j-lo] = k
			}
		}
	}
	return s
}

// head returns the head of token i inside the sentence, or -1.
func (s *clause) head(i int) int {
	h := int(s.a.Syntax[i].Head)
	if h < s.lo || h >= s.hi {
		return -1
	}
	return h
}

func (s *clause) children(i int) []int { return s.kids[s.first[i-s.lo]:s.first[i-s.lo+1]] }

// child returns the first child of i with relation rel (or a subtype of
// it: "obl" finds "obl:tmod"), or -1.
func (s *clause) child(i int, rel string) int {
	for _, c := range s.children(i) {
		if r := s.rel(c); r == rel || strings.HasPrefix(r, rel+":") {
			return c
		}
	}
	return -1
}

// childLemma returns the first child of i with relation rel and a lemma
// in lemmas, or -1.
func (s *clause) childLemma(i int, rel string, lemmas map[string]bool) int {
	for _, c := range s.children(i) {
		if r := s.rel(c); (r == rel || strings.HasPrefix(r, rel+":")) && (lemmas[s.lemma(c)] || lemmas[s.low(c)]) {
			return c
		}
	}
	return -1
}

// caseChild returns the first obl or nmod child of i introduced by a
// preposition in preps, or -1.
func (s *clause) caseChild(i int, preps map[string]bool) int {
	for _, c := range s.children(i) {
		if r := s.rel(c); strings.HasPrefix(r, "obl") || strings.HasPrefix(r, "nmod") {
			if s.childLemma(c, "case", preps) >= 0 {
				return c
			}
		}
	}
	return -1
}

// clausal are the relations that start a clause of their own.
var clausal = set("ccomp advcl parataxis acl:relcl csubj conj list")

// related returns the tokens a trigger's condition may look at: its
// subtree to depth 3 without its clauses, and, for a trigger modifying a
// noun ("missiles it sends", "weapons that are arriving"), that noun.
func (s *clause) related(i int) []int {
	out := []int{i}
	var walk func(n, d int)
	walk = func(n, d int) {
		if d == 0 {
			return
		}
		for _, c := range s.children(n) {
			if s.clauseOf(c) {
				continue
			}
			out = append(out, c)
			walk(c, d-1)
		}
	}
	walk(i, 3)
	if h := s.head(i); h >= 0 && strings.HasPrefix(s.rel(i), "acl") {
		out = append(out, h)
		walk(h, 2)
	}
	return out
}

// clauseOf reports whether token c starts a clause of its own under its
// head: a clausal relation, or a conjoined verb.
func (s *clause) clauseOf(c int) bool {
	r := s.rel(c)
	if r == "conj" {
		return s.pos(c) == news.VERB
	}
	return clausal[r]
}

// question reports whether the sentence asks rather than tells.
func (s *clause) question() bool {
	return strings.HasSuffix(strings.TrimRight(s.sent.In(s.a.Text), " \"'”’)\n"), "?")
}

// Words of the assertion checks.
var (
	negators    = set("not never n't no")
	modalAux    = set("may might could should must can ca cannot")
	condMarks   = set("if unless whether")
	reportVerbs = set("say tell state claim report add announce confirm write insist warn note believe")
	// irrealisGovs govern an event that is wanted, urged, tried, feared
	// or possible, not one that happened.
	irrealisGovs = set("urge ask want hope seek try demand need aim wish push press appeal encourage refuse decline fail avoid prevent deter task expect consider weigh fear risk able attempt possibility prospect threat chance question whether warn tactic record history effort threaten refrain")
	// proposeVerbs put forward what is their complement, not what happens
	// beside them: "proposed a ceasefire", but "will propose at the talks".
	proposeVerbs = set("suggest propose invite recommend")
	// undoVerbs call off or turn down the event that is their object.
	undoVerbs = set("reject cancel scrap abandon postpone")
	wPlease   = set("please")
	wAlmost   = set("almost nearly")
	willShall = set("will shall 'll")
	// bloody are the types no one schedules: a future one is a forecast.
	bloody     = set("strike casualties")
	maybeWords = set("potential possible hypothetical eventual prospective")
	indefinite = set("a an")
	// timeMarks open a clause that dates or explains, not one sought:
	// "a search for the suspect after a man was killed".
	timeMarks = set("after before since when because as while")
	// readyWords govern an event they are ready for: "ready to meet".
	readyWords = set("ready willing prepared")
	// irrealisNouns govern a sought event: "the search for a deal".
	irrealisNouns = set("search quest bid pursuit readiness willingness")
	quantDets     = set("many most some all any such few several")
	// callForGovs want what they are "for": "called for a ceasefire",
	// "calls for talks", "pressed for a summit", "negotiations for a
	// ceasefire".
	callForGovs = set("call push press appeal plead lobby campaign negotiation talk")
	// noneOrAny are the determiners of no particular event.
	noneOrAny = set("no any every")
	// planGovs govern an intended event; for violence that is an
	// intention, for diplomacy and aid a schedule or a decision.
	planGovs = set("plan intend prepare")
	violent  = set("strike capture casualties")
	definite = set("the this these that those")
	// decisionNouns name a decision taken: their infinitive happened or is
	// decided ("the decision to give Ukraine cluster bombs").
	decisionNouns = set("decision move order agreement deal promise pledge commitment vote")
	// occurVerbs say that their subject event takes place.
	occurVerbs = set("occur happen begin start come proceed resume")
	// linkingVerbs link a subject to what it is like, as "be" does.
	linkingVerbs = set("feel seem look sound appear become remain")
	wLike        = set("like")
)

// asserts reports whether trigger i states that its event happens,
// happened or is decided (see the package comment).
func (s *clause) asserts(i int, typ string) bool {
	if s.isNoun(i) {
		if s.child(i, "cop") >= 0 && s.child(i, "case") < 0 {
			return false // "that's a big deal", but not "is under shelling"
		}
		if h := s.head(i); h >= 0 && linkingVerbs[s.lemma(h)] && (s.rel(i) == "xcomp" || s.childLemma(i, "case", wLike) >= 0) {
			return false // a predicate noun of a linking verb: "feels like a big deal", "seemed a victory"
		}
		if s.bareKind(i) && len(s.actors(i)) == 0 {
			return false // "too many treaties"
		}
		if s.childLemma(i, "amod", maybeWords) >= 0 {
			return false // "this potential strike", "a possible attack"
		}
		if s.childLemma(i, "det", noneOrAny) >= 0 {
			return false // "no deal", "any deal should include", "every attack"
		}
		if h := s.head(i); h >= 0 && callForGovs[s.lemma(h)] && s.childLemma(i, "case", wFor) >= 0 {
			return false // "calling for a ceasefire": wanted, not agreed
		}
	}
	if !s.isNoun(i) {
		// "too many treaties were signed": the verb of a kind of event.
		for _, c := range s.children(i) {
			if r := s.rel(c); (r == "obj" || r == "nsubj:pass") && s.isNoun(c) && slices.Contains(nounTriggers[s.lemma(c)], typ) && s.bareKind(c) {
				return false
			}
		}
	}
	if s.imperative() {
		return false // "Sign up to our newsletter"
	}
	if s.childLemma(i, "advmod", wAlmost) >= 0 {
		return false // "how it almost killed her"
	}
	n, prev := i, i
	for step := 0; step < 8 && n >= 0; step++ {
		if s.childLemma(n, "advmod", negators) >= 0 || s.childLemma(n, "neg", negators) >= 0 {
			return false
		}
		if s.childLemma(n, "aux", modalAux) >= 0 || s.childLemma(n, "mark", condMarks) >= 0 || s.conditioned(n) {
			return false
		}
		if n == i && bloody[typ] && s.childLemma(n, "aux", willShall) >= 0 {
			return false // "millions will be killed": a forecast, not a toll
		}
		h := s.head(n)
		reported := h >= 0 && s.rel(n) == "ccomp" && reportVerbs[s.lemma(h)]
		if s.childLemma(n, "aux", wWould) >= 0 && !reported {
			return false // "would" outside reported speech is a condition
		}
		sought := irrealisNouns[s.lemma(n)] && s.isNoun(n) && s.childLemma(prev, "mark", timeMarks) < 0
		if n != i && (irrealisGovs[s.lemma(n)] || sought) && !(typ == "threat" && n == s.head(i)) {
			return false
		}
		// What is proposed is a complement: "proposed a ceasefire", but
		// "will propose at the talks that …" leaves the talks real.
		if r := s.rel(prev); n != i && proposeVerbs[s.lemma(n)] && (r == "obj" || r == "xcomp" || r == "ccomp" || r == "nsubj:pass") {
			return false
		}
		// What is cancelled or rejected is the verb's object, not a clause
		// beside it: "cancelled a trip", but "before he met them, Trump
		// rejected a compromise", "abandons these fronts and redeploys".
		if r := s.rel(i); n == s.head(i) && undoVerbs[s.lemma(n)] && (r == "obj" || r == "nsubj:pass") {
			return false
		}
		if n != i && (readyWords[s.lemma(n)] || readyWords[s.low(n)]) && s.rel(prev) == "xcomp" {
			return false
		}
		prev = n
		if s.childLemma(n, "mark", wTo) >= 0 && s.low(n) == s.lemma(n) {
			switch r := s.rel(n); {
			case r == "advcl":
				return false // purpose: "to strike the port"
			case r == "acl" && h >= 0 && !decisionNouns[s.lemma(h)]:
				return false // "what weapons to send", but "the decision to give"
			}
		}
		if n != i && planGovs[s.lemma(n)] && violent[typ] {
			return false // "plans to attack": an intention, not an attack
		}
		switch r := s.rel(n); {
		case r == "root", r == "acl:relcl", r == "parataxis", reported:
			return true
		case strings.HasPrefix(r, "nsubj") || r == "csubj":
			// A subject's event is presupposed ("the attack … could be
			// seen as"), unless its clause is a condition ("if the talks
			// fail") or says it may yet happen ("the attack may occur").
			// ("Talks will resume next Tuesday" is scheduled; a strike that
			// "will begin" is a forecast.)
			if h >= 0 && occurVerbs[s.lemma(h)] && (s.childLemma(h, "aux", modalAux) >= 0 || bloody[typ] && s.childLemma(h, "aux", futureAux) >= 0) {
				return false
			}
			// "a deal may be on the cusp", "even a limited attack would not
			// bring benefits": a hypothetical one.
			if h >= 0 && (s.childLemma(h, "aux", modalAux) >= 0 || s.childLemma(h, "aux", wWould) >= 0) &&
				s.childLemma(n, "det", indefinite) >= 0 {
				return false
			}
			return h < 0 || s.childLemma(h, "mark", condMarks) < 0
		case n == i && s.isNoun(i) && (s.childLemma(i, "det", definite) >= 0 || s.child(i, "nmod:poss") >= 0):
			return true // so is a definite one's: "a message to the G7 meetings"
		}
		n = h
	}
	return true
}

// bareKind reports whether noun i is a plural kind rather than a
// particular happening: plural, with no article or demonstrative, no
// possessor, number or named participant ("summits", "Most summits").
func (s *clause) bareKind(i int) bool {
	l, w := s.lemma(i), s.low(i)
	if w == l || !strings.HasSuffix(w, "s") || pluralOK[l] {
		return false
	}
	for _, c := range s.children(i) {
		switch r := s.rel(c); {
		case r == "det" && !quantDets[s.lemma(c)], r == "nmod:poss", r == "nummod":
			return false
		case (r == "amod" || r == "compound" || strings.HasPrefix(r, "nmod")) && s.entityIn(c) >= 0:
			return false
		}
	}
	return true
}

// imperative reports whether the sentence is a command: it opens with
// its root, a verb in its base form with no subject.
func (s *clause) imperative() bool {
	r := s.lo
	if s.head(r) < 0 && s.rel(r) == "root" && s.pos(r) == news.VERB && s.low(r) == s.lemma(r) && s.child(r, "nsubj") < 0 {
		return true
	}
	// "For more information, please visit Onet."
	r = slices.IndexFunc(s.a.Syntax[s.lo:s.hi], func(t news.Syntax) bool { return t.Rel == "root" }) + s.lo
	return r >= s.lo && s.pos(r) == news.VERB && s.low(r) == s.lemma(r) && (s.childLemma(r, "advmod", wPlease) >= 0 || s.childLemma(r, "discourse", wPlease) >= 0) &&
		s.child(r, "nsubj") < 0 && s.child(r, "aux") < 0
}

// conditioned reports whether clause head n has an "if" or "unless"
// clause: its event is the consequence of a condition.
func (s *clause) conditioned(n int) bool {
	for _, c := range s.children(n) {
		if s.rel(c) == "advcl" && s.childLemma(c, "mark", wIfUnless) >= 0 {
			return true
		}
	}
	return false
}
