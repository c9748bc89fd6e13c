package event

import (
	"slices"
	"strings"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/news"
)

// set is the one word-list helper of the stages.
var set = tokens.Set

// Trigger lemmas by part of speech: a verb or a noun (proper nouns
// included: "the Moscow Conference") whose lemma is listed may trigger the
// listed types; triggers checks what else each type needs.
var (
	verbTriggers = map[string][]string{}
	nounTriggers = map[string][]string{}
)

func init() {
	add := func(m map[string][]string, typ, lemmas string) {
		for _, l := range strings.Fields(lemmas) {
			m[l] = append(m[l], typ)
		}
	}
	add(verbTriggers, "deployment", "deploy redeploy send dispatch station commit move arrive")
	add(nounTriggers, "deployment", "deployment redeployment stationing arrival")
	add(verbTriggers, "arms_transfer", "supply deliver provide transfer ship send give hand export arrive")
	add(nounTriggers, "arms_transfer", "supply delivery shipment export transfer transport")
	add(verbTriggers, "aid_pledge", "pledge promise commit allocate announce offer supply deliver provide send give")
	add(nounTriggers, "aid_pledge", "pledge promise")
	add(verbTriggers, "aid_delivery", "deliver hand ship donate provide send give supply")
	add(nounTriggers, "aid_delivery", "delivery")
	add(verbTriggers, "strike", "strike hit attack shell bomb bombard pound target launch smash clash")
	add(nounTriggers, "strike", "strike airstrike attack shelling bombing bombardment barrage assault clash raid onslaught")
	add(verbTriggers, "casualties", "kill die wound injure")
	add(nounTriggers, "casualties", "death casualty toll dead fatality")
	add(verbTriggers, "capture", "capture seize take recapture retake liberate occupy overrun encircle expel annex")
	add(nounTriggers, "capture", "capture seizure annexation")
	add(verbTriggers, "agreement", "sign agree")
	add(nounTriggers, "agreement", "agreement treaty pact accord deal ceasefire truce memorandum signing")
	add(verbTriggers, "meeting", "meet visit host welcome speak talk")
	add(nounTriggers, "meeting", "meeting visit talk summit conference trip negotiation conversation")
	add(verbTriggers, "threat", "threaten")
	add(nounTriggers, "threat", "threat ultimatum")
}

// TriggerLemmas are the lemmas that may trigger an event; the syntax stage
// parses every sentence holding one (syntax.NeedsParse).
func TriggerLemmas() []string {
	var out []string
	for _, m := range []map[string][]string{verbTriggers, nounTriggers} {
		for l := range m {
			out = append(out, l)
		}
	}
	return out
}

// Word classes, by lemma or lower-case form.
var (
	// forceWords are what else forces deploy or station.
	forceWords = set("ship warship vessel carrier submarine frigate destroyer aircraft plane bomber helicopter police officer guard peacekeeper asset capability battery mine army navy military defence defense")
	// threatDoers are the common nouns that can threaten.
	threatDoers = set("government ministry leader president minister official spokesman spokesperson regime army military group militant rebel commander")
	// stillWords make a participle a lasting state.
	stillWords = set("currently still now temporarily already")
	// illness are causes of a natural death.
	illness = set("cancer illness disease cause causes complication complications stroke covid covid-19 pneumonia infection")
	// notArmed make an attack or strike something else: a crime, words,
	// code, a stoppage or a seizure of the heart.
	notArmed = set("sexual verbal cyber cyberattack ransomware personal heart panic general nationwide national hunger labor labour union rail teachers")
	// goodsWords are seized goods rather than ground.
	goodsWords = set("document documents file files drug drugs cash money evidence phone computer asset assets property ammunition cargo")
	// keepVerbs keep, break or leave an agreement already made.
	keepVerbs = set("implement violate breach break respect honour honor comply abide uphold observe withdraw")
	// amountNouns count what their "of" phrase names.
	amountNouns = set("thousand hundred dozen million amount number lot batch wave group contingent")
	// meetNot are what "meet" meets when it is no meeting.
	meetNot = set("requirement demand target goal deadline criterion criteria standard expectation need condition obligation threshold quota fate end resistance challenge test")
	// hostGuests are the guests of a hosted meeting named by a role.
	hostGuests   = set("counterpart leader president minister delegation envoy ambassador official premier chancellor king prime")
	troopWords   = set("troop troops soldier soldiers battalion brigade force forces personnel instructor trooper unit contingent serviceman servicemen fighter marine paratrooper reservist")
	weaponWords  = set("missile shell ammunition munition munitions jet fighter tank weapon weapons arm arms weaponry artillery drone rocket howitzer patriot himars atacms launcher system interceptor round vehicle bomb f-16 mirage amraam air-defence air-defense nlaw javelin")
	aidWords     = set("aid assistance fund funds funding money loan grant package support generator transformer humanitarian equipment budget terminal")
	attackCtx    = set("missile missiles drone drones rocket rockets shell shells strike strikes airstrike airstrikes bomb bombs artillery attack attacks shelling")
	armsCtx      = set("missile missiles drone drones rocket rockets shell shells airstrike airstrikes bomb bombs artillery shelling gun guns gunfire fire rifle knife bullet bullets shot shots shooting shrapnel projectile grenade mortar explosive debris round rounds")
	shellingCtx  = set("missile rocket shell shelling artillery")
	retakeLemmas = set("recapture retake liberate expel")
	meetWith     = set("speak talk")
	threatVerbs  = set("make issue repeat deliver voice")
	futureGovs   = set("plan agree decide pledge promise vow intend prepare")
	futureAux    = set("will would shall")
	agreeNouns   = set("agreement treaty pact accord deal memorandum convention constitution")
	meetingNot   = set("press news")
	pluralOK     = set("talk negotiation arm")
	// anniversaryWords remember an event rather than report one.
	anniversaryWords = set("anniversary commemoration remembrance")
)

