// Package claim finds attributed statements: who says what, with which
// reporting cue, directly or indirectly, hedged or not, and nested in
// which other statement. It is the claim layer (news.Article.Claims) and
// reads the sentence, syntax and entity layers.
//
// The finder is rule based. A cue is a reporting verb or phrase ("said",
// "told", "according to", "quoting", "told me in an interview"); a
// reporting verb counts only where the syntax layer, when there is one,
// tags it VERB ("states" the noun is no cue); its
// speaker is the noun phrase on either side ("X said", "said X", "…, X
// said.", "according to X"), or the subject the syntax layer gives where
// the rules find none ("…, saying" takes its clause's subject), trimmed
// to the noun phrase (no apposition, trailing date or "data from") and
// resolved to the entity mention that heads it. Pronouns and
// descriptions ("she", "they", "it", "the ministry", "the statement")
// resolve to the nearest compatible actor or stay as written, a pronoun
// marked unresolved ("they (unresolved)", Unresolved) (speaker.go);
// inside a quotation "I" and "we" are the quotation's speaker and "he",
// "she", "they" never are. A role left unresolved ("the prime minister
// said") is the person the text titles with it. A progressive reporting
// verb ("No 10 had been warning") has its own subject.
// Pledges and plans to give by states and bodies ("Britain pledged
// £50m", "the US agreed to send", "the UK is sending 1,600 missiles")
// are claims of their subject, up to a relative clause on a place or
// time (pledge.go). Evidence speaks for its
// source ("the data showed" after "data from Q", "a decree published
// by Q" → Q; "it shows" after a
// survey whose conductor is named within three sentences); "X said this"
// states the sentence before; a sentence that goes on with a statement
// ("There will also be …"; reported speech that goes on in the past
// perfect) or a quotation that opens a sentence of its
// own with no cue belongs to the statement before; a role in the lead
// ("Nato's secretary general has said") is the person named as a
// speaker next; a readers' letters page credits each letter to the
// writer its signature names (extend.go). Two noun phrases in
// apposition give the named one ("Name, role, said"; "body, led by X,
// said" → the body); a share of respondents credits the institute it
// told and the poll before; a relative pronoun that reports a clause is
// its antecedent; "the company" is the organisation that spoke last; any
// verb before a colon and a quotation is a cue. A claim nested in
// another records the outer speaker as its relay. A statement whose
// quotation runs over several sentences is extended back to its opening
// quotation mark. Some verbs are cues only before a "that" clause ("the
// IMF expects that …", "argued that"); a finding verb takes any speaker
// before "that" ("the Observer found that"). One piece of evidence
// with no source named speaks as written ("according to the poll", "a
// new poll showed"); bare plurals ("revised estimates", "records show")
// leave the statement to the outlet. Evidence after "in" ("In a <named>
// poll, …", "… in the RealClearPolitics average of polls") speaks for
// its clause; a possessor's estimate or forecast is the possessor's; a
// statement goes on past a mid-sentence attribution ("…, according to
// Q, and …") and, when the words before "according to Q," hold no verb,
// is the clause after it. A share of respondents that speaks ("51
// percent said") answers the evidence that reports it. Quotations run on
// over the paragraphs that open with the mark again, and a line ending
// in a verb and a colon credits the quoted paragraph after it.
//
// The stage (New) then adds the claims the learned attribution tagger
// (internal/attribution) finds with a reporting verb the rules missed
// ("have warned", "has denied", "adding"), and takes the tagger's source
// where a rule speaker is cut short ("U" of "U.K. officials"); see
// AddLearned.
package claim

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/attribution"
	"sitrep/internal/news"
)

// Stage is the claim stage. The zero value is ready to use and runs the
// rules alone; New adds the learned tagger's claims (AddLearned).
type Stage struct {
	model *attribution.Model
	err   error
}

// New returns the claim stage with the embedded attribution model.
func New() *Stage {
	m, err := attribution.Default()
	return &Stage{model: m, err: err}
}

// ErrNoTokens is returned for text with no token or sentence layer.
var ErrNoTokens = errors.New("claim: no tokens or sentences (run the sentence stage first)")

// Process sets a.Claims.
func (s *Stage) Process(ctx context.Context, a *news.Article) error {
	if s.err != nil {
		return s.err
	}
	if (len(a.Tokens) == 0 || len(a.Sentences) == 0) && strings.TrimSpace(a.Text) != "" {
		return ErrNoTokens
	}
	a.Claims = AddLearned(a, Find(a), s.model)
	dashQuotes(a.Text, a.Claims)
	return nil
}

// cue is one reporting cue: its words, lower case, and whether the
// speaker follows it ("according to X") rather than preceding it.
type cue struct {
	words      []string
	after      bool // the speaker follows the cue
	inversion  bool // a verb that may invert: "said X"
	participle bool // "…, saying": the speaker is the clause's subject, from the syntax layer; "X had been warning": X
	evidence   bool // "the data showed": the subject must be evidence (evidenceHead)
	// accusation: the object is who it is about and its content the
	// "of …" phrase ("accused the coalition of killing 60 civilians").
	accusation bool
	// that: a cue only with a "that" clause right after it and no form
	// of be before it ("the IMF expects that …", not "it is expected").
	that bool
	// quoted: a cue only beside a quotation mark ("“…,” he continued",
	// "He replied, “…”"): verbs that report speech only next to a
	// quotation.
	quoted bool
	// at: a cue only with "at" and an amount after its object ("put the
	// toll at 90,000"): an estimate, not a verb of placing.
	at bool
	// as: a cue only with "as" and a description after its object
	// ("described the build-up of 100,000 troops as the largest since
	// the Cold War"): a characterisation, not a narration.
	as bool
	// progressive: a cue only after a form of be ("had been warning"),
	// not as a participle ("…, warning that"), and not in a free
	// relative ("what we have been telling our partners").
	progressive bool
}

// asAfter says whether an object and then "as" follow ws[k] before the
// clause ends ("described the build-up as the largest"), not "as well
// as" or "such as".
func asAfter(ws []word, k int) bool {
	for j := k + 1; j < len(ws) && j <= k+15; j++ {
		w := ws[j].lower
		if ws[j].punct && clausePunct(w) && w != "," && w != "-" {
			return false
		}
		if w == "as" && ws[j-1].lower != "such" && !(j+2 < len(ws) && ws[j+1].lower == "well" && ws[j+2].lower == "as") && ws[j-1].lower != "well" {
			return true
		}
	}
	return false
}

// amountAt says whether the words from k hold, before the clause ends,
// "at" and an amount: the object of an estimate ("put total casualties at
// over 1.2 million"), not "at least" or a place ("at the border").
func amountAt(ws []word, k int) bool {
	for ; k+1 < len(ws); k++ {
		w := ws[k].lower
		if w == "." || w == ";" || w == ":" {
			return false
		}
		if w != "at" {
			continue
		}
		next := ws[k+1].lower
		if next == "least" || next == "most" {
			continue
		}
		if next == "a" || next == "an" || next == "one" {
			// "at a third", "at one million", "at a solid 50 percent"
			// (not "at a summit", "at one recent rally")
			if k+2 < len(ws) && scaleWords[ws[k+2].lower] || k+3 < len(ws) && digit(ws[k+3].lower) {
				return true
			}
			continue
		}
		if digit(next) || amountWords[next] {
			return true
		}
	}
	return false
}

// digit says whether a word starts with a digit.
func digit(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// amountWords open an amount after "at": an approximator or a number
// word ("at around 600,000", "at some 5,000", "at nearly half").
var amountWords = tokens.Set(`about around over some roughly nearly almost more less under approximately between
	two three four five six seven eight nine ten twelve fifteen twenty thirty forty fifty hundreds thousands
	tens dozens half`)

// scaleWords make an amount of "a" or "one" after "at" ("at a third",
// "at one million").
var scaleWords = tokens.Set(`dozen hundred thousand million billion trillion half third quarter fifth tenth`)

// pollCue is the "in" that opens a sentence with a poll's name and a
// comma ("In the latest YouGov survey, 71 percent …", pollFrame): the
// poll speaks for what follows. It is no cue elsewhere.
var pollCue = cue{words: []string{"in"}, after: true}

var cues = func() []cue {
	verbs := []string{"said", "says", "say", "told", "tells", "estimates", "estimated", "estimate",
		"warned", "warns", "confirmed", "confirms", "denied", "denies", "reported", "reports",
		"claimed", "claims", "wrote", "writes", "added", "adds", "stated", "states", "announced",
		"announces", "believes", "believe", "believed", "insisted", "noted", "notes", "acknowledged", "admitted", "explained", "declared", "declares",
		"disclosed", "discloses", "revealed", "reveals", "conceded", "concedes", "explains",
		"reminded", "reminds", "specified", "emphasized", "emphasised", "stressed", "assessed", "assesses"}
	// Verbs whose speaker never follows them: what they foresee is
	// their object ("projected a pick-up of five seats").
	forward := []string{"projected", "projects", "predicted", "predicts", "forecast", "forecasts", "cited", "cites"}
	var out []cue
	// Longest phrases first, so "told me in an interview" wins over "told".
	out = append(out,
		cue{words: strings.Fields("told me in an interview")},
		cue{words: strings.Fields("said in a statement")},
		cue{words: strings.Fields("according to"), after: true},
		cue{words: strings.Fields("quoting"), after: true},
		cue{words: strings.Fields("citing"), after: true},
	)
	for _, v := range verbs {
		out = append(out, cue{words: []string{v}, inversion: true})
	}
	for _, v := range forward {
		out = append(out, cue{words: []string{v}})
	}
	for _, v := range []string{"accused", "accuses"} {
		out = append(out, cue{words: []string{v}, accusation: true})
	}
	for _, v := range []string{"expects", "expect", "argues", "argued", "argue", "contends", "contended", "concluded", "concludes",
		"calculates", "calculated", "calculate", "reckons", "reckoned",
		"assured", "assures", "informed", "informs", "underlined", "underlines", "boasted", "boasts", "bragged", "brags",
		"charged", "charges"} {
		out = append(out, cue{words: []string{v}, that: true})
	}
	out = append(out, cue{words: []string{"pointed", "out"}, that: true}, cue{words: []string{"points", "out"}, that: true})
	for _, v := range []string{"put", "puts", "putting", "placed", "places"} {
		out = append(out, cue{words: []string{v}, at: true})
	}
	for _, v := range []string{"described", "describes", "describe", "characterised", "characterized", "characterises", "characterizes"} {
		out = append(out, cue{words: []string{v}, as: true})
	}
	for _, v := range []string{"continued", "continues", "replied", "replies", "responded", "responds", "recalled",
		"recalls", "joked", "quipped", "tweeted", "tweets", "went on", "goes on", "reads", "asked", "asks", "shouted", "exclaimed",
		"cautioned", "cautions", "observed", "observes", "remarked", "remarks", "urged", "urges", "vowed", "vows",
		"promised", "promises", "complained", "complains", "countered", "counters", "lamented", "laments",
		"maintained", "maintains", "proclaimed", "proclaims", "reiterated", "reiterates", "objected", "protested",
		"testified", "testifies", "pleaded", "mused", "muses", "thundered", "retorted", "scoffed", "agreed", "agrees",
		"answered", "answers", "recounted", "wondered"} {
		out = append(out, cue{words: strings.Fields(v), inversion: true, quoted: true})
	}
	for _, v := range []string{"saying", "claiming"} {
		out = append(out, cue{words: []string{v}, participle: true})
	}
	out = append(out, cue{words: []string{"pointing", "out"}, participle: true, that: true})
	for _, v := range []string{"warning", "insisting", "telling", "noting", "admitting", "acknowledging",
		"confirming", "denying", "explaining", "announcing", "stating"} {
		out = append(out, cue{words: []string{v}, participle: true, progressive: true})
	}
	for v := range evidenceVerbs {
		out = append(out, cue{words: []string{v}, evidence: true})
	}
	return out
}()

// hedgeWords are the hedges a claim records, as written (lower case).
var hedgeWords = []string{
	"could not be independently verified", "not independently verified", "unverified",
	"reportedly", "allegedly", "is expected to", "are expected to", "expected", "expects", "expect",
	"may", "might", "could", "likely", "appeared to", "appear to", "apparently", "believes", "believed",
	"estimates", "estimated", "claimed", "claims", "possibly", "probably", "unconfirmed", "as many as", "up to",
}

// pronouns that make a speaker refer back to an earlier person.
var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "i": true, "we": true}

// objectPronouns are the object forms of pronouns, by their subject form:
// "according to him" refers back as "he said" does.
var objectPronouns = map[string]string{"him": "he", "her": "she", "them": "they", "me": "i", "us": "we"}

// subjectPronoun returns speaker lower-cased, an object pronoun in its
// subject form.
func subjectPronoun(speaker string) string {
	pr := strings.ToLower(speaker)
	if s, ok := objectPronouns[pr]; ok {
		return s
	}
	if owner, thing, ok := strings.Cut(pr, " "); ok && (dataNouns[thing] || documentNouns[thing] && !chargeDocuments[thing]) {
		if s, ok := possessivePronouns[owner]; ok {
			return s // "according to our data": whoever "we" are
		}
	}
	return pr
}

// stop words a speaker phrase may not consist of, and that end a leftward
// speaker scan.
var boundary = map[string]bool{
	"that": true, "and": true, "but": true, "which": true, "who": true, "while": true, "where": true, "whom": true,
	"as": true, "because": true, "when": true, "after": true, "before": true, "if": true,
	"what": true, "also": true, "has": true, "have": true, "had": true, "was": true, "were": true,
	"is": true, "are": true, "previously": true, "later": true, "earlier": true, "not": true,
	"never": true, "already": true, "been": true, "though": true, "although": true, "whereas": true,
	"than": true,
	// Another claim's cue ends a speaker too: "CalFire said Saturday
	// a preliminary assessment showed …" is the assessment's finding.
	// ("told" is not one: "a person close to Trump told CNN said …" is
	// one claim with a stray verb.)
	"said": true, "says": true,
}

// auxiliaries may stand between a subject and its reporting or pledge
// verb ("Ukraine has also said", "the UK has to date pledged").
var auxiliaries = tokens.Set(`has have had is are was were will would also already previously now
	jointly repeatedly reportedly so far to date recently since then separately further`)

type word struct {
	news.Span
	lower string
	punct bool
}

// words returns the tokens of the sentence sp from the token layer
// (read through v): words and numbers lower-cased, punctuation as
// written, except that a run of terminal punctuation or hyphens ("...",
// "--") reads as its first mark.
func words(v *tokens.View, sp news.Span) []word {
	lo, hi := tokens.Within(len(v.Toks), func(i int) int { return v.Toks[i].Start }, sp)
	out := make([]word, 0, hi-lo)
	for i := lo; i < hi; i++ {
		t := v.Toks[i]
		if t.End > sp.End {
			break
		}
		w := word{Span: t.Span}
		if n := len(out); n > 0 && !out[n-1].punct && v.Tok(i) == "-" && v.Touch(i-1) && v.Touch(i) && i+1 < hi && v.Toks[i+1].Kind != news.TokenPunct {
			// "70-year-old", "3,000-strong": a hyphen between a number
			// and a word joins them, as it joins two words.
			out[n-1].End = v.Toks[i+1].End
			out[n-1].lower += "-" + v.Low(i+1)
			i++
			continue
		}
		if n := len(out); n > 0 && t.Kind == news.TokenPunct && out[n-1].punct && out[n-1].End == t.Start &&
			(out[n-1].lower == "'" && v.Tok(i) == "'" || out[n-1].lower == "`" && v.Tok(i) == "`") {
			// Two apostrophes or backticks are one quotation mark, as
			// wire and archive texts print them ('' and ``).
			out[n-1].End = t.End
			out[n-1].lower += v.Tok(i)
			continue
		}
		if t.Kind == news.TokenPunct && v.Tok(i) != "%" { // "53%": a unit, not a mark to trim
			w.punct = true
			w.lower = v.Tok(i)
			if r, n := utf8.DecodeRuneInString(w.lower); n < len(w.lower) && (r == '.' || r == '-' || r == '!' || r == '?') {
				w.lower = w.lower[:n]
			}
		} else {
			w.lower = v.Low(i)
			if boundary[w.lower] && acronymAt(v, i, lo, hi) {
				w.lower = v.Tok(i) // "the WHO", "IS fighters": a name, not "who" or "is"
			}
		}
		out = append(out, w)
	}
	return out
}

// acronymAt says whether token i (of the tokens lo to hi) is written in
// capitals, two letters or more, with no capitalised word of that kind
// beside it: an acronym rather than a word of a heading in capitals.
func acronymAt(v *tokens.View, i, lo, hi int) bool {
	caps := func(k int) bool {
		s := v.Tok(k)
		return len(s) >= 2 && strings.ToUpper(s) == s && strings.ToLower(s) != s
	}
	return caps(i) && (i == lo || !caps(i-1)) && (i+1 >= hi || !caps(i+1))
}

func isQuote(s string) bool {
	return s == "\"" || s == "“" || s == "”" || s == "«" || s == "»" || s == "''" || s == "``"
}

func clausePunct(s string) bool {
	return s == "," || s == ";" || s == ":" || s == "—" || s == "–" || s == "-" || s == "(" || s == ")" || s == "." || s == "!" || s == "?" || isQuote(s)
}

