package figure

// This file gives a figure its structured measure: what is counted,
// whose it is, what happened to it, where, and the figure's scope, read
// from the dependency tree of its sentence (internal/annotate/syntax) with
// the quantity layer's counted noun as the fallback.

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/facts"
	"sitrep/internal/news"
	"sitrep/internal/syntax"
)

// MeasureKey is the key of a figure's measure, built from its structured
// fields only: what|owner|fate|place|scope, empty fields left empty
// ("count" for an unknown what). Two figures are the same measure when
// their keys are equal. The unit is not part of the key, so a conversion
// ("$61bn (£49bn)") shares the measure of the amount it converts; troops
// stationed somewhere are the troops deployed there (fate "deployed" in
// the key).
func MeasureKey(f news.Figure) string {
	what := measureWhat(f)
	if what == "" {
		what = "count"
	}
	return what + "|" + f.Owner + "|" + KeyFate(f.Fate, f.What, f.Scope) + "|" + f.Place + "|" + f.Scope
}

// measureWhat is the class of what a figure counts as its measure knows
// it: officers are personnel, but "eight generals killed" is not a
// count of the troops killed, so their measure is
// "personnel/officers".
func measureWhat(f news.Figure) string {
	if f.What == "personnel" && officerRanks[f.Unit] {
		return "personnel/officers"
	}
	return f.What
}

// officerRanks are the units (counted nouns' lemmas) of officers among
// the personnel class's words.
var officerRanks = tokens.Set(`general colonel lieutenant officer commander`)

// KeyFate is the fate a measure of what is known by: one of the fate
// classes (IsFate; troops stationed somewhere are the troops deployed
// there); for a share, the question it answers ("support"); for a thing
// outside the classes of what is counted, its verb ("flights canceled"
// are not "flights delayed"). A verb outside the fate classes says what
// happened to a count of people, troops, weapons or money ("200 people
// attended") without naming a different thing: reports put one count
// under different verbs.
func KeyFate(fate, what, scope string) string {
	switch {
	case fate == "stationed":
		return "deployed"
	case scope == news.ScopeShare || IsFate(fate) || !classes[what]:
		return fate
	}
	return ""
}

// whatClasses maps a counted noun's lemma to the class of thing it
// counts (the gold set's lemma list: testdata/gold/ledger/README.md).
var whatClasses = map[string]string{}

// unitGroups make a group before which they stand a military unit.
var unitGroups = tokens.Set(`tactical battle battalion brigade strike assault combat task`)

// classes is the set of whatClasses' values.
var classes = map[string]bool{}

func init() {
	for class, words := range map[string]string{
		"personnel": `troop soldier serviceman servicemen servicemember personnel fighter sailor marine paratrooper
			mercenary conscript recruit reservist pow prisoner commando infantryman guardsman pilot instructor
			man men force army combatant militant trooper airman airmen sniper general colonel lieutenant sergeant
			officer commander insurgent rebel separatist jihadist gunman gunmen militiaman militiamen guerrilla crew
			crewman crewmen cadet agent`,
		"civilians": `civilian child children kid woman women passenger citizen patient student pupil schoolchild schoolchildren
			infant baby pensioner villager family boy girl toddler schoolboy schoolgirl`,
		"population": `population resident inhabitant`,
		"people": `people person persona individual respondent voter dissident adult life victim casualty body death dead
			official congressman congressmen lawmaker legislator supporter protester demonstrator activist detainee migrant
			immigrant tourist visitor journalist reporter participant terrorist`,
		"refugees": `refugee asylum-seeker`,
		"idps":     `idp`,
		"rescuers": `rescuer firefighter medic paramedic`,
		"workers":  `worker employee staff miner`,
		"money":    `dollar euro pound rouble ruble hryvnia yen yuan spending expenditure revenue profit budget income`,
		"units":    `battalion brigade regiment division unit btg squadron platoon flotilla corps`,
		"places": `station district facility city town village settlement building home house school hospital
			site target region oblast community apartment plant factory port airfield base bridge
			position route structure bunker tunnel compound checkpoint depot warehouse headquarters node store shop market
			mall hotel restaurant church mosque airport railway refinery substation dam kindergarten office location`,
		"territory": `territory square hectare acre km2 mi2 m2 ha`,
		"energy":    `gas oil fuel m3 bbl electricity`,
		"votes":     `vote ballot abstention`,
		"states":    `country state nation`,
		"events": `appearance meeting occasion visit event activity ceremony inspection round talk launch test session summit
			war match game tour exercise drill election referendum debate rally conference hearing tournament concert
			festival`,
		"strikes":             `strike airstrike air-strike raid sortie attack assault bombardment`,
		"vehicles":            `truck lorry car bus excavator bulldozer crane loader tractor`,
		"weapons/missiles":    `missile rocket javelin nlaw stinger atacms scalp harpoon neptune iskander kalibr kinzhal tochka zircon`,
		"weapons/drones":      `drone uav shahed bayraktar lancet switchblade`,
		"weapons/vehicles":    `tank vehicle apc ifv abrams leopard challenger bradley marder stryker`,
		"weapons/ammunition":  `shell ammunition munition cartridge bullet grenade`,
		"weapons/munitions":   `bomb warhead`,
		"weapons/boats":       `boat craft`,
		"weapons/ships":       `ship vessel warship submarine carrier frigate destroyer corvette fleet`,
		"weapons/aircraft":    `aircraft jet plane helicopter warplane bomber f-16 mig-29 su-25 gripen`,
		"weapons/artillery":   `howitzer gun cannon artillery launcher mortar himars m777 caesar archer krab dana zuzana vampire grad uragan smerch`,
		"weapons/air-defence": `battery patriot nasams iris-t samp/t gepard buk s-300 s-400 pantsir`,
		"weapons":             `weapon arm system`,
	} {
		for _, w := range strings.Fields(words) {
			whatClasses[w] = class
		}
		classes[class] = true
	}
}

// fates normalise what happened to the counted thing: a word starts with
// the stem (a verb's lemma or a past form both match). Classes that
// depend on what is counted are resolved in fateOf.
var fates = []struct{ stem, fate string }{
	{"deploy", "deployed"}, {"redeploy", "deployed"}, {"mov", "moved"}, {"despatch", "deployed"},
	{"particip", "moved"}, {"involv", "moved"}, {"casualt", "killed or wounded"}, {"dispatch", "deployed"}, {"send", "sent"}, {"sent", "sent"},
	{"station", "stationed"}, {"base", "stationed"},
	{"kill", "killed"}, {"die", "killed"}, {"died", "killed"}, {"dead", "killed"}, {"death", "killed"},
	{"eliminat", "killed"}, {"execut", "killed"}, {"perish", "killed"}, {"slain", "killed"},
	{"murder", "killed"}, {"massacr", "killed"}, {"slaughter", "killed"},
	{"wound", "wounded"}, {"injur", "wounded"}, {"hurt", "wounded"}, {"hospitali", "hospitalised"},
	{"captur", "captured"}, {"detain", "captured"}, {"abduct", "captured"}, {"kidnap", "captured"}, {"imprison", "captured"}, {"taken prisoner", "captured"},
	{"arrest", "arrested"}, {"convict", "convicted"}, {"infect", "infected"}, {"froz", "frozen"}, {"freez", "frozen"},
	{"pledg", "pledged"}, {"announc", "pledged"}, {"promis", "pledged"}, {"commit", "pledged"},
	{"unveil", "pledged"}, {"earmark", "pledged"}, {"approv", "pledged"}, {"allocat", "pledged"},
	{"sign", "pledged"}, {"authori", "pledged"}, {"offer", "pledged"}, {"plan", "pledged"}, {"give", "pledged"},
	{"gave", "pledged"}, {"pass", "pledged"}, {"vote", "pledged"}, {"propos", "pledged"}, {"request", "pledged"},
	{"deliver", "delivered"}, {"provid", "delivered"}, {"suppl", "delivered"}, {"hand", "delivered"},
	{"transfer", "delivered"}, {"ship", "delivered"}, {"releas", "delivered"}, {"freed", "released"},
	{"flee", "fled"}, {"fled", "fled"}, {"escap", "fled"},
	{"displac", "displaced"}, {"evacuat", "evacuated"}, {"deport", "deported"}, {"expel", "expelled"},
	{"trap", "trapped"}, {"shelter", "trapped"}, {"besieg", "trapped"},
	{"strike", "struck"}, {"struck", "struck"}, {"hit", "struck"}, {"target", "struck"}, {"shell", "struck"},
	{"engag", "struck"}, {"suppress", "struck"},
	{"threaten", "threatened"}, {"endanger", "threatened"},
	{"destroy", "destroyed"}, {"damag", "damaged"}, {"burn", "burned"}, {"scorch", "burned"}, {"shot down", "destroyed"}, {"down", "destroyed"},
	{"intercept", "destroyed"},
	{"occup", "occupied"}, {"seiz", "occupied"}, {"control", "occupied"}, {"annex", "occupied"},
	{"launch", "launched"}, {"fire", "launched"}, {"conduct", "conducted"},
	{"lend", "lent"}, {"lent", "lent"}, {"loan", "lent"},
	{"spen", "spent"}, {"rais", "raised"}, {"outrais", "raised"}, {"fundrais", "raised"}, {"desert", "deserted"}, {"surrender", "surrendered"}, {"defect", "defected"},
	{"missing", "missing"}, {"mobili", "mobilised"}, {"conscript", "mobilised"}, {"recruit", "recruited"},
	{"train", "trained"}, {"lost", "lost"}, {"lose", "lost"}, {"loss", "lost"}, {"appear", "appeared"},
	{"meet", "met"}, {"met", "met"}, {"accompan", "accompanied"}, {"inspect", "inspected"},
	{"interview", "interviewed"}, {"support", "support"}, {"back", "support"}, {"oppos", "oppose"},
	{"believ", "believe"}, {"think", "believe"},
	{"readiness", "ready"}, {"preparedness", "ready"}, {"alert", "ready"}, {"standby", "ready"}, {"ready", "ready"},
}

// raiseVerbs raise an amount to a level.
var raiseVerbs = tokens.Set(`increase raise boost lift double hike`)

// groundNouns are the common nouns of a place where forces can be held
// ("on European soil", "in the region").
var groundNouns = tokens.Set(`soil territory region area country border base zone peninsula`)

// casualtyWords count people by their fate after a number and "of"
// ("dozens of dead", "hundreds of wounded").
var casualtyWords = tokens.Set(`dead wounded injured killed missing`)

// heldPeople are counted people (lemmas) that can be held and released,
// besides peopleClasses and the captive nouns of nounFates.
var heldPeople = tokens.Set(`detainee protester demonstrator activist journalist sailor crew`)

// strikeVerbs carry out strikes ("conducted 23 strikes", "flew 870
// sorties", "made eight raids").
var strikeVerbs = tokens.Set(`conduct carry launch fly make mount stage execute deliver perform`)

// actorFates are fates an actor brings about for what it owns: its
// troops deployed, its aid pledged or delivered, its money spent.
var actorFates = map[string]bool{"deployed": true, "stationed": true, "pledged": true, "delivered": true,
	"lent": true, "spent": true, "mobilised": true, "recruited": true, "trained": true, "launched": true}

// exactFates are fates of troops and units read from whole words only
// ("forming a battalion to fight", not "former"): forces formed,
// fighting, massed, gathered or built up somewhere are deployed there.
var exactFates = map[string]string{"form": "deployed", "formed": "deployed", "forming": "deployed",
	"fight": "deployed", "fought": "deployed", "fighting": "deployed",
	"amass": "deployed", "amassed": "deployed", "amassing": "deployed", "mass": "deployed", "massed": "deployed", "massing": "deployed",
	"gather": "deployed", "gathered": "deployed", "gathering": "deployed",
	"concentrate": "deployed", "concentrated": "deployed", "concentrating": "deployed",
	"build-up": "deployed", "buildup": "deployed",
	"join": "deployed", "joined": "deployed", "joining": "deployed",
	"reinforce": "deployed", "reinforced": "deployed", "reinforcing": "deployed",
	"bolster": "deployed", "bolstered": "deployed", "bolstering": "deployed"}

// lightVerbs state a number without saying what happened to the thing
// counted ("there are", "the total reached"): they give no fate.
var lightVerbs = map[string]bool{
	"be": true, "have": true, "include": true, "say": true, "tell": true, "report": true, "estimate": true,
	"show": true, "total": true, "reach": true, "number": true, "rise": true, "grow": true, "stand": true,
	"put": true, "make": true, "comprise": true, "consist": true, "contain": true, "remain": true, "bring": true,
	"take": true, "add": true, "count": true, "record": true, "mark": true, "increase": true, "decrease": true,
	"fall": true, "drop": true, "climb": true, "jump": true, "double": true, "go": true, "get": true, "see": true,
	"claim": true, "believe": true, "expect": true, "accord": true, "state": true, "confirm": true, "note": true,
	"know": true, "become": true, "seem": true, "appear": false, "involve": true, "hold": true, "keep": true,
	"need": true, "want": true, "help": true, "use": true, "do": true, "find": true, "let": true,
	"mean": true, "mention": true, "allege": true, "represent": true, "operate": true, "own": true, "possess": true,
	"field": true, "stay": true, "account": true, "exceed": true, "surpass": true, "amount": true, "average": true, "top": true,
	"treble": true, "triple": true, "quadruple": true, "halve": true, "constitute": true, "approach": true, "near": true,
}

// lifeTakers take the lives they are said of: "claimed the lives of
// 14,000 people", "cost the lives of 40 soldiers".
var lifeTakers = tokens.Set(`claim take cost`)

// causativeVerbs make what they count do what their complement says
// ("forced 1.5 million people to flee": they fled).
var causativeVerbs = tokens.Set(`force cause compel prompt oblige`)

// falseFriends begin with a fate's stem and say nothing of a fate: a
// "handful" is not handed, a "fleet" did not flee, "significant" signs
// nothing. A word matching one of these prefixes has no fate.
var falseFriends = []string{"significan", "signal", "signat", "sentenc", "sentim", "sentin", "plane", "plant",
	"passeng", "passag", "passport", "passiv", "handful", "handl", "handgun", "handbook", "handset", "basement",
	"baseline", "baseball", "basic", "basis", "firefight", "firearm", "firework", "downtown", "download",
	"downturn", "hitherto", "backlog", "background", "backpack", "backbone", "backdrop", "backlash",
	"committee", "commission", "launcher", "striker", "fleet", "killer", "diesel", "diet", "deadline",
	"deadlock", "deadly", "executive", "authorit", "voter", "provider", "supplement", "shipyard", "conductor",
	"inspector", "mover", "movie", "thinker", "announcer", "loser"}

// fateOf normalises a verb, participle or noun (lemma or as written) to a
// fate for what is counted; "" when it says nothing of what happened.
func fateOf(word, what string) string {
	w := strings.ToLower(word)
	for _, ff := range falseFriends {
		if strings.HasPrefix(w, ff) {
			return ""
		}
	}
	if what == "territory" || what == "places" {
		// Ground changes hands: "retaking 18,000 square kilometres",
		// "liberated dozens of villages", "took back 30%".
		for _, stem := range []string{"retak", "recaptur", "regain", "liberat", "reclaim", "clear"} {
			if strings.HasPrefix(w, stem) {
				return "captured"
			}
		}
		switch w {
		case "take", "took", "taken", "takes", "taking":
			return "occupied"
		}
	}
	if w == "" || lightVerbs[w] {
		return ""
	}
	if exactFates[w] != "" && what != "personnel" && what != "units" {
		return ""
	} else if exactFates[w] != "" {
		return exactFates[w]
	}
	for _, f := range fates {
		if f.stem == "met" && w != "met" {
			continue // "metres", "method", "metal"
		}
		if (f.stem == "execut" || f.fate == "met") && what != "" && !peopleClasses[what] && what != "events" {
			continue // "executed a veto against a €90bn loan", "meet the 2% target"
		}
		if strings.HasPrefix(w, f.stem) {
			switch {
			case f.stem == "releas" && (peopleClasses[what] || nounFates[what] == "captured" || heldPeople[what]):
				return "released" // prisoners, hostages, detainees set free: not aid handed over
			case f.fate == "sent" && (what == "" || peopleClasses[what] || what == "units"):
				return "deployed"
			case f.fate == "sent":
				return "pledged" // money, weapons, any thing that is not people
			case f.fate == "pledged" && unpledged[what]:
				return "" // "Putin plans referenda in four regions", "two women pass"
			case f.fate == "occupied" && what != "territory" && what != "places" && what != "":
				if f.stem == "control" {
					return ""
				}
			case what == "strikes" && (f.fate == "launched" || f.fate == "conducted"):
				return "conducted" // strikes launched, conducted or carried out
			case f.fate == "launched" && !strings.HasPrefix(what, "weapons"):
				return "" // "fired" staff, "launched" a probe: only weapons are launched
			case f.fate == "conducted" && what != "strikes" && what != "events":
				return ""
			case f.fate == "moved":
				if what != "personnel" && what != "units" {
					return ""
				}
				return "deployed"
			case (f.fate == "killed" || f.fate == "wounded") && classes[what] && !peopleClasses[what] && what != "units":
				return "" // "cuts that eliminated $18m in grants": only the living are killed or wounded
			case f.fate == "burned" && fireWords[what+"s"]:
				return "" // "176 wildfires were burning": a fire burns; it is not burned
			case (f.fate == "spent" || f.fate == "lent" || f.fate == "raised") && peopleClasses[what]:
				return "" // "one girl … spends her days indoors": people are not spent or lent
			}
			return f.fate
		}
	}
	return ""
}

// modelName says whether a name is a weapon model's ("HIMARS", "Leopard
// 2", "Caesar"): one of its words is a weapon of whatClasses.
func modelName(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if strings.HasPrefix(whatClasses[w], "weapons") {
			return true
		}
	}
	return false
}

// others says whether the counted noun at noun is "others" ("killed one
// person and injured seven others"): more of what the figure before
// counts, which link gives it.
func others(t *tree, noun int) bool {
	return noun >= 0 && (t.lemma(noun) == "other" || moreWords[t.low(noun)])
}

// moreWords stand for more of what was counted before when they follow a
// number in place of its noun ("2,000 more are on their way", "a couple
// thousand extra").
var moreWords = tokens.Set(`others more extra additional`)

// adjunctNoun says whether the counted noun at noun is a prepositional
// adjunct of its verb that neither does nor undergoes what the verb says:
// the recipient, the place or the time ("passed back to its 1.3
// million-strong army", "deployed to 12 towns"). An agent ("by") or an
// instrument ("with") takes part.
func adjunctNoun(t *tree, noun, lo, hi int) bool {
	if noun < 0 || t.rel(noun) != "obl" {
		return false
	}
	c := t.child(noun, "case")
	// ("commit up to 1,000 more soldiers": the number's own "to" is no
	// preposition of the noun.)
	return c >= 0 && (c < lo || c >= hi) && adjunctCases[t.low(c)]
}

// adjunctCases are the prepositions of adjuncts that adjunctNoun reads
// (not "including", which lists parts of the object).
var adjunctCases = tokens.Set(`to for from in into at on toward towards across near within during after before since inside throughout among around behind beyond outside`)

// modifiesNoun says whether the number at tokens [lo, hi) stands
// between a determiner and the noun it modifies ("the 2% target", "an
// extra 35% tariff"), or sizes a rate in its "of" phrase ("a tariff of
// 35%").
func modifiesNoun(t *tree, lo, hi int) bool {
	if !t.parsed {
		return false
	}
	if a := t.anchor(lo, hi); t.caseOf(a) == "of" && t.head(a) < lo && rateHeads[t.lemma(t.head(a))] {
		return true
	}
	return t.upos(hi) == news.NOUN && determined(t, lo)
}

// agentOf says whether the counted noun (or, without one, the number's
// anchor) is the active subject of verb.
func agentOf(t *tree, verb, noun, anc int) bool {
	byAgent := false
	t.children(verb, func(c int) bool {
		byAgent = byAgent || t.fullRel(c) == "obl:agent" || t.rel(c) == "obl" && t.caseOf(c) == "by"
		return !byAgent
	})
	if t.passive(verb) || byAgent {
		return false // "four battlegroups will be sent", "€6.7bn requested by the minister": whatever the parse calls the subject
	}
	if noun >= 0 && t.head(noun) != anc {
		return t.rel(noun) == "nsubj" && t.head(noun) == verb
	}
	// "half of the settlers gave up": the number heads the subject and
	// the counted noun is its "of" phrase.
	return t.rel(anc) == "nsubj" && t.head(anc) == verb
}

// argumentOf says whether the counted noun (or, without one, the
// number's anchor) is the subject or object of verb.
func argumentOf(t *tree, verb, noun, anc int) bool {
	for _, n := range []int{noun, anc} {
		if n >= 0 && t.head(n) == verb {
			switch t.rel(n) {
			case "nsubj", "nsubj:pass", "obj":
				return true
			}
		}
	}
	return false
}

// prepBetween says whether a preposition stands between the number
// ending before token hi and the noun at token n after it: "3,000 at
// bases near the front" counts no bases, however the parser hung it.
func prepBetween(t *tree, hi, n int) bool {
	for k := hi; k < n; k++ {
		if t.upos(k) == news.ADP && t.low(k) != "of" && t.upos(k+1) != news.NUM { // ("a 2 in 3 chance": odds)
			return true
		}
	}
	return false
}