func (s *clause) lemma(i int) string { return strings.ToLower(s.a.Syntax[i].Lemma) }
func (s *clause) low(i int) string   { return s.v.Low(i) }
func (s *clause) pos(i int) news.UPOS {
	return s.a.Syntax[i].UPOS
}
func (s *clause) rel(i int) string { return s.a.Syntax[i].Rel }

// isNoun reports whether token i is a noun or proper noun.
func (s *clause) isNoun(i int) bool { return s.pos(i) == news.NOUN || s.pos(i) == news.PROPN }

// triggers reports whether token i is a trigger of an event of type typ.
func (s *clause) triggers(i int, typ string) bool {
	l := s.lemma(i)
	var m map[string][]string
	switch {
	case s.pos(i) == news.VERB:
		m = verbTriggers
	case s.isNoun(i):
		m = nounTriggers
	default:
		return false
	}
	listed := false
	for _, t := range m[l] {
		listed = listed || t == typ
	}
	if !listed {
		return false
	}
	noun := s.isNoun(i)
	// A noun that modifies another names a kind, not a happening:
	// "strike power", "attack helicopters", "supply lines".
	if noun && s.rel(i) == "compound" {
		return false
	}
	// "the anniversary of the assault": an earlier event remembered, not
	// one reported.
	if h := s.head(i); noun && h >= 0 && s.rel(i) == "nmod" && anniversaryWords[s.lemma(h)] {
		return false
	}
	rel := s.related(i)
	has := func(words map[string]bool) bool {
		for _, k := range rel {
			if words[s.lemma(k)] || words[s.low(k)] {
				return true
			}
		}
		return false
	}
	switch typ {
	case "deployment":
		switch l {
		case "deploy", "redeploy", "station":
			// "deployed 3,000 troops", "were deployed to the border", but
			// not "a fix has been deployed".
			return s.forcesTheme(i)
		case "deployment", "redeployment", "stationing":
			return true
		case "move":
			// "moved by sea to Veldana", not "the troops are moving".
			return has(troopWords) && s.caseChild(i, wDirection) >= 0
		case "send", "dispatch", "commit":
			// The troops are what is sent, not who acts: "atrocities
			// committed by soldiers", "soldiers sent letters" are not
			// deployments.
			for _, k := range s.themeRelated(i) {
				if troopWords[s.lemma(k)] || troopWords[s.low(k)] {
					return true
				}
			}
			return false
		}
		return has(troopWords)
	case "arms_transfer":
		return has(weaponWords) && !s.future(i)
	case "aid_pledge":
		if l == "pledge" && noun {
			return true // "the pledges"; a bare plural kind is left out later
		}
		if !s.aidIn(rel) && !has(weaponWords) && !s.money(rel) {
			return false
		}
		switch l {
		case "supply", "deliver", "provide", "send", "give":
			return s.future(i)
		case "announce":
			return s.aidIn(rel) || s.money(rel)
		}
		return true
	case "aid_delivery":
		return s.aidIn(rel) && !has(weaponWords) && !s.future(i)
	case "strike":
		switch l {
		case "attack":
			// "attacked Wray on Truth Social": one person attacking another
			// with no weapon in sight is a war of words.
			if t := s.theme(i); t >= 0 && (s.isPerson(t) || hostGuests[s.lemma(t)]) && (s.subjectEntity(i) < 0 || s.isPerson(s.child(i, "nsubj"))) &&
				!s.sentenceHas(armsCtx) && !s.sentenceHas(weaponWords) {
				return false
			}
		case "hit", "strike":
			// "was hit by a car", "hit by the tsunami": an accident or a
			// disaster, not an attack.
			c := s.child(i, "obl:agent")
			if c < 0 && s.child(i, "aux:pass") >= 0 {
				c = s.caseChild(i, wBy)
			}
			if c >= 0 && s.entityIn(c) < 0 && !attackCtx[s.lemma(c)] && !armsCtx[s.lemma(c)] && !weaponWords[s.lemma(c)] {
				return false
			}
			if l == "hit" {
				// "missiles hit the plant", "the plant was hit".
				return s.sentenceHas(attackCtx) || s.low(i) == "hit" && s.child(i, "nsubj:pass") >= 0
			}
		case "target", "launch":
			return s.sentenceHas(attackCtx)
		case "barrage", "onslaught":
			// "a barrage of posts": words, not shells.
			if c := s.caseChild(i, wOfFrom); c >= 0 && !weaponWords[s.lemma(c)] && !weaponWords[s.low(c)] && !attackCtx[s.lemma(c)] {
				return false
			}
		}
		if noun && (s.childLemma(i, "amod", notArmed) >= 0 || s.childLemma(i, "compound", notArmed) >= 0) {
			return false // "sexual assault", "a general strike", "a cyber attack"
		}
		// "go on strike", "workers on strike": a stoppage, not an attack.
		return !(noun && l == "strike" && s.childLemma(i, "case", wOn) >= 0 && s.child(i, "det") < 0)
	case "casualties":
		if h := s.head(i); l == "toll" && h >= 0 && s.lemma(h) == "take" {
			return false // "the toll the episode was taking on his wife"
		}
		if l == "die" && s.naturalDeath(i) {
			return false // "died of cancer", "died at 84": no casualty
		}
		return !noun || l != "dead" || s.pos(i) == news.NOUN
	case "capture":
		switch l {
		case "take":
			return s.childLemma(i, "obj", wControl) >= 0
		case "occupy":
			// "in occupied Ukraine", "the occupied territories": a state,
			// not a seizure; "Crimea, occupied by Russia in 2014" is one.
			if s.rel(i) == "amod" {
				return false
			}
			if s.childLemma(i, "advmod", stillWords) >= 0 {
				return false // "the territories currently occupied by Russia"
			}
			return s.low(i) != "occupied" || s.child(i, "nsubj") >= 0 || s.child(i, "aux") >= 0 ||
				s.child(i, "aux:pass") >= 0 || s.child(i, "obl:agent") >= 0 || s.caseChild(i, wBy) >= 0
		case "expel":
			return has(troopWords) // not diplomats
		}
		// "rifles seized from the boats", "files seized in a raid": goods,
		// not ground.
		if t := s.theme(i); t >= 0 && s.entityIn(t) < 0 {
			if l, w := s.lemma(t), s.low(t); weaponWords[l] || weaponWords[w] || goodsWords[l] {
				return false
			}
		}
		return true
	case "agreement":
		if s.pos(i) == news.PROPN && s.ment[i-s.lo] >= 0 {
			return false // a named treaty or organisation, not a signing
		}
		if h := s.head(i); noun && h >= 0 && keepVerbs[s.lemma(h)] {
			return false // "implement the Minsk agreements": one made before
		}
		switch l {
		case "sign":
			return has(agreeNouns) || s.childLemma(i, "compound:prt", wUp) >= 0
		case "signing":
			return has(agreeNouns)
		case "agree":
			// "agreed to lift", "were agreed by leaders"; not "agree that"
			// nor "agrees with Putin that concessions are the key".
			for _, c := range s.children(i) {
				if s.clauseOf(c) && s.childLemma(c, "mark", wThat) >= 0 {
					return false
				}
			}
			return s.child(i, "xcomp") >= 0 || s.child(i, "nsubj:pass") >= 0 || s.child(i, "obj") >= 0
		}
		return true
	case "meeting":
		switch {
		case l == "visit" && !noun:
			// "visited Kyiv", "visited Zelensky", not "visited the rally
			// location twice".
			t := s.child(i, "obj")
			return t < 0 || s.pos(t) != news.NOUN || s.entityIn(t) >= 0 || hostGuests[s.lemma(t)]
		case l == "talk" && noun:
			return s.low(i) == "talks"
		case l == "conference":
			// "the bishops' conference responded": a body, not a meeting.
			if h := s.head(i); h >= 0 && s.rel(i) == "nsubj" && (reportVerbs[s.lemma(h)] || s.lemma(h) == "respond") {
				return false
			}
			return s.childLemma(i, "compound", meetingNot) < 0
		case meetWith[l]:
			return s.entityIn(s.caseChild(i, wWithTo)) >= 0
		case l == "welcome":
			return s.entityIn(s.child(i, "obj")) >= 0
		case l == "meet" && !noun:
			// "met the deadline", "requirements are met", "the results were
			// met with mixed reactions": not a meeting.
			if p := s.child(i, "nsubj:pass"); p >= 0 && s.actorIn(p) < 0 && !hostGuests[s.lemma(p)] {
				return false
			}
			t := s.theme(i)
			return t < 0 || !meetNot[s.lemma(t)]
		case l == "host" && !noun:
			// "hosted talks", "hosted Zelensky", but not "hosting a show"
			// or "games hosted on Roblox".
			t := s.theme(i)
			return t < 0 || slices.Contains(nounTriggers[s.lemma(t)], "meeting") || s.actorIn(t) >= 0 || hostGuests[s.lemma(t)]
		}
		return true
	case "threat":
		if noun {
			if s.ownerEntity(i) >= 0 {
				return true
			}
			h := s.head(i)
			return s.rel(i) == "obj" && h >= 0 && threatVerbs[s.lemma(h)]
		}
		// "Russia threatened Finland", not "the invasion threatens global
		// security" nor "described his actions as threatening Europe".
		c := s.child(i, "nsubj")
		if c >= 0 && s.pos(c) == news.NOUN && !s.named(c) && !threatDoers[s.lemma(c)] {
			return false
		}
		if h := s.head(i); c < 0 && h >= 0 && s.rel(i) == "xcomp" && s.child(h, "obj") >= 0 {
			return false // the object threatens, not the one who describes it
		}
		return s.subjectEntity(i) >= 0
	}
	return false
}