func upper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// Find returns the claims of an article, in text order.
func Find(a *news.Article) []news.Claim {
	var claims []news.Claim
	ix := newIndex(a)
	v := tokens.NewView(a.Text, a.Tokens)
	var prev news.Span
	for _, s := range a.Sentences {
		ws := words(&v, s.Span)
		var inSentence []int
		for i := 0; i < len(ws); i++ {
			c, n := matchCue(ws, i)
			if n > 0 && c.progressive && !progressiveAt(ws, i) {
				continue
			}
			if n == 0 && pollFrame(a, ws, i) {
				c, n = pollCue, 1
			}
			if n > 0 && c.that && (i+n >= len(ws) || ws[i+n].lower != "that" || i > 0 && beForms[ws[i-1].lower]) {
				continue
			}
			if n > 0 && c.at && !amountAt(ws, i+n) {
				continue // "put pressure on", "placed troops on alert"
			}
			if n > 0 && c.as && !asAfter(ws, i+n) {
				continue // "the scene she described", "he described the attack"
			}
			if n > 0 && c.quoted && (!besideQuote(a.Text, ws, i, n) || n > 1 && i+n < len(ws) && !ws[i+n].punct) {
				continue // "he went on, “…”", not "“You went on television …"
			}
			if n == 0 || !c.after && (!verbAt(a, ws[i].Start, ws[i].lower) || raising(a, ws, i, n)) || claimsObject(ws, i+n-1) || addsThing(a, ws[i]) {
				continue
			}
			if c.accusation && (i+1 < len(ws) && ws[i+1].lower == "by" || relAt(a, ws[i].Start) == "acl") {
				continue // "people accused by Turkey of …": the accused, not the accuser
			}
			cl, ok := build(a, ix, ws, i, n, c, s.Span)
			if !ok {
				i += n - 1
				continue
			}
			if c.after && cl.SpeakerSpan != nil {
				// "according to what it told reporters": the one who told.
				if sp, ok := freeRelative(a.Text, *cl.SpeakerSpan); ok {
					cl.SpeakerSpan, cl.Speaker, cl.SpeakerEntity = &sp, sp.In(a.Text), ""
				}
			}
			if prev.Len() > 0 && i+n < len(ws) && (ws[i+n].lower == "this" || ws[i+n].lower == "so") &&
				(i+n+1 == len(ws) || ws[i+n+1].punct || adjunctStarts[ws[i+n+1].lower]) {
				// "The institute said this in its assessment": the
				// statement is the sentence before.
				cl.Content = prev
				cl.Span.Start = min(cl.Span.Start, prev.Start)
			}
			if demonstrative(cl.Content.In(a.Text)) && prev.Len() > 0 {
				// "That's according to a survey by Q": the statement is
				// the sentence before.
				cl.Content = prev
				cl.Span.Start = min(cl.Span.Start, prev.Start)
			}
			if cl.SpeakerSpan != nil && cl.SpeakerEntity == "" {
				if p := issuer(claims, cl.Speaker); p >= 0 {
					// "the statement said": whoever made the statement.
					cl.Speaker, cl.SpeakerEntity = claims[p].Speaker, claims[p].SpeakerEntity
				}
			}
			if c.evidence && cl.SpeakerSpan != nil && pronouns[strings.ToLower(cl.Speaker)] && !personFinding(ws, i, n) {
				// "It shows …" after a sentence naming a survey: the
				// survey, else the outlet's own voice.
				if !dataBefore(a, prev) {
					i += n - 1
					continue
				}
				ix.evidencePhrase = *cl.SpeakerSpan
				cl.SpeakerSpan, cl.Speaker, cl.SpeakerEntity = nil, a.Voice(), ""
			}
			if cl.SpeakerSpan == nil && cl.Speaker == a.Voice() {
				// Sourceless evidence ("the data showed", "according to
				// new survey results"): the source named for it nearby.
				if name, ent, src, ok := ix.evidenceSource(cl.CueSpan.Start, claims); ok {
					// The speaker as written ("the data", "It"), credited
					// to the source.
					sp := ix.evidencePhrase
					if sp.Start < cl.Span.Start || sp.End > cl.Span.End || sp.Len() == 0 {
						sp = src
					}
					cl.SpeakerSpan, cl.Speaker, cl.SpeakerEntity = &sp, name, ent
				} else if sp := ix.evidencePhrase; sp.Start >= cl.Span.Start && sp.End <= cl.Span.End && onePiece(a.Text, sp) {
					// "according to the poll" with no source named: the
					// evidence the text points to, as written; "revised
					// estimates" point to none and stay the outlet's.
					if t, ok := trimPhrase(a.Text, words(&v, sp)); ok {
						cl.SpeakerSpan, cl.Speaker = &t, t.In(a.Text)
					}
				}
			}
			if pr := subjectPronoun(cl.Speaker); cl.SpeakerSpan != nil && pronouns[pr] {
				if name, ent, ok := ix.pronoun(pr, pronounPos(pr, cl), cl.Content, claims, s.Span, prev, nil); ok {
					cl.Speaker, cl.SpeakerEntity = name, ent
				} else {
					cl.Speaker = Unresolved(cl.Speaker)
				}
			}
			describedBefore(a, ix, claims, &cl)
			if cl.SpeakerSpan != nil && (shareSubject(ws, i) || shareSpeaker(a.Text, cl.SpeakerSpan)) {
				// "Two-thirds of respondents also said", "More than 80%
				// in Poland … said": the respondents of the poll
				// credited just before answer it, share and all.
				if p := ix.pollBefore(claims, cl.CueSpan); p >= 0 {
					cl.Speaker, cl.SpeakerEntity = claims[p].Speaker, claims[p].SpeakerEntity
					cl.Content = news.Span{Start: cl.SpeakerSpan.Start, End: cl.Content.End}
					cl.Span.Start = min(cl.Span.Start, cl.Content.Start)
				}
			}
			if rest, ok := verblessBefore(a, ws, cl); ok {
				// "Among the precedents at risk, according to Ms.
				// Epstein, are 16 …": the words before the attribution
				// are an adjunct; the statement is the clause after it.
				cl.Content = rest
				cl.Span.End = max(cl.Span.End, rest.End)
			}
			cl.Hedges = hedges(cl.Span.In(a.Text))
			claims = append(claims, cl)
			inSentence = append(inSentence, len(claims)-1)
			// The statement goes on past its attribution ("…, according
			// to one report, $234 million …", "…, according to Q, and the
			// top 10 percent paid 69 percent"); the source's own words
			// stay outside it.
			for _, goesOn := range []func(*news.Article, []word, news.Claim) (news.Span, bool){continuedPast, coordinatedTail, mainClauseAfter} {
				if rest, ok := goesOn(a, ws, cl); ok {
					more := cl
					more.Content = rest
					more.Span = news.Span{Start: cl.Span.Start, End: rest.End}
					more.Hedges = hedges(rest.In(a.Text))
					claims = append(claims, more)
					inSentence = append(inSentence, len(claims)-1)
				}
			}
			i += n - 1
		}
		sourcedEvidence(a, claims, inSentence)
		if cl, ok := colonQuote(a, ix, ws, claims, inSentence, s.Span, prev); ok {
			claims = append(claims, cl)
			inSentence = append(inSentence, len(claims)-1)
		}
		if len(inSentence) == 0 {
			if cl, ok := nameColon(a, ix, ws, s.Span); ok {
				claims = append(claims, cl)
				inSentence = append(inSentence, len(claims)-1)
			}
		}
		for _, cl := range pledges(a, ix, ws, claims, inSentence, prev) {
			claims = append(claims, cl)
			inSentence = append(inSentence, len(claims)-1)
		}
		if cl, ok := inEvidence(a, ix, ws, claims, inSentence); ok {
			claims = append(claims, cl)
			inSentence = append(inSentence, len(claims)-1)
		}
		for _, cl := range possessed(a, ix, ws, claims, inSentence, s.Span, prev) {
			claims = append(claims, cl)
			inSentence = append(inSentence, len(claims)-1)
		}
		for _, cl := range byAgents(a, ix, ws) {
			claims = append(claims, cl)
			inSentence = append(inSentence, len(claims)-1)
		}
		if len(inSentence) == 0 && len(claims) > 0 {
			last := &claims[len(claims)-1]
			covered := false
			for _, c := range claims {
				covered = covered || c.Content.Start <= s.Start && s.End <= c.Content.End
			}
			switch {
			case covered:
			case continues(ws) && last.Content.End >= prev.End-1 && last.CueSpan.Start >= prev.Start && prev.Len() > 0:
				// "There will also be 400 vehicles": the statement before
				// goes on.
				last.Content.End = trimSpan(a.Text, s.Span).End
				last.Span.End = max(last.Span.End, last.Content.End)
			case !last.Direct && last.Content.End >= prev.End-1 && last.CueSpan.Start >= prev.Start && prev.Len() > 0 &&
				!strings.Contains(a.Text[prev.End:s.Start], "\n") && pastPerfect(a, ws) && pastPerfect(a, words(&v, last.Content)):
				// "The report estimated that 6,000 children had been
				// taken. In Crimea, 43 camps had been set up …": reported
				// speech goes on in the backshifted past perfect.
				last.Content.End = trimSpan(a.Text, s.Span).End
				last.Span.End = max(last.Span.End, last.Content.End)
			}
		}
		if cl, ok := quotationGoesOn(a.Text, ws, claims, inSentence, s.Span, prev); ok {
			first := len(claims) - len(inSentence)
			claims = slices.Insert(claims, first, cl)
			for j := range inSentence {
				inSentence[j]++
			}
			inSentence = append([]int{first}, inSentence...)
		}
		sharesAnswer(a.Text, claims, inSentence)
		trailing(a.Text, claims, inSentence)
		nest(claims, inSentence)
		relay(a.Text, claims, inSentence)
		prev = s.Span
	}
	roles(a, ix, claims)
	statements(a.Text, claims)
	openQuotations(a.Text, claims)
	if ls := letters(a, ix); len(ls) > 0 {
		n := len(claims)
		claims = append(claims, ls...)
		for i := range claims[:n] {
			c := claims[i]
			if c.Parent >= 0 {
				continue
			}
			for j := n; j < len(claims); j++ {
				if l := claims[j].Content; c.CueSpan.Start >= l.Start && c.CueSpan.End <= l.End {
					claims[i].Parent = j
				}
			}
		}
	}
	claims = inOrder(claims) // continued quotations and pledges come after their sentence's claims
	ix.quotedPronouns(claims)
	for i := range claims {
		if p := claims[i].Parent; p >= 0 && claims[p].SpeakerSpan != nil && !IsUnresolved(claims[p].Speaker) && claims[i].SpeakerEntity == "" &&
			claims[i].SpeakerSpan != nil && unnamedEvidence(a.Text, *claims[i].SpeakerSpan) && claims[i].Cue != "according to" &&
			(claims[p].CueSpan.End <= claims[i].SpeakerSpan.Start || claims[p].CueSpan.Start >= claims[i].Content.End && ix.closesSentence(claims[p].CueSpan.End)) &&
			ix.sameSentence(claims[p].CueSpan.Start, claims[i].CueSpan.Start) {
			// "CalFire said a preliminary assessment showed …", "Machado
			// said their own records showed …", "… a count found …,
			// according to Q": evidence no one is named for speaks for
			// whoever cites it before or after it ("According to the
			// latest reports" is the outlet's own citing).
			claims[i].Speaker, claims[i].SpeakerEntity = claims[p].Speaker, claims[p].SpeakerEntity
		}
		if p := claims[i].Parent; p >= 0 && claims[p].SpeakerSpan != nil && !strings.EqualFold(claims[p].Speaker, claims[i].Speaker) {
			claims[i].Relay = claims[p].Speaker
		}
	}
	return claims
}

// roleAfter returns the index of the word that may name a role in
// ws[start:end+1], past a leading "the" ("Achim Steiner, the
// administrator of …").
func roleAfter(ws []word, start, end int) int {
	if start < end && ws[start].lower == "the" {
		return start + 1
	}
	return start
}

// describedSpeaker says whether ws[k:] opens with a described speaker
// ("a spokesman for the local police", "the ministry's spokeswoman",
// "one Republican involved in the planning"): a determiner or a number
// and, within the next three words, a speaker noun, or right after a
// word other than "the" a capitalised one.
func describedSpeaker(text string, ws []word, k int) bool {
	if k < len(ws) && titleOpeners[ws[k].lower] {
		// "said former Pennsylvania governor Ed Rendell": a title with
		// a name in the next three words.
		for j := k + 1; j < len(ws) && j <= k+3 && !ws[j].punct; j++ {
			if upper(ws[j].Span.In(text)) {
				return true
			}
		}
	}
	if k < len(ws) && barePlurals[ws[k].lower] {
		return true // "…, say officials in Tallinn"
	}
	if k >= len(ws) || !describers[ws[k].lower] {
		return false
	}
	for j := k + 1; j < len(ws) && j <= k+3 && !ws[j].punct; j++ {
		if speakerHeads[ws[j].lower] || groupWords[ws[j].lower] || ws[k].lower != "the" && j == k+1 && upper(ws[j].Span.In(text)) {
			return true // ("said one Republican involved in the planning")
		}
	}
	return false
}

// barePlurals are people who speak after an inverted cue with no
// determiner: "say officials", "said residents of the town".
var barePlurals = tokens.Set(`officials analysts experts economists observers witnesses residents diplomats sources
	commanders officers lawmakers researchers scientists doctors medics activists critics investigators prosecutors
	authorities villagers survivors rescuers engineers strategists traders`)

// titleOpeners open a title before a name after an inverted cue.
var titleOpeners = tokens.Set(`former acting deputy senior longtime veteran outgoing interim ex retired then`)

// describers open a described speaker after an inverted cue: "said a
// spokesman", "said one Republican", "said two officials".
var describers = tokens.Set(`a an the one another two three several some`)

// asideBeforeName returns the index of the word after the parenthesis
// opening at ws[j] when a capitalised word follows its close: an aside
// inside a name's title ("ex-President of Poland (1995-2005) Jan
// Nowak"); else 0.
func asideBeforeName(text string, ws []word, j int) int {
	if j >= len(ws) || ws[j].lower != "(" {
		return 0
	}
	for m := j + 1; m < len(ws) && m <= j+6; m++ {
		if ws[m].lower == ")" {
			if m+1 < len(ws) && !ws[m+1].punct && upper(ws[m+1].Span.In(text)) {
				return m + 1
			}
			return 0
		}
	}
	return 0
}

// isDash says whether a token is a hyphen or dash standing alone.
func isDash(s string) bool { return s == "-" || s == "–" || s == "—" }

// dashQuotes sets the content of a claim whose cue follows a dash ("… -
// says Dr. Petrenko", "… – he added"): the words before the dash, back
// to the start of the paragraph when the paragraph opens with a dash (a
// quotation set off by dashes, as news translated from Polish, Ukrainian
// or Russian writes it) or to a dash right after a sentence's end inside
// it, else back to the start of the sentence.
func dashQuotes(text string, claims []news.Claim) {
	for i := range claims {
		c := &claims[i]
		if c.SpeakerSpan == nil || c.SpeakerSpan.Start < c.CueSpan.Start && c.SpeakerSpan.End > c.CueSpan.End {
			continue
		}
		before := strings.TrimRight(text[:c.CueSpan.Start], " ")
		if c.SpeakerSpan.End <= c.CueSpan.Start {
			before = strings.TrimRight(text[:c.SpeakerSpan.Start], " ") // "… - he said"
		}
		r, size := utf8.DecodeLastRuneInString(before)
		if !isDash(string(r)) || !strings.HasSuffix(before[:len(before)-size], " ") {
			continue // (a dash set off by spaces, not a hyphen in "Nord-Ost")
		}
		end := len(strings.TrimRight(before[:len(before)-size], " "))
		para := strings.LastIndexByte(text[:end], '\n') + 1
		opened := strings.TrimLeft(text[para:end], " \t")
		start := -1
		for _, d := range []string{"- ", "– ", "— "} {
			if strings.HasPrefix(opened, d) {
				start = end - len(opened) + len(d)
			}
		}
		if start < 0 {
			// "… praised the harvest.- We now have …": a dash right after
			// a sentence's end opens the quotation mid-paragraph.
			for _, d := range []string{".- ", ".– ", ".— ", ". - ", ". – ", ". — ", ":- ", ": - ", "?- ", "!- "} {
				if k := strings.LastIndex(text[para:end], d); k >= 0 {
					start = max(start, para+k+len(d))
				}
			}
		}
		if start < 0 {
			start = c.Content.Start // no opening dash: the sentence's own content
			if start >= end {
				continue
			}
		}
		c.Content = news.Span{Start: start, End: end}
		c.Span.Start = min(c.Span.Start, start)
	}
}

// unresolvedMark ends the speaker of a claim whose pronoun or
// description found no compatible actor ("they (unresolved)"), so that
// no reader takes the pronoun for a name.
const unresolvedMark = " (unresolved)"

// pronounPos is where the antecedent of a claim's pronoun speaker pr is
// looked for before: the cue, or for "it" the pronoun itself when it
// comes first ("France said it will deliver Mirage jets and later
// specified …": "it" is France, not the jets named after it).
func pronounPos(pr string, cl news.Claim) int {
	if pr == "it" && cl.SpeakerSpan != nil && cl.SpeakerSpan.Start < cl.CueSpan.Start {
		return cl.SpeakerSpan.Start
	}
	return cl.CueSpan.Start
}

// Unresolved returns the speaker shown for a pronoun left unresolved:
// the pronoun as written, marked ("they (unresolved)").
func Unresolved(pronoun string) string { return pronoun + unresolvedMark }

// IsUnresolved says whether a speaker is a pronoun left unresolved.
func IsUnresolved(speaker string) bool { return strings.HasSuffix(speaker, unresolvedMark) }

// documentWords name a statement a speaker issued, as a speaker of its
// own ("the statement said").
var documentWords = tokens.Set(`statement announcement release communique communiqué readout`)

// issuer returns the latest claim whose cue names the document a speaker
// phrase refers to ("Blinken said in a statement" for "statement"), or
// -1.
func issuer(claims []news.Claim, speaker string) int {
	fs := strings.Fields(strings.ToLower(speaker))
	if len(fs) != 1 || !documentWords[fs[0]] {
		return -1
	}
	for k := len(claims) - 1; k >= 0; k-- {
		if strings.Contains(claims[k].Cue, fs[0]) && claims[k].SpeakerSpan != nil {
			return k
		}
	}
	return -1
}

// unnamedEvidence says whether the speaker phrase sp is evidence that
// names no one: a data or document noun last and no capitalised word but
// a first determiner ("a preliminary air assessment", "their own
// records"; not "a CNN poll").
func unnamedEvidence(text string, sp news.Span) bool {
	fs := strings.Fields(sp.In(text))
	if len(fs) == 0 {
		return false
	}
	last := strings.ToLower(fs[len(fs)-1])
	if !dataNouns[last] && !documentNouns[last] {
		return false
	}
	for k, f := range fs {
		if upper(f) && (k > 0 || !determiners[strings.ToLower(f)] && possessivePronouns[strings.ToLower(f)] == "") {
			return false
		}
	}
	return true
}

// trailing ends the content of a claim at the end of the content of a
// trailing attribution that holds it ("Officials believe the attack came
// from the north, the agency said": the belief ends before ", the agency
// said"), so that nesting runs one way.
func trailing(text string, claims []news.Claim, idx []int) {
	for _, j := range idx {
		b := claims[j]
		if b.SpeakerSpan == nil || b.Content.End > b.SpeakerSpan.Start {
			continue
		}
		for _, i := range idx {
			c := &claims[i]
			if i == j || c.CueSpan.Start < b.Content.Start || c.CueSpan.End > b.Content.End || c.Content.End <= b.Content.End || c.Content.Start >= b.Content.End {
				continue
			}
			c.Content = trimSpan(text, news.Span{Start: c.Content.Start, End: b.Content.End})
			c.Span.End = max(c.Content.End, c.CueSpan.End)
			if c.SpeakerSpan != nil {
				c.Span.End = max(c.Span.End, c.SpeakerSpan.End)
			}
		}
	}
}

// demonstrative says whether a claim's content is only a pointer back
// ("That's", "This is"), as in "That's according to a survey by Q".
func demonstrative(content string) bool {
	switch strings.ToLower(strings.TrimSpace(strings.ReplaceAll(content, "’", "'"))) {
	case "that's", "that is", "this is", "that was", "these are", "those are", "this was", "that", "this":
		return true
	}
	return false
}

// fateParticiples after a past-tense cue make it a participle that
// reports a fate of the noun before it ("reported killed", "confirmed
// dead"), not a speaker's claim.
var fateParticiples = tokens.Set(`killed dead injured wounded missing captured detained arrested hurt`)

// raising says whether the cue at ws[i:i+n] is a passive or raising use
// that names no speaker ("a force estimated to be", "are believed to
// have", "was reported"): a hedge on the clause, not a claim. "X claimed
// to have" is a claim: where the sentence is parsed, a cue with a
// subject of its own is active.
func raising(a *news.Article, ws []word, i, n int) bool {
	if i > 1 && ws[i-1].lower == "to" {
		// "it defies logic to believe", "it is safe to say": an
		// infinitive on an adjective or a noun states no one's claim.
		if k := tokenAt(a, ws[i-2].Start); k >= 0 && len(a.Syntax) == len(a.Tokens) {
			if u := a.Syntax[k].UPOS; u == news.ADJ || u == news.NOUN {
				return true
			}
		}
	}
	if i > 0 && !strings.HasSuffix(ws[i].lower, "ing") { // "had been warning" is active
		b := i - 1
		if b > 0 && adverbAt(a, ws[b]) {
			b-- // "it is often said", "was widely reported"
		}
		switch ws[b].lower {
		case "is", "are", "was", "were", "been", "being", "be":
			return true
		}
	}
	if i+n < len(ws) && strings.HasSuffix(ws[i].lower, "ed") && fateParticiples[ws[i+n].lower] {
		return true // "two people reported killed", "a soldier said wounded": what is reported of them
	}
	if !(i+n+1 < len(ws) && ws[i+n].lower == "to" && (ws[i+n+1].lower == "be" || ws[i+n+1].lower == "have")) {
		return false
	}
	if i > 0 && ws[i-1].lower == "," && strings.HasSuffix(ws[i].lower, "ed") {
		return true // "The fire, believed to be arson, forced …": a reduced passive on the noun, whatever the parse
	}
	if v := tokenAt(a, ws[i].Start); v >= 0 {
		for k := max(0, v-30); k < v; k++ {
			if int(a.Syntax[k].Head) == v && a.Syntax[k].Rel == "nsubj" {
				return false
			}
		}
	}
	return true
}

