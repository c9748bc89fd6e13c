// Package event is the event stage: it finds typed events in each sentence
// from trigger words read through the syntax layer, with participants from
// the dependency tree and the entity layer. A sentence yields at most one
// event of each type and a trigger word at most one event. The types are
// those of news.Event.Type:
//
//	deployment     troops sent or stationed ("sent some 2,000 troops")
//	arms_transfer  weapons or ammunition supplied ("delivered 500 missiles")
//	aid_pledge     aid promised ("pledged $90m"; "will provide 6,000
//	               missiles"): donor, recipient, what, how much, by when,
//	               after the Kiel Institute's Ukraine Support Tracker
//	aid_delivery   aid handed over ("delivered generators")
//	strike         an armed attack ("missiles hit the plant"), not a
//	               stoppage, an assault in court or a war of words
//	casualties     people killed or wounded ("killing three workers"),
//	               not deaths of illness or age
//	capture        territory taken ("captured the village of Hirnyk")
//	agreement      a pact, treaty or deal signed or agreed
//	meeting        a visit, meeting or talks
//	threat         a threat or ultimatum
//
// A trigger is a word whose lemma and part of speech fit a type (triggers.go)
// and that asserts an event (clause.go): not negated, not under a modal of
// possibility, a condition ("if", "unless"), a question or a verb of wanting,
// urging, trying or readiness ("urged NATO to impose", "ready to meet"),
// not called off or turned down ("cancelled a trip"), not a forecast of a
// strike or deaths ("will be killed") nor a hypothetical one ("such an
// attack would", "a potential strike", "any deal"), not a predicate noun
// ("that's a big deal"), not a bare plural kind ("too many treaties"). A strike that
// kills gives a strike and a casualties event: the deaths are a fact of
// their own (ACLED carries them as the event's fatalities); [Group] joins
// events that report one happening.
//
// Participants come from the tree (participants.go): the actors are the
// trigger's subject (the agent of a passive; for a noun, its possessor, its
// demonym or the subject of the verb it is the object of, unless that verb
// only looks on: "condemned the attack"; never who died), the target its
// object or its "to", "with" or "against" phrase, the place an "in", "at",
// "near" or "on" phrase (for a visit its "to" phrase) whose entity is a
// place (a LOC, or a GPE that is not the target), never a person, an
// organisation or a demonym. Time is the resolved time expression of the
// trigger's clause as a plain ISO date, month, year or interval of those
// (weeks, quarters and seasons become intervals; durations are not times);
// a time inside another clause ("Lukashenko, who allowed … last year")
// dates that clause, not the event. An event whose time ended more than a year
// before publication is history told as background and is left out. Each
// type carries the nearest ACLED event type and sub-event type and the
// CAMEO root code.
//
// Sentences the syntax stage did not parse give no events: the syntax
// stage parses every sentence with a trigger lemma (syntax.NeedsParse).
// Readers' letters (the genre layer) give no events: they are views, not
// reports. Opinion and analysis pieces keep theirs: on the real-news gold
// set (testdata/gold/events) their windows hold 14 stated events against
// 9 generic, hypothetical or background ones, about the ratio of news
// (83 to 47), so once the assertion checks have run the genre says little
// more about whether an event happened.
package event

import (
	"context"
	"errors"
	"slices"
	"strings"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/news"
)

// ErrNoSentences is returned for text with no sentence or token layer.
var ErrNoSentences = errors.New("event: no sentences or tokens (run the sentence stage first)")

// ErrNoSyntax is returned for text with no syntax layer.
var ErrNoSyntax = errors.New("event: no syntax layer (run the syntax stage first)")

// Stage is the event stage. It is safe for concurrent use.
type Stage struct{}

// New returns the stage.
func New() *Stage { return &Stage{} }

// Process sets a.Events.
func (s *Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if strings.TrimSpace(a.Text) == "" {
		a.Events = nil
		return nil
	}
	if len(a.Sentences) == 0 || len(a.Tokens) == 0 {
		return ErrNoSentences
	}
	if len(a.Syntax) != len(a.Tokens) {
		return ErrNoSyntax
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

// Types are the event types in the order a sentence is searched.
var Types = []string{"deployment", "arms_transfer", "aid_pledge", "aid_delivery", "strike", "casualties", "capture", "agreement", "meeting", "threat"}

// skipGenres are the genres whose articles give no events.
var skipGenres = map[string]bool{news.GenreLetter: true}

// Find returns the events of a, in text order. a needs its token,
// sentence and syntax layers; the entity, time and quantity layers and
// the genre give participants, times and amounts when present.
func Find(a *news.Article) []news.Event {
	if len(a.Syntax) != len(a.Tokens) || a.Genre != nil && skipGenres[a.Genre.Kind] {
		return nil
	}
	var out []news.Event
	v := tokens.NewView(a.Text, a.Tokens)
	for _, sent := range a.Sentences {
		lo, hi := tokens.Within(len(a.Tokens), func(i int) int { return a.Tokens[i].Start }, sent.Span)
		for hi > lo && a.Tokens[hi-1].End > sent.End {
			hi--
		}
		if hi <= lo || !a.Syntax[lo].Parsed() || !candidate(a.Syntax[lo:hi]) {
			continue
		}
		s := newClause(a, &v, sent.Span, lo, hi)
		if s.question() {
			continue
		}
		var used []int
		for _, typ := range Types {
			for i := lo; i < hi; i++ {
				if slices.Contains(used, i) || !s.triggers(i, typ) || !s.asserts(i, typ) {
					continue
				}
				ev, ok := s.build(i, typ)
				if !ok {
					break // history: the sentence's event of this type is background
				}
				used = append(used, i)
				out = append(out, ev)
				break
			}
		}
	}
	return out
}

// candidate reports whether a sentence's syntax holds a trigger lemma.
func candidate(syn []news.Syntax) bool {
	for _, x := range syn {
		if verbTriggers[x.Lemma] != nil || nounTriggers[x.Lemma] != nil || x.UPOS == news.PROPN && nounTriggers[strings.ToLower(x.Lemma)] != nil {
			return true
		}
	}
	return false
}