// theme returns verb i's direct object, or its passive subject, or -1.
func (s *clause) theme(i int) int {
	if c := s.child(i, "obj"); c >= 0 {
		return c
	}
	return s.child(i, "nsubj:pass")
}

// forcesTheme reports whether what verb i moves may be forces: troops,
// weapons, ships or police, a named unit or state, a number or a pronoun
// ("deployed 3,000", "they were deployed"), or nothing stated.
func (s *clause) forcesTheme(i int) bool {
	themes := 0
	for _, c := range s.children(i) {
		if r := s.rel(c); r == "obj" || r == "nsubj:pass" {
			themes++
			if s.forces(c, 2) {
				return true
			}
		}
	}
	return themes == 0
}

// forces reports whether node t may name forces, looking through up to
// depth amounts ("thousands of troops", "large amounts of troops").
func (s *clause) forces(t, depth int) bool {
	if m := s.entityIn(t); m >= 0 {
		return s.a.Entities[m].Type != "PER" // not "deployed the foreign minister to Malaysia"
	}
	if s.pos(t) != news.NOUN {
		return true
	}
	l, w := s.lemma(t), s.low(t)
	if troopWords[l] || troopWords[w] || weaponWords[l] || weaponWords[w] || forceWords[l] {
		return true
	}
	if amountNouns[l] && depth > 0 {
		if c := s.caseChild(t, wOfFrom); c >= 0 {
			return s.forces(c, depth-1)
		}
		return true // "deployed thousands"
	}
	return false
}