// adverbAt reports whether w is an adverb: tagged ADV by the syntax
// layer, or, without one, a word in -ly or a frequent adverb.
func adverbAt(a *news.Article, w word) bool {
	if len(a.Syntax) == len(a.Tokens) && len(a.Syntax) > 0 {
		if k := tokenAt(a, w.Start); k >= 0 {
			return a.Syntax[k].UPOS == news.ADV
		}
	}
	switch w.lower {
	case "often", "also", "now", "still", "already", "long", "once", "sometimes":
		return true
	}
	return strings.HasSuffix(w.lower, "ly")
}

// verbAt reports whether the token at byte offset pos may be a reporting
// verb: the syntax layer tags it VERB, or there is no syntax layer. "The
// city states its case" has a cue; "two states" does not.
func verbAt(a *news.Article, pos int, w string) bool {
	if len(a.Syntax) != len(a.Tokens) || len(a.Syntax) == 0 {
		return w != "states" // without tags, "states" is far more often the noun
	}
	k, ok := slices.BinarySearchFunc(a.Tokens, pos, func(t news.Token, p int) int { return t.Start - p })
	return !ok || a.Syntax[k].UPOS == news.VERB || nounReadAsVerb(a, k)
}

// nounReadAsVerb says whether token k, a present-tense reporting verb
// ("reports", "shows") the tagger took for a plural noun after a noun
// or name, is the verb all the same: "that" or a subject pronoun follows
// it ("Exit polling shows he won 83%"), a noun phrase follows a piece of
// evidence ("A Reuters poll shows Trump at 36 percent"), or it ends a clause that a comma
// opens after a name ("…, The Wall Street Journal reports."), where the
// noun reading has no verb to hang on.
func nounReadAsVerb(a *news.Article, k int) bool {
	if k+1 >= len(a.Tokens) || k < 1 || a.Syntax[k].UPOS != news.NOUN {
		return false
	}
	prev := a.Syntax[k-1].UPOS
	if k >= 2 && k+2 < len(a.Tokens) && a.Syntax[k-2].UPOS == news.PROPN && auxiliaries[strings.ToLower(a.Text[a.Tokens[k-1].Start:a.Tokens[k-1].End])] {
		// "NBC further notes, “…”": an adverb between a name and the
		// verb before a quotation.
		if p := a.Text[a.Tokens[k+1].Start:a.Tokens[k+1].End]; p == "," || p == ":" {
			if q := a.Text[a.Tokens[k+2].Start:a.Tokens[k+2].End]; q == "“" || q == `"` {
				return true
			}
		}
	}
	if tokens.BodyHeads[strings.ToLower(a.Text[a.Tokens[k-1].Start:a.Tokens[k-1].End])] {
		prev = news.NOUN // "Latvia's military claims that …": a body's name the tagger read as an adjective
	}
	if w := a.Text[a.Tokens[k].Start:a.Tokens[k].End]; !strings.HasSuffix(w, "s") || strings.ToLower(w) != w || prev != news.NOUN && prev != news.PROPN {
		return false
	}
	if a.Text[a.Tokens[k+1].Start:a.Tokens[k+1].End] == "," && asClause(a, k) {
		return true // "As the Ministry notes, …"
	}
	if evidenceBefore(a, k) {
		// "A Reuters poll shows Trump at 36 percent", "an email shows
		// State sent …", "a survey by the Razumkov Centre shows 62%":
		// after evidence, what it shows.
		switch a.Syntax[k+1].UPOS {
		case news.PROPN, news.DET, news.NUM, news.PRON, news.ADJ:
			return true
		}
	}
	switch a.Text[a.Tokens[k+1].Start:a.Tokens[k+1].End] {
	case "that", "he", "she", "they", "we", "it":
		return true
	case ".", "!":
		if prev != news.PROPN {
			return false
		}
		for j := k - 1; j >= 0 && j >= k-8; j-- {
			switch t := a.Text[a.Tokens[j].Start:a.Tokens[j].End]; {
			case t == ",":
				return true
			case a.Syntax[j].UPOS == news.VERB || a.Tokens[j].Kind == news.TokenPunct:
				return false
			}
		}
	}
	return false
}

// asClause says whether the words before token k are "As" opening its
// sentence and a noun phrase: "As the Ministry notes, …" (at most six
// words of determiners, adjectives and nouns between).
func asClause(a *news.Article, k int) bool {
	for j := k - 1; j >= 0 && j >= k-7; j-- {
		if strings.EqualFold(a.Text[a.Tokens[j].Start:a.Tokens[j].End], "as") {
			return j == 0 || a.Tokens[j-1].Kind == news.TokenPunct && strings.ContainsAny(a.Text[a.Tokens[j-1].Start:a.Tokens[j-1].End], ".!?\"”") ||
				strings.Contains(a.Text[a.Tokens[j-1].End:a.Tokens[j].Start], "\n")
		}
		switch a.Syntax[j].UPOS {
		case news.DET, news.ADJ, news.NOUN, news.PROPN:
		default:
			return false
		}
	}
	return false
}

// evidenceBefore says whether a data or document noun heads the phrase
// that ends just before token k: the noun itself, or one with its
// source or time after it ("a survey by the Kyiv International
// Institute of Sociology", "a poll in January") or a participle ("a
// poll released yesterday"), up to ten tokens back and with no other
// verb or punctuation between.
func evidenceBefore(a *news.Article, k int) bool {
	lower := func(j int) string { return strings.ToLower(a.Text[a.Tokens[j].Start:a.Tokens[j].End]) }
	for j := k - 1; j >= 0 && j >= k-10; j-- {
		if j > 0 && a.Syntax[j].UPOS == news.VERB && strings.HasSuffix(lower(j), "ed") && (dataNouns[lower(j-1)] || documentNouns[lower(j-1)]) {
			return true // "a poll released yesterday shows": the participle the tagger misread the verb after
		}
		if a.Tokens[j].Kind == news.TokenPunct || a.Syntax[j].UPOS == news.VERB || a.Syntax[j].UPOS == news.AUX {
			return false
		}
		if p := strings.ToLower(a.Text[a.Tokens[j].Start:a.Tokens[j].End]); dataNouns[p] || documentNouns[p] {
			return j == k-1 || a.Syntax[j+1].UPOS == news.ADP
		}
	}
	return false
}

// index answers the finder's questions about the entity layer without
// scanning it whole, so that finding claims stays linear in the length
// of the article.
type index struct {
	a    *news.Article
	ends tokens.Covers
	// lastPer[i] is the last named person among Entities[:i+1], or -1.
	lastPer []int
	// gender holds the persons' genders the article gives ('f', 'm'),
	// filled on first use (agrees).
	gender map[string]byte
	// evidence holds the sources the article names for evidence,
	// filled on first use (evidenceSources).
	evidence []news.Span
	// evidencePhrase is the last evidence phrase that named no source
	// ("the data", "new survey results"), set by setSpeaker.
	evidencePhrase news.Span
	// poll is where the last claim a pollster was credited with ends
	// (0: none), for the respondents' shares that follow it.
	poll int
}

func newIndex(a *news.Article) *index {
	ix := &index{a: a, lastPer: make([]int, len(a.Entities))}
	ix.ends = tokens.NewCovers(len(a.Entities), func(i int) news.Span { return a.Entities[i].Span })
	last := -1
	for i, m := range a.Entities {
		if m.Type == "PER" && m.Kind == "name" && m.Canonical != "" {
			last = i
		}
		ix.lastPer[i] = last
	}
	return ix
}

// mentions returns the range of entity mentions that start inside sp.
func (ix *index) mentions(sp news.Span) (lo, hi int) {
	return tokens.Within(len(ix.a.Entities), func(i int) int { return ix.a.Entities[i].Start }, sp)
}

// lastPersonBefore returns the last named person mentioned before pos:
// the last one before the first mention that ends after pos.
func (ix *index) lastPersonBefore(pos int) *news.Mention {
	k := ix.ends.FirstEndingAfter(pos)
	if k == 0 || ix.lastPer[k-1] < 0 {
		return nil
	}
	return &ix.a.Entities[ix.lastPer[k-1]]
}

// personLike says whether a speaker span holds a PER mention.
func (ix *index) personLike(sp news.Span) bool {
	lo, hi := ix.mentions(sp)
	for _, m := range ix.a.Entities[lo:hi] {
		if m.Type == "PER" && m.End <= sp.End {
			return true
		}
	}
	return personRole(sp.In(ix.a.Text)) != ""
}

// personRoles are the singular nouns of one person's office that a
// described speaker opens with ("a spokesman for the local police", "the
// regional governor"), with the pronoun each takes ("" for either).
var personRoles = map[string]string{"spokesman": "he", "spokeswoman": "she", "spokesperson": "",
	"chairman": "he", "chairwoman": "she", "minister": "", "governor": "", "mayor": "", "ambassador": "",
	"commander": "", "official": "", "envoy": "", "adviser": "", "advisor": "", "secretary": "", "prosecutor": "",
	"person": "", "insider": ""}

// personRole returns the pronoun a described person speaker takes ("he",
// "she", or "either"), or "" when the phrase does not open with a
// person's office within its first three words.
func personRole(phrase string) string {
	fs := strings.Fields(strings.ToLower(phrase))
	for k := 0; k < len(fs) && k < 3; k++ {
		if pr, ok := personRoles[fs[k]]; ok {
			if pr == "" {
				return "either"
			}
			return pr
		}
	}
	return ""
}

// quotationGoesOn returns the claim of a quotation that opens the
// sentence sp (the mark touching its first word) with no cue outside it:
// it goes on from the last quotation of the sentence before ("…," X
// said. / "I think …"), and a claim inside it ("…, people who believe
// they are Ukrainians.”") is nested in it. ok is false when the sentence
// does not open so, a claim of it lies outside the quotation, or a
// claim's content already holds the sentence.
func quotationGoesOn(text string, ws []word, claims []news.Claim, inSentence []int, sp, prev news.Span) (news.Claim, bool) {
	if len(ws) < 2 || !ws[0].punct || !isQuoteRune(ws[0].lower) || ws[0].End != ws[1].Start {
		return news.Claim{}, false
	}
	quote := quoteSpan(text, sp)
	for _, i := range inSentence {
		if c := claims[i]; c.Span.Start < quote.Start || c.Span.End > quote.End {
			return news.Claim{}, false
		}
	}
	before := claims[:len(claims)-len(inSentence)]
	for _, c := range before {
		if c.Content.Start <= sp.Start && sp.End <= c.Content.End {
			return news.Claim{}, false
		}
	}
	q := quoteBefore(text, before, prev)
	if q < 0 {
		return news.Claim{}, false
	}
	cl := before[q]
	cl.Content = quote
	cl.Span = news.Span{Start: min(cl.Span.Start, cl.Content.Start), End: max(cl.Span.End, cl.Content.End)}
	cl.Parent, cl.Relay, cl.Direct = -1, "", true
	cl.Hedges = hedges(cl.Content.In(text))
	return cl, true
}

// nest sets Parent for claims of one sentence: a claim whose cue and
// speaker lie inside another's content is nested in it.
func nest(claims []news.Claim, idx []int) {
	for _, i := range idx {
		best := -1
		for _, j := range idx {
			if i == j {
				continue
			}
			c, p := claims[i], claims[j]
			if c.CueSpan.Start >= p.Content.Start && c.CueSpan.End <= p.Content.End && (c.SpeakerSpan == nil || c.SpeakerSpan.Start >= p.Content.Start && c.SpeakerSpan.End <= p.Content.End) {
				if best < 0 || claims[j].Content.Len() < claims[best].Content.Len() {
					best = j
				}
			}
		}
		claims[i].Parent = best
	}
}

// serialList says whether the text after a statement's last semicolon
// is the last item of a list of clauses ("; and C was paid $30"), so the
// semicolons part the items of one statement.
func serialList(after string) bool {
	w := strings.ToLower(strings.TrimSpace(after))
	return strings.HasPrefix(w, "and ") || strings.HasPrefix(w, "or ")
}

// relay handles "X reported, quoting Y, that …" and "according to X
// citing Y": the quoting claim states the reporting claim's content and
// is nested in it.
func relay(text string, claims []news.Claim, idx []int) {
	for _, i := range idx {
		q := &claims[i]
		if q.Cue != "quoting" && q.Cue != "citing" && q.Cue != "according to" {
			continue
		}
		for _, j := range idx {
			p := claims[j]
			if j == i || p.CueSpan.End > q.CueSpan.Start {
				continue
			}
			// "X reported, quoting Y" or "according to X citing Y": the
			// quoting cue follows the reporting cue or its speaker.
			from := p.CueSpan.End
			if p.SpeakerSpan != nil && p.SpeakerSpan.Start >= p.CueSpan.End && p.SpeakerSpan.End <= q.CueSpan.Start {
				from = p.SpeakerSpan.End
			}
			if q.CueSpan.Start-from > 4 || strings.Trim(text[from:q.CueSpan.Start], " ,") != "" {
				continue
			}
			q.Content = p.Content
			q.Parent = j
			if claims[j].Parent == i {
				// nest saw the reporting clause inside the quoting claim's
				// content before it was moved: the nesting runs one way.
				claims[j].Parent = -1
			}
			q.Span = news.Span{Start: min(q.Span.Start, p.Content.Start), End: max(q.Span.End, p.Content.End)}
		}
	}
}

func matchCue(ws []word, i int) (cue, int) {
	for _, c := range cues {
		if i+len(c.words) > len(ws) {
			continue
		}
		ok := true
		for k, w := range c.words {
			if ws[i+k].lower != w {
				ok = false
				break
			}
		}
		if ok {
			return c, len(c.words)
		}
	}
	return cue{}, 0
}

// pollFrame says whether the "in" at ws[i] opens its sentence with a
// poll's name set off by a comma ("In a CNN/ORC poll the same month,",
// "In the most recent YouGov/Economist survey,"): a poll word before the
// comma and no verb.
func pollFrame(a *news.Article, ws []word, i int) bool {
	if i != 0 || len(ws) == 0 || ws[0].lower != "in" {
		return false
	}
	poll := false
	for k := i + 1; k < len(ws) && k <= i+14; k++ {
		w := ws[k]
		if w.lower == "," {
			return poll
		}
		if w.punct && w.lower != "/" && w.lower != "'s" && w.lower != "’s" || taggedVerb(a, w.Start) {
			return false
		}
		poll = poll || tokens.PollWords[w.lower]
	}
	return false
}

// sourceNouns head a phrase that names a source beside the groups,
// data and documents a speaker may be: "citing an anonymous source",
// "citing a local broadcaster".
var sourceNouns = tokens.Set(`source sources official spokesman spokeswoman spokesperson activist expert analyst
	diplomat insider insiders aide aides person broadcaster outlet agency newspaper witness resident
	intelligence officer commander lawmaker minister ministry authority interview interviews`)

// citingStops end the head of the phrase after "citing": "sources close
// to …", "data from …", "people familiar with …".
var citingStops = tokens.Set(`of from in at on close familiar similar with who that which as and to for since while`)

// citesSource says whether the phrase after "citing" names a source
// ("citing data from Ukraine", "citing unnamed sources", "citing two
// officials involved in the case", "citing the Belta news agency")
// rather than a reason ("citing security concerns", "citing
// prohibitive transit tariffs"): a word of its head phrase, up to a
// preposition or clause word, is a source, group, data or document
// noun, a person's role, or part of a person's or body's name.
func (ix *index) citesSource(ws []word) bool {
	for _, w := range ws {
		if w.punct || citingStops[w.lower] {
			return false
		}
		if sourceNouns[w.lower] || groupWords[w.lower] || dataNouns[w.lower] || documentNouns[w.lower] {
			return true
		}
		if _, ok := personRoles[w.lower]; ok {
			return true
		}
		lo, hi := ix.mentions(w.Span)
		for _, m := range ix.a.Entities[lo:hi] {
			if (m.Type == "PER" || m.Type == "ORG") && m.End >= w.End {
				return true
			}
		}
	}
	return false
}

