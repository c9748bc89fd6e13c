// Package event is the event stage: it finds typed events in each sentence
// from trigger words and the earlier layers. A sentence yields at most one
// event of each type. The types are those of news.Event.Type:
//
//	deployment     troops sent or stationed ("sent some 2,000 troops")
//	arms_transfer  weapons or ammunition supplied ("delivered 500 missiles")
//	aid_pledge     aid promised ("pledged $90m"): donor, recipient, what,
//	               how much, by when, after the Kiel Institute's Ukraine
//	               Support Tracker
//	aid_delivery   aid handed over ("delivered generators")
//	strike         an attack ("missiles hit the plant")
//	casualties     people killed or wounded ("killing three workers")
//	capture        territory taken ("captured the village of Hirnyk")
//	agreement      a pact, treaty or deal signed or agreed
//	meeting        a visit, meeting or talks
//	threat         a threat or ultimatum
//
// Participants come from the entity layer: the states, organisations and
// people named before the trigger are the actors; those named after it
// (for a transfer, deployment or aid, after "to" or "for") the target; a
// place named after "in", "on", "at", "near" or "of" (or a LOC mention)
// the place. Time is the sentence's first resolved time expression,
// amounts the sentence's quantities. Each type carries the nearest ACLED
// event type and sub-event type and the CAMEO root code.
package event

import (
	"context"
	"errors"
	"strings"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/news"
)

// ErrNoSentences is returned for text with no sentence or token layer.
var ErrNoSentences = errors.New("event: no sentences or tokens (run the sentence stage first)")

// Stage is the event stage. It is safe for concurrent use.
type Stage struct{}

// New returns the stage.
func New() *Stage { return &Stage{} }

// Process sets a.Events.
func (s *Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if (len(a.Sentences) == 0 || len(a.Tokens) == 0) && strings.TrimSpace(a.Text) != "" {
		return ErrNoSentences
	}
	a.Events = Find(a)
	return nil
}

// Mapping is the nearest ACLED and CAMEO category of an event type.
type Mapping struct {
	ACLEDType, ACLEDSubType, CAMEO string
}

// Mappings maps every event type to ACLED (event type / sub-event type,
// ACLED codebook 2023) and the CAMEO root code (CAMEO 1.1b3).
var Mappings = map[string]Mapping{
	"deployment":    {"Strategic developments", "Other", "15"},                                 // exhibit force posture
	"arms_transfer": {"Strategic developments", "Other", "07"},                                 // provide aid (072 military aid)
	"aid_pledge":    {"Strategic developments", "Other", "03"},                                 // express intent to cooperate (033 material aid)
	"aid_delivery":  {"Strategic developments", "Other", "07"},                                 // provide aid
	"strike":        {"Explosions/Remote violence", "Air/drone strike", "19"},                  // fight (195 aerial weapons)
	"casualties":    {"Explosions/Remote violence", "", "19"},                                  // fatalities are a field of the violent event
	"capture":       {"Battles", "Armed clash", "19"},                                          // fight
	"agreement":     {"Strategic developments", "Agreement", "05"},                             // diplomatic cooperation (057 sign agreement)
	"meeting":       {"Strategic developments", "Other", "04"},                                 // consult (042 make a visit)
	"threat":        {"Strategic developments", "Other", "13"},                                 // threaten
	"retake":        {"Battles", "Government regains territory", "19"},                         // used for capture by "recaptured", "retook", "liberated"
	"clash":         {"Battles", "Armed clash", "19"},                                          // used for strike by "clashed"
	"shelling":      {"Explosions/Remote violence", "Shelling/artillery/missile attack", "19"}, // used for strike by missiles, shells, rockets
}

// word lists, lower case.
var (
	troopNouns     = set("troops troop soldiers soldier battalion battalions brigade brigades forces personnel instructors troopers units contingent servicemen fighters marines paratroopers")
	weaponNouns    = set("missiles missile shells shell ammunition munitions jets jet fighter tanks tank weapons arms artillery drones drone rockets rocket howitzers howitzer patriot patriots amraam f-16 f-16s mirage mirages himars atacms launchers systems air-defence air-defense interceptors rounds vehicles")
	aidNouns       = set("aid assistance funds funding money loan loans grant grants package support generators transformers humanitarian equipment budget")
	attackCtx      = set("missile missiles drone drones rocket rockets shell shells strike strikes airstrike bomb bombs artillery attack")
	deployVerbs    = set("deploy deployed deploying deploys deployment deployments sent send sending sends dispatched dispatch dispatching stationed moved arrived arriving arrival")
	transferVerbs  = set("supply supplied supplying supplies deliver delivered delivering delivery deliveries provide provided providing transfer transferred shipped ship send sent sending give gave giving hand handed")
	pledgeVerbs    = set("pledge pledged pledges pledging promise promised promises commit committed commits announced announce allocate allocated allocating allocates invest")
	strikeWords    = set("strike strikes struck hit hits attack attacks attacked shelled shelling bombed bombing bombardment bombarded smashed airstrike airstrikes launched targeted pounded clashed clash clashes")
	casualtyWords  = set("killed killing kill kills dead died dying wounded wounding injured injuring casualties casualty death deaths toll")
	captureWords   = set("captured capture captures seized seize took taken control recaptured retook retaken liberated occupied overran encircled")
	retakeWords    = set("recaptured retook retaken liberated")
	agreementWords = set("agreement agreements treaty treaties pact accord deal ceasefire truce memorandum signed sign alliance")
	meetingWords   = set("visit visited visiting visits met meet meeting meetings talks summit hosted host conference")
	threatWords    = set("threatened threaten threatens threat threats ultimatum retaliate retaliation")
	placePreps     = set("in on at near of into across outside around")
	toPreps        = set("to for into")
	deliveryVerbs  = set("delivered delivering handed shipped donated")
	clashWords     = set("clashed clash clashes")
	weakStrike     = set("hit hits launched targeted")
	cueWords       = set("said says say told stated according claimed believes believe reported estimates warned added")
)

