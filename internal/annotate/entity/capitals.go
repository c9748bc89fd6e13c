package entity

import "strings"

// politicalVerbs are verbs whose subject, when a capital, is the state:
// "Kyiv said", "Moscow has denied", "Beijing warned".
var politicalVerbs = wordSet(`say said says deny denied denies warn warned warns accuse accused accuses
		claim claimed claims announce announced announces reject rejected rejects insist insisted insists
		respond responded responds demand demanded demands urge urged urges threaten threatened threatens
		call called calls agree agreed agrees refuse refused refuses condemn condemned condemns
		confirm confirmed confirms blame blamed blames vow vowed vows pledge pledged pledges
		sanction sanctioned sanctions expel expelled expels summon summoned summons protest protested protests
		argue argued argues maintain maintained maintains believe believed believes want wanted wants
		hope hoped hopes expect expected expects consider considered considers recognise recognised recognises
		recognize recognized recognizes annex annexed annexes invade invaded invades launch launched launches
		sign signed signs supply supplied supplies send sent sends deliver delivered delivers approve approved approves
		decide decided decides declare declared declares order ordered orders impose imposed imposes
		retaliate retaliated retaliates negotiate negotiated negotiates offer offered offers propose proposed proposes
		seek sought seeks welcome welcomed welcomes praise praised praises criticise criticised criticises
		criticize criticized criticizes dismiss dismissed dismisses denounce denounced denounces
		acknowledge acknowledged acknowledges admit admitted admits promise promised promises
		insist plan planned plans intend intended intends appear appeared appears seem seemed seems
		need needed needs`)

func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// auxiliaries may stand between a subject and its verb: "Moscow has
// repeatedly denied".
var auxiliaries = map[string]bool{
	"has": true, "have": true, "had": true, "will": true, "would": true, "could": true, "can": true,
	"may": true, "might": true, "must": true, "should": true, "also": true, "again": true, "now": true,
	"already": true, "then": true, "reportedly": true, "previously": true, "repeatedly": true,
	"still": true, "later": true, "formally": true, "officially": true, "publicly": true, "not": true,
	"never": true, "quickly": true, "swiftly": true, "firmly": true, "strongly": true, "is": true, "was": true,
	"does": true, "did": true, "yet": true, "long": true, "since": true,
}

// actorPrepositions put a capital in a state's place: "talks with
// Moscow", "relations between Kyiv and Washington", "sanctions against
// Moscow", "a deal with Brussels".
var actorPrepositions = map[string]bool{"with": true, "between": true, "against": true}

// cityNouns after a possessive capital keep it a city: "Kyiv's
// mayor", "Moscow's suburbs".
var cityNouns = map[string]bool{
	"mayor": true, "residents": true, "streets": true, "suburbs": true, "outskirts": true, "centre": true,
	"center": true, "metro": true, "skyline": true, "districts": true, "district": true, "region": true,
	"oblast": true, "airport": true, "airports": true, "citizens": true, "city": true, "inhabitants": true,
	"buildings": true, "parks": true, "neighbourhoods": true, "neighborhoods": true, "population": true,
	"people": true, "air": true, "sky": true, "skies": true, "subway": true, "railway": true, "station": true,
}

// actorNouns after a capital make it the state: "Kyiv authorities",
// "Moscow's forces" (possessives are handled apart).
var actorNouns = wordSet(`authorities officials government leadership regime forces troops army military
	pleas plea demands demand diplomats diplomacy negotiators envoy envoys administration ally allies`)

// supportNouns before "for" or "to" make the capital after them the
// state: "support for Kyiv", "aid to Kyiv".
var supportNouns = wordSet(`support backing aid help assistance weapons arms loyalty pressure message warning threat
	commitment commitments pledge pledges solidarity sympathy hostility`)

// actor reports whether tokens first..last stand where a state acts:
// the subject of a political verb (past auxiliaries and adverbs, and
// through "X and Y"), a possessive before anything but a city noun, a
// modifier of an actor noun ("Kyiv authorities"), the object of "with",
// "between" or "against", or of "support for", "aid to".
func (r *resolver) actor(first, last int) bool {
	w := func(i int) string { return strings.ToLower(r.doc.word(i)) }
	if actorPrepositions[w(first-1)] {
		return true
	}
	if (w(first-1) == "for" || w(first-1) == "to") && supportNouns[w(first-2)] {
		return true
	}
	if actorNouns[w(last+1)] {
		return true
	}
	// "Moscow and Kyiv", "between Washington and Moscow".
	if w(first-1) == "and" && actorPrepositions[w(first-3)] {
		return true
	}
	k := last + 1
	if p := w(k); p == "'s" || p == "’s" {
		n := w(k + 1)
		return n != "" && !cityNouns[n] && !cityNouns[w(k+2)] && isLowerWord(n)
	}
	if w(k) == "and" && startsUpper(r.doc.word(k+1)) {
		// Skip the other conjunct: one or two capitalised words.
		k += 2
		if startsUpper(r.doc.word(k)) {
			k++
		}
	}
	if w(k) == "," {
		return false
	}
	for n := 0; n < 3 && auxiliaries[w(k)]; n++ {
		k++
	}
	return politicalVerbs[w(k)] && !auxiliaries[w(k)]
}