// build makes the claim of the cue at ws[i:i+n], or reports none.
func build(a *news.Article, ix *index, ws []word, i, n int, c cue, sent news.Span) (news.Claim, bool) {
	cl := news.Claim{CueSpan: news.Span{Start: ws[i].Start, End: ws[i+n-1].End}, Parent: -1}
	cl.Cue = strings.ToLower(a.Text[cl.CueSpan.Start:cl.CueSpan.End])
	if addsAThing(a, cl.Cue, ws[i].Start) {
		return cl, false
	}
	if cl.Cue == "told" && i > 0 && ws[i-1].lower == "all" && i+1 < len(ws) && ws[i+1].lower == "," {
		return cl, false // "All told, outside groups spent …": in all, not a telling
	}
	if !c.after && agentParticiples[cl.Cue] && i+n < len(ws) && ws[i+n].lower == "by" {
		return cl, false // a passive: its agent follows ("the troops estimated by Seoul"), see byAgents
	}
	var spk news.Span
	contentBefore := false
	if c.after {
		// according to X, …: the speaker runs to the next clause mark.
		// It stops at a cue of its own ("U.K. officials citing data
		// from Ukraine").
		j := i + n
		// ("according to federal and state investigators", "according
		// to Latvia and Estonia,": an "and" with no verb before the next
		// comma joins two sources, not two clauses.)
		tagged := len(a.Syntax) == len(a.Tokens) && len(a.Syntax) > 0
		joinsSources := func(k int) bool {
			for d := k + 1; d < len(ws) && d <= k+6; d++ {
				if ws[d].punct && clausePunct(ws[d].lower) {
					return d > k+1
				}
				if !tagged || taggedVerb(a, ws[d].Start) || boundary[ws[d].lower] {
					return false
				}
			}
			return false
		}
		for j < len(ws) && !(boundary[ws[j].lower] && j > i+n && !(ws[j].lower == "and" && joinsSources(j))) {
			if e := asideBeforeName(a.Text, ws, j); e > 0 {
				j = e // "according to ex-President of Poland (1995-2005) Jan Nowak"
				continue
			}
			if ws[j].punct && clausePunct(ws[j].lower) {
				break
			}
			if c2, m := matchCue(ws, j); m > 0 && j > i+n && (c2.after || stopVerbs[ws[j].lower]) {
				break
			}
			j++
			if e := quotedTitle(ws, j); e > 0 {
				j = e // "according to the “Safe Cities” report"
			}
		}
		if j == i+n || cl.Cue == "citing" && !ix.citesSource(ws[i+n:j]) {
			return cl, false
		}
		spk = news.Span{Start: ws[i+n].Start, End: ws[j-1].End}
		// Content: the rest of the sentence without the attribution.
		// A dash before the cue sets it off as a comma does ("… 340
		// attacks — including … — according to Q."): the statement is
		// before it.
		setOff := i > 0 && (ws[i-1].lower == "," || isDash(ws[i-1].lower))
		// ", but according to Q, …": a conjunction after a comma opens
		// the clause the attribution heads.
		heads := i >= 2 && ws[i-2].lower == "," && (ws[i-1].lower == "but" || ws[i-1].lower == "yet" || ws[i-1].lower == "and") && tail(ws, j) > 2
		if i == 0 || (i > 0 && ws[i-1].punct && clausePunct(ws[i-1].lower) && !setOff) || i <= 1 || ws[i-1].lower == "that" && tail(ws, j) > 2 || heads {
			cl.Content = trimSpan(a.Text, news.Span{Start: endOf(ws, j), End: sent.End})
		} else {
			cl.Content = trimSpan(a.Text, news.Span{Start: sent.Start, End: ws[i].Start})
			contentBefore = true
		}
	} else if w := withSubject(a.Text, ws, i); c.participle && w >= 0 {
		// "…, with Kyiv claiming that …": the noun phrase after "with"
		// is the participle's own subject.
		spk = news.Span{Start: ws[w].Start, End: ws[i-1].End}
		cl.Content = trimSpan(a.Text, news.Span{Start: afterCue(a, ws, i+n), End: sent.End})
	} else if c.participle && !(i > 0 && beForms[ws[i-1].lower]) {
		// "X launched a coup, saying …": the subject of the clause the
		// participle hangs on.
		sub, ok := syntaxSubject(a, ws[i].Start, sent)
		if !ok || sub.End > ws[i].Start {
			sub, ok = rootSubject(a, ws[i].Start, sent) // (the parse hung the participle elsewhere)
		}
		if !ok || i == 0 || ws[i-1].lower != "," || sub.End > ws[i].Start {
			return cl, false
		}
		spk = sub
		cl.Content = trimSpan(a.Text, news.Span{Start: afterCue(a, ws, i+n), End: sent.End})
	} else if p, ok := pollster(a, ws, i, n, c); ok {
		// "70% of Ukrainians told the polling institute Rating that …":
		// the poll speaks, respondents and all.
		spk = p
		cl.Content = trimSpan(a.Text, sent)
		ix.poll = cl.CueSpan.End
	} else {
		// X said …: walk left over the subject noun phrase.
		j := i - 1
		skippedComma := false
		for j >= 2 && strings.HasSuffix(ws[j].lower, "ly") && taggedUPOS(a, ws[j].Start) == news.ADV && ws[j-1].lower == "," {
			j-- // "…, Chief of Operations, publicly claimed": a manner adverb after the appositive's comma
		}
		if j >= 2 && (ws[j].lower == "has" || ws[j].lower == "have" || ws[j].lower == "had" || ws[j].lower == "also") && ws[j-1].lower == "," {
			j-- // "…, Ilze Berga, has said": the auxiliary after the appositive's comma
		}
		timed := j >= 3 && timeWords[ws[j].lower] && (ws[j-1].lower == "in" || ws[j-1].lower == "on" || ws[j-1].lower == "last") && ws[j-2].lower == ","
		if timed {
			j -= 2 // "CSIS, a think tank that monitors the war, in January put": a time after the appositive's comma
		}
		if j >= 0 && ws[j].lower == "," {
			j-- // "…, Ilona Brest, said" — the appositive before the comma
			skippedComma = true
			if p := adjunctBefore(ws, i); p >= 0 && !timed {
				// "Mr. Reed, in a brief interview on Saturday, said": the
				// name before the parenthetical adjunct.
				j, skippedComma = p, false
			}
		}
		for !skippedComma && j > 0 && (auxiliaries[ws[j].lower] || timeWords[ws[j].lower] && !namedToday(a.Text, ws, j) || timeAdverbs[ws[j].lower] || c.participle && beForms[ws[j].lower]) && !ws[j-1].punct {
			j-- // "Ukraine has also said", "No 10 had been warning", "Reed earlier Thursday said"
		}
		closeBr := -1
		for d := 1; d <= 2 && j-d >= 3 && ws[j-d+1].lower == ws[j-d+1].Span.In(a.Text) && !ws[j-d+1].punct; d++ {
			if ws[j-d].lower == ")" && ws[j-d-2].lower == "(" {
				// "the Center for Strategic and International Studies
				// (CSIS) think tank said": the name, its abbreviation
				// and a lower-case word or two of what it is.
				j -= d
				break
			}
		}
		if j >= 3 && ws[j].lower == ")" && ws[j-2].lower == "(" {
			// "The Institute for the Study of War (ISW) said": the name
			// before its bracketed abbreviation, the abbreviation kept.
			closeBr, j = j, j-3
		}
		end := j
		limit := 10
		if skippedComma {
			limit = 16 // an appositive runs to its comma: "…, a law professor at the University of California at Irvine, wrote"
		}
		for j >= 0 && !(ws[j].punct && clausePunct(ws[j].lower)) && (!boundary[ws[j].lower] || joinsNames(a.Text, ws, j)) && end-j < limit {
			j--
		}
		start := j + 1
		// A list of names: "Germany, Belgium, Denmark and Norway said".
		if start <= end && start >= 2 && joinedList(a.Text, ws, start, end) {
			for start >= 2 && ws[start-1].lower == "," && upper(ws[start-2].Span.In(a.Text)) && !ws[start-2].punct {
				start -= 2
				for start >= 1 && !ws[start-1].punct && upper(ws[start-1].Span.In(a.Text)) {
					start--
				}
			}
		}
		// "the company, based in Valmiera, Latvia, said": a town and its
		// country are one place inside the appositive; walk on over both.
		if skippedComma && start >= 2 && start <= end && ws[start-1].lower == "," && !ws[start-2].punct && upper(ws[start-2].Span.In(a.Text)) && ix.placeName(ws[start:end+1]) {
			for j = start - 2; j >= 0 && !(ws[j].punct && clausePunct(ws[j].lower)) && !boundary[ws[j].lower] && end-j < limit; j-- {
			}
			start = j + 1
			if start >= 2 && ws[start-1].lower == "," && !ws[start-2].punct && taggedUPOS(a, ws[start].Start) == news.VERB {
				// The appositive opens with a participle ("based in"):
				// the speaker is the noun phrase before its comma.
				end = start - 2
				for j = end; j >= 0 && !(ws[j].punct && clausePunct(ws[j].lower)) && !boundary[ws[j].lower] && end-j < 10; j-- {
				}
				start = j + 1
			}
		}
		start, end = trimSpeaker(a, ws, start, end)
		if skippedComma && start <= end && start > 0 && boundary[ws[start-1].lower] && taggedUPOS(a, ws[start].Start) == news.VERB {
			// "The cable, sent under his signature and marked SECRET,
			// warned": a participle opens no speaker; the walk stopped
			// inside the appositive, whose head the syntax layer's
			// subject gives.
			if sub, ok := syntaxSubject(a, ws[i].Start, sent); ok && sub.Start < ws[start].Start {
				for k := start - 1; k >= 0; k-- {
					if ws[k].Start == sub.Start {
						start, end = k, k
						for end+1 < i && !ws[end+1].punct {
							end++ // the head's own words, up to the appositive's comma
						}
						break
					}
				}
			}
		}
		if end > start && strings.HasSuffix(ws[end].lower, "ed") && taggedVerb(a, ws[end].Start) && (dataNouns[ws[end-1].lower] || documentNouns[ws[end-1].lower]) {
			end-- // "A national poll released (yesterday) shows": the poll, as evidenceBefore reads it
		}
		if start > 0 && start <= end && ws[start-1].lower == "than" {
			return cl, false // "worse than people say": a comparison, not a source
		}
		if skippedComma && start <= end && !upper(ws[start].Span.In(a.Text)) {
			if ns, ne, ok := appositiveSubject(a, ix, ws, i); ok && ne < start {
				start, end = ns, ne // the walk stopped inside the apposition
			}
		}
		if skippedComma && start <= end {
			start, end = apposition(a, ix, ws, listOpening(ws, start), end)
		} else if r := roleAfter(ws, start, end); start <= end && start >= 2 && ws[start-1].lower == "," && roleHeads[ws[r].lower] && ws[r].Span.In(a.Text) == ws[r].lower {
			// "Gen. Joseph Votel, commander of U.S. Central Command said",
			// "Achim Steiner, the administrator of the UNDP said": the
			// named person whose role the words before the cue give.
			if ps, pe := apposition(a, ix, ws, start, end); ps < start {
				if _, ent := ix.resolve(news.Span{Start: ws[ps].Start, End: ws[pe].End}); strings.HasPrefix(ent, "per:") {
					start, end = ps, pe
				}
			}
		}
		if c.evidence && (start > end || !evidenceHead(ws[start:end+1]) && !((i+n < len(ws) && ws[i+n].lower == "that" || hasChild(a, ws[i].Start, "ccomp") ||
			taggedUPOS(a, ws[end].Start) == news.PROPN && clauseAsObject(a, ws[i].Start)) && okSpeaker(a.Text, ws[start:end+1]))) {
			// "police found 20 bodies": no evidence speaks; "the
			// Observer found (that) …" reports a finding.
			return cl, false
		}
		if c := elidedAfter(ws, i); c >= 0 {
			// "Cal Fire said …, but on Saturday said": the subject the
			// conjoined verb shares, as the syntax layer gives it.
			if sub, ok := conjSubject(a, ws[i].Start, sent); ok && sub.End <= ws[c].Start {
				for k := c - 1; k >= 0; k-- {
					if ws[k].Start == sub.Start {
						start, end = k, k
						for end+1 < c && ws[end+1].End <= sub.End {
							end++
						}
						break
					}
				}
			}
		}
		if start <= end && (okSpeaker(a.Text, ws[start:end+1]) || c.evidence || sayingSubject(a, ws[start:end+1], ws[i], i+n < len(ws) && ws[i+n].lower == "that")) {
			spk = news.Span{Start: ws[start].Start, End: ws[end].End}
			if closeBr == end+3 {
				spk.End = ws[closeBr].End
			}
			if start > 0 && ws[start-1].punct && (ws[start-1].lower == "," || closingMark(a.Text, ws[start-1])) && start-1 > 0 && (closingMark(a.Text, ws[start-1]) || tail(ws, i+n) <= 4 || i+n < len(ws) && ws[i+n].lower == ";" || trailingAdjunct(ws, i+n) && !thatAfterAdjunct(ws, i+n) && !clauseAfterAdjunct(a, ws, i+n) || (c.words[0] == "told" || c.words[0] == "tells") && !thatWithin(ws, i+n, 6)) &&
				!(ws[start-1].lower == "," && nounPhraseOnly(a, news.Span{Start: sent.Start, End: ws[start-1].Start})) {
				// "…, X said." — the content precedes the speaker.
				cl.Content = trimSpan(a.Text, news.Span{Start: sent.Start, End: ws[start-1].End})
				contentBefore = true
			} else {
				cl.Content = trimSpan(a.Text, news.Span{Start: recipientSkipped(a, ws, i, n), End: sent.End})
			}
		} else if c.evidence {
			return cl, false
		} else if from, k := inverted(a.Text, ws, i, n, c); k > 0 {
			// "…," said X. "… - says X" (a quotation set off by dashes).
			if isQuote(ws[k-1].lower) && k-1 > from {
				k-- // (the closing mark of a quoted name)
			}
			spk = news.Span{Start: ws[from].Start, End: ws[k-1].End}
			cl.Content = trimSpan(a.Text, news.Span{Start: sent.Start, End: ws[i-1].End})
			contentBefore = true
		} else if ante, ok := relativeSubject(a, ws[i].Start, sent); ok && (thatWithin(ws, i+n, 2) || hasChild(a, ws[i].Start, "ccomp")) {
			// "the manifesto, which said that …": the relative pronoun's
			// antecedent, from the syntax layer.
			spk = ante
			cl.Content = trimSpan(a.Text, news.Span{Start: afterCue(a, ws, i+n), End: sent.End})
		} else if sub, ok := syntaxSubject(a, ws[i].Start, sent); ok && sub.End <= ws[i].Start && okSubject(a, sub) {
			// The rules found no subject ("polls from … (…) have
			// reported"): the syntax layer's.
			spk = sub
			cl.Content = trimSpan(a.Text, news.Span{Start: afterCue(a, ws, i+n), End: sent.End})
		} else {
			return cl, false
		}
	}
	if !contentBefore {
		cl.Content = cutConj(a, cl.CueSpan.Start, cl.Content)
		cl.Content = cutRelative(a, ws, i, cl.Content)
		if openQuoteAt(a.Text, sent.Start, cl.CueSpan.Start) {
			// A cue inside a quotation: what it reports ends where the
			// quotation does ("… who said they were pro-life,” added X).
			if k := strings.IndexAny(a.Text[cl.CueSpan.End:cl.Content.End], "”\""); k >= 0 {
				cl.Content = trimSpan(a.Text, news.Span{Start: cl.Content.Start, End: cl.CueSpan.End + k})
			}
		}
		if c.accusation {
			// An accusation is its "of …" phrase: "who Ankara accuses of
			// orchestrating the coup, and Turkey wants 12 people returned".
			if k := strings.IndexAny(cl.Content.In(a.Text), ",;"); k > 0 {
				cl.Content = trimSpan(a.Text, news.Span{Start: cl.Content.Start, End: cl.Content.Start + k})
			}
		}
	}
	if cl.Content.Len() == 0 {
		return cl, false // "a deployment Tarsk has never acknowledged."
	}
	if contentBefore {
		if k := strings.LastIndexByte(cl.Content.In(a.Text), ';'); k >= 0 && !serialList(cl.Content.In(a.Text)[k+1:]) {
			// "… kill 11 civilians; Blackouts will continue, Ukrenergo
			// says": a semicolon ends the statement before. (Not in a
			// list of clauses whose last item opens with "and": "A was
			// paid $10; B $20; and C $30, according to the records".)
			cl.Content = trimSpan(a.Text, news.Span{Start: cl.Content.Start + k + 1, End: cl.Content.End})
		}
		cl.Content = openQuote(a.Text, cl.Content)
	} else if content := cl.Content.In(a.Text); cl.Content.Start > cl.CueSpan.Start && !isQuoteRune(content) && !strings.ContainsAny(content, "“\"") {
		if k := strings.IndexByte(content, ';'); k > 0 {
			// "… believe Obama was born abroad; 29 percent said …": a
			// semicolon ends reported speech after its cue.
			cl.Content = trimSpan(a.Text, news.Span{Start: cl.Content.Start, End: cl.Content.Start + k})
		}
		if k := strings.Index(cl.Content.In(a.Text), ", "); k > 0 && subordinateCue(a.Text, sent, cl.CueSpan) {
			// "While the government has said little about the plan, two
			// former presidents …": the comma closes the clause the cue
			// is in.
			cl.Content = trimSpan(a.Text, news.Span{Start: cl.Content.Start, End: cl.Content.Start + k})
		}
	}
	if strings.ContainsRune(spk.In(a.Text), '|') {
		return cl, false // a table's cells ("Source of Assessment| Date of Estimate| Estimated …"), not a speaker
	}
	cl.Span = news.Span{Start: min(cl.Content.Start, spk.Start, cl.CueSpan.Start), End: max(cl.Content.End, spk.End, cl.CueSpan.End)}
	setSpeaker(a, ix, &cl, spk)
	content := cl.Content.In(a.Text)
	cl.Direct = isQuoteRune(content)
	return cl, true
}

// subordinateCue says whether a cue stands in a subordinate clause that
// opens its sentence sent, before the sentence's first comma ("While X
// said …, Y"; not "When asked, X said …, Y").
func subordinateCue(text string, sent, cue news.Span) bool {
	if cue.Start < sent.Start || cue.Start >= sent.End {
		return false
	}
	head := text[sent.Start:cue.Start]
	first, _, _ := strings.Cut(strings.TrimLeft(head, " “\"'("), " ")
	return subordinators[strings.ToLower(first)] && !strings.Contains(head, ",")
}

// subordinators open a subordinate clause at the start of a sentence.
var subordinators = tokens.Set(`while although though whereas since because if when after before unless until once`)

// personFinding says whether the evidence verb ws[i:i+n] reports a
// finding of people, "they found that …": a personal pronoun right
// before it and "that" right after it. ("It shows" is evidence.)
func personFinding(ws []word, i, n int) bool {
	if i == 0 || i+n >= len(ws) || ws[i+n].lower != "that" {
		return false
	}
	switch ws[i-1].lower {
	case "he", "she", "they", "we":
		return true
	}
	return false
}

// timeAdverbs may stand with a time between a subject and its cue
// ("Reed earlier Thursday said", "Kyiv on Monday said").
var timeAdverbs = tokens.Set(`earlier later early late last this on`)

// adjunctOpeners open a parenthetical adjunct between a speaker and its
// cue: "X, in a brief interview, said", "X, who attended the rally,
// said", "X, speaking in Kyiv, said", "X, for instance, argue",
// "X, however, said".
var adjunctOpeners = tokens.Set(`in at during on speaking appearing writing who which interviewed asked while after before via now
	carried conducted published released commissioned compiled issued
	for however meanwhile though too moreover instead likewise also nonetheless nevertheless furthermore`)

// adjunctBefore returns the index of the last word of the speaker before
// a parenthetical adjunct that ends in the comma before the cue ws[i]
// ("Clinton, during a town hall in Columbus, Ohio, said" → "Clinton"),
// or -1: the adjunct opens with an adjunctOpener after a comma, within
// 25 words, and only commas stand in it.
func adjunctBefore(ws []word, i int) int {
	for p := i - 2; p >= 2 && p >= i-25; p-- {
		if ws[p].punct && ws[p].lower != "," {
			return -1
		}
		if ws[p-1].lower == "," && adjunctOpeners[ws[p].lower] && !ws[p-2].punct {
			return p - 2
		}
	}
	return -1
}

// inverted returns the start and the end (exclusive) of the speaker
// after an inverted cue at ws[i:i+n] ("…," said X; "… - says X"; "… -
// says "Economist""; "…, said former premier X, who …"), or -1, -1: the
// cue follows a comma, a closing quotation mark or a dash, and a name
// (in quotation marks or not) or a described speaker follows it up to a
// clause mark. After a plain comma the speaker must end its clause, with
// no "that" in it ("X, 39, …, told ABC News that …" has a recipient and
// a clause, no inversion).
func inverted(text string, ws []word, i, n int, c cue) (int, int) {
	if !c.inversion || i == 0 || !ws[i-1].punct || i+n >= len(ws) {
		return -1, -1
	}
	comma := ws[i-1].lower == ","
	if !comma && !closingMark(text, ws[i-1]) && !isDash(ws[i-1].lower) {
		return -1, -1
	}
	from := i + n
	if from+1 < len(ws) && isQuote(ws[from].lower) && upper(ws[from+1].Span.In(text)) {
		from++ // a quoted name: says "Economist"
	}
	if !upper(ws[from].Span.In(text)) && !describedSpeaker(text, ws, from) {
		return -1, -1
	}
	k := from
	for k < len(ws) && !(ws[k].punct && clausePunct(ws[k].lower)) && k-from < 10 && !timeAfter(ws, k) {
		k++
	}
	if m := recipientBefore(ws, from, k); m > 0 {
		// "said the Reuters agency a high-ranking official of …", as
		// translated news orders it: the recipient, then the speaker.
		from = m
		for k < len(ws) && (!(ws[k].punct && clausePunct(ws[k].lower)) || hyphen(ws, k)) && k-from < 10 && !timeAfter(ws, k) {
			k++
		}
	}
	if comma && (k < len(ws) && !ws[k].punct || thatWithin(ws, from, k-from)) {
		return -1, -1
	}
	if j, e := namedAfter(text, ws, from, k); e > j {
		return j, e
	}
	return from, k
}