// set is the one word-list helper of the stages.
var set = tokens.Set

type word struct {
	news.Span
	lower string
	money bool // a number with a scale written onto it
}

// words returns the words and numbers of sentence sent, lower-cased,
// from the token layer (read through v); punctuation is left out.
func words(v *tokens.View, sent news.Span) []word {
	lo, hi := tokens.Within(len(v.Toks), func(i int) int { return v.Toks[i].Start }, sent)
	out := make([]word, 0, hi-lo)
	for i := lo; i < hi && v.Toks[i].End <= sent.End; i++ {
		if v.Toks[i].Kind == news.TokenPunct {
			continue
		}
		w := word{Span: v.Toks[i].Span, lower: v.Low(i)}
		if v.IsNum(i) && v.Touch(i) && moneyScales[v.Low(i+1)] {
			w.money = true // "$90m", "1.5bn"
		}
		out = append(out, w)
	}
	return out
}

// moneyScales are the abbreviated scales written onto an amount.
var moneyScales = set("m bn mn b")

func has(ws []word, m map[string]bool) bool {
	for _, w := range ws {
		if m[w.lower] {
			return true
		}
	}
	return false
}

// trigger returns the index of the first word in m, or -1.
func trigger(ws []word, m map[string]bool) int {
	for i, w := range ws {
		if m[w.lower] {
			return i
		}
	}
	return -1
}

// Find returns the events of a, in text order.
func Find(a *news.Article) []news.Event {
	var out []news.Event
	v := tokens.NewView(a.Text, a.Tokens)
	for _, sent := range a.Sentences {
		ws := words(&v, sent.Span)
		if len(ws) == 0 || ws[0].lower == "if" {
			continue // nothing, or a hypothetical
		}
		for _, typ := range []string{"deployment", "arms_transfer", "aid_pledge", "aid_delivery", "strike", "casualties", "capture", "agreement", "meeting", "threat"} {
			i := match(typ, ws)
			if i < 0 {
				continue
			}
			out = append(out, build(a, sent.Span, ws, i, typ))
		}
	}
	return out
}

// match returns the trigger index of an event of type typ in ws, or -1.
func match(typ string, ws []word) int {
	switch typ {
	case "deployment":
		i := trigger(ws, deployVerbs)
		if i >= 0 && (ws[i].lower == "deployment" || ws[i].lower == "deployments" || has(ws, troopNouns) && !has(ws, casualtyWords)) {
			return i
		}
	case "arms_transfer":
		if has(ws, weaponNouns) && !has(ws, pledgeVerbs) && !has(ws, strikeWords) {
			return trigger(ws, transferVerbs)
		}
	case "aid_pledge":
		if has(ws, aidNouns) || has(ws, weaponNouns) || hasMoney(ws) {
			return trigger(ws, pledgeVerbs)
		}
	case "aid_delivery":
		if has(ws, aidNouns) && !has(ws, weaponNouns) && !has(ws, pledgeVerbs) {
			return trigger(ws, deliveryVerbs)
		}
	case "strike":
		i := trigger(ws, strikeWords)
		if i >= 0 && (!weakStrike[ws[i].lower] || has(ws, attackCtx)) {
			return i
		}
	case "casualties":
		return trigger(ws, casualtyWords)
	case "capture":
		i := trigger(ws, captureWords)
		if i < 0 {
			return -1
		}
		// "took control" and "taken control" need "control"; "control"
		// alone needs "took" or "taken" before it.
		switch ws[i].lower {
		case "took", "taken":
			if i+1 < len(ws) && ws[i+1].lower == "control" {
				return i
			}
			return -1
		case "control":
			return -1
		case "occupied":
			if i > 0 && ws[i-1].lower == "the" {
				return -1 // "the occupied territories"
			}
		}
		return i
	case "agreement":
		i := trigger(ws, agreementWords)
		if i >= 0 && (ws[i].lower == "sign" || ws[i].lower == "signed" || ws[i].lower == "alliance") && !has(ws, set("agreement treaty pact accord deal memorandum")) {
			return -1
		}
		return i
	case "meeting":
		return trigger(ws, meetingWords)
	case "threat":
		return trigger(ws, threatWords)
	}
	return -1
}

