package figure

// This file rejects numbers the quantity layer found that are not
// figures: dates continued from a time expression, identifiers
// continued from a label, chronology days, idioms, names, counts of
// abstractions and physical specifications.

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/news"
)

// abstractNouns are counted nouns of the writer's argument, not of the
// world ("two reasons", "four elements"): their counts are not figures.
var abstractNouns = tokens.Set(`reason element scenario dimension quality aspect factor option question issue
	lesson idea principle priority goal pillar point way thing example case sense category type kind form
	level stage phase step para paragraph page word line chapter item condition criterion rule component
	trend argument explanation possibility alternative lens theme topic message sign signal problem
	challenge mistake difference similarity part section bullet takeaway objective approach remedy
	proposal solution strategy direction impediment obstacle`)

// compoundIdioms are words a hyphen joins to "one" in an adjective or
// noun that counts nothing ("one-sided", "a one-off raid").
var compoundIdioms = tokens.Set(`sided off way time shot stop size liner on`)

// hyphenIdioms after any number word make an idiom, not a count
// ("two-faced", "two-timing", "one-dimensional").
var hyphenIdioms = tokens.Set(`faced timing timer dimensional`)

// lineNouns after a number make it a phone line's ("the 800 phone
// number"); emergencyNouns after an emergency number make it the
// service's ("911 outages", "999 calls").
var (
	lineNouns        = tokens.Set(`phone telephone hotline helpline`)
	emergencyNumbers = tokens.Set(`911 999 112 988`)
	emergencyNouns   = tokens.Set(`call calls caller callers outage outages dispatch dispatcher dispatchers operator operators operation operations
		service services system systems center centers centre centres line lines number numbers`)
)

// callVerbs place a phone call to a number.
var callVerbs = tokens.Set(`call called calling calls dial dialed dialled dialing dialling`)

// periodParts are the words before "half" or "quarter" that make it a
// part of a period of time ("the second half of March").
var periodParts = tokens.Set(`first second third fourth last latter former final`)

// unitDesignations are military units named by a number; in the
// singular after a number above one they are a name, not a count.
var unitDesignations = tokens.Set(`brigade regiment battalion division corps squadron detachment flotilla fleet`)

// scaleWords make "one-" a number, not a compound ("One-hundred
// mayors").
var scaleWords = tokens.Set(`hundred thousand million billion trillion`)

// formationNames are the kinds of formation a capitalised unit name
// opens with after its number ("82 Airborne", "3 Commando Brigade").
var formationNames = tokens.Set(`airborne commando armoured armored mechanised mechanized air mountain infantry cavalry guards motorised motorized rifle`)

// designNouns after a number joined by a hyphen to a noun make the whole
// the name of a design ("a two-state solution", "a two-track approach").
var designNouns = tokens.Set(`solution system policy approach strategy formula model framework doctrine`)

// structureNouns join a number by a hyphen into the shape of a text, a
// plan or a process ("a 10-article agreement", "a four-part hearing"),
// as abstractNouns do ("six-point plan"): numbering, not a count.
var structureNouns = tokens.Set(`article clause part point stage step phase tier chapter page episode round`)

// dayOfChronology says whether the word "day" at token k names a day of
// a count of days ("On day 48 of the war", "Day six"): capitalised, or
// after a preposition or at the start of its sentence, not after a
// determiner or an adjective ("during the last day 1260 soldiers …").
func (ix *index) dayOfChronology(k int) bool {
	t := ix.tree
	slo, _ := t.sentence(k)
	return t.v.Capitalised(k) || k == slo || t.upos(k-1) == news.ADP
}

// hyphenShape reports whether the number phrase text is a number joined
// by a hyphen to an idiom word or a structure noun.
func hyphenShape(text string) bool {
	num, w, ok := strings.Cut(strings.ToLower(strings.TrimSpace(text)), "-")
	w, _, _ = strings.Cut(w, "-") // "one-size-fits-all"
	if !ok || num == "" || w == "" || strings.Contains(w, " ") {
		return false
	}
	return num == "one" && compoundIdioms[w] || num == "zero" || structureNouns[w] || specNouns[w] || hyphenIdioms[w] // ("zero-sum", "zero-tolerance")
}

// gameScore reports whether the number phrase q is one side of a
// game's score ("the Broncos' 31-24 win", "a 92–88 defeat"): two numbers
// joined by a dash with a result noun after them, or one set of a match
// beside another ("won 6-4 3-6 7-5"), or a small score after a verb of
// winning ("beat them 3-1"). A vote's score has a vote word and no such
// noun ("passed 234-193").
func (ix *index) gameScore(q news.Quantity) bool {
	text := ix.a.Text
	if ix.matchScore(q) {
		return true
	}
	end := q.End
	if r := text[end:]; strings.HasPrefix(r, "-") || strings.HasPrefix(r, "–") {
		_, n := utf8.DecodeRuneInString(r)
		digits := len(r[n:]) - len(strings.TrimLeft(r[n:], "0123456789"))
		if digits == 0 {
			return false
		}
		end += n + digits
	} else {
		// The second number: digits and a dash right before it.
		b := text[:q.Start]
		if !strings.HasSuffix(b, "-") && !strings.HasSuffix(b, "–") {
			return false
		}
		_, n := utf8.DecodeLastRuneInString(b)
		if b = b[:len(b)-n]; len(strings.TrimRight(b, "0123456789")) == len(b) {
			return false
		}
	}
	next := strings.Fields(strings.ToLower(text[end:min(len(text), end+40)]))
	return len(next) > 0 && scoreNouns[strings.Trim(next[0], ".,;:")]
}

// scorePair matches a small score of two numbers joined by a dash
// ("6-4", "3–1"); setBefore and setAfter find another one beside it,
// the sets of a match; winBefore a verb of winning or losing a few
// words before it.
var (
	scorePair = regexp.MustCompile(`^\(?[0-9]{1,2}[-–][0-9]{1,2}\)?$`)
	setBefore = regexp.MustCompile(`(^|\s)\(?[0-9]{1,2}[-–][0-9]{1,2}\)?\s+$`)
	setAfter  = regexp.MustCompile(`^\s+\(?[0-9]{1,2}[-–][0-9]{1,2}\)?([\s,.;]|$)`)
	winBefore = regexp.MustCompile(`(?i)\b(beat|beats|beating|won|win|wins|winning|defeated|defeats|defeating|lost|loses|losing|drew|draws|edged|downed|downing|thrashed|crushed|routed|trailed|trailing|led|leading)\b(\s+[^\s]+){0,4}\s+$`)
)