// namedAfter returns the name that an inverted speaker described by its
// office is set beside ("…,” said the health minister, Juri Tamm.): up
// to five capitalised words after the comma at ws[k] that end the
// sentence or the clause. It returns -1, -1 when the speaker is a name
// or no name follows.
func namedAfter(text string, ws []word, from, k int) (int, int) {
	if k+1 >= len(ws) || ws[k].lower != "," || upper(ws[from].Span.In(text)) {
		return -1, -1
	}
	e := k + 1
	for e < len(ws) && e-k <= 5 && !ws[e].punct && upper(ws[e].Span.In(text)) && !timeWords[ws[e].lower] {
		e++
	}
	if e == k+1 || e < len(ws) && ws[e].lower != "." && ws[e].lower != "," {
		return -1, -1
	}
	return k + 1, e
}

// timeAfter says whether ws[k] opens a time adjunct after an inverted
// speaker ("said President Karins a day after the visit", "… an hour
// later").
func timeAfter(ws []word, k int) bool {
	return k > 0 && (ws[k].lower == "a" || ws[k].lower == "an") && k+1 < len(ws) && timeWords[ws[k+1].lower]
}

// hyphen says whether the dash at ws[k] joins the word after it ("high
// -ranking", as some translations space it) rather than setting off a
// clause.
func hyphen(ws []word, k int) bool {
	return isDash(ws[k].lower) && k+1 < len(ws) && ws[k].End == ws[k+1].Start && !ws[k+1].punct
}

// recipientBefore returns where a second noun phrase, opened by "a" or
// "an" right after a noun, starts within the inverted speaker ws[from:k]
// when a speaker's head noun follows within four words ("the Reuters
// agency a high-ranking representative"): the first phrase is who was
// told. It returns -1 when there is none.
func recipientBefore(ws []word, from, k int) int {
	for m := from + 1; m < k; m++ {
		if (ws[m].lower != "a" && ws[m].lower != "an") || ws[m-1].punct || determiners[ws[m-1].lower] || boundary[ws[m-1].lower] || adjunctStarts[ws[m-1].lower] {
			continue
		}
		for j := m + 1; j < len(ws) && j <= m+4; j++ {
			if speakerHeads[ws[j].lower] {
				return m
			}
		}
	}
	return -1
}

// quotedTitle returns the index after the closing mark of a quoted title
// that opens at ws[j] after a determiner ("the “Medicare for all”
// document"), when it closes within eight words; else -1.
func quotedTitle(ws []word, j int) int {
	if j >= len(ws) || j == 0 || !isQuote(ws[j].lower) {
		return -1
	}
	switch ws[j-1].lower {
	case "the", "a", "an", "its", "their", "his", "her":
	default:
		return -1
	}
	for k := j + 1; k < len(ws) && k <= j+9; k++ {
		if isQuote(ws[k].lower) {
			if k == j+1 {
				return -1
			}
			return k + 1
		}
	}
	return -1
}

// partyTag matches a US legislator's party and state ("R-NY", "D-Mass."),
// an apposition that is never the speaker.
var partyTag = regexp.MustCompile(`^[RDI]-[A-Z][A-Za-z.]*$`)

// apposition picks the speaker of "P, A, said" where P and A are two
// noun phrases in apposition (P opens its clause): the one that names an
// entity when the other is a description ("Serhiy Gaidai, the governor
// of Luhansk, said" → Gaidai; "the country's prime minister, Sanna
// Marin, said" → Marin), and P when A is no noun phrase but a
// participial modifier ("the Social Democrats, led by X, said" → the
// Social Democrats). It returns A's word range when there is no such P.
func apposition(a *news.Article, ix *index, ws []word, start, end int) (int, int) {
	if start < 2 || ws[start-1].lower != "," {
		return start, end
	}
	pe := start - 2
	j := pe
	for j >= 0 && !(ws[j].punct && clausePunct(ws[j].lower)) && (!boundary[ws[j].lower] || joinsNames(a.Text, ws, j)) && pe-j < 10 {
		j--
	}
	ps := j + 1
	if ps > pe || ps > 0 && !(ws[ps-1].punct && (clausePunct(ws[ps-1].lower) || isQuote(ws[ps-1].lower))) {
		return start, end // P does not open its clause: "…, X said" is no apposition
	}
	ps, pe = trimSpeaker(a, ws, ps, pe)
	if ps > pe || !okSpeaker(a.Text, ws[ps:pe+1]) {
		return start, end
	}
	if start == end && partyTag.MatchString(ws[start].Span.In(a.Text)) {
		return ps, pe // "Rep. Chris Collins, R-NY, says"
	}
	if k := tokenAt(a, ws[start].Start); k >= 0 {
		switch a.Syntax[k].UPOS {
		case news.VERB, news.ADP, news.SCONJ, news.AUX:
			return ps, pe // "led by …", "backed by …": a modifier of P
		}
	}
	_, aEnt := ix.resolve(news.Span{Start: ws[start].Start, End: ws[end].End})
	_, pEnt := ix.resolve(news.Span{Start: ws[ps].Start, End: ws[pe].End})
	if (aEnt == "" || describers[ws[start].lower] && strings.HasPrefix(pEnt, "per:")) && pEnt != "" && !pronouns[ws[pe].lower] {
		return ps, pe // (a description names a body it works for: "John Smith, a professor at the University of X")
	}
	return start, end
}

// listOpening returns where the appositive that a speaker phrase
// closes begins when the phrase is the last item of a list inside it
// ("Ivo Tamm, a former head of planning, logistics and transport at the
// Baltic Command, said": "transport at …" after "and"), the word after
// the comma that a determiner or a title follows; else start.
func listOpening(ws []word, start int) int {
	if start < 3 || ws[start-1].lower != "and" && ws[start-1].lower != "or" {
		return start
	}
	for k := start - 2; k >= 1 && k >= start-25; k-- {
		if ws[k].punct && ws[k].lower != "," {
			return start
		}
		if ws[k].lower == "," && k+1 < start && (describers[ws[k+1].lower] || titleOpeners[ws[k+1].lower]) {
			return k + 1
		}
	}
	return start
}

// okSubject says whether a subject the syntax layer found can be a
// speaker (okHead on its noun phrase: a subject's words are no verbs).
func okSubject(a *news.Article, sub news.Span) bool {
	v := tokens.NewView(a.Text, a.Tokens)
	ws := words(&v, sub)
	t, ok := trimPhrase(a.Text, ws)
	return ok && okHead(a.Text, words(&v, t))
}

// pollster returns the pollster a "told" cue at ws[i:i+n] credits: its
// object when the object has a poll word ("told the Kyiv-based polling
// institute Rating", "told pollsters at the Razumkov Centre": from its
// first capitalised word after the poll word), or when the subject is a
// share of people ("54 percent of surveyed Ukrainians told the Kyiv
// International Institute of Sociology they …": respondents answer the
// named institute). The object runs up to "that" or a clause mark, and
// for a share's object to the end of its name.
func pollster(a *news.Article, ws []word, i, n int, c cue) (news.Span, bool) {
	if sayVerbs[c.words[0]] {
		if sp, ok := pollInSubject(a.Text, ws, i); ok {
			return sp, true
		}
	}
	if c.words[0] != "told" && c.words[0] != "tells" {
		return news.Span{}, false
	}
	text := a.Text
	k := i + n
	poll, name := false, -1
	end := k
	for ; end < len(ws) && end < k+10 && ws[end].lower != "that" && !(ws[end].punct && clausePunct(ws[end].lower)); end++ {
		if tokens.PollWords[ws[end].lower] {
			poll = true
		}
		if poll && name < 0 && upper(ws[end].Span.In(text)) {
			name = end
		}
	}
	if !poll && shareSubject(ws, i) {
		// The object is a name: capitalised words and the joiners inside
		// them ("Kyiv International Institute of Sociology").
		first, last := k, -1
		for first < end && determiners[ws[first].lower] {
			first++
		}
		for m := first; m < end && (upper(ws[m].Span.In(text)) || last >= 0 && nameJoiners[ws[m].lower]); m++ {
			if upper(ws[m].Span.In(text)) {
				last = m
			}
		}
		if last < 0 {
			return news.Span{}, false
		}
		return news.Span{Start: ws[first].Start, End: ws[last].End}, true
	}
	if !poll || end == k {
		return news.Span{}, false
	}
	if name < 0 {
		name = k
	}
	return news.Span{Start: ws[name].Start, End: ws[end-1].End}, true
}

// pollInSubject returns the poll a subject that is a share of people
// names after "in" or "by" ("Some 20 percent of people in a recent
// CNN/ORC poll said …"): respondents speak through their poll.
func pollInSubject(text string, ws []word, i int) (news.Span, bool) {
	j := i - 1
	for j >= 0 && !(ws[j].punct && clausePunct(ws[j].lower)) && i-j <= 14 {
		j--
	}
	sub := ws[j+1 : i]
	if len(sub) < 4 || !shareSpeaker(text, &news.Span{Start: sub[0].Start, End: sub[len(sub)-1].End}) {
		return news.Span{}, false
	}
	for m := 1; m+1 < len(sub); m++ {
		if sub[m].lower != "in" && sub[m].lower != "by" {
			continue
		}
		for p := m + 1; p < len(sub); p++ {
			if tokens.PollWords[sub[p].lower] {
				f, e := m+1, p
				for f < p && determiners[sub[f].lower] {
					f++
				}
				if p+2 < len(sub) && (sub[p+1].lower == "by" || sub[p+1].lower == "for") {
					e = len(sub) - 1 // "a poll by the defence ministry"
				}
				return news.Span{Start: sub[f].Start, End: sub[e].End}, true
			}
		}
	}
	return news.Span{}, false
}

// shareWords open a subject that is a share of people ("half of",
// "two-thirds of respondents", "most Ukrainians").
var shareWords = tokens.Set(`half third thirds quarter quarters majority most two-thirds three-quarters one-third one-quarter`)

// shareSubject says whether the subject before the cue at ws[i] opens
// with a number or a share word ("54 percent of surveyed Ukrainians",
// "Two-thirds of respondents"): the clause from the last clause mark.
func shareSubject(ws []word, i int) bool {
	j := i - 1
	for j >= 0 && !(ws[j].punct && clausePunct(ws[j].lower)) && i-j <= 8 {
		j--
	}
	if j+1 >= i {
		return false
	}
	for k := j + 1; k < i; k++ {
		if w := ws[k].lower; !shareLead[w] {
			r, _ := utf8.DecodeRuneInString(w)
			return r >= '0' && r <= '9' || shareWords[w]
		}
	}
	return false
}

// shareLead are the words that may open a share of people before its
// number ("just 8 percent", "more than 80%", "about a third").
var shareLead = tokens.Set(`just only about nearly almost roughly some a the more less fewer than over under at least up to around`)

// shareSpeaker says whether the speaker phrase at sp is a share of
// people ("79 percent of Democrats", "just 8 percent of voters", "most
// respondents"): its first word, past "just", "only", "about", "nearly"
// and an article, is a number or a share word.
func shareSpeaker(text string, sp *news.Span) bool {
	if sp == nil {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(sp.In(text))) {
		if shareLead[w] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		return r >= '0' && r <= '9' || shareWords[w]
	}
	return false
}

// sharesAnswer credits the claims of a sentence whose speaker is a share
// of people ("79 percent of Democrats said …") to the evidence that
// reports them, another claim of the sentence holding their cue ("In a
// Times/CBS survey, …", "The poll also finds …").
func sharesAnswer(text string, claims []news.Claim, inSentence []int) {
	for _, i := range inSentence {
		c := &claims[i]
		if !shareSpeaker(text, c.SpeakerSpan) {
			continue
		}
		for _, j := range inSentence {
			o := claims[j]
			if j != i && o.Content.Start <= c.CueSpan.Start && c.CueSpan.End <= o.Content.End && !shareSpeaker(text, o.SpeakerSpan) && o.Speaker != "" {
				c.SpeakerSpan, c.Speaker, c.SpeakerEntity = o.SpeakerSpan, o.Speaker, o.SpeakerEntity
				break
			}
		}
	}
}

// pastPerfect says whether the words hold a past perfect among their
// first twelve: "had" (over "been" and adverbs) before a verb the
// syntax layer tags VERB. Without a parse it says false.
func pastPerfect(a *news.Article, ws []word) bool {
	for k := 0; k < len(ws) && k < 12; k++ {
		if ws[k].lower != "had" {
			continue
		}
		j := k + 1
		for j < len(ws) && (ws[j].lower == "been" || taggedAs(a, ws[j].Start, news.ADV)) {
			j++ // "had been", "had already", "had forcibly"
		}
		if j < len(ws) && taggedVerb(a, ws[j].Start) {
			return true
		}
	}
	return false
}

// progressiveAt says whether the -ing cue ws[i] is a progressive verb
// with a subject of its own: a form of be before it, and no "what"
// among the five words before that ("what we have been telling").
func progressiveAt(ws []word, i int) bool {
	if i == 0 || !beForms[ws[i-1].lower] {
		return false
	}
	for k := max(0, i-6); k < i-1; k++ {
		if ws[k].lower == "what" {
			return false
		}
	}
	return true
}

// coordinatedTail returns the clause a statement goes on with after its
// attribution in mid-sentence: "X paid 25 percent, according to Q, and
// the top 10 percent paid 69 percent" (or "…, the agency said in a June
// report, and …"): after the attribution and at most five words of
// adjunct, a comma, "and" or "but" and a clause (or a "with" phrase) of
// three words or more with no reporting cue of its own, to the end of
// the sentence.
func coordinatedTail(a *news.Article, ws []word, cl news.Claim) (news.Span, bool) {
	text := a.Text
	if cl.Content.End > cl.CueSpan.Start || len(ws) == 0 {
		return news.Span{}, false
	}
	k := 0
	for k < len(ws) && ws[k].Start < cl.Span.End {
		k++
	}
	for d := 0; k < len(ws) && !ws[k].punct && d < 5; d++ {
		k++
	}
	if k+1 < len(ws) && ws[k].lower == "," && isQuote(ws[k+1].lower) {
		// "“…,” said the senator, “because …": the quotation goes on.
		end := len(ws)
		for end > k+2 && ws[end-1].punct && !isQuote(ws[end-1].lower) {
			end--
		}
		if end-k-1 < 3 {
			return news.Span{}, false
		}
		return trimSpan(text, news.Span{Start: ws[k+1].Start, End: ws[end-1].End}), true
	}
	if k+2 < len(ws) && ws[k].lower == "," && predicateAt(a, ws[k+1].Start) {
		// "The top issues, respondents said, are housing (34 percent)
		// …": the cue interrupts its statement, whose verb comes after.
		end := len(ws)
		for end > k+2 && ws[end-1].punct {
			end--
		}
		return news.Span{Start: ws[k+1].Start, End: ws[end-1].End}, true
	}
	if k+1 >= len(ws) || ws[k].lower != "," || ws[k+1].lower != "and" && ws[k+1].lower != "but" && ws[k+1].lower != "with" {
		return news.Span{}, false
	}
	if ws[k+1].lower != "with" {
		k++ // (a "with" phrase is the statement's own: "…, officials say, with two people killed")
	}
	k++
	end := len(ws)
	for end > k && ws[end-1].punct {
		end--
	}
	if end-k < 3 {
		return news.Span{}, false
	}
	for j := k; j < end; j++ {
		if _, n := matchCue(ws, j); n > 0 && !adjectival(a, ws[j]) && !raising(a, ws, j, n) {
			return news.Span{}, false
		}
	}
	return trimSpan(text, news.Span{Start: ws[k].Start, End: ws[end-1].End}), true
}

// adjectival says whether the syntax layer reads the word w as an
// adjective or a participle modifying a noun ("eight reported
// incidents"): a cue word that reports nothing.
func adjectival(a *news.Article, w word) bool {
	k := tokenAt(a, w.Start)
	return k >= 0 && (a.Syntax[k].UPOS == news.ADJ || a.Syntax[k].Rel == "amod")
}

// verblessBefore returns the clause after a mid-sentence "according to
// Q," when the words before it, taken for the statement, hold no verb
// ("Since last November, according to Q, forces have killed 400").
func verblessBefore(a *news.Article, ws []word, cl news.Claim) (news.Span, bool) {
	if cl.Cue != "according to" || cl.Content.End > cl.CueSpan.Start || len(a.Syntax) != len(a.Tokens) ||
		len(ws) == 0 || cl.Content.Start < ws[0].Start || tokenAt(a, cl.Content.Start) < 0 {
		return news.Span{}, false // (a statement in the sentence before, "That's according to Q", is no adjunct)
	}
	for k := tokenAt(a, cl.Content.Start); k >= 0 && k < len(a.Tokens) && a.Tokens[k].Start < cl.Content.End; k++ {
		if u := a.Syntax[k].UPOS; u == news.VERB || u == news.AUX {
			return news.Span{}, false
		}
	}
	_, rest, ok := restAfter(ws, cl.Span.End, 0)
	if !ok {
		return news.Span{}, false
	}
	if _, clause, _ := phraseKind(a, rest); !clause {
		// "…, according to the Union, one of the unions representing
		// …": an apposition to the source, not the statement.
		return news.Span{}, false
	}
	return trimSpan(a.Text, rest), true
}

// restAfter finds the words of the sentence ws after the comma (or
// dash) that follows byte offset at, past at most skip words: the index
// of the first and their span without final punctuation, when they are
// two words or more.
func restAfter(ws []word, at, skip int) (from int, rest news.Span, ok bool) {
	k := 0
	for k < len(ws) && ws[k].Start < at {
		k++
	}
	for d := 0; k < len(ws) && !ws[k].punct && d < skip; d++ {
		k++
	}
	if k >= len(ws) || ws[k].lower != "," && !isDash(ws[k].lower) {
		return 0, news.Span{}, false
	}
	end := len(ws)
	for end > k+1 && ws[end-1].punct {
		end--
	}
	if end-k-1 < 2 {
		return 0, news.Span{}, false
	}
	return k + 1, news.Span{Start: ws[k+1].Start, End: ws[end-1].End}, true
}

// predicateAt says whether the token at pos is a finite verb or an
// auxiliary that opens a predicate with no subject of its own ("are
// housing", "will last years").
func predicateAt(a *news.Article, pos int) bool {
	k := tokenAt(a, pos)
	if k < 0 {
		return false
	}
	switch a.Syntax[k].UPOS {
	case news.AUX:
		return true
	case news.VERB:
		w := strings.ToLower(a.Tokens[k].In(a.Text))
		return !strings.HasSuffix(w, "ing") // (not "…, he said, adding")
	}
	return false
}

// phraseKind reads the phrase at sp from the syntax layer: whether it
// hangs on what precedes it as an apposition, whether it is a clause (a
// subject, an expletive or an auxiliary of its own), and the tag of its
// first word that hangs outside it (its head word).
func phraseKind(a *news.Article, sp news.Span) (appos, clause bool, top news.UPOS) {
	for k := tokenAt(a, sp.Start); k >= 0 && k < len(a.Tokens) && a.Tokens[k].Start < sp.End; k++ {
		s := a.Syntax[k]
		switch s.Rel {
		case "nsubj", "nsubj:pass", "expl", "csubj":
			clause = true
		}
		if s.UPOS == news.AUX {
			clause = true
		}
		if h := int(s.Head); h < 0 || h >= len(a.Tokens) || a.Tokens[h].Start < sp.Start || a.Tokens[h].Start >= sp.End {
			if top == news.UPOSNone {
				top = s.UPOS
			}
			if s.Rel == "appos" && s.UPOS != news.NUM && s.UPOS != news.SYM { // an amount describes no source
				appos = true
			}
		}
	}
	return appos, clause, top
}

