package claim

import (
	"slices"
	"strings"
	"unicode/utf8"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/news"
)

// pledgeVerbs are the verbs by which a state, a body or a person commits
// to something ("Britain pledged £50m", "the allies have promised").
var pledgeVerbs = tokens.Set(`pledged pledges pledge promised promises unveiled unveils`)

// commitVerbs commit an amount after "will" or "would" ("Britain will
// commit an extra 1,000 troops"); "commit to future Nato membership" and
// "committed 300 abuses" are no pledges.
var commitVerbs = tokens.Set(`commit commits committed`)

// planVerbs announce a plan to give ("plans to send"). The bare "plan"
// must be tagged a verb ("the Polish plan to provide jets" is no pledge);
// the tagger often takes "plans" after a name for a noun, so that form
// is not checked.
var planVerbs = tokens.Set(`plans plan planned intends intend wants want`)

// proposalVerbs put forward a plan with an amount in it ("is proposing
// … 500 million solar panels", "has called for a 15 percent rate").
var proposalVerbs = tokens.Set(`proposed proposes proposing propose`)

// agreeVerbs commit to a giving ("agreed to send").
var agreeVerbs = tokens.Set(`agreed agrees offered offers vowed vows`)

// givingVerbs are the progressive forms of giveVerbs: "is sending"
// announces a delivery under way.
var givingVerbs = tokens.Set(`giving sending providing supplying delivering donating`)

// giveVerbs are the verbs of a future or planned giving ("will send",
// "plans to give").
var giveVerbs = tokens.Set(`give send provide supply deliver donate`)

// placeTimeRelative open a non-restrictive relative clause on a place or
// a time (", where …", ", when …").
var placeTimeRelative = tokens.Set(`where when`)