// matchScore reports whether q lies in a score of a match: one of two
// or more sets side by side, or a score of at most 15 a side right after
// a verb of winning.
func (ix *index) matchScore(q news.Quantity) bool {
	text := ix.a.Text
	// The whole space-delimited word around q.
	s := strings.LastIndexAny(text[:q.Start], " \n\t") + 1
	e := q.End
	if k := strings.IndexAny(text[e:], " \n\t"); k >= 0 {
		e += k
	} else {
		e = len(text)
	}
	w := strings.TrimRight(text[s:e], ",.;:")
	if !scorePair.MatchString(w) {
		return false
	}
	e = s + len(w)
	before, after := text[max(0, s-40):s], text[e:min(len(text), e+12)]
	if setBefore.MatchString(before) || setAfter.MatchString(after) {
		return true
	}
	a, b, _ := strings.Cut(scoreSides.Replace(w), "-")
	x, _ := strconv.Atoi(a) // (scorePair allows one or two digits a side)
	y, _ := strconv.Atoi(b)
	return x <= 15 && y <= 15 && winBefore.MatchString(before)
}

// scoreSides strips a score's brackets and turns its en dash into a
// hyphen, leaving "6-4".
var scoreSides = strings.NewReplacer("(", "", ")", "", "–", "-")

// dashedPair says whether rest opens with a dash and digits: the second
// number of a score ("220-212").
func dashedPair(rest string) bool {
	r, n := utf8.DecodeRuneInString(rest)
	return (r == '-' || r == '–') && len(rest) > n && rest[n] >= '0' && rest[n] <= '9'
}

// scoreNouns name a game's result after its score.
var scoreNouns = tokens.Set(`win wins victory victories loss losses defeat defeats draw triumph rout drubbing thrashing comeback`)

// returnPeriod reports whether the number phrase q is the odds of a
// return period ("a 1-in-1,000-year flood"): how rare an event is, not a
// count ("a one-in-three chance" is a figure).
func (ix *index) returnPeriod(q news.Quantity) bool {
	if !strings.Contains(strings.ToLower(q.Text), "-in-") {
		return false
	}
	rest := strings.TrimLeft(ix.a.Text[q.End:], "0123456789,.")
	return strings.HasPrefix(rest, "-year") || strings.HasPrefix(rest, " year")
}

// specNouns join a number by a hyphen into a specification ("a
// 12-gauge shotgun", "a .45-caliber pistol", "a 6.1-magnitude quake", "a
// 180-degree turn", "a 500-pound bomb", "a 6-foot fence"): a size or a
// strength, not a count (and a pound so joined is a weight, not money).
var specNouns = tokens.Set(`caliber calibre gauge magnitude megapixel inch inches ton tonne horsepower degree
	pound lb kilogram kilo kg foot kiloton megaton bedroom`)

// referentNouns name things a definite count refers back to by name
// ("the two countries" = two states the text named): an idiom, not a
// count.
var referentNouns = tokens.Set(`country nation state side leader chief minister president government
	ally party company firm bank man woman men women power capital city neighbour neighbor sister brother
	partner`)

// wordBefore returns the index of the last word token before token i
// (skipping quotation marks and brackets), or -1.
func (ix *index) wordBefore(i int) int {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if ix.a.Tokens[k].Kind == news.TokenWord {
			return k
		}
	}
	return -1
}

// ageFollowers are the words that may follow a person's age set off
// after the name ("Jenkin, 23 and from Cumbria", "Ms Kovalenko, 61, who").
var ageFollowers = map[string]bool{"and": true, "from": true, "of": true, "who": true, "was": true, "is": true}

// tableCell says whether the number at tokens [lo, hi) stands beside
// another number token, a space apart, in a sentence of six numbers or
// more.
func (ix *index) tableCell(lo, hi int) bool {
	toks := ix.a.Tokens
	// (A number that opens a compound, "650 18-hole courses", is no
	// cell.)
	alone := func(k int) bool {
		return toks[k].Kind == news.TokenNumber && !strings.HasPrefix(ix.a.Text[toks[k].End:], "-")
	}
	beside := func(a, b int) bool {
		return a >= 0 && b < len(toks) && alone(a) && alone(b) &&
			strings.TrimSpace(ix.a.Text[toks[a].End:toks[b].Start]) == "" && toks[a].End < toks[b].Start
	}
	if !beside(lo-1, lo) && !beside(hi-1, hi) {
		return false
	}
	slo, shi := ix.tree.sentence(lo)
	n := 0
	for k := slo; k < shi; k++ {
		if toks[k].Kind == news.TokenNumber {
			n++
		}
	}
	return n >= 6
}

// referenceWords abbreviate a place in a document ("vol. 705", "col.
// 372", "p. 14", "pp. 3", "para 12").
var referenceWords = tokens.Set(`vol col p pp para paras fn`)

// ageEnders may follow an age stated as a predicate ("He was 75.",
// "she is 42 and lives in Kyiv").
var ageEnders = map[string]bool{".": true, ",": true, ";": true, "and": true, "when": true, "at": true, "then": true}

// ageAdverbs may stand between "was" and an age ("he was only 12").
var ageAdverbs = tokens.Set(`only just barely nearly almost about`)

// personAt says whether token k is "he", "she" or "who" or ends a
// mention of a person.
func (ix *index) personAt(k int) bool {
	switch ix.tree.low(k) {
	case "he", "she", "who":
		return true
	}
	m := ix.anyMentionAt(k)
	return m >= 0 && ix.a.Entities[m].Type == "PER"
}

// superlativeSet says whether the number at [lo, hi) stands after "the"
// or a possessive and before a superlative ("largest", "most
// populous"), so that it picks things by rank.
func superlativeSet(t *tree, lo, hi int) bool {
	if lo < 1 || hi >= len(t.a.Tokens) {
		return false
	}
	if d := t.low(lo - 1); d != "the" && d != "'s" && d != "’s" {
		return false
	}
	w := t.low(hi)
	if w == "most" || w == "least" {
		return hi+1 < len(t.a.Tokens) && t.upos(hi+1) == news.ADJ
	}
	return strings.HasSuffix(w, "est") && t.upos(hi) == news.ADJ
}