// naturalDeath reports whether "die" at token i is of illness or age:
// "died of cancer", "from complications", "of a heart attack", "at 84".
func (s *clause) naturalDeath(i int) bool {
	if c := s.caseChild(i, wOfFrom); c >= 0 {
		if illness[s.lemma(c)] || s.lemma(c) == "attack" && s.childLemma(c, "compound", wHeart) >= 0 {
			return true
		}
	}
	c := s.caseChild(i, wAt)
	return c >= 0 && s.v.IsNum(c)
}

// named reports whether node c carries a name: a mention on it or on its
// apposed or flat name ("governor Satoshi Sumita").
func (s *clause) named(c int) bool {
	if s.ment[c-s.lo] >= 0 {
		return true
	}
	for _, k := range s.children(c) {
		if relNames[s.rel(k)] && s.ment[k-s.lo] >= 0 {
			return true
		}
	}
	return false
}

// isPerson reports whether node n names a person ("Wray", "Governor Tom
// Hale").
func (s *clause) isPerson(n int) bool {
	m := s.entityIn(n)
	return m >= 0 && s.a.Entities[m].Type == "PER"
}

// aidIn reports whether tokens ks name aid. "Support" for a person is
// backing, not aid: "announced their support for Harris".
func (s *clause) aidIn(ks []int) bool {
	for _, k := range ks {
		l, w := s.lemma(k), s.low(k)
		if !aidWords[l] && !aidWords[w] {
			continue
		}
		if l == "support" {
			who := s.caseChild(k, wForTo)
			if h := s.head(k); who < 0 && h >= 0 {
				who = s.caseChild(h, wForTo) // "announced her support for Hale"
			}
			if s.isPerson(who) {
				continue
			}
		}
		return true
	}
	return false
}

