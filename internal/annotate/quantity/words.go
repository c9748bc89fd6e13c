package quantity

import (
	"strings"
	"sync"

	"sitrep/internal/annotate/tokens"
)

// Approximation kinds, the values of news.Quantity.Approx.
const (
	Exact    = "exact"
	About    = "about"
	AtLeast  = "at_least"
	MoreThan = "more_than"
	AtMost   = "at_most"
	LessThan = "less_than"
	UpTo     = "up_to"
	Range    = "range"
	Vague    = "vague"
)

// Kinds of quantity, the values of news.Quantity.Kind.
const (
	Cardinal = "cardinal"
	Money    = "money"
	Percent  = "percent"
	Fraction = "fraction"
	Ordinal  = "ordinal"
	Measure  = "measure"
)

// approximator is a phrase before a number that says how exact it is.
type approximator struct {
	words  []string
	approx string
	// bound says which bound the number sets: 'l' low, 'h' high, 0 none.
	bound byte
}

// tables holds every word list the scanner uses. It is built once and
// only read afterwards.
type tables struct {
	units      map[string]float64 // "one" → 1 … "ninety" → 90
	scales     map[string]float64 // "thousand", "million", "m", "bn" …
	vague      map[string]float64 // "hundreds" → 100, "thousands" → 1000 …
	ordinals   map[string]float64 // "first" → 1 …
	fractions  map[string]float64 // "third" → 1/3, "thirds" → 1/3, "half" → 1/2
	approx     map[string][]approximator
	currSign   map[string]string // "$" → USD
	currCode   map[string]string // "UAH" → UAH (upper case)
	currWord   map[string]string // "euros" → EUR
	measures   map[string]string // "km" → km, "kilometres" → km
	timeUnits  map[string]bool   // "year", "years", "days" … (owned by timex)
	months     map[string]bool
	labels     map[string]bool // "article", "no." … before a number
	yearPrev   map[string]bool // words before a year
	clock      map[string]bool // "a.m.", "gmt" … after a clock time
	stop       map[string]bool // words that end a counted noun phrase
	adjEd      map[string]bool // -ed adjectives that may start a noun phrase
	headEd     map[string]bool // -ed words that may end one: "19 injured"
	aboutHeads map[string]bool // verbs and nouns after which "about" is a preposition
	overVerbs  map[string]bool // verbs after which "over" is a preposition ("presided over two briefings")
	ingNouns   map[string]bool // -ing nouns
	lyNouns    map[string]bool // words in -ly that are not adverbs
	leading    map[string]bool // "more", "extra": left out of Counts
	irregular  map[string]string
	plurals    map[string]bool // irregular plurals and collectives that end a phrase
	dets       map[string]bool // determiners before a spelled-out ordinal
	partitive  map[string]bool // pronouns after "of": "six of them"
	container  map[string]bool // "rounds of ammunition"
	// starts marks, in one lookup, every lower-case word that may begin
	// a quantity; a word not in it is passed over at once.
	starts map[string]bool
	// dollarPrefix maps what comes before "$" or "dollars" to a code:
	// "US$", "C$", "HK$", "Australian dollars".
	dollarPrefix map[string]string
}

var loadTables = sync.OnceValue(buildTables)

// set is the one word-list helper of the stages.
var set = tokens.Set

// floats copies a table of number words with float values.
func floats(m map[string]int) map[string]float64 {
	out := make(map[string]float64, len(m))
	for w, v := range m {
		out[w] = float64(v)
	}
	return out
}