// rankAfter may follow a rank ("in the top 10 in Europe", "the top 50
// of the list"), where a count would have its noun ("the top 600 or so
// executives").
var rankAfter = tokens.Set(`in of for on at since this last with and`)

// turnedAfter may follow the age a person turned ("turned 95 last
// month", "turns 18 in May", "turned 40 years old").
var turnedAfter = tokens.Set(`a about last this next in on years year earlier recently today yesterday`)

// personNouns are the singular nouns for one person that an age may
// follow as it follows a name ("The chief justice, now 69, …", "the
// senator, 81, who …"); a plural ("the victims, 12,") is a count.
var personNouns = tokens.Set(`justice judge president senator governor mayor minister chancellor premier king queen
	pope prince princess founder chairman chairwoman ceo actor actress singer author writer poet artist player
	coach veteran survivor mother father son daughter wife husband widow widower spokesman spokeswoman lawyer
	attorney activist dissident man woman boy girl grandmother grandfather candidate nominee lawmaker congressman
	congresswoman`)

// ageBounded are the people an age after "under" or "over" bounds.
var ageBounded = tokens.Set(`children kids adults people infants babies girls boys men women those anyone`)

// ageGlue are the words that may stand between "age(s)" or "aged" and
// the number that gives it.
var ageGlue = map[string]bool{"of": true, "the": true, "between": true, "and": true, "to": true, "-": true, "–": true, "over": true, "under": true, "from": true, "or": true}

// unitWord reports whether a word names one of the units after which a
// number counts nothing (notFigures: "hours", "miles", "sources").
func unitWord(w string) bool { return notFigures[w] || notFigures[strings.TrimSuffix(w, "s")] }

// numberWords are the cardinals written as words, up to twelve.
var numberWords = tokens.Set(`two three four five six seven eight nine ten eleven twelve`)

// areaUnits are the units of an area (the quantity layer's codes).
var areaUnits = tokens.Set(`km2 mi2 m2 ha acre`)

// volumeUnits measure a commodity: gas and oil always ("33 million cubic
// metres a day", "5 million barrels"), and grain, fuel or ammunition by
// the tonne or litre when an "of" names it ("20 million tonnes of
// grain"; "a 500-tonne bridge" is a size).
var volumeUnits = tokens.Set(`m3 bbl t l`)

// commodity reports whether the measure q (its tokens ending before hi)
// is an amount of a commodity.
func (ix *index) commodity(q news.Quantity, hi int) bool {
	switch q.Unit {
	case "m3", "bbl":
		return true
	}
	return volumeUnits[q.Unit] && hi < len(ix.a.Tokens) && ix.tree.low(hi) == "of"
}

// takeVerbs take, lose or clear ground.
var takeVerbs = tokens.Set(`take retake capture recapture seize liberate regain reclaim occupy control lose clear gain free scour`)

// burnVerbs burn ground: a fire's area ("has burned more than 389,000
// acres").
var burnVerbs = tokens.Set(`burn scorch char consume blacken`)

// areaTaken reports whether the verb the number at tokens lo..hi hangs
// on (within two heads) takes, loses, clears or burns ground.
func (ix *index) areaTaken(lo, hi int) bool {
	t := ix.tree
	for h, k := t.anchor(lo, hi), 0; h >= 0 && k < 3; h, k = t.head(h), k+1 {
		if t.isVerb(h) {
			return takeVerbs[t.lemma(h)] || burnVerbs[t.lemma(h)]
		}
	}
	return false
}

// certainWords say how sure one is after "100 percent".
var certainWords = tokens.Set(`sure positive certain confident convinced committed clear right wrong true honest behind`)

// splitVerbs divide a thing "in two".
var splitVerbs = tokens.Set(`split cut break tear divide slice saw snap`)

// streetWords end the name of a street after a house number.
var streetWords = tokens.Set(`street st road rd avenue ave lane boulevard drive square terrace`)