// pledges returns the claims of the pledges and plans in the words ws of
// one sentence that the writer states (outside every claim's content
// found so far): the subject that pledges ("Britain pledged £50m",
// "European governments have pledged", "The UK plans to give …",
// "Germany will send …") speaks for the rest of the sentence up to a
// relative clause on a place or time (", where Britain already has …"). The
// subject must be an actor: a named state, organisation or person, or a
// group noun ("governments", "allies").
func pledges(a *news.Article, ix *index, ws []word, claims []news.Claim, inSentence []int, prev news.Span) []news.Claim {
	var out []news.Claim
	for k := 0; k < len(ws); k++ {
		first, last := -1, -1
		switch {
		case pledgeVerbs[ws[k].lower] && verbAt(a, ws[k].Start, ws[k].lower),
			commitVerbs[ws[k].lower] && k > 0 && (ws[k-1].lower == "will" || ws[k-1].lower == "would") && amountWithin(ws, k+1, 3),
			(ws[k].lower == "declared" || ws[k].lower == "declares") && claimsObject(ws, k) && amountWithin(ws, k+1, 4):
			// "Aramco declared a dividend of $19.5 billion": a body's
			// announcement of an amount.
			first, last = k, k
		case (ws[k].lower == "will" || ws[k].lower == "would") && k+1 < len(ws) && giveVerbs[ws[k+1].lower]:
			first, last = k, k+1
		case (planVerbs[ws[k].lower] && (ws[k].lower != "plan" || verbAt(a, ws[k].Start, ws[k].lower)) || agreeVerbs[ws[k].lower]) && k+2 < len(ws) && ws[k+1].lower == "to" &&
			(giveVerbs[ws[k+2].lower] || taggedVerb(a, ws[k+2].Start)):
			// "plans to give", and where the sentence is parsed any plan
			// of the subject's ("plans to accept 100,000 refugees").
			first, last = k, k+2
		case (ws[k].lower == "is" || ws[k].lower == "are") && k+1 < len(ws) && givingVerbs[ws[k+1].lower] && amountWithin(ws, k+2, 3):
			first, last = k, k+1 // "the UK is sending more than 1,600 missiles"
		case proposalVerbs[ws[k].lower] && verbAt(a, ws[k].Start, ws[k].lower) && amountWithin(ws, k+1, 8):
			first, last = k, k
		case (ws[k].lower == "called" || ws[k].lower == "calls" || ws[k].lower == "call") && k+1 < len(ws) && ws[k+1].lower == "for" && amountWithin(ws, k+2, 12):
			first, last = k, k+1
		}
		if first < 0 || last+1 >= len(ws) {
			continue
		}
		cue := news.Span{Start: ws[first].Start, End: ws[last].End}
		inside := false
		for _, ci := range inSentence {
			c := claims[ci]
			if c.Content.Start <= cue.Start && cue.End <= c.Content.End || c.CueSpan.Start < cue.End && cue.Start < c.CueSpan.End {
				inside = true
			}
		}
		for _, c := range out {
			if c.Content.Start <= cue.Start && cue.End <= c.Content.End {
				inside = true
			}
		}
		if inside {
			k = last
			continue
		}
		cl := news.Claim{CueSpan: cue, Cue: strings.ToLower(cue.In(a.Text)), Parent: -1, Kind: news.ClaimPledge}
		cl.Content = trimSpan(a.Text, news.Span{Start: ws[last+1].Start, End: ws[pledgeEnd(ws, last)].End})
		if j, ok := personalSubject(ws, first); ok {
			// "he vows to impose a 35 percent tax", "she calls for $275
			// billion": the person the pronoun stands for.
			name, ent, ok := ix.pronoun(ws[j].lower, ws[first].Start, cl.Content, slices.Concat(claims, out), news.Span{Start: ws[0].Start, End: ws[len(ws)-1].End}, prev, nil)
			if !ok {
				continue
			}
			sp := ws[j].Span
			cl.SpeakerSpan, cl.Speaker, cl.SpeakerEntity = &sp, name, ent
			cl.Span = news.Span{Start: sp.Start, End: cl.Content.End}
		} else {
			var spk news.Span
			if start, end, ok := subjectLeft(a, ws, first); ok {
				spk = news.Span{Start: ws[start].Start, End: ws[end].End}
			} else if sub, ok := pledgeSubject(a, ws, first, last); ok {
				// The subject of a coordinated verb ("the US expands
				// sanctions and plans to accept …"), from the syntax layer.
				spk = sub
			} else {
				continue
			}
			if !ix.actor(spk) {
				continue
			}
			cl.Span = news.Span{Start: spk.Start, End: cl.Content.End}
			setSpeaker(a, ix, &cl, spk)
			if cl.SpeakerSpan == nil {
				continue
			}
		}
		cl.Hedges = hedges(cl.Span.In(a.Text))
		out = append(out, cl)
		k = last
	}
	return out
}

// pledgeEnd returns the index of the last word of a pledge whose cue
// ends at ws[last]: the end of the sentence, or the word before a
// contrast ("…, but Mrs. Clinton would leave it at 35 percent") or a
// relative clause on a place or time ("… to the defence of Estonia,
// where Britain already has 1,700 troops"), which are the writer's, or
// before a semicolon.
func pledgeEnd(ws []word, last int) int {
	for j := last + 1; j+1 < len(ws); j++ {
		if j > last+1 && (ws[j].lower == ";" || ws[j].lower == "," && (ws[j+1].lower == "but" || ws[j+1].lower == "while" ||
			ws[j+1].lower == "whereas" || placeTimeRelative[ws[j+1].lower])) {
			return j - 1
		}
	}
	return len(ws) - 1
}

// personalSubject returns the index of the personal pronoun (he, she,
// they, we) that is the subject right before the cue at ws[first], over
// auxiliaries and adverbs ("he vows", "she has now called for").
func personalSubject(ws []word, first int) (int, bool) {
	j := first - 1
	for j > 0 && auxiliaries[ws[j].lower] {
		j--
	}
	if j < 0 || j != 0 && !ws[j-1].punct && !boundary[ws[j-1].lower] {
		return 0, false
	}
	switch ws[j].lower {
	case "he", "she", "they", "we":
		return j, true
	}
	return 0, false
}