// continuedPast returns the rest of a statement that a mid-sentence
// "according to Q" interrupts: "The firm receives, according to one
// report, $234 million in contracts", "X agreed, according to court
// filings, becoming a 93 percent owner": the words after the
// attribution, an amount or a participle's clause, neither a clause of
// its own nor an apposition to the source ("…, a huge sum for …").
func continuedPast(a *news.Article, ws []word, cl news.Claim) (news.Span, bool) {
	if cl.Cue != "according to" || cl.Content.End > cl.CueSpan.Start || cl.SpeakerSpan == nil || len(a.Syntax) != len(a.Tokens) {
		return news.Span{}, false
	}
	// ("according to court filings reported earlier by the Tribune,":
	// up to five words of the source's description before the comma.)
	rest, ok := uncuedRest(ws, cl.SpeakerSpan.End, 5)
	if !ok {
		return news.Span{}, false
	}
	if appos, clause, top := phraseKind(a, rest); appos || clause || top != news.VERB && top != news.NUM && top != news.SYM {
		return news.Span{}, false
	}
	return rest, true
}

// sourcedEvidence credits sourceless evidence ("Surveys show that …")
// to the source an "according to" of the same sentence names for it
// ("…, according to a Gradus poll"): of the claims at idx, one in the
// outlet's voice whose statement opens within an attributed one's.
func sourcedEvidence(a *news.Article, claims []news.Claim, idx []int) {
	for _, p := range idx {
		c := &claims[p]
		if c.SpeakerSpan != nil || c.Speaker != a.Voice() {
			continue
		}
		for _, q := range idx {
			s := claims[q]
			if s.Cue == "according to" && s.SpeakerSpan != nil && s.Content.Start <= c.Content.Start && c.Content.Start < s.Content.End {
				c.SpeakerSpan, c.Speaker, c.SpeakerEntity = s.SpeakerSpan, s.Speaker, s.SpeakerEntity
				break
			}
		}
	}
}

// mainClauseAfter returns the main clause a mid-sentence "according to
// Q," leads into when the words before it are a subordinate clause
// ("While most shells fell at night, according to Q, 12 hit the town by
// day"): the attribution covers the sentence, not the subordinate clause
// alone.
func mainClauseAfter(a *news.Article, ws []word, cl news.Claim) (news.Span, bool) {
	if cl.Cue != "according to" || cl.Content.End > cl.CueSpan.Start || cl.SpeakerSpan == nil || len(a.Syntax) != len(a.Tokens) {
		return news.Span{}, false
	}
	first := tokenAt(a, cl.Content.Start)
	if first < 0 || a.Syntax[first].UPOS != news.SCONJ || a.Syntax[first].Rel != "mark" {
		return news.Span{}, false
	}
	rest, ok := uncuedRest(ws, cl.SpeakerSpan.End, 0)
	if !ok {
		return news.Span{}, false
	}
	if appos, clause, _ := phraseKind(a, rest); appos || !clause {
		return news.Span{}, false
	}
	return rest, true
}

// uncuedRest returns the words restAfter finds when no reporting cue
// stands among them: a cue of their own makes them another claim.
func uncuedRest(ws []word, at, skip int) (news.Span, bool) {
	from, rest, ok := restAfter(ws, at, skip)
	if !ok {
		return news.Span{}, false
	}
	for j := from; j < len(ws) && ws[j].Start < rest.End; j++ {
		if _, n := matchCue(ws, j); n > 0 {
			return news.Span{}, false
		}
	}
	return rest, true
}

// onePiece says whether the phrase at sp names one piece of evidence:
// it opens with an article or a demonstrative ("the poll", "a new
// survey", "this study"); a bare plural ("revised estimates", "records")
// names none.
func onePiece(text string, sp news.Span) bool {
	f := strings.Fields(strings.ToLower(sp.In(text)))
	if len(f) < 2 {
		return false
	}
	switch f[0] {
	case "the", "this", "that", "these", "those", "a", "an":
		return true
	}
	return false
}

// beForms before a participle cue make it a progressive verb with a
// subject of its own ("No 10 had been warning it would …").
var beForms = tokens.Set(`is are was were been being am`)

// stopVerbs end an "according to" speaker: reporting verbs that are
// never nouns.
var stopVerbs = tokens.Set(`said says told tells`)

// setSpeaker sets a claim's speaker from the phrase at sp: trimmed to
// its noun phrase (trimPhrase) and resolved to an entity; a phrase that
// names only evidence ("revised estimates") leaves the claim to the
// outlet's voice.
func setSpeaker(a *news.Article, ix *index, cl *news.Claim, sp news.Span) {
	v := tokens.NewView(a.Text, a.Tokens)
	ws := words(&v, sp)
	if sourceless(ws) {
		cl.SpeakerSpan, cl.Speaker, cl.SpeakerEntity = nil, a.Voice(), ""
		ix.evidencePhrase = sp
		return
	}
	if p := ix.namedAfterRole(ws); p != nil {
		sp = p.Span
	} else if t, ok := trimPhrase(a.Text, ws); ok {
		sp = t
	}
	sp = unquoted(a.Text, sp)
	cl.SpeakerSpan = &sp
	cl.Speaker, cl.SpeakerEntity = ix.resolve(sp)
}

// placeName says whether the words ws are one place's name: a GPE or
// LOC mention covers them all ("Latvia", "New South Wales").
func (ix *index) placeName(ws []word) bool {
	if len(ws) == 0 {
		return false
	}
	sp := news.Span{Start: ws[0].Start, End: ws[len(ws)-1].End}
	lo, hi := ix.mentions(sp)
	for _, m := range ix.a.Entities[lo:hi] {
		if m.Start <= sp.Start && sp.End <= m.End && (m.Type == "GPE" || m.Type == "LOC") {
			return true
		}
	}
	return false
}

// relativeOpeners are the words that open a clause of their own inside
// a reported clause, or tie a verb to the one before it.
var relativeOpeners = tokens.Set(`to and or but nor that which who whom whose where when if because as while , ; : – —`)

// cutRelative ends the content of a cue in a relative clause ("Latvians
// who say the war is going badly rose to 45%", "consumers who said jobs
// are hard to find jumped to 32.6") before the verb of the clause the
// relative clause hangs on, which the parse often puts inside it: the
// first verb or auxiliary after the reported clause's own predicate
// that follows neither an auxiliary nor a word that opens a clause.
func cutRelative(a *news.Article, ws []word, i int, content news.Span) news.Span {
	if i < 2 || ws[i-1].lower != "who" && ws[i-1].lower != "that" || ws[i-2].punct || len(a.Syntax) != len(a.Tokens) {
		return content
	}
	if u := taggedUPOS(a, ws[i-2].Start); u != news.NOUN && u != news.PROPN {
		return content // "said that", "those who say": no noun the clause is on
	}
	seen := false
	prev, prevU := "", news.UPOSNone
	for k := i + 1; k < len(ws) && ws[k].Start < content.End; k++ {
		if ws[k].Start < content.Start {
			continue
		}
		u := taggedUPOS(a, ws[k].Start)
		if u == news.AUX || u == news.VERB {
			opened := relativeOpeners[prev] || prevU == news.AUX || prevU == news.PART
			if seen && !opened && (u == news.AUX || !strings.HasSuffix(ws[k].lower, "ing")) {
				return trimSpan(a.Text, news.Span{Start: content.Start, End: ws[k-1].End})
			}
			seen = true
		}
		if u != news.ADV || prevU != news.AUX {
			prev, prevU = ws[k].lower, u // ("had unwittingly sent": an adverb inside the verb group)
		}
	}
	return content
}

// unquoted trims the quotation marks and spaces a speaker span opens or
// ends with ("“This administration", when a quotation opens with its
// speaker).
func unquoted(text string, sp news.Span) news.Span {
	for sp.Start < sp.End {
		r, n := utf8.DecodeRuneInString(text[sp.Start:sp.End])
		if !unicode.IsSpace(r) && !isQuote(string(r)) {
			break
		}
		sp.Start += n
	}
	for sp.Start < sp.End {
		r, n := utf8.DecodeLastRuneInString(text[sp.Start:sp.End])
		if !unicode.IsSpace(r) && !isQuote(string(r)) {
			break
		}
		sp.End -= n
	}
	return sp
}

// namedAfterRole returns the person a speaker phrase that opens with a
// role ends in: "the Prime Minister of Latvia on Sunday Arturs Karins"
// (an order translated news often keeps) is Arturs Karins, while "the
// wife of Arturs Karins" is not him; nil when the phrase is no such.
func (ix *index) namedAfterRole(ws []word) *news.Mention {
	if len(ws) < 4 || ws[0].lower != "the" && !slices.ContainsFunc(ws, func(w word) bool { return w.lower == ")" }) {
		return nil // (or a title with an aside: "ex-President of Poland (1995-2005) Jan Nowak")
	}
	end := ws[len(ws)-1].End
	lo, hi := ix.mentions(news.Span{Start: ws[0].Start, End: end})
	for i := hi - 1; i >= lo; i-- {
		m := &ix.a.Entities[i]
		if m.End != end || m.Type != "PER" || m.Kind == "demonym" || m.Start <= ws[1].Start {
			continue
		}
		for k := len(ws) - 1; k > 0; k-- {
			if ws[k].Start < m.Start {
				switch ws[k].lower {
				case "of", "by", "for", "to", "with", "and", "from", "'s", "’s", ",":
					return nil
				}
				return m
			}
		}
	}
	return nil
}

// closingMark says whether the quotation mark w may close a quotation:
// not an opening mark (two backticks, “, «); a straight quote or two
// apostrophes only as the even one of their paragraph (they open and
// close alike).
func closingMark(text string, w word) bool {
	switch w.lower {
	case "``", "“", "«":
		return false // opening marks
	case "''", `"`:
		// Marks that both open and close: closing when even in count in
		// the paragraph up to here.
		ps := strings.LastIndexByte(text[:w.Start], '\n') + 1
		return strings.Count(text[ps:w.End], w.lower)%2 == 0
	}
	return isQuote(w.lower)
}

func isQuoteRune(content string) bool {
	_, _, ok := quoteMarks(content)
	return ok
}

func endOf(ws []word, j int) int {
	if j < len(ws) {
		return ws[j].End
	}
	return ws[len(ws)-1].End
}

// joinedList says whether ws[start:end+1] is the last two items of a
// list of names ("Denmark and Norway").
func joinedList(text string, ws []word, start, end int) bool {
	for k := start; k <= end; k++ {
		if joinsNames(text, ws, k) {
			return true
		}
	}
	return false
}

// joinsNames says whether ws[j] is an "and" between two capitalised
// words ("Suspilne and Liga"), or between a name and what is its own
// ("the US and its allies").
func joinsNames(text string, ws []word, j int) bool {
	if ws[j].lower != "and" || j == 0 || j+1 >= len(ws) || !upper(ws[j-1].Span.In(text)) {
		return false
	}
	// "Norway and Denmark"; "the US and its allies", where the second
	// conjunct is the first's own.
	return upper(ws[j+1].Span.In(text)) || ws[j+1].lower == "its" || ws[j+1].lower == "their"
}

// afterCue skips an object, a time phrase and "that" after the cue: the
// content starts after a "that" within six words, else right after it.
// A "that" past other words that the parse makes a relative pronoun or
// a determiner, not the mark of a clause, is inside the content: "said
// three boats that sank were found" says all of it.
func afterCue(a *news.Article, ws []word, k int) int {
	// ("said 7 were arrested, adding that …": a "that" past a comma opens
	// another clause, unless a comma right after the cue sets off an
	// aside: "reported, quoting an officer, that …".)
	aside := k < len(ws) && ws[k].lower == ","
	for d := k; d < len(ws) && d < k+7; d++ {
		if ws[d].punct && clausePunct(ws[d].lower) && (ws[d].lower != "," || !aside) {
			break
		}
		if ws[d].lower == "that" {
			if d == k || k == 0 || recipientVerbs[ws[k-1].lower] || !inContent(a, ws[k], ws[d]) {
				k = d + 1
			}
			break
		}
	}
	for k < len(ws) && (ws[k].lower == "that" || ws[k].punct && (ws[k].lower == "," || ws[k].lower == ":" && k+1 < len(ws))) {
		k++ // ("said: “…”": the quotation is the content; a colon that ends the line opens a statement below it)
	}
	if k+2 < len(ws) && dayWords[ws[k].lower] && (determiners[ws[k+1].lower] || possessivePronouns[ws[k+1].lower] != "" || ws[k+1].lower == "that" || taggedUPOS(a, ws[k+1].Start) == news.NUM) {
		k++ // "said Saturday a preliminary assessment showed …": the day is when it was said
		if ws[k].lower == "that" {
			k++
		}
	}
	if k < len(ws) {
		return ws[k].Start
	}
	return ws[len(ws)-1].End
}

// inContent says whether a "that" a few words after a cue of saying (no
// recipient: not "told Axios that") is inside what is said: the words
// after the cue open with a number or a determiner, and the parse makes
// the "that" a relative pronoun or a determiner, not the mark that opens
// the reported clause.
func inContent(a *news.Article, first, that word) bool {
	if u := taggedUPOS(a, first.Start); u != news.NUM && u != news.DET {
		return false
	}
	v := tokenAt(a, that.Start)
	return v >= 0 && a.Syntax[v].Rel != "mark"
}

// indefiniteSpeakers stand alone as a speaker that the text does not
// name: "another says", "others said", "some say".
var indefiniteSpeakers = tokens.Set(`another others some many`)

// speakerHeads are the common nouns that can head a speaker phrase.
var speakerHeads = tokens.Set(`official officials region regions oblast province ministry spokesperson spokesman spokeswoman agency company
	analyst analysts representative representatives diplomat diplomats tank chair president minister administration military source sources
	police governor army intelligence service committee government operator force forces people residents respondents party parties
	experts expert observers witnesses commander commanders general officer officers leader leaders
	authority authorities office department statement report media outlets outlet newspaper paper agency's cable memo letter document documents indictment
	organisation organization group monitor monitors institute council parliament lawmakers lawmaker
	envoy ambassador mayor chief head adviser advisor secretary staff embassy pentagon kremlin
	friend friends relative relatives neighbor neighbour neighbors neighbours wife husband mother father son
	daughter brother sister colleague colleagues student students teacher teachers
	fund bank campaign candidate nominee senator congressman congresswoman judge court prosecutor prosecutors
	investigators researchers economists scientists strategists aide aides advisers advisors supporters critics
	activists chairman chairwoman executive executives director manager professor author authors study survey
	poll firm network magazine website board commission center centre foundation bureau watchdog regulator
	regulators union unions association federation coalition alliance team worker workers employees doctor
	doctors lawyer lawyers attorney attorneys man woman men women person individual insider insiders
	giant tabloid broadsheet daily broadcaster channel station retailer carmaker automaker maker manufacturer
	lender insurer airline carrier developer producer exporter importer utility`)

// trimSpeaker drops leading time phrases ("On Wednesday he") and trailing
// adverbs ("… first", "… initially") from a speaker phrase
// ws[start:end+1].
func trimSpeaker(a *news.Article, ws []word, start, end int) (int, int) {
	for end >= start && (ws[end].lower == "first" || ws[end].lower == "now" || ws[end].lower == "also" || ws[end].lower == "again" ||
		strings.HasSuffix(ws[end].lower, "ly") && !upper(ws[end].Span.In(a.Text)) && taggedUPOS(a, ws[end].Start) == news.ADV) {
		end--
	}
	if end >= start && pronouns[ws[end].lower] {
		return end, end
	}
	// "the number of war crimes Ukraine says …": a name right after a
	// plural common noun that heads no speaker, in a phrase a determiner
	// opens, is the subject of a relative clause, and the speaker.
	for j := end; j > start && determiners[ws[start].lower]; j-- {
		if !upper(ws[j].Span.In(a.Text)) || ws[j].punct {
			break
		}
		if p := ws[j-1]; !p.punct && !upper(p.Span.In(a.Text)) {
			if taggedUPOS(a, p.Start) == news.NOUN && !speakerHeads[p.lower] && strings.HasSuffix(p.lower, "s") && !strings.HasSuffix(p.lower, "ss") {
				return j, end
			}
			break
		}
	}
	switch ws[start].lower {
	case "on", "in", "at", "during", "by", "since", "last", "this":
		if end-start >= 2 {
			start += 2
		}
	}
	if end > start && dayWords[ws[start].lower] && (determiners[ws[start+1].lower] || possessivePronouns[ws[start+1].lower] != "") {
		start++ // "… said Saturday a preliminary assessment showed": the day belongs to the cue before
	}
	return start, end
}

// withSubject returns where the subject of the participle cue at ws[i]
// starts when "with" opens it ("with Kyiv claiming", "with the ministry
// saying"): at most four words, a name or a speaker noun last, no
// punctuation; -1 otherwise.
func withSubject(text string, ws []word, i int) int {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if ws[k].punct {
			return -1
		}
		if ws[k].lower == "with" {
			if k == i-1 || !okHead(text, ws[k+1:i]) {
				return -1
			}
			return k + 1
		}
	}
	return -1
}

// okSpeaker accepts a phrase that can be a speaker: its head (last word)
// is capitalised, a pronoun, or a common noun that names speakers, and no
// word of it is a reporting verb.
func okSpeaker(text string, ws []word) bool {
	if len(ws) == 0 || len(ws) == 1 && interjections[ws[0].lower] {
		return false // "No, say analysts …": the answer, not who gives it
	}
	if onlyTime(ws) {
		return false // "…, but on Saturday said": a time, the subject elided
	}
	for _, w := range ws {
		if _, n := matchCue([]word{w}, 0); n > 0 && !upper(w.Span.In(text)) {
			return false // a reporting verb, not a name ("United States")
		}
	}
	return okHead(text, ws) || postmodifiedHead(ws)
}

// elidedAfter returns the index of the "and" or "but" before the cue at
// ws[i] when only a time stands between them ("…, but on Saturday
// said"): the cue's subject is elided. Else -1.
func elidedAfter(ws []word, i int) int {
	k := i - 1
	for k >= 0 && (timeWords[ws[k].lower] || timePrepositions[ws[k].lower]) {
		k--
	}
	if k < 0 || k == i-1 || ws[k].lower != "and" && ws[k].lower != "but" {
		return -1
	}
	return k
}

// onlyTime says whether the words ws are a time and nothing else ("on
// Saturday", "last week").
func onlyTime(ws []word) bool {
	for _, w := range ws {
		if !timeWords[w.lower] && !timePrepositions[w.lower] || w.lower == "may" {
			return false // ("May said": Clifford May)
		}
	}
	return len(ws) > 0
}

// timePrepositions open a time before a cue whose subject is elided.
var timePrepositions = tokens.Set(`on in last this early late later earlier`)

// interjections open a sentence before a comma and are never a speaker.
var interjections = tokens.Set(`no yes well oh yeah`)

// postmodifiers open a phrase after a speaker's head noun: "a source
// familiar with the assessment", "the manager of the plant", "officials
// close to the talks".
var postmodifiers = tokens.Set(`familiar close briefed involved knowledgeable with of for at from in who`)

// postmodifiedHead says whether ws is a speaker's noun with a phrase
// after it ("a source familiar with the assessment"): a speaker head
// among its first three words, followed by a postmodifier, and a last
// word that ends a phrase.
func postmodifiedHead(ws []word) bool {
	if last := ws[len(ws)-1].lower; determiners[last] || postmodifiers[last] || adjunctStarts[last] {
		return false // a phrase cut short: "officials at the [time]"
	}
	for k := 0; k+1 < len(ws) && k < 3; k++ {
		if (speakerHeads[ws[k].lower] || groupWords[ws[k].lower]) && postmodifiers[ws[k+1].lower] {
			return true
		}
	}
	return false
}