// notFigure reports whether the quantity q is a number that states no
// quantity of anything in the world.
func (ix *index) notFigure(q news.Quantity) bool {
	t := ix.tree
	lo, hi := t.span(q.Span)
	if q.Kind == "measure" {
		// Distances, calibres, tonnage: specifications, not counts; but
		// an area an actor took, lost or cleared is ground ("retaking
		// more than 18,000 square kilometres").
		return !(areaUnits[q.Unit] && ix.areaTaken(lo, hi) || ix.commodity(q, hi))
	}
	if lo >= hi {
		return false
	}
	if t.reference(lo) {
		return true
	}
	bare := q.Counts == "" && q.Kind == "cardinal"
	if bare && q.Value != nil && *q.Value < 21 && ageBounded[t.low(lo-1)] {
		// "children under five", "adults over 18": an age the people
		// before it are bounded by (the quantity layer drops the digits).
		if w := strings.Fields(strings.ToLower(q.Text)); len(w) == 2 && (w[0] == "under" || w[0] == "over") {
			return true
		}
	}
	if q.Kind == "cardinal" && lo >= 1 && hi < len(t.a.Tokens) && t.a.Tokens[hi].Kind == news.TokenWord && t.a.Tokens[hi-1].End < t.a.Tokens[hi].Start {
		// "Standard & Poor's 500 Index", "the Apollo 11 Mission": a number
		// inside a name, between a name and a capitalised singular head.
		prev := t.low(lo - 1)
		if (prev == "'s" || prev == "’s" || t.upos(lo-1) == news.PROPN) && (t.upos(hi) == news.PROPN || t.upos(hi) == news.NOUN) && t.v.Capitalised(hi) && !strings.HasSuffix(t.low(hi), "s") {
			return true
		}
	}
	if bare && lo >= 1 && t.low(lo-1) == "top" && (hi >= len(t.a.Tokens) || t.a.Tokens[hi].Kind != news.TokenWord || rankAfter[t.low(hi)]) {
		// "finished in the top 10", "the streamer's Top 10": a rank, not
		// a count.
		return true
	}
	if q.Kind == "cardinal" && q.Value != nil && *q.Value <= 10 && superlativeSet(t, lo, hi) {
		// "the world's two largest economies", "the three most
		// populous states": a set picked by rank, not a count.
		return true
	}
	if bare && q.Value != nil && *q.Value == 101 && q.Text == "101" && lo >= 1 && t.a.Tokens[lo-1].Kind == news.TokenWord &&
		(t.upos(lo-1) == news.NOUN || t.upos(lo-1) == news.PROPN || strings.HasSuffix(t.low(lo-1), "ing")) &&
		(hi >= len(t.a.Tokens) || t.a.Tokens[hi].Kind != news.TokenWord) {
		// "That's just equality 101", "budgeting 101": the basics, named
		// as a first course.
		return true
	}
	noun := ""
	if q.CountsSpan != nil {
		if clo, chi := t.span(*q.CountsSpan); chi > clo {
			noun = lemma(t.low(chi - 1))
			if t.parsed {
				noun = strings.ToLower(t.lemma(chi - 1))
			}
			if abstractNouns[noun] || abstractNouns[lemma(noun)] {
				return true
			}
			if (noun == "group" || noun == "group-") && chi-clo == 1 {
				return true
			}
		}
	}
	if hyphenShape(q.Text) || ix.returnPeriod(q) || ix.gameScore(q) || t.conditional(t.anchor(lo, hi)) && t.low(lo-1) != "now" || t.shouted(lo) {
		return true
	}
	if strings.Contains(q.Text, "-") && designNouns[lemma(t.low(hi))] {
		return true // "a two-state solution", "the one-China policy", "a two-party system": a design, not a count
	}
	if num, w, ok := strings.Cut(strings.ToLower(q.Text), "-"); ok && num == "one" && w != "in" && !scaleWords[w] && !strings.ContainsAny(w, "- ") && t.isNoun(hi) {
		return true // "one-site contests", "a one-man show": a kind of thing, not a count
	}
	// "a mild 18 C", "highs of 95 F": a temperature written with its
	// scale's letter apart.
	if hi < len(t.a.Tokens) && (t.a.Tokens[hi].In(t.a.Text) == "C" || t.a.Tokens[hi].In(t.a.Text) == "F") && t.a.Tokens[lo].Kind == news.TokenNumber {
		return true
	}
	// "drones that weigh more than 15 pounds": a weight is a
	// specification, whatever unit the quantity layer read.
	for h, k := t.anchor(lo, hi), 0; h >= 0 && k < 3; h, k = t.head(h), k+1 {
		if t.lemma(h) == "weigh" {
			return true
		}
	}
	for k := lo - 1; k >= 0 && k >= lo-3 && t.a.Tokens[k].Kind == news.TokenWord; k-- {
		if strings.HasPrefix(t.low(k), "weigh") {
			return true // (however the parser attached the number)
		}
	}
	// "No 10", "No. 3 Squadron": a number after "No" as a designator is
	// a name.
	if t.a.Tokens[lo].Kind == news.TokenNumber && lo > 0 {
		k := lo - 1
		if t.low(k) == "." && k > 0 {
			k--
		}
		if t.a.Tokens[k].Kind == news.TokenWord && t.a.Text[t.a.Tokens[k].Start:t.a.Tokens[k].End] == "No" {
			return true
		}
	}
	// "10 Downing Street", "1600 Pennsylvania Avenue": a house number.
	if t.a.Tokens[lo].Kind == news.TokenNumber && hi-lo == 1 {
		for k := hi; k < len(t.a.Tokens) && k < hi+3 && t.a.Tokens[k].Kind == news.TokenWord && t.v.Capitalised(k); k++ {
			if streetWords[strings.TrimSuffix(t.low(k), ".")] {
				return true
			}
		}
	}
	// "“Frozen 2”", "“Top Gun 2.”": a number that ends a quoted title
	// after a capitalised word numbers a sequel.
	if t.a.Tokens[lo].Kind == news.TokenNumber && hi-lo == 1 && lo > 0 && hi < len(t.a.Tokens) &&
		t.v.Capitalised(lo-1) && (closingQuote(t.low(hi)) || (t.low(hi) == "." || t.low(hi) == ",") && hi+1 < len(t.a.Tokens) && closingQuote(t.low(hi+1))) {
		for k := lo - 1; k >= 0 && k >= lo-8; k-- {
			if w := t.low(k); closingQuote(w) {
				break
			} else if w == "“" || w == "\"" {
				return true
			}
		}
	}
	// "Official Report vol. 705, col. 372", "p. 14", "para 3": a number
	// after a reference abbreviation points into a document.
	if k := lo - 1; k >= 0 && t.a.Tokens[lo].Kind == news.TokenNumber {
		if t.low(k) == "." && k > 0 {
			k--
		}
		if referenceWords[strings.TrimSuffix(t.low(k), ".")] {
			return true
		}
	}
	// "Phase two", "round three", "Article 5", "day 48 of the war": a
	// number right after a structure noun or "day" designates a part of
	// a plan, a text or a chronology.
	if k := lo - 1; k >= 0 && t.a.Tokens[k].Kind == news.TokenWord && (structureNouns[t.low(k)] || t.low(k) == "day" && ix.dayOfChronology(k)) {
		return true
	}
	// "the Group of 20", "Group of Seven": a number closing a capitalised
	// "Group of" is a name.
	if lo >= 2 && t.low(lo-1) == "of" && t.low(lo-2) == "group" && t.v.Capitalised(lo-2) {
		return true
	}
	first := t.low(lo)
	// "one of", "no one", "one soldier" in a hypothetical: "one" counts
	// only a thing of a known class.
	if first == "one" && hi-lo == 1 {
		if noun == "" || classOf(noun) == "" {
			return true
		}
		// "one another's countries", "One country has invaded another":
		// one set against another counts nothing.
		_, shi := t.sentence(lo)
		for k := hi; k < shi && k < hi+8; k++ {
			if strings.HasPrefix(t.low(k), "another") || t.low(k) == "other" && t.low(k-1) == "the" {
				return true
			}
		}
		switch t.low(ix.wordBefore(lo)) {
		case "even", "as", "no", "any", "every", "if":
			return true
		}
	}
	// "the two countries", "the three defence chiefs", "the two vowed".
	if d := t.low(lo - 1); q.Kind == "cardinal" && q.Value != nil && *q.Value <= 10 && (d == "the" || d == "these" || d == "those" || d == "our" || d == "their") {
		// ("the two wars", "the two appearances": a pair already named
		// is no count of people or weapons; "the two soldiers" is.)
		if c := classOf(noun); noun == "" || referentNouns[noun] || referentNouns[lemma(noun)] || c == "" || c == "states" || c == "events" || c == "strikes" {
			return true
		}
	}
	// "CTF 50", "(CTF) 50", "DDG 70": digits right after an acronym with
	// nothing counted are a designator (a currency code before an amount
	// makes money, not a bare number).
	if bare && t.a.Tokens[lo].Kind == news.TokenNumber && lo > 0 {
		k := lo - 1
		if t.low(k) == ")" && k > 0 {
			k--
		}
		if w := t.a.Tokens[k].In(t.a.Text); t.a.Tokens[k].Kind == news.TokenWord && len(w) >= 2 && len(w) <= 5 && strings.ToUpper(w) == w && strings.ToLower(w) != w {
			return true
		}
	}
	// "six or seven hours", "20-plus months": a number joined to a
	// duration or distance after it is one, as "seven hours" is.
	if bare && hi+1 < len(t.a.Tokens) && (t.low(hi) == "or" || t.low(hi) == "to") && unitWord(t.low(hi+2)) &&
		(t.a.Tokens[hi+1].Kind == news.TokenNumber || numberWords[t.low(hi+1)]) {
		return true
	}
	if (q.Unit == "plus" || q.Unit == "odd") && unitWord(t.low(hi)) {
		return true // ("60-odd years")
	}
	// "a thing or two", "a word or two": a number after "or" and a noun
	// of the writer's argument counts nothing.
	if lo >= 2 && t.low(lo-1) == "or" && (abstractNouns[t.low(lo-2)] || unitWord(t.low(lo-2))) {
		return true
	}
	// "not a 10 out of 10", "about a seven or eight out of 10 in
	// intensity": a score on a scale, not a share of anything.
	if bare && lo >= 2 && t.low(lo-1) == "of" && t.low(lo-2) == "out" {
		return true // the "10" of "seven out of 10" left over: a scale, counted with its share
	}
	end := hi
	if !strings.Contains(q.Text, " out of ") && t.low(hi) == "out" && t.low(hi+1) == "of" {
		end = hi + 3 // "a seven or eight" read apart from its "out of 10"
	}
	if (end > hi || strings.Contains(q.Text, " out of ")) && !t.isNoun(end) && t.low(end) != "of" {
		k := lo - 1
		if t.low(k) == "or" && k > 0 && t.a.Tokens[k-1].Kind != news.TokenPunct {
			k -= 2
		}
		if w := t.low(k); w == "a" || w == "an" {
			return true
		}
	}
	// "the pre-February 24 situation", "post-March 3": a day after a
	// month the time layer did not read for its prefix.
	if lo >= 1 && t.a.Tokens[lo].Kind == news.TokenNumber {
		if _, month, ok := strings.Cut(t.low(lo-1), "-"); ok && slices.Contains(tokens.MonthNames, month) {
			return true
		}
	}
	// "I'm 100 percent positive", "a 100% sure thing": certainty, not a
	// share of anything.
	if q.Kind == "percent" && q.Value != nil && *q.Value == 100 && certainWords[t.low(hi)] {
		return true
	}
	// "split the army in two", "cut in half": a bare "in two" after a
	// verb of dividing says how, not how many.
	if bare && hi-lo == 1 && t.low(lo) == "two" && t.low(lo-1) == "in" {
		for k := lo - 2; k >= 0 && k >= lo-10 && t.a.Tokens[k].Kind != news.TokenPunct; k-- {
			if splitVerbs[t.lemma(k)] {
				return true
			}
		}
	}
	// "an Islamist[1] officer", "died.[3][4]": a reference mark in square
	// brackets; "59.17°N": a coordinate.
	if hi-lo == 1 && t.low(lo-1) == "[" && t.low(hi) == "]" || strings.HasPrefix(ix.a.Text[q.End:], "°") {
		return true
	}
	// "(Circular Error Probable) 32", "Wingspan: 6 meters 32": a bare
	// number after a bracket or a measurement that ends its paragraph or
	// runs into the next cell's capitalised word is a note's reference.
	if bare && lo >= 2 && t.a.Tokens[lo].Kind == news.TokenNumber &&
		(t.low(lo-1) == ")" || t.a.Tokens[lo-1].Kind != news.TokenNumber && ix.quants.Contain(t.a.Tokens[lo-1].Span)) && ix.endsCell(hi) {
		return true
	}
	// "called 911", "dial 999": a bare number a phone call goes to.
	if bare && lo > 0 && callVerbs[t.low(lo-1)] {
		return true
	}
	// "911 outages", "the national 800 phone number": a number naming a
	// phone line.
	if next := t.low(hi); hi < len(t.a.Tokens) && (lineNouns[next] || emergencyNumbers[t.low(hi-1)] && emergencyNouns[next]) {
		return true // ("911 operations were down")
	}
	// "contacts to 988", "including 911", "reach 911 from any phone":
	// an emergency line's number alone counts nothing.
	if bare && emergencyNumbers[q.Text] {
		return true
	}
	// "world war three", however it is written, and "ground zero" are
	// names.
	if lo >= 2 && t.low(lo-1) == "war" && t.low(lo-2) == "world" || lo >= 1 && t.low(lo) == "zero" && t.low(lo-1) == "ground" {
		return true
	}
	// "the second half of March", "the last quarter": a part of a period,
	// not a share of anything counted.
	if q.Kind == "fraction" && lo > 0 && periodParts[t.low(lo-1)] {
		return true
	}
	// "Ukraine's 58 separate motorised brigade": a number before a
	// military unit in the singular names the unit (translated news
	// drops the "th").
	if q.Kind == "cardinal" && q.Value != nil && *q.Value > 1 && q.CountsSpan != nil {
		if clo, chi := t.span(*q.CountsSpan); chi > clo && unitDesignations[t.low(chi-1)] {
			return true
		}
	}
	// "troops of the 82 Airborne", "16 Air Assault Brigade": digits before
	// the capitalised name of a kind of formation name the formation.
	if q.Kind == "cardinal" && q.Value != nil && *q.Value < 200 && hi-lo == 1 && t.a.Tokens[lo].Kind == news.TokenNumber &&
		hi < len(t.a.Tokens) && t.v.Capitalised(hi) && formationNames[t.low(hi)] {
		return true
	}
	// "World War Three", "Formula One": a capitalised number word in a name.
	if t.a.Tokens[lo].Kind == news.TokenWord && t.v.Capitalised(lo) && lo > 0 && t.v.Capitalised(lo-1) && t.a.Tokens[lo-1].Kind == news.TokenWord {
		if slo, _ := t.sentence(lo); slo < lo-1 {
			return true
		}
	}
	// "two of Russia's largest banks", "two of the world's biggest
	// exporters": a few picked from a superlative set name things, like
	// "one of the largest".
	if t.a.Tokens[lo].Kind == news.TokenWord && q.Value != nil && *q.Value <= 10 && t.low(hi) == "of" {
		for k := hi + 1; k < hi+6 && k < len(t.a.Tokens) && t.a.Tokens[k].Kind != news.TokenNumber; k++ {
			if w := t.low(k); w == "most" || t.upos(k) == news.ADJ && strings.HasSuffix(w, "est") && len(w) > 4 {
				// ("two of its newest warships" still counts ships.)
				for n := k + 1; n < k+4 && n < len(t.a.Tokens); n++ {
					if t.isNoun(n) && ix.classAt(n) != "" {
						return false
					}
				}
				return true
			}
		}
	}
	// "Nord Stream 2", "Leopard 2 tanks", "Radio 4", "Fortune 500": digits
	// right after a capitalised word inside the sentence continue a name;
	// "its “Five Eyes” allies": a capitalised number word before a
	// capitalised word inside the sentence begins one.
	if slo, _ := t.sentence(lo); q.Kind == "cardinal" && lo-1 > slo && !ix.inTime(lo-1) {
		prev := t.a.Tokens[lo-1]
		// ("France 35, Spain 25" in a list and "sent Ukraine 1,000
		// missiles" before a counted noun are counts beside a place, "told
		// France 3" a channel; "Around 200" opens a sentence the splitter
		// missed.)
		if t.a.Tokens[lo].Kind == news.TokenNumber && prev.Kind == news.TokenWord && t.v.Capitalised(lo-1) && prev.End < t.a.Tokens[lo].Start &&
			(t.upos(lo-1) == news.PROPN || t.upos(lo-1) == news.NOUN) && !(ix.placeAt(lo-1) && (q.Counts != "" || ix.listed(lo-1))) &&
			!dashedPair(ix.a.Text[q.End:]) { // ("passed the House 220-212": a score)
			return true
		}
		// "Nord Stream 1 and 2": a number joined to such a number is
		// another of the name's numbers.
		if k := lo - 2; k-1 > slo && t.a.Tokens[lo].Kind == news.TokenNumber && (t.low(lo-1) == "and" || t.low(lo-1) == "or") &&
			t.a.Tokens[k].Kind == news.TokenNumber && t.a.Tokens[k-1].Kind == news.TokenWord && t.v.Capitalised(k-1) &&
			(t.upos(k-1) == news.PROPN || t.upos(k-1) == news.NOUN) && !ix.placeAt(k-1) {
			return true
		}
	}
	if slo, _ := t.sentence(lo); hi-lo == 1 && t.a.Tokens[lo].Kind == news.TokenWord && t.v.Capitalised(lo) && hi < len(t.a.Tokens) &&
		t.a.Tokens[hi].Kind == news.TokenWord && t.v.Capitalised(hi) && ix.wordBefore(lo) > slo && !strings.ContainsAny(t.a.Text[t.a.Tokens[ix.wordBefore(lo)].End:t.a.Tokens[lo].Start], ".!?") {
		return true
	}
	// "20 X 10": a product of numbers is a name or a size.
	for k := max(lo-1, 0); k <= hi && k < len(t.a.Tokens); k++ {
		if w := t.low(k); (w == "x" || w == "×") && k+1 < len(t.a.Tokens) && k > 0 && t.a.Tokens[k+1].Kind == news.TokenNumber && t.a.Tokens[k-1].Kind == news.TokenNumber {
			return true
		}
	}
	// "Dec. 1 and 27", "Articles 12 and 118": a number joined to a number
	// the quantity layer did not take (a date, a label) is what that
	// number is.
	switch w := t.low(lo - 1); w {
	case "and", "or", ",", "&", "to", "-", "through":
		// A comma joins only bare numbers: "in 2022, 300 soldiers" does
		// not continue the year.
		if k := lo - 2; k >= 0 && (bare || w != ",") && t.a.Tokens[k].Kind == news.TokenNumber && !ix.quants.Contain(t.a.Tokens[k].Span) {
			return true
		}
	}
	// "call police on 0845 125 2222": digit groups a single space apart
	// after one written with a leading zero or a "+" are a phone number.
	for k := lo; k > 0 && t.a.Tokens[k].Kind == news.TokenNumber && t.a.Tokens[k-1].Kind == news.TokenNumber &&
		t.a.Tokens[k-1].End+1 == t.a.Tokens[k].Start && t.a.Text[t.a.Tokens[k-1].End] == ' '; k-- {
		if w := t.low(k - 1); len(w) > 1 && w[0] == '0' || k > 1 && t.low(k-2) == "+" {
			return true
		}
	}
	// "7•27 0001" on a plate, "0001": digits glued to other digits by a
	// symbol, or written with a leading zero, are a code.
	if t.a.Tokens[lo].Kind == news.TokenNumber {
		w := t.low(lo)
		if len(w) > 1 && w[0] == '0' && !strings.ContainsAny(w, ".,") {
			return true
		}
		for _, k := range []int{lo - 1, hi} {
			if k <= 0 || k+1 >= len(t.a.Tokens) || t.a.Tokens[k].Kind != news.TokenPunct || strings.ContainsAny(t.low(k), ".,-–—%$£€") {
				continue
			}
			if t.a.Tokens[k-1].End == t.a.Tokens[k].Start && t.a.Tokens[k].End == t.a.Tokens[k+1].Start &&
				t.a.Tokens[k-1].Kind == news.TokenNumber && t.a.Tokens[k+1].Kind == news.TokenNumber {
				return true
			}
		}
	}
	// "on 4-5 July", "by 13 rather than 31 May": a day joined to a date
	// is a day of the month.
	if q.Value != nil && *q.Value >= 1 && *q.Value <= 31 && t.a.Tokens[lo].Kind == news.TokenNumber {
		for k := hi; k < hi+3 && k < len(t.a.Tokens); k++ {
			w := t.low(k)
			if t.a.Tokens[k].Kind == news.TokenNumber {
				if ix.inTime(k) {
					return true
				}
				break
			}
			if w != "-" && w != "–" && w != "to" && w != "and" && w != "or" && w != "rather" && w != "than" {
				break
			}
		}
	}
	// "at the age of 18", "between the ages of 18 and 26", "aged 19 to
	// 25", "his age, 75,": a person's age, not a count.
	if v := q.Value; v == nil && q.Low != nil && q.High != nil && *q.High < 130 || v != nil && *v < 130 {
		if lo >= 2 && t.low(lo-1) == "," && t.low(lo-2) == "age" {
			return true
		}
		for k := lo - 1; k >= 0 && k >= lo-6; k-- {
			w := t.low(k)
			if w == "age" || w == "ages" || w == "aged" {
				return true
			}
			if !ageGlue[w] && t.a.Tokens[k].Kind != news.TokenNumber && t.upos(k) != news.NUM {
				break // ("between the ages of eight and 15": a number in words too)
			}
		}
	}
	// "West 75 12 72 13 Center 71 16 …": a table flattened into text.
	// A number set beside another, in a sentence of many numbers, is a
	// cell whose heading is lost.
	if q.Kind == "cardinal" && ix.tableCell(lo, hi) {
		return true
	}
	if !bare {
		return false
	}
	v := -1.0
	if q.Value != nil {
		v = *q.Value
	}
	// "around 21.30", "(27.04)": two digits after a point, with nothing
	// counted, read as a time of day after a time preposition, or as a
	// day and month in brackets.
	if h, m, ok := dottedPair(t.low(hi - 1)); ok {
		switch t.low(hi - 2) { // ("around" may open the quantity)
		case "at", "around", "about", "by", "until", "till", "from", "before", "after", "since", "approximately":
			if h <= 23 && m <= 59 {
				return true
			}
		case "(":
			if t.low(hi) == ")" && h >= 1 && h <= 31 && m >= 1 && m <= 12 {
				return true
			}
		}
		// "13.44'Many killed' in attack …": a live blog's stamp glued
		// to the headline after it.
		if rest := ix.a.Text[q.End:]; h <= 23 && m <= 59 && rest != "" {
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) || strings.ContainsRune("'‘’\"“", r) {
				return true
			}
		}
	}
	// "Maksym Maksymov, 29, a sales manager", "Pavel Orlov (38 or 39)":
	// a bare number set off after a person's name is the person's age.
	comma := lo - 1
	if t.low(comma) == "or" && comma >= 2 && t.a.Tokens[comma-1].Kind == news.TokenNumber {
		comma -= 2 // "Rico Lind, 30 or 31": the second guess at the age
	}
	if t.low(comma) == "now" || t.low(comma) == "then" {
		comma-- // "Mr. Lewis, now 77, stared ahead", "Ozols, then 32, drove"
	}
	if v >= 1 && v < 120 && (t.low(comma) == "," || t.low(comma) == "(") && comma >= 1 {
		// ("John Jenkin, 23 and from Cumbria": a function word may follow.)
		k := comma - 1
		if t.low(k) == "." && (t.low(k-1) == "jr" || t.low(k-1) == "sr") {
			k -= 2 // "Cesar Sayoc Jr., 56,"
		} else if w := strings.TrimSuffix(t.low(k), "."); w == "jr" || w == "sr" {
			k--
		}
		// Any person mention, linked or not ("Mr. Jackson" where two
		// Jacksons leave the linker undecided).
		m := ix.anyMentionAt(k)
		if m >= 0 && (ix.a.Entities[m].Type == "LOC" || ix.a.Entities[m].Type == "GPE") {
			// "Senator Chuck Schumer of New York, 66, who …": the
			// person before the place they are of.
			if elo, _ := t.span(ix.a.Entities[m].Span); elo >= 2 && t.low(elo-1) == "of" {
				k := elo - 1
				if p := ix.anyMentionAt(k - 1); p >= 0 && ix.a.Entities[p].Type == "PER" {
					m = p
				}
			}
		}
		// (A line may end after the age: "Vadim Krasikov, 58" as a
		// heading.)
		guess := t.low(hi) == "or" && hi+1 < len(t.a.Tokens) && t.a.Tokens[hi+1].Kind == news.TokenNumber // "30 or 31"
		if (m >= 0 && ix.a.Entities[m].Type == "PER" || personNouns[strings.TrimPrefix(t.low(k), "ex-")]) && (hi >= len(t.a.Tokens) || t.a.Tokens[hi].Kind != news.TokenWord || ageFollowers[t.low(hi)] || guess || tokens.ParagraphBreak(ix.a.Text[q.End:t.a.Tokens[hi].Start]) >= 0) {
			return true
		}
	}
	// "He was 75.", "I was only 12 then.": a bare number that is all a
	// person's predicate is the person's age.
	if be := lo - 1; v >= 1 && v < 120 && lo >= 2 {
		if ageAdverbs[t.low(be)] {
			be--
		}
		if be >= 1 && (ix.personAt(be-1) || t.low(be-1) == "i") {
			switch t.low(be) {
			case "was", "is", "'s", "’s", "am", "'m", "’m":
				if hi >= len(t.a.Tokens) || ageEnders[t.low(hi)] {
					return true
				}
			}
		}
	}
	// "A friend just turned 95 last month", "she turns 18 in May": the
	// age reached.
	if v >= 1 && v < 120 && lo >= 1 && t.lemma(lo-1) == "turn" && t.upos(lo-1) == news.VERB &&
		(hi >= len(t.a.Tokens) || t.a.Tokens[hi].Kind != news.TokenWord || ageEnders[t.low(hi)] || turnedAfter[t.low(hi)]) {
		return true
	}
	// "Pat Lee dies at 84", "passed away at 91", "comedian, dead at
	// 94": the age at death.
	if v >= 1 && v < 120 && lo >= 2 && t.low(lo-1) == "at" &&
		(t.lemma(lo-2) == "die" || t.low(lo-2) == "dead" || t.low(lo-2) == "away" && lo >= 3 && t.lemma(lo-3) == "pass") {
		return true
	}
	// A chronology: "29 -- N. Korea's Kim oversees …" (a day of the month).
	if v >= 1 && v <= 31 && q.Text == strings.TrimSpace(q.Text) && hi < len(t.a.Tokens) {
		if w := t.low(hi); w == "--" || w == "-" || w == "—" || w == "–" {
			if !t.v.Touch(hi - 1) {
				return true
			}
		}
	}
	return false
}