// subjectLeft finds the subject noun phrase ending before ws[i] (over
// auxiliaries and adverbs: "the UK has to date"): its first and last
// word, or ok false; an infinitive cue ("to call for") has none there.
func subjectLeft(a *news.Article, ws []word, i int) (start, end int, ok bool) {
	text := a.Text
	if i > 0 && ws[i-1].lower == "to" {
		return 0, 0, false // "… has written to the minister to call for …": the infinitive's subject is the clause's
	}
	j := i - 1
	for j > 0 && auxiliaries[ws[j].lower] && !ws[j-1].punct {
		j--
	}
	end = j
	for j >= 0 && !(ws[j].punct && clausePunct(ws[j].lower)) && (!boundary[ws[j].lower] || joinsNames(text, ws, j)) && end-j < 10 {
		j--
	}
	start = j + 1
	start, end = trimSpeaker(a, ws, start, end)
	if start > end || !okSpeaker(text, ws[start:end+1]) || pronouns[ws[end].lower] {
		return 0, 0, false
	}
	return start, end, true
}

// actor says whether a phrase names an actor that can pledge: it holds a
// state, organisation or person mention, or ends in a group noun.
func (ix *index) actor(sp news.Span) bool {
	lo, hi := ix.mentions(sp)
	for _, m := range ix.a.Entities[lo:hi] {
		if m.End <= sp.End && m.Kind != "demonym" && (m.Type == "GPE" || m.Type == "ORG" || m.Type == "PER") {
			return true
		}
	}
	return groupHead(sp.In(ix.a.Text))
}

// pledgeSubject returns the subject the syntax layer gives the pledge
// cue ws[first..last]: its first word's, else its last word's (the
// tagger may take "plans" for a noun, and then "to accept" hangs on the
// clause before), when it precedes the cue and can be a speaker.
func pledgeSubject(a *news.Article, ws []word, first, last int) (news.Span, bool) {
	sent := news.Span{Start: ws[0].Start, End: ws[len(ws)-1].End}
	for _, k := range []int{first, last} {
		if sub, ok := syntaxSubject(a, ws[k].Start, sent); ok && sub.End <= ws[first].Start && okSubject(a, sub) {
			return sub, true
		}
	}
	return news.Span{}, false
}

// taggedAs says whether the syntax layer parsed the token at pos and
// tagged it u.
func taggedAs(a *news.Article, pos int, u news.UPOS) bool {
	k := tokenAt(a, pos)
	return k >= 0 && a.Syntax[k].UPOS == u
}

// taggedUPOS returns the tag the syntax layer gives the token at pos,
// parsed or not (0 without a syntax layer).
func taggedUPOS(a *news.Article, pos int) news.UPOS {
	if k := taggedAt(a, pos); k >= 0 {
		return a.Syntax[k].UPOS
	}
	return 0
}

// taggedVerb says whether the syntax layer parsed the token at pos and
// tagged it VERB (false without a parse).
func taggedVerb(a *news.Article, pos int) bool {
	k := tokenAt(a, pos)
	return k >= 0 && a.Syntax[k].UPOS == news.VERB
}

// amountWithin says whether one of the n words from ws[k] is an amount
// (it starts with a digit or a currency sign): "is sending more than
// 1,600 missiles" announces a delivery, "is providing assistance" does
// not.
func amountWithin(ws []word, k, n int) bool {
	for _, w := range ws[min(k, len(ws)):min(k+n, len(ws))] {
		if r, _ := utf8.DecodeRuneInString(w.lower); r >= '0' && r <= '9' || r == '$' || r == '£' || r == '€' {
			return true
		}
	}
	return false
}