// clauseVerb says whether verb heads a clause (not a participle that
// modifies a noun, "combat-hardened troops") and is a plain word.
func clauseVerb(t *tree, verb int) bool {
	switch t.rel(verb) {
	case "amod", "compound", "nmod", "obl", "nsubj", "obj", "appos", "flat", "dep":
		return false
	}
	for _, r := range t.low(verb) {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// negated says whether verb is negated ("will not forgive hundreds"):
// what it says did not happen.
func negated(t *tree, verb int) bool {
	neg := false
	t.children(verb, func(c int) bool {
		switch t.low(c) {
		case "not", "n't", "never":
			neg = true
		}
		return !neg
	})
	return neg
}

// byAgent says whether the counted noun (or, without one, the number's
// anchor) is the "by" agent of verb.
func byAgent(t *tree, verb, noun, anc int) bool {
	n := anc
	if noun >= 0 {
		n = noun
	}
	if t.head(n) != verb {
		return false
	}
	return t.fullRel(n) == "obl:agent" || t.rel(n) == "obl" && t.caseOf(n) == "by" && t.passive(verb)
}

// unpledged are the classes of thing no one pledges: places, ground,
// states, people other than troops, and chances ("gave the party a
// one-in-three chance").
var unpledged = map[string]bool{"places": true, "territory": true, "states": true, "civilians": true,
	"people": true, "population": true, "refugees": true, "idps": true, "chance": true}

// outputNoun reports whether token i heads a name of a country's
// economic output ("gross domestic product", "economic output",
// "national income"): a share of it is an amount of money.
func (ix *index) outputNoun(i int) bool {
	t := ix.tree
	switch t.low(i) {
	case "product":
		return t.low(i-1) == "domestic"
	case "output", "income":
		d := t.low(i - 1)
		return d == "economic" || d == "national" || d == "economy's"
	}
	return false
}

// IsFate reports whether s is one of the normalised fates fateOf gives
// ("deployed", "killed", "pledged" …).
func IsFate(s string) bool {
	if s == "" {
		return false
	}
	for _, f := range fates {
		if f.fate == s {
			return true
		}
	}
	for _, f := range exactFates {
		if f == s {
			return true
		}
	}
	return s == "voted for" || s == "voted against" || s == "received"
}

// voteFate returns the side of a vote an event names ("voted against",
// "voted to override" → "voted for", "voted in favour"), or "".
func voteFate(event string) string {
	e := strings.ToLower(strings.TrimSpace(event))
	for _, p := range []string{"voted ", "vote ", "votes "} {
		rest, ok := strings.CutPrefix(e, p)
		if !ok {
			continue
		}
		switch {
		case strings.HasPrefix(rest, "against"):
			return "voted against"
		case strings.HasPrefix(rest, "for"), strings.HasPrefix(rest, "in favo"), strings.HasPrefix(rest, "to "):
			return "voted for"
		}
	}
	return ""
}

// NormalizeFate returns the normalised fate of an event word as written
// ("sent" → "deployed" for troops, "announced" → "pledged"), or the
// word's first word lower-cased when it has no normal form. The eval
// compares gold events with it.
func NormalizeFate(event, what string) string {
	if f := voteFate(event); f != "" {
		return f
	}
	if e := strings.ToLower(strings.TrimSpace(event)); strings.Contains(e, " ") && IsFate(e) {
		return e // a fate of several words as the stage writes it ("killed or wounded")
	}
	if f := fateOf(event, what); f != "" {
		return f
	}
	if fs := strings.Fields(strings.ToLower(event)); len(fs) > 0 {
		if f := fateOf(fs[0], what); f != "" {
			return f
		}
		return fs[0]
	}
	return ""
}

// classOf returns the class of a counted noun's lemma ("" when unknown).
func classOf(l string) string {
	l = strings.ToLower(l)
	if c, ok := whatClasses[l]; ok {
		return c
	}
	if c, ok := whatClasses[lemma(l)]; ok {
		return c
	}
	// "anti-tank", "counter-drone": a weapon against a thing is not the
	// thing.
	if strings.HasPrefix(l, "anti-") || strings.HasPrefix(l, "counter-") {
		return ""
	}
	if i := strings.LastIndexByte(l, '-'); i > 0 {
		return classOf(l[i+1:])
	}
	return ""
}

// measureOf fills in the structured measure of f (What, Owner, Fate,
// Place, Scope) for the quantity q.
func (ix *index) measureOf(f *news.Figure, q news.Quantity, sent news.Span) {
	t := ix.tree
	lo, hi := t.span(q.Span)
	if lo >= hi {
		return
	}
	anc := t.anchor(lo, hi)
	noun, whole := -1, -1
	verb := -1
	// The counted noun: the number's nummod head, the noun of "X of the
	// Y", the quantity layer's counted phrase, or the subject or object
	// of the verb a predicate figure hangs on ("put the toll at 90,000").
	switch r := t.rel(anc); {
	case (r == "nummod" || r == "compound" && q.Kind == "cardinal") && t.isNoun(t.head(anc)) && (t.head(anc) < lo || t.head(anc) >= hi) && !prepBetween(t, hi, t.head(anc)):
		noun = t.head(anc)
	}
	if noun < 0 {
		t.children(anc, func(c int) bool {
			if t.rel(c) == "nmod" && t.isNoun(c) && t.caseOf(c) == "of" {
				noun = c
				t.children(c, func(n int) bool {
					if t.rel(n) == "nummod" && n > anc {
						whole = n
					}
					return true
				})
				return false
			}
			return true
		})
	}
	if whole < 0 && t.low(hi) == "of" {
		// "16 of the 36 launched", "eight of 30": a part of the number
		// after it, however the tree attached the two.
		k := hi + 1
		if d := t.low(k); d == "the" || d == "those" || d == "these" {
			k++
		}
		if k < len(ix.a.Tokens) && ix.a.Tokens[k].Kind == news.TokenNumber {
			whole = k
		}
	}
	if whole < 0 && t.low(lo-1) == "," {
		// "Of the 40 drones launched, 31 were shot down": a number right
		// after a fronted "of" phrase that opens the sentence with a
		// number is a part of that number.
		slo, _ := t.sentence(lo)
		k := slo
		if t.low(k) == "of" {
			k++
			if d := t.low(k); d == "the" || d == "those" || d == "these" {
				k++
			}
			if k < lo-1 && ix.a.Tokens[k].Kind == news.TokenNumber {
				whole = k
			}
		}
	}
	if noun < 0 && q.CountsSpan != nil {
		clo, chi := t.span(*q.CountsSpan)
		if chi > clo {
			noun = chi - 1
			// The tree's head of the phrase, when the phrase has one.
			for k := clo; k < chi; k++ {
				if h := t.head(k); (h < clo || h >= chi) && t.isNoun(k) {
					noun = k
				}
			}
		}
	}
	// "reduce the army from 82,000 to 72,500", "numbers up to 40,000": a
	// number with its own preposition is a level of what the verb's
	// object or subject names, whatever noun the tree or the quantity
	// layer hung it on ("… to 72,500 perverse").
	// "burglaries fell to 212", "assaults rose by 6 percent", "prices
	// climbed 4%": with a verb of change, what changes is its subject,
	// whatever the noun.
	if c := t.caseOf(anc); (noun < 0 || ix.classAt(noun) == "") && q.Kind == "cardinal" && levelPreps[c] {
		v := t.head(anc)
		for k := 0; k < 3 && v >= 0 && !t.isVerb(v); k++ {
			v = t.head(v)
		}
		if v >= 0 && t.isVerb(v) {
			for _, r := range []string{"obj", "nsubj", "nsubj:pass"} {
				if c := t.child(v, r); c >= 0 && c != anc && t.isNoun(c) && ix.predicateNoun(c) {
					noun, verb = c, v
					break
				}
			}
		}
	}
	// "burglaries fell to 212", "the number of members grew by 40": with
	// a verb of change right before the number, what changes is the
	// verb's subject, whatever the noun.
	if v := changeVerbBefore(t, lo, q.Kind); (noun < 0 || ix.classAt(noun) == "" && (t.rel(anc) != "nummod" || !ix.countable(noun, lo, hi))) && v >= 0 {
		c, reduced := t.child(v, "nsubj"), false
		if c < 0 && t.fullRel(v) == "acl" {
			c, reduced = t.head(v), true // "the number of ferries grew by 40", parsed as a reduced relative
		}
		// Not "… is under investigation has risen to": no subject has a
		// preposition; not a word of a name: "the Purchasing Managers
		// Index rose".
		if c >= 0 && c < v && (reduced || t.caseOf(c) == "") && ix.commonNoun(c) {
			noun, verb = c, v
		}
	} else if noun < 0 && q.Kind == "percent" && upDown[t.low(lo-1)] {
		// "exports were up 3.4%": the change is the copula's predicate;
		// "with microprocessors up 5.6%": the noun before "up".
		if c := t.child(anc, "nsubj"); t.lemma(lo-2) == "be" && c >= 0 && c < lo && t.upos(c) == news.NOUN {
			noun = c
		} else if changedNoun(t, lo) {
			noun = lo - 2
		}
	}
	gapOwner := "" // "two Russian and two Chinese bombers": the first count's own demonym
	if noun == hi && noun+3 < len(ix.a.Tokens) && (t.low(noun+1) == "and" || t.low(noun+1) == "or") && (ix.a.Tokens[noun+2].Kind == news.TokenNumber || t.upos(noun+2) == news.NUM) {
		if d := ix.demonymAt(noun); d != "" {
			for k := noun + 3; k < len(ix.a.Tokens) && k <= noun+5; k++ {
				if t.upos(k) == news.NOUN {
					noun, gapOwner = k, d // the noun both counts share
					break
				}
				if u := t.upos(k); u != news.ADJ && u != news.PROPN {
					break
				}
			}
		}
	}
	// "artillery shells": the head of a compound, not its modifier.
	for k := 0; k < 3 && noun >= 0 && t.rel(noun) == "compound" && t.isNoun(t.head(noun)) && t.head(noun) > noun; k++ {
		noun = t.head(noun)
	}
	// "a 3,000-man battalion" counts men; "500 Patriot and AMRAAM
	// missiles" counts missiles when the tree's noun says nothing known.
	compoundWhat := ""
	if q.CountsSpan != nil && q.Modifies != "" && q.CountsSpan.End <= q.End {
		compoundWhat = classOf(q.Unit)
	} else if q.CountsSpan != nil && noun >= 0 && ix.classAt(noun) == "" && gapOwner == "" {
		if _, chi := t.span(*q.CountsSpan); chi > 0 && ix.classAt(chi-1) != "" {
			noun = chi - 1
		}
	}
	if q.CountsSpan != nil && noun >= 0 {
		// "1,600 strike and air defence missiles": the head of the
		// counted phrase is its last noun when the words between are
		// modifiers and conjunctions, whatever the tree made of them.
		if clo, chi := t.span(*q.CountsSpan); chi-1 > noun && noun >= clo && ix.classAt(chi-1) != "" && ix.classAt(chi-1) != ix.classAt(noun) {
			np := true
			for k := noun + 1; k < chi-1; k++ {
				switch t.upos(k) {
				case news.NOUN, news.PROPN, news.ADJ, news.CCONJ, news.PUNCT:
				default:
					np = false
				}
			}
			if np && t.upos(chi-1) == news.NOUN {
				noun = chi - 1
			}
		}
	}
	// "1,600 strike and air defence missiles": a noun that names a use
	// ("strike") before a run of modifiers ending in a weapon modifies
	// the weapon, however the tree joined them.
	if noun >= 0 && (ix.classAt(noun) == "" || ix.classAt(noun) == "events" || ix.classAt(noun) == "strikes") && t.upos(noun) == news.NOUN {
		last := -1
		for k := noun + 1; k < noun+6 && k < len(ix.a.Tokens); k++ {
			u := t.upos(k)
			if u != news.NOUN && u != news.ADJ && u != news.CCONJ && u != news.PROPN {
				break
			}
			last = k
		}
		if last > noun && t.upos(last) == news.NOUN && strings.HasPrefix(ix.classAt(last), "weapons") {
			noun = last
		}
	}
	// "1,000 anti-tank and 500 anti-aircraft missiles": a weapon's target
	// standing for the weapon shares the head noun after it.
	if noun >= 0 && (strings.HasPrefix(t.low(noun), "anti-") || strings.HasPrefix(t.low(noun), "counter-")) {
		for k := noun + 1; k < noun+8 && k < len(ix.a.Tokens); k++ {
			if u := t.upos(k); u != news.NOUN && u != news.ADJ && u != news.CCONJ && u != news.NUM && u != news.PROPN {
				break
			}
			if strings.HasPrefix(ix.classAt(k), "weapons") {
				noun = k
				break
			}
		}
	}
	if noun >= 0 && t.upos(noun) == news.PRON {
		noun = -1 // "six of them": what the pronoun stands for comes from before
	}
	if noun >= 0 && q.Kind == "cardinal" && t.upos(noun) == news.PROPN {
		if m := ix.mentionAt(noun); m >= 0 && (ix.a.Entities[m].Type == "GPE" || ix.a.Entities[m].Type == "LOC") && ix.a.Entities[m].Kind != "demonym" {
			noun = -1 // "Poland expelled 45 diplomats, Germany 40": a state is not what is counted
		}
	}
	// "a 30% rise in fuel prices", "an 11 per cent drop in wheat
	// production": the change is of what its "in" phrase names.
	change, changed := noun, false
	if change < 0 && (q.Kind == "percent" || q.Kind == "fraction") && t.rel(anc) != "nmod" {
		change = t.head(anc)
	}
	if change >= 0 && changeNouns[t.lemma(change)] {
		// ("60% price rises in some cases": a compound before the
		// change names it first.)
		t.children(change, func(c int) bool {
			if t.rel(c) == "compound" && c < change && t.upos(c) == news.NOUN && (c < lo || c >= hi) {
				noun, changed = c, true
			}
			return !changed
		})
		if c := t.child(change, "nmod"); !changed && c >= 0 && t.caseOf(c) == "in" && t.upos(c) == news.NOUN {
			noun, changed = c, true
		}
	}
	if noun >= 0 && levelNouns[t.lemma(noun)] {
		noun = -1 // "an increase from last year's 127", "a low of 55": the level of what came before
	}
	if noun >= 0 && goalNouns[t.lemma(noun)] && (q.Kind == "percent" || q.Kind == "money") && noun >= hi {
		// "the 2% of GDP target", "a $50bn goal": the goal is a level of
		// what its "of" phrase names, not a thing counted.
		goal := noun
		noun = -1
		t.children(anc, func(c int) bool {
			if t.rel(c) == "nmod" && t.caseOf(c) == "of" && t.isNoun(c) && c != goal {
				noun = c
				return false
			}
			return true
		})
		t.children(goal, func(c int) bool {
			if noun < 0 && t.rel(c) == "compound" && t.isNoun(c) {
				noun = c // "the 2% of GDP target", however the tree hung "of"
			}
			return true
		})
	}
	if noun >= 0 && !ix.countable(noun, lo, hi) {
		noun = -1 // "36 launched Thursday", "from 82,000 to 72,500 perverse": not a thing counted
	}
	uncounted := false // the quantity layer's counted word is a place's name, or the verb the number is the subject of
	if q.CountsSpan != nil {
		_, chi := t.span(*q.CountsSpan)
		uncounted = chi > 0 && ix.placeName(chi-1)
		if chi > 0 && t.isVerb(chi-1) && t.head(anc) == chi-1 && strings.HasPrefix(t.rel(anc), "nsubj") {
			uncounted, f.Unit = true, "" // "16 reported eating …": the number's verb, not its noun
		}
	}
	predicate := false
	sized := -1 // the noun an amount sizes ("a $61bn package", "$205m in aid")
	if q.Kind == "money" || q.Kind == "percent" {
		// An amount hangs on its verb directly ("announced $205m") or
		// through the noun it sizes ("approved a $61bn package").
		h := t.head(anc)
		for k := 0; k < 2 && h >= 0 && !t.isNoun(h) && !t.isVerb(h); k++ {
			h = t.head(h) // "a further $205m": through the determiner
		}
		if q.Kind == "money" {
			t.children(anc, func(c int) bool {
				if t.rel(c) == "nmod" && t.isNoun(c) && (t.caseOf(c) == "in" || t.caseOf(c) == "of") {
					sized = c // "$205m in humanitarian aid", "$1bn of weapons"
					return false
				}
				if t.rel(c) == "appos" && t.isNoun(c) && c >= hi {
					// "$20bn (£16bn) in promised weapons", however the
					// tree hung the "in" phrase.
					for k := hi; k < c; k++ {
						if w := t.low(k); w == "in" || w == "of" {
							sized = c
							return false
						}
					}
				}
				return true
			})
		}
		if t.isNoun(h) && (t.rel(anc) == "compound" || t.rel(anc) == "amod" || t.rel(anc) == "nmod" || t.rel(anc) == "nummod" || t.head(anc) != h) {
			// ("aid worth $90m": through the adjective too.)
			if sized < 0 && q.Kind == "money" {
				sized = h
			}
			if q.Kind == "percent" && noun < 0 && rateNouns[t.lemma(h)] {
				noun = h // "cut the tax rate from 21% to 20%", "a rate of 5%"
			}
			switch t.rel(h) {
			case "obj", "nsubj", "obl", "nsubj:pass":
				verb = t.head(h)
			}
		} else if t.isVerb(h) {
			verb = h
			for _, r := range []string{"nsubj", "obj", "nsubj:pass"} {
				if s := t.child(h, r); q.Kind == "percent" && noun < 0 && s >= 0 && s != anc && rateNouns[t.lemma(s)] {
					noun = s // "the unemployment rate stayed below 4%", "raised its key rate to 21%"
				}
			}
		}
	} else if noun < 0 && t.parsed {
		h := t.head(anc)
		if sub := t.child(anc, "nsubj"); sub >= 0 && t.child(anc, "cop") >= 0 {
			// "The toll was 75": a number that is the predicate of a
			// copula sizes its subject.
			if t.upos(sub) == news.PRON {
				sub = ix.pluralAntecedent(sub)
			}
			if sub >= 0 && t.upos(sub) == news.NOUN {
				noun = sub // (a name's predicate is more often an age: "Feige was 33")
			}
		}
		switch t.rel(anc) {
		case "obl", "obj", "xcomp", "nmod", "conj", "nsubj", "root":
			if t.rel(anc) == "nmod" && t.isNoun(h) && !t.isVerb(h) {
				// "the total to 131": the noun it qualifies ("a low of
				// 55" continues the count before).
				if !levelNouns[t.lemma(h)] {
					noun = h
				}
				break
			}
			if t.rel(anc) == "nsubj" {
				verb = h
				break
			}
			if h >= 0 && t.isVerb(h) {
				verb = h
				predicate = true
				// "expects that deployment to extend to 12,000": the
				// object of the verb this one completes.
				for v, k := h, 0; v >= 0 && k < 2 && noun < 0; v, k = t.head(v), k+1 {
					for _, r := range []string{"obj", "nsubj"} {
						if r == "nsubj" && harms[fateOf(t.lemma(v), "")] {
							continue // "Russian forces executed 70 of them": the subject of a harm is its agent
						}
						if r == "nsubj" && t.rel(anc) == "obj" && !lightVerbs[t.lemma(v)] {
							continue // "the war has forced millions from their homes": the subject of a deed is its agent ("the toll reached 100" is a level)
						}
						c := t.child(v, r)
						if c >= 0 && c != anc && t.upos(c) == news.PRON {
							// "… armoured vehicles, and these would
							// number 40": what the pronoun stands for.
							c = ix.pluralAntecedent(c)
						}
						if c >= 0 && t.isNoun(c) && c != anc && ix.predicateNoun(c) {
							noun = c
							break
						}
					}
					if t.rel(v) != "xcomp" {
						break
					}
				}
			}
		}
	}
	// "the number of people who fled", "the death toll": the noun the
	// general word stands for.
	fateWord, tollOf := "", ""
	if noun >= 0 && ix.classAt(noun) == "" && q.Kind == "cardinal" {
		// "expects that deployment to extend to 12,000": the noun is
		// what happened to people, not what is counted.
		switch fw := fateOf(t.lemma(noun), ""); fw {
		case "deployed", "killed", "wounded", "captured", "displaced", "fled", "killed or wounded", "missing":
			fateWord, noun = fw, -1
		}
	}
	if noun >= 0 {
		switch t.lemma(noun) {
		case "number", "toll", "total", "figure", "count", "tally", "sum", "strength", "size":
			if t.lemma(noun) == "toll" {
				fateWord, tollOf = "killed", "people" // a toll counts people unless it says what
			}
			if c := t.child(noun, "nmod"); c >= 0 && t.caseOf(c) == "of" && t.isNoun(c) {
				noun = c
			} else {
				// "a wartime troop strength of 280,000", "the casualty
				// count": the compound that names a known class.
				n := -1
				t.children(noun, func(c int) bool {
					if t.rel(c) == "compound" && ix.classAt(c) != "" {
						n = c
					}
					return n < 0
				})
				noun = n
			}
		}
	}
	// "4m rounds of ammunition", "a batch of drones": the noun of the
	// "of" phrase says what is counted.
	if noun >= 0 && containers[t.lemma(noun)] {
		if c := t.child(noun, "nmod"); c >= 0 && t.caseOf(c) == "of" && t.isNoun(c) {
			noun = c
		}
	}
	// What is counted.
	what := compoundWhat
	rated := false // a rate the number sets ("a 25% tariff") is its counted thing
	switch q.Kind {
	case "money":
		what = "money"
	case "measure":
		what = classOf(q.Unit) // an area taken, or a commodity (notFigure lets no other measure through)
		if what == "" && t.low(hi) == "of" {
			// "20 million tonnes of grain": the commodity named.
			for k := hi + 1; k < len(ix.a.Tokens) && k <= hi+3; k++ {
				if t.isNoun(k) {
					if what = classOf(t.low(k)); what == "" {
						what = lemma(t.lemma(k))
					}
					break
				}
			}
		}
	case "percent", "fraction":
		if a, h := anc, t.head(anc); noun < 0 && q.Kind == "percent" && h >= 0 && t.upos(h) == news.NOUN &&
			(!changeNouns[t.lemma(h)] || indicators[t.lemma(h)]) && !goalNouns[t.lemma(h)] && !attitudeNouns[t.lemma(h)] &&
			(h >= hi && h <= hi+2 && (t.rel(a) == "compound" || t.rel(a) == "amod" || t.rel(a) == "nummod") &&
				(strings.EqualFold(t.low(h), t.lemma(h)) && determined(t, lo) || levelOf(t.lemma(h)) || indicators[t.lemma(h)]) ||
				h < lo && t.rel(a) == "nmod" && (t.caseOf(a) == "of" && rateHeads[t.lemma(h)] || levelCases[t.caseOf(a)] && levelOf(t.lemma(h)))) {
			// "an extra 35% tariff", "a 20% stake", "60% tariffs", "a
			// tariff of 35%", "raise tariffs to 50%": a rate or a stake,
			// not a share of people ("a 60% majority" is, and so are "10%
			// idiots" and "the blocking of 60% of the reserves").
			what = ix.shareOf(h)
			rated = levelOf(t.lemma(h)) || indicators[t.lemma(h)]
		}
		if l := lemma(t.lemma(lo - 2)); !rated && noun < 0 && lo >= 2 && levelCases[t.low(lo-1)] && levelOf(l) {
			// "raise tariffs to around 50%" however the tree hung it
			what, rated = l, true
		}
		if what == "" && noun < 0 && q.Kind == "percent" && indicators[t.lemma(hi)] {
			what, rated = t.lemma(hi), true // "expect 3% inflation" however the tree hung it
		}
		if noun >= 0 {
			what = ix.classAt(noun)
			if what == "" && (strings.EqualFold(t.low(noun), "gdp") || ix.outputNoun(noun)) {
				what = "money"
			}
			if what == "" && t.upos(noun) == news.PROPN {
				what = "territory" // "80% of Sievierodonetsk"
				if m := ix.mentionAt(noun); strings.HasSuffix(t.low(noun), "s") && (m < 0 || ix.a.Entities[m].Type != "GPE" && ix.a.Entities[m].Type != "LOC") {
					what = "people" // "8 in 10 Democrats"
				}
			}
			if what == "" && changed {
				what = lemma(t.lemma(noun)) // "a 30% rise in prices": prices
			}
			if what == "" && rateNouns[t.lemma(noun)] {
				// "the unemployment rate stayed below 4%": a rate of what
				// its compound names, not a share of people.
				what = t.lemma(noun)
				t.children(noun, func(c int) bool {
					if t.rel(c) == "compound" && t.isNoun(c) {
						what = lemma(t.lemma(c))
					}
					return true
				})
			}
			if what == "" && chanceNouns[t.lemma(noun)] {
				what = "chance" // "a 1 in 3 chance", "a 40% risk": a probability, not people
			}
			if l := lemma(t.lemma(noun)); what == "" && levelOf(l) {
				what = l // "60% tariffs", "a 25% tariff": a rate, not a share of people
			}
			if what == "" && t.upos(noun) == news.NOUN && t.caseOf(noun) == "of" && ofHead(t, hi, noun) {
				// "a third of its rows", "60% of the drug trade": a share
				// of that, not of people; "91% of SDP candidates", "two
				// thirds of the parliament": of people.
				what = ix.shareOf(noun)
			}
		}
	default:
		if what != "" {
			break
		}
		if noun >= 0 {
			what = ix.classAt(noun)
			if what == "" && t.lemma(noun) == "loss" && !ofPhrase(t, noun) {
				// "70,000 losses", "Russia's 300,000 losses": an army's
				// dead and wounded, unless an "of" phrase says what was lost.
				what, fateWord = "personnel", "killed or wounded"
			}
			if what == "" && strings.EqualFold(t.lemma(noun), "member") {
				what = ix.membersOf(noun)
			}
			if what == "" && !others(t, noun) {
				what = lemma(t.lemma(noun))
			}
			// "hundreds of fighters and civilians": people of both kinds.
			t.children(noun, func(c int) bool {
				if t.rel(c) == "conj" && t.isNoun(c) {
					if o := ix.classAt(c); o != what && peopleClasses[o] && peopleClasses[what] {
						what = "people"
					}
				}
				return true
			})
		} else if q.Unit != "" && !uncounted {
			what = classOf(q.Unit)
			if what == "" {
				what = lemma(q.Unit)
			}
		}
	}
	if what == "" && noun < 0 {
		what = tollOf // "The toll was 75"
	}
	if what == "" && noun < 0 && q.Kind == "cardinal" {
		if f := ix.strengthOf(lo); f >= 0 {
			noun, what = f, ix.classAt(f) // "the Nato Response Force currently numbers up to 40,000": the force counts
		}
	}
	if what == "" && noun < 0 && q.Kind == "cardinal" && t.low(hi) != "of" {
		if w := strings.ToLower(q.Text); strings.HasSuffix(w, "billions") || strings.HasSuffix(w, "trillions") {
			what = "money" // "costing billions to sustain", "made his billions in finance"
		}
	}
	// The verb that governs the counted thing, and its fate.
	if verb < 0 && noun >= 0 {
		switch t.rel(noun) {
		case "nsubj", "obj", "obl", "iobj", "nsubj:pass":
			verb = t.head(noun)
		case "nmod":
			// "Kim held five rounds of summit talks", "30 pieces of
			// equipment were displayed": the number counts the noun
			// whose "of" phrase names the thing, and that noun's verb
			// governs both.
			// (An oblique's only when the verb has no object, or when it
			// is what the object is given: "indicted Grayson on three
			// counts of murder" are not the jury's.)
			if h := t.head(noun); h >= 0 && t.caseOf(noun) == "of" && t.head(anc) == h && h != noun {
				switch t.rel(h) {
				case "nsubj", "obj", "iobj", "nsubj:pass":
					verb = t.head(h)
				case "obl":
					if t.child(t.head(h), "obj") < 0 || t.caseOf(h) == "with" {
						verb = t.head(h) // ("supplying Latvia with 300,000 rounds of shells")
					}
				}
			}
		case "conj", "appos":
			// "500 civilians, including 40 children, are trapped";
			// "elements of the armed forces as well as several hundred
			// civilians were sheltering": a conjunct the tree hung on the
			// "of" phrase of the first.
			if h := t.head(noun); h >= 0 {
				if t.rel(noun) == "conj" && t.rel(h) == "nmod" && t.isNoun(t.head(h)) {
					h = t.head(h)
				}
				switch t.rel(h) {
				case "nsubj", "obj", "obl":
					verb = t.head(h)
				}
			}
		}
	}
	// The number's own clause role when the noun hangs on the number's
	// words ("tens of thousands of Palestinians have been killed").
	if verb < 0 && (noun < 0 || hangsOn(t, noun, lo, hi)) && (t.rel(anc) == "nsubj" || t.rel(anc) == "obj" || t.rel(anc) == "nsubj:pass") {
		verb = t.head(anc)
	}
	// "injured 300 more", "2,000 more are on their way": the "more" the
	// number hangs on takes its place in the clause.
	if verb < 0 && noun < 0 && moreWords[t.low(hi)] && t.head(anc) == hi {
		switch t.rel(hi) {
		case "nsubj", "obj", "nsubj:pass":
			verb = t.head(hi)
		}
	}
	if k := lo - 1; verb >= 0 {
		// "killed seven villagers and wounded another 16", parsed with
		// the 16 on "killed": a verb conjoined to the number's verb and
		// right before the number is its verb, when the first verb has
		// an object of its own ("sent or received 60,000 emails" share
		// theirs).
		for k > verb && (t.low(k) == "another" || t.low(k) == "further" || t.low(k) == "a") {
			k--
		}
		if k > verb && t.upos(k) == news.VERB && t.head(k) == verb && t.rel(k) == "conj" && ownObject(t, verb, k) {
			verb = k
		}
	}
	if adjectivalParticiple(t, verb) {
		verb = -1 // "two firing platoons with two launchers": nothing was fired
	}
	fate := ""
	if fateWord != "" {
		fate = fateWord
	}
	if t.low(hi) == "of" && (t.low(hi+1) == "which" || t.low(hi+1) == "whom") {
		// "12 of which were shot down", "six of whom died": the
		// relative clause's verb says what happened to the part.
		_, shi := t.sentence(hi)
		for k := hi + 2; k < shi && k < hi+8 && ix.a.Tokens[k].Kind != news.TokenPunct; k++ {
			if t.upos(k) == news.VERB {
				verb = k
				if fate = fateOf(t.low(k), what); fate == "" {
					fate = fateOf(t.lemma(k), what)
				}
				if t.lemma(k) == "shoot" && t.low(k+1) == "down" {
					fate = "destroyed"
				}
				break
			}
		}
	}
	if fate == "" && noun < 0 && hi < len(ix.a.Tokens) && ix.a.Tokens[hi].Kind == news.TokenWord && !modifiesNoun(t, lo, hi) {
		// "thousands wounded", "40 dead", "304 more wounded": a fate
		// word right after the number (not a noun the number modifies:
		// "the 2% target").
		k := hi
		if (t.low(k) == "more" || t.low(k) == "others") && k+1 < len(ix.a.Tokens) && casualtyWords[t.low(k+1)] {
			k++
		}
		if fw := fateOf(t.low(k), "people"); fw != "" && (what == "" || peopleClasses[what]) {
			fate = fw
		}
	}
	if fate == "" && noun < 0 && (what == "" || peopleClasses[what]) {
		// "4,500 were already dead", "two are missing": a casualty word
		// after a form of be, however the tree hung the number.
		for k := hi; k < len(ix.a.Tokens) && k <= hi+3; k++ {
			if casualtyWords[t.low(k)] && k > hi {
				fate = fateOf(t.low(k), "people")
				break
			}
			if !beWords[t.low(k)] && !copulaAdverbs[t.low(k)] {
				break
			}
		}
	}
	// "300 of the 4,000 soldiers sent … have been wounded": the part's
	// fate is its own verb's, not the whole's.
	if fate == "" && whole >= 0 && (t.rel(anc) == "nsubj" || t.rel(anc) == "obj") {
		fate = fateOf(t.low(t.head(anc)), what)
		if fate == "" {
			fate = fateOf(t.lemma(t.head(anc)), what)
		}
	}
	aclOpen := -1 // a participle on the noun that names no fate class
	// A participle or relative clause on the noun says what happened to
	// it first ("troops deployed", "people who fled", "wounded soldiers").
	// A participle or adjective on the number itself does the same
	// ("left tens of thousands of soldiers dead").
	for _, n := range []int{noun, anc} {
		if fate != "" || n < 0 || n == anc && noun >= lo && noun < hi {
			continue
		}
		var onNoun func(c int) bool
		onNoun = func(c int) bool {
			switch t.rel(c) {
			case "acl", "amod":
				if t.rel(c) == "acl" && c > n && t.low(c-1) == "," && t.child(c, "obj") >= 0 {
					return true // "killed 14,000 people, injured at least 30,000": a verb of the clause, misparsed
				}
				if fw := fateOf(t.lemma(c), what); fw != "" && (c < lo || c >= hi) {
					fate = fw
					f.Place = ix.placeIn(c)
					return false
				}
				if x := t.child(c, "xcomp"); t.rel(c) == "acl" && verbHedges[t.lemma(c)] == "expected" && x > c {
					// "troops expected to join Russian forces": what
					// they are expected to do.
					if fw := fateOf(t.lemma(x), what); fw != "" {
						fate = fw
						f.Place = ix.placeIn(x)
						return false
					}
				}
				if w := t.low(c); aclOpen < 0 && t.fullRel(c) == "acl" && c > n && t.isVerb(c) && !lightVerbs[t.lemma(c)] && t.lemma(c) != "leave" && t.child(c, "nsubj") < 0 && !particled(t, c) && (strings.HasSuffix(w, "ed") || syntax.IrregularPast(w)) {
					aclOpen = c // "65 individuals sanctioned by the UK": what became of them, if no class says
				}
			case "conj":
				// "Russians and Ukrainians dead": an adjective after the
				// last conjunct is said of them all.
				if c > n && t.isNoun(c) {
					t.children(c, func(d int) bool { return d < c || onNoun(d) })
				}
			}
			return fate == ""
		}
		t.children(n, onNoun)
	}
	// "hundreds of civilians trapped in the plant", "troops deployed to
	// the border": a participle right after the noun and before a
	// preposition or the clause's end, as the tree may not have it (the
	// sentence unparsed, or the participle taken for the main verb).
	if fate == "" && noun >= 0 && noun+2 < len(ix.a.Tokens) && t.rel(noun) != "nsubj" && t.upos(noun+1) == news.VERB && strings.HasSuffix(t.low(noun+1), "ed") {
		switch t.low(noun + 2) {
		case "in", "at", "on", "inside", "near", "to", "from", "by", "during", ",", ".", ";":
			fate = fateOf(t.lemma(noun+1), what)
		}
	}
	if fate == "" && noun >= 0 && !ix.institution(noun) {
		fate = nounFates[t.lemma(noun)]
	}
	for _, n := range []int{noun, sized} {
		if fate != "" || n < 0 {
			break
		}
		// "$20bn in promised weapons", "300 pledged tanks": a participle
		// before the noun says what happened to it.
		t.children(n, func(c int) bool {
			if t.rel(c) == "amod" && c < n && strings.HasSuffix(t.low(c), "ed") {
				fate = fateOf(t.low(c), what)
			}
			return fate == ""
		})
	}
	// "the deployment of 15,000 troops", "Biden's signing of a $61bn
	// package": the event noun the counted thing is the "of" phrase of.
	event := -1 // the event noun the fate was read from
	for _, n := range []int{noun, sized} {
		if fate != "" || n < 0 {
			continue
		}
		// Up the chain of "of" phrases: "the stationing of a brigade of
		// 3,000 troops", "the deaths of hundreds of thousands of people".
		// "the death of four generals, 58 colonels and …": a later
		// conjunct hangs on the event noun through the first.
		first := n
		if t.rel(first) == "conj" && t.isNoun(t.head(first)) {
			first = t.head(first)
		}
		for h, k := first, 0; fate == "" && k < 3 && t.rel(h) == "nmod" && t.caseOf(h) == "of" && t.isNoun(t.head(h)); h, k = t.head(h), k+1 {
			if fate = fateOf(t.lemma(t.head(h)), what); fate == "" {
				fate = nounFates[t.lemma(t.head(h))] // "the bodies of seven people"
			}
			if l := t.head(h); fate == "" && t.lemma(l) == "life" && lifeTakers[t.lemma(t.head(l))] {
				fate = "killed" // "claimed the lives of 14,000 people"
			}
			if fate != "" {
				event = t.head(h)
			}
		}
		if fate == "" && n == sized {
			// "$20bn in promised weapons", "aid earmarked for Kyiv".
			t.children(n, func(c int) bool {
				if r := t.rel(c); r == "acl" || r == "amod" {
					fate = fateOf(t.lemma(c), what)
				}
				return fate == ""
			})
		}
	}
	if fate == "" && sized >= 0 && q.Kind == "money" {
		// "an annual budget of ¥6.82 trillion", "capital expenditure of
		// $37.6bn": the noun an amount sizes says what became of it.
		fate = fateOf(budgetFates[t.lemma(sized)], what)
	}
	if fate == "" && predicate && verb >= 0 {
		t.children(verb, func(c int) bool {
			if (t.rel(c) == "advcl" || t.rel(c) == "xcomp" || t.rel(c) == "conj") && c > anc {
				if fw := fateOf(t.lemma(c), what); fw != "" {
					fate = fw
					return false
				}
			}
			return true
		})
	}
	if fate == "" && verb >= 0 {
		// "31 were shot down": the particle makes the fate; "shot dead
		// three women", "were beaten dead": the complement does.
		t.children(verb, func(c int) bool {
			switch {
			case c > verb && t.low(c) == "down" && t.lemma(verb) == "shoot": // compound:prt, as the parser may label it
				fate = "destroyed"
			case t.low(c) == "dead" && (c == verb+1 || t.rel(c) == "xcomp" && c > verb):
				fate = "killed"
			case c == verb+1 && t.lemma(verb) == "take" && captiveWords[t.low(c)]:
				fate = "captured" // "were taken prisoner", "taken hostage"
			}
			return fate == ""
		})
	}
	if fate == "" && verb >= 0 && (t.lemma(verb) == "leave" || t.lemma(verb) == "render" || causativeVerbs[t.lemma(verb)] && t.child(verb, "obj") >= 0 && (t.child(verb, "obj") == noun || t.child(verb, "obj") == anc)) {
		// "The famine left 300 people dead", "forced 2,000 people to
		// flee", "caused 300 firms to close": the complement says what
		// became of them.
		t.children(verb, func(c int) bool {
			if t.rel(c) == "xcomp" && c > anc {
				fate = fateOf(t.lemma(c), what) // (a complement no class names leaves the causative verb itself: "forced to leave their homes")
			}
			return fate == ""
		})
		for _, h := range []int{verb, anc} {
			// "forced millions from their homes", however the tree hung
			// the "from" phrase.
			t.children(h, func(c int) bool {
				if c > anc && t.caseOf(c) == "from" && t.lemma(c) == "home" && fate == "" {
					fate = "displaced"
					if what == "" {
						what = "people"
					}
				}
				return fate == ""
			})
		}
	}
	if fate == "" && verb >= 0 && !adjunctNoun(t, noun, lo, hi) && !(t.lemma(verb) == "base" && (t.low(verb+1) == "on" || t.low(verb+1) == "upon")) {
		// ("The $6,400 figure is based on a study": a source, not a base.)
		fate = fateOf(t.low(verb), what)
		if fate == "" {
			fate = fateOf(t.lemma(verb), what)
		}
		if fate == "" && !lightVerbs[t.lemma(verb)] && !isChangeVerb(t.lemma(verb)) && t.isVerb(verb) && !negated(t, verb) && ((what == "people" || heldPeople[what] || informants[what]) && argumentOf(t, verb, noun, anc) && aclOpen < 0 || q.Kind == "percent" && !modifiesNoun(t, lo, hi)) {
			// What people do or undergo is said of them ("200 people
			// attended", "expelled 60 people"), and what is done to a
			// share ("raise spending to 2.5 percent"); people in an
			// adjunct ("spoke to 200 people") neither did nor underwent
			// it, and a share that modifies a noun ("spoke about a 2.5%
			// target") is the noun's.
			fate = t.lemma(verb)
			if q.Kind != "percent" && q.Kind != "fraction" {
				fate = participleAt(t, verb) // what became of them: "attended", "rescued"; a share keeps its question
			}
		}
		level := isChangeVerb(t.lemma(verb)) && (t.low(lo-1) == "to" || t.low(lo-1) == "from" || t.low(lo-1) == "by") // "shrank to 72,500"
		if fate == "" && !lightVerbs[t.lemma(verb)] && !level && t.isVerb(verb) && clauseVerb(t, verb) && !negated(t, verb) &&
			argumentOf(t, verb, noun, anc) && q.Kind != "percent" && q.Kind != "fraction" &&
			(t.lemma(verb) != "leave" || strings.HasPrefix(t.rel(max(noun, anc)), "nsubj")) {
			// "30 tanks took part", "sold 150 drones": what the thing
			// did or underwent, said in a verb no fate class names; link
			// gives it once every other reading has had its say. What
			// was left in a state ("left millions without power") was
			// not left.
			ix.openVerb[f.Quantity] = verb
		}
		// "placed at high readiness", "put on alert": forces made ready.
		if fate == "" && (what == "personnel" || what == "units") {
			t.children(verb, func(c int) bool {
				if t.rel(c) == "obl" && fateOf(t.lemma(c), what) == "ready" {
					fate = "ready"
				}
				return fate == ""
			})
		}
		// "said to have been killed", "expected to be sent", "are
		// believed to have been killed": the complement's verb (a
		// belief is the fate only of a share that holds it).
		if fate == "" || fate == "believe" && q.Kind != "percent" && q.Kind != "fraction" {
			t.children(verb, func(c int) bool {
				if t.rel(c) != "xcomp" && t.rel(c) != "ccomp" {
					return true
				}
				if fw := fateOf(t.lemma(c), what); fw != "" || fate == "" {
					fate = fw
				}
				return false
			})
		}
	}
	if fate == "" && verb >= 0 && (what == "" || peopleClasses[what]) {
		// "four people were taken to hospital", "12 remain in hospital":
		// the place says what became of them.
		t.children(verb, func(c int) bool {
			if t.rel(c) == "obl" && t.lemma(c) == "hospital" && (t.caseOf(c) == "to" || t.caseOf(c) == "in") {
				fate = "hospitalised"
			}
			return fate == ""
		})
	}
	if verb >= 0 && (fate == "pledged" || fate == "delivered") {
		// "gave up", "gave way", "passed away": a particle makes another
		// verb.
		switch l, next := t.lemma(verb), t.low(verb+1); {
		case l == "give" && (next == "up" || next == "in" || next == "way"):
			fate = ""
		case l == "pass" && next == "away":
			fate = "killed"
		}
	}
	agent := verb >= 0 && byAgent(t, verb, noun, anc) // the agent of a passive ("hit by 40 missiles")
	if fate != "" && fateWord == "" && what != "strikes" && agent {
		// "shot dead by two officers", "shelled by 20 tanks": the agent
		// of a passive did what the verb says; it did not undergo it
		// (strikes that hit something were conducted, below).
		fate = ""
	}
	if (fate == "pledged" || fate == "delivered") && verb >= 0 && agentOf(t, verb, noun, anc) {
		// "28 states voted to condemn", "two women pass a poster": the
		// counted things give or promise; nothing is given of them.
		fate = ""
	}
	if noun < 0 && what == "" && hi+1 < len(t.a.Tokens) && t.low(hi) == "of" && casualtyWords[t.low(hi+1)] {
		// "dozens of dead and hundreds of wounded": people, counted by
		// their fate ("340 injured" after "91 of its rescuers" goes on
		// with the rescuers, below).
		what, fate = "people", fateOf(t.low(hi+1), "people")
	}
	if noun < 0 && !rated && (q.Counts == "" || what == "") || what == "" && others(t, noun) {
		ix.bare[f.Quantity] = true
		if verb >= 0 {
			ix.bareVerb[f.Quantity] = verb
		}
	}
	// "Prices rose by 5%", "the index jumped 27%": a change of what the
	// subject names.
	if q.Kind == "percent" && noun < 0 && verb >= 0 && (t.low(lo-1) == "by" || lo-1 == verb && !levelBounds[t.low(lo)]) && isChangeVerb(t.lemma(verb)) {
		s := t.child(verb, "nsubj")
		if c := t.child(s, "nmod"); s >= 0 && c >= 0 && t.caseOf(c) == "of" && countNouns[t.lemma(s)] {
			s = c // "the number of displaced people grew by 21%"
		}
		if s >= 0 && t.isNoun(s) && (t.upos(s) == news.NOUN || len(t.lemma(s)) > 2) {
			if what = ix.classAt(s); what == "" {
				what = lemma(t.lemma(s))
			}
			ix.bare[f.Quantity] = false
		}
	}
	if fate == "delivered" && aid(what) && verb >= 0 && ix.notYet(verb) {
		fate = "pledged" // "a proposal to provide $61bn", "will supply 300,000 rounds"
	}
	if (fate == "" || fate == "raised" || raiseVerbs[fate]) && what == "money" && verb >= 0 && raiseVerbs[t.lemma(verb)] &&
		(ix.notYet(verb) || t.rel(verb) == "xcomp" && fateOf(t.lemma(t.head(verb)), what) == "pledged") {
		// "the UK would increase defence spending to 2.5% of GDP",
		// "pledged to raise spending to 2%": money promised, not spent.
		fate = "pledged"
	}
	if fate == "pledged" && verb >= 0 && !ix.notYet(verb) {
		switch t.low(verb) {
		case "sent", "gave", "given", "handed":
			// Done, not promised: "Norway sent Latvia 400 missiles",
			// "partners have given us about 10%".
			fate = "delivered"
		}
	}
	if fate == "" && verb >= 0 && (what == "personnel" || what == "units") && (t.lemma(verb) == "be" || t.lemma(verb) == "have") && t.child(verb, "expl") >= 0 {
		// "There were a few thousand troops in the region": forces
		// that are somewhere are stationed there.
		located := func(c int) bool {
			if r := t.rel(c); r == "obl" || r == "nmod" {
				switch t.caseOf(c) {
				case "in", "at", "on", "inside", "across":
					fate = "stationed"
				}
			}
			return fate == ""
		}
		t.children(verb, located)
		if fate == "" && noun >= 0 {
			t.children(noun, located)
		}
	}
	if fate == "" && noun >= 0 && (what == "personnel" || what == "units") && (verb < 0 || t.lemma(verb) == "be" || t.lemma(verb) == "have" || t.caseOf(noun) == "with") {
		// "The US has 100,000 troops in Europe", "… with 75,000 US troops
		// still on European soil": forces a place holds are stationed
		// there.
		t.children(noun, func(c int) bool {
			if r := t.rel(c); (r == "nmod" || r == "obl") && (ix.placeAt(c) || groundNouns[t.lemma(c)]) {
				switch t.caseOf(c) {
				case "in", "on", "inside", "across":
					fate = "stationed"
				}
			}
			return fate == ""
		})
	}
	if fate == "" && noun >= 0 && verb >= 0 && t.lemma(noun) == "life" {
		switch t.lemma(verb) {
		case "claim", "take", "cost", "lose":
			fate = "killed" // "the blast claimed 41 lives"
		}
	}
	subject := t.rel(anc) == "nsubj" || noun >= 0 && t.rel(noun) == "nsubj"
	if subject && verb >= 0 && (harms[fate] || fate == "launched") && t.child(verb, "obj") >= 0 {
		// "16 aircraft fired 22 munitions", "20 militants killed five
		// people": the agent of an act on something else did not
		// undergo it.
		fate = ""
	}
	if what == "strikes" && (harms[fate] || verb >= 0 && (subject || strikeVerbs[t.lemma(verb)])) {
		// Strikes that destroyed or hit something, and strikes carried
		// out, flown or made, were conducted: what they did is the fate
		// of their targets, not theirs.
		fate = "conducted"
	}
	if noun >= 0 && verb >= 0 && t.lemma(verb) == "declare" && (t.low(noun) == "persona" || t.low(noun) == "grata") {
		fate = "expelled" // declared persona non grata
	}
	if noun >= 0 && rateNouns[t.lemma(noun)] && q.Kind == "percent" {
		fate = "" // a rate stays, rises or falls: no fate of a thing
	}
	if _, ok := ix.openVerb[f.Quantity]; fate == "" && !ok && aclOpen >= 0 && q.Kind != "percent" && q.Kind != "fraction" {
		ix.openVerb[f.Quantity] = aclOpen // the noun's own participle, when its clause's verb gives none
	}
	if q.Kind == "percent" && noun < 0 && (what == "" || what == "people") && t.low(hi) == "contained" {
		what, fate = "containment", "" // "the fire was 0% contained": how far a fire is held, not a share of people
	}
	if what == "personnel" && noun >= 0 && t.lemma(noun) == "personnel" && fireSentence(t, lo) {
		what = "rescuers" // "more than 5,700 personnel are battling the blaze"
	}
	if verb >= 0 && (what == "people" || what == "") && noun >= 0 && t.rel(noun) == "nsubj" {
		// "5.9 million Ukrainians registered as refugees": the class they
		// were counted as.
		t.children(verb, func(c int) bool {
			if t.rel(c) == "obl" && t.caseOf(c) == "as" && peopleClasses[ix.classAt(c)] {
				what = ix.classAt(c)
			}
			return true
		})
	}
	f.What, f.Fate = what, fate
	ownerVerb := verb
	if harms[fate] && (noun >= 0 && t.rel(noun) != "nsubj" || noun < 0 && t.rel(anc) == "obj") && (verb < 0 || !possessVerbs[t.lemma(verb)]) {
		// "Russian forces killed 10 people": the subject of a harm is
		// its agent, not the owner of the people it harmed.
		ownerVerb = -1
	}
	if verb >= 0 && t.lemma(verb) == "compare" && t.rel(verb) != "root" {
		// "there were six arrests, compared to 47 the night before":
		// the participle's subject, borrowed from the clause it hangs
		// on, owns nothing the comparison counts.
		ownerVerb = -1
	}
	if verb >= 0 && actsAgainst[t.lemma(verb)] && !t.passive(verb) {
		// "The Treasury blacklisted 22 individuals": who sanctions or
		// charges people does not own them.
		ownerVerb = -1
	}
	if verb >= 0 && reportVerbs[t.lemma(verb)] {
		// "The BBC revealed millions of barrels were imported": who
		// reports a count does not own what it counts.
		ownerVerb = -1
	}
	if verb >= 0 && estimateVerbs[t.lemma(verb)] {
		// "The general staff put Russian losses at 300 tanks", "put his
		// net worth at $45bn": the subject estimates; the count's own
		// noun says whose and what happened.
		if o := t.child(verb, "obj"); o >= 0 && o != noun && (countNouns[t.lemma(o)] || estimateNouns[t.lemma(o)] || t.low(lo-1) == "at" && t.isNoun(o)) {
			ownerVerb = -1
			if own := ix.ownerOf(o, -1, lo, lo, news.Quantity{}); own != "" {
				noun = o
			}
			if f.Fate == "" {
				f.Fate = fateOf(t.lemma(o), what)
			}
		}
	}
	if f.Fate == "" && (q.Kind == "percent" || q.Kind == "fraction") && verb >= 0 && (isChangeVerb(t.lemma(verb)) || lightVerbs[t.lemma(verb)]) {
		// "Support for membership has trebled to 76%": the share's
		// question is its subject's.
		if s := t.child(verb, "nsubj"); s >= 0 && s != noun && (s < lo || s >= hi) && attitudeNouns[t.lemma(s)] {
			f.Fate = fateOf(t.lemma(s), what)
		}
	}
	if f.Fate == "" && (q.Kind == "percent" || q.Kind == "fraction") && (what == "" || what == "people") && (verb < 0 || !isChangeVerb(t.lemma(verb))) {
		// "68% of Finns are in favour of joining, with only 12%
		// against": the side of the question the share takes.
		_, shi := t.sentence(lo)
		for k := hi; k < shi && k < hi+8 && ix.a.Tokens[k].Kind != news.TokenPunct; k++ {
			if t.low(k) == "in" && (t.low(k+1) == "favour" || t.low(k+1) == "favor") {
				f.Fate = "support"
				break
			}
			if t.low(k) == "against" && k <= hi+2 {
				f.Fate = "oppose"
				break
			}
		}
	}
	f.Owner = ix.ownerOf(noun, ownerVerb, lo, hi, q)
	if gapOwner != "" {
		f.Owner = gapOwner
	}
	recipient := "" // the state aid is named after: it receives, not gives
	donor := ""     // the state a recipient has it from
	if aid(what) {
		recipient = ix.recipientNamed(lo, anc, noun, sized)
		if s := t.child(verb, "nsubj"); verb >= 0 && receiveVerbs[t.lemma(verb)] && s >= 0 && f.Owner != "" && t.child(verb, "xcomp") < 0 &&
			(t.lemma(verb) != "expect" || noun >= 0 && t.head(noun) == verb && t.rel(noun) == "obj") &&
			ix.stateOf(ix.ownerOf(-1, verb, lo, hi, news.Quantity{})) == ix.stateOf(f.Owner) {
			// "Ukraine could expect half a million shells", "Kyiv
			// received 40 tanks": the subject receives the aid.
			recipient = f.Owner
			for _, h := range []int{verb, noun} {
				t.children(h, func(c int) bool {
					if m := ix.mentionAt(c); (t.rel(c) == "obl" || t.rel(c) == "nmod") && t.caseOf(c) == "from" && m >= 0 && ix.a.Entities[m].Kind != "demonym" &&
						(ix.a.Entities[m].Type == "GPE" || ix.a.Entities[m].Type == "ORG") {
						donor = ix.stateOf(actorKey(ix.a.Entities[m].Entity)) // "… from Poland", however the tree hung it
					}
					return donor == ""
				})
			}
		}
		if recipient != "" && recipient == f.Owner {
			// "the $61bn Ukraine aid package": aid named after a state
			// goes to it (its place, below); who gives it is said
			// elsewhere.
			f.Owner = ""
		}
		if d := ix.payer(anc, noun, sized); d != "" {
			f.Owner = d // "the $60bn approved by the US Congress", "weapons paid for by Germany"
		}
	}
	if what == "states" && ix.isPerson(f.Owner) {
		f.Owner = "" // "Scholz refused to lift restrictions on the 15 countries": no one owns countries
	}
	if f.Owner == "" && event >= 0 && actorFates[fate] {
		// The actor of the event noun: "Norway's deployment of 2,000
		// troops", "Norway announced the stationing of 3,000 troops".
		ev := -1
		switch t.rel(event) {
		case "obj", "nsubj", "nsubj:pass", "obl":
			ev = t.head(event)
		}
		f.Owner = ix.stateOf(ix.ownerOf(event, ev, lo, lo, news.Quantity{}))
	}
	if (q.Kind == "percent" || q.Kind == "fraction") && (what == "" || what == "people" || what == "votes") {
		if c := ix.candidate(lo, verb); c != "" {
			// "Rubio with 18 percent", "Gingrich garnered 11 percent":
			// the share of the people polled who back the candidate, or
			// of the votes cast that the candidate received.
			f.Owner, f.Fate = c, "support"
			if what == "votes" {
				f.Fate = "received"
			}
			ix.ownOwner[f.Quantity] = true
		}
	}
	if aid(what) {
		switch fate {
		case "", "pledged", "delivered", "lent", "spent":
			// A donor named before gives its aid; weapons shot down or
			// launched in an attack, or that hit a place, are not the
			// donor's.
			if f.Owner == "" && (agent || verb >= 0 && holdVerbs[t.lemma(verb)]) {
				ix.noDonor[f.Quantity] = true // (what someone owns was given by no donor named before)
			} else if f.Owner == "" {
				f.Owner, ix.noDonor[f.Quantity] = ix.donorBefore(lo)
				if f.Owner == recipient {
					f.Owner = ""
				}
			}
		}
		// Aid a leader gives is the state's; a person's money outside
		// aid is the person's ("Trump's demand for $5.7 billion", "used
		// campaign money to buy a $43,350 watch").
		if !ix.isPerson(f.Owner) || fate == "pledged" || fate == "delivered" || fate == "lent" || ix.aidSentence(lo) {
			f.Owner = ix.stateOf(f.Owner)
		}
	}
	if verb >= 0 && t.lemma(verb) == "invest" && ix.isPerson(f.Owner) && facts.Default().OfficeCountry(f.Owner) != "" {
		// A leader's plan "to invest $75 billion" is the state's (what a
		// politician's campaign spends is not).
		f.Owner = ix.stateOf(f.Owner)
	}
	if f.Owner == "" && (what == "personnel" || what == "units") {
		f.Owner = ix.troopOwnerBefore(lo)
	}
	if what == "personnel" || what == "units" {
		if c := facts.Default().OfficeCountry(f.Owner); c != "" {
			f.Owner = strings.ToLower(c) // "Putin has amassed 130,000 troops": a leader's forces are the state's
		}
	}
	sharePlace := false // the place a share of people was counted in
	if q.Kind == "percent" && (what == "people" || what == "" || what == "percent") && hi < len(ix.a.Tokens) && t.low(hi) == "in" {
		// A share with its own place: "about 50% in Norway and 60% in
		// Latvia".
		f.Place, _ = ix.placeAfter(hi)
		sharePlace = f.Place != ""
	}
	subj := -1
	if q.Kind == "percent" && verb >= 0 {
		// "Support for the treaty in Latvia grew to 55 percent".
		subj = t.child(verb, "nsubj")
	}
	// (A share's subject first: "Public support for membership in
	// Finland has trebled to 76% since the onslaught on Ukraine".)
	for _, i := range []int{subj, verb, noun, sized, anc} {
		if f.Place != "" || i < 0 {
			continue
		}
		sharePlace = i == subj
		if f.Place = ix.placeIn(i); f.Place == "" {
			// One level down: "$205m in humanitarian aid to Ukraine".
			t.children(i, func(c int) bool {
				if r := t.rel(c); (r == "nmod" || r == "obj" || r == "obl" || r == "acl" || r == "conj" && i == verb) && !phrasal(t, c) {
					f.Place = ix.placeIn(c)
				}
				return f.Place == ""
			})
		}
	}
	placeState := ""
	if f.Place == "" && (peopleClasses[what] && what != "personnel" || aid(what)) {
		// Where the victims were, when the tree attached it elsewhere
		// (troops keep the place the tree gives: "deployed to Kursk"
		// and "in Russia" are one deployment); aid goes "to" a place.
		end := hi
		if noun >= hi {
			end = noun + 1
		}
		f.Place, placeState = ix.placeAfter(end)
	}
	if aid(what) && f.Place != "" {
		// Aid "to Kyiv" goes to the state the capital stands for.
		if c := ix.capitalOf(f.Place); c != "" {
			f.Place = c
		}
	}
	if f.Owner == "" && f.Place != "" {
		w := f.What
		if sharePlace && (w == "" || w == "percent") {
			w = "people" // a share of the people there
		}
		switch w {
		case "civilians", "people", "refugees", "idps", "displaced", "territory", "places", "rescuers", "workers":
			if ix.destination(verb, f.Place) {
				// "100,000 people have crossed into Poland from Ukraine":
				// the people are where they came from's, not Poland's.
				f.Owner = countryOf(ix.origin(lo), ix.names())
				break
			}
			if f.Owner = countryOf(f.Place, ix.names()); f.Owner == "" {
				f.Owner = placeState
			}
			ix.ownOwner[f.Quantity] = f.Owner != ""
		}
	}
	oneAttack := false // the count is the toll of one attack
	if harms[fate] {
		at := ix.attackOf(verb)
		oneAttack = at.at >= 0 && tollFates[fate] && ix.single(at.at, verb, f, fate)
		if (what == "civilians" || what == "people") && at.attacker != "" {
			// "three people were injured in Russian shelling": the
			// attacker's demonym makes its victims neither its own nor
			// its place's.
			if f.Owner == ix.stateOf(at.attacker) {
				f.Owner = ""
			}
			if f.Place != "" && countryOf(f.Place, ix.names()) == ix.stateOf(at.attacker) {
				f.Place = ""
			}
		}
		if f.Owner == "" && f.Place == "" && (what == "civilians" || what == "people") {
			// Victims with no place of their own are the country's where
			// the text last put the events, in their sentence or the one
			// before ("… close in on Mosul. In one case, three women were
			// shot"). The victims of an attack are its target's ("after it
			// attacked Norway, killing 40 people"). When the target is not
			// named, a place before the attack in its sentence is where
			// someone else acted ("the army entered Syria after the
			// militia's raids, which killed 300": not Syria's 300), and the
			// attacker's own state is not where its victims are.
			if at.target != "" {
				f.Owner = countryOf(at.target, ix.names())
			} else if p := ix.placeBefore(lo, at.at); p != "" {
				if c := countryOf(p, ix.names()); at.attacker == "" || c != ix.stateOf(at.attacker) {
					f.Owner = c
				}
			}
		}
		if oneAttack && f.Place == "" && at.targets == 1 && countryOf(at.target, ix.names()) != at.target {
			f.Place = at.target // one attack's dead are counted where it struck
		}
	}
	if f.Owner == "" && (fate == "fled" || fate == "displaced") && verb >= 0 {
		// "four million people have fled Latvia", "fled from Latvia":
		// those who fled are the country's they left.
		t.children(verb, func(c int) bool {
			if r := t.rel(c); r == "obj" || r == "obl" && t.caseOf(c) == "from" {
				if k := countryOf(ix.placeKey(c), ix.names()); k != "" {
					f.Owner = k
				} else if t.lemma(c) == "country" && t.low(c-1) == "the" {
					f.Owner = ix.countryBefore(c) // "have fled the country"
				}
			}
			return f.Owner == ""
		})
	}
	if f.Owner == "" && q.Kind == "percent" {
		// "Latvian voters backed the treaty by 61% to 39%": a share of
		// a vote is the voters' country's.
		// The verb before the share, and a demonym on voters right
		// before the verb, whatever the tree made of them.
		slo, _ := t.sentence(lo)
		v := lo - 1
		for v >= slo && !t.isVerb(v) {
			v--
		}
		for j := v - 1; j >= slo && j >= v-3; j-- {
			if voterNouns[t.lemma(j)] {
				f.Owner = ix.demonymAt(j - 1)
				break
			}
		}
	}
	if fate == "expelled" {
		// People are expelled from the state that expels them, wherever
		// they worked: each state's expulsions are a count of their own,
		// not values of one count. (The deported go to the state that
		// deports them: "Moscow deported thousands to Russia".)
		if p := ix.expeller(verb); p != "" {
			f.Place = p
		}
	}
	if donor != "" {
		f.Owner, f.Place = donor, recipient
	}
	if f.Place == "" && recipient != f.Owner {
		f.Place = recipient
	}
	if f.Place == f.Owner && f.What != "territory" && f.What != "civilians" {
		f.Place = ""
	}
	if h := t.head(noun); whole < 0 && noun >= 0 && h >= 0 && strings.HasPrefix(t.rel(noun), "nsubj") && t.caseOf(h) == "among" {
		// "Three members were among seven people killed", "3 members
		// among 7 killed": the subject of "be among N" is a part of N.
		if t.upos(h) == news.NUM {
			whole = h
		} else if n := t.child(h, "nummod"); n >= 0 {
			whole = n
		}
	}
	f.Scope = ix.scopeOf(q, lo, hi, noun, whole, f.Fate)
	if oneAttack && f.Scope == news.ScopeTotal {
		f.Scope = news.ScopeEvent // one attack's dead are not the war's
	}
	if f.Scope == news.ScopeTotal && (tollFates[fate] || fate == "lost") && ix.lastPeriod(verb) {
		// "21 killed in the past 24 hours": a day's or a week's count of
		// a running toll is an increment of it, not the toll.
		f.Scope = news.ScopeIncrement
	}
	if whole >= 0 {
		ix.wholes[f.Quantity] = whole
	}
}

// strengthVerbs state the size of a force: "the army numbers 300,000".
var strengthVerbs = tokens.Set(`number numbers numbered totals totalled totaled comprises`)

// strengthOf returns the token of a force whose size the bare number at
// token lo states ("the Nato Response Force currently numbers up to
// 40,000", "the army totals 12,000"): the noun before a verb of size,
// however the parser hung the number; -1 when there is none.
func (ix *index) strengthOf(lo int) int {
	t := ix.tree
	k := lo - 1
	for k >= 0 && (t.low(k) == "to" || t.low(k) == "up" || t.low(k) == "about" || t.low(k) == "some" || t.low(k) == "around") {
		k-- // a hedge the quantity did not take
	}
	if k < 1 || !strengthVerbs[t.low(k)] {
		return -1
	}
	k--
	for k >= 0 && t.upos(k) == news.ADV {
		k-- // "currently", "now"
	}
	switch ix.classAt(k) {
	case "personnel", "units":
		return k
	}
	return -1
}

// countryOf returns the ISO code of the country a place key lies in
// ("ua" for "kyiv" or "mariupol"), or "".
func countryOf(place string, names map[string]string) string {
	if c, ok := facts.Default().Country(place); ok && len(place) == 2 {
		return strings.ToLower(c.ISO2)
	}
	if n := names[place]; n != "" {
		for _, r := range facts.Default().Lookup(n) {
			if r.Country != "" {
				return strings.ToLower(r.Country)
			}
		}
	}
	// A city or region the gazetteer places in a country ("mariupol").
	return strings.ToLower(facts.Places().CountryOf("loc:" + place))
}

// predicateNoun reports whether the subject or object noun at i may say
// what a predicate figure counts: a noun of a known class, a general word
// for a count ("the toll", "the number of …") or an event noun of what
// happened ("that deployment"); "the shelling left 40 dead" does not.
func (ix *index) predicateNoun(i int) bool {
	t := ix.tree
	switch t.lemma(i) {
	case "number", "toll", "total", "figure", "count", "tally", "sum", "strength", "size":
		return true
	}
	if c := ix.classAt(i); c == "strikes" {
		return false // "the attacks left millions without power": the strikes are the agent
	} else if c != "" {
		return true
	}
	switch fateOf(t.lemma(i), "") {
	case "deployed", "killed", "wounded", "captured", "displaced", "fled", "killed or wounded", "missing", "lost":
		return true // (an army's losses: "put Ukrainian losses at 200,000")
	}
	return false
}

// levelPreps introduce a number that is a level a verb's object or
// subject reaches ("from 82,000 to 72,500", "up to 40,000", "at 90,000").
var levelPreps = map[string]bool{"from": true, "to": true, "at": true}

// fractional says whether a cardinal figure has a fraction and no scale
// word ("49.4", not "1.5 million"): a level of an index or a rate, never
// a count that continues the measure before it.
func fractional(f *news.Figure, kind string) bool {
	return kind == "cardinal" && f.Value != nil && *f.Value != float64(int64(*f.Value)) && !strings.ContainsAny(f.Text, "mbkMBK")
}

// partBefore returns the figure right before figs[i] when it is a part
// of a whole in the same sentence and only a coordination stands
// between them ("2,500 from one brigade and 1,500 …"), else nil.
func (ix *index) partBefore(figs []news.Figure, i int) *news.Figure {
	if i == 0 {
		return nil
	}
	g := &figs[i-1]
	f := &figs[i]
	if g.Scope != news.ScopePart || g.Whole == nil || ix.sentenceOf(g.Start) != ix.sentenceOf(f.Start) {
		return nil
	}
	between := ix.a.Text[g.End:f.Start]
	if !strings.Contains(between, " and ") || strings.ContainsAny(between, ";:.()") || len(between) > 120 {
		return nil
	}
	return g
}

// discrete says whether the class what counts whole things (people,
// weapons, places, units, events), which no number with a fraction
// counts.
func discrete(what string) bool {
	switch what {
	case "units", "places", "vehicles", "strikes", "events", "votes", "states":
		return true
	}
	return peopleClasses[what] || strings.HasPrefix(what, "weapons")
}

// moveOnly are the verbs of change that take no object: an amount right
// after them is the change ("rose $1.63"), where after "raised" or "cut"
// it is what was raised or cut.
var moveOnly = tokens.Set(`rise grow fall drop decline climb jump plunge plummet soar surge slump tumble sink dip slide rebound`)

// moveVerbs report a change of a price or an index besides the verbs of
// change ("gained 16 points", "shed 54 cents").
var moveVerbs = tokens.Set(`gain lose shed add slip advance ease retreat edge firm dip`)

// changedBefore says whether an amount a verb of change (or "up",
// "down" or "off") reports stands right before token k ("rose $1.63, or …",
// "was down 27.02, or …").
func changedBefore(t *tree, k int) bool {
	j := k - 1
	if t.low(j) == "," {
		j--
	}
	number := false
	for ; j >= 0 && j >= k-6; j-- {
		if t.a.Tokens[j].Kind == news.TokenNumber || t.upos(j) == news.NUM {
			number = true
			continue
		}
		if w := t.low(j); w == "$" || w == "£" || w == "€" || w == "cents" || w == "points" || w == "point" || w == "pence" || w == "cent" {
			continue
		}
		break
	}
	if !number || j < 0 {
		return false
	}
	w := t.low(j)
	return upDown[w] || t.isVerb(j) && (isChangeVerb(t.lemma(j)) || moveVerbs[t.lemma(j)])
}

// upDown are the adverbs that state a change after a copula or a verb of
// trading ("exports were up 3.4%", "the index was off 0.5 percent",
// "ended off 8.15 points").
var upDown = tokens.Set(`up down off`)

// commonNoun says whether token i is a common noun: tagged NOUN and in
// lower case, or opening its sentence with a lower-case lemma
// ("Burglaries fell", which the tagger may take for a name).
func (ix *index) commonNoun(i int) bool {
	t := ix.tree
	if slo, _ := t.sentence(i); i == slo {
		u := t.upos(i)
		return (u == news.NOUN || u == news.PROPN) && ix.mentionAt(i) < 0 && !strings.EqualFold(t.lemma(i), t.v.Tok(i)) || u == news.NOUN
	}
	return t.upos(i) == news.NOUN && !t.v.Capitalised(i)
}

// changedNoun says whether a lower-case noun stands right before the
// "up" or "down" before a percentage at token lo, with no verb: "with
// microprocessors up 5.6%".
func changedNoun(t *tree, lo int) bool {
	n := lo - 2
	return n >= 0 && t.upos(n) == news.NOUN && !t.v.Capitalised(n)
}

// changeVerbBefore returns the verb of change that a cardinal starting
// at token lo reports a level or a change of ("fell sharply to 212",
// "grew by 40"), or -1. (A percentage's change has rules of its own.)
func changeVerbBefore(t *tree, lo int, kind string) int {
	if kind != "cardinal" {
		return -1
	}
	k := lo - 1
	switch t.low(k) {
	case "to", "by", "from":
		k--
	default:
		return -1 // "rose 12 places": a bare cardinal counts its own noun
	}
	for j := 0; j < 2 && t.upos(k) == news.ADV; j++ {
		k--
	}
	if k >= 0 && t.isVerb(k) && isChangeVerb(t.lemma(k)) {
		return k
	}
	return -1
}

// countable reports whether the token at i can be the noun a number at
// tokens [lo, hi) counts: a noun (not an adjective the quantity layer took
// for one), outside the number's own words ("hundred thousand") and
// outside a time expression ("launched Thursday", "in May").
func (ix *index) countable(i, lo, hi int) bool {
	t := ix.tree
	if !t.isNoun(i) || lo <= i && i < hi {
		return false
	}
	return !ix.placeName(i) && !ix.inTime(i)
}

// placeName says whether token i names a place outside an "of" phrase
// ("the extra 3,500 Berlin intends to send"): no thing counted ("80% of
// Sievierodonetsk" is its land).
func (ix *index) placeName(i int) bool {
	t := ix.tree
	if m := ix.anyMentionAt(i); m >= 0 && t.upos(i) == news.PROPN && t.caseOf(i) != "of" {
		e := ix.a.Entities[m]
		return (e.Type == "GPE" || e.Type == "LOC") && e.Kind != "demonym"
	}
	return false
}

// changeWords reports whether the text between an amount and a
// percentage (at most eight words) says the percentage is a change:
// "up", "an increase of", "a fall of".
func changeWords(between string) bool {
	ws := strings.FieldsFunc(strings.ToLower(between), func(r rune) bool {
		return !('a' <= r && r <= 'z')
	})
	if len(ws) > 8 {
		return false
	}
	for _, w := range ws {
		switch w {
		case "up", "down", "increase", "increased", "rise", "rose", "fall", "fell", "growth", "grew",
			"jump", "jumped", "drop", "dropped", "higher", "lower", "decrease", "decline", "gain":
			return true
		}
	}
	return false
}

// shareOf returns what a share of the common noun at token i counts:
// people for a group of people ("91% of candidates", "a 60% majority"),
// ground for an area, the noun's class, else its lemma ("a third of its
// rows", "a 35% tariff").
func (ix *index) shareOf(i int) string {
	l := lemma(ix.tree.lemma(i))
	switch {
	case shareGroups[l] || l == "majority" || l == "minority":
		return "people"
	case l == "area":
		return "territory"
	}
	if c := ix.classAt(i); c != "" {
		return c
	}
	return l
}

// shareGroups are nouns for people a share can be of ("91% of
// candidates", "a third of the parliament").
var shareGroups = tokens.Set(`candidate independent parliamentarian mp lawmaker legislator senator member public
	electorate parliament congress delegate`)

// ofHead says whether noun heads the "of" phrase that follows the
// number ending before token hi: only determiners, adjectives, numbers,
// possessives and compound nouns stand between "of" and it ("of the
// country's drug trade"), not a name that could be the head ("of
// Americans disapprove", as a tagger may read it).
func ofHead(t *tree, hi, noun int) bool {
	if t.low(hi) != "of" || noun <= hi {
		return false
	}
	for k := hi + 1; k < noun; k++ {
		switch t.upos(k) {
		case news.DET, news.ADJ, news.NUM, news.NOUN, news.PART:
		case news.PRON:
			switch t.low(k) {
			case "its", "their", "his", "her", "our", "my", "your":
			default:
				return false
			}
		case news.PROPN:
			if t.low(k+1) != "'s" && t.low(k+1) != "’s" {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// attitudeNouns after a share make it a share of people ("20% support
// for membership", "a 40% approval rating").
var attitudeNouns = tokens.Set(`support backing approval disapproval opposition favourability favorability turnout rating`)

// determined says whether a determiner or a possessive opens the noun
// phrase of the number at token lo ("an extra 35% tariff", "its 20%
// stake"), within the three words before it: a bare "78% talk about …"
// is a share of people the tagger read as a noun's modifier.
func determined(t *tree, lo int) bool {
	for k := lo - 1; k >= 0 && k >= lo-3; k-- {
		if t.upos(k) == news.DET || t.low(k) == "'s" || t.low(k) == "’s" || t.fullRel(k) == "nmod:poss" {
			return true
		}
		if t.upos(k) != news.ADJ && t.upos(k) != news.PROPN {
			return false
		}
	}
	return false
}

// rateHeads take a share in an "of" phrase as their size: "a tariff of
// 35%", "a stake of 20%".
var rateHeads = tokens.Set(`tariff tax duty levy rate stake share interest fee discount premium margin`)

// indicators are rates a percentage before them is the level of, with
// or without a determiner: "expects 3% inflation", "2.5% growth".
var indicators = tokens.Set(`inflation unemployment growth turnout deflation`)

// levelCases join a rate to the level it is set at: "raise tariffs to
// 50%", "duties at 10%".
var levelCases = tokens.Set(`to at`)

// levelOf says whether a percentage that sizes the noun lemma l is the
// level of a rate ("60% tariffs", "duties at 10%"), whatever stands
// around them: a rate head other than a share, which may be of people.
func levelOf(l string) bool { return rateHeads[l] && l != "share" }

// chanceNouns make a share a probability.
var chanceNouns = tokens.Set(`chance odds probability likelihood risk`)

// peopleClasses are the classes of people.
var peopleClasses = map[string]bool{"personnel": true, "civilians": true, "people": true, "refugees": true,
	"idps": true, "displaced": true, "rescuers": true, "workers": true, "population": true}

// refine gives a figure the class its fate implies: a count of people
// when only the fate is said ("five million have been displaced"), a
// share of people for a percentage of nothing named, refugees for people
// who fled, idps for the internally displaced.
func refine(f *news.Figure, kind, sentence string) {
	if f.What == "" && kind == "cardinal" {
		switch f.Fate {
		case "killed", "wounded", "displaced", "fled", "captured", "evacuated", "trapped", "missing", "arrested":
			f.What = "people"
		}
	}
	if f.What == "" && (kind == "percent" || kind == "fraction") && f.Scope != news.ScopeIncrement {
		f.What = "people" // a share with nothing named is a share of people asked (a change is not)
	}
	if f.What == "refugees" && f.Fate == "displaced" && strings.Contains(strings.ToLower(sentence), "internally") {
		f.What = "idps" // "… have fled and five million have been internally displaced"
	}
	if f.What == "population" && f.Fate != "" {
		// Residents who were killed, trapped or fled are civilian
		// victims; residents counted are the population.
		f.What = "civilians"
	}
	if f.What == "people" {
		switch f.Fate {
		case "killed", "wounded", "killed or wounded", "trapped", "missing":
			if civilianSite(sentence) {
				// People harmed at homes, stations or bread queues, or
				// with children, residents or passengers among them,
				// are civilian victims.
				f.What = "civilians"
			}
		case "fled":
			f.What = "refugees"
		case "displaced":
			if strings.Contains(strings.ToLower(sentence), "internally") {
				f.What = "idps"
			}
		}
	}
}

// civilianSites are the places and the people a sentence names that
// make the people harmed in it civilians ("homes" is not one: people
// "flee their homes" whoever is killed).
var civilianSites = tokens.Set(`house houses residential apartment apartments flat flats station stations
	bread queue queues market markets hospital hospitals school schools kindergarten shopping mall church theatre theater
	playground bus buses train trains cafe café restaurant children residents passenger passengers`)

// civilianSite says whether sentence names a civilian site or victims
// who are civilians (civilianSites).
func civilianSite(sentence string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(sentence), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if civilianSites[w] {
			return true
		}
	}
	return false
}

// classAt is the class of the noun at token i: its lemma's class, or
// people for a people named by a demonym ("Ukrainians").
func (ix *index) classAt(i int) string {
	t := ix.tree
	if t.lemma(i) == "carrier" && t.low(i-1) == "personnel" {
		return "weapons/vehicles" // "armoured personnel carriers", not ships
	}
	if t.lemma(i) == "member" && t.low(i-1) == "service" {
		return "personnel" // "US service members"
	}
	if l := t.lemma(i); (l == "bomber" || l == "attacker") && (t.low(i-1) == "suicide" || t.low(i-1) == "would-be") {
		return "people" // "three suicide bombers": people, not aircraft
	}
	if l := t.lemma(i); (l == "piece" || l == "item") && i > 0 {
		if c := classOf(t.lemma(i - 1)); c != "" {
			return c // "artillery pieces": what the pieces are
		}
	}
	if ix.institution(i) {
		return "" // "19 state legislative bodies": no one's remains
	}
	if t.low(i) == "man" && ix.a.Text[max(ix.a.Tokens[i].Start-1, 0)] != '-' {
		return "people" // "killed one man": a man, where "5,000 men" and "a 3,000-man battalion" are troops
	}
	if c := classOf(t.lemma(i)); c != "" {
		return c
	}
	if t.low(i) == "grata" && t.low(i-2) == "persona" {
		return "people" // "40 persona non grata", however the tree headed it
	}
	if c := classOf(t.low(i)); c != "" {
		return c
	}
	if l := t.lemma(i); (l == "group" || l == "team") && unitGroups[t.low(i-1)] {
		return "units" // "battalion tactical groups", "carrier strike groups"
	}
	if m := ix.mentionAt(i); m >= 0 && ix.a.Entities[m].Kind == "demonym" {
		return "people"
	}
	if presenceNouns[t.lemma(i)] && i > 0 && t.rel(i-1) == "compound" && t.head(i-1) == i {
		return classOf(t.lemma(i - 1)) // "France's troop presence has risen to 969"
	}
	return ""
}

// levelBounds open a level a change reaches ("rose above 30%"), not the
// size of the change.
var levelBounds = tokens.Set(`above below over under beyond past`)

// rateNouns are levels a percentage states ("the unemployment rate
// stayed below 4%", "inflation hit 9%").
var rateNouns = tokens.Set(`rate inflation unemployment turnout yield`)

// presenceNouns take the class of a noun compounded before them: a
// "troop presence" counts troops.
var presenceNouns = tokens.Set(`presence contingent deployment`)

// mentionAt returns the entity mention linked to an entity that holds
// token i, or -1.
func (ix *index) mentionAt(i int) int {
	if k := ix.anyMentionAt(i); k >= 0 && ix.a.Entities[k].Entity != "" {
		return k
	}
	return -1
}

// anyMentionAt returns the entity mention covering token i, linked to
// an entity or not, or -1.
func (ix *index) anyMentionAt(i int) int {
	if i < 0 || i >= len(ix.a.Tokens) {
		return -1
	}
	es := ix.a.Entities
	pos := ix.a.Tokens[i].Start
	k := sort.Search(len(es), func(k int) bool { return es[k].End > pos })
	if k < len(es) && es[k].Start <= pos {
		return k
	}
	return -1
}

// ownerOf finds whose the counted thing is: a demonym, name or
// possessive on the counted noun ("North Korean troops", "Russia's
// groups", "its rescuers"), an "of" phrase, else the subject of the
// governing verb ("the UK will send …"), as an entity key.
func (ix *index) ownerOf(noun, verb, lo, hi int, q news.Quantity) string {
	t := ix.tree
	weapon := noun >= 0 && strings.HasPrefix(ix.classAt(noun), "weapons")
	key := func(i int) string {
		if m := ix.mentionAt(i); m >= 0 {
			e := ix.a.Entities[m]
			if e.Type == "LOC" && e.Kind != "demonym" || scareQuoted(ix.a.Text, e.Span) {
				return "" // (a name in scare quotes is a model's or a label: "160 “Husky” vehicles")
			}
			if weapon && e.Type != "GPE" && e.Kind != "demonym" && modelName(e.Text) {
				return "" // "500 Patriot and Caesar missiles": a model's name, not whose ("two al-Qaida vehicles" are al-Qaida's)
			}
			if e.Start <= q.Span.Start && q.Span.Start < e.End && q.Span.Len() > 0 {
				// A name the number opens ("Ninety-Four Citizen Airmen",
				// "3,000 North Korean") is no owner; a state named in it is.
				return ix.demonymAt(i)
			}
			if base, suffix, ok := strings.Cut(e.Text, "-"); ok && !strings.Contains(suffix, " ") {
				// "UK-based troops", "US-funded aid" are the state's; "Western-made",
				// "Polish-trained", "Czech-led" name a maker, trainer or
				// leader, not whose the thing is.
				switch strings.ToLower(suffix) {
				case "based", "owned", "funded", "financed":
					return stateKey(base)
				}
				if !strings.Contains(base, " ") && strings.HasSuffix(strings.ToLower(suffix), "ed") || strings.EqualFold(suffix, "made") || strings.EqualFold(suffix, "built") {
					return ""
				}
			}
			if !strings.ContainsAny(e.Text, "0123456789") {
				return actorKey(e.Entity)
			}
		}
		return ix.demonymAt(i)
	}
	// Inside the counted phrase of the quantity layer.
	if q.CountsSpan != nil {
		clo, chi := t.span(*q.CountsSpan)
		for k := clo; k < chi; k++ {
			if k == noun && classOf(t.low(k)) != "" {
				continue // "31 Abrams": a model's name is no owner
			}
			if k2 := key(k); k2 != "" {
				return k2
			}
		}
	}
	if noun >= 0 {
		owner := ""
		t.children(noun, func(c int) bool {
			switch t.rel(c) {
			case "amod", "compound", "nmod":
				if t.rel(c) == "nmod" && t.fullRel(c) != "nmod:poss" && t.caseOf(c) != "of" {
					return true
				}
				if k2 := key(c); k2 != "" {
					owner = k2
					return false
				}
				if t.fullRel(c) == "nmod:poss" && t.upos(c) == news.PRON {
					owner = ix.antecedent(c)
					return owner == ""
				}
				if t.fullRel(c) == "nmod:poss" {
					// "the Wagner group's 25,000 fighters": the name
					// before the common noun that owns them.
					t.children(c, func(d int) bool {
						if t.rel(d) == "compound" && d < c {
							owner = key(d)
						}
						return owner == ""
					})
					if owner != "" {
						return false
					}
				}
				owner = ix.ownerNoun(c)
				return owner == ""
			}
			return true
		})
		if owner != "" {
			return owner
		}
		if k2 := key(noun); k2 != "" && t.upos(noun) == news.PROPN {
			if m := ix.mentionAt(noun); m >= 0 && ix.a.Entities[m].Kind == "demonym" {
				return k2 // "64% of Ukrainians": the people are the state's
			}
			return "" // the counted thing is a name itself ("80% of Sievierodonetsk")
		}
	}
	// Inside the quantity ("US$61bn"; not the code of "EUR 200 billion").
	for k := lo; k < hi; k++ {
		if q.Unit != "" && strings.EqualFold(t.low(k), q.Unit) {
			continue
		}
		if k2 := key(k); k2 != "" {
			return k2
		}
	}
	for v, k := verb, 0; v >= 0 && k < 3; v, k = t.head(v), k+1 {
		if t.isNoun(v) && v != noun {
			// "The UK plans to give …": the noun the clause hangs on.
			owner := ""
			t.children(v, func(c int) bool {
				if r := t.rel(c); r == "compound" || r == "amod" || t.fullRel(c) == "nmod:poss" {
					owner = key(c)
				}
				return owner == ""
			})
			if owner != "" {
				return owner
			}
		}
		if t.isVerb(v) && t.inComplement(v, lo) {
			return "" // a speaker or believer owns nothing it says
		}
		if o := t.child(v, "obj"); t.isVerb(v) && o >= 0 && estimateNouns[t.lemma(o)] {
			return "" // "US officials increased their estimate of the force to 190,000 troops": the estimator owns nothing it counts
		}
		if t.isVerb(v) && t.child(v, "nsubj") < 0 {
			// A subject the parser missed: the name just before the
			// verb and its auxiliaries ("North Korea has despatched").
			k := v - 1
			for k >= 0 && (t.upos(k) == news.AUX || t.upos(k) == news.ADV || t.upos(k) == news.PART) {
				k--
			}
			if m := ix.mentionAt(k); m >= 0 && (ix.a.Entities[m].Type == "GPE" || ix.a.Entities[m].Type == "ORG") {
				return actorKey(ix.a.Entities[m].Entity)
			}
		}
		if s := t.child(v, "nsubj"); s >= 0 {
			if l := t.low(s); l == "which" || l == "that" || l == "who" {
				// "the number of Russian victims, which amounted to 899
				// soldiers": the relative clause's head, or the noun
				// before the comma when the tree missed the clause.
				if t.rel(v) == "acl" {
					s = t.head(v)
				} else if s >= 2 && t.low(s-1) == "," && t.isNoun(s-2) {
					s = s - 2
				} else if s >= 1 && t.isNoun(s-1) {
					s = s - 1 // "the 15 countries that currently own 2,000 Leopards"
				}
			}
			if c := t.child(s, "nmod"); c >= 0 && t.caseOf(c) == "of" && countNouns[t.lemma(s)] {
				s = c // "the number of Russian victims … amounted to 899": whose the "of" phrase says
			}
			if k2 := key(s); k2 != "" {
				return k2
			}
			if k2 := ix.demonymAt(s); k2 != "" && t.upos(s) == news.PROPN && ix.namedOtherwise(k2, ix.a.Tokens[s].Span.In(ix.a.Text)) {
				// A capital that acts is its state ("Helsinki bought 64
				// fighter bombers"), when the text names that state (not
				// Victoria, Australia, for the Seychelles).
				return k2
			}
			owner := ""
			t.children(s, func(c int) bool {
				if r := t.rel(c); r == "compound" || r == "amod" || t.fullRel(c) == "nmod:poss" {
					if owner = key(c); owner == "" && r != "nmod" {
						owner = ix.ownerNoun(c) // "Coalition forces conducted …"
					}
				}
				return owner == ""
			})
			if owner != "" {
				return owner
			}
			if t.upos(s) == news.PRON {
				if l := t.low(s); (l == "he" || l == "she") && (q.Kind == "money" || stateHoldings(ix.classAt(noun))) {
					return ix.leaderBefore(s) // "Putin … he has amassed 130,000 troops"
				}
				return ix.antecedent(s)
			}
			break
		}
		switch t.rel(v) {
		case "acl", "xcomp", "advcl", "conj":
		default:
			return ""
		}
		if t.rel(v) == "xcomp" || t.rel(v) == "advcl" && urgeVerbs[t.lemma(t.head(v))] && t.low(v-1) == "to" {
			// "Truss called on Nato countries to meet the target", "urged
			// Norway to send 40 tanks": the object before the infinitive
			// is its subject, not the head verb's subject.
			ctl := -1
			t.children(t.head(v), func(c int) bool {
				if r := t.rel(c); (r == "obj" || r == "iobj" || r == "obl" && (t.caseOf(c) == "on" || t.caseOf(c) == "upon")) && c < v && c != noun && (c < lo || c >= hi) && ix.agent(c) {
					ctl = c
				}
				return true
			})
			if ctl >= 0 {
				if t.upos(ctl) == news.PRON {
					return ix.antecedent(ctl)
				}
				if k2 := key(ctl); k2 != "" {
					return k2
				}
				owner := ""
				t.children(ctl, func(c int) bool {
					if r := t.rel(c); r == "compound" || r == "amod" || t.fullRel(c) == "nmod:poss" {
						if owner = key(c); owner == "" && t.upos(c) == news.PRON {
							owner = ix.antecedent(c) // "announced its intent to add"
						}
					}
					return owner == ""
				})
				return owner
			}
		}
	}
	return ""
}

// agent says whether token i can name one who acts: a pronoun, a name,
// people, or a state or body ("called on Nato countries to meet"; not
// "spending billions buying weapons").
func (ix *index) agent(i int) bool {
	t := ix.tree
	switch l := t.low(i); {
	case l == "that" || l == "which" || l == "what" || l == "who" || l == "whom":
		return false // a relative's antecedent is the head's business
	case t.upos(i) == news.PRON, ix.mentionAt(i) >= 0:
		return true
	case !t.isNoun(i):
		return false
	}
	l := t.lemma(i)
	return peopleClasses[ix.classAt(i)] || tokens.BodyHeads[l] || agentNouns[l]
}

// agentNouns are the common nouns of states and their people that act.
var agentNouns = tokens.Set(`country state nation government ally partner member leader official administration`)

// namedOtherwise says whether the text names the actor key by a mention
// other than the word w ("Finland" for Helsinki; the capital's own
// mentions do not count).
func (ix *index) namedOtherwise(key, w string) bool {
	for _, m := range ix.a.Entities {
		if actorKey(m.Entity) == key && m.Text != w {
			return true
		}
	}
	return false
}

// stateKey returns the key of the state a demonym, country or capital
// name stands for in the facts table ("UK", "Norwegian"), or "".
func stateKey(name string) string {
	for _, r := range facts.Default().Lookup(name) {
		if r.Type == facts.TypeGPE && (r.Kind == facts.KindDemonym || r.Kind == facts.KindCountry || r.Kind == facts.KindCapital) {
			return actorKey(r.ID)
		}
	}
	return ""
}

// demonymAt returns the country key of a demonym, country or capital name
// at token i alone or with a token beside it ("North Korean",
// "Pyongyang"), read from the facts table: the owner when the entity
// layer missed, mangled or typed the mention otherwise.
func (ix *index) demonymAt(i int) string {
	t := ix.tree
	if i < 0 || i >= len(t.a.Tokens) || t.a.Tokens[i].Kind != news.TokenWord || !t.v.Capitalised(i) {
		return ""
	}
	look := stateKey
	if i+1 < len(t.a.Tokens) && t.a.Tokens[i+1].Kind == news.TokenWord {
		if k := look(t.v.Tok(i) + " " + t.v.Tok(i+1)); k != "" {
			return k
		}
	}
	if i > 0 && t.a.Tokens[i-1].Kind == news.TokenWord {
		if k := look(t.v.Tok(i-1) + " " + t.v.Tok(i)); k != "" {
			return k
		}
	}
	return look(t.v.Tok(i))
}

// troopOwnerBefore returns the owner of the nearest troops named with
// their owner before token i, in its sentence or the one before ("troops
// from Pyongyang are fighting … as many as 12,000 troops"), or "".
func (ix *index) troopOwnerBefore(i int) string {
	t := ix.tree
	for k, slo := i-1, t.sentenceBefore(i); k >= slo; k-- {
		if !t.isNoun(k) || classOf(t.lemma(k)) != "personnel" {
			continue
		}
		owner := ""
		t.children(k, func(c int) bool {
			switch t.rel(c) {
			case "amod", "compound":
				owner = ix.demonymAt(c)
			case "nmod":
				// ("troops from Pyongyang", "Russia's troops"; troops in
				// Romania are not Romania's.)
				if cs := t.caseOf(c); cs == "from" || cs == "of" || t.fullRel(c) == "nmod:poss" {
					owner = ix.demonymAt(c)
				}
			}
			return owner == ""
		})
		if owner == "" && (t.low(k+1) == "from" || t.low(k+1) == "of") {
			// "soldiers from Pyongyang", however the parser attached it.
			owner = ix.demonymAt(k + 2)
		}
		if owner != "" {
			return owner
		}
	}
	return ""
}

// ownerNoun resolves a common noun that stands for an owner: "his
// country's troops" (the state of the person the pronoun names), "alliance
// forces" (Nato, when the article names it), "Coalition aircraft" (the
// coalition the text calls by that name).
func (ix *index) ownerNoun(i int) string {
	t := ix.tree
	switch strings.ToLower(t.lemma(i)) {
	case "country", "nation":
		if p := t.child(i, "nmod"); p >= 0 && t.fullRel(p) == "nmod:poss" && t.upos(p) == news.PRON {
			if w := t.low(p); w == "his" || w == "her" {
				if s := ix.stateOf(ix.personBefore(p)); len(s) == 2 {
					return s // (a person whose state is not known owns no troops)
				}
			}
		}
	case "coalition":
		if t.v.Capitalised(i) {
			return "coalition" // "Coalition forces", "Coalition aircraft": the coalition the text is about
		}
	case "alliance":
		for _, e := range ix.a.Entities {
			if e.Type == "ORG" && actorKey(e.Entity) == "nato" && e.Start < t.a.Tokens[i].Start {
				return "nato"
			}
		}
	}
	return ""
}

// countryBefore returns the state of the nearest place named before
// token i in its sentence or the one before, or "": what "the country"
// stands for.
func (ix *index) countryBefore(i int) string {
	t := ix.tree
	for k, slo := i-1, t.sentenceBefore(i); k >= slo; k-- {
		if m := ix.mentionAt(k); m >= 0 && ix.a.Entities[m].Kind == "demonym" {
			continue // "a map of the Russian offensive": no place named
		}
		if p := ix.placeKey(k); p != "" {
			if c := countryOf(p, ix.names()); c != "" {
				return c
			}
		}
	}
	return ""
}

// personBefore returns the entity key of the nearest person named before
// token i in its sentence or the one before, or "".
func (ix *index) personBefore(i int) string {
	t := ix.tree
	for k, slo := i-1, t.sentenceBefore(i); k >= slo; k-- {
		if m := ix.mentionAt(k); m >= 0 && ix.a.Entities[m].Type == "PER" {
			return actorKey(ix.a.Entities[m].Entity)
		}
	}
	return ""
}

// antecedent resolves a pronoun ("its", "they") to the nearest entity
// mention before it in its sentence that is an organisation or a state;
// "it" opening a sentence, to the named subject of the sentence before.
func (ix *index) antecedent(pron int) string {
	t := ix.tree
	switch t.low(pron) {
	case "it", "its", "they", "their", "them":
	default:
		return "" // "he", "she": a person, not an owner of troops or aid (but see leaderBefore)
	}
	slo, _ := t.sentence(pron)
	for k := pron - 1; k >= slo; k-- {
		if m := ix.mentionAt(k); m >= 0 {
			e := ix.a.Entities[m]
			if e.Type == "ORG" || e.Type == "GPE" {
				if t.low(pron) != "it" && t.low(pron) != "its" && ix.coordinated(m) {
					return "" // "Germany, Belgium and Norway said they …": several, no one owner
				}
				return actorKey(e.Entity)
			}
		}
	}
	if t.actingIt(pron) && pron == slo && slo > 0 {
		// "Latvia said the talks failed. It deployed 300 troops": a
		// sentence opening with "it" goes on about the state or body
		// that was the subject of the sentence before.
		for k, plo := t.sentenceBefore(pron), slo; k < plo; k++ {
			if t.rel(k) != "nsubj" {
				continue
			}
			if m := ix.mentionAt(k); m >= 0 && (ix.a.Entities[m].Type == "ORG" || ix.a.Entities[m].Type == "GPE") && ix.a.Entities[m].Kind != "demonym" {
				return actorKey(ix.a.Entities[m].Entity)
			}
			break
		}
	}
	return ""
}

// stateHoldings are the classes of thing a leader holds for the state:
// forces, weapons and money.
func stateHoldings(what string) bool {
	return what == "personnel" || what == "units" || aid(what)
}

// leaderBefore resolves "he" or "she" at token pron to the nearest
// person named before it, in its sentence or the two before, of the
// pronoun's gender when the facts table knows it: the person's state when
// the person has held one of its offices ("Putin … he has amassed 130,000
// troops"), else "" (a person owns no troops or aid).
func (ix *index) leaderBefore(pron int) string {
	t := ix.tree
	want := byte('m')
	if l := t.low(pron); l == "she" || l == "her" {
		want = 'f'
	}
	for k, first := pron-1, t.sentenceBefore(t.sentenceBefore(pron)); k >= first; k-- {
		m := ix.mentionAt(k)
		if m < 0 || ix.a.Entities[m].Type != "PER" || ix.a.Entities[m].Kind == "demonym" {
			continue
		}
		key := actorKey(ix.a.Entities[m].Entity)
		p, ok := facts.Default().Person(key)
		if ok && p.Gender != 0 && p.Gender != want {
			continue
		}
		if !ok {
			return ""
		}
		return strings.ToLower(facts.Default().OfficeCountry(key))
	}
	return ""
}

// coordinated says whether entity mention m is the last conjunct of a
// list of names ("Germany, Belgium and Norway"): the mention before it
// is a state or body joined to it by "and".
func (ix *index) coordinated(m int) bool {
	if m == 0 {
		return false
	}
	p := ix.a.Entities[m-1]
	if p.Type != "ORG" && p.Type != "GPE" || p.End > ix.a.Entities[m].Start {
		return false
	}
	// ("… the Russian invasion of Ukraine, the prime minister …": a
	// comma alone ends a clause as often as it joins names.)
	switch strings.TrimSpace(ix.a.Text[p.End:ix.a.Entities[m].Start]) {
	case "and", ", and", "&":
		return true
	}
	return false
}

// pluralAntecedent returns the noun a plural pronoun or demonstrative
// at pron stands for ("these", "those", "they"): the nearest noun of a
// known class before it in its sentence or the one before, or -1.
func (ix *index) pluralAntecedent(pron int) int {
	t := ix.tree
	switch t.low(pron) {
	case "these", "those", "they":
	default:
		return -1
	}
	for k := pron - 1; k >= t.sentenceBefore(pron); k-- {
		if t.isNoun(k) && ix.classAt(k) != "" {
			return k
		}
	}
	return -1
}

// placePreps introduce where something happened or went.
var placePreps = map[string]bool{"to": true, "in": true, "into": true, "inside": true, "at": true, "near": true,
	"for": true, "across": true, "from": true, "on": true, "within": true, "throughout": true}

// placeIn returns the place a verb or noun at i names in a prepositional
// dependent ("sent to Russia", "troops in Romania", "aid for Ukraine"),
// as an entity key; "" when none.
func (ix *index) placeIn(i int) string {
	t := ix.tree
	place := ""
	t.children(i, func(c int) bool {
		if r := t.rel(c); (r == "obl" || r == "nmod") && placePreps[t.caseOf(c)] {
			if phrasal(t, c) {
				return true // "in response to Russia's invasion" puts nothing in Russia
			}
			if place = ix.placeKey(c); place != "" {
				return false
			}
			if t.caseOf(c) == "near" {
				return true // "near the Ukrainian front" is not in Ukraine
			}
			// "the northern Ukrainian city of Chernihiv".
			t.children(c, func(d int) bool {
				if r := t.rel(d); r == "nmod" || r == "amod" || r == "compound" {
					place = ix.placeKey(d)
				}
				return place == ""
			})
			return place == ""
		}
		return true
	})
	return place
}

// expeller returns the place key of the state that is the subject of
// verb ("Poland expelled 45 diplomats", "the German foreign ministry
// declared 40 persona non grata in the Russian embassy"), or "".
func (ix *index) expeller(verb int) string {
	t := ix.tree
	if verb < 0 {
		return ""
	}
	s := t.child(verb, "nsubj")
	if s < 0 {
		return ""
	}
	if t.upos(s) == news.PRON {
		if k := ix.antecedent(s); len(k) == 2 {
			if _, ok := facts.Default().Country(k); ok {
				return k // "Spain said it would expel 25 diplomats": the state "it" stands for
			}
		}
		return ""
	}
	p := ix.placeKey(s)
	t.children(s, func(d int) bool {
		if r := t.rel(d); p == "" && (r == "amod" || r == "compound" || r == "nmod:poss") {
			p = ix.placeKey(d)
		}
		return p == ""
	})
	return p
}

// locatives are the prepositions that say where something happened (not
// where to or from).
var locatives = tokens.Set(`in at near inside across on within throughout outside around`)

// placeBefore returns the key of the last place named after a
// preposition of place before token i, in its sentence or the one
// before ("in Mosul", "near Kharkiv"), or ""; in its own sentence, only
// after token after (-1 for the whole sentence).
func (ix *index) placeBefore(i, after int) string {
	t := ix.tree
	own, _ := t.sentence(i)
	for k, slo := i-1, t.sentenceBefore(i); k > slo; k-- {
		if k >= own && k <= after {
			continue
		}
		if locatives[t.low(k-1)] && t.low(k+1) != "'s" && t.low(k+1) != "’s" {
			if p := ix.placeKey(k); p != "" {
				return p
			}
		}
	}
	return ""
}

// attack is the attack whose toll a harm verb tells (attackOf).
type attack struct {
	at       int    // the attack noun or verb, -1 when there is none
	target   string // the place key of its target or of where it struck
	attacker string // the actor key of the attacker
	targets  int    // how many places it struck ("Dorovets and Karsk" in the demo corpus)
}

// attackOf finds the attack whose toll harm verb v tells: the attack
// noun it is said of ("the raids, which killed 300", "the attack killed
// 300") with its "on" phrase and owner ("the militia's attack on
// Armenia"), the attack verb it hangs on ("after it attacked Armenia,
// killing 400") or the attack it names as its cause ("were killed in a
// Russian strike"); what the text does not name stays empty.
func (ix *index) attackOf(v int) attack {
	t := ix.tree
	out := attack{at: -1}
	if v < 0 {
		return out
	}
	a := -1
	s := t.child(v, "nsubj")
	if s < 0 && t.rel(v) == "conj" {
		s = t.child(t.head(v), "nsubj") // "the incident began at dawn and killed 17"
	}
	if l := t.low(s); l == "which" || l == "that" {
		// A relative clause the tree missed hangs on the noun before
		// it ("the attacks, which killed 300").
		s = ix.relativeHead(s)
	}
	in := -1 // "the attack on Armenia, in which 400 were killed"
	t.children(v, func(c int) bool {
		if t.rel(c) == "obl" && t.low(c) == "which" && t.caseOf(c) == "in" {
			in = ix.relativeHead(c - 1)
		}
		return in < 0
	})
	switch h := t.head(v); {
	case s >= 0 && attackNouns[t.lemma(s)]:
		a = s
	case in >= 0 && attackNouns[t.lemma(in)]:
		a = in
	case t.rel(v) == "acl" && h >= 0 && attackNouns[t.lemma(h)]:
		a = h
	case (t.rel(v) == "advcl" || t.rel(v) == "conj") && h >= 0 && t.isVerb(h) && attackVerbs[t.lemma(h)]:
		a = h
	case t.rel(v) == "conj" && h >= 0 && t.isVerb(h) && h < v && t.rel(h) != "conj" && harms[fateOf(t.lemma(h), "")]:
		return ix.attackOf(h) // "the attack killed five and injured 10"
	default:
		t.children(v, func(c int) bool {
			if t.rel(c) == "obl" && attackNouns[t.lemma(c)] && (t.caseOf(c) == "in" || t.caseOf(c) == "by" || t.caseOf(c) == "during") {
				a = c
			}
			return a < 0
		})
	}
	if a < 0 && harms[fateOf(t.lemma(v), "")] {
		a = ix.attackAfter(v)
	}
	if a < 0 {
		return out
	}
	out.at = a
	actor := func(i int) string {
		if t.upos(i) == news.PRON {
			return ix.antecedent(i)
		}
		if m := ix.mentionAt(i); m >= 0 {
			return actorKey(ix.a.Entities[m].Entity)
		}
		return ""
	}
	struck := func(c int) {
		// The first place struck, and how many: "struck Dorovets and
		// the eastern city of Karsk"; or the place of what was struck
		// ("near the consulate's annex in Odesa").
		p := ix.placeKey(c)
		if p == "" {
			t.children(c, func(d int) bool {
				if t.rel(d) == "nmod" && locatives[t.caseOf(d)] {
					p = ix.placeKey(d)
				}
				return p == ""
			})
		}
		if p == "" {
			return
		}
		if out.target == "" {
			out.target = p
		}
		out.targets++
		t.children(c, func(d int) bool {
			if t.rel(d) == "conj" {
				out.targets++ // "Dorovets and the eastern city of Karsk", "Odesa and a clinic"
			}
			return true
		})
	}
	if t.isVerb(a) {
		t.children(a, func(c int) bool {
			if t.rel(c) == "obj" || t.rel(c) == "obl" && locatives[t.caseOf(c)] {
				struck(c) // "attacked Armenia", "struck in Kharkiv"
			}
			return true
		})
		if s := t.child(a, "nsubj"); s >= 0 {
			out.attacker = actor(s)
		}
		return out
	}
	t.children(a, func(c int) bool {
		switch {
		case t.rel(c) == "nmod" && (t.caseOf(c) == "on" || t.caseOf(c) == "against" || locatives[t.caseOf(c)]):
			struck(c) // "the attack on Odesa", "the Friday drone attack in Riga"
		case t.fullRel(c) == "nmod:poss" || t.rel(c) == "compound":
			if k := actor(c); k != "" {
				out.attacker = k
			}
		case t.rel(c) == "amod" && out.attacker == "":
			out.attacker = ix.demonymAt(c) // "Russian shelling", "a Ukrainian drone attack"
		}
		return true
	})
	if out.attacker == "" {
		// "a Ukrainian drone attack": the demonym before a compound
		// the tree hung elsewhere.
		for k := a - 1; k >= 0 && k >= a-3 && (t.upos(k) == news.NOUN || t.upos(k) == news.ADJ || t.upos(k) == news.PROPN); k-- {
			if d := ix.demonymAt(k); d != "" && t.upos(k) == news.ADJ {
				out.attacker = d
				break
			}
		}
	}
	return out
}

// relativeHead returns the noun a relative pronoun at token r stands
// for when the tree did not attach its clause: the noun before the comma,
// or the noun that noun modifies ("the attack on Armenia, in which":
// the attack); -1 when there is none.
func (ix *index) relativeHead(r int) int {
	t := ix.tree
	k := r - 1
	if t.low(k) == "," {
		k--
	}
	if k < 0 || !t.isNoun(k) {
		return -1
	}
	// Up the chain of "of", "on" and "in" phrases to an attack ("a
	// strike on a depot in northern Latvia, which killed 35"), else the
	// noun the first phrase modifies.
	for h, n := k, 0; n < 3 && t.rel(h) == "nmod" && !attackNouns[t.lemma(h)]; n++ {
		if h = t.head(h); h < 0 || !t.isNoun(h) {
			break
		}
		if attackNouns[t.lemma(h)] {
			return h
		}
	}
	if t.rel(k) == "nmod" && !attackNouns[t.lemma(k)] {
		if h := t.head(k); h >= 0 && t.isNoun(h) {
			return h
		}
	}
	return k
}

// lastPeriod says whether verb v counts over the last stretch of a
// running count: "killed in the past 24 hours", "lost over the last
// week", "during the previous day".
func (ix *index) lastPeriod(v int) bool {
	t := ix.tree
	if v < 0 {
		return false
	}
	// A period phrase after coordinated verbs holds for both: "21 were
	// killed and 48 injured in the past 24 hours".
	vs := []int{v}
	if t.rel(v) == "conj" {
		vs = append(vs, t.head(v))
	}
	t.children(v, func(c int) bool {
		if t.rel(c) == "conj" && t.isVerb(c) {
			vs = append(vs, c)
		}
		return true
	})
	return slices.ContainsFunc(vs, ix.periodOn)
}

// periodOn says whether verb v has a phrase of the last hours, days or
// weeks (see lastPeriod).
func (ix *index) periodOn(v int) bool {
	t := ix.tree
	found := false
	t.children(v, func(c int) bool {
		switch t.caseOf(c) {
		case "in", "over", "during", "within":
		default:
			return true
		}
		switch t.lemma(c) {
		case "hour", "day", "week":
		default:
			return true
		}
		t.children(c, func(d int) bool {
			switch t.low(d) {
			case "past", "last", "previous", "prior", "preceding":
				found = true
			}
			return !found
		})
		return !found
	})
	return found
}

// single says whether the attack at token a, whose toll harm verb v
// tells for figure f, is one event rather than a campaign: not a
// campaign noun ("the offensive has killed 38,000"), no span of time on
// the count ("attacks have killed 10,000 since February" are the war's),
// and, for attacks in the plural, a toll told in the past ("overnight
// strikes killed six"), not one that runs to now ("strikes have killed
// thousands").
func (ix *index) single(a, v int, f *news.Figure, fate string) bool {
	t := ix.tree
	if strings.Contains(f.Time, "/") || campaignNouns[t.lemma(a)] {
		return false
	}
	several := false // "separate attacks on eastern and southern Ukraine killed two", "two attacks on camps"
	t.children(a, func(c int) bool {
		several = several || t.rel(c) == "amod" && manyWords[t.low(c)] ||
			t.rel(c) == "nummod" && t.low(c) != "one" && t.low(c) != "1" && !ix.inTime(c) && harms[fate] && fate != "struck" && fate != "destroyed" && fate != "damaged"
		return !several
	})
	if several || manyWords[t.low(a-1)] {
		return false
	}
	if t.isVerb(a) || t.low(a) == t.lemma(a) {
		return true
	}
	// A perfect tells a running toll ("have killed 39,000"), also for a
	// verb that shares the first one's auxiliary ("and injured 90,000").
	perfect := false
	for u := v; u >= 0 && !perfect; u = t.head(u) {
		t.children(u, func(c int) bool {
			perfect = perfect || t.rel(c) == "aux" && t.lemma(c) == "have"
			return !perfect
		})
		if t.rel(u) != "conj" {
			break
		}
	}
	return !perfect
}

// voterNouns name the people whose vote a share counts.
var voterNouns = tokens.Set(`voter elector electorate citizen resident`)

// manyWords before attacks make them several events, each with its own
// toll ("separate attacks", "multiple strikes").
var manyWords = tokens.Set(`separate several multiple various numerous repeated different other`)

// attackAfter finds, where the tree hung it elsewhere, the attack a
// harm verb at v names in the words after it: "killed and five wounded
// by a Russian missile strike", "died after a shopping mall was hit".
// It returns the attack noun or verb, or -1.
func (ix *index) attackAfter(v int) int {
	t := ix.tree
	_, shi := t.sentence(v)
	for k := v + 1; k < shi && k <= v+8; k++ {
		w := t.low(k)
		if w == ";" || w == ":" || w == "." || w == "," || w == "but" || w == "while" {
			return -1
		}
		switch w {
		case "by", "in", "during":
			for j := k + 1; j < shi && j <= k+4; j++ {
				if attackNouns[t.lemma(j)] && !campaignNouns[t.lemma(j)] && t.isNoun(j) {
					return j
				}
				if t.isVerb(j) || t.a.Tokens[j].Kind == news.TokenPunct {
					break
				}
			}
		case "after", "when":
			for j := k + 1; j < shi && j <= k+6; j++ {
				if (t.isVerb(j) || t.upos(j) == news.ADJ) && (attackVerbs[t.lemma(j)] || attackParticiples[t.low(j)]) {
					return j // ("was shelled" may be tagged an adjective)
				}
				if t.a.Tokens[j].Kind == news.TokenPunct {
					break
				}
			}
		}
	}
	return -1
}

// attackNouns and attackVerbs name attacks, and other happenings of
// one time and place ("the incident", "a blast"), whose toll a harm verb
// can tell.
var (
	attackNouns = tokens.Set(`attack raid strike airstrike assault bombing shelling offensive incursion invasion ambush massacre bombardment
		incident blast explosion shooting stabbing`)
	attackVerbs = tokens.Set(`attack raid strike bomb shell invade storm ambush assault`)
	// attackParticiples are the past forms of attackVerbs, and "hit",
	// that close "after a school was …".
	attackParticiples = tokens.Set(`attacked raided struck bombed shelled invaded stormed ambushed assaulted hit`)
	// campaignNouns are attacks that go on for weeks: their toll is a
	// running count, not one event's.
	campaignNouns = tokens.Set(`offensive invasion incursion bombardment shelling`)
)

// placeKey is the entity key of the place mentioned at token i, or "".
func (ix *index) placeKey(i int) string {
	if m := ix.mentionAt(i); m >= 0 {
		e := ix.a.Entities[m]
		if e.Type == "GPE" || e.Type == "LOC" {
			return actorKey(e.Entity)
		}
	}
	return ""
}

// ownObject says whether verb has an object before token k.
func ownObject(t *tree, verb, k int) bool {
	found := false
	t.children(verb, func(c int) bool {
		found = c < k && t.rel(c) == "obj"
		return !found
	})
	return found
}

// otherHarmBefore says whether the sentence names, before token k, a
// harm other than fate, with fate a harm too: "destroyed 134 homes, and
// another 4,200 are threatened" counts other homes, not more destroyed.
func otherHarmBefore(t *tree, k int, fate string) bool {
	if !harms[fate] {
		return false
	}
	lo, _ := t.sentence(k)
	for i := lo; i < k; i++ {
		if f := fateOf(t.low(i), ""); harms[f] && f != fate {
			return true
		}
	}
	return false
}

// scopeOf decides the scope of a figure: a share for percentages and
// "four out of five", a rate for "per day", an increment for "a further"
// or "another", a part for "including", "of which" or "300 of the 4,000",
// else a total.
func (ix *index) scopeOf(q news.Quantity, lo, hi, noun, whole int, fate string) string {
	t := ix.tree
	if t.low(lo-1) == "by" && isChangeVerb(t.lemma(lo-2)) {
		return news.ScopeIncrement // "rose by 5%"
	}
	if q.Kind == "percent" && t.low(lo-1) == "or" && changedBefore(t, lo-1) {
		return news.ScopeIncrement // "rose $1.63, or 5.3 percent": the same change as a share
	}
	if (q.Kind == "percent" || q.Kind == "money" && moveOnly[t.lemma(lo-1)]) && t.isVerb(lo-1) && isChangeVerb(t.lemma(lo-1)) && t.low(hi) != "of" && !levelBounds[t.low(lo)] &&
		!(t.low(lo) == "as" && (t.low(lo+1) == "high" || t.low(lo+1) == "low")) {
		return news.ScopeIncrement // "the index jumped 27%", "shares rose $1.63" (not "cut 10% of jobs", "rose above 30%", "raised $5m", "rose as high as $1.15")
	}
	// "cut the British army by nearly 10,000 troops": the change a verb
	// makes, however far the number stands from it.
	for _, n := range []int{t.anchor(lo, hi), noun} {
		if n >= 0 && t.caseOf(n) == "by" && isChangeVerb(t.lemma(t.head(n))) {
			return news.ScopeIncrement
		}
	}
	// "up 50% on last year", "a 30% rise", "an increase of 12%": a change
	// stated as a number.
	// ("shot down 70 drones", "set up 12 camps": a verb's particle is not.)
	if w := t.low(lo - 1); upDown[w] && lo >= 2 && t.a.Tokens[lo-1].End < t.a.Tokens[lo].Start &&
		(t.a.Tokens[lo-2].Kind == news.TokenPunct || t.lemma(lo-2) == "be" || q.Kind == "percent" && changedNoun(t, lo)) {
		return news.ScopeIncrement
	}
	if a := t.anchor(lo, hi); changeNouns[t.lemma(t.head(a))] && (t.head(a) > a || t.caseOf(a) == "of") || changeNouns[t.lemma(hi)] {
		return news.ScopeIncrement
	}
	if q.Kind == "percent" || q.Kind == "fraction" || strings.Contains(strings.ToLower(q.Text), " out of ") {
		return news.ScopeShare
	}
	if whole >= 0 {
		return news.ScopePart
	}
	if t.low(hi) == "out" && t.low(hi+1) == "of" && t.wholeAt(hi+2) {
		return news.ScopeShare
	}
	// "15 of which were shot down", "six of whom died": a part of the
	// whole the relative clause hangs on.
	if t.low(hi) == "of" && (t.low(hi+1) == "which" || t.low(hi+1) == "whom") {
		return news.ScopePart
	}
	if t.ofGroup(hi) || t.frontedGroup(lo) {
		return news.ScopePart
	}
	// Words just before the number.
	for k := lo - 1; k >= 0 && k >= lo-3; k-- {
		w := t.low(k)
		switch w {
		case "including", "incl", "includes", "include":
			return news.ScopePart
		case "among":
			if n := max(noun, t.anchor(lo, hi)); t.caseOf(n) != "among" {
				return news.ScopePart // "among them five children"
			} // "were among seven people killed": the whole
		case "which", "whom":
			if t.low(k-1) == "of" {
				return news.ScopePart
			}
		case "another", "further", "additional", "extra":
			if (k == lo-1 || k == lo-2 && (t.upos(lo-1) == news.ADJ || t.upos(lo-1) == news.ADV)) && !otherHarmBefore(t, k, fate) {
				return news.ScopeIncrement // "another 5,000", "another possible 900", not "Another has scorched more than …"
			}
		case "by":
			if isChangeVerb(t.lemma(k - 1)) {
				return news.ScopeIncrement
			}
		}
		if t.a.Tokens[k].Kind == news.TokenPunct && w != "$" && w != "£" && w != "€" {
			break
		}
	}
	if moreWords[t.low(hi)] && t.low(hi) != "others" && t.low(hi+1) != "than" && !casualtyWords[t.low(hi+1)] && !harms[fate] {
		// "2,000 more are on their way", "5,000 extra troops" (not "killed
		// 18 and injured dozens more": others harmed)
		return news.ScopeIncrement
	}
	if noun >= 0 {
		inc := false
		t.children(noun, func(c int) bool {
			switch t.low(c) {
			case "additional", "further", "extra", "another", "more":
				if c < noun && (t.low(c) != "more" || c >= hi) {
					inc = true
				}
			}
			return !inc
		})
		if inc {
			return news.ScopeIncrement
		}
	}
	// Words just after the number or its noun: "per day", "a month".
	end := hi
	if noun >= hi && noun < hi+6 {
		end = noun + 1
	}
	for k := end; k < len(t.a.Tokens) && k < end+3; k++ {
		w := t.low(k)
		switch w {
		case "per", "each", "every", "a", "an":
			if k+1 < len(t.a.Tokens) && (w == "per" || timeUnits[lemma(t.low(k+1))]) {
				if w != "a" && w != "an" || t.low(k+1) != "year" || t.low(k-1) != "" {
					return news.ScopeRate
				}
			}
		case "daily", "weekly", "monthly", "annually", "nightly":
			return news.ScopeRate
		}
		if t.a.Tokens[k].Kind == news.TokenPunct {
			break
		}
	}
	return news.ScopeTotal
}

// containers are nouns that count their "of" phrase.
var containers = map[string]bool{"round": true, "piece": true, "batch": true, "set": true, "lot": true,
	"box": true, "unit": true, "item": true, "shipment": true, "consignment": true, "tonne": true, "ton": true}

// timeUnits are the units of a rate ("a day", "every month").
var timeUnits = map[string]bool{"day": true, "week": true, "month": true, "year": true, "hour": true, "night": true, "minute": true}

// changeNouns name a change: a number they count ("a 30% rise", "an
// increase of 12%") is an increment.
var changeNouns = map[string]bool{"rise": true, "increase": true, "drop": true, "fall": true, "decline": true,
	"jump": true, "growth": true, "surge": true, "hike": true, "reduction": true, "decrease": true, "cut": true,
	"plunge": true, "slump": true, "dip": true, "spike": true, "slide": true}

// isChangeVerb reports whether a lemma says a number changed ("rose by").
func isChangeVerb(l string) bool {
	switch l {
	case "rise", "grow", "increase", "fall", "drop", "decline", "climb", "jump", "swell", "expand", "shrink", "decrease",
		"cut", "reduce", "raise", "boost", "slash", "lower", "double", "treble", "triple", "quadruple", "halve",
		"plunge", "plummet", "soar", "surge", "slump", "tumble", "sink", "dip", "spike", "skyrocket", "slide", "rebound",
		"nosedive", "dive", "pop", "tank", "crater", "sag", "rocket", "balloon", "leap", "inch", "creep", "widen", "narrow":
		return true
	}
	return false
}

// labelOf writes the measure in words from its fields, never its value:
// what is counted, then whose, what happened to it, where and the scope
// when not a total ("troops (North Korea, deployed, in Russia)", "money
// (United States, pledged, to Ukraine)", "people (support, share)").
func labelOf(f *news.Figure, names map[string]string) string {
	var details []string
	if f.Owner != "" {
		details = append(details, placeWord(f.Owner, names))
	}
	if fate := KeyFate(f.Fate, f.What, f.Scope); fate != "" {
		details = append(details, fate) // the measure's, as its key has it
	}
	if f.Place != "" {
		prep := "in "
		if aid(f.What) {
			prep = "to "
		}
		details = append(details, prep+placeWord(f.Place, names))
	}
	switch f.Scope {
	case "", news.ScopeTotal:
	case news.ScopeEvent:
		details = append(details, "one event")
	default:
		details = append(details, f.Scope)
	}
	what := whatWords(measureWhat(*f))
	if len(details) == 0 {
		return what
	}
	return what + " (" + strings.Join(details, ", ") + ")"
}

// whatWords names a class of counted thing for people to read ("troops"
// for personnel, "missiles" for weapons/missiles); a counted noun with no
// class is written as it is, without digits; nothing counted is
// "figures".
func whatWords(what string) string {
	switch what {
	case "personnel":
		return "troops"
	case "personnel/officers":
		return "officers"
	case "units":
		return "military units"
	case "idps":
		return "internally displaced people"
	case "displaced":
		return "displaced people"
	case "states":
		return "countries"
	case "weapons/air-defence":
		return "air defence systems"
	}
	if w, ok := strings.CutPrefix(what, "weapons/"); ok {
		return w
	}
	w := strings.TrimSpace(strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == '|' {
			return -1
		}
		return r
	}, what))
	w = strings.Trim(w, "-/ ")
	if w == "" {
		return "figures"
	}
	return w
}

// placeWord names an entity key: a country's name, else the display name
// the article gives it, else the key.
func placeWord(key string, names map[string]string) string {
	if len(key) == 2 {
		if c, ok := facts.Default().Country(key); ok {
			return c.Name
		}
	}
	if n := names[key]; n != "" {
		return n
	}
	return key
}

// voteWords say that a score of two numbers is a vote ("voting 348-77",
// "a 97-1 vote", "won, 134 to 63").
var voteWords = tokens.Set(`vote votes voted voting ballot ballots won win wins defeated beat
	passed pass passes approved confirmed adopted rejected split tally margin ruling ruled decision verdict`)

// contestWords say the score is of a contest between candidates: both
// numbers are votes received ("won, 134 to 63"); in a motion's score the
// first voted for it and the second against ("passed 234-193").
var contestWords = tokens.Set(`won win wins defeated beat`)

// tallies gives both numbers of a vote's score ("348-77", "134 to 63")
// what they count, votes, when a vote word stands within four words of
// the pair and neither number counts a known thing, and what happened:
// received in a contest, voted for and against on a motion.
func (ix *index) tallies(figs []news.Figure) {
	t := ix.tree
	for i := 0; i+1 < len(figs); i++ {
		f, g := &figs[i], &figs[i+1]
		if between := ix.a.Text[f.End:g.Start]; between != "-" && between != "–" && between != " to " {
			continue
		}
		if f.What != "votes" && (known(f.What) || known(g.What)) {
			continue // ("a vote of 228 to 191": the first says what both count)
		}
		lo, _ := t.span(f.Span)
		_, hi := t.span(g.Span)
		slo, shi := t.sentence(lo)
		vote, contest := false, false
		for k := max(slo, lo-4); k < min(shi, hi+4); k++ {
			vote = vote || voteWords[t.low(k)]
			contest = contest || k < lo && contestWords[t.low(k)]
		}
		if !vote {
			continue
		}
		f.What, g.What = "votes", "votes"
		switch {
		case contest:
			f.Fate, g.Fate = "received", "received"
		case f.Value != nil && g.Value != nil && *f.Value >= *g.Value:
			f.Fate, g.Fate = "voted for", "voted against"
		}
	}
}

// placeBreakdowns makes a count for one place a part of the larger count
// of the same measure in a sentence before it (within twelve) over places
// that include it: a country holding the place, or a sentence naming it
// among others ("23 strikes in Syria and Iraq … In Syria, 15 strikes …
// Near Raqqa, 12 strikes"; "40 people killed across Ukraine … in
// Kharkiv, seven").
func (ix *index) placeBreakdowns(figs []news.Figure) {
	names := ix.names()
	for i := range figs {
		f := &figs[i]
		if f.Scope != news.ScopeTotal || f.Whole != nil || f.Place == "" || f.Value == nil || f.What == "" {
			continue
		}
		if slices.ContainsFunc(figs[:i], func(g news.Figure) bool { return g.Value != nil && *g.Value == *f.Value && g.Place == f.Place }) {
			continue // "the 25" after "Spain 25": the same count again, not a part
		}
		sent := ix.sentenceOf(f.Start)
		for j := i - 1; j >= 0 && sent-ix.sentenceOf(figs[j].Start) <= 12; j-- {
			g := figs[j]
			if g.What != f.What || g.Fate != f.Fate || g.Value == nil || *g.Value <= *f.Value ||
				g.Owner != "" && f.Owner != "" && g.Owner != f.Owner || g.Scope == news.ScopeIncrement || g.Scope == news.ScopeShare {
				continue
			}
			gs := ix.sentenceOf(g.Start)
			if gs == sent {
				continue // "$61bn to Ukraine and $14bn to Israel": side by side, not a breakdown
			}
			if f.Place != g.Place && countryOf(f.Place, names) == g.Place || g.Place != "" && ix.placesNamed(gs, f.Place) > 1 {
				w := j
				f.Whole, f.Scope = &w, news.ScopePart
				if f.Owner == "" {
					f.Owner = g.Owner
				}
				break
			}
		}
	}
}

// membersOf says what "members" at token i count: the states of an
// alliance or bloc ("40 members of the Coalition", "members of Nato"),
// members of a military body personnel ("members of the armed forces",
// "national guard members"), else people ("70 members of the tribe").
func (ix *index) membersOf(i int) string {
	t := ix.tree
	what := "people"
	t.children(i, func(c int) bool {
		if t.rel(c) == "compound" && militaryBodies[strings.ToLower(t.lemma(c))] {
			what = "personnel" // "national guard members"
		}
		if t.rel(c) == "nmod" && t.caseOf(c) == "of" {
			switch l := strings.ToLower(t.lemma(c)); {
			case l == "coalition", l == "alliance", l == "nato", l == "union", l == "eu", l == "bloc", l == "council", l == "un", l == "g7", l == "g20", l == "opec":
				what = "states"
			case militaryBodies[l]:
				what = "personnel" // "members of their armed forces"
			}
			return false
		}
		return true
	})
	return what
}

// adjectivalParticiple says whether the verb at v is an "-ing" word
// between a number and a noun ("two firing platoons", "three fighting
// units"): an adjective of the noun, however the tree made it a clause.
func adjectivalParticiple(t *tree, v int) bool {
	return v > 0 && strings.HasSuffix(t.low(v), "ing") && t.upos(v-1) == news.NUM && t.upos(v+1) == news.NOUN
}

// beWords and copulaAdverbs may stand between a number and the casualty
// word it is the subject of ("4,500 were already dead").
var (
	beWords       = tokens.Set(`is are was were be been have has had`)
	copulaAdverbs = tokens.Set(`already now all reportedly also still confirmed believed`)
)

// captiveWords after "taken" say the counted were captured.
var captiveWords = tokens.Set(`prisoner prisoners captive captives hostage hostages`)

// militaryBodies are forces whose members are military personnel.
var militaryBodies = tokens.Set(`force army military navy guard brigade battalion regiment division corps militia
	battlegroup garrison`)

// placesNamed returns how many distinct places sentence s names when one
// of them is the place key, else 0.
// destination says whether verb names the place key as where what it
// moves goes ("crossed into Poland", "deported thousands to Russia").
func (ix *index) destination(verb int, key string) bool {
	t := ix.tree
	if verb < 0 {
		return false
	}
	found := false
	t.children(verb, func(c int) bool {
		switch t.caseOf(c) {
		case "to", "into", "towards", "toward":
		default:
			return true
		}
		found = t.rel(c) == "obl" && ix.placeKey(c) == key
		t.children(c, func(d int) bool {
			found = found || t.fullRel(d) == "nmod:poss" && ix.placeKey(d) == key // "to Latvia's far north"
			return !found
		})
		return !found
	})
	return found
}

// origin returns the key of the place the sentence of token i names as
// where something comes from ("from Ukraine"), or "".
func (ix *index) origin(i int) string {
	t := ix.tree
	slo, shi := t.sentence(i)
	for k := slo + 1; k < shi; k++ {
		if m := ix.mentionAt(k); m >= 0 && t.low(k-1) == "from" {
			if p := ix.placeKey(k); p != "" {
				return p
			}
		}
	}
	return ""
}

func (ix *index) placesNamed(s int, key string) int {
	if s < 0 {
		return 0
	}
	lo, hi := ix.tree.span(ix.a.Sentences[s].Span)
	places := map[string]bool{}
	for k := lo; k < hi; k++ {
		if m := ix.mentionAt(k); m >= 0 && ix.a.Entities[m].Kind != "demonym" {
			if p := ix.placeKey(k); p != "" {
				places[p] = true
			}
		}
	}
	if !places[key] {
		return 0
	}
	return len(places)
}

// shareListFates gives the later items of a list of counts what the
// first one's fate and owner are when they have none of their own: "the
// death of four Russian generals, 58 colonels and 176 lieutenant
// colonels", however the parser attached the later items. Only nouns,
// adjectives, commas and "and"/"or" may stand between the items.
func (ix *index) shareListFates(figs []news.Figure) {
	t := ix.tree
	for i := 1; i < len(figs); i++ {
		f, g := &figs[i], &figs[i-1]
		if f.Fate != "" || g.Fate == "" || f.What != g.What || f.What == "" || ix.sentenceOf(f.Start) != ix.sentenceOf(g.Start) {
			continue
		}
		_, ghi := t.span(g.Span)
		flo, _ := t.span(f.Span)
		list := flo > ghi
		for k := ghi; k < flo && list; k++ {
			switch t.upos(k) {
			case news.NOUN, news.PROPN, news.ADJ, news.CCONJ:
			case news.PUNCT:
				list = t.low(k) == ","
			default:
				list = false
			}
		}
		if list {
			f.Fate = g.Fate
			if f.Owner == "" {
				f.Owner = g.Owner
			}
		}
	}
}

// strikeOwners gives strikes with no owner the owner of the nearest
// earlier strikes with one, within ten sentences: a strike report's list
// ("Coalition forces conducted 23 strikes … Near Mosul, three strikes
// engaged …") goes on with the same striker.
func (ix *index) strikeOwners(figs []news.Figure) {
	for i := range figs {
		f := &figs[i]
		if f.What != "strikes" || f.Owner != "" {
			continue
		}
		for j := i - 1; j >= 0 && ix.sentenceOf(f.Start)-ix.sentenceOf(figs[j].Start) <= 10; j-- {
			if g := &figs[j]; g.What == "strikes" && g.Owner != "" {
				f.Owner = g.Owner
				break
			}
		}
	}
}

// targetOwners gives a thing struck, damaged or destroyed with no owner
// the owner of the nearest earlier such thing in its sentence or the two
// before ("… engaged two ISIL tactical units. Near Mosul, five strikes
// destroyed three oil well heads"): a strike report's targets are one
// side's.
func (ix *index) targetOwners(figs []news.Figure) {
	hit := func(g *news.Figure) bool {
		return g.What != "strikes" && (g.Fate == "destroyed" || g.Fate == "struck" || g.Fate == "damaged")
	}
	for i := range figs {
		f := &figs[i]
		if !hit(f) || f.Owner != "" {
			continue
		}
		for j := i - 1; j >= 0 && ix.sentenceOf(f.Start)-ix.sentenceOf(figs[j].Start) <= 2; j-- {
			if g := &figs[j]; hit(g) && g.Owner != "" && projectile(g.What) == projectile(f.What) {
				f.Owner = g.Owner // (drones shot down are the attacker's, what they hit is not)
				break
			}
		}
	}
}

// projectile says whether a class of thing is fired at a target.
func projectile(what string) bool { return what == "weapons/drones" || what == "weapons/missiles" }

// respondentWords name the people a poll asked.
var respondentWords = tokens.Set(`respondent respondents polled surveyed interviewed questioned`)

// pollOwners gives a share of the people a poll asked ("24% of
// respondents"), with no owner and no place of its own, the owner of the
// nearest earlier share of people from the same source ("64% of
// Ukrainians", said by the same pollster): one poll asks one population.
func (ix *index) pollOwners(figs []news.Figure) {
	t := ix.tree
	asked := func(f *news.Figure) bool {
		lo, _ := t.span(f.Span)
		slo, shi := t.sentence(lo)
		for k := slo; k < shi; k++ {
			if respondentWords[t.low(k)] {
				return true
			}
		}
		return false
	}
	sameSource := func(f, g *news.Figure) bool {
		return f.Claim >= 0 && g.Claim >= 0 && (f.SpeakerEntity != "" && f.SpeakerEntity == g.SpeakerEntity || strings.EqualFold(f.Speaker, g.Speaker))
	}
	for i := range figs {
		f := &figs[i]
		if f.Scope != news.ScopeShare || f.What != "people" || f.Owner != "" || f.Place != "" || f.Claim < 0 || !asked(f) {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if g := &figs[j]; g.Scope == news.ScopeShare && g.What == "people" && g.Owner != "" && sameSource(f, g) {
				f.Owner = g.Owner
				break
			}
		}
	}
}

// particled says whether the verb at v takes a particle ("carried
// out"): its participle alone would misname what happened.
func particled(t *tree, v int) bool {
	switch t.low(v + 1) {
	case "out", "off", "up", "down", "away", "back", "over":
		return true // (however the tree attached it)
	}
	found := false
	t.children(v, func(c int) bool {
		found = t.fullRel(c) == "compound:prt"
		return !found
	})
	return found
}

// scareQuoted says whether the text at sp stands alone in quotation
// marks.
func scareQuoted(text string, sp news.Span) bool {
	before, after := text[:sp.Start], text[sp.End:]
	return (strings.HasSuffix(before, "“") || strings.HasSuffix(before, "\"")) && (strings.HasPrefix(after, "”") || strings.HasPrefix(after, "\""))
}

// hangsOn says whether the noun at token noun hangs on the number's
// words (lo to hi), directly or through the conjunct or apposition the
// tree made of a modifier ("1,500 “peacekeeper” troops").
func hangsOn(t *tree, noun, lo, hi int) bool {
	for h, k := t.head(noun), 0; h >= 0 && k < 3; h, k = t.head(h), k+1 {
		if h >= lo && h < hi {
			return true
		}
		if r := t.rel(noun); k == 0 && r != "conj" && r != "appos" {
			return false
		}
	}
	return false
}

// fromTo gives the first number of a change "from 60 to 71 percent"
// (bare, with nothing counted) the second's unit and measure: both are
// levels of one thing.
func (ix *index) fromTo(figs []news.Figure) {
	text := ix.a.Text
	for i := 0; i+1 < len(figs); i++ {
		f, g := &figs[i], &figs[i+1]
		if f.Unit != "" || f.Counts != "" || g.Unit == "" || text[f.End:g.Start] != " to " || !strings.EqualFold(text[max(0, f.Start-5):f.Start], "from ") {
			continue
		}
		if f.What != "" && f.What != "percent" {
			continue
		}
		f.Unit, f.What, f.Owner, f.Fate, f.Place, f.Scope = g.Unit, g.What, g.Owner, g.Fate, g.Place, g.Scope
	}
}

// participleAt returns the past participle of the verb at token v: the
// word as written when it is a regular past form ("raked", not the
// participle of a lemma the lemmatiser cut to "rak"), else the
// participle of its lemma ("sold", "taken").
func participleAt(t *tree, v int) string {
	if w := t.low(v); strings.HasSuffix(w, "ed") && len(w) > 4 && t.lemma(v) != w {
		return w
	}
	return syntax.Participle(t.lemma(v))
}

// openFates gives a figure still without a fate the participle of the
// content verb its counted thing is the subject or object of ("150
// drones were sold" → sold): what became of it, said in a word no fate
// class names. It runs after link, so that a fate a neighbour or the
// number's own verb gives comes first; KeyFate keeps such a word out of
// the measure's key.
func (ix *index) openFates(figs []news.Figure) {
	for i := range figs {
		if v, ok := ix.openVerb[figs[i].Quantity]; ok && figs[i].Fate == "" {
			if p := participleAt(ix.tree, v); !IsFate(p) {
				// A fate class's word that the class readings passed
				// over ("29 countries expelled 145 diplomats": the
				// countries) is not this thing's.
				figs[i].Fate = p
			}
		}
	}
}

// link sets Whole on the parts and increments of figs: the figure of the
// number a part names ("300 of the 4,000"), else for a part the nearest
// earlier figure of its sentence with the same class of thing or unit
// ("500 civilians, including 40 children"), and for an increment the
// later figure of its sentence that states the total ("a further £500m,
// taking the total to £3bn").
func (ix *index) link(figs []news.Figure) {
	t := ix.tree
	kind := func(f *news.Figure) string { return ix.a.Quantities[f.Quantity].Kind }
	ix.shareListFates(figs)
	ix.tallies(figs)
	for i := range figs {
		f := &figs[i]
		sent := ix.sentenceOf(f.Start)
		rep := -1 // the earlier figure a definite bare number repeats
		if ix.bare[f.Quantity] && (f.What == "" || !known(f.What) || f.What == "people") {
			rep = ix.repeated(figs, i)
		}
		switch {
		case i > 0 && kind(f) == "money" && kind(&figs[i-1]) == "money" && strings.TrimSpace(ix.a.Text[figs[i-1].End:f.Start]) == "(":
			// "$61bn (£49bn)": a conversion is the amount it converts.
			g := figs[i-1]
			f.What, f.Owner, f.Fate, f.Place, f.Scope = g.What, g.Owner, g.Fate, g.Place, g.Scope
			continue
		case ix.bare[f.Quantity] && (f.What == "" || f.What == "percent") && i+1 < len(figs) && strings.TrimSpace(ix.a.Text[f.End:figs[i+1].Start]) == "to":
			// "grew from 60 to 71 percent": the first number is what the
			// second is.
			g := figs[i+1]
			f.Unit, f.What, f.Owner, f.Fate, f.Place, f.Scope = g.Unit, g.What, g.Owner, g.Fate, g.Place, g.Scope
			if f.What == "" && (kind(&g) == "percent" || kind(&g) == "fraction") {
				f.What = "people"
			}
			continue
		case rep >= 0:
			// "Spain 25, … Spain said the 25 were a threat": a definite
			// number repeats the earlier figure of that number.
			g := figs[rep]
			f.What, f.Owner, f.Fate, f.Place, f.Scope, f.Unit = g.What, g.Owner, g.Fate, g.Place, g.Scope, g.Unit
		case ix.bare[f.Quantity] && (f.What == "" || !known(f.What)):
			// A number with nothing counted ("the total rose to 131",
			// "more than 340 injured") continues the measure of the
			// figure before it, in its sentence or the two before; past
			// a paragraph break only a measure of a known class.
			for j := i - 1; j >= 0; j-- {
				g := figs[j]
				if sent-ix.sentenceOf(g.Start) > 2 {
					break
				}
				if g.What == "" || !known(g.What) && strings.Contains(ix.a.Text[g.End:f.Start], "\n") || (kind(&g) == "percent") != (kind(f) == "percent") || (kind(&g) == "money") != (kind(f) == "money") {
					continue
				}
				if fractional(f, kind(f)) && discrete(g.What) {
					continue // "49.4" is no count of the people counted before
				}
				if ix.peopleDo(f) && !peopleClasses[g.What] {
					break // "Tens of thousands have left the country": people, whatever was counted before
				}
				f.What = g.What
				if f.What == "votes" && f.Fate == "support" {
					f.Fate = "received" // a candidate's share of the votes counted before
				}
				own := false // the number's own verb says what happened to it
				if v, ok := ix.bareVerb[f.Quantity]; ok && f.Fate != "" {
					// "Of those, 6 were released": the verb's fate read
					// again for what the number turned out to count; a
					// share's or people's own verb says it when no fate
					// does ("39% approve").
					for _, w := range []string{t.low(v), t.lemma(v)} {
						if fateOf(w, "") == f.Fate {
							f.Fate, own = fateOf(w, f.What), true
							if f.Fate == "" && (f.What == "people" || kind(f) == "percent") && t.isVerb(v) && !lightVerbs[t.lemma(v)] {
								f.Fate = t.lemma(v)
							}
							break
						}
					}
				}
				if f.Owner == "" || g.Owner != "" && f.Place == "" && !ix.ownOwner[f.Quantity] {
					// A bare number has no noun of its own to say whose:
					// the subject of its verb ("Ukraine's air defences
					// downed 16 of the 36") is an agent, not the owner;
					// a place of its own ("millions more in Yemen") is
					// another thing.
					f.Owner = g.Owner
					f.Place = g.Place
				}
				if v, ok := ix.bareVerb[f.Quantity]; ok && f.Fate == "" && kind(f) != "percent" && kind(f) != "fraction" && t.isVerb(v) && !lightVerbs[t.lemma(v)] &&
					fateOf(t.lemma(v), f.What) == "" && t.verbOf(g.Span) != v && t.objectOf(f.Span) == v {
					own = true // "destroyed 100 structures and threatens thousands more": its own verb, no fate
				}
				if f.Fate == "" && !own {
					f.Fate = g.Fate
				}
				break
			}
		}
		if st := ix.gapState(f); st != "" && i > 0 && ix.sentenceOf(figs[i-1].Start) == sent {
			// "Poland has expelled 45 Russian diplomats, Germany 40,
			// France 35": each state's number counts what the list's
			// first counts, done by that state.
			h := i - 1
			for h > 0 && ix.sentenceOf(figs[h-1].Start) == sent && ix.gapState(&figs[h]) != "" {
				h--
			}
			g := figs[h]
			f.What, f.Fate, f.Scope, f.Unit = g.What, g.Fate, g.Scope, g.Unit
			if f.Fate == "expelled" {
				f.Owner, f.Place = g.Owner, st // the expelled are the expelling state's count (see measureOf)
			} else {
				f.Owner, f.Place = st, g.Place
			}
		}
		if f.What == "" && ix.peopleDo(f) {
			f.What = "people"
		}
		if g := ix.partBefore(figs, i); g != nil && ix.bare[f.Quantity] && f.Scope == news.ScopeTotal && f.What == g.What {
			// "The 4,000 troops include 2,500 from one brigade and 1,500
			// from another": a number coordinated with a part is a part
			// of the same whole.
			w := *g.Whole
			f.Scope, f.Whole = news.ScopePart, &w
		}
		// "a profit of $161bn, up 46%", "a budget of ¥6.8tn – an increase
		// of 26 per cent": a change right after an amount is a change of
		// that amount.
		if kind(f) == "percent" && (f.What == "" || f.What == "people") && i > 0 {
			if g := figs[i-1]; kind(&g) == "money" && ix.sentenceOf(g.Start) == sent && changeWords(ix.a.Text[g.End:f.Start]) {
				f.What, f.Scope = "money", "increment"
				if f.Owner == "" {
					f.Owner = g.Owner
				}
			}
		}
		refine(f, kind(f), ix.a.Sentences[max(sent, 0)].In(ix.a.Text))
		// An aid package's items belong to whoever gives the package: the
		// owner of the figure before, within two sentences.
		if f.Owner == "" && aid(f.What) && i > 0 && !ix.noDonor[f.Quantity] {
			g := figs[i-1]
			if aid(g.What) && g.Owner != "" && ix.sentenceOf(f.Start)-ix.sentenceOf(g.Start) <= 2 {
				f.Owner = g.Owner
			}
		}
		// "… voted through $61bn to Ukraine and $14bn to Israel", "£12bn,
		// of which £7.1bn …": an amount beside another in its sentence
		// shares its verb's fate.
		if f.Fate == "" && aid(f.What) && i > 0 {
			if g := figs[i-1]; aid(g.What) && g.Fate != "" && (ix.sentenceOf(g.Start) == sent || g.Fate != "destroyed" && ix.listGoesOn(f, g, sent)) {
				f.Fate = g.Fate
			}
		}
		if tok, ok := ix.wholes[f.Quantity]; ok {
			pos := t.a.Tokens[tok].Start
			for j := range figs {
				if j != i && figs[j].Start <= pos && pos < figs[j].End {
					w := j
					f.Whole = &w
				}
			}
			if f.Whole != nil {
				if f.Fate == "" && f.Scope == news.ScopePart {
					f.Fate = figs[*f.Whole].Fate // "three were among seven people killed"
				}
				continue
			}
		}
		if _, hi := t.span(f.Span); f.Scope == news.ScopeIncrement && moreWords[t.low(hi)] && i > 0 {
			// "Dozens were killed and thousands more forced to flee":
			// more people beside those of another fate, not more of them.
			if g := figs[i-1]; ix.sentenceOf(g.Start) == sent && g.Fate != "" && f.Fate != "" && g.Fate != f.Fate {
				f.Scope = news.ScopeTotal
			}
		}
		same := func(j int) bool {
			g := figs[j]
			return ix.sentenceOf(g.Start) == sent && (g.What == f.What || g.Unit == f.Unit && g.Unit != "" ||
				peopleClasses[g.What] && peopleClasses[f.What] || aid(g.What) && aid(f.What) && (g.What == "money") == (f.What == "money"))
		}
		switch f.Scope {
		case news.ScopePart:
			flo, fhi := t.span(f.Span)
			for j := i - 1; j >= 0; j-- {
				// "28 journalists were killed, including seven
				// foreigners": right before "including", the whole,
				// whatever it counts.
				including := j == i-1 && ix.sentenceOf(figs[j].Start) == sent && len(strings.Fields(ix.a.Text[figs[j].End:f.Start])) <= 6 &&
					strings.Contains(ix.a.Text[figs[j].End:f.Start], "including") && kind(&figs[j]) == kind(f)
				if (same(j) || including) && figs[j].Scope != news.ScopePart {
					w := j
					f.Whole = &w
					if g := figs[j]; aid(f.What) && aid(g.What) && g.Owner != "" && !ix.ownOwner[f.Quantity] {
						f.Owner = g.Owner // "$156m …, including $91m in military assistance": the donor's package, the donor's part
					}
					break
				}
			}
			if f.Whole == nil && i > 0 && t.frontedGroup(flo) && sent-ix.sentenceOf(figs[i-1].Start) == 1 && figs[i-1].Scope != news.ScopePart {
				w := i - 1 // "20 hostages were detained. Of those, 6 …"
				f.Whole = &w
			}
			// "equipment including 400 vehicles": a part of no stated
			// figure counts its own total; "70 of them" stays a part of
			// the group named before.
			if f.Whole == nil && !t.ofGroup(fhi) && !t.frontedGroup(flo) {
				f.Scope = news.ScopeTotal
			}
		case news.ScopeIncrement:
			for j := i + 1; j < len(figs); j++ {
				if !same(j) {
					continue
				}
				lo, _ := t.span(figs[j].Span)
				for k := lo - 1; k >= 0 && k >= lo-4; k-- {
					if t.low(k) == "total" {
						w := j
						f.Whole = &w
						break
					}
				}
				if f.Whole != nil {
					break
				}
			}
		}
	}
	ix.pollOwners(figs)
	ix.strikeOwners(figs)
	ix.targetOwners(figs)
	// After every scope and whole above: a breakdown by place needs them.
	ix.placeBreakdowns(figs)
}

// repeated returns the index of the latest figure before figs[i] that
// states its number, when figs[i] is a definite bare number ("the 25")
// of something counted, within ten sentences; else -1.
func (ix *index) repeated(figs []news.Figure, i int) int {
	t := ix.tree
	f := &figs[i]
	lo, _ := t.span(f.Span)
	if t.low(lo-1) != "the" || f.Value == nil {
		return -1
	}
	sent := ix.sentenceOf(f.Start)
	for j := i - 1; j >= 0; j-- {
		g := &figs[j]
		if sent-ix.sentenceOf(g.Start) > 10 {
			break
		}
		if g.Value != nil && *g.Value == *f.Value && g.What != "" {
			return j
		}
	}
	return -1
}

// gapState returns the state named right before figure f's number
// after a comma or "and", the verb and noun left out: "Poland has
// expelled 45 diplomats, Germany 40, France 35"; else "".
func (ix *index) gapState(f *news.Figure) string {
	t := ix.tree
	lo, hi := t.span(f.Span)
	if lo < 2 || hi-lo != 1 || t.upos(lo) != news.NUM && ix.a.Tokens[lo].Kind != news.TokenNumber {
		return ""
	}
	m := ix.mentionAt(lo - 1)
	if m < 0 {
		return ""
	}
	e := ix.a.Entities[m]
	if e.Type != "GPE" || e.Kind == "demonym" || e.End != ix.a.Tokens[lo-1].End {
		return ""
	}
	first, _ := t.span(e.Span)
	if t.low(first-1) == "the" {
		first-- // "the Netherlands 17"
	}
	if w := t.low(first - 1); w != "," && w != "and" {
		return ""
	}
	if k := hi; k < len(ix.a.Tokens) && ix.a.Tokens[k].Kind == news.TokenWord && t.low(k) != "and" {
		return "" // a noun follows: "Germany 40 tanks" counts its own thing
	}
	key := actorKey(e.Entity)
	if _, ok := facts.Default().Country(key); !ok {
		return ""
	}
	return key
}

// candidate returns the person a share of a poll or a vote stands for
// ("Florida Sen. Marco Rubio with 18 percent", "Christie at 5 percent",
// "Gingrich garnered 11 percent"), as an entity key, or "".
func (ix *index) candidate(lo, verb int) string {
	t := ix.tree
	person := func(i int) string {
		if m := ix.mentionAt(i); m >= 0 && ix.a.Entities[m].Type == "PER" {
			return actorKey(ix.a.Entities[m].Entity)
		}
		key := "" // a title heading the name ("House Speaker Newt Gingrich")
		t.children(i, func(c int) bool {
			if r := t.rel(c); r == "flat" || r == "appos" {
				if m := ix.mentionAt(c); m >= 0 && ix.a.Entities[m].Type == "PER" {
					key = actorKey(ix.a.Entities[m].Entity)
				}
			}
			return key == ""
		})
		return key
	}
	if w := t.low(lo - 1); (w == "with" || w == "at") && lo >= 2 {
		return person(lo - 2)
	}
	if verb >= 0 && shareVerbs[t.lemma(verb)] {
		if s := t.child(verb, "nsubj"); s >= 0 {
			return person(s)
		}
	}
	return ""
}

// shareVerbs say that a candidate won a share of a poll or a vote.
var shareVerbs = tokens.Set(`garner earn get receive win poll draw take capture lead obtain rack secure`)

// peopleDo says whether a bare figure is the subject of a verb only
// people do ("Tens of thousands have left the country", "hundreds
// marched"): it counts people.
func (ix *index) peopleDo(f *news.Figure) bool {
	t := ix.tree
	v, ok := ix.bareVerb[f.Quantity]
	if k := ix.a.Quantities[f.Quantity].Kind; !ok || !peopleVerbs[t.lemma(v)] || k == "money" || k == "percent" || k == "fraction" || k == "measure" {
		return false
	}
	lo, hi := t.span(f.Span)
	s := t.child(v, "nsubj")
	switch t.low(hi) {
	case "others", "more", "of":
		return false // "17 others voted": more of what was counted before
	}
	return s >= lo && s < hi && !t.frontedGroup(lo) && t.low(lo-1) != "another"
}

// peopleVerbs are done by people only.
var peopleVerbs = tokens.Set(`leave flee die protest march gather rally demonstrate emigrate escape attend`)

// listGoesOn says whether figure f, with no verb of its own that says
// what happened to it, goes on with the list of aid figure g of the
// sentence before ("the UK is sending 1,600 missiles. There will also be
// more than 400 vehicles"): same or no owner, one sentence apart.
func (ix *index) listGoesOn(f *news.Figure, g news.Figure, sent int) bool {
	if sent-ix.sentenceOf(g.Start) != 1 || f.Owner != "" && f.Owner != g.Owner {
		return false
	}
	t := ix.tree
	lo, _ := t.span(f.Span)
	slo, _ := t.sentence(lo)
	for k := slo; k < lo; k++ {
		if t.isVerb(k) {
			return false // the figure's own clause has a verb
		}
	}
	return true
}

// known reports whether what is one of the classes of whatClasses.
func known(what string) bool { return classes[what] }

// names maps the entity keys of the article's mentions to their display
// names, for labels.
func (ix *index) names() map[string]string {
	if ix.nameOf != nil {
		return ix.nameOf
	}
	out := map[string]string{}
	ix.nameOf = out
	for _, m := range ix.a.Entities {
		if m.Entity == "" {
			continue
		}
		k := actorKey(m.Entity)
		if _, ok := out[k]; !ok {
			n := m.Canonical
			if n == "" {
				n = m.Text
			}
			out[k] = n
		}
	}
	return out
}

// aid reports whether a class of thing is what a state gives as aid:
// money and weapons.
func aid(what string) bool { return what == "money" || strings.HasPrefix(what, "weapons") }

// harms are the fates whose verb's subject is the agent of the harm, not
// the owner of what was harmed.
var harms = map[string]bool{"killed": true, "wounded": true, "killed or wounded": true, "captured": true,
	"struck": true, "destroyed": true, "damaged": true, "occupied": true, "arrested": true, "convicted": true,
	"displaced": true, "trapped": true, "deported": true, "expelled": true, "hospitalised": true, "threatened": true}

// tollFates are the harms an attack's toll counts (not the displaced or
// the arrested, whom a campaign counts).
var tollFates = map[string]bool{"killed": true, "wounded": true, "killed or wounded": true, "captured": true,
	"struck": true, "destroyed": true, "damaged": true, "hospitalised": true}

// levelNouns name a level or a change of a count stated before ("an
// increase from last year's 127", "a low of 55", "a record 40"): the
// number continues that count, they are not what is counted.
var levelNouns = tokens.Set(`increase decrease rise fall drop decline jump low high peak record level surge
	growth reduction`)

// phraseNouns make a preposition with "in" ("in response to", "in
// support of", "in exchange for"): no place is in them.
var phraseNouns = tokens.Set(`response reply retaliation support solidarity exchange addition return
	protest memory honour honor favour favor light view spite place charge terms defence defense breach violation`)

// possessVerbs say that their subject has what they count ("Russia has
// 70,000 losses", "the army suffered 300 casualties").
var possessVerbs = tokens.Set(`have suffer sustain incur`)

// fireWords name a fire being fought.
var fireWords = tokens.Set(`fire fires blaze blazes wildfire wildfires flames inferno`)

// fireSentence says whether the sentence of token lo speaks of a fire
// and of no army: its personnel are firefighters.
func fireSentence(t *tree, lo int) bool {
	slo, shi := t.sentence(lo)
	fire := false
	for k := slo; k < shi; k++ {
		switch w := t.low(k); {
		case fireWords[w]:
			fire = true
		case w == "military" || w == "army" || w == "troops" || w == "soldiers":
			return false
		}
	}
	return fire
}

// receiveVerbs take aid in: their subject is its recipient, not its
// donor.
var receiveVerbs = tokens.Set(`expect receive obtain await`)

// holdVerbs say that someone holds what is counted ("the 15 countries
// that own 2,000 Leopards"): their subject is its owner, not a donor.
var holdVerbs = tokens.Set(`own possess operate field`)

// ofPhrase says whether noun i has an "of" phrase.
func ofPhrase(t *tree, i int) bool {
	found := false
	t.children(i, func(c int) bool {
		found = t.rel(c) == "nmod" && t.caseOf(c) == "of"
		return !found
	})
	return found
}

// phrasal says whether noun i is the noun of such a preposition.
func phrasal(t *tree, i int) bool {
	return t.caseOf(i) == "in" && t.low(i-1) == "in" && phraseNouns[t.lemma(i)]
}

// urgeVerbs ask someone to act ("called on Nato countries to meet",
// "urged Norway to send"): the one asked is the infinitive's subject,
// however the tree hung the infinitive.
var urgeVerbs = tokens.Set(`call urge ask press encourage push tell invite persuade convince order force allow require pressure pressurise pressurize implore`)

// goalNouns name a level aimed at: a share or amount before them sizes
// the goal, not a thing counted.
var goalNouns = tokens.Set(`target goal threshold benchmark ceiling cap limit`)

// bodyKinds make "bodies" institutions, not the dead: "legislative
// bodies", "governing bodies", "UN bodies".
var bodyKinds = tokens.Set(`legislative governing regulatory advisory elected public international government governmental
	oversight standards sporting student professional local state federal national executive judicial deliberative
	intergovernmental multilateral subsidiary`)

// institution says whether token i is "body" or "bodies" as an
// institution: a kind word, a name or a size in members ("the 15-member
// body") right before it.
func (ix *index) institution(i int) bool {
	t := ix.tree
	if t.lemma(i) != "body" || i == 0 {
		return false
	}
	return bodyKinds[t.low(i-1)] || t.upos(i-1) == news.PROPN || strings.HasSuffix(t.low(i-1), "-member") || t.low(i-1) == "member"
}

// nounFates are counted nouns that say what happened to the people they
// count ("two prisoners of war", "1 million deaths").
// budgetFates are the verbs of the money a noun sizes (a budget is
// allocated, spending spent), read as fates by fateOf.
var budgetFates = map[string]string{"budget": "allocated", "allocation": "allocated", "appropriation": "allocated",
	"spending": "spent", "expenditure": "spent", "outlay": "spent", "capex": "spent"}

var nounFates = map[string]string{"prisoner": "captured", "pow": "captured", "captive": "captured",
	"hostage": "captured", "death": "killed", "dead": "killed", "body": "killed", "fatality": "killed",
	"casualty": "killed or wounded", "refugee": "fled", "evacuee": "evacuated", "injured": "wounded",
	"wounded": "wounded", "deserter": "deserted"}

// notYet reports whether a verb states something still to happen: it
// has a modal ("will supply") or is an infinitive ("a proposal to
// provide").
func (ix *index) notYet(verb int) bool {
	t := ix.tree
	yet := false
	t.children(verb, func(c int) bool {
		if w := t.low(c); modalWords[w] || w == "shall" || w == "to" || w == "'ll" {
			if r := t.rel(c); r == "aux" || r == "mark" {
				yet = true
			}
		}
		return !yet
	})
	return yet
}

// recipientNamed returns the state that names an aid noun the amount
// sizes or hangs on ("the $61bn Ukraine aid package", "the Ukraine aid
// package – the $60bn approved by …"): the state it goes to, or "".
func (ix *index) recipientNamed(lo, anc, noun, sized int) string {
	t := ix.tree
	found := ""
	var look func(n, depth int)
	look = func(n, depth int) {
		if n < 0 || depth > 2 || found != "" {
			return
		}
		t.children(n, func(c int) bool {
			if t.rel(c) != "compound" || c > n {
				return true
			}
			if m := ix.mentionAt(c); m >= 0 && ix.a.Entities[m].Type == "GPE" && ix.a.Entities[m].Kind != "demonym" {
				found = actorKey(ix.a.Entities[m].Entity)
				return false
			}
			if aidWords[t.low(c)] {
				look(c, depth+1) // "Ukraine aid package": through "aid"
			}
			return found == ""
		})
	}
	set := -1 // the noun a dash or comma sets the amount after: "the aid package – the $60bn …"
	for k := lo - 1; k >= 1 && k >= lo-3; k-- {
		if w := t.low(k); w == "–" || w == "—" || w == "-" || w == "," {
			set = k - 1
			break
		}
	}
	for _, n := range []int{noun, sized, t.head(anc), set} {
		if n >= 0 && aidWords[t.low(n)] {
			look(n, 0)
		}
	}
	return found
}

// payer returns the state that an agent phrase on the amount or its noun
// names as the one who approves, pays or gives it ("$60bn approved by
// the US Congress", "weapons paid for by Germany"), or "".
func (ix *index) payer(anc, noun, sized int) string {
	t := ix.tree
	found := ""
	for _, n := range []int{anc, noun, sized} {
		if n < 0 || found != "" {
			continue
		}
		t.children(n, func(c int) bool {
			if t.rel(c) != "acl" || c < n || !t.isVerb(c) {
				return true
			}
			switch t.lemma(c) {
			case "approve", "pay", "give", "provide", "fund", "finance", "pledge", "donate", "send", "supply":
			default:
				return true
			}
			t.children(c, func(b int) bool {
				if t.rel(b) == "obl" && t.hasCase(b, "by") {
					if m := ix.mentionAt(b); m >= 0 && (ix.a.Entities[m].Type == "GPE" || ix.a.Entities[m].Type == "ORG") && ix.a.Entities[m].Kind != "demonym" {
						found = ix.stateOf(actorKey(ix.a.Entities[m].Entity))
					} else {
						t.children(b, func(d int) bool {
							if r := t.rel(d); r == "amod" || r == "compound" {
								found = ix.demonymAt(d) // "by the Norwegian parliament"
							}
							return found == ""
						})
					}
				}
				return found == ""
			})
			return found == ""
		})
	}
	return found
}

// aidWords say a sentence is about aid or military supplies.
var aidWords = tokens.Set(`aid assistance package packages support military humanitarian weapons arms defence defense
	donor donors donation donations grant grants loan loans tranche equipment ammunition missiles`)

// isPerson reports whether an actor key names a person of the article.
func (ix *index) isPerson(key string) bool {
	if key == "" {
		return false
	}
	for _, e := range ix.a.Entities {
		if e.Type == "PER" && actorKey(e.Entity) == key {
			return true
		}
	}
	return false
}

// aidSentence reports whether the sentence of token i speaks of aid.
func (ix *index) aidSentence(i int) bool {
	t := ix.tree
	slo, shi := t.sentence(i)
	for k := slo; k < shi; k++ {
		if aidWords[t.low(k)] {
			return true
		}
	}
	return false
}

// donorBefore returns the actor a package of aid comes from when the
// tree does not say: the nearest state, organisation or office holder
// named before token i in its sentence that is not where the aid goes
// ("the US Congress voted through … $61bn to Ukraine"), as an entity
// key; "" when none.
func (ix *index) donorBefore(i int) (donor string, joint bool) {
	t := ix.tree
	slo, _ := t.sentence(i)
	for k := i - 1; k >= slo; k-- {
		m := ix.mentionAt(k)
		if m < 0 {
			continue
		}
		e := ix.a.Entities[m]
		// Step to the mention's first token.
		for k > slo && ix.mentionAt(k-1) == m {
			k--
		}
		if e.Type == "LOC" && e.Kind != "demonym" {
			continue
		}
		switch t.low(k - 1) {
		case "to", "for", "into", "in", "against", "on", "at", "with":
			continue // the recipient or a place
		}
		end := k
		for end+1 < i && ix.mentionAt(end+1) == m {
			end++
		}
		if t.low(end+1) == "with" || t.fullRel(end) == "iobj" {
			continue // the recipient: "supplying Latvia with 300,000 rounds", "gave Kyiv $5bn"
		}
		if e.Type == "PER" && !ix.aidSentence(i) {
			return actorKey(e.Entity), false // a person's own money ("demands for $5.7 billion")
		}
		if s := ix.stateOf(actorKey(e.Entity)); len(s) == 2 {
			if ix.coordinated(m) {
				return "", true // "Germany, Belgium and Norway are allocating $1.5bn": a joint gift, no one donor
			}
			return s, false
		}
	}
	return "", false
}

// stateOrgans name the organs of a state as the news does ("Congress
// voted …", "the Pentagon announced …") when the name itself does not
// carry the state's name.
var stateOrgans = map[string]string{"congress": "us", "us-congress": "us", "pentagon": "us", "white-house": "us",
	"house-of-representatives": "us", "senate": "us", "state-department": "us", "kremlin": "ru",
	"downing-street": "gb", "whitehall": "gb", "bundestag": "de", "verkhovna-rada": "ua"}

// stateOf returns the state an actor key acts for, as its ISO code, when
// the actor is an organ or an office holder of one ("us-congress",
// "biden" → "us"), a state itself, or a name that begins with a state's
// name or demonym ("US House of Representatives"); else the key itself.
func (ix *index) stateOf(key string) string {
	if key == "" || len(key) == 2 {
		return key
	}
	if c := stateOrgans[key]; c != "" {
		return c
	}
	if p, ok := facts.Default().Person(key); ok && p.Country != "" {
		return strings.ToLower(p.Country)
	}
	name := ix.names()[key]
	if name == "" {
		return key
	}
	for _, r := range facts.Default().Lookup(name) {
		if r.Country != "" && (r.Type == facts.TypeGPE || r.Type == facts.TypePER) {
			return strings.ToLower(r.Country)
		}
	}
	if c := stateOrgans[facts.Key(name)]; c != "" {
		return c
	}
	// "US House of Representatives", "Ukrainian defence ministry".
	fs := strings.Fields(strings.TrimPrefix(name, "the "))
	for n := min(2, len(fs)-1); n >= 1; n-- {
		for _, r := range facts.Default().Lookup(strings.Join(fs[:n], " ")) {
			if r.Type == facts.TypeGPE && r.Country != "" && (r.Kind == facts.KindCountry || r.Kind == facts.KindDemonym) {
				return strings.ToLower(r.Country)
			}
		}
	}
	return key
}

// capitalOf returns the ISO code of the state whose capital the place
// key names ("kyiv" → "ua"), or "".
func (ix *index) capitalOf(place string) string {
	name := ix.names()[place]
	if name == "" {
		return ""
	}
	for _, r := range facts.Default().Lookup(name) {
		if r.Kind == facts.KindCapital && r.Country != "" {
			return strings.ToLower(r.Country)
		}
	}
	return ""
}

// placeAfter reads the place a clause names after token i when the tree
// attached it elsewhere: a place preposition followed within a few words
// by a place ("… standing for bread in the northern Ukrainian city of
// Chernihiv"), up to the end of the clause. It returns the place's key
// and the state a demonym in the phrase names ("ua"), or "".
func (ix *index) placeAfter(i int) (place, state string) {
	t := ix.tree
	_, shi := t.sentence(max(i-1, 0))
	for k := i; k < shi && k < i+12; k++ {
		tok := t.a.Tokens[k]
		if tok.Kind == news.TokenPunct && t.low(k) != "-" {
			return "", ""
		}
		if !placePreps[t.low(k)] || t.low(k) == "for" || t.low(k) == "from" {
			continue
		}
		st := ""
		for j := k + 1; j < shi && j <= k+7; j++ {
			if t.a.Tokens[j].Kind == news.TokenPunct {
				break
			}
			if m := ix.mentionAt(j); m >= 0 {
				e := ix.a.Entities[m]
				if e.Kind == "demonym" {
					st = actorKey(e.Entity)
					continue
				}
				if e.Type == "GPE" || e.Type == "LOC" {
					return actorKey(e.Entity), st
				}
				break
			}
		}
	}
	return "", ""
}

// wholeAt says whether the tokens from k state the whole a share is out
// of: a number ("7 out of 10"), perhaps after "every", "each" or "the"
// ("nine out of every ten"). "took $700 billion out of Medicare" has none.
func (t *tree) wholeAt(k int) bool {
	if w := t.low(k); w == "every" || w == "each" || w == "the" {
		k++
	}
	return k < len(t.a.Tokens) && (t.a.Tokens[k].Kind == news.TokenNumber || numberWords[t.low(k)])
}