// dottedPair splits "21.30" into 21 and 30: one or two digits, a point
// and exactly two digits.
func dottedPair(s string) (a, b int, ok bool) {
	x, y, found := strings.Cut(s, ".")
	if !found || len(x) < 1 || len(x) > 2 || len(y) != 2 {
		return 0, 0, false
	}
	for _, r := range x + y {
		if r < '0' || r > '9' {
			return 0, 0, false
		}
	}
	a = int(x[0] - '0')
	if len(x) == 2 {
		a = a*10 + int(x[1]-'0')
	}
	return a, int(y[0]-'0')*10 + int(y[1]-'0'), true
}

// shouted reports whether token i lies in a sentence written in capitals
// only ("FIVE REASONS WHY …") after the first: a headline of another
// story set into the text, whose numbers this story does not state (the
// text's own headline opens it).
func (t *tree) shouted(i int) bool {
	lo, hi := t.sentence(i)
	if hi-lo < 4 || lo == 0 {
		return false
	}
	letters := 0
	for _, r := range t.a.Text[t.a.Tokens[lo].Start:t.a.Tokens[hi-1].End] {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters++
		}
	}
	return letters >= 12
}

// conditional reports whether token i lies inside a clause opened by
// "if" or "unless": "if he feared a 10% chance", "if so much as one
// soldier crosses" state a supposition, not a quantity. A condition
// beside the figure's clause ("if approved, it will send 300 tanks") does
// not, nor does "if not" that bounds one.
func (t *tree) conditional(i int) bool {
	aside := false // a figure set off beside the clause ("the number of refugees, now 2.6 million, will soar") is a fact
	for n, steps := i, 0; n >= 0 && steps < 12; n, steps = t.head(n), steps+1 {
		found, modal, ifClause := false, false, false
		aside = aside || t.rel(n) == "appos"
		t.children(n, func(c int) bool {
			// ("hundreds of thousands, if not a million" bounds a figure.)
			if w := t.low(c); t.rel(c) == "mark" && (w == "if" && t.low(c+1) != "not" || w == "unless") {
				found = true
			}
			if t.rel(c) == "aux" && modalWords[t.low(c)] {
				modal = true
			}
			if t.rel(c) == "advcl" && c < n {
				t.children(c, func(d int) bool {
					ifClause = ifClause || t.rel(d) == "mark" && (t.low(d) == "if" && t.low(d+1) != "not" || t.low(d) == "unless")
					return !ifClause
				})
			}
			return !found
		})
		if found || modal && ifClause && !aside {
			return true // (the main clause of "If Russia invades, 50,000 could die" is as hypothetical)
		}
	}
	return false
}