func hasMoney(ws []word) bool {
	for _, w := range ws {
		if w.money {
			return true
		}
	}
	return false
}

// build fills an event of type typ triggered by ws[i] in sentence sent.
func build(a *news.Article, sent news.Span, ws []word, i int, typ string) news.Event {
	ev := news.Event{Span: sent, Type: typ, Trigger: a.Text[ws[i].Start:ws[i].End], TriggerSpan: ws[i].Span}
	m := Mappings[typ]
	switch {
	case typ == "capture" && retakeWords[ws[i].lower]:
		m = Mappings["retake"]
	case typ == "strike" && clashWords[ws[i].lower]:
		m = Mappings["clash"]
	case typ == "strike" && has(ws, set("missile missiles rocket rockets shell shells shelling shelled artillery")):
		m = Mappings["shelling"]
	}
	ev.ACLEDType, ev.ACLEDSubType, ev.CAMEO = m.ACLEDType, m.ACLEDSubType, m.CAMEO
	trig := ws[i].Start
	// Participants from the entity layer.
	prev := func(pos int) string { // the word just before byte pos
		for k := len(ws) - 1; k >= 0; k-- {
			if ws[k].End <= pos {
				return ws[k].lower
			}
		}
		return ""
	}
	// A reporting clause names the speaker, not a participant: "…,
	// officials said", "according to X", "X said that …".
	lo, hi := sent.Start, sent.End
	for k, w := range ws {
		if !cueWords[w.lower] {
			continue
		}
		if k > i {
			hi = w.Start
			break
		}
		lo = w.End
	}
	// The sentence's slice of each layer: the layers are in text order.
	elo, ehi := tokens.Within(len(a.Entities), func(k int) int { return a.Entities[k].Start }, sent)
	mentions := a.Entities[elo:ehi]
	for _, mt := range mentions {
		if mt.Start < lo || mt.End > hi {
			continue
		}
		name := mt.Entity
		if name == "" {
			name = mt.Text
		}
		p := prev(mt.Start)
		switch {
		case mt.Start < trig && mt.Type != "LOC" && !placePreps[p]:
			if !contains(ev.Actors, name) {
				ev.Actors = append(ev.Actors, name)
			}
		case mt.Start > trig && toPreps[p] && ev.Target == "":
			ev.Target = name
		case (mt.Type == "LOC" || placePreps[p]) && ev.Place == "":
			ev.Place = name
		case mt.Start > trig && ev.Target == "" && mt.Type != "LOC":
			ev.Target = name
		}
	}
	if len(ev.Actors) == 0 && lo > sent.Start {
		// "Norway said it would invest $90m": with no agent after the
		// reporting clause, its speaker is the agent.
		for _, mt := range mentions {
			if mt.Start >= sent.Start && mt.End <= lo && mt.Type != "LOC" {
				name := mt.Entity
				if name == "" {
					name = mt.Text
				}
				if !contains(ev.Actors, name) {
					ev.Actors = append(ev.Actors, name)
				}
			}
		}
	}
	if typ == "strike" || typ == "capture" || typ == "casualties" {
		// What is hit or taken is a place.
		if ev.Place == "" && ev.Target != "" {
			ev.Place = ev.Target
		}
	}
	tlo, thi := tokens.Within(len(a.Times), func(k int) int { return a.Times[k].Start }, sent)
	for _, t := range a.Times[tlo:thi] {
		if t.Start >= sent.Start && t.End <= sent.End && t.Resolved && t.Value != "" {
			ev.Time = t.Value
			break
		}
	}
	qlo, qhi := tokens.Within(len(a.Quantities), func(k int) int { return a.Quantities[k].Start }, sent)
	for k := qlo; k < qhi; k++ {
		q := a.Quantities[k]
		if q.Start >= sent.Start && q.End <= sent.End && relevant(typ, q) {
			ev.Quantities = append(ev.Quantities, k)
		}
	}
	if typ == "aid_pledge" || typ == "aid_delivery" || typ == "arms_transfer" {
		ev.What = what(ws, i)
	}
	return ev
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

// what names what is given: the first weapon or aid noun after the
// trigger, else before it.
func what(ws []word, i int) string {
	for _, k := range append(seq(i+1, len(ws)), seq(0, i)...) {
		if weaponNouns[ws[k].lower] || aidNouns[ws[k].lower] && ws[k].lower != "support" && ws[k].lower != "package" {
			return ws[k].lower
		}
	}
	return ""
}

func seq(a, b int) []int {
	var out []int
	for k := a; k < b; k++ {
		out = append(out, k)
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