// themeRelated is related(i) without the subtrees of its doer: the
// active subject and the passive agent ("by the soldiers").
func (s *clause) themeRelated(i int) []int {
	doer := map[int]bool{}
	for _, c := range s.children(i) {
		if r := s.rel(c); r == "nsubj" || r == "obl:agent" || strings.HasPrefix(r, "obl") && s.childLemma(c, "case", wBy) >= 0 {
			doer[c] = true
		}
	}
	var out []int
	for _, k := range s.related(i) {
		under := false
		for n, d := k, 0; n >= 0 && d < 4 && n != i; n, d = s.head(n), d+1 {
			under = under || doer[n]
		}
		if !under {
			out = append(out, k)
		}
	}
	return out
}

// future reports whether a giving verb is a promise: under "will" or
// "would", or the complement of "plan", "agree", "decide", "pledge" ….
func (s *clause) future(i int) bool {
	if s.childLemma(i, "aux", futureAux) >= 0 {
		return true
	}
	h := s.head(i)
	return h >= 0 && s.rel(i) == "xcomp" && futureGovs[s.lemma(h)]
}

// money reports whether a token of ks is a number with a currency sign or
// scale written onto it ("$90m", "£25m", "1.5bn").
func (s *clause) money(ks []int) bool {
	for _, k := range ks {
		if !s.v.IsNum(k) {
			continue
		}
		if k > 0 && strings.ContainsAny(s.low(k-1), "$£€") && s.a.Tokens[k-1].End == s.a.Tokens[k].Start {
			return true
		}
		if s.v.Touch(k) && moneyScales[s.v.Low(k+1)] {
			return true
		}
		if k+1 < s.hi && wScales[s.low(k+1)] {
			return true
		}
	}
	return false
}

// moneyScales are the abbreviated scales written onto an amount.
var moneyScales = set("m bn mn b")

func (s *clause) sentenceHas(words map[string]bool) bool {
	for k := s.lo; k < s.hi; k++ {
		if words[s.lemma(k)] || words[s.low(k)] {
			return true
		}
	}
	return false
}

// Small word sets the tree checks use.
var (
	wOn            = set("on")
	wThat          = set("that")
	wAt            = set("at")
	wHeart         = set("heart")
	wForTo         = set("for to")
	wWould         = set("would")
	wTo            = set("to")
	wIfUnless      = set("if unless")
	relNames       = set("appos flat")
	relOwners      = set("compound nmod:poss amod nmod")
	wOfFrom        = set("of from")
	wBy            = set("by")
	wByFromBetween = set("by from between")
	wTargetCases   = set("to with for against")
	wDirection     = set("to into from")
	wControl       = set("control")
	wUp            = set("up")
	wWithTo        = set("with to")
	wFor           = set("for")
	wScales        = set("million billion")
)