// modalWords make a clause hypothetical after a condition, or a verb
// one still to happen (notYet).
var modalWords = tokens.Set(`will would could may might`)

// endsCell says whether token hi starts a new paragraph, is a capitalised
// word or a cell's bar (or the text has ended): what comes before it
// closes a line or a table's cell.
func (ix *index) endsCell(hi int) bool {
	toks := ix.a.Tokens
	if hi >= len(toks) {
		return true
	}
	return strings.Contains(ix.a.Text[toks[hi-1].End:toks[hi].Start], "\n") || toks[hi].Kind == news.TokenWord && ix.tree.v.Capitalised(hi) ||
		ix.tree.low(hi) == "|"
}

// inTime reports whether token i lies in a time expression ("on Tuesday
// 40 people", "May 2022").
func (ix *index) inTime(i int) bool {
	pos := ix.a.Tokens[i].Start
	for _, x := range ix.a.Times {
		if x.Start <= pos && pos < x.End {
			return true
		}
	}
	return false
}

// placeAt reports whether token i lies in a mention of a place (a state,
// region or city).
func (ix *index) placeAt(i int) bool {
	m := ix.mentionAt(i)
	if m < 0 {
		return false
	}
	switch ix.a.Entities[m].Type {
	case "GPE", "LOC":
		return true
	}
	return false
}