// okHead accepts a noun phrase whose head (last word) is capitalised, a
// pronoun (all of them, "it" included: the speaker resolver maps it to
// the nearest organisation, state or place), a number after a name
// ("No 10") or a common noun that names speakers.
func okHead(text string, ws []word) bool {
	if len(ws) == 0 {
		return false
	}
	head := ws[len(ws)-1]
	if head.punct {
		return false
	}
	h := strings.TrimSuffix(strings.TrimSuffix(head.lower, "'s"), "’s")
	if pronouns[h] || len(ws) == 1 && indefiniteSpeakers[h] {
		return true // ("another says there are about 1,800": one source of several, unnamed)
	}
	if speakerHeads[h] || groupWords[h] {
		return true
	}
	if len(ws) >= 2 && isNumber(h) && upper(ws[len(ws)-2].Span.In(text)) && !ws[len(ws)-2].punct {
		return true // a name with a number: "No 10"
	}
	return upper(head.Span.In(text)) && !boundary[h] && !determiners[h] && h != "in" && h != "on"
}

// besideQuote says whether the cue at ws[i:i+n] has a quotation mark
// right after it (after a comma or colon) or within the three words
// before it ("…,” he continued") or before a longer name ("…?” Senate
// Minority Leader Rhea Olin asked"), not counting an apposition between
// commas ("…?” Rhea Olin, D-Ore., asked").
func besideQuote(text string, ws []word, i, n int) bool {
	for k := i + n; k < len(ws) && k <= i+n+1; k++ {
		if isQuote(ws[k].lower) {
			return true
		}
		if ws[k].lower != "," && ws[k].lower != ":" {
			break
		}
	}
	if i > 0 && ws[i-1].lower == "," {
		for k := i - 2; k >= 1 && k >= i-9; k-- {
			if isQuote(ws[k].lower) {
				break
			}
			if ws[k].lower == "," {
				i = k
				break
			}
		}
	}
	for k := i - 1; k >= 0 && k >= i-7; k-- {
		if isQuote(ws[k].lower) {
			return true
		}
		if k < i-4 && !upper(ws[k].In(text)) {
			return false
		}
	}
	return false
}

// sayVerbs are the cues whose subject speaks whatever noun names it.
var sayVerbs = tokens.Set(`said says say told tells added adds stated states wrote writes explained explains reads`)

// sayingSubject says whether the phrase ws is, in the syntax layer, the
// subject of the cue, a say verb or any cue with "that" after it (that):
// a common noun ("The actress said", "A spokesman for the buyer said",
// "Some advocates for stem cell research said", "one donor told",
// "Cement makers argue that"), which no list of speaker nouns holds all
// of.
// Shares of respondents ("24 percent said", "three in ten said") are
// left to the poll.
func sayingSubject(a *news.Article, ws []word, cue word, that bool) bool {
	if !sayVerbs[cue.lower] && !that {
		return false
	}
	v := tokenAt(a, cue.Start)
	if v < 0 {
		return false
	}
	for k, w := range ws {
		if w.punct {
			return false
		}
		if !numberWord(w.lower) && !isNumber(strings.ReplaceAll(w.lower, ",", "")) {
			continue
		}
		// A number opens the phrase only as a small count of speakers.
		if k > 0 || !cardinals[w.lower] && !isNumber(w.lower) || k+1 == len(ws) || !countedNoun(ws[k+1].lower) {
			return false
		}
	}
	switch taggedUPOS(a, ws[len(ws)-1].Start) {
	case news.DET, news.ADP, news.CCONJ, news.SCONJ, news.PART:
		return false // "officials at the (time)": a phrase cut short
	}
	for k := tokenAt(a, ws[0].Start); k >= 0 && k < len(a.Tokens) && a.Tokens[k].Start < ws[len(ws)-1].End; k++ {
		if s := a.Syntax[k]; int(s.Head) == v && s.Rel == "nsubj" {
			return s.UPOS == news.NOUN
		}
	}
	return false
}

// cardinals are the small numbers that open a counted speaker ("one
// donor told", "two officials said"), as digits or as words.
var cardinals = tokens.Set(`one two three four five six seven eight nine ten`)

// countedNoun says whether w, after a cardinal, can be what it counts:
// not a number or a word that makes a share ("three in ten said", "two
// percent said").
func countedNoun(w string) bool {
	return !numberWord(w) && !isNumber(w) && !shareLinks[w]
}

// shareLinks join a number to the whole it is a share of: "nine in ten",
// "three out of four", "two of the five".
var shareLinks = tokens.Set(`in of out per %`)

// countWords are numbers and quantities written as words; with the
// share words they open a share of people, not a speaker.
var countWords = tokens.Set(`one two three four five six seven eight nine ten dozen dozens hundred hundreds
	thousand thousands million millions percent per minority many few several`)

// numberWord says whether w is a number or a share written as a word
// ("three", "half", "percent").
func numberWord(w string) bool { return countWords[w] || shareWords[w] }

// determiners never make a speaker on their own ("An estimated 3,000").
var determiners = tokens.Set(`the a an this that these those some any each every`)

func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// trailingAdjunct says whether the words after a cue start an adjunct
// ("on Saturday", "in a note") rather than the content.
func trailingAdjunct(ws []word, k int) bool {
	if k >= len(ws) {
		return true
	}
	if k+1 < len(ws) && (ws[k+1].lower == "'s" || ws[k+1].lower == "’s") {
		return false // "confirmed Saturday's strike hit …": a noun phrase begins
	}
	if k+1 < len(ws) && ws[k].lower == "at" && (ws[k+1].lower == "least" || ws[k+1].lower == "most") {
		return false // "reported at least six planes": a number begins
	}
	switch ws[k].lower {
	case "on", "in", "at", "after", "during", "late", "earlier", "later", ",", ".", "monday", "tuesday",
		"wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "afterwards", "while", "adding":
		return true
	}
	return false
}

// nounPhraseOnly reports whether the tagged words of span hold no verb
// or auxiliary, bar a participle modifying a noun: "The head of the
// city's military administration, X, confirmed …" has a title before
// the speaker, not a statement. It is false when the span holds no
// tagged word.
func nounPhraseOnly(a *news.Article, span news.Span) bool {
	if len(a.Syntax) != len(a.Tokens) {
		return false
	}
	k, _ := slices.BinarySearchFunc(a.Tokens, span.Start, func(t news.Token, p int) int { return t.Start - p })
	tagged := false
	for ; k < len(a.Tokens) && a.Tokens[k].End <= span.End; k++ {
		switch a.Syntax[k].UPOS {
		case news.UPOSNone:
			continue
		case news.VERB, news.AUX:
			if a.Syntax[k].Rel != "amod" {
				return false // (a participle before its noun is part of it: "displaced families")
			}
		}
		tagged = true
	}
	return tagged
}

// thatWithin says whether "that" or ":" follows within n words of ws[k].
func thatWithin(ws []word, k, n int) bool {
	for d := k; d < len(ws) && d < k+n; d++ {
		if ws[d].lower == "that" || ws[d].lower == ":" {
			return true
		}
	}
	return false
}

// thatAfterAdjunct says whether a "that" follows the adjunct after a
// cue within six words, before any clause mark: "said on Friday that it
// had suspended 125,000 accounts" opens its statement after the cue.
func thatAfterAdjunct(ws []word, k int) bool {
	for d := k; d < len(ws) && d < k+6; d++ {
		if ws[d].lower == "that" {
			return true
		}
		if ws[d].punct && clausePunct(ws[d].lower) {
			return false
		}
	}
	return false
}

// clauseAfterAdjunct says whether a clause with a subject of its own
// follows within six words of ws[k], before any clause mark: "said on
// Monday Tartu had been shelled" reports the clause after the adjunct,
// as "said on Monday that …" does.
func clauseAfterAdjunct(a *news.Article, ws []word, k int) bool {
	for d := k; d < len(ws) && d < k+6; d++ {
		if ws[d].punct && clausePunct(ws[d].lower) {
			return false
		}
		if j := tokenAt(a, ws[d].Start); j >= 0 && len(a.Syntax) == len(a.Tokens) {
			if r := a.Syntax[j].Rel; r == "nsubj" || r == "nsubj:pass" || r == "expl" || a.Syntax[j].UPOS == news.AUX {
				return true // (an auxiliary where the parse ran the subject into the adjunct: "on Monday Tartu had been …")
			}
		}
	}
	return false
}

// tail counts the words from ws[k] to the end of the sentence.
func tail(ws []word, k int) int {
	n := 0
	for ; k < len(ws); k++ {
		if !ws[k].punct {
			n++
		}
	}
	return n
}

// openQuote extends content that ends a quotation back to its opening
// mark when the quotation started in an earlier sentence (“…”; straight
// quotes and two apostrophes within the paragraph).
func openQuote(text string, sp news.Span) news.Span {
	c := sp.In(text)
	if strings.Count(c, "''") == 1 && strings.HasSuffix(strings.TrimRight(c, ",. "), "''") {
		// Two apostrophes both open and close: the quotation opened at
		// the last mark of an odd count in the paragraph before it.
		ps := strings.LastIndexByte(text[:sp.Start], '\n') + 1
		if before := text[ps:sp.Start]; strings.Count(before, "''")%2 == 1 {
			return news.Span{Start: ps + strings.LastIndex(before, "''"), End: sp.End}
		}
		return sp
	}
	if strings.Count(c, `"`) == 1 && strings.HasSuffix(strings.TrimRight(c, ",. "), `"`) {
		// A straight quote closing the content: the quotation opened at
		// the last mark of an odd count in the paragraph before it.
		ps := strings.LastIndexByte(text[:sp.Start], '\n') + 1
		if before := text[ps:sp.Start]; strings.Count(before, `"`)%2 == 1 {
			return news.Span{Start: ps + strings.LastIndex(before, `"`), End: sp.End}
		}
		return sp
	}
	if strings.Contains(c, "“") || !(strings.HasSuffix(strings.TrimRight(c, ",. "), "”") || strings.Contains(c, "”")) {
		return sp
	}
	lo := max(0, sp.Start-1500)
	if k := strings.LastIndex(text[lo:sp.Start], "“"); k >= 0 && !strings.Contains(text[lo+k:sp.Start], "”") {
		return news.Span{Start: lo + k, End: sp.End}
	}
	return sp
}

func trimSpan(text string, sp news.Span) news.Span {
	for sp.Start < sp.End {
		r, n := utf8.DecodeRuneInString(text[sp.Start:])
		if !unicode.IsSpace(r) && r != ',' {
			break
		}
		sp.Start += n
	}
	for sp.End > sp.Start {
		r, n := utf8.DecodeLastRuneInString(text[:sp.End])
		if !unicode.IsSpace(r) && r != ',' && r != '.' {
			break
		}
		sp.End -= n
	}
	return sp
}

// resolve names a speaker span: the canonical name of the entity mention
// that heads it (ends where it ends, or the last person in it), else the
// phrase without a leading article.
func (ix *index) resolve(sp news.Span) (string, string) {
	a := ix.a
	var head, person, body *news.Mention
	lo, hi := ix.mentions(sp)
	for i := lo; i < hi; i++ {
		m := &a.Entities[i]
		if m.Type == "ORG" && m.End < sp.End {
			body = m
		}
		if m.End > sp.End || postnominal(a.Text, sp, m.Span) {
			continue
		}
		if m.End == sp.End || strings.TrimSpace(a.Text[m.End:sp.End]) == "" {
			head = m
		}
		if m.Type == "PER" && m.Kind != "demonym" {
			person = m
		}
	}
	pick := head
	if head != nil && body != nil && body.End < head.Start && (head.Type == "GPE" || head.Type == "LOC") {
		// "a spokeswoman for Brevard College in North Carolina": the
		// place is where the body is, not who speaks; the body speaks
		// unless it follows the speaker's own noun.
		if fs := strings.Fields(a.Text[body.End:head.Start]); len(fs) == 1 && (fs[0] == "in" || fs[0] == "at") {
			pick = body
			if postnominal(a.Text, sp, body.Span) {
				pick = nil
			}
		}
	}
	if head != nil && person != nil && person.End < head.Start && (head.Type == "GPE" || head.Type == "LOC" || head.Type == "ORG") {
		// "the BBC's Frances Harrison in Tehran", "Jim Twentyman from
		// Suncoast Gold in south-east Queensland", "Stephen Lacroix with
		// the agency": a person from a body or at a place speaks for
		// themselves.
		if fs := strings.Fields(a.Text[person.End:head.Start]); len(fs) > 0 {
			switch fs[0] {
			case "in", "at", "from", "of", "with":
				pick = person
			}
		}
	}
	if strings.Contains(sp.In(a.Text), " and ") && (pick == nil || strings.Contains(a.Text[sp.Start:max(sp.Start, pick.Start)]+a.Text[min(sp.End, pick.End):sp.End], " and ")) {
		pick, person = nil, nil // a coordination names no single entity (one name may hold "and": "Center on Budget and Policy Priorities")
	}
	if pick == nil && person != nil && person.End >= sp.End-1 {
		pick = person
	}
	if d := ix.description(sp); d != nil {
		pick = d // "the ministry", "the Institute": the body named before
	}
	if pick != nil && pick.Kind != "demonym" {
		name := pick.Canonical
		if name == "" || metonym(pick) {
			name = pick.Text
		}
		return name, pick.Entity
	}
	s := sp.In(a.Text)
	for _, art := range []string{"the ", "The ", "a ", "A ", "an ", "An "} {
		s = strings.TrimPrefix(s, art)
	}
	return s, abbreviated(a, sp)
}

// abbreviated returns the entity of a speaker phrase that is a name and
// its abbreviation in brackets, both of one entity ("the Center for
// Strategic and International Studies (CSIS)"), else "".
func abbreviated(a *news.Article, sp news.Span) string {
	if !strings.HasSuffix(sp.In(a.Text), ")") {
		return ""
	}
	lo, hi := tokens.Within(len(a.Entities), func(i int) int { return a.Entities[i].Start }, sp)
	if hi-lo != 2 {
		return ""
	}
	name, abbr := a.Entities[lo], a.Entities[lo+1]
	if name.Entity == "" || name.Entity != abbr.Entity || strings.TrimSpace(a.Text[name.End:abbr.Start]) != "(" || strings.TrimSpace(a.Text[abbr.End:sp.End]) != ")" {
		return ""
	}
	return name.Entity
}

// metonym says whether a mention names its entity by a place or building
// of several words that shares no word with the entity's name
// ("Downing Street" for the United Kingdom, "the White House" for the
// United States): the speaker is then kept as written, with the entity.
func metonym(m *news.Mention) bool {
	if m.Kind != "name" || m.Canonical == "" || len(strings.Fields(m.Text)) < 2 {
		return false
	}
	stems := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(m.Canonical)) {
		stems[w[:min(4, len(w))]] = true
	}
	for _, w := range strings.Fields(strings.ToLower(m.Text)) {
		if w != "the" && stems[w[:min(4, len(w))]] {
			return false
		}
	}
	return true
}

// postnominal says whether the mention at m sits in a phrase after the
// speaker's common-noun head ("the US embassy in Kyiv", "officials in
// Kyiv", "the US mission to the UN"): it is then not the speaker.
func postnominal(text string, sp, m news.Span) bool {
	pre := strings.Fields(text[sp.Start:m.Start])
	for p := len(pre) - 1; p > 0; p-- {
		switch pre[p] {
		case "in", "at", "from", "for", "of", "near", "across", "on", "to":
			w := pre[p-1]
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsDigit(r) {
				return true // "80% in Poland": a share of the people there
			}
			// A sentence's first word is capitalised whatever it is:
			// "Polls in New Hampshire" are polls. (People there or at a
			// body speak for it: "Officials in Kyiv", "Researchers at
			// the Foundation".)
			return unicode.IsLower(r) || p == 1 && dataNouns[strings.ToLower(w)]
		}
	}
	return false
}

// hedgeAt reports whether the hedge h stands in sentence (low is
// sentence lower-cased between two spaces) as a word written in lower
// case, or capitalised only as the sentence's first word: a capitalised
// "May" inside a sentence is the month or a name, not the modal.
func hedgeAt(sentence, low, h string) bool {
	for from := 0; ; {
		k := strings.Index(low[from:], " "+h+" ")
		if k < 0 {
			return false
		}
		k += from // the word starts at sentence[k] when lower-casing kept the lengths
		if h == "likely" && pollTerm(low[k+len(h)+2:]) {
			from = k + 1 // "likely voters": who was polled, not a hedge
			continue
		}
		if k == 0 || len(low) != len(sentence)+2 {
			return true
		}
		if r, _ := utf8.DecodeRuneInString(sentence[k:]); !unicode.IsUpper(r) {
			return true
		}
		from = k + 1
	}
}

// pollTerm says whether rest, the text after "likely", names the voters
// a poll sampled within its next three words ("likely voters", "likely
// Republican primary voters").
func pollTerm(rest string) bool {
	for i, w := range strings.Fields(rest) {
		if i == 3 {
			break
		}
		switch strings.Trim(w, ".,;:") {
		case "voters", "voter", "caucusgoers", "caucus-goers", "electorate":
			return true
		}
	}
	return false
}

// hedges lists the hedge words of a sentence; every claim of the
// sentence records them.
func hedges(sentence string) []string {
	low := " " + strings.ToLower(sentence) + " "
	var out []string
	for _, h := range hedgeWords {
		if hedgeAt(sentence, low, h) {
			dup := false
			for _, o := range out {
				if strings.Contains(o, h) {
					dup = true
				}
			}
			if !dup {
				out = append(out, h)
			}
		}
	}
	return out
}

// sentencesBetween counts the sentence boundaries between byte offsets
// from and to (from ≤ to).
func (ix *index) sentencesBetween(from, to int) int {
	ss := ix.a.Sentences
	at := func(p int) int { return sort.Search(len(ss), func(i int) bool { return ss[i].End > p }) }
	return at(to) - at(from)
}

// pollBefore returns the claim of a poll credited in the three
// sentences up to the cue at cue: the one the pollster rule found
// (ix.poll), else the latest claim whose speaker is a poll or a survey
// ("The polling, carried out between 28 April and 11 May, found …");
// -1 when there is none.
func (ix *index) pollBefore(claims []news.Claim, cue news.Span) int {
	for p := len(claims) - 1; p >= 0; p-- {
		c := claims[p]
		if c.CueSpan.End >= cue.End || ix.sentencesBetween(c.CueSpan.Start, cue.Start) > 3 {
			continue
		}
		if ix.poll > 0 && c.CueSpan.End == ix.poll {
			return p
		}
		if c.SpeakerSpan != nil {
			fs := strings.Fields(strings.ToLower(c.SpeakerSpan.In(ix.a.Text)))
			if len(fs) > 0 && pollNouns[fs[len(fs)-1]] {
				return p
			}
		}
	}
	return -1
}

// pollNouns head the speaker of a poll's findings.
var pollNouns = tokens.Set(`poll polls polling survey surveys`)

// bodyBefore returns the claim whose speaker a definite description of a
// body names ("the company said" after "Aramco reported"): the latest
// claim of the ten sentences before with an organisation as speaker (the
// nearest compatible actor), or -1. Only for a description the entity
// layer did not resolve.
func bodyBefore(a *news.Article, ix *index, claims []news.Claim, cl news.Claim) int {
	fs := strings.Fields(strings.ToLower(cl.Speaker))
	if len(fs) != 1 || !tokens.BodyHeads[fs[0]] || !strings.HasPrefix(strings.ToLower(cl.SpeakerSpan.In(a.Text)), "the ") {
		return -1
	}
	// A source an apposition described so comes first: "according to the
	// U.N. High Commissioner for Refugees, the U.N. refugee agency, …" and
	// later "according to the agency".
	for p := len(claims) - 1; p >= 0 && appositionHeads[fs[0]]; p-- {
		c := claims[p]
		if ix.sentencesBetween(c.CueSpan.Start, cl.CueSpan.Start) > 10 {
			break
		}
		if c.SpeakerSpan != nil && c.SpeakerSpan.End+2 < cl.SpeakerSpan.Start && apposedAs(a.Text, c.SpeakerSpan.End, fs[0]) {
			return p
		}
	}
	for p := len(claims) - 1; p >= 0; p-- {
		c := claims[p]
		if ix.sentencesBetween(c.CueSpan.Start, cl.CueSpan.Start) > 10 {
			break
		}
		if strings.HasPrefix(c.SpeakerEntity, "org:") {
			if notCompany(fs[0], c.Speaker, c.SpeakerEntity) {
				continue
			}
			return p
		}
	}
	return -1
}