func buildTables() *tables {
	t := &tables{
		units: floats(tokens.Cardinals),
		scales: map[string]float64{
			"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
			"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
			"dozen": 12,
		},
		vague: map[string]float64{
			"hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12,
			"dozens": 12, "scores": 20, "tens": 10,
		},
		ordinals: floats(tokens.Ordinals),
		fractions: map[string]float64{
			"half": 0.5, "halves": 0.5, "third": 1.0 / 3, "thirds": 1.0 / 3,
			"quarter": 0.25, "quarters": 0.25, "fifth": 0.2, "fifths": 0.2,
			"sixth": 1.0 / 6, "sixths": 1.0 / 6, "tenth": 0.1, "tenths": 0.1,
		},
		currSign: map[string]string{
			"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH", "₽": "RUB", "₹": "INR", "₩": "KRW",
		},
		currCode: map[string]string{},
		currWord: map[string]string{
			"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
			"hryvnia": "UAH", "hryvnias": "UAH", "hryvnas": "UAH", "hryvni": "UAH",
			"rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
			"yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "won": "KRW",
			"franc": "CHF", "francs": "CHF", "zloty": "PLN", "zlotys": "PLN", "zlotyS": "PLN",
			"rupees": "INR", "shekels": "ILS", "lira": "TRY", "liras": "TRY", "rials": "IRR",
			"sterling": "GBP",
		},
		measures: map[string]string{
			"mm": "mm", "millimetre": "mm", "millimetres": "mm", "millimeter": "mm", "millimeters": "mm",
			"cm": "cm", "centimetres": "cm", "centimeters": "cm",
			"km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
			"metre": "m", "metres": "m", "meter": "m", "meters": "m",
			"mile": "mi", "miles": "mi", "feet": "ft", "foot": "ft", "ft": "ft", "inch": "in", "inches": "in",
			"kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilogrammes": "kg", "lb": "lb", "lbs": "lb",
			"tonne": "t", "tonnes": "t", "ton": "t", "tons": "t", "gram": "g", "grams": "g",
			"litre": "l", "litres": "l", "liter": "l", "liters": "l", "barrels": "bbl",
			"hectare": "ha", "hectares": "ha", "acres": "acre", "acre": "acre",
			"mw": "MW", "megawatts": "MW", "megawatt": "MW", "gw": "GW", "gigawatts": "GW", "gigawatt": "GW",
			"kw": "kW", "kilowatts": "kW", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh",
			"mph": "mph", "kmh": "km/h", "kph": "km/h", "km/h": "km/h", "knots": "kn", "degrees": "deg", "calibre": "mm",
		},
		timeUnits: set(`second seconds sec secs minute minutes min mins hour hours hr hrs day days night nights week weeks
			weekend weekends month months year years yr yrs decade decades century centuries
			fortnight fortnights year-old years-old month-old week-old day-old`),
		months: set(`january february march april may june july august september october november december
			jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.`),
		labels: set(`article articles section sections chapter chapters paragraph paragraphs resolution resolutions route highway unit room building
			block gate terminal platform flight channel class type model mark mk phase stage level
			routes highways units rooms buildings blocks gates terminals platforms flights channels phases stages levels
			category grade tier no. nos. boeing airbus covid windows iphone apollo version
			vol. fig. art. protocol amendment`),
		yearPrev: set(`in since by from until till through before after during early late mid
			the 's ' © (c) circa c. year fiscal fy summer spring autumn fall winter this last next
			a an copyright its their his her our my your`),
		clock: set(`a.m. p.m. am pm gmt utc bst cet cest eet eest msk est edt pst pdt hrs h local`),
		stop: set(`of in on at to from with by for into onto near across along over under since during
			after before between against through toward towards about around per inside outside
			within without amid amidst among like than as via including despite beyond behind
			upon off out up down past till until unlike versus vs vs.
			and or but nor so yet while when where who whom which that whose because if though
			although whether unless whereas then than
			the a an this these those that its his her their our my your each every either
			neither both all any some no such what
			he she it they we you i me him them us
			is are was were be been being am have has had having will would could can may
			might must should shall do does did done 's 're 've 'd 'll n't
			said says say told tell tells according reportedly allegedly already now still also
			thought believed feared presumed
			too very just only even again already ever never not really almost nearly
			more most less least much many few fewer several enough
			here there where today yesterday tomorrow ago later earlier each apiece
			killed died dies die arrived arrive arrives remain remains remained went go goes
			left leave came come comes took take made make were
			monday tuesday wednesday thursday friday saturday sunday`),
		adjEd: set(`armoured armored wounded injured trained guided unmanned displaced detained
			captured skilled advanced improvised disabled mechanised mechanized motorised motorized
			specialised specialized dedicated experienced uniformed registered confirmed
			unconfirmed estimated reported alleged suspected missing dead armed unarmed
			enlisted conscripted mobilised mobilized additional`),
		headEd: set(`wounded injured dead missing displaced detained captured armoured armored unarmed armed
			uniformed enlisted`),
		aboutHeads: set(`talk talks talking talked speak speaks speaking spoke think thinks thinking thought
			know knew known worry worried concerned care cared ask asked asking write wrote writing
			hear heard read learn learned complain complained argue argued joke joked boast boasted
			lie lied lying bring brought come came
			information details news question questions concern concerns doubt doubts fear fears story stories
			debate discussion discussions claim claims allegation allegations rumour rumours rumor rumors
			warning warnings article book film documentary`),
		overVerbs: set(`preside presides presided presiding argue argues argued arguing clash clashes clashed clashing
			quarrel quarrels quarrelled quarreled worry worries worried fret frets fretted hand hands handed handing
			mull mulls mulled mulling disagree disagreed feud feuded wrangle wrangled squabble squabbled`),
		ingNouns: set(`building buildings housing shelling bombing training clothing funding warning meeting
			landing crossing offering morning evening ceiling`),
		lyNouns: set(`family ally rally supply assembly anomaly monopoly belly italy july military-only`),
		leading: set(`more extra additional further other`),
		irregular: map[string]string{
			"people": "person", "men": "man", "women": "woman", "children": "child",
			"personnel": "personnel", "police": "police", "staff": "staff", "feet": "foot",
			"teeth": "tooth", "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife",
			"knives": "knife", "halves": "half", "wolves": "wolf", "shelves": "shelf",
			"series": "series", "species": "species", "news": "news", "aircraft": "aircraft",
			"crew": "crew", "militia": "militia", "troops": "troop", "civilians": "civilian",
			"casualties": "casualty", "data": "data", "media": "media", "criteria": "criterion",
			"analyses": "analysis", "crises": "crisis", "bases": "base", "buses": "bus",
			"gases": "gas", "ammunition": "ammunition", "artillery": "artillery",
			"kin": "kin", "cattle": "cattle", "refugees": "refugee", "heroes": "hero",
			"houses": "house", "horses": "horse", "uses": "use", "cases": "case", "vehicles": "vehicle",
			"missiles": "missile", "responses": "response", "purposes": "purpose", "courses": "course",
			"sources": "source", "forces": "force", "offices": "office", "services": "service",
			"prices": "price", "devices": "device", "pieces": "piece", "places": "place",
			"resources": "resource", "licenses": "license", "defences": "defence", "defenses": "defense",
			"drones": "drone", "phases": "phase", "increases": "increase", "releases": "release",
		},
		plurals: set(`people men women children personnel police staff aircraft troops militia cattle
			civilians kin`),
		dets:      set(`the a an its his her their our my your this that these those every each 's ' another`),
		partitive: set(`them us those these whom which it you whom`),
		container: set(`rounds round units unit pieces piece tonnes tons shipments shipment batches batch
			barrels barrel packages package types kinds sorts sets set boxes crates bags litres liters
			cubic square`),
	}
	for _, c := range []string{"USD", "EUR", "GBP", "UAH", "RUB", "CNY", "JPY", "CHF", "CAD", "AUD",
		"PLN", "INR", "KRW", "ILS", "TRY", "IRR", "SEK", "NOK", "DKK", "CZK", "HUF", "RON", "BGN", "NZD", "HKD"} {
		t.currCode[c] = c
	}
	t.dollarPrefix = map[string]string{"us": "USD", "u.s.": "USD", "c": "CAD", "ca": "CAD", "a": "AUD",
		"au": "AUD", "hk": "HKD", "nz": "NZD", "s": "SGD", "canadian": "CAD", "australian": "AUD",
		"singapore": "SGD", "taiwan": "TWD", "american": "USD"}
	t.starts = set(`a an half several few many between us u.s. c ca au hk nz s`)
	for _, m := range []map[string]float64{t.units, t.vague, t.ordinals} {
		for w := range m {
			t.starts[w] = true
		}
	}
	t.approx = make(map[string][]approximator)
	add := func(phrase, approx string, bound byte) {
		w := strings.Fields(phrase)
		t.approx[w[0]] = append(t.approx[w[0]], approximator{words: w, approx: approx, bound: bound})
	}
	// Longer phrases first: the scanner takes the first that matches.
	for _, p := range []string{"some", "about", "around", "roughly", "approximately", "approx.",
		"an estimated", "estimated", "circa", "c.", "perhaps", "maybe", "just about", "close to",
		"nearly", "almost", "approaching", "getting on for", "in the region of", "on the order of",
		"or so", "some estimated"} {
		bound := byte(0)
		switch p {
		case "nearly", "almost", "approaching", "close to", "getting on for":
			bound = 'h'
		}
		add(p, About, bound)
	}
	for _, p := range []string{"as many as", "as much as", "up to", "as high as", "as large as"} {
		add(p, UpTo, 'h')
	}
	for _, p := range []string{"at least", "no fewer than", "no less than", "not less than",
		"not fewer than", "a minimum of", "at a minimum"} {
		add(p, AtLeast, 'l')
	}
	for _, p := range []string{"more than", "well over", "just over", "over", "above", "in excess of",
		"upwards of", "upward of", "exceeding", "well above", "just above", "beyond", "north of"} {
		add(p, MoreThan, 'l')
	}
	for _, p := range []string{"no more than", "not more than", "at most", "at the most", "a maximum of",
		"maximum of", "no greater than"} {
		add(p, AtMost, 'h')
	}
	for _, p := range []string{"less than", "fewer than", "just under", "well under", "under",
		"below", "just below", "well below", "short of", "just short of"} {
		add(p, LessThan, 'h')
	}
	for w := range t.approx {
		t.starts[w] = true
	}
	for w, list := range t.approx {
		// Longest first.
		for i := 1; i < len(list); i++ {
			for j := i; j > 0 && len(list[j].words) > len(list[j-1].words); j-- {
				list[j], list[j-1] = list[j-1], list[j]
			}
		}
		t.approx[w] = list
	}
	return t
}

// lemma returns the singular of a lower-case noun: "troops" → "troop",
// "casualties" → "casualty", "people" → "person".
func (t *tables) lemma(w string) string {
	if l, ok := t.irregular[w]; ok {
		return l
	}
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies") && !strings.HasSuffix(w, "eies"):
		return w[:n-3] + "y"
	case n > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "ches") ||
		strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "zzes")):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// isPlural reports whether a lower-case word looks like a plural noun.
func (t *tables) isPlural(w string) bool {
	if t.plurals[w] {
		return true
	}
	if l, ok := t.irregular[w]; ok {
		return l != w
	}
	n := len(w)
	return n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i' && w[n-2] != '\''
}