// listed reports whether the mention holding token i follows a comma or
// "and" (an item of a list: "Germany 40, France 35 and Spain 25").
func (ix *index) listed(i int) bool {
	m := ix.mentionAt(i)
	if m < 0 {
		return false
	}
	k := i
	for k > 0 && ix.a.Tokens[k-1].Start >= ix.a.Entities[m].Start {
		k--
	}
	w := ix.tree.low(k - 1)
	return w == "," || w == "and"
}

// reference says whether token i stands in an entry of a list of
// sources, which restates a cited title ("11. UN appeals for $2.3
// billion …, accessed February 21, 2026, <https://…>"): a sentence with
// a web address and "accessed" or "retrieved".
func (t *tree) reference(i int) bool {
	lo, hi := t.sentence(i)
	if lo >= hi {
		return false
	}
	text := t.a.Text[t.a.Tokens[lo].Start:t.a.Tokens[hi-1].End]
	if !strings.Contains(text, "http://") && !strings.Contains(text, "https://") {
		return false
	}
	for k := lo; k < hi; k++ {
		if w := t.low(k); w == "accessed" || w == "retrieved" {
			return true
		}
	}
	return false
}

// closingQuote says whether a token closes a quotation.
func closingQuote(w string) bool { return w == "”" || w == "\"" }