// describedBefore resolves a speaker the entity layer left unresolved
// that describes one who spoke before: "the spokesman specified" after "a
// spokesman for the local police", "the company said" after "Aramco
// reported".
func describedBefore(a *news.Article, ix *index, claims []news.Claim, cl *news.Claim) {
	if cl.SpeakerSpan == nil || cl.SpeakerEntity != "" {
		return
	}
	if p := roleBefore(a, ix, claims, *cl); p >= 0 {
		cl.Speaker, cl.SpeakerEntity = claims[p].Speaker, claims[p].SpeakerEntity
	}
	if p := bodyBefore(a, ix, claims, *cl); p >= 0 {
		cl.Speaker, cl.SpeakerEntity = claims[p].Speaker, claims[p].SpeakerEntity
	}
}

// roleBefore returns the latest claim of the last ten sentences whose
// speaker is described by the same office that a definite description
// names alone ("the spokesman" after "a spokesman for the local police"),
// or -1.
func roleBefore(a *news.Article, ix *index, claims []news.Claim, cl news.Claim) int {
	fs := strings.Fields(strings.ToLower(cl.SpeakerSpan.In(a.Text)))
	if len(fs) != 2 || fs[0] != "the" {
		return -1
	}
	if _, ok := personRoles[fs[1]]; !ok {
		return -1
	}
	for p := len(claims) - 1; p >= 0; p-- {
		c := claims[p]
		if ix.sentencesBetween(c.CueSpan.Start, cl.CueSpan.Start) > 10 {
			break
		}
		if c.SpeakerSpan != nil && c.SpeakerSpan.Start < cl.SpeakerSpan.Start && len(c.Speaker) > len(fs[1]) &&
			strings.Contains(strings.ToLower(c.SpeakerSpan.In(a.Text)), fs[1]) {
			return p
		}
	}
	return -1
}

// relativeSubject returns the antecedent of a relative pronoun that is
// the subject of the cue verb at pos ("the manifesto pledge, which said
// that …": the manifesto pledge), from the syntax layer: the noun just
// before the pronoun, with its dependents before it.
func relativeSubject(a *news.Article, pos int, sent news.Span) (news.Span, bool) {
	v := tokenAt(a, pos)
	if v < 0 {
		return news.Span{}, false
	}
	subj := -1
	for k := max(0, v-8); k < v; k++ {
		if int(a.Syntax[k].Head) == v && a.Syntax[k].Rel == "nsubj" {
			subj = k
		}
	}
	if subj < 0 || a.Syntax[subj].UPOS != news.PRON {
		return news.Span{}, false
	}
	switch strings.ToLower(a.Tokens[subj].Span.In(a.Text)) {
	case "which", "who", "that":
	default:
		return news.Span{}, false
	}
	// The antecedent is the noun just before the pronoun (over a comma):
	// the parse may hang the relative clause elsewhere.
	head := subj - 1
	if head >= 0 && a.Syntax[head].UPOS == news.PUNCT {
		head--
	}
	if head < 0 {
		return news.Span{}, false
	}
	if u := a.Syntax[head].UPOS; u != news.NOUN && u != news.PROPN {
		return news.Span{}, false
	}
	first := head
	for k := head - 1; k >= 0 && head-k <= 6; k-- {
		if int(a.Syntax[k].Head) != head || a.Syntax[k].UPOS == news.ADP || a.Syntax[k].UPOS == news.PUNCT {
			break
		}
		first = k
	}
	sp := news.Span{Start: a.Tokens[first].Start, End: a.Tokens[head].End}
	if sp.Start < sent.Start {
		return news.Span{}, false
	}
	return sp, true
}

// nameColon returns the claim of a sentence that opens with a person's
// name and a colon, as headlines and live-blog entries credit a
// statement ("Zelensky: 3,000 troops killed so far"). A place, a body or
// a label before the colon ("Kyiv: …", "Update: …") credits no one.
func nameColon(a *news.Article, ix *index, ws []word, sent news.Span) (news.Claim, bool) {
	c := 0
	for c < len(ws) && c < 5 && ws[c].lower != ":" {
		c++
	}
	if c == 0 || c >= len(ws)-2 || ws[c].lower != ":" {
		return news.Claim{}, false
	}
	said := 0
	for _, w := range ws[c+1:] {
		if r, _ := utf8.DecodeRuneInString(w.lower); !w.punct && unicode.IsLetter(r) {
			said++
		}
	}
	if said < 2 {
		return news.Claim{}, false // "Clinton: 1,769.": a tally, not words
	}
	name := news.Span{Start: ws[0].Start, End: ws[c-1].End}
	person := false
	lo, hi := ix.mentions(name)
	for _, m := range a.Entities[lo:hi] {
		person = person || m.Type == "PER" && m.Start <= name.Start && m.End >= name.End
	}
	if !person {
		return news.Claim{}, false
	}
	cl := news.Claim{CueSpan: ws[c].Span, Cue: ":", Parent: -1}
	cl.Content = trimSpan(a.Text, news.Span{Start: ws[c+1].Start, End: sent.End})
	cl.Span = news.Span{Start: name.Start, End: cl.Content.End}
	setSpeaker(a, ix, &cl, name)
	if cl.SpeakerSpan == nil {
		return news.Claim{}, false
	}
	cl.Hedges = hedges(cl.Content.In(a.Text))
	return cl, true
}

// colonQuote returns the claim of a quotation that a subject introduces
// with any verb and a colon ("He continued: '…'", "the minister
// wrote: “…”"), when no cue of the sentence covers it: the verb must be
// tagged VERB by the syntax layer and its subject (the words before it)
// a speaker; a pronoun resolves as for any cue.
func colonQuote(a *news.Article, ix *index, ws []word, claims []news.Claim, inSentence []int, sent, prev news.Span) (news.Claim, bool) {
	// taken says whether a claim of the sentence already has the cue or
	// the content.
	taken := func(cue, content news.Span) bool {
		for _, i := range inSentence {
			k := claims[i]
			if k.CueSpan.Start < cue.End && cue.Start < k.CueSpan.End || k.Content.Start <= content.Start && content.Start < k.Content.End {
				return true
			}
		}
		return false
	}
	for c := 2; c < len(ws); c++ {
		if ws[c].lower != ":" {
			continue
		}
		var content news.Span
		if c+1 < len(ws) && isQuote(ws[c+1].lower) {
			if m := ix.labelName(ws, c); m != nil {
				// "Jeffrey M. Jones: “…”": a name set on its own before a
				// colon speaks the quotation after it.
				cl := news.Claim{CueSpan: ws[c].Span, Cue: ":", Parent: -1, Direct: true}
				cl.Content = trimSpan(a.Text, news.Span{Start: ws[c+1].Start, End: sent.End})
				if taken(cl.CueSpan, cl.Content) {
					return news.Claim{}, false
				}
				cl.Span = news.Span{Start: m.Start, End: cl.Content.End}
				setSpeaker(a, ix, &cl, m.Span)
				if cl.SpeakerSpan != nil {
					cl.Hedges = hedges(cl.Content.In(a.Text))
					return cl, true
				}
			}
		}
		if c+1 < len(ws) {
			if q := ws[c+1].lower; !(isQuote(q) || q == "‘" || q == "'") || !taggedVerb(a, ws[c-1].Start) {
				continue
			}
			content = trimSpan(a.Text, news.Span{Start: ws[c+1].Start, End: sent.End})
		} else if q, ok := quotedParagraph(a.Text, ws[c].End); ok && taggedUPOS(a, ws[c-1].Start) == news.VERB {
			// "Berg continued:" over a quoted paragraph (a line the
			// syntax stage tags but need not parse).
			content = q
		} else {
			continue
		}
		cue := ws[c-1].Span
		if taken(cue, content) {
			return news.Claim{}, false
		}
		var spk news.Span
		if pronouns[ws[c-2].lower] {
			spk = ws[c-2].Span
		} else if start, end, ok := subjectLeft(a, ws, c-1); ok {
			spk = news.Span{Start: ws[start].Start, End: ws[end].End}
		} else {
			return news.Claim{}, false
		}
		cl := news.Claim{CueSpan: cue, Cue: strings.ToLower(cue.In(a.Text)), Parent: -1}
		cl.Content = content
		cl.Span = news.Span{Start: spk.Start, End: cl.Content.End}
		setSpeaker(a, ix, &cl, spk)
		if cl.SpeakerSpan == nil {
			return news.Claim{}, false
		}
		if pr := strings.ToLower(cl.Speaker); pronouns[pr] {
			if name, ent, ok := ix.pronoun(pr, pronounPos(pr, cl), cl.Content, claims, sent, prev, nil); ok {
				cl.Speaker, cl.SpeakerEntity = name, ent
			} else {
				cl.Speaker = Unresolved(cl.Speaker)
			}
		}
		cl.Direct = true
		cl.Hedges = hedges(cl.Span.In(a.Text))
		return cl, true
	}
	return news.Claim{}, false
}

// labelName returns the person named right before the colon ws[c] when
// the name stands alone: it opens the sentence or follows a dash, and no
// word but the name lies before the colon since.
func (ix *index) labelName(ws []word, c int) *news.Mention {
	m := ix.lastPersonBefore(ws[c].Start)
	if m == nil || m.End != ws[c-1].End || m.Kind != "name" {
		return nil
	}
	k := c - 1
	for k >= 0 && ws[k].Start >= m.Start {
		k--
	}
	if k >= 0 && !isDash(ws[k].lower) {
		return nil
	}
	return m
}

// agentParticiples report a number through the agent after "by" when
// they modify the noun that counts it ("the 2.1 percent growth rate
// projected by the IMF").
var agentParticiples = tokens.Set(`estimated projected forecast predicted reported recorded counted calculated confirmed cited given`)

// byAgents returns the claims of reduced passives on a number's noun
// phrase: "the 2.1 percent growth rate projected by the IMF", "the
// 12,000 troops estimated by Seoul". The agent is the speaker, the noun
// phrase up to the participle the content.
func byAgents(a *news.Article, ix *index, ws []word) []news.Claim {
	if len(a.Syntax) != len(a.Tokens) {
		return nil
	}
	var out []news.Claim
	for i := 1; i+2 < len(ws); i++ {
		if !agentParticiples[ws[i].lower] || ws[i+1].lower != "by" {
			continue
		}
		v := tokenAt(a, ws[i].Start)
		if v < 0 || a.Syntax[v].Rel != "acl" || a.Syntax[v].UPOS != news.VERB {
			continue
		}
		lo := leftmost(a, int(a.Syntax[v].Head))
		content := trimSpan(a.Text, news.Span{Start: a.Tokens[lo].Start, End: ws[i-1].End})
		if content.Len() == 0 || !strings.ContainsAny(content.In(a.Text), "0123456789") && !slices.ContainsFunc(wordsIn(ws, content), func(w word) bool { return numberWord(w.lower) }) {
			continue
		}
		end := i + 2
		for end < len(ws) && end < i+10 && !(ws[end].punct && clausePunct(ws[end].lower)) && taggedUPOS(a, ws[end].Start) != news.VERB && taggedUPOS(a, ws[end].Start) != news.AUX {
			end++
		}
		sp, ok := trimPhrase(a.Text, ws[i+2:end])
		if !ok || !okSpeaker(a.Text, wordsIn(ws, sp)) {
			continue
		}
		cl := news.Claim{CueSpan: ws[i].Span, Cue: ws[i].lower, Content: content, Parent: -1}
		cl.Span = news.Span{Start: content.Start, End: sp.End}
		setSpeaker(a, ix, &cl, sp)
		if cl.SpeakerSpan == nil {
			continue
		}
		cl.Hedges = hedges(cl.Span.In(a.Text))
		out = append(out, cl)
	}
	return out
}

// wordsIn returns the words of ws that lie inside sp.
func wordsIn(ws []word, sp news.Span) []word {
	var out []word
	for _, w := range ws {
		if w.Start >= sp.Start && w.End <= sp.End {
			out = append(out, w)
		}
	}
	return out
}

// leftmost returns the first token of the subtree under token h.
func leftmost(a *news.Article, h int) int {
	first := h
	for j := max(0, h-40); j < h; j++ {
		for k, d := j, 0; k >= 0 && d < 30; k, d = int(a.Syntax[k].Head), d+1 {
			if k == h {
				first = j
				break
			}
		}
		if first < h {
			break
		}
	}
	return first
}

// relAt returns the dependency relation of the token at byte offset
// pos, or "" without a syntax layer.
func relAt(a *news.Article, pos int) string {
	if k := tokenAt(a, pos); k >= 0 && len(a.Syntax) == len(a.Tokens) {
		return a.Syntax[k].Rel
	}
	return ""
}

// hasChild says whether the token at pos has a dependent with relation
// rel in the syntax layer ("said" with a ccomp: a clause is reported;
// "claimed 298 lives" has an object only).
func hasChild(a *news.Article, pos int, rel string) bool {
	v := tokenAt(a, pos)
	if v < 0 {
		return false
	}
	for k := max(0, v-40); k < min(len(a.Tokens), v+40); k++ {
		if int(a.Syntax[k].Head) == v && a.Syntax[k].Rel == rel {
			return true
		}
	}
	return false
}

// addsThing says whether w is "add" with a thing for its object and no
// clause: "organizers added 160 security personnel" adds, it does not say.
func addsThing(a *news.Article, w word) bool {
	switch w.lower {
	case "add", "adds", "added":
	default:
		return false
	}
	v := tokenAt(a, w.Start)
	if v < 0 || v+1 >= len(a.Tokens) || strings.EqualFold(a.Tokens[v+1].In(a.Text), "that") || hasChild(a, w.Start, "ccomp") || clauseAsObject(a, w.Start) {
		return false // "added that talks were over"
	}
	for k := v + 1; k < min(len(a.Tokens), v+12); k++ {
		if int(a.Syntax[k].Head) == v && a.Syntax[k].Rel == "obj" {
			u := a.Syntax[k].UPOS
			return u == news.NOUN || u == news.NUM // a thing, not a pronoun or a clause the tree took for one
		}
	}
	return false
}

// clauseAsObject says whether the verb at pos has a clause the parse
// read as an object and a participle ("found Liberals favored Berg":
// "Liberals" the object, "favored" a clause on it): a finite verb right
// after the object's noun.
func clauseAsObject(a *news.Article, pos int) bool {
	v := tokenAt(a, pos)
	if v < 0 || len(a.Syntax) != len(a.Tokens) {
		return false
	}
	for o := v + 1; o < min(len(a.Tokens)-1, v+6); o++ {
		if int(a.Syntax[o].Head) != v || a.Syntax[o].Rel != "obj" {
			continue
		}
		u := o + 1
		return int(a.Syntax[u].Head) == o && a.Syntax[u].Rel == "acl" && a.Syntax[u].UPOS == news.VERB && strings.HasSuffix(strings.ToLower(a.Tokens[u].Span.In(a.Text)), "ed")
	}
	return false
}

// addsAThing reports whether the cue "added" or "adds" at byte offset
// pos adds a thing rather than words: a noun object, no clausal
// complement and no "that" after it ("In 2004, Nato added the Baltic
// states").
func addsAThing(a *news.Article, cue string, pos int) bool {
	if cue != "added" && cue != "adds" {
		return false
	}
	v := tokenAt(a, pos)
	if v < 0 || v+1 < len(a.Tokens) && strings.EqualFold(a.Tokens[v+1].In(a.Text), "that") {
		return false
	}
	if !nounObject(a, v) || hasChild(a, pos, "ccomp") {
		return false
	}
	if v > 0 && v+1 < len(a.Tokens) {
		// An inverted attribution after a quotation or a clause: "…,”
		// added Pavone", "…, added the ministry".
		prev := a.Tokens[v-1].In(a.Text)
		if isQuote(prev) || prev == "," && upper(a.Tokens[v+1].In(a.Text)) {
			return false
		}
	}
	// No verb follows in the sentence: "He adds the army must be ready"
	// states something, whatever the parse made of "the army".
	for k := v + 1; k < len(a.Tokens); k++ {
		w := a.Tokens[k].In(a.Text)
		if w == "." || w == ";" || w == "!" || w == "?" {
			break
		}
		if u := a.Syntax[k].UPOS; u == news.VERB || u == news.AUX {
			return false
		}
	}
	return true
}

// recipientSkipped returns where the content after the cue ws[i:i+n]
// starts: after "that" as afterCue finds it, and, for a verb with a
// recipient ("told the BBC's correspondent Jane Doe the tone was
// calm"), at the first word of the clause the syntax layer makes its
// complement, past the recipient.
func recipientSkipped(a *news.Article, ws []word, i, n int) int {
	start := afterCue(a, ws, i+n)
	if !recipientVerbs[ws[i].lower] || i+n >= len(ws) || start != ws[i+n].Start {
		return start // no recipient verb, or "that" already marks the clause
	}
	v := tokenAt(a, ws[i].Start)
	if v < 0 {
		return start
	}
	for k := v + 1; k < min(len(a.Tokens), v+60); k++ {
		if int(a.Syntax[k].Head) != v || a.Syntax[k].Rel != "ccomp" {
			continue
		}
		// The complement's first word: its leftmost descendant.
		first := max(leftmost(a, k), v+1)
		if off := a.Tokens[first].Start; off > start {
			return off
		}
		return start
	}
	return start
}

// recipientVerbs take the person told as an object before what is said.
var recipientVerbs = tokens.Set("told tells tell telling warned warns warning assured assures informed informs reminded reminds")

// nounObject reports whether token v has a noun or proper noun as its
// direct object in the syntax layer.
func nounObject(a *news.Article, v int) bool {
	for k := max(0, v-40); k < min(len(a.Tokens), v+40); k++ {
		if int(a.Syntax[k].Head) == v && a.Syntax[k].Rel == "obj" {
			if u := a.Syntax[k].UPOS; u == news.NOUN || u == news.PROPN {
				return true
			}
		}
	}
	return false
}

// freeRelative returns the subject of a free relative clause that names
// a source by what it said ("according to what it mentioned", "what the
// ministry told reporters"): the words after "what", up to the reporting
// verb when the phrase holds it.
func freeRelative(text string, sp news.Span) (news.Span, bool) {
	phrase := sp.In(text)
	if !strings.HasPrefix(strings.ToLower(phrase), "what ") {
		return news.Span{}, false
	}
	start, end := sp.Start+len("what "), sp.End
	fs := strings.Fields(phrase)
	for k := 2; k < len(fs) && k <= 6; k++ {
		if reportVerbsPast[strings.ToLower(strings.Trim(fs[k], ",."))] {
			end = sp.Start + strings.Index(phrase, " "+fs[k])
			break
		}
	}
	if end == sp.End {
		next := strings.Fields(text[sp.End:min(len(text), sp.End+20)])
		if len(next) == 0 || !reportVerbsPast[strings.ToLower(strings.Trim(next[0], ",."))] {
			return news.Span{}, false
		}
	}
	return news.Span{Start: start, End: end}, end > start
}

// reportVerbsPast are the past forms that end a free relative source.
var reportVerbsPast = map[string]bool{"said": true, "says": true, "told": true, "mentioned": true, "reported": true,
	"wrote": true, "stated": true, "claimed": true, "announced": true, "posted": true, "published": true}
